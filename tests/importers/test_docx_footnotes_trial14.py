"""trial14: field notes in Word with footnotes (a phone number, an account, a wife's name in them) lost their
footnotes without a word, though a page header or a comment gets a note. Footnotes and endnotes are still left out
(their text never enters the project), now with a note that counts them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx

from makna.importers import read_document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote>"
)
FOOTNOTES = (
    f"<w:footnotes {W}>{SEPARATORS}"
    '<w:footnote w:id="1"><w:p><w:r><w:t>Nomor HP Uni Ros 0823 8812 4410.</w:t></w:r></w:p></w:footnote>'
    '<w:footnote w:id="2"><w:p><w:r><w:t>Istrinya, Uni Mardiana, ikut.</w:t></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)
ENDNOTES = (
    f'<w:endnotes {W}><w:endnote w:id="1"><w:p><w:r><w:t>Lihat foto 3.</w:t></w:r></w:p></w:endnote></w:endnotes>'
)


def _field_notes(tmp_path: Path, parts: dict[str, str]) -> Path:
    document = docx.Document()
    document.add_paragraph("Catatan lapangan minggu ketiga (fiktif).")
    document.add_paragraph("Saya datang ke dapur Uni Ros pukul sepuluh pagi.")
    plain = tmp_path / "plain.docx"
    document.save(str(plain))
    path = tmp_path / "catatan.docx"
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info.filename))
        for name, xml in parts.items():
            zout.writestr(name, xml)
    return path


def test_footnotes_and_endnotes_are_left_out_with_a_note(tmp_path: Path) -> None:
    doc = read_document(_field_notes(tmp_path, {"word/footnotes.xml": FOOTNOTES, "word/endnotes.xml": ENDNOTES}))
    assert "4410" not in doc.text and "Mardiana" not in doc.text
    assert doc.notes == [
        "left out 2 footnote(s) of the document (61 characters): copy what they say into the body if the "
        "transcript needs it (and de-identify it there)",
        "left out 1 endnote(s) of the document (13 characters): copy what they say into the body if the "
        "transcript needs it (and de-identify it there)",
    ]
    assert not any("Mardiana" in note or "4410" in note for note in doc.notes)


def test_only_the_separators_make_no_note(tmp_path: Path) -> None:
    empty = f"<w:footnotes {W}>{SEPARATORS}</w:footnotes>"
    assert read_document(_field_notes(tmp_path, {"word/footnotes.xml": empty})).notes == []


def test_a_broken_footnotes_part_is_no_traceback(tmp_path: Path) -> None:
    doc = read_document(_field_notes(tmp_path, {"word/footnotes.xml": "<w:footnotes><w:footnote>"}))
    assert doc.text.startswith("Catatan lapangan")
