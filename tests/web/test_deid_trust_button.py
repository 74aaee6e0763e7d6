"""The review page's button that accepts a checked de-identification claim (trust23, issue #11): shown next to the
claimed surrogate marks to managers only, in both languages, the source's name escaped; one click, one confirmation,
one ``deid.trust`` event; through the API (httpx ASGI) and in Chromium."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

import pytest
from pages_helpers import logged_in
from playwright.sync_api import expect
from sync_helpers import PASSWORD as SERVER_PASSWORD
from web_helpers import CHROMIUM, as_member, give_team_roles, workbench_page

import makna
from makna.exchange import export_qdpx, import_project
from makna.web.server_app import create_server_app

TEXT = "P: Siapa nama Anda?\nI: Nama saya Siti Rahmawati, tinggal di Padang. Nomor saya 0812-555-0199.\n"
NAME = 'informan <b>&"07</b>.txt'  # a name that must be escaped wherever the page shows it
BUTTON = '<button type="button" class="small trust"'


def _qdpx(tmp_path: Path) -> Path:
    """The .qdpx of a de-identified project, whose key the importer is not given: its claim is unverified."""
    with makna.create_project(str(tmp_path / "a.makna"), "A", coder="ana") as proj:
        makna.import_text(proj, NAME, TEXT, language="id")
        makna.deid_scan(proj)
        makna.decide_all(proj, "accepted")
        makna.deid_apply(proj, tmp_path / "k.makna-key", "kopi hujan sepeda jendela")
        export_qdpx(proj, tmp_path / "a.qdpx")
    return tmp_path / "a.qdpx"


def _claimed(tmp_path: Path) -> Path:
    """A project imported from that .qdpx and scanned: its detections on the claimed surrogates are marked."""
    target = tmp_path / "b.makna"
    assert import_project(_qdpx(tmp_path), target).unverified_claims == 1
    with makna.open_project(str(target)) as proj:
        makna.deid_scan(proj)
    return target


@pytest.mark.parametrize(
    ("lang", "label", "ask"),
    [
        ("en", "Trust the claim", "Accept the de-identification claim of"),
        ("id", "Percayai klaim ini", "Terima klaim de-identifikasi"),
    ],
)
def test_the_button_trusts_the_claim_once(tmp_path: Path, lang: str, label: str, ask: str) -> None:
    target = _claimed(tmp_path)
    with makna.open_project(str(target)) as proj:
        sid = makna.list_sources(proj)[0].id
    with logged_in(str(target), lang=lang) as (_app, c, csrf):
        html = c.get("/deid").text
        assert html.count(BUTTON) >= 1 and f'data-source="{sid}"' in html and f">{label}</button>" in html
        assert ask in html and "&lt;b&gt;&amp;&#34;07&lt;/b&gt;" in html and "<b>&" not in html
        done = c.post("/api/deid/trust", json={"source": sid}, headers={"X-Makna-CSRF": csrf})
        assert done.status_code == 200 and done.json()["source"] == NAME
        assert BUTTON not in c.get("/deid").text  # de-identified: no claim left to trust
        again = c.post("/api/deid/trust", json={"source": sid}, headers={"X-Makna-CSRF": csrf})
        assert again.status_code >= 400
    with makna.open_project(str(target)) as proj:
        assert [s.applied for s in makna.deid_status(proj)] == [True]
        assert [e.actor for e in makna.events(proj, action="deid.trust")] == ["tester"]


def test_only_a_manager_sees_the_button_on_the_team_server(team: Any, server_db: str, tmp_path: Path) -> None:
    team.import_project(_qdpx(tmp_path), owner="ana", name="Klaim")
    give_team_roles(team, "Klaim")
    base = team.open_project(team.project("Klaim"))
    makna.deid_scan(dataclasses.replace(base, coder_name="ana"))
    app = create_server_app(server_db, lang="en")
    try:
        for who, shown in (("budi", False), ("citra", False), ("dewi", True)):
            with as_member(app, who, SERVER_PASSWORD, "Klaim") as (c, h):
                html = c.get("/deid", headers=h).text
                assert 'class="muted claimed"' in html and (BUTTON in html) is shown, who
                if not shown:
                    assert c.post("/api/deid/trust", json={"source": NAME}, headers=h).status_code == 403
    finally:
        app.state.registry.close()


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)")
def test_the_button_in_chromium(browser: Any, tmp_path: Path) -> None:
    target = _claimed(tmp_path)
    with workbench_page(browser, str(target)) as (page, url):
        page.goto(f"{url}/deid")
        button = page.locator("#detections button.trust").first
        expect(button).to_have_text("Trust the claim")
        asked: list[str] = []
        page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
        button.click()
        page.wait_for_timeout(300)
        assert asked and NAME in asked[0]  # the name as it is, in a dialog (text, never markup)
        with makna.open_project(str(target)) as proj:
            assert not makna.events(proj, action="deid.trust")  # dismissed: nothing done
        page.once("dialog", lambda d: d.accept())
        with page.expect_navigation():
            button.click()
        expect(page.locator("#deid-status .status.yes")).to_have_count(1)
        expect(page.locator("#detections button.trust")).to_have_count(0)
    with makna.open_project(str(target)) as proj:
        assert len(makna.events(proj, action="deid.trust")) == 1
