"""Deciding every detection of one text at once: a reviewer who rejects a false positive (a role word
taken for a name, "Nelayan" as a speaker label) rejects, with one action, every other PENDING detection of
the same string in the project that is not de-identified yet (sources and field values); or accepts them.

Only pending detections change (as :func:`makna.privacy.project.decide_all`), besides the one chosen: a
detection someone accepted stays accepted when its text is rejected everywhere from a pending row (a word that
is a false positive in one sentence may be a real nickname in another), and an explicit rejection is never
turned into an acceptance. Rejecting everywhere from an ACCEPTED row is the reviewer taking that acceptance
back for the text: the other accepted detections of it are rejected too (``accepted`` counts them; the
confirmation says so). A new user's trial accepted the header's ``Hong Kong`` and then rejected it
everywhere: the accepted rows stayed accepted, and the territory the study is about would have been
replaced. Those are counted (``left``), as are the researcher's own spans (edited or added,
``kept``). :func:`same_text_plan` says beforehand what a decision would change, for a confirmation.

One transaction, one event (``deid.accepted`` or ``deid.rejected``, as :func:`makna.privacy.project.decide`,
so undone the same way) whose payload holds detection ids and counts, never the string."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from ..event_kinds import deid_decision
from ..project import Project
from .project import _check_decision, _fields, _load, _resolve, _save
from .review import Status

__all__ = ["SameText", "decide_same_text", "same_text_plan"]

_OWN = ("edited", "added")


@dataclass(frozen=True, slots=True)
class SameText:
    """What :func:`decide_same_text` did (or, from :func:`same_text_plan`, would do): the ids of the
    detections whose status changed (the one chosen among them unless it had that status already), how
    many sources and field values hold them (``sources``), how many detections of the text there are in
    all (``total``), how many the researcher's own spans kept (``kept``) and how many decided ones were
    left as they were (``left``: accepted ones when rejecting, rejected ones when accepting)."""

    ids: tuple[str, ...]
    total: int
    kept: int
    left: int = 0
    sources: int = 0
    accepted: int = 0
    """How many of ``ids`` were accepted before (rejecting everywhere from an accepted row), the chosen one's
    included."""

    @property
    def changed(self) -> int:
        return len(self.ids)


def _plan(conn: Connection, item_id: str, status: Status, *, apply: bool) -> SameText:
    _states, found = _resolve(conn, [item_id])
    first, index, _ = found[0]
    det = first.review.items[index].detection
    wanted = first.review.text[det.start : det.end]
    chosen = first.item_id(index + 1)
    # rejecting everywhere from a row one accepted takes the acceptance back for the text: its accepted too
    retract = status == "rejected" and first.review.items[index].status == "accepted"
    changed: list[str] = []
    total = kept = left = sources = accepted = 0
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
            if item.status == "accepted" and retract:
                accepted += 1
            elif item.status != "pending" and st.item_id(i + 1) != chosen:
                left += 1  # someone decided this one: another text's decision does not override it
                continue
            if apply:
                (st.review.accept if status == "accepted" else st.review.reject)(i)
            changed.append(st.item_id(i + 1))
            touched = True
        if touched:
            sources += 1
            if apply:
                if status == "accepted":
                    st.review._check_overlaps()  # accepting a rejected item again may meet an edited span
                _save(conn, st)
    return SameText(tuple(changed), total, kept, left, sources, accepted)


def same_text_plan(project: Project, item_id: str, status: Status) -> SameText:
    """What :func:`decide_same_text` would change, without changing anything (for a confirmation)."""
    _check_decision(status)
    with project.store.read() as conn:
        return _plan(conn, item_id, status, apply=False)


def decide_same_text(project: Project, item_id: str, status: Status) -> SameText:
    """Accept or reject the detection ``item_id`` and every other pending detection of the same text (the
    same characters, in any source or field value not yet de-identified); rejecting from an accepted row,
    the accepted ones of that text too."""
    _check_decision(status)
    payload: dict[str, Any] = {"same_as": item_id, "status": status}
    with project.store.write(project.actor, deid_decision(status), payload) as conn:
        done = _plan(conn, item_id, status, apply=True)
        payload.update(
            ids=list(done.ids),
            count=done.changed,
            total=done.total,
            kept=done.kept,
            left=done.left,
            sources=done.sources,
            accepted=done.accepted,
        )
    return done
