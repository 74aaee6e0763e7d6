"""trial9: adding a member to a project whose transcripts are not de-identified yet says so (the
coder would read every name and phone number as imported); after the apply, or in an empty project,
nothing is said (#11)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

import makna
from makna.cli import app

runner = CliRunner()
PASSWORD = "a long enough password"


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> tuple[int, str]:  # noqa: A002
    result = runner.invoke(app, list(args), input=input, env=env)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _server(server_db: str, tmp_path: Path, name: str) -> None:
    """A server with a project NAME of one transcript as imported, and an empty project 'Kosong'."""
    assert run("server", "init", "--db", server_db, "--owner", "ana", input=f"{PASSWORD}\n{PASSWORD}\n")[0] == 0
    local = tmp_path / "lapangan.makna"
    with makna.create_project(local, name, coder="ana") as p:
        makna.import_text(p, "s1", "P: Siapa nama Ibu?\nI: Saya Yusnidar, dari Desa Karan Aur.\n")
    assert run("server", "project", "import", str(local), "--name", name, "--db", server_db)[0] == 0
    assert run("server", "project", "add", "Kosong", "--db", server_db)[0] == 0


def test_a_member_added_before_the_apply_is_warned_about(server_db: str, tmp_path: Path) -> None:
    _server(server_db, tmp_path, "Lapangan")
    pw = {"MAKNA_PASSWORD": PASSWORD}
    code, out = run(
        "server", "user", "add", "budi", "--role", "coder", "--project", "Lapangan", "--db", server_db, env=pw
    )
    assert code == 0 and "Added user budi as coder in 'Lapangan'" in out
    assert "1 source(s) of 'Lapangan' are not de-identified yet (s1): budi can read them as imported" in out
    code, out = run("server", "member", "set", "Kosong", "budi", "coder", "--db", server_db)
    assert code == 0 and "not de-identified" not in out  # an empty project: nothing to read
    code, out = run("server", "member", "set", "Lapangan", "budi", "viewer", "--db", server_db)
    assert code == 0 and "budi can read them as imported" in out
    code, out = run("server", "member", "set", "Lapangan", "budi", "owner", "--db", server_db)
    assert code == 0 and "not de-identified" not in out  # an owner does everything anyway

    from makna.server.registry import Registry

    with Registry.open(server_db) as reg:
        assert reg.not_deidentified("Lapangan") == ["s1"]
        assert reg.not_deidentified("Kosong") == []


def test_the_backup_says_which_sources_are_not_de_identified(server_db: str, tmp_path: Path) -> None:
    """trial10: 'server project export' of a de-identified project said "It holds every name in the project
    unless it was de-identified", and the same of one with sources as imported; now it says which."""
    _server(server_db, tmp_path, "Pesisir")

    code, out = run("server", "project", "export", "Pesisir", str(tmp_path / "a.makna"), "--db", server_db)
    assert code == 0 and "Exported project 'Pesisir'" in out
    assert "1 source(s) of 'Pesisir' are not de-identified (s1): the file holds them as imported" in out
    assert "unless it was de-identified" not in out

    code, out = run("server", "project", "export", "Kosong", str(tmp_path / "b.makna"), "--db", server_db)
    assert code == 0 and "not de-identified" not in out
    assert "No source in it is left as imported" in out
