"""``makna --version`` prints the package's version and exits 0, without a project (trial3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app


def test_version_prints_the_package_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no project here: the option needs none
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"makna {makna.__version__}\n"
    assert not list(tmp_path.iterdir())
