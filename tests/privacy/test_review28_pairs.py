"""Second reading of shapes28's day/month pair without a cue (review28, issue #11): a score or a measure is no date.

``14/10``, ``8/14`` without a cue took a score (``scored 11/20``, ``dapat 8/15``) and a measure or a count (``5/16
inch``, ``5/16 questions``): a verb of getting a mark before the pair, or a unit or a count's noun after it, says it
is none.
"""

from __future__ import annotations

import pytest

from makna.privacy import detect


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("She scored 11/20 on the spelling test.", "en"),
        ("I got 9/15 right on the quiz.", "en"),
        ("He rated it 8/14 overall.", "en"),
        ("The kids answered 5/16 questions correctly.", "en"),
        ("We use 5/16 inch bolts on the frame.", "en"),
        ("Dia dapat 8/15 di ujian matematika.", "id"),
        ("Anak saya cuma benar 7/20 soal, katanya susah.", "id"),
        ("Suaranya 14/9 untuk pak RT.", "id"),
    ],
)
def test_a_score_or_a_measure_is_no_date(text: str, lang: str) -> None:
    assert not any(d.type == "DATE" for d in detect(text, language=lang))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("We got back 14/10, late at night.", "14/10"),
        ("Came back 9/15, no explanation.", "9/15"),
        ("Kami ketemu lagi 30/10 di balai desa.", "30/10"),
    ],
)
def test_a_pair_after_other_words_stays_a_date(text: str, value: str) -> None:
    assert value in {d.text for d in detect(text, language="en") if d.type == "DATE"}
