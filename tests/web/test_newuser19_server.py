"""What a nineteenth new user's trial (a supervisor and two students on the team server, #11) found."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sync_helpers import PASSWORD as SERVER_PASSWORD
from web_helpers import Client

from makna.server.ratelimit import LoginLimiter
from makna.web.server_app import create_server_app


@pytest.fixture
def server(team: Any, server_db: str) -> Iterator[Any]:
    app = create_server_app(server_db, lang="en", limiter=LoginLimiter(failures=5, window=600))
    yield app
    app.state.registry.close()


def _page(app: Any, name: str, path: str) -> str:
    c = Client(app)
    try:
        r = c.post("/login", json={"name": name, "password": SERVER_PASSWORD})
        assert r.status_code == 200, r.text
        page = c.get(path, headers={"X-Makna-Project": "Studi"})
        assert page.status_code == 200, page.text[:300]
        return page.text
    finally:
        c.close()


@pytest.mark.parametrize("who", ["budi", "citra"])
def test_a_coder_or_viewer_reads_the_codebook_without_a_managers_controls(server: Any, who: str) -> None:
    """A student (coder) got the codebook page of a manager: 'Click a code to edit it', Add code, Import,
    Save, Move, Merge and Delete, each refused with 403 only after she had typed her change."""
    html = _page(server, who, "/codebook")
    assert 'id="codebook-readonly"' in html
    assert "Click a code to edit it" not in html
    assert 'id="add-code" hidden' in html and 'id="import-codebook" hidden' in html
    assert 'id="root-drop" data-target="" hidden' in html and 'draggable="true"' not in html
    assert 'id="edit-fields" disabled' in html
    for form in ("move-form", "merge-form", "delete-form"):
        assert f'id="{form}" class="inline" hidden' in html


@pytest.mark.parametrize("who", ["ana", "dewi"])
def test_an_owner_or_manager_keeps_every_control_of_the_codebook(server: Any, who: str) -> None:
    html = _page(server, who, "/codebook")
    assert 'id="codebook-readonly"' not in html and "Click a code to edit it" in html
    assert 'id="add-code" hidden' not in html and 'id="edit-fields" disabled' not in html
    assert 'draggable="true"' in html and 'id="delete-form" class="inline" hidden' not in html


def _cases_page(app: Any, name: str) -> str:
    c = Client(app)
    try:
        r = c.post("/login", json={"name": name, "password": SERVER_PASSWORD})
        assert r.status_code == 200, r.text
        headers = {"X-Makna-CSRF": r.json()["csrf"], "X-Makna-Project": "Studi"}
        if name == "ana":  # a case with a value and a linked source, so that the sheet has its inputs
            made = c.post("/api/attributes", json={"name": "kota"}, headers=headers)
            assert made.status_code == 201, made.text
            made = c.post("/api/cases", json={"name": "Informan 1", "values": {"kota": "Dumai"}}, headers=headers)
            assert made.status_code == 201, made.text
            sid = c.get("/api/sources", headers=headers).json()
            sid = (sid["items"] if isinstance(sid, dict) else sid)[0]["id"]
            made = c.post(f"/api/cases/{made.json()['id']}/links", json={"source": sid}, headers=headers)
            assert made.status_code == 201, made.text
        page = c.get("/cases", headers={"X-Makna-Project": "Studi"})
        assert page.status_code == 200, page.text[:300]
        return page.text
    finally:
        c.close()


def test_a_coder_reads_the_cases_without_a_managers_controls(server: Any) -> None:
    """The Cases page gave a student value fields to type in, link and unlink buttons, and the Add case,
    Add attribute and Import forms, each refused with 403 only after she had used it."""
    owner = _cases_page(server, "ana")
    assert 'id="cases-readonly"' not in owner and "Edit a value and leave the field to save it" in owner
    assert 'id="case-forms"' in owner and 'id="case-forms" hidden' not in owner
    assert 'class="link-source"' in owner and 'class="val" readonly' not in owner
    coder = _cases_page(server, "budi")
    assert 'id="cases-readonly"' in coder and "Edit a value and leave the field to save it" not in coder
    assert 'id="case-forms" hidden' in coder
    assert 'class="link-source"' not in coder and 'class="unlink"' not in coder
    assert "Informan 1" in coder and 'class="val" readonly' in coder


@pytest.mark.parametrize(("who", "refused"), [("budi", True), ("citra", True), ("dewi", False)])
def test_the_import_page_tells_a_coder_that_importing_is_a_managers_task(server: Any, who: str, refused: bool) -> None:
    """A student chose a file and pressed Import before she learnt, in the result table, that importing
    needs the manager role."""
    html = _page(server, who, "/import")
    assert ('id="import-readonly"' in html) is refused
    assert ('id="upload-go" disabled' in html) is refused and ('id="upload-files" disabled' in html) is refused


def test_the_import_page_on_a_team_server_says_where_the_files_go(server: Any) -> None:
    """On the team server the upload is stored on the server for the project's members, not 'on this computer'
    (the local workbench's wording: test_telegram_upload reads the local page)."""
    html = _page(server, "dewi", "/import")
    assert "stored in this project on the team server" in html and "stay on this computer" not in html


@pytest.mark.parametrize(("who", "refused"), [("budi", True), ("citra", True), ("dewi", False)])
def test_the_rounds_page_tells_a_coder_that_rounds_are_a_managers_task(server: Any, who: str, refused: bool) -> None:
    """A student named a round, chose its sources and pressed Open round, to be told "may not open a round"."""
    html = _page(server, who, "/rounds")
    assert ('id="rounds-readonly"' in html) is refused
    assert ('id="open-round"' in html) is not refused
