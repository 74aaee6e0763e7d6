"""An ordinary word in a label (a project or file name) is not taken for a name the detectors only guessed,
and a label's lower-case form of a confirmed word is not looked for in the transcripts (a new user's trial:
"Work" of "Bike to Work", guessed as a place, was found in the project "Care, work and place", accepted
with the rest, and then found at 0.99 in "Care work across borders" of another transcript)."""

from __future__ import annotations

from pathlib import Path

import makna
from makna.privacy.labels import find_in_labels
from makna.privacy.project import add_field_detection, decide_all, review_entries, scan


def test_a_guessed_ordinary_word_counts_in_a_label_only_with_a_capital() -> None:
    labels = {
        "a": "Care, work and place",
        "b": "bike-to-Work.txt",
        "c": "sunshine-3.txt",
        "d": "ojol-dedi.txt",
        "e": "the bunga notes.txt",
    }
    names = {
        "Work": ("LOCATION", 0.57),
        "Sunshine": ("LOCATION", 0.92),
        "Dedi": ("PERSON", 0.4),
        "Bunga Lestari": ("PERSON", 0.6),
    }
    got = {k: [(d.text, d.confidence) for d in v] for k, v in find_in_labels(labels, names).items()}
    # "work" and "bunga" are ordinary words guessed below 0.9: only "Work" as a name is written counts;
    # "Sunshine" is sure, "dedi" no ordinary word: both found in lower case
    assert got == {"b": [("Work", 0.57)], "c": [("sunshine", 0.92)], "d": [("dedi", 0.4)]}


def test_a_lower_case_ordinary_word_confirmed_in_a_label_is_not_looked_for_in_transcripts(tmp_path: Path) -> None:
    with makna.create_project(str(tmp_path / "p.makna"), "Care, work and place", coder="tester") as project:
        makna.import_text(project, "a.txt", "I: My friend from Bike to Work convinced me.\n", language="en")
        makna.import_text(project, "b.txt", "Project: Care work across borders\nI: Fine, thanks.\n", language="en")
        scan(project)
        decide_all(project, "rejected")
        # "work" of the name accepted as a place (as 'deid accept --all --min-confidence 0.5' did with the guess
        # that labels found there before they needed a capital for a guessed ordinary word)
        add_field_detection(project, "f1", 6, 10, "LOCATION")
        scan(project)
        in_b = [e for e in review_entries(project, sources=["b.txt"]) if e.text.casefold() == "work"]
        assert in_b == []
