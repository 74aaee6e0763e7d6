"""Issue #11 section 4, every requirement, and the defects of the second new user's trial (deidsurr4): a
surrogate that changed gender with no honorific, organisations that came out as people, ``Jalan`` lost,
NIKs of another province with a random birth date, plates of another province."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from test_deid_surrogate_trial import _run  # the same helper: marked items, one surrogate pass

import makna
from makna.privacy import KeyMapping
from makna.privacy._idwords import nik_is_valid
from makna.privacy.keyfile import read_key
from makna.privacy.naming import (
    HONORIFIC_GENDER,
    _endings,
    _faker_lists,
    _traditions,
    ending_gender,
    locale_gender,
    name_gender,
    name_pools,
    neutral_names,
)
from makna.privacy.project import add_detection, add_field_detection, decide_all, scan
from makna.privacy.project_apply import apply
from makna.privacy.regions import PLATE_PROVINCES, place_regions
from makna.privacy.surrogate_shapes import nik_surrogate, plate_prefixes, renumber
from makna.privacy.surrogates import ORG_KIND_WORDS
from makna.store import tables

SECRET = "4d" * 32
PASS = "correct horse battery staple"
ROOT = Path(__file__).resolve().parents[2]


# ------------------------------------------------------------------ unique, never an original
def test_no_collision_and_no_original_over_ten_thousand_names() -> None:
    given_names = sorted(
        {n for (_t, role, _g), ns in _traditions().items() if role == "given" for n in ns}
        | set(_faker_lists("id_ID")["first_names"])
    )
    pairs = [f"{a} {b}" for a, b in itertools.product(given_names[:110], given_names[-110:]) if a != b][:10_000]
    assert len(pairs) == 10_000
    mapping = KeyMapping(secret=SECRET)
    mapping.reserve(pairs)
    got = [mapping.surrogate("PERSON", p) for p in pairs]
    assert len({g.casefold() for g in got}) == 10_000
    words = {w.casefold() for p in pairs for w in p.split()}
    assert not [g for g in got if set(g.casefold().split()) & words]


# ------------------------------------------------------------------------------------- gender
@pytest.mark.parametrize(("honorific", "gender"), [(h, g) for h, g in HONORIFIC_GENDER.items() if g])
def test_an_honorific_keeps_the_gender_of_a_name_no_list_knows(honorific: str, gender: str) -> None:
    names = [f"Zor{a}{b}" for a, b in itertools.product("aeiou", "klm")]
    text = " ".join(f"{honorific.capitalize()} {n} datang." for n in names)
    got = _run(text, [("PERSON", n) for n in names], KeyMapping(secret=SECRET))
    assert [g for g in got if locale_gender(g) != gender] == []


def test_the_name_itself_shows_the_gender_without_an_honorific() -> None:
    listed = [("Bambang", "m"), ("Yusnimar", "f"), ("Darren", "m"), ("Imogen", "f")]
    endings = [("Zorwati", "f"), ("Zormawati", "f"), ("Zorwan", "m"), ("Zorianto", "m"), ("Zorrizal", "m")]
    mapping = KeyMapping(secret=SECRET)
    text = " ".join(f"{n} datang." for n, _g in listed + endings)
    got = _run(text, [("PERSON", n) for n, _g in listed + endings], mapping)
    assert [locale_gender(g) for g in got] == [g for _n, g in listed + endings], got


def test_a_name_that_shows_no_gender_gets_a_name_that_shows_none() -> None:
    names = ["Zorak", "Zoruk", "Kak Zorim", "Eka", "Nur"]
    mapping = KeyMapping(secret=SECRET)
    text = " ".join(f"Kak {n} datang. I know {n}." for n in names)
    got = _run(text, [("PERSON", n) for n in names for _ in (0, 1)], mapping, language="id")
    assert all(name_gender(w) is None for g in got for w in g.split() if w != "Kak"), got
    # deterministic: the same secret gives the same neutral name, never a coin flip between genders
    again = _run(text, [("PERSON", n) for n in names for _ in (0, 1)], KeyMapping(secret=SECRET), language="id")
    assert again == got


def test_one_gendered_token_genders_the_whole_name() -> None:
    got = _run("Gunawan Zorak datang.", [("PERSON", "Gunawan Zorak")], KeyMapping(secret=SECRET))
    assert [locale_gender(w) for w in got[0].split()] == ["m", "m"], got


def test_the_ending_rule_is_right_where_it_speaks() -> None:
    """Leave-one-out over the gendered lists it learns from: it guesses rarely wrong, or says nothing."""
    table = _endings()
    assert ending_gender("Suryawati") == "f" and ending_gender("Hendrawan") == "m"
    assert ending_gender("Zorak") is None
    names: dict[str, set[str]] = {}
    for (_t, role, g), listed in _traditions().items():
        if role == "given" and g in {"m", "f"}:
            for n in listed:
                names.setdefault(n.lower(), set()).add(g)
    right = wrong = 0
    for name, genders in names.items():
        if len(genders) != 1:
            continue
        gender = next(iter(genders))
        for k in (5, 4, 3):
            hit = table.get(name[-k:]) if len(name) > k else None
            if hit is not None:
                if hit[0] is not None:  # the name itself counts in the table: judge only well-supported endings
                    right += hit[0] == gender
                    wrong += hit[0] != gender
                break
    assert wrong <= 0.05 * (right + wrong) and right > 50


def test_neutral_pools_hold_no_gendered_name() -> None:
    for group in ("id", "bali", "en"):
        assert neutral_names(group) and all(name_gender(n) is None for n in neutral_names(group))
    pools = name_pools("Zorak", first=True, language="id", gender=None, region="13", neutral=True)
    assert pools and all(name_gender(n) is None for pool in pools for n in pool)
    assert name_pools("Siregar", first=False, language="id", gender=None, region="12", neutral=True)[0][0] in {
        n for n in _traditions()[("batak", "family", "u")]
    }  # a family name stays a family name


# --------------------------------------------------------------------------- organisations
@pytest.mark.parametrize(
    ("org", "lang", "keep"),
    [
        ("Sinar Jaya", "id", ""),
        ("Cahaya Abadi", "id", ""),
        ("Berkah Laundry", "id", "Laundry"),
        ("Sumber Rezeki Cell", "id", "Cell"),
        ("Toko Maju Jaya", "id", "Toko"),
        ("PT Sinar Harapan", "id", "PT"),
        ("Bluebell Laundry", "en", "Laundry"),
        ("Hartley & Sons Ltd", "en", "& Sons Ltd"),
        ("The Copper Kettle", "en", "The"),
        ("Northline Couriers", "en", "Couriers"),
        ("Bayline Haulage", "en", "Haulage"),
    ],
)
def test_an_organisation_reads_as_one_and_keeps_its_kind_word(org: str, lang: str, keep: str) -> None:
    mapping = KeyMapping(secret=SECRET, region="13")
    mapping.reserve([org])
    new = mapping.surrogate("ORG", org, language=lang)
    assert new != org and keep in new
    words = [w for w in new.split() if w.casefold() not in ORG_KIND_WORDS | {"the", "toko", "pt"}]
    assert keep or not all(locale_gender(w) or w.casefold() in {"lestari", "wijaya"} for w in words), new


# ------------------------------------------------------------------------ streets, addresses
@pytest.mark.parametrize(
    ("kind", "original", "lang", "shape"),
    [
        ("LOCATION", "Jalan Melati", "id", r"Jalan [A-Z]\w+( [A-Z]\w+)?"),
        ("LOCATION", "Jl. Kenanga", "id", r"Jl\. [A-Z]\w+"),
        ("LOCATION", "Gang Mawar", "id", r"Gang .+"),
        ("LOCATION", "Station Road", "en", r"[A-Z][a-z]+ Road"),
        ("LOCATION", "Harcourt Street", "en", r"[A-Z][a-z]+ Street"),
        ("ADDRESS", "Jl. Melati No. 12", "id", r"Jl\. .+ No\. [1-9]\d"),
        ("ADDRESS", "Gg. Mawar No. 7, RT 03/RW 05", "id", r"Gg\. .+ No\. [1-9], RT 0[1-9]/RW 0[1-9]"),
        ("ADDRESS", "14 Mill Lane", "en", r"[1-9]\d [A-Z][a-z]+ Lane"),
        ("ADDRESS", "Flat 2, 31 Harcourt Street", "en", r"Flat [1-9], [1-9]\d [A-Z][a-z]+ Street"),
    ],
)
def test_streets_and_addresses_keep_type_words_and_number_shapes(
    kind: str, original: str, lang: str, shape: str
) -> None:
    mapping = KeyMapping(secret=SECRET, region="13")
    mapping.reserve([original])
    new = mapping.surrogate(kind, original, language=lang)
    assert re.fullmatch(shape, new) and new != original, new


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 ./-abcRTW", max_size=30))
def test_renumber_keeps_every_number_s_length_and_leading_zeros(text: str) -> None:
    import random

    new = renumber(random.Random(1), text)
    assert len(new) == len(text) and re.sub(r"\d", "9", new) == re.sub(r"\d", "9", text)
    for a, b in zip(re.findall(r"\d+", text), re.findall(r"\d+", new), strict=True):
        assert len(a) - len(a.lstrip("0")) == len(b) - len(b.lstrip("0"))
        assert a == b if set(a) == {"0"} else a != b


# ------------------------------------------------------------------------------- NIK, plates
@pytest.mark.parametrize("nik", ["1371046208950003", "1306021107880001", "3171014112900005", "7371095307920004"])
@pytest.mark.parametrize("region", [None, "13"])
def test_a_nik_keeps_its_province_and_moves_its_birth_date_by_the_offset(nik: str, region: str | None) -> None:
    mapping = KeyMapping(secret=SECRET, region=region)
    new = mapping.surrogate("NATIONAL_ID", nik)
    assert nik_is_valid(new) and new[:2] == nik[:2] and new != nik
    female = int(nik[6:8]) > 40
    born = dt.date(1900 + int(nik[10:12]), int(nik[8:10]), int(nik[6:8]) - (40 if female else 0))
    moved = born + dt.timedelta(days=int(mapping.date_offset or 0))
    assert new[6:12] == f"{moved.day + (40 if female else 0):02d}{moved.month:02d}{moved.year % 100:02d}"
    regency = int(new[2:4])
    assert 1 <= regency <= 40 or 71 <= regency <= 99


def test_a_nik_of_the_whole_country_on_request() -> None:
    import random

    provinces = {nik_surrogate(random.Random(i), "1371046208950003", "national", 30)[:2] for i in range(40)}
    assert len(provinces) > 5


@pytest.mark.parametrize(
    ("plate", "region"),
    [("BA 3318 KM", "13"), ("B 4321 KJL", "13"), ("DD 1234 AB", "13"), ("L 777 XY", None), ("BA 3318 KM", None)],
)
def test_a_plate_keeps_its_own_province(plate: str, region: str | None) -> None:
    mapping = KeyMapping(secret=SECRET, region=region)
    new = mapping.surrogate("PLATE", plate)
    own = set(PLATE_PROVINCES[plate.split()[0]])
    assert own & set(PLATE_PROVINCES[new.split()[0]]) and new != plate
    assert len(new.split()[1]) == len(plate.split()[1]) and len(new.split()[2]) == len(plate.split()[2])


def test_plates_of_any_province_on_request() -> None:
    assert len(plate_prefixes("BA", "national")) > 40 and plate_prefixes("BA", "13") == ["BA"]


# ---------------------------------------------------------------- places, phones, dates
def test_places_stay_in_the_province_by_default() -> None:
    mapping = KeyMapping(secret=SECRET)
    places = ["Padang", "Bukittinggi", "Payakumbuh", "Pariaman"]
    text = ", ".join(places)
    got = _run(text, [("LOCATION", p) for p in places], mapping)
    assert all("13" in {p for p, _lv in place_regions(g)} for g in got), got


@pytest.mark.parametrize(
    ("original", "shape"),
    [
        ("0812-6677-5510", r"0840-\d{4}-\d{4}"),
        ("+62 813 6354 5502", r"\+62 840 \d{4} \d{4}"),
        ("07700 900123", r"07700 900\d{3}"),
    ],
)
def test_phones_fall_in_a_range_no_operator_assigns(original: str, shape: str) -> None:
    assert re.fullmatch(shape, KeyMapping(secret=SECRET).surrogate("PHONE", original))


@pytest.mark.parametrize(
    ("original", "language", "shape"),
    [
        ("0113 234 5678", "en", r"0113 496 0\d{3}"),  # Leeds: Ofcom's drama block of Leeds (trial7's finding)
        ("020 7123 4567", "en", r"020 7946 0\d{3}"),
        ("0191 234 5678", "en", r"0191 498 0\d{3}"),
        ("01273 123456", "en", r"01632 960\d{3}"),  # an area with no drama block of its own
        ("0300 123 4567", "en", r"0306 999 0\d{3}"),
        ("0751-123456", "id", r"0751-0\d{5}"),  # Padang: the area kept, a subscriber number no one holds
        ("0751 7051234", "id", r"0751 0\d{6}"),
        ("(021) 5551 2345", "id", r"\(021\) 0\d{3} \d{4}"),
    ],
)
def test_landlines_fall_in_a_range_no_operator_assigns(original: str, language: str, shape: str) -> None:
    got = KeyMapping(secret=SECRET).surrogate("PHONE", original, language=language)
    assert re.fullmatch(shape, got), got


def test_one_date_offset_per_project_with_ordinals() -> None:
    mapping = KeyMapping(secret=SECRET)
    originals = ["June 3rd", "the 21st of August", "3 Maret 2024", "14/08/2026"]
    mapping.settle_offsets([("DATE", d) for d in originals])
    offset = dt.timedelta(days=int(mapping.date_offset or 0))
    june = dt.date(2000, 6, 3) + offset
    suffix = "th" if 10 <= june.day <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(june.day % 10, "th")
    assert re.fullmatch(rf"\w+ {june.day}{suffix}", mapping.surrogate("DATE", "June 3rd", language="en"))
    august = dt.date(2000, 8, 21) + offset
    assert re.search(
        rf"the {august.day}(st|nd|rd|th) of", mapping.surrogate("DATE", "the 21st of August", language="en")
    )
    maret = dt.date(2024, 3, 3) + offset
    assert str(maret.year) in mapping.surrogate("DATE", "3 Maret 2024")
    assert mapping.surrogate("DATE", "14/08/2026") == (dt.date(2026, 8, 14) + offset).strftime("%d/%m/%Y")


# --------------------------------------------------- one person across transcripts and fields
def test_one_person_one_surrogate_across_transcripts_and_fields(project: makna.Project, tmp_path: Path) -> None:
    makna.import_text(project, "a.txt", "P: Siapa?\nI: Pak Gunawan Saputra yang bantu saya.\n", language="id")
    makna.import_text(project, "b.txt", "P: Lalu?\nI: Gunawan Saputra pulang ke Padang.\n", language="id")
    makna.add_memo(project, "project", None, "Catatan: Gunawan Saputra menelepon lagi.")
    scan(project)
    decide_all(project, "rejected")  # only the marked name: the result does not hang on the detectors
    for name in ("a.txt", "b.txt"):
        start = makna.get_source(project, name).text.index("Gunawan")
        add_detection(project, name, start, start + len("Gunawan Saputra"), "PERSON")
    f = tables.deid_fields.c
    with project.store.read() as conn:
        number = conn.execute(select(f.number).where(f.table_name == "memos", f.column_name == "text")).scalar_one()
    start = makna.list_memos(project)[0].text.index("Gunawan")
    add_field_detection(project, f"f{number}", start, start + len("Gunawan Saputra"), "PERSON")
    key = tmp_path / "k.key"
    apply(project, key, PASS)
    _mapping, records = read_key(key, PASS)
    entries = [e for sid, e in records.items() if sid not in {"_fields", "_known_names"}]
    entries += list(records.get("_fields", {}).values())
    seen = {str(r["replacement"]) for e in entries for r in e["replacements"] if r["original"] == "Gunawan Saputra"}
    assert len([r for e in entries for r in e["replacements"] if r["original"] == "Gunawan Saputra"]) == 3
    texts = [makna.get_source(project, n).text for n in ("a.txt", "b.txt")] + [makna.list_memos(project)[0].text]
    assert len(seen) == 1, seen
    surrogate = seen.pop()
    assert all(surrogate in t and "Gunawan" not in t for t in texts), texts
    assert all(locale_gender(w) == "m" for w in surrogate.split())


# ------------------------------------------------------------------------ the tune cases' floor
def test_the_tune_cases_floor() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from deid_surrogate_cases import run

    score = run("tune", 2, False)
    checked = sum(v for k, v in score.items() if k.endswith(": checked"))
    missed = sum(v for k, v in score.items() if k.endswith(": MISS") and not k.startswith("all"))
    assert checked and (checked - missed) / checked >= 0.9
    assert not [k for k, v in score.items() if k.startswith("all: MISS") and v]


def test_one_street_one_name_in_a_place_and_an_address() -> None:
    text = "Dekat Jalan Melati. Kos saya di Jl. Melati No. 12, lalu Jalan Melati lagi."
    items = [("LOCATION", "Jalan Melati"), ("ADDRESS", "Jl. Melati No. 12"), ("LOCATION", "Jalan Melati")]
    place, address, again = _run(text, items, KeyMapping(secret=SECRET, region="13"))
    name = place.removeprefix("Jalan ")
    assert again == place and re.fullmatch(rf"Jl\. {name} No\. [1-9]\d", address), (place, address)


def test_a_town_named_like_a_street_stays_a_town() -> None:
    from makna.privacy.regions import country_places

    mapping = KeyMapping(secret=SECRET, region="13")
    new = mapping.surrogate("LOCATION", "Burgess Hill", language="en", region="GB")
    assert ("GB", "ENG") in country_places(new), new
