"""The invitation page tells the holder of a real link whether it was used, revoked or has expired, and what to
do (ask the manager for a new link), in English and Indonesian; a wrong or unknown token learns only that the
link is not valid (product20, #11)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import update
from web_helpers import Client

from makna.server import tables
from makna.server.ratelimit import LoginLimiter
from makna.web.form_csrf import FORM_COOKIE
from makna.web.server_app import create_server_app

PASS = "sebuah kata sandi baru"


@pytest.fixture(params=["en", "id"])
def server(team: Any, server_db: str, request: pytest.FixtureRequest) -> Iterator[tuple[Any, str]]:
    app = create_server_app(server_db, lang=request.param, limiter=LoginLimiter(failures=50, window=600))
    app.state.invite_limiter = LoginLimiter(failures=50, window=600)
    yield app, request.param
    app.state.registry.close()


WORDS = {
    "en": {
        "used": "was used already",
        "revoked": "withdrew it",
        "expired": "has expired",
        "new link": "ask the project's manager for a new link",
        "unknown": "this invitation link is not valid",
    },
    "id": {
        "used": "sudah dipakai",
        "revoked": "ditarik kembali",
        "expired": "sudah kedaluwarsa",
        "new link": "mintalah tautan baru kepada pengelola proyek",
        "unknown": "tautan undangan ini tidak berlaku",
    },
}


def _message(page: str) -> str:
    start = page.index('<p class="error" role="alert">') + len('<p class="error" role="alert">')
    return html.unescape(page[start : page.index("</p>", start)])


def _state_pages(server: Any) -> dict[str, tuple[int, str, int, str]]:
    """For each kind of dead link: the GET's status and message, and a POST's."""
    reg = server.state.registry
    used, _ = reg.invite(["Studi"], "coder", actor="ana")
    reg.accept_invitation(used, "fajar", PASS, new_account=True)
    revoked, inv = reg.invite(["Studi"], "coder", actor="ana")
    reg.revoke_invitation(inv.id, actor="ana")
    expired, inv = reg.invite(["Studi"], "coder", actor="ana")
    with reg.engine.begin() as conn:
        conn.execute(
            update(tables.invitations)
            .where(tables.invitations.c.id == inv.id)
            .values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1))
        )
    out = {}
    c = Client(server)
    for kind, token in (("used", used), ("revoked", revoked), ("expired", expired), ("unknown", "x" * 43)):
        got = c.get(f"/invite/{token}")
        csrf = c.cookies.get(FORM_COOKIE)  # sec19: the form's token is bound to the page's cookie
        posted = c.post(
            f"/invite/{token}",
            data={"mode": "new", "name": "gita", "password": PASS, "password_repeat": PASS, "csrf": csrf},
        )
        out[kind] = (got.status_code, _message(got.text), posted.status_code, _message(posted.text))
    c.close()
    return out


def test_each_dead_link_says_which_and_what_to_do(server: tuple[Any, str]) -> None:
    app, lang = server
    pages = _state_pages(app)
    words = WORDS[lang]
    for kind in ("used", "revoked", "expired"):
        get_status, shown, post_status, posted = pages[kind]
        assert get_status == 404 and post_status == 404
        assert words[kind] in shown and words["new link"] in shown.lower(), (kind, shown)
        assert shown == posted  # the form says the same
        others = [k for k in ("used", "revoked", "expired") if k != kind]
        assert not any(words[k] in shown for k in others), shown
    # a token no invitation has: "not valid", and nothing of the states
    get_status, shown, post_status, posted = pages["unknown"]
    assert get_status == 404 and post_status == 404 and shown == posted
    assert shown.lower() == words["unknown"].lower(), shown
