"""After de-identification: rewrite the event log, and leave no original in the database's spare space.

The event log keeps what each change carried: a case's name, a source's name and the sha256 of its
original file (a fingerprint of the original). :func:`rewrite_events` puts every replacement of the
key into the stored payloads and drops the import sha256 of de-identified sources. :func:`compact`
then rebuilds the storage: on SQLite ``VACUUM`` and a truncating WAL checkpoint (no freed page, no old
WAL frame keeps an original; ``apply`` also runs with ``PRAGMA secure_delete=ON``, which zeroes pages
as they are freed); on PostgreSQL ``VACUUM FULL`` of the tables ``apply`` rewrites, since dead row
versions keep the old text until the table is rewritten. (PostgreSQL's write-ahead log and any backups
or replicas keep what they kept: they are the server administrator's to expire.)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, select, update

from ..project import Project
from ..store import maintenance, tables

__all__ = ["compact", "rewrite_events"]

# tables apply rewrites (PostgreSQL: VACUUM FULL)
_REWRITTEN = ("sources", "turns", "events", "deid_sources", "deid_fields", "meta", "cases", "attributes",
              "case_values", "codes", "segments", "memos", "sets", "search_chunks")


def rewrite_events(conn: Connection, pairs: Mapping[str, str], whole: Mapping[str, str],
                   drop_sha256_of: set[str]) -> int:
    """Replace, in every event payload string, each original of ``pairs`` (on word boundaries, ``_``
    counting as a boundary as in file names; numbers of under five digits only as a whole string) and
    each whole value of ``whole``; drop ``sha256`` from the import events of ``drop_sha256_of``.
    Returns the number of events changed."""
    subs = {o: r for o, r in pairs.items() if o.strip() and not (o.isdigit() and len(o) < 5)}
    alternation = "|".join(re.escape(o) for o in sorted(subs, key=len, reverse=True))
    rx = re.compile(rf"(?<![^\W_])(?:{alternation})(?![^\W_])") if subs else None

    def fix(value: Any) -> Any:
        if isinstance(value, str):
            if value in whole:
                return whole[value]
            if value in pairs:
                return pairs[value]
            return rx.sub(lambda m: subs[m.group(0)], value) if rx is not None else value
        if isinstance(value, list):
            return [fix(v) for v in value]
        if isinstance(value, dict):
            return {fix(k): fix(v) for k, v in value.items()}
        return value

    e = tables.events.c
    changed = 0
    for r in conn.execute(select(e.id, e.action, e.payload)).all():
        new = fix(r.payload)
        if r.action == "source.import" and isinstance(new, dict) and new.get("id") in drop_sha256_of:
            new.pop("sha256", None)
        if new != r.payload:
            conn.execute(update(tables.events).where(e.id == r.id).values(payload=new))
            changed += 1
    return changed


def compact(project: Project) -> bool:
    """Rebuild the storage so that no replaced original survives in spare space (see the module
    documentation); True when it completed."""
    return maintenance.compact(project.store.engine, _REWRITTEN)
