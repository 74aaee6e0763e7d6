"""A name found with strong evidence spreads to its untouched mentions (leak28, round twenty-eight).

``spread_mentions`` marks the other mentions of a PERSON, LOCATION or ORG found at 0.6 or more by a cue, a list or a
repeat that no detection touches: a name of two words as written, a one-word name (a PERSON's first or last word)
outside another capitalised run, and the place an organisation is named after. Invented sentences in both
languages, with look-alikes that must stay undetected: ordinary words, a name's word in lower case (the word
itself), a word the text also writes in lower case, a capital-letter guess, a brand, a word inside another name.
"""

from __future__ import annotations

import re

from case_tables import TABLE as _TABLE
from case_tables import open_cases

from makna.privacy import detect
from makna.privacy.name_mentions import spread_mentions
from makna.privacy.types import PII_TYPES, Detection


def _at(text: str, name: str, kind: str = "PERSON", confidence: float = 0.97) -> Detection:
    start = re.search(re.escape(name), text).start()  # type: ignore[union-attr]
    return Detection(start, start + len(name), kind, confidence, "test", name)


def _added(text: str, *found: Detection) -> list[tuple[str, str]]:
    return [(d.text, d.type) for d in spread_mentions(text, list(found)) if d.detector.startswith("mention.")]


def test_a_short_name_said_alone_english() -> None:
    text = "My supervisor was Chidinma Okafor. Every morning Chidinma checked the rota."
    assert _added(text, _at(text, "Chidinma Okafor")) == [("Chidinma", "PERSON")]


def test_a_surname_said_alone_indonesian() -> None:
    text = "Waktu itu saya kerja ikut Rizal Harahap. Harahap itu orangnya keras tapi adil."
    assert _added(text, _at(text, "Rizal Harahap")) == [("Harahap", "PERSON")]


def test_a_full_name_said_again() -> None:
    text = "Bu Lestari Handayani yang antar. Terus Lestari Handayani juga yang jemput."
    assert _added(text, _at(text, "Bu Lestari Handayani")) == [("Lestari Handayani", "PERSON")]


def test_lower_case_mentions_are_the_word() -> None:
    text = "Dia dipanggil Bareh dari kecil. Kami makan bareh jo samba. Orang manggil Kabut Pagi, kabut pagi turun."
    found = (_at(text, "Bareh"), _at(text, "Kabut Pagi"))
    assert _added(text, *found) == []


def test_a_word_also_written_in_lower_case_is_not_spread() -> None:
    text = "Kamek Utin Halimah: Kamek tinggal di hulu. Kamek pergi, kamek pulang."
    assert _added(text, _at(text, "Kamek Utin Halimah")) == []


def test_a_guess_from_a_capital_letter_is_no_evidence() -> None:
    text = "Papuq Senep datang. Papuq bawa beras."
    found = Detection(0, 11, "PERSON", 0.79, "unknown.capitalised", "Papuq Senep")
    assert _added(text, found) == []


def test_a_place_quoted_before_the_turn_that_finds_it() -> None:
    text = 'We just said "Kapsabet" at home. Then we moved to Kapsabet for good.'
    assert _added(text, _at(text, "Kapsabet", "LOCATION", 0.9)) == [("Kapsabet", "LOCATION")]


def test_an_organisation_said_again() -> None:
    text = "Kami dibantu Koperasi Tani Makmur Jaya. Waktu itu Koperasi Tani Makmur Jaya kasih pinjaman."
    assert _added(text, _at(text, "Koperasi Tani Makmur Jaya", "ORG")) == [("Koperasi Tani Makmur Jaya", "ORG")]


def test_the_place_an_organisation_is_named_after() -> None:
    text = "I volunteered at the University of Kapsabet. Everyone in Kapsabet knew it."
    assert _added(text, _at(text, "University of Kapsabet", "ORG")) == [("Kapsabet", "LOCATION")]


def test_ordinary_words_are_not_spread() -> None:
    text = "Bu Melati sama Gede Sudarsana datang. Melati yang ditanam, Gede itu besar."
    assert _added(text, _at(text, "Bu Melati"), _at(text, "Gede Sudarsana")) == []


def test_a_weak_guess_is_no_evidence() -> None:
    text = "Maybe Okonjo was there. Okonjo said nothing."
    assert _added(text, _at(text, "Okonjo", confidence=0.5)) == []


def test_a_brand_in_lower_case_is_a_tool() -> None:
    text = "I rode for Trolleo last year. Now I just trolleo my own shopping. Trolleo never paid."
    assert _added(text, _at(text, "Trolleo", "ORG")) == []


def test_a_word_inside_another_name_is_left() -> None:
    text = "Kofi Mensah helped. We met on Mensah Road later."
    assert _added(text, _at(text, "Kofi Mensah")) == []


def test_a_name_found_as_two_types_is_not_spread() -> None:
    text = "Batara helped me. Batara Group paid. We talked of Batara."
    found = [_at(text, "Batara"), Detection(18, 24, "ORG", 0.9, "test", "Batara")]
    assert _added(text, *found) == []


def test_through_detect_both_languages() -> None:
    en = 'We just called it "Kapsabet" at home. Then we moved to Kapsabet for good.'
    assert [d.text for d in detect(en, language="en") if d.type == "LOCATION"] == ["Kapsabet", "Kapsabet"]
    idt = "Saya kerja ikut Pak Hendrawan Saputra lima tahun. Waktu itu Saputra sudah tua."
    assert any(d.text == "Saputra" and d.type == "PERSON" for d in detect(idt, language="id"))


_KNOWN: frozenset[str] = frozenset(
    {
        "Her name is [[Ma. Luisa Dimaculangan]], but we just call her [[Weng]].",  # "Ma." a span of its own
        "Yang paling dekat sama saya itu [[Wulandari]]. Tiap sore [[wulan]] ke rumah bawa kue.",  # a short form
        "Ambo jo Uni [[Ramayulis]] sajak ketek. Uni [[yulis]] nan maaja ambo manjaik.",  # a short form
        "[[Gede Sudarsana]] yang ngajak saya ke Denpasar. [[gede]] itu baik sekali.",  # "gede" an ordinary word
        "Saya asli [[Pariaman]], tapi lama di [[pekanbaru]].",  # a place in lower case
        # a name in lower case: on the open corpus such a word is nearly always the word itself (never spread)
        "My sister [[Thandeka]] is the one who found me the room. [[thandeka]] always finds things.",
        "I only ever dealt with [[Bongani]] at the office; [[bongani]] was the only one who picked up.",
        "Waktu itu saya tinggal sama [[Rizal Harahap]]. [[rizal]] kerja di bengkel, saya di warung.",
    }
)
"""Open cases still failing (strict expected failures, so that a fix shows)."""


@open_cases("leak28cases", _KNOWN)
def test_open_case(case: _TABLE.Case) -> None:
    problems = _TABLE.check(case, alarms=frozenset(PII_TYPES), whole=True)
    assert problems == [], problems


def test_tables_are_disjoint() -> None:
    assert _TABLE.split_ok(_TABLE.CASES.parent / "leak28cases")
