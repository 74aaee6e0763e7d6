"""One ordering of self-referring rows (codes under codes) serves the project copy and undo:
parents before children; a parent outside the rows refused for a copy, taken as stored for undo;
a circle refused."""

from __future__ import annotations

from typing import Any

import pytest

from makna.errors import ProjectError
from makna.store import tables
from makna.store.transfer import parents_first


def _code(id_: str, parent: str | None) -> dict[str, Any]:
    return {"id": id_, "parent_id": parent, "key": id_}


def test_parents_come_first() -> None:
    rows = [_code("c", "b"), _code("b", "a"), _code("a", None), _code("d", None)]
    out = [r["id"] for r in parents_first(tables.codes, rows)]
    assert sorted(out) == ["a", "b", "c", "d"]
    assert out.index("a") < out.index("b") < out.index("c")


def test_a_parent_outside_the_rows() -> None:
    rows = [_code("c", "b"), _code("b", "stored")]
    with pytest.raises(ProjectError, match="parents that do not exist"):
        parents_first(tables.codes, rows)  # a copy has every row: a missing parent is an error
    assert [r["id"] for r in parents_first(tables.codes, rows, stored=True)] == ["b", "c"]  # undo: it is stored


def test_a_circle_is_refused() -> None:
    with pytest.raises(ProjectError, match="circle"):
        parents_first(tables.codes, [_code("a", "b"), _code("b", "a")], stored=True)


def test_other_tables_unchanged() -> None:
    rows = [{"id": "x"}, {"id": "y"}]
    assert parents_first(tables.sources, rows) is rows
