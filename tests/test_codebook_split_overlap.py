"""team29 (#11): a split with ``overlapping`` brings, with each coding chosen by id, the other coders' codings of the
same source that overlap it by at least half of the shorter of the two spans (``overlaps_enough``), not only those
of exactly its span (``every_coder``); a coding brought brings no more, the chosen coding's own coder's other codings
stay, a coding brought by two new codes is refused as one chosen twice. On every backend of ``project``."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

import makna
from makna.codebook_split import SplitPart, overlaps_enough, split_code
from makna.errors import ConflictError
from makna.project import Project
from makna.store import tables

TEXT = "I: How did you get to the clinic?\nP: I sat at the bus stop for an hour, then the bus to the clinic was full.\n"
CODINGS = (  # (coder, the coded words); code 'go' on source s1
    ("tester", "sat at the bus stop for an hour"),  # A
    ("dewi", "the bus stop"),  # inside A
    ("sari", "I sat at the"),  # overlaps A by 10 of its 12 characters; "the bus stop" by 3 of 12
    ("rizal", "for an hour, then the bus to the clinic was full"),  # overlaps A by 11 of A's 31
    ("tester", "the bus stop for an hour"),  # inside A, but tester's own
    ("dewi", "then the bus to the clinic"),  # apart from A
)


@pytest.mark.parametrize(
    ("a", "b", "enough"),
    [
        ((0, 10), (5, 15), True),  # 5 of 10: half
        ((0, 10), (6, 16), False),  # 4 of 10
        ((0, 20), (5, 10), True),  # inside: all of the shorter
        ((0, 10), (10, 20), False),  # touching, nothing shared
        ((0, 3), (2, 100), False),  # 1 of 3
        ((4, 9), (4, 9), True),  # the same span
    ],
)
def test_the_rule(a: tuple[int, int], b: tuple[int, int], enough: bool) -> None:
    assert overlaps_enough(a, b) is enough and overlaps_enough(b, a) is enough


def _coded(project: Project) -> dict[tuple[str, str], Any]:
    makna.import_text(project, "s1", TEXT, language="en")
    makna.import_text(project, "s2", TEXT + "P: It came late.\n", language="en")
    makna.add_code(project, "go", "Getting there")
    out = {}
    for coder, words in CODINGS:
        start = TEXT.index(words)
        out[coder, words] = makna.code_span(project, "s1", start, start + len(words), "go", coder=coder)
    start = TEXT.index(CODINGS[0][1])  # dewi's coding of A's span in the other source
    out["dewi", "s2"] = makna.code_span(project, "s2", start, start + len(CODINGS[0][1]), "go", coder="dewi")
    return out


def _moved(project: Project, key: str) -> list[tuple[str, str, str]]:
    return sorted((s.source, s.coder, s.text) for s in makna.retrieve(project, code=key, descendants=False))


def _state(project: Project) -> tuple[Any, ...]:
    with project.store.read() as conn:
        segs = sorted(tuple(map(str, r)) for r in conn.execute(select(tables.segments)))
        n_events = conn.execute(select(func.count()).select_from(tables.events)).scalar()
    return tuple(c.key for c in makna.list_codes(project)), tuple(segs), n_events


def test_overlapping_brings_the_other_coders_codings_of_the_passage(project: Project) -> None:
    seg = _coded(project)
    a = seg["tester", CODINGS[0][1]].id
    result = split_code(project, "go", [SplitPart("wait", segments=(a,))], overlapping=True)
    assert [(code.key, n) for code, n in result.parts] == [("wait", 3)] and result.kept == 4
    assert _moved(project, "wait") == [
        ("s1", "dewi", "the bus stop"),
        ("s1", "sari", "I sat at the"),
        ("s1", "tester", "sat at the bus stop for an hour"),
    ]  # not rizal's (too little shared), tester's other one (her own), dewi's in s2 (another source)
    event = makna.events(project, limit=1)[0]
    assert event.action == "code.split" and event.payload["overlapping"] and event.payload["every_coder"]
    assert sorted(event.payload["new"][0]["segments"]) == sorted(
        [a, seg["dewi", "the bus stop"].id, seg["sari", "I sat at the"].id]
    )


def test_a_coding_brought_brings_no_more_and_every_coder_alone_takes_the_same_span_only(project: Project) -> None:
    seg = _coded(project)
    b = seg["dewi", "the bus stop"].id
    split_code(project, "go", [SplitPart("stop", segments=(b,))], overlapping=True)
    assert _moved(project, "stop") == [
        ("s1", "dewi", "the bus stop"),
        ("s1", "tester", "sat at the bus stop for an hour"),
        ("s1", "tester", "the bus stop for an hour"),
    ]  # A came with it, but sari's (which overlaps A, not "the bus stop") did not
    d = seg["dewi", "then the bus to the clinic"].id
    result = split_code(project, "go", [SplitPart("ride", segments=(d,))], every_coder=True)
    assert [n for _code, n in result.parts] == [1]  # rizal's wider coding is not the same span
    assert _moved(project, "ride") == [("s1", "dewi", "then the bus to the clinic")]


def test_a_coding_brought_by_two_new_codes_is_refused(project: Project) -> None:
    seg = _coded(project)
    before = _state(project)
    parts = [
        SplitPart("wait", segments=(seg["tester", CODINGS[0][1]].id,)),
        SplitPart("hour", segments=(seg["tester", "the bus stop for an hour"].id,)),
    ]
    with pytest.raises(ConflictError, match=r"^segment '.+' is chosen for both 'wait' and 'hour': nothing split$"):
        split_code(project, "go", parts, overlapping=True)
    assert _state(project) == before
    split_code(project, "go", parts, every_coder=True)  # of the same span only: nothing is brought twice
    assert [s for s in _moved(project, "hour")] == [("s1", "tester", "the bus stop for an hour")]
