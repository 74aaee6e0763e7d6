"""The report as a Word document a student can paste into a thesis (python-docx): headings,
tables of informant counts, quotes, matrices, and the charts as pictures (PNG, with Pillow).

The page is A4 with 2.5 cm margins in every language (the thesis page in Indonesia; python-docx's
own default is US Letter). The HTML report prints on A4 too (CSS ``@page``)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Cm, Inches, Mm, Pt

from ..analysis.matrices import CrossTable
from .i18n import percent
from .model import CodeStats, ReportData

__all__ = ["render_docx"]


def _titled(stats: CodeStats) -> str:
    """A theme's or code's heading: its name, and its key where the key says more than the name."""
    return f"{stats.name} ({stats.shown_key})" if stats.shown_key else stats.name


def _table(doc: Any, header: list[str], rows: list[list[Any]]) -> Any:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)
    return table


def _matrix(doc: Any, m: CrossTable, code: str, total: str, lang: str, max_columns: int = 12) -> None:
    page = m.page(0, max_columns)
    pct = page.column_percentages()
    rows = [[r, *[f"{v} ({percent(p, lang)}%)" if page.column_bases else v
                  for v, p in zip(cells, pcts, strict=True)], t]
            for r, cells, pcts, t in zip(page.rows, page.cells, pct, m.row_totals, strict=True)]
    _table(doc, [code, *page.columns, total], rows)


def render_docx(data: ReportData, path: str | Path, pictures: Mapping[str, bytes] | None = None) -> Path:
    """Write the report as a Word document; ``pictures``: the charts' PNG bytes by chart name, drawn already (a
    chart missing from it goes without its picture); None: drawn here."""
    t = data.text
    doc = Document()
    for section in doc.sections:  # A4, not python-docx's US Letter
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(2.5)
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(f"{t['title']}: {data.project_name}", level=0)
    doc.add_paragraph(t["generated"].format(date=data.generated))
    doc.add_heading(t["summary"], level=1)
    _table(doc, ["", ""], [[t[k], data.counts[k]] for k in ("sources", "cases", "codes", "segments", "coders")])
    if data.empty:
        doc.add_paragraph(t["empty"])
    for note in data.notes:
        doc.add_paragraph(note)
    doc.add_heading(t["codebook"], level=1)
    doc.add_paragraph(t["rollup"])
    _table(doc, [t["code"], t["name"], t["definition"], t["informants"], t["segments"]],
           [["  " * c.depth + c.shown_key, c.name, c.definition, c.informants, c.segments] for c in data.codebook])
    doc.add_heading(t["themes"], level=1)
    for th in data.themes:
        doc.add_heading(_titled(th.stats), level=2)
        doc.add_paragraph(t["theme_counts"].format(n=th.stats.informants, s=th.stats.segments)).runs[0].italic = True
        if th.stats.definition:
            doc.add_paragraph(th.stats.definition)
        _table(doc, [t["code"], t["name"], t["informants"], t["segments"]],
               [["  " * c.depth + c.shown_key, c.name, c.informants, c.segments] for c in th.codes])
        for sec in th.sections:
            doc.add_heading(_titled(sec.stats), level=3)
            doc.add_paragraph(t["theme_counts"].format(n=sec.stats.informants, s=sec.stats.segments))
            for q in sec.quotes:
                where = f"{q.source}, {t['turn']} {q.turn}" if q.turn else f"{q.source}, {q.start}:{q.end}"
                p = doc.add_paragraph(style="Quote")
                p.add_run(f"“{q.text}”")
                p.add_run(f"\n— {q.case + ', ' if q.case else ''}{where}").italic = True
    if data.conclusions:
        doc.add_heading(t["conclusions"], level=1)
        doc.add_paragraph(t["conclusions_note"]).runs[0].italic = True
        for conclusion in data.conclusions:
            p = doc.add_paragraph()
            p.add_run(f"{conclusion.name}. ").bold = True
            p.add_run(" ".join(conclusion.sentences))
    if data.deid:
        doc.add_heading(t["deid"], level=1)
        for para in data.deid:
            doc.add_paragraph(para)
    if data.memos:
        doc.add_heading(t["memos"], level=1)
        for memo in data.memos:
            p = doc.add_paragraph(style="List Bullet")
            title = f" · {memo.title}" if memo.title else ""
            p.add_run(f"{t['project'] if memo.kind == 'project' else memo.target}{title}: ").bold = True
            p.add_run(f"{memo.text} ({memo.coder})" if memo.coder else memo.text)
    if data.matrices:
        doc.add_heading(t["matrices"], level=1)
    for m in data.matrices:
        doc.add_heading(m.title, level=2)
        _matrix(doc, m, t["code"], t["total"], data.lang)
    if data.charts:
        doc.add_heading(t["charts"], level=1)
        for c in data.charts:
            if pictures is not None:
                if c.name not in pictures:
                    continue
                png = pictures[c.name]
            else:
                try:
                    png = c.figure.png(scale=2.0)
                except Exception:  # noqa: BLE001 - no Pillow: the document goes without pictures
                    break
            doc.add_picture(io.BytesIO(png), width=Inches(min(6.2, c.figure.width / 96)))
            doc.add_paragraph(c.title)
    out = Path(path)
    doc.save(str(out))
    return out
