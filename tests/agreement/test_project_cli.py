"""makna agreement project / disagreements / resolve through the CLI, on both backends."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import makna
from makna.cli import app

runner = CliRunner()


@pytest.fixture
def coded(project: Any) -> str:
    makna.import_text(project, "doc", "One two three. Four five six. Seven eight nine.")
    makna.add_code(project, "A")
    makna.add_code(project, "B")
    makna.code_span(project, "doc", 0, 14, "A", coder="ana")
    makna.code_span(project, "doc", 0, 3, "A", coder="ben")
    makna.code_span(project, "doc", 15, 29, "A", coder="ben")
    makna.code_span(project, "doc", 30, 47, "B", coder="ana")
    makna.code_span(project, "doc", 30, 47, "B", coder="ben")
    loc = project.location
    project.close()
    return str(loc)


def _run(*args: str) -> Any:
    return runner.invoke(app, ["agreement", *args])


def test_project_json_and_csv(coded: str) -> None:
    res = _run("project", "-p", coded, "--unit", "sentence", "--format", "json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["unit"] == "sentence" and out["coders"] == ["ana", "ben"]
    a = next(c for c in out["per_code"] if c["code"] == "A")
    assert a["results"]["cohen_kappa"]["value"] == pytest.approx(0.4)
    assert out["pooled"]["units"] == 6
    res = _run("project", "-p", coded, "--unit", "sentence", "--threshold", "0.5", "--code", "A",
               "--coefficient", "percent_agreement", "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["code"], r["coefficient"]) for r in rows] == [("A", "percent_agreement"),
                                                            ("(pooled)", "percent_agreement")]
    assert float(rows[0]["value"]) == pytest.approx(1 / 3)
    res = _run("project", "-p", coded)
    assert res.exit_code == 0, res.output
    assert "krippendorff_alpha" in res.stdout and "(pooled)" in res.stdout


def test_project_unitized(coded: str) -> None:
    res = _run("project", "-p", coded, "--unit", "unitized", "--format", "json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["u_alpha"]["per_category"]["B"]["value"] == pytest.approx(1.0)
    res = _run("project", "-p", coded, "--unit", "unitized", "--coefficient", "cohen_kappa")
    assert res.exit_code == 2 and "do not apply" in res.output


def test_project_bad_input(coded: str) -> None:
    res = _run("project", "-p", coded, "--coders", "ana")
    assert res.exit_code == 2 and "at least two coders" in res.output
    res = _run("project", "-p", coded, "--coders", "ana,zed")
    assert res.exit_code == 2 and "unknown coder 'zed'" in res.output
    res = _run("project", "-p", coded, "--coefficient", "magic")
    assert res.exit_code == 2 and "unknown coefficient 'magic'" in res.output
    res = _run("project", "-p", coded, "--unit", "turn")
    assert res.exit_code == 2 and "no speaker turns" in res.output
    res = _run("project", "-p", coded, "--unit", "excerpt")
    assert res.exit_code == 2 and "unitizer" in res.output
    res = _run("project", "-p", coded, "--unit", "bogus")
    assert res.exit_code != 0


def test_project_excerpts_file(coded: str, tmp_path: Path) -> None:
    f = tmp_path / "ex.csv"
    f.write_text("source,start,end\ndoc,0,14\ndoc,15,29\n", encoding="utf-8")
    res = _run("project", "-p", coded, "--unit", "excerpt", "--excerpts", str(f), "--code", "A",
               "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["per_code"][0]["units"] == 2
    f.write_text("source,start\ndoc,0\n", encoding="utf-8")
    res = _run("project", "-p", coded, "--unit", "excerpt", "--excerpts", str(f))
    assert res.exit_code == 2 and "missing column(s) end" in res.output


def test_disagreements_outputs(coded: str, tmp_path: Path) -> None:
    res = _run("disagreements", "-p", coded, "--unit", "sentence", "--format", "json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [(r["start"], r["end"], r["disputed"]) for r in rows] == [(15, 29, "A")]
    assert rows[0]["text"] == "Four five six." and rows[0]["ben"] == "A" and rows[0]["ana"] == ""
    html_file = tmp_path / "dis.html"
    res = _run("disagreements", "-p", coded, "-o", str(html_file))
    assert res.exit_code == 0, res.output
    assert "Wrote 2 disagreement(s)" in res.stdout
    page = html_file.read_text(encoding="utf-8")
    assert "Four five six." in page and "<script" not in page
    csv_file = tmp_path / "dis.csv"
    res = _run("disagreements", "-p", coded, "--unit", "sentence", "--threshold", "0.5", "-o", str(csv_file))
    assert res.exit_code == 0, res.output
    assert len(list(csv.DictReader(io.StringIO(csv_file.read_text(encoding="utf-8"))))) == 2
    res = _run("disagreements", "-p", coded, "-o", str(tmp_path / "x.pdf"))
    assert res.exit_code == 2 and ".csv or .html" in res.output


def test_resolve_commands(coded: str) -> None:
    res = _run("resolve", "-p", coded, "--rule", "agreed", "--unit", "sentence", "--dry-run", "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == [{"source": "doc", "start": 0, "end": 14, "code": "A"},
                                      {"source": "doc", "start": 30, "end": 47, "code": "B"}]
    res = _run("resolve", "-p", coded, "--rule", "agreed", "--unit", "sentence")
    assert res.exit_code == 0 and "Recorded 2 coding(s)" in res.stdout
    res = _run("resolve", "-p", coded, "--source", "doc", "--span", "15:29", "--code", "A")
    assert res.exit_code == 0 and "Recorded 1 coding(s)" in res.stdout
    with makna.open_project(coded) as proj:
        got = sorted((s.start, s.end, s.code_key) for s in makna.retrieve(proj, coder="consensus"))
    assert got == [(0, 14, "A"), (15, 29, "A"), (30, 47, "B")]
    res = _run("resolve", "-p", coded)
    assert res.exit_code == 2 and "either --span" in res.output
    res = _run("resolve", "-p", coded, "--span", "0:3", "--source", "doc")
    assert res.exit_code == 2 and "--code" in res.output
    res = _run("resolve", "-p", coded, "--rule", "coder")
    assert res.exit_code == 2 and "needs the coder" in res.output
