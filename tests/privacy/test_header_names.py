"""english25 (issue #11): a speaker's name on a call export's header line is found whole, in both languages."""

from __future__ import annotations

import pytest

from makna.privacy import Detection, detect
from makna.privacy.header_names import header_names


def _person(text: str, name: str, detector: str = "learned") -> Detection:
    at = text.index(name)
    return Detection(at, at + len(name), "PERSON", 0.8, detector, name)


@pytest.mark.parametrize(
    ("text", "part", "whole"),
    [
        ("Dana Pemberton   0:04\nThanks for joining.\n", "Pemberton", "Dana Pemberton"),
        ("Bea Whitcombe-Oyelaran\n00:00:06\nOkay, it's recording.\n", "Whitcombe-Oyelaran", "Bea Whitcombe-Oyelaran"),
        ("Kgosi, Lerato   0:10\nHappy to.\n", "Kgosi", "Kgosi, Lerato"),
        ("Mair ap Rhys\t1:02:11\nYes, that's right.\n", "Rhys", "Mair ap Rhys"),
        ("Sitompul, Ranto   0:10\nSiap, Kak.\n", "Sitompul", "Sitompul, Ranto"),
        ("Bea Wiryawan\n00:00:06\nOke, sudah mulai rekam.\n", "Wiryawan", "Bea Wiryawan"),
        ("Mr Tobias Achterberg   0:09\nGood morning.\n", "Achterberg", "Tobias Achterberg"),
    ],
)
def test_a_person_cut_on_a_header_line_takes_the_whole_name(text: str, part: str, whole: str) -> None:
    (out,) = header_names(text, [_person(text, part)])
    assert (out.type, out.text) == ("PERSON", whole)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # the same words in a sentence, not a header line: left as found
        ("A: Dana Pemberton came at ten.\n", "Pemberton", "PERSON"),
        ("A: I met Kgosi, Lerato and the others.\n", "Kgosi", "PERSON"),
        # a header line whose name part holds a firm: not a person's header
        ("Harbourline Logistics   0:04\nWelcome.\n", "Harbourline Logistics", "ORG"),
    ],
)
def test_a_name_off_a_header_line_or_another_type_is_left_alone(text: str, name: str, kind: str) -> None:
    at = text.index(name)
    det = Detection(at, at + len(name), kind, 0.8, "learned", name)
    assert header_names(text, [det]) == [det]


def test_generic_labels_and_lines_without_detections_propose_nothing() -> None:
    text = "Interviewer   0:01\nHello.\nSpeaker 2   0:03\nHi.\nUnknown Speaker\n00:00:09\nOkay.\n"
    assert header_names(text, []) == []


def test_a_whole_export_leaks_no_part_of_a_speakers_name() -> None:
    text = (
        "Bea Whitcombe-Oyelaran\n00:00:06\nOkay, the recording is on.\n\n"
        "Tomasz Nowak\n00:00:09\nFine by me. I work on Monday and Tuesday.\n\n"
        "Bea Whitcombe-Oyelaran\n00:00:15\nWho do you work for?\n"
    )
    found = detect(text, language="en")
    persons = [d.text for d in found if d.type == "PERSON"]
    assert persons.count("Bea Whitcombe-Oyelaran") == 2
    assert not any(d.text in ("Monday", "Tuesday") for d in found)
