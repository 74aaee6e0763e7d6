"""The HTML report in real headless Chromium, with a screenshot kept in test-artifacts/."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Chromium is not installed at /usr/bin/chromium")
def test_report_renders_in_chromium(tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    import makna
    from makna.demo import build_demo
    from makna.report import write_report

    demo = build_demo(tmp_path / "demo")
    with makna.open_project(demo.project_path) as project:
        files = write_report(project, tmp_path / "report", "id")
    ARTIFACTS.mkdir(exist_ok=True)
    errors: list[Any] = []
    with playwright.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("pageerror", lambda e: errors.append(e))
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(files.html.as_uri())
            assert page.title().startswith("Laporan temuan")
            assert page.locator("section.theme").count() == 2
            assert page.locator("figure.chart svg").count() == 4
            box = page.locator("#chart-frequency svg").bounding_box()
            assert box is not None and box["width"] > 100
            page.screenshot(path=str(ARTIFACTS / "report-top.png"))
            page.locator("#charts").scroll_into_view_if_needed()
            page.screenshot(path=str(ARTIFACTS / "report-charts.png"))
            page.screenshot(path=str(ARTIFACTS / "report-full.png"), full_page=True)
        finally:
            browser.close()
    assert not errors
    assert requests == [files.html.as_uri()]  # nothing fetched: self-contained
