"""A manager makes a coder's copy for a member from the workbench (teamtrust25, issue #11), as ``makna copy NEW
--coder NAME`` does and with its checks (makna.copying.copy_for_coder): the copy goes into the folder 'copies'
beside the project file, holds the member's own seal key, is listed on the copies card and logged with the
manager as actor; a taken file, the name 'project', a path and a blank member are refused; on a team server the
members pull their own copies (no form; the route refuses). Both languages, through the API and in Chromium."""

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
from makna.privacy.seal_copies import coder_copies
from makna.privacy.seals import meta_seal, meta_sealer, seal_key
from makna.web.server_app import create_server_app


def _project(tmp_path: Path) -> Path:
    studi = tmp_path / "studi.makna"
    with makna.create_project(str(studi), "Studi", coder="tester") as proj:
        makna.import_text(proj, "wawancara.txt", "P: Apa kabar?\nI: Baik, terima kasih.\n", language="id")
        seal_key(proj, needed=True)
    return studi


def _copies(studi: Path) -> list[tuple[str, str, str]]:
    with makna.open_project(str(studi)) as proj:
        return [(c.member, c.file, c.state) for c in coder_copies(proj)]


@pytest.mark.parametrize(("lang", "button"), [("en", "Make a coder&#39;s copy"), ("id", "Buat salinan pengode")])
def test_a_manager_makes_a_coders_copy_for_a_member(tmp_path: Path, lang: str, button: str) -> None:
    """BASE: no route made a copy (404) and the card had no form."""
    studi = _project(tmp_path)
    with logged_in(str(studi), lang=lang) as (_app, c, csrf):
        html = c.get("/deid").text
        assert 'id="copy-make"' in html and f">{button}</button>" in html and 'id="copies-pulled"' not in html
        h = {"X-Makna-CSRF": csrf}
        assert c.post("/api/deid/copies/make", json={"member": "budi"}).status_code == 403  # no CSRF
        done = c.post("/api/deid/copies/make", json={"member": "budi"}, headers=h)
        assert done.status_code == 200, done.text
        made = Path(done.json()["path"])
        assert made == tmp_path / "copies" / "studi-budi.makna" and made.is_file() and not done.json()["blind"]
        assert done.json()["copy"]["member"] == "budi" and done.json()["copy"]["state"] == "seals"
        again = c.post("/api/deid/copies/make", json={"member": "budi"}, headers=h)
        assert again.status_code == 400 and "already exists" in again.json()["error"]
        for bad in ({"member": "project"}, {"member": "budi", "file": "../x.makna"}, {"member": "budi", "file": ".x"}):
            assert c.post("/api/deid/copies/make", json=bad, headers=h).status_code == 400, bad
        assert c.post("/api/deid/copies/make", json={"member": ""}, headers=h).status_code == 422
        blind = c.post("/api/deid/copies/make", json={"member": "citra", "file": "c", "blind": True}, headers=h)
        assert blind.status_code == 200 and blind.json()["blind"] and blind.json()["path"].endswith("copies/c.makna")
        assert "studi-budi.makna" in c.get("/deid").text
    assert _copies(studi) == [("budi", "studi-budi.makna", "seals"), ("citra", "c.makna", "no key")]
    with makna.open_project(str(tmp_path / "copies" / "studi-budi.makna")) as copy:
        sealer = meta_sealer(copy.store.meta())
        assert sealer is not None and sealer.by == "budi" and meta_seal(copy.store.meta()) is None
        assert copy.actor == "budi"
    with makna.open_project(str(studi)) as proj:
        events = makna.events(proj, action="sync.pull")
    assert [(e.actor, e.payload["coder"]) for e in reversed(events)] == [("tester", "budi"), ("tester", "citra")]


def test_on_the_team_server_members_pull_their_own_copies(team: Any, server_db: str, tmp_path: Path) -> None:
    give_team_roles(team, "Studi")
    app = create_server_app(server_db, lang="en")
    try:
        for who, status in (("budi", 403), ("dewi", 400)):
            with as_member(app, who, SERVER_PASSWORD, "Studi") as (c, h):
                html = c.get("/deid", headers=h).text
                assert 'id="copy-make"' not in html
                assert ('id="copies-pulled"' in html) is (who == "dewi")
                done = c.post("/api/deid/copies/make", json={"member": "budi"}, headers=h)
                assert done.status_code == status, who
                if status == 400:
                    assert "makna pull" in done.json()["error"]
    finally:
        app.state.registry.close()


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)")
def test_make_a_copy_in_chromium(browser: Any, tmp_path: Path) -> None:
    studi = _project(tmp_path)
    with workbench_page(browser, str(studi)) as (page, url):
        page.goto(f"{url}/deid")
        expect(page.locator("#no-copies")).to_be_visible()
        page.fill('#copy-make input[name="member"]', "Sri Wahyuni")
        with page.expect_navigation():
            page.click('#copy-make button[type="submit"]')
        expect(page.locator("#deid-copies tr[data-copy] td").nth(1)).to_have_text("studi-Sri-Wahyuni.makna")
        expect(page.locator("#toast")).to_contain_text("copies/studi-Sri-Wahyuni.makna")
    assert _copies(studi) == [("Sri Wahyuni", "studi-Sri-Wahyuni.makna", "seals")]
