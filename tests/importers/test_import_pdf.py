"""PDF import: text layer, pages, scans, encryption, corrupt files, no warnings leaking."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

from makna.errors import ImportFormatError
from makna.importers import read_document


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str]]) -> bytes:
    """A valid PDF with one page per item; each page shows its lines in Helvetica (a text layer).
    A page with no lines gets a filled rectangle only: no text, as in a scan."""
    n_pages = len(pages)
    font_id = 3 + 2 * n_pages
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: (
            "<< /Type /Pages /Kids ["
            + " ".join(f"{3 + 2 * i} 0 R" for i in range(n_pages))
            + f"] /Count {n_pages} >>"
        ).encode(),
        font_id: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    for i, lines in enumerate(pages):
        page_id, content_id = 3 + 2 * i, 4 + 2 * i
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >>"
        ).encode()
        if lines:
            ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
            for j, line in enumerate(lines):
                ops.append(("" if j == 0 else "T* ") + f"({_escape(line)}) Tj")
            ops.append("ET")
        else:
            ops = ["0.5 g", "72 72 468 648 re", "f"]
        stream = "\n".join(ops).encode("cp1252")
        objects[content_id] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref_at = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref_at)
    return bytes(out)


def _write(tmp_path: Path, data: bytes, name: str = "doc.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_text_layer_pages_separated_by_blank_line(tmp_path: Path) -> None:
    data = make_pdf([["Pewawancara: Halo (apa) kabar?", "Informan: Baik, café."], ["Halaman dua"]])
    result = read_document(_write(tmp_path, data))
    assert result.text == "Pewawancara: Halo (apa) kabar?\nInforman: Baik, café.\n\nHalaman dua"
    assert result.media_type == "application/pdf"
    assert result.turns is None


def test_page_without_text_is_skipped_when_others_have_text(tmp_path: Path) -> None:
    data = make_pdf([["satu"], [], ["tiga"]])
    assert read_document(_write(tmp_path, data)).text == "satu\n\ntiga"


def test_scanned_pdf_needs_ocr(tmp_path: Path) -> None:
    path = _write(tmp_path, make_pdf([[], []]), "scan.pdf")
    with pytest.raises(ImportFormatError, match=r"scan\.pdf: the PDF has no text layer.*OCR"):
        read_document(path)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"hello, not a pdf", "no %PDF- header"),
        (b"%PDF-1.4\ngarbage garbage", "not a valid PDF"),
        (make_pdf([["abc"]])[:150], "not a valid PDF"),
    ],
)
def test_corrupt_pdf(tmp_path: Path, data: bytes, reason: str) -> None:
    path = _write(tmp_path, data, "broken.pdf")
    with pytest.raises(ImportFormatError, match=rf"broken\.pdf: .*{reason}"):
        read_document(path)


def _encrypted(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["rahasia"]]))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_encrypted_pdf_with_password_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, _encrypted("secret"), "locked.pdf")
    with pytest.raises(ImportFormatError, match=r"locked\.pdf: the PDF is encrypted with a password"):
        read_document(path)


def test_encrypted_pdf_with_empty_user_password_opens(tmp_path: Path) -> None:
    assert read_document(_write(tmp_path, _encrypted(""))).text == "rahasia"


def test_pypdf_noise_does_not_leak(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # A wrong startxref makes pypdf warn and rebuild the cross-reference table.
    data = make_pdf([["tetap terbaca"]])
    at = data.rindex(b"startxref\n") + len(b"startxref\n")
    broken = data[:at] + b"9" + data[at:]
    with caplog.at_level(logging.DEBUG):
        result = read_document(_write(tmp_path, broken))
    assert result.text == "tetap terbaca"
    assert any("startxref" in note for note in result.notes)
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
    assert logging.getLogger("pypdf").propagate
