"""The README's de-identification walkthrough, followed word for word, replaces an identifier everywhere its
second scan finds it again (trial16, issue #11). A name accepted at 0.5-0.8 in one transcript ('Tek Ros', an
aunt, found by the catch-all) is found again in another only by the second scan, as a pending detection
('propagate', 0.99); the walkthrough then called every pending detection a guess and rejected them all, so the
name stayed in the second transcript (apply only warned)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_readme import ROOT, readme_commands  # (tests/cli is on the path: pytest rootdir mode)
from test_readme_deid_flow import study_runner

FIRST = "Pewawancara: Siapa nan mambantu?\nInforman: Ambo minta tolong ka Tek Ros sajo.\n"
SECOND = (
    "Pewawancara: Baa kini?\nInforman: Kini ambo tanang.\n"
    "Pewawancara: Lai?\nInforman: Tek Ros juo nan manarimo telepon.\n"
)


def test_what_the_second_scan_finds_again_is_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run = study_runner(tmp_path, monkeypatch, {"transcripts/a.txt": FIRST, "transcripts/b.txt": SECOND})
    run("init", "study.makna")
    run("import", "transcripts/")
    flow = [
        words for _env, words in readme_commands((ROOT / "README.md").read_text(encoding="utf-8")) if words[0] == "deid"
    ]
    assert flow[0][:2] == ["deid", "scan"] and flow[-1][:2] == ["deid", "apply"]
    run("deid", "scan")
    first = run("deid", "list", "--format", "csv")
    assert "Tek Ros" in first and "b.txt" not in first  # found in a.txt only, below 0.8
    for words in flow:
        run(*words)
    assert "Tek Ros" not in run("sources", "show", "a.txt")
    assert "Tek Ros" not in run("sources", "show", "b.txt")
