"""Withdraw one participant of a group chat or a focus group for good (trial14 problem 2, #11).

:func:`withdraw_participant` removes every turn of one speaker (by speaker label, in the project's sources or
those named) in ONE transaction, a barrier (the undo journal is emptied: nothing before it can be undone), with
one ``participant.withdraw`` event that holds counts and source ids, never a word or the label:

- each source's text loses her turns (from a turn's start to the next turn's start, or to the end of the
  text): the text of every other turn is kept character for character; the original file bytes go;
- the other turns, people's codings, suggestions, linked spans (case links), memos on codings (they follow
  their coding) and the de-identification review move to their new offsets (:class:`Cut`); a coding inside
  her turns is deleted with its memos, a coding across her turn and another's keeps the other's part;
- the case linked to her turns only (her case, if the project has one) goes with its attributes;
- the full-text index is rebuilt for those sources and the suggester's cached models (they hold words) dropped.

The storage is then compacted as ``makna sources delete --purge`` does (:func:`makna.store.maintenance.compact`).
Her words quoted in memos, coding memos or the codebook are listed (:attr:`WithdrawReport.quotes`), never edited;
so are the sources whose linked recording still holds her voice (:attr:`WithdrawReport.recordings`: makna edits
no audio or video).
A de-identified source needs its key: her originals leave it (:mod:`makna.privacy.withdraw_key`), read and
checked first, re-encrypted once the project's transaction has committed.
"""

from __future__ import annotations

import hashlib
import json
import re
import shlex
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, select, update

from .access import PERMISSION, require
from .errors import InputError, PrivacyError
from .memos import forget
from .project import Project
from .store import tables

if TYPE_CHECKING:
    from .privacy.project_apply import ProjectKey

__all__ = [
    "Cut",
    "Quote",
    "WithdrawReport",
    "find_quotes",
    "purge_withdrawn_source",
    "speaker_labels",
    "withdraw_participant",
]


#: What her label and her case's name become in the event log.
WITHDRAWN = "[withdrawn participant]"


