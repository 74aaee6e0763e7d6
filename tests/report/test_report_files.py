"""The findings report: HTML parsed for its sections and escaped quotes, Markdown escaped, the
DOCX opened with python-docx, user templates, empty projects; and the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import html as lxml_html

import makna
from makna.errors import InputError
from makna.report import build_report, write_report


def _html(path: Path) -> Any:
    return lxml_html.fromstring(path.read_bytes(), parser=lxml_html.HTMLParser(no_network=True, huge_tree=False))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_html_report_sections_and_escaping(coded: Any, tmp_path: Path, lang: str) -> None:
    files = write_report(coded, tmp_path / "out", lang)
    doc = _html(files.html)
    assert [s.get("id") for s in doc.xpath("//main/section")] == [
        "summary",
        "codebook",
        "themes",
        "conclusions",
        "matrices",
        "charts",
    ]
    assert not doc.xpath("//script") and not doc.xpath("//*[@src]") and not doc.xpath("//link")
    themes = doc.xpath("//section[@class='theme']")
    assert [t.xpath("string(h3)").split(" (")[0] for t in themes] == ["Pengalaman", "Tidak dipakai"]
    quotes = [q.text_content() for q in doc.xpath("//blockquote[@class='quote']")]
    assert any("<script>alert('x')</script>" in q for q in quotes)  # shown as text, not run
    raw = files.html.read_text(encoding="utf-8")
    assert "&lt;script&gt;" in raw and "<script>alert" not in raw
    assert "&lt;b&gt;informan&lt;/b&gt;" in raw
    counts = themes[0].xpath(".//table[@class='informant-counts']//tr[td]")
    assert [[c.text_content() for c in r.xpath("td")][2:] for r in counts] == [["2", "4"], ["2", "2"], ["2", "2"]]
    assert len(doc.xpath("//figure[@class='chart']/*[local-name()='svg']")) == 4
    cite = "giliran 2" if lang == "id" else "turn 2"
    assert any(cite in q and "Informan 1" in q for q in quotes)


def test_markdown_escapes_quotes(coded: Any, tmp_path: Path) -> None:
    md = write_report(coded, tmp_path, "en").markdown.read_text(encoding="utf-8")
    assert "<script>" not in md and "\\<script\\>" in md
    assert "\\*\\*bold\\*\\*" in md and "\\[link\\]" in md and "\\# heading \\| pipe" in md
    assert "## Themes" in md and "### Pengalaman (exp)" in md


def test_docx_informant_table(coded: Any, tmp_path: Path) -> None:
    files = write_report(coded, tmp_path, "en")
    d = docx.Document(str(files.docx))
    heads = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert "Themes" in heads and "Pengalaman (exp)" in heads
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
    informants = next(t for t in tables if t[0] == ["Code", "Name", "Informants", "Segments"])
    assert informants[1:] == [
        ["exp", "Pengalaman", "2", "4"],
        ["  exp.neg", "Ditipu", "2", "2"],
        ["  exp.pos", "Hadiah", "2", "2"],
    ]
    assert any("<script>alert('x')</script>" in p.text for p in d.paragraphs)
    assert len(d.inline_shapes) == 4


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a4_pages_names_on_charts_and_plain_markdown(coded: Any, tmp_path: Path, lang: str) -> None:
    """#12: an A4 page (a thesis page) in the DOCX and in the HTML print style, charts that label codes
    by name, and Markdown without HTML entities such as &nbsp;."""
    files = write_report(coded, tmp_path / lang, lang)
    section = docx.Document(str(files.docx)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert "@page { size: A4;" in files.html.read_text(encoding="utf-8")
    md = files.markdown.read_text(encoding="utf-8")
    assert "&nbsp;" not in md and "&" not in md.replace("\\&", "")
    assert "| · exp.neg | Ditipu |" in md
    for chart in ("frequency", "hierarchy", "heatmap"):
        svg = (files.html.parent / f"{chart}.svg").read_text(encoding="utf-8")
        assert ">Ditipu" in svg and ">exp.neg<" not in svg and ">exp.neg " not in svg, chart


def test_user_templates_override(coded: Any, tmp_path: Path) -> None:
    tpl = tmp_path / "tpl"
    tpl.mkdir()
    (tpl / "report.html.j2").write_text(
        "<p>{{ r.project_name }} {{ r.themes[0].sections[0].quotes[0].text }}</p>", encoding="utf-8"
    )
    files = write_report(coded, tmp_path / "out", "en", templates=tpl)
    out = files.html.read_text(encoding="utf-8")
    assert out.startswith("<p>Test project ") and "&lt;script&gt;" in out
    assert "## Themes" in files.markdown.read_text(encoding="utf-8")  # shipped Markdown template
    with pytest.raises(InputError):
        write_report(coded, tmp_path / "o2", "en", templates=tmp_path / "missing")
    with pytest.raises(InputError):
        write_report(coded, tmp_path / "o3", "fr")


def test_empty_project_report(project: Any, tmp_path: Path) -> None:
    files = write_report(project, tmp_path, "en")
    doc = _html(files.html)
    assert "no coded segments" in doc.xpath("string(//section[@id='summary'])")
    assert docx.Document(str(files.docx)).tables
    makna.add_code(project, "alone", "Alone")
    data = build_report(project, lang="en")
    assert data.empty and data.themes[0].stats.segments == 0


def test_many_cases_are_summarised_not_tabled(project: Any) -> None:
    makna.import_text(project, "s.txt", "I: kata kata\n")
    makna.add_code(project, "a")
    makna.code_turn(project, "s.txt", 1, "a")
    with project.store.batch():
        for i in range(45):
            makna.add_case(project, f"C{i:02d}")
            makna.link_source(project, f"C{i:02d}", "s.txt")
    data = build_report(project, lang="en")
    assert data.notes and "45 cases" in data.notes[0]
    assert all(m.title != data.text["matrix_case"] for m in data.matrices)
