"""Helpers for the tests of the search, analysis, de-identification, agreement and export pages: a
second sample project (uncoded, with identifiers and XSS payloads in its text) and an HTML audit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from typing import Any

from web_helpers import TOKEN, Client

import makna
from makna.web import close_app, create_app

XSS = ['<script>alert(1)</script>', '<img src=x onerror="alert(2)">', '"><svg onload=alert(3)>',
       "'><iframe src=javascript:alert(5)>"]
PRIVATE_SOURCE = "rahasia.txt"
PRIVATE_TEXT = (
    "P: Boleh minta kontak?\n"
    f"I: Boleh, nomor saya 0812-3456-7890 {XSS[0]} ya, email siti.rahma@contoh.id {XSS[1]}.\n"
    f"P: Terima kasih {XSS[2]}.\n"
    "I: Nama saya Siti Rahmawati, tinggal dekat pasar.\n"
)


def build_private(location: str, *, coder: str = "tester") -> None:
    """An uncoded project whose one transcript holds identifiers next to XSS payloads."""
    with makna.create_project(location, "Uji privasi", coder=coder) as p:
        makna.import_text(p, PRIVATE_SOURCE, PRIVATE_TEXT, language="id")
        makna.add_code(p, "kontak", "Kontak", color="#4E79A7")


@contextmanager
def logged_in(location: str, **kwargs: Any) -> Iterator[tuple[Any, Client, str]]:
    """(app, client with the token cookie, CSRF token) for the project at ``location``."""
    app = create_app(location, token=TOKEN, **{"lang": "en", "coder": "tester", **kwargs})
    c = Client(app)
    try:
        assert c.get(f"/?token={TOKEN}").status_code == 303
        html = c.get("/").text
        marker = 'name="makna-csrf" content="'
        i = html.index(marker) + len(marker)
        yield app, c, html[i: html.index('"', i)]
    finally:
        c.close()
        close_app(app)


class Audit(HTMLParser):
    """Every element or attribute through which a page could run script; images are allowed only
    from the chart route."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = dict(attrs)
        if tag == "img" and not (a.get("src") or "").startswith("/analysis/charts/"):
            self.found.append(f"img[src={a.get('src')}]")
        if tag in ("svg", "iframe", "object", "embed", "base", "style"):
            self.found.append(tag)
        if tag == "script" and not ("src" in a or a.get("type") == "application/json"):
            self.found.append("inline script")
        for k, v in attrs:
            if k.startswith("on") or k == "style":
                self.found.append(f"{tag}[{k}]")
            if k in ("href", "src", "action", "formaction") and (v or "").strip().lower().startswith("javascript:"):
                self.found.append(f"{tag}[{k}={v}]")


def dangerous(html: str) -> list[str]:
    audit = Audit()
    audit.feed(html)
    return audit.found
