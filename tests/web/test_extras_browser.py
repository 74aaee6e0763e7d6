"""End to end in headless Chromium (#13): margin stripes over the coded lines only (labelled,
clickable, memo marker, one-code filter), the memo panel (write, search, edit, delete, segment
memos), the recording (served from the project folder, turn highlighted, click-to-seek, turn time
set by hand) and import with de-identification in one flow. Screenshots at 800 and 1440 px go to
test-artifacts/web/."""

from __future__ import annotations

import os
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from web_helpers import ARTIFACTS, CHROMIUM, SOURCE, TOKEN, LiveServer, build_sample, serve_workbench

import makna

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]

LONG = ("Wawancara panjang (fiktif).\n\n"
        "I: " + "Saya mulai berjualan pakaian di pasar setiap pagi, lalu pulang untuk memasak. " * 6 +
        "Sejak pandemi saya pindah berjualan daring lewat aplikasi, dan itu jauh lebih tenang bagi saya.\n"
        "P: Terima kasih sudah bercerita.\n")
LAST = "Sejak pandemi saya pindah berjualan daring lewat aplikasi"
VTT = ("WEBVTT\n\n00:00:00.000 --> 00:00:01.500\n<v P>Apa kabar hari ini?\n\n"
       "00:00:01.500 --> 00:00:03.000\n<v I>Baik, terima kasih.\n\n00:00:03.000 --> 00:00:05.500\n<v P>Boleh cerita?\n")


def _wav(path: Path, seconds: float = 6.0) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * int(8000 * seconds))


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Any, LiveServer]]:
    location = str(tmp_path / "study.makna")
    build_sample(location)
    with makna.open_project(location, coder="tester") as p:
        makna.import_text(p, "panjang.txt", LONG, language="id")
        start = LONG.index(LAST)
        makna.code_span(p, "panjang.txt", start, start + len(LAST), "kerja", memo="pindah ke daring")
        (tmp_path / "talk.vtt").write_text(VTT, encoding="utf-8")
        makna.import_file(p, tmp_path / "talk.vtt")
    _wav(tmp_path / "audio" / "talk.wav")
    with serve_workbench(location, lang=None) as served:  # language from the browser
        yield served


@pytest.fixture
def console_errors() -> list[str]:
    return []


def _context(browser: Any, width: int, locale: str = "en-US") -> Any:
    return browser.new_context(viewport={"width": width, "height": 900}, locale=locale)


@pytest.fixture
def opened(browser: Any, served: tuple[Any, LiveServer], console_errors: list[str]) -> Iterator[Any]:
    """Open a page at a width (and browser language); script errors fail the test."""
    contexts: list[Any] = []

    def open_page(width: int = 1440, locale: str = "en-US") -> Any:
        context = _context(browser, width, locale)
        contexts.append(context)
        pg = context.new_page()
        pg.on("pageerror", lambda e: console_errors.append(str(e)))
        pg.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
        pg.on("dialog", lambda d: d.accept())
        pg.goto(f"{served[1].url}/?token={TOKEN}")
        return pg

    yield open_page
    for c in contexts:
        c.close()
    assert not console_errors, console_errors


def _source_id(app: Any, name: str) -> str:
    return str(makna.get_source(app.state.project, name).id)


def _until(pg: Any, script: str, timeout: float = 10.0) -> None:
    """Wait until ``script`` (a function) is true in the page (wait_for_function would need eval, which
    the workbench's Content-Security-Policy forbids)."""
    import time

    deadline = time.monotonic() + timeout
    while not pg.evaluate(script):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {script}")
        time.sleep(0.05)


def _shot(pg: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / name), full_page=False)


def _settled_boxes(*locators: Any, timeout: float = 5.0) -> list[dict[str, float]]:
    """The boxes of ``locators`` once two readings agree: a late redraw (web fonts loaded, the margin's
    lanes assigned again) replaces a stripe, and a box read while it is swapped is None."""
    import time

    deadline = time.monotonic() + timeout
    last: list[Any] = []
    while True:
        boxes = [loc.bounding_box() for loc in locators]
        if all(b is not None for b in boxes) and boxes == last:
            return boxes
        if time.monotonic() > deadline:
            raise AssertionError(f"boxes never settled: {boxes}")
        last = boxes
        time.sleep(0.05)


