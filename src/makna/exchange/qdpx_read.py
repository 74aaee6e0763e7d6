"""Import a REFI-QDA project exchange file (``.qdpx``) made by makna or by another tool.

Tolerant of what real tools write: elements are matched by local name (any namespace spelling), the
archive may use ``sources/`` or ``Sources/`` and any single ``*.qde``; source paths may be
``internal://``, ``relative://`` or bare file names; text files may carry a BOM and CRLF. Positions are
read in the convention of the tool named by ``Project/@origin`` (see :mod:`makna.exchange.offsets`)
and mapped onto makna's offsets; a selection that cannot be mapped, or whose code is missing, is listed
in the :class:`ImportReport`, never dropped or moved silently. A TextSource with no usable plain text
but a ``.docx`` (``richTextPath``) gets its text from the docx reader; its selections, which refer to a
plain text makna cannot see, are reported.

The ``.qde`` is read with ``iterparse`` (never a tree of the whole file) and each source's codings are
inserted in chunks, all in one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from ..errors import ExchangeError, MaknaError
from ..model import Code
from ..project import Project
from ..store import tables
from ._fields import unpack
from ._load import Loader, derive_keys
from ._refi import (
    ATTRIBUTE_TYPES,
    canonical_guid,
    derived_guid,
    expand_color,
    parse_datetime,
    segment_memo_guid,
)
from ._report import ImportReport, Problem
from ._safety import _LOCAL, DEFAULT_LIMITS, Archive, Limits, local, safe_iterparse
from .offsets import SelectionMapper, convention_for

__all__ = ["import_qdpx", "code_from_element", "read_codes"]

_TAGS = ("Project", "User", "CodeBook", "Variable", "Case", "PlainTextSelection", "TextSource", "PictureSource",
         "PDFSource", "AudioSource", "VideoSource", "Note", "Link", "Set", "Graph")
_PALETTE_FALLBACK = "#808080"
_CANONICAL = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")  # as makna writes


def _children(el: Any, name: str) -> Iterator[Any]:
    for child in el:
        if local(child.tag) == name:
            yield child


def _child_text(el: Any, name: str) -> str:
    for child in _children(el, name):
        return str(child.text or "")
    return ""


def _guid(el: Any, attr: str = "guid") -> str | None:
    return canonical_guid(el.get(attr))


def read_codes(codes_el: Any, taken: set[str], report: ImportReport) -> tuple[list[Code], list[str]]:
    """The codes under a ``Codes`` element in tree order, with makna keys, and each one's file GUID."""
    flat: list[tuple[Any, str | None, int]] = []

    def walk(parent_el: Any, parent: str | None) -> None:
        for i, el in enumerate(_children(parent_el, "Code")):
            flat.append((el, parent, i))
            walk(el, _guid(el) or derived_guid("code", el.get("guid") or str(id(el))))

    walk(codes_el, None)
    guids = [_guid(el) or derived_guid("code", el.get("guid") or str(id(el))) for el, _, _ in flat]
    seen: set[str] = set()
    for i, g in enumerate(guids):
        if g in seen:
            guids[i] = derived_guid("code-duplicate", g, str(i))
            report.notes.append(f"code GUID {g} appears twice: the second one got the id {guids[i]}")
        seen.add(g)
    items = []
    parsed = []
    for (el, _parent, _pos), _g in zip(flat, guids, strict=True):
        text, fields = unpack(_child_text(el, "Description"))
        parsed.append((text, fields))
    parent_of: dict[int, str | None] = {id(el): None for el, _, _ in flat}
    index = {id(el): g for (el, _, _), g in zip(flat, guids, strict=True)}
    for el, _, _ in flat:
        for child in _children(el, "Code"):
            parent_of[id(child)] = index[id(el)]
    for (el, _, _), g, (_, fields) in zip(flat, guids, parsed, strict=True):
        items.append((g, parent_of[id(el)], el.get("name") or "code", fields.get("key")))
    keys = derive_keys(items, taken)
    codes = []
    for (el, _, pos), g, (text, fields) in zip(flat, guids, parsed, strict=True):
        codes.append(code_from_element(el, g, keys[g], parent_of[id(el)], pos, text, fields))
    return codes, guids


