"""A yes/no attribute's columns in the code x attribute table speak the report's language (a new user's trial
found "False" and "True" in an Indonesian report)."""

from __future__ import annotations

from typing import Any

import pytest

import makna
from makna.report import build_report


@pytest.mark.parametrize(("lang", "words"), [("id", ["tidak", "ya"]), ("en", ["no", "yes"])])
def test_boolean_columns_in_the_report_language(coded: Any, lang: str, words: list[str]) -> None:
    makna.define_attribute(coded, "merantau", "boolean")
    makna.set_values(coded, "Informan 1", {"merantau": True})
    makna.set_values(coded, "Informan 2", {"merantau": False})
    data = build_report(coded, lang=lang, charts=False)
    [table] = [m for m in data.matrices if "merantau" in m.title]
    assert table.columns == words
    [usia] = [m for m in data.matrices if "usia" in m.title]
    assert usia.columns == ["20-24", "25-29"]  # other attributes' values as they are
