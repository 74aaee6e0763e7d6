"""A case linked to a speaker's turns keeps its link through ``deid apply`` (#11, found by a new user's trial):
the link follows the turns to the surrogate label, in the apply's own transaction; a link to any other span
cannot follow, and the refusal names the exact ``makna cases unlink`` command. Fictional text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import makna
from makna.errors import ConflictError
from makna.privacy.project import decide_all, scan
from makna.privacy.project_apply import apply

PASS = "correct horse battery staple"
FG = (
    "Moderator: How did you start?\n"
    "Priya: My cousin showed me the app.\n"
    "Moderator: What is hardest?\n"
    "Priya: Rain, and bad ratings.\n"
)


def _accept_everything(project: Any) -> None:
    for _ in range(2):
        scan(project)
        decide_all(project, "accepted")


def _links(project: Any, case: str) -> list[tuple[int | None, int | None]]:
    cid = {c.name: c.id for c in makna.list_cases(project)}[case]
    return sorted((x.start, x.end) for x in makna.list_links(project) if x.case_id == cid)


def test_speaker_link_follows_the_surrogate_label(project: Any, tmp_path: Path) -> None:
    makna.import_text(project, "fg.txt", FG, language="en")
    makna.add_case(project, "P1")
    makna.link_speaker(project, "P1", "fg.txt", "Priya")
    _accept_everything(project)
    apply(project, tmp_path / "k.key", PASS)
    text = makna.get_source(project, "fg.txt").text
    assert "Priya" not in text
    turns = [t for t in makna.get_turns(project, "fg.txt") if t.speaker != "Moderator"]
    assert len(turns) == 2 and turns[0].speaker == turns[1].speaker != "Priya"
    assert _links(project, "P1") == [(t.start, t.end) for t in turns]
    with pytest.raises(ConflictError, match="already"):
        makna.link_speaker(project, "P1", "fg.txt", turns[0].speaker)  # the link is the surrogate's turns


def test_span_link_follows_the_replacements(project: Any, tmp_path: Path) -> None:
    """#11 (trial13 #3): a link to any other span moves with the replacements too (an edge inside a replaced
    identifier goes to the edge of its surrogate)."""
    makna.import_text(project, "fg.txt", FG, language="en")
    makna.add_case(project, "Informant 2")
    start = FG.index("Priya: My")
    makna.link_source(project, "Informant 2", "fg.txt", start + 2, start + len("Priya: My cousin"))  # inside the name
    _accept_everything(project)
    apply(project, tmp_path / "k.key", PASS)
    text = makna.get_source(project, "fg.txt").text
    assert "Priya" not in text
    turn = [t for t in makna.get_turns(project, "fg.txt") if t.speaker != "Moderator"][0]
    (s, e), = _links(project, "Informant 2")
    assert text[s:e] == turn.speaker + ": My cousin"
