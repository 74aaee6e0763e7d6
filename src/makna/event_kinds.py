"""The kinds of event every write logs: one typed list, so that what the event log (and undo, the
activity list, live updates, access control) can meet is known in one place.

:meth:`makna.store.Store.write` takes an :data:`EventKind`; mypy refuses a kind not listed here.
:data:`makna.access.PERMISSION` says which permission each kind needs on a team server. A new
kind is added here, given a permission there and a label in the activity list
(``makna.web.events_text.EVENT_NAMES``). (Named ``event_kinds``: ``makna.events`` is the
function that lists a project's event log.)
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = ["EventKind", "EVENT_KINDS", "is_event_kind", "deid_decision"]

EventKind = Literal[
    # the project
    "project.create", "project.rename", "project.encrypt", "project.decrypt",
    # a server project's backup written to a file (#11): an audit record, no change
    "project.export",
    # sources
    "source.import", "source.rename", "source.language", "source.delete",
    # a source held for de-identification released by a manager without an apply (gate26, #11)
    "source.release",
    # a source held for de-identification by the upgrade to schema 0018 (gate27, #11): imported after the
    # project's de-identification before 0017, never de-identified
    "source.hold",
    # the codebook
    "code.add", "code.update", "code.move", "code.merge", "code.delete", "codebook.import",
    # a code split into new ones with the codings chosen for each (trial17 #11)
    "code.split",
    # codings
    "code.span", "code.bulk", "code.autocode_speaker", "code.autocode_pattern", "code.autocode_search",
    "uncode", "uncode.span", "segment.memo", "agreement.resolve",
    # memos and sets
    "memo.add", "memo.update", "memo.delete", "set.create", "set.delete",
    # cases and attributes
    "attribute.define", "case.add", "case.values", "case.link", "case.unlink", "case.delete", "cases.import",
    # de-identification
    "deid.scan", "deid.accepted", "deid.rejected", "deid.accepted_all", "deid.rejected_all", "deid.edit",
    "deid.add", "deid.names", "deid.key", "deid.apply", "deid.apply_fields", "deid.events", "deid.reveal",
    # derived data, exchange, history
    "search.index", "exchange.import_qdc", "exchange.import_qdpx", "exchange.import_taguette",
    "exchange.import_qualcoder", "undo", "redo",
    # recordings (#13)
    "media.link", "media.unlink", "turn.time",
    # the workbench (#13): a coder's keys 1-9; a coding resized or recoded
    "quickcodes.set", "segment.update",
    # coding rounds (#14)
    "round.open", "round.close", "round.join",
    # code suggestions (#15)
    "suggest.run", "suggest.accept", "suggest.reject",
    # offline coders (#14): a copy pulled from a team server; a coder's offline work pushed back
    "sync.pull", "sync.push",
    # de-identification (#11): a source's or case's own surrogate region
    "deid.region",
    # de-identification (#11): the project's seal key for the claims its exports carry; an unverified claim accepted;
    # a member's right to seal claims withdrawn or given back
    "deid.seal", "deid.trust", "deid.revoke",
    # consent (#11): one participant of a group chat or focus group withdraws: her turns removed for good
    "participant.withdraw",
]

#: Every event kind, in the order listed.
EVENT_KINDS: tuple[EventKind, ...] = get_args(EventKind)
_KINDS = frozenset(EVENT_KINDS)

def is_event_kind(action: str) -> bool:
    """Whether ``action`` is a listed event kind."""
    return action in _KINDS


def deid_decision(status: str, *, every: bool = False) -> EventKind:
    """The kind of event of a de-identification review decision, ``accepted`` or ``rejected`` (of
    the given detections, or of ``every`` pending one)."""
    if status == "accepted":
        return "deid.accepted_all" if every else "deid.accepted"
    return "deid.rejected_all" if every else "deid.rejected"
