"""Walk the workbench in Indonesian and fail on any English the catalogue translates: a text node or a
title/placeholder/aria-label that is exactly an English msgid whose Indonesian form differs, an identifier
type shown by its code (``PERSON``, ``NATIONAL_ID``), and an import failure left in the importers'
English."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from web_helpers import SOURCE, TOKEN, Client

import makna
from makna.cases import add_case
from makna.memos import add_memo
from makna.privacy import PII_TYPES
from makna.privacy.project import scan
from makna.web import close_app, create_app
from makna.web.i18n import LOCALE_DIR, parse_po

ID = {"Accept-Language": "id-ID,id;q=0.9"}
PAGES = (
    "/",
    "/deid",
    "/deid?status=all",
    "/deid/audit",
    "/codebook",
    "/cases",
    "/search",
    "/analysis",
    "/agreement",
    "/export",
    "/retrieve",
    "/rounds",
    "/suggest",
    "/import",
)
# names that are the same in both languages, or proper names of formats and tools
SAME = frozenset({"English"})


class _Shown(HTMLParser):
    """The text a person sees (text nodes outside scripts and styles, and the hint attributes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        self.parts += [v for k, v in attrs if k in ("title", "placeholder", "aria-label", "alt") and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.parts.append(data)


def _shown(html: str) -> list[str]:
    parser = _Shown()
    parser.feed(html)
    return [" ".join(p.split()) for p in parser.parts]


def _page_data(html: str) -> dict[str, Any]:
    m = re.search(r'<script type="application/json" id="page-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1)) if m else {}


def _english(catalogue: dict[str, str]) -> set[str]:
    return {k for k, v in catalogue.items() if k and "\0" not in k and v != k and k not in SAME and len(k) > 2}


def _untranslated(html: str, english: set[str]) -> list[str]:
    found = []
    for text in _shown(html):
        if text in english:
            found.append(text)
        # a type code as a word (tag mode's example "[PERSON-1]" is what the text will hold: left)
        found += [f"type code {t} in {text!r}" for t in PII_TYPES if re.search(rf"(?<![\[\w]){t}(?![\w-])", text)]
    for key, value in _page_data(html).get("msg", {}).items():  # the script's messages
        if key in english and value == key:
            found.append(f"script message {key!r}")
    return found


@pytest.fixture
def indonesian(sample_location: str) -> Any:
    with makna.open_project(sample_location, coder="tester") as p:
        add_case(p, "Informan Sari", "Sari dari Bukittinggi, HP 0812-5550-1234, NIK 1371015501900001")
        add_memo(p, "project", None, "Catatan: Sari tinggal di Padang, nomor 0812-5550-1234", title="Catatan lapangan")
        scan(p)
    app = create_app(sample_location, token=TOKEN, coder="tester")
    c = Client(app)
    c.get(f"/?token={TOKEN}")
    yield app, c
    c.close()
    close_app(app)


def test_indonesian_pages_show_no_english_the_catalogue_translates(indonesian: Any) -> None:
    app, c = indonesian
    english = _english(parse_po((LOCALE_DIR / "id" / "LC_MESSAGES" / "makna_web.po").read_text(encoding="utf-8")))
    source_id = makna.get_source(app.state.project, SOURCE).id
    problems: dict[str, list[str]] = {}
    for path in (*PAGES, f"/sources/{source_id}", f"/deid?text={source_id}", f"/deid?source={source_id}&status=all"):
        r = c.get(path, headers=ID)
        assert r.status_code == 200, path
        assert 'lang="id"' in r.text, path
        if found := _untranslated(r.text, english):
            problems[path] = found
    assert problems == {}
    # the review shows Indonesian type names (the code stays in data-type and the option values)
    html = c.get("/deid?status=all", headers=ID).text
    assert "nama orang" in html and "nomor identitas" in html and 'value="NATIONAL_ID"' in html
    assert _page_data(html)["types"]["PHONE"] == "nomor telepon"
    # and English pages keep the codes, as the command line and the docs name them
    english_page = c.get("/deid?status=all", headers={"Accept-Language": "en"}).text
    assert ">NATIONAL_ID<" in english_page and "nomor identitas" not in english_page


def test_the_walk_sees_english(indonesian: Any) -> None:
    """The check can fail: an English page is full of what it looks for."""
    _app, c = indonesian
    english = _english(parse_po((LOCALE_DIR / "id" / "LC_MESSAGES" / "makna_web.po").read_text(encoding="utf-8")))
    found = _untranslated(c.get("/deid?status=all", headers={"Accept-Language": "en"}).text, english)
    assert "Scan the sources" in found and any("type code PERSON" in f for f in found)


def test_import_failures_in_indonesian(indonesian: Any) -> None:
    _app, c = indonesian
    html = c.get("/import", headers=ID).text
    csrf = re.search(r'name="makna-csrf" content="([^"]+)"', html)
    assert csrf is not None
    files = [
        ("files", ("kosong.txt", b"", "text/plain")),
        ("files", ("lama.doc", b"\xd0\xcf\x11\xe0", "application/msword")),
        ("files", ("aneh.xyz", b"abc", "application/octet-stream")),
        ("files", ("rusak.docx", b"not a zip", "application/octet-stream")),
        ("files", ("salinan.txt", makna.get_source(_app.state.project, SOURCE).text.encode(), "text/plain")),
    ]
    r = c.post("/api/import", files=files, headers={**ID, "X-Makna-CSRF": csrf.group(1)})
    assert r.status_code == 200, r.text
    report = r.json()
    errors = {f["file"]: f["error"] for f in report["failed"] + report["duplicates"]}
    assert errors["kosong.txt"] == "kosong.txt: berkasnya kosong"
    assert "berkas Word .doc lama" in errors["lama.doc"]
    assert "tidak didukung" in errors["aneh.xyz"]
    assert errors["rusak.docx"].startswith("rusak.docx: bukan berkas .docx yang sah")
    assert "sama persis dengan sumber" in errors["salinan.txt"]
    # in English, the importers' own words
    r = c.post("/api/import", files=files[:1], headers={"Accept-Language": "en", "X-Makna-CSRF": csrf.group(1)})
    assert r.json()["failed"][0]["error"] == "kosong.txt: the file is empty"


def test_type_names_agree_between_the_catalogue_and_the_command_line() -> None:
    """``makna demo --lang id`` (the default) names the identifier types as the workbench does."""
    from makna.report.i18n import TYPE_NAMES, type_name
    from makna.web.deid_text import type_names

    assert type_names("id") == TYPE_NAMES["id"] and set(TYPE_NAMES["id"]) == set(PII_TYPES)
    assert type_names("en") == {t: t for t in PII_TYPES} and type_name("PERSON", "en") == "PERSON"


def test_demo_progress_in_indonesian(tmp_path: Any) -> None:
    from typer.testing import CliRunner

    from makna.cli import app

    result = CliRunner().invoke(app, ["demo", "--dir", str(tmp_path), "--lang", "id"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("·")]
    replaced = [line for line in lines if "diganti" in line]
    assert replaced and "men-de-identifikasi transkrip" in result.output
    assert not [line for line in lines for t in PII_TYPES if re.search(rf"\b{t}\b", line)], lines
