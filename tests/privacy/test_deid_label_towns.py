"""A town's name inside a longer accepted place name is looked for in file names on its own: a new user's trial
accepted the coffee shop "Kopi Sawah Solok", and ``kedai-kopi-solok.rtf`` kept its town after ``apply``."""

from __future__ import annotations

from pathlib import Path

import makna
from makna.privacy.labels import find_in_labels
from makna.privacy.project import add_detection, decide, decide_all, review_entries, scan
from makna.privacy.project_apply import apply


def test_a_town_inside_a_longer_place_is_found_in_a_label() -> None:
    labels = {"a": "kedai-kopi-solok.rtf", "b": "informan-padang-01.txt", "c": "warung_garut.docx"}
    names = {"Kopi Sawah Solok": ("LOCATION", 0.99), "Padang Panjang": ("LOCATION", 0.99)}
    got = {k: [(d.start, d.end, d.type) for d in v] for k, v in find_in_labels(labels, names).items()}
    # Solok (a town and a regency) inside a coffee shop's name; Padang Panjang is a town's whole name, so the
    # Padang of another file is not taken for it; Garut was never found
    assert got == {"a": [(11, 16, "LOCATION")]}
    assert find_in_labels(labels, {"Kopi Sawah Solok": ("LOCATION", 0.65)}) == {}  # a guess: "solok" is a word


def test_scan_finds_the_town_in_the_file_name_and_apply_replaces_it(project: makna.Project, tmp_path: Path) -> None:
    text = "P: Sejak kapan buka?\nI: Kedai kami, Kopi Sawah Solok, buka sejak 2022.\nP: Ramai?\nI: Lumayan.\n"
    makna.import_text(project, "kedai-kopi-solok.txt", text, language="id")
    start = text.index("Kopi Sawah Solok")
    scan(project)
    for e in review_entries(project):
        if e.field == "sources.text" and e.start < start + 16 and start < e.end and e.status != "rejected":
            decide(project, [e.id], "rejected")  # whatever the detectors made of it
    add_detection(project, "kedai-kopi-solok.txt", start, start + 16, "LOCATION")
    decide_all(project, "accepted")
    scan(project)
    found = [e for e in review_entries(project) if e.field == "sources.name"]
    assert [(e.text, e.type, e.status) for e in found] == [("solok", "LOCATION", "pending")]
    decide_all(project, "accepted")
    apply(project, tmp_path / "k.key", "towns passphrase 2026", mode="surrogate")
    [source] = makna.list_sources(project)
    assert "solok" not in source.name.lower() and source.name.startswith("kedai-kopi-")
