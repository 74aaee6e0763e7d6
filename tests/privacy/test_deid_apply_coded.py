"""Apply with coded sources in the project (#11, trial13 #3): ``skip_coded`` leaves the coded sources out and
de-identifies every other scanned source and every reviewed free-text field; the report names the sources left
out and why. Fictional text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import makna
from makna.errors import PrivacyError
from makna.privacy.project import decide_all, scan
from makna.privacy.project_apply import apply
from makna.store import tables

PASS = "correct horse battery staple"
CODED = (
    "P: Boleh kenalan dulu?\n"
    "I: Nama saya Siti Rahmawati. Nomor HP-ku 0812-7411-2095.\n"
    "P: Kerja di mana?\n"
    "I: Di warung dekat pasar.\n"
)
EMAIL = (
    "From: Aisha Begum <aisha.begum@example.org>\n\nHi, I moved to Chapeltown last month; call me on 07700 900812.\n"
)
MEMO = "Follow-up: Aisha Begum asked to be called again."


def _accept_everything(project: Any) -> None:
    for _ in range(2):
        scan(project)
        decide_all(project, "accepted")


def _codings(project: Any) -> list[tuple[str, int, int]]:
    g = tables.segments.c
    with project.store.read() as conn:
        return [tuple(r) for r in conn.execute(select(g.source_id, g.start, g.end).order_by(g.start))]


def _study(project: Any) -> Any:
    makna.import_text(project, "board.txt", CODED, language="id")
    makna.import_text(project, "email.txt", EMAIL, language="en")
    makna.add_code(project, "c1", "Work")
    makna.code_turn(project, "board.txt", 4, "c1")
    makna.add_memo(project, "project", None, MEMO)
    _accept_everything(project)
    return project


def test_skip_coded_applies_the_rest_and_the_fields(project: Any, tmp_path: Path) -> None:
    _study(project)
    before = _codings(project)
    report = apply(project, tmp_path / "k.key", PASS, skip_coded=True)
    assert report.sources == ["email.txt"]
    assert report.left_out == {"board.txt": "1 coding(s), 0 linked span(s)"}
    email = makna.get_source(project, "email.txt").text
    assert "Aisha" not in email and "07700 900812" not in email
    assert makna.get_source(project, "board.txt").text == CODED  # left out: as imported, codings untouched
    assert _codings(project) == before
    assert report.fields and all("Aisha" not in m.text for m in makna.list_memos(project))


def test_without_skip_coded_the_codings_move(project: Any, tmp_path: Path) -> None:
    _study(project)
    report = apply(project, tmp_path / "k.key", PASS)
    assert sorted(report.sources) == ["board.txt", "email.txt"] and report.left_out == {}
    text = makna.get_source(project, "board.txt").text
    assert "Siti" not in text and "0812-7411-2095" not in text
    turn = next(t for t in makna.get_turns(project, "board.txt") if t.number == 4)
    assert [(s, e) for _sid, s, e in _codings(project)] == [(turn.start, turn.end)]


def test_nothing_but_coded_sources_left_says_so(project: Any, tmp_path: Path) -> None:
    makna.import_text(project, "board.txt", CODED, language="id")
    makna.add_code(project, "c1", "Work")
    makna.code_turn(project, "board.txt", 4, "c1")
    _accept_everything(project)
    with pytest.raises(
        PrivacyError,
        match="only coded sources are left, and --skip-coded leaves them out: board.txt .1 coding.*apply without it",
    ):
        apply(project, tmp_path / "k.key", PASS, skip_coded=True)
    assert not (tmp_path / "k.key").exists() and makna.get_source(project, "board.txt").text == CODED


def test_cli_skip_coded_names_what_it_left_out(
    project_location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from makna.cli import app

    with makna.create_project(project_location, coder="tester") as p:
        _study(p)
    monkeypatch.setenv("MAKNA_CODER", "tester")
    (tmp_path / "pass.txt").write_text("a long passphrase\n", encoding="utf-8")
    args = [
        "deid",
        "apply",
        "--force",
        "--key",
        str(tmp_path / "k.key"),
        "--passphrase-file",
        str(tmp_path / "pass.txt"),
        "-p",
        project_location,
    ]
    done = CliRunner().invoke(app, [*args, "--skip-coded"])
    assert done.exit_code == 0, done.output
    assert "De-identified 1 source(s) and 1 field value(s)" in done.output
    assert "Left out (coded, as imported): board.txt (1 coding(s), 0 linked span(s))" in done.output
    with makna.open_project(project_location) as p:
        assert makna.get_source(p, "board.txt").text == CODED and "Aisha" not in makna.get_source(p, "email.txt").text
    status = CliRunner().invoke(app, ["deid", "status", "-p", project_location, "--format", "json"])
    assert {r["source"]: r["applied"] for r in json.loads(status.output)} == {"board.txt": "no", "email.txt": "yes"}
    again = CliRunner().invoke(app, args)  # without the option: the coded source too, its coding moved
    assert again.exit_code == 0 and "De-identified 1 source(s)" in again.output and "Left out" not in again.output
    with makna.open_project(project_location) as p:
        assert "Siti" not in makna.get_source(p, "board.txt").text
    status = CliRunner().invoke(app, ["deid", "status", "-p", project_location, "--format", "json"])
    assert {r["source"]: r["applied"] for r in json.loads(status.output)} == {"board.txt": "yes", "email.txt": "yes"}
    key = ["--key", str(tmp_path / "k.key"), "--passphrase-file", str(tmp_path / "pass.txt")]
    revealed = CliRunner().invoke(app, ["deid", "reveal", "-s", "board.txt", *key, "-p", project_location])
    assert revealed.exit_code == 0 and revealed.output == CODED
