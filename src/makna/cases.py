"""Cases (informants) with typed attributes, linked to whole sources or to spans of them."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import Connection, delete, insert, select, update

from .errors import ConflictError, InputError, NotFoundError, StaleEditError
from .holds import hidden_cases, shown_cases
from .memos import forget
from .model import ATTRIBUTE_TYPES, Attribute, Case, CaseLink, new_id
from .project import Project
from .store import insert_missing, tables
from .text import refuse_unstorable
from .versions import claim

__all__ = [
    "ATTRIBUTE_TYPES",
    "add_case",
    "define_attribute",
    "set_values",
    "link_source",
    "link_speaker",
    "unlink_source",
    "list_cases",
    "list_attributes",
    "list_links",
    "delete_case",
    "encode_value",
    "decode_value",
    "CasesImport",
    "load_cases_file",
    "load_cases",
]

_TRUE = {"true", "yes", "y", "1", "ya", "benar"}
_FALSE = {"false", "no", "n", "0", "tidak", "salah"}


def encode_value(kind: str, value: Any, *, attribute: str = "value") -> str:
    """Check ``value`` against the attribute type and return its canonical text form."""
    try:
        if kind == "text":
            return str(value)
        if kind == "integer":
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError
            return str(int(str(value).strip()) if isinstance(value, str) else int(value))
        if kind == "float":
            if isinstance(value, bool):
                raise ValueError
            return repr(float(value))
        if kind == "date":
            if isinstance(value, dt.date):
                return value.isoformat()
            return dt.date.fromisoformat(str(value).strip()).isoformat()
        if kind == "boolean":
            if isinstance(value, bool):
                return "true" if value else "false"
            word = str(value).strip().lower()
            if word in _TRUE:
                return "true"
            if word in _FALSE:
                return "false"
            raise ValueError
    except (ValueError, TypeError):
        pass
    else:
        raise InputError(f"attribute {attribute!r}: unknown type {kind!r} (use {', '.join(ATTRIBUTE_TYPES)})")
    raise InputError(f"attribute {attribute!r}: {value!r} is not a valid {kind}")


def decode_value(kind: str, text: str) -> Any:
    if kind == "integer":
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "date":
        return dt.date.fromisoformat(text)
    if kind == "boolean":
        return text == "true"
    return text


def _attribute(conn: Connection, name: str) -> Any:
    a = tables.attributes.c
    row = conn.execute(select(a.id, a.name, a.type).where((a.name == name) | (a.id == name))).first()
    if row is None:
        raise NotFoundError(f"unknown attribute {name!r} (define it first: 'makna cases attribute NAME --type ...')")
    return row


def define_attribute(project: Project, name: str, kind: str = "text", description: str = "", *,
                     attribute_id: str | None = None) -> Attribute:
    """Define a case attribute; redefining with the same type updates its description."""
    if kind not in ATTRIBUTE_TYPES:
        raise InputError(f"attribute {name!r}: unknown type {kind!r} (use {', '.join(ATTRIBUTE_TYPES)})")
    if not name.strip():
        raise InputError("an attribute needs a name")
    a = tables.attributes.c
    payload: dict[str, Any] = {"name": name, "type": kind}
    with project.store.write(project.actor, "attribute.define", payload) as conn:
        row = conn.execute(select(a.id, a.type).where(a.name == name)).first()
        if row is None:  # defined once, however many define it at the same moment (another may win)
            insert_missing(conn, tables.attributes, {"id": attribute_id or new_id(), "name": name, "type": kind,
                                                     "description": description}, unique=["name"])
            row = conn.execute(select(a.id, a.type).where(a.name == name)).one()
        if row.type != kind:
            raise ConflictError(f"attribute {name!r} exists with type {row.type}, not {kind}")
        conn.execute(update(tables.attributes).where(a.id == row.id).values(description=description))
        aid = row.id
        payload["id"] = aid
    return Attribute(aid, name, kind, description)


def _set_values(project: Project, conn: Connection, case_id: str, values: Mapping[str, Any]) -> None:
    cv = tables.case_values.c
    for name, value in values.items():
        attr = _attribute(conn, name)
        conn.execute(delete(tables.case_values).where(cv.case_id == case_id, cv.attribute_id == attr.id))
        if value is None or value == "":
            continue
        conn.execute(insert(tables.case_values).values(
            case_id=case_id, attribute_id=attr.id, value=encode_value(attr.type, value, attribute=attr.name)))


def add_case(project: Project, name: str, description: str = "", *, values: Mapping[str, Any] | None = None,
             case_id: str | None = None) -> Case:
    if not name.strip():
        raise InputError("a case needs a name")
    refuse_unstorable(f"case {name}", name, description)
    c = tables.cases.c
    payload: dict[str, Any] = {"name": name}
    with project.store.write(project.actor, "case.add", payload) as conn:
        if conn.execute(select(c.id).where(c.name == name)).first():
            raise ConflictError(f"case {name!r} exists already")
        cid = case_id or new_id()
        conn.execute(insert(tables.cases).values(id=cid, name=name, description=description))
        _set_values(project, conn, cid, values or {})
        payload["id"] = cid
    return _get_case(project, cid)


def set_values(project: Project, case: str, values: Mapping[str, Any], *,
               expected_version: int | None = None) -> Case:
    """Set (or with None/"" clear) attribute values of a case; values are checked against types.
    With ``expected_version`` (the version the editor read), a case changed since is refused
    (:class:`~makna.errors.StaleEditError`, giving its current values)."""
    payload: dict[str, Any] = {"attributes": sorted(values)}
    with project.store.write(project.actor, "case.values", payload) as conn:
        cid = project.case_id(conn, case)
        payload["id"] = cid
        try:
            payload["version"] = claim(conn, tables.cases, cid, project.actor, expected_version,
                                       what="case", label="name", fields=("name", "description"))
        except StaleEditError as exc:
            current = exc.detail["current"]
            assert isinstance(current, dict)
            current["values"] = _values(conn, [cid]).get(cid, {})
            raise
        _set_values(project, conn, cid, values)
    return _get_case(project, cid)


def link_source(project: Project, case: str, source: str, start: int | None = None,
                end: int | None = None) -> CaseLink:
    """Link a case to a whole source, or to ``start:end`` of it."""
    if (start is None) != (end is None):
        raise InputError("give both start and end of the span, or neither")
    payload: dict[str, Any] = {"start": start, "end": end}
    with project.store.write(project.actor, "case.link", payload) as conn:
        cid = project.case_id(conn, case)
        src = project.source_row(conn, source)
        if start is not None and end is not None and not (0 <= start < end <= src.length):
            from .errors import OffsetError

            raise OffsetError(f"span {start}:{end} is outside source {src.name!r} (length {src.length})")
        cl = tables.case_links.c
        dup = conn.execute(select(cl.id).where(cl.case_id == cid, cl.source_id == src.id,
                                               cl.start.is_(start) if start is None else cl.start == start,
                                               cl.end.is_(end) if end is None else cl.end == end)).scalar()
        if dup:
            raise ConflictError(f"case {case!r} is linked to {src.name!r} there already")
        lid = new_id()
        conn.execute(insert(tables.case_links).values(id=lid, case_id=cid, source_id=src.id, start=start, end=end))
        payload.update(id=lid, case_id=cid, source_id=src.id)
    return CaseLink(lid, cid, src.id, start, end)


def link_speaker(project: Project, case: str, source: str, speaker: str) -> list[CaseLink]:
    """Link a case to every turn of ``speaker`` in ``source`` (one participant of a focus group: the
    label compared without case or surrounding spaces), a span per turn, in one step; turns linked
    already are left as they are. Quotes and informant counts then name the participant's case."""
    wanted = speaker.strip().casefold()
    payload: dict[str, Any] = {"speaker": speaker.strip(), "start": None, "end": None}
    with project.store.write(project.actor, "case.link", payload) as conn:
        cid = project.case_id(conn, case)
        src = project.source_row(conn, source)
        t, cl = tables.turns.c, tables.case_links.c
        turns = conn.execute(select(t.speaker, t.start, t.end).where(t.source_id == src.id).order_by(t.number)).all()
        spans = [(r.start, r.end) for r in turns if r.speaker.strip().casefold() == wanted]
        if not spans:
            labels = ", ".join(dict.fromkeys(r.speaker for r in turns)) or "none"
            raise NotFoundError(f"source {src.name!r} has no turn of speaker {speaker!r} (its speakers: {labels})")
        have = {(r.start, r.end) for r in conn.execute(select(cl.start, cl.end).where(cl.case_id == cid,
                                                                                     cl.source_id == src.id))}
        if (None, None) in have:
            raise ConflictError(f"case {case!r} is linked to the whole of {src.name!r} already: unlink it first "
                                f"(makna cases unlink {case!r} {src.name!r})")
        links = [CaseLink(new_id(), cid, src.id, a, b) for a, b in spans if (a, b) not in have]
        if not links:
            raise ConflictError(f"case {case!r} is linked to every turn of {speaker!r} in {src.name!r} already")
        conn.execute(insert(tables.case_links), [{"id": x.id, "case_id": cid, "source_id": src.id, "start": x.start,
                                                  "end": x.end} for x in links])
        payload.update(case_id=cid, source_id=src.id, turns=len(links))
    return links