# ----------------------------------------------------------------------------- margin stripes
@pytest.mark.parametrize("width", [800, 1440])
def test_stripes_cover_only_the_coded_lines(opened: Any, served: tuple[Any, LiveServer], width: int) -> None:
    app, server = served
    pg = opened(width)
    pg.goto(f"{server.url}/sources/{_source_id(app, 'panjang.txt')}")
    pg.wait_for_selector("body[data-ready='1']")
    stripe = pg.locator(".stripe[data-code]").first
    expect(stripe).to_be_visible()
    assert stripe.locator(".label").text_content() == "Pekerjaan"
    assert stripe.get_attribute("aria-label") == "Pekerjaan (memo)"
    expect(stripe.locator(".memo-mark")).to_have_text("✎")
    row_box, stripe_box = _settled_boxes(pg.locator("#turn-1"), stripe)
    coded = pg.evaluate("""(phrase) => {
        const leaf = [...document.querySelectorAll('#turn-1 .hl')].find(l => l.textContent.startsWith(phrase));
        const rects = [...leaf.getClientRects()];
        return {top: Math.min(...rects.map(r => r.top)) + scrollY, bottom: Math.max(...rects.map(r => r.bottom)) + scrollY};
    }""", LAST[:20])
    # the turn wraps over several lines; the stripe spans the coded lines only
    assert row_box["height"] > 3 * stripe_box["height"] * 0.9
    assert abs(stripe_box["y"] - (coded["top"] - pg.evaluate("scrollY"))) < 3
    assert abs(stripe_box["y"] + stripe_box["height"] - (coded["bottom"] - pg.evaluate("scrollY"))) < 3
    _shot(pg, f"extras-stripes-{width}.png")
    stripe.click()
    expect(pg.locator("#popover")).to_be_visible()
    expect(pg.locator("#popover .seg-head b")).to_have_text("Pekerjaan")
    expect(pg.locator("#memo-kind")).to_have_value("segment")


def test_stripes_filter_to_one_code_and_follow_changes(opened: Any, served: tuple[Any, LiveServer]) -> None:
    app, server = served
    pg = opened()
    pg.goto(f"{server.url}/sources/{_source_id(app, SOURCE)}")
    pg.wait_for_selector("body[data-ready='1']")
    names = lambda: sorted(pg.locator(".stripe .label").all_text_contents())  # noqa: E731
    expect(pg.locator(".stripe .label")).to_have_count(3)  # the margin is drawn once the text is on screen
    assert names() == ["Emosi", "Senang", "Tempat"]
    pg.select_option("#stripe-only", label="Tempat")
    assert names() == ["Tempat"]
    other = pg.locator(".hl", has_text="saya senang sekali").first
    assert other.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    kept = pg.locator(".hl.keep", has_text="dekat pasar").first
    assert kept.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    # "warung kopi" is coded Tempat and (inside it, by kedua) Emosi: shown in Tempat's colour (k2) now
    inner = pg.locator(".hl", has_text="warung kopi").first
    assert inner.evaluate("e => [e.classList.contains('k2'), e.classList.contains('k0')]") == [True, False]
    _shot(pg, "extras-stripes-only-1440.png")
    pg.select_option("#stripe-only", value="")
    assert inner.evaluate("e => [e.classList.contains('k2'), e.classList.contains('k0'), 'k' in e.dataset]") == [
        False, True, False]
    assert names() == ["Emosi", "Senang", "Tempat"]
    pg.locator(".stripe[data-code]", has_text="Senang").click(modifiers=["Alt"])
    assert names() == ["Senang"]
    pg.select_option("#stripe-only", value="")
    # removing a coding through its popover takes its stripe away (rows re-rendered by source.js)
    pg.locator(".stripe", has_text="Senang").click()
    pg.locator("#popover .seg", has_text="Senang").get_by_role("button", name="Remove").click()
    expect(pg.locator(".stripe", has_text="Senang")).to_have_count(0)
    assert names() == ["Emosi", "Tempat"]


