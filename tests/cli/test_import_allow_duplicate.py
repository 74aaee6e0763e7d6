"""``makna import --allow-duplicate``: a second source with the text of one imported already (two interviews
read from one script), which the library allowed (``import_file(allow_duplicate=True)``) and the command
did not (product20, #11)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

import makna
from makna.cli import app

SCRIPT = "P: Bisa ceritakan hari pertama Anda?\nI: Saya datang pagi, lalu menunggu.\n"


def _two_copies(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "script"
    folder.mkdir()
    a, b = folder / "wawancara-a.txt", tmp_path / "wawancara-b.txt"
    a.write_text(SCRIPT, encoding="utf-8")
    b.write_bytes(SCRIPT.replace("\n", "\r\n").encode("utf-8"))  # other bytes, the same text
    return a, b


def test_one_file_refused_then_imported_with_the_option(project_location: str, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["init", project_location]).exit_code == 0
    a, b = _two_copies(tmp_path)
    assert runner.invoke(app, ["import", str(a), "-p", project_location]).exit_code == 0
    refused = runner.invoke(app, ["import", str(b), "-p", project_location])
    assert refused.exit_code != 0 and "the same text as source 'wawancara-a.txt'" in refused.output
    assert "--allow-duplicate" in refused.output  # the refusal names the way out
    result = runner.invoke(app, ["import", str(b), "-p", project_location, "--allow-duplicate"])
    assert result.exit_code == 0, result.output
    assert "Imported wawancara-b.txt" in result.output
    # the same bytes again, under another name: also only with the option
    same = runner.invoke(app, ["import", str(a), "-p", project_location, "--name", "wawancara-c"])
    assert same.exit_code != 0 and "identical to source 'wawancara-a.txt'" in same.output
    again = runner.invoke(app, ["import", str(a), "-p", project_location, "--name", "wawancara-c", "--allow-duplicate"])
    assert again.exit_code == 0, again.output
    # a name is still one source's: the option does not let a second source take it
    clash = runner.invoke(app, ["import", str(a), "-p", project_location, "--allow-duplicate"])
    assert clash.exit_code != 0 and "a source with this name exists already" in clash.output
    with makna.open_project(project_location) as proj:
        assert sorted(s.name for s in makna.list_sources(proj)) == ["wawancara-a.txt", "wawancara-b.txt", "wawancara-c"]


def test_a_folder_walk_imports_the_duplicates_with_the_option(project_location: str, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["init", project_location]).exit_code == 0
    a, b = _two_copies(tmp_path)
    b.rename(a.parent / b.name)
    result = runner.invoke(app, ["import", str(a.parent), "-p", project_location])
    assert result.exit_code == 0 and "1 imported, 1 skipped, 0 failed." in result.output, result.output
    assert "--allow-duplicate" in result.output
    other = tmp_path / "other"
    other.mkdir()
    (other / "wawancara-d.txt").write_text(SCRIPT, encoding="utf-8")
    result = runner.invoke(app, ["import", str(a.parent), str(other), "-p", project_location, "--allow-duplicate"])
    # the name imported already still clashes; the others come in though their text is a source's
    assert "2 imported, 1 skipped, 0 failed." in result.output, result.output
    assert "--allow-duplicate" not in result.output  # only the name was in the way
    with makna.open_project(project_location) as proj:
        assert sorted(s.name for s in makna.list_sources(proj)) == [
            "wawancara-a.txt",
            "wawancara-b.txt",
            "wawancara-d.txt",
        ]


def test_the_help_says_what_it_does() -> None:
    result = CliRunner().invoke(app, ["import", "--help"], terminal_width=200)
    assert "--allow-duplicate" in result.output
    assert "second source" in result.output
