"""gate26: on the command line a source imported after the de-identification is flagged held in 'makna sources';
'makna report' and 'makna export' refuse in one line while it is; 'makna sources release NAME --reason ...'
releases it (a reason required; a second release refused in one line)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

import makna
from makna.cli import app

runner = CliRunner()
LATE = "Q: What was hardest?\nA: Standing for hours. Dr Margaret Fitzgerald told me to rest more.\n"


def _run(loc: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "-p", loc], env={"MAKNA_CODER": "ruth"})
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_held_flagged_refused_then_released(tmp_path: Path) -> None:
    loc = str(tmp_path / "pantry.makna")
    with makna.create_project(loc, "Pantry", coder="ruth") as proj:
        makna.import_text(proj, "fg.txt", "Facilitator: Who are you?\nP1: I'm Siobhan O'Connell, from Leeds.\n")
        makna.deid_scan(proj)
        makna.decide_all(proj, "accepted")
        makna.deid_apply(proj, tmp_path / "k.makna-key", "kopi hujan sepeda jendela")
        makna.import_text(proj, "late.txt", LATE, language="en")
    code, out = _run(loc, "sources", "--format", "csv")
    assert code == 0 and "late.txt,held: not de-identified yet" in out and "fg.txt,," in out
    code, out = _run(loc, "sources", "show", "late.txt")
    assert code == 0 and "Fitzgerald" in out  # the researcher herself keeps reading it
    code, out = _run(loc, "report", "-o", str(tmp_path / "report"))
    assert code != 0 and "held, not de-identified yet" in out and len(out.strip().splitlines()) == 1
    code, out = _run(loc, "export", "-f", "json", "-o", str(tmp_path / "out.json"))
    assert code != 0 and "held" in out and not (tmp_path / "out.json").exists()
    code, out = _run(loc, "sources", "release", "late.txt", "--reason", " ")
    assert code != 0 and "reason" in out
    code, out = _run(loc, "sources", "release", "late.txt", "--reason", "a test answer that names no one")
    assert code == 0 and "Released late.txt" in out
    code, out = _run(loc, "sources", "--format", "csv")
    assert "held" not in out.splitlines()[0]
    code, out = _run(loc, "sources", "release", "late.txt", "--reason", "again")
    assert code != 0 and "not held" in out and len(out.strip().splitlines()) == 1
