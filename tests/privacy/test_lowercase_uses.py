"""fp28 (#11): a one-word capital-letter guess that opens a sentence, where the same document writes the word in
lower case mid-sentence and never capitalised elsewhere, is an ordinary word; a name capitalised mid-sentence, a
speaker label and a cued name stay found. Every sentence is invented for these tests, none from a corpus file."""

from __future__ import annotations

import pytest

from makna.privacy.lowercase_uses import drop_sentence_words
from makna.privacy.types import Detection


def _det(text: str, word: str, detector: str = "unknown.capitalised", kind: str = "PERSON") -> Detection:
    start = text.index(word)
    return Detection(start, start + len(word), kind, 0.6, detector, word)


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("I asked twice. Now the app shows nothing, and right now I have no shifts.", "Now", "ORG"),
        ("R: Lately. I mean lately the buses are late.", "Lately", "PERSON"),
        ("I: Ada mandor baru. Di sana ada dua gudang.", "Ada", "PERSON"),
        ("Narasumber: Macam-macam. Kerjanya macam-macam, Mbak.", "Macam-macam", "PERSON"),
        ("Pokoknya begitu. Saya pokoknya ikut saja.", "Pokoknya", "LOCATION"),
    ],
)
def test_sentence_word_written_in_lower_case_elsewhere_is_dropped(text: str, word: str, kind: str) -> None:
    assert drop_sentence_words(text, [_det(text, word, kind=kind)]) == []


@pytest.mark.parametrize(
    ("text", "word", "detector"),
    [
        (
            "Hope came late. We had no hope, and then Hope rang.",
            "Hope",
            "unknown.capitalised",
        ),  # capitalised mid-sentence
        ("Intan pindah ke Bekasi. Saya sama Intan, nggak ada intan di sini.", "Intan", "unknown.capitalised"),
        ("Grace came at nine. By the grace of the manager we stayed.", "Grace", "person.did"),  # a cue of its own
        ("Ada: Iya, betul. Di sana ada dua.", "Ada", "unknown.capitalised"),  # a speaker label
        ("Bunga datang pagi. Dia jual kue.", "Bunga", "unknown.capitalised"),  # never written in lower case
    ],
)
def test_names_stay(text: str, word: str, detector: str) -> None:
    det = _det(text, word, detector)
    assert drop_sentence_words(text, [det]) == [det]


def test_only_sentence_openers_are_read() -> None:
    text = "We met Will there. Will you come? I will."
    det = _det(text, "Will")
    assert drop_sentence_words(text, [det]) == [det]  # "met Will": capitalised mid-sentence, a name
