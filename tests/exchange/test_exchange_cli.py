"""The exchange commands: makna export, makna import-project, makna codebook import-qdc."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app

runner = CliRunner()


@pytest.fixture
def study(tmp_path: Path, rich: Any) -> Path:
    path = tmp_path / "study.makna"
    with makna.create_project(path, "Study", coder="tester") as proj:
        rich(proj)
    return path


@pytest.mark.parametrize("fmt,name", [("qdpx", "o.qdpx"), ("qdc", "o.qdc"), ("csv", "o.csv"), ("xlsx", "o.xlsx"),
                                      ("json", "o.json"), ("codebook-csv", "c.csv")])
def test_export_formats(study: Path, tmp_path: Path, fmt: str, name: str) -> None:
    result = runner.invoke(app, ["export", "-p", str(study), "--format", fmt, "-o", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    assert f"Wrote {tmp_path / name} ({fmt})" in result.output
    assert (tmp_path / name).stat().st_size > 0


def test_import_project_and_qdc(study: Path, tmp_path: Path) -> None:
    runner.invoke(app, ["export", "-p", str(study), "-f", "qdpx", "-o", str(tmp_path / "s.qdpx")])
    result = runner.invoke(app, ["import-project", str(tmp_path / "s.qdpx"), "-p", str(tmp_path / "copy.makna")])
    assert result.exit_code == 0, result.output
    assert "Imported 3 source(s), 5 code(s), 5 coding(s)" in result.output
    again = runner.invoke(app, ["import-project", str(tmp_path / "s.qdpx"), "-p", str(tmp_path / "copy.makna")])
    assert again.exit_code != 0 and "exists there already" in again.output
    runner.invoke(app, ["export", "-p", str(study), "-f", "qdc", "-o", str(tmp_path / "c.qdc")])
    makna.create_project(tmp_path / "empty.makna").close()
    result = runner.invoke(app, ["codebook", "import-qdc", str(tmp_path / "c.qdc"), "-p", str(tmp_path / "empty.makna")])
    assert result.exit_code == 0, result.output
    assert "5 code(s) added, 0 updated, 1 set(s) added" in result.output


def test_import_reports_unmapped(shared_dir: Path, tmp_path: Path) -> None:
    sample = shared_dir / "refi-samples" / "nvivo-win-12.6_oltas0517.qdpx"
    result = runner.invoke(app, ["import-project", str(sample), "-p", str(tmp_path / "cp.makna"),
                                 "--offsets", "codepoint"])
    assert result.exit_code == 0, result.output
    assert "code points" in result.output


def test_import_bad_file(tmp_path: Path) -> None:
    (tmp_path / "x.qdpx").write_text("nope")
    result = runner.invoke(app, ["import-project", str(tmp_path / "x.qdpx"), "-p", str(tmp_path / "n.makna")])
    assert result.exit_code == 2 and "Error:" in result.output and "zip" in result.output
    assert not (tmp_path / "n.makna").exists()
