"""The README's step for what is typed after the apply, followed word for word (trial17, issue #11). A case
attribute typed after the apply (``app: CleanHands``) names an app that the transcripts' review accepted and the
apply replaced. The project keeps no original, so a plain ``makna deid scan`` passed over it ("0 found again"),
and the README's recipe ended in ``apply`` refusing ("confirmed identifiers occur again, unreviewed, in
case_values.value ..."). With the key (``makna deid scan --key``) the scan finds it and the apply replaces it."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from test_readme import ROOT, readme_commands  # (tests/cli is on the path: pytest rootdir mode)
from test_readme_deid_flow import study_runner

# fictional interview
TRANSCRIPT = (
    "Interviewer: Which app do you work on?\n"
    "Participant: Since 2023, on CleanHands. The clients find me there.\n"
    "Interviewer: Thank you.\n"
    "Participant: It is a pleasure.\n"
)
CASES = "attributes:\n  - {name: app, type: text}\ncases:\n  - name: P1\n    sources: [a.txt]\n    values: {app: CleanHands}\n"


def _after_apply_scan(readme: str) -> list[str]:
    """The scan command of the README's paragraph on what is written after the apply."""
    paragraph = readme[readme.index("What you write after the apply") :].split("\n\n")[0]
    command = re.search(r"`makna (deid scan[^`]*)`", paragraph)
    assert command is not None
    return [os.path.expanduser(w) for w in shlex.split(command.group(1))]


def test_a_name_typed_again_after_the_apply_is_found_and_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = study_runner(tmp_path, monkeypatch, {"transcripts/a.txt": TRANSCRIPT, "cases.yaml": CASES})
    run("init", "study.makna")
    run("import", "transcripts/", "--language", "en")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    flow = [words for _env, words in readme_commands(readme) if words[0] == "deid"]
    for words in flow:
        run(*[os.path.expanduser(w) for w in words])
    assert "CleanHands" not in run("sources", "show", "a.txt")
    run("cases", "import", "cases.yaml")
    run(*_after_apply_scan(readme))
    run("deid", "accept", "--all", "--min-confidence", "0.5")
    run(*[os.path.expanduser(w) for w in flow[-1]])  # the same apply, the same key
    assert "CleanHands" not in run("cases", "list", "--format", "csv")
