"""makna import of a survey (.csv, .xlsx): says which column it took for what; the user overrides it (trial13 #2)."""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))
from survey_files import survey_csv, survey_xlsx  # noqa: E402

import makna  # noqa: E402
from makna.cli import app  # noqa: E402


def test_a_survey_is_a_source_and_a_case_per_respondent(project_location: str, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["init", project_location]).exit_code == 0
    path = tmp_path / "kuesioner.xlsx"
    path.write_bytes(survey_xlsx())
    result = runner.invoke(app, ["import", str(path), "-p", project_location])
    assert result.exit_code == 0, result.output
    assert "3 respondent(s)" in result.output and "id column: Respondent" in result.output
    assert "attributes: Age band, Site" in result.output and "3 case(s) added" in result.output
    again = runner.invoke(app, ["import", str(path), "-p", project_location])
    assert again.exit_code != 0 and "Traceback" not in again.output
    assert again.stderr.strip().count("\n") == 0 and "kuesioner.xlsx: respondent R1" in again.stderr
    with makna.open_project(project_location, coder="tester") as proj:
        assert [c.name for c in makna.list_cases(proj)] == ["R1", "R2", "R3"]


def test_the_user_names_the_id_and_the_answers(project_location: str, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["init", project_location]).exit_code == 0
    path = tmp_path / "kuesioner.csv"
    path.write_text(survey_csv())
    args = [
        "import",
        str(path),
        "-p",
        project_location,
        "--survey-id",
        "Site",
        "--survey-answers",
        "What would you change?",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "open answers: What would you change?" in result.output
    with makna.open_project(project_location, coder="tester") as proj:
        assert sorted(s.name for s in makna.list_sources(proj)) == ["Makassar", "Surabaya"]
    bad = runner.invoke(app, ["import", str(path), "-p", project_location, "--survey-answers", "Nope"])
    assert bad.exit_code == 2 and "--survey-answers 'Nope': no such column" in bad.stderr
    named = runner.invoke(app, ["import", str(path), "-p", project_location, "--name", "survei"])
    assert named.exit_code == 2 and "--name: a survey makes a source per respondent" in named.stderr
    txt = tmp_path / "a.txt"
    txt.write_text("P: halo\n")
    wrong = runner.invoke(app, ["import", str(txt), "-p", project_location, "--survey-id", "x"])
    assert wrong.exit_code == 2 and "need exactly one survey file" in wrong.stderr


def test_a_sheet_that_is_no_survey_is_one_line(project_location: str, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["init", project_location]).exit_code == 0
    path = tmp_path / "codes.csv"
    path.write_text("code,colour\nfees,red\n")
    result = runner.invoke(app, ["import", str(path), "-p", project_location])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert (
        result.stderr.strip().startswith("Error: ")
        and "codes.csv: not a survey (no column of open answers" in result.stderr
    )
