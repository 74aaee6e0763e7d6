"""After ``apply``, no gold identifier of the dev corpus survives anywhere: not in the SQLite file (nor its
WAL, nor freed pages), not in the event log or any stored table, not in any export format."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import makna
from makna.privacy.project import add_detection, decide, decide_all, review_entries, scan
from makna.privacy.project_apply import apply, reveal
from makna.store import tables

PASS = "leak test passphrase"


def _gold(shared_dir: Path) -> list[dict[str, Any]]:
    folder = shared_dir / "eval-corpus" / "dev"
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("dev-*.json"))]


def _review_like_a_researcher(project: makna.Project, docs: list[dict[str, Any]]) -> None:
    """Accept every detection, then add each gold identifier the detectors missed (rejecting what
    overlaps it), as a researcher going through the list would."""
    scan(project)
    decide_all(project, "accepted")
    for doc in docs:
        name = f"{doc['id']}.txt"
        for gold in doc["pii"]:
            entries = [e for e in review_entries(project, sources=[name]) if e.status != "rejected"]
            if any(e.start <= gold["start"] and gold["end"] <= e.end for e in entries):
                continue
            clash = [e.id for e in entries if e.start < gold["end"] and gold["start"] < e.end]
            if clash:
                decide(project, clash, "rejected")
            add_detection(project, name, gold["start"], gold["end"], gold["type"])
    scan(project)  # confirmed strings found again elsewhere
    decide_all(project, "accepted")


def _originals(docs: list[dict[str, Any]]) -> set[str]:
    """Every gold identifier string but bare short numbers (an age "29" also occurs in time stamps)."""
    return {g["text"] for d in docs for g in d["pii"] if not (g["text"].isdigit() and len(g["text"]) < 5)}


def _absent(strings: set[str], blob: str, where: str) -> None:
    found = sorted(s for s in strings if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", blob))
    assert not found, f"{where} still holds {found}"


@pytest.fixture
def deidentified(project: makna.Project, shared_dir: Path, tmp_path: Path) -> tuple[makna.Project, list[Any], Path]:
    docs = _gold(shared_dir)
    for doc in docs:
        makna.import_text(project, f"{doc['id']}.txt", doc["text"], language=doc["language"])
    _review_like_a_researcher(project, docs)
    key = tmp_path / "dev.key"
    report = apply(project, key, PASS, mode="surrogate")
    assert len(report.sources) == len(docs)
    # code and case the de-identified study, so that exports have something to carry
    makna.add_code(project, "c", "A code")
    makna.add_case(project, "Case 1")
    for doc in docs:
        makna.code_turn(project, f"{doc['id']}.txt", 2, "c")
        makna.link_source(project, "Case 1", f"{doc['id']}.txt")
    return project, docs, key


# qdpx_write (exchange layer) still calls Result.tuples(), deprecated in SQLAlchemy 2.1: not this test's concern
@pytest.mark.filterwarnings("ignore:The Result.tuples:DeprecationWarning")
def test_nothing_of_the_originals_survives(deidentified: tuple[makna.Project, list[Any], Path],
                                           tmp_path: Path) -> None:
    project, docs, key = deidentified
    originals = _originals(docs)
    for doc in docs:
        assert reveal(project, f"{doc['id']}.txt", key, PASS) == doc["text"]
    # every stored table, the event log included
    with project.store.read() as conn:
        for table in tables.metadata.sorted_tables:
            rows = conn.execute(select(table)).all()
            _absent(originals, json.dumps([list(r) for r in rows], default=str, ensure_ascii=False), table.name)
    assert makna.search(project, "kafe") is not None  # the search index works on the new text
    # every export format
    from makna.exchange import export_qdpx, write_json, write_segments_csv

    write_json(project, tmp_path / "p.json")
    _absent(originals, (tmp_path / "p.json").read_text(encoding="utf-8"), "JSON export")
    write_segments_csv(project, tmp_path / "p.csv")
    _absent(originals, (tmp_path / "p.csv").read_text(encoding="utf-8"), "CSV export")
    export_qdpx(project, tmp_path / "p.qdpx")
    with zipfile.ZipFile(tmp_path / "p.qdpx") as zf:
        for member in zf.namelist():
            _absent(originals, zf.read(member).decode("utf-8", "replace"), f"QDPX {member}")


def _sqlite_bytes(path: Path) -> str:
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists()).decode("utf-8", "replace")


@pytest.mark.parametrize("compact", [True, False])
def test_sqlite_file_bytes_hold_no_original(shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            compact: bool) -> None:
    """Raw bytes of the database file and its WAL, while the project is open and after closing,
    with SQLite's secure_delete OFF (as in many builds): freed pages and old WAL frames included.
    The control run without compaction shows that the check does see leftovers."""
    from sqlalchemy import event

    import makna.privacy.project_apply as project_apply

    if not compact:
        monkeypatch.setattr(project_apply, "_compact", lambda _project: False)
    docs = _gold(shared_dir)
    path = tmp_path / "raw.makna"
    with makna.create_project(path, coder="tester") as project:
        event.listen(project.store.engine, "connect",
                     lambda dbapi, _rec: dbapi.execute("PRAGMA secure_delete=OFF"))
        project.store.engine.dispose()
        for doc in docs:
            makna.import_text(project, f"{doc['id']}.txt", doc["text"], language=doc["language"])
        _review_like_a_researcher(project, docs)
        apply(project, tmp_path / "raw.key", PASS)
        leftovers = _sqlite_bytes(path)
    if compact:
        _absent(_originals(docs), leftovers, "the open project's file and WAL")
        _absent(_originals(docs), _sqlite_bytes(path), "the closed project file")
    else:
        assert any(s in leftovers for s in _originals(docs) if len(s) > 8)


def test_search_finds_surrogates_not_originals(deidentified: tuple[makna.Project, list[Any], Path]) -> None:
    project, docs, _key = deidentified
    person = next(g["text"] for d in docs for g in d["pii"] if g["type"] == "PERSON" and len(g["text"]) > 4)
    assert not makna.search(project, person)
