"""``makna deid list --min-confidence A --max-confidence B``: the band the README asks a user to read
after accepting everything at or above 0.5 (a new user's trial had to filter a CSV by hand)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import makna
from makna.cli import app

TEXT = (
    "P: Boleh kenalan dulu?\nI: Nama saya Siti, nomor HP 0812-7411-2095. Kawan saya zorblat di Padang.\n"
    "P: Terima kasih.\n"
)


def test_list_keeps_the_confidence_band(tmp_path: Path) -> None:
    loc = str(tmp_path / "p.makna")
    with makna.create_project(loc, coder="tester") as p:
        makna.import_text(p, "a.txt", TEXT, language="id")
    runner = CliRunner()
    assert runner.invoke(app, ["deid", "scan", "-p", loc]).exit_code == 0
    every = json.loads(runner.invoke(app, ["deid", "list", "-p", loc, "--format", "json"]).output)
    assert len(every) >= 2
    for low, high in ((0.0, 0.8), (0.5, 0.95), (0.9, None)):
        args = ["deid", "list", "-p", loc, "--format", "json", "--min-confidence", str(low)]
        args += ["--max-confidence", str(high)] if high is not None else []
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        got = {r["id"] for r in json.loads(result.output)}
        assert got == {r["id"] for r in every if r["confidence"] >= low and (high is None or r["confidence"] < high)}
