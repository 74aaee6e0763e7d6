"""Turns of a transcription service's export (Otter.ai and the like): a line of a speaker and a time stamp
only, what they said on the lines below (a new user's trial imported one as a text of 0 turns)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from makna.text import detect_turns

OTTER = (
    "Interviewer  0:02\nOkay, it's recording. Can you describe your route?\n\n"
    "Farid Hasibuan  0:09\nSure. I cycle to the office.\nAbout eleven kilometres.\n\n"
    "Interviewer  0:24\nWhy cycling?\n\n"
    "Farid Hasibuan  1:02:28\nHonestly, cost.\n"
)


def test_speaker_and_stamp_lines_open_turns() -> None:
    turns = detect_turns(OTTER)
    assert [t.speaker for t in turns] == ["Interviewer", "Farid Hasibuan", "Interviewer", "Farid Hasibuan"]
    assert OTTER[turns[1].start : turns[1].end] == (
        "Farid Hasibuan  0:09\nSure. I cycle to the office.\nAbout eleven kilometres."
    )
    assert [
        t.speaker
        for t in detect_turns(
            "Pewawancara (00:01:05)\nHalo.\nInforman [00:01:09]\nHalo juga.\nPewawancara (00:01:15)\nOke.\n"
        )
    ] == ["Pewawancara", "Informan", "Pewawancara"]


def test_colon_labels_come_first_and_a_lone_stamp_line_is_no_turn() -> None:
    mixed = "Meeting 10:30\nP: Halo.\nI: Halo juga.\nP: Oke.\n"
    assert [t.speaker for t in detect_turns(mixed)] == ["P", "I", "P"]
    assert detect_turns("Notes from Tuesday 10:30\nWe walked to the market.\n") == []
    assert detect_turns("Ana 0:01\nhello\nBudi 0:05\nhi\n") == []  # no speaker recurs: no conversation


names = st.sampled_from(["Interviewer", "Farid Hasibuan", "Speaker 1", "Mama Eti", "Dr. Wójcik"])
said = st.text(alphabet="abc def.,?\n", min_size=1, max_size=40).filter(lambda s: s.strip() and ":" not in s)


@given(st.lists(st.tuples(names, st.integers(0, 5999), said), min_size=2, max_size=12))
def test_stamped_turns_cover_each_speaker_line_in_order(parts: list[tuple[str, int, str]]) -> None:
    parts = [*parts, (parts[0][0], 0, "end")]  # the first speaker recurs
    text = "".join(f"{who}  {t // 60}:{t % 60:02d}\n{words.strip()}\n\n" for who, t, words in parts)
    turns = detect_turns(text)
    assert [t.speaker for t in turns] == [who for who, _t, _w in parts]
    for a, b in zip(turns, turns[1:], strict=False):
        assert a.end <= b.start
    for turn, (who, _t, words) in zip(turns, parts, strict=True):
        assert text[turn.start : turn.end].startswith(who + "  ")
        assert text[turn.start : turn.end].endswith(words.strip())
