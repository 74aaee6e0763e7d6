"""The registry's audit table read back (product19, #11): ``makna.server.audit.audit_log``, ``makna server
audit`` (table, json, csv; --project, --since) and the Members page's section for a project's owners and
managers. Never a token or digest; actors by user name."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from typing import Any

import pytest
from typer.testing import CliRunner

from makna.cli import app
from makna.errors import InputError, PermissionDeniedError
from makna.server.audit import audit_log
from makna.server.tables import invitations

PASSWORD = "correct horse battery"  # the team fixture's (tests/conftest.py)


def _history(team: Any) -> tuple[str, str]:
    """An invitation made by dewi and accepted by a newcomer, one made and revoked, a second project."""
    token, first = team.invite(["Studi"], "coder", actor="dewi", note="for Fajar")
    team.accept_invitation(token, "fajar", PASSWORD, new_account=True)
    _, second = team.invite(["Studi"], "viewer", actor="ana")
    team.revoke_invitation(second.id, actor="dewi")
    team.add_project("Lain", owner="ana")
    team.set_role("Lain", "eko", "coder", actor="ana")
    team.remove_member("Studi", "citra", actor="ana")
    return token, first.id


def _secrets(team: Any, token: str) -> list[str]:
    with team.engine.connect() as conn:
        return [token, *conn.execute(invitations.select().with_only_columns(invitations.c.digest)).scalars()]


def test_the_log_names_who_did_what_and_never_a_secret(team: Any) -> None:
    token, first = _history(team)
    entries = audit_log(team, project="Studi")
    actions = [(e.actor, e.action) for e in entries]
    assert actions[:5] == [
        ("ana", "member.remove"),
        ("dewi", "invite.revoke"),
        ("ana", "invite.create"),
        ("fajar", "invite.accept"),
        ("dewi", "invite.create"),
    ]
    assert ("server", "member.set") in actions  # the fixture's roles
    assert all(e.projects == ("Studi",) for e in entries if e.action != "server.init")
    accept = next(e for e in entries if e.action == "invite.accept")
    assert accept.detail["invited_by"] == "dewi" and accept.detail["roles"] == {"Studi": "coder"}
    assert accept.detail["invitation"] == first[:8]
    assert all(e.action != "member.set" or e.detail["project"] == "Studi" for e in entries)
    everything = audit_log(team)
    assert [e.action for e in everything][:3] == ["member.remove", "member.set", "invite.revoke"]
    assert "Lain" in {p for e in everything for p in e.projects}
    assert everything[-1].action == "server.init" and everything[-1].actor == "ana"
    text = repr(everything)
    assert not any(secret in text for secret in _secrets(team, token))


def test_since_limit_and_who_may_read(team: Any) -> None:
    _history(team)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    assert audit_log(team, since=later) == []
    assert len(audit_log(team, limit=2)) == 2
    assert [e.action for e in audit_log(team, project="Studi", actor="dewi")][0] == "member.remove"
    for who in ("budi", "citra", "eko"):
        with pytest.raises(PermissionDeniedError, match="owners and managers"):
            audit_log(team, project="Studi", actor=who)
    with pytest.raises(PermissionDeniedError):
        audit_log(team, actor="dewi")  # the whole server's: an administrator's
    with pytest.raises(InputError, match="limit"):
        audit_log(team, limit=0)


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_formats_and_filters(team: Any, server_db: str) -> None:
    token, _ = _history(team)
    rows = json.loads(_run("server", "audit", "--db", server_db, "--project", "Studi", "--format", "json"))
    assert [r["action"] for r in rows][:2] == ["member.remove", "invite.revoke"]
    assert set(rows[0]) == {"at", "actor", "action", "projects", "detail"}
    assert rows[0]["detail"] == {"project": "Studi", "user": "citra"} and rows[0]["actor"] == "ana"
    out = _run("server", "audit", "--db", server_db, "--format", "csv")
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert parsed[0]["action"] == "member.remove" and json.loads(parsed[0]["detail"])["user"] == "citra"
    table = _run("server", "audit", "--db", server_db, "--project", "Lain")
    assert "member.set" in table and "eko" in table and "citra" not in table
    assert not any(secret in out + table for secret in _secrets(team, token))
    tomorrow = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).date().isoformat()
    assert "Nothing" in _run("server", "audit", "--db", server_db, "--since", tomorrow)
    result = CliRunner().invoke(app, ["server", "audit", "--db", server_db, "--since", "kemarin"])
    assert result.exit_code == 2 and "--since 'kemarin'" in result.output
    result = CliRunner().invoke(app, ["server", "audit", "--db", server_db, "--project", "Tidak ada"])
    assert result.exit_code != 0 and "unknown project" in result.output


@pytest.fixture
def server(team: Any, server_db: str) -> Any:
    from makna.web.server_app import create_server_app

    served = create_server_app(server_db, lang="en")
    yield served
    served.state.registry.close()


@pytest.mark.parametrize(
    ("lang", "heading", "revoked"),
    [("en", "Audit log", "revoked an invitation"), ("id", "Catatan audit", "mencabut undangan")],
)
def test_members_page_shows_the_log_to_managers_only(
    server: Any, team: Any, lang: str, heading: str, revoked: str
) -> None:
    from web_helpers import team_login

    token, _ = _history(team)
    server.state.lang = lang
    c, _csrf = team_login(server, "dewi", PASSWORD)
    page = c.get("/members").text
    c.close()
    section = page.split('id="audit"', 1)[1]
    assert heading in page and revoked in section and "fajar" in section and "dewi" in section
    assert not any(secret in page for secret in _secrets(team, token))
    assert "Lain" not in section  # another project's steps stay out
    assert re.search(r"<td>\d{4}-\d\d-\d\d \d\d:\d\d</td>", section)
    for who in ("fajar", "budi"):
        c, _csrf = team_login(server, who, PASSWORD)
        assert c.get("/members").status_code == 403
        c.close()