# ----------------------------------------------------------------------------- memos
def test_memo_panel_write_search_edit_delete(opened: Any, served: tuple[Any, LiveServer]) -> None:
    app, server = served
    pg = opened()
    pg.goto(f"{server.url}/sources/{_source_id(app, SOURCE)}")
    pg.wait_for_selector("body[data-ready='1']")
    expect(pg.locator("#memo-list .empty")).to_have_text("No memos yet.")
    payload = "<img src=x onerror=alert(1)> Ani ramah & terbuka"
    pg.fill("#memo-text", payload)
    pg.click("#memo-new button[type=submit]")
    expect(pg.locator("#memo-list li.memo")).to_have_count(1)
    expect(pg.locator("#memo-list .memo-text")).to_have_text(payload)
    assert pg.locator("#memo-list img").count() == 0
    pg.select_option("#memo-kind", "code")
    pg.select_option("#memo-code", label="Tempat")
    pg.fill("#memo-text", "Tempat bertemu yang aman")
    pg.click("#memo-new button[type=submit]")
    expect(pg.locator("#memo-list li.memo")).to_have_count(2)
    expect(pg.locator("#memo-list li[data-kind=code] .target")).to_have_text("Tempat")
    # a memo on the coding chosen from its stripe: the stripe gets the memo mark
    assert pg.locator(".stripe", has_text="Tempat").locator(".memo-mark").count() == 0
    pg.locator(".stripe", has_text="Tempat").click()
    pg.keyboard.press("Escape")
    pg.fill("#memo-text", "Warung kopi sebagai ruang aman")
    pg.click("#memo-new button[type=submit]")
    expect(pg.locator("#memo-list li[data-kind=segment] .excerpt")).to_have_text("warung kopi dekat pasar")
    expect(pg.locator(".stripe", has_text="Tempat").locator(".memo-mark")).to_have_count(1)
    # search
    pg.fill("#memo-search", "AMAN")
    expect(pg.locator("#memo-list li.memo")).to_have_count(2)
    pg.fill("#memo-search", "ramah terbuka")
    expect(pg.locator("#memo-list li.memo")).to_have_count(1)
    _shot(pg, "extras-memos-1440.png")
    # edit, then delete
    pg.locator("#memo-list li.memo").first.get_by_role("button", name="Edit").click()
    pg.fill("#memo-list textarea", "Ani ramah, terbuka")
    pg.locator("#memo-list").get_by_role("button", name="Save").click()
    expect(pg.locator("#memo-list .memo-text")).to_have_text("Ani ramah, terbuka")
    pg.fill("#memo-search", "")
    expect(pg.locator("#memo-list li.memo")).to_have_count(3)
    pg.locator("#memo-list li[data-kind=source]").get_by_role("button", name="Delete").click()
    expect(pg.locator("#memo-list li.memo")).to_have_count(2)
    # every source: the panel finds memos written elsewhere
    pg.goto(f"{server.url}/sources/{_source_id(app, 'panjang.txt')}")
    pg.wait_for_selector("body[data-ready='1']")
    expect(pg.locator("#memo-list li[data-kind=coding] .memo-text")).to_have_text("pindah ke daring")
    pg.check("#memo-everywhere")
    pg.fill("#memo-search", "warung")
    expect(pg.locator("#memo-list li.memo")).to_have_count(1)
    # retrieval shows the segment memo beside the segment, and the code's memo
    pg.goto(f"{server.url}/retrieve?code=tempat")
    expect(pg.locator(".seg-memos")).to_contain_text("Warung kopi sebagai ruang aman")
    expect(pg.locator(".code-memos")).to_contain_text("Tempat bertemu yang aman")


