"""Unitizing alphas: Krippendorff (2004) u-alpha and the 2016 family, bad input."""

from __future__ import annotations

import numpy as np
import pytest

from makna.agreement import krippendorff_alpha, krippendorff_u_alpha, unitizing_alpha_family
from makna.errors import AgreementError

FIG2 = [
    ("i", 225, 295, "c"),
    ("i", 370, 400, "c"),
    ("i", 180, 240, "k"),
    ("i", 300, 350, "k"),
    ("j", 220, 300, "c"),
    ("j", 355, 375, "c"),
    ("j", 400, 420, "c"),
    ("j", 180, 240, "k"),
    ("j", 300, 350, "k"),
]


def test_figure2_components() -> None:
    res = krippendorff_u_alpha(FIG2, (150, 450))
    c = res.per_category["c"]
    assert c.observed == pytest.approx(0.014444444444, abs=1e-11)
    assert c.expected == pytest.approx(0.053221779855, abs=1e-11)
    assert res.per_category["k"].value == 1.0
    assert res.overall.value == pytest.approx(0.858665405184, abs=1e-11)


def test_identical_unitizing_is_perfect_and_coder_order_irrelevant() -> None:
    segs = [("a", 0, 5, "x"), ("b", 0, 5, "x"), ("a", 10, 12, "y"), ("b", 10, 12, "y")]
    assert krippendorff_u_alpha(segs, (0, 20)).overall.value == 1.0
    swapped = [("j" if s[0] == "i" else "i", *s[1:]) for s in FIG2]
    assert krippendorff_u_alpha(swapped, (150, 450)).overall.value == pytest.approx(
        krippendorff_u_alpha(FIG2, (150, 450)).overall.value
    )


def test_three_coders_and_a_silent_coder() -> None:
    segs = [("a", 0, 5, "x"), ("b", 1, 5, "x"), ("c", 0, 4, "x")]
    three = krippendorff_u_alpha(segs, (0, 20)).overall.value
    assert three is not None and 0 < three < 1
    silent = krippendorff_u_alpha(segs, (0, 20), coders=["a", "b", "c", "d"]).overall.value
    assert silent is not None and silent < three


def test_bad_unitizing_input() -> None:
    with pytest.raises(AgreementError, match="at least two coders"):
        krippendorff_u_alpha([("a", 0, 5, "x")], (0, 10))
    with pytest.raises(AgreementError, match="outside the continuum"):
        krippendorff_u_alpha([("a", 0, 15, "x"), ("b", 0, 5, "x")], (0, 10))
    with pytest.raises(AgreementError, match="empty"):
        krippendorff_u_alpha([("a", 5, 5, "x"), ("b", 0, 5, "x")], (0, 10))
    with pytest.raises(AgreementError, match="overlapping"):
        krippendorff_u_alpha([("a", 0, 5, "x"), ("a", 3, 8, "x"), ("b", 0, 5, "x")], (0, 10))
    merged = krippendorff_u_alpha(
        [("a", 0, 5, "x"), ("a", 3, 8, "x"), ("b", 0, 8, "x")], (0, 10), merge_overlaps=True
    )
    assert merged.overall.value == 1.0
    with pytest.raises(AgreementError, match="continuum"):
        krippendorff_u_alpha([], (5, 5))
    assert krippendorff_u_alpha([], (0, 5), coders=["a", "b"]).overall.value is None


def test_binary_alpha_with_one_character_units_is_character_alpha() -> None:
    segs = [("a", i, i + 1, "x") for i in range(0, 30, 2)] + [("b", i, i + 1, "x") for i in range(0, 30, 3)]
    fam = unitizing_alpha_family(segs, (0, 30))
    full = np.zeros((30, 2))
    full[0:30:2, 0] = 1
    full[0:30:3, 1] = 1
    assert fam.binary_per_code["x"].value == pytest.approx(krippendorff_alpha(full).value)


def test_cu_alpha_family() -> None:
    segs = [
        ("a", 0, 10, "red"),
        ("b", 0, 10, "red"),
        ("a", 20, 30, "blue"),
        ("b", 22, 30, "blue"),
        ("a", 40, 50, "ok"),
        ("b", 40, 50, "ok"),
    ]
    fam = unitizing_alpha_family(segs, (0, 60), domains={"red": "colour", "blue": "colour", "ok": "verdict"})
    assert fam.cu_alpha_per_domain["colour"].value == 1.0
    assert fam.cu_alpha_per_domain["verdict"].value is None  # one code: 0/0
    assert fam.Cu_alpha is not None and fam.Cu_alpha.value == 1.0
    colour = fam.binary_per_domain["colour"].value
    assert colour is not None and 0.8 < colour < 1.0
    assert fam.u_alpha_per_domain["verdict"].value == 1.0
    disagree = [("a", 0, 10, "red"), ("b", 0, 10, "blue"), ("a", 20, 30, "blue"), ("b", 20, 30, "red")]
    fam2 = unitizing_alpha_family(disagree, (0, 40), domains={"red": "colour", "blue": "colour"})
    cu = fam2.cu_alpha_per_domain["colour"].value
    assert cu is not None and cu < 0
    with pytest.raises(AgreementError, match="semantic domain"):
        unitizing_alpha_family(
            [("a", 0, 10, "red"), ("a", 5, 12, "blue"), ("b", 0, 10, "red")],
            (0, 20),
            domains={"red": "colour", "blue": "colour"},
        )
