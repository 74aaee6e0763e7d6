"""gate27's leftover (#11): 'makna sources hold NAME --reason TEXT' holds a source by hand (a manager's step; a
reason required; a second hold refused in one line; 'makna deid audit' lists it); its help names the release.
SQLite and PostgreSQL."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import makna
from makna.cli import app

runner = CliRunner()


def _run(loc: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "-p", loc], env={"MAKNA_CODER": "ruth"})
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_hold_then_release(project_location: str) -> None:
    loc = project_location
    with makna.create_project(loc, "Pantry", coder="ruth") as proj:
        makna.import_text(proj, "fg.txt", "Facilitator: Who are you?\nP1: I'm from the north, I cook there.\n")
    code, out = _run(loc, "sources", "hold", "--help")
    assert code == 0 and "makna sources release" in out
    code, out = _run(loc, "sources", "hold", "fg.txt", "--reason", " ")
    assert code != 0 and "reason" in out and len(out.strip().splitlines()) == 1
    code, out = _run(loc, "sources", "hold", "fg.txt", "--reason", "never de-identified")
    assert code == 0 and out.startswith("Held fg.txt")
    code, out = _run(loc, "sources", "--format", "csv")
    assert "fg.txt,held: not de-identified yet" in out
    code, out = _run(loc, "sources", "hold", "fg.txt", "--reason", "again")
    assert code != 0 and "held for de-identification already" in out and len(out.strip().splitlines()) == 1
    code, out = _run(loc, "deid", "audit", "--format", "json")
    assert [(e["action"], e["actor"]) for e in json.loads(out)["events"]] == [("source.hold", "ruth")]
    code, out = _run(loc, "sources", "release", "fg.txt", "--reason", "it names no one")
    assert code == 0 and "Released fg.txt" in out
    code, out = _run(loc, "sources", "hold", "nope.txt", "--reason", "x")
    assert code != 0 and "nope.txt" in out and len(out.strip().splitlines()) == 1
