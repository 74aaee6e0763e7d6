"""Ages of a household said in one breath (ages23, round twenty-three: ``agelists.py``): the next item of a list
that holds an age and a bracketed age after a person. Invented sentences, both languages, with look-alikes (counts,
scores, grades, times, durations, house numbers, a bracketed room or telephone prefix, a list running into a noun)
that must stay undetected."""

from __future__ import annotations

import pytest

from makna.privacy import detect

AGES = [
    ("P: Cucu ambo, Sutan Rajo Ameh, alah sabaleh taun jalan duo baleh, sakolah di SD.", "id", "sabaleh"),
    ("P: Our girls are eight and a half and nearly six, both at the same school.", "en", "nearly six"),
    ("P: Our children are fifteen next month, eleven come June and just six.", "en", "just six"),
    ("P: Inyo baserai, anaknyo tigo, nan gadang duo baleh, nan tangah salapan, samo jo ambo.", "id", "salapan"),
    ("P: We live with my daughter Wairimu (seventeen and a half), near the market.", "en", "seventeen and a half"),
    ("P: Cucu saya dua, Kadek Ayu (tujuh) dan Putu, sudah kelas dua.", "id", "tujuh"),
    (
        "P: Anak kami dua, Zakiah sebelas tahun, adiknya Lalu Rizki empat tahun setengah, dijaga neneknya.",
        "id",
        "empat",
    ),
]

NO_AGES = [
    ("P: Ado, Uda Rustam, duo. Nan partamo di pasa.", "duo"),
    ("P: I rang Maria, 3 times, no answer.", "3"),
    ("P: Kami ketemu Pak Hadi, jam 9, di pos ronda.", "9"),
    ("P: The kids scored: Rina 12, Dodi 9, so Rina won.", "9,"),
    ("P: Anaknya dua, laki-laki semua, yang satu kerja di Batam.", "dua"),
    ("P: My son is 5 minutes away, my daughter is one of the nurses.", "5"),
    ("P: Anak-anak dapat nilai 8, 9, 7 waktu ujian, lumayan.", "9"),
    ("P: My brother was first, my sister second, I came third.", "second"),
    ("P: I'm 41, two kids and a dog, and the shift is twelve hours.", "two"),
    ("P: Saya jual 30 bungkus, Budi 12 ribu sehari.", "12"),
    ("P: Rumah saya nomor 12, yang sebelah nomor 14.", "14"),
    ("P: We left at nine, Tomasz (room 21) stayed till half ten.", "21"),
    ("P: Call Rina (0812) after the shift, not before.", "0812"),
    ("P: She's nine, and 3 kids in the car every morning.", "3"),
    ("P: Dia sudah sembilan tahun, dan 3 anak lain ikut mobil.", "3"),
    ("P: Umurnya 40, dan 20 tahun kerja di pasar.", "20"),
    # review23: a capitalised word before a number is a person only where a PERSON was found there
    ("P: She is 34, Flat 12.", "12"),
    ("P: He's 52, Room 7, the one by the stairs.", "7"),
    ("P: Umurnya 34 tahun, Blok 5.", "5"),
    ("P: My mum is 61, Bus 7 takes her there.", "7"),
]


@pytest.mark.parametrize(("text", "language", "age"), AGES)
def test_an_age_of_a_household_is_found(text: str, language: str, age: str) -> None:
    found = [d for d in detect(text, language=language) if d.type == "AGE"]
    at = text.index(age)
    assert any(d.start <= at < d.end for d in found), [(d.type, d.text) for d in detect(text, language=language)]


_KNOWN_OPEN: frozenset[tuple[str, str]] = frozenset({("P: The kids scored: Rina 12, Dodi 9, so Rina won.", "id")})
"""Look-alikes the model retrained in round twenty-six (retrain26) takes: read as Indonesian, "Dodi 9" is tagged AGE
by the learned layer, and its check lets a bare number right after a person stand (an age said so is common).
Strict expected failures, so a fix shows."""


@pytest.mark.parametrize(("text", "look_alike"), NO_AGES)
@pytest.mark.parametrize("language", ["en", "id"])
def test_a_look_alike_stays_undetected(
    text: str, look_alike: str, language: str, request: pytest.FixtureRequest
) -> None:
    if (text, language) in _KNOWN_OPEN:
        request.node.add_marker(pytest.mark.xfail(strict=True, reason="known open since retrain26"))
    at = text.index(look_alike)
    ages = [d for d in detect(text, language=language) if d.type == "AGE"]
    assert not any(d.start <= at < d.end for d in ages), [d.text for d in ages]


@pytest.mark.parametrize(
    "text", ["She is 34, Flat 12.", "He is 34, Room 7, the one by the stairs.", "Umurnya 34 tahun, Blok 5.",
             "My mum is 34, Bus 7 takes her there."]
)
def test_capitalised_words_before_a_number_are_a_person_only_where_one_was_found(text: str) -> None:
    """review23: the pass itself (whatever other detectors make of ``Flat 12``) takes no unit number for an age;
    a name found as a PERSON still is the next item of the list."""
    from makna.privacy.agelists import listed_ages
    from makna.privacy.types import Detection

    at = text.index("34")
    age = Detection(at, at + 2, "AGE", 0.9, "test", "34")
    assert [d.text for d in listed_ages(text, [age])] == ["34"]
    named = "Our girls: Rina is 34, Dodi 12."
    s = named.index("34")
    d = named.index("Dodi")
    found = [Detection(s, s + 2, "AGE", 0.9, "test", "34"), Detection(d, d + 4, "PERSON", 0.9, "test", "Dodi")]
    assert [x.text for x in listed_ages(named, found)] == ["34", "Dodi", "12"]
