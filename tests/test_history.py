"""Undo and redo (makna.history): every kind of change undone and redone row for row, per coder,
refusals when someone else's later change depends on a step, barriers, and a property test over
random sequences of changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

import makna
from makna import history
from makna.errors import ConflictError, MaknaError
from makna.memos import delete_set
from makna.store import tables

TEXT = ("P: Boleh cerita awal pakai MiChat?\n"
        "I: Awalnya diajak kawan sekos. Katanya gampang cari pelanggan.\n"
        "P: Pernah ditipu?\n"
        "I: Pernah, transfer palsu. Sejak itu minta bayar di depan.\n")
SKIP = {"events", "undo_steps", "undo_rows"}

#: Text a project can store: no NUL (refused with one clear error, tests/test_memos.py)
_NO_NUL = st.characters(exclude_characters="\x00")


def snapshot(project: makna.Project) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every project table (but the log and the journal), in primary-key order."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with project.store.read() as conn:
        for table in tables.metadata.sorted_tables:
            if table.name not in SKIP:
                keys = list(table.primary_key.columns)
                out[table.name] = [tuple(r) for r in conn.execute(select(table).order_by(*keys))]
    return out


def as_coder(project: makna.Project, name: str) -> makna.Project:
    """The same open project, written by another coder."""
    return makna.Project(store=project.store, location=project.location, coder_name=name)


@pytest.fixture
def study(project: makna.Project) -> makna.Project:
    makna.import_text(project, "a.txt", TEXT, language="id")
    makna.add_code(project, "exp")
    makna.add_code(project, "exp.neg", parent="exp")
    makna.add_code(project, "motive")
    makna.define_attribute(project, "umur", "integer")
    makna.add_case(project, "Siti", values={"umur": 24})
    seg = makna.code_turn(project, "a.txt", 4, "exp.neg", memo="transfer palsu")
    makna.add_memo(project, "segment", seg.id, "dibayar dulu sekarang")
    makna.add_memo(project, "code", "exp.neg", "definisi")
    makna.create_set(project, "kodeku", "codes", ["exp.neg", "motive"])
    return project


def _segment(project: makna.Project) -> str:
    return makna.retrieve(project, code="exp.neg")[0].id


def _turn_span(project: makna.Project, number: int) -> tuple[int, int]:
    turn = makna.get_turns(project, "a.txt")[number - 1]
    return turn.start, turn.end


def _memo(project: makna.Project) -> str:
    return makna.list_memos(project, "segment")[0].id


OPERATIONS: dict[str, Callable[[makna.Project], Any]] = {
    "code_span": lambda p: makna.code_span(p, "a.txt", 0, 10, "motive", memo="m"),
    "autocode": lambda p: makna.autocode_pattern(p, "pernah", "motive", scope="sentence"),
    "uncode": lambda p: makna.uncode(p, _segment(p)),
    "uncode_span": lambda p: makna.uncode_span(p, "a.txt", *_turn_span(p, 4)),
    "segment_memo": lambda p: makna.set_segment_memo(p, _segment(p), "baru"),
    "memo_add": lambda p: makna.add_memo(p, "source", "a.txt", "catatan", title="t"),
    "memo_update": lambda p: makna.update_memo(p, _memo(p), "diubah", title="baru"),
    "memo_delete": lambda p: makna.delete_memo(p, _memo(p)),
    "code_add": lambda p: makna.add_code(p, "exp.pos", "Positif", parent="exp", keywords=["senang"]),
    "code_rename": lambda p: makna.update_code(p, "exp.neg", new_key="exp.bad", name="Buruk"),
    "code_recolour": lambda p: makna.update_code(p, "exp.neg", color="#123456"),
    "code_move": lambda p: makna.move_code(p, "exp.neg", "motive"),
    "code_merge": lambda p: makna.merge_codes(p, "exp.neg", "motive"),
    "code_delete": lambda p: makna.delete_code(p, "exp", force=True),
    "codebook_import": lambda p: makna.import_codebook(p, makna.load_codebook(
        "codes:\n  - key: exp\n    name: Pengalaman\n    children:\n      - key: exp.mixed\n")),
    "case_add": lambda p: makna.add_case(p, "Rina", "kedua", values={"umur": 30}),
    "case_values": lambda p: makna.set_values(p, "Siti", {"umur": 25}),
    "case_link": lambda p: makna.link_source(p, "Siti", "a.txt"),
    "case_delete": lambda p: makna.delete_case(p, "Siti"),
    "attribute": lambda p: makna.define_attribute(p, "kota", "text", "asal"),
    "import": lambda p: makna.import_text(p, "b.txt", "P: Halo?\nI: Halo juga, apa kabar.\n"),
    "source_rename": lambda p: makna.rename_source(p, "a.txt", "siti.txt"),
    "source_delete": lambda p: makna.delete_source(p, "a.txt"),
    "set_delete": lambda p: delete_set(p, "kodeku"),
    "cases_file": lambda p: makna.load_cases(p, {"attributes": [{"name": "kota"}],
                                                 "cases": [{"name": "Ani", "values": {"kota": "Padang"},
                                                            "sources": ["a.txt"]}]}),
}


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_each_operation_undone_and_redone(study: makna.Project, name: str) -> None:
    before = snapshot(study)
    OPERATIONS[name](study)
    after = snapshot(study)
    assert after != before
    undone = history.undo(study)
    assert len(undone) == 1 and undone[0].state == "undone"
    assert snapshot(study) == before
    redone = history.redo(study)
    assert redone[0].description == undone[0].description
    assert snapshot(study) == after
    history.undo(study)
    assert snapshot(study) == before


@pytest.mark.parametrize("how", ["delete", "merge"])
def test_undo_delete_or_merge_brings_back_every_coding(study: makna.Project, how: str) -> None:
    budi = as_coder(study, "budi")
    theirs = makna.code_span(budi, "a.txt", 0, 12, "exp.neg", memo="punya budi")
    makna.add_memo(budi, "segment", theirs.id, "memo budi")
    makna.code_span(study, "a.txt", 0, 12, "motive")  # a duplicate for the merge to drop
    makna.code_span(budi, "a.txt", 0, 12, "motive")
    before = snapshot(study)
    if how == "delete":
        assert makna.delete_code(study, "exp.neg", force=True) == 2
    else:
        makna.merge_codes(study, "exp.neg", "motive")
    assert not any(s.code_key == "exp.neg" for s in makna.retrieve(study))
    history.undo(study)
    assert snapshot(study) == before
    segs = {(s.coder, s.memo) for s in makna.retrieve(study, code="exp.neg")}
    assert segs == {("tester", "transfer palsu"), ("budi", "punya budi")}
    assert {m.text for m in makna.list_memos(study, "segment")} == {"dibayar dulu sekarang", "memo budi"}


def test_each_coder_undoes_only_their_own(study: makna.Project) -> None:
    budi = as_coder(study, "budi")
    mine = makna.code_span(study, "a.txt", 0, 5, "motive")
    theirs = makna.code_span(budi, "a.txt", 5, 9, "motive")
    assert history.undo(study)[0].description == "code a span"
    ids = {s.id for s in makna.retrieve(study, code="motive")}
    assert ids == {theirs.id} and mine.id not in ids
    assert [s.description for s in history.undoable(budi)] == ["code a span"]
    history.undo(budi)
    assert makna.retrieve(study, code="motive") == []
    with pytest.raises(history.NothingToUndoError, match="nothing to redo for coder 'carla'"):
        history.redo(as_coder(study, "carla"))


def test_refused_when_someone_else_depends_on_it(study: makna.Project) -> None:
    makna.add_code(study, "new")
    budi = as_coder(study, "budi")
    makna.code_span(budi, "a.txt", 0, 5, "new")
    before = snapshot(study)
    with pytest.raises(ConflictError, match="cannot undo 'add code new': 1 codings made later still refer to it"):
        history.undo(study)
    assert snapshot(study) == before
    history.undo(budi)
    history.undo(study)
    assert "new" not in {c.key for c in makna.list_codes(study)}


def test_refused_when_someone_else_changed_the_same_rows(study: makna.Project) -> None:
    makna.add_code(study, "baru", "Baru")
    makna.update_code(as_coder(study, "budi"), "baru", name="Baru sekali")
    with pytest.raises(ConflictError, match="budi changed the same codes afterwards"):
        history.undo(study)
    assert makna.get_code(study, "baru").name == "Baru sekali"


def test_memo_on_an_undone_source_refuses(study: makna.Project) -> None:
    makna.import_text(study, "b.txt", "P: Halo?\nI: Halo juga.\n")
    makna.add_memo(as_coder(study, "budi"), "source", "b.txt", "catatan budi")
    with pytest.raises(ConflictError, match="memos made later still refer to it"):
        history.undo(study)


def test_new_change_empties_the_redo_stack(study: makna.Project) -> None:
    makna.add_code(study, "a1")
    history.undo(study)
    assert [s.description for s in history.redoable(study)] == ["undo add code a1"]
    makna.add_code(study, "a2")
    assert history.redoable(study) == []
    with pytest.raises(history.NothingToUndoError):
        history.redo(study)
    with project_rows(study) as count:
        assert count("undo_steps", "dropped") == 2


class project_rows:  # noqa: N801 - a tiny context manager for the journal counts
    def __init__(self, project: makna.Project) -> None:
        self.project = project

    def __enter__(self) -> Callable[[str, str], int]:
        s = tables.undo_steps.c

        def count(_table: str, state: str) -> int:
            with self.project.store.read() as conn:
                return int(conn.execute(select(func.count()).where(s.state == state)).scalar() or 0)

        return count

    def __exit__(self, *exc: object) -> None:
        return None


def test_steps_and_errors(study: makna.Project) -> None:
    makna.add_code(study, "b1")
    makna.add_code(study, "b2")
    done = history.undo(study, steps=2)
    assert [s.description for s in done] == ["add code b2", "add code b1"]
    assert [s.description for s in history.redo(study, steps=5)] == ["add code b1", "add code b2"]
    with pytest.raises(makna.MaknaError, match="--steps 0"):
        history.undo(study, steps=0)
    with pytest.raises(history.NothingToUndoError, match="nothing to redo"):
        history.redo(study)
    with pytest.raises(MaknaError):  # a failing change leaves no step
        makna.add_code(study, "b1")
    assert history.undoable(study)[0].description == "add code b2"


def test_log_marks_what_can_be_undone(study: makna.Project) -> None:
    makna.add_code(study, "c1")
    makna.add_code(study, "c2")
    history.undo(study)
    events = makna.events(study, limit=3)
    states = history.step_states(study, [e.id for e in events])
    assert [states.get(e.id) for e in events] == ["redoable", "undone", "undoable"]


def test_search_index_follows_undo_and_redo(project: makna.Project) -> None:
    makna.import_text(project, "a.txt", TEXT, language="id")
    makna.import_text(project, "b.txt", "P: Gimana?\nI: Pelanggan kabur tanpa bayar.\n", language="id")
    assert {h.source for h in makna.search(project, "kabur")} == {"b.txt"}
    history.undo(project)
    assert makna.search(project, "kabur") == []
    with project.store.read() as conn:
        from makna.textindex.index import search_chunks, search_sources

        ids = {r[0] for r in conn.execute(select(tables.sources.c.id))}
        assert set(conn.execute(select(search_sources.c.source_id)).scalars()) == ids
        assert set(conn.execute(select(search_chunks.c.source_id)).scalars()) == ids
        if project.store.dialect == "sqlite":
            from sqlalchemy import text

            fts = conn.execute(text("SELECT count(*) FROM search_fts")).scalar()
            assert fts == conn.execute(select(func.count()).select_from(search_chunks)).scalar()
    history.redo(project)
    assert {h.source for h in makna.search(project, "kabur")} == {"b.txt"}
    assert {h.source for h in makna.search(project, "pelanggan")} == {"a.txt", "b.txt"}


def test_deidentification_is_a_barrier(study: makna.Project, tmp_path: Path) -> None:
    from makna.privacy.project import decide_all, scan
    from makna.privacy.project_apply import apply

    makna.import_text(study, "b.txt", "P: Siapa?\nI: Nama saya Siti Rahmawati, HP 0812-7411-2095.\n", language="id")
    scan(study)
    decide_all(study, "accepted")
    assert history.undoable(study)
    apply(study, tmp_path / "k.key", "correct horse battery staple", sources=["b.txt"])
    with study.store.read() as conn:
        assert conn.execute(select(func.count()).select_from(tables.undo_rows)).scalar() == 0
    assert history.undoable(study) == []
    with pytest.raises(history.NothingToUndoError, match="since the de-identification .it replaces identifiers for good. of .* which cannot be undone"):
        history.undo(study)
    states = history.step_states(study, [e.id for e in makna.events(study, limit=100)])
    assert set(states.values()) == {"not undoable"}
    makna.add_code(study, "after")  # what comes after can be undone again
    assert history.undo(study)[0].description == "add code after"


# ------------------------------------------------------------------------------- property test
def _pick(data: st.DataObject, items: list[Any]) -> Any:
    return data.draw(st.sampled_from(items)) if items else None


def _random_operation(p: makna.Project, data: st.DataObject, n: int) -> None:
    codes = [c.key for c in makna.list_codes(p)]
    segs = [s.id for s in makna.retrieve(p)]
    memos = [m.id for m in makna.list_memos(p)]
    sources = [s.name for s in makna.list_sources(p)]
    cases = [c.name for c in makna.list_cases(p)]
    kind = data.draw(st.sampled_from([
        "code", "code", "uncode", "segment_memo", "memo_add", "memo_edit", "memo_delete", "code_add",
        "code_update", "code_move", "code_merge", "code_delete", "case_add", "case_values", "case_link",
        "import"]))
    code, source = _pick(data, codes), _pick(data, sources)
    if kind == "code" and code and source:
        length = makna.get_source(p, source).length
        a = data.draw(st.integers(0, length - 1))
        makna.code_span(p, source, a, data.draw(st.integers(a + 1, length)), code,
                        memo=data.draw(st.text(_NO_NUL, max_size=5)))
    elif kind == "uncode" and segs:
        makna.uncode(p, _pick(data, segs))
    elif kind == "segment_memo" and segs:
        makna.set_segment_memo(p, _pick(data, segs), data.draw(st.text(_NO_NUL, max_size=8)))
    elif kind == "memo_add":
        target = data.draw(st.sampled_from(["project", "code", "segment", "source"]))
        ref = {"project": None, "code": code, "segment": _pick(data, segs), "source": source}[target]
        if target == "project" or ref:
            makna.add_memo(p, target, ref, f"memo {n}")
    elif kind == "memo_edit" and memos:
        makna.update_memo(p, _pick(data, memos), data.draw(st.text(_NO_NUL, min_size=1, max_size=8)))
    elif kind == "memo_delete" and memos:
        makna.delete_memo(p, _pick(data, memos))
    elif kind == "code_add":
        makna.add_code(p, f"k{n}", parent=data.draw(st.sampled_from([None, *codes])))
    elif kind == "code_update" and code:
        makna.update_code(p, code, name=data.draw(st.text(min_size=1, max_size=6)).strip() or "x",
                          color=data.draw(st.sampled_from(["#112233", "#ABCDEF"])),
                          new_key=data.draw(st.sampled_from([None, f"r{n}"])))
    elif kind == "code_move" and code:
        makna.move_code(p, code, data.draw(st.sampled_from([None, *codes])), position=data.draw(st.integers(0, 3)))
    elif kind == "code_merge" and len(codes) > 1:
        makna.merge_codes(p, code, _pick(data, [c for c in codes if c != code]))
    elif kind == "code_delete" and code:
        makna.delete_code(p, code, force=True)
    elif kind == "case_add":
        makna.add_case(p, f"case{n}", values={"umur": data.draw(st.integers(15, 60))})
    elif kind == "case_values" and cases:
        makna.set_values(p, _pick(data, cases), {"umur": data.draw(st.sampled_from([None, 20, 33]))})
    elif kind == "case_link" and cases and source:
        makna.link_source(p, _pick(data, cases), source)
    elif kind == "import":
        words = data.draw(st.lists(st.sampled_from(["halo", "kawan", "bayar", "ditipu", "MiChat"]), min_size=1,
                                   max_size=6))
        makna.import_text(p, f"s{n}.txt", f"P: {' '.join(words)} {n}?\nI: ya.\n")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(data=st.data())
def test_undo_of_any_sequence_gives_back_the_project(study: makna.Project, data: st.DataObject) -> None:
    start = snapshot(study)
    known = {s.id for s in history.undoable(study)}
    try:
        for i in range(data.draw(st.integers(1, 8))):
            try:  # names made from i alone: the draws must not depend on what earlier examples left in the log
                _random_operation(study, data, i)
            except MaknaError:
                pass  # a refused change leaves no trace, and no step
        new = [s for s in history.undoable(study) if s.id not in known]
        event(f"{min(len(new), 4)}+ steps" if len(new) >= 4 else f"{len(new)} steps")
        end = snapshot(study)
        if new:
            assert len(history.undo(study, steps=len(new))) == len(new)
        assert snapshot(study) == start
        if new:
            history.redo(study, steps=len(new))
            assert snapshot(study) == end
            history.undo(study, steps=len(new))
            assert snapshot(study) == start
    finally:  # an example Hypothesis stops half-way (too much data) must not leave its changes behind
        left = [s for s in history.undoable(study) if s.id not in known]
        if left:
            history.undo(study, steps=len(left))


def test_a_whole_project_import_cannot_be_undone(study: makna.Project, tmp_path: Path) -> None:
    makna.export_qdpx(study, tmp_path / "study.qdpx")
    with makna.create_project(tmp_path / "copy.makna", coder="tester") as copy:
        makna.import_qdpx(copy, tmp_path / "study.qdpx")
        assert history.undoable(copy) == []
        with pytest.raises(history.NothingToUndoError, match="since the whole-project import of .* which cannot be undone"):
            history.undo(copy)
        makna.add_code(copy, "later")
        assert [s.description for s in history.undo(copy)] == ["add code later"]


def test_a_raw_sql_write_is_a_barrier(study: makna.Project) -> None:
    with study.store.write("tester", "custom.fix", {}) as conn:
        conn.exec_driver_sql("UPDATE codes SET name = 'diubah'")
    assert history.undoable(study) == []
    with pytest.raises(history.NothingToUndoError, match="since the change written as raw SQL to codes of"):
        history.undo(study)
