"""Places no list knows and addresses read from their document (#11, surr24 items 1 and 5).

A place no list knows whose own sentence names no country took the source region's country (``Saya ke Lucky
Plaza.`` became a Javanese village in a Singapore interview); an address abroad (``Block 215 Bishan Street 23``)
took an English surname for its estate, and a multi-word address lost its shape (trial12 #19: ``Lorong Mawar
No. 8, Kelurahan Wua-Wua, Kendari`` became one village word). Now the other places of the place's turn, then
of its source, decide its region where their majority does; an address abroad gets an address of its own
country's shape, and an address's city and village parts get their own place surrogates."""

from __future__ import annotations

import re

import pytest
from placed import placed as _dets

from makna.privacy import KeyMapping, pseudonymise
from makna.privacy.place_countries import abroad_towns, document_region, listed_regions, place_votes
from makna.privacy.regions import cities_in, country_places, place_regions

SECRET = "5e" * 32


def _apply(
    text: str, items: list[tuple[str, str]], language: str, *, project: str | None = "35", region: str | None = None
) -> list[str]:
    key = KeyMapping(SECRET, region=project)
    _new, reps = pseudonymise(text, _dets(text, items), mode="surrogate", mapping=key, language=language, region=region)
    return [r.replacement for r in reps]


def _towns(country: str) -> set[str]:
    strip = re.compile(r" (?:New Town|Housing Estate|Estate|Village|New Village)$")
    return {strip.sub("", t) for t in (*cities_in(country), *abroad_towns(country))}


def _country_of(place: str) -> set[str]:
    out = {c for c, _a in country_places(place)} | {c for c in ("SG", "HK") if place in _towns(c)}
    if place_regions(place):
        out.add("ID")
    return out


TURN_CASES = [
    ("id", "I: Kerja di mana?\nR: Di Singapura. Hari Minggu saya ke Graha Melur.\nI: Sama siapa?", "SG"),
    ("en", "I: Where did you work?\nR: In Singapore. On Sundays I went to Graha Melur.\nI: With whom?", "SG"),
    ("id", "I: Di mana?\nR: Saya di Hongkong. Libur saya ke Graha Melur.", "HK"),
    ("en", "I: Where?\nR: I was in Hong Kong. On my day off I went to Graha Melur.", "HK"),
]


@pytest.mark.parametrize(("language", "text", "country"), TURN_CASES)
def test_a_place_no_list_knows_takes_its_turns_country(language: str, text: str, country: str) -> None:
    (new,) = _apply(text, [("LOCATION", "Graha Melur")], language)
    assert country in _country_of(new), new


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_whole_source_decides_where_the_turn_names_none(language: str) -> None:
    text = (
        "I: Kamu kerja di Singapura?\nR: Iya, lima tahun.\nI: Libur ke mana?\nR: Ke Graha Melur."
        if language == "id"
        else "I: You worked in Singapore?\nR: Yes, five years.\nI: Where on days off?\nR: To Graha Melur."
    )
    (new,) = _apply(text, [("LOCATION", "Graha Melur")], language)
    assert "SG" in _country_of(new), new


def test_a_split_document_keeps_the_source_region() -> None:
    # round twenty-five: a tie in the turn goes to the region named nearest the place (Singapura here, see
    # test_deid_surrogate_leftovers25.py); a place whose turn names no region keeps the source's split (None)
    text = "R: Saya dari Garut, lalu kerja di Singapura.\n\nSaya suka Graha Melur."
    assert document_region(text, [(text.index("Garut"), "Garut")], text.index("Graha")) is None
    _garut, new = _apply(text, [("LOCATION", "Garut"), ("LOCATION", "Graha Melur")], "id")
    assert "35" in {p for p, _l in place_regions(new)}, new  # the project's province, as before


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_turns_province_places_a_place_no_list_knows(language: str) -> None:
    text = (
        "R: Saya lahir di Purwokerto, besar di Cilacap. Dulu main ke Graha Melur."
        if language == "id"
        else "R: I was born in Purwokerto and grew up in Cilacap. We played at Graha Melur."
    )
    *_towns_, new = _apply(
        text, [("LOCATION", "Purwokerto"), ("LOCATION", "Cilacap"), ("LOCATION", "Graha Melur")], language, project=None
    )
    assert "33" in {p for p, _l in place_regions(new)}, new


def test_place_votes() -> None:
    assert place_votes("Singapura") == {"SG": 1.0}
    assert place_votes("Jawa Tengah") == {"33": 1.0}
    assert place_votes("Kendari") == {"74": 1.0}
    assert place_votes("Graha Melur") == {}
    assert place_votes("Tampines") == {"SG": 1.0}  # "Tampines New Town" in the lists, by the name people say
    assert place_votes("Bishan") == {"CN": 0.5, "SG": 0.5}


