"""Ctrl-C during a command: one line and exit code 130, never a silent stop or a traceback (newuser18)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from makna.cli import app


def test_an_interrupted_import_says_so_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    loc = str(tmp_path / "p.makna")
    assert runner.invoke(app, ["init", loc]).exit_code == 0
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("P: Halo.\nI: Halo juga.\n", encoding="utf-8")

    def interrupted(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("makna.sources.import_paths", interrupted)
    result = runner.invoke(app, ["import", str(folder), "-p", loc])
    assert result.exit_code == 130
    assert result.output.strip().startswith("Interrupted:") and result.output.count("\n") == 1
    assert runner.invoke(app, ["sources", "-p", loc]).output.count("a.txt") == 0
