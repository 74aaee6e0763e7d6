"""newuser18: a typo in a code's key (`makna code motive.cots ...`) said only "unknown code 'motive.cots'
(see 'makna codebook')"; it now names the nearest keys of the codebook, and still changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.errors import UnknownCodeError


@pytest.fixture
def project(tmp_path: Path) -> str:
    path = str(tmp_path / "p.makna")
    with makna.create_project(path, "Typo", coder="sari") as p:
        makna.import_text(p, "a.txt", "P: Kenapa?\nI: Biaya parkir mahal.\n", language="id")
        for key in ("motive", "motive.cost", "motive.customers", "exp"):
            makna.add_code(p, key)
    return path


def test_the_cli_names_the_nearest_key(project: str) -> None:
    r = CliRunner().invoke(app, ["code", "motive.cots", "-s", "a.txt", "--turn", "2", "-p", project])
    assert r.exit_code != 0
    assert "unknown code 'motive.cots'" in r.output and "did you mean 'motive.cost'?" in r.output, r.output
    with makna.open_project(project) as p:
        assert makna.retrieve(p) == []


def test_no_guess_for_a_key_like_none(project: str) -> None:
    with makna.open_project(project) as p, pytest.raises(UnknownCodeError) as err:
        makna.retrieve(p, code="zzzzqq")
    assert str(err.value) == "unknown code 'zzzzqq' (see 'makna codebook')"
