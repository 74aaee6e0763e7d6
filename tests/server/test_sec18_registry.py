"""sec18, a security reading of round eighteen's registry side: an invitation used and revoked at the
same moment, two accepts at once held apart by a second connection, and an upgrade that stops half way.
Each race is driven by hand (one transaction held open on its own connection) so that it happens
every run, not by chance."""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any

import pytest
from sqlalchemy import select, text, update

from makna.errors import InputError, NotFoundError
from makna.server import tables
from makna.server.invitations import digest
from makna.server.registry import Registry

SECRET = "a long enough secret"


def _wait_until_blocked(team: Registry, seconds: float = 20.0) -> None:
    """Return once another session of this database waits on a lock (the thread's statement)."""
    deadline = time.monotonic() + seconds
    with team.engine.connect() as conn:
        while time.monotonic() < deadline:
            waiting = conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'"
                )
            ).scalar()
            conn.commit()
            if waiting:
                return
            time.sleep(0.05)
    raise AssertionError("the second transaction never waited for the first")


def _in_thread(work: Any) -> tuple[threading.Thread, list[object]]:
    out: list[object] = []

    def run() -> None:
        try:
            out.append(work())
        except Exception as exc:  # noqa: BLE001 - handed to the test
            out.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, out


def _use_on_the_side(team: Registry, token: str) -> Any:
    """An accept's first step (the link marked used) in a transaction left open; the caller commits."""
    conn = team.engine.connect()
    trans = conn.begin()
    i = tables.invitations.c
    stamp = dt.datetime.now(dt.UTC)
    assert (
        conn.execute(
            update(tables.invitations)
            .where(i.digest == digest(token), i.used_at.is_(None), i.revoked_at.is_(None))
            .values(used_at=stamp, used_by="fajar")
        ).rowcount
        == 1
    )
    return conn, trans


def test_a_second_accept_waits_for_the_first_and_is_refused(team: Registry) -> None:
    token, _ = team.invite(["Studi"], "coder", actor="ana")
    conn, trans = _use_on_the_side(team, token)
    try:
        thread, out = _in_thread(lambda: team.accept_invitation(token, "gita", SECRET, new_account=True))
        _wait_until_blocked(team)
        trans.commit()
    finally:
        conn.close()
    thread.join(60)
    assert len(out) == 1 and isinstance(out[0], NotFoundError), out
    with pytest.raises(NotFoundError):
        team.user("gita")  # nothing was made for the loser


def test_a_revoke_that_loses_the_race_to_an_accept_says_so(team: Registry) -> None:
    """The revoke read the link as open, then the accept committed first: the revoke must not report
    (and audit) a revocation of a link that let someone in."""
    token, inv = team.invite(["Studi"], "coder", actor="dewi")
    conn, trans = _use_on_the_side(team, token)
    try:
        thread, out = _in_thread(lambda: team.revoke_invitation(inv.id, actor="dewi"))
        _wait_until_blocked(team)
        trans.commit()
    finally:
        conn.close()
    thread.join(60)
    assert len(out) == 1 and isinstance(out[0], InputError) and "used already" in str(out[0]), out
    with team.engine.connect() as c:
        row = c.execute(select(tables.invitations)).one()
        revokes = c.execute(select(tables.audit).where(tables.audit.c.action == "invite.revoke")).all()
    assert row.used_at is not None and row.revoked_at is None and revokes == []


def test_an_upgrade_stopped_half_way_leaves_a_usable_version_1(
    team: Registry, server_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with team.engine.begin() as conn:
        for name in ("audit", "invitation_projects", "invitations"):
            conn.execute(text(f'DROP TABLE "{tables.SCHEMA}"."{name}"'))
        conn.execute(update(tables.info).where(tables.info.c.key == "version").values(value="1"))
    real = tables.metadata.create_all

    def half(bind: Any, tables: Any = None, checkfirst: bool = True) -> None:
        real(bind, tables=tables[:1], checkfirst=checkfirst)  # the first new table made, then the process dies
        raise KeyboardInterrupt

    monkeypatch.setattr(tables.metadata, "create_all", half)
    with pytest.raises(KeyboardInterrupt):
        Registry.open(server_db)
    monkeypatch.undo()
    with team.engine.connect() as conn:
        version = conn.execute(select(tables.info.c.value).where(tables.info.c.key == "version")).scalar()
        left = conn.execute(
            text(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = :s AND table_name = 'invitations'"
            ),
            {"s": tables.SCHEMA},
        ).scalar()
    assert version == "1" and left == 0  # nothing of the step stayed
    assert team.authenticate("dewi", "correct horse battery") is not None  # version 1 still logs in
    with Registry.open(server_db) as again:  # and the next start upgrades it whole
        token, _ = again.invite(["Studi"], "viewer", actor="ana")
        again.accept_invitation(token, "eko", "correct horse battery", new_account=False)
        assert dict(again.members("Studi"))["eko"] == "viewer"


def test_a_maker_removed_from_the_project_lets_no_one_in_and_no_step_logs_the_token(team: Registry) -> None:
    token, _ = team.invite(["Studi"], "coder", actor="dewi")
    team.remove_member("Studi", "dewi")
    with pytest.raises(Exception, match="needs the owner or manager role"):
        team.accept_invitation(token, "fajar", SECRET, new_account=True)
    token2, inv2 = team.invite(["Studi"], "coder", actor="ana")
    team.accept_invitation(token2, "fajar", SECRET, new_account=True)
    with team.engine.connect() as conn:
        logged = " ".join(str(v) for row in conn.execute(select(tables.audit)).all() for v in row)
    assert inv2.id in logged and token not in logged and token2 not in logged
    assert digest(token2) not in logged  # not even its digest, which opens the row
