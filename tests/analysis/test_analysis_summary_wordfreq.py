"""The summary grid (with memos) and word frequencies with stop words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import makna
from makna.analysis import get_summary, set_summary, summary_grid, word_frequencies
from makna.errors import InputError


def test_summary_grid_on_dev_corpus(dev_project: Any) -> None:
    grid = summary_grid(dev_project, codes=["exp.pos.relationship"])
    assert sorted(c for c, _ in grid.cells) == ["dev-id-01", "dev-id-03", "dev-id-04"]
    cell = grid.cell("dev-id-01", "exp.pos.relationship")
    assert cell.coded_text.startswith("I: ") and cell.summary == ""
    set_summary(dev_project, "dev-id-01", "exp.pos.relationship", "Treated as a girlfriend, then dropped.")
    assert get_summary(dev_project, "dev-id-01", "exp.pos.relationship").startswith("Treated")
    set_summary(dev_project, "dev-id-01", "exp.pos.relationship", "Second thoughts.")
    memos = [m for m in makna.list_memos(dev_project, "case") if m.title.startswith("summary:")]
    assert len(memos) == 1 and memos[0].text == "Second thoughts."
    grid = summary_grid(dev_project, codes=["exp.pos"], cases=["dev-id-01", "dev-en-01"])
    assert grid.cell("dev-id-01", "exp.pos").summary == ""
    assert len(grid.cell("dev-id-01", "exp.pos").segments) == 1  # with descendants
    set_summary(dev_project, "dev-id-01", "exp.pos.relationship", "")
    assert get_summary(dev_project, "dev-id-01", "exp.pos.relationship") == ""
    with pytest.raises(makna.MaknaError):
        set_summary(dev_project, "no such case", "exp.pos", "x")


def test_word_frequencies(dev_project: Any, tmp_path: Path) -> None:
    words = word_frequencies(dev_project, top=10)
    found = {w.word for w in words}
    assert not found & {"yang", "dan", "the", "and", "aku", "nggak"}
    per_source = word_frequencies(dev_project, by="source", top=3)
    assert {w.group for w in per_source} == {f"dev-{x}" for x in ("en-01", "id-01", "id-02", "id-03", "id-04", "id-05")}
    top_word = words[0].word
    extra = tmp_path / "stop.txt"
    extra.write_text(f"# mine\n{top_word}\n", encoding="utf-8")
    assert top_word not in {w.word for w in word_frequencies(dev_project, top=10, stopword_files=[extra])}
    assert top_word not in {w.word for w in word_frequencies(dev_project, top=10, extra_stopwords=[top_word])}
    by_code = word_frequencies(dev_project, by="code", code="gig", top=5)
    assert {w.group for w in by_code} <= {k for k in (f.key for f in makna.queries.code_frequencies(dev_project))}
    stems = word_frequencies(dev_project, stem=True, top=None)
    assert sum(w.count for w in stems) == sum(w.count for w in word_frequencies(dev_project, top=None))
    by_case = word_frequencies(dev_project, by="case", top=2)
    assert len({w.group for w in by_case}) == 6
    with pytest.raises(InputError):
        word_frequencies(dev_project, top=0)
    with pytest.raises(InputError):
        word_frequencies(dev_project, stopword_files=[tmp_path / "missing.txt"])


def test_empty_project(project: Any) -> None:
    assert word_frequencies(project) == []
    assert summary_grid(project).cells == {}
