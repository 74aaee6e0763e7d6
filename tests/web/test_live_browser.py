"""Two coders in two Chromium contexts, each on a workbench of their own over the same project (as
two team members would be): each sees the other's codings appear live; in a blind round they do not
(#14). On SQLite and PostgreSQL."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import CHROMIUM, SOURCE, TEXT, TOKEN, LiveServer

import makna
from makna.web import close_app, create_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]

WAIT_MS = 10_000
"""How long a page may take to show another coder's change: a bound for a loaded CI machine, not the latency
(benchmarks/live_bench.py measures delivery latency)."""


@pytest.fixture
def coders(sample_location: str, browser: Any) -> Iterator[dict[str, Any]]:
    """ani and budi, each with a workbench on a free port and a browser context on the source page."""
    apps, servers, contexts, pages = [], [], [], {}
    errors: list[str] = []
    for name in ("ani", "budi"):
        app = create_app(sample_location, token=TOKEN, coder=name, lang="en")
        server = LiveServer(app)
        context = browser.new_context(viewport={"width": 1200, "height": 800})
        pg = context.new_page()
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.goto(f"{server.url}/?token={TOKEN}")
        sid = makna.get_source(app.state.project, SOURCE).id
        pg.goto(f"{server.url}/sources/{sid}")
        pg.wait_for_selector("body[data-ready='1'][data-live='on']")
        apps.append(app)
        servers.append(server)
        contexts.append(context)
        pages[name] = pg
    yield pages
    for context in contexts:
        context.close()
    for server in servers:
        server.stop()
    for app in apps:
        close_app(app)
    assert not errors, errors


API_MS = 30_000
"""How long a page's API call may go unanswered: ``page.evaluate`` has no timeout of its own, and a request the
server never answers would stop the run without a word (live27)."""


def _bounded(page: Any, script: str, arg: Any) -> Any:
    """``page.evaluate(script, arg)`` where ``script`` is an async function: refused after :data:`API_MS`."""
    return page.evaluate(f"""async ([arg, ms]) => await Promise.race([({script})(arg),
        new Promise((_, fail) => setTimeout(() => fail(new Error(`no answer in ${{ms}} ms`)), ms))])""", [arg, API_MS])


def _code_via_page(page: Any, phrase: str, code: str) -> None:
    """Code ``phrase`` through the page's own API call, as its picker does."""
    at = TEXT.index(phrase)
    _bounded(page, """async ([start, end, code]) => {
        const codes = JSON.parse(document.getElementById('page-data').textContent).codes;
        const id = codes.find((c) => c.key === code).id;
        await window.makna.api('POST', '/api/segments', {source: window.makna.sourceId, start, end, code: id});
    }""", [at, at + len(phrase), code])


def _marks(page: Any, phrase: str) -> int:
    """How many highlighted leaves cover the start of ``phrase``."""
    at = TEXT.index(phrase)
    return int(page.evaluate("""(at) => [...document.querySelectorAll('#text .hl[data-s]')]
        .filter((l) => +l.dataset.s <= at && at < +l.dataset.s + [...l.textContent].length).length""", at))


