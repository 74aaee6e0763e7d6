"""Word frequencies per source, case or code, with Indonesian and English stop-word lists.

The lists ship as ``makna/analysis/data/stopwords-<lang>.txt`` (words separated by spaces or
lines, ``#`` comments). Users extend them with extra words or their own files (same format).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

from sqlalchemy import select

from ..errors import InputError
from ..holds import shown_cases, shown_sources
from ..project import Project
from ..queries import retrieve
from ..store import tables
from ..textindex.stemming import stemmer, tokens

__all__ = ["WordCount", "GroupBy", "word_frequencies", "stopwords", "read_stopword_file"]

GroupBy = Literal["project", "source", "case", "code"]


@dataclass(frozen=True)
class WordCount:
    """``word`` (or stem) occurs ``count`` times in ``group`` ("" when not grouped)."""

    group: str
    word: str
    count: int


def _parse(text: str) -> set[str]:
    out: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        out.update(w.casefold() for w in line.split())
    return out


def read_stopword_file(path: str | Path) -> set[str]:
    """Words from a user's stop-word file (UTF-8; spaces or lines; ``#`` comments)."""
    p = Path(path)
    try:
        return _parse(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: cannot read the stop-word file ({exc})") from None


def stopwords(languages: Iterable[str] = ("id", "en")) -> set[str]:
    """The shipped stop words of ``languages`` (folded)."""
    out: set[str] = set()
    folder = resources.files("makna.analysis") / "data"
    for lang in languages:
        f = folder / f"stopwords-{lang.split('-')[0].lower()}.txt"
        if f.is_file():
            out |= _parse(f.read_text(encoding="utf-8"))
    return out


def _texts(project: Project, by: GroupBy, code: str | None, sources: Sequence[str] | None
           ) -> Iterable[tuple[str, str, str]]:
    """(group, language, text) pieces to count."""
    s = tables.sources.c
    with project.store.read() as conn:
        langs = {r.id: r.language for r in conn.execute(select(s.id, s.language))}
    if by == "code" or code is not None:
        for seg in retrieve(project, code=code, sources=sources):
            group = seg.code_key if by == "code" else seg.cases[0] if by == "case" and seg.cases else (
                seg.source if by == "source" else "")
            if by == "case" and not seg.cases:
                continue
            yield group, langs.get(seg.source_id, "id"), seg.text
        return
    if by == "case":
        cl, c = tables.case_links.c, tables.cases.c
        with project.store.read() as conn:
            links = conn.execute(select(c.name, cl.source_id, cl.start, cl.end, s.text)
                                 .join(tables.cases, c.id == cl.case_id).join(tables.sources, s.id == cl.source_id)
                                 .where(*shown_sources(project), *shown_cases(project))
                                 .order_by(c.name)).all()
        for r in links:
            yield r.name, langs.get(r.source_id, "id"), r.text if r.start is None else r.text[r.start:r.end]
        return
    with project.store.read() as conn:
        q = select(s.id, s.name, s.text).where(*shown_sources(project))
        if sources:
            q = q.where(s.id.in_([project.source_row(conn, n).id for n in sources]))
        found = conn.execute(q.order_by(s.name)).all()
    for row in found:
        yield (row.name if by == "source" else ""), langs.get(row.id, "id"), row.text


def word_frequencies(project: Project, *, by: GroupBy = "project", code: str | None = None,
                     sources: Sequence[str] | None = None, stem: bool = False, top: int | None = 30,
                     use_stopwords: bool = True, extra_stopwords: Iterable[str] = (),
                     stopword_files: Iterable[str | Path] = (), min_length: int = 2) -> list[WordCount]:
    """The ``top`` words (or stems) of each group, most frequent first. ``code`` restricts the
    count to that code's segments (with descendants); stop words are matched before stemming."""
    if by not in ("project", "source", "case", "code"):
        raise InputError(f"group by {by!r}: use project, source, case or code")
    if top is not None and top < 1:
        raise InputError("top must be 1 or more")
    stop: set[str] = set()
    if use_stopwords:
        stop = stopwords()
    stop |= {w.casefold() for w in extra_stopwords}
    for f in stopword_files:
        stop |= read_stopword_file(f)
    counters: dict[str, Counter[str]] = {}
    for group, lang, text in _texts(project, by, code, sources):
        st = stemmer(lang) if stem else None
        words = [w for _, _, w in tokens(text) if len(w) >= min_length and w not in stop and not w.isdigit()]
        counter = counters.setdefault(group, Counter())
        counter.update(map(st, words) if st else words)
    out: list[WordCount] = []
    for group in sorted(counters):
        ranked = sorted(counters[group].items(), key=lambda kv: (-kv[1], kv[0]))
        out += [WordCount(group, w, n) for w, n in (ranked if top is None else ranked[:top])]
    return out