class Cut:
    """Spans removed from a text (sorted, disjoint ``[start, end)``), and where any offset goes after."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for start, end in sorted(s for s in spans if s[0] < s[1]):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        self.spans = merged

    def text(self, text: str) -> str:
        """``text`` without the spans."""
        out, pos = [], 0
        for start, end in self.spans:
            out.append(text[pos:start])
            pos = end
        out.append(text[pos:])
        return "".join(out)

    def offset(self, offset: int) -> int:
        """Where ``offset`` goes (inside a removed span: where the span was)."""
        shift = 0
        for start, end in self.spans:
            if offset <= start:
                break
            if offset < end:
                return start - shift
            shift += end - start
        return offset - shift

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """Where ``start``-``end`` goes: the part outside the removed spans; None when nothing is left."""
        new_start, new_end = self.offset(start), self.offset(end)
        return (new_start, new_end) if new_start < new_end else None

    def touches(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.spans)


@dataclass(frozen=True)
class Quote:
    """A free-text value that quotes the withdrawn participant: where it is and the command to review it."""

    where: str
    label: str
    command: str


@dataclass
class WithdrawReport:
    """What :func:`withdraw_participant` did (counts; no words)."""

    sources: list[str]
    turns: int
    codings_deleted: int
    codings_cut: int
    codings_moved: int
    cases: list[str]
    key_originals: int = 0
    compacted: bool = True
    quotes: list[Quote] = field(default_factory=list)
    #: the sources cut whose linked recording (audio or video) still holds her voice: makna edits no recording
    recordings: list[str] = field(default_factory=list)


def _same(label: str, speaker: str) -> bool:
    return label.strip().casefold() == speaker.strip().casefold()


def _removed_spans(turns: Sequence[Any], hers: Any, length: int) -> list[tuple[int, int]]:
    spans = []
    for i, turn in enumerate(turns):
        if hers(turn.speaker):
            spans.append((turn.start, turns[i + 1].start if i + 1 < len(turns) else length))
    return spans


def _plan(
    project: Project, conn: Connection, speaker: str, names: Sequence[str] | None, surrogates: Mapping[str, str]
) -> dict[str, Cut]:
    """Per source with a turn of hers: the spans to cut. ``surrogates``: her label in a de-identified source (the
    surrogate that replaced ``speaker`` there), by source id."""
    s, t = tables.sources.c, tables.turns.c
    ids = [str(project.source_row(conn, n).id) for n in names] if names else None
    q = select(t.source_id, t.speaker).distinct()
    if ids is not None:
        q = q.where(t.source_id.in_(ids))
    plans: dict[str, Cut] = {}
    for sid in sorted(
        {str(r.source_id) for r in conn.execute(q) if _hers(str(r.source_id), surrogates, speaker)(r.speaker)}
    ):
        length = conn.execute(select(s.length).where(s.id == sid)).scalar_one()
        turns = conn.execute(select(tables.turns).where(t.source_id == sid).order_by(t.start, t.number)).all()
        plans[sid] = Cut(_removed_spans(turns, _hers(sid, surrogates, speaker), int(length)))
    return plans


def _hers(sid: str, surrogates: Mapping[str, str], speaker: str) -> Any:
    """Whether a label of source ``sid`` is hers: her label as given, or her surrogate there."""
    other = surrogates.get(sid)
    return lambda label: _same(label, speaker) or (other is not None and _same(label, other))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _shingles(texts: Iterable[str], n: int = 5) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for text in texts:
        words = _words(text)
        if 3 <= len(words) < n:
            out.add(tuple(words))
        out.update(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
    return out


def _quotes_in(value: str, shingles: set[tuple[str, ...]]) -> bool:
    words = _words(value)
    sizes = {len(s) for s in shingles}
    return any(tuple(words[i : i + k]) in shingles for k in sizes for i in range(len(words) - k + 1))


def find_quotes(conn: Connection, her_texts: Sequence[str]) -> list[Quote]:
    """The memos, coding memos and codebook texts that hold five words of ``her_texts`` in a row (or the
    whole of a shorter turn of three words or more)."""
    shingles = _shingles(her_texts)
    if not shingles:
        return []
    m, g, c = tables.memos.c, tables.segments.c, tables.codes.c
    found: list[Quote] = []
    for r in conn.execute(select(m.id, m.title, m.text, m.target_kind, m.target_id).order_by(m.created_at, m.id)):
        if _quotes_in(f"{r.title}\n{r.text}", shingles):
            target = f" -t {r.target_id}" if r.target_id else ""
            found.append(Quote("memo", r.title or r.id[:8], f"makna memo list --on {r.target_kind}{target}"))
    for seg in conn.execute(
        select(g.id, g.memo, s_name := tables.sources.c.name)
        .join(tables.sources, tables.sources.c.id == g.source_id)
        .where(g.memo != "")
        .order_by(s_name, g.start)
    ):
        if _quotes_in(seg.memo, shingles):
            found.append(
                Quote(
                    "coding memo",
                    f"{seg.name} {seg.id[:8]}",
                    f"makna segments -s {shlex.quote(seg.name)} --format json",
                )
            )
    for code in conn.execute(select(c.key, c.definition, c.inclusion, c.exclusion, c.example).order_by(c.key)):
        if _quotes_in("\n".join((code.definition, code.inclusion, code.exclusion, code.example)), shingles):
            found.append(Quote("code", code.key, "makna codebook export"))
    return found


def _move_rows(conn: Connection, table: Any, sid: str, cut: Cut, unique: Sequence[str]) -> tuple[list[str], int, int]:
    """Move the rows of ``table`` on ``sid`` through ``cut``: returns the ids deleted (inside the removed
    spans, or landing on a row kept already), how many were cut and how many moved."""
    c = table.c
    rows = (
        conn.execute(select(table).where(c.source_id == sid, c.start.is_not(None)).order_by(c.start, c.end, c.id))
        .mappings()
        .all()
    )
    gone, cut_n, moved_n, seen = [], 0, 0, set()
    for row in rows:
        span = cut.span(row["start"], row["end"])
        key = (span, *(row[k] for k in unique))
        if span is None or key in seen:
            gone.append(str(row["id"]))
            continue
        seen.add(key)
        if span != (row["start"], row["end"]):
            cut_n += cut.touches(row["start"], row["end"])
            moved_n += 1
    if gone:
        conn.execute(delete(table).where(c.id.in_(gone)))
    # from the first: offsets only fall, so a row never lands on the old span of one not moved yet
    for row in rows:
        span = cut.span(row["start"], row["end"])
        if str(row["id"]) not in gone and span is not None and span != (row["start"], row["end"]):
            conn.execute(update(table).where(c.id == row["id"]).values(start=span[0], end=span[1]))
    return gone, cut_n, moved_n


def _review(value: Any, cut: Cut) -> Any:
    if not isinstance(value, dict):
        return value
    items = []
    for item in value.get("items", []):
        if not cut.touches(int(item["start"]), int(item["end"])):
            items.append({**item, "start": cut.offset(int(item["start"])), "end": cut.offset(int(item["end"]))})
    return {**value, "items": items}


def _records(value: Any, cut: Cut) -> Any:
    if not isinstance(value, list):
        return value
    return [
        {**r, "new_start": cut.offset(int(r["new_start"])), "new_end": cut.offset(int(r["new_end"]))}
        for r in value
        if not cut.touches(int(r["new_start"]), int(r["new_end"]))
    ]


def _move_claim(conn: Connection, sid: str, cut: Cut) -> None:
    """An unverified de-identification claim the source came with (trust22): its surrogate spans move too."""
    from .privacy.claims import CLAIM_PREFIX

    m = tables.meta.c
    raw = conn.execute(select(m.value).where(m.key == CLAIM_PREFIX + sid)).scalar()
    claim = json.loads(raw) if raw else None
    if isinstance(claim, dict) and isinstance(claim.get("replacements"), list):
        claim["replacements"] = _records(claim["replacements"], cut)
        conn.execute(update(tables.meta).where(m.key == CLAIM_PREFIX + sid).values(value=json.dumps(claim)))


def _cut_source(project: Project, conn: Connection, sid: str, cut: Cut, report: WithdrawReport) -> list[str]:
    """Cut one source; returns the cases that had a link inside her turns."""
    s, t, cl, d = tables.sources.c, tables.turns.c, tables.case_links.c, tables.deid_sources.c
    row = conn.execute(select(s.name, s.text, s.language).where(s.id == sid)).one()
    text = cut.text(row.text)
    conn.execute(
        update(tables.sources)
        .where(s.id == sid)
        .values(text=text, length=len(text), sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), original=None)
    )
    turns = conn.execute(select(tables.turns).where(t.source_id == sid).order_by(t.start, t.number)).mappings().all()
    conn.execute(delete(tables.turns).where(t.source_id == sid))
    kept = [
        {**r, "start": cut.offset(r["start"]), "end": cut.offset(r["end"])}
        for r in turns
        if not cut.touches(r["start"], r["end"])
    ]
    report.turns += len(turns) - len(kept)
    project.store.bulk_insert(conn, tables.turns, [{**r, "number": i} for i, r in enumerate(kept, 1)])
    links = conn.execute(
        select(cl.id, cl.case_id, cl.start, cl.end).where(cl.source_id == sid, cl.start.is_not(None))
    ).all()
    touched = [str(r.case_id) for r in links if cut.touches(r.start, r.end)]
    gone, n_cut, n_moved = _move_rows(conn, tables.segments, sid, cut, ("code_id", "coder_id"))
    forget(conn, "segment", gone)
    report.codings_deleted += len(gone)
    report.codings_cut += n_cut
    report.codings_moved += n_moved
    _move_rows(conn, tables.case_links, sid, cut, ("case_id",))
    _move_rows(conn, tables.suggestions, sid, cut, ("code_id",))
    deid = conn.execute(select(d.review, d.replacements).where(d.source_id == sid)).first()
    if deid is not None:
        conn.execute(
            update(tables.deid_sources)
            .where(d.source_id == sid)
            .values(review=_review(deid.review, cut), replacements=_records(deid.replacements, cut))
        )
    _move_claim(conn, sid, cut)
    from .textindex.index import index_source, unindex_source

    unindex_source(conn, sid)
    index_source(conn, sid, text, row.language)
    report.sources.append(str(row.name))
    return touched


def _forget_fields(conn: Connection) -> None:
    """The de-identification reviews of field values whose row went (a coding's memo, her case)."""
    f = tables.deid_fields.c
    for table in (tables.segments, tables.cases, tables.memos, tables.case_values):
        first = table.c.case_id if table is tables.case_values else table.c.id
        rows = conn.execute(select(f.number, f.row_key).where(f.table_name == table.name)).all()
        alive = set(conn.execute(select(first)).scalars())
        gone = [r.number for r in rows if r.row_key.split("/")[0] not in alive]
        if gone:
            conn.execute(delete(tables.deid_fields).where(f.number.in_(gone)))


def _scrub_events(
    conn: Connection, speaker: str, her_labels: set[str], cases: Sequence[str], sources: set[str]
) -> None:
    """Her label and her case's name leave the event log (a link's ``speaker``, a case's ``name``), and so does
    the import checksum of the sources cut (a verifier of the text with her turns)."""
    from .privacy._scrub import rewrite_events

    t = tables.turns.c
    labels = {str(x) for x in conn.execute(select(t.speaker).distinct()).scalars()}  # the turns left
    forms = {speaker.strip(), *her_labels}
    forms |= {f(x) for x in forms for f in (str.casefold, str.upper, str.title)}
    gone = {**dict.fromkeys(forms, WITHDRAWN), **dict.fromkeys(cases, WITHDRAWN)}
    pairs = {k: v for k, v in gone.items() if k and k not in labels}
    rewrite_events(conn, pairs, {}, sources)


def _drop_cases(conn: Connection, touched: Iterable[str]) -> list[str]:
    """The cases linked to her turns and to nothing else: deleted with their attribute values."""
    c, cl = tables.cases.c, tables.case_links.c
    ids = [cid for cid in sorted(set(touched)) if conn.execute(select(cl.id).where(cl.case_id == cid)).first() is None]
    names = [str(n) for n in conn.execute(select(c.name).where(c.id.in_(ids)).order_by(c.name)).scalars()]
    forget(conn, "case", ids)
    conn.execute(delete(tables.case_values).where(tables.case_values.c.case_id.in_(ids)))
    conn.execute(delete(tables.cases).where(c.id.in_(ids)))
    return names


def speaker_labels(project: Project) -> list[str]:
    """The project's speaker labels (one each, case aside), for a page to offer: not those of a source held from the
    acting user (:mod:`makna.holds`), whose labels can be names."""
    from .holds import hidden_from

    t = tables.turns.c
    with project.store.read() as conn:
        labels = conn.execute(select(t.speaker).where(*hidden_from(project, t.source_id)).distinct()).scalars()
        return sorted({str(x).strip().casefold(): str(x).strip() for x in labels}.values(), key=str.casefold)


def withdraw_participant(
    project: Project,
    speaker: str,
    sources: Sequence[str] | None = None,
    *,
    key_path: str | Path | None = None,
    passphrase: str | None = None,
    key_needed: str = "(--key FILE --passphrase-file FILE)",
) -> WithdrawReport:
    """Remove every turn of ``speaker`` (a speaker label, as ``cases link --speaker`` takes it: case and
    spaces around it aside) from the project's sources (or ``sources``),
    for good: see the module documentation. A de-identified source among them needs the project's key
    (``key_path``, ``passphrase``): her originals found nowhere else leave it, re-encrypted once the
    project has changed (a change the project refuses leaves the key file as it was). Refused, with nothing
    changed, when no source has a turn of ``speaker``. ``key_needed``: how the refusal without the key says to give
    it (the command line's options; the team server's form asks for its passphrase)."""
    from .store import journal, maintenance

    require(project, PERMISSION["participant.withdraw"])
    if not speaker.strip():
        raise InputError("give the speaker label of the participant who withdraws")
    surrogates: dict[str, str] = {}
    if key_path is not None and passphrase is not None:
        from .privacy.withdraw_key import surrogate_labels

        surrogates = surrogate_labels(project, key_path, passphrase, speaker)
    with project.store.read() as conn:
        plans = _plan(project, conn, speaker, sources, surrogates)
        if not plans:
            where = f"in {', '.join(sources)}" if sources else "in this project"
            raise InputError(f"no turn of speaker {speaker!r} {where} ('makna sources show NAME --turns' lists them)")
        her = [
            row.text[a:b]
            for sid, cut in plans.items()
            for row in conn.execute(select(tables.sources.c.text).where(tables.sources.c.id == sid))
            for a, b in cut.spans
        ]
        her_labels = {
            str(x)
            for x in conn.execute(
                select(tables.turns.c.speaker).where(tables.turns.c.source_id.in_(list(plans))).distinct()
            ).scalars()
            if any(_hers(sid, surrogates, speaker)(str(x)) for sid in plans)
        }
        recorded = {
            str(sid)
            for sid in conn.execute(
                select(tables.source_media.c.source_id).where(tables.source_media.c.source_id.in_(list(plans)))
            ).scalars()
        }
        applied = [
            str(sid)
            for sid in conn.execute(
                select(tables.deid_sources.c.source_id).where(
                    tables.deid_sources.c.source_id.in_(list(plans)), tables.deid_sources.c.applied_at.is_not(None)
                )
            ).scalars()
        ]
    originals, key = 0, None
    if applied:
        if key_path is None or passphrase is None:
            raise PrivacyError(
                "her turns are de-identified: give the project's key file and its passphrase, so that "
                f"her originals leave it too {key_needed}"
            )
        from .privacy.withdraw_key import key_without_turns

        key, originals = key_without_turns(project, key_path, passphrase, {sid: plans[sid] for sid in applied})
    report = WithdrawReport([], 0, 0, 0, 0, [], key_originals=originals)
    payload: dict[str, Any] = {}
    with project.store.write(project.actor, "participant.withdraw", payload) as conn:
        journal_rec = journal.current(conn)
        if journal_rec is not None:
            journal_rec.barrier = "a participant withdrew (her turns deleted for good)"
        maintenance.secure_delete(conn)
        touched: list[str] = []
        for sid, cut in plans.items():
            touched += _cut_source(project, conn, sid, cut, report)
        report.cases = _drop_cases(conn, touched)
        _scrub_events(conn, speaker, her_labels, report.cases, set(plans))
        conn.execute(delete(tables.suggest_models))
        _forget_fields(conn)
        report.quotes = find_quotes(conn, her)
        report.recordings = [name for sid, name in zip(plans, report.sources, strict=True) if sid in recorded]
        payload.update(
            sources=list(plans),
            turns=report.turns,
            codings_deleted=report.codings_deleted,
            codings_cut=report.codings_cut,
            codings_moved=report.codings_moved,
            cases=len(report.cases),
            key_originals=originals,
            quotes=len(report.quotes),
            recordings=len(report.recordings),
        )
    if key is not None and passphrase is not None:  # once the project has changed: a refused change leaves it be
        report.key_originals += _save_without_stale(project, key, passphrase)
    report.compacted = maintenance.compact(project.store.engine, tables.metadata.tables)
    return report


def purge_withdrawn_source(
    project: Project,
    name_or_id: str,
    *,
    key_path: str | Path | None = None,
    passphrase: str | None = None,
    keep_key: bool = False,
    key_needed: str = "(--key FILE)",
    confirm: Callable[[], None] | None = None,
) -> tuple[int, bool, int]:
    """:func:`makna.sources.purge_source` for an informant who withdraws, and for a de-identified transcript her
    originals leave the project's key as a withdrawal's do (:mod:`makna.privacy.withdraw_key`: what another source
    or a field value still holds stays), re-encrypted once the source is gone. Without the key, a de-identified
    source is refused with nothing changed, unless ``keep_key`` (the key then still holds her originals). Returns
    the codings removed, whether the storage was compacted and how many originals left the key (trial18).
    ``confirm`` (the command line's question) is called once the key is read (or not needed), before anything
    changes; it raises to stop."""
    from .sources import purge_source

    with project.store.read() as conn:
        row = project.source_row(conn, name_or_id)
        sid, length = str(row.id), int(row.length)
        applied = conn.execute(
            select(tables.deid_sources.c.applied_at).where(tables.deid_sources.c.source_id == sid)
        ).scalar()
    key, originals = None, 0
    if applied is not None and not keep_key:
        if key_path is None or passphrase is None:
            raise PrivacyError(
                f"{row.name} is de-identified: give the project's key file, so that her originals leave it too "
                f"{key_needed}, or --keep-key to leave them in the key"
            )
        from .privacy.withdraw_key import key_without_turns

        key, originals = key_without_turns(project, key_path, passphrase, {sid: Cut([(0, length)])})
        key.records.pop(sid, None)
    if confirm is not None:
        confirm()
    n, compacted = purge_source(project, sid)
    if key is not None and passphrase is not None:  # once the source is gone: a refused delete leaves the key be
        originals += _save_without_stale(project, key, passphrase)
    return n, compacted, originals


def _save_without_stale(project: Project, key: ProjectKey, passphrase: str) -> int:
    """Forget the field records of rows gone with her source or turns, or before them (her case deleted first), and
    what only they held; save the key. Returns how many originals left it."""
    from .privacy.withdraw_key import forget_originals

    forgotten = forget_originals(key, _drop_stale_fields(project, key.records))
    key.save(passphrase)
    return forgotten


def _drop_stale_fields(project: Project, records: dict[str, Any]) -> set[str]:
    """Drop from the key's field records those whose row went with the source (its memos, its codings' memos, its
    file name) or before it (her case, deleted first); returns the originals they held."""
    from .privacy.project_apply import FIELDS

    fields = records.get(FIELDS)
    if not isinstance(fields, dict):
        return set()
    alive: dict[str, set[str]] = {}
    with project.store.read() as conn:
        for table in (tables.sources, tables.segments, tables.cases, tables.memos, tables.case_values):
            first = table.c.case_id if table is tables.case_values else table.c.id
            alive[table.name] = {str(x) for x in conn.execute(select(first)).scalars()}
    gone: set[str] = set()
    for name in list(fields):
        table, _, rest = name.partition("|")
        if table in alive and rest.split("|")[0].split("/")[0] not in alive[table]:
            entry = fields.pop(name)
            if isinstance(entry, dict):
                gone.update(str(r["original"]) for r in entry.get("replacements", []))
    return gone
