"""What the Taguette and QualCoder importers share: one transaction into an empty project, codes
from a tree of names, and placing a foreign span on makna's text."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..codebook import PALETTE
from ..errors import ExchangeError
from ..event_kinds import EventKind
from ..model import Code
from ..project import Project
from ..store import as_utc, tables
from ._load import Loader, derive_keys
from ._refi import expand_color
from ._report import ImportReport

__all__ = ["CodeNode", "load_into", "add_code_tree", "parse_local_datetime", "stable_id"]

_NS = uuid.UUID("5b0c7d0e-6d61-6b6e-612d-726566692d71").bytes  # makna's namespace (makna.exchange._refi)
_VARIANT = {f"{i:x}": f"{(i & 0x3) | 0x8:x}" for i in range(16)}


def stable_id(*parts: str) -> str:
    """``derived_guid(*parts)`` (uuid5 in makna's namespace), computed without building UUID objects:
    an import makes one per coding."""
    x = hashlib.sha1(_NS + ":".join(parts).encode("utf-8")).hexdigest()  # noqa: S324 - uuid5 is SHA-1
    return f"{x[:8]}-{x[8:12]}-5{x[13:16]}-{_VARIANT[x[16]]}{x[17:20]}-{x[20:32]}"


@dataclass(frozen=True)
class CodeNode:
    """A code (or a category) of a foreign codebook: ``ref`` identifies it in the file, ``parent``
    is the ref of its parent (None at the top)."""

    ref: str
    name: str
    parent: str | None = None
    definition: str = ""
    color: str | None = None
    key: str | None = None


def load_into(project: Project, path: Path, kind: EventKind, report: ImportReport,
              fill: Callable[[Loader], None]) -> ImportReport:
    """Run ``fill`` with a :class:`Loader` inside one write transaction of event ``kind`` (refused
    unless ``project`` is empty); on any error nothing is kept."""
    payload: dict[str, Any] = {"file": path.name}
    with (project.store.bulk_load(check_references=False),
          project.store.write(project.actor, kind, payload) as conn):
        used = (conn.execute(tables.sources.select().limit(1)).first()
                or conn.execute(tables.codes.select().limit(1)).first())
        if used is not None:
            raise ExchangeError(f"{path}: import a project into a new, empty project")
        loader = Loader(project, conn, report)
        fill(loader)
        loader.flush()
        payload.update(origin=report.origin, sources=report.sources, codes=report.codes,
                       segments=report.segments, unmapped=len(report.unmapped))
    return report


def add_code_tree(loader: Loader, nodes: Sequence[CodeNode], guid: Callable[[str], str]) -> dict[str, str]:
    """Add ``nodes`` (in any order: parents are placed first) as codes; returns each ref's makna code
    id. Ids are stable: ``guid`` of the ref."""
    by_ref = {n.ref: n for n in nodes}
    order: list[CodeNode] = []
    placed: set[str] = set()

    def place(node: CodeNode, trail: set[str]) -> None:
        if node.ref in placed:
            return
        parent = by_ref.get(node.parent) if node.parent is not None else None
        if parent is not None and parent.ref not in trail:
            place(parent, trail | {node.ref})
        placed.add(node.ref)
        order.append(node)

    for node in nodes:
        place(node, {node.ref})
    ids = {n.ref: guid(n.ref) for n in order}
    parent_id = {n.ref: ids.get(n.parent) if n.parent in placed and n.parent != n.ref else None for n in order}
    # a cycle (a category inside itself, through others) is cut where it closes
    index = {n.ref: i for i, n in enumerate(order)}
    for n in order:
        if n.parent is not None and n.parent in index and index[n.parent] > index[n.ref]:
            parent_id[n.ref] = None
    keys = derive_keys([(ids[n.ref], parent_id[n.ref], n.name, n.key) for n in order], set())
    positions: dict[str | None, int] = {}
    codes = []
    for i, n in enumerate(order):
        pos = positions.get(parent_id[n.ref], 0)
        positions[parent_id[n.ref]] = pos + 1
        codes.append(Code(id=ids[n.ref], key=keys[ids[n.ref]], name=n.name.strip()[:500] or keys[ids[n.ref]],
                          parent_id=parent_id[n.ref], color=expand_color(n.color) or PALETTE[i % len(PALETTE)],
                          definition=n.definition, position=pos))
    if codes:
        loader.add_codes(codes, [c.id for c in codes])
    return {n.ref: loader.codes[ids[n.ref]] for n in order}


def parse_local_datetime(raw: Any) -> dt.datetime | None:
    """A timestamp as the tools write it ("2024-05-06 07:08:09", ISO, with or without zone; naive
    ones read as UTC), or None when absent or malformed."""
    if isinstance(raw, dt.datetime):
        return as_utc(raw)
    if not isinstance(raw, str) or not raw.strip():
        return None
    try:
        return as_utc(dt.datetime.fromisoformat(raw.strip()))
    except ValueError:
        return None
