"""The README's de-identification walkthrough, followed word for word on a transcript unlike the demo's (an
English interview with a Ghanaian nurse in Leeds), leaves none of the identifiers the detectors found at 0.5
or more (#11, deidsurr2). With the earlier advice (accept from 0.8, reject the rest) the suburbs, streets,
care home and full name found between 0.5 and 0.8 stayed in the project."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from test_readme import ROOT, readme_commands  # (tests/cli is on the path: pytest rootdir mode)
from typer.testing import CliRunner

from makna.cli import app

NURSE = (
    "Interviewer: Thank you for meeting me. Could you introduce yourself?\n"
    "Respondent: I'm Abena, Abena Owusu-Mensah. I came over from Kumasi in 2015 and I've been on the wards at "
    "St James's since.\n"
    "Interviewer: Where do you live now?\n"
    "Respondent: A little terrace in Harehills, off Roundhay Road. Before that I shared with two girls from "
    "church in Chapeltown.\n"
    "Interviewer: And work before the hospital?\n"
    "Respondent: Agency shifts with Brightcare Staffing, then nights at Meadowbank Care Home out by Horsforth.\n"
    "Interviewer: Family?\n"
    "Respondent: My husband Kofi drives for Zipcart. My daughter Efua is at Bankside Primary.\n"
)


def study_runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> Callable[..., str]:
    """A new folder ``study`` holding ``files``, made the current folder with a home of its own and a passphrase;
    returns ``run(*words)``, which runs one makna command there and returns its output (exit status 0 asserted)."""
    work = tmp_path / "study"
    for name, text in files.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(work)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MAKNA_DEID_PASSPHRASE", "kopi hujan sepeda jendela")
    monkeypatch.setenv("MAKNA_PROJECT", "study.makna")
    runner = CliRunner()

    def run(*words: str) -> str:
        result = runner.invoke(app, list(words))
        assert result.exit_code == 0, f"makna {' '.join(words)}: {result.output}"
        return result.output

    return run


def test_the_readme_walkthrough_leaves_no_found_identifier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run = study_runner(tmp_path, monkeypatch, {"nurse-leeds.txt": NURSE})
    run("init", "study.makna")
    run("import", "nurse-leeds.txt", "--language", "en")
    flow = [words for _env, words in readme_commands((ROOT / "README.md").read_text(encoding="utf-8"))
            if words[0] == "deid"]
    assert flow[0][:2] == ["deid", "scan"] and flow[-1][:2] == ["deid", "apply"]
    found = json.loads(run("deid", "scan", "--format", "json"))
    wanted = {d["text"] for d in found if d["confidence"] >= 0.5 and d["field"] == "sources.text"}
    # the point of the walkthrough's threshold: identifiers the detectors are less sure of (the suburb; the
    # school is an ORG at 0.95 since round seven's head words, and the street is above 0.8 since its retraining)
    assert len({d["text"] for d in found if 0.5 <= d["confidence"] < 0.8}) >= 1
    for words in flow:
        run(*words)
    text = run("sources", "show", "nurse-leeds.txt")
    left = sorted(w for w in wanted if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text))
    assert left == [], left
    assert (tmp_path / "home" / "keys" / "study.key").is_file()
