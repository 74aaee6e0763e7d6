"""What a coder's copy knows of the project's de-identification (trial18 #7).

A copy (pulled from a team server, or ``makna copy --coder``, blind or not) holds the de-identified texts but not
the state that says so: before, its workbench and ``makna deid status`` called every source "not scanned" and every
free-text value unscanned although all were de-identified. The copy now carries what its coder may know: per source
the applied de-identification's public state (when, the mode, the replaced spans and types, as an export's claim
states it: :func:`makna.exchange._deid_state.export_states`), and per free-text value she can read the review
state the project keeps of it (:data:`makna.store.tables.deid_fields`: its digest, review of spans and types, when it
was scanned and replaced). Never an original, the key or a seal key; nothing of a value she cannot read (a held
source's, a memo she does not see): the server sends only the reviews its reader may see
(:func:`makna.holds.shown_reviews`) and the copy keeps only those of values it holds as reviewed. A blind copy
still claims nothing in its exports (:func:`makna.exchange._deid_state.export_states` skips its states).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import Connection, func, select

from ..exchange._refi import format_datetime, parse_datetime
from ..holds import shown_reviews
from ..privacy.fields import field_states, value_digest
from ..project import Project
from ..store import tables

__all__ = ["field_rows", "put_fields"]


def field_rows(project: Project, conn: Connection, copied: Mapping[str, Collection[str]]) -> list[dict[str, Any]]:
    """The stored reviews of the field values the acting user may read, current (not edited since), JSON-ready;
    ``copied``: for a table of it (memos, segments), the ids of the rows the copy receives (no review of another)."""
    shown = {str(st.source_id) for st in shown_reviews(project, conn, field_states(conn, "id")) if st.digest}
    f = tables.deid_fields.c
    out: list[dict[str, Any]] = []
    for r in conn.execute(select(tables.deid_fields).order_by(f.number)):
        if f"{r.table_name}|{r.row_key}|{r.column_name}" not in shown:
            continue
        if r.table_name in copied and r.row_key.split("/")[0] not in copied[r.table_name]:
            continue
        out.append(
            {
                "table": r.table_name,
                "row_key": r.row_key,
                "column": r.column_name,
                "digest": r.digest,
                "review": r.review,
                "scanned_at": format_datetime(r.scanned_at),
                "applied_at": format_datetime(r.applied_at) if r.applied_at is not None else None,
            }
        )
    return out


def put_fields(conn: Connection, rows: Any) -> int:
    """Write into a copy the field reviews ``rows`` (:func:`field_rows`) of values it holds as they were reviewed
    and has no review of yet (the first of ``rows`` for each value); returns how many. Malformed rows are passed
    over."""
    if not isinstance(rows, list) or not rows:
        return 0
    have = _current_raw(conn)
    f = tables.deid_fields.c
    for r in conn.execute(select(f.table_name, f.row_key, f.column_name)):
        have.pop((str(r[0]), str(r[1]), str(r[2])), None)  # reviewed already
    top = int(conn.execute(select(func.coalesce(func.max(f.number), 0))).scalar_one())
    out: list[dict[str, Any]] = []
    for row in rows:
        if not isinstance(row, dict):
            continue
        key = tuple(str(row.get(k)) for k in ("table", "row_key", "column"))
        scanned = parse_datetime(row["scanned_at"]) if isinstance(row.get("scanned_at"), str) else None
        applied = parse_datetime(row["applied_at"]) if isinstance(row.get("applied_at"), str) else None
        if have.get(key) != row.get("digest") or scanned is None or not isinstance(row.get("review"), dict):
            continue
        del have[key]  # one review a value: two verifying projects may both hold it (the first one's is kept)
        out.append(
            {
                "number": top + len(out) + 1,
                "table_name": key[0],
                "row_key": key[1],
                "column_name": key[2],
                "digest": row["digest"],
                "review": row["review"],
                "scanned_at": scanned,
                "applied_at": applied,
            }
        )
    if out:
        conn.execute(tables.deid_fields.insert(), out)
    return len(out)


def _current_raw(conn: Connection) -> dict[tuple[str, ...], str]:
    """(table, row key, column) -> the digest of each non-empty field value as it is now."""
    return {
        tuple(str(st.source_id).split("|")): value_digest(st.value)
        for st in field_states(conn, "id")
    }
