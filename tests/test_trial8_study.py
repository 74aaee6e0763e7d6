"""A thesis student's study walked end to end (an eighth trial, #11): a passage two coders coded is one
exemplar quote, and a quote from a .docx table of turns does not start with the cell separator."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import makna
from makna.exemplars import exemplar_quotes, quote_text
from makna.report.model import build_report

TEXT = (
    "P: Bagaimana Ibu membayar utang?\nI: Saya bayar waktu suami pulang melaut. Kadang saya malu.\n"
    "P: Kenapa tetap meminjam?\nI: Demi anak sekolah.\n"
)


def _two_coders(project: Any) -> None:
    makna.import_text(project, "istri-nelayan.txt", TEXT, language="id")
    makna.add_code(project, "exp", "Pengalaman")
    makna.add_code(project, "exp.shame", "Malu", parent="exp")
    makna.add_case(project, "Informan 1")
    makna.link_source(project, "Informan 1", "istri-nelayan.txt")
    makna.code_turn(project, "istri-nelayan.txt", 2, "exp.shame")
    makna.code_turn(project, "istri-nelayan.txt", 2, "exp.shame", coder="budi")  # the second coder, same turn


def test_a_passage_two_coders_coded_is_quoted_once(project: Any) -> None:
    _two_coders(project)
    quotes = exemplar_quotes(project, "exp.shame", 2)
    assert [q.text for q in quotes] == ["Saya bayar waktu suami pulang melaut. Kadang saya malu."]
    assert len(exemplar_quotes(project, "exp", 5, descendants=True)) == 1


def test_the_report_quotes_a_passage_two_coders_coded_once(project: Any) -> None:
    _two_coders(project)
    data = build_report(project, lang="id", quotes=2, charts=False)
    quoted = [q.text for theme in data.themes for sec in theme.sections for q in sec.quotes]
    assert quoted == ["Saya bayar waktu suami pulang melaut. Kadang saya malu."]


def test_a_docx_table_row_is_quoted_without_the_cell_separator(project: Any, tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    table = doc.add_table(rows=0, cols=2)
    for speaker, said in [
        ("Pewawancara:", "Sejak kapan Ibu berutang?"),
        ("Informan:", "Sejak anak sekolah."),
        ("Pewawancara:", "Kepada siapa?"),
        ("Informan:", "Kepada toke."),
    ]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = speaker, said
    buf = io.BytesIO()
    doc.save(buf)
    (tmp_path / "informan.docx").write_bytes(buf.getvalue())
    makna.import_file(project, tmp_path / "informan.docx")
    makna.add_code(project, "debt")
    makna.code_turn(project, "informan.docx", 2, "debt")
    assert [q.text for q in exemplar_quotes(project, "debt")] == ["Sejak anak sekolah."]
    assert quote_text("Informan: | Kepada toke.") == "Kepada toke."
    assert quote_text("a | b") == "a | b"  # a bar inside what was said stays
