"""The report as one self-contained HTML file (inline CSS and SVG; no scripts, no links out), from
the Jinja2 template ``report.html.j2`` with autoescaping on: transcript text cannot run or format."""

from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ._templates import template_dirs
from .i18n import percent
from .model import ReportData

__all__ = ["render_html"]


@functools.lru_cache(maxsize=8)
def _environment(dirs: tuple[str, ...], lang: str) -> Environment:
    """One environment per template folders and language, kept: it compiles the template once per process (0.3 s
    a report before, polish24) and compiles it again when a file changes (Jinja checks their times)."""
    env = Environment(loader=FileSystemLoader(list(dirs)),
                      autoescape=select_autoescape(default=True, default_for_string=True), keep_trailing_newline=True)
    env.filters["percent"] = functools.partial(percent, lang=lang)
    return env


def render_html(data: ReportData, *, templates: str | Path | None = None) -> str:
    env = _environment(tuple(template_dirs(templates)), data.lang)
    return env.get_template("report.html.j2").render(r=data, t=data.text)
