"""Where a turn's speaker label ends (:func:`makna.text.label_end`): autocoding starts a turn's first sentence
there and the workbench shows the label apart, so a colon inside a time stamp or a clock time is no label's end."""

from __future__ import annotations

from makna.text import STAMPED_TURN_PATTERN, detect_turns, label_end, sentences_past_labels


def test_a_label_ends_at_its_colon() -> None:
    text = "Budi: Pukul 10:30 saya datang."
    assert label_end(text, 0, len(text), "Budi") == len("Budi:")
    stamped = "[00:00:05] P: ya"
    assert label_end(stamped, 0, len(stamped), "P") == len("[00:00:05] P:")


def test_a_clock_time_is_no_label() -> None:
    # a turn whose speaker comes from elsewhere (a table's column) and whose words hold a clock time
    for text in ("Pukul 10:30 saya datang.", "Budi\tjam 10:30 saya datang", "Pak 9:15 pagi"):
        assert label_end(text, 0, len(text), "Pak Budi") is None


def test_a_stamped_turn_s_label_is_its_whole_line() -> None:
    # a transcription service's export ("Farid Hasibuan  0:09", the words below): the label had ended inside the
    # stamp ("Farid Hasibuan  0:"), and a turn's first sentence as a passage had started "09"
    text = "Farid Hasibuan  0:09\nSaya lahir di sana.\n\nInterviewer 0:15\nOke.\n"
    turns = detect_turns(text, STAMPED_TURN_PATTERN)
    assert [text[t.start : label_end(text, t.start, t.end, t.speaker)] for t in turns] == [
        "Farid Hasibuan  0:09",
        "Interviewer 0:15",
    ]
    spans = sentences_past_labels(text, [(t.start, t.end, t.speaker) for t in turns], [(0, 40)])
    assert text[spans[0][0] : spans[0][1]] == "Saya lahir di sana."
