"""The findings report: ``report.html`` (self-contained), ``report.md`` and ``report.docx``, with
the charts as SVG (and PNG) files beside them.

:mod:`makna.report.model` computes the report as data (core, no templates); the ``render_*``
modules turn it into files (Jinja2 templates for HTML and Markdown, which users can override with
their own ``report.html.j2`` / ``report.md.j2`` in a folder; python-docx for Word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..holds import require_none_held
from ..project import Project
from .i18n import LANGS
from .model import ReportData, build_report

__all__ = ["ReportFiles", "write_report", "build_report", "ReportData", "report_language", "LANGUAGE_NAMES"]

#: The report languages by their English names (as messages say them).
LANGUAGE_NAMES = {"id": "Indonesian", "en": "English"}
_HTML_LANG = re.compile(r'<html\s[^>]*\blang="([A-Za-z-]+)"')


@dataclass(frozen=True)
class ReportFiles:
    folder: Path
    html: Path
    markdown: Path
    docx: Path
    charts: list[Path] = field(default_factory=list)


def write_report(project: Project, out_dir: str | Path, lang: str = "id", *, templates: str | Path | None = None,
                 quotes: int = 2, png: bool = True, coder: str | None = None) -> ReportFiles:
    """Write the report in ``lang`` (``id`` or ``en``) into ``out_dir`` (created if needed); with ``coder``, from
    that coder's codings only (:func:`~makna.report.model.build_report`). A folder holding the report in the other
    language is refused (nothing is written): its files would be replaced by this one's."""
    from .render_docx import render_docx
    from .render_html import render_html
    from .render_markdown import render_markdown

    if lang not in LANGS:
        raise InputError(f"report language {lang!r}: use {' or '.join(LANGS)}")
    require_none_held(project, "a report")  # its names as written, or a report silent about a source left out
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: exists and is not a folder")
    folder.mkdir(parents=True, exist_ok=True)
    data = build_report(project, lang=lang, quotes=quotes, coder=coder)  # its refusals (a coder unknown) first
    held = report_language(folder)
    if held is not None and held != lang:
        raise InputError(
            f"{folder}: holds the {LANGUAGE_NAMES[held]} report, which the {LANGUAGE_NAMES[lang]} one would replace: "
            f"to keep both, write it to another folder with -o (such as {folder.name}-{lang}); to replace it, "
            "remove that folder's report first"
        )
    html = folder / "report.html"
    html.write_text(render_html(data, templates=templates), encoding="utf-8")
    md = folder / "report.md"
    md.write_text(render_markdown(data, templates=templates), encoding="utf-8")
    pictures: dict[str, bytes] = {}  # each chart drawn as PNG once, for its file and the Word document (polish24)
    for c in data.charts:
        try:
            pictures[c.name] = c.figure.png()
        except InputError:  # no Pillow: SVG charts only, and a Word document without pictures
            break
    docx = render_docx(data, folder / "report.docx", pictures)
    charts: list[Path] = []
    for c in data.charts:
        charts.append(c.figure.save(folder / f"{c.name}.svg"))
        if png and c.name in pictures:
            path = folder / f"{c.name}.png"
            path.write_bytes(pictures[c.name])
            charts.append(path)
    return ReportFiles(folder, html, md, docx, charts)


def report_language(folder: str | Path) -> str | None:
    """The language of the report in ``folder`` (from its ``report.html``), or None when it holds none or
    its language cannot be told (a template of one's own without ``<html lang>``)."""
    html = Path(folder) / "report.html"
    if not html.is_file():
        return None
    with html.open(encoding="utf-8", errors="replace") as fh:
        found = _HTML_LANG.search(fh.read(4096))
    lang = found.group(1).split("-")[0].lower() if found else None
    return lang if lang in LANGUAGE_NAMES else None
