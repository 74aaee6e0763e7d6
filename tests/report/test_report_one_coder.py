"""``makna report --coder``: a thesis reports one coder's figures, not two coders' codings of a passage added up
(trial8's finding)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.errors import NotFoundError
from makna.report import build_report


def _second_coder(project: Any) -> None:
    coder = project.coder_name
    project.coder_name = "budi"
    try:
        makna.code_turn(project, "informan-01.txt", 2, "exp.neg")  # the same passage as the first coder
        makna.code_turn(project, "informan-01.txt", 4, "unused")  # and a code only budi used
    finally:
        project.coder_name = coder


def _counts(data: Any) -> dict[str, tuple[int, int]]:
    return {s.key: (s.segments, s.informants) for s in data.codebook}


def test_one_coders_figures_quotes_and_matrices(coded: Any) -> None:
    _second_coder(coded)
    everyone = build_report(coded, lang="en")
    assert everyone.counts["coders"] == 2 and _counts(everyone)["exp.neg"] == (3, 2)
    first = build_report(coded, lang="en", coder=coded.coder_name)
    assert first.counts["coders"] == 1 and first.counts["segments"] == 4
    assert _counts(first)["exp.neg"] == (2, 2) and _counts(first)["unused"] == (0, 0)
    assert any(coded.coder_name in note for note in first.notes)
    budi = build_report(coded, lang="id", coder="budi")
    assert _counts(budi)["exp.neg"] == (1, 1) and _counts(budi)["exp.pos"] == (0, 0)
    assert any("Hanya pengodean budi" in note for note in budi.notes)
    case_matrix = dict(zip(budi.matrices[0].rows, budi.matrices[0].cells, strict=True))  # budi's segments only
    assert sum(case_matrix["exp.neg"]) == 1 and sum(case_matrix.get("exp.pos", [0])) == 0
    everyones = dict(zip(everyone.matrices[0].rows, everyone.matrices[0].cells, strict=True))
    assert sum(everyones["exp.neg"]) == 3
    with pytest.raises(NotFoundError, match="unknown coder 'nobody'"):
        build_report(coded, coder="nobody")


def test_the_cli_writes_one_coders_report(coded: Any, tmp_path: Path) -> None:
    if not str(coded.store.url).startswith("sqlite"):
        pytest.skip("the CLI opens project files; the core test above covers PostgreSQL")
    _second_coder(coded)
    path = str(coded.store.url).split("///", 1)[1]
    out = tmp_path / "r"
    result = CliRunner().invoke(app, ["report", "-p", path, "-o", str(out), "--lang", "en", "--coder", "budi"])
    assert result.exit_code == 0, result.output
    assert "Only the codings of budi" in (out / "report.md").read_text(encoding="utf-8")
    bad = CliRunner().invoke(app, ["report", "-p", path, "-o", str(out), "--coder", "nobody"])
    assert bad.exit_code != 0 and "unknown coder 'nobody'" in bad.output and "Traceback" not in bad.output
