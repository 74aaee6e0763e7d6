"""What de-identification did, for an ethics board or a methods chapter, without a single original.

:func:`deid_audit` reads the project's own records (the reviews' statuses and types, the public replacement
records, the free-text fields' review state, the ``meta`` settings and the event log) and returns a
:class:`DeidAudit`: per source and in total, how many identifiers of each type were found, accepted, rejected,
added by hand, left pending and replaced; which free-text fields were covered; which sources were never scanned;
the de-identification events with their actors and times; the key's id (never the key) and the surrogate policy
(regions, traditions, coarse places). Nothing here reads the key file, a passphrase, an identifier string or a
surrogate: the reviews hold spans and types only, and an event's payload is cut to :data:`EVENT_DETAIL` (counts,
codes and types; never a span's text nor a field's row).

:mod:`makna.privacy.audit_render` writes it as Markdown or text, in English or Indonesian.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Final

from sqlalchemy import Connection, select

from ..project import Project
from ..store import as_utc, tables

__all__ = [
    "AUDIT_EVENTS",
    "EVENT_DETAIL",
    "AuditEvent",
    "DeidAudit",
    "FieldAudit",
    "SourceAudit",
    "SurrogatePolicy",
    "TypeCounts",
    "deid_audit",
]

AUDIT_EVENTS: Final = (
    "deid.scan",
    "deid.accepted",
    "deid.rejected",
    "deid.accepted_all",
    "deid.rejected_all",
    "deid.edit",
    "deid.add",
    "deid.names",
    "deid.key",
    "deid.apply",
    "deid.apply_fields",
    "deid.events",
    "deid.reveal",
    "deid.region",
    "deid.seal",
    "deid.trust",
    "deid.revoke",
    "participant.withdraw",
    "source.delete",
    "source.hold",
    "source.release",
)
"""The event kinds an audit lists (``source.delete`` only when purged: an informant's transcript deleted for good;
``participant.withdraw``: one participant's turns; both with counts, never her label or text; ``source.hold`` and
``source.release``: a source held for de-identification, or released without it, by a manager, naming the source,
never the reason, which is free text)."""

EVENT_DETAIL: Final = frozenset(
    {
        "status",
        "count",
        "sources",
        "fields",
        "new",
        "propagated",
        "type",
        "types",
        "marked",
        "mode",
        "replaced",
        "by_type",
        "added",
        "rewritten",
        "dropped_detections",
        "recorded",
        "restore",
        "member",
        "key_id",
        "region",
        "tradition",
        "coarse",
        "field_name",
        "min_confidence",
        "suggestions_dropped",
        "case_links_followed",
        "from",
        "surrogates",
        "purged",
        "turns",
        "codings_deleted",
        "codings_cut",
        "codings_moved",
        "cases",
        "key_originals",
        "quotes",
        "recordings",
        "sealed_by",
    }
)
"""The payload keys an audit keeps of an event: counts, statuses, types, codes, a member's name (an actor)."""

_STAGES: Final = ("found", "accepted", "rejected", "added", "pending", "replaced")


@dataclass(frozen=True, slots=True)
class TypeCounts:
    """For one identifier type: detections found by makna, accepted (as found or edited), rejected, added by
    hand, still pending, and replaced in the text."""

    type: str
    found: int = 0
    accepted: int = 0
    rejected: int = 0
    added: int = 0
    pending: int = 0
    replaced: int = 0


@dataclass(frozen=True, slots=True)
class SourceAudit:
    """One source: scanned or not, applied or not (mode, when), its counts by type."""

    source: str
    number: int | None
    scanned_at: dt.datetime | None
    applied_at: dt.datetime | None
    mode: str | None
    region: str | None
    types: tuple[TypeCounts, ...]

    @property
    def pending(self) -> int:
        return sum(t.pending for t in self.types)


