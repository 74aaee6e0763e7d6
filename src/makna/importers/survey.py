"""Questionnaires with open questions (.csv, .xlsx): one row per respondent, read as one source each.

The first row names the columns. Each column has one role:

- the **id** column names each respondent's source (a column called ``id``, ``respondent``,
  ``responden``, ``participant``, ``peserta`` ... whose values are all given and all different); without
  one, the sources are ``respondent-1``, ``respondent-2`` ... in row order;
- **open answers**: free text, longer than :data:`ANSWER_CHARS` characters on average over the cells
  that are filled; they become the respondent's text, one turn per answered question, headed by the
  question (the column's name);
- **attributes**: every other column (age band, site, role): the respondent's case attributes.

The user may name the id column and the answer columns (``makna import FILE --survey-id COL
--survey-answers COL,COL``). A CSV's encoding is read as a text file's (:func:`.txt.decode_text`) and its
dialect (delimiter, quoting) sniffed; quoted cells may hold line breaks. An .xlsx is read by
:mod:`.xlsx` (first sheet only, no formula evaluated). A sheet that is no survey (no header and rows, no
column of open answers) is refused with one line naming the file and the reason.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ImportFormatError, InputError, excerpt, reason
from ..text import TurnSpan, normalize_text

__all__ = [
    "ANSWER_CHARS",
    "MAX_CELL_CHARS",
    "NotSurveyError",
    "SURVEY_SUFFIXES",
    "Respondent",
    "Survey",
    "is_survey",
    "read_survey",
]

SURVEY_SUFFIXES = (".csv", ".xlsx")
ANSWER_CHARS = 40  # an open answer's column: longer than this on average (filled cells)
MAX_CELL_CHARS = 1_000_000  # one cell longer than this is no survey answer
MAX_HEADER_CHARS = 500  # a question (a column's name) is cut to this in a turn's label
_ID_NAMES = frozenset(
    {
        "id",
        "respondent",
        "respondentid",
        "respondentno",
        "respondentnumber",
        "responden",
        "idresponden",
        "noresponden",
        "koderesponden",
        "participant",
        "participantid",
        "peserta",
        "idpeserta",
        "kodepeserta",
        "responseid",
        "caseid",
    }
)
_NOT_WORD = re.compile(r"[\W_]+")
_SPACE = re.compile(r"\s+")
_DELIMITERS = ",;\t|"


@dataclass(frozen=True)
class Respondent:
    """One row: its source's name, text (NFC, ``\\n``), turns (one per answer) and attribute values."""

    name: str
    text: str
    turns: list[TurnSpan]
    attributes: dict[str, str]


@dataclass(frozen=True)
class Survey:
    """A survey read: its respondents, which column played which role, and notes on what was assumed."""

    respondents: list[Respondent]
    id_column: str | None
    answer_columns: list[str]
    attribute_columns: list[str]
    media_type: str
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)
    skipped: int = 0  # rows with no answer at all


def is_survey(path: Path | str) -> bool:
    """Whether a file called ``path`` is read as a survey (by its suffix)."""
    return Path(path).suffix.lower() in SURVEY_SUFFIXES


class NotSurveyError(ImportFormatError):
    """The sheet is no survey (no header and rows, one column, no open answers): a folder's import passes over such a
    ``.csv`` (a cases or codebook file kept beside the transcripts) rather than failing on it."""


def _not_survey(path: Path, why: str) -> NotSurveyError:
    return NotSurveyError(f"{path}: not a survey ({why})")


def _csv_rows(path: Path, data: bytes) -> tuple[list[list[str]], str, list[str]]:
    from .txt import decode_text

    text, encoding = decode_text(path, data)
    if "\x00" in text:
        raise _not_survey(path, "NUL characters: a binary file, not a CSV")
    sample = text[:65_536]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    notes = [] if encoding in ("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be") else [f"decoded as {encoding}"]
    if dialect.delimiter != ",":
        notes.append(f"cells separated by {dialect.delimiter!r}")
    if csv.field_size_limit() < MAX_CELL_CHARS:  # process-wide; only ever raised, never lowered
        csv.field_size_limit(MAX_CELL_CHARS)
    try:
        rows = [row for row in csv.reader(io.StringIO(text, newline=""), dialect) if any(c.strip() for c in row)]
    except csv.Error as exc:
        raise _not_survey(path, f"unreadable as CSV: {reason(exc)}") from None
    return rows, encoding, notes


def _xlsx_rows(path: Path, data: bytes) -> tuple[list[list[str]], list[str]]:
    from .xlsx import read_xlsx_rows

    sheet = read_xlsx_rows(path, data)
    notes = [f"read the first sheet, {sheet.name!r}"]
    if sheet.formulas:
        notes.append(f"{sheet.formulas} formula cell(s): their saved values were read, no formula was evaluated")
    for row in sheet.rows:
        if any(len(c) > MAX_CELL_CHARS for c in row):
            raise _not_survey(path, f"a cell is longer than {MAX_CELL_CHARS:,} characters")
    return sheet.rows, notes


def _clean(cell: str) -> str:
    return normalize_text(cell).strip()


