"""What a new user's trial of the workbench found (review, #11): a WhatsApp chat's source page asked
for its recording and got a 400 (the chat's message times are no places in a recording); the
de-identification page and the cases page showed English words on Indonesian pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from pages_helpers import build_private
from web_helpers import TOKEN, Client

import makna
from makna.web import close_app, create_app

PASS = "kata sandi rahasia 123"
CHAT = ("12/03/25 19.02 - Dewi Lestari: Assalamualaikum kak, jadi wawancara besok?\n"
        "12/03/25 19.05 - Peneliti: Jadi kak. Jam 10 ya\n"
        "12/03/25 19.06 - Dewi Lestari: Oke kak 🙏\n").encode()


@contextmanager
def logged_in(location: str, lang: str = "en") -> Iterator[tuple[Any, Client, str]]:
    """(app, client with the token cookie, CSRF token), the pages in ``lang``."""
    app = create_app(location, token=TOKEN, lang=lang, coder="tester")
    c = Client(app)
    try:
        assert c.get(f"/?token={TOKEN}").status_code == 303
        html = c.get("/").text
        i = html.index('name="makna-csrf" content="') + len('name="makna-csrf" content="')
        yield app, c, html[i: html.index('"', i)]
    finally:
        c.close()
        close_app(app)


def test_a_chat_source_has_no_recording_times_and_no_error(project_location: str) -> None:
    build_private(project_location)
    with logged_in(project_location) as (_app, c, csrf):
        r = c.post("/api/import", files=[("files", ("WhatsApp Chat.txt", CHAT, "text/plain"))],
                   headers={"X-Makna-CSRF": csrf})
        assert r.status_code == 200, r.text
        sid = r.json()["imported"][0]["id"]
        with makna.open_project(project_location) as p:  # the turns keep when each message was sent
            assert [t.time_start for t in makna.get_turns(p, sid)][:1] == ["2025-03-12T19:02"]
        r = c.get(f"/api/sources/{sid}/media")
        assert r.status_code == 200, r.text
        assert r.json()["turns"] == [] and r.json()["linked"] is False


def _where_cells(html: str) -> dict[str, list[str]]:
    """The Where cell of each detection, as its lines of text, by field."""
    out: dict[str, list[str]] = {}
    for cell in re.findall(r'<td class="small"[^>]*>(.*?)</td>', html, re.S):
        field = re.search(r'data-field="([^"]+)"', cell)
        assert field, cell
        lines = [x.strip() for x in re.sub(r"<div[^>]*>", "\n", re.sub(r"</div>", "", cell)).split("\n")]
        out.setdefault(field.group(1), []).append(" / ".join(lines))
    return out


def test_the_review_names_fields_and_modes_in_the_pages_language(project_location: str,
                                                                  tmp_path_factory: pytest.TempPathFactory) -> None:
    build_private(project_location)
    with makna.open_project(project_location, coder="tester") as p:
        makna.add_case(p, "Informan 1", description="Siti Rahmawati, 0812-3456-7890")
    with logged_in(project_location, lang="id") as (_app, c, csrf):
        h = {"X-Makna-CSRF": csrf}
        assert c.post("/api/deid/scan", json={}, headers=h).status_code == 200
        cells = _where_cells(c.get("/deid?status=all").text)
        assert cells["cases.description"] and all(w.startswith("kasus Informan 1 / keterangan kasus / f")
                                                  for w in cells["cases.description"]), cells
        assert cells["sources.text"] and all(" / transkrip / " in w for w in cells["sources.text"]), cells
        assert not [w for ws in cells.values() for w in ws if w.startswith(("case ", "source "))], cells
        assert c.post("/api/deid/decide-all", json={"status": "accepted"}, headers=h).status_code == 200
        body = {"key_path": str(tmp_path_factory.mktemp("keys") / "k.key"), "passphrase": PASS,
                "passphrase_repeat": PASS}
        assert c.post("/api/deid/apply", json=body, headers=h).status_code == 200
        status = c.get("/deid").text
        assert "(pengganti yang realistis)" in status and "(surrogate)" not in status
    with logged_in(project_location, lang="en") as (_app, c, _csrf):
        assert "(realistic substitutes)" in c.get("/deid").text


def test_attribute_types_are_named_in_the_pages_language(project_location: str) -> None:
    build_private(project_location)
    with makna.open_project(project_location, coder="tester") as p:
        makna.define_attribute(p, "lama_usaha", "integer")
    with logged_in(project_location, lang="id") as (_app, c, _csrf):
        html = c.get("/cases").text
        assert '<option value="integer">bilangan bulat</option>' in html
        assert '<option value="boolean">ya atau tidak</option>' in html
        assert '<span class="type">bilangan bulat</span>' in html
        assert ">integer<" not in html and ">boolean<" not in html


def test_apply_in_the_browser_warns_of_a_key_in_the_projects_folder(project_location: str, tmp_path: Path,
                                                                     tmp_path_factory: pytest.TempPathFactory) -> None:
    build_private(project_location)
    with logged_in(project_location) as (_app, c, csrf):
        h = {"X-Makna-CSRF": csrf}
        assert c.post("/api/deid/scan", json={}, headers=h).status_code == 200
        assert c.post("/api/deid/decide-all", json={"status": "accepted"}, headers=h).status_code == 200
        body = {"key_path": str(tmp_path / "study.key"), "passphrase": PASS, "passphrase_repeat": PASS,
                "force": True}  # without it, refused (test_trial2_pages)
        r = c.post("/api/deid/apply", json=body, headers=h)
        assert r.status_code == 200, r.text
        warned = [w for w in r.json()["warnings"] if "inside the project's folder" in w]
        assert len(warned) == (1 if project_location.endswith(".makna") else 0), r.json()["warnings"]


def test_character_counts_are_grouped_as_the_page_language_writes_them(project_location: str) -> None:
    build_private(project_location)
    text = "P: " + "kata " * 330 + "\n"
    with makna.open_project(project_location, coder="tester") as p:
        src = makna.import_text(p, "panjang.txt", text, language="id")
    sid, n = src.id, src.length
    assert 1000 < n < 10_000
    for lang, shown, other in (("id", f"{n // 1000}.{n % 1000:03d}", f"{n:,}"), ("en", f"{n:,}", f"{n // 1000}.{n % 1000:03d}")):
        with logged_in(project_location, lang=lang) as (_app, c, _csrf):
            home, source = c.get("/").text, c.get(f"/sources/{sid}").text
            assert f'<td class="num">{shown}</td>' in home and f">{other}<" not in home
            assert f"{shown} " in source and other not in source
