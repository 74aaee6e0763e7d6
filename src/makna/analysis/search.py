"""Full-text search over sources with Indonesian and English stemming, shown as KWIC (keyword in
context), and autocoding from the hits in one step.

The database finds the passages (SQLite FTS5 or PostgreSQL full-text search over the index of
:mod:`makna.textindex.index`); Python only marks the matching words inside the passages it
shows. A Boolean query holds within one passage: a turn, or a run of sentences outside turns.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, case, func, select

from ..coding import CodingResult, Scope, SegmentSpec, code_many, merge_spans
from ..errors import InputError
from ..holds import hidden_from
from ..paging import Page, decode_cursor, encode_cursor
from ..project import Project
from ..store import fulltext, tables
from ..text import enclosing_span, sentence_spans, sentences_past_labels
from ..textindex.index import ensure_index, index_source, search_chunks, unindex_source
from ..textindex.query import Node, Term, fts5_match, leaves, parse_query, pg_condition
from ..textindex.stemming import stemmer, tokens

__all__ = [
    "Hit",
    "search",
    "iter_hits",
    "count_passages",
    "autocode_search",
    "index_source",
    "unindex_source",
    "ensure_index",
    "project_languages",
    "search_cursor",
    "search_page",
]



@dataclass(frozen=True)
class Hit:
    """One match: ``keyword`` is ``text[start:end]`` of ``source``, with ``left`` and ``right``
    context (line breaks kept; flatten them for display)."""

    source: str
    source_id: str
    start: int
    end: int
    keyword: str
    left: str
    right: str
    turn: int | None = None
    speaker: str | None = None
    passage_start: int = 0
    passage_end: int = 0
    passage: int = 0  # the indexed passage's id: hits come in passage order (see search_cursor)

    @property
    def kwic(self) -> str:
        """``left [keyword] right`` on one line."""
        return f"{_flat(self.left)} [{_flat(self.keyword)}] {_flat(self.right)}".strip().replace("  ", " ")


def _flat(text_: str) -> str:
    return " ".join(text_.split())


def project_languages(conn: Connection) -> tuple[str, ...]:
    """The languages of a project's sources (Indonesian and English when it has none)."""
    langs = sorted({str(r[0]).split("-")[0].lower() for r in conn.execute(
        select(tables.sources.c.language).distinct())})
    return tuple(langs) or ("id", "en")


def _matcher(node: Node, language: str) -> Any:
    """A function from a passage's tokens to the (first, last) token index of each match."""
    stem = stemmer(language)
    items = list(leaves(node))

    def term_ok(term: Term, word: str, stemmed: str) -> bool:
        if term.prefix:
            return word.startswith(term.word)
        return (stemmed if term.stemmed else word) in term.forms or word == term.word

    def find(words: list[str]) -> list[tuple[int, int]]:
        stems = [stem(w) for w in words]
        out: set[tuple[int, int]] = set()
        for leaf in items:
            if isinstance(leaf, Term):
                out.update((i, i) for i, w in enumerate(words) if term_ok(leaf, w, stems[i]))
            else:
                seq = stems if leaf.stemmed else words
                n = len(leaf.words)
                for i in range(len(words) - n + 1):
                    if any(tuple(seq[i:i + n]) == v for v in leaf.variants) or words[i:i + n] == list(leaf.words):
                        out.add((i, i + n - 1))
        return sorted(out)

    return find


def _passage_query(project: Project, conn: Connection, node: Node, source_ids: Sequence[str] | None,
                   context: int = 0) -> Any:
    c, s, t = search_chunks.c, tables.sources.c, tables.turns.c
    speaker = (select(t.speaker).where(t.source_id == c.source_id, t.number == c.turn).limit(1).scalar_subquery())
    lo = case((c.start > context, c.start - context), else_=0)
    q = (select(c.id, c.source_id, c.start, c.end, c.turn, s.name, s.language, speaker.label("speaker"),
                lo.label("lo"), func.substr(s.text, lo + 1, c.end + context - lo).label("window"))
         .select_from(search_chunks.join(tables.sources, s.id == c.source_id)))
    q = fulltext.match(conn, q, fts5=fts5_match(node), postgres=pg_condition(node, {}))
    if source_ids is not None:
        q = q.where(c.source_id.in_(list(source_ids)))
    return q.where(*hidden_from(project, c.source_id)).order_by(c.id)  # a source held from the acting user


def _source_ids(project: Project, conn: Connection, sources: Sequence[str] | None) -> list[str] | None:
    return None if not sources else [str(project.source_row(conn, n).id) for n in sources]


def iter_hits(project: Project, query: str, *, stem: bool = True, sources: Sequence[str] | None = None,
              context: int = 40, batch: int = 200, after: str | None = None) -> Iterator[Hit]:
    """Every match of ``query`` in index order (sources in import order, then position), or those
    after the cursor ``after`` (from :func:`search_cursor`). The passages are read ``batch`` at a
    time by keyset (each batch starts after the last passage read), so a late hit costs no more to
    reach than an early one."""
    if context < 0:
        raise InputError("context must be 0 or more characters")
    resume = decode_cursor("search", after, (int, int, int)) if after is not None else None
    ensure_index(project)
    c = search_chunks.c
    with project.store.read() as conn:
        node = parse_query(query, stem=stem, languages=project_languages(conn))
        base = _passage_query(project, conn, node, _source_ids(project, conn, sources), context)
        last: int | None = None
        while True:
            if last is not None:
                q = base.where(c.id > last)
            elif resume is not None:  # the cursor's own passage again: its later hits follow
                q = base.where(c.id >= resume[0])
            else:
                q = base
            rows = conn.execute(q.limit(batch)).all()
            if not rows:
                return
            last = rows[-1].id
            hits = _hits(node, rows, context)
            if resume is not None:
                hits = (h for h in hits if (h.passage, h.start, h.end) > tuple(resume))
            yield from hits
            if len(rows) < batch:
                return


