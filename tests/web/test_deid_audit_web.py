"""The de-identification audit in the workbench (audit24, issue #11): a manager's page ``/deid/audit`` and
``GET /api/deid/audit`` in both languages, every name escaped, never an original, a surrogate or the passphrase;
coders and viewers get 403 (a project file, and a team server on PostgreSQL); the page reached in Chromium."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from pages_helpers import logged_in
from playwright.sync_api import expect
from sync_helpers import PASSWORD as SERVER_PASSWORD
from web_helpers import CHROMIUM, as_member, give_team_roles, workbench_page

import makna
from deid_audit_helpers import PASS, absent, deidentify
from makna.web.server_app import create_server_app

NAME = "wawancara <b>&1.txt"  # a source name that must be escaped wherever the page shows it
ESCAPED = "wawancara &lt;b&gt;&amp;1.txt"


def _project(tmp_path: Path) -> tuple[Path, set[str]]:
    """A de-identified project; the strings no audit may show (originals, surrogates, the passphrase)."""
    studi = tmp_path / "studi.makna"
    with makna.create_project(str(studi), "Studi", coder="tester") as proj:
        originals, surrogates = deidentify(proj, tmp_path / "k.key", NAME)
    return studi, originals | surrogates | {PASS}


@pytest.mark.parametrize(
    ("lang", "title", "by_type"),
    [("en", "De-identification audit", "By type"), ("id", "Audit de-identifikasi", "Menurut jenis")],
)
def test_a_manager_reads_the_audit(tmp_path: Path, lang: str, title: str, by_type: str) -> None:
    studi, secrets = _project(tmp_path)
    with logged_in(str(studi), lang=lang) as (_app, c, _csrf):
        assert 'href="/deid/audit"' in c.get("/deid").text
        html = c.get("/deid/audit").text
        assert f"<h1>{title}</h1>" in html and f"<h2>{by_type}</h2>" in html
        assert ESCAPED in html and "<b>&" not in html
        assert 'data-type="PHONE"' in html and "deid.apply" in html
        absent(secrets, html, "the page")
        data = c.get("/api/deid/audit")
        assert data.status_code == 200
        body = data.json()
        phone = next(t for t in body["totals"] if t["type"] == "PHONE")
        assert phone["found"] == phone["accepted"] == phone["replaced"] == 1
        assert body["sources"][0]["source"] == NAME and {e["actor"] for e in body["events"]} == {"tester"}
        absent(secrets, data.text, "the API")


def test_only_a_manager_reads_it_on_the_team_server(team: Any, server_db: str, tmp_path: Path) -> None:
    studi, secrets = _project(tmp_path)
    team.import_project(studi, owner="ana", name="Audit")
    give_team_roles(team, "Audit")
    app = create_server_app(server_db, lang="en")
    try:
        for who, allowed in (("budi", False), ("citra", False), ("dewi", True)):
            with as_member(app, who, SERVER_PASSWORD, "Audit") as (c, h):
                page = c.get("/deid/audit", headers=h)
                data = c.get("/api/deid/audit", headers=h)
                assert ('href="/deid/audit"' in c.get("/deid", headers=h).text) is allowed, who
                if allowed:
                    assert page.status_code == 200 and data.status_code == 200 and ESCAPED in page.text
                    absent(secrets, page.text + data.text, "the server's audit")
                else:
                    assert page.status_code == 403 and data.status_code == 403, who
    finally:
        app.state.registry.close()


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)")
def test_the_audit_in_chromium(browser: Any, tmp_path: Path) -> None:
    studi, secrets = _project(tmp_path)
    with workbench_page(browser, str(studi)) as (page, url):
        page.goto(f"{url}/deid")
        with page.expect_navigation():
            page.locator("#deid-audit-link a").click()
        expect(page.locator("h1")).to_have_text("De-identification audit")
        expect(page.locator('#audit-types tr[data-type="PHONE"] td').last).to_have_text("1")
        expect(page.locator("#audit-sources tbody th").first).to_have_text(NAME)
        absent(secrets, page.content(), "the page in Chromium")
