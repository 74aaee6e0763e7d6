"""Blind rounds hide other coders' codings and the memos on them from every read path of the core,
not only from the source view: memos, activity, counts, analyses, the report and the live log; the
round's manager sees everything, and so does everyone once it closes (#14). On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

import makna
from makna.analysis.cooccurrence import cooccurrence
from makna.analysis.matrices import code_by_attribute
from makna.analysis.sequences import code_sequences
from makna.codebook import code_use
from makna.live import LiveLog, changes_after, latest_id
from makna.memo_views import memos_for_source, memos_on_segments, search_memos
from makna.memos import add_memo, events, list_memos
from makna.queries import code_case_matrix, code_frequencies
from makna.report.model import build_report
from makna.rounds import close_round, open_round
from makna.views import code_usage, segments_per_source

TEXT = "Saya senang sekali. Kami di pasar. Hari ini hujan.\n"
SECRET = "rahasia budi"  # in budi's memos: must not reach ani while the round is open


def _as(project: Any, coder: str) -> Any:
    return makna.open_project(project.location, coder=coder)


@pytest.fixture
def blind(project: Any) -> Iterator[dict[str, Any]]:
    """A blind round on a.txt: ani and budi code it; budi codes it with a second code at the same
    span (a co-occurrence), writes a coding memo and a memo on his coding; b.txt lies outside."""
    makna.import_text(project, "a.txt", TEXT, language="id")
    makna.import_text(project, "b.txt", "Lain cerita di sini.\n", language="id")
    makna.add_code(project, "emosi", "Emosi")
    makna.add_code(project, "tempat", "Tempat")
    makna.define_attribute(project, "kota", "text")
    makna.add_case(project, "Uni", values={"kota": "Padang"})
    makna.link_source(project, "Uni", "a.txt")
    lead, ani, budi = _as(project, "lead"), _as(project, "ani"), _as(project, "budi")
    try:
        open_round(lead, "r1", sources=["a.txt"])
        mine = makna.code_span(ani, "a.txt", 0, 18, "emosi", memo="catatan ani").id
        hidden = makna.code_span(budi, "a.txt", 20, 33, "emosi", memo=f"{SECRET} coding").id
        makna.code_span(budi, "a.txt", 20, 33, "tempat")
        add_memo(budi, "segment", hidden, f"{SECRET} segment memo")
        open_segment = makna.code_span(budi, "b.txt", 0, 4, "emosi").id  # outside the round: seen by all
        yield {"lead": lead, "ani": ani, "budi": budi, "mine": mine, "hidden": hidden, "open": open_segment}
    finally:
        for p in (lead, ani, budi):
            p.close()


def _no_secret(value: Any) -> bool:
    return SECRET not in repr(value)


def _check(blind: dict[str, Any], hidden_view: Callable[[Any], bool], full_view: Callable[[Any], bool]) -> None:
    """``hidden_view(ani)`` holds while the round is open; ``full_view`` for the manager, and for ani
    once the round closes."""
    assert hidden_view(blind["ani"])
    assert full_view(blind["lead"])
    close_round(blind["lead"])
    assert full_view(blind["ani"])


def test_memo_panel(blind: dict[str, Any]) -> None:
    def texts(p: Any) -> str:
        return " ".join(m.text for m in memos_for_source(p, "a.txt"))

    _check(blind, lambda p: _no_secret(texts(p)) and "catatan ani" in texts(p),
           lambda p: f"{SECRET} coding" in texts(p) and f"{SECRET} segment memo" in texts(p))


def test_memo_search(blind: dict[str, Any]) -> None:
    _check(blind, lambda p: search_memos(p, "rahasia") == [], lambda p: len(search_memos(p, "rahasia")) == 2)


def test_memos_on_segments_and_memo_list(blind: dict[str, Any]) -> None:
    seg = blind["hidden"]
    _check(blind, lambda p: memos_on_segments(p, [seg]) == {} and _no_secret(list_memos(p)),
           lambda p: len(memos_on_segments(p, [seg])[seg]) == 1 and not _no_secret(list_memos(p, "segment")))


def test_activity_list(blind: dict[str, Any]) -> None:
    def coding_actors(p: Any) -> set[str]:
        return {e.actor for e in events(p, limit=100) if e.action in ("code.span", "segment.memo", "memo.add")}

    _check(blind, lambda p: coding_actors(p) == {"ani"}, lambda p: coding_actors(p) == {"ani", "budi"})


def test_code_counts(blind: dict[str, Any]) -> None:
    def counts(p: Any) -> tuple[int, int, int, int]:
        freq = {f.key: f.segments for f in code_frequencies(p)}
        a = makna.get_source(p, "a.txt").id
        return (freq["emosi"] + freq["tempat"], code_usage(p)[makna.get_code(p, "emosi").id].segments,
                segments_per_source(p).get(a, 0), code_use(p, "emosi").codings)

    # ani: her own coding of a.txt and budi's of b.txt (outside the round)
    _check(blind, lambda p: counts(p) == (2, 2, 1, 2), lambda p: counts(p) == (4, 3, 3, 3))


def test_code_by_case_and_attribute(blind: dict[str, Any]) -> None:
    def cells(p: Any) -> int:
        m = code_case_matrix(p)
        t = code_by_attribute(p, "kota", measure="segments")
        assert sum(map(sum, m.cells)) == sum(map(sum, t.cells))
        return sum(map(sum, m.cells))

    _check(blind, lambda p: cells(p) == 1, lambda p: cells(p) == 3)


def test_cooccurrence_and_sequences(blind: dict[str, Any]) -> None:
    def pairs(p: Any) -> int:
        co = cooccurrence(p)
        i, j = co.codes.index("emosi"), co.codes.index("tempat")
        return int(co.counts[i][j])

    def steps(p: Any) -> int:
        return len(code_sequences(p))

    _check(blind, lambda p: pairs(p) == 0 and steps(p) == 0, lambda p: pairs(p) == 1 and steps(p) > 0)


def test_report(blind: dict[str, Any]) -> None:
    def seen(p: Any) -> tuple[int, int]:
        data = build_report(p, lang="en", charts=False)
        return data.counts["segments"], data.counts["coders"]

    _check(blind, lambda p: seen(p) == (2, 2), lambda p: seen(p) == (4, 2))


def test_live_changes(blind: dict[str, Any]) -> None:
    """changes_after and the shared live log (read once, filtered per viewer) give the same changes:
    no hidden coding, coding memo or memo on a hidden coding."""
    def shown(p: Any) -> list[Any]:
        direct = changes_after(p, 0, limit=1000).changes
        log = LiveLog(p, after=0)  # a window over the whole log, as a server holds one
        assert log.read(p, 0, latest_id(p), limit=1000).changes == direct
        return direct

    def added(changes: list[Any]) -> set[str]:
        return {s["id"] for c in changes if c.kind == "segments.add" for s in c.data["segments"]}

    def hidden(p: Any) -> bool:
        changes = shown(p)
        return (added(changes) >= {blind["mine"], blind["open"]} and blind["hidden"] not in added(changes)
                and _no_secret([c.data for c in changes])
                and not any(c.kind in ("memo", "segment.memo") and c.actor == "budi" for c in changes))

    def full(p: Any) -> bool:
        changes = shown(p)
        return (blind["hidden"] in added(changes)
                and {c.kind for c in changes if c.actor == "budi"} >= {"memo", "segments.add"})

    _check(blind, hidden, full)


def test_suggestions_learn_only_from_codings_the_coder_may_see(blind: dict[str, Any]) -> None:
    """The suggester trains on codings: during a blind round it learns only from what the acting coder
    sees (else its suggestions would carry the other coders' hidden codes)."""
    pytest.importorskip("sklearn")
    from makna.suggest.training import load

    def codes_learnt(p: Any) -> set[str]:
        return {c for e in load(p).examples for c in e.codes}

    _check(blind, lambda p: codes_learnt(p) == {"emosi"},  # her own and budi's outside the round
           lambda p: codes_learnt(p) == {"emosi", "tempat"})


def test_a_live_log_is_freed_with_its_project(project: Any) -> None:
    import gc

    from makna import live

    makna.import_text(project, "a.txt", TEXT, language="id")
    other = makna.open_project(project.location)
    live.live_log(other)
    assert any(store is other.store for store in list(live._LOGS))
    other.close()
    del other
    gc.collect()
    assert not [s for s in list(live._LOGS) if s is not project.store and s.url == project.store.url]
