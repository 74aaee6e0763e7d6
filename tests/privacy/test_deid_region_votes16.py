"""A source's region and its explanation come from one count of its votes, and one unambiguous town decides its
province (health16, #11): ``deid region``'s ``why`` recomputed which identifiers voted instead of reading the
count that chose the region, and a province needed two votes where one town only it has should do; a name several
provinces share still decides nothing."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.privacy.regions import region_votes, source_region
from makna.privacy.source_regions import count_votes, source_votes


def test_one_unambiguous_town_decides_its_province() -> None:
    assert region_votes("LOCATION", "Bukittinggi") == {"13": 1.0}
    ballot = count_votes([("LOCATION", "Bukittinggi"), ("PERSON", "Rini")])
    assert ballot.votes == {"13": 1.0} and ballot.sure == {"13"}
    assert source_region(ballot.votes, "34", "id", sure=ballot.sure) == "13"
    assert source_region(ballot.votes, "34", "id") == "34"  # without the town's word: one vote is not enough


def test_an_ambiguous_name_alone_decides_nothing() -> None:
    assert len(region_votes("LOCATION", "Wonosari")) > 1
    for ids in ([("LOCATION", "Wonosari")], [("LOCATION", "Wonosari"), ("LOCATION", "Wonosari")]):
        ballot = count_votes(ids)
        assert ballot.sure == frozenset()
        assert source_region(ballot.votes, "13", "id", sure=ballot.sure) == "13"


def test_one_town_needs_the_majority_still() -> None:
    ballot = count_votes([("LOCATION", "Bukittinggi"), ("LOCATION", "Sleman")])
    assert ballot.sure == {"13", "34"}
    assert source_region(ballot.votes, "31", "id", sure=ballot.sure) == "31"  # one each: no majority


def test_a_foreign_city_in_an_indonesian_source_still_needs_two_votes() -> None:
    ballot = count_votes([("LOCATION", "Leeds")])
    assert source_region(ballot.votes, "13", "id", sure=ballot.sure) == "13"
    assert source_region(ballot.votes, "13", "en", sure=ballot.sure) == "GB"


def test_the_voters_are_those_whose_votes_went_to_the_region() -> None:
    # "Wonosari" names four provinces; "Gunungkidul" only DI Yogyakarta, so Wonosari's whole vote goes there
    ballot = count_votes([("PLATE", "AB 1234 CD"), ("LOCATION", "Wonosari"), ("LOCATION", "Gunungkidul")])
    assert ballot.votes == source_votes(
        [("LOCATION", "Wonosari"), ("LOCATION", "Gunungkidul"), ("PLATE", "AB 1234 CD")]
    )
    assert ballot.voters["34"][:2] == ("Wonosari", "Gunungkidul")  # places first, in the text's order
    assert "AB 1234 CD" in ballot.voters["34"]
    assert all("Wonosari" not in ballot.voters.get(p, ()) for p in ("33", "35", "75"))  # its vote went elsewhere


def test_deid_region_why_reads_the_votes_that_chose(tmp_path: Path) -> None:
    loc = str(tmp_path / "p.makna")
    with makna.create_project(loc, coder="ana") as p:
        makna.import_text(
            p, "a.txt", "P: Di mana tinggal?\nI: Saya tinggal di Bukittinggi sejak kecil.\n", language="id"
        )
        makna.import_text(p, "b.txt", "P: Di mana tinggal?\nI: Saya tinggal di Wonosari sejak kecil.\n", language="id")
    runner = CliRunner()
    assert runner.invoke(app, ["deid", "scan", "-p", loc]).exit_code == 0
    result = runner.invoke(app, ["deid", "region", "-p", loc, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["source"]: r for r in json.loads(result.output)}
    assert (rows["a.txt"]["region"], rows["a.txt"]["from"], rows["a.txt"]["why"]) == ("13", "inferred", "Bukittinggi")
    assert (rows["b.txt"]["region"], rows["b.txt"]["from"], rows["b.txt"]["why"]) == ("13", "project", "")
