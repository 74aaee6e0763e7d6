"""Changing a coding in place: resize its span or give it another code (issue 13: the workbench's
keyboard menu on a coding). Only the coding's own coder may change it; its id and memo stay."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update

from .coding import check_owner, get_segment
from .errors import DuplicateCodingError, InputError, OffsetError
from .model import Segment
from .project import Project
from .store import tables

__all__ = ["change_segment"]


def change_segment(project: Project, segment_id: str, *, start: int | None = None, end: int | None = None,
                   code: str | None = None) -> Segment:
    """Move the bounds of a coding to ``start:end`` and/or give it ``code`` (id or key), in one
    transaction (event ``segment.update``). The span must stay inside its source; a change that would
    duplicate another coding of the same coder is refused and nothing changes."""
    if start is None and end is None and code is None:
        raise InputError("change a coding: give a new start, end or code")
    payload: dict[str, Any] = {"id": segment_id}
    seg, src = tables.segments.c, tables.sources.c
    with project.store.write(project.actor, "segment.update", payload) as conn:
        check_owner(project, conn, segment_id)
        row = conn.execute(select(seg.start, seg.end, seg.code_id, src.length)
                           .join_from(tables.segments, tables.sources, seg.source_id == src.id)
                           .where(seg.id == segment_id)).one()
        new_start = row.start if start is None else start
        new_end = row.end if end is None else end
        if not 0 <= new_start < new_end <= row.length:
            raise OffsetError(f"span {new_start}:{new_end} is outside the source (valid: 0 <= start < end <= "
                              f"{row.length})")
        values: dict[str, Any] = {"start": new_start, "end": new_end}
        if code is not None:
            values["code_id"] = project.code_id(conn, code)
        payload.update({k: v for k, v in values.items() if k != "code_id"}, code=values.get("code_id", row.code_id))
        taken = conn.execute(select(func.count()).select_from(tables.segments).where(
            seg.source_id == select(seg.source_id).where(seg.id == segment_id).scalar_subquery(),
            seg.coder_id == select(seg.coder_id).where(seg.id == segment_id).scalar_subquery(),
            seg.start == new_start, seg.end == new_end, seg.code_id == values.get("code_id", row.code_id),
            seg.id != segment_id)).scalar()
        if taken:
            raise DuplicateCodingError("the changed coding duplicates an existing one (same span, code and coder); "
                                       "nothing was changed")
        conn.execute(update(tables.segments).where(seg.id == segment_id).values(**values))
    return get_segment(project, segment_id)
