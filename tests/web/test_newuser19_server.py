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


def _codebook_page(app: Any, name: str) -> str:
    c = Client(app)
    try:
        r = c.post("/login", json={"name": name, "password": SERVER_PASSWORD})
        assert r.status_code == 200, r.text
        page = c.get("/codebook", headers={"X-Makna-Project": "Studi"})
        assert page.status_code == 200, page.text[:300]
        return page.text
    finally:
        c.close()


@pytest.mark.parametrize("who", ["budi", "citra"])
def test_a_coder_or_viewer_reads_the_codebook_without_a_managers_controls(server: Any, who: str) -> None:
    """A student (coder) got the codebook page of a manager: 'Click a code to edit it', Add code, Import,
    Save, Move, Merge and Delete, each refused with 403 only after she had typed her change."""
    html = _codebook_page(server, who)
    assert 'id="codebook-readonly"' in html
    assert "Click a code to edit it" not in html
    assert 'id="add-code" hidden' in html and 'id="import-codebook" hidden' in html
    assert 'id="root-drop" data-target="" hidden' in html and 'draggable="true"' not in html
    assert 'id="edit-fields" disabled' in html
    for form in ("move-form", "merge-form", "delete-form"):
        assert f'id="{form}" class="inline" hidden' in html


@pytest.mark.parametrize("who", ["ana", "dewi"])
def test_an_owner_or_manager_keeps_every_control_of_the_codebook(server: Any, who: str) -> None:
    html = _codebook_page(server, who)
    assert 'id="codebook-readonly"' not in html and "Click a code to edit it" in html
    assert 'id="add-code" hidden' not in html and 'id="edit-fields" disabled' not in html
    assert 'draggable="true"' in html and 'id="delete-form" class="inline" hidden' not in html
