"""review26 (issue #11): a second reading of round twenty-six's merged detection work.

A person's evidence in the sentence of a name (``kindtypes.has_person_evidence``), which typing26's list pass
(``placelists``) now asks for every name of a list, read the whole sentence again for each name: a long turn with
no full stop and many names (a list of places, a voice note transcribed without punctuation) was read once per
name. The text's sentence ends and kin words are now read once; what the evidence says is unchanged. Invented
sentences, both languages.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from makna.privacy import kindtypes
from makna.privacy.agelists import listed_ages
from makna.privacy.kindtypes import has_person_evidence
from makna.privacy.placelists import places_listed_with_places
from makna.privacy.types import Detection


def _person(text: str, name: str, nth: int = 0) -> Detection:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Detection(start, start + len(name), "PERSON", 0.8, "learned", name)


@pytest.mark.parametrize(
    ("text", "name", "nth", "evidence"),
    [
        ("We met Jasper Quill, who is my cousin, at the depot.", "Jasper", 0, True),
        ("Dia itu teman saya, Rinto, orangnya baik.", "Rinto", 0, True),
        ("My cousin lives far. Jasper drove to Hulme.", "Jasper", 0, False),
        ("Jasper drove to Hulme. My cousin lives far.", "Jasper", 0, False),
        ("Kami ke Soe dan Kefa\nsepupu saya di Kupang.", "Kefa", 0, False),
        ("Ardwick, Jasper, Hulme and my cousin's flat.", "Jasper", 0, True),
        ("Kupang, Rinto, Soe. Rinto, Kefa and the friendly Leeds crowd.", "Rinto", 1, False),
        ("Kupang, Rinto, Soe. Rinto, Kefa and a friend from Leeds.", "Rinto", 1, True),
    ],
)
def test_sentence_evidence_is_read_within_the_sentence(text: str, name: str, nth: int, evidence: bool) -> None:
    assert has_person_evidence(text, _person(text, name, nth), False) is evidence


class _Counting:
    """A compiled pattern that counts the calls made on it."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls = pattern, 0

    def __getattr__(self, name: str) -> Any:
        self.calls += 1
        return getattr(self.pattern, name)


def test_a_long_sentence_of_names_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A turn of 400 names and no full stop: its kin words are read once, not twice per name."""
    towns = ["Ardwick", "Hulme", "Salford", "Moston", "Gorton"]
    text = "we drove round " + ", ".join(f"{towns[i % 5]}, Jasper{i:03d}" for i in range(200)) + " every week"
    found: list[Detection] = []
    for m in re.finditer(r"[A-Z]\w+", text):
        kind = "PERSON" if m.group(0).startswith("Jasper") else "LOCATION"
        found.append(Detection(m.start(), m.end(), kind, 0.8, "learned", m.group(0)))
    counting = _Counting(kindtypes._KIN_WORD)
    monkeypatch.setattr(kindtypes, "_KIN_WORD", counting)
    out = places_listed_with_places(text, found)
    assert [d.text for d in out if d.type == "PERSON"] == ["Jasper199"]  # the last: no list of two places before it
    assert counting.calls <= 1


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("P: Ketemu Bu Rina (Padang), dua, tiga orang datang.", "Rina"),
        ("R: I rang Maria (Mia), 3 times, no answer.", "Maria"),
        ("R: Ask Jodie (room 12) 14 times.", "Jodie"),
        ("R: I called Jodie (the manager), 2, maybe 3 times.", "Jodie"),
        ("P: Saya telepon Bu Rina (RT), dua kali.", "Rina"),
    ],
)
def test_the_list_pass_takes_no_count_after_a_bracket(text: str, name: str) -> None:
    """ages26's bracket after a person (``agewords.after_person``) is read by two passes: ``agecontext``'s (its
    look-alikes in test_deid_ages26) and ``agelists``'s, with a wider number (1 to 110): neither takes a count."""
    start = text.index(name)
    found = [Detection(start, start + len(name), "PERSON", 0.9, "test", name)]
    assert [d for d in listed_ages(text, found) if d.type == "AGE"] == []
