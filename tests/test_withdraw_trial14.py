"""trial14: an informant who withdraws after coding. ``makna sources delete`` kept the deleted transcript, whole,
in the undo journal (so that ``makna undo`` can bring it back), and so in the project file, its WAL and every
backup or supervisor's copy made after the withdrawal. ``purge_source`` (``makna sources delete --purge``) deletes it for good."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

import makna
from makna.history import NothingToUndoError
from makna.sources import purge_source
from makna.store import tables

# fictional: a home cook's voice note, typed up
WORDS = "Ambo jua randang jo gulai Katering Salero Bundo Talago"
TEXT = f"P: Dari mana pembelinya, Uni?\nI: {WORDS}, dari grup WA.\nP: Terima kasih.\nI: Samo-samo.\n"
OTHER = "P: Jualan apa?\nI: Laundry kiloan, lewat grup.\nP: Baik.\nI: Iyo.\n"


def _journal_text(project: makna.Project) -> str:
    with project.store.read() as conn:
        return " ".join(str(d) for (d,) in conn.execute(select(tables.undo_rows.c.data)))


def _import(project: makna.Project, tmp_path: Path) -> None:
    for name, text in (("vn-inf01.txt", TEXT), ("inf02.txt", OTHER)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        makna.import_file(project, tmp_path / name)
    makna.add_code(project, "exp")
    makna.code_turn(project, "vn-inf01.txt", 2, "exp")
    makna.code_turn(project, "inf02.txt", 2, "exp")


def test_a_plain_delete_stays_undoable(project: makna.Project, tmp_path: Path) -> None:
    _import(project, tmp_path)
    makna.delete_source(project, "vn-inf01.txt")
    assert "Salero Bundo" in _journal_text(project)  # why a withdrawal needs more than a delete
    makna.undo(project)
    assert makna.get_source(project, "vn-inf01.txt").text == TEXT


def test_a_purged_source_leaves_nothing_to_undo_and_no_text(project: makna.Project, tmp_path: Path) -> None:
    _import(project, tmp_path)
    assert purge_source(project, "vn-inf01.txt") == (1, True)
    assert [s.name for s in makna.list_sources(project)] == ["inf02.txt"]
    assert len(makna.retrieve(project)) == 1  # the other informant's coding stays
    assert "Salero" not in _journal_text(project)
    with pytest.raises(NothingToUndoError):
        makna.undo(project)


@pytest.mark.parametrize("project_location", ["sqlite"], indirect=True)
def test_the_file_and_its_wal_hold_none_of_the_withdrawn_text(project: makna.Project, tmp_path: Path) -> None:
    _import(project, tmp_path)
    assert purge_source(project, "vn-inf01.txt") == (1, True)
    path = Path(project.store.engine.url.database or "")
    for f in (path, path.with_name(path.name + "-wal")):
        if f.exists():
            assert b"Salero" not in f.read_bytes(), f.name
    copy = makna.copy_project(path, tmp_path / "to-supervisor.makna")  # a backup or the supervisor's copy
    assert b"Salero" not in copy.read_bytes()


@pytest.mark.parametrize("project_location", ["sqlite"], indirect=True)
def test_the_command_says_it_cannot_be_undone(project: makna.Project, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from makna.cli import app

    _import(project, tmp_path)
    path = str(project.store.engine.url.database)
    out = CliRunner().invoke(app, ["sources", "delete", "vn-inf01.txt", "--purge", "--yes", "-p", path])
    assert out.exit_code == 0, out.output
    assert "for good" in out.output and "Storage compacted" in out.output
    assert [s.name for s in makna.list_sources(project)] == ["inf02.txt"]


def test_her_case_deleted_first_is_forgotten_by_the_purge(project: makna.Project, tmp_path: Path) -> None:
    _import(project, tmp_path)
    makna.add_case(project, "INF-01", description="Penjual katering Salero Bundo di Talago")
    makna.delete_case(project, "INF-01")
    assert "Salero" in _journal_text(project)
    purge_source(project, "vn-inf01.txt")
    assert "Salero" not in _journal_text(project)


def test_the_event_log_keeps_neither_her_file_name_nor_a_checksum_of_her_text(
    project: makna.Project, tmp_path: Path
) -> None:
    """A file name may name her (``wawancara_Siti_Rahma.txt``) and the import's checksum verifies a guessed copy of
    her transcript: a purge forgets both, as a participant's withdrawal forgets the checksum (review25)."""
    import hashlib
    import json

    _import(project, tmp_path)
    (tmp_path / "wawancara_Siti_Rahma.txt").write_text(TEXT.replace("Uni", "Ni"), encoding="utf-8")
    makna.import_file(project, tmp_path / "wawancara_Siti_Rahma.txt")
    digest = hashlib.sha256(TEXT.replace("Uni", "Ni").encode("utf-8")).hexdigest()
    makna.rename_source(project, "wawancara_Siti_Rahma.txt", "wawancara_Siti_R.txt")
    logged = json.dumps([e.payload for e in makna.events(project)])
    assert "Siti" in logged and digest in logged  # what the purge must forget
    purge_source(project, "wawancara_Siti_R.txt")
    logged = json.dumps([e.payload for e in makna.events(project)])
    assert "Siti" not in logged and digest not in logged
    assert "vn-inf01.txt" in logged  # the other sources' imports stay as they were
