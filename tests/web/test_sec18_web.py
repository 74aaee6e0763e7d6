"""sec18, a security reading of round eighteen on the team server over HTTP (httpx ASGI transport): a
cross-site form cannot accept an invitation (or log in) in a visitor's browser, the invitation page
is no second, separate budget of password guesses, it does not tell a link holder which user names
exist without limit, a login never redirects off the server, and the key folder is the server's own."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_helpers import Client, form_csrf, team_login

from makna.errors import InputError
from makna.privacy.keyfile import write_key
from makna.privacy.pseudonymise import KeyMapping
from makna.server.keys import check_key_dir, project_key_file
from makna.server.ratelimit import LoginLimiter
from makna.web.server_app import create_server_app

SERVER_PASSWORD = "correct horse battery"  # the team fixture's (tests/conftest.py)
NEW_PASSWORD = "sebuah kata sandi baru"


@pytest.fixture
def server(team: Any, server_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    app = create_server_app(
        server_db, lang="en", limiter=LoginLimiter(failures=3, window=600), key_dir=tmp_path_factory.mktemp("keys")
    )
    app.state.invite_limiter = LoginLimiter(failures=3, window=600)
    yield app
    app.state.registry.close()


def _new(name: str, csrf: str = "") -> dict[str, str]:
    return {"mode": "new", "name": name, "password": NEW_PASSWORD, "password_repeat": NEW_PASSWORD, "csrf": csrf}


# (what a browser sends for a form posted from another site: through a redirect or a sandboxed frame
# its Origin is "null", which same-origin forms of a no-referrer page send too; Sec-Fetch-Site is not)
CROSS_SITE = {"origin": "null", "sec-fetch-site": "cross-site"}


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_a_form_from_another_site_cannot_accept_an_invitation(server: Any, site: str) -> None:
    """Login CSRF: the link's holder (a manager) makes the visitor's browser join as an account of
    theirs; the visitor then works, unaware, in the attacker's account and project."""
    token, _ = server.state.registry.invite(["Studi"], "coder", actor="dewi")
    c = Client(server)
    csrf = form_csrf(c, f"/invite/{token}")  # (refused even with the page's token)
    r = c.post(f"/invite/{token}", data=_new("fajar", csrf), headers={**CROSS_SITE, "sec-fetch-site": site})
    assert r.status_code == 403 and "makna_session" not in r.headers.get("set-cookie", "")
    assert server.state.registry.invitation(token).state() == "open"
    r = c.post("/login", data={"name": "dewi", "password": SERVER_PASSWORD, "csrf": csrf}, headers=CROSS_SITE)
    assert r.status_code == 403 and "makna_session" not in r.headers.get("set-cookie", "")
    ok = c.post(
        f"/invite/{token}", data=_new("fajar", csrf), headers={"origin": "null", "sec-fetch-site": "same-origin"}
    )
    assert ok.status_code == 303  # the server's own page still works (Origin null: its no-referrer policy)
    c.close()


def test_the_invitation_page_shares_the_login_limit(server: Any) -> None:
    """Five (here three) wrong passwords on /login lock an account for a while, a right one included;
    the invitation page's 'I have an account' form must not be a second way in for the guesser."""
    token, _ = server.state.registry.invite(["Studi"], "viewer", actor="ana")
    c = Client(server)
    for _ in range(3):
        assert c.post("/login", json={"name": "eko", "password": "not his password"}).status_code == 401
    csrf = form_csrf(c, f"/invite/{token}")
    r = c.post(f"/invite/{token}", data={"mode": "join", "name": "eko", "password": SERVER_PASSWORD, "csrf": csrf})
    assert r.status_code == 429 and "makna_session" not in r.headers.get("set-cookie", "")
    server.state.limiter = LoginLimiter(failures=3, window=600)
    server.state.invite_limiter = LoginLimiter(failures=3, window=600)
    for _ in range(3):  # and the other way round: guesses on the invitation page count at /login
        r = c.post(
            f"/invite/{token}", data={"mode": "join", "name": "citra", "password": "not her password", "csrf": csrf}
        )
        assert r.status_code == 401
    assert c.post("/login", json={"name": "citra", "password": SERVER_PASSWORD}).status_code == 429
    c.close()
    assert server.state.registry.invitation(token).state() == "open"


