"""docs/formats.md stays true: its codebook, cases (YAML and CSV) and transcript examples load as it says."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import makna
from makna.codebook import load_codebook

DOC = (Path(__file__).resolve().parents[1] / "docs" / "formats.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", DOC, flags=re.DOTALL)


def test_examples_load_as_documented(project: makna.Project, tmp_path: Path) -> None:
    transcript, csv_cases = _blocks("text")[:2]
    makna.import_text(project, "informan-01.txt", transcript)
    turns = makna.get_turns(project, "informan-01.txt")
    assert turns[0].speaker == "Pewawancara" and turns[3].speaker == "Informan" and len(turns) == 4
    makna.import_text(project, "informan-02.docx", "P: a\nI: b")
    codebook, cases, coding = _blocks("yaml")
    doc = load_codebook(codebook)
    assert [(c.key, c.parent_id is None) for c in doc.codes] == [("exp", True), ("exp.neg.fraud", False)]
    makna.import_codebook(project, doc)
    first = makna.load_cases(project, yaml.safe_load(cases))
    assert (first.added, first.attributes) == (1, 4)
    assert makna.list_cases(project)[0].values["pernah_ditipu"] is True
    path = tmp_path / "cases.csv"
    path.write_text(csv_cases, encoding="utf-8")
    second = makna.load_cases_file(project, path)
    assert (second.added, second.updated, second.unchanged) == (1, 0, 1)  # Informan 1 is as the YAML left it
    assert all(isinstance(e["turn"], int) and e["codes"] for e in yaml.safe_load(coding))
