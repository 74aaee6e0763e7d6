"""Lists of ages (checks21, round twenty-one): every age of a list that opens with an age found, and a kin noun
with "is"/"are" or in apposition before an age. Invented sentences, both languages, with look-alike lists of
counts, prices and sizes that must stay untouched."""

from __future__ import annotations

import pytest

from makna.privacy import detect

AGES = [
    ("P: My sister has four kids, aged 2, 5, 11 and 14, and no help.", "en", ["2", "5", "11", "14"]),
    ("Narasumber: Cucu saya tiga, umur 3, 6 dan 10 tahun, tinggal sama saya.", "id", ["3", "6", "10 tahun"]),
    (
        "Narasumber: Anak ambo tigo, umuanyo limo, salapan jo duo baleh taun.",
        "id",
        ["limo", "salapan", "duo baleh taun"],
    ),
    ("P: The twins are seven, and they never stop.", "en", ["seven"]),
    ("P: His boys are 9 and 12 now.", "en", ["9", "12"]),
    ("P: My nieces, six, eight and fifteen, come at weekends.", "en", ["six", "eight", "fifteen"]),
]

NO_AGES = [
    ("P: My brother bought 3, 6 and 10 crates for the stall.", "en"),
    ("Narasumber: Anak saya jualan, laku 3, 6 dan 10 bungkus.", "id"),
    ("P: The kids are 10 minutes from school, 5 on a bike.", "en"),
    ("P: My sons are 2 hours away, by the 16 bus.", "en"),
    ("P: I'm 41, 5 foot 3, and I work nights.", "en"),
    ("P: My sisters are 12, 15 and 20 kilometres away.", "en"),  # review21: the list's head runs into a noun too
    ("P: The twins are 6, 8 and 10 minutes apart.", "en"),
]


@pytest.mark.parametrize(("text", "language", "ages"), AGES)
def test_every_age_of_a_list_is_found(text: str, language: str, ages: list[str]) -> None:
    found = [d.text for d in detect(text, language=language) if d.type == "AGE"]
    assert found == ages


@pytest.mark.parametrize(("text", "language"), NO_AGES)
def test_a_list_of_counts_holds_no_second_age(text: str, language: str) -> None:
    found = [d.text for d in detect(text, language=language) if d.type == "AGE"]
    assert found in ([], ["41"])
