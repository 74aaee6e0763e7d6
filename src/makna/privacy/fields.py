"""Every free-text field of a project, declared in one place, and its review state.

A transcript is not the only place an identifier can hide: memos, case names and descriptions,
attribute values, codebook definitions and examples, segment memos, source names and original file
names, set names and the project's name are written by people too. :data:`SCANNED` lists each such
(table, column) with its kind; :data:`ELSEWHERE` the text columns de-identified another way (the
transcript by its own review, turn speakers and the event log rewritten by ``apply``); and
:data:`STRUCTURAL` every other text column with the reason it holds no free text (ids, keys,
colours, hashes, types, times). A test checks that every text column of the schema is in exactly one
of the three, so that a new column cannot be forgotten.

The review of a field value lives in ``deid_fields`` (migration 0005) like a transcript's in
``deid_sources``: spans and types, never the strings; the value supplies them on load, and the stored
digest of the reviewed value tells whether it was edited since (then its review starts afresh). A
label (``kind="label"``) is read with ``_`` as a space, so that ``wawancara_Siti.docx`` shows
``Siti`` to the detectors; the replacement is written into the raw value at the same offsets.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Connection, Table, func, insert, select, update

from ..store import tables
from ..textindex.stemming import known_id_word, stem
from ._state import State
from .gazetteers import ordinary_words
from .review import Review
from .types import Detection

__all__ = ["ELSEWHERE", "SCANNED", "STRUCTURAL", "FieldSpec", "field_spec", "field_states",
           "ordinary_guess", "ordinary_word", "rebuild_value", "save_field", "unique_value", "value_digest",
           "write_field"]

FieldKind = Literal["text", "label", "list"]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One scanned column: ``text`` (prose), ``label`` (a name; ``_`` read as a space) or ``list`` (a JSON
    list of strings, reviewed one per line). ``unique``: the column is unique, so a replaced value that
    meets another gets a `` (2)`` suffix. ``keys``: only the rows whose primary key is one of these.
    ``vocabulary``: the column holds the researcher's analytic vocabulary (a code "Ditipu", a theme "Pengalaman
    komunikasi"): there a name, place or firm guessed only from capital letters, made of ordinary words, is no
    identifier (:func:`ordinary_guess`). ``file_name``: the column holds a file's name, whose extension is
    no part of any identifier in it (:func:`makna.privacy.labels.before_extension`)."""

    table: str
    column: str
    kind: FieldKind
    unique: bool = False
    keys: tuple[str, ...] = ()
    vocabulary: bool = False
    file_name: bool = False

    @property
    def name(self) -> str:
        """``table.column``."""
        return f"{self.table}.{self.column}"


SCANNED: tuple[FieldSpec, ...] = (
    FieldSpec("meta", "value", "label", keys=("name",)),
    FieldSpec("sources", "name", "label", unique=True, file_name=True),
    FieldSpec("sources", "original_name", "label", file_name=True),
    FieldSpec("cases", "name", "label", unique=True),
    FieldSpec("cases", "description", "text"),
    FieldSpec("attributes", "name", "label", unique=True, vocabulary=True),
    FieldSpec("attributes", "description", "text"),
    FieldSpec("case_values", "value", "text"),
    FieldSpec("codes", "name", "label", vocabulary=True),
    FieldSpec("codes", "definition", "text"),
    FieldSpec("codes", "inclusion", "text"),
    FieldSpec("codes", "exclusion", "text"),
    FieldSpec("codes", "example", "text"),
    FieldSpec("codes", "keywords", "list", vocabulary=True),
    FieldSpec("code_translations", "name", "label", vocabulary=True),
    FieldSpec("code_translations", "definition", "text"),
    FieldSpec("segments", "memo", "text"),
    FieldSpec("memos", "title", "label", vocabulary=True),
    FieldSpec("memos", "text", "text"),
    FieldSpec("sets", "name", "label", unique=True, vocabulary=True),
    FieldSpec("sets", "description", "text"),
)
"""The free-text fields that ``makna deid scan`` reviews and ``apply`` replaces."""

_GUESS_BELOW = 0.8
_GUESS_TYPES = frozenset({"PERSON", "LOCATION", "ORG"})


