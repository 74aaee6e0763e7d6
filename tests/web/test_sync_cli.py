"""makna pull, push, login and logout through CliRunner, against the team server's app through the
httpx ASGI transport (#14)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import PASSWORD, URL, served
from typer.testing import CliRunner

import makna
from makna.cli import app

runner = CliRunner()


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> tuple[int, str]:  # noqa: A002
    result = runner.invoke(app, list(args), input=input, env=env)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def lab(team: Any, server_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.delenv("MAKNA_PASSWORD", raising=False)
    with served(server_db, monkeypatch) as (application, _):
        yield application


def test_pull_code_push_from_the_command_line(lab: Any, team: Any, tmp_path: Path) -> None:
    path = str(tmp_path / "studi.makna")
    code, out = run("pull", URL, "Studi", path, "--user", "budi", input=f"{PASSWORD}\n")
    assert code == 0, out
    assert f"Pulled 'Studi' from {URL} as budi (coder) into {path}: 1 sources, 2 codes, 0 codings" in out
    assert PASSWORD not in Path(path).read_bytes().decode("latin-1")  # the session is kept, never the password
    assert "Warning: 1 source(s) of this copy are not de-identified yet: it holds their original identifiers" in out
    code, out = run("code", "tempat", "-s", "wawancara", "--span", "14:18", "-p", path)
    assert code == 0, out
    code, out = run("codebook", "add", "baru", "-p", path)
    assert code == 3 and "manager role" in out  # the codebook is edited on the server only
    code, out = run("push", path)
    assert code == 0 and "Pushed 1 change (1 added)" in out, out
    code, out = run("push", path)
    assert code == 0 and "Nothing to push" in out
    with makna.open_project(team.location(team.project("Studi"))) as srv:
        assert [(s.coder, s.start, s.end) for s in makna.retrieve(srv, code="tempat")] == [("budi", 14, 18)]
    code, out = run("pull", path, "--json")
    assert code == 0 and json.loads(out)["counts"]["segments"] == 1


def test_conflicts_are_listed_and_exit_non_zero(lab: Any, team: Any, tmp_path: Path) -> None:
    path = str(tmp_path / "studi.makna")
    assert run("pull", URL, "Studi", path, "-u", "budi", env={"MAKNA_PASSWORD": PASSWORD})[0] == 0
    with makna.open_project(team.location(team.project("Studi")), coder="dewi") as srv:
        makna.delete_code(srv, "tempat", force=True)
    assert run("code", "tempat", "-s", "wawancara", "--span", "14:18", "-p", path)[0] == 0
    code, out = run("push", path)
    assert code == 1
    assert "Nothing pushed: 1 conflict." in out and "was deleted or merged on the server" in out and "makna pull" in out
    code, out = run("pull", path)
    assert code != 0 and "1 of your 1 change(s) not pushed yet would be dropped" in out and "--discard" in out
    code, out = run("pull", path, "--discard")
    assert code == 0, out
    assert "Dropped your coding" in out and "its code was deleted or merged on the server" in out


def test_login_logout_and_one_line_errors(lab: Any, team: Any, tmp_path: Path) -> None:
    path = str(tmp_path / "studi.makna")
    code, out = run("pull", URL, "Nope", path, "-u", "budi", input=f"{PASSWORD}\n")
    assert code == 4 and "Error: no project 'Nope' of yours" in out and out.count("\n") <= 2
    code, out = run("pull", "lab.example", "Studi", path, "-u", "budi", input=f"{PASSWORD}\n")
    assert code == 2 and "https://host" in out
    code, out = run("pull", URL, "Studi", path, "-u", "budi", input="\n")
    assert code != 0 and "Error:" in out
    assert run("pull", URL, "Studi", path, "-u", "budi", input=f"{PASSWORD}\n")[0] == 0
    assert run("logout", path) == (0, "Logged out.\n")
    assert run("code", "tempat", "-s", "wawancara", "--span", "14:18", "-p", path)[0] == 0
    code, out = run("push", path)
    assert code == 4 and "not logged in" in out and "makna login" in out
    code, out = run("login", path, input=f"{PASSWORD}\n")
    assert code == 0 and f"Logged in to {URL} as budi" in out
    assert run("push", path)[0] == 0
    plain = str(tmp_path / "plain.makna")
    assert run("init", plain)[0] == 0
    code, out = run("push", plain)
    assert code == 4 and "not a copy pulled from a team server" in out
    code, out = run("pull", URL, path)
    assert code == 2 and "SERVER PROJECT FILE" in out


def test_a_copy_kept_from_before_de_identification_is_said_to_hold_the_names(
    lab: Any, team: Any, tmp_path: Path
) -> None:
    """A coder's copy pulled before the manager's apply, refreshed after it: the old copy kept beside the
    new one (for the dropped codings) holds the original texts, and nothing said so (trial5, #11)."""
    path = str(tmp_path / "studi.makna")
    assert run("pull", URL, "Studi", path, "-u", "budi", env={"MAKNA_PASSWORD": PASSWORD})[0] == 0
    assert run("code", "tempat", "-s", "wawancara", "--span", "14:18", "-p", path)[0] == 0
    with makna.open_project(team.location(team.project("Studi")), coder="ana") as srv:
        from makna.privacy.project import decide_all, scan
        from makna.privacy.project_apply import apply

        scan(srv)
        decide_all(srv, "accepted")
        apply(srv, tmp_path / "keys" / "studi.key", "lembah anai hujan pagi kopi", mode="tag")
    code, out = run("pull", path, "--discard")  # (without it, refused: push first, which moves the coding)
    assert code == 0, out
    assert "Dropped your coding" in out and "is kept as" in out
    assert "before they changed on the server (de-identified, or a participant withdrawn?), with every name in them" in out
    backup = next(tmp_path.glob("studi.makna.before-pull-*"))
    assert b"Padang" in backup.read_bytes() and b"Padang" not in Path(path).read_bytes()
