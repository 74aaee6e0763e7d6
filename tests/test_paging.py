"""Keyset pagination (issue 17): pages of retrieval, sources and the log put together give the whole
ordered listing, without duplicates or misses, also when codings are added between pages; the
maintained coding tallies stay equal to a count of the codings after every kind of change."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

import makna
from makna.coding import SegmentSpec, code_one
from makna.errors import InputError
from makna.history import redo, undo
from makna.paging import decode_cursor, encode_cursor
from makna.queries import retrieval_cursor, retrieve_page
from makna.sources import count_sources, list_sources, source_cursor
from makna.store import tables, tallies
from makna.views import code_usage, recent_codes, segments_per_source

# names whose byte, code point and case orders differ, and ties on (source, start, end) with several
# codes and coders: every part of the sort key matters
NAMES = ["a", "A", "a b", "ab", "é", "z😀", "Z", "m-1", "m_1"]
CODES = ["k", "K", "k.1", "x"]


def _fill(p: makna.Project, seed: int, n: int) -> None:
    rng = random.Random(seed)
    for name in NAMES:
        if name not in {s.name for s in list_sources(p)}:
            makna.import_text(p, name, f"P: satu dua tiga empat lima enam tujuh delapan {name}\nI: " + "kata " * 30)
    for key in CODES:
        if key not in {n.code.key for n in makna.code_tree(p)}:
            makna.add_code(p, key, parent="k" if key == "k.1" else None)
    for coder in ("ani", "Budi"):
        specs = []
        for _ in range(n):
            a = rng.randrange(0, 40)
            specs.append(SegmentSpec(rng.choice(NAMES), a, a + rng.choice((1, 5, 5, 9)), rng.choice(CODES)))
        makna.code_many(p, specs, coder=coder, on_duplicate="skip")


@pytest.fixture
def filled(project: makna.Project) -> makna.Project:
    _fill(project, 1, 40)
    return project


FILTERS = st.sampled_from([{}, {"code": "k"}, {"code": "k", "descendants": False}, {"code": "x"},
                           {"coder": "Budi"}, {"sources": ["a", "é", "Z"]}])


def test_pages_make_up_the_whole_listing(filled: makna.Project) -> None:
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
    @given(size=st.integers(1, 30), filters=FILTERS)
    def check(size: int, filters: dict[str, Any]) -> None:
        whole = makna.retrieve(filled, **filters)
        got, after = [], None
        while True:
            page = retrieve_page(filled, limit=size, after=after, **filters)
            assert len(page.items) <= size
            got += page.items
            after = page.next
            if after is None:
                break
            assert len(page.items) == size
        assert got == whole

    check()


def test_pages_while_codings_are_added(filled: makna.Project) -> None:
    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
    @given(size=st.integers(1, 25), seed=st.integers(0, 10_000), filters=FILTERS)
    def check(size: int, seed: int, filters: dict[str, Any]) -> None:
        before = {s.id for s in makna.retrieve(filled, **filters)}
        got, after, rounds = [], None, 0
        while True:
            page = retrieve_page(filled, limit=size, after=after, **filters)
            got += page.items
            after = page.next
            if after is None:
                break
            rounds += 1
            if rounds < 4:  # others code between two pages
                _fill(filled, seed + rounds, 3)
        order = {s.id: i for i, s in enumerate(makna.retrieve(filled, **filters))}
        ids = [s.id for s in got]
        assert len(ids) == len(set(ids)), "a segment came twice"
        assert before <= set(ids), "a segment present throughout was missed"
        assert [order[i] for i in ids] == sorted(order[i] for i in ids), "pages out of order"

    check()


def test_offset_is_kept_as_a_convenience(filled: makna.Project) -> None:
    whole = makna.retrieve(filled)
    assert makna.retrieve(filled, limit=7, offset=5) == whole[5:12]
    assert makna.retrieve(filled, limit=7, after=retrieval_cursor(whole[4])) == whole[5:12]


def test_bad_cursors_are_one_clear_error(filled: makna.Project) -> None:
    for bad in ("", "nonsense", encode_cursor("sources", ["a"]), encode_cursor("retrieve", [1, 2, 3, 4, 5])):
        with pytest.raises(InputError, match="cursor"):
            makna.retrieve(filled, limit=3, after=bad)
    with pytest.raises(InputError, match="cursor"):
        list_sources(filled, limit=3, after=encode_cursor("retrieve", ["a", 1, 2, "k", "x"]))
    assert decode_cursor("x", encode_cursor("x", ["é😀", 3]), (str, int)) == ["é😀", 3]


def test_source_pages(filled: makna.Project) -> None:
    whole = list_sources(filled)
    assert count_sources(filled) == len(whole) == len(NAMES)
    for size in (1, 2, 4, 9, 10):
        got: list[Any] = []
        after = None
        while True:
            page = list_sources(filled, limit=size, after=after)
            got += page
            if len(page) < size:
                break
            after = source_cursor(page[-1])
        assert got == whole


def test_event_pages(filled: makna.Project) -> None:
    whole = makna.events(filled, limit=10_000)
    got: list[Any] = []
    before = None
    while True:
        page = makna.events(filled, limit=4, before=before)
        if not page:
            break
        got += page
        before = page[-1].id
    assert got == whole


# ------------------------------------------------------------------------------------ tallies
def _counted(p: makna.Project) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    seg = tables.segments.c
    with p.store.read() as conn:
        by_code = {(r[0], r[1]): r[2] for r in conn.execute(
            select(seg.code_id, seg.coder_id, func.count()).group_by(seg.code_id, seg.coder_id))}
        by_source = {r[0]: r[1] for r in conn.execute(select(seg.source_id, func.count()).group_by(seg.source_id))}
    return by_code, by_source


def _tallied(p: makna.Project) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    ct, st_ = tallies.code_tallies.c, tallies.source_tallies.c
    with p.store.read() as conn:
        return ({(r[0], r[1]): r[2] for r in conn.execute(select(ct.code_id, ct.coder_id, ct.n))},
                {r[0]: r[1] for r in conn.execute(select(st_.source_id, st_.n))})


def test_tallies_follow_every_change(filled: makna.Project) -> None:
    p = filled
    assert _tallied(p) == _counted(p)
    made = makna.code_span(p, "a", 0, 3, "x")
    assert _tallied(p) == _counted(p)
    makna.uncode(p, made.id)
    assert _tallied(p) == _counted(p)
    makna.code_span(p, "a", 0, 3, "x")
    assert _tallied(p) == _counted(p)
    makna.merge_codes(p, "x", "K")  # updates code_id (and removes duplicates)
    assert _tallied(p) == _counted(p)
    undo(p)
    assert _tallied(p) == _counted(p)
    redo(p)
    assert _tallied(p) == _counted(p)
    makna.delete_source(p, "é")  # ON DELETE CASCADE
    assert _tallied(p) == _counted(p)
    undo(p)
    assert _tallied(p) == _counted(p)
    makna.delete_code(p, "k.1", force=True)
    assert _tallied(p) == _counted(p)
    with p.store.bulk_load():  # triggers off, one recount at the end
        makna.code_many(p, [SegmentSpec("a", 1, 4, "k"), SegmentSpec("Z", 2, 6, "K")], coder="cici")
    assert _tallied(p) == _counted(p)
    makna.code_span(p, "Z", 7, 9, "K", coder="cici")  # the triggers are back
    assert _tallied(p) == _counted(p)
    usage = code_usage(p, coder="cici")
    k_id = next(n.code.id for n in makna.code_tree(p) if n.code.key == "K")
    assert usage[k_id].by_coder == 2
    with p.store.read() as conn:
        assert segments_per_source(p) == {r[0]: r[1] for r in conn.execute(
            select(tables.segments.c.source_id, func.count()).group_by(tables.segments.c.source_id))}


def test_recent_codes_newest_first(project: makna.Project) -> None:
    p = project
    makna.import_text(p, "s", "P: satu dua tiga empat lima enam")
    for key in ("a", "b", "c"):
        makna.add_code(p, key)
    for i, key in enumerate(["a", "b", "a", "c", "b"]):
        makna.code_span(p, "s", i, i + 2, key)
    ids = {n.code.key: n.code.id for n in makna.code_tree(p)}
    assert recent_codes(p) == [ids["b"], ids["c"], ids["a"]]
    assert recent_codes(p, limit=1) == [ids["b"]]
    assert recent_codes(p, coder="nobody") == []


def test_code_one_describes_the_coding(project: makna.Project) -> None:
    p = project
    src = makna.import_text(p, "s", "P: satu dua tiga")
    makna.add_code(p, "a", "Alpha", color="#112233")
    made = code_one(p, SegmentSpec("s", 3, 7, "a", "memo"))
    stored = makna.get_segment(p, made.id)
    assert (made.source_id, made.source_name, made.start, made.end, made.code_key, made.code_name, made.color,
            made.coder, made.memo) == (src.id, "s", 3, 7, "a", "Alpha", "#112233", "tester", "memo")
    assert (stored.code_id, stored.created_at) == (made.code_id, made.created_at)


def test_tallies_of_a_large_insert(project: makna.Project) -> None:
    """From tallies.PAUSE_FROM rows, SQLite counts an insert at once instead of row by row; the
    triggers are back afterwards, also when the insert fails."""
    p = project
    makna.import_text(p, "s", "P: " + "kata " * 400)
    makna.import_text(p, "t", "P: " + "lain " * 400)
    makna.add_code(p, "a")
    makna.add_code(p, "b")
    n = tallies.PAUSE_FROM + 10
    specs = [SegmentSpec("st"[i % 2], i, i + 3, "ab"[i % 3 == 0]) for i in range(n)]
    makna.code_many(p, specs)
    assert _tallied(p) == _counted(p)
    with pytest.raises(makna.errors.DuplicateCodingError):
        makna.code_many(p, [SegmentSpec("s", 1000 + i, 1003 + i, "a") for i in range(n)] + specs[:1])
    assert _tallied(p) == _counted(p)
    makna.code_span(p, "s", 1500, 1510, "b")  # counted by the triggers again
    makna.code_many(p, [SegmentSpec("t", 1000 + i, 1003 + i, "a") for i in range(n)], coder="other")
    assert _tallied(p) == _counted(p)
