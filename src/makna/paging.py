"""Keyset (cursor) pagination: opaque cursor tokens and the condition "after this row".

A listing sorted by columns ``(c1, c2, ...)`` gives, with each page, a cursor that holds the sort
values of its last row; the next page asks for the rows after them. Served by an index that matches
the sort, a page costs the same wherever it starts (an ``OFFSET`` reads and drops every row before).
A cursor is opaque to its users (URL-safe base64 of the values) and checked when read back.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import and_, or_
from sqlalchemy.sql.elements import ColumnElement

from .errors import InputError

__all__ = ["Page", "encode_cursor", "decode_cursor", "after_condition"]

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a listing: its ``items`` and the cursor of the next page (None on the last)."""

    items: list[T] = field(default_factory=list)
    next: str | None = None


def encode_cursor(kind: str, values: Sequence[Any]) -> str:
    """An opaque token for the row whose sort values are ``values`` in the listing ``kind``."""
    raw = json.dumps([kind, *values], separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(kind: str, token: str, types: Sequence[type]) -> list[Any]:
    """The sort values in ``token``; one clear error when it is not a cursor of ``kind`` listings."""
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        data = None
    if (not isinstance(data, list) or len(data) != len(types) + 1 or data[0] != kind
            or not all(type(v) is t for v, t in zip(data[1:], types, strict=True))):
        raise InputError(f"cursor {token[:40]!r}: not a cursor of this {kind} listing (use the one a page gave)")
    return data[1:]


def after_condition(columns: Sequence[tuple[Any, bool]], values: Sequence[Any]) -> ColumnElement[bool]:
    """Rows after ``values`` in the order of ``columns`` (each ``(column, descending)``): the first
    column's range (which an index on it serves) and the lexicographic tie-breaks."""
    def beyond(col: Any, desc: bool, value: Any) -> ColumnElement[bool]:
        return col < value if desc else col > value  # type: ignore[no-any-return]

    cond: ColumnElement[bool] | None = None
    for (col, desc), value in reversed(list(zip(columns, values, strict=True))):
        cond = beyond(col, desc, value) if cond is None else or_(beyond(col, desc, value),
                                                                 and_(col == value, cond))
    assert cond is not None
    first, desc = columns[0]
    return and_(first <= values[0] if desc else first >= values[0], cond)
