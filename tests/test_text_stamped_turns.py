"""Turns of a transcription service's export (Otter.ai and the like): a line of a speaker and a time stamp
only, what they said on the lines below (a new user's trial imported one as a text of 0 turns)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import makna
from makna.text import detect_turns
from makna.turn_table import TurnTable

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


def test_the_speaker_lines_stamp_is_the_turns_time() -> None:
    # The stamp after the speaker is where the turn starts in the recording, as a stamp before a label is
    # (a new user's trial found the time column empty for every turn of such an export).
    turns = detect_turns(OTTER)
    assert [t.time_start for t in turns] == ["00:00:02.000", "00:00:09.000", "00:00:24.000", "01:02:28.000"]
    assert [t.time_start for t in TurnTable.detect(OTTER)] == [t.time_start for t in turns]
    assert detect_turns("Informan [00:01:09]\nHalo.\nPewawancara (1:15)\nOke.\nInforman 0:20\nYa.\n")[1].time_start == (
        "00:01:15.000"
    )
    assert [t.time_start for t in detect_turns("P: Halo 0:09\nI: Ya.\nP: Oke.\n")] == [None, None, None]


# A transcription service's web page puts the speaker and the stamp in two elements with nothing between them,
# so its text has "Moderator00:00:03" lines (a new user's trial imported such a page as a text of 0 turns, and
# a participant's name, on those lines only, survived the de-identification).
SERVICE_PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Transcript</title></head><body><main>'
    + "".join(
        f'<div class="segment"><div><span class="speaker">{who}</span><span class="ts">{ts}</span></div>'
        f'<p class="text">{said}</p></div>'
        for who, ts, said in [
            ("Moderator", "00:00:03", "Welcome, everyone."),
            ("Mick", "00:00:18", "Twenty-two years on nights."),
            ("Moderator", "00:00:35", "What keeps you on nights?"),
            ("Mick", "00:01:40", "The quiet."),
        ]
    )
    + "</main></body></html>"
)


def test_a_speaker_and_stamp_written_together_open_turns(tmp_path: Path) -> None:
    turns = detect_turns("Moderator00:00:03\nWelcome.\nPriya00:00:11\nHi.\nModerator00:00:35\nOkay.\n")
    assert [(t.speaker, t.time_start) for t in turns] == [
        ("Moderator", "00:00:03.000"),
        ("Priya", "00:00:11.000"),
        ("Moderator", "00:00:35.000"),
    ]
    assert detect_turns("Room12:30\nWe met.\nRoom12:45\nWe left.\n")[0].speaker == "Room"
    assert detect_turns("Route 50 0:01\nhi\nRoute 50 0:09\nbye\n")[0].speaker == "Route 50"
    page = tmp_path / "fg-nightdrivers.html"
    page.write_text(SERVICE_PAGE, encoding="utf-8")
    with makna.create_project(str(tmp_path / "study.makna"), coder="ana") as project:
        makna.import_file(project, page)
        turns_of = makna.get_turns(project, "fg-nightdrivers.html")
    assert [(t.speaker, t.time_start) for t in turns_of] == [
        ("Moderator", "00:00:03.000"),
        ("Mick", "00:00:18.000"),
        ("Moderator", "00:00:35.000"),
        ("Mick", "00:01:40.000"),
    ]
