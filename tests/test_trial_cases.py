"""A focus group's participants as cases (found by a new user's trial, review): one case per numbered
participant, linked to every turn of that speaker at once, so that quotes and informant counts name the
participant rather than the whole group."""

from __future__ import annotations

from typing import Any

import pytest

import makna
from makna.errors import ConflictError, NotFoundError

FG = ("Focus group, fictional.\n\n"
      "Moderator: How did you start?\n"
      "Participant 1: My cousin showed me the app.\n"
      "Participant 2: The pandemic, for me.\n"
      "Moderator: What is hardest?\n"
      "participant 1 : Fake transfer receipts.\n"
      "Participant 2: Rain, and bad ratings.\n")


def test_a_participant_is_linked_to_each_of_their_turns(project: Any) -> None:
    makna.import_text(project, "fg.txt", FG, language="en")
    for name in ("P1", "P2"):
        makna.add_case(project, name)
    links = makna.link_speaker(project, "P1", "fg.txt", "Participant 1 ")
    turns = [t for t in makna.get_turns(project, "fg.txt") if t.speaker.strip().casefold() == "participant 1"]
    assert len(turns) == 2 and [(x.start, x.end) for x in links] == [(t.start, t.end) for t in turns]
    assert makna.undoable(project)[0].description == "link a case to a source"  # one step
    makna.add_code(project, "fraud", "Fraud")
    makna.add_code(project, "start", "Start")
    fake = FG.index("Fake transfer")
    makna.code_span(project, "fg.txt", fake, fake + 13, "fraud")
    pandemic = FG.index("The pandemic")
    makna.code_span(project, "fg.txt", pandemic, pandemic + 12, "start")
    assert [s.cases for s in makna.retrieve(project, code="fraud")] == [("P1",)]
    assert [s.cases for s in makna.retrieve(project, code="start")] == [()]
    with pytest.raises(ConflictError, match="every turn of 'Participant 1'"):
        makna.link_speaker(project, "P1", "fg.txt", "Participant 1")
    with pytest.raises(NotFoundError, match=r"no turn of speaker 'P9' \(its speakers: Moderator, Participant 1, "):
        makna.link_speaker(project, "P2", "fg.txt", "P9")
    makna.link_source(project, "P2", "fg.txt")
    with pytest.raises(ConflictError, match="linked to the whole of 'fg.txt' already"):
        makna.link_speaker(project, "P2", "fg.txt", "Participant 2")
    makna.undo(project)  # the whole link
    assert len(makna.link_speaker(project, "P2", "fg.txt", "participant 2")) == 2
    assert [s.cases for s in makna.retrieve(project, code="start")] == [("P2",)]


def test_unlinking_what_is_not_linked_can_be_refused(project: Any) -> None:
    makna.import_text(project, "fg.txt", FG, language="en")
    makna.add_case(project, "P1")
    assert makna.unlink_source(project, "P1", "fg.txt") == 0  # as before: nothing to remove
    events = len(makna.undoable(project))
    with pytest.raises(NotFoundError, match="case 'P1' is not linked to 'fg.txt'"):
        makna.unlink_source(project, "P1", "fg.txt", missing_ok=False)
    assert len(makna.undoable(project)) == events  # nothing written
    makna.link_speaker(project, "P1", "fg.txt", "Participant 1")
    assert makna.unlink_source(project, "P1", "fg.txt", missing_ok=False) == 2
