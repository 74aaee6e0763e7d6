"""A Telegram Desktop export uploaded from the browser as a .zip: one chat source, its notes in the page's
language; any other .zip refused with one line (makna.importers.telegram)."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from typing import Any

from web_helpers import Client

import makna

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))
from telegram_pages import CHAT_TEXT, chat_pages, export_zip  # noqa: E402


def test_a_zipped_export_uploads_as_one_chat(id_client: tuple[Client, dict[str, str]], app: Any) -> None:
    client, h = id_client
    page = client.get("/import").text
    assert "Berkas .zip dibaca bila berisi ekspor obrolan Telegram Desktop (HTML)." in page
    assert "tetap di komputer ini" in page and "server tim" not in page  # the local workbench keeps files here
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("catatan.txt", "P: halo")
    files = [
        ("files", ("ChatExport.zip", export_zip(chat_pages()), "application/zip")),
        ("files", ("arsip.zip", other.getvalue(), "application/zip")),
    ]
    got = client.post("/api/import", files=files, headers=h).json()
    assert [s["name"] for s in got["imported"]] == ["ChatExport.zip"]
    assert "2 halaman ekspor Telegram dibaca berurutan" in got["imported"][0]["notes"]
    assert "2 pesan layanan Telegram tidak diambil" in got["imported"][0]["notes"]
    assert [(f["file"], f["error"]) for f in got["failed"]] == [
        (
            "arsip.zip",
            "arsip.zip: berkas .zip hanya dibaca bila berisi ekspor obrolan Telegram (messages.html); "
            "ekstrak lalu impor berkas-berkasnya",
        )
    ]
    source = makna.get_source(app.state.project, "ChatExport.zip")
    assert source.text == CHAT_TEXT and source.media_type == "text/x-telegram-html"
    assert [t.speaker for t in makna.get_turns(app.state.project, "ChatExport.zip")][:2] == [
        "Peneliti Nur",
        "Rina Marlina",
    ]


def test_a_zipped_export_of_a_chat_imported_as_its_folder_is_refused(
    id_client: tuple[Client, dict[str, str]], app: Any, tmp_path: Path
) -> None:
    """The folder imported first (``makna import``), its .zip uploaded after: one source, the reason in
    Indonesian (product19, #11)."""
    from telegram_pages import write_export

    client, h = id_client
    makna.import_paths(app.state.project, [write_export(tmp_path / "ChatExport_2024-03-12", chat_pages())])
    files = [("files", ("ChatExport.zip", export_zip(chat_pages()), "application/zip"))]
    got = client.post("/api/import", files=files, headers=h).json()
    assert got["imported"] == []
    problems = [(p["file"], p["error"]) for p in got.get("duplicates", []) + got.get("failed", [])]
    assert problems == [
        ("ChatExport.zip", "ChatExport.zip: teksnya sama dengan sumber ChatExport_2024-03-12 yang sudah diimpor")
    ]
