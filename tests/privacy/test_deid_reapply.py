"""A second ``apply`` that replaces only free-text fields (memos added after the first) is as final as the
first: undo cannot cross it, and neither the undo journal, the event log nor the storage's spare space
keeps an original (plant-and-grep, as in test_deid_project_leaks.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.history import NothingToUndoError, undo, undoable
from makna.privacy.project import decide_all, scan
from makna.privacy.project_apply import apply, open_key
from makna.store import tables

PASS = "reapply test passphrase"
TEXT = "P: Siapa namamu?\nI: Nama saya Abena Owusu-Mensah, HP 0812-7411-2095.\n"
MEMOS = ("Telepon Abena Owusu-Mensah di 0813-6620-4417 besok.",
         "Ibu Kartini Wulandari tinggal di Jalan Sudirman 12, Bukittinggi.")
ORIGINALS = ("Abena Owusu-Mensah", "0813-6620-4417", "6620-4417", "Kartini Wulandari", "Wulandari", "Jalan Sudirman")


def _found(blob: str, key: Path | None = None, project: makna.Project | None = None) -> list[str]:
    """The planted originals in ``blob``; with the key, not those inside a surrogate it chose: a surrogate picked at
    the first apply may share a word with an original that only a later memo names ("Raina Wulandari" for
    Abena, before "Kartini Wulandari" existed), which tells a reader nothing about that later person."""
    if key is not None and project is not None:
        surrogates = sorted({str(r["replacement"]) for r in open_key(project, key, PASS).replacements()}, key=len,
                            reverse=True)
        for surrogate in surrogates:
            blob = re.sub(rf"(?<!\w){re.escape(surrogate)}(?!\w)", "\x00", blob)
    return [s for s in ORIGINALS if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", blob)]


def _project_text(project: makna.Project) -> str:
    """Every byte of an SQLite project (file and WAL), or every table's rows on PostgreSQL."""
    path = project.store.path
    if path is not None:
        return b"".join(p.read_bytes() for p in (Path(path), Path(f"{path}-wal")) if p.exists()).decode(
            "utf-8", "replace")
    with project.store.read() as conn:
        return json.dumps([[list(r) for r in conn.execute(select(t)).all()] for t in tables.metadata.sorted_tables],
                          default=str, ensure_ascii=False)


def _first_apply(project: makna.Project, key: Path) -> None:
    makna.import_text(project, "a.txt", TEXT, language="id")
    scan(project)
    decide_all(project, "accepted")
    apply(project, key, PASS)


def test_fields_only_apply_is_a_barrier_and_keeps_no_original(project: makna.Project, tmp_path: Path) -> None:
    key = tmp_path / "k.key"
    _first_apply(project, key)
    for text in MEMOS:
        makna.add_memo(project, "project", None, text)
    assert _found(_project_text(project))  # the control: the check sees the planted originals
    pk = open_key(project, key, PASS)
    scan(project, known_names=pk.names, confirmed=pk.originals())
    decide_all(project, "accepted")
    report = apply(project, key, PASS)
    assert not report.sources and len(report.fields) == 2
    memos = " ".join(m.text for m in makna.list_memos(project))
    assert not _found(memos, key, project), memos
    assert undoable(project) == []
    with pytest.raises(NothingToUndoError, match="cannot be undone"):
        undo(project)
    assert makna.list_memos(project) and not _found(" ".join(m.text for m in makna.list_memos(project)), key, project)
    with project.store.read() as conn:
        assert conn.execute(select(tables.undo_rows)).all() == []
    assert not _found(_project_text(project), key, project)


def test_cli_second_apply_of_memos_cannot_be_undone(project_location: str, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MAKNA_DEID_PASSPHRASE", raising=False)
    monkeypatch.setenv("MAKNA_CODER", "tester")
    key, pw = tmp_path / "k.key", tmp_path / "pass.txt"
    pw.write_text(PASS + "\n", encoding="utf-8")
    loc = project_location
    with makna.create_project(loc, coder="tester") as p:
        _first_apply(p, key)
        for text in MEMOS:
            makna.add_memo(p, "project", None, text)
    runner = CliRunner()
    for args in (["deid", "scan", "--key", str(key), "--passphrase-file", str(pw)], ["deid", "accept", "--all"],
                 ["deid", "apply", "--force", "--key", str(key), "--passphrase-file", str(pw)]):
        result = runner.invoke(app, [*args, "-p", loc])
        assert result.exit_code == 0, result.output
    assert "2 field value(s)" in result.output
    result = runner.invoke(app, ["log", "-p", loc, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    deid = [r for r in rows if str(r.get("action", "")).startswith("deid.")]
    assert deid and "undoable" not in {r.get("undo") for r in deid}, deid
    result = runner.invoke(app, ["undo", "--steps", "3", "-p", loc])
    assert result.exit_code != 0 and "cannot be undone" in result.output
    with makna.open_project(loc) as p:
        assert not _found(" ".join(m.text for m in makna.list_memos(p)), key, p)
        assert not _found(_project_text(p), key, p)


def test_scan_with_key_finds_every_original_and_first_names_at_099(project: makna.Project, tmp_path: Path) -> None:
    key = tmp_path / "k.key"
    _first_apply(project, key)
    pk = open_key(project, key, PASS)
    originals = pk.originals()
    assert originals.get("Abena Owusu-Mensah") == "PERSON" and "0812-7411-2095" in originals
    makna.add_memo(project, "project", None, "Abena datang lagi; HP-nya masih 0812-7411-2095. Abena Owusu-Mensah juga.")
    report = scan(project, known_names=pk.names, confirmed=originals)
    memo = {e.text: e.confidence for e in report.entries if e.field != "sources.text"}
    assert memo.get("Abena") == 0.99, memo
    assert memo.get("Abena Owusu-Mensah") == 0.99, memo
    assert memo.get("0812-7411-2095") == 0.99, memo


def test_a_name_word_that_is_an_ordinary_word_is_not_made_sure(project: makna.Project) -> None:
    """``Bunga`` of a confirmed ``Bunga Lestari`` is also "flower": made sure at 0.99 it would be accepted
    with --min-confidence 0.8 wherever a sentence starts with it; the full name still is sure."""
    makna.add_memo(project, "project", None, "Bunga mawar dijual di pasar pagi. Bunga Lestari datang sore.")
    report = scan(project, known_names=(), confirmed={"Bunga Lestari": "PERSON"})
    memo = {e.text: e.confidence for e in report.entries if e.field != "sources.text"}
    assert memo.get("Bunga Lestari") == 0.99, memo
    assert memo.get("Bunga", 0.0) < 0.8, memo
