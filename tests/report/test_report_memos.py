"""The report lists the project's memos and the memos on codes (#13), escaped in every format."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

import makna


@pytest.mark.parametrize("lang", ["en", "id"])
def test_memos_in_every_report_format(coded: Any, tmp_path: Path, lang: str) -> None:
    makna.add_memo(coded, "project", None, "Fokus pada <b>kepercayaan</b>", title="Arah")
    makna.add_memo(coded, "code", "exp.neg", "Penipuan sering terjadi lewat transfer")
    makna.add_memo(coded, "source", "informan-01.txt", "Tidak masuk laporan")
    files = makna.write_report(coded, tmp_path, lang)
    html = files.html.read_text(encoding="utf-8")
    heading = "Memos" if lang == "en" else "Memo"
    assert f'<section id="memos">\n<h2>{heading}</h2>' in html
    assert "Fokus pada &lt;b&gt;kepercayaan&lt;/b&gt;" in html and "<b>kepercayaan</b>" not in html
    assert "<b>Ditipu</b>: <span class=\"memo\">Penipuan sering terjadi lewat transfer</span>" in html
    assert "Tidak masuk laporan" not in html
    md = files.markdown.read_text(encoding="utf-8")
    assert f"## {heading}" in md and "Penipuan sering terjadi lewat transfer" in md
    with zipfile.ZipFile(files.docx) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "Penipuan sering terjadi lewat transfer" in body and heading in body


def test_no_memo_section_without_memos(coded: Any, tmp_path: Path) -> None:
    assert 'id="memos"' not in makna.write_report(coded, tmp_path, "en").html.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_empty_matrix_section_without_cases(project: Any, tmp_path: Path, lang: str) -> None:
    """A study coded before its cases are set up (a team's first round) has no matrix: the report leaves out the
    heading rather than print it above nothing."""
    makna.import_text(project, "a.txt", "P: Apa?\nI: Saya pernah ditipu.\n", language="id")
    makna.add_code(project, "neg", "Ditipu")
    makna.code_turn(project, "a.txt", 2, "neg")
    files = makna.write_report(project, tmp_path, lang)
    heading = "Matrices" if lang == "en" else "Matriks"
    html = files.html.read_text(encoding="utf-8")
    assert 'id="matrices"' not in html and 'href="#matrices"' not in html
    assert f"## {heading}" not in files.markdown.read_text(encoding="utf-8")
    with zipfile.ZipFile(files.docx) as z:
        assert f">{heading}<" not in z.read("word/document.xml").decode("utf-8")
    assert 'id="matrices"' in makna.write_report(_with_case(project), tmp_path / "cases", lang).html.read_text(
        encoding="utf-8")


def _with_case(project: Any) -> Any:
    makna.add_case(project, "Informan 1")
    makna.link_source(project, "Informan 1", "a.txt")
    return project