def test_two_coders_see_each_others_codings_live(coders: dict[str, Any]) -> None:
    ani, budi = coders["ani"], coders["budi"]
    phrase = "sekarang jualan daring"
    assert _marks(budi, phrase) == 0
    _code_via_page(ani, phrase, "kerja")
    budi.wait_for_function("(at) => [...document.querySelectorAll('#text .hl[data-s]')].some("
                           "(l) => +l.dataset.s <= at && at < +l.dataset.s + [...l.textContent].length)",
                           arg=TEXT.index(phrase), timeout=WAIT_MS)
    segs = budi.evaluate("window.makna.sourceId")
    assert segs
    # and back: budi codes, ani sees it; budi removes it, it goes from ani's page
    other = "toko baju"
    _code_via_page(budi, other, "tempat")
    ani.wait_for_function("(at) => [...document.querySelectorAll('#text .hl[data-s]')].some("
                          "(l) => +l.dataset.s <= at && at < +l.dataset.s + [...l.textContent].length)",
                          arg=TEXT.index(other), timeout=WAIT_MS)
    seg_id = _bounded(budi, """async (at) => {
        const got = await window.makna.api('GET', '/api/sources/' + window.makna.sourceId + '/segments?coder=budi');
        return got.find((s) => s.start === at).id; }""", TEXT.index(other))
    _bounded(budi, "(id) => window.makna.api('DELETE', '/api/segments/' + id)", seg_id)
    ani.wait_for_function("(at) => ![...document.querySelectorAll('#text .hl[data-s]')].some("
                          "(l) => +l.dataset.s <= at && at < +l.dataset.s + [...l.textContent].length)",
                          arg=TEXT.index(other), timeout=WAIT_MS)


def test_blind_round_hides_the_other_coder(coders: dict[str, Any], sample_location: str) -> None:
    ani, budi = coders["ani"], coders["budi"]
    with makna.open_project(sample_location, coder="lead") as lead:
        makna.open_round(lead, "putaran-1")
    for pg in (ani, budi):  # the round reloads the page: a banner says what is hidden
        pg.wait_for_selector("#blind-banner", timeout=WAIT_MS)
        pg.wait_for_selector("body[data-ready='1'][data-live='on']")
    assert _marks(budi, "warung kopi") == 0  # kedua's and tester's earlier codings are hidden too
    phrase = "sekarang jualan daring"
    _code_via_page(ani, phrase, "kerja")
    ani.wait_for_timeout(1200)  # well past the live delay
    assert _marks(budi, phrase) == 0
    last = budi.evaluate("document.body.dataset.liveLast || ''")
    with makna.open_project(sample_location, coder="lead") as lead:
        makna.close_round(lead)
    budi.wait_for_function("(last) => !document.getElementById('blind-banner') && document.body.dataset.ready === '1'",
                           arg=last, timeout=WAIT_MS)
    budi.wait_for_function("(at) => [...document.querySelectorAll('#text .hl[data-s]')].some("
                           "(l) => +l.dataset.s <= at && at < +l.dataset.s + [...l.textContent].length)",
                           arg=TEXT.index(phrase), timeout=WAIT_MS)


def test_a_stale_codebook_edit_is_refused_in_the_page(coders: dict[str, Any], sample_location: str) -> None:
    budi = coders["budi"]
    budi.goto(budi.url.split("/sources/")[0] + "/codebook")
    budi.locator("#tree li.node[data-key='tempat']").click()
    budi.fill("#edit-form input[name='name']", "Tempat umum")
    with makna.open_project(sample_location, coder="ani") as ani:  # meanwhile ani renames it
        makna.update_code(ani, "tempat", name="Lokasi")
    # the live change or, when the save goes first, its refusal (409) shows the clash: the other's name and the
    # choice of keeping one's own or taking theirs; the save waits for that choice (product20)
    budi.locator("#edit-form button[type='submit']").click(force=True)
    conflict = budi.locator("#ed-conflict")
    expect(conflict).to_be_visible(timeout=WAIT_MS)
    expect(conflict).to_contain_text("ani")
    expect(conflict).to_contain_text("Lokasi")
    expect(budi.locator("#edit-form input[name='name']")).to_have_value("Tempat umum")  # nothing typed is lost
    with makna.open_project(sample_location, coder="ani") as ani:
        assert makna.get_code(ani, "tempat").name == "Lokasi"  # never last-writer-wins


def test_an_unanswered_call_fails_instead_of_waiting(browser: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from playwright.sync_api import Error

    monkeypatch.setattr(sys.modules[__name__], "API_MS", 300)
    page = browser.new_page()
    try:
        with pytest.raises(Error, match="no answer in 300 ms"):
            _bounded(page, "() => new Promise(() => {})", None)  # a request never answered
    finally:
        page.close()
