"""The open table of a case folder as one parametrised test (``tests/privacy/<name>cases/open.tsv``, scored by
``benchmarks/deid_struct_cases.py``): each open case must pass on the rules alone, but the ``known`` ones, strict
expected failures so that a fix shows. Shared by the structured-identifier and duration tests."""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import deid_struct_cases as TABLE  # noqa: E402  (the case table's parser and checker, shared with the script)

__all__ = ["TABLE", "open_cases"]


def open_cases(folder_name: str, known: Collection[str] = ()) -> Callable[[Any], Any]:
    """``pytest.mark.parametrize("case", ...)`` over the open cases of ``folder_name`` (``known``: case lines
    expected to fail)."""
    cases = TABLE.load("open", TABLE.CASES.parent / folder_name, breaks=True)
    return pytest.mark.parametrize(
        "case",
        [pytest.param(c, marks=pytest.mark.xfail(strict=True)) if c.line.split("\t")[2] in known else c for c in cases],
        ids=[f"{c.kind}-{i}" for i, c in enumerate(cases)],
    )
