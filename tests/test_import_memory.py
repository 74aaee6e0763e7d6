"""Importing a large transcript holds nothing per turn or per word beyond a few bytes: memory stays
bounded (issue #12: a 10 MB file of 2 million short turns took 2.3 GB). Measured with tracemalloc,
which counts Python's own allocations exactly (unlike the process's RSS, it does not depend on the
machine), as its growth per turn; the figures for large files are in benchmarks/import_bench.py."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

import makna
import makna.text
from makna.textindex.index import ensure_index
from makna.turn_table import TurnTable


def _peaks(folder: Path, turns: int) -> tuple[int, int]:
    """Peak bytes of Python objects while importing, then indexing, a file of ``turns`` short turns."""
    path = folder / f"short-{turns}.txt"
    path.write_text("A: x\nB: y\n" * (turns // 2), encoding="utf-8")
    with makna.create_project(folder / f"study-{turns}.makna", "memori") as project:
        tracemalloc.start()
        try:
            makna.import_file(project, path)
            _, after_import = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            ensure_index(project)
            _, after_index = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert len(makna.get_turns(project, path.name)) == turns
        assert [h.turn for h in makna.search(project, "y", limit=3)] == [2, 4, 6]
    return after_import, after_index


def test_memory_per_turn_is_a_few_bytes(tmp_path: Path) -> None:
    """The growth of the peak from 20,000 to 80,000 turns, per turn: a tuple per turn (as before)
    cost about 300 bytes on import and more on indexing; arrays of offsets cost about 30."""
    small, large = _peaks(tmp_path, 20_000), _peaks(tmp_path, 80_000)
    per_turn_import = (large[0] - small[0]) / 60_000
    per_turn_index = (large[1] - small[1]) / 60_000
    assert per_turn_import < 100, f"import: {per_turn_import:.0f} bytes per turn"
    assert per_turn_index < 100, f"index: {per_turn_index:.0f} bytes per turn"


def test_turn_table_gives_back_what_it_holds() -> None:
    from makna.text import TurnSpan, detect_turns

    text = "intro\nP: satu\n\nI: dua\n  \nP: tiga"
    table = TurnTable.detect(text)
    assert list(table) == detect_turns(text) == [TurnSpan("P", 6, 13), TurnSpan("I", 15, 21), TurnSpan("P", 25, 32)]
    assert table[-1] == TurnSpan("P", 25, 32) and table[0:2] == list(table)[0:2] and len(table) == 3
    timed = TurnTable.of([TurnSpan("A", 0, 2), TurnSpan("B", 3, 5, "00:00:01", "00:00:02")], length=5)
    assert timed.rows("s", first=1) == [("s", 2, "B", 3, 5, "00:00:01", "00:00:02")]
    assert timed.rows("s", count=1) == [("s", 1, "A", 0, 2, None, None)]


def test_long_text_written_in_pieces_reads_back_the_same(project: makna.Project,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A long text goes into SQLite through blob I/O a megabyte at a time (here: from 10 characters,
    so that a short text takes that path); it must read back character for character."""
    import makna.sources
    import makna.store

    monkeypatch.setattr(makna.store, "LONG_TEXT", 10)
    monkeypatch.setattr(makna.sources, "LONG_TEXT", 10)
    text = "P: Café naïve 😀 ditipu.\nI: Kak, ñ e\u0301 👍🏽 aman.\n" * 3
    src = makna.import_text(project, "panjang", text)
    stored = makna.get_source(project, "panjang")
    assert stored.text == src.text == makna.text.normalize_text(text)
    assert [t.speaker for t in makna.get_turns(project, "panjang")] == ["P", "I"] * 3
    assert makna.search(project, "ditipu", limit=5)[0].source == "panjang"