@pytest.mark.parametrize("language", ["id", "en"])
def test_an_estate_people_name_without_its_estate_word_votes_for_its_country(language: str) -> None:
    text = (
        "R: Saya tinggal di Tampines, kerja di Bedok. Libur ke Graha Melur."
        if language == "id"
        else "R: I lived in Tampines and worked in Bedok. On days off I went to Graha Melur."
    )
    *_sg, new = _apply(text, [("LOCATION", "Tampines"), ("LOCATION", "Bedok"), ("LOCATION", "Graha Melur")], language)
    assert "SG" in _country_of(new), new


SG_ADDRESSES = [
    ("id", "Majikan saya tinggal di Block 215 Bishan Street 23, Singapura.", "Block 215 Bishan Street 23"),
    ("en", "My employer lived at Block 215 Bishan Street 23, Singapore.", "Block 215 Bishan Street 23"),
    ("id", "I: Di mana?\nR: Singapura. Rumahnya Blk 48 Tampines Avenue 4.", "Blk 48 Tampines Avenue 4"),
    ("en", "I: Where?\nR: Singapore. The flat was Blk 48 Tampines Avenue 4.", "Blk 48 Tampines Avenue 4"),
]


@pytest.mark.parametrize(("language", "text", "address"), SG_ADDRESSES)
def test_an_address_abroad_keeps_its_countrys_shape(language: str, text: str, address: str) -> None:
    (new,) = _apply(text, [("ADDRESS", address)], language)
    head, number, name, street, tail = re.fullmatch(r"(\w+) (\d+) (.+) (Street|Avenue) (\d+)", address).groups()
    m = re.fullmatch(rf"{head} (\d+) (.+) {street} (\d+)", new)
    assert m is not None, new
    assert m.group(1) != number and len(m.group(1)) == len(number)
    assert m.group(2) in _towns("SG") and m.group(2) != name, new


@pytest.mark.parametrize("language", ["id", "en"])
def test_an_address_in_hong_kong(language: str) -> None:
    address = "Flat 5B, 12/F, Tower 2, Lam Tin, Hong Kong"
    text = f"{'Alamat majikan' if language == 'id' else 'The address'}: {address}."
    (new,) = _apply(text, [("ADDRESS", address)], language)
    parts = new.split(", ")
    assert (
        len(parts) == 5 and parts[0].startswith("Flat ") and parts[1].endswith("/F") and parts[2].startswith("Tower ")
    )
    assert parts[0] != "Flat 5B" and parts[1] != "12/F"
    assert parts[3] != "Lam Tin" and "HK" in {c for c, _a in country_places(parts[3])}, new
    assert parts[4] == "Hong Kong"


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_multi_word_address_reads_like_an_address(language: str) -> None:
    address = "Lorong Mawar No. 8, Kelurahan Wua-Wua, Kendari"
    text = f"{'Rumah saya di' if language == 'id' else 'I live at'} {address}. Kendari {'panas' if language == 'id' else 'is hot'}."
    new, city = _apply(text, [("ADDRESS", address), ("LOCATION", "Kendari")], language, project=None)
    street, village, town = new.split(", ")
    assert re.fullmatch(r"Lorong .+ No\. \d", street) and "Mawar" not in street and street != "Lorong Mawar No. 8"
    assert village.startswith("Kelurahan ") and village != "Kelurahan Wua-Wua"
    assert "74" in {p for p, _l in listed_regions(village.removeprefix("Kelurahan ").replace("-", " "))}, village
    assert town == city != "Kendari" and "74" in {p for p, _l in place_regions(town)}, new


@pytest.mark.parametrize("language", ["id", "en"])
def test_an_address_keeps_its_province(language: str) -> None:
    address = "Jl. Melati No. 12, Bukittinggi, Sumatera Barat"
    (new,) = _apply(f"Alamat: {address}.", [("ADDRESS", address)], language, project=None)
    street, town, province = new.split(", ")
    assert street.startswith("Jl. ") and "Melati" not in street
    assert province == "Sumatera Barat"
    assert town != "Bukittinggi" and "13" in {p for p, _l in place_regions(town)}, new


def test_an_english_address_keeps_its_town_surrogate() -> None:
    text = "She lives at 14 Station Road, Leeds. Leeds is big."
    new, city = _apply(text, [("ADDRESS", "14 Station Road, Leeds"), ("LOCATION", "Leeds")], "en", region="GB")
    street, town = new.split(", ")
    assert re.fullmatch(r"\d\d \w+ Road", street) and street != "14 Station Road"
    assert town == city != "Leeds" and "GB" in {c for c, _a in country_places(town)}
