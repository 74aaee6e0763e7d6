"""A newcomer following the README (newuser14): after a codebook was imported, a second scan took code names for
names ("Pengalaman komunikasi", "Ditipu", "Dijebak", "Menghindari petugas" as PERSON at 0.55-0.79), the README's
``accept --all --min-confidence 0.5`` accepted them, and ``apply`` renamed nine codes for good. In the fields that
hold the researcher's vocabulary a capital-letter guess made of ordinary words is no identifier; a cued or listed
name there is still found (#11)."""

from __future__ import annotations

import makna
from makna.privacy.fields import SCANNED, ordinary_guess
from makna.privacy.project import review_entries, scan
from makna.privacy.types import Detection

# invented code names in the manner of a phenomenological codebook (experiences, motives)
CODES = [
    "Pengalaman komunikasi",
    "Ditipu",
    "Dijebak",
    "Menghindari petugas",
    "Mendapat pelanggan",
    "Diajak pergi",
    "Dibohongi",
    "Keuntungan materi",
    "Kebebasan waktu",
]


def test_code_names_are_not_taken_for_names(project: makna.Project) -> None:
    makna.import_text(
        project, "a.txt", "P: Siapa namanya?\nI: Nama saya Wulandari, tinggal di Lubuk Gadang.\n", language="id"
    )
    for k, name in enumerate(CODES):
        makna.add_code(project, f"c{k}", name)
    makna.add_code(project, "kasus", "Kasus Pak Sutrisno")  # a name the researcher typed into a code: still found
    scan(project)
    scan(project)  # the README scans twice
    found = {(e.field, e.text) for e in review_entries(project)}
    assert not {t for f, t in found if f == "codes.name" and t.split()[0] in {c.split()[0] for c in CODES}}, found
    assert ("codes.name", "Sutrisno") in found
    assert any(f == "sources.text" and t == "Wulandari" for f, t in found)


def test_the_guess_filter_keeps_cued_and_unknown_words() -> None:
    def det(text: str, conf: float, type_: str = "PERSON") -> Detection:
        return Detection(0, len(text), type_, conf, "unknown.capitalised", text)

    assert ordinary_guess(det("Ditipu", 0.6), "id") and ordinary_guess(det("Pengalaman komunikasi", 0.55), "id")
    assert ordinary_guess(det("Trust issues", 0.6), "en")
    assert not ordinary_guess(det("Ditipu", 0.85), "id")  # a cue or a list said so
    assert not ordinary_guess(det("Zorblat", 0.6), "id")  # no dictionary knows it: maybe a name
    assert not ordinary_guess(det("0812-7411-2095", 0.6, "PHONE"), "id")  # only names, places and firms
    assert not ordinary_guess(det("Kurniawan", 0.6), "id")
    vocabulary = {spec.name for spec in SCANNED if spec.vocabulary}
    assert vocabulary == {"codes.name", "codes.keywords", "code_translations.name", "attributes.name", "sets.name",
                          "memos.title"}
    assert "cases.name" not in vocabulary and "codes.definition" not in vocabulary  # prose and names: scanned as is
