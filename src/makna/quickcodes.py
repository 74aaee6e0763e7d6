"""Quick codes: the codes a coder pins to the workbench's keys 1 to 9 (issue 13).

Like NVivo's quick coding bar, the keys hold what the coder chose and never move by themselves
(usage and new codes change nothing). A coder who has not chosen yet gets the first nine codes of
the codebook, and :func:`set_quick_codes` fixes a choice; deleting a code empties its key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from .errors import InputError
from .project import Project
from .store import tables

__all__ = ["SLOTS", "QuickCodes", "quick_codes", "set_quick_codes"]

SLOTS = 9


@dataclass(frozen=True)
class QuickCodes:
    """The code id on each key 1 to 9 (``codes[0]`` is key 1; None: an empty key); ``chosen`` is False
    while the coder has not chosen (the keys then hold the first codes of the codebook)."""

    coder: str
    codes: tuple[str | None, ...]
    chosen: bool


def quick_codes(project: Project, coder: str | None = None) -> QuickCodes:
    """The quick codes of ``coder`` (default: the project's coder)."""
    from .codebook import code_tree

    who = coder or project.coder_name
    q = tables.quick_codes.c
    with project.store.read() as conn:
        rows = conn.execute(select(q.slot, q.code_id).where(q.coder == who)).all()
    if rows:
        slots: list[str | None] = [None] * SLOTS
        for r in rows:
            if 1 <= r.slot <= SLOTS and r.code_id:
                slots[r.slot - 1] = str(r.code_id)
        return QuickCodes(who, tuple(slots), True)
    first = [n.code.id for n in code_tree(project)[:SLOTS]]
    return QuickCodes(who, tuple(first + [None] * (SLOTS - len(first))), False)


def set_quick_codes(project: Project, codes: Sequence[str | None]) -> QuickCodes:
    """Pin ``codes`` (ids or keys; None or "" for an empty key) to keys 1, 2, ... for the project's
    coder, replacing their earlier choice. At most nine; a code may sit on one key only."""
    if len(codes) > SLOTS:
        raise InputError(f"quick codes: at most {SLOTS} codes (keys 1 to {SLOTS}), got {len(codes)}")
    who = project.coder_name
    q = tables.quick_codes.c
    with project.store.write(project.actor, "quickcodes.set", {"coder": who}) as conn:
        ids: list[str | None] = [project.code_id(conn, c) if c else None for c in codes]
        taken = [i for i in ids if i]
        if len(set(taken)) != len(taken):
            raise InputError("quick codes: a code can sit on one key only")
        conn.execute(delete(tables.quick_codes).where(q.coder == who))
        slots = tuple(ids) + (None,) * (SLOTS - len(ids))
        conn.execute(insert(tables.quick_codes),
                     [{"coder": who, "slot": n, "code_id": cid} for n, cid in enumerate(slots, start=1)])
    return QuickCodes(who, slots, True)
