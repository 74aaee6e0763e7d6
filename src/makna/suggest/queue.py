"""Suggestions in a project: make them (stored under the machine coder ``makna-suggest``), list the
pending ones, accept (the suggestion becomes the accepting person's own coding, its provenance kept in
``suggestions.accepted_segment_id``) or reject (remembered, and a negative example for the next model).

Every change is one transaction with one event: ``suggest.run``, ``suggest.accept``, ``suggest.reject``.
The ``suggest.run`` event records the per-code reliability the run was made under, so that an interface
can say why a code was not suggested (:func:`last_run`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import desc, select, update

from ..errors import InputError, NotFoundError
from ..event_kinds import EventKind
from ..model import new_id, new_ids, utcnow
from ..project import Project
from ..rounds import sees_everything
from ..store import as_utc, tables
from . import cache
from .classifier import in_context, train, train_with_held_out
from .reliability import DEFAULT_CONFIDENCE, DEFAULT_KAPPA, Reliability, assess, measure
from .training import MACHINE_CODER, load

__all__ = ["Suggestion", "RunResult", "run", "pending", "accept", "reject", "decide", "provenance", "last_run",
           "Decision"]

Decision = Literal["accept", "reject"]
#: ``run`` cross-validates in at most this many groups of sources (``makna suggest reliability``: one per source).
RUN_FOLDS = 5


@dataclass(frozen=True)
class Suggestion:
    id: str
    source: str
    source_id: str
    start: int
    end: int
    code: str
    code_name: str
    confidence: float
    model: str
    state: str
    text: str
    decided_by: str | None = None
    decided_at: dt.datetime | None = None
    accepted_segment_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: (v.isoformat() if isinstance(v, dt.datetime) else v) for k, v in self.__dict__.items()}


@dataclass
class RunResult:
    model: str
    created: int = 0
    candidates: int = 0
    trained_on: int = 0
    reliability: Reliability | None = None
    withheld: dict[str, str] = field(default_factory=dict)  # code -> reason
    retrained: bool = True  # False: the model stored in the project was still valid (:mod:`.cache`)


def run(project: Project, *, unit: str = "turn", sources: list[str] | None = None, codes: list[str] | None = None,
        min_confidence: float = DEFAULT_CONFIDENCE, kappa: float = DEFAULT_KAPPA, allow_unmeasured: bool = False,
        llm: Any = None) -> RunResult:
    """Train on the project, measure each code, and store suggestions for uncoded units: codes at or above
    ``min_confidence`` whose reliability passes ``kappa`` (or, with ``allow_unmeasured``, that could not be
    measured yet). ``llm`` (a :class:`makna.suggest.llm.LLMClient`) keeps only the suggestions it agrees with."""
    if not 0.0 <= min_confidence <= 1.0:
        raise InputError(f"--min-confidence {min_confidence}: use a number from 0 to 1")
    with project.store.read() as conn:
        mark = cache.training_key(conn)
        # a blind round that hides other coders' codings: train on what this coder may see, and neither
        # reuse nor keep a model that is shared by every coder
        shared = sees_everything(project, conn)
        stored = cache.get(conn, unit, mark) if shared else None
    data = load(project, unit, sources=sources)
    wanted = set(codes or [])
    unknown = wanted - set(data.code_ids)
    if unknown:
        raise InputError(f"unknown code {sorted(unknown)[0]!r} (see 'makna codebook')")
    fresh = stored is None
    if stored is None and len({e.group for e in data.examples}) >= 2:
        model, held = train_with_held_out(data.examples, data.codebook, folds=RUN_FOLDS)
        stored = cache.Trained(model, *held)
    model = stored.model if stored is not None else train(data.examples, data.codebook)
    if stored is not None:
        rel = assess(stored.raw, stored.truth, stored.known, model.codes, sources=len({e.group for e in data.examples}),
                     threshold=kappa, min_confidence=min_confidence)
    else:
        rel = measure(data.examples, data.codebook, model.codes, threshold=kappa, min_confidence=min_confidence)
    model.calibrator = rel.calibrator
    result = RunResult(model.id, candidates=len(data.candidates), trained_on=len(data.examples), reliability=rel,
                       retrained=fresh)
    by_code = rel.by_code()
    allowed = []
    for j, code in enumerate(model.codes):
        r = by_code[code]
        if wanted and code not in wanted:
            continue
        if r.suggested or (allow_unmeasured and r.kappa is None):
            allowed.append(j)
        else:
            result.withheld[code] = r.reason
    conf = model.confidence([in_context(u.text, u.context) for u in data.candidates],
                            [u.language for u in data.candidates])
    picks: list[tuple[int, int, float]] = []
    for i, u in enumerate(data.candidates):
        for j in allowed:
            c = float(conf[i, j])
            if c >= min_confidence and (u.source_id, u.start, u.end, model.codes[j]) not in data.suggested:
                picks.append((i, j, c))
    if llm is not None and picks:
        picks = llm.agree(picks, data.candidates, model.codes, data.codebook)
    payload: dict[str, Any] = {"model": model.id, "unit": unit, "min_confidence": min_confidence, "kappa": kappa,
                               "reliability": rel.as_dict(), "withheld": result.withheld, "retrained": fresh}
    with project.store.write(project.actor, "suggest.run", payload) as conn:
        if fresh and shared and stored is not None:
            cache.put(conn, unit, mark, stored)
        coder_id = project.coder_id(conn, MACHINE_CODER, kind="suggester")
        now = utcnow()
        seg_ids, sug_ids = new_ids(len(picks)), new_ids(len(picks))
        seg_rows, sug_rows = [], []
        for (i, j, c), seg_id, sug_id in zip(picks, seg_ids, sug_ids, strict=True):
            u = data.candidates[i]
            code_id = data.code_ids[model.codes[j]]
            seg_rows.append({"id": seg_id, "source_id": u.source_id, "start": u.start, "end": u.end,
                             "code_id": code_id, "coder_id": coder_id, "memo": "", "created_at": now})
            sug_rows.append({"id": sug_id, "source_id": u.source_id, "start": u.start, "end": u.end,
                             "code_id": code_id, "segment_id": seg_id, "confidence": round(c, 4), "model": model.id,
                             "state": "pending", "created_at": now})
        if seg_rows:
            project.store.bulk_insert(conn, tables.segments, seg_rows)
            project.store.bulk_insert(conn, tables.suggestions, sug_rows)
        payload["created"] = result.created = len(sug_rows)
    return result


def _query() -> Any:
    sg, s, c = tables.suggestions.c, tables.sources.c, tables.codes.c
    return (select(sg.id, s.name.label("source"), sg.source_id, sg.start, sg.end, c.key.label("code"),
                   c.name.label("code_name"), sg.confidence, sg.model, sg.state, s.text, sg.decided_by,
                   sg.decided_at, sg.accepted_segment_id)
            .join_from(tables.suggestions, tables.sources, sg.source_id == s.id)
            .join(tables.codes, sg.code_id == c.id))


def _row(r: Any) -> Suggestion:
    return Suggestion(r.id, r.source, r.source_id, r.start, r.end, r.code, r.code_name, float(r.confidence), r.model,
                      r.state, r.text[r.start:r.end], r.decided_by,
                      as_utc(r.decided_at) if r.decided_at is not None else None, r.accepted_segment_id)


def pending(project: Project, *, source: str | None = None, code: str | None = None, state: str = "pending",
            limit: int | None = None) -> list[Suggestion]:
    """Suggestions in ``state`` (default pending), most confident first."""
    sg = tables.suggestions.c
    with project.store.read() as conn:
        q = _query().where(sg.state == state)
        if source:
            q = q.where(sg.source_id == project.source_row(conn, source).id)
        if code:
            q = q.where(sg.code_id == project.code_id(conn, code))
        q = q.order_by(desc(sg.confidence), tables.sources.c.name, sg.start)
        if limit:
            q = q.limit(limit)
        return [_row(r) for r in conn.execute(q)]


def decide(project: Project, suggestion_id: str, decision: Decision) -> Suggestion:
    """Accept or reject one pending suggestion as the acting person (``project.actor``)."""
    if decision not in ("accept", "reject"):
        raise InputError(f"decision {decision!r}: use accept or reject")
    sg, g = tables.suggestions.c, tables.segments.c
    payload: dict[str, Any] = {"id": suggestion_id}
    kind: EventKind = "suggest.accept" if decision == "accept" else "suggest.reject"
    with project.store.write(project.actor, kind, payload) as conn:
        row = conn.execute(select(sg.id, sg.source_id, sg.start, sg.end, sg.code_id, sg.state, sg.model,
                                  sg.confidence).where(sg.id == suggestion_id)).first()
        if row is None:
            raise NotFoundError(f"unknown suggestion {suggestion_id!r}")
        if row.state != "pending":
            raise InputError(f"suggestion {suggestion_id} was {row.state} already")
        values: dict[str, Any] = {"state": "accepted" if decision == "accept" else "rejected",
                                  "decided_by": project.actor, "decided_at": utcnow()}
        if decision == "accept":
            coder_id = project.coder_id(conn)
            existing = conn.execute(select(g.id).where(g.source_id == row.source_id, g.start == row.start,
                                                       g.end == row.end, g.code_id == row.code_id,
                                                       g.coder_id == coder_id)).scalar()
            if existing is None:
                existing = new_id()
                conn.execute(tables.segments.insert().values(
                    id=existing, source_id=row.source_id, start=row.start, end=row.end, code_id=row.code_id,
                    coder_id=coder_id, memo="", created_at=values["decided_at"]))
            values["accepted_segment_id"] = existing
            payload["segment"] = existing
        conn.execute(update(tables.suggestions).where(sg.id == suggestion_id).values(**values))
        payload.update(model=row.model, confidence=row.confidence)
    return get(project, suggestion_id)


def accept(project: Project, suggestion_id: str) -> Suggestion:
    """Accept a suggestion: it becomes the acting person's coding (provenance: :func:`provenance`)."""
    return decide(project, suggestion_id, "accept")


