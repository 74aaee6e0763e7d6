"""trial18 #13 (#11): a coder's push into a de-identified project scans the memos and coding memos it would write; one
naming someone (a name, a phone number) is not written (a ``names_identifier`` conflict: it stays in her copy, the
message names the kinds found, never the text), so no other member reads it; clean memos, a memo naming an informant
by the de-identified text's surrogate and a manager's push go through unchanged; nothing is scanned in a project
never de-identified. On every backend of the ``project`` fixture, roles attached as a team server attaches them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import makna
from makna.access import Access
from makna.memos import list_memos
from makna.project import Project
from makna.sources import get_source
from makna.store import tables
from makna.sync.rows import SYNC_FORMAT, text_hash
from makna.sync.server import apply_push, snapshot

PASS = "kopi hujan sepeda jendela"
FIRST = "P: Siapa namamu?\nI: Nama saya Rosmaini, dari Pariaman. Saya menenun songket di rumah.\n"
NAMING = "Teh Yanti Nurhayati bilang suaminya kerja di Batam; nomornya 0819-2231-4456."
CLEAN = "Bagian tentang pasar songket cocok untuk kode ekonomi."


def _project(project: Project, key: Path, *, apply: bool = True) -> list[Project]:
    makna.import_text(project, "first", FIRST, language="id")
    makna.add_code(project, "kerja", "Kerja")
    if apply:
        for _ in range(2):
            makna.deid_scan(project)
            makna.decide_all(project, "accepted")
        makna.deid_apply(project, key, PASS)
    project.store.access = Access({"tester": "owner", "dewi": "manager", "budi": "coder", "citra": "coder"})
    return [Project(store=project.store, location=project.location, coder_name=n) for n in ("dewi", "budi", "citra")]


@pytest.fixture
def team(project: Any, tmp_path: Path) -> Iterator[tuple[Project, Project, Project, Project]]:
    """A de-identified project; roles 'dewi' manager, 'budi' and 'citra' coders. Yields (owner, dewi, budi, citra)."""
    dewi, budi, citra = _project(project, tmp_path / "k.makna-key")
    yield project, dewi, budi, citra
    project.store.access = None


def _push(owner: Project, coder: str, *changes: dict[str, Any]) -> dict[str, Any]:
    src = get_source(owner, "first")
    with owner.store.read() as conn:
        code = conn.execute(select(tables.codes.c.id).where(tables.codes.c.key == "kerja")).scalar_one()
        text = conn.execute(select(tables.sources.c.text).where(tables.sources.c.id == src.id)).scalar_one()
    return {
        "format": SYNC_FORMAT,
        "schema": owner.store.schema_revision(),
        "coder": coder,
        "project_id": owner.info().id,
        "high_water": 0,
        "sources": {src.id: text_hash(text)},
        "codes": {code: {"key": "kerja", "name": "Kerja"}},
        "changes": list(changes),
    }


def _memo(owner: Project, text: str, title: str = "") -> dict[str, Any]:
    row = {
        "target_kind": "source",
        "target_id": get_source(owner, "first").id,
        "title": title,
        "text": text,
        "created_at": "2026-12-07T10:00:00+00:00",
    }
    return {"kind": "memo", "id": str(uuid.uuid4()), "op": "put", "base": None, "row": row}


def _coding(owner: Project, memo: str) -> dict[str, Any]:
    with owner.store.read() as conn:
        code = conn.execute(select(tables.codes.c.id).where(tables.codes.c.key == "kerja")).scalar_one()
    row = {
        "source_id": get_source(owner, "first").id,
        "start": 0,
        "end": 10,
        "code_id": code,
        "memo": memo,
        "created_at": "2026-12-07T10:00:00+00:00",
    }
    return {"kind": "segment", "id": str(uuid.uuid4()), "op": "put", "base": None, "row": row}


def _stored(owner: Project, needle: str) -> int:
    m, s = tables.memos.c, tables.segments.c
    with owner.store.read() as conn:
        return int(
            conn.execute(select(func.count()).select_from(tables.memos).where(m.text.contains(needle))).scalar() or 0
        ) + int(
            conn.execute(select(func.count()).select_from(tables.segments).where(s.memo.contains(needle))).scalar() or 0
        )


def test_a_memo_naming_someone_is_not_written_and_clean_ones_go_through(
    team: tuple[Project, Project, Project, Project],
) -> None:
    owner, _dewi, budi, citra = team
    named, clean = _memo(owner, NAMING), _memo(owner, CLEAN, "pasar")
    coded = _coding(owner, "dia sebut 0812-7788-9900 untuk dihubungi")
    result = apply_push(budi, _push(owner, "budi", named, clean, coded))
    assert result.added == 1
    assert sorted((c.kind, c.id, c.reason) for c in result.conflicts) == sorted(
        [("memo", named["id"], "names_identifier"), ("segment", coded["id"], "names_identifier")]
    )
    messages = " ".join(c.message for c in result.conflicts)
    assert "a person's name" in messages and "a phone number" in messages and "push again" in messages
    assert "Yanti" not in messages and "0819" not in messages and "0812" not in messages
    assert _stored(owner, "Yanti") == 0 and _stored(owner, "0819") == 0 and _stored(owner, "0812") == 0
    for who in (citra, budi):  # nothing of it for another coder (nor in her own pull: it is in her copy only)
        assert "Yanti" not in str(snapshot(who)["tables"])
    assert [m.text for m in list_memos(citra, "source", "first")] == [CLEAN]  # the clean memo, unchanged
    again = apply_push(budi, _push(owner, "budi", {**named, "row": {**named["row"], "text": CLEAN + " Lagi."}}))
    assert again.added == 1 and not again.conflicts  # rewritten without them: it goes


def test_the_texts_surrogates_managers_and_plain_projects_are_not_held(
    team: tuple[Project, Project, Project, Project],
) -> None:
    owner, dewi, budi, _citra = team
    with owner.store.read() as conn:
        text = conn.execute(select(tables.sources.c.text)).scalar_one()
    assert "Rosmaini" not in text
    surrogate = text.split("Nama saya ", 1)[1].split(",", 1)[0]  # the name the de-identified text gives her
    mention = _memo(owner, f"{surrogate} paling lama menenun; bandingkan dengan jawaban berikutnya.")
    result = apply_push(budi, _push(owner, "budi", mention))
    assert result.added == 1 and not result.conflicts, result.conflicts
    by_manager = apply_push(dewi, _push(owner, "dewi", _memo(owner, NAMING)))  # managers scan the project
    assert by_manager.added == 1 and not by_manager.conflicts


def test_nothing_is_scanned_before_any_de_identification(project: Any, tmp_path: Path) -> None:
    _dewi, budi, _citra = _project(project, tmp_path / "k.makna-key", apply=False)
    try:
        result = apply_push(budi, _push(project, "budi", _memo(project, NAMING)))
        assert result.added == 1 and not result.conflicts
    finally:
        project.store.access = None


def test_a_push_with_nothing_found_reads_no_transcript(team: tuple[Project, Project, Project, Project]) -> None:
    """The surrogates are read at the first detection only: a push of codings without memos, or of clean memos,
    does not read every de-identified transcript of the project."""
    from sqlalchemy import event

    owner, _dewi, budi, _citra = team
    message = _push(owner, "budi", _coding(owner, ""), _memo(owner, CLEAN))  # built before counting
    seen: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(owner.store.engine, "before_cursor_execute", note)
    try:
        result = apply_push(budi, message)
    finally:
        event.remove(owner.store.engine, "before_cursor_execute", note)
    assert result.added == 2 and not result.conflicts
    assert not [s for s in seen if "replacements" in s], "the surrogates were read with nothing to check"
