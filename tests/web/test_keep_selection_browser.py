"""A selection not coded yet, when the source page reloads because the text changed (a manager applied
de-identification): kept where the same words still stand, else cleared with one line saying so, in
English and Indonesian (keep-selection.js)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from web_helpers import CHROMIUM, TOKEN, Client, serve_workbench

import makna
from makna.privacy.project import scan
from makna.privacy.project_apply import apply

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]

SOURCE = "penjual-kue.txt"
TEXT = (
    "P: Sejak kapan Ibu berjualan kue?\n"
    "I: Sejak pandemi. Saya Siti Rahmawati, tinggal dekat pasar.\n"
    "P: Bagaimana pembeli menghubungi Ibu?\n"
    "I: Lewat pesan, kadang mereka langsung datang ke rumah.\n"
)
KEPT = "kadang mereka langsung datang"  # after the name: its offsets move when the name is replaced
NEAR = "tinggal dekat pasar"  # just after the name: the words around it change, found by its own words
LOST = "Saya Siti Rahmawati, tinggal"  # holds the name: its words are gone after de-identification
CLEARED_EN = "The text changed, so your selection was cleared."
CLEARED_ID = "Teksnya berubah, jadi pilihan Anda dihapus."


def _build(location: str) -> None:
    with makna.create_project(location, "Uji pilihan", coder="tester") as p:
        makna.import_text(p, SOURCE, TEXT, language="id")
        makna.add_code(p, "kerja", "Pekerjaan", color="#F28E2B")
        scan(p)


def _open(context: Any, url: str, sid: str, errors: list[str]) -> Any:
    pg = context.new_page()
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(f"{url}/?token={TOKEN}")
    pg.goto(f"{url}/sources/{sid}")
    pg.wait_for_selector("body[data-ready='1'][data-live='on']")
    pg.evaluate("() => { window.__drawnBefore = true; }")  # gone once the page has reloaded
    return pg


def _select_with_the_mouse(pg: Any, phrase: str) -> None:
    """A DOM selection over ``phrase`` (what dragging the mouse makes), not coded."""
    at = TEXT.index(phrase)
    pg.evaluate(
        """([start, end]) => {
        const point = (pos) => {
            for (const leaf of document.querySelectorAll('#text .tx [data-s]')) {
                const s = +leaf.dataset.s, chars = [...leaf.textContent];
                if (s <= pos && pos <= s + chars.length) return [leaf.firstChild, chars.slice(0, pos - s).join('').length];
            }
            return null;
        };
        const a = point(start), b = point(end), r = document.createRange();
        r.setStart(a[0], a[1]); r.setEnd(b[0], b[1]);
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
    }""",
        [at, at + len(phrase)],
    )


def _held(pg: Any) -> Any:
    return pg.evaluate(
        "() => { const s = window.makna.heldSelection(); "
        "return s && {start: s.start, end: s.end, text: window.makna.spanText(s.start, s.end)}; }"
    )


def test_a_selection_survives_where_its_words_stand_and_is_cleared_aloud_elsewhere(
    project_location: str, browser: Any, tmp_path: Path
) -> None:
    _build(project_location)
    errors: list[str] = []
    with serve_workbench(project_location, coder="ani") as (app, server):  # the manager below is another
        sid = makna.get_source(app.state.project, SOURCE).id
        context = browser.new_context(viewport={"width": 1200, "height": 800})
        kept, near, lost = (_open(context, server.url, sid, errors) for _ in range(3))  # tabs: own sessionStorage
        _select_with_the_mouse(kept, KEPT)
        _select_with_the_mouse(near, NEAR)
        at = TEXT.index(LOST)
        lost.evaluate("([s, e]) => window.makna.setSelection(s, e)", [at, at + len(LOST)])  # by keyboard
        assert [_held(pg)["text"] for pg in (kept, near, lost)] == [KEPT, NEAR, LOST]
        assert kept.locator("#selection-cleared").is_hidden()

        with makna.open_project(project_location, coder="tester") as p:  # the manager, elsewhere
            apply(p, tmp_path / "k.key", "keep selection test passphrase", include_pending=True)
            text = makna.get_source(p, SOURCE).text
        assert "Siti Rahmawati" not in text and KEPT in text and NEAR in text

        for pg in (kept, near, lost):
            pg.wait_for_function("() => !window.__drawnBefore && document.body.dataset.ready === '1'", timeout=20_000)
        for pg, phrase in ((kept, KEPT), (near, NEAR)):
            got = _held(pg)
            assert got is not None and got["text"] == phrase
            assert (got["start"], got["end"]) == (text.index(phrase), text.index(phrase) + len(phrase))
            assert pg.locator("#selection-cleared").is_hidden()
        assert _held(lost) is None
        line = lost.locator("#selection-cleared")
        assert line.is_visible() and line.inner_text() == CLEARED_EN
        # the next selection puts the line away; a later plain reload restores nothing and says nothing
        lost.evaluate("() => window.makna.setSelection(3, 8)")
        assert line.is_hidden()
        kept.reload()
        kept.wait_for_selector("body[data-ready='1']")
        assert _held(kept) is None and kept.locator("#selection-cleared").is_hidden()
        context.close()
    assert not errors, errors


def test_the_line_is_in_indonesian_too(project_location: str) -> None:
    from makna.web import close_app, create_app

    _build(project_location)
    app = create_app(project_location, token=TOKEN, coder="tester", lang="id")
    c = Client(app)
    try:
        assert c.get(f"/?token={TOKEN}").status_code == 303
        sid = makna.get_source(app.state.project, SOURCE).id
        html = c.get(f"/sources/{sid}").text
        assert CLEARED_ID in html and 'id="selection-cleared"' in html and "/static/keep-selection.js" in html
    finally:
        c.close()
        close_app(app)