def _headers(cells: Sequence[str]) -> list[str]:
    """The columns' names: one line each, an empty one ``column N``, a repeated one numbered."""
    out: list[str] = []
    seen: set[str] = set()
    for i, cell in enumerate(cells, start=1):
        name = _SPACE.sub(" ", cell).strip()[:MAX_HEADER_CHARS] or f"column {i}"
        base, n = name, 2
        while name.casefold() in seen:
            name, n = f"{base} ({n})", n + 1
        seen.add(name.casefold())
        out.append(name)
    return out


def _pick(path: Path, headers: list[str], wanted: str, option: str) -> int:
    folded = [h.casefold() for h in headers]
    key = _SPACE.sub(" ", wanted).strip().casefold()
    if key in folded:
        return folded.index(key)
    raise InputError(
        f"{path}: {option} {excerpt(wanted)}: no such column (columns: "
        f"{', '.join(excerpt(h, 40) for h in headers[:20])})"
    )


def _unique(values: list[str]) -> bool:
    return all(values) and len({v.casefold() for v in values}) == len(values)


def _id_column(path: Path, headers: list[str], body: list[list[str]], wanted: str | None) -> int | None:
    if wanted is not None:
        col = _pick(path, headers, wanted, "--survey-id")
        if not _unique([row[col] for row in body]):
            raise InputError(f"{path}: --survey-id {excerpt(wanted)}: its values are not all given and different")
        return col
    for col, name in enumerate(headers):
        if _NOT_WORD.sub("", name.casefold()) in _ID_NAMES and _unique([row[col] for row in body]):
            return col
    return None


def _answer_columns(
    path: Path, headers: list[str], body: list[list[str]], id_col: int | None, wanted: Sequence[str] | None
) -> list[int]:
    if wanted:
        cols = [_pick(path, headers, w, "--survey-answers") for w in wanted]
        if id_col is not None and id_col in cols:
            raise InputError(f"{path}: the column {excerpt(headers[id_col])} cannot be both the id and an answer")
        return sorted(set(cols))
    cols = []
    for col in range(len(headers)):
        filled = [len(row[col]) for row in body if row[col]]
        if col != id_col and filled and sum(filled) / len(filled) > ANSWER_CHARS:
            cols.append(col)
    if not cols:
        raise _not_survey(
            path,
            f"no column of open answers (free text longer than {ANSWER_CHARS} characters on "
            "average); name them with --survey-answers",
        )
    return cols


def _respondent(
    name: str, headers: list[str], row: list[str], answers: list[int], attributes: list[int]
) -> Respondent | None:
    parts: list[str] = []
    turns: list[TurnSpan] = []
    pos = 0
    for col in answers:
        if not row[col]:
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        block = f"{headers[col]}\n{row[col]}"
        turns.append(TurnSpan(headers[col], pos, pos + len(block)))
        parts.append(block)
        pos += len(block)
    if not turns:
        return None
    return Respondent(name, "".join(parts), turns, {headers[c]: row[c] for c in attributes if row[c]})


def read_survey(
    path: Path, data: bytes, *, id_column: str | None = None, answer_columns: Sequence[str] | None = None
) -> Survey:
    """Read the survey ``data`` (a file called ``path``, .csv or .xlsx); ``id_column`` and ``answer_columns``
    (columns' names, compared without case) override the defaults described in the module."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from .xlsx import MEDIA_TYPE

        raw_rows, notes = _xlsx_rows(path, data)
        encoding: str | None = None
        media = MEDIA_TYPE
    elif suffix == ".csv":
        raw_rows, encoding, notes = _csv_rows(path, data)
        media = "text/csv"
    else:
        raise _not_survey(path, f"{suffix or 'no suffix'}: a survey is a .csv or .xlsx file")
    if len(raw_rows) < 2:
        raise _not_survey(path, "it needs a row naming the columns and at least one respondent's row")
    width = max(len(r) for r in raw_rows)
    if width < 2:
        raise _not_survey(path, "one column: a survey has an answer and something else (an id, an attribute)")
    rows = [[_clean(c) for c in r] + [""] * (width - len(r)) for r in raw_rows]
    headers, body = _headers(rows[0]), rows[1:]
    if {"name", "sources"} <= {h.casefold() for h in headers}:  # docs/formats.md's cases CSV
        raise _not_survey(path, "a cases file, with a name and a sources column: import it with 'makna cases import'")
    id_col = _id_column(path, headers, body, id_column)
    answers = _answer_columns(path, headers, body, id_col, answer_columns)
    attributes = [c for c in range(width) if c != id_col and c not in answers]
    respondents: list[Respondent] = []
    skipped = 0
    for n, row in enumerate(body, start=1):
        name = row[id_col] if id_col is not None else f"respondent-{n}"
        one = _respondent(_SPACE.sub(" ", name)[:200], headers, row, answers, attributes)
        if one is None:
            skipped += 1
        else:
            respondents.append(one)
    if not respondents:
        raise _not_survey(path, "no respondent answered any open question")
    if skipped:
        notes.append(f"{skipped} row(s) with no open answer left out")
    return Survey(
        respondents,
        headers[id_col] if id_col is not None else None,
        [headers[c] for c in answers],
        [headers[c] for c in attributes],
        media,
        encoding,
        notes,
        skipped,
    )
