"""The coders' copies on the de-identification page (trustweb24, issue #11): a manager sees each coder's copy (id,
member, file, date, state) and withdraws or gives back its right to seal, one copy or every copy of a member, in
both languages, every name escaped; coders and viewers get 403 from the API and see no control; one ``deid.revoke``
event with its actor. Through the API (httpx ASGI; a project file, and a team server on PostgreSQL) and in
Chromium."""

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
from makna.privacy.seals import seal_key
from makna.web.server_app import create_server_app

MEMBER = 'Sri <b>&"07'  # a name that must be escaped wherever the page shows it
ESCAPED = "Sri &lt;b&gt;&amp;&#34;07"


def _project(tmp_path: Path) -> tuple[Path, list[str]]:
    """A project with a seal key and three coder's copies: two of MEMBER, one of budi; their ids, oldest first."""
    studi = tmp_path / "studi.makna"
    with makna.create_project(str(studi), "Studi", coder="tester") as proj:
        makna.import_text(proj, "wawancara.txt", "P: Apa kabar?\nI: Baik, terima kasih.\n", language="id")
        seal_key(proj, needed=True)
    for name, coder in (("sri<b>.makna", MEMBER), ("sri2.makna", MEMBER), ("budi.makna", "budi")):
        makna.copy_project(studi, tmp_path / name, coder=coder)
    with makna.open_project(str(studi)) as proj:
        return studi, [c.id for c in coder_copies(proj)]


def _states(studi: Path) -> list[str]:
    with makna.open_project(str(studi)) as proj:
        return [c.state for c in coder_copies(proj)]


@pytest.mark.parametrize(
    ("lang", "title", "withdraw"),
    [("en", "Coders&#39; copies", "Withdraw every copy"), ("id", "Salinan para pengode", "Tarik semua salinan")],
)
def test_a_manager_sees_each_copy_and_withdraws_one_then_a_member(
    tmp_path: Path, lang: str, title: str, withdraw: str
) -> None:
    studi, ids = _project(tmp_path)
    with logged_in(str(studi), lang=lang) as (_app, c, csrf):
        html = c.get("/deid").text
        assert 'id="deid-copies"' in html and title in html and f">{withdraw}</button>" in html
        assert all(f'data-copy="{i}"' in html for i in ids) and html.count('class="small copy-withdraw"') == 3
        assert ESCAPED in html and "sri&lt;b&gt;.makna" in html and "<b>&" not in html
        listed = c.get("/api/deid/copies").json()
        assert [(r["id"], r["member"], r["file"], r["state"]) for r in listed] == [
            (ids[0], MEMBER, "sri<b>.makna", "seals"),
            (ids[1], MEMBER, "sri2.makna", "seals"),
            (ids[2], "budi", "budi.makna", "seals"),
        ]
        h = {"X-Makna-CSRF": csrf}
        assert c.post("/api/deid/copies/withdraw", json={"copy_id": ids[0]}).status_code == 403  # no CSRF
        done = c.post("/api/deid/copies/withdraw", json={"copy_id": ids[0]}, headers=h)
        assert done.status_code == 200 and done.json()["copies"][0]["state"] == "withdrawn"
        assert _states(studi) == ["withdrawn", "seals", "seals"]
        assert 'class="small copy-restore"' in c.get("/deid").text
        done = c.post("/api/deid/copies/withdraw", json={"member": MEMBER}, headers=h)
        assert done.status_code == 200 and done.json()["withdrawn"] == [MEMBER]
        assert _states(studi) == ["withdrawn", "withdrawn", "seals"]
        back = c.post("/api/deid/copies/withdraw", json={"copy_id": ids[1], "restore": True}, headers=h)
        assert back.status_code == 200 and _states(studi) == ["withdrawn", "seals", "seals"]
        for bad in ({}, {"copy_id": ids[0], "member": "budi"}):
            assert c.post("/api/deid/copies/withdraw", json=bad, headers=h).status_code == 422
        unknown = c.post("/api/deid/copies/withdraw", json={"copy_id": "ffffffff"}, headers=h)
        assert unknown.status_code == 400 and _states(studi) == ["withdrawn", "seals", "seals"]
    with makna.open_project(str(studi)) as proj:
        events = makna.events(proj, action="deid.revoke")
    assert [(e.actor, e.payload.get("restore")) for e in reversed(events)] == [
        ("tester", False),
        ("tester", False),
        ("tester", True),
    ]