def code_from_element(el: Any, guid: str, key: str, parent: str | None, position: int, definition: str,
                      fields: dict[str, Any]) -> Code:
    kws = fields.get("keywords")
    return Code(
        id=guid, key=key, name=str(fields.get("name") or (el.get("name") or "").strip() or key), parent_id=parent,
        color=expand_color(el.get("color")) or _PALETTE_FALLBACK, definition=str(fields.get("definition", definition)),
        inclusion=str(fields.get("inclusion") or ""), exclusion=str(fields.get("exclusion") or ""),
        example=str(fields.get("example") or ""),
        keywords=tuple(str(k) for k in kws) if isinstance(kws, list) else (), position=position,
    )


@dataclass
class _Source:
    guid: str
    name: str
    entry: tuple[str, str, int] | None = None  # (id, name, length) once imported
    mapper: SelectionMapper | None = None
    unavailable: str = ""
    seen: set[tuple[int, int, str, str]] = field(default_factory=set)


@dataclass(frozen=True)
class _Where:
    source: str
    start: str
    end: str
    guid: str | None

    def __str__(self) -> str:
        return f"in {self.source!r} at {self.start}:{self.end}" + (f" ({self.guid})" if self.guid else "")


class _Reader:
    def __init__(self, project: Project, archive: Archive, loader: Loader, report: ImportReport,
                 limits: Limits, offsets: str | None) -> None:
        self.project, self.archive, self.loader, self.report = project, archive, loader, report
        self.limits, self.offsets_override = limits, offsets
        self.convention = convention_for(None, offsets)
        self.root: Any = None
        self.elements = 0
        self.src: _Source | None = None
        self.src_el: Any = None
        self.wanted_selections: dict[str, list[str]] = {}  # selection guid -> case ids
        self.selections: dict[str, tuple[str, int, int]] = {}
        self.source_refs: list[tuple[str, str]] = []  # (case id, source guid)
        self.note_targets: dict[str, list[tuple[str, str | None]]] = {}
        self.segment_memos: dict[str, str] = {}  # note guid -> segment id
        self.notes: list[tuple[str, str, str, str | None, Any]] = []
        self.names: dict[str, set[str]] = {"attribute": set(), "case": set(), "set": set()}
        self.links: list[tuple[str | None, str, str | None, str | None]] = []
        self.code_refs: dict[str, str] = {}
        self.users: dict[str | None, str] = {}
        self.fields: dict[str, Any] = {}

    # ------------------------------------------------------------------ driver
    def run(self, stream: Any) -> None:
        handlers = {
            "User": self.user, "CodeBook": self.codebook, "Variable": self.variable, "Case": self.case,
            "PlainTextSelection": self.selection, "TextSource": self.text_source, "Note": self.note,
            "Link": self.link, "Set": self.set, "Project": self.project_end,
        }
        try:
            for _event, el in safe_iterparse(self.archive.path, stream, _TAGS):
                if self.root is None:
                    self.start(el.getroottree().getroot())
                self.elements += 1
                if self.elements > self.limits.max_elements:
                    raise ExchangeError(f"{self.archive.path}: more than {self.limits.max_elements:,} XML elements")
                name = local(el.tag)
                handler = handlers.get(name)
                if handler is None:
                    self.skip(el, name)
                elif handler(el) is not False:
                    _release(el)
        except etree.XMLSyntaxError as exc:
            raise ExchangeError(f"{self.archive.path}: the project XML is not well-formed ({exc})") from None

    def start(self, root: Any) -> None:
        self.root = root
        if local(root.tag) != "Project":
            raise ExchangeError(f"{self.archive.path}: not a REFI-QDA project (root element {local(root.tag)!r})")
        origin = root.get("origin") or ""
        self.convention = convention_for(origin, self.offsets_override)
        self.report.origin = origin
        self.report.offsets = self.convention.name
        self.report.project = root.get("name") or ""

    def skip(self, el: Any, name: str) -> None:
        parent = local(el.getparent().tag) if el.getparent() is not None else ""
        if name in ("PictureSource", "PDFSource", "AudioSource", "VideoSource", "Graph") and parent != "Note":
            codings = sum(1 for x in el.iter() if local(x.tag) == "Coding")
            self.report.notes.append(f"{name} {el.get('name') or el.get('guid')}: makna imports text sources only;"
                                     f" not imported ({codings} coding(s) in it)")
            for _ in el.iter():
                self.elements += 1
        _release(el)

    # ------------------------------------------------------------------ users and codebook
    def user(self, el: Any) -> None:
        guid = _guid(el)
        if guid is None:
            self.report.notes.append(f"user with malformed GUID {el.get('guid')!r}: not imported")
            return
        self.loader.add_coder(guid, el.get("name") or el.get("id") or guid)

    def codebook(self, el: Any) -> None:
        self.elements += sum(1 for _ in el.iter())
        for codes_el in _children(el, "Codes"):
            codes, guids = read_codes(codes_el, set(), self.report)
            if codes:
                self.loader.add_codes(codes, guids)
            self.code_notes(codes_el, guids)

    def code_notes(self, codes_el: Any, guids: list[str]) -> None:
        order = [c for c in codes_el.iter() if local(c.tag) == "Code"]
        for code_el, guid in zip(order, guids, strict=False):
            for ref in _children(code_el, "NoteRef"):
                self.note_ref(ref, "code", self.loader.codes.get(guid))

    def note_ref(self, ref: Any, kind: str, target: str | None) -> None:
        note = _guid(ref, "targetGUID")
        if note is not None and (target is not None or kind == "project"):
            self.note_targets.setdefault(note, []).append((kind, target))

    # ------------------------------------------------------------------ variables and cases
    def variable(self, el: Any) -> None:
        guid = _guid(el) or derived_guid("variable", el.get("guid") or "")
        refi = el.get("typeOfVariable") or "Text"
        kind = ATTRIBUTE_TYPES.get(refi, "text")
        if refi not in ATTRIBUTE_TYPES or refi == "DateTime":
            self.report.notes.append(f"variable {el.get('name')!r} of type {refi} imported as text")
        description, fields = unpack(_child_text(el, "Description"))
        self.loader.add_attribute(guid, str(fields.get("name") or el.get("name") or guid), kind,
                                  str(fields.get("description", description)), self.names["attribute"])

    def case(self, el: Any) -> None:
        self.elements += len(el)
        guid = _guid(el) or derived_guid("case", el.get("guid") or "")
        name = el.get("name") or f"case {guid[:8]}"
        values: dict[str, str] = {}
        for vv in _children(el, "VariableValue"):
            ref = next(_children(vv, "VariableRef"), None)
            value_el = next((c for c in vv if local(c.tag).endswith("Value")), None)
            if ref is None or value_el is None:
                continue
            got = self.loader.value(_guid(ref, "targetGUID"), (value_el.text or "").strip(), f"case {name!r}")
            if got is not None:
                values[got[0]] = got[1]
        description, fields = unpack(_child_text(el, "Description"))
        case_id = self.loader.add_case(guid, str(fields.get("name") or name),
                                       str(fields.get("description", description)),
                                       values, self.names["case"])
        for ref in _children(el, "SourceRef"):
            target = _guid(ref, "targetGUID")
            if target:
                self.source_refs.append((case_id, target))
        for ref in _children(el, "SelectionRef"):
            target = _guid(ref, "targetGUID")
            if target:
                self.wanted_selections.setdefault(target, []).append(case_id)
        n = sum(1 for _ in _children(el, "CodeRef"))
        if n:
            self.report.notes.append(f"case {name!r}: {n} CodeRef(s) not imported (makna does not code cases)")

    # ------------------------------------------------------------------ sources
    def open_source(self, el: Any) -> _Source:
        guid = _guid(el) or derived_guid("source", el.get("guid") or str(id(el)))
        path = el.get("plainTextPath") or ""
        name = el.get("name") or (Path(path.split("://")[-1]).name if path else "") or f"source {guid[:8]}"
        src = _Source(guid, name)
        raw = self.plain_text(el, path, name)
        description, fields = unpack(_child_text(el, "Description"))
        if isinstance(fields.get("name"), str) and fields["name"].strip():
            src.name = name = fields["name"]
        created = parse_datetime(el.get("creationDateTime"))
        text: str | None = None
        if raw is not None and raw.lstrip("\ufeff").strip():
            src.mapper = SelectionMapper(raw, self.convention)
            text = src.mapper.text
        else:
            text = self.rich_text(el, name)
            why = "its plain text is missing or empty"
            src.unavailable = (f"{why}; the text was taken from its .docx, to which the positions do not refer"
                               if text else f"{why} and no .docx text could be read")
        if not text:
            self.report.notes.append(f"source {name!r}: no text found: not imported")
            return src
        try:
            src.entry = self.loader.add_source(guid, name, text, fields, created)
        except MaknaError as exc:
            raise ExchangeError(f"{self.archive.path}: source {name!r}: {exc}") from None
        if description:
            self.report.notes.append(f"source {name!r}: its description was not imported (makna sources have none)")
        return src

    def plain_text(self, el: Any, path: str, name: str) -> str | None:
        if path:
            entry = self.archive.find_source(path)
            if entry is None:
                self.report.notes.append(f"source {name!r}: {path} is not in the archive")
                return None
            return _decode(self.archive, entry)
        inline = next(_children(el, "PlainTextContent"), None)
        return None if inline is None else str(inline.text or "")

    def rich_text(self, el: Any, name: str) -> str | None:
        path = el.get("richTextPath") or ""
        entry = self.archive.find_source(path) if path else None
        if entry is None or not entry.lower().endswith(".docx"):
            return None
        from ..importers.docx import read_docx

        try:
            text = read_docx(Path(entry), self.archive.read(entry)).text
        except MaknaError as exc:
            self.report.notes.append(f"source {name!r}: cannot read {entry}: {exc}")
            return None
        return text if text.strip() else None

    def current(self, parent: Any) -> _Source | None:
        """The source a selection belongs to (opening it at its first selection), or None when the
        selection is not in a TextSource of Sources."""
        if parent is None or local(parent.tag) != "TextSource":
            return None
        grand = parent.getparent()
        if grand is None or local(grand.tag) != "Sources":
            return None
        if parent is not self.src_el:
            self.src_el, self.src = parent, self.open_source(parent)
        return self.src

    def selection(self, el: Any) -> bool:
        parent = el.getparent()
        src = self.src if parent is not None and parent is self.src_el else self.current(parent)
        if src is None:
            self.elements += len(el)
            return True
        a, b = el.get("startPosition", ""), el.get("endPosition", "")
        codings = [c for c in el if (_LOCAL.get(c.tag) or local(c.tag)) == "Coding"]
        self.elements += len(el)

        def where() -> str:
            return str(_Where(src.name, a, b, el.get("guid")))

        mapped: tuple[int, int] | str
        try:
            start, end = int(a), int(b)
        except ValueError:
            mapped = f"positions {a!r}:{b!r} are not integers"
        else:
            if src.entry is None or src.mapper is None:
                mapped = src.unavailable or "its source could not be imported"
            else:
                mapped = src.mapper.map(start, end)
        if isinstance(mapped, str):
            self.elements += sum(len(c) for c in codings)
            self.report.unmapped.append(Problem("selection", where(), mapped + (
                f" ({len(codings)} coding(s) not imported)" if codings else "")))
            return True
        assert src.entry is not None
        if self.wanted_selections:
            guid = _guid(el)
            if guid is not None and guid in self.wanted_selections:
                self.selections[guid] = (src.entry[0], *mapped)
        first: str | None = None
        for coding in codings:
            seg = self.coding(coding, src, mapped, where)
            first = first or seg
        for ref in (_children(el, "NoteRef") if len(el) > len(codings) else ()):
            if first is not None:
                self.note_ref(ref, "segment", first)
            else:
                self.report.unmapped.append(Problem("note", where(), "attached to a selection with no imported coding"))
        return True

    def coding(self, coding: Any, src: _Source, span: tuple[int, int], where: Callable[[], str]) -> str | None:
        """Import one Coding of ``span``; counts its children as elements."""
        assert src.entry is not None
        size = len(coding)
        self.elements += size
        first = coding[0] if size else None
        ref = first if first is not None and (_LOCAL.get(first.tag) or local(first.tag)) == "CodeRef" \
            else next(_children(coding, "CodeRef"), None)
        raw_code = ref.get("targetGUID") if ref is not None else None
        code_id = self.code_refs.get(raw_code) if raw_code is not None else None
        if code_id is None and raw_code is not None:
            code_guid = canonical_guid(raw_code)
            code_id = self.loader.codes.get(code_guid) if code_guid else None
            if code_id is not None:
                self.code_refs[raw_code] = code_id
        if code_id is None:
            self.report.unmapped.append(Problem("coding", where(), f"its code {raw_code} is not in the codebook"))
            return None
        raw_user = coding.get("creatingUser")
        coder = self.users.get(raw_user)
        if coder is None:
            coder = self.users[raw_user] = self.loader.coder(canonical_guid(raw_user))
        key = (span[0], span[1], code_id, coder)
        if key in src.seen:
            self.report.unmapped.append(Problem("coding", where(), "the same code by the same coder again (duplicate)"))
            return None
        src.seen.add(key)
        raw = coding.get("guid")
        guid = raw if raw is not None and _CANONICAL.match(raw) is not None else canonical_guid(raw)
        seg = self.loader.segment(guid, src.entry[0], span[0], span[1], code_id, coder,
                                  coding.get("creationDateTime"))
        for note in (_children(coding, "NoteRef") if size > 1 else ()):
            target = _guid(note, "targetGUID")
            if target is not None and guid is not None and target == segment_memo_guid(guid):
                self.segment_memos[target] = seg
            else:
                self.note_ref(note, "segment", seg)
        return seg

    def text_source(self, el: Any) -> None:
        parent = el.getparent()
        if parent is None or local(parent.tag) != "Sources":
            return
        src = self.src if el is self.src_el else None
        if src is None:
            src = self.open_source(el)
        self.src_el = self.src = None
        whole = [c for c in el if local(c.tag) == "Coding"]
        if whole:
            where = f"in {src.name!r} (whole source)"
            if src.entry is None or src.mapper is None:
                for _ in whole:
                    self.report.unmapped.append(Problem("coding", where, src.unavailable or "source not imported"))
            else:
                for coding in whole:
                    self.coding(coding, src, (0, src.entry[2]), lambda: where)
        for ref in _children(el, "NoteRef"):
            self.note_ref(ref, "source", src.entry[0] if src.entry else None)
        n = sum(1 for _ in _children(el, "VariableValue"))
        if n:
            self.report.notes.append(f"source {src.name!r}: {n} variable value(s) not imported "
                                     "(makna keeps attributes on cases)")
        self.loader.flush()

    # ------------------------------------------------------------------ notes, links, sets
    def note(self, el: Any) -> None:
        parent = el.getparent()
        if parent is None or local(parent.tag) != "Notes":
            return
        self.elements += len(el)
        guid = _guid(el) or derived_guid("note", el.get("guid") or str(len(self.notes)))
        text = _child_text(el, "PlainTextContent")
        path = el.get("plainTextPath")
        if not text and path:
            entry = self.archive.find_source(path)
            text = _decode(self.archive, entry) or "" if entry else ""
        user = _guid(el, "creatingUser")
        _desc, fields = unpack(_child_text(el, "Description"))
        self.notes.append((guid, str(fields.get("title", el.get("name") or "")), str(fields.get("text", text)), user,
                           parse_datetime(el.get("creationDateTime"))))

    def link(self, el: Any) -> None:
        self.links.append((_guid(el), el.get("name") or "", _guid(el, "originGUID"), _guid(el, "targetGUID")))

    def set(self, el: Any) -> None:
        self.elements += len(el)
        guid = _guid(el) or derived_guid("set", el.get("guid") or "")
        description, fields = unpack(_child_text(el, "Description"))
        name = str(fields.get("name") or el.get("name") or f"set {guid[:8]}")
        description = str(fields.get("description", description))
        codes = [self.loader.codes[g] for g in (_guid(m, "targetGUID") for m in _children(el, "MemberCode"))
                 if g in self.loader.codes]
        sources = [self.loader.sources[g][0] for g in
                   (_guid(m, "targetGUID") for m in _children(el, "MemberSource")) if g in self.loader.sources]
        total = sum(1 for c in el if local(c.tag).startswith("Member"))
        if len(codes) + len(sources) < total:
            self.report.notes.append(f"set {name!r}: {total - len(codes) - len(sources)} member(s) not imported "
                                     "(notes, or codes and sources not in the file)")
        if codes and sources:
            self.report.notes.append(f"set {name!r} holds codes and sources: imported as two sets")
            self.loader.add_set(guid, f"{name} (codes)", "codes", codes, description, self.names["set"])
            self.loader.add_set(derived_guid("set-sources", guid), f"{name} (sources)", "sources", sources,
                                description, self.names["set"])
            return
        kind = "sources" if sources else "codes" if codes else str(fields.get("kind") or "codes")
        self.loader.add_set(guid, name, kind if kind in ("codes", "sources") else "codes", codes or sources,
                            description, self.names["set"])

    def project_end(self, el: Any) -> bool:
        _text, fields = unpack(_child_text(el, "Description"))
        for ref in _children(el, "NoteRef"):
            self.note_ref(ref, "project", None)
        self.fields = fields
        if isinstance(fields.get("name"), str):
            self.report.project = fields["name"]
        return False

    # ------------------------------------------------------------------ the end
    def finish(self) -> dict[str, Any]:
        loader = self.loader
        loader.flush()
        for case_id, source_guid in self.source_refs:
            if source_guid in loader.sources:
                loader.link_case(case_id, loader.sources[source_guid][0], None, None, None)
            else:
                self.report.notes.append(f"a case refers to source {source_guid}, which was not imported")
        for sel_guid, case_ids in self.wanted_selections.items():
            if sel_guid not in self.selections:
                self.report.unmapped.append(Problem("case link", sel_guid,
                                                    "the selection it refers to was not imported"))
                continue
            sid, a, b = self.selections[sel_guid]
            for i, case_id in enumerate(case_ids):
                loader.link_case(case_id, sid, a, b, sel_guid if i == 0 else None)
        note_ids = {n[0] for n in self.notes}
        for link_guid, name, origin, target in self.links:
            note, other = (origin, target) if origin in note_ids else (target, origin)
            if note is not None and note in note_ids and other is not None and other in loader.cases:
                self.note_targets.setdefault(note, []).append(("case", loader.cases[other]))
            else:
                self.report.notes.append(f"link {name or link_guid!r}: not imported (makna keeps no links)")
        for guid, title, text, user, created in self.notes:
            coder = loader.coder(user) if user else None
            if guid in self.segment_memos:
                loader.set_segment_memo(self.segment_memos[guid], text)
                continue
            if not text.strip():
                self.report.notes.append(f"note {title or guid!r} is empty: not imported")
                continue
            targets = self.note_targets.get(guid) or [("project", None)]
            if guid not in self.note_targets:
                self.report.notes.append(f"note {title or guid!r} is attached to nothing: imported as a project memo")
            for i, (kind, target) in enumerate(targets):
                mid = guid if i == 0 else derived_guid("note-copy", guid, str(i))
                loader.add_memo(mid, kind, target, title, text, coder, created)
        fields = self.fields
        if isinstance(fields.get("suggesters"), list):
            loader.set_suggesters([str(x) for x in fields["suggesters"]])
        return fields


