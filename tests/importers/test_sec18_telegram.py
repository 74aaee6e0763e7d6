"""sec18, a security reading of round eighteen's Telegram Desktop importer: an archive that expands
far, or says it holds less than it does; an export folder whose page is a link to a file elsewhere;
a sender's name made of markup, which the workbench must show as text."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
from telegram_pages import chat_pages, message, page, write_export

from makna.errors import ImportFormatError
from makna.importers import read_bytes, read_document
from makna.importers._safety import MAX_RATIO
from makna.model import Turn
from makna.web.render import render_rows, rows_of


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return buf.getvalue()


def test_a_page_that_expands_over_the_ratio_is_refused_before_it_is_read() -> None:
    bomb = chat_pages()[0].encode() + b" " * (8 * 1024 * 1024)  # deflates about a thousand to one
    data = _zip([("ChatExport/messages.html", bomb)])
    assert len(bomb) > MAX_RATIO * len(data)
    with pytest.raises(ImportFormatError, match="compression ratio over"):
        read_bytes(Path("ChatExport.zip"), data)


def test_a_page_that_claims_less_than_it_holds_is_read_no_further() -> None:
    """The central directory says 1,000 bytes (under every check) for a page of 8 MB: reading stops at the
    size it claims and the archive is refused as damaged, not read whole."""
    bomb = chat_pages()[0].encode() + b" " * (8 * 1024 * 1024)
    data = bytearray(_zip([("ChatExport/messages.html", bomb)]))
    central = data.rfind(b"PK\x01\x02")
    assert struct.unpack_from("<I", data, central + 24)[0] == len(bomb)
    struct.pack_into("<I", data, central + 24, 1000)
    with pytest.raises(ImportFormatError, match="cannot read"):
        read_bytes(Path("ChatExport.zip"), bytes(data))


def test_a_page_in_a_folder_that_links_elsewhere_is_refused(tmp_path: Path) -> None:
    """An export folder unpacked from someone else's archive may hold links; a page that is a link could
    read another chat's page (or a growing file) from elsewhere on the machine into the project."""
    other = write_export(tmp_path / "another_chat", chat_pages())
    folder = write_export(tmp_path / "ChatExport", chat_pages()[:1])
    (folder / "messages2.html").symlink_to(other / "messages2.html")
    with pytest.raises(ImportFormatError, match=r"messages2\.html.*a link"):
        read_document(folder)


def test_a_sender_made_of_markup_is_shown_as_text(tmp_path: Path) -> None:
    sender = '<img src=x onerror="alert(1)">Rina'
    path = tmp_path / "messages.html"
    path.write_text(page(message(1, "12.03.2024 19:00:00", "<b>halo</b>", sender=sender)), encoding="utf-8")
    doc = read_document(path)
    assert doc.text == f"{sender}: <b>halo</b>"  # the export's escaped text, read back as the characters
    turns = [Turn("s", n, t.speaker, t.start, t.end, t.time_start) for n, t in enumerate(doc.turns or [], 1)]
    html = str(render_rows(doc.text, rows_of(doc.text, turns), [[]], {}))
    assert "<img" not in html and "<b>" not in html and "&lt;img src=x onerror=" in html
