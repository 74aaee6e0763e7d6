"""The agreement page's "Left out" line (a source one compared coder alone coded) is in the interface's
language: trial12 met "(coded by sari only)" on the Indonesian page, since the template's loop variable hid
the function that translates the reason."""

from __future__ import annotations

import html as markup
from collections.abc import Iterator

import pytest
from web_helpers import TOKEN, Client, login

import makna
from makna.web import close_app, create_app
from makna.web.errors_i18n import translate_error


@pytest.fixture
def one_coder_source(sample_location: str) -> str:
    with makna.open_project(sample_location, coder="tester") as p:
        makna.import_text(
            p, "catatan-lain.txt", "Peneliti: Apa kabar?\nInforman: Saya berjualan di pasar.", language="id"
        )
        makna.code_span(p, "catatan-lain.txt", 21, 30, "tempat")
    return sample_location


@pytest.fixture
def id_page(one_coder_source: str) -> Iterator[Client]:
    application = create_app(one_coder_source, token=TOKEN, coder="tester", lang="id")
    c = Client(application)
    login(c)
    yield c
    c.close()
    close_app(application)


def test_left_out_reason_is_translated(id_page: Client) -> None:
    html = id_page.get("/agreement", params={"run": "true", "unit": "sentence"}).text
    line = markup.unescape(html.split("catatan-lain.txt (", 1)[1].split(")", 1)[0])
    assert line == translate_error("coded by tester only", "id")
    assert "coded by" not in line and "tester" in line


@pytest.mark.parametrize("reason", ["coded by sari only", "no compared coder coded it"])
def test_left_out_reasons_have_indonesian(reason: str) -> None:
    assert translate_error(reason, "id") != reason
