"""The analysis commands through the CLI runner."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from makna.cli import app
from makna.demo import build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    return build_demo(folder).project_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_query_commands(demo: Path) -> None:
    p = str(demo)
    code, out = run("query", "frequencies", "-p", p, "--format", "json")
    assert code == 0 and any(r["code"] == "exp.neg.fraud" for r in json.loads(out))
    code, out = run("query", "cooccurrence", "-p", p, "--mode", "turn", "--format", "json")
    assert code == 0 and all({"n1", "n2", "n12", "c"} <= set(r) for r in json.loads(out))
    code, out = run("query", "cooccurrence", "-p", p, "--mode", "distance", "-n", "200", "--table", "--format", "csv")
    assert code == 0 and out.startswith("code,")
    code, out = run("query", "matrix", "-p", p, "-a", "usia_kelompok", "--measure", "cases", "--percent", "column",
                    "--format", "json")
    assert code == 0 and "20-24" in json.loads(out)[0]
    # newuser20: the table showed bare numbers; each cell now shows its count and its share, JSON stays numbers
    code, out = run("query", "matrix", "-p", p, "-a", "usia_kelompok", "--measure", "cases", "--percent", "column")
    assert code == 0 and re.search(r"\b\d+ \(\d+\.\d %\)", out), out
    code, out = run("query", "matrix", "-p", p, "--columns", "2", "--format", "csv")
    assert code == 0 and out.splitlines()[0] == "code,Informan 1,Informan 2,total"
    code, out = run("query", "sequences", "-p", p, "--format", "json")
    assert code == 0 and json.loads(out)
    code, out = run("query", "summary", "-p", p, "--case", "Informan 1", "--code", "exp.neg", "--set", "Ringkas.")
    assert code == 0, out
    code, out = run("query", "summary", "-p", p, "--case", "Informan 1", "--code", "exp.neg", "--format", "json")
    assert code == 0 and json.loads(out)[0]["summary"] == "Ringkas."
    code, out = run("query", "matrix", "-p", p, "-a", "nope")
    assert code != 0 and "Error:" in out and "nope" in out


def test_search_wordfreq_chart_report(demo: Path, tmp_path: Path) -> None:
    p = str(demo)
    code, out = run("search", "tipu", "-p", p, "--limit", "3", "--format", "json")
    assert code == 0 and len(json.loads(out)) <= 3
    code, out = run("search", "NOT tipu", "-p", p)
    assert code != 0 and "NOT needs a word" in out
    code, out = run("wordfreq", "-p", p, "--by", "case", "--top", "3", "--format", "json")
    assert code == 0 and {r["group"] for r in json.loads(out)} >= {"Informan 1"}
    for kind in ("frequency", "heatmap", "network", "hierarchy"):
        code, out = run("chart", kind, "-p", p, "-o", str(tmp_path / f"{kind}.svg"))
        assert code == 0 and (tmp_path / f"{kind}.svg").read_text(encoding="utf-8").startswith("<svg")
    code, out = run("chart", "network", "-p", p, "-o", str(tmp_path / "n.png"))
    assert code == 0 and (tmp_path / "n.png").read_bytes()[:4] == b"\x89PNG"
    code, out = run("chart", "pie", "-p", p, "-o", str(tmp_path / "x.svg"))
    assert code != 0
    code, out = run("report", "-p", p, "-o", str(tmp_path / "rep"), "--lang", "en")
    assert code == 0 and (tmp_path / "rep" / "report.html").exists() and (tmp_path / "rep" / "report.docx").exists()


def test_autocode_from_search(tmp_path: Path) -> None:
    proj = build_demo(tmp_path).project_path
    code, out = run("search", "ditipu", "-p", str(proj), "--autocode", "exp.neg.fraud", "--scope", "sentence")
    assert code == 0 and "Coded" in out
