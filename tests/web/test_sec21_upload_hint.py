"""sec21 (#11): the web import carries whether a skipped file's content is a source's already
(``same_content``), and the page says how to import it anyway, in its language (not read from the words)."""

from __future__ import annotations

from web_helpers import Client

SCRIPT = b"P: Bisa ceritakan hari pertama Anda?\nI: Saya datang pagi, lalu menunggu.\n"
HINT = {
    "en": "To import it as a second source of its own, tick the box above and import it again.",
    "id": "Untuk mengimpornya sebagai sumber kedua tersendiri, centang kotak di atas lalu impor lagi.",
}


def _check(client: Client, h: dict[str, str], lang: str) -> None:
    assert HINT[lang] in client.get("/import").text  # the hint's words come with the page, in its language
    first = client.post("/api/import", files=[("files", ("naskah-a.txt", SCRIPT, "text/plain"))], headers=h)
    assert first.status_code == 200, first.text
    got = client.post("/api/import", files=[("files", ("naskah-b.txt", SCRIPT, "text/plain"))], headers=h).json()
    assert [(d["file"], d["same_content"]) for d in got["duplicates"]] == [("naskah-b.txt", True)]
    other = [("files", ("naskah-a.txt", b"P: Lain sekali.\n", "text/plain"))]  # a name taken: not content
    got = client.post("/api/import", files=other, data={"allow_duplicate": "1"}, headers=h).json()
    assert [(d["file"], d["same_content"]) for d in got["duplicates"]] == [("naskah-a.txt", False)]


def test_the_upload_carries_the_fact_in_english(client: Client, csrf: str) -> None:
    _check(client, {"X-Makna-CSRF": csrf}, "en")


def test_the_upload_carries_the_fact_in_indonesian(id_client: tuple[Client, dict[str, str]]) -> None:
    client, h = id_client
    _check(client, h, "id")
