"""The findings report as data: project summary, codebook, one theme per root code with informant
counts and exemplar quotes, a draft of the conclusions (:mod:`makna.report.conclusions`), matrices and charts.
No rendering here (see ``render_*``).

Built for large projects: segments are read once; exemplar candidates are preselected by span
length (a few per informant) and only those are read with their text, then
:func:`makna.exemplars.exemplar_quotes` picks the quotes (one per informant first, whole sentences).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from ..analysis.charts import Figure, bar_chart, case_heatmap, hierarchy, network
from ..analysis.cooccurrence import Cooccurrence, cooccurrence
from ..analysis.matrices import CrossTable, code_by_attribute
from ..codebook import CodeNode, code_tree, key_tells
from ..exemplars import Quote, exemplar_quotes
from ..memo_views import MemoView, memos_on_codes
from ..project import Project
from ..queries import RetrievedSegment, code_frequencies
from ..rounds import counted_where
from ..store import tables
from .conclusions import Conclusion, draft_conclusions
from .i18n import strings

__all__ = ["CodeStats", "CodeSection", "Theme", "ChartData", "ReportData", "build_report", "MAX_CASE_COLUMNS",
           "unique_to_each_case"]

MAX_CASE_COLUMNS = 40
MAX_ATTRIBUTE_VALUES = 12
MIN_OWN_CASES = 4
"""Fewer cases than this: an attribute of as many values as cases is still cross-tabulated (two informants, two
age bands)."""


@dataclass(frozen=True)
class CodeStats:
    key: str
    name: str
    depth: int
    definition: str
    color: str
    informants: int
    segments: int
    sources: int

    @property
    def shown_key(self) -> str:
        """The key as the report shows it beside the name: empty where it only repeats the name, as a ``.qdc``'s
        derived keys do (:func:`makna.codebook.key_tells`)."""
        return self.key if key_tells(self.key, self.name) else ""


@dataclass(frozen=True)
class CodeSection:
    """A used code without children inside a theme, with its quotes."""

    stats: CodeStats
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Theme:
    """A root code with its descendants."""

    stats: CodeStats
    codes: tuple[CodeStats, ...]
    sections: tuple[CodeSection, ...]


@dataclass(frozen=True)
class ChartData:
    name: str
    figure: Figure

    @property
    def title(self) -> str:
        return self.figure.title

    @property
    def svg(self) -> str:
        return self.figure.svg()


@dataclass
class ReportData:
    lang: str
    text: dict[str, str]
    project_name: str
    generated: str
    counts: dict[str, int]
    codebook: list[CodeStats]
    themes: list[Theme]
    matrices: list[CrossTable] = field(default_factory=list)
    charts: list[ChartData] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    memos: list[MemoView] = field(default_factory=list)  # the project's memos and those on codes
    conclusions: list[Conclusion] = field(default_factory=list)  # a draft paragraph per theme
    deid: list[str] = field(default_factory=list)  # what de-identification did (makna.privacy.audit_render)

    @property
    def empty(self) -> bool:
        return self.counts.get("segments", 0) == 0


def _case_links(conn: Any) -> dict[str, list[tuple[int | None, int | None, str]]]:
    cl, c = tables.case_links.c, tables.cases.c
    out: dict[str, list[tuple[int | None, int | None, str]]] = {}
    for r in conn.execute(select(cl.source_id, cl.start, cl.end, c.name).join(tables.cases, c.id == cl.case_id)
                          .order_by(c.name)):
        out.setdefault(r.source_id, []).append((r.start, r.end, r.name))
    return out


def _cases_of(links: list[tuple[int | None, int | None, str]], a: int, b: int) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for s, e, n in links if s is None or (e is not None and a < e and b > s)))


def _candidates(groups: dict[str, list[tuple[int, str]]], n: int, max_chars: int) -> list[str]:
    """Segment ids worth reading for ``n`` quotes: a few per informant of the first ``n`` informants."""
    picked: list[str] = []
    for _, segs in sorted(groups.items())[:n]:
        fitting = sorted((s for s in segs if s[0] <= max_chars + 40), key=lambda s: -s[0])
        rest = sorted((s for s in segs if s[0] > max_chars + 40), key=lambda s: s[0])
        picked += [sid for _, sid in (fitting + rest)[: n + 3]]
    return picked


def _read_segments(project: Project, ids: Sequence[str],
                   links: dict[str, list[tuple[int | None, int | None, str]]]) -> dict[str, RetrievedSegment]:
    seg, s, c, k, t = (tables.segments.c, tables.sources.c, tables.codes.c, tables.coders.c, tables.turns.c)
    out: dict[str, RetrievedSegment] = {}
    turn_q = (select(t.number).where(t.source_id == seg.source_id, t.start <= seg.start, t.end > seg.start)
              .limit(1).scalar_subquery())
    speaker_q = (select(t.speaker).where(t.source_id == seg.source_id, t.start <= seg.start,
                                         t.end > seg.start).limit(1).scalar_subquery())
    with project.store.read() as conn:
        for i in range(0, len(ids), 500):
            rows = conn.execute(
                select(seg.id, seg.source_id, s.name.label("source"), seg.start, seg.end, c.key,
                       c.name.label("code_name"), k.name.label("coder"),
                       func.substr(s.text, seg.start + 1, seg.end - seg.start).label("text"),
                       turn_q.label("turn"), speaker_q.label("speaker"))
                .select_from(tables.segments).join(tables.sources, s.id == seg.source_id)
                .join(tables.codes, c.id == seg.code_id).join(tables.coders, k.id == seg.coder_id)
                .where(seg.id.in_(list(ids[i:i + 500])))).all()
            for r in rows:
                out[r.id] = RetrievedSegment(r.id, r.source_id, r.source, r.start, r.end, r.key, r.code_name, r.coder,
                                             r.text, turn=r.turn, speaker=r.speaker,
                                             cases=_cases_of(links.get(r.source_id, []), r.start, r.end))
    return out


def _deid_methods(project: Project, lang: str) -> list[str]:
    """The methods chapter's paragraphs on de-identification (none when nothing was scanned)."""
    from ..privacy.audit import deid_audit  # the privacy package loads on first use
    from ..privacy.audit_render import audit_methods
    from .i18n import type_name

    return audit_methods(deid_audit(project), lang, type_name=lambda code: type_name(code, lang))


