"""A memo without an author (a QualCoder project's memo, which QualCoder keeps without an owner) is listed in the
report without an empty "()" after it (trial18: "... kontak Bu Kartini Uneh ()")."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

import makna
from makna.store import tables


@pytest.mark.parametrize("lang", ["en", "id"])
def test_memo_without_author_has_no_empty_parentheses(coded: Any, tmp_path: Path, lang: str) -> None:
    memo = makna.add_memo(coded, "project", None, "Catatan proyek dari QualCoder", title="QualCoder project memo")
    makna.add_memo(coded, "code", "exp.neg", "Penipuan lewat transfer")
    with coded.store.write(coded.actor, "test.memo.anonymous", {}) as conn:  # as an import without an owner leaves it
        conn.execute(update(tables.memos).where(tables.memos.c.id == memo.id).values(coder_id=None))
    files = makna.write_report(coded, tmp_path, lang)
    md = files.markdown.read_text(encoding="utf-8")
    assert "Catatan proyek dari QualCoder\n" in md and "Catatan proyek dari QualCoder ()" not in md
    assert "Penipuan lewat transfer (" in md  # a memo with an author still names it
    html = files.html.read_text(encoding="utf-8")
    assert "Catatan proyek dari QualCoder</span></li>" in html and "<small>()</small>" not in html
    with zipfile.ZipFile(files.docx) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "Catatan proyek dari QualCoder" in body and "Catatan proyek dari QualCoder (" not in body
