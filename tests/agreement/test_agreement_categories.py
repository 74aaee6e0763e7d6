"""Agreement on declared categories and rank weights (#16).

Published examples:
- irrCAC (Gwet 2014; the package's README and vignette) on ``cont3x3abstractors``: Cohen's kappa
  0.7964094, and with ``quadratic.weights(1:q)``, weights from the ranks of the three categories,
  0.8921569. scikit-learn's ``cohen_kappa_score(..., weights="quadratic")`` also weighs by rank.
- Gwet (2014) on ``cac.raw4raters`` (../shared/icr-vectors): p_a = 0.8181818 and, for AC1 over the
  five categories rated, p_e = 0.1903212. Declaring a sixth category that nobody used changes q and
  with it Brennan-Prediger, Randolph's kappa and AC1, computed from those published components.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from makna.agreement import (
    COEFFICIENT_INFO,
    COEFFICIENTS,
    brennan_prediger,
    cohen_kappa,
    gwet_ac1,
    randolph_free_marginal_kappa,
)
from makna.cli import app

runner = CliRunner()

LABELS = ["Ectopic", "AIU", "NIU"]
TABLE = [[13, 0, 0], [0, 20, 7], [0, 4, 56]]  # cont3x3abstractors: rows coder A, columns coder B
RAW4 = [[1, 1, None, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4], [4, 4, 4, 4],
        [1, 1, 2, 1], [2, 2, 2, 2], [None, 5, 5, 5], [None, None, 1, 1], [None, None, 3, None]]
PA, PE_AC1_Q5 = 9 / 11, 0.1903212


def _rows(labels: list[object]) -> list[list[object]]:
    return [[labels[i], labels[j]] for i in range(3) for j in range(3) for _ in range(TABLE[i][j])]


def test_irrcac_cont3x3_published_values() -> None:
    rows = _rows(list(LABELS))
    assert cohen_kappa(rows, categories=LABELS).value == pytest.approx(0.7964094, abs=1e-6)
    assert cohen_kappa(rows, categories=LABELS, weights="quadratic").value == pytest.approx(0.8921569, abs=1e-6)


def test_rank_and_value_scores_differ_on_uneven_numbers() -> None:
    """Categories scored 1, 2, 10: value weights see 10 as far from 2; rank weights (irr, irrCAC,
    scikit-learn) see three steps, and give the published 0.8921569."""
    from sklearn.metrics import cohen_kappa_score

    rows = _rows([1, 2, 10])
    rank = cohen_kappa(rows, categories=[1, 2, 10], weights="quadratic", weight_scores="rank").value
    value = cohen_kappa(rows, categories=[1, 2, 10], weights="quadratic", weight_scores="value").value
    assert rank == pytest.approx(0.8921569, abs=1e-6)
    assert rank == pytest.approx(cohen_kappa_score([r[0] for r in rows], [r[1] for r in rows], labels=[1, 2, 10],
                                                   weights="quadratic"), abs=1e-12)
    assert value is not None and abs(value - rank) > 0.05


def test_declared_unused_category_counts() -> None:
    five, six = [1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6]
    assert brennan_prediger(RAW4, categories=five).value == pytest.approx((PA - 1 / 5) / (1 - 1 / 5), abs=1e-6)
    assert brennan_prediger(RAW4, categories=six).value == pytest.approx(43 / 55, abs=1e-9)  # (9/11 - 1/6)/(5/6)
    assert randolph_free_marginal_kappa(RAW4, categories=six).value == pytest.approx(43 / 55, abs=1e-9)
    # AC1: p_e = sum_k pi_k (1 - pi_k) / (q - 1); the unused category adds nothing to the sum but raises q
    pe6 = PE_AC1_Q5 * 4 / 5
    assert gwet_ac1(RAW4, categories=six).value == pytest.approx((PA - pe6) / (1 - pe6), abs=1e-6)
    # coefficients that do not depend on q stay the same
    assert cohen_kappa([[r[0], r[1]] for r in RAW4], categories=six).value == pytest.approx(
        cohen_kappa([[r[0], r[1]] for r in RAW4], categories=five).value, abs=1e-12)


def test_every_coefficient_is_described_by_a_record() -> None:
    assert set(COEFFICIENT_INFO) == set(COEFFICIENTS)
    for name, info in COEFFICIENT_INFO.items():
        assert info.function is COEFFICIENTS[name]
    assert {n for n, i in COEFFICIENT_INFO.items() if i.category_count} == {
        "brennan_prediger", "randolph_free_marginal_kappa", "gwet_ac1", "gwet_ac2"}


def _csv(path: Path, rows: list[list[object]]) -> Path:
    path.write_text("A,B,C,D\n" + "".join(",".join("" if v is None else str(v) for v in r) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def _value(args: list[str]) -> float:
    res = runner.invoke(app, ["agreement", "table", *args, "--format", "json"])
    assert res.exit_code == 0, res.output
    return float(json.loads(res.output)["value"])


def test_cli_categories_and_weight_scores(tmp_path: Path) -> None:
    raw = _csv(tmp_path / "raw4.csv", RAW4)
    assert _value([str(raw), "-c", "randolph_free_marginal_kappa", "--categories", "1,2,3,4,5,6"]) == pytest.approx(
        43 / 55, abs=1e-9)
    assert _value([str(raw), "-c", "brennan_prediger"]) == pytest.approx(0.7727272727, abs=1e-9)
    two = tmp_path / "abstractors.csv"
    two.write_text("A,B\n" + "".join(f"{a},{b}\n" for a, b in _rows([1, 2, 10])), encoding="utf-8")
    base = [str(two), "-c", "cohen_kappa", "--weights", "quadratic", "--categories", "1,2,10"]
    assert _value([*base, "--weight-scores", "rank"]) == pytest.approx(0.8921569, abs=1e-6)
    assert abs(_value(base) - 0.8921569) > 0.05


@pytest.mark.parametrize(("args", "message"), [
    (["-c", "cohen_kappa", "--weight-scores", "rank"], "--weight-scores applies with --weights only"),
    (["-c", "brennan_prediger", "--categories", "1,,2"], "none empty"),
    (["-c", "brennan_prediger", "--categories", "a,b"], "must be too"),
    (["-c", "brennan_prediger", "--categories", "1,2"], "not one of the declared categories"),
])
def test_cli_category_mistakes_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    raw = _csv(tmp_path / "raw4.csv", RAW4)
    res = runner.invoke(app, ["agreement", "table", str(raw), *args])
    assert res.exit_code != 0 and message in res.output and "Traceback" not in res.output
