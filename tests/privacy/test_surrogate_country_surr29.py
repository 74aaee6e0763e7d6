"""A place no list knows takes the country the evidence shows (surr29, trial19 #4, issue #11 section 4).

In an English project with no region set, a carer's interview that named only a Leeds suburb no list holds
(``Armley``) had no region of its own and took the project's, none: its surrogate came from the English list, which
mixes British and American places (``Phoenix``). Now a source without evidence of its own follows the project's
other sources in its language (``others``), its postcodes, telephone prefixes and currencies vote, and an English
source with no evidence at all takes the documented default (:data:`makna.privacy.source_regions.ENGLISH_DEFAULT`,
``language``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import makna
from makna.privacy.keyfile import read_key
from makna.privacy.place_countries import abroad_places
from makna.privacy.project import add_detection, decide_all, scan
from makna.privacy.project_apply import apply
from makna.privacy.region_cues import cue_identifiers, cue_votes
from makna.privacy.regions import country_places, region_votes
from makna.privacy.source_regions import ENGLISH_DEFAULT, count_votes, source_regions

PASS = "correct horse battery staple"
SUBURB = "Quarrendon Vale"  # a fictional suburb: no list holds it


def _countries(place: str) -> set[str]:
    return {c for c, _a in country_places(place)} | {c for c, _a in abroad_places(place)}


def _study(project: makna.Project, sources: dict[str, tuple[str, list[tuple[str, str]]]]) -> None:
    for name, (text, marks) in sources.items():
        makna.import_text(project, name, text, language="en")
        scan(project, sources=[name])
        decide_all(project, "rejected")  # only the marked identifiers: a result that does not hang on detectors
        for needle, kind in marks:
            for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text):
                add_detection(project, name, m.start(), m.end(), kind)


def _surrogates(key: Path, project: makna.Project, source: str) -> dict[str, str]:
    _mapping, records = read_key(key, PASS)
    ids = {s.name: s.id for s in makna.list_sources(project)}
    return {str(r["original"]): str(r["replacement"]) for r in records[ids[source]]["replacements"]}


SUBURB_ONLY = ("Interviewer: Where do you work?\nCarer: I'm Deborah Quinn, I work mostly around " + SUBURB + ".\n",
               [("Deborah Quinn", "PERSON"), (SUBURB, "LOCATION")])


@pytest.mark.parametrize(("country", "places"), [("GB", ("Leeds", "Bradford")), ("US", ("Austin", "Dallas"))])
def test_a_suburb_no_list_knows_follows_the_other_sources(project: makna.Project, tmp_path: Path, country: str,
                                                          places: tuple[str, str]) -> None:
    assert not _countries(SUBURB) and not region_votes("LOCATION", SUBURB)
    first, second = places
    _study(project, {
        "fg.txt": (f"Moderator: Where?\nParticipant 1: I'm Margaret Ellison, I visit clients around {first}.\n",
                   [("Margaret Ellison", "PERSON"), (first, "LOCATION")]),
        "fg2.txt": (f"Moderator: And you?\nParticipant 3: Priya Sharma. Mostly {second}.\n",
                    [("Priya Sharma", "PERSON"), (second, "LOCATION")]),
        "carer.srt": SUBURB_ONLY,
    })
    regions = {r.source: r for r in source_regions(project)}
    assert (regions["carer.srt"].region, regions["carer.srt"].origin) == (country, "others")
    assert set(regions["carer.srt"].because) == {"fg.txt", "fg2.txt"}  # the sources, never an identifier
    key = tmp_path / "keys" / "k.key"
    report = apply(project, key, PASS)
    assert report.source_regions["carer.srt"] == (country, "others")
    new = _surrogates(key, project, "carer.srt")[SUBURB]
    assert _countries(new) == {country} or country in _countries(new), new  # never across the Atlantic
    for source, place in (("fg.txt", first), ("fg2.txt", second)):
        assert country in _countries(_surrogates(key, project, source)[place])


@pytest.mark.parametrize(("cue", "country"), [
    ("Send it to 14 Kirkstall Road, LS12 3AB.", "GB"),
    ("It costs £12 an hour, or forty quid a visit.", "GB"),
    ("Ring me on +61 412 345 678.", "AU"),
    ("We charge A$40 a visit.", "AU"),
    ("The office is in Springfield, IL 62704.", "US"),
])
def test_a_postcode_phone_or_currency_decides_a_source_without_places(project: makna.Project, tmp_path: Path,
                                                                      cue: str, country: str) -> None:
    text = SUBURB_ONLY[0] + "Carer: " + cue + "\n"
    marks = [*SUBURB_ONLY[1], *([("+61 412 345 678", "PHONE")] if "+61" in cue else [])]
    _study(project, {"carer.srt": (text, marks)})
    plan = next(r for r in source_regions(project) if r.source == "carer.srt")
    assert (plan.region, plan.origin) == (country, "inferred"), plan
    key = tmp_path / "keys" / "k.key"
    apply(project, key, PASS)
    assert country in _countries(_surrogates(key, project, "carer.srt")[SUBURB])


def test_an_english_project_with_no_evidence_takes_the_documented_default(project: makna.Project,
                                                                          tmp_path: Path) -> None:
    _study(project, {"carer.srt": SUBURB_ONLY})
    plan = next(r for r in source_regions(project) if r.source == "carer.srt")
    assert (plan.region, plan.origin) == (ENGLISH_DEFAULT, "language")
    key = tmp_path / "keys" / "k.key"
    apply(project, key, PASS)
    assert ENGLISH_DEFAULT in _countries(_surrogates(key, project, "carer.srt")[SUBURB])


def test_a_split_project_decides_nothing(project: makna.Project) -> None:
    _study(project, {
        "a.txt": ("Q: Where?\nA: Leeds.\n", [("Leeds", "LOCATION")]),
        "b.txt": ("Q: Where?\nA: Austin.\n", [("Austin", "LOCATION")]),
        "c.txt": SUBURB_ONLY,
    })
    regions = {r.source: (r.region, r.origin) for r in source_regions(project)}
    assert regions["c.txt"] == (ENGLISH_DEFAULT, "language")  # one place each: no majority, the default


def test_a_source_own_evidence_wins_over_the_others(project: makna.Project) -> None:
    _study(project, {
        "a.txt": ("Q: Where?\nA: Leeds.\n", [("Leeds", "LOCATION")]),
        "b.txt": ("Q: Where?\nA: Bradford.\n", [("Bradford", "LOCATION")]),
        "d.txt": ("Q: Where?\nA: Around " + SUBURB + ", near Dallas.\n", [(SUBURB, "LOCATION"), ("Dallas", "LOCATION")]),
    })
    regions = {r.source: (r.region, r.origin) for r in source_regions(project)}
    assert regions["d.txt"] == ("US", "inferred")


def test_cues_of_a_text() -> None:
    text = ("I live in Leeds LS6 3AB. It was £20. Austin, TX 78701. Sydney NSW 2000. Toronto M5V 2T6. RM50. "
            "Saya di Padang 25111, Rp 50.000, plat B 1234 AB. Hong Kong SAR. We paid 20 dollars, 5 euros.")
    found = cue_identifiers(text)
    assert found == [("POSTCODE", "LS6 3AB"), ("POSTCODE", "M5V 2T6"), ("POSTCODE", "TX 78701"),
                     ("POSTCODE", "NSW 2000"), ("CURRENCY", "GB"), ("CURRENCY", "MY")]
    assert [cue_votes(*f) for f in found] == [{"GB": 1.0}, {"CA": 1.0}, {"US": 1.0}, {"AU": 1.0}, {"GB": 0.5},
                                              {"MY": 0.5}]
    assert cue_identifiers("Dia bayar 20 dolar, di Padang 25111, plat BA 1234 XY.") == []
    # a currency counts once per source, half a vote: one postcode outweighs it
    assert count_votes([*cue_identifiers("£5, £6, quid, pence"), *cue_identifiers("Austin, TX 78701")]).votes == {
        "GB": 0.5, "US": 1.0}
    assert region_votes("PHONE", "+27 82 555 0100") == {"ZA": 1.0}
    assert region_votes("PHONE", "+852 9123 4567") == {"HK": 1.0}
