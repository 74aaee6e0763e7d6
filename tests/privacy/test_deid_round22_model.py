"""What a retrained model did that no rule may let it do (round twenty-two's retrain): retype one's own name said
as one into a place."""

from __future__ import annotations

import pytest

from makna.privacy.detect import detect
from makna.privacy.person_evidence import self_named


@pytest.mark.parametrize(
    ("line", "name", "language"),
    [
        ("I: My name is Tunde, but I go by Sheriff on the group chat.", "Sheriff", "en"),
        ("I: Call me Brooklyn, everyone does.", "Brooklyn", "en"),
        ("I: Nama saya Medan, lahir di kapal.", "Medan", "id"),
    ],
)
def test_ones_own_name_said_as_one_stays_a_person(line: str, name: str, language: str) -> None:
    found = {d.text: d.type for d in detect(line, language=language)}
    assert found.get(name) == "PERSON", found


def _at(text: str, word: str) -> bool:
    return self_named(text, text.index(word))


def test_self_named_reads_only_the_speaker_s_own_name() -> None:
    assert _at("I go by Sheriff", "Sheriff") and _at("nama saya Medan", "Medan") and _at("panggil aku Rio", "Rio")
    assert _at("My real name's Kerry", "Kerry")
    assert not _at("the shop goes by Forkfly", "Forkfly")  # a firm's name
    assert not _at("we went to Sheriff", "Sheriff")
