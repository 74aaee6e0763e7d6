"""A Telegram chat imported as its export folder and again as its .zip (or the reverse) is the same source:
duplicate detection compares the imported (normalised) text, not only the file's bytes (product19, #11)."""

from __future__ import annotations

from pathlib import Path

import pytest
from telegram_pages import chat_pages, export_zip, write_export
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.errors import DuplicateSourceError


def _both(tmp_path: Path) -> tuple[Path, Path]:
    folder = write_export(tmp_path / "data" / "ChatExport_2024-03-12", chat_pages())
    archive = tmp_path / "ChatExport_2024-03-12.zip"
    archive.write_bytes(export_zip(chat_pages()))
    return folder, archive


@pytest.mark.parametrize("zip_first", [False, True])
def test_folder_and_zip_of_one_chat_are_one_source(project_location: str, tmp_path: Path, zip_first: bool) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["init", project_location]).exit_code == 0
    folder, archive = _both(tmp_path)
    first, second = (archive, folder) if zip_first else (folder, archive)
    result = runner.invoke(app, ["import", str(first), "-p", project_location])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["import", str(second), "-p", project_location])
    name = first.name
    if zip_first:  # a folder goes through the walk: skipped and said so, nothing imported
        assert result.exit_code == 0, result.output
        assert f"Skipped {second}: {second.name}: the same text as source {name!r}, imported already" in result.output
        assert "0 imported, 1 skipped, 0 failed." in result.output
    else:  # one file: its refusal is the command's error
        assert result.exit_code != 0
        assert f"the same text as source {name!r}, imported already" in result.output
    with makna.open_project(project_location) as proj:
        assert [s.name for s in makna.list_sources(proj)] == [name]


def test_one_walk_holding_both_imports_one(project: makna.Project, tmp_path: Path) -> None:
    folder, archive = _both(tmp_path)
    archive.rename(folder.parent / archive.name)
    report = makna.import_paths(project, [folder.parent])
    assert [s.name for s in report.imported] == ["ChatExport_2024-03-12"]
    assert [(Path(p).name, why, same) for p, why, same in report.duplicates] == [
        (
            "ChatExport_2024-03-12.zip",
            "ChatExport_2024-03-12.zip: the same text as source 'ChatExport_2024-03-12', imported already",
            True,
        )
    ]


def test_same_text_from_other_bytes_is_refused_unless_allowed(project: makna.Project, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"P: Apa kabar?\nI: Baik.\n")
    (tmp_path / "b.txt").write_bytes(b"P: Apa kabar?\r\nI: Baik.\r\n")  # other bytes, same text
    makna.import_file(project, tmp_path / "a.txt")
    with pytest.raises(DuplicateSourceError, match="b.txt: the same text as source 'a.txt', imported already"):
        makna.import_file(project, tmp_path / "b.txt")
    assert makna.import_file(project, tmp_path / "b.txt", allow_duplicate=True).name == "b.txt"
    # a different text of the same length is no duplicate
    (tmp_path / "c.txt").write_bytes(b"P: Apa kabar?\nI: Bagi.\n")
    assert makna.import_file(project, tmp_path / "c.txt").name == "c.txt"
