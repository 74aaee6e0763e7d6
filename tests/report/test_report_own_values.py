"""An attribute unique to each case (a Form's time stamp, a nickname) is listed in the report, not cross-tabulated
(trial14: *Kode x Timestamp* had one column per respondent), in both languages; an attribute whose values cases
share still is (#11). Informants and values invented."""

from __future__ import annotations

from typing import Any

import pytest

import makna
from makna.report import build_report
from makna.report.model import unique_to_each_case
from makna.report.render_markdown import render_markdown

TEXT = "P: Bagaimana pengalamannya?\nI: Saya pernah ditipu pembeli.\n"
NICKNAMES = ["Uni Ami", "Ajo", "Mak Etek", "Da Rizal", "Upik", "Buyuang"]
STAMPS = [f"2026/10/21 9:{m:02d}:02 PM GMT+7" for m in range(10, 16)]


@pytest.fixture
def survey(project: Any) -> Any:
    makna.add_code(project, "fraud", "Ditipu")
    for name in ("Timestamp", "Nama panggilan", "kota", "usia"):
        makna.define_attribute(project, name, "text")
    for i in range(6):
        source = f"r{i + 1}.txt"
        makna.import_text(project, source, TEXT + f"P: Terima kasih, {i + 1}.\n", language="id")
        values = {
            "Timestamp": STAMPS[i],
            "Nama panggilan": NICKNAMES[i],
            "kota": ["Padang", "Bukittinggi"][i % 2],
            "usia": ["20-24", "25-29", "30-34", "35-39", "40-44", "40-44"][i],  # shared by two: nearly unique
        }
        makna.add_case(project, f"Responden {i + 1}", values=values)
        makna.link_source(project, f"Responden {i + 1}", source)
        makna.code_turn(project, source, 2, "fraud")
    return project


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Not cross-tabulated, since each case has its own value"),
        ("id", "Tidak ditabulasi silang karena setiap kasus punya nilainya sendiri"),
    ],
)
def test_an_attribute_of_each_case_is_listed_not_cross_tabulated(survey: Any, lang: str, said: str) -> None:
    data = build_report(survey, lang=lang, charts=False)
    titles = [m.title for m in data.matrices]
    assert not [t for t in titles if "Timestamp" in t or "Nama panggilan" in t], titles
    assert [t for t in titles if "kota" in t] and [t for t in titles if "usia" in t], titles
    [note] = [n for n in data.notes if said in n]
    assert "Nama panggilan, Timestamp" in note and "kota" not in note and "usia" not in note
    markdown = render_markdown(data)
    assert said in markdown and "Uni Ami" not in markdown


@pytest.mark.parametrize(
    ("values", "cases", "own"),
    [(6, 6, True), (9, 10, True), (18, 20, True), (17, 20, False), (2, 2, False), (3, 3, False), (2, 6, False)],
)
def test_unique_to_each_case_or_nearly(values: int, cases: int, own: bool) -> None:
    assert unique_to_each_case(values, cases) is own
