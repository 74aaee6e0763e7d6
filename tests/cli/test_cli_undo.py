"""makna undo, makna redo and the undo column of makna log, through CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from makna.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def loc(project_location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("MAKNA_CODER", "ana")
    assert run("init", project_location)[0] == 0
    (tmp_path / "informan-01.txt").write_text("P: Kenapa MiChat?\nI: Gratis, Kak.\n", encoding="utf-8")
    assert run("import", str(tmp_path / "informan-01.txt"), "-p", project_location)[0] == 0
    assert run("codebook", "add", "free", "-p", project_location)[0] == 0
    assert run("code", "free", "-s", "informan-01.txt", "--turn", "2", "-p", project_location)[0] == 0
    return project_location


def _segments(loc: str) -> list[dict[str, object]]:
    code, out = run("segments", "-p", loc, "--format", "json")
    assert code == 0
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def test_undo_and_redo(loc: str) -> None:
    code, out = run("undo", "-p", loc)
    assert code == 0 and out.startswith("Undone: code a span (event ") and len(out.splitlines()) == 1
    assert _segments(loc) == []
    code, out = run("redo", "-p", loc)
    assert code == 0 and out.startswith("Redone: code a span (event ")
    assert len(_segments(loc)) == 1
    code, out = run("undo", "--steps", "2", "-p", loc)
    assert code == 0 and [line.split(" (")[0] for line in out.splitlines()] == [
        "Undone: code a span", "Undone: add code free"]
    code, out = run("codebook", "-p", loc, "--format", "json")
    assert code == 0 and json.loads(out) == []
    code, out = run("redo", "-n", "5", "-p", loc)  # more than there is: what there is
    assert code == 0 and len(out.splitlines()) == 2


def test_log_marks_what_can_be_undone(loc: str) -> None:
    assert run("undo", "-p", loc)[0] == 0
    code, out = run("log", "-p", loc, "--format", "json")
    rows = {r["action"]: r["undo"] for r in json.loads(out)}
    assert code == 0
    assert rows["undo"] == "redoable" and rows["code.span"] == "undone" and rows["code.add"] == "undoable"
    assert rows["project.create"] == ""


def test_nothing_to_undo_and_other_coders(loc: str) -> None:
    code, out = run("undo", "--coder", "budi", "-p", loc)
    assert code == 1 and out.strip() == "Error: nothing to undo for coder 'budi'"
    code, out = run("redo", "-p", loc)
    assert code == 1 and out.strip() == "Error: nothing to redo for coder 'ana'"
    code, out = run("undo", "--steps", "0", "-p", loc)
    assert code == 2 and "--steps" in out


def test_refusal_is_one_line(loc: str) -> None:
    assert run("codebook", "add", "other", "-p", loc)[0] == 0
    assert run("code", "other", "-s", "informan-01.txt", "--turn", "1", "--coder", "budi", "-p", loc)[0] == 0
    code, out = run("undo", "-p", loc)  # ana's latest: adding the code budi has coded with since
    assert code == 2 and out.strip() == "Error: cannot undo 'add code other': 1 codings made later still refer to it"
    code, out = run("undo", "--coder", "budi", "-p", loc)
    assert code == 0 and out.startswith("Undone: code a span")
    code, out = run("undo", "-p", loc)
    assert code == 0 and out.startswith("Undone: add code other")


def test_deid_apply_says_it_cannot_be_undone(project_location: str, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAKNA_CODER", "ana")
    assert run("init", project_location)[0] == 0
    (tmp_path / "a.txt").write_text("P: Siapa?\nI: Nomor HP-ku 0812-7411-2095.\n", encoding="utf-8")
    (tmp_path / "pass.txt").write_text("a long passphrase\n", encoding="utf-8")
    assert run("import", str(tmp_path / "a.txt"), "-p", project_location)[0] == 0
    assert run("deid", "scan", "-p", project_location)[0] == 0
    assert run("deid", "accept", "--all", "-p", project_location)[0] == 0
    code, out = run("deid", "apply", "--force", "--key", str(tmp_path / "k.key"), "--passphrase-file",
                    str(tmp_path / "pass.txt"), "-p", project_location)
    assert code == 0 and out.startswith("Note: de-identification cannot be undone ('makna undo' stops here)")
    code, out = run("undo", "-p", project_location)
    assert code == 1 and "since the de-identification (it replaces identifiers for good) of " in out
