"""Percentages in the code x attribute tables are written as the report's language writes them: a decimal
comma in Indonesian (a new user's trial, trial6, found ``100.0%`` and ``66.7%`` in the Indonesian report)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from makna.report import write_report
from makna.report.i18n import percent


@given(st.integers(0, 1000), st.integers(1, 1000))
def test_percent_has_one_decimal_in_the_language_s_separator(part: int, whole: int) -> None:
    value = round(100.0 * part / whole, 1)
    en, idn = percent(value, "en"), percent(value, "id")
    assert float(en) == value and idn == en.replace(".", ",") and re.fullmatch(r"\d+,\d", idn)


@pytest.mark.parametrize(
    ("lang", "shape", "wrong"), [("id", r"\(\d+,\d%\)", r"\(\d+\.\d%\)"), ("en", r"\(\d+\.\d%\)", r"\(\d+,\d%\)")]
)
def test_report_percentages_in_its_language(coded: Any, tmp_path: Path, lang: str, shape: str, wrong: str) -> None:
    paths = write_report(coded, tmp_path / "r", lang=lang, png=False)
    text = {p.suffix: p for p in [paths.html, paths.markdown, paths.docx]}
    md = text[".md"].read_text(encoding="utf-8")
    html = text[".html"].read_text(encoding="utf-8")
    word = "\n".join(c.text for t in docx.Document(str(text[".docx"])).tables for r in t.rows for c in r.cells)
    for body in (md, html, word):
        assert re.search(shape, body) and not re.search(wrong, body)
