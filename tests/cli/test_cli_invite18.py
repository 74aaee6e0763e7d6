"""makna server invite (invite18) through CliRunner: create (the link shown once, the warning on a
project not de-identified), list (never the link), revoke, the role cap and one-line mistakes; and
'makna server run --key-dir' refuses a folder that is not there."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.server.registry import Registry

runner = CliRunner()
PASSWORD = "a long enough password"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env=env)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _server(server_db: str) -> None:
    with Registry.init(server_db, "ana", PASSWORD) as reg:
        reg.add_user("dewi", PASSWORD)
        sp = reg.add_project("Studi", owner="ana")
        reg.set_role("Studi", "dewi", "manager")
        with makna.open_project(reg.location(sp), coder="ana") as p:
            makna.import_text(p, "wawancara", "P: Apa kabar?\nI: Baik.\n", language="id")


def test_create_list_revoke(server_db: str) -> None:
    _server(server_db)
    code, out = run(
        "server",
        "invite",
        "create",
        "--db",
        server_db,
        "--project",
        "Studi",
        "--role",
        "coder",
        "--expires",
        "2d",
        "--note",
        "for Fajar",
        "--base-url",
        "https://makna.example.org/",
    )
    assert code == 0, out
    link = re.search(r"https://makna\.example\.org/invite/(\S+)", out)
    assert link is not None and "coder in 'Studi'" in out and "made by ana" in out
    assert "not de-identified yet (wawancara): whoever accepts can read them" in out
    assert "makna server invite revoke" in out
    ident = re.search(r"Invitation (\w{8})", out)
    assert ident is not None
    code, out = run("server", "invite", "list", "--db", server_db, "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [(r["id"], r["state"], r["role"], r["note"]) for r in rows] == [
        (ident.group(1), "open", "coder", "for Fajar")
    ]
    assert link.group(1) not in out
    code, out = run("server", "invite", "revoke", ident.group(1), "--db", server_db, "--by", "dewi")
    assert code == 0 and f"Revoked invitation {ident.group(1)}" in out
    assert json.loads(run("server", "invite", "list", "--db", server_db, "--format", "json")[1]) == []
    every = json.loads(run("server", "invite", "list", "--all", "--db", server_db, "--format", "json")[1])
    assert [r["state"] for r in every] == ["revoked"]
    with Registry.open(server_db) as reg:
        assert reg.invitations()[0].revoked_by == "dewi"


def test_mistakes_are_one_line_and_change_nothing(server_db: str) -> None:
    _server(server_db)
    code, out = run(
        "server", "invite", "create", "--db", server_db, "--project", "Studi", "--role", "owner", "--by", "dewi"
    )
    assert code == 3 and "cannot invite someone as owner" in out and len(out.strip().splitlines()) == 1
    code, out = run(
        "server", "invite", "create", "--db", server_db, "--project", "Studi", "--role", "coder", "--expires", "1y"
    )
    assert code == 2 and "expiry '1y'" in out
    code, out = run("server", "invite", "create", "--db", server_db, "--project", "Nope", "--role", "coder")
    assert code == 2 and "unknown project 'Nope'" in out
    code, out = run("server", "invite", "revoke", "abc", "--db", server_db)
    assert code == 2 and "at least the first 6 characters" in out
    with Registry.open(server_db) as reg:
        assert reg.invitations() == []


def test_run_refuses_a_missing_key_folder(server_db: str, tmp_path: object) -> None:
    _server(server_db)
    code, out = run("server", "run", "--db", server_db, "--key-dir", "/nonexistent/makna-keys", "--port", "8711")
    assert code == 2 and "no such folder" in out
