"""A source's region from its own places first (a newcomer's trial, #11): a chat export naming a West Java
village after a type word ("balai desa Cibiru", "Desa Cibiru") got the study's province (DI Yogyakarta); the
village the regions data knows now votes for its province."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.privacy.regions import source_region
from makna.privacy.source_regions import source_votes


@pytest.mark.parametrize("kind", ["LOCATION", "ORG"])
@pytest.mark.parametrize("text", ["balai desa Cibiru", "Balai Desa Cibiru", "Desa Cibiru", "kampung Cibiru"])
def test_a_village_after_a_type_word_votes_for_its_province(kind: str, text: str) -> None:
    assert source_votes([(kind, text)]) == source_votes([("LOCATION", "Cibiru")]) == {"32": 1.0}


def test_the_source_gets_its_own_villages_province_not_the_studys() -> None:
    votes = source_votes([("LOCATION", "balai desa Cibiru"), ("ORG", "Balai Desa Cibiru"), ("PERSON", "Asep")])
    assert source_region(votes, "34", "id") == "32"


@pytest.mark.parametrize("text", ["balai desa", "Harbour Street Community Centre", "Desa Makmur Jaya Sentosa"])
def test_no_known_place_after_the_type_word_no_vote(text: str) -> None:
    assert source_votes([("LOCATION", text)]) == {}


def test_deid_region_says_which_places_decided(tmp_path: Path) -> None:
    loc = str(tmp_path / "p.makna")
    chat = (
        "[10/03/24 19.02] Asep: kumaha, tos di balai desa Cibiru?\n"
        "[10/03/24 19.05] Neng Euis: muhun, abdi di Desa Cibiru ayeuna\n"
    )
    with makna.create_project(loc, coder="ana") as p:
        makna.import_text(p, "chat.txt", chat, language="id")
    runner = CliRunner()
    assert runner.invoke(app, ["deid", "scan", "-p", loc]).exit_code == 0
    result = runner.invoke(app, ["deid", "region", "-p", loc, "--format", "json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)
    assert (row["region"], row["from"]) == ("32", "inferred") and "Desa Cibiru" in row["why"], row
