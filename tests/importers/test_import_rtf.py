"""RTF import (striprtf): paragraphs, code pages, \\u escapes, headers left out; broken files; and the
folder import that lists every file it did not import (an old .doc with how to convert it)."""

from __future__ import annotations

from pathlib import Path

import pytest

import makna
from makna.errors import ImportFormatError, UnsupportedFormatError
from makna.importers import read_document

RTF = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}{\header Halaman \chpgn\par}"
    "\n"
    r"{\*\generator Msftedit 5.41;}\pard Judul: Wawancara ojek daring\par"
    "\n"
    r"Pewawancara: Sudah lama narik, Bang?\par"
    "\n"
    r"Informan: Tiga tahun. Mangkal di kaf\'e9 dekat stasiun, ongkos \u8364? naik.\par"
    "\n"
    r"Pewawancara: Makasih.\par}"
)


def test_rtf_text_code_page_and_unicode(tmp_path: Path) -> None:
    path = tmp_path / "ojek.rtf"
    path.write_bytes(RTF.encode("ascii"))
    doc = read_document(path)
    assert doc.media_type == "application/rtf"
    assert doc.text == (
        "Judul: Wawancara ojek daring\nPewawancara: Sudah lama narik, Bang?\n"
        "Informan: Tiga tahun. Mangkal di kafé dekat stasiun, ongkos € naik.\nPewawancara: Makasih."
    )
    assert "Halaman" not in doc.text and "Msftedit" not in doc.text


def test_rtf_other_code_page(tmp_path: Path) -> None:
    path = tmp_path / "cp.rtf"
    path.write_bytes(rb"{\rtf1\ansi\ansicpg1251 P: \'cf\'f0\'e8\'e2\'e5\'f2\par I: ok\par}")
    doc = read_document(path)
    assert doc.text.splitlines()[0] == "P: Привет" and doc.notes == ["decoded as cp1251"]


@pytest.mark.parametrize("data", [b"not rtf at all", b"{\\rtf1 {{{{", b"{\\rtf1 }}}}} \\'zz"])
def test_broken_rtf_is_one_clear_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "rusak.rtf"
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except ImportFormatError as exc:
        assert str(exc).startswith(f"{path}: ")
    else:
        assert doc.text.strip()


def test_doc_is_refused_with_how_to_convert(tmp_path: Path) -> None:
    path = tmp_path / "lama.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(UnsupportedFormatError, match=r"soffice --headless --convert-to docx"):
        read_document(path)


def test_folder_import_lists_what_it_did_not_import(project: makna.Project, tmp_path: Path) -> None:
    folder = tmp_path / "olddocs"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "config").write_text("x")
    (folder / "ojek.rtf").write_bytes(RTF.encode("ascii"))
    (folder / "lama.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    (folder / "foto.jpg").write_bytes(b"\xff\xd8\xff")
    report = makna.import_paths(project, [folder])
    assert [s.name for s in report.imported] == ["ojek.rtf"]
    assert [(Path(p).name, "soffice" in why) for p, why in report.failed] == [("lama.doc", True)]
    assert [(Path(p).name, why.startswith("unsupported file type '.jpg'")) for p, why in report.passed_over] == [
        ("foto.jpg", True)]
    assert [t.speaker for t in makna.get_turns(project, "ojek.rtf")] == ["Pewawancara", "Informan", "Pewawancara"]