def _hits(node: Node, rows: Sequence[Any], context: int) -> Iterator[Hit]:
    matchers: dict[str, Any] = {}
    for r in rows:
        lo, window = r.lo, str(r.window or "")
        find = matchers.setdefault(r.language, _matcher(node, r.language))
        toks = list(tokens(window[r.start - lo:r.end - lo], r.start))
        for first, last in find([w for _, _, w in toks]):
            a, b = toks[first][0], toks[last][1]
            yield Hit(source=r.name, source_id=r.source_id, start=a, end=b, keyword=window[a - lo:b - lo],
                      left=window[max(a - lo - context, 0):a - lo], right=window[b - lo:b - lo + context],
                      turn=r.turn, speaker=r.speaker, passage_start=r.start, passage_end=r.end, passage=r.id)


def search(project: Project, query: str, *, stem: bool = True, sources: Sequence[str] | None = None,
           context: int = 40, limit: int | None = 100, offset: int = 0, after: str | None = None) -> list[Hit]:
    """Matches of ``query`` (see :mod:`makna.textindex.query`) as KWIC lines: the first
    ``limit`` after the cursor ``after`` (from :func:`search_cursor`; each page then costs the same
    wherever it starts), or after skipping ``offset`` (a convenience whose cost grows with it). With
    ``stem``, ``ditipu`` also finds ``tipu``, ``menipu`` and ``penipuan``; without, words match
    exactly (case-insensitive)."""
    if limit is not None and limit < 0:
        raise InputError("limit must be 0 or more")
    if offset < 0:
        raise InputError("offset must be 0 or more")
    out: list[Hit] = []
    batch = max(20, min(500, (limit or 500) + offset))
    for i, hit in enumerate(iter_hits(project, query, stem=stem, sources=sources, context=context, batch=batch,
                                      after=after)):
        if i >= offset:
            out.append(hit)
        if limit is not None and len(out) >= limit:
            break
    return out


def search_cursor(hit: Hit) -> str:
    """The cursor that makes :func:`search` start after ``hit`` (an opaque token)."""
    return encode_cursor("search", [hit.passage, hit.start, hit.end])


def search_page(project: Project, query: str, *, limit: int = 100, after: str | None = None,
                **options: Any) -> Page[Hit]:
    """One page of :func:`search` (same ``options``: ``stem``, ``sources``, ``context``): ``limit``
    hits after the cursor ``after`` (from the start when None) and the next page's cursor (None on
    the last page)."""
    if limit < 1:
        raise InputError("limit must be 1 or more")
    hits = search(project, query, limit=limit + 1, after=after, **options)
    more = len(hits) > limit
    return Page(hits[:limit], search_cursor(hits[limit - 1]) if more else None)


def count_passages(project: Project, query: str, *, stem: bool = True,
                   sources: Sequence[str] | None = None) -> tuple[int, int]:
    """(passages, sources) matching ``query``."""
    ensure_index(project)
    with project.store.read() as conn:
        node = parse_query(query, stem=stem, languages=project_languages(conn))
        c = search_chunks.c
        q = _passage_query(project, conn, node, _source_ids(project, conn, sources)).order_by(None)
        sub = q.with_only_columns(c.id, c.source_id).subquery()
        n, ns = conn.execute(select(func.count(), func.count(func.distinct(sub.c.source_id)))).one()
    return int(n), int(ns)


def autocode_search(project: Project, query: str, code: str, *, scope: Scope = "match", stem: bool = True,
                    sources: Sequence[str] | None = None, coder: str | None = None) -> CodingResult:
    """Code every hit of ``query`` with ``code`` in one transaction: the matched words, their
    sentence (past its turn's speaker label), or their turn (hits outside any turn are coded by sentence).
    Overlapping spans merge; a span that overlaps a coding of ``code`` by the same coder is skipped: a passage
    coded by hand is not coded again one full stop longer."""
    if scope not in ("match", "sentence", "turn"):
        raise InputError(f"scope {scope!r}: use match, sentence or turn")
    with project.store.read() as conn:
        project.code_id(conn, code)  # fail before searching when the code is unknown
    by_source: dict[str, list[Hit]] = {}
    for hit in iter_hits(project, query, stem=stem, sources=sources, context=0, batch=1000):
        by_source.setdefault(hit.source_id, []).append(hit)
    specs: list[SegmentSpec] = []
    s, t = tables.sources.c, tables.turns.c
    with project.store.read() as conn:
        for sid, hits in by_source.items():
            spans = [(h.start, h.end) for h in hits]
            if scope != "match":
                text_ = str(conn.execute(select(s.text).where(s.id == sid)).scalar())
                sents = sentence_spans(text_)
                rows = conn.execute(select(t.number, t.start, t.end, t.speaker).where(t.source_id == sid)
                                    .order_by(t.number)).all()
                turns = {r.number: (r.start, r.end) for r in rows}
                spans = [turns[h.turn] if scope == "turn" and h.turn in turns
                         else enclosing_span(sents, h.start, h.end) for h in hits]
                if scope == "sentence":
                    spans = sentences_past_labels(text_, [(r.start, r.end, r.speaker) for r in rows], spans)
            specs += [SegmentSpec(sid, a, b, code) for a, b in merge_spans(spans)]
    return code_many(project, specs, coder=coder, on_duplicate="overlap", action="code.autocode_search")

