"""The team server's registry: accounts with Argon2 hashes, sessions that expire, projects as
schemas, members and their roles, a local project copied whole onto the server (#14)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, update

import makna
from makna.errors import ConflictError, InputError, NotFoundError, PermissionDeniedError
from makna.server import registry as regmod
from makna.server.ratelimit import LoginLimiter
from makna.server.registry import Registry

SERVER_PASSWORD = "correct horse battery"  # the team fixture's (tests/conftest.py)


def test_passwords_are_argon2_hashes_never_plain(team: Registry) -> None:
    with team.engine.connect() as conn:
        stored = dict(conn.execute(select(regmod.users.c.name, regmod.users.c.password)).all())
    assert all(h.startswith("$argon2id$") for h in stored.values())
    assert SERVER_PASSWORD not in " ".join(stored.values())
    assert team.authenticate("budi", SERVER_PASSWORD) is not None
    assert team.authenticate("budi", SERVER_PASSWORD + "x") is None
    assert team.authenticate("nobody", SERVER_PASSWORD) is None


def test_short_password_and_bad_names_are_refused(team: Registry) -> None:
    with pytest.raises(InputError, match="too short"):
        team.add_user("fajar", "short")
    with pytest.raises(InputError, match="user name"):
        team.add_user("a b<", SERVER_PASSWORD)
    with pytest.raises(ConflictError, match="exists already"):
        team.add_user("budi", SERVER_PASSWORD)


def test_init_twice_is_refused(server_db: str, team: Registry) -> None:
    with pytest.raises(ConflictError, match="exists in this database already"):
        Registry.init(server_db, "other", SERVER_PASSWORD)


def test_sessions_expire_and_end(team: Registry) -> None:
    token, session = team.new_session(team.user("budi"))
    assert team.session(token) == session
    team.choose_project(token, "Studi")
    found = team.session(token)
    assert found is not None and found.project is not None and found.project.role == "coder"
    with team.engine.begin() as conn:
        conn.execute(update(regmod.sessions).values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)))
    team._sessions.clear()  # as another server process would see it (this one trusts a lookup for 5 s)
    assert team.session(token) is None
    token2, _ = team.new_session(team.user("budi"))
    team.end_session(token2)
    assert team.session(token2) is None
    assert team.session("forged") is None


def test_a_non_member_cannot_choose_a_project(team: Registry) -> None:
    token, _ = team.new_session(team.user("eko"))
    with pytest.raises(NotFoundError):
        team.choose_project(token, "Studi")


def test_members_and_the_last_owner(team: Registry) -> None:
    assert dict(team.members("Studi")) == {"ana": "owner", "dewi": "manager", "budi": "coder", "citra": "viewer"}
    with pytest.raises(ConflictError, match="no owner left"):
        team.set_role("Studi", "ana", "manager")
    with pytest.raises(PermissionDeniedError, match="owner role"):
        team.set_role("Studi", "eko", "coder", actor="dewi")  # a manager does not manage members
    team.set_role("Studi", "eko", "coder", actor="ana")
    assert team.role(team.project("Studi").id, "eko") == "coder"
    team.remove_member("Studi", "eko")
    assert ("eko", "coder") not in team.members("Studi")
    with pytest.raises(InputError, match="role 'boss'"):
        team.set_role("Studi", "eko", "boss")


def test_each_request_acts_as_its_user(team: Registry) -> None:
    base = team.open_project(team.project("Studi"))
    budi = dataclasses.replace(base, coder_name="budi")
    seg = makna.code_span(budi, "wawancara", 0, 2, "emosi")
    coders = {c.id: c.name for c in budi.coders()}
    assert coders[seg.coder_id] == "budi"
    assert makna.events(budi, limit=1)[0].actor == "budi"
    with pytest.raises(PermissionDeniedError, match="'citra' is a viewer"):
        makna.code_span(dataclasses.replace(base, coder_name="citra"), "wawancara", 0, 2, "emosi")


def test_projects_live_in_their_own_schemas(team: Registry) -> None:
    other = team.add_project("Kedua", owner="dewi")
    assert other.schema != team.project("Studi").schema
    assert [p.name for p in team.projects("dewi")] == ["Kedua", "Studi"]
    with makna.open_project(team.location(other)) as p:
        assert makna.list_sources(p) == []
    team.delete_project("Kedua", actor="dewi")
    assert [p.name for p in team.projects()] == ["Studi"]
    with pytest.raises(PermissionDeniedError):
        team.delete_project("Studi", actor="dewi")


def test_a_deleted_project_leaves_no_stale_session_or_store(team: Registry) -> None:
    """Deleting a project forgets the sessions that chose it at once (not after the session
    cache's seconds): a new project of the same name is a fresh one, never the old one's store."""
    old = team.add_project("Kedua", owner="dewi")
    token, _ = team.new_session(team.user("dewi"))
    team.choose_project(token, "Kedua")
    chosen = team.session(token)
    assert chosen is not None and chosen.project is not None and chosen.project.id == old.id
    with makna.open_project(team.location(old), coder="dewi") as p:
        makna.add_code(p, "lama", "Lama")
    team.open_project(team.project("Kedua"))
    team.delete_project("Kedua", actor="dewi")
    after = team.session(token)
    assert after is not None and after.project is None
    assert team.role(old.id, "dewi") is None
    new = team.add_project("Kedua", owner="dewi")
    assert new.id != old.id
    again = team.session(token)
    assert again is not None and again.project is None
    assert team.opened(new) is None and team.opened(old) is None
    assert makna.list_codes(team.open_project(team.project("Kedua"))) == []


def test_a_local_project_is_copied_whole(team: Registry, tmp_path: Path) -> None:
    local = tmp_path / "lokal.makna"
    with makna.create_project(local, "Lokal", coder="ana") as p:
        makna.import_text(p, "s1", "P: halo\nI: baik saja\n")
        makna.add_code(p, "a", "A")
        makna.add_code(p, "b", "B", parent="a")
        makna.code_span(p, "s1", 3, 7, "b")
        makna.add_memo(p, "project", None, "catatan")
        events = [(e.actor, e.action) for e in makna.events(p, limit=100)]
    sp = team.import_project(local, owner="ana")
    assert sp.name == "lokal" and sp.role == "owner"
    proj = dataclasses.replace(team.open_project(sp), coder_name="ana")
    assert [n.code.key for n in makna.code_tree(proj)] == ["a", "b"]
    assert [(s.start, s.end) for s in makna.retrieve(proj)] == [(3, 7)]
    assert [(e.actor, e.action) for e in makna.events(proj, limit=100)] == events
    makna.undo(proj)  # the undo history came along: the memo goes
    assert makna.list_memos(proj) == []
    makna.code_span(proj, "s1", 0, 2, "a")  # ids continue after the copied ones
    assert makna.events(proj, limit=1)[0].action == "code.span"


def test_login_limiter_counts_failures_per_account_and_address() -> None:
    now = [0.0]
    limiter = LoginLimiter(failures=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        assert limiter.retry_after("budi", "10.0.0.1") == 0
        limiter.failed("budi", "10.0.0.1")
    assert limiter.retry_after("budi", "10.0.0.2") > 0  # the account is locked from anywhere
    assert limiter.retry_after("citra", "10.0.0.1") > 0  # and the address for any account
    assert limiter.retry_after("citra", "10.0.0.3") == 0
    now[0] = 61
    assert limiter.retry_after("budi", "10.0.0.1") == 0


def test_registry_needs_postgresql(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="PostgreSQL"):
        Registry.open(str(tmp_path / "x.db"))


