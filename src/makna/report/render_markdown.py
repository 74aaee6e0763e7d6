"""The report as Markdown, from the Jinja2 template ``report.md.j2``. Every value the template
prints is Markdown-escaped (so a quote cannot add headings, links, tables or HTML) unless the
template marks it with ``raw()``."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from ._templates import template_dirs
from .i18n import percent
from .model import ReportData

__all__ = ["render_markdown", "md_escape"]

_SPECIAL = "\\`*_[]{}<>#|!~&$"
_LEAD = re.compile(r"^(\d+)([.)])|^([-+=])")


def md_escape(text: str) -> str:
    """``text`` with Markdown and HTML control characters backslash-escaped, on one line (a
    leading list or heading marker too)."""
    flat = " ".join(str(text).split())
    out = "".join("\\" + ch if ch in _SPECIAL else ch for ch in flat)
    return _LEAD.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else "\\" + m.group(3), out)


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, (int, float)):
        return value
    return md_escape(str(value))


@functools.lru_cache(maxsize=8)
def _environment(dirs: tuple[str, ...], lang: str) -> Environment:
    """One environment per template folders and language, kept (see :func:`.render_html._environment`)."""
    env = Environment(loader=FileSystemLoader(list(dirs)), autoescape=False, finalize=_finalize,
                      keep_trailing_newline=True, trim_blocks=False)
    env.filters["percent"] = lambda value: Markup(percent(value, lang))  # a number: nothing to escape
    env.globals["raw"] = Markup
    return env


def render_markdown(data: ReportData, *, templates: str | Path | None = None) -> str:
    return _environment(tuple(template_dirs(templates)), data.lang).get_template("report.md.j2").render(
        r=data, t=data.text)
