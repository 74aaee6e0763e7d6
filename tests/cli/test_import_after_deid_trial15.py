"""trial15: a survey imported into a project de-identified already (three more volunteers' answers, after the
focus group and the group chat had been applied). The import said nothing, the sources read as any other, and a
coder of the team server read the respondents' names, a doctor's and a phone number at once. ``makna import`` now
warns, on stderr, that the sources just imported are not de-identified and what to run."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from makna.cli import app

runner = CliRunner()
WARNING = "source(s) just imported are not"
LATE = "Q: What was hardest?\nA: Standing for hours. Dr Margaret Fitzgerald told me to rest more.\n"
SURVEY = (
    "Timestamp,Volunteer no.,What did you find hardest about volunteering?\n"
    "2026-10-20 09:14,V-21,Getting to the hall without a car; my friend Oluwaseun Adeyemi drives me when she can.\n"
)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def loc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("MAKNA_CODER", "ruth")
    loc = str(tmp_path / "pantry.makna")
    assert run("init", loc)[0] == 0
    (tmp_path / "fg.txt").write_text(
        "Facilitator: Who are you?\nP1: I'm Siobhan O'Connell, from Leeds.\n", encoding="utf-8"
    )
    assert run("import", str(tmp_path / "fg.txt"), "-p", loc)[0] == 0
    return loc


def _apply(loc: str, tmp_path: Path) -> None:
    (tmp_path / "pass.txt").write_text("a long passphrase for the key\n", encoding="utf-8")
    assert run("deid", "scan", "-p", loc)[0] == 0
    assert run("deid", "accept", "--all", "-p", loc)[0] == 0
    key, secret = str(tmp_path / "keys" / "k.key"), str(tmp_path / "pass.txt")
    assert run("deid", "apply", "--force", "--key", key, "--passphrase-file", secret, "-p", loc)[0] == 0


def test_no_warning_before_any_de_identification(loc: str, tmp_path: Path) -> None:
    (tmp_path / "late.txt").write_text(LATE, encoding="utf-8")
    code, _, err = run("import", str(tmp_path / "late.txt"), "-p", loc)
    assert code == 0 and WARNING not in err


def test_a_transcript_imported_after_the_apply_is_said_to_be_as_written(loc: str, tmp_path: Path) -> None:
    _apply(loc, tmp_path)
    (tmp_path / "late.txt").write_text(LATE, encoding="utf-8")
    code, out, err = run("import", str(tmp_path / "late.txt"), "-p", loc)
    assert code == 0 and "1 imported" in out
    assert f"the 1 {WARNING}" in err and "makna deid scan" in err
    assert "Fitzgerald" not in err  # a count, never the text


def test_a_survey_imported_after_the_apply_is_said_to_be_as_written(loc: str, tmp_path: Path) -> None:
    _apply(loc, tmp_path)
    (tmp_path / "survey.csv").write_text(SURVEY, encoding="utf-8")
    code, _, err = run("import", str(tmp_path / "survey.csv"), "--survey-id", "volunteer no.", "-p", loc)
    assert code == 0 and f"the 1 {WARNING}" in err
