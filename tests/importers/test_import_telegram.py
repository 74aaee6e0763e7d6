"""Telegram Desktop HTML exports: recognised by content, one "Sender: text" turn per message, pages in order
from a folder or a .zip, media as placeholders, and hostile pages refused or read as text only."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
import zipfile
from pathlib import Path

import pytest
from telegram_pages import CHAT_TEXT, chat_pages, export_zip, message, page, service, write_export

import makna
from makna.errors import ImportFormatError, InputError
from makna.importers import read_bytes, read_document, supported_suffixes
from makna.importers.html import MAX_DEPTH
from makna.importers.telegram import MEDIA_TYPE, looks_like_telegram, page_number


def test_folder_reads_its_pages_in_order_as_one_chat(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "ChatExport_2024-03-12", chat_pages())
    doc = read_document(folder)
    assert doc.text == CHAT_TEXT
    assert doc.media_type == MEDIA_TYPE
    lines = doc.text.split("\n")
    assert doc.turns is not None and len(doc.turns) == len(lines)
    for turn, line in zip(doc.turns, lines, strict=True):
        assert doc.text[turn.start : turn.end] == line
        assert line.startswith(turn.speaker + ": ")
    assert [t.time_start for t in doc.turns[:3]] == [
        "2024-03-12T19:02:11",
        "2024-03-12T19:03:40",
        "2024-03-12T19:03:55",
    ]
    assert "read 2 Telegram export pages in order" in doc.notes
    assert "left out 2 Telegram service message(s)" in doc.notes
    assert doc.raw == b"".join((folder / n).read_bytes() for n in ("messages.html", "messages2.html"))


def test_zip_reads_as_the_folder_does(tmp_path: Path) -> None:
    doc = read_bytes(Path("ChatExport.zip"), export_zip(chat_pages()))
    assert doc.text == CHAT_TEXT
    assert [t.speaker for t in doc.turns or []][-3:] == ["Rina Marlina", "Peneliti Nur", "Rina Marlina"]
    assert ".zip" in supported_suffixes()


def test_zip_without_an_export_is_one_clear_error() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("catatan.txt", "Pewawancara: halo")
    with pytest.raises(ImportFormatError, match=r"^arsip\.zip: a \.zip is read only when it holds a Telegram"):
        read_bytes(Path("arsip.zip"), buf.getvalue())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("../messages.html", chat_pages()[0])
    with pytest.raises(ImportFormatError, match=r"unsafe entry name"):
        read_bytes(Path("jahat.zip"), buf.getvalue())
    with pytest.raises(ImportFormatError, match=r"not a zip archive"):
        read_bytes(Path("bukan.zip"), b"just text, not an archive")


def test_a_page_alone_reads_and_says_what_its_first_message_lacks(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "export", chat_pages())
    doc = read_document(folder / "messages2.html")
    assert doc.text.split("\n")[0] == "[unknown sender]: [forwarded from Dewi Lestari] Pesan dari teman saya."
    assert any("import the export's folder or .zip" in n for n in doc.notes)
    first = read_document(folder / "messages.html")
    assert first.text == "\n".join(CHAT_TEXT.split("\n")[:6])


def test_plain_html_stays_html(tmp_path: Path) -> None:
    path = tmp_path / "halaman.html"
    path.write_text(
        '<html><body><div class="history"><div class="message">Sejarah kota</div></div>'
        "<p>Pewawancara: Apa kabar?</p></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.media_type == "text/html"
    assert doc.text == "Sejarah kota\nPewawancara: Apa kabar?"
    assert looks_like_telegram(chat_pages()[0])
    assert not looks_like_telegram(path.read_text(encoding="utf-8"))


def test_a_plain_folder_is_still_not_a_file(tmp_path: Path) -> None:
    (tmp_path / "kosong").mkdir()
    with pytest.raises(InputError, match="not a regular file"):
        read_document(tmp_path / "kosong")


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("messages.html", 1),
        ("messages2.html", 2),
        ("messages10.html", 10),
        ("messages0.html", None),
        ("pesan.html", None),
    ],
)
def test_page_numbers(name: str, number: int | None) -> None:
    assert page_number(name) == number


def test_pages_are_ordered_by_number_not_by_name(tmp_path: Path) -> None:
    pages = [
        page(message(i, f"12.03.2024 19:{i:02d}:00", f"pesan {i}", sender="Rina Marlina" if i == 1 else None))
        for i in range(1, 12)
    ]
    doc = read_document(write_export(tmp_path / "export", pages))
    assert [line.rsplit(" ", 1)[1] for line in doc.text.split("\n")] == [str(i) for i in range(1, 12)]
    assert {t.speaker for t in doc.turns or []} == {"Rina Marlina"}


def test_text_is_nfc_one_line_a_message_and_scripts_are_dropped(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "Café")
    body = message(
        1,
        "12.03.2024 19:00:00",
        None,
        sender="Rina Marlina",
        raw_text=f"{decomposed}<br>baris\u2028dua<script>alert('x')</script><style>p{{}}</style> "
        '&lt;script&gt;bukan kode&lt;/script&gt; <b>tebal</b> <a href="https://example.org/a">'
        "tautan</a>",
    )
    path = tmp_path / "messages.html"
    path.write_text(page(body), encoding="utf-8")
    doc = read_document(path)
    assert doc.text == "Rina Marlina: Café baris dua <script>bukan kode</script> tebal tautan"
    assert unicodedata.is_normalized("NFC", doc.text)
    assert "alert" not in doc.text


def test_entities_a_page_declares_are_never_expanded(tmp_path: Path) -> None:
    markup = chat_pages()[1].replace(
        "<!DOCTYPE html>", '<!DOCTYPE html [<!ENTITY x "BOOM"><!ENTITY ext SYSTEM "file:///etc/passwd">]>'
    )
    markup = markup.replace("Pesan dari teman saya.", "Pesan &x; &ext; dari teman.")
    path = tmp_path / "messages.html"
    path.write_text(markup, encoding="utf-8")
    doc = read_document(path)
    assert "BOOM" not in doc.text and "root:" not in doc.text
    assert "Pesan" in doc.text.split("\n")[0]


def test_deep_nesting_is_refused_whole(tmp_path: Path) -> None:
    deep = "<div>" * (MAX_DEPTH + 50) + "dalam" + "</div>" * (MAX_DEPTH + 50)
    body = message(1, "12.03.2024 19:00:00", None, sender="Rina Marlina", raw_text=deep)
    path = tmp_path / "messages.html"
    path.write_text(page(body), encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"messages\.html: cannot be read whole"):
        read_document(path)


def test_a_huge_export_is_refused_before_it_is_read(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "export", chat_pages())
    from makna.importers.telegram import read_export_folder

    with pytest.raises(ImportFormatError, match=r"over the 1,000-byte limit for one source"):
        read_export_folder(folder, max_bytes=1000)
    with pytest.raises(ImportFormatError, match=r"over the 1,000-byte limit"):
        read_bytes(Path("ChatExport.zip"), export_zip(chat_pages()), max_bytes=1000)


def test_unreadable_dates_keep_the_message_without_a_stamp(tmp_path: Path) -> None:
    body = message(1, "31.02.2024 19:00:00", "tanggal aneh", sender="Rina Marlina") + message(
        2, "12.03.2024 19:01:00", "biasa", sender=None
    )
    path = tmp_path / "messages.html"
    path.write_text(page(body), encoding="utf-8")
    doc = read_document(path)
    assert [t.time_start for t in doc.turns or []] == [None, "2024-03-12T19:01:00"]
    assert any(n.startswith("1 Telegram message(s) without a readable date") for n in doc.notes)


def test_only_service_messages_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "messages.html"
    path.write_text(page(service(-1, "12 March 2024") + service(2, "Rina Marlina joined the group")), encoding="utf-8")
    with pytest.raises(ImportFormatError, match=r"messages\.html: a Telegram chat export without any message"):
        read_document(path)


def test_import_into_a_project_keeps_text_turns_and_offsets(project: makna.Project, tmp_path: Path) -> None:
    parent = tmp_path / "data"
    write_export(parent / "ChatExport_2024-03-12", chat_pages())
    (parent / "catatan.txt").write_text("Pewawancara: catatan lapangan\n", encoding="utf-8")
    report = makna.import_paths(project, [parent])
    assert sorted(s.name for s in report.imported) == ["ChatExport_2024-03-12", "catatan.txt"]
    assert report.failed == [] and report.passed_over == []  # css/js/photos belong to the export
    source = makna.get_source(project, "ChatExport_2024-03-12")
    assert source.media_type == MEDIA_TYPE
    turns = makna.get_turns(project, "ChatExport_2024-03-12")
    assert [t.speaker for t in turns][:2] == ["Peneliti Nur", "Rina Marlina"]
    assert turns[0].time_start == "2024-03-12T19:02:11"
    text = source.text
    assert text == CHAT_TEXT
    assert all(text[t.start : t.end].startswith(t.speaker + ": ") for t in turns)


def test_sender_names_in_the_headers_are_persons() -> None:
    from makna.privacy import detect

    found = {(d.type, d.text) for d in detect(CHAT_TEXT, language="id")}
    assert ("PERSON", "Rina Marlina") in found
    assert ("PHONE", "0812-555-0134") in found


def test_message_times_move_with_the_dates_under_de_identification(project: makna.Project, tmp_path: Path) -> None:
    from makna.privacy.project import scan
    from makna.privacy.project_apply import apply

    makna.import_paths(project, [write_export(tmp_path / "ChatExport", chat_pages())])
    before = [t.time_start for t in makna.get_turns(project, "ChatExport")]
    scan(project)
    apply(project, tmp_path / "k.key", "telegram stamps test passphrase", include_pending=True)
    after = [t.time_start for t in makna.get_turns(project, "ChatExport")]
    text = makna.get_source(project, "ChatExport").text
    assert "Rina Marlina" not in text and "0812-555-0134" not in text
    shifts = {
        (dt.datetime.fromisoformat(a) - dt.datetime.fromisoformat(b)).total_seconds()
        for a, b in zip(after, before, strict=True)
    }
    shift = next(iter(shifts))
    assert len(shifts) == 1 and shift != 0 and shift % 86400 == 0  # the one offset of whole days, every message
