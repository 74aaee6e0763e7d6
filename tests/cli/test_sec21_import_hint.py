"""sec21 (#11): ``makna import`` says ``--allow-duplicate`` because the refusal carries the fact
(``DuplicateFile.same_content``), not because the reason's words end in "imported already"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import makna
from makna import sources
from makna.cli import app
from makna.errors import DuplicateSourceError
from makna.sources import DuplicateFile

SCRIPT = "P: Bisa ceritakan hari pertama Anda?\nI: Saya datang pagi, lalu menunggu.\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "naskah"
    folder.mkdir()
    (folder / "a.txt").write_text(SCRIPT, encoding="utf-8")
    (folder / "b.txt").write_bytes(SCRIPT.replace("\n", "\r\n").encode("utf-8"))
    return folder


def test_the_report_carries_whether_a_duplicate_is_of_content(project: makna.Project, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    report = makna.import_paths(project, [folder])
    assert report.duplicates == [DuplicateFile(str(folder / "b.txt"), report.duplicates[0].reason, True)]
    (tmp_path / "a.txt").write_text("P: Lain sekali.\n", encoding="utf-8")  # another text under a name taken
    again = makna.import_paths(project, [tmp_path / "a.txt"], allow_duplicate=True)
    assert [(d.path, d.same_content) for d in again.duplicates] == [(str(tmp_path / "a.txt"), False)]


@pytest.mark.parametrize(
    ("reason", "same_content", "hinted"),
    [
        ("b.txt: a twin of source 'a.txt'", True, True),  # other words, the same fact: the hint
        ("b.txt: a source with this name was imported already", False, False),  # the old words, no content duplicate
    ],
)
def test_the_hint_follows_the_fact_not_the_words(
    project_location: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reason: str,
    same_content: bool,
    hinted: bool,
) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["init", project_location]).exit_code == 0
    folder = _folder(tmp_path)
    real = sources._store_prepared

    def store(project: Any, items: list[Any]) -> Any:
        if any(Path(it.label).name == "b.txt" for it in items):
            raise DuplicateSourceError(reason, same_content=same_content)
        return real(project, items)

    monkeypatch.setattr(sources, "_store_prepared", store)
    result = runner.invoke(app, ["import", str(folder), "-p", project_location])
    assert result.exit_code == 0, result.output
    assert f"Skipped {folder / 'b.txt'}: {reason}" in result.output
    assert ("--allow-duplicate" in result.output) is hinted
