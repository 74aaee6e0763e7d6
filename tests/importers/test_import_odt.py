"""OpenDocument text import: headings, paragraphs, spacing elements, lists, tables, broken files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from fuzzer import damage_entry
from odf.opendocument import OpenDocumentText
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, LineBreak, List, ListItem, Note, NoteBody, NoteCitation, P, S, Span, Tab

from makna.errors import ImportFormatError
from makna.importers import read_document


def _cell(text: str) -> TableCell:
    cell = TableCell()
    cell.addElement(P(text=text))
    return cell


def _build(path: Path) -> Path:
    doc = OpenDocumentText()
    doc.text.addElement(H(outlinelevel=1, text="Wawancara 1"))
    p = P(text="Informan: satu")
    p.addElement(S(c=3))
    p.addText("dua")
    p.addElement(Tab())
    p.addText("tiga")
    p.addElement(LineBreak())
    p.addElement(Span(text="empat"))
    note = Note(noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="catatan kaki"))
    note.addElement(body)
    p.addElement(note)
    doc.text.addElement(p)
    table = Table(name="Profil")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    for left, right in (("Nama", "Kota"), ("Ani", "Bandung")):
        row = TableRow()
        row.addElement(_cell(left))
        row.addElement(_cell(right))
        table.addElement(row)
    doc.text.addElement(table)
    items = List()
    for word in ("butir satu", "butir dua"):
        item = ListItem()
        item.addElement(P(text=word))
        items.addElement(item)
    doc.text.addElement(items)
    doc.text.addElement(P(text="Pewawancara: terima kasih, café"))
    doc.save(str(path))
    return path


def test_blocks_in_order(tmp_path: Path) -> None:
    result = read_document(_build(tmp_path / "w.odt"))
    assert result.text == (
        "Wawancara 1\n"
        "Informan: satu   dua\ttiga\n"
        "empat\n"
        "Nama | Kota\n"
        "Ani | Bandung\n"
        "butir satu\n"
        "butir dua\n"
        "Pewawancara: terima kasih, café"
    )
    assert result.media_type == "application/vnd.oasis.opendocument.text"


def _rewrite(src: Path, dst: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info.filename)))
        for name in replace.keys() - set(zin.namelist()):
            zout.writestr(name, replace[name])
    return dst


def test_malformed_content_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _rewrite(_build(tmp_path / "a.odt"), tmp_path / "rusak.odt", {"content.xml": b"<office:document"})
    with pytest.raises(ImportFormatError, match=r"rusak\.odt: not a valid \.odt \(the part 'content\.xml'"):
        read_document(out)
    assert capsys.readouterr().out == ""


def test_other_opendocument_kinds_are_refused(tmp_path: Path) -> None:
    out = _rewrite(
        _build(tmp_path / "a.odt"),
        tmp_path / "sheet.odt",
        {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"},
    )
    with pytest.raises(ImportFormatError, match=r"sheet\.odt: .*opendocument\.spreadsheet"):
        read_document(out)


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    src = _build(tmp_path / "a.odt")
    with zipfile.ZipFile(src) as z:
        content = z.read("content.xml")
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    out = _rewrite(src, tmp_path / "xxe.odt", {"content.xml": evil + content.split(b"?>", 1)[1]})
    with pytest.raises(ImportFormatError, match=r"xxe\.odt: .*declares a DTD or entities"):
        read_document(out)


def test_zip_bomb_and_traversal(tmp_path: Path) -> None:
    src = _build(tmp_path / "a.odt")
    bomb = _rewrite(src, tmp_path / "bomb.odt", {"Pictures/z.bin": b"\0" * (3 * 1024 * 1024)})
    with pytest.raises(ImportFormatError, match=r"bomb\.odt: .*compression ratio"):
        read_document(bomb)
    evil = _rewrite(src, tmp_path / "evil.odt", {"../../etc/cron.d/x": b"x"})
    with pytest.raises(ImportFormatError, match=r"evil\.odt: .*unsafe entry name"):
        read_document(evil)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "teks.odt"
    path.write_text("hanya teks", encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"teks\.odt: not a valid \.odt \(it is not a zip archive\)"):
        read_document(path)


def test_broken_zip_is_one_clear_error(tmp_path: Path) -> None:
    """#12: an archive with bytes cut out of its middle (every entry then lies before where the
    directory says: zipfile's 'negative seek value' at the mimetype), and a mimetype entry whose
    bytes do not match its CRC, are ImportFormatErrors naming the file and the part."""
    data = _build(tmp_path / "a.odt").read_bytes()
    cut = tmp_path / "cut.odt"
    cut.write_bytes(data[: len(data) // 2] + data[len(data) // 2 + 200 :])
    with pytest.raises(ImportFormatError, match=r"cut\.odt: not a valid \.odt \(cannot read the part 'mimetype': "):
        read_document(cut)
    bad_crc = tmp_path / "crc.odt"
    bad_crc.write_bytes(damage_entry(data, "mimetype"))
    with pytest.raises(ImportFormatError, match=r"crc\.odt: not a valid \.odt \(cannot read the part 'mimetype': Bad"):
        read_document(bad_crc)



@pytest.mark.parametrize("count", ["99999999999999999999", "9" * 5000, "300000000", "²"],
                         ids=["20-digits", "5000-digits", "300-million", "superscript-two"])
def test_absurd_space_counts(tmp_path: Path, count: str) -> None:
    """A text:s whose count no document holds (#12: int() over 4,300 digits, an index overflow, or
    300 MB of spaces) is refused; a count that is not a number stands for one space."""
    src = _build(tmp_path / "a.odt")
    with zipfile.ZipFile(src) as z:
        content = z.read("content.xml")
    assert b'text:c="3"' in content
    changed = content.replace(b'text:c="3"', f'text:c="{count}"'.encode())
    out = _rewrite(src, tmp_path / "spasi.odt", {"content.xml": changed})
    if count == "²":
        assert read_document(out).text.startswith("Wawancara 1\nInforman: satu dua\t")
        return
    with pytest.raises(ImportFormatError, match=r"spasi\.odt: not a valid \.odt \(a text:s element asks for '\d+'"):
        read_document(out)


def test_manifest_in_a_foreign_namespace(tmp_path: Path) -> None:
    """#12 (fuzzer, odt#176 of seed 1): odfpy then loads no text body; an error, not an AttributeError."""
    src = _build(tmp_path / "a.odt")
    with zipfile.ZipFile(src) as z:
        manifest = z.read("META-INF/manifest.xml")
    broken = manifest.replace(b"xmlns:manifest:1.0", b"xmlns:manifest:1.-1")
    assert broken != manifest
    out = _rewrite(src, tmp_path / "manifest.odt", {"META-INF/manifest.xml": broken})
    with pytest.raises(ImportFormatError, match=r"manifest\.odt: not a valid \.odt \(no text body"):
        read_document(out)


def test_a_transcript_laid_out_as_a_speaker_and_text_table_reads_as_labelled_lines(tmp_path: Path) -> None:
    doc = OpenDocumentText()
    table = Table(name="Transkrip")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    for left, right in (("Pewawancara", "Sejak kapan?"), ("Narasumber", "Sejak 2021."), ("Pewawancara", "Lalu?")):
        row = TableRow()
        row.addElement(_cell(left))
        row.addElement(_cell(right))
        table.addElement(row)
    doc.text.addElement(table)
    path = tmp_path / "tabel.odt"
    doc.save(str(path))
    assert read_document(path).text == "Pewawancara: Sejak kapan?\nNarasumber: Sejak 2021.\nPewawancara: Lalu?"
