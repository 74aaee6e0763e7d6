"""The web import's equivalent of ``makna import --allow-duplicate`` (product20, #11): a file whose text is a
source's already is skipped unless the page's box is ticked (form field ``allow_duplicate``); the box says
what it does, in English and Indonesian."""

from __future__ import annotations

from typing import Any

from web_helpers import Client

import makna

SCRIPT = b"P: Bisa ceritakan hari pertama Anda?\nI: Saya datang pagi, lalu menunggu.\n"


def test_a_duplicate_upload_is_skipped_unless_allowed(id_client: tuple[Client, dict[str, str]], app: Any) -> None:
    client, h = id_client
    page = client.get("/import").text
    assert 'name="allow_duplicate"' in page and 'id="upload-allow-duplicate"' in page
    assert "sebagai sumber tersendiri" in page  # the box's words, in the page's language
    first = client.post("/api/import", files=[("files", ("naskah-a.txt", SCRIPT, "text/plain"))], headers=h).json()
    assert [s["name"] for s in first["imported"]] == ["naskah-a.txt"]
    second = [("files", ("naskah-b.txt", SCRIPT.replace(b"\n", b"\r\n"), "text/plain"))]
    got = client.post("/api/import", files=second, headers=h).json()
    assert got["imported"] == [] and [d["file"] for d in got["duplicates"]] == ["naskah-b.txt"]
    got = client.post("/api/import", files=second, data={"allow_duplicate": "1"}, headers=h).json()
    assert [s["name"] for s in got["imported"]] == ["naskah-b.txt"], got
    # a name is still one source's, ticked or not
    got = client.post(
        "/api/import",
        files=[("files", ("naskah-a.txt", SCRIPT, "text/plain"))],
        data={"allow_duplicate": "1"},
        headers=h,
    ).json()
    assert got["imported"] == [] and [d["file"] for d in got["duplicates"]] == ["naskah-a.txt"]
    names = {s.name for s in makna.list_sources(app.state.project)}
    assert {"naskah-a.txt", "naskah-b.txt"} <= names


def test_the_box_in_english(client: Client) -> None:
    page = client.get("/import").text
    assert "as a source of its own" in page