def ordinary_guess(det: Detection, language: str) -> bool:
    """Whether ``det``, found in a vocabulary field (:attr:`FieldSpec.vocabulary`), is a guess (a name, place or
    firm below 0.8) whose every word is an ordinary word: in the dictionary or the English list as written, or an
    Indonesian word whose stem, less a prefix or suffix, is a dictionary root ("Ditipu" -> tipu, "Pengalaman" ->
    alam). A listed or cued name (0.8 and up) is kept whatever its words, so a code "Kasus Pak Rudi" still shows
    Rudi."""
    if det.type not in _GUESS_TYPES or det.confidence >= _GUESS_BELOW:
        return False
    words = [w for w in det.text.replace("_", " ").split() if w]
    return bool(words) and all(ordinary_word(w, language) for w in words)


def ordinary_word(word: str, language: str) -> bool:
    """Whether ``word`` is an ordinary word of ``language`` (:func:`ordinary_guess`): listed as written (any case),
    an English plural of a listed word, or an Indonesian word whose stem is a dictionary root."""
    folded = word.strip(".,;:!?()\"'").lower()
    if not folded.isalpha():
        return False
    words = ordinary_words()
    if folded in words:
        return True
    if language.startswith("en"):  # a plural of a listed word: "issues", "parties"
        return any(folded.endswith(end) and folded[: -len(end)] + add in words
                   for end, add in (("ies", "y"), ("es", ""), ("s", "")))
    root = stem(folded, "id")
    return root != folded and len(root) >= 4 and known_id_word(root)

ELSEWHERE: Mapping[tuple[str, str], str] = {
    ("sources", "text"): "the transcript: reviewed per source in deid_sources",
    ("turns", "speaker"): "rewritten with the replacements of its source's text",
    ("turns", "time_start"): "a time stamp: its calendar date moved by the project's date offset (makna.privacy.times)",
    ("turns", "time_end"): "a time stamp: its calendar date moved by the project's date offset (makna.privacy.times)",
    ("events", "payload"): "rewritten with every replacement; a de-identified source's import sha256 is dropped",
    ("undo_steps", "summary"): "the undo journal: emptied by apply (a barrier), so it keeps no replaced text",
    ("undo_rows", "data"): "the undo journal: emptied by apply (a barrier), so it keeps no replaced text",
}
"""Text columns de-identified otherwise than as a scanned field."""

STRUCTURAL: Mapping[tuple[str, str], str] = {
    ("meta", "key"): "setting name",
    ("coders", "id"): "id",
    ("coders", "name"): "the researchers' own names (coders), not informants'",
    ("coders", "kind"): "person or machine",
    ("sources", "id"): "id",
    ("sources", "sha256"): "hash (of the de-identified text after apply)",
    ("sources", "media_type"): "media type",
    ("sources", "language"): "language code",
    ("sources", "encoding"): "character encoding",
    ("turns", "source_id"): "id",
    ("cases", "id"): "id",
    ("attributes", "id"): "id",
    ("attributes", "type"): "attribute type",
    ("case_values", "case_id"): "id",
    ("case_values", "attribute_id"): "id",
    ("case_links", "id"): "id",
    ("case_links", "case_id"): "id",
    ("case_links", "source_id"): "id",
    ("codes", "id"): "id",
    ("codes", "key"): "the code's key, a structural identifier (codebook.yaml, the CLI)",
    ("codes", "parent_id"): "id",
    ("codes", "color"): "colour",
    ("segments", "id"): "id",
    ("segments", "source_id"): "id",
    ("segments", "code_id"): "id",
    ("segments", "coder_id"): "id",
    ("memos", "id"): "id",
    ("memos", "target_kind"): "target type",
    ("memos", "target_id"): "id",
    ("memos", "coder_id"): "id",
    ("sets", "id"): "id",
    ("sets", "kind"): "set type",
    ("set_members", "set_id"): "id",
    ("set_members", "member_id"): "id",
    ("events", "actor"): "coder name",
    ("undo_steps", "actor"): "coder name",
    ("undo_steps", "kind"): "step kind",
    ("undo_steps", "state"): "step state",
    ("codes", "changed_by"): "coder name (who last edited the code)",
    ("code_translations", "code_id"): "id",
    ("code_translations", "language"): "language code",
    ("cases", "changed_by"): "coder name (who last edited the case)",
    ("rounds", "id"): "id",
    ("rounds", "name"): "the coding round's name, chosen by the research team (like a step label)",
    ("rounds", "sources"): "source ids",
    ("rounds", "opened_by"): "coder name",
    ("rounds", "closed_by"): "coder name",
    ("undo_rows", "op"): "change kind",
    ("source_media", "source_id"): "id",
    ("source_media", "path"): "path of a recording in the project folder (rename the file, then link it again)",
    ("source_media", "media_type"): "media type",
    ("quick_codes", "coder"): "coder name",
    ("quick_codes", "code_id"): "id",
    ("suggestions", "id"): "id",
    ("suggestions", "source_id"): "id",
    ("suggestions", "code_id"): "id",
    ("suggestions", "segment_id"): "id",
    ("suggestions", "accepted_segment_id"): "id",
    ("suggestions", "model"): "model name and version",
    ("suggestions", "state"): "suggestion state",
    ("suggestions", "decided_by"): "coder name",
    ("sync_base", "kind"): "kind of a pulled copy's row (segment, memo)",
    ("sync_base", "id"): "id",
    ("sync_base", "digest"): "hash of a coding's or memo's content as the server had it",
    ("undo_rows", "table_name"): "table name",
    ("events", "action"): "event kind",
    ("deid_sources", "source_id"): "id",
    ("deid_sources", "review"): "spans, types, detectors, statuses",
    ("deid_sources", "mode"): "replacement mode",
    ("deid_sources", "key_id"): "key fingerprint",
    ("deid_sources", "replacements"): "spans and types",
    ("deid_fields", "table_name"): "table name",
    ("deid_fields", "row_key"): "id",
    ("deid_fields", "column_name"): "column name",
    ("deid_fields", "digest"): "hash of the reviewed value (of the replaced value after apply)",
    ("deid_fields", "review"): "spans, types, detectors, statuses",
    ("suggest_models", "unit"): "kind of unit (turn, sentence, paragraph); the model blob is dropped by apply",
}
"""Every other text column of the schema, with why it holds no free text."""