def unlink_source(project: Project, case: str, source: str, *, missing_ok: bool = True) -> int:
    """Remove every link of ``case`` to ``source`` (whole or spans); how many there were. With
    ``missing_ok`` False, a case not linked to the source is a NotFoundError and nothing is written."""
    cl = tables.case_links.c
    with project.store.write(project.actor, "case.unlink", {}) as conn:
        cid = project.case_id(conn, case)
        sid = project.source_row(conn, source).id
        n = conn.execute(delete(tables.case_links).where(cl.case_id == cid, cl.source_id == sid)).rowcount
        if not n and not missing_ok:
            raise NotFoundError(f"case {case!r} is not linked to {source!r}")
    return int(n)


def delete_case(project: Project, case: str) -> None:
    with project.store.write(project.actor, "case.delete", {}) as conn:
        cid = project.case_id(conn, case)
        forget(conn, "case", [cid])
        conn.execute(delete(tables.cases).where(tables.cases.c.id == cid))


def list_attributes(project: Project) -> list[Attribute]:
    a = tables.attributes.c
    with project.store.read() as conn:
        return [Attribute(r.id, r.name, r.type, r.description)
                for r in conn.execute(select(tables.attributes).order_by(a.name))]


def _values(conn: Connection, case_ids: list[str] | None = None) -> dict[str, dict[str, Any]]:
    cv, a = tables.case_values.c, tables.attributes.c
    q = select(cv.case_id, a.name, a.type, cv.value).join(tables.attributes, a.id == cv.attribute_id)
    if case_ids is not None:
        q = q.where(cv.case_id.in_(case_ids))
    out: dict[str, dict[str, Any]] = {}
    for r in conn.execute(q.order_by(a.name)):
        out.setdefault(r.case_id, {})[r.name] = decode_value(r.type, r.value)
    return out


