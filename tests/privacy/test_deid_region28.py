"""Surrogates keep an Indonesian informant's province (trial18 #4, issue #11): a place the lists hold in one
province becomes a place of that province and level, whatever the source's region; a source's region reads the
weight of its places (a city outweighs the districts that share its name; a place named as the informant's home
or work counts twice); a source whose places all lie outside the project's province takes theirs; a name's gender
shown by one of its words is not undone by a birth-order name (``Dwi``) both genders bear."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from makna.privacy.naming import name_gender
from makna.privacy.pseudonymise import KeyMapping, pseudonymise
from makna.privacy.regions import place_regions, source_region
from makna.privacy.source_regions import count_votes
from makna.privacy.types import Detection

SECRETS = ("ab" * 16, "cd" * 16, "0f" * 16, "42" * 16)


def _surrogates(text: str, places: list[str], region: str | None, persons: tuple[str, ...] = (),
                secret: str = SECRETS[0]) -> dict[str, str]:
    dets = [Detection(m.start(), m.end(), kind, 1.0, "test", name)
            for kind, names in (("LOCATION", places), ("PERSON", persons)) for name in names
            for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
    dets.sort(key=lambda d: d.start)
    key = KeyMapping(secret=secret, region=region)
    _out, reps = pseudonymise(text, dets, mode="surrogate", mapping=key, language="id")
    return {r.original: r.replacement for r in reps}


CASES = [
    # (text, places, the source's region, place -> (its province, the levels its surrogate may have))
    ("Nurul Hidayah, dari Magelang, narik di Jogja. Suami saya kerja di Batam.", ["Magelang", "Jogja", "Batam"],
     "32", {"Magelang": ("33", {"city", "regency"}), "Batam": ("21", {"city", "regency"}),
            "Jogja": ("34", {"city", "regency"})}),
    ("Saya tinggal di Sleman, dekat Gamping.", ["Sleman", "Gamping"], "34",
     {"Sleman": ("34", {"regency", "city"}), "Gamping": ("34", {"district"})}),
    ("Saya tinggal di Sleman, dekat Gamping.", ["Sleman", "Gamping"], "32",
     {"Sleman": ("34", {"regency", "city"}), "Gamping": ("34", {"district"})}),
    ("Kami pindah dari Kutasari ke Purbalingga.", ["Kutasari", "Purbalingga"], "32",
     {"Kutasari": ("33", {"district"}), "Purbalingga": ("33", {"regency", "city"})}),
]


@pytest.mark.parametrize(("text", "places", "region", "want"), CASES)
@pytest.mark.parametrize("secret", SECRETS)
def test_a_place_keeps_its_province_and_level(text: str, places: list[str], region: str,
                                              want: dict[str, tuple[str, set[str]]], secret: str) -> None:
    got = _surrogates(text, places, region, secret=secret)
    for place, (province, levels) in want.items():
        found = place_regions(got[place])
        assert any(p == province and lv in levels for p, lv in found), (place, got[place], sorted(found))


def test_a_place_of_the_project_province_stays_in_it() -> None:
    for secret in SECRETS:
        got = _surrogates("Saya jualan di Garut.", ["Garut"], "32", secret=secret)
        assert any(p == "32" for p, _lv in place_regions(got["Garut"])), got


@pytest.mark.parametrize("secret", SECRETS)
def test_a_district_beside_a_city_of_the_region_stays_in_it(secret: str) -> None:
    # "Kopo": a district of Banten in the lists, named beside Bandung in a West Java source (a Bandung
    # neighbourhood): a place of the source's region, not of Banten
    got = _surrogates("Saya ngontrak di Kopo, Bandung, dekat Cimahi.", ["Kopo", "Bandung", "Cimahi"], "32",
                      secret=secret)
    assert any(p == "32" for p, _lv in place_regions(got["Kopo"])), got
    assert any(p == "32" for p, _lv in place_regions(got["Bandung"])), got
    # alone, or beside places of Banten, it stays Banten's
    got = _surrogates("Saya ngontrak di Kopo, dekat Kragilan.", ["Kopo", "Kragilan"], "32", secret=secret)
    assert any(p == "36" for p, _lv in place_regions(got["Kopo"])), got


def test_a_city_outweighs_the_districts_that_share_its_name() -> None:
    # "Kopo" is a district the lists hold in Banten only; "Bandung" a city and regency of Jawa Barat and a district
    # of Banten and Jawa Timur: the Banten district no longer takes Bandung's vote
    ballot = count_votes([("LOCATION", "Kopo"), ("LOCATION", "Bandung"), ("LOCATION", "Cimahi")])
    assert source_region(ballot.votes, None, "id", sure=ballot.sure) == "32", ballot.votes
    ballot = count_votes([("LOCATION", "Kopo"), ("LOCATION", "Bandung")])
    assert source_region(ballot.votes, "32", "id", sure=ballot.sure) == "32", ballot.votes


def test_a_home_or_workplace_counts_twice() -> None:
    from makna.privacy.source_regions import home_votes

    text = "Saya asli Magelang. Dulu pernah lewat Batam waktu ke Malaysia."
    dets = [Detection(m.start(), m.end(), "LOCATION", 1.0, "test", m.group()) for m in re.finditer(r"Magelang|Batam",
                                                                                                      text)]
    assert home_votes(text, dets) == [("LOCATION", "Magelang")]
    ballot = count_votes([*((d.type, d.text) for d in dets), *home_votes(text, dets)])
    assert source_region(ballot.votes, None, "id", sure=ballot.sure) == "33", ballot.votes


def test_a_source_whose_places_lie_elsewhere_takes_theirs() -> None:
    votes = {"33": 1.0, "34": 1.0, "21": 1.0}  # Magelang, Jogja, Batam: none in the project's Jawa Barat
    assert source_region(votes, None, "id", sure={"33", "34", "21"}, project="32") == "33"  # the first named
    assert source_region({"32": 1.0, "33": 1.0}, None, "id", sure={"32", "33"}, project="32") is None  # its own


def test_a_javanese_informant_keeps_a_javanese_name() -> None:
    from makna.privacy.naming import token_traditions

    for secret in SECRETS:
        got = _surrogates("Nurul Hidayah, dari Magelang, narik di Jogja.", ["Magelang", "Jogja"], "33",
                          ("Nurul Hidayah",), secret=secret)
        words = got["Nurul Hidayah"].split()
        assert not any("sunda" in token_traditions(w) and "jawa" not in token_traditions(w) for w in words), got


@pytest.mark.parametrize("secret", SECRETS)
def test_dwi_astuti_stays_a_woman(secret: str) -> None:
    got = _surrogates("Dwi Astuti cerita soal rating.", [], "34", ("Dwi Astuti",), secret=secret)
    first, *rest = got["Dwi Astuti"].split()
    assert name_gender(first) != "m", got
    assert all(name_gender(w) != "m" for w in rest), got


# ---------------------------------------------------------------------------------------- a project's sources
WEST_JAVA = ("P: Ceritakan soal kerja Ibu.\n"
             "I: Saya Euis, tinggal di Garut. Dulu jualan di Tasikmalaya, sekarang narik di Garut saja.\n")
JAVANESE = ("P: Ceritakan soal kerja Ibu.\n"
            "I: Nurul Hidayah, dari Magelang, narik di Jogja. Suami saya kerja di Batam.\n")
KOPO = ("P: Tinggal di mana?\n"
        "I: Saya Rina, ngontrak di Kopo, Bandung. Kerja di pabrik sepatu.\n")
MARKS = {"informan-1.txt": (WEST_JAVA, ["Euis", "Garut", "Tasikmalaya"]),
         "informan-2.txt": (JAVANESE, ["Nurul Hidayah", "Magelang", "Jogja", "Batam"]),
         "informan-3.txt": (KOPO, ["Rina", "Kopo", "Bandung"])}


def test_each_source_takes_the_region_of_its_own_places(project: object, tmp_path: Path) -> None:
    import makna
    from makna.privacy.keyfile import read_key
    from makna.privacy.naming import token_traditions
    from makna.privacy.project import add_detection, decide_all, scan
    from makna.privacy.project_apply import apply
    from makna.privacy.source_regions import source_regions

    assert isinstance(project, makna.Project)
    for name, (text, marks) in MARKS.items():
        makna.import_text(project, name, text, language="id")
        scan(project, sources=[name])
        decide_all(project, "rejected")  # only the marked identifiers: the result does not hang on detectors
        for needle in marks:
            kind = "PERSON" if needle in {"Euis", "Nurul Hidayah", "Rina"} else "LOCATION"
            for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text):
                add_detection(project, name, m.start(), m.end(), kind)
    regions = {r.source: r.region for r in source_regions(project)}
    assert regions["informan-1.txt"] == "32", regions
    assert regions["informan-2.txt"] == "33", regions  # not the project's Jawa Barat (trial18 #4)
    assert regions["informan-3.txt"] == "32", regions  # not Banten
    # the apply: the Javanese informant's places stay in their provinces, her name is no Sundanese one
    key = tmp_path / "keys" / "k.key"
    apply(project, key, "correct horse battery staple")
    _mapping, records = read_key(key, "correct horse battery staple")
    ids = {s.id: s.name for s in makna.list_sources(project)}
    reps = {ids[sid]: {str(r["original"]): str(r["replacement"]) for r in entry["replacements"]}
            for sid, entry in records.items() if sid in ids}
    javanese = reps["informan-2.txt"]
    for place, province in (("Magelang", "33"), ("Jogja", "34"), ("Batam", "21")):
        assert province in {p for p, _lv in place_regions(javanese[place])}, (place, javanese[place])
    words = javanese["Nurul Hidayah"].split()
    assert not any(token_traditions(w) == {"sunda"} for w in words), javanese["Nurul Hidayah"]
    assert any(p == "32" for p, _lv in place_regions(reps["informan-3.txt"]["Kopo"])), reps["informan-3.txt"]