def _release(el: Any) -> None:
    """Free a processed element and the processed siblings before it."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def _decode(archive: Archive, entry: str) -> str:
    data = archive.read(entry)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from ..importers.txt import decode_text

        try:
            return decode_text(Path(entry), data)[0]
        except MaknaError as exc:
            raise ExchangeError(f"{archive.path}: {entry}: {exc}") from None


def import_qdpx(project: Project, path: str | Path, *, offsets: str | None = None,
                limits: Limits = DEFAULT_LIMITS) -> ImportReport:
    """Import a .qdpx into ``project`` (which should be empty), in one transaction: on any error
    nothing is kept. ``offsets`` ("codepoint" or "utf16") overrides the convention read from origin."""
    p = Path(path)
    report = ImportReport(path=str(p))
    payload: dict[str, Any] = {"file": p.name}
    with Archive(p, limits) as archive:
        qde = archive.single(".qde", "project file")
        with project.store.write(project.actor, "exchange.import_qdpx", payload) as conn:
            used = (conn.execute(tables.sources.select().limit(1)).first()
                    or conn.execute(tables.codes.select().limit(1)).first())
            if used is not None:
                raise ExchangeError(f"{p}: import a project exchange file into a new, empty project")
            if conn.dialect.name == "sqlite":  # room for the indexes of a large import (this connection only)
                conn.exec_driver_sql("PRAGMA cache_size=-262144")
            loader = Loader(project, conn, report)
            reader = _Reader(project, archive, loader, report, limits, offsets)
            # the project is new and empty: build the secondary indexes of the segments once, after
            # the load, instead of keeping them up to date row by row (same transaction)
            deferred = [ix for ix in tables.segments.indexes if not ix.unique]
            for ix in deferred:
                ix.drop(conn)
            with archive.open(qde) as stream:
                reader.run(stream)
            loader.flush()
            for ix in deferred:
                ix.create(conn)
            if reader.root is None:
                raise ExchangeError(f"{p}: {qde} holds no REFI-QDA project")
            fields = reader.finish()
            pid = fields.get("project_id")
            meta = tables.meta.update()
            if isinstance(pid, str) and canonical_guid(pid):
                conn.execute(meta.where(tables.meta.c.key == "project_id").values(value=canonical_guid(pid)))
            created = parse_datetime(reader.root.get("creationDateTime"))
            if created is not None:
                conn.execute(meta.where(tables.meta.c.key == "created_at").values(value=created.isoformat()))
            payload.update(origin=report.origin, sources=report.sources, codes=report.codes,
                           segments=report.segments, unmapped=len(report.unmapped))
    return report
