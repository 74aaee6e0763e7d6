"""The words for event-log entries: an English phrase per event kind (translated where shown), used
by the home page's recent activity, the history page and the catalogue extractor (:mod:`makna.web.i18n`)."""

from __future__ import annotations

__all__ = ["EVENT_NAMES", "OTHER_EVENT", "describe_event"]

#: Event kind (:mod:`makna.event_kinds`) -> what the activity list says about it.
EVENT_NAMES = {
    "project.create": "created the project", "source.import": "imported a source",
    "source.rename": "renamed a source", "source.delete": "deleted a source",
    "source.release": "released a source held for de-identification",
    "source.hold": "held a source for de-identification", "code.add": "added a code",
    "code.update": "edited a code", "code.move": "moved a code", "code.merge": "merged codes",
    "code.split": "split a code",
    "code.delete": "deleted a code", "code.span": "coded a segment", "code.bulk": "coded segments",
    "code.autocode_speaker": "auto-coded a speaker", "code.autocode_pattern": "auto-coded a pattern",
    "uncode": "removed a coding", "uncode.span": "removed codings", "segment.memo": "edited a segment memo",
    "case.add": "added a case", "case.values": "edited case attributes", "case.link": "linked a source to a case",
    "case.unlink": "unlinked a source", "case.delete": "deleted a case", "attribute.define": "defined an attribute",
    "memo.add": "wrote a memo", "memo.update": "edited a memo", "set.create": "created a set",
    "media.link": "linked a recording", "media.unlink": "unlinked a recording", "turn.time": "set a turn's time",
    "round.open": "opened a coding round", "round.close": "closed a coding round",
    "round.join": "took part in a coding round as a blind coder",
    "suggest.run": "made code suggestions", "suggest.accept": "accepted a suggestion",
    "suggest.reject": "rejected a suggestion",
    "undo": "undid a change", "redo": "redid a change", "project.encrypt": "encrypted the project",
    "project.decrypt": "decrypted the project", "project.rename": "renamed the project",
    "cases.import": "imported cases", "codebook.import": "imported a codebook", "memo.delete": "deleted a memo",
    "set.delete": "deleted a set", "source.language": "set a source's language",
    "code.autocode_search": "auto-coded search hits", "agreement.resolve": "recorded agreed codings",
    "search.index": "indexed the sources for search", "exchange.import_qdc": "imported a REFI-QDA codebook",
    "exchange.import_qdpx": "imported a REFI-QDA project", "deid.scan": "scanned for identifiers",
    "deid.add": "marked an identifier", "deid.edit": "reviewed an identifier", "deid.names": "listed names to hide",
    "deid.accepted": "accepted identifiers", "deid.rejected": "rejected detections",
    "deid.accepted_all": "accepted every pending identifier", "deid.rejected_all": "rejected every pending detection",
    "deid.key": "saved the de-identification key", "deid.apply": "de-identified the sources",
    "deid.apply_fields": "de-identified memos and names", "deid.events": "de-identified the activity log",
    "deid.reveal": "looked up an original identifier", "quickcodes.set": "chose quick codes",
    "segment.update": "changed a coding",
    "sync.pull": "took a copy to code offline", "sync.push": "pushed offline work",
    "deid.region": "set a source's surrogate region or naming tradition",
    "project.export": "exported a backup of the project",
    "deid.seal": "made the seal key for exported de-identification claims",
    "deid.trust": "accepted a source's unverified de-identification claim",
    "deid.revoke": "withdrew or gave back a member's right to seal de-identification claims",
    "participant.withdraw": "removed a withdrawn participant's turns for good",
}
OTHER_EVENT = "made a change"


def describe_event(action: str) -> str:
    """An English phrase for an event-log action (translated in the template); never the raw name."""
    return EVENT_NAMES.get(action, OTHER_EVENT)