def _get_case(project: Project, cid: str) -> Case:
    c = tables.cases.c
    with project.store.read() as conn:
        r = conn.execute(select(c.id, c.name, c.description, c.version).where(c.id == cid)).one()
        return Case(r.id, r.name, r.description, _values(conn, [cid]).get(cid, {}), version=r.version)


def list_cases(project: Project) -> list[Case]:
    """The cases, by name; on a team server, for whoever does not see held sources, not those linked to one
    (:func:`makna.holds.shown_cases`)."""
    c = tables.cases.c
    with project.store.read() as conn:
        values = _values(conn)
        return [Case(r.id, r.name, r.description, values.get(r.id, {}), version=r.version)
                for r in conn.execute(select(c.id, c.name, c.description, c.version).where(*shown_cases(project))
                                      .order_by(c.name))]


def list_links(project: Project) -> list[CaseLink]:
    """The links of the cases :func:`list_cases` lists."""
    cl = tables.case_links.c
    with project.store.read() as conn:
        return [CaseLink(r.id, r.case_id, r.source_id, r.start, r.end)
                for r in conn.execute(select(tables.case_links).where(*hidden_cases(project, cl.case_id))
                                      .order_by(cl.case_id, cl.source_id, cl.start))]


@dataclass(frozen=True)
class CasesImport:
    """What importing a cases file did: cases added, cases updated in place (with one line per
    change), cases the file left as they were, attributes defined."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    attributes: int = 0
    changes: tuple[str, ...] = ()


def load_cases_file(project: Project, path: str | Path) -> CasesImport:
    """Add or update cases from YAML (``attributes`` and ``cases`` lists) or CSV (a ``name`` column,
    a column per attribute, an optional ``sources`` column separated by ``;``); the formats are in
    docs/formats.md. Attributes in a CSV are text unless defined before. See :func:`load_cases`."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    data = _read_cases_csv(p) if p.suffix.lower() == ".csv" else _read_cases_yaml(p)
    return load_cases(project, data, origin=str(p))


