"""One source of the age passes' shared words and shapes (ages24, round twenty-four: ``agewords.py``).

The verbs of working or staying are one list that ``agecues.years_at_work`` and ``agespans.drop_spans_of_time``
read; the age right after a person is one shape (a comma or an aspect word, or a full stop) that
``agecontext.ages_after_persons`` reads after the first pass and ``agelists.listed_ages`` after the precision stage,
with the same guards (a bare number under ten after a comma is a count; a number of years where the sentence works
somewhere is how long). Invented sentences, both languages, with look-alikes that must stay undetected.
"""

from __future__ import annotations

import pytest

from makna.privacy import agecontext, agecues, agelists, agespans, agewords
from makna.privacy.agecontext import ages_after_persons
from makna.privacy.agecues import years_at_work
from makna.privacy.agelists import listed_ages
from makna.privacy.agespans import drop_spans_of_time
from makna.privacy.types import Detection


def _person(text: str, name: str) -> Detection:
    start = text.index(name)
    return Detection(start, start + len(name), "PERSON", 0.9, "test", name)


def _age(text: str, said: str) -> Detection:
    start = text.index(said)
    return Detection(start, start + len(said), "AGE", 0.8, "test", said)


def test_one_source_of_the_verbs_and_the_shape() -> None:
    assert agecues._WORK_VERBS is agewords.WORK_VERBS
    assert agecontext._ASPECT is agewords.AFTER_PERSON_ASPECT
    for verb in agewords.WORK_VERBS_ID.split("|"):
        assert agespans._VERBS_ID.startswith(agewords.WORK_VERBS_ID)
        assert agespans._WORKED.search(f"sudah {verb} di sana") is not None, verb
    assert [p.pattern for p in agelists._AFTER_PERSON] == [
        agewords.after_person(rf"(?i:{agelists._VALUE})", agelists._CLOSED).pattern,
        agewords.own_sentence(rf"(?i:{agelists._VALUE})", agelists._ENDS).pattern,  # review24: no "and" after it
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("P: Saya mengajar di SD Inpres dekat pasar, sudah dua puluh tahun.", "dua puluh tahun"),
        ("P: Ambo marantau ka Pakanbaru, alah, sudah tujuh taun.", "tujuh taun"),
        ("P: Nyupir truk antar kota sudah sebelas tahun.", "sebelas tahun"),
        ("P: Bapak jaga malam di pabrik, sudah lima belas tahun.", "lima belas tahun"),
    ],
)
def test_a_verb_of_any_list_makes_years_how_long(text: str, said: str) -> None:
    assert years_at_work(text, text.index(said), said)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("P: Saya kerja di warung, anakku Jelita masih 7 tahun.", "7 tahun"),
        ("P: Ibu saya tinggal di Solo, ibu sudah tujuh puluh tahun.", "tujuh puluh tahun"),
        ("P: Anak saya baru 12 tahun, dia jaga adiknya.", "12 tahun"),
    ],
)
def test_an_age_near_a_verb_of_working_stays(text: str, said: str) -> None:
    assert not years_at_work(text, text.index(said), said)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("P: Saya lima tahun sewa kios di pasar Minggu.", "lima tahun"),
        ("P: Saya dua puluh tahun jaga malam di gudang.", "dua puluh tahun"),
        ("P: Ambo duduk di rantau ko lah anam taun.", "anam taun"),
    ],
)
def test_a_span_of_time_after_a_verb_of_the_union_is_dropped(text: str, said: str) -> None:
    assert drop_spans_of_time(text, [_age(text, said)]) == []


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("P: Anak saya lima tahun, jaga adiknya di rumah.", "lima tahun"),
        ("R: My son is ten years old, living with his gran.", "ten years old"),
    ],
)
def test_an_age_said_so_stays(text: str, said: str) -> None:
    assert len(drop_spans_of_time(text, [_age(text, said)])) == 1


@pytest.mark.parametrize(
    ("text", "name", "said"),
    [
        ("R: That is Callum, twelve, and he plays for the under-thirteens.", "Callum", "twelve"),
        ("P: Itu Ketut, sepuluh, sudah kelas empat.", "Ketut", "sepuluh"),
        ("P: Cucu saya Ni Luh Sari, baru sebelas.", "Ni Luh Sari", "sebelas"),
    ],
)
def test_an_age_of_ten_or_more_after_a_name_and_a_comma(text: str, name: str, said: str) -> None:
    found = list(ages_after_persons(text, [_person(text, name)]))
    assert [d.text for d in found if d.type == "AGE"] == [said]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("P: Ado, Diak, duo. Nan partamo di pasa.", "Diak"),
        ("R: I rang Maria, 3 times, no answer.", "Maria"),
        ("P: Kami ketemu Pak Hadi, jam 9, di pos ronda.", "Hadi"),
        ("P: Bu Rina, dua, tiga orang datang.", "Rina"),
        ("R: Jodie. Two.", "Jodie"),
    ],
)
def test_a_count_after_a_name_stays_undetected(text: str, name: str) -> None:
    person = _person(text, name)
    assert [d for d in ages_after_persons(text, [person]) if d.type == "AGE"] == []
    assert [d for d in listed_ages(text, [person]) if d.type == "AGE"] == []


@pytest.mark.parametrize(
    ("text", "name", "said"),
    [
        (
            "R: I'm Tamsin Hollis. Thirty-eight going on thirty-nine, and I clean offices.",
            "Tamsin Hollis",
            "Thirty-eight going on thirty-nine",
        ),
        (
            "P: Nama saya Sri Wahyuni. Empat puluh jalan empat puluh satu, dari Klaten.",
            "Sri Wahyuni",
            "Empat puluh jalan empat puluh satu",
        ),
        ("R: This is Mere Tawhiri. Sixty-four this winter.", "Mere Tawhiri", "Sixty-four this winter"),
    ],
)
def test_an_age_as_its_own_sentence_after_a_person_kept(text: str, name: str, said: str) -> None:
    found = listed_ages(text, [_person(text, name)])
    assert [d.text for d in found if d.type == "AGE"] == [said]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I: How long have you been here? / R: Priya. Four years, nearly.", "Priya"),
        ("P: Pak Made. Tiga tahun di Batam, lalu pulang.", "Made"),
        ("R: Ask Mr Okafor. Ten minutes, he said.", "Okafor"),
        ("P: Rumahnya Bu Sari. Nomor 12, yang pagar hijau.", "Sari"),
    ],
)
def test_no_age_as_its_own_sentence(text: str, name: str) -> None:
    text = text.replace(" / ", "\n")
    assert [d for d in listed_ages(text, [_person(text, name)]) if d.type == "AGE"] == []
