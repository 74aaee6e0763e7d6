"""``makna deid edit`` by offsets, by text, by whole words and by type, and ``makna deid add --also``,
through the CLI (#11, review): the same edits as the workbench, one line each, errors as one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app

TEXT = ("P: Siapa namamu?\n"
        "I: Nama saya Rina Kartika, dari Padang. Kawan saya Rina juga.\n")
OTHER = "I: Rina datang ke Padang kemarin.\n"
runner = CliRunner()


@pytest.fixture
def loc(project_location: str, monkeypatch: pytest.MonkeyPatch) -> str:
    with makna.create_project(project_location, coder="tester") as p:
        makna.import_text(p, "a.txt", TEXT, language="id")
        makna.import_text(p, "b.txt", OTHER, language="id")
    monkeypatch.setenv("MAKNA_CODER", "tester")
    return project_location


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_edit_by_text_words_offsets_and_type(loc: str) -> None:
    code, out = _run("deid", "scan", "-p", loc, "--format", "json")
    assert code == 0, out
    name = next(r for r in json.loads(out) if r["text"] == "Rina Kartika")
    code, out = _run("deid", "edit", name["id"], "--end-by", "-1", "-p", loc)
    assert (code, out.splitlines()[0]) == (0, f"{name['id']} PERSON {name['start']}:{name['start'] + 4} [Rina] "
                                              f"edited (was PERSON {name['start']}:{name['end']}).")
    code, out = _run("deid", "edit", name["id"], "--text", "Rina Kartika", "--type", "org", "-p", loc)
    assert code == 0 and "ORG" in out and "[Rina Kartika]" in out
    code, out = _run("deid", "edit", name["id"], "--start", str(name["start"] - 5), "-p", loc)
    assert code == 0 and "[saya Rina Kartika]" in out
    code, out = _run("deid", "edit", name["id"], "--start-by", "1", "--type", "PERSON", "-p", loc)
    assert code == 0 and "PERSON" in out and "[Rina Kartika]" in out
    for args, reason in [((), "nothing to change"), (("--span", "1:2", "--start", "3"), "not both"),
                         (("--text", "Budi"), "does not occur"), (("--end-by", "-3"), "empty"),
                         (("--span", "0:999999"), "outside"), (("--type", "FRUIT"), "FRUIT")]:
        code, out = _run("deid", "edit", name["id"], *args, "-p", loc)
        assert code != 0 and reason in out and "Traceback" not in out, (args, out)
        assert len(out.strip().splitlines()) == 1
    code, out = _run("undo", "-p", loc)
    assert code == 0, out


def test_add_with_also(loc: str) -> None:
    at = TEXT.index("Padang")
    code, out = _run("deid", "add", "-s", "a.txt", "--span", f"{at}:{at + 6}", "-t", "LOCATION", "--also", "all",
                     "-p", loc)
    assert code == 0, out
    assert out.splitlines()[1] == "1 other occurrence(s) marked in b.txt."
    code, out = _run("deid", "add", "-s", "a.txt", "--span", "3:8", "-t", "PERSON", "--also", "world", "-p", loc)
    assert code != 0 and "use one of none, source, all" in out
    code, out = _run("deid", "list", "-p", loc, "--format", "json")
    assert sorted((r["source"], r["text"], r["status"]) for r in json.loads(out)) == [
        ("a.txt", "Padang", "added"), ("b.txt", "Padang", "added")]


def _makna(*args: str, stdin: str | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "MAKNA_CODER": "tester"}
    env.pop("MAKNA_DEID_PASSPHRASE", None)
    return subprocess.run([sys.executable, "-m", "makna.cli", *args], input=stdin if stdin is not None else None,
                          stdin=subprocess.DEVNULL if stdin is None else None, capture_output=True, text=True,
                          env=env, timeout=120, check=False)


def test_no_terminal_no_getpass_warning(loc: str, tmp_path: Path) -> None:
    """Without a terminal, 'makna deid apply' says in one line how to give the passphrase; Python's getpass
    used to print "GetPassWarning: Can not control echo" and "Password input may be echoed" before it.
    Two lines piped in serve as the new key's passphrase typed twice, and must agree."""
    at = TEXT.index("Padang")
    assert _run("deid", "add", "-s", "a.txt", "--span", f"{at}:{at + 6}", "-t", "LOCATION", "-p", loc)[0] == 0
    key = tmp_path / "keys" / "k.key"
    done = _makna("deid", "apply", "--key", str(key), "-p", loc, stdin=None)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "new key passphrase: none given" in done.stderr
    assert "Warning" not in done.stderr + done.stdout and "echo" not in done.stderr
    done = _makna("deid", "apply", "--key", str(key), "-p", loc, stdin="one phrase here\nanother phrase\n")
    assert done.returncode == 2 and "the two lines given differ" in done.stderr and "Warning" not in done.stderr
    assert not key.exists()
