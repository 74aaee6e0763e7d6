"""Surrogates per source (#11, deidsurr2): an informant living abroad gets names and places of where she
lives, not of the study's province; a source or a case can carry its own region; one original keeps one
surrogate across sources of different regions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.errors import InputError
from makna.memos import events
from makna.privacy.keyfile import read_key
from makna.privacy.naming import _all_names, _token_index, locale_gender
from makna.privacy.project import add_detection, decide_all, scan
from makna.privacy.project_apply import apply
from makna.privacy.regions import country_places, place_regions, region_votes, resolve_region, source_region
from makna.privacy.source_regions import set_region, source_regions

PASS = "correct horse battery staple"
LEEDS = (
    "Q: Can you tell me about yourself?\n"
    "A: My name is Abena Owusu. I came from Kumasi and now I work as a nurse in Leeds.\n"
    "Q: And your family?\n"
    "A: My husband Zorvan drives in Bradford. Our friend Tamsin lives in Wakefield.\n"
)
PADANG = (
    "P: Siapa nama Ibu?\n"
    "I: Nama saya Rina. Saya tinggal di Padang, asal dari Bukittinggi, jualan di Payakumbuh.\n"
    "I: Teman saya Tamsin juga di Padang. Suami saya Zorbayu ojek.\n"
)
MARKS = {
    "nurse.txt": [("Abena Owusu", "PERSON"), ("Kumasi", "LOCATION"), ("Leeds", "LOCATION"), ("Zorvan", "PERSON"),
                  ("Bradford", "LOCATION"), ("Tamsin", "PERSON"), ("Wakefield", "LOCATION")],
    "pedagang.txt": [("Rina", "PERSON"), ("Padang", "LOCATION"), ("Bukittinggi", "LOCATION"),
                     ("Payakumbuh", "LOCATION"), ("Tamsin", "PERSON"), ("Zorbayu", "PERSON")],
}


def _mark(project: makna.Project, name: str, text: str) -> None:
    for needle, kind in MARKS[name]:
        for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text):
            add_detection(project, name, m.start(), m.end(), kind)


@pytest.fixture
def study(project: makna.Project) -> makna.Project:
    for name, text, lang in (("nurse.txt", LEEDS, "en"), ("pedagang.txt", PADANG, "id")):
        makna.import_text(project, name, text, language=lang)
        scan(project, sources=[name])
        decide_all(project, "rejected")  # only the marked identifiers, for a result that does not hang on detectors
        _mark(project, name, text)
    return project


def _replacements(key: Path, project: makna.Project) -> dict[str, list[dict[str, object]]]:
    _mapping, records = read_key(key, PASS)
    ids = {s.id: s.name for s in makna.list_sources(project)}
    return {ids[sid]: entry["replacements"] for sid, entry in records.items() if sid in ids}


def _indonesian(name: str) -> bool:
    return name.lower() in _token_index() or name in _all_names("id_ID")


def test_regions_from_a_source_own_identifiers() -> None:
    assert resolve_region("uk") == resolve_region("United Kingdom") == "GB"
    assert resolve_region("GH") == "GH" and resolve_region("indonesia") == "national"
    with pytest.raises(InputError):
        resolve_region("Atlantis")
    assert region_votes("LOCATION", "Leeds") == {"GB": 1.0}
    assert region_votes("PHONE", "+44 7700 900123") == {"GB": 1.0}
    assert region_votes("LOCATION", "Ghana") == {"GH": 0.5}  # a country named: an origin, half a vote
    # an English source with one UK place is the UK; an Indonesian one needs two votes to leave the project's
    assert source_region({"GB": 1.0}, "13", "en") == "GB"
    assert source_region({"GB": 1.0}, "13", "id") == "13"
    assert source_region({"GB": 1.0, "13": 1.0}, "13", "en") == "13"  # no majority
    assert source_region({"33": 2.0}, "13", "id") == "33"
    assert source_region({}, "13", "en") == "13"


def test_an_informant_abroad_gets_names_and_places_of_where_she_lives(study: makna.Project, tmp_path: Path) -> None:
    regions = {r.source: (r.region, r.origin) for r in source_regions(study)}
    assert regions == {"nurse.txt": ("GB", "inferred"), "pedagang.txt": ("13", "inferred")}
    key = tmp_path / "keys" / "k.key"
    report = apply(study, key, PASS)
    assert report.source_regions["nurse.txt"] == ("GB", "inferred")
    reps = _replacements(key, study)
    nurse = {str(r["original"]): str(r["replacement"]) for r in reps["nurse.txt"]}
    # English places become English cities (the same division), a Ghanaian city a Ghanaian one
    for city in ("Leeds", "Bradford", "Wakefield"):
        assert ("GB", "ENG") in country_places(nurse[city]), (city, nurse[city])
    assert "GH" in {c for c, _a in country_places(nurse["Kumasi"])}
    # names: Akan names stay Akan (Faker tw_GH); a name no list holds, none Indonesian, is her husband's: since
    # round twenty-five (makna.privacy.families) it takes the family's tradition, Akan, before the UK's
    first, last = nurse["Abena Owusu"].split()
    assert first in _all_names("tw_GH") and last in _all_names("tw_GH")
    assert not _indonesian(nurse["Zorvan"]) and nurse["Zorvan"] in _all_names("tw_GH")
    # the Padang trader keeps West Sumatra places
    pedagang = {str(r["original"]): str(r["replacement"]) for r in reps["pedagang.txt"]}
    for place in ("Padang", "Bukittinggi", "Payakumbuh"):
        assert "13" in {p for p, _lv in place_regions(pedagang[place])}, (place, pedagang[place])
    # a name no list holds, in an Indonesian text of West Sumatra, gets an Indonesian name (the study's
    # language, English here by one source to one, no longer decides), of the husband's gender
    assert _indonesian(pedagang["Zorbayu"]) and locale_gender(pedagang["Zorbayu"]) == "m", pedagang["Zorbayu"]
    # one original, one surrogate, whatever the source's region
    assert nurse["Tamsin"] == pedagang["Tamsin"]
    texts = {s.name: makna.get_source(study, s.name).text for s in makna.list_sources(study)}
    blob = "\n".join(texts.values())
    assert not [o for name in MARKS for o, _k in MARKS[name] if re.search(rf"(?<!\w){o}(?!\w)", blob)]


def test_a_region_set_for_a_source_or_a_case_wins(study: makna.Project, tmp_path: Path) -> None:
    makna.add_case(study, "Informan 2")
    makna.link_source(study, "Informan 2", "pedagang.txt")
    assert set_region(study, "Ghana", sources=["nurse.txt"]) == ["nurse.txt"]
    assert set_region(study, "jateng", cases=["Informan 2"]) == ["Informan 2"]
    with pytest.raises(InputError):
        set_region(study, "GB", cases=["nobody"])
    regions = {r.source: (r.region, r.origin) for r in source_regions(study)}
    assert regions == {"nurse.txt": ("GH", "source"), "pedagang.txt": ("33", "case")}
    key = tmp_path / "keys" / "k.key"
    apply(study, key, PASS)
    reps = _replacements(key, study)
    nurse = {str(r["original"]): str(r["replacement"]) for r in reps["nurse.txt"]}
    assert "GB" in {c for c, _a in country_places(nurse["Leeds"])}  # a known city keeps its own country
    assert nurse["Zorvan"] in _all_names("tw_GH")  # a name no list holds: the source's country
    pedagang = {str(r["original"]): str(r["replacement"]) for r in reps["pedagang.txt"]}
    assert "33" in {p for p, _lv in place_regions(pedagang["Padang"])}
    assert len(events(study, action="deid.region")) == 2


def test_cli_region_lists_sets_and_clears(study: makna.Project, project_location: str) -> None:
    loc = project_location
    runner = CliRunner()
    out = runner.invoke(app, ["deid", "region", "-p", loc, "--format", "csv"]).output
    assert "nurse.txt,GB,United Kingdom,inferred" in out
    result = runner.invoke(app, ["deid", "region", "-p", loc, "--set", "US", "--source", "nurse.txt"])
    assert result.exit_code == 0, result.output
    assert "nurse.txt,US,United States,source" in runner.invoke(app, ["deid", "region", "-p", loc, "-f", "csv"]).output
    result = runner.invoke(app, ["deid", "region", "-p", loc, "--clear", "--source", "nurse.txt"])
    assert result.exit_code == 0
    assert "nurse.txt,GB,United Kingdom,inferred" in runner.invoke(app, ["deid", "region", "-p", loc, "-f", "csv"]
                                                                    ).output
    result = runner.invoke(app, ["deid", "region", "-p", loc, "--set", "Atlantis", "--source", "nurse.txt"])
    assert result.exit_code != 0 and "Atlantis" in result.output and "Traceback" not in result.output


def test_an_english_source_without_places_does_not_take_the_study_province(project: makna.Project,
                                                                          tmp_path: Path) -> None:
    """newuser14: a NIK in an Indonesian transcript made the project's region West Java, and an English interview
    that named no place of its own got Sundanese names ("Mr. Karna"); now it gets English ones (``language``)."""
    indo = "P: Siapa nama Ibu?\nI: Nama saya Rina. NIK saya 3273014509870004.\n"
    eng = "Q: Who helped you?\nA: My neighbour Zorvan helped me with the forms.\n"
    makna.import_text(project, "indo.txt", indo, language="id")
    makna.import_text(project, "eng.txt", eng, language="en")
    for name in ("indo.txt", "eng.txt"):
        scan(project, sources=[name])
        decide_all(project, "rejected")
    add_detection(project, "indo.txt", indo.index("Rina"), indo.index("Rina") + 4, "PERSON")
    nik = indo.index("3273")
    add_detection(project, "indo.txt", nik, nik + 16, "NATIONAL_ID")
    add_detection(project, "eng.txt", eng.index("Zorvan"), eng.index("Zorvan") + 6, "PERSON")
    key = tmp_path / "keys" / "k.key"
    result = apply(project, key, PASS)
    assert result.source_regions["eng.txt"] == ("GB", "language")
    assert result.source_regions["indo.txt"][1] == "project"
    eng_reps = {str(r["original"]): str(r["replacement"]) for r in _replacements(key, project)["eng.txt"]}
    assert not _indonesian(eng_reps["Zorvan"]), eng_reps
