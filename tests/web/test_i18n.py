"""English and Indonesian catalogues: complete, compiled, chosen from the browser or a setting."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from web_helpers import TOKEN, Client

from makna.web import close_app, create_app
from makna.web.i18n import (
    LOCALE_DIR,
    choose_language,
    compile_po,
    messages_in_use,
    parse_po,
    translations,
)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_catalogue_is_compiled_and_up_to_date(lang: str) -> None:
    po = LOCALE_DIR / lang / "LC_MESSAGES" / "makna_web.po"
    assert po.with_suffix(".mo").read_bytes() == compile_po(po.read_text(encoding="utf-8")), \
        "run: python -m makna.web.i18n"


def test_every_message_has_an_indonesian_translation() -> None:
    catalogue = parse_po((LOCALE_DIR / "id" / "LC_MESSAGES" / "makna_web.po").read_text(encoding="utf-8"))
    singles, plurals = messages_in_use()
    assert len(singles) > 80
    assert [m for m in singles if not catalogue.get(m)] == []
    assert [p for p in plurals if f"{p[0]}\0{p[1]}" not in catalogue] == []
    for m in singles:  # placeholders survive translation
        assert sorted(_fields(m)) == sorted(_fields(catalogue[m])), m


def _fields(text: str) -> list[str]:
    import re

    return re.findall(r"%\((\w+)\)s", text)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU msgfmt is not installed")
@pytest.mark.parametrize("lang", ["en", "id"])
def test_gnu_msgfmt_agrees(lang: str, tmp_path: Path) -> None:
    po = LOCALE_DIR / lang / "LC_MESSAGES" / "makna_web.po"
    subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "x.mo"), str(po)], check=True)
    import gettext

    with (tmp_path / "x.mo").open("rb") as gnu, po.with_suffix(".mo").open("rb") as ours:
        a, b = gettext.GNUTranslations(gnu), gettext.GNUTranslations(ours)
    for m in messages_in_use()[0]:
        assert a.gettext(m) == b.gettext(m)
    assert a.ngettext("%(num)s segment", "%(num)s segments", 3) == b.ngettext("%(num)s segment", "%(num)s segments", 3)


def test_po_parser_handles_continuations_plurals_and_fuzzy() -> None:
    text = ('msgid ""\nmsgstr "Language: id\\n"\n\n#, fuzzy\nmsgid "a"\nmsgstr "A"\n\n'
            'msgid "long "\n"line"\nmsgstr "baris "\n"panjang"\n\n'
            'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "satu"\n\nmsgid "empty"\nmsgstr ""\n')
    assert parse_po(text) == {"": "Language: id\n", "long line": "baris panjang", "one\0many": "satu"}


@pytest.mark.parametrize(("setting", "cookie", "header", "want"), [
    (None, None, "id-ID,id;q=0.9,en;q=0.8", "id"),
    (None, None, "en-US,en;q=0.9,id;q=0.5", "en"),
    (None, None, "fr-FR,id;q=0.7,en;q=0.6", "id"),
    (None, None, "fr, de", "en"),
    (None, None, None, "en"),
    (None, None, "en;q=0.2, id;q=0.9", "id"),
    (None, "en", "id", "en"),
    ("id", "en", "en", "id"),
    (None, "xx", "id", "id"),
])
def test_language_choice(setting: str | None, cookie: str | None, header: str | None, want: str) -> None:
    assert choose_language(setting=setting, cookie=cookie, accept_language=header) == want


def test_pages_follow_the_browser_and_the_cookie(sample_location: str) -> None:
    app = create_app(sample_location, token=TOKEN)
    c = Client(app)
    try:
        c.get(f"/?token={TOKEN}")
        id_page = c.get("/codebook", headers={"Accept-Language": "id-ID,id;q=0.9"}).text
        assert "Buku kode" in id_page and 'lang="id"' in id_page and "Tambah kode" in id_page
        en_page = c.get("/codebook", headers={"Accept-Language": "en"}).text
        assert "Add code" in en_page and 'lang="en"' in en_page
        c.cookies.set("makna_lang", "id")
        assert "Beranda" in c.get("/", headers={"Accept-Language": "en"}).text
        retrieval = c.get("/retrieve", params={"code": "emosi"}).text
        assert "2 segmen" in retrieval
    finally:
        c.close()
        close_app(app)


def test_setting_fixes_the_language(app: Any, client: Client) -> None:
    assert 'lang="en"' in client.get("/", headers={"Accept-Language": "id"}).text
    assert translations("id").gettext("Codebook") == "Buku kode"
    assert translations("xx").gettext("Codebook") == "Codebook"
