"""A page a member's role may not read is refused as what it is (trial17 #10, issue #11): the Indonesian audit page
opened by a coder said "Ada yang tidak beres" (the error page's heading) and named *editing* the codebook, cases,
sources and de-identification. Now the audit page, the list of coders' copies and the download of the whole
project say what they are, who may read them and what to do instead, in both languages (a team server on
PostgreSQL, through httpx's ASGI transport)."""

from __future__ import annotations

import html as markup
from typing import Any

import pytest
from sync_helpers import PASSWORD
from web_helpers import as_member

from makna.web.server_app import create_server_app

WORDS = {
    "en": {
        "audit": "De-identification audit",
        "who": "It is for the project's managers and owner to read.",
        "instead": "De-identification page",
        "lead": "Not open to your role (coder)",
        "copies": "Coders' copies",
        "export": "Export of the whole project",
        "error": "Something is not right",
        "write": "editing the codebook",
    },
    "id": {
        "audit": "Audit de-identifikasi",
        "who": "Halaman ini untuk dibaca oleh pengelola dan pemilik proyek.",
        "instead": "halaman De-identifikasi",
        "lead": "Tidak terbuka untuk peran Anda (pengode)",
        "copies": "Salinan para pengode",
        "export": "Ekspor seluruh proyek",
        "error": "Ada yang tidak beres",
        "write": "mengubah buku kode",
    },
}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_coder_is_told_what_the_page_is(team: Any, server_db: str, lang: str) -> None:
    words = WORDS[lang]
    app = create_server_app(server_db, lang=lang)
    try:
        with as_member(app, "budi", PASSWORD, "Studi") as (c, h):  # a coder
            page = c.get("/deid/audit", headers=h)
            assert page.status_code == 403
            html = markup.unescape(page.text)
            assert f"<h1>{words['audit']}</h1>" in html, html[-2000:]
            assert words["lead"] in html and words["who"] in html and words["instead"] in html
            assert words["error"] not in html and words["write"] not in html and 'class="error"' not in html
            for path, title in (("/api/deid/audit", "audit"), ("/api/deid/copies", "copies")):
                data = c.get(path, headers=h)
                assert data.status_code == 403, path
                message = data.json()["error"]
                assert message.startswith(words[title]) and words["write"] not in message, message
            export = c.get("/export/json", headers=h)
            assert export.status_code == 403 and f"<h1>{words['export']}</h1>" in markup.unescape(export.text)
            assert words["error"] not in export.text
        with as_member(app, "citra", PASSWORD, "Studi") as (c, h):  # a viewer: the same page, her role named
            page = c.get("/deid/audit", headers=h)
            assert page.status_code == 403 and f"<h1>{words['audit']}</h1>" in page.text
            assert words["error"] not in page.text
        with as_member(app, "dewi", PASSWORD, "Studi") as (c, h):  # a manager reads it
            assert c.get("/deid/audit", headers=h).status_code == 200
            assert c.get("/api/deid/copies", headers=h).status_code == 200
    finally:
        app.state.registry.close()