def build_report(project: Project, *, lang: str = "id", quotes: int = 2, max_chars: int = 320,
                 charts: bool = True, coder: str | None = None) -> ReportData:
    """Everything the report shows, computed once for every output format. With ``coder``, only that coder's
    codings count (figures, quotes, matrices, co-occurrence): a thesis reports one coder's or the consensus
    figures, not every coder's codings of one passage added up."""
    text = strings(lang)
    nodes = code_tree(project)
    seg = tables.segments.c
    with project.store.read() as conn:
        seen = counted_where(project, conn)  # blind rounds; the suggester's proposals left out
        if coder is not None:
            seen = [*seen, seg.coder_id == project.coder_id(conn, coder, create=False)]
        rows = conn.execute(select(seg.id, seg.source_id, seg.start, seg.end, seg.code_id).where(*seen)).all()
        links = _case_links(conn)
        counts = {
            "sources": int(conn.execute(select(func.count()).select_from(tables.sources)).scalar() or 0),
            "cases": int(conn.execute(select(func.count()).select_from(tables.cases)).scalar() or 0),
            "codes": len(nodes),
            "segments": len(rows),
            "coders": int(conn.execute(select(func.count(func.distinct(seg.coder_id))).where(*seen)).scalar() or 0),
        }
    per_code: dict[str, int] = {n.code.id: 0 for n in nodes}  # own segments: which leaf codes have quotes
    groups: dict[str, dict[str, list[tuple[int, str]]]] = {}
    for sid, source_id, a, b, code_id in rows:
        cases = _cases_of(links.get(source_id, []), a, b) if source_id in links else ()
        if code_id not in per_code:
            continue
        per_code[code_id] += 1
        groups.setdefault(code_id, {}).setdefault(cases[0] if cases else "\uffff" + source_id, []).append((b - a, sid))
    children: dict[str | None, list[CodeNode]] = {}
    for n in nodes:
        children.setdefault(n.code.parent_id, []).append(n)

    def subtree(node: CodeNode) -> list[CodeNode]:
        out = [node]
        for ch in children.get(node.code.id, []):
            out += subtree(ch)
        return out

    freq = {f.key: f for f in code_frequencies(project, coder=coder)}  # the one roll-up rule (ROLLUP_RULE)

    def stats(node: CodeNode, base_depth: int = 0) -> CodeStats:
        f = freq[node.code.key]
        return CodeStats(node.code.key, node.code.name_in(lang), node.depth - base_depth, node.code.definition_in(lang),
                         node.code.color, f.cases, f.segments, f.sources)

    all_stats = {n.code.id: stats(n) for n in nodes}
    leaf_used = [n for n in nodes if not children.get(n.code.id) and per_code[n.code.id]]
    candidates = {n.code.id: _candidates(groups.get(n.code.id, {}), quotes, max_chars) for n in leaf_used}
    segs = _read_segments(project, [sid for ids in candidates.values() for sid in ids], links)
    quotes_of: dict[str, tuple[Quote, ...]] = {}
    for n in leaf_used:
        cands = [segs[i] for i in candidates[n.code.id] if i in segs]
        cands.sort(key=lambda r: (r.source, r.start, r.end))
        quotes_of[n.code.id] = tuple(exemplar_quotes(project, n.code.key, quotes, max_chars=max_chars, segments=cands))
    themes: list[Theme] = []
    for root in children.get(None, []):
        members = subtree(root)
        themes.append(Theme(
            all_stats[root.code.id],
            tuple(stats(m, root.depth) for m in members),
            tuple(CodeSection(all_stats[m.code.id], quotes_of[m.code.id]) for m in members if m.code.id in quotes_of),
        ))
    data = ReportData(lang, text, project.info().name, dt.date.today().isoformat(), counts,
                      list(all_stats.values()), themes)
    data.memos = memos_on_codes(project)
    data.deid = _deid_methods(project, lang)
    if coder is not None:
        data.notes.append(text["one_coder"].format(coder=coder))
    if data.empty:
        return data
    _matrices(project, data, nodes, all_stats, coder)
    named = {n.code.key: n.code.name_in(lang) for n in nodes}  # in the report's language (makna.code_translations)
    for m in data.matrices:
        m.row_labels = [named.get(k, label) for k, label in zip(m.rows, m.row_labels or m.rows, strict=True)]
    used = [all_stats[n.code.id] for n in nodes if all_stats[n.code.id].segments]
    leaf_keys = [s.key for s in used if not any(o.key.startswith(s.key + ".") for o in used)]
    co = cooccurrence(project, mode="overlap", codes=leaf_keys or None, coder=coder)
    co.names = [named.get(k, k) for k in co.codes]
    data.conclusions = draft_conclusions([(th.stats, th.codes) for th in themes], informants=counts["cases"],
                                         sources=counts["sources"],
                                         pairs=[(p.code1, p.code2, p.n12) for p in co.pairs()], lang=lang)
    if charts:
        _charts(data, nodes, all_stats, co)
    return data


