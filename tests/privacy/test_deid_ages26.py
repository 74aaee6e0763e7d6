"""The words an age may hold around it (ages26, round twenty-six: ``agelists``, ``agewords``).

A list of a household's ages reads an item led by a spouse, an in-law or a cousin (``my wife is thirty-eight``,
``suaminya empat puluh``), and up to two copulas, aspect words or hedges before its number (``is nearly``,
``sudah hampir``); after a person, the regional words for "already" (``su``, ``wis``, ``tos``) stand where
``sudah`` does, and a bracket said of the person may stand before the comma (``Maria ("Mia"), 34,``). Invented
sentences, both languages, with look-alikes that must stay undetected.
"""

from __future__ import annotations

import pytest

from makna.privacy.agecontext import ages_after_persons
from makna.privacy.agelists import listed_ages
from makna.privacy.types import Detection


def _person(text: str, name: str) -> Detection:
    start = text.index(name)
    return Detection(start, start + len(name), "PERSON", 0.9, "test", name)


def _age(text: str, said: str) -> Detection:
    start = text.index(said)
    return Detection(start, start + len(said), "AGE", 0.8, "test", said)


def _listed(text: str, first: str, names: tuple[str, ...] = ()) -> list[str]:
    found = [_age(text, first), *(_person(text, n) for n in names)]
    return [d.text for d in listed_ages(text, found) if d.type == "AGE" and d.text != first]


@pytest.mark.parametrize(
    ("text", "first", "said"),
    [
        ("R: I'm forty-one, my wife is thirty-eight.", "forty-one", "thirty-eight"),
        ("R: Mum's seventy, and my husband is nearly fifty.", "seventy", "fifty"),
        ("R: Our Ciara is nine, my mother-in-law is eighty-two.", "nine", "eighty-two"),
        ("P: Saya tiga puluh lima, suaminya sudah empat puluh.", "tiga puluh lima", "empat puluh"),
        ("P: Umur saya 29 tahun, istrinya sudah hampir 30.", "29 tahun", "30"),
        ("P: Ambo ampek puluah, mertuanyo alah tujuah puluah duo.", "ampek puluah", "tujuah puluah duo"),
        ("P: Anak saya Sari enam tahun, sepupunya baru sembilan.", "enam tahun", "sembilan"),
    ],
)
def test_an_item_led_by_a_spouse_or_in_law_or_two_aspect_words(text: str, first: str, said: str) -> None:
    assert said in _listed(text, first)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("R: I'm forty-one, my wife works twelve hours.", "forty-one"),
        ("R: I'm forty-one, my wife has two jobs.", "forty-one"),
        ("P: Saya tiga puluh lima, suami saya kerja dua belas jam.", "tiga puluh lima"),
        ("P: Umur saya 29 tahun, istri saya sudah 3 kali ke Batam.", "29 tahun"),
        ("P: Saya tiga puluh lima, suaminya sudah dua belas tahun di Malaysia.", "tiga puluh lima"),
    ],
)
def test_no_item_where_the_number_goes_on(text: str, first: str) -> None:
    assert _listed(text, first) == []


@pytest.mark.parametrize(
    ("text", "name", "said"),
    [
        ("P: Mama Yuliana su enam puluh, masih jual sayur di Oesapa.", "Yuliana", "enam puluh"),
        ("P: Mbah Karto wis pitung puluh, isih nyangkul.", "Karto", "pitung puluh"),
        ("P: Ema Iis tos genep puluh, masih kuat.", "Iis", "genep puluh"),
    ],
)
def test_a_regional_already_after_a_person(text: str, name: str, said: str) -> None:
    found = list(ages_after_persons(text, [_person(text, name)]))
    assert [d.text for d in found if d.type == "AGE"] == [said]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("P: Om Yanto su dua puluh tahun kerja di pelabuhan Tenau.", "Yanto"),
        ("P: Pak Karto wis telung taun dodolan neng pasar.", "Karto"),
        ("P: Kami tunggu Mama Yuliana su tiga jam di terminal.", "Yuliana"),
    ],
)
def test_a_span_of_time_after_a_regional_already_stays(text: str, name: str) -> None:
    assert [d for d in ages_after_persons(text, [_person(text, name)]) if d.type == "AGE"] == []


@pytest.mark.parametrize(
    ("text", "name", "said"),
    [
        ('R: I\'m Teuila Faleolo ("Tui"), forty-two. I work nights in Otara.', "Teuila Faleolo", "forty-two"),
        ("P: Saya Rahmawati (Ama), tiga puluh satu, dari Bima.", "Rahmawati", "tiga puluh satu"),
        ("P: Ambo Syafrizal (Ijal), ampek puluah duo, urang Pariaman.", "Syafrizal", "ampek puluah duo"),
    ],
)
def test_an_age_after_a_bracket_said_of_the_person(text: str, name: str, said: str) -> None:
    found = list(ages_after_persons(text, [_person(text, name)]))
    assert [d.text for d in found if d.type == "AGE"] == [said]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("P: Ketemu Bu Rina (Padang), dua, tiga orang datang.", "Rina"),
        ("R: I rang Maria (Mia), 3 times, no answer.", "Maria"),
        ("R: Ask Jodie (room 12) 14 times.", "Jodie"),
    ],
)
def test_no_age_after_a_bracket_where_a_count_follows(text: str, name: str) -> None:
    assert [d for d in ages_after_persons(text, [_person(text, name)]) if d.type == "AGE"] == []
