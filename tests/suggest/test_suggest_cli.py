"""makna suggest through the CLI: suggest, review one keystroke at a time, reliability, evaluate; offline."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest
from synth import build
from typer.testing import CliRunner

import makna
from makna import suggest
from makna.cli import app

runner = CliRunner()


@pytest.fixture
def coded(project_location: str) -> str:
    with makna.create_project(project_location, "Suggest", coder="tester") as proj:
        build(proj, noise_code=True)
    return project_location


def _ok(*args: str, input: str | None = None) -> str:  # noqa: A002 (CliRunner's name)
    result = runner.invoke(app, list(args), input=input)
    assert result.exit_code == 0, result.output
    return result.output


def test_suggest_and_review_by_keystroke(coded: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("makna tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    out = _ok("suggest", "-p", coded, "--coder", "tester")
    assert "suggestion(s) for" in out and "not suggested: mood (kappa" in out and "kept from the last run" not in out
    again = _ok("suggest", "-p", coded, "--coder", "tester")  # nothing changed: the stored model serves
    assert again.startswith("0 suggestion(s)") and "kept from the last run" in again and "not suggested: mood" in again
    with makna.open_project(coded, coder="tester") as proj:
        queue = suggest.pending(proj)
    assert len(queue) >= 3
    # accept, an unknown key (ignored), reject, skip, quit
    out = _ok("suggest", "review", "-p", coded, "--coder", "tester", input="axrsq")
    assert "Accepted 1, rejected 1, skipped 1." in out and "confidence" in out
    with makna.open_project(coded, coder="tester") as proj:
        states = {s.id: s.state for s in suggest.pending(proj, state="accepted") + suggest.pending(proj, state="rejected")}
        assert states == {queue[0].id: "accepted", queue[1].id: "rejected"}
        assert len(suggest.pending(proj)) == len(queue) - 2
    listed = json.loads(_ok("suggest", "list", "-p", coded, "--state", "accepted", "-f", "json"))
    assert [r["id"] for r in listed] == [queue[0].id] and listed[0]["decided_by"] == "tester"
    _ok("suggest", "reject", queue[2].id, "-p", coded, "--coder", "tester")
    result = runner.invoke(app, ["suggest", "accept", queue[2].id, "-p", coded])
    assert result.exit_code == 2 and "rejected already" in result.output and "Traceback" not in result.output


def test_review_with_nothing_pending(coded: str) -> None:
    assert "No pending suggestions." in _ok("suggest", "review", "-p", coded)


def test_reliability_table_and_json(coded: str) -> None:
    rows = json.loads(_ok("suggest", "reliability", "-p", coded, "-f", "json"))
    by = {r["code"]: r for r in rows}
    assert by["fraud"]["suggested"] and by["fraud"]["kappa"] >= 0.6 and by["fraud"]["support"] > 0
    assert not by["mood"]["suggested"] and by["mood"]["reason"].startswith("kappa")
    assert "leave one source out" in _ok("suggest", "reliability", "-p", coded)


def test_bad_options_are_one_line(coded: str) -> None:
    for args, words in ((["--min-confidence", "2"], "min-confidence"), (["--code", "nope"], "unknown code"),
                        (["--llm", "http://192.0.2.7:11434/v1"], "--allow-remote"), (["--llm", "ftp://x"], "http")):
        result = runner.invoke(app, ["suggest", "-p", coded, *args])
        assert result.exit_code == 2 and words in result.output and "Traceback" not in result.output, result.output


def test_evaluate_on_the_dev_corpus(shared_dir: Path, tmp_path: Path) -> None:
    dev = shared_dir / "eval-corpus" / "dev"
    train, test = tmp_path / "train", tmp_path / "test"
    train.mkdir()
    test.mkdir()
    for p in sorted(dev.glob("dev-*.json")):
        (test if p.stem in ("dev-id-04",) else train).joinpath(p.name).write_bytes(p.read_bytes())
    test.joinpath("codebook.json").write_bytes((dev / "codebook.json").read_bytes())
    data: dict[str, Any] = json.loads(_ok("suggest", "evaluate", "--train", str(train), "--test", str(test),
                                          "--format", "json"))
    assert {"micro_f1", "macro_f1", "precision", "recall", "per_code", "baseline", "units_per_second"} <= data.keys()
    assert data["units"] == 7 and 0.0 <= data["micro_f1"] <= 1.0 and data["baseline"]["micro_f1"] > 0
    assert all({"f1", "precision", "recall", "support"} <= v.keys() for v in data["per_code"].values())
    assert "micro-F1" in _ok("suggest", "evaluate", "--train", str(train), "--test", str(test))
    bad = runner.invoke(app, ["suggest", "evaluate", "--train", str(tmp_path / "none"), "--test", str(test)])
    assert bad.exit_code == 2 and "not a folder" in bad.output


def test_review_reads_a_pipe_when_there_is_no_terminal(coded: str) -> None:
    """`printf 'a\\nr\\n' | makna suggest review` (no terminal to read keystrokes from): the piped keys
    decide, the end of the input quits; no traceback for the missing /dev/tty."""
    import os
    import subprocess
    import sys

    _ok("suggest", "-p", coded, "--coder", "tester")
    with makna.open_project(coded, coder="tester") as proj:
        queue = suggest.pending(proj)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-m", "makna.cli", "suggest", "review", "-p", coded, "--coder", "tester"],
                          input="a\nr\n", capture_output=True, text=True, timeout=120, env=env,
                          start_new_session=True)  # no controlling terminal, as in a pipeline or a job
    assert done.returncode == 0, done.stderr
    assert "Accepted 1, rejected 1, skipped 0." in done.stdout and "Traceback" not in done.stderr
    with makna.open_project(coded, coder="tester") as proj:
        assert len(suggest.pending(proj)) == len(queue) - 2


def test_a_run_with_nothing_to_suggest_for_says_why(coded: str) -> None:
    """Every source named is coded (training data): the run says that suggestions go to uncoded sources."""
    from makna.views import segments_per_source

    with makna.open_project(coded, coder="tester") as proj:
        counts = segments_per_source(proj)
        coded_source = next(s.name for s in makna.list_sources(proj) if counts.get(s.id))
    out = _ok("suggest", "-p", coded, "--coder", "tester", "--source", coded_source)
    assert out.startswith("0 suggestion(s) for 0 uncoded") and "sources nobody has coded yet" in out


def test_a_kappa_below_the_bar_never_reads_as_not_below_it() -> None:
    from makna.suggest.reliability import _shown

    assert _shown(-0.0012, 0.0) == "-0.0012" and _shown(0.5951, 0.6) == "0.595" and _shown(0.41, 0.6) == "0.41"


def test_reject_all_with_filters_and_rejected_are_not_listed(coded: str) -> None:
    """`suggest reject --all` mirrors accept (ids or --all, narrowed by --source/--code); a rejected
    suggestion is no longer listed by `makna segments` under the suggester."""
    _ok("suggest", "-p", coded, "--coder", "tester")
    with makna.open_project(coded, coder="tester") as proj:
        queue = suggest.pending(proj)
    first = queue[0]
    listed = json.loads(_ok("segments", "-p", coded, "--coder", suggest.MACHINE_CODER, "-f", "json"))
    assert len(listed) == len(queue)
    for bad in (["suggest", "reject", "-p", coded], ["suggest", "reject", first.id, "--all", "-p", coded],
                ["suggest", "accept", first.id, "--code", first.code, "-p", coded]):
        result = runner.invoke(app, bad)
        assert result.exit_code != 0 and "Traceback" not in result.output and "--all" in result.output
    same = [s for s in queue if s.source == first.source and s.code == first.code]
    out = _ok("suggest", "reject", "--all", "--source", first.source, "--code", first.code, "-p", coded,
              "--coder", "tester")
    assert f"Rejected {len(same)} suggestion(s)." in out
    with makna.open_project(coded, coder="tester") as proj:
        assert {s.id for s in suggest.pending(proj, state="rejected")} == {s.id for s in same}
    listed = json.loads(_ok("segments", "-p", coded, "--coder", suggest.MACHINE_CODER, "-f", "json"))
    assert len(listed) == len(queue) - len(same)
    assert {(r["source"], r["start"], r["code"]) for r in listed}.isdisjoint(
        {(s.source, s.start, s.code) for s in same})
    out = _ok("suggest", "accept", "--all", "-p", coded, "--coder", "tester")
    assert f"Accepted {len(queue) - len(same)} suggestion(s)." in out
    assert "No pending suggestions." in _ok("suggest", "review", "-p", coded)
