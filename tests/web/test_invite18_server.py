"""invite18 on the team server over HTTP (httpx ASGI transport): the members page makes and revokes
invitations (never above the maker's role), the one-time page ``/invite/TOKEN`` makes an account or
lets an account join, rate-limited like logins; and a web apply keeps its key only in the server's
key folder, under the server's name for it, whatever path the request names."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_helpers import Client, form_csrf, team_login

import makna
from makna.errors import InputError, KeyFileError
from makna.privacy.project import decide_all, scan
from makna.server.keys import check_key_dir, project_key_file
from makna.server.ratelimit import LoginLimiter
from makna.web.server_app import create_server_app

SERVER_PASSWORD = "correct horse battery"  # the team fixture's (tests/conftest.py)
PASS = "tiga ekor kucing melompat pagar"
NEW_PASSWORD = "sebuah kata sandi baru"


@pytest.fixture
def keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("keys")


@pytest.fixture
def server(team: Any, server_db: str, keys: Path) -> Iterator[Any]:
    app = create_server_app(server_db, lang="en", limiter=LoginLimiter(failures=3, window=600), key_dir=keys)
    app.state.invite_limiter = LoginLimiter(failures=3, window=600)
    yield app
    app.state.registry.close()


def _login(app: Any, name: str) -> tuple[Client, str]:
    return team_login(app, name, SERVER_PASSWORD)


def _invite_on_page(app: Any, who: str, role: str) -> tuple[int, str]:
    c, csrf = _login(app, who)
    try:
        r = c.post("/members/invite", data={"csrf": csrf, "role": role, "expires": "7d", "note": "for Fajar"})
        found = re.search(r'id="invite-link" readonly value="([^"]+)"', r.text)
        return r.status_code, found.group(1) if found else r.text
    finally:
        c.close()


def test_a_manager_invites_from_the_members_page_and_a_newcomer_joins(server: Any) -> None:
    status, link = _invite_on_page(server, "dewi", "coder")
    assert status == 200 and link.startswith("http://127.0.0.1/invite/"), link
    path = link.removeprefix("http://127.0.0.1")
    c = Client(server)
    page = c.get(path)
    assert page.status_code == 200 and "dewi invites you as coder to: Studi." in page.text
    assert page.headers["cache-control"] == "no-store" and page.headers["referrer-policy"] == "no-referrer"
    csrf = form_csrf(c, path)
    r = c.post(
        path,
        data={
            "mode": "new",
            "name": "fajar",
            "password": NEW_PASSWORD,
            "password_repeat": NEW_PASSWORD + "x",
            "csrf": csrf,
        },
    )
    assert r.status_code == 400 and "the two passwords differ" in r.text
    r = c.post(
        path,
        data={"mode": "new", "name": "fajar", "password": NEW_PASSWORD, "password_repeat": NEW_PASSWORD, "csrf": csrf},
    )
    assert r.status_code == 303 and r.headers["location"] == "/projects"
    assert "Studi" in c.get("/projects").text  # logged in, and a member
    assert c.get("/api/server/me").json()["user"] == "fajar"
    c.close()
    again = Client(server)
    assert again.get(path).status_code == 404  # used: the link works once
    gita = {"mode": "new", "name": "gita", "password": NEW_PASSWORD, "password_repeat": NEW_PASSWORD}
    assert "not valid" in again.post(path, data={**gita, "csrf": form_csrf(again, "/login")}).text
    again.close()
    assert server.state.registry.role(server.state.registry.project("Studi").id, "fajar") == "coder"


def test_the_members_page_offers_and_grants_no_role_above_ones_own(server: Any) -> None:
    c, csrf = _login(server, "dewi")
    page = c.get("/members").text
    assert 'value="manager"' in page and 'value="owner"' not in page
    r = c.post("/members/invite", data={"csrf": csrf, "role": "owner", "expires": "7d"})
    assert r.status_code == 400 and "cannot invite someone as owner" in r.text
    r = c.post("/api/server/invitations", json={"projects": ["Studi"], "role": "owner"}, headers={"x-makna-csrf": csrf})
    assert r.status_code == 403, r.text
    assert c.post("/members/invite", data={"role": "coder"}).status_code == 403  # no CSRF field
    c.close()
    for who in ("budi", "citra"):
        c, csrf = _login(server, who)
        assert c.get("/members").status_code == 403
        assert c.post("/members/invite", data={"csrf": csrf, "role": "viewer"}).status_code in (400, 403)
        assert 'href="/members"' not in c.get("/codebook").text
        c.close()
    assert server.state.registry.invitations() == []


def test_an_account_joins_and_the_api_lists_and_revokes(server: Any) -> None:
    c, csrf = _login(server, "ana")
    h = {"x-makna-csrf": csrf}
    r = c.post(
        "/api/server/invitations",
        json={"projects": ["Studi"], "role": "viewer", "expires": "1d", "note": "eko"},
        headers=h,
    )
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["link"].startswith("http://127.0.0.1/invite/") and made["role"] == "viewer"
    assert made["not_deidentified"] == {"Studi": ["wawancara"]}  # warned, as 'user add' does
    listed = c.get("/api/server/invitations").json()
    assert [i["id"] for i in listed] == [made["id"]] and "link" not in listed[0]
    second = c.post("/api/server/invitations", json={"projects": ["Studi"], "role": "coder"}, headers=h).json()
    assert c.post(f"/api/server/invitations/{second['id'][:8]}/revoke", headers=h).json()["state"] == "revoked"
    c.close()
    path = made["link"].removeprefix("http://127.0.0.1")
    invitee = Client(server)
    r = invitee.post(path, json={"mode": "join", "name": "eko", "password": SERVER_PASSWORD})
    assert r.status_code == 200 and r.json()["projects"] == ["Studi"], r.text
    invitee.close()
    revoked = Client(server)
    assert revoked.get(second["link"].removeprefix("http://127.0.0.1")).status_code == 404
    revoked.close()


def test_failed_attempts_on_the_invitation_page_are_rate_limited(server: Any) -> None:
    token, _ = server.state.registry.invite(["Studi"], "coder", actor="ana")
    c = Client(server)
    csrf = form_csrf(c, f"/invite/{token}")
    for _ in range(3):
        r = c.post(
            f"/invite/{token}", data={"mode": "join", "name": "eko", "password": "not his password", "csrf": csrf}
        )
        assert r.status_code == 401
    r = c.post(f"/invite/{token}", data={"mode": "join", "name": "eko", "password": SERVER_PASSWORD, "csrf": csrf})
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0
    assert "makna_session" not in r.headers.get("set-cookie", "")
    server.state.invite_limiter = LoginLimiter(failures=3, window=600)
    guesser = Client(server)
    guess = {
        "mode": "new",
        "password": NEW_PASSWORD,
        "password_repeat": NEW_PASSWORD,
        "csrf": form_csrf(guesser, "/login"),
    }
    for n in range(3):  # guessed links count too
        assert guesser.post(f"/invite/guess{n}", data={**guess, "name": f"x{n}"}).status_code == 404
    assert guesser.post(f"/invite/{token}", data={**guess, "name": "x9"}).status_code == 429
    c.close()
    guesser.close()
    assert server.state.registry.invitation(token).state() == "open"


def test_the_invitation_page_speaks_indonesian(server: Any) -> None:
    token, _ = server.state.registry.invite(["Studi"], "coder", actor="ana")
    c = Client(server)
    c.cookies.set("makna_lang", "id")
    server.state.lang = None
    page = c.get(f"/invite/{token}").text
    assert "ana mengundang Anda sebagai" in page and "Buat akun Anda" in page
    assert "tidak berlaku" in c.get("/invite/nothing-here").text
    c.close()


# ---------------------------------------------------------------------- the key of a web apply
@pytest.fixture
def scanned(team: Any) -> Any:
    with makna.open_project(team.location(team.project("Studi")), coder="ana") as p:
        makna.import_text(p, "baru.txt", "P: Siapa namamu?\nI: Nama saya Rosmaini, dari Pariaman.\n", language="id")
        scan(p)
        decide_all(p, "accepted")
    return team


@pytest.mark.parametrize("key_path", ["../../etc/makna.key", "/tmp/invite18-escape.key", "keys/../x.key", "makna.key"])
def test_a_path_in_the_request_is_refused_and_nothing_is_written(
    server: Any, scanned: Any, keys: Path, key_path: str, tmp_path: Path
) -> None:
    c, csrf = _login(server, "dewi")
    r = c.post("/api/deid/apply", json={"key_path": key_path, "passphrase": PASS}, headers={"x-makna-csrf": csrf})
    assert r.status_code == 400 and "leave the key file's path out" in r.json()["error"]
    assert list(keys.iterdir()) == [] and not Path("/tmp/invite18-escape.key").exists()
    c.close()


def test_the_key_goes_to_the_key_folder_under_the_servers_name(server: Any, scanned: Any, keys: Path) -> None:
    c, csrf = _login(server, "dewi")
    page = c.get("/deid").text
    assert 'name="key_path"' not in page and 'id="key-folder"' in page
    r = c.post("/api/deid/apply", json={"passphrase": PASS}, headers={"x-makna-csrf": csrf})
    assert r.status_code == 200, r.text
    name = f"makna-{scanned.project('Studi').id}.key"
    assert r.json()["key_path"] == name and [p.name for p in keys.iterdir()] == [name]
    assert oct(os.stat(keys / name).st_mode & 0o777) == "0o600"
    c.close()


def test_a_link_in_the_key_folder_is_not_followed(server: Any, scanned: Any, keys: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (keys / f"makna-{scanned.project('Studi').id}.key").symlink_to(outside / "stolen.key")
    c, csrf = _login(server, "dewi")
    r = c.post("/api/deid/apply", json={"passphrase": PASS}, headers={"x-makna-csrf": csrf})
    assert r.status_code == 400 and "not a plain file" in r.json()["error"], r.text
    assert list(outside.iterdir()) == []
    c.close()


def test_without_a_key_folder_the_web_apply_is_refused(team: Any, scanned: Any, server_db: str) -> None:
    app = create_server_app(server_db, lang="en")
    try:
        c, csrf = _login(app, "dewi")
        assert "has no key folder" in c.get("/deid").text
        r = c.post("/api/deid/apply", json={"passphrase": PASS}, headers={"x-makna-csrf": csrf})
        assert r.status_code == 400 and "--key-dir" in r.json()["error"]
        c.close()
    finally:
        app.state.registry.close()


def test_key_folder_names_stay_inside(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such folder"):
        check_key_dir(tmp_path / "missing")
    root = check_key_dir(tmp_path)
    assert project_key_file(root, "0b5c-ab").parent == root
    for bad in ("../x", "a/b", "", "x.key/..", "/etc/passwd"):
        with pytest.raises(KeyFileError):
            project_key_file(root, bad)
    (tmp_path / "makna-d1.key").mkdir()
    with pytest.raises(KeyFileError, match="not a plain file"):
        project_key_file(root, "d1")
