"""``makna deid add --text X`` takes the first occurrence of X that no detection covers: a new user's trial
tried to add "Maninjau" where "Lake Maninjau" was marked already, and the command refused with an overlap
instead of marking "Place: Maninjau" below it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import makna
from makna.cli import app

TEXT = "P: Tinggal di mana?\nI: Di Danau Zorblat dulu.\nP: Lalu?\nI: Sekarang Zorblat Hilir, dekat Zorblat.\n"
runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_add_text_takes_the_first_occurrence_no_detection_covers(tmp_path: Path) -> None:
    loc = str(tmp_path / "p.makna")
    with makna.create_project(loc, coder="tester") as p:
        makna.import_text(p, "a.txt", TEXT, language="id")
    lake = TEXT.index("Danau Zorblat")
    code, out = _run("deid", "add", "-p", loc, "-s", "a.txt", "--span", f"{lake}:{lake + 13}", "-t", "LOCATION")
    assert code == 0, out
    code, out = _run("deid", "add", "-p", loc, "-s", "a.txt", "--text", "Zorblat", "-t", "LOCATION")
    assert code == 0, out
    second = TEXT.index("Zorblat Hilir")
    assert f"LOCATION {second}:{second + 7} [Zorblat] added." in out
    assert "2 other occurrence(s) in this source" in out
    code, out = _run("deid", "add", "-p", loc, "-s", "a.txt", "--text", "Zorblat", "-t", "LOCATION")
    last = TEXT.rindex("Zorblat")
    assert code == 0 and f"{last}:{last + 7} [Zorblat] added." in out, out
    code, out = _run("deid", "add", "-p", loc, "-s", "a.txt", "--text", "Zorblat", "-t", "LOCATION")
    # every occurrence is covered: refused, naming the detections (newuser15: no longer "overlap; reject one first")
    assert code != 0 and "every occurrence of that text is a detection already (1:1 added" in out, out
    listed = json.loads(_run("deid", "list", "-p", loc, "--format", "json")[1])
    assert sorted(r["start"] for r in listed) == [lake, second, last]
