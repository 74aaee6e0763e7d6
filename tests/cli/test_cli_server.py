"""makna server through CliRunner: init (asks the password twice), users with roles, projects added
and imported from a local file, members, one-line errors (#14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app

runner = CliRunner()
PASSWORD = "a long enough password"


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> tuple[int, str]:  # noqa: A002
    result = runner.invoke(app, list(args), input=input, env=env)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def db(server_db: str) -> str:
    code, out = run("server", "init", "--db", server_db, "--owner", "ana", input=f"{PASSWORD}\n{PASSWORD}\n")
    assert code == 0, out
    assert "Team server ready" in out and "administrator: ana" in out
    return server_db


def test_from_an_empty_database_to_two_coders(db: str, tmp_path: Path) -> None:
    assert run("server", "project", "add", "Studi", "--db", db)[0] == 0
    pw = {"MAKNA_PASSWORD": PASSWORD}
    code, out = run("server", "user", "add", "budi", "--role", "coder", "--db", db, env=pw)
    assert code != 0 and "--all-projects" in out  # a role in every project is said, never assumed (newuser17)
    code, out = run("server", "user", "add", "budi", "--role", "coder", "--all-projects", "--db", db, env=pw)
    assert code == 0 and "Added user budi as coder in 'Studi'" in out
    code, out = run("server", "user", "add", "citra", "--role", "coder", "--project", "Studi", "--db", db, env=pw)
    assert code == 0
    code, out = run("server", "project", "list", "--db", db, "-f", "json")
    assert json.loads(out)[0]["members"] == "ana (owner), budi (coder), citra (coder)"
    code, out = run("server", "member", "set", "Studi", "citra", "manager", "--db", db)
    assert code == 0 and "citra is now manager of 'Studi'" in out
    code, out = run("server", "user", "list", "--db", db, "-f", "json")
    assert {u["name"]: u["projects"] for u in json.loads(out)}["citra"] == "Studi (manager)"
    from makna.server.registry import Registry

    with Registry.open(db) as reg:
        assert reg.authenticate("budi", PASSWORD) is not None


def test_a_local_project_is_imported(db: str, tmp_path: Path) -> None:
    local = tmp_path / "lapangan.makna"
    with makna.create_project(local, "Lapangan", coder="ana") as p:
        makna.import_text(p, "s1", "P: halo\nI: baik\n")
    code, out = run("server", "project", "import", str(local), "--name", "Lapangan", "--db", db)
    assert code == 0 and "as project 'Lapangan'" in out
    code, out = run("server", "project", "delete", "Lapangan", "--db", db)
    assert code != 0 and "add --yes" in out
    assert run("server", "project", "delete", "Lapangan", "--yes", "--db", db)[0] == 0


def test_mistakes_are_one_line(db: str, server_db: str, tmp_path: Path) -> None:
    code, out = run("server", "init", "--db", server_db, "--owner", "x", input=f"{PASSWORD}\n{PASSWORD}\n")
    assert code != 0 and out.strip().endswith("a makna server exists in this database already")
    code, out = run("server", "user", "add", "budi", "--role", "boss", "--db", db)
    assert code != 0 and "role 'boss': use one of owner, manager, coder, viewer" in out
    code, out = run("server", "user", "add", "budi", "--db", db, env={"MAKNA_PASSWORD": "short"})
    assert code != 0 and "too short" in out
    code, out = run("server", "member", "set", "Nope", "ana", "coder", "--db", db)
    assert code != 0 and "unknown project 'Nope'" in out
    code, out = run("server", "project", "list", "--db", str(tmp_path / "x.makna"))
    assert code != 0 and "needs a PostgreSQL database URL" in out
    code, out = run("server", "init", "--db", str(tmp_path / "y.db"), "--owner", "ana",
                    input=f"{PASSWORD}\n{PASSWORD}\n")
    assert code != 0 and len(out.strip().splitlines()) <= 3 and "PostgreSQL" in out


def test_run_refuses_a_database_without_a_server(server_db: str) -> None:
    code, out = run("server", "run", "--db", server_db)
    assert code != 0 and "no makna server here (run 'makna server init' first)" in out


def test_the_readme_team_server_section_runs(server_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's 'Team server' commands, as they stand, on an empty database: two coders at work."""
    import test_readme
    from test_readme import ROOT, readme_commands

    monkeypatch.setattr(test_readme, "SKIP", {"serve", "demo"})  # the README test skips the server's commands
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Team server", 1)[1].split("\n## ", 1)[0]
    commands = [words for _, words in readme_commands(section) if words[:1] == ["server"]]
    at_run = next(i for i, words in enumerate(commands) if words[1] == "run")
    setup, serve, after = commands[:at_run], commands[at_run], commands[at_run + 1 :]
    assert [w[1] for w in setup][:2] == ["init", "project"]
    monkeypatch.chdir(tmp_path)
    with makna.create_project(tmp_path / "study.makna", "Studi", coder="ana") as p:
        makna.import_text(p, "informan-01", "P: Apa kabar?\nI: Baik.\n")
        makna.add_code(p, "emosi", "Emosi")
    env = {"MAKNA_SERVER_DB": server_db, "MAKNA_PASSWORD": PASSWORD, "MAKNA_PASSPHRASE": PASSWORD}
    for words in setup:  # up to `server run`, which serves until stopped
        code, out = run(*words, env=env)
        assert code == 0, f"makna {' '.join(words)}: {out}"
    from makna.server.registry import Registry

    with Registry.open(server_db) as reg:
        assert dict(reg.members("Studi Padang")) == {"ana": "owner", "budi": "coder", "citra": "manager"}
    _two_coders_over_http(serve, env)
    for words in after:  # the backup of one project to a file, and its restore under another name
        code, out = run(*words, env=env)
        assert code == 0, f"makna {' '.join(words)}: {out}"
    if after:
        with Registry.open(server_db) as reg:
            names = {p.name for p in reg.projects()}
        assert {"Studi Padang", "Studi Padang (restored)"} <= names


