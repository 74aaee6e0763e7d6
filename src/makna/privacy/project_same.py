"""Deciding every detection of one text at once: a reviewer who rejects a false positive (a role word
taken for a name, "Nelayan" as a speaker label) rejects, with one action, every other detection of the
same string in the project that is not de-identified yet (sources and field values), instead of
leaving its twins accepted; or accepts them all.

One transaction, one event (``deid.accepted`` or ``deid.rejected``, as :func:`makna.privacy.project.decide`,
so undone the same way) whose payload holds detection ids and counts, never the string. Spans the
researcher set themselves (edited or added) are left as they are and counted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..event_kinds import deid_decision
from ..project import Project
from .project import _fields, _load, _resolve, _save
from .review import Status

__all__ = ["SameText", "decide_same_text"]

_OWN = ("edited", "added")


@dataclass(frozen=True, slots=True)
class SameText:
    """What :func:`decide_same_text` did: the ids of the detections whose status changed (the one
    chosen among them unless it had that status already), how many detections of the text there are
    in all (``total``), and how many the researcher's own spans kept (``kept``)."""

    ids: tuple[str, ...]
    total: int
    kept: int

    @property
    def changed(self) -> int:
        return len(self.ids)


def decide_same_text(project: Project, item_id: str, status: Status) -> SameText:
    """Accept or reject the detection ``item_id`` and every other detection of the same text (the same
    characters, in any source or field value not yet de-identified)."""
    if status not in {"accepted", "rejected"}:
        raise InputError(f"status {status!r}: use accepted or rejected")
    payload: dict[str, Any] = {"same_as": item_id, "status": status}
    with project.store.write(project.actor, deid_decision(status), payload) as conn:
        _states, found = _resolve(conn, [item_id])
        first, index, _ = found[0]
        det = first.review.items[index].detection
        wanted = first.review.text[det.start : det.end]
        changed: list[str] = []
        total = kept = 0
        for st in _load(conn) + _fields(conn):
            touched = False
            for i, item in enumerate(st.review.items):
                d = item.detection
                if st.review.text[d.start : d.end] != wanted:
                    continue
                total += 1
                if item.status in _OWN:
                    kept += 1
                    continue
                if item.status == status:
                    continue
                (st.review.accept if status == "accepted" else st.review.reject)(i)
                changed.append(st.item_id(i + 1))
                touched = True
            if touched:
                if status == "accepted":
                    st.review._check_overlaps()  # accepting a rejected item again may meet an edited span
                _save(conn, st)
        payload.update(ids=changed, count=len(changed), total=total, kept=kept)
    return SameText(tuple(changed), total, kept)