def test_no_copy_yet_says_so(tmp_path: Path) -> None:
    with makna.create_project(str(tmp_path / "s.makna"), "S", coder="tester"):
        pass
    with logged_in(str(tmp_path / "s.makna")) as (_app, c, _csrf):
        html = c.get("/deid").text
        assert 'id="no-copies"' in html and 'class="small copy-withdraw"' not in html
        assert c.get("/api/deid/copies").json() == []


def test_only_a_manager_sees_and_withdraws_on_the_team_server(team: Any, server_db: str, tmp_path: Path) -> None:
    studi, ids = _project(tmp_path)
    team.import_project(studi, owner="ana", name="Salinan")
    give_team_roles(team, "Salinan")
    app = create_server_app(server_db, lang="en")
    try:
        for who, shown in (("budi", False), ("citra", False), ("dewi", True)):
            with as_member(app, who, SERVER_PASSWORD, "Salinan") as (c, h):
                html = c.get("/deid", headers=h).text
                assert ('id="deid-copies"' in html) is shown and ("copy-withdraw" in html) is shown, who
                listed = c.get("/api/deid/copies", headers=h)
                done = c.post("/api/deid/copies/withdraw", json={"copy_id": ids[2]}, headers=h)
                if shown:
                    assert ESCAPED in html and [row["id"] for row in listed.json()] == ids
                    assert done.status_code == 200 and done.json()["copies"][0]["state"] == "withdrawn"
                else:
                    assert listed.status_code == 403 and done.status_code == 403, who
        base = team.open_project(team.project("Salinan"))
        events = makna.events(base, action="deid.revoke")
        assert [(e.actor, e.payload["copy"]) for e in events] == [("dewi", events[0].payload["copy"])]
        assert events[0].payload["copy"].startswith(ids[2])
    finally:
        app.state.registry.close()


@pytest.mark.browser
@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)")
def test_withdraw_and_give_back_in_chromium(browser: Any, tmp_path: Path) -> None:
    studi, ids = _project(tmp_path)
    with workbench_page(browser, str(studi)) as (page, url):
        page.goto(f"{url}/deid")
        button = page.locator(f'#deid-copies button.copy-withdraw[data-copy="{ids[2]}"]')
        expect(button).to_have_text("Withdraw")
        asked: list[str] = []
        page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
        button.click()
        page.wait_for_timeout(300)
        assert asked and "budi.makna" in asked[0] and _states(studi) == ["seals", "seals", "seals"]
        page.once("dialog", lambda d: d.accept())
        with page.expect_navigation():
            button.click()
        expect(page.locator(f'#deid-copies tr[data-copy="{ids[2]}"] .copy-state')).to_have_text("withdrawn")
        assert _states(studi) == ["seals", "seals", "withdrawn"]
        member = page.locator("#copy-members button.member-withdraw").nth(1)  # sorted case-insensitively
        expect(member).to_have_attribute("data-member", MEMBER)
        page.once("dialog", lambda d: d.accept())
        with page.expect_navigation():
            member.click()
        assert _states(studi) == ["withdrawn", "withdrawn", "withdrawn"]
        page.once("dialog", lambda d: d.accept())
        with page.expect_navigation():
            page.locator(f'#deid-copies button.copy-restore[data-copy="{ids[0]}"]').click()
        assert _states(studi) == ["seals", "withdrawn", "withdrawn"]