@dataclass(frozen=True, slots=True)
class FieldAudit:
    """One kind of free-text field (``table.column``): values, scanned, de-identified (``applied``), detections
    pending, and identifiers found by makna, accepted and replaced (teamtrust25: a value's review is emptied when
    it is replaced, so what its apply found and accepted comes from its ``deid.apply_fields`` event; an apply made
    before then counts only in the totals by type)."""

    field: str
    values: int
    scanned: int
    applied: int
    pending: int
    found: int = 0
    accepted: int = 0
    replaced: int = 0


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One de-identification event: when, by whom, what (the source's name where it names one; counts)."""

    id: int
    at: dt.datetime
    actor: str
    action: str
    source: str | None
    detail: dict[str, Any]


@dataclass(frozen=True, slots=True)
class SurrogatePolicy:
    """How replacements were made: the modes used, the last apply's region, tradition and coarse places (as
    recorded in its ``deid.key`` event), the regions sources got and the traditions set for sources or cases."""

    modes: tuple[str, ...] = ()
    region: str | None = None
    tradition: str | None = None
    coarse: str | None = None
    source_regions: dict[str, int] = field(default_factory=dict)
    traditions: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DeidAudit:
    """The whole audit (:func:`deid_audit`)."""

    project: str
    made_at: dt.datetime
    key_id: str | None
    sources: tuple[SourceAudit, ...]
    fields: tuple[FieldAudit, ...]
    field_types: tuple[TypeCounts, ...]
    events: tuple[AuditEvent, ...]
    policy: SurrogatePolicy

    @property
    def totals(self) -> tuple[TypeCounts, ...]:
        """Counts by type over every source and field."""
        return _sum([t for s in self.sources for t in s.types] + list(self.field_types))

    @property
    def unscanned(self) -> list[str]:
        return [s.source for s in self.sources if s.scanned_at is None]

    @property
    def pending(self) -> int:
        return sum(t.pending for t in self.totals)

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (times as ISO 8601 UTC)."""

        def fix(value: Any) -> Any:
            if isinstance(value, dt.datetime):
                return value.isoformat()
            if isinstance(value, dict):
                return {k: fix(v) for k, v in value.items()}
            if isinstance(value, list | tuple):
                return [fix(v) for v in value]
            return value

        out: dict[str, Any] = fix(asdict(self))
        out["totals"] = [asdict(t) for t in self.totals]
        out["unscanned"] = self.unscanned
        out["pending"] = self.pending
        return out


def _sum(counts: Iterable[TypeCounts]) -> tuple[TypeCounts, ...]:
    acc: dict[str, Counter[str]] = {}
    for t in counts:
        acc.setdefault(t.type, Counter()).update({k: getattr(t, k) for k in _STAGES})
    return tuple(TypeCounts(kind, **{k: c[k] for k in _STAGES}) for kind, c in sorted(acc.items()))


def stage_counts(items: Iterable[Mapping[str, Any]]) -> dict[str, Counter[str]]:
    """Review items (``type``, ``status``) counted by type and stage (:data:`_STAGES` less ``replaced``): found by
    makna (all but those added by hand), accepted (as found or edited), rejected, added, pending."""
    acc: dict[str, Counter[str]] = {}
    for item in items:
        status = str(item.get("status", "pending"))
        stage = {"edited": "accepted", "added": "added"}.get(status, status)
        c = acc.setdefault(str(item.get("type", "")), Counter())
        c[stage] += 1
        if status != "added":
            c["found"] += 1
    return acc


def _type_counts(items: Iterable[Mapping[str, Any]], replaced: Mapping[str, int]) -> tuple[TypeCounts, ...]:
    acc = stage_counts(items)
    for kind, n in replaced.items():
        acc.setdefault(kind, Counter())["replaced"] += n
    return tuple(TypeCounts(kind, **{k: c[k] for k in _STAGES}) for kind, c in sorted(acc.items()))


def _detail(payload: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in payload.items():
        if k not in EVENT_DETAIL or v is None:
            continue
        if isinstance(v, bool | int | float) or (isinstance(v, str) and len(v) <= 80):
            out[k] = v
        elif isinstance(v, dict) and all(isinstance(n, int) for n in v.values()):
            out[k] = {str(a): n for a, n in v.items()}
        elif isinstance(v, list) and v and all(isinstance(n, str) and n.isupper() for n in v):
            out[k] = list(v)
    if isinstance(payload.get("ids"), list):
        out["detections"] = len(payload["ids"])
    return out


def _events(conn: Connection, names: Mapping[str, str]) -> list[AuditEvent]:
    e = tables.events.c
    rows = conn.execute(
        select(e.id, e.at, e.actor, e.action, e.payload).where(e.action.in_(AUDIT_EVENTS)).order_by(e.id)
    ).all()
    out = []
    for r in rows:
        payload = r.payload if isinstance(r.payload, dict) else {}
        if r.action == "source.delete" and not payload.get("purged"):
            continue  # a plain delete can be undone: the text is still in the project
        sid = payload.get("source_id", payload.get("source"))  # ``source``: a trusted claim's (deid.trust)
        if r.action in ("source.hold", "source.release"):
            sid = payload.get("id")
        out.append(
            AuditEvent(
                int(r.id),
                as_utc(r.at),
                str(r.actor),
                str(r.action),
                names.get(str(sid)) if sid is not None else None,
                _detail(payload),
            )
        )
    return out


def _replaced(
    events: Iterable[AuditEvent], records: Mapping[str, list[Any]], names: Mapping[str, str]
) -> dict[str, dict[str, int]]:
    """Per source name, replacements by type: the last ``deid.apply`` event's (a coarse place kept as written
    is not counted), else the public replacement records."""
    out = {names[sid]: dict(Counter(str(r.get("type")) for r in recs)) for sid, recs in records.items()}
    for ev in events:
        if ev.action == "deid.apply" and ev.source is not None and isinstance(ev.detail.get("by_type"), dict):
            out[ev.source] = dict(ev.detail["by_type"])
    return out


def _fields_reviewed(payloads: Iterable[Any]) -> dict[str, dict[str, Counter[str]]]:
    """Per field kind and type, the stages of the identifiers the ``deid.apply_fields`` events' ``reviewed`` say
    their applies found, accepted and replaced (teamtrust25; an earlier apply's event has none)."""
    out: dict[str, dict[str, Counter[str]]] = {}
    for payload in payloads:
        got = payload.get("reviewed") if isinstance(payload, dict) else None
        for name, by_type in (got or {}).items() if isinstance(got, dict) else ():
            for kind, stages in by_type.items() if isinstance(by_type, dict) else ():
                if isinstance(stages, dict):
                    c = out.setdefault(str(name), {}).setdefault(str(kind), Counter())
                    c.update({k: int(n) for k, n in stages.items() if k in _STAGES and isinstance(n, int)})
    return out


def _policy(meta: Mapping[str, str], events: list[AuditEvent], modes: Iterable[str]) -> SurrogatePolicy:
    regions = Counter(v.partition("\t")[0] or "-" for k, v in meta.items() if k.startswith("deid_region:applied:"))
    traditions = Counter(v for k, v in meta.items() if k.startswith("deid_tradition:"))
    last = next((ev.detail for ev in reversed(events) if ev.action == "deid.key" and "mode" not in ev.detail), {})
    return SurrogatePolicy(
        tuple(sorted(set(modes))),
        last.get("region"),
        last.get("tradition"),
        last.get("coarse"),
        dict(sorted(regions.items())),
        dict(sorted(traditions.items())),
    )


def deid_audit(project: Project) -> DeidAudit:
    """The audit of ``project``'s de-identification (read only; no key, no passphrase, no original)."""
    from .project import _fields

    s, d = tables.sources.c, tables.deid_sources.c
    with project.store.read() as conn:
        rows = conn.execute(
            select(s.id, s.name, d.number, d.review, d.scanned_at, d.applied_at, d.mode, d.replacements)
            .select_from(tables.sources.outerjoin(tables.deid_sources, d.source_id == s.id))
            .order_by(s.name)
        ).all()
        names = {str(r.id): str(r.name) for r in rows}
        events = _events(conn, names)
        e = tables.events.c
        applied_fields = [p for p in conn.execute(select(e.payload).where(e.action == "deid.apply_fields")).scalars()]
        states = _fields(conn, stored=False, applied=None)
        m = tables.meta.c
        meta = {  # the settings the audit reports, read once
            str(k): str(v)
            for k, v in conn.execute(
                select(m.key, m.value).where(
                    m.key.like("deid_region:applied:%") | m.key.like("deid_tradition:%") | (m.key == "deid_key_id")
                )
            )
        }
        policy = _policy(meta, events, [str(r.mode) for r in rows if r.mode])
    replaced = _replaced(events, {str(r.id): list(r.replacements or []) for r in rows}, names)
    sources = tuple(
        SourceAudit(
            str(r.name),
            r.number,
            as_utc(r.scanned_at) if r.scanned_at is not None else None,
            as_utc(r.applied_at) if r.applied_at is not None else None,
            r.mode,
            meta.get(f"deid_region:applied:{r.id}", "").partition("\t")[0] or None,
            _type_counts((r.review or {}).get("items", []), replaced.get(str(r.name), {})),
        )
        for r in rows
    )
    kinds: dict[str, list[Any]] = {}
    for st in states:
        kinds.setdefault(st.field, []).append(st)
    reviewed = _fields_reviewed(applied_fields)
    now_items: dict[str, dict[str, Counter[str]]] = {
        name: stage_counts(
            {"type": i.detection.type, "status": i.status}
            for st in group
            if st.number and st.digest and not st.applied
            for i in st.review.items
        )
        for name, group in kinds.items()
    }

    def _stage(name: str, stage: str) -> int:
        return sum(c[stage] for part in (now_items.get(name, {}), reviewed.get(name, {})) for c in part.values())

    fields = tuple(
        FieldAudit(
            name,
            len(group),
            sum(1 for st in group if st.number and st.digest),
            sum(1 for st in group if st.applied),
            _stage(name, "pending"),
            _stage(name, "found"),
            _stage(name, "accepted"),
            _stage(name, "replaced"),
        )
        for name, group in sorted(kinds.items())
    )
    field_items = [
        {"type": i.detection.type, "status": i.status}
        for st in states
        if st.number and st.digest and not st.applied
        for i in st.review.items
    ]
    field_replaced: Counter[str] = Counter()
    for ev in events:
        if ev.action == "deid.apply_fields" and isinstance(ev.detail.get("by_type"), dict):
            field_replaced.update(ev.detail["by_type"])
    before = [  # what the applies found and accepted in the values they replaced (their review is emptied)
        TypeCounts(kind, **{k: c[k] for k in _STAGES if k != "replaced"})
        for part in reviewed.values()
        for kind, c in part.items()
    ]
    key_id = meta.get("deid_key_id")
    return DeidAudit(
        project.info().name,
        dt.datetime.now(dt.UTC),
        key_id,
        sources,
        fields,
        _sum([*_type_counts(field_items, field_replaced), *before]),
        tuple(events),
        policy,
    )
