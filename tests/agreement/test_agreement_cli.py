"""makna agreement table / unitized through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from makna.cli import app

runner = CliRunner()


def _csv(tmp_path: Path, text: str, name: str = "t.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


KRIPP = (
    "A,B,C,D\n1,1,,1\n2,2,3,2\n3,3,3,3\n3,3,3,3\n2,2,2,2\n1,2,3,4\n4,4,4,4\n1,1,2,1\n2,2,2,2\n"
    ",5,5,5\n,,1,1\n,3,,\n"
)


@pytest.mark.parametrize(
    ("level", "exact"),
    [
        ("nominal", 0.743421052631579),
        ("ordinal", 0.8153875037548813),
        ("interval", 0.8491071428571428),
        ("ratio", 0.797402774711612),
    ],
)
def test_table_alpha_json(tmp_path: Path, level: str, exact: float) -> None:
    f = _csv(tmp_path, KRIPP)
    res = runner.invoke(
        app,
        [
            "agreement",
            "table",
            str(f),
            "--coefficient",
            "krippendorff_alpha",
            "--level",
            level,
            "--format",
            "json",
        ],
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["coefficient"] == "krippendorff_alpha"
    assert out["value"] == pytest.approx(exact, abs=1e-9)
    assert (out["units"], out["coders"]) == (11, 4)


@pytest.mark.parametrize(
    "name",
    [
        "percent_agreement",
        "cohen_kappa",
        "scott_pi",
        "fleiss_kappa",
        "conger_kappa",
        "brennan_prediger",
        "randolph_free_marginal_kappa",
        "gwet_ac1",
    ],
)
def test_table_every_coefficient(tmp_path: Path, name: str) -> None:
    f = _csv(tmp_path, "ana,budi\nyes,yes\nno,no\nyes,no\nno,no\n")
    res = runner.invoke(app, ["agreement", "table", str(f), "--coefficient", name, "--format", "json"])
    assert res.exit_code == 0, res.output
    assert isinstance(json.loads(res.stdout)["value"], float)
    plain = runner.invoke(app, ["agreement", "table", str(f), "--coefficient", name])
    assert plain.exit_code == 0 and name in plain.stdout


def test_table_weighted(tmp_path: Path) -> None:
    f = _csv(tmp_path, "a,b\n1,1\n1,2\n2,3\n3,3\n")
    res = runner.invoke(
        app, ["agreement", "table", str(f), "-c", "cohen_kappa", "--weights", "quadratic", "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["value"] == pytest.approx(9 / 13)


def test_table_undefined_alpha(tmp_path: Path) -> None:
    f = _csv(tmp_path, "a,b\n1,1\n1,1\n")
    res = runner.invoke(app, ["agreement", "table", str(f), "-c", "krippendorff_alpha", "--format", "json"])
    assert res.exit_code == 0
    out = json.loads(res.stdout)
    assert out["value"] is None and out["undefined_reason"]
    assert (
        "undefined" in runner.invoke(app, ["agreement", "table", str(f), "-c", "krippendorff_alpha"]).stdout
    )


@pytest.mark.parametrize(
    ("text", "args", "message"),
    [
        ("a,b\n1,2\n", ["-c", "nonsense"], "unknown coefficient"),
        ("a\n1\n2\n", ["-c", "fleiss_kappa"], "at least 2 coders"),
        ("a,b,c\n1,1,1\n2,2,2\n", ["-c", "cohen_kappa"], "exactly two coders"),
        ("a,b\n1,2,3\n", ["-c", "fleiss_kappa"], "line 2"),
        ("a,b\n1,x\n2,2\n", ["-c", "krippendorff_alpha", "--level", "interval"], "not a number"),
        ("", ["-c", "fleiss_kappa"], "empty"),
        ("a,b\n", ["-c", "fleiss_kappa"], "no units"),
        ("a,b\n1,\n,2\n", ["-c", "krippendorff_alpha"], "two or more coders"),
        ("a,b\n1,2\n", ["-c", "fleiss_kappa", "--level", "ordinal"], "--level"),
    ],
)
def test_table_bad_input(tmp_path: Path, text: str, args: list[str], message: str) -> None:
    f = _csv(tmp_path, text)
    res = runner.invoke(app, ["agreement", "table", str(f), *args])
    assert res.exit_code == 2
    assert message in res.output
    assert "Traceback" not in res.output


def test_table_missing_file(tmp_path: Path) -> None:
    res = runner.invoke(app, ["agreement", "table", str(tmp_path / "nope.csv"), "-c", "fleiss_kappa"])
    assert res.exit_code == 2
    assert "nope.csv" in res.output and "no such file" in res.output


FIG2 = (
    "coder,start,end,category\ni,225,295,c\ni,370,400,c\ni,180,240,k\ni,300,350,k\nj,220,300,c\n"
    "j,355,375,c\nj,400,420,c\nj,180,240,k\nj,300,350,k\n"
)


def test_unitized_json_and_table(tmp_path: Path) -> None:
    f = _csv(tmp_path, FIG2)
    res = runner.invoke(app, ["agreement", "unitized", str(f), "--continuum", "150:450", "--format", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["overall"] == pytest.approx(0.858665405184, abs=1e-9)
    assert out["per_category"]["c"] == pytest.approx(0.728598996805, abs=1e-9)
    assert out["per_category"]["k"] == 1.0
    plain = runner.invoke(app, ["agreement", "unitized", str(f), "--continuum", "150:450"])
    assert plain.exit_code == 0 and "0.8587" in plain.stdout


@pytest.mark.parametrize(
    ("text", "continuum", "message"),
    [
        (FIG2, "450:150", "END must be greater"),
        (FIG2, "abc", "START:END"),
        (FIG2, "150:300", "outside the continuum"),
        ("coder,start\ni,1\n", "0:10", "missing column"),
        ("coder,start,end,category\ni,a,3,x\n", "0:10", "integers"),
        ("coder,start,end,category\ni,1,3,x\n", "0:10", "at least two coders"),
    ],
)
def test_unitized_bad_input(tmp_path: Path, text: str, continuum: str, message: str) -> None:
    f = _csv(tmp_path, text)
    res = runner.invoke(app, ["agreement", "unitized", str(f), "--continuum", continuum])
    assert res.exit_code == 2
    assert message in res.output
