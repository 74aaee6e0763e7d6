"""Surveys (.csv, .xlsx with open questions): a source and a case per respondent (trial13 #2)."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from survey_files import HEADER, ROWS, survey_csv, survey_xlsx

import makna
from makna.errors import DuplicateSourceError, ImportFormatError, InputError, MaknaError
from makna.importers.survey import ANSWER_CHARS, read_survey
from makna.store import tables

CSV = Path("kuesioner.csv")
XLSX = Path("kuesioner.xlsx")


def _roles(survey: Any) -> tuple[Any, list[str], list[str]]:
    return survey.id_column, survey.answer_columns, survey.attribute_columns


@pytest.mark.parametrize("path,data", [(CSV, survey_csv().encode()), (XLSX, survey_xlsx())], ids=["csv", "xlsx"])
def test_each_respondent_is_a_text_of_turns_headed_by_the_question(path: Path, data: bytes) -> None:
    survey = read_survey(path, data)
    assert _roles(survey) == ("Respondent", HEADER[3:], ["Age band", "Site"])
    assert [r.name for r in survey.respondents] == ["R1", "R2", "R3"]
    first = survey.respondents[0]
    assert first.text == f"{HEADER[3]}\n{ROWS[0][3]}\n\n{HEADER[4]}\n{ROWS[0][4]}"
    assert [(t.speaker, first.text[t.start : t.end]) for t in first.turns] == [
        (HEADER[3], f"{HEADER[3]}\n{ROWS[0][3]}"),
        (HEADER[4], f"{HEADER[4]}\n{ROWS[0][4]}"),
    ]
    assert first.attributes == {"Age band": "25-34", "Site": "Surabaya"}
    # empty cells: an unanswered question is no turn, an empty attribute no value
    assert [t.speaker for t in survey.respondents[1].turns] == [HEADER[3]]
    assert survey.respondents[2].attributes == {"Site": "Makassar"}


def test_csv_quotes_with_line_breaks_dialect_and_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", 'José dari Kupang bilang: "kerja di pelabuhan"\r\nbaris kedua')
    rows = [["R1", "Kupang", decomposed + " dan seterusnya sampai sore hari"]]
    data = survey_csv(["ID", "Kota", "Cerita Anda?"], rows, delimiter=";").encode()
    survey = read_survey(CSV, data)
    text = survey.respondents[0].text
    assert unicodedata.is_normalized("NFC", text) and "\r" not in text
    assert text.startswith('Cerita Anda?\nJosé dari Kupang bilang: "kerja di pelabuhan"\nbaris kedua')
    assert any("';'" in note for note in survey.notes)


@pytest.mark.parametrize("codec", ["cp1252", "utf-16", "utf-8-sig"])
def test_odd_encodings(codec: str) -> None:
    rows = [["1", "Bandung", "Café kecil di ujung jalan, pemiliknya Ibu Siti yang ramah sekali"]]
    survey = read_survey(CSV, survey_csv(["No", "Kota", "Tempat favorit?"], rows).encode(codec))
    assert "Café kecil" in survey.respondents[0].text
    assert survey.respondents[0].name == "respondent-1"  # "No" is no id column's name
    assert survey.respondents[0].attributes == {"No": "1", "Kota": "Bandung"}


def test_the_user_names_the_columns() -> None:
    data = survey_csv().encode()
    survey = read_survey(CSV, data, id_column="site", answer_columns=["What would you change?"])
    assert _roles(survey) == (
        "Site",
        ["What would you change?"],
        ["Respondent", "Age band", "What do you like about your work?"],
    )
    assert [r.name for r in survey.respondents] == ["Surabaya", "Makassar"]  # Leeds answered nothing there
    assert any("1 row(s) with no open answer" in n for n in survey.notes)
    with pytest.raises(InputError, match=r"kuesioner\.csv: --survey-answers 'Nope': no such column"):
        read_survey(CSV, data, answer_columns=["Nope"])
    with pytest.raises(InputError, match="not all given and different"):
        read_survey(CSV, data, id_column="Age band")  # R3 gave none


@pytest.mark.parametrize(
    "data,why",
    [
        (b"just one line of text, no rows\n", "a row naming the columns"),
        (b"name\nAlice\nBob\n", "one column"),
        (b"id,site,role\n1,Leeds,driver\n2,Bogor,cook\n", f"longer than {ANSWER_CHARS} characters"),
        (b"\x00\x01\x02binary" * 10, "binary"),
        (
            b"name,description,sources\nInforman 1,Seorang pengemudi ojek daring di Medan sejak tahun lalu,a.txt\n",
            "cases file",
        ),
    ],
    ids=["no-rows", "one-column", "no-answers", "binary", "cases-file"],
)
def test_a_sheet_that_is_no_survey_is_one_line_naming_the_file(data: bytes, why: str) -> None:
    with pytest.raises(ImportFormatError) as err:
        read_survey(CSV, data)
    message = str(err.value)
    assert message.startswith("kuesioner.csv: ") and why in message and "\n" not in message


def test_a_huge_cell_is_refused_clearly() -> None:
    rows = [["R1", "Leeds", "panjang " * 200_000]]
    with pytest.raises(ImportFormatError, match=r"^kuesioner\.csv: not a survey \(unreadable as CSV: field larger"):
        read_survey(CSV, survey_csv(["id", "site", "answer"], rows).encode())
    big = [["R1", "Leeds", "x" * 200_000]]  # over csv's default limit of 131,072, under makna's
    assert len(read_survey(CSV, survey_csv(["id", "site", "answer"], big).encode()).respondents[0].text) > 200_000


def test_a_formula_is_never_evaluated() -> None:
    data = survey_xlsx(formulas={"B2": ('CONCAT("25","-34")', "25-34"), "C3": ('WEBSERVICE("http://x")', None)})
    survey = read_survey(XLSX, data)
    assert survey.respondents[0].attributes["Age band"] == "25-34"  # the value saved with it
    assert "Site" not in survey.respondents[1].attributes  # none saved: nothing fetched, nothing computed
    assert any("2 formula cell(s)" in n and "no formula was evaluated" in n for n in survey.notes)


def test_external_links_are_never_read() -> None:
    link = (
        b'<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><!DOCTYPE x></externalLink>'
    )
    survey = read_survey(XLSX, survey_xlsx(extra={"xl/externalLinks/externalLink1.xml": link}))
    assert len(survey.respondents) == 3


def test_xlsx_dtd_and_zip_bomb_are_refused() -> None:
    dtd = b'<!DOCTYPE w [<!ENTITY a "aaaa">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    with pytest.raises(ImportFormatError, match="declares a DTD"):
        read_survey(XLSX, survey_xlsx(sheet_xml=dtd))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", b"<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (50 * 1024 * 1024) + b"/>")
    with pytest.raises(ImportFormatError, match=r"kuesioner\.xlsx: .*zip bomb"):
        read_survey(XLSX, buf.getvalue())
    sparse = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + "".join(f'<row r="{r}"><c r="XFD{r}" t="inlineStr"><is><t>a</t></is></c></row>' for r in range(1, 1300))
        + "</sheetData></worksheet>"
    ).encode()
    with pytest.raises(ImportFormatError, match="over the limit of"):
        read_survey(XLSX, survey_xlsx(sheet_xml=sparse))


def test_import_survey_makes_sources_and_cases_in_one_transaction(project: makna.Project, tmp_path: Path) -> None:
    path = tmp_path / "kuesioner.xlsx"
    path.write_bytes(survey_xlsx())
    done = makna.import_survey(project, path)
    assert [s.name for s in done.sources] == ["R1", "R2", "R3"]
    assert makna.get_turns(project, "R1")[1].speaker == HEADER[4]
    cases = {c.name: c for c in makna.list_cases(project)}
    assert cases["R1"].values == {"Age band": "25-34", "Site": "Surabaya"}
    links = makna.list_links(project)
    assert {(link.case_id, link.source_id) for link in links} == {(cases[s.name].id, s.id) for s in done.sources}
    with project.store.read() as conn:
        events = conn.execute(select(func.count()).select_from(tables.events)).scalar_one()
    with pytest.raises(DuplicateSourceError, match=r"kuesioner\.xlsx: respondent R1: .*imported before"):
        makna.import_survey(project, path)
    with project.store.read() as conn:  # refused whole: nothing stored, no event
        assert conn.execute(select(func.count()).select_from(tables.events)).scalar_one() == events
    assert len(makna.list_sources(project)) == 3


def test_a_value_that_is_not_its_attributes_type_stores_nothing(project: makna.Project, tmp_path: Path) -> None:
    makna.define_attribute(project, "Age band", "integer")
    path = tmp_path / "kuesioner.csv"
    path.write_text(survey_csv())
    with pytest.raises(MaknaError):
        makna.import_survey(project, path)
    assert makna.list_sources(project) == [] and makna.list_cases(project) == []


def test_import_paths_imports_a_survey_in_a_folder(project: makna.Project, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "kuesioner.csv").write_text(survey_csv())
    (tmp_path / "in" / "codes.csv").write_text("code,colour\nfees,red\n")
    report = makna.import_paths(project, [tmp_path / "in"])
    assert sorted(s.name for s in report.imported) == ["R1", "R2", "R3"]
    # a .csv beside the transcripts that is no survey (a codebook, cases) is passed over, as a .jpg would be
    assert report.failed == [] and report.passed_over == [
        (
            str(tmp_path / "in" / "codes.csv"),
            "not a survey (no column of open answers (free text longer than 40 "
            "characters on average); name them with --survey-answers)",
        )
    ]
    named = makna.import_paths(project, [tmp_path / "in" / "codes.csv"])  # given by name: refused
    assert named.passed_over == [] and "codes.csv: not a survey" in named.failed[0][1]
    assert "id column: Respondent" in [note for _, note in report.notes]


def test_the_example_in_docs_formats_reads_as_it_says() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "formats.md").read_text(encoding="utf-8")
    example = doc.split("```csv\n", 1)[1].split("```", 1)[0]
    survey = read_survey(CSV, example.encode())
    assert _roles(survey) == ("Respondent", HEADER[3:], ["Age band", "Site"])
    assert survey.respondents[0].text.startswith(f"{HEADER[3]}\nThe people, and the flexible hours.\nMostly")


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_a_time_stamp_shown_as_a_date_reads_as_iso_8601() -> None:
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    answer = "Saya bekerja sebagai pengemudi ojek sejak tiga tahun yang lalu di Medan"
    rows = [
        f'<row r="1">{_inline("A1", "Timestamp")}{_inline("B1", "Tanggal lahir")}{_inline("C1", "Cerita?")}</row>',
        f'<row r="2"><c r="A2" s="1"><v>45632.5423611</v></c><c r="B2" s="2"><v>33000</v></c>'
        f'<c r="C2" s="3"><v>7</v></c>{_inline("D2", answer)}</row>',
    ]
    sheet = f'<worksheet xmlns="{main}"><sheetData>{"".join(rows)}</sheetData></worksheet>'.encode()
    styles = (
        f'<styleSheet xmlns="{main}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
        '</numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="22"/><xf numFmtId="164"/>'
        '<xf numFmtId="165"/></cellXfs></styleSheet>'
    ).encode()
    survey = read_survey(XLSX, survey_xlsx(sheet_xml=sheet, extra={"xl/styles.xml": styles}))
    assert survey.respondents[0].attributes == {
        "Timestamp": "2024-12-06 13:01:00",
        "Tanggal lahir": "1990-05-07",
        "Cerita?": "7",  # a number in a style that is no date stays a number
    }


def test_an_xlsx_written_by_makna_itself_reads(project: makna.Project, tmp_path: Path) -> None:
    """Another writer than the tests' own: makna's export of coded segments (inline strings, numbers)."""
    from makna.exchange.flat import segment_columns, write_segments_xlsx
    from makna.importers.xlsx import read_xlsx_rows

    makna.import_text(project, "wawancara.txt", "P: Bagaimana harinya?\nI: Panjang, tapi baik.\n")
    code = makna.add_code(project, "exp", "Experience")
    makna.code_span(project, "wawancara.txt", 3, 21, code.key)
    path = tmp_path / "segments.xlsx"
    assert write_segments_xlsx(project, path) == 1
    sheet = read_xlsx_rows(path, path.read_bytes())
    assert sheet.name == "segments" and sheet.rows[0] == segment_columns(project)
    assert "Bagaimana harinya?" in sheet.rows[1]


def test_a_case_named_before_is_linked_and_given_its_values(project: makna.Project, tmp_path: Path) -> None:
    makna.load_cases(project, {"cases": [{"name": "R2", "description": "met at the depot"}]})
    path = tmp_path / "kuesioner.csv"
    path.write_text(survey_csv())
    done = makna.import_survey(project, path)
    assert (done.cases.added, done.cases.updated) == (2, 1)
    cases = {c.name: c for c in makna.list_cases(project)}
    assert cases["R2"].description == "met at the depot" and cases["R2"].values == {
        "Age band": "35-44",
        "Site": "Leeds",
    }
    linked = {(link.case_id, link.source_id) for link in makna.list_links(project)}
    assert linked == {(cases[s.name].id, s.id) for s in done.sources}


def test_one_undo_takes_the_whole_survey_back(project: makna.Project, tmp_path: Path) -> None:
    from makna.history import redo, undo

    path = tmp_path / "kuesioner.xlsx"
    path.write_bytes(survey_xlsx())
    makna.import_survey(project, path)
    undo(project)
    assert makna.list_sources(project) == [] and makna.list_cases(project) == []
    redo(project)
    assert [c.name for c in makna.list_cases(project)] == ["R1", "R2", "R3"] and len(makna.list_links(project)) == 3


def test_makna_s_own_exports_beside_the_transcripts_are_no_survey(project: makna.Project, tmp_path: Path) -> None:
    """A folder that held the project's codebook CSV and coded segments' CSV (makna's own exports) became 60-odd
    "respondents" with their definitions and quotes as answers, and cases of their columns."""
    from makna.exchange.flat import write_codebook_csv, write_segments_csv

    code = "A long definition of the code, written out in full so that it reads like an open answer would."
    makna.add_code(project, "fees", "Agency fees", definition=code, inclusion=code, example=code)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("P: Halo\nI: Saya kerja di pasar, jualan sayur.\n")
    makna.import_paths(project, [tmp_path / "in" / "a.txt"])
    makna.code_span(project, "a.txt", 8, 20, "fees", memo=code)
    write_codebook_csv(project, tmp_path / "in" / "codebook.csv")
    write_segments_csv(project, tmp_path / "in" / "segments.csv")
    before = sorted(s.name for s in makna.list_sources(project))
    report = makna.import_paths(project, [tmp_path / "in" / "codebook.csv", tmp_path / "in" / "segments.csv"])
    assert report.imported == [] and len(report.failed) == 2
    assert all("makna's own" in why for _, why in report.failed)
    assert sorted(s.name for s in makna.list_sources(project)) == before