def _two_coders_over_http(run_words: list[str], env: dict[str, str]) -> None:
    """The README's `server run` (on a free port) in a process of its own; budi and citra log in over
    HTTP, choose the project and code; each sees the other's coding in the project's changes."""
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = str(sock.getsockname()[1])
    words = [port if w == "8780" else w for w in run_words]
    assert words[words.index("--port") + 1] == port
    server = subprocess.Popen([sys.executable, "-c", "from makna.cli import main; main()", *words],
                              env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/login", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        clients = {name: httpx.Client(base_url=base, timeout=30) for name in ("budi", "citra")}
        made: dict[str, str] = {}
        for i, (name, client) in enumerate(clients.items()):
            r = client.post("/login", json={"name": name, "password": env["MAKNA_PASSWORD"]})
            assert r.status_code == 200, r.text
            client.headers["x-makna-csrf"] = r.json()["csrf"]
            assert client.post("/api/server/projects/Studi Padang/open").json()["role"] == \
                {"budi": "coder", "citra": "manager"}[name]
            source = client.get("/api/sources").json()[0]["id"]
            code = client.get("/api/codes").json()[0]["id"]
            r = client.post("/api/segments", json={"source": source, "start": i, "end": i + 4, "code": code})
            assert r.status_code == 201, r.text
            made[name] = r.json()["id"]
        for name, client in clients.items():
            seen = {s["id"]: s["coder"] for c in client.get("/api/changes").json()["changes"]
                    if c["kind"] == "segments.add" for s in c["data"]["segments"]}
            assert {seen.get(made[n]) for n in clients} == {"budi", "citra"}, name
            client.close()
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert b"Traceback" not in err, err.decode()


def test_a_project_s_location_opens_it_from_any_command(db: str) -> None:
    """trial15 #3: a participant of a server project is withdrawn with the key on the command line, which needs the
    project's -p; `server project location` prints it (a project that does not exist is one line)."""
    assert run("server", "project", "add", "Studi", "--db", db)[0] == 0
    code, out = run("server", "project", "location", "Studi", "--db", db)
    assert code == 0 and out.startswith("postgresql") and "search_path" in out, out
    code, listed = run("sources", "list", "-p", out.strip(), "-f", "json")
    assert code == 0 and json.loads(listed) == [], listed
    code, out = run("server", "project", "location", "Nope", "--db", db)
    assert code != 0 and "Nope" in out and len(out.strip().splitlines()) == 1, out