def test_taken_user_names_cannot_be_listed_through_a_link(server: Any) -> None:
    """'user X exists already' answers whether an account exists: a link's holder may ask that only as
    often as they may fail to log in."""
    token, _ = server.state.registry.invite(["Studi"], "coder", actor="ana")
    c = Client(server)
    csrf = form_csrf(c, f"/invite/{token}")
    for name in ("budi", "citra", "dewi"):
        r = c.post(f"/invite/{token}", data=_new(name, csrf))
        assert r.status_code == 400 and "exists already" in r.text
    r = c.post(f"/invite/{token}", data=_new("eko", csrf))
    assert r.status_code == 429 and "exists already" not in r.text
    c.close()
    assert server.state.registry.invitation(token).state() == "open"


@pytest.mark.parametrize(
    "target", ["//evil.example.com/", "/\\evil.example.com/", "/\t/evil.example.com", "https://evil.example.com/"]
)
def test_a_login_never_redirects_off_the_server(server: Any, target: str) -> None:
    c = Client(server)
    r = c.post(
        "/login", data={"name": "dewi", "password": SERVER_PASSWORD, "next": target, "csrf": form_csrf(c, "/login")}
    )
    where = r.headers["location"]
    # (a backslash or a tab would make a browser read "/\\host" or "/\t/host" as "//host": sent encoded, they cannot)
    assert r.status_code == 303 and where.startswith("/") and not where.startswith("//"), where
    assert not any(c in where for c in "\\\t\n"), where
    c.close()


# ---------------------------------------------------------------------- the key folder
def test_a_key_folder_that_others_may_write_is_refused(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    for mode in (0o777, 0o1777, 0o770):
        os.chmod(shared, mode)
        with pytest.raises(InputError, match="others may write"):
            check_key_dir(shared)
    os.chmod(shared, 0o700)
    assert check_key_dir(shared) == shared.resolve()


def test_a_link_put_in_place_after_the_check_is_replaced_not_followed(tmp_path: Path) -> None:
    """Between project_key_file's check and the write, a link appears where the key goes: the key
    replaces the link (an atomic rename), the file it pointed to is untouched."""
    keys = tmp_path / "keys"
    keys.mkdir(mode=0o700)
    outside = tmp_path / "outside.txt"
    outside.write_text("someone else's file\n")
    target = project_key_file(check_key_dir(keys), "0b5c-ab")
    target.symlink_to(outside)
    write_key(target, KeyMapping(), "tiga ekor kucing melompat pagar", project="p" * 16)
    assert outside.read_text() == "someone else's file\n"
    assert not target.is_symlink() and oct(target.stat().st_mode & 0o777) == "0o600"
    assert sorted(p.name for p in keys.iterdir()) == ["makna-0b5c-ab.key"]  # no temporary file left


def test_a_key_folder_given_as_a_link_is_used_where_it_points(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    (tmp_path / "alias").symlink_to(real, target_is_directory=True)
    root = check_key_dir(tmp_path / "alias")
    assert root == real.resolve() and project_key_file(root, "d1").parent == real.resolve()


def test_a_refused_revoke_reads_in_indonesian() -> None:
    from makna.web.errors_i18n import translate_error

    assert translate_error("invitation 8d29c447 is used already", "id") == (
        "undangan 8d29c447 sudah dipakai: seseorang telah bergabung dengannya"
    )
    assert translate_error("invitation 8d29c447 is revoked already", "id") == "undangan 8d29c447 sudah dicabut"


def test_revoking_and_inviting_need_the_sessions_csrf_token(server: Any) -> None:
    token, inv = server.state.registry.invite(["Studi"], "coder", actor="dewi")
    c, csrf = team_login(server, "dewi", SERVER_PASSWORD)
    assert c.post("/members/revoke", data={"id": inv.id}).status_code == 403
    assert c.post("/members/revoke", data={"id": inv.id, "csrf": "x" * len(csrf)}).status_code == 403
    assert c.post(f"/api/server/invitations/{inv.id}/revoke").status_code == 403
    assert c.post("/api/server/invitations", json={"projects": ["Studi"], "role": "coder"}).status_code == 403
    assert server.state.registry.invitation(token).state() == "open"
    assert len(server.state.registry.invitations()) == 1  # nothing made either
    assert c.post("/members/revoke", data={"id": inv.id, "csrf": csrf}).status_code == 303
    c.close()
