"""Every published vector in ../shared/icr-vectors/vectors.json, within tolerance and to ~1e-9 of 'exact'."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from makna.agreement import COEFFICIENTS, krippendorff_u_alpha

_VECTORS_FILE = Path(__file__).resolve().parents[3] / "shared" / "icr-vectors" / "vectors.json"


def _vectors() -> list[dict[str, Any]]:
    if not _VECTORS_FILE.is_file():
        return []
    return list(json.loads(_VECTORS_FILE.read_text(encoding="utf-8"))["vectors"])


def _compute(v: dict[str, Any]) -> float | None:
    data = v["data"]
    stat = v["statistic"]
    if data["format"] == "unitizing_segments":
        cont = (data["continuum"]["start"], data["continuum"]["end"])
        res = krippendorff_u_alpha(data["segments"], cont, coders=data["coders"])
        if stat == "krippendorff_u_alpha":
            return res.overall.value
        assert stat == "krippendorff_u_alpha_category"
        cat = v["name"].rsplit("_", 1)[-1]
        return res.per_category[cat].value
    kwargs: dict[str, Any] = {"categories": v.get("categories")}
    if stat == "krippendorff_alpha":
        kwargs["level"] = v["level"].split()[0]
    if stat == "cohen_kappa_weighted":
        stat = "cohen_kappa"
        kwargs["weights"] = (
            v["level"].split()[0] if v["level"].split()[0] in ("linear", "quadratic") else "linear"
        )
    return COEFFICIENTS[stat](data["matrix"], **kwargs).value


@pytest.fixture(scope="module")
def vectors(shared_dir: Path) -> list[dict[str, Any]]:
    data = json.loads((shared_dir / "icr-vectors" / "vectors.json").read_text(encoding="utf-8"))
    return list(data["vectors"])


@pytest.mark.parametrize("name", [v["name"] for v in _vectors()] or ["(no vectors)"])
def test_vector(vectors: list[dict[str, Any]], name: str) -> None:
    matches = [v for v in vectors if v["name"] == name]
    if not matches:
        pytest.skip("vectors.json absent")
    v = matches[0]
    value = _compute(v)
    assert value is not None
    assert abs(value - v["expected"]) <= v["tolerance"] + 1e-12, (name, value, v["expected"])
    if "exact" in v:
        assert value == pytest.approx(v["exact"], abs=1e-9), (name, value, v["exact"])


def test_every_vector_statistic_is_supported(vectors: list[dict[str, Any]]) -> None:
    for v in vectors:
        assert _compute(v) is not None, v["name"]