def reject(project: Project, suggestion_id: str) -> Suggestion:
    """Reject a suggestion: it is remembered, and the next model learns from it as a negative."""
    return decide(project, suggestion_id, "reject")


def get(project: Project, suggestion_id: str) -> Suggestion:
    with project.store.read() as conn:
        r = conn.execute(_query().where(tables.suggestions.c.id == suggestion_id)).first()
    if r is None:
        raise NotFoundError(f"unknown suggestion {suggestion_id!r}")
    return _row(r)


def provenance(project: Project, segment_id: str) -> Suggestion | None:
    """The suggestion a coding came from (model, confidence, who accepted it when), or None."""
    with project.store.read() as conn:
        r = conn.execute(_query().where(tables.suggestions.c.accepted_segment_id == segment_id)).first()
    return _row(r) if r is not None else None


def last_run(project: Project) -> dict[str, Any] | None:
    """The record of the latest ``suggest.run``: model, settings, per-code reliability and withheld codes."""
    e = tables.events.c
    with project.store.read() as conn:
        r = conn.execute(select(e.payload, e.at, e.actor).where(e.action == "suggest.run")
                         .order_by(desc(e.id)).limit(1)).first()
    if r is None:
        return None
    out = dict(r.payload)
    out.update(at=as_utc(r.at).isoformat(), actor=r.actor)
    return out
