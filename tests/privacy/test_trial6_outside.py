"""After ``apply`` the files outside the project still hold the originals (a new user's trial, trial6: the
transcripts folder and a copy made for a second coder sat beside the project, and nothing said so).
:func:`originals_on_disk` finds them by name; ``makna deid apply`` names them."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.privacy.outside import originals_on_disk

TEXT = "P: Boleh kenalan dulu?\nI: Nama saya Siti Rahmawati, nomor HP-ku 0812-5550-2095.\n"


def test_the_imported_files_and_other_project_files_are_found(tmp_path: Path) -> None:
    study = tmp_path / "study"
    (study / "transcripts" / "old").mkdir(parents=True)
    (study / ".hidden").mkdir()
    (study / "a" / "b" / "c").mkdir(parents=True)
    for name in (
        "transcripts/w-01.docx",
        "transcripts/old/w-02.txt",
        ".hidden/w-01.docx",
        "a/b/c/w-01.docx",
        "notes.txt",
        "studi.makna",
        "studi.makna-wal",
        "studi-budi.makna",
        "transcripts/x.makna",
    ):
        (study / name).write_text("x", encoding="utf-8")
    found = originals_on_disk(str(study / "studi.makna"), ["w-01.docx", "w-02.txt", ""])
    assert found == ["studi-budi.makna", "transcripts/old/w-02.txt", "transcripts/w-01.docx"]
    assert originals_on_disk(str(study / "studi.makna"), ["w-01.docx"], limit=1) == ["studi-budi.makna"]
    assert originals_on_disk("postgresql://me@localhost/study", ["w-01.docx"]) == []


def test_deid_apply_names_the_files_that_still_hold_the_originals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    study, keys = tmp_path / "study", tmp_path / "keys"
    (study / "transcripts").mkdir(parents=True)
    keys.mkdir()
    (study / "transcripts" / "w-01.txt").write_text(TEXT, encoding="utf-8")
    (keys / "pass.txt").write_text("four unrelated words here please\n", encoding="utf-8")
    monkeypatch.setenv("MAKNA_CODER", "tester")
    monkeypatch.delenv("MAKNA_DEID_PASSPHRASE", raising=False)
    loc = str(study / "studi.makna")
    with makna.create_project(loc, coder="tester") as p:
        makna.import_file(p, study / "transcripts" / "w-01.txt")
    runner = CliRunner()
    for args in (["deid", "scan"], ["deid", "accept", "--all"]):
        assert runner.invoke(app, [*args, "-p", loc]).exit_code == 0
    result = runner.invoke(
        app, ["deid", "apply", "-p", loc, "--key", str(keys / "studi.key"), "--passphrase-file", str(keys / "pass.txt")]
    )
    assert result.exit_code == 0, result.output
    assert "Outside the project nothing changed" in result.output
    assert "(transcripts/w-01.txt here)" in result.output
