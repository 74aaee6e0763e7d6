"""De-identification of an imported survey: the scan finds a name in an answer (the source's text) and one in an
attribute (a case value) (trial13 #2). Fictional names."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))
from survey_files import survey_csv  # noqa: E402

import makna  # noqa: E402

HEADER = ["Respondent", "Supervisor", "Apa yang Anda sukai dari pekerjaan Anda?"]
ROWS = [["R1", "Siti Rahayu", "Saya suka karena Pak Budi Santoso, mandor kami, selalu sabar dan adil kepada kami."]]


def test_the_scan_finds_a_name_in_an_answer_and_in_an_attribute(project: makna.Project, tmp_path: Path) -> None:
    path = tmp_path / "kuesioner.csv"
    path.write_text(survey_csv(HEADER, ROWS))
    makna.import_survey(project, path)
    report = makna.deid_scan(project)
    found = {(e.field, e.text) for e in report.entries}
    assert ("sources.text", "Budi Santoso") in found, found
    assert ("case_values.value", "Siti Rahayu") in found, found
