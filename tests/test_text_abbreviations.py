"""Sentence units do not end at an abbreviation's full stop (trial12 #11: ``Jalan Abadi Samudera No.`` and
``330, Makassar, ...`` were two sentences, so two agreement units): Indonesian addresses and titles, English titles,
``No.`` before a number, initials; a sentence that ends in a word, or ``No.`` as an answer, still ends."""

from __future__ import annotations

import pytest

from makna.text import sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Saya tinggal di Jalan Mawar No. 8, Kendari. Dekat pasar.",
            ["Saya tinggal di Jalan Mawar No. 8, Kendari.", "Dekat pasar."],
        ),
        (
            "Rumahnya di Jl. Sultan Alauddin, Kel. Gunung Sari, Kec. Rappocini. Sudah lama.",
            ["Rumahnya di Jl. Sultan Alauddin, Kel. Gunung Sari, Kec. Rappocini.", "Sudah lama."],
        ),
        (
            "Saya kerja di PT. Sinar Laut, RT. 03 RW. 05. Gajinya kecil.",
            ["Saya kerja di PT. Sinar Laut, RT. 03 RW. 05.", "Gajinya kecil."],
        ),
        (
            "Kata Hj. Ramlah dan Dr. Yusuf, Andi M. Arfah sudah pulang. Iye'.",
            ["Kata Hj. Ramlah dan Dr. Yusuf, Andi M. Arfah sudah pulang.", "Iye'."],
        ),
        ("I met Mr. Osei on St. Agnes Road. He was kind.", ["I met Mr. Osei on St. Agnes Road.", "He was kind."]),
        ("No. I never went there.", ["No.", "I never went there."]),
        ("He said no. Then he left.", ["He said no.", "Then he left."]),
        ("Umur saya 41 thn. Saya tinggal di sini.", ["Umur saya 41 thn.", "Saya tinggal di sini."]),
        ("Di Jl.\nMawar.", ["Di Jl.", "Mawar."]),  # a line break still ends a unit
    ],
)
def test_abbreviations_end_no_sentence(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected
