"""The name list files of surrogate names and traditions (``data/names_*.txt``): one format, read once.

Each line ``tradition role gender: Name Name ...`` (``#`` comments and blank lines skipped); a key's names keep their
first order and lose repeats."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources

__all__ = ["NameKey", "index_names", "read_name_lists"]

NameKey = tuple[str, str, str]
"""(tradition, role, gender) of a line."""


@cache
def read_name_lists(*files: str) -> dict[NameKey, tuple[str, ...]]:
    """The names of ``files`` (in ``makna/privacy/data``), by (tradition, role, gender)."""
    data = resources.files("makna.privacy") / "data"
    out: dict[NameKey, list[str]] = {}
    for name in files:
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            head, names = line.split(":", 1)
            tradition, role, gender = head.split()
            out.setdefault((tradition, role, gender), []).extend(names.split())
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def index_names(lists: Mapping[NameKey, tuple[str, ...]], fold: Callable[[str], str]) -> dict[str, frozenset[NameKey]]:
    """Each name (folded by ``fold``) to the keys whose lists hold it."""
    index: dict[str, set[NameKey]] = {}
    for key, names in lists.items():
        for name in names:
            index.setdefault(fold(name), set()).add(key)
    return {k: frozenset(v) for k, v in index.items()}
