"""CSV cells a spreadsheet cannot run (issue 13, sec21): formula-injection escaping, and the one place makna
writes CSV (:func:`write_table`).

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel, LibreOffice and Google Sheets; such text gets a leading apostrophe (the OWASP
advice), which spreadsheets show as plain text. Numbers are written as they are, and so is text that
is only a signed number (``-0.25``) or a lone sign: neither can run anything.

A spreadsheet does not always split a file at the comma makna writes: Excel with Indonesian (or most
European) regional settings opens a ``.csv`` with ``;`` as the separator, and a tab-separated reading is one
click away. Quoting does not hold a cell together then: the comma between two quoted fields is no separator
to such a reading, so the second field's opening quote is plain text and a ``;`` inside it splits it. A
memo ``x;=HYPERLINK(...)`` would become a cell ``=HYPERLINK(...)``. So a formula start right after any
character a spreadsheet may split at (``,``, ``;``, tab, line breaks), quotes between allowed, gets the
apostrophe too (``x;'=HYPERLINK(...)``); a signed number there (``1;-2``) is left as it is.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

__all__ = ["FORMULA_STARTS", "SPLIT_AT", "safe_cell", "safe_row", "write_table", "table_text"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The characters a spreadsheet may split a line or a file at: the two list separators, tab, line breaks.
SPLIT_AT = ",;\t\r\n"
_SIGNED_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
# a formula start after a character a spreadsheet may split at (and any quotes), up to the next such character
_INNER_START = re.compile(r'(?<=[,;\t\r\n])("*)([=+\-@][^,;\t\r\n"]*)')


def _inner(m: re.Match[str]) -> str:
    piece = m.group(2)
    if piece in ("+", "-") or _SIGNED_NUMBER.fullmatch(piece):
        return m.group(0)
    return m.group(1) + "'" + piece


def safe_cell(value: Any) -> Any:
    """``value`` as a CSV cell: text that a spreadsheet would run as a formula, at its start or after a
    character a spreadsheet may split it at, gets a ``'`` there. Numbers (and None) stay as they are; any
    other value is written as its text, escaped alike."""
    if value is None or isinstance(value, int | float):
        return value
    if not isinstance(value, str):
        value = str(value)
    if value.startswith(FORMULA_STARTS) and not (value in ("+", "-") or _SIGNED_NUMBER.fullmatch(value)):
        value = "'" + value
    return _INNER_START.sub(_inner, value)


def safe_row(values: Iterable[Any]) -> list[Any]:
    """:func:`safe_cell` of each value."""
    return [safe_cell(v) for v in values]


def write_table(
    out: TextIO, columns: Sequence[str], rows: Iterable[Iterable[Any]], *, lineterminator: str = "\r\n"
) -> int:
    """Write a header of ``columns`` and ``rows`` (None as an empty cell) to ``out`` as CSV, every cell through
    :func:`safe_cell`; returns the number of rows. The one CSV writer of makna (exports, command output,
    disagreement listings)."""
    writer = csv.writer(out, lineterminator=lineterminator)
    writer.writerow(safe_row(columns))
    count = 0
    for row in rows:
        writer.writerow(safe_row("" if v is None else v for v in row))
        count += 1
    return count


def table_text(columns: Sequence[str], rows: Iterable[Iterable[Any]]) -> str:
    """:func:`write_table` into a string, lines ending in ``\\n``."""
    import io

    buf = io.StringIO()
    write_table(buf, columns, rows, lineterminator="\n")
    return buf.getvalue()
