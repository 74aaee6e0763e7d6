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


def _docx_with_header(path: Path, header: str | None) -> Path:
    import docx

    doc = docx.Document()
    if header is not None:
        doc.sections[0].header.paragraphs[0].text = header
    # each file its own last line: two files of one text are one source, refused as a duplicate (product19)
    for line in ("Pewawancara: Sejak kapan?", "Informan: Sejak menikah.", "Pewawancara: Lalu?", f"Informan: Ya, {path.stem}."):
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


def test_a_docx_page_header_left_out_is_named_in_a_note_without_its_text(tmp_path: Path) -> None:
    from makna.importers import read_document

    header = "Informan: Ibu Contoh Fiktif, 41 tahun, HP 0812-5550-0000"
    notes = read_document(_docx_with_header(tmp_path / "a.docx", header)).notes
    assert notes == [
        f"the page header ({len(header)} characters) is not imported: copy what it says into the body if the "
        "transcript needs it (and de-identify it there)"
    ]
    assert read_document(_docx_with_header(tmp_path / "b.docx", None)).notes == []


def test_import_shows_the_readers_notes(project: Any, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from makna.cli import app
    from makna.sources import import_paths

    folder = tmp_path / "in"
    folder.mkdir()
    _docx_with_header(folder / "informan-01.docx", "Informan 1, Desa Contoh")
    (folder / "wa.txt").write_text(
        "12/02/26 19.02 - Ani: halo\n12/02/26 19.03 - Budi: ya\n12/02/26 19.04 - Ani: lagi\n", encoding="utf-8"
    )
    report = import_paths(project, [folder])
    assert sorted((Path(p).name, n.split(" (")[0]) for p, n in report.notes) == [
        ("informan-01.docx", "the page header"),
        ("wa.txt", "WhatsApp dates are ambiguous"),
    ]
    got: list[str] = []
    makna.import_file(project, _docx_with_header(tmp_path / "c.docx", "x"), on_note=got.append)
    assert len(got) == 1 and got[0].startswith("the page header (1 characters)")

    runner = CliRunner()
    path = str(tmp_path / "cli.makna")
    assert runner.invoke(app, ["init", path]).exit_code == 0
    one = runner.invoke(app, ["import", str(folder / "informan-01.docx"), "-p", path])
    assert one.exit_code == 0 and f"Note: {folder / 'informan-01.docx'}: the page header (" in one.output
    many = runner.invoke(app, ["import", str(folder), "-p", path])
    assert f"Note: {folder / 'wa.txt'}: WhatsApp dates are ambiguous" in many.output
    assert "informan-01.docx: the page header" not in many.output  # a duplicate, not imported again: no note


def test_a_coders_copy_made_beside_the_project_says_commands_here_now_need_p(tmp_path: Path, monkeypatch: Any) -> None:
    from typer.testing import CliRunner

    from makna.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MAKNA_PROJECT", raising=False)
    runner = CliRunner()
    assert runner.invoke(app, ["init", "study.makna"]).exit_code == 0
    (tmp_path / "out").mkdir()
    elsewhere = runner.invoke(app, ["copy", str(tmp_path / "out" / "study-budi.makna"), "--coder", "budi"])
    assert elsewhere.exit_code == 0 and "Note:" not in elsewhere.output
    beside = runner.invoke(app, ["copy", "study-budi.makna", "--coder", "budi"])
    assert beside.exit_code == 0
    assert "Note: this folder now holds two projects, so a command here without -p" in beside.output
    assert "several *.makna files" in runner.invoke(app, ["stats"]).output


def test_a_command_under_the_login_name_in_a_project_of_other_coders_says_so(tmp_path: Path, monkeypatch: Any) -> None:
    import getpass

    from typer.testing import CliRunner

    from makna.cli import app

    login = getpass.getuser()
    path = str(tmp_path / "s.makna")
    runner = CliRunner()
    monkeypatch.setenv("MAKNA_CODER", "ana-" + login)  # a coder name other than the login name
    assert runner.invoke(app, ["init", path]).exit_code == 0
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    assert runner.invoke(app, ["import", str(tmp_path / "t.txt"), "-p", path]).exit_code == 0
    assert runner.invoke(app, ["codebook", "add", "exp", "-p", path]).exit_code == 0
    assert runner.invoke(app, ["code", "exp", "-s", "t.txt", "--turn", "2", "-p", path]).exit_code == 0
    set_ = runner.invoke(app, ["stats", "-p", path])
    assert "Note: acting as" not in set_.output
    monkeypatch.delenv("MAKNA_CODER")  # a new terminal
    unset = runner.invoke(app, ["code", "exp", "-s", "t.txt", "--turn", "4", "-p", path])
    assert unset.exit_code == 0
    assert f"Note: acting as {login!r}, your login name ($MAKNA_CODER is not set)" in unset.output
    assert f"(its coders: ana-{login});" in unset.output
    given = runner.invoke(app, ["code", "exp", "-s", "t.txt", "--turn", "2", "-p", path, "--coder", "budi"])
    assert given.exit_code == 0 and "Note: acting as" not in given.output
    read = runner.invoke(app, ["codebook", "delete", "exp", "-p", path])  # no coding as the login name: no note
    assert read.exit_code == 2 and read.output.startswith("Error: code 'exp' has")
    again = runner.invoke(app, ["code", "exp", "-s", "t.txt", "--turn", "1", "-p", path])
    assert again.exit_code == 0 and "Note: acting as" not in again.output  # a coder now: said when it mattered


def test_a_coder_copy_acts_as_its_coder_without_a_login_name_note(tmp_path: Path, monkeypatch: Any) -> None:
    """In a copy made for budi (makna copy --coder budi) the coder is the copy's, not the login name: a new
    terminal without $MAKNA_CODER codes as budi, and no note calls budi the login name (#11, newuser16)."""
    import getpass

    from typer.testing import CliRunner

    from makna.cli import app

    login = getpass.getuser()
    path, copy = str(tmp_path / "s.makna"), str(tmp_path / "s-budi.makna")
    runner = CliRunner()
    monkeypatch.setenv("MAKNA_CODER", "ana-" + login)
    assert runner.invoke(app, ["init", path]).exit_code == 0
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    assert runner.invoke(app, ["import", str(tmp_path / "t.txt"), "-p", path]).exit_code == 0
    assert runner.invoke(app, ["codebook", "add", "exp", "-p", path]).exit_code == 0
    assert runner.invoke(app, ["code", "exp", "-s", "t.txt", "--turn", "2", "-p", path]).exit_code == 0
    assert runner.invoke(app, ["copy", copy, "-p", path, "--coder", "budi"]).exit_code == 0
    monkeypatch.delenv("MAKNA_CODER")  # budi's own terminal
    coded = runner.invoke(app, ["code", "exp", "-s", "t.txt", "--turn", "4", "-p", copy])
    assert coded.exit_code == 0
    assert "your login name" not in coded.output
    with makna.open_project(copy) as proj:
        assert {c.name for c in proj.coders() if c.kind == "person"} >= {"budi"}