def load_cases(project: Project, data: Mapping[str, Any], *, origin: str = "cases") -> CasesImport:
    """Add cases from already-parsed data (``attributes`` and ``cases`` lists, as in a YAML cases
    file), or update those that exist (by name) in place: the file's description, the values it
    gives (an empty value clears one) and links to the sources it lists are set; values, links and
    cases it does not mention stay. All or nothing, one transaction and one ``cases.import`` event."""
    if "attributes" not in data and "cases" not in data:
        hint = " (a codebook: use 'makna codebook import')" if "codes" in data else ""
        raise InputError(f"{origin}: no 'attributes' or 'cases' list: not a cases file{hint}")
    attrs, cases = data.get("attributes") or [], data.get("cases") or []
    if not isinstance(attrs, list) or not isinstance(cases, list):
        raise InputError(f"{origin}: 'attributes' and 'cases' must be lists")
    payload: dict[str, Any] = {"origin": Path(origin).name}
    changes: list[str] = []
    added = updated = unchanged = defined = 0
    a, c, cl, cv = tables.attributes.c, tables.cases.c, tables.case_links.c, tables.case_values.c
    with project.store.write(project.actor, "cases.import", payload) as conn:
        for item in attrs:
            if not isinstance(item, dict) or "name" not in item:
                raise InputError(f"{origin}: each attribute needs a 'name'")
            name, kind = str(item["name"]), item.get("type")
            row = conn.execute(select(a.id, a.type, a.description).where(a.name == name)).first()
            if row is None:
                kind = str(kind or "text")
                if kind not in ATTRIBUTE_TYPES or not name.strip():
                    raise InputError(f"{origin}: attribute {name!r}: unknown type {kind!r} "
                                     f"(use {', '.join(ATTRIBUTE_TYPES)})")
                conn.execute(insert(tables.attributes).values(id=new_id(), name=name, type=kind,
                                                              description=str(item.get("description") or "")))
                defined += 1
                changes.append(f"attribute {name} ({kind}) defined")
            elif kind is not None and kind != row.type:
                raise ConflictError(f"{origin}: attribute {name!r} exists with type {row.type}, not {kind}")
            elif item.get("description") and item["description"] != row.description:
                conn.execute(update(tables.attributes).where(a.id == row.id).values(description=item["description"]))
        types = {r.name: (r.id, r.type) for r in conn.execute(select(a.id, a.name, a.type))}
        for item in cases:
            if not isinstance(item, dict) or "name" not in item:
                raise InputError(f"{origin}: each case needs a 'name'")
            name = str(item["name"])
            values, sources = item.get("values") or {}, item.get("sources") or []
            if not isinstance(values, dict):
                raise InputError(f"{origin}: case {name!r}: 'values' must map attributes to values")
            if not isinstance(sources, list):
                raise InputError(f"{origin}: case {name!r}: 'sources' must be a list of source names")
            if not name.strip():
                raise InputError(f"{origin}: a case needs a name")
            existing = conn.execute(select(c.id, c.description).where(c.name == name)).first()
            what: list[str] = []
            if existing is None:
                cid = new_id()
                conn.execute(insert(tables.cases).values(id=cid, name=name, description=str(item.get("description")
                                                                                             or "")))
                old_values: dict[str, str] = {}
            else:
                cid = existing.id
                if "description" in item and str(item["description"] or "") != existing.description:
                    conn.execute(update(tables.cases).where(c.id == cid).values(description=str(item["description"]
                                                                                                 or "")))
                    what.append("description")
                old_values = {r.attribute_id: r.value for r in conn.execute(
                    select(cv.attribute_id, cv.value).where(cv.case_id == cid))}
            for attr_name, value in values.items():
                if str(attr_name) not in types:
                    raise NotFoundError(f"{origin}: case {name!r}: unknown attribute {attr_name!r} (define it "
                                        "under 'attributes' in the file, or: 'makna cases attribute NAME --type ...')")
                aid, kind = types[str(attr_name)]
                new = None if value is None or value == "" else encode_value(kind, value, attribute=str(attr_name))
                if new == old_values.get(aid):
                    continue
                conn.execute(delete(tables.case_values).where(cv.case_id == cid, cv.attribute_id == aid))
                if new is not None:
                    conn.execute(insert(tables.case_values).values(case_id=cid, attribute_id=aid, value=new))
                if existing is not None:
                    old = old_values.get(aid)
                    what.append(f"{attr_name} {old if old is not None else '(none)'} -> "
                                f"{new if new is not None else '(none)'}")
            for source in sources:
                src = project.source_row(conn, str(source).strip())
                linked = conn.execute(select(cl.id).where(cl.case_id == cid, cl.source_id == src.id,
                                                          cl.start.is_(None))).first()
                if linked is None:
                    conn.execute(insert(tables.case_links).values(id=new_id(), case_id=cid, source_id=src.id,
                                                                  start=None, end=None))
                    if existing is not None:
                        what.append(f"linked {src.name}")
            if existing is None:
                added += 1
            elif what:
                updated += 1
                changes.append(f"{name}: {', '.join(what)}")
            else:
                unchanged += 1
        payload.update(added=added, updated=updated, unchanged=unchanged, attributes=defined)
    return CasesImport(added, updated, unchanged, defined, tuple(changes))


def _read_cases_csv(p: Path) -> dict[str, Any]:
    with p.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "name" not in reader.fieldnames:
            raise InputError(f"{p}: a cases CSV needs a 'name' column")
        rows = list(reader)
        columns = [c for c in reader.fieldnames if c not in ("name", "description", "sources")]
    return {
        "attributes": [{"name": c} for c in columns],
        "cases": [{"name": r["name"], "description": r.get("description") or "",
                   "sources": [s for s in (r.get("sources") or "").split(";") if s.strip()],
                   "values": {c: r.get(c) for c in columns}} for r in rows],
    }


def _read_cases_yaml(p: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8-sig")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: not a valid YAML cases file ({type(exc).__name__})") from None
    if not isinstance(data, dict):
        raise InputError(f"{p}: expected a mapping with 'attributes' and 'cases' lists")
    return data
