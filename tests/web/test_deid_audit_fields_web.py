"""The audit's free-text fields table counts what the apply found, accepted and replaced per field kind
(teamtrust25, issue #11), on the command line (JSON) and the workbench's audit page, in both languages."""

from __future__ import annotations

import json
from pathlib import Path

from pages_helpers import logged_in
from typer.testing import CliRunner

import makna
from deid_audit_helpers import memo_applied
from makna.cli import app


def test_the_cli_and_the_page_show_the_counts(tmp_path: Path) -> None:
    studi = tmp_path / "studi.makna"
    with makna.create_project(str(studi), "Studi", coder="ana") as proj:
        memo_applied(proj, tmp_path / "k.key")
    out = CliRunner().invoke(app, ["deid", "audit", "-p", str(studi), "--format", "json"])
    assert out.exit_code == 0, out.output
    memos = next(f for f in json.loads(out.output)["fields"] if f["field"] == "memos.text")
    assert memos["found"] >= 2 and memos["accepted"] >= 2 and memos["replaced"] >= 2
    for lang, word in (("en", "Values de-identified"), ("id", "Nilai sudah de-identifikasi")):
        with logged_in(str(studi), lang=lang) as (_app, c, _csrf):
            html = c.get("/deid/audit").text
        assert word in html and f"<td>{memos['found']}</td><td>{memos['accepted']}</td>" in html, lang