# ----------------------------------------------------------------------------- recording
def test_recording_plays_highlights_and_seeks(opened: Any, served: tuple[Any, LiveServer],
                                              console_errors: list[str]) -> None:
    app, server = served
    pg = opened(800)
    sid = _source_id(app, "talk.vtt")
    pg.goto(f"{server.url}/sources/{sid}")
    pg.wait_for_selector("body[data-ready='1']")
    pg.click("#drawer-toggle")  # at 800 px the side panels sit in the drawer (#13 layout)
    expect(pg.locator("#media-none")).to_be_visible()
    expect(pg.locator("#turn-1 .seek")).to_have_count(1)  # times from the subtitles, before any recording
    pg.fill("#media-path", "../outside.wav")
    pg.click("#media-link button")
    expect(pg.locator("#toast")).to_contain_text("inside the project folder")
    assert pg.locator("#media-element").count() == 0
    console_errors.remove("Failed to load resource: the server responded with a status of 400 (Bad Request)")
    pg.fill("#media-path", "audio/talk.wav")
    pg.click("#media-link button")
    player = pg.locator("#media-element")
    expect(player).to_have_attribute("src", f"/media/{sid}")
    _until(pg, "() => document.getElementById('media-element').readyState >= 1")
    assert pg.evaluate("document.getElementById('media-element').duration") == pytest.approx(6.0, abs=0.05)
    pg.locator("#turn-2 .seek").click()
    _until(pg, "() => Math.abs(document.getElementById('media-element').currentTime - 1.5) < 0.05")
    expect(pg.locator("#turn-2")).to_have_class("row turn playing")
    expect(pg.locator("#turn-2")).to_have_attribute("aria-current", "true")
    pg.evaluate("document.getElementById('media-element').pause()")
    pg.evaluate("window.makna.media.seek(3.2)")
    expect(pg.locator("#turn-3")).to_have_class("row turn playing")
    expect(pg.locator("#turn-2")).not_to_have_class("row turn playing")
    _shot(pg, "extras-recording-800.png")
    # set turn 1's start by hand from the player's time
    pg.evaluate("window.makna.media.seek(0.75)")
    pg.locator("#turn-1 .settime").click()
    expect(pg.locator("#turn-1 .seek")).to_have_attribute("data-t", "0.75")
    assert makna.get_turns(app.state.project, "talk.vtt")[0].time_start == "00:00:00.750"


def test_recording_panel_in_indonesian(opened: Any, served: tuple[Any, LiveServer]) -> None:
    app, server = served
    pg = opened(1440, "id-ID")
    pg.goto(f"{server.url}/sources/{_source_id(app, 'talk.vtt')}")
    pg.wait_for_selector("body[data-ready='1']")
    expect(pg.locator("#media-h")).to_have_text("Rekaman")
    expect(pg.locator("#memo-h")).to_have_text("Memo")
    expect(pg.locator("#stripe-panel label")).to_contain_text("Tampilkan hanya kode ini")
    expect(pg.locator("#turn-1 .seek")).to_have_attribute("title", "Putar dari sini")
    _shot(pg, "extras-source-id-1440.png")


# ----------------------------------------------------------------------------- import, then review
@pytest.mark.parametrize("width", [800, 1440])
def test_import_then_review_detections(opened: Any, served: tuple[Any, LiveServer], tmp_path: Path,
                                       width: int) -> None:
    app, server = served
    good = tmp_path / "up" / "informan-07.txt"
    good.parent.mkdir()
    good.write_text("P: Siapa nama Ibu?\nI: Nama saya Siti Rahmawati, nomor HP saya 0812-3456-7890.\n",
                    encoding="utf-8")
    bad = tmp_path / "up" / "rekaman.exe"
    bad.write_bytes(b"MZ")
    pg = opened(width)
    pg.goto(f"{server.url}/import")
    pg.set_input_files("#upload-files", [str(good), str(bad)])
    pg.select_option("#upload-language", "id")
    pg.click("#upload-go")
    expect(pg.locator("#upload-result tr.ok")).to_have_count(1)
    expect(pg.locator("#upload-result tr.ok a")).to_have_text("informan-07.txt")
    expect(pg.locator("#upload-result tr.bad")).to_contain_text("unsupported file type")
    expect(pg.locator("#scan-card")).to_be_visible()
    pg.click("#scan-new")
    review = pg.get_by_role("link", name="Review the detections")
    expect(review).to_be_visible()
    expect(pg.locator("#scan-result")).to_contain_text("detections to review")
    _shot(pg, f"extras-import-{width}.png")
    review.click()
    expect(pg.locator("#detections tbody tr").first).to_be_visible()
    types = pg.locator("#detections tbody tr td:nth-child(2)").all_text_contents()
    assert "PHONE" in types and any(t in types for t in ("PERSON", "NAME"))
    assert makna.get_source(app.state.project, "informan-07.txt").language == "id"
