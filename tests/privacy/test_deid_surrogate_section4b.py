"""Surrogates that read right, round deidsurr5 (#11 section 4; the third trial's #6-#8): kind words of
several words and councils named after their place; gender from pronouns and family words after a name
and from wider gendered lists; a nickname spelled inside a name; Indonesian names kept Indonesian in
English text; a source's own places outvoting the study's; 'makna deid region' after an apply."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from test_deid_surrogate_trial import _run  # the same helper: marked items, one surrogate pass
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.privacy import KeyMapping
from makna.privacy.name_forms import context_full, short_forms
from makna.privacy.naming import (
    _all_names,
    _token_index,
    kin_gender,
    locale_gender,
    name_language,
    neutral_names,
    pronoun_gender,
    world_gender,
)
from makna.privacy.project import add_detection, decide_all, scan
from makna.privacy.project_apply import apply
from makna.privacy.regions import country_places, place_regions, source_region
from makna.privacy.source_regions import source_regions, source_votes
from makna.privacy.surrogate_shapes import _business_words
from makna.privacy.surrogates import split_org

ROOT = Path(__file__).resolve().parents[2]
SECRET = "ab" * 32
PASS = "correct horse battery staple"


def _indonesian(word: str) -> bool:
    return word.lower() in _token_index() or word.capitalize() in _all_names("id_ID")


# ---------------------------------------------------------------------------------------- organisations
@pytest.mark.parametrize(("org", "parts"), [
    ("Leeds City Council", ("", "Leeds", " City Council", True)),
    ("Croydon Borough Council", ("", "Croydon", " Borough Council", True)),
    ("Credit Union Kasih Sejati", ("Credit Union ", "Kasih Sejati", "", False)),
    ("Kasih Sejati Credit Union", ("", "Kasih Sejati", " Credit Union", False)),
    ("Pemerintah Kota Bukittinggi", ("Pemerintah Kota ", "Bukittinggi", "", True)),
    ("University of Bradford", ("University of ", "Bradford", "", True)),
    ("Manchester City", ("", "Manchester City", "", False)),  # "City" is a kind word only before one
])
def test_kind_words_of_several_words(org: str, parts: tuple[str, str, str, bool]) -> None:
    assert split_org(org) == parts


@pytest.mark.parametrize(("text", "org", "place", "lang"), [
    ("I cleaned for Leeds City Council and I live in Leeds.", "Leeds City Council", "Leeds", "en"),
    ("She cleans at Coventry University, an hour from Coventry.", "Coventry University", "Coventry", "en"),
    ("Honorer di Pemerintah Kota Bukittinggi, tinggal di Bukittinggi.", "Pemerintah Kota Bukittinggi",
     "Bukittinggi", "id"),
])
def test_a_council_named_after_its_place_gets_the_place_surrogate(text: str, org: str, place: str,
                                                                  lang: str) -> None:
    for seed in range(4):
        new_org, new_place = _run(text, [("ORG", org), ("LOCATION", place)],
                                  KeyMapping(secret=f"{seed + 3:064x}"), language=lang)
        head, _name, tail, _p = split_org(org)
        assert new_org == f"{head}{new_place}{tail}" and new_place != place, (new_org, new_place)
        assert place_regions(new_place) or country_places(new_place)


def test_a_place_of_several_countries_stays_in_a_country_whose_names_makna_knows() -> None:
    assert "AR" in {c for c, _a in country_places("Victoria")}  # also a city of Argentina, Chile, Honduras...
    for seed in range(4):
        new = KeyMapping(secret=f"{seed + 3:064x}").surrogate("ORG", "Victoria University", language="en")
        place = new.removesuffix(" University")
        assert ("CA", "02") in country_places(place), new  # Victoria, British Columbia: not Parana University


def test_kind_words_are_kept_and_the_name_reads_as_no_person() -> None:
    text = "Saya menabung di Credit Union Kasih Sejati dan Koperasi Tenun Ikat Maju Bersama."
    for seed in range(6):
        union, coop = _run(text, [("ORG", "Credit Union Kasih Sejati"), ("ORG", "Koperasi Tenun Ikat Maju Bersama")],
                           KeyMapping(secret=f"{seed + 3:064x}", region="13"))
        assert union.startswith("Credit Union ") and coop.startswith("Koperasi "), (union, coop)
        for name in (union.removeprefix("Credit Union "), coop.removeprefix("Koperasi ")):
            assert not all(locale_gender(w) or _indonesian(w) for w in name.split()), name
    from makna.privacy.surrogates import _PLACE_WORDS

    assert all(locale_gender(w) is None and not _indonesian(w) for w in _business_words(tuple(_PLACE_WORDS)))


# ---------------------------------------------------------------------------------------- gender
def test_pronouns_after_a_name_in_its_sentence() -> None:
    text = "Tomasz comes on Saturdays and brings his granddaughter."
    assert pronoun_gender(text, len("Tomasz")) == "m"
    text = "Zofia waters the beans; she never misses a day."
    assert pronoun_gender(text, len("Zofia")) == "f"
    assert pronoun_gender("Zofia waters the beans. She never misses a day.", len("Zofia")) is None  # next sentence
    text = "Zorak told Zorina that he would come."
    assert pronoun_gender(text, len("Zorak"), text.index("Zorina")) is None  # another name first
    assert pronoun_gender("Zorak said hello.", len("Zorak")) is None


@pytest.mark.parametrize(("text", "end", "gender"), [
    ("Agung, dia adik laki-laki saya.", 5, "m"),
    ("Femi is my son.", 4, "m"),
    ("Yeni itu kakak perempuan saya.", 4, "f"),
    ("Bola, who is my sister, helps.", 4, "f"),
    ("Femi is my son's teacher.", 4, None),  # not his son
])
def test_family_words_after_a_name(text: str, end: int, gender: str | None) -> None:
    assert kin_gender(text, 0, end) == gender


def test_a_family_word_asked_about_genders_the_name_that_answers() -> None:
    text = "Q: And your daughter?\nA: Kemi is at school."
    assert kin_gender(text, text.index("Kemi"), text.index("Kemi") + 4) == "f"
    text = "Q: And your daughter?\nA: Yes. Kemi is at school."  # not the answer's first word
    assert kin_gender(text, text.index("Kemi"), text.index("Kemi") + 4) is None


def test_wider_gendered_lists() -> None:
    assert world_gender("Tomasz") == "m" and world_gender("Zofia") == "f"
    assert world_gender("Khadijah") == "f" and world_gender("Jamilah") == "f"  # Khadija, Jamila
    assert world_gender("Latifah") == "f" and world_gender("Aminah") == "f"  # Latif, Amin: a man's name + -ah
    assert world_gender("Abdullah") == "m" and world_gender("Hidayatullah") is None
    assert world_gender("Siti") is None  # the main lists speak for it (name_gender)
    assert all(world_gender(n) is None for n in neutral_names("id"))


@pytest.mark.parametrize(("text", "name", "gender", "lang"), [
    ("Zorvak comes on Saturdays and brings his granddaughter.", "Zorvak", "m", "en"),
    ("Then Zorvika came; she is my cousin's wife.", "Zorvika", "f", "en"),
    ("Teman sekamar saya Khadijah.", "Khadijah", "f", "id"),
    ("Zorvak, dia adik laki-laki saya.", "Zorvak", "m", "id"),
])
def test_context_and_wider_lists_keep_gender(text: str, name: str, gender: str, lang: str) -> None:
    for seed in range(5):
        (new,) = _run(text, [("PERSON", name)], KeyMapping(secret=f"{seed + 3:064x}"), language=lang)
        assert locale_gender(new) == gender, new


def test_context_outranks_the_wider_lists_not_the_main_ones() -> None:
    assert world_gender("Zofia") == "f" and world_gender("Desi") is None  # Faker's base "en" lists not read
    for seed in range(5):
        (new,) = _run("Then Zofia came; he is my cousin's husband.", [("PERSON", "Zofia")],
                      KeyMapping(secret=f"{seed + 3:064x}"), language="en")
        assert locale_gender(new) == "m", new
        (new,) = _run("Then Siti came; he is my cousin.", [("PERSON", "Siti")],  # the main lists first
                      KeyMapping(secret=f"{seed + 3:064x}"), language="en")
        assert locale_gender(new) == "f", new


def test_indonesian_names_stay_indonesian_in_english() -> None:
    assert name_language("Suharyanto", "en") == "id"  # an ending only Indonesian names bear
    for seed in range(5):
        (pak,) = _run("Pak Zorvik was my first boss in Melbourne.", [("PERSON", "Zorvik")],
                      KeyMapping(secret=f"{seed + 3:064x}"), language="en")
        assert _indonesian(pak) and locale_gender(pak) == "m", pak


# ---------------------------------------------------------------------------------------- nicknames
def test_a_nickname_spelled_inside_a_name() -> None:
    assert context_full("Tika", ["dewi", "kartikasari"]) == "kartikasari"
    assert context_full("Tika", ["dewi", "kartikasari", "sartikaningsih"]) is None  # two fit: no guess
    assert short_forms("Tika", "Kartikasari", "Purwaningsih")[0] == "Waning"
    text = "Nama saya Dewi Kartikasari, tapi teman-teman panggil saya Tika."
    for seed in range(5):
        mapping = KeyMapping(secret=f"{seed + 3:064x}")
        full, nick = _run(text, [("PERSON", "Dewi Kartikasari"), ("PERSON", "Tika")], mapping)
        last = full.split()[1]
        assert nick.casefold() in last.casefold()[1:-1] and nick != "Tika", (full, nick)


# ---------------------------------------------------------------------------------------- regions
def test_a_shared_place_name_votes_with_the_source_other_places() -> None:
    votes = source_votes([("LOCATION", "Wonosari"), ("LOCATION", "Gunungkidul"), ("LOCATION", "Batam")])
    assert votes == {"34": 2.0, "21": 1.0} and source_region(votes, None, "id") == "34"
    votes = source_votes([("ORG", "Pemerintah Kota Bukittinggi"), ("LOCATION", "Bukittinggi")])
    assert votes == {"13": 2.0}
    assert source_votes([("ORG", "Sinar Jaya"), ("PERSON", "Padang")]) == {}


def test_region_after_apply(project: makna.Project, project_location: str, tmp_path: Path) -> None:
    texts = {"guru.txt": ("I: Saya mengajar dekat Wonosari, Gunungkidul. Suami di Batam. Belanja ke Playen.", "id",
                          ["Wonosari", "Gunungkidul", "Batam", "Playen"]),
             "pedagang.txt": ("I: Saya jualan di Padang, tinggal di Bukittinggi, asal Payakumbuh. Ke Solok juga.",
                              "id", ["Padang", "Bukittinggi", "Payakumbuh", "Solok"])}
    for name, (text, lang, places) in texts.items():
        makna.import_text(project, name, text, language=lang)
        scan(project, sources=[name])
        decide_all(project, "rejected")
        for place in places:
            m = re.search(rf"(?<!\w){place}(?!\w)", text)
            assert m is not None
            add_detection(project, name, m.start(), m.end(), "LOCATION")
    before = {r.source: (r.region, r.origin) for r in source_regions(project)}
    assert before["guru.txt"] == ("34", "inferred"), before
    apply(project, tmp_path / "k.key", PASS)
    after = {r.source: (r.region, r.origin) for r in source_regions(project)}
    assert after["guru.txt"] == ("34", "applied: inferred"), after
    assert after["pedagang.txt"][1].startswith("applied"), after
    out = CliRunner().invoke(app, ["deid", "region", "-p", project_location, "-f", "csv"]).output
    assert "No scanned sources" not in out and "guru.txt,34,DI Yogyakarta,applied: inferred" in out, out


# ---------------------------------------------------------------------------------------- own cases
def test_the_tune_cases_floor() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from deid_surrogate_cases import tune_floor

    rate, defects = tune_floor("deidsurr5cases")
    assert rate >= 0.9 and not defects
