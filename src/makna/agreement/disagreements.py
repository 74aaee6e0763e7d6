"""Disagreement listing: every unit where the compared coders differ, for the team to discuss.

A unit is listed when, for at least one compared code, one coder coded it with the code and another
(who coded its source) did not. For character units, consecutive characters with the same coding are
one row, so a row is a stretch of text. Each row gives the source, the span and its text, the codes each
coder applied there, the codes in dispute and the codes all agreed on. Output as records (for a table),
CSV, or a self-contained HTML page (no scripts, no external files; every transcript string is escaped).
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..csvsafe import table_text
from ..errors import InputError
from ..project import Project
from ._matrix import IntArray
from .project_report import AgreementScope
from .project_units import candidate_units, code_ratings, source_texts

__all__ = [
    "NOT_CODED",
    "Disagreement",
    "DisagreementListing",
    "disagreements_csv",
    "disagreements_html",
    "list_disagreements",
]

#: Shown for a coder who did not code the unit's source at all (ratings missing).
NOT_CODED = "(did not code this source)"


@dataclass(frozen=True)
class Disagreement:
    """One unit (or stretch of characters) where coders differ. ``codes[coder]`` is None when that coder
    did not code the source."""

    source: str
    start: int
    end: int
    unit: str
    text: str
    codes: dict[str, tuple[str, ...] | None]
    disputed: tuple[str, ...]
    agreed: tuple[str, ...]


@dataclass(frozen=True)
class DisagreementListing:
    """The units where coders differ, in source and text order."""

    unit: str
    threshold: float | None
    coders: tuple[str, ...]
    codes: tuple[str, ...]
    sources: tuple[str, ...]
    rows: tuple[Disagreement, ...]

    @property
    def columns(self) -> list[str]:
        return ["source", "start", "end", "unit", "text", "disputed", "agreed", *self.coders]

    def records(self) -> list[dict[str, Any]]:
        """One flat dict per row (codes joined with '; '), keys :attr:`columns`."""
        out: list[dict[str, Any]] = []
        for r in self.rows:
            rec: dict[str, Any] = {
                "source": r.source,
                "start": r.start,
                "end": r.end,
                "unit": r.unit,
                "text": r.text,
                "disputed": "; ".join(r.disputed),
                "agreed": "; ".join(r.agreed),
            }
            for c in self.coders:
                got = r.codes.get(c)
                rec[c] = NOT_CODED if got is None else "; ".join(got)
            out.append(rec)
        return out


def list_disagreements(project: Project, scope: AgreementScope | None = None) -> DisagreementListing:
    """Every unit of ``scope`` (default: character units, every coder and code) where coders differ."""
    scope = scope or AgreementScope()
    data, units = scope.load(project)
    n, m = len(units), len(data.coders)
    dis = np.zeros(n, dtype=bool)
    yes: list[tuple[IntArray, ...]] = []
    dis_by_code: list[IntArray] = []
    present = np.asarray([s.present for s in data.sources], dtype=bool).reshape(-1, m)[units.source]
    for k in range(len(data.codes)):
        cand = candidate_units(data, units, k)  # only units a segment of the code touches can differ
        r = code_ratings(data, units, k, threshold=scope.threshold, rows=cand)
        d = cand[(r == 1).any(axis=1) & (r == 0).any(axis=1)]
        dis[d] = True
        uu, cc = np.nonzero(r == 1)
        yes.append((cand[uu], cc))
        dis_by_code.append(d)
    idx = np.flatnonzero(dis)
    pos = {int(u): j for j, u in enumerate(idx)}
    applied: list[list[set[str]]] = [[set() for _ in range(m)] for _ in idx]
    disputed: list[set[str]] = [set() for _ in idx]
    for k, code in enumerate(data.codes):
        uu, cc = yes[k]
        for u, c in zip(uu.tolist(), cc.tolist(), strict=True):
            j = pos.get(u)
            if j is not None:
                applied[j][c].add(code)
        for u in dis_by_code[k].tolist():
            disputed[pos[u]].add(code)
    order = {code: i for i, code in enumerate(data.codes)}

    def ordered(codes: set[str]) -> tuple[str, ...]:
        return tuple(sorted(codes, key=order.__getitem__))

    raw: list[tuple[int, int, int, str, dict[str, tuple[str, ...] | None], tuple[str, ...], tuple[str, ...]]] = []
    for j, u in enumerate(idx.tolist()):
        pres = present[u]
        codes = {
            data.coders[c]: (ordered(applied[j][c]) if pres[c] else None) for c in range(m)
        }
        sets = [applied[j][c] for c in range(m) if pres[c]]
        agreed = ordered(set.intersection(*sets)) if sets else ()
        row = (int(units.source[u]), int(units.start[u]), int(units.end[u]), units.label[u], codes,
               ordered(disputed[j]), agreed)
        if raw and units.kind == "characters":
            prev = raw[-1]
            if prev[0] == row[0] and prev[2] == row[1] and prev[4:] == row[4:]:
                raw[-1] = (prev[0], prev[1], row[2], *prev[3:])
                continue
        raw.append(row)
    texts = source_texts(project, data, sorted({r[0] for r in raw}))
    listed = tuple(
        Disagreement(
            source=data.sources[s].name,
            start=a,
            end=b,
            unit=label if units.kind != "characters" else "characters",
            text=texts[s][a:b],
            codes=codes,
            disputed=disp,
            agreed=agr,
        )
        for s, a, b, label, codes, disp, agr in raw
    )
    return DisagreementListing(
        unit=units.kind,
        threshold=scope.threshold,
        coders=data.coders,
        codes=data.codes,
        sources=tuple(s.name for s in data.sources),
        rows=listed,
    )


def disagreements_csv(listing: DisagreementListing) -> str:
    """The listing as CSV text (header :attr:`DisagreementListing.columns`)."""
    return table_text(listing.columns, ([r.get(c) for c in listing.columns] for r in listing.records()))


_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:.4rem .6rem;vertical-align:top;text-align:left}
th{background:#f3f3f3}
td.text{white-space:pre-wrap;max-width:40rem}
.disputed{background:#ffe3b3;font-weight:600}
.absent{color:#888;font-style:italic}
ul{margin:0;padding-left:1.1rem}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


#: The page's words in English and Indonesian (``lang`` of :func:`disagreements_html`).
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Coder disagreements", "source": "source", "span": "span", "unit": "unit", "text": "text",
        "disputed": "disputed", "no_code": "(no code)", "absent": NOT_CODED, "agree": "The coders agree on every unit.",
        "rows": "{n} unit(s) where coders differ.", "unit_is": "Unit: {unit}", "any": "any overlap",
        "share": "{share} of the unit", "overlap": " (coded when overlapped by {threshold})", "coders": "Coders",
        "codes": "Codes", "sources": "Sources", "highlight": "Codes in dispute are highlighted.",
    },
    "id": {
        "title": "Ketidaksepakatan pengode", "source": "sumber", "span": "rentang", "unit": "satuan",
        "text": "teks", "disputed": "diperselisihkan", "no_code": "(tanpa kode)",
        "absent": "(tidak mengode sumber ini)", "agree": "Para pengode sepakat pada setiap satuan.",
        "rows": "{n} satuan tempat pengode berbeda.", "unit_is": "Satuan: {unit}", "any": "tumpang tindih apa pun",
        "share": "{share} dari satuan", "overlap": " (dianggap berkode bila ditumpangi {threshold})",
        "coders": "Pengode", "codes": "Kode", "sources": "Sumber", "highlight": "Kode yang diperselisihkan disorot.",
    },
}
_UNITS_ID = {"characters": "karakter", "sentence": "kalimat", "paragraph": "paragraf", "turn": "giliran bicara",
             "excerpt": "kutipan", "document": "dokumen"}
_LANGS = tuple(_WORDS)


def _unit_name(label: str, lang: str) -> str:
    """``turn 9 (Uni Elfira)`` as ``giliran bicara 9 (Uni Elfira)`` in Indonesian (the kind's word only)."""
    kind, sep, rest = label.partition(" ")
    return f"{_UNITS_ID.get(kind, kind)}{sep}{rest}" if lang == "id" else label


def _codes_cell(codes: tuple[str, ...] | None, disputed: tuple[str, ...], w: dict[str, str]) -> str:
    if codes is None:
        return f'<td class="absent">{_e(w["absent"])}</td>'
    if not codes:
        return f"<td>{_e(w['no_code'])}</td>"
    items = "".join(
        f'<li class="disputed">{_e(c)}</li>' if c in disputed else f"<li>{_e(c)}</li>" for c in codes
    )
    return f"<td><ul>{items}</ul></td>"


def disagreements_html(listing: DisagreementListing, *, title: str | None = None, lang: str = "en") -> str:
    """A self-contained HTML page of the listing (inline CSS, no scripts); all text is escaped. ``lang``:
    the page's words, ``en`` or ``id`` (the codes, coders and transcript text as they are)."""
    if lang not in _WORDS:
        raise InputError(f"language {lang!r}: use one of {', '.join(_LANGS)}")
    w = _WORDS[lang]
    title = w["title"] if title is None else title
    unit = _unit_name(listing.unit, lang)
    columns = (w["source"], w["span"], w["unit"], w["text"], w["disputed"], *listing.coders)
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    body: list[str] = []
    for r in listing.rows:
        cells = [
            f"<td>{_e(r.source)}</td>",
            f"<td>{r.start}:{r.end}</td>",
            f"<td>{_e(_unit_name(r.unit, lang))}</td>",
            f'<td class="text">{_e(r.text)}</td>',
            f"<td>{_e(', '.join(r.disputed))}</td>",
            *(_codes_cell(r.codes.get(c), r.disputed, w) for c in listing.coders),
        ]
        body.append(f"<tr>{''.join(cells)}</tr>")
    threshold = w["any"] if listing.threshold is None else w["share"].format(share=f"{listing.threshold:g}")
    summary = (
        f"<p>{_e(w['rows'].format(n=len(listing.rows)))} {_e(w['unit_is'].format(unit=unit))}"
        + ("" if listing.unit in ("characters", "document") else _e(w["overlap"].format(threshold=threshold)))
        + f". {w['coders']}: {_e(', '.join(listing.coders))}. {w['codes']}: {_e(', '.join(listing.codes))}."
        + f" {w['sources']}: {_e(', '.join(listing.sources))}. {_e(w['highlight'])}</p>"
    )
    table = (
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        if body
        else f"<p>{_e(w['agree'])}</p>"
    )
    return (
        f"<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">"
        f"<title>{_e(title)}</title><style>{_CSS}</style></head>"
        f"<body><h1>{_e(title)}</h1>{summary}{table}</body></html>\n"
    )
