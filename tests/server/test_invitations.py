"""Invitations (invite18): a one-time link, kept as a digest, that expires, can be revoked, never
grants more than its maker holds, and whose every step is one audited transaction; an older
registry gains the tables when a server opens it."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from sqlalchemy import select, text, update

from makna.errors import InputError, NotFoundError, PermissionDeniedError, ProjectError
from makna.server import tables
from makna.server.invitations import NOT_VALID, digest, parse_expiry
from makna.server.registry import Registry

SERVER_PASSWORD = "correct horse battery"  # the team fixture's (tests/conftest.py)


def _audit(team: Registry) -> list[tuple[str, str, dict[str, object]]]:
    with team.engine.connect() as conn:
        rows = conn.execute(
            select(tables.audit.c.actor, tables.audit.c.action, tables.audit.c.detail).order_by(tables.audit.c.id)
        ).all()
    return [(r.actor, r.action, json.loads(r.detail)) for r in rows]


def test_a_new_account_joins_once_and_the_token_is_kept_only_as_a_digest(team: Registry) -> None:
    token, inv = team.invite(["Studi"], "coder", actor="dewi", note="for Fajar")
    assert len(token) >= 40 and inv.projects == ("Studi",) and inv.state() == "open"
    with team.engine.connect() as conn:
        stored = conn.execute(select(tables.invitations)).one()
    assert token not in " ".join(str(v) for v in stored) and stored.digest == digest(token)
    assert team.invitation(token).id == inv.id
    user, used = team.accept_invitation(token, "fajar", "a long enough secret", new_account=True)
    assert user.name == "fajar" and not user.admin and used.used_by == "fajar"
    assert team.role(team.project("Studi").id, "fajar") == "coder"
    assert team.authenticate("fajar", "a long enough secret") is not None
    with pytest.raises(NotFoundError, match="not valid"):
        team.accept_invitation(token, "gita", "a long enough secret", new_account=True)
    with pytest.raises(NotFoundError, match="not valid"):
        team.invitation(token)
    assert [i.state() for i in team.invitations("Studi")] == ["used"]
    steps = [(a, k) for a, k, _ in _audit(team) if k.startswith("invite.")]
    assert steps == [("dewi", "invite.create"), ("fajar", "invite.accept")]
    assert _audit(team)[-1][2]["roles"] == {"Studi": "coder"}


def test_an_existing_account_logs_in_to_join_and_keeps_a_higher_role(team: Registry) -> None:
    token, _ = team.invite(["Studi"], "viewer", actor="ana")
    with pytest.raises(PermissionDeniedError, match="wrong user name or password"):
        team.accept_invitation(token, "eko", "not his password", new_account=False)
    assert team.invitation(token)  # a wrong password leaves it open
    user, _ = team.accept_invitation(token, "eko", SERVER_PASSWORD, new_account=False)
    assert user.name == "eko" and team.role(team.project("Studi").id, "eko") == "viewer"
    token2, _ = team.invite(["Studi"], "viewer", actor="ana")
    team.accept_invitation(token2, "dewi", SERVER_PASSWORD, new_account=False)
    assert team.role(team.project("Studi").id, "dewi") == "manager"  # never lowered by an invitation


def test_no_role_above_the_makers_own(team: Registry) -> None:
    with pytest.raises(PermissionDeniedError, match="cannot invite someone as owner"):
        team.invite(["Studi"], "owner", actor="dewi")
    for who in ("budi", "citra", "eko"):  # coder, viewer, no member: may not invite at all
        with pytest.raises(PermissionDeniedError, match="needs the owner or manager role"):
            team.invite(["Studi"], "viewer", actor=who)
    team.invite(["Studi"], "manager", actor="dewi")
    team.invite(["Studi"], "owner", actor="ana")
    with pytest.raises(InputError, match="role 'boss'"):
        team.invite(["Studi"], "boss", actor="ana")
    with pytest.raises(NotFoundError, match="unknown project"):
        team.invite(["Nope"], "coder", actor="ana")
    assert [a for a, k, _ in _audit(team) if k == "invite.create"] == ["dewi", "ana"]  # refusals log nothing


def test_a_maker_who_lost_the_right_no_longer_lets_anyone_in(team: Registry) -> None:
    token, _ = team.invite(["Studi"], "manager", actor="dewi")
    team.set_role("Studi", "dewi", "coder")
    with pytest.raises(PermissionDeniedError, match="needs the owner or manager role"):
        team.accept_invitation(token, "fajar", "a long enough secret", new_account=True)
    with pytest.raises(NotFoundError):
        team.user("fajar")  # nothing was made
    assert team.invitation(token).state() == "open"


def test_expired_and_revoked_links_do_not_work(team: Registry) -> None:
    token, inv = team.invite(["Studi"], "coder", actor="ana", expires=dt.timedelta(minutes=5))
    with team.engine.begin() as conn:
        conn.execute(update(tables.invitations).values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)))
    with pytest.raises(NotFoundError, match="not valid"):
        team.accept_invitation(token, "fajar", "a long enough secret", new_account=True)
    assert team.invitations()[0].state() == "expired"
    token2, inv2 = team.invite(["Studi"], "coder", actor="dewi")
    with pytest.raises(PermissionDeniedError):
        team.revoke_invitation(inv2.id[:8], actor="budi")
    assert team.revoke_invitation(inv2.id[:8], actor="dewi").state() == "revoked"
    with pytest.raises(InputError, match="revoked already"):
        team.revoke_invitation(inv2.id, actor="ana")
    with pytest.raises(NotFoundError, match="not valid"):
        team.accept_invitation(token2, "fajar", "a long enough secret", new_account=True)
    with pytest.raises(NotFoundError, match="unknown invitation"):
        team.revoke_invitation("ffffffff", actor="ana")
    assert ("dewi", "invite.revoke") in [(a, k) for a, k, _ in _audit(team)]
    assert NOT_VALID.startswith("this invitation link is not valid")


def test_bad_input_changes_nothing(team: Registry) -> None:
    token, _ = team.invite(["Studi"], "coder", actor="ana")
    with pytest.raises(InputError, match="too short"):
        team.accept_invitation(token, "fajar", "short", new_account=True)
    with pytest.raises(InputError, match="user name"):
        team.accept_invitation(token, "a b<", "a long enough secret", new_account=True)
    with pytest.raises(InputError, match="exists already"):
        team.accept_invitation(token, "budi", "a long enough secret", new_account=True)
    assert team.invitation(token).state() == "open" and team.role(team.project("Studi").id, "budi") == "coder"
    for bad in ("7", "0d", "100d", "soon"):
        with pytest.raises(InputError, match="expiry"):
            parse_expiry(bad)
    assert parse_expiry("12h") == dt.timedelta(hours=12) and parse_expiry(None) == dt.timedelta(days=7)


def test_two_accepts_at_once_use_the_link_once(team: Registry) -> None:
    token, _ = team.invite(["Studi"], "coder", actor="ana")
    results: list[str] = []

    def take(name: str) -> None:
        try:
            team.accept_invitation(token, name, "a long enough secret", new_account=True)
            results.append("ok")
        except NotFoundError:
            results.append("refused")

    threads = [threading.Thread(target=take, args=(n,)) for n in ("fajar", "gita", "hadi")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["ok", "refused", "refused"]
    assert len([u for u in team.users() if u.name in ("fajar", "gita", "hadi")]) == 1


def test_listing_shows_a_manager_their_projects_only(team: Registry) -> None:
    team.add_project("Lain", owner="ana")
    team.invite(["Studi"], "coder", actor="dewi")
    token, _ = team.invite(["Lain"], "coder", actor="ana")
    assert [i.projects for i in team.invitations(actor="dewi")] == [("Studi",)]
    assert len(team.invitations(actor="ana")) == 2 and len(team.invitations("Lain")) == 1
    team.delete_project("Lain")
    assert [i.projects for i in team.invitations()] == [(), ("Studi",)]
    with pytest.raises(NotFoundError, match="not valid"):  # its only project is gone
        team.invitation(token)


def test_an_older_registry_is_upgraded_when_opened(team: Registry, server_db: str) -> None:
    with team.engine.begin() as conn:
        for name in ("audit", "invitation_projects", "invitations"):
            conn.execute(text(f'DROP TABLE "{tables.SCHEMA}"."{name}"'))
        conn.execute(update(tables.info).where(tables.info.c.key == "version").values(value="1"))
    with Registry.open(server_db) as again:
        with again.engine.connect() as conn:
            assert conn.execute(select(tables.info.c.value).where(tables.info.c.key == "version")).scalar() == "2"
        token, _ = again.invite(["Studi"], "viewer", actor="ana")
        again.accept_invitation(token, "eko", SERVER_PASSWORD, new_account=False)
        assert dict(again.members("Studi"))["eko"] == "viewer"  # users, projects and members kept
    with team.engine.begin() as conn:
        conn.execute(update(tables.info).where(tables.info.c.key == "version").values(value="99"))
    with pytest.raises(ProjectError, match="version '99'"):
        Registry.open(server_db)
