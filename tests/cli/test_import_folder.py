"""makna import DIR: every file not imported is listed with the reason and counted (#12: a folder of
.doc and .rtf files said '0 imported, 0 skipped, 0 failed' and exited 0)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from makna.cli import app

RTF = rb"{\rtf1\ansi Pewawancara: Apa kabar?\par Informan: Baik.\par Pewawancara: Syukurlah.\par}"


def test_old_documents_folder(tmp_path: Path) -> None:
    runner = CliRunner()
    project = str(tmp_path / "s.makna")
    assert runner.invoke(app, ["init", project]).exit_code == 0
    old = tmp_path / "olddocs"
    old.mkdir()
    (old / "informan-01.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    (old / "catatan.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    result = runner.invoke(app, ["import", str(old), "-p", project])
    assert result.exit_code == 2  # nothing imported
    assert "soffice --headless --convert-to docx" in result.output and "informan-01.doc" in result.output
    assert f"Not imported {old / 'catatan.jpg'}: unsupported file type '.jpg'" in result.output
    assert "0 imported, 0 skipped, 1 failed, 1 passed over." in result.output
    (old / "informan-02.rtf").write_bytes(RTF)
    result = runner.invoke(app, ["import", str(old), "-p", project])
    assert result.exit_code == 1 and "1 imported, 0 skipped, 1 failed, 1 passed over." in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["import", str(empty), "-p", project])
    assert result.exit_code == 2 and "no files to import found there" in result.output
