"""Reading agreement data that researchers keep in CSV files: a units x coders rating table, coders'
segments on a continuum, and excerpts (the units of a project comparison). Each reader checks the
file and gives one :class:`~makna.errors.InputError` naming the file, line and problem."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = ["read_rating_table", "read_segments", "read_excerpts", "parse_rating"]


def _read_rows(path: Path) -> list[list[str]]:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return [row for row in csv.reader(fh)]
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save the CSV as UTF-8") from None
    except csv.Error as exc:
        raise InputError(f"{path}: not a readable CSV ({exc})") from None


def _columns(path: Path, need: Sequence[str]) -> Iterator[tuple[int, list[str]]]:
    """(line number, the ``need`` cells stripped) for each non-blank row of a CSV whose header names
    at least the ``need`` columns (any case, any order)."""
    rows = _read_rows(path)
    if not rows:
        raise InputError(f"{path}: empty file; expected a header {','.join(need)}")
    header = [c.strip().lower() for c in rows[0]]
    missing = [c for c in need if c not in header]
    if missing:
        raise InputError(f"{path}: line 1: missing column(s) {', '.join(missing)} (need {','.join(need)})")
    idx = [header.index(c) for c in need]
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise InputError(f"{path}: line {line}: {len(row)} cells, expected {len(header)}")
        yield line, [row[i].strip() for i in idx]


def _integers(path: Path, line: int, start: str, end: str) -> tuple[int, int]:
    try:
        return int(start), int(end)
    except ValueError:
        raise InputError(f"{path}: line {line}: start {start!r} and end {end!r} must be integers") from None


def parse_rating(text: str) -> int | float | None:
    """A rating cell as an int or a finite float, or None when it is not a number."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def read_rating_table(path: Path, *, numeric: bool) -> tuple[list[str], list[list[Any]]]:
    """Header = coder names; one row per unit; empty cell = missing. Numbers when every cell is one."""
    rows = _read_rows(path)
    if not rows or not any(c.strip() for c in rows[0]):
        raise InputError(f"{path}: empty file; expected a header row of coder names")
    header = [c.strip() for c in rows[0]]
    if any(not c for c in header):
        raise InputError(f"{path}: line 1: every column needs a coder name")
    if len(set(header)) != len(header):
        raise InputError(f"{path}: line 1: duplicate coder names")
    body: list[list[str]] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise InputError(f"{path}: line {line}: {len(row)} cells, expected {len(header)} (one per coder)")
        body.append([c.strip() for c in row])
    if not body:
        raise InputError(f"{path}: no units (rows) after the header")
    cells = [c for row in body for c in row if c]
    parsed = {c: parse_rating(c) for c in set(cells)}
    all_numbers = all(v is not None for v in parsed.values())
    if numeric and not all_numbers:
        for line, row in enumerate(body, start=2):
            for coder, c in zip(header, row, strict=True):
                if c and parsed[c] is None:
                    raise InputError(
                        f"{path}: line {line}, coder {coder!r}: {c!r} is not a number "
                        "(this level of measurement needs numeric ratings)"
                    )
    data = [[(parsed[c] if all_numbers else c) if c else None for c in row] for row in body]
    return header, data


def read_segments(path: Path) -> list[tuple[str, int, int, str]]:
    """CSV with columns coder,start,end,category (header required; half-open positions)."""
    out: list[tuple[str, int, int, str]] = []
    for line, (coder, start, end, cat) in _columns(path, ("coder", "start", "end", "category")):
        if not coder or not cat:
            raise InputError(f"{path}: line {line}: coder and category must not be empty")
        out.append((coder, *_integers(path, line, start, end), cat))
    return out


def read_excerpts(path: Path) -> list[tuple[str, int, int]]:
    """CSV with columns source,start,end (header required; end exclusive)."""
    return [(name, *_integers(path, line, start, end))
            for line, (name, start, end) in _columns(path, ("source", "start", "end"))]
