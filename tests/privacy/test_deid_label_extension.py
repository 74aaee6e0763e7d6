"""A file name's extension is no part of a name found in it (a new user's trial, #11): the WhatsApp export
"WhatsApp Chat - Warsini HK.txt" was scanned as one PERSON "Warsini HK.txt", so the apply named the source
"WhatsApp Chat - Lasmi Darsini" (its ``.txt`` gone), and the name's word "txt", looked for in the other file
names, was proposed as a PERSON in "wawancara-marsinah.txt", which the apply renamed "wawancara-tantri.ade"."""

from __future__ import annotations

from pathlib import Path

import makna
from makna.privacy.project import decide_all, review_entries, scan
from makna.privacy.project_apply import apply

CHAT = "WhatsApp Chat - Warsini HK.txt"
OTHER = "wawancara-marsinah.txt"


def _project(tmp_path: Path) -> makna.Project:
    project = makna.create_project(str(tmp_path / "p.makna"), "Studi PRT migran", coder="tester")
    makna.import_text(project, CHAT, "Warsini HK: Libur saya hari Minggu.\nDewi: Terima kasih, Mbak.\n", language="id")
    makna.import_text(project, OTHER, "Pewawancara: Ibu Marsinah, apa kabar?\nNarasumber: Baik.\n", language="id")
    return project


def test_a_name_found_in_a_file_name_stops_before_its_extension(tmp_path: Path) -> None:
    with _project(tmp_path) as project:
        scan(project)
        in_names = [
            (e.source, e.text) for e in review_entries(project) if e.field in {"sources.name", "sources.original_name"}
        ]
        assert in_names, "the names in the file names are found"
        assert all(not text.casefold().endswith("txt") for _source, text in in_names), in_names


def test_the_apply_keeps_each_file_name_s_extension(tmp_path: Path) -> None:
    with _project(tmp_path) as project:
        scan(project)
        decide_all(project, "accepted")
        scan(project)
        decide_all(project, "accepted")
        apply(project, tmp_path / "keys" / "k.key", "kenari-pulang-2026-x", mode="surrogate")
        names = sorted(s.name for s in makna.list_sources(project))
        assert len(names) == 2
        assert all(name.endswith(".txt") and name.count(".") == 1 for name in names), names
