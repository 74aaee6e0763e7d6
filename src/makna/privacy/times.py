"""Turn time stamps under de-identification: a chat export's message dates move like the text's dates.

A WhatsApp import stores each message's stamp as the turn's ``time_start`` (``2026-08-12T19:02``);
``makna deid apply`` moves the date of every such stamp by the project's one date offset (the key's
``date_offset``), the same days as the dates in the text, so intervals stay true and the real date is
kept nowhere but in the key. A stamp without a calendar date (an interview's ``00:01:23``) stays.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select

from ..store import tables

if TYPE_CHECKING:
    from .pseudonymise import KeyMapping

__all__ = ["lock_stamp_offset", "shift_stamp", "stamp_date", "stamp_dates"]

_STAMP = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})(?P<rest>(?:[T ].*)?)", re.S)


def stamp_date(stamp: str | None) -> str | None:
    """The calendar date (``YYYY-MM-DD``) a turn stamp starts with, or None (a clock time only)."""
    m = _STAMP.fullmatch(stamp or "")
    if m is None:
        return None
    try:
        dt.date.fromisoformat(m["date"])
    except ValueError:
        return None
    return m["date"]


def shift_stamp(stamp: str | None, days: int) -> str | None:
    """``stamp`` with its calendar date moved by ``days`` (time of day kept); unchanged without a date."""
    date = stamp_date(stamp)
    if stamp is None or date is None:
        return stamp
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat() + stamp[len(date):]


def stamp_dates(conn: Connection, source_ids: Sequence[str]) -> set[str]:
    """The calendar dates (``YYYY-MM-DD``) of the turn stamps of ``source_ids``: originals like the text's
    dates, that the project's date offset must move onto no other original (see
    :meth:`makna.privacy.KeyMapping.settle_offsets`)."""
    if not source_ids:
        return set()
    t = tables.turns.c
    rows = conn.execute(select(t.time_start, t.time_end).where(t.source_id.in_(source_ids))).all()
    return {d for r in rows for v in r if (d := stamp_date(v)) is not None}


def lock_stamp_offset(conn: Connection, mapping: KeyMapping, source_ids: Sequence[str]) -> int:
    """Record in ``mapping`` (the key) each calendar date of the turn stamps of ``source_ids`` with its
    shifted date, as a replaced date: the project's date offset then never changes again (see
    :meth:`makna.privacy.KeyMapping.settle_offsets`). The number of dates recorded."""
    dates = stamp_dates(conn, source_ids)
    if not dates:
        return 0
    table = mapping.surrogates.setdefault("DATE", {})
    for date in sorted(dates):
        table.setdefault(date, str(shift_stamp(date, int(mapping.date_offset or 0))))
    return len(dates)
