"""Every action button of the de-identification review lies inside the window and takes a click, at a
1400, 1280 and 1024 pixel wide window and a phone's width (product19, #11: at 1400 px the row's buttons
were cut off at the right), in English and in Indonesian (longer labels)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pages_helpers import build_private
from web_helpers import CHROMIUM, TOKEN, serve_workbench

import makna
from makna.privacy.project import scan

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]
# (a 1400 px window at 125 % zoom is 1120 CSS pixels wide)
WIDTHS = [(1400, 900), (1280, 800), (1120, 720), (1024, 768), (390, 844)]

# each visible button (or link styled as one) of the review: inside the window without scrolling sideways,
# and the topmost element at its middle (nothing covers or clips it)
_OUTSIDE = """() => {
    const found = [];
    const width = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll('main button, #detections td.actions a')) {
        if (el.closest('[hidden]') || el.offsetParent === null) continue;
        el.scrollIntoView({block: 'center', inline: 'nearest'});
        window.scrollTo(0, window.scrollY);  // back to the left edge: a button reached only sideways is cut off
        const r = el.getBoundingClientRect();
        const x = r.left + r.width / 2, y = r.top + r.height / 2;
        const top = document.elementFromPoint(x, y);
        const label = (el.id || el.className || el.tagName) + ' ' + el.textContent.trim();
        if (r.left < 0 || r.right > width) found.push(`${label}: x ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
        else if (!top || !(top === el || el.contains(top))) found.push(`${label}: covered by ${top ? top.outerHTML.slice(0, 60) : 'nothing'}`);
    }
    return found;
}"""


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> str:
    location = str(tmp_path_factory.mktemp("widths") / "study.makna")
    build_private(location)
    with makna.open_project(location, coder="tester") as p:
        scan(p)
    return location


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_review_button_is_inside_the_window(browser: Any, study: str, lang: str, tmp_path: Path) -> None:
    failures: list[str] = []
    with serve_workbench(study, lang=lang) as (_app, server):
        for width, height in WIDTHS:
            ctx = browser.new_context(viewport={"width": width, "height": height})
            pg = ctx.new_page()
            pg.goto(f"{server.url}/?token={TOKEN}")
            pg.goto(f"{server.url}/deid?status=all")
            pg.wait_for_selector("body[data-ready='1']")
            assert pg.locator("#detections tr[data-id]").count() > 0
            outside = pg.evaluate(_OUTSIDE)
            if outside:
                pg.screenshot(path=str(tmp_path / f"deid-{lang}-{width}.png"), full_page=True)
                failures.append(f"{width} px ({lang}): {len(outside)} outside, {outside[:3]}")
                ctx.close()
                continue
            # and a click lands: the last row's Reject (the farthest right) decides its row
            last = pg.locator("#detections tr[data-id]").last
            last.locator("button.decide[data-status='rejected']").click(timeout=3000)
            pg.wait_for_function("el => el.dataset.status === 'rejected'", arg=last.element_handle())
            last.locator("button.decide[data-status='accepted']").click(timeout=3000)  # back, for the next width
            pg.wait_for_function("el => el.dataset.status === 'accepted'", arg=last.element_handle())
            ctx.close()
    assert failures == []
