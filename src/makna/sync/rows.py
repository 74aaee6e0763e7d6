"""What both ends of an offline copy share: the format of the exchange, the tables a pull carries,
their rows as JSON, the content digests that tell a change, and the words that name where the work goes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

from sqlalchemy import Column, DateTime, LargeBinary, Table

from ..errors import SyncError
from ..store import tables

__all__ = ["SYNC_FORMAT", "PULLED_TABLES", "KINDS", "is_uuid", "text_hash", "segment_digest", "memo_digest",
           "digest", "pulled_columns", "encode_rows", "decode_rows", "check_format", "Wording", "SERVER_WORDS",
           "FILE_WORDS"]

#: The version of the pull and push messages; both ends must speak the same one. 1: rounds eleven to fourteen.
#: 2 (round fifteen): a push sends the skeleton hash of a coding's text made before a ``deid apply`` (never a hash
#: of the original), the snapshot lists the coder's rows a blind round hides (``hidden``) and the push answer names
#: ``replaced`` and ``retargeted`` rows; a format-1 copy would have its moved codings refused or its hidden deletes
#: forgotten without a word, so the two ends refuse each other in one line instead.
SYNC_FORMAT = 2
#: The tables a pull copies, parents first (their rows keep the server's ids).
PULLED_TABLES: tuple[Table, ...] = (
    tables.coders, tables.sources, tables.turns, tables.cases, tables.attributes, tables.case_values,
    tables.case_links, tables.codes, tables.code_translations, tables.segments, tables.memos, tables.sets,
    tables.set_members, tables.rounds, tables.quick_codes,
)
#: What a coder's offline work is made of: codings and memos.
KINDS = ("segment", "memo")
SEGMENT_FIELDS = ("source_id", "start", "end", "code_id", "memo")
MEMO_FIELDS = ("target_kind", "target_id", "title", "text")


@dataclass(frozen=True)
class Wording:
    """The words of a push's conflict sentences and a refresh's dropped changes for where the work goes: a team
    server a copy was pulled from (:data:`SERVER_WORDS`), or the project file a coder's copy was made from
    (:data:`FILE_WORDS`: no server; ``makna pull COPY`` refreshes the copy from that file)."""

    here: str
    """Where the project is: "on the server"."""
    since: str
    """Since when the copy's rows are compared: "since your pull"."""
    place: str
    """What holds the project: "the server"."""
    recode: str
    """How to code on the text as it is now."""
    refresh: str
    """How to see the codebook as it is now, before pushing again."""

    def of_copy(self, copy: str) -> Wording:
        """These words naming the copy's file where they say ``COPY``."""
        return replace(self, recode=self.recode.replace("COPY", copy), refresh=self.refresh.replace("COPY", copy))


SERVER_WORDS: Final = Wording("on the server", "since your pull", "the server", "('makna pull --discard')",
                              "pull to see the codebook as it is, then push again")
FILE_WORDS: Final = Wording("in the project", "since the copy", "the project",
                            "after refreshing the copy from the project ('makna pull COPY --discard')",
                            "refresh the copy from the project ('makna pull COPY') to see the codebook as it is, "
                            "then push again")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def is_uuid(value: object) -> bool:
    """Whether ``value`` is an id as makna makes them (a UUID in canonical lower-case form)."""
    return isinstance(value, str) and _UUID.match(value) is not None


def text_hash(text: str) -> str:
    """The sha256 of a source's text: offsets made on one text hold only on the same text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _hash(values: Sequence[Any]) -> str:
    return hashlib.sha256(json.dumps(list(values), ensure_ascii=False).encode()).hexdigest()


def segment_digest(row: Mapping[str, Any]) -> str:
    """The digest of a coding's content: where, which code, its memo (not its coder or time)."""
    return _hash([row[f] for f in SEGMENT_FIELDS])


def memo_digest(row: Mapping[str, Any]) -> str:
    """The digest of a memo's content: what it is on, its title and text."""
    return _hash([row[f] for f in MEMO_FIELDS])


def digest(kind: str, row: Mapping[str, Any]) -> str:
    return segment_digest(row) if kind == "segment" else memo_digest(row)


def pulled_columns(table: Table) -> list[Column[Any]]:
    """The columns of ``table`` a pull copies: all but binary ones (a source's original file stays
    on the server)."""
    return [c for c in table.columns if not isinstance(c.type, LargeBinary)]


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.datetime) else value


def encode_rows(table: Table, rows: Iterable[Any]) -> dict[str, Any]:
    """Rows of ``table`` (selected with :func:`pulled_columns`) as JSON: the column names once and
    each row as a list of values."""
    columns = [c.name for c in pulled_columns(table)]
    return {"columns": columns, "rows": [[_plain(r._mapping[c]) for c in columns] for r in rows]}


def decode_rows(table: Table, data: Any) -> list[dict[str, Any]]:
    """The rows of :func:`encode_rows` back as dicts (dates parsed); a column this makna does not
    know, or a malformed message, is a :class:`~makna.errors.SyncError`."""
    try:
        columns = [str(c) for c in data["columns"]]
        rows = list(data["rows"])
    except (KeyError, TypeError):
        raise SyncError(f"the server's copy of table {table.name!r} is malformed") from None
    unknown = set(columns) - set(table.columns.keys())
    if unknown:
        raise SyncError(f"the server's {table.name!r} has columns this makna does not know "
                        f"({', '.join(sorted(unknown))}): install the makna version the server runs")
    dates = {c.name for c in table.columns if isinstance(c.type, DateTime)}
    out = []
    for raw in rows:
        if not isinstance(raw, list) or len(raw) != len(columns):
            raise SyncError(f"the server's copy of table {table.name!r} is malformed")
        row = dict(zip(columns, raw, strict=True))
        for name in dates & row.keys():
            if isinstance(row[name], str):
                row[name] = dt.datetime.fromisoformat(row[name])
        out.append(row)
    return out


def check_format(message: Mapping[str, Any], *, schema: str, where: str) -> None:
    """Refuse a message of another sync format or schema revision than this makna's."""
    got = message.get("format")
    if got != SYNC_FORMAT:
        raise SyncError(f"version mismatch: {where} speaks sync format {got!r}, this makna {SYNC_FORMAT}; "
                        "install the makna version the server runs")
    if message.get("schema") != schema:
        raise SyncError(f"version mismatch: {where} has project schema {message.get('schema')!r}, this makna "
                        f"{schema!r}; install the makna version the server runs")
