"""trial15: a survey imported into a project de-identified already (three more volunteers' answers, after the
focus group and the group chat had been applied). The import said nothing, the sources read as any other, and a
coder of the team server read the respondents' names, a doctor's and a phone number at once. ``makna import`` now
warns, on stderr, that the sources just imported are not de-identified and what to run."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

import makna
from makna.cli import app

runner = CliRunner()
WARNING = "source(s) just imported are not"
LATE = "Q: What was hardest?\nA: Standing for hours. Dr Margaret Fitzgerald told me to rest more.\n"
SURVEY = (
    "Timestamp,Volunteer no.,What did you find hardest about volunteering?\n"
    "2026-10-20 09:14,V-21,Getting to the hall without a car; my friend Oluwaseun Adeyemi drives me when she can.\n"
)


def _project(tmp_path: Path, *, applied: bool) -> str:
    """A project with one focus group, de-identified when ``applied`` (through the library: the CLI is under test)."""
    loc = str(tmp_path / "pantry.makna")
    with makna.create_project(loc, "Pantry", coder="ruth") as proj:
        makna.import_text(proj, "fg.txt", "Facilitator: Who are you?\nP1: I'm Siobhan O'Connell, from Leeds.\n")
        if applied:
            makna.deid_scan(proj)
            makna.decide_all(proj, "accepted")
            makna.deid_apply(proj, tmp_path / "keys" / "k.makna-key", "kopi hujan sepeda jendela")
    return loc


def _import(loc: str, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["import", *args, "-p", loc], env={"MAKNA_CODER": "ruth"})
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def test_no_warning_before_any_de_identification(tmp_path: Path) -> None:
    loc = _project(tmp_path, applied=False)
    (tmp_path / "late.txt").write_text(LATE, encoding="utf-8")
    code, _, err = _import(loc, str(tmp_path / "late.txt"))
    assert code == 0 and WARNING not in err


def test_a_transcript_imported_after_the_apply_is_said_to_be_as_written(tmp_path: Path) -> None:
    loc = _project(tmp_path, applied=True)
    (tmp_path / "late.txt").write_text(LATE, encoding="utf-8")
    code, out, err = _import(loc, str(tmp_path / "late.txt"))
    assert code == 0 and "1 imported" in out
    assert f"the 1 {WARNING}" in err and "makna deid scan" in err
    assert "Fitzgerald" not in err  # a count, never the text


def test_a_survey_imported_after_the_apply_is_said_to_be_as_written(tmp_path: Path) -> None:
    loc = _project(tmp_path, applied=True)
    (tmp_path / "survey.csv").write_text(SURVEY, encoding="utf-8")
    code, _, err = _import(loc, str(tmp_path / "survey.csv"), "--survey-id", "volunteer no.")
    assert code == 0 and f"the 1 {WARNING}" in err