_WHAT = {"meta": "project", "sources": "source", "cases": "case", "attributes": "attribute",
         "case_values": "value", "codes": "code", "segments": "segment", "memos": "memo", "sets": "set"}


def field_spec(name: str) -> FieldSpec:
    """The scanned field ``table.column``."""
    for spec in SCANNED:
        if spec.name == name:
            return spec
    raise KeyError(name)


def _table(spec: FieldSpec) -> Table:
    return tables.metadata.tables[spec.table]


def _detect_text(spec: FieldSpec, value: str) -> str:
    return value.replace("_", " ") if spec.kind == "label" else value


def value_digest(value: str) -> str:
    """The digest a field's review keeps of the value it reviewed (``deid_fields.digest``)."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _labels(conn: Connection) -> dict[str, dict[str, str]]:
    """Display labels of the rows that carry fields, per table."""
    t = tables
    out: dict[str, dict[str, str]] = {
        "sources": {r[0]: r[1] for r in conn.execute(select(t.sources.c.id, t.sources.c.name))},
        "cases": {r[0]: r[1] for r in conn.execute(select(t.cases.c.id, t.cases.c.name))},
        "attributes": {r[0]: r[1] for r in conn.execute(select(t.attributes.c.id, t.attributes.c.name))},
        "codes": {r[0]: r[1] for r in conn.execute(select(t.codes.c.id, t.codes.c.key))},
        "sets": {r[0]: r[1] for r in conn.execute(select(t.sets.c.id, t.sets.c.name))},
        "memos": {r[0]: r[1] or r[2] for r in conn.execute(select(t.memos.c.id, t.memos.c.title,
                                                                   t.memos.c.target_kind))},
    }
    return out


def _label(labels: dict[str, dict[str, str]], spec: FieldSpec, key: Sequence[str]) -> str:
    if spec.table == "meta":
        return "project"
    if spec.table == "case_values":
        return f"value {labels['cases'].get(key[0], '?')}/{labels['attributes'].get(key[1], '?')}"
    if spec.table == "segments":
        return f"segment {key[0][:8]}"
    if spec.table == "code_translations":  # the code, and the language of its name there
        return f"code {labels['codes'].get(key[0], key[0][:8])} ({key[1]})"
    return f"{_WHAT[spec.table]} {labels[spec.table].get(key[0], key[0][:8])}"


def _values(conn: Connection, spec: FieldSpec) -> Iterator[tuple[list[str], str]]:
    table = _table(spec)
    pk = list(table.primary_key.columns)
    q = select(*pk, table.c[spec.column])
    if spec.keys:
        q = q.where(pk[0].in_(spec.keys))
    for r in conn.execute(q):
        raw: Any = r[-1]
        value = "\n".join(str(v) for v in raw or []) if spec.kind == "list" else str(raw or "")
        if value.strip():
            yield [str(x) for x in r[:-1]], value


def field_states(conn: Connection, language: str) -> list[State]:
    """A state for every non-empty field value: its stored review when the value is the one reviewed,
    else an empty one (``digest`` is then not the stored one: the value is new or was edited)."""
    stored = {(r.table_name, r.row_key, r.column_name): r for r in conn.execute(select(tables.deid_fields))}
    labels = _labels(conn)
    out: list[State] = []
    for spec in SCANNED:
        for key, value in _values(conn, spec):
            row_key = "/".join(key)
            text, digest = _detect_text(spec, value), value_digest(value)
            r = stored.get((spec.table, row_key, spec.column))
            same = r is not None and r.digest == digest
            review = Review.from_dict(text, r.review) if r is not None and same else Review(text, ())
            applied = r is not None and same and r.applied_at is not None
            out.append(State(f"{spec.table}|{row_key}|{spec.column}", _label(labels, spec, key), language,
                             r.number if r is not None else 0, review, applied,
                             field=spec.name, value=value, digest=digest if same else ""))
    return out


def save_field(conn: Connection, st: State, *, applied_at: dt.datetime | None = None) -> None:
    """Store the review of a field value (numbering it on first save); ``applied_at``: the value was
    just replaced (``st.value`` is the new value, its review empty)."""
    f = tables.deid_fields.c
    table, row_key, column = st.source_id.split("|")
    now = dt.datetime.now(dt.UTC)
    values: dict[str, Any] = {"digest": value_digest(st.value), "review": st.review.to_dict(), "scanned_at": now}
    if applied_at is not None:
        values["applied_at"] = applied_at
    st.digest = values["digest"]
    if st.number == 0:
        exists = conn.execute(select(f.number).where(f.table_name == table, f.row_key == row_key,
                                                     f.column_name == column)).scalar()
        if exists is None:
            st.number = int(conn.execute(select(func.coalesce(func.max(f.number), 0))).scalar_one()) + 1
            conn.execute(insert(tables.deid_fields).values(number=st.number, table_name=table, row_key=row_key,
                                                           column_name=column, **values))
            return
        st.number = int(exists)
    conn.execute(update(tables.deid_fields).where(f.number == st.number).values(**values))


def rebuild_value(raw: str, spans: Sequence[tuple[int, int, str]], *, label: bool = False) -> str:
    """``raw`` with each (start, end, replacement) written in (a label's own ``_`` kept elsewhere).

    ``label``: in a name such as a file name, a replacement for a word joined to the next by ``-`` or
    ``_`` (``informan-payakumbuh-01.txt``) is joined the same way (``informan-tanah-datar-01.txt``,
    not ``informan-tanah datar-01.txt``)."""
    out: list[str] = []
    pos = 0
    for start, end, new in sorted(spans):
        out.append(raw[pos:start])
        out.append(_joined(raw, start, end, new) if label else new)
        pos = end
    out.append(raw[pos:])
    return "".join(out)


def _joined(raw: str, start: int, end: int, new: str) -> str:
    """``new`` with its spaces as the joiner (``-`` or ``_``) beside the span ``raw[start:end]``, when
    that span has no space of its own."""
    if any(ch.isspace() for ch in raw[start:end]):
        return new
    beside = [raw[i] for i in (start - 1, end) if 0 <= i < len(raw) and raw[i] in "-_"]
    joiner = beside[0] if beside else ""
    return "".join(joiner if ch.isspace() else ch for ch in new) if joiner else new


def unique_value(conn: Connection, st: State, value: str, taken: set[str]) -> str:
    """``value``, or ``value (2)``, ``(3)``... when the field's column is unique and it is taken by
    another row (or by ``taken``: values given to other rows in the same apply)."""
    spec = field_spec(st.field)
    if not spec.unique:
        return value
    table = _table(spec)
    pk = list(table.primary_key.columns)
    _, row_key, _ = st.source_id.split("|")
    others = {str(v).casefold() for v in conn.execute(select(table.c[spec.column]).where(pk[0] != row_key)).scalars()}
    others |= {t.casefold() for t in taken}
    stem, dot, ext = value.rpartition(".") if spec.table == "sources" and "." in value else (value, "", "")
    candidate, n = value, 1
    while candidate.casefold() in others:
        n += 1
        candidate = f"{stem} ({n}){dot}{ext}"
    taken.add(candidate)
    return candidate


def write_field(conn: Connection, st: State, value: str) -> None:
    """Write ``value`` into the field's row (a list field: one item per line)."""
    spec = field_spec(st.field)
    table = _table(spec)
    _, row_key, _ = st.source_id.split("|")
    pk = list(table.primary_key.columns)
    where = [c == k for c, k in zip(pk, row_key.split("/"), strict=True)]
    new: Any = [v for v in value.split("\n") if v.strip()] if spec.kind == "list" else value
    conn.execute(update(table).where(*where).values({spec.column: new}))