def _matrices(project: Project, data: ReportData, nodes: list[CodeNode], all_stats: dict[str, CodeStats],
              coder: str | None = None) -> None:
    from ..analysis.matrices import code_by_case

    used = [n.code.key for n in nodes if all_stats[n.code.id].segments]
    if 0 < data.counts["cases"] <= MAX_CASE_COLUMNS:
        m = code_by_case(project, codes=used, coder=coder)
        m.title = data.text["matrix_case"]
        data.matrices.append(m)
    elif data.counts["cases"] > MAX_CASE_COLUMNS:
        data.notes.append(data.text["too_many_cases"].format(n=data.counts["cases"], max=MAX_CASE_COLUMNS))
    a, cv = tables.attributes.c, tables.case_values.c
    with project.store.read() as conn:
        attrs = conn.execute(select(a.name, a.type, func.count(func.distinct(cv.value)), func.count(cv.case_id))
                             .join(tables.case_values, cv.attribute_id == a.id).group_by(a.name, a.type)
                             .order_by(a.name)).all()
    own = [name for name, _kind, n_values, n_cases in attrs if unique_to_each_case(n_values, n_cases)]
    if own:
        data.notes.append(data.text["own_values"].format(attrs=", ".join(own)))
    for name, kind, n_values, _n_cases in attrs:
        if 1 < n_values <= MAX_ATTRIBUTE_VALUES and name not in own:
            m = code_by_attribute(project, name, measure="cases", codes=used, descendants=True, coder=coder)
            m.title = data.text["matrix_attr"].format(attr=name)
            if kind == "boolean":  # True/False in the report's language
                words = {"True": data.text["yes"], "False": data.text["no"]}
                m.columns = [words.get(c, c) for c in m.columns]
            data.matrices.append(m)


def unique_to_each_case(values: int, cases: int) -> bool:
    """Whether an attribute with ``values`` distinct values over ``cases`` cases is each case's own (a Form's
    time stamp, a nickname): as many values as cases, or nearly (one repeat in ten), among at least
    :data:`MIN_OWN_CASES` cases. Its code x attribute table would be the code x case matrix again, one column per
    case, under the values as headings: the report lists it instead (trial14)."""
    return cases >= MIN_OWN_CASES and values >= cases - cases // 10


def _charts(data: ReportData, nodes: list[CodeNode], all_stats: dict[str, CodeStats], co: Cooccurrence) -> None:
    en = data.lang != "id"
    used = [all_stats[n.code.id] for n in nodes if all_stats[n.code.id].segments]
    top = sorted(used, key=lambda s: -s.informants)[:40]
    data.charts.append(ChartData("frequency", bar_chart(
        [s.name for s in top], [s.informants for s in top], colors=[s.color for s in top],
        title="Informants per code" if en else "Informan per kode")))
    data.charts.append(ChartData("hierarchy", hierarchy(
        [(n.depth, n.code.name_in(data.lang), n.code.color, all_stats[n.code.id].segments) for n in nodes[:400]],
        title="Codebook (segments)" if en else "Buku kode (segmen)")))
    case_m = next((m for m in data.matrices if m.title == data.text["matrix_case"]), None)
    if case_m is not None:
        data.charts.append(ChartData("heatmap", case_heatmap(case_m, data.lang, max_rows=60)))
    data.charts.append(ChartData("network", network(
        co, title="Code co-occurrence (overlapping segments)" if en else "Ko-okurensi kode (segmen bertumpang)",
        max_nodes=30)))
