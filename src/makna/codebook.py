"""The codebook: a tree of codes, its operations, and its YAML file format.

YAML format (``format: makna-codebook/1``)::

    format: makna-codebook/1
    name: My study
    language: id
    codes:
      - key: exp                # unique human key, e.g. exp.neg.fraud
        id: 6f1c...             # optional UUID, kept on round trips
        name: Experiences
        color: '#4E79A7'        # #RRGGBB
        definition: ...
        inclusion: ...
        exclusion: ...
        example: ...
        keywords: [tipu, bohong]
        children: [...]          # codes nested under this one

``dump_codebook(load_codebook(text)) == text`` for any file ``dump_codebook`` wrote.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import ColumnElement, Connection, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from .code_translations import parse_translations, read_translations, write_translations
from .errors import CodebookError, ConflictError, InputError
from .memos import forget
from .model import Code, new_id
from .palette import next_colour
from .project import Project
from .store import tables
from .text import refuse_unstorable
from .versions import claim

__all__ = [
    "key_from_name",
    "key_tells",
    "CODEBOOK_FORMAT",
    "PALETTE",
    "CodebookDoc",
    "CodebookImport",
    "CodeNode",
    "list_codes",
    "get_code",
    "code_tree",
    "subtree_ids",
    "subtrees",
    "add_code",
    "update_code",
    "move_code",
    "merge_codes",
    "delete_code",
    "CodeUse",
    "code_use",
    "load_codebook",
    "dump_codebook",
    "read_codebook_file",
    "import_codebook",
    "export_codebook",
    # the steps of adding codes, shared with makna.codebook_split (review28)
    "check_key",
    "check_code_text",
    "dotted_parent",
    "insert_codes",
    "new_code_colour",
    "next_position",
]

CODEBOOK_FORMAT = "makna-codebook/1"
PALETTE = (
    "#4E79A7",
    "#F28E2B",
    "#E15759",
    "#76B7B2",
    "#59A14F",
    "#EDC948",
    "#B07AA1",
    "#FF9DA7",
    "#9C755F",
    "#BAB0AC",
    "#1F77B4",
    "#FF7F0E",
    "#2CA02C",
    "#D62728",
    "#9467BD",
    "#8C564B",
    "#E377C2",
    "#7F7F7F",
    "#BCBD22",
    "#17BECF",
)
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_KEY = re.compile(r"^[^\s/\\]{1,200}$")
_FIELDS = ("name", "color", "definition", "inclusion", "exclusion", "example", "keywords")
#: What a stale edit's conflict reports as the code's current values.
_VERSIONED = ("key", "parent_id", *_FIELDS)


_KEY_GAPS = re.compile(r"[\s/\\]+")


def key_from_name(name: str) -> str:
    """The key a code named ``name`` gets where a file gives none (a ``.qdc``, a REFI-QDA project): the name with
    its spaces and slashes as ``_`` (``Barang disita`` -> ``Barang_disita``), at most 120 characters."""
    return _KEY_GAPS.sub("_", name.strip()).strip("_")[:120] or "code"


def key_tells(key: str, name: str) -> bool:
    """Whether a code's key says more than its name, so that a page or report shows it beside the name: not when
    it is the name, or the key made from it (:func:`key_from_name`), in any case (trial12: ``Barang_disita``
    beside *Barang disita* in every table)."""
    return key.casefold() not in (name.casefold(), key_from_name(name).casefold())


def check_key(key: str) -> str:
    if not _KEY.match(key):
        raise CodebookError(f"code key {key!r}: use 1-200 characters without spaces or slashes (e.g. exp.neg.fraud)")
    return key


def _check_color(color: str) -> str:
    if not _COLOR.match(color):
        raise CodebookError(f"colour {color!r}: use #RRGGBB (e.g. #E15759)")
    return color.upper()


def _row_to_code(r: Any, translations: tuple[tuple[str, str, str], ...] = ()) -> Code:
    return Code(
        id=r.id,
        key=r.key,
        name=r.name,
        parent_id=r.parent_id,
        color=r.color or auto_color(r.id),
        definition=r.definition,
        inclusion=r.inclusion,
        exclusion=r.exclusion,
        example=r.example,
        keywords=tuple(r.keywords or ()),
        position=r.position,
        codable=bool(r.codable),
        color_set=bool(r.color),
        version=r.version,
        translations=translations,
    )


def auto_color(code_id: str) -> str:
    """The display colour of a code that has none of its own: a palette colour chosen by its id, so
    that it stays the same from one page to the next."""
    return PALETTE[zlib.crc32(code_id.encode("utf-8")) % len(PALETTE)]


def _codes(conn: Connection) -> list[Code]:
    c = tables.codes.c
    named = read_translations(conn)
    rows = conn.execute(select(tables.codes).order_by(c.position, c.key))
    return [_row_to_code(r, named.get(r.id, ())) for r in rows]


def _tree_order(codes: Sequence[Code]) -> list[tuple[Code, int]]:
    children: dict[str | None, list[Code]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)
    out: list[tuple[Code, int]] = []

    def walk(parent: str | None, depth: int) -> None:
        for code in children.get(parent, []):
            out.append((code, depth))
            walk(code.id, depth + 1)

    walk(None, 0)
    return out


def list_codes(project: Project) -> list[Code]:
    """Every code, in tree order (parents before children, siblings by position)."""
    with project.store.read() as conn:
        return [c for c, _ in _tree_order(_codes(conn))]


@dataclass(frozen=True)
class CodeNode:
    code: Code
    depth: int
    path: str  # names from the root, joined by " / "


def code_tree(project: Project) -> list[CodeNode]:
    """Codes in tree order with depth and path."""
    with project.store.read() as conn:
        ordered = _tree_order(_codes(conn))
    names: dict[str, str] = {}
    out: list[CodeNode] = []
    for code, depth in ordered:
        path = code.name if code.parent_id is None else f"{names[code.parent_id]} / {code.name}"
        names[code.id] = path
        out.append(CodeNode(code, depth, path))
    return out


def subtree_ids(conn: Connection, code_id: str) -> list[str]:
    """``code_id`` and the ids of all its descendants."""
    return subtrees(conn, [code_id])[code_id]


def subtrees(conn: Connection, code_ids: Iterable[str]) -> dict[str, list[str]]:
    """For each of ``code_ids``: itself and the ids of all its descendants (one query for all)."""
    c = tables.codes.c
    children: dict[str | None, list[str]] = {}
    for cid, parent in conn.execute(select(c.id, c.parent_id)):
        children.setdefault(parent, []).append(cid)
    out: dict[str, list[str]] = {}
    for root in code_ids:
        found, stack = [], [root]
        while stack:
            cur = stack.pop()
            found.append(cur)
            stack.extend(children.get(cur, []))
        out[root] = found
    return out


def get_code(project: Project, key: str) -> Code:
    with project.store.read() as conn:
        cid = project.code_id(conn, key)
        row = conn.execute(select(tables.codes).where(tables.codes.c.id == cid)).one()
        return _row_to_code(row, read_translations(conn, [cid]).get(cid, ()))


def next_position(conn: Connection, parent_id: str | None) -> int:
    c = tables.codes.c
    cur = conn.execute(
        select(func.max(c.position)).where(
            c.parent_id.is_(parent_id) if parent_id is None else c.parent_id == parent_id
        )
    ).scalar()
    return 0 if cur is None else int(cur) + 1


def _insert_code(project: Project, conn: Connection, code: Code) -> None:
    insert_codes(conn, [code])


def _code_row(code: Code) -> dict[str, Any]:
    return dict(id=code.id, key=code.key, name=code.name, parent_id=code.parent_id,
                color=code.color if code.color_set else "",
                definition=code.definition, inclusion=code.inclusion, exclusion=code.exclusion,
                example=code.example, keywords=list(code.keywords), position=code.position, codable=code.codable)


def insert_codes(conn: Connection, codes: list[Code]) -> None:
    """Insert new codes (parents before children) in one statement, after checking that no key or
    id is taken, by the project or by another of ``codes``."""
    if not codes:
        return
    c = tables.codes.c
    taken = conn.execute(select(c.key, c.id)).all()  # a codebook is small: its whole index
    keys, ids = {r.key for r in taken}, {r.id for r in taken}
    for code in codes:
        if code.key in keys:
            raise CodebookError(f"code {code.key!r} exists already")
        if code.id in ids:
            raise CodebookError(f"code id {code.id} exists already")
        keys.add(code.key)
        ids.add(code.id)
    conn.execute(insert(tables.codes), [_code_row(code) for code in codes])
    write_translations(conn, {code.id: code.translations for code in codes if code.translations})


def new_code_colour(conn: Connection, parent_id: str | None) -> str:
    """A colour distinct from every colour in the codebook (a shade of the parent's for a child)."""
    c = tables.codes.c
    rows = conn.execute(select(c.id, c.color)).all()
    parent = next((r.color for r in rows if r.id == parent_id), None) if parent_id else None
    return next_colour([r.color for r in rows], parent=parent)


def add_code(
    project: Project,
    key: str,
    name: str | None = None,
    *,
    parent: str | None = None,
    color: str | None = None,
    definition: str = "",
    inclusion: str = "",
    exclusion: str = "",
    example: str = "",
    keywords: Iterable[str] = (),
    code_id: str | None = None,
    root: bool = False,
) -> Code:
    """Add a code under ``parent`` (a key), or at the root.

    Without ``parent``, a dotted key goes under the code its prefix names: ``exp.neg.scam`` under
    ``exp.neg``. When that code does not exist the code is refused (saying how to go on), so that
    a typo never makes a top-level code that retrieval of ``exp.neg`` would silently leave out;
    ``root=True`` puts it at the top level all the same."""
    check_key(key)
    check_code_text({"key": key, "name": name, "definition": definition, "inclusion": inclusion, "exclusion": exclusion,
                 "example": example, "keywords": list(keywords)})
    if parent and root:
        raise InputError("give a parent or root, not both")
    payload: dict[str, Any] = {"key": key}
    with project.store.write(project.actor, "code.add", payload) as conn:
        if not parent and not root and "." in key.strip("."):
            parent = dotted_parent(conn, key)
        parent_id = project.code_id(conn, parent) if parent else None
        code = Code(
            id=code_id or new_id(),
            key=key,
            name=(name or key).strip() or key,
            parent_id=parent_id,
            color=_check_color(color) if color else new_code_colour(conn, parent_id),
            definition=definition,
            inclusion=inclusion,
            exclusion=exclusion,
            example=example,
            keywords=tuple(k.strip() for k in keywords if k.strip()),
            position=next_position(conn, parent_id),
        )
        _insert_code(project, conn, code)
        payload.update(id=code.id, parent=parent)
    return code


def check_code_text(values: dict[str, Any]) -> None:
    """Refuse a NUL character in a code's text fields: neither backend may store what the other
    cannot (PostgreSQL text holds no NUL), so a project stays the same on both."""
    for name, value in values.items():
        items = value if isinstance(value, list | tuple) else [value]
        refuse_unstorable(f"code {name}", *(v for v in items if isinstance(v, str)))


def dotted_parent(conn: Connection, key: str) -> str:
    """The key of the code a dotted ``key`` belongs under: its prefix before the last dot."""
    prefix = key.rstrip(".").rsplit(".", 1)[0]
    c = tables.codes.c
    if conn.execute(select(c.id).where(c.key == prefix)).first() is None:
        raise CodebookError(
            f"code {key!r}: its parent {prefix!r} does not exist; add it first (makna codebook add {prefix}), "
            "put the code under another with --parent KEY, or at the top level with --root")
    return prefix


def update_code(project: Project, key: str, *, expected_version: int | None = None, **changes: Any) -> Code:
    """Change fields of a code: ``new_key`` (rename the key), ``name``, ``color``, ``definition``,
    ``inclusion``, ``exclusion``, ``example``, ``keywords``. With ``expected_version`` (the version
    the editor read), a code changed since is refused (:class:`~makna.errors.StaleEditError`)."""
    allowed = {"new_key", *_FIELDS}
    unknown = set(changes) - allowed
    if unknown:
        raise InputError(f"unknown code field(s): {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {k: v for k, v in changes.items() if v is not None and k != "new_key"}
    if "color" in values:
        values["color"] = _check_color(values["color"])
    if "keywords" in values:
        values["keywords"] = [k.strip() for k in values["keywords"] if k.strip()]
    if "name" in values and not str(values["name"]).strip():
        raise CodebookError("a code name cannot be empty")
    check_code_text(values)
    if changes.get("new_key"):
        values["key"] = check_key(changes["new_key"])
    payload: dict[str, Any] = {"key": key, "changes": sorted(values)}
    with project.store.write(project.actor, "code.update", payload) as conn:
        row = project.code_row(conn, key)  # the web names a code by its id: a refusal names it by its key
        cid = str(row.id)
        payload["id"] = cid
        payload["version"] = claim(conn, tables.codes, cid, project.actor, expected_version,
                                   what="code", label="key", fields=_VERSIONED)
        if values:
            try:
                conn.execute(update(tables.codes).where(tables.codes.c.id == cid).values(**values))
            except IntegrityError:
                raise CodebookError(f"code {values.get('key')!r} exists already") from None
    return get_code(project, cid)


def move_code(project: Project, key: str, new_parent: str | None, *, position: int | None = None,
              expected_version: int | None = None) -> Code:
    """Move a code (with its descendants) under ``new_parent`` (None: the root); with
    ``expected_version``, as :func:`update_code`."""
    payload: dict[str, Any] = {"key": key, "parent": new_parent}
    with project.store.write(project.actor, "code.move", payload) as conn:
        row = project.code_row(conn, key)
        cid = str(row.id)
        payload["version"] = claim(conn, tables.codes, cid, project.actor, expected_version,
                                   what="code", label="key", fields=_VERSIONED)
        parent_id = project.code_id(conn, new_parent) if new_parent else None
        if parent_id is not None and parent_id in subtree_ids(conn, cid):
            raise ConflictError(
                f"cannot move {key!r} under {new_parent!r}: that is {key!r} itself or one of its descendants"
            )
        c = tables.codes.c
        siblings = [
            r.id
            for r in conn.execute(
                select(c.id)
                .where((c.parent_id == parent_id) if parent_id else c.parent_id.is_(None), c.id != cid)
                .order_by(c.position, c.key)
            )
        ]
        pos = len(siblings) if position is None else max(0, min(position, len(siblings)))
        siblings.insert(pos, cid)
        conn.execute(update(tables.codes).where(c.id == cid).values(parent_id=parent_id))
        for i, sid in enumerate(siblings):
            conn.execute(update(tables.codes).where(c.id == sid).values(position=i))
        payload["id"] = cid
    return get_code(project, cid)


def merge_codes(project: Project, source_key: str, target_key: str) -> int:
    """Reassign every segment of ``source_key`` to ``target_key``, move its children under the target,
    and delete it. A segment that would duplicate one the target has (same span, same coder) is
    dropped. Returns the number of segments reassigned."""
    payload: dict[str, Any] = {"source": source_key, "target": target_key}
    with project.store.write(project.actor, "code.merge", payload) as conn:
        src_row, dst_row = project.code_row(conn, source_key), project.code_row(conn, target_key)
        src, dst = str(src_row.id), str(dst_row.id)
        payload.update(code_key=src_row.key, target_key=dst_row.key)
        if src == dst:
            raise ConflictError(f"cannot merge {source_key!r} into itself")
        if dst in subtree_ids(conn, src):
            raise ConflictError(f"cannot merge {source_key!r} into its own descendant {target_key!r}")
        moved, dropped = _reassign(conn, src, dst)
        c = tables.codes.c
        conn.execute(update(tables.codes).where(c.parent_id == src).values(parent_id=dst))
        forget(conn, "code", [src])
        conn.execute(delete(tables.codes).where(c.id == src))
        payload.update(source_id=src, target_id=dst, reassigned=moved, dropped_duplicates=dropped)
    return moved


def _reassign(conn: Connection, src: str, dst: str) -> tuple[int, int]:
    """Move the segments and memos of code ``src`` to code ``dst``; a segment that would duplicate
    one ``dst`` has (same source, span and coder) is dropped. Returns (moved, dropped)."""
    seg = tables.segments.c
    other = tables.segments.alias("other")
    dup = (
        select(other.c.id)
        .where(
            other.c.code_id == dst,
            other.c.source_id == seg.source_id,
            other.c.start == seg.start,
            other.c.end == seg.end,
            other.c.coder_id == seg.coder_id,
        )
        .exists()
    )
    forget(conn, "segment", select(seg.id).where(seg.code_id == src, dup))
    dropped = conn.execute(delete(tables.segments).where(seg.code_id == src, dup)).rowcount
    moved = conn.execute(update(tables.segments).where(seg.code_id == src).values(code_id=dst)).rowcount
    m = tables.memos.c
    conn.execute(update(tables.memos).where(m.target_kind == "code", m.target_id == src).values(target_id=dst))
    return int(moved), int(dropped)


@dataclass(frozen=True)
class CodeUse:
    """What deleting a code touches: its own codings (how many, by how many coders, in how many
    sources), which go with it or move to another code; its child codes and the codings of its
    subtree below it, which stay (the children move up to its parent)."""

    code_id: str
    key: str
    name: str
    codings: int
    coders: int
    sources: int
    children: int
    subtree_codings: int


def _code_use(conn: Connection, cid: str, seen: Sequence[ColumnElement[bool]] = ()) -> CodeUse:
    """What uses code ``cid``; ``seen``: conditions on the codings counted (see rounds.visible_where)."""
    seg, c = tables.segments.c, tables.codes.c
    row = conn.execute(select(c.key, c.name).where(c.id == cid)).one()
    own = conn.execute(select(func.count(), func.count(seg.coder_id.distinct()), func.count(seg.source_id.distinct()))
                       .where(seg.code_id == cid, *seen)).one()
    kids = conn.execute(select(func.count()).where(c.parent_id == cid)).scalar_one()
    below = [i for i in subtree_ids(conn, cid) if i != cid]
    under = conn.execute(select(func.count()).where(seg.code_id.in_(below), *seen)).scalar_one() if below else 0
    return CodeUse(cid, row.key, row.name, int(own[0]), int(own[1]), int(own[2]), int(kids), int(under))


def code_use(project: Project, key: str) -> CodeUse:
    """The counts a user should see before deleting the code ``key`` (see :class:`CodeUse`)."""
    from .rounds import visible_where

    with project.store.read() as conn:  # a blind round hides other coders' codings from the counts
        return _code_use(conn, project.code_id(conn, key), visible_where(project, conn))


def delete_code(project: Project, key: str, *, force: bool = False, move_to: str | None = None) -> int:
    """Delete a code; its children move up to its parent. Refused while it has codings or children
    unless the caller chooses what happens to them: ``force`` deletes its codings (every coder's),
    ``move_to`` (a code key or id, not the code itself) moves them, and the memos on the code, to
    that code (a coding the target has already is dropped, as in :func:`merge_codes`). Returns the
    number of codings deleted, or moved."""
    if force and move_to is not None:
        raise InputError("choose one: delete the codings (force) or move them to another code, not both")
    seg = tables.segments.c
    c = tables.codes.c
    payload: dict[str, Any] = {"key": key, "force": force, "move_to": move_to}
    with project.store.write(project.actor, "code.delete", payload) as conn:
        row = project.code_row(conn, key)
        cid = str(row.id)
        payload["code_key"] = row.key
        use = _code_use(conn, cid)
        if (use.codings or use.children) and not force and move_to is None:
            raise ConflictError(
                f"code {key!r} has {use.codings} coding(s) by {use.coders} coder(s) in {use.sources} source(s) and "
                f"{use.children} child code(s); merge it, move its codings (--move-to), or delete with --force"
            )
        parent = conn.execute(select(c.parent_id).where(c.id == cid)).scalar()
        if move_to is not None:
            dst = project.code_id(conn, move_to)
            if dst == cid:
                raise ConflictError(f"cannot move the codings of {key!r} to the code itself")
            n, dropped = _reassign(conn, cid, dst)
            payload.update(target_id=dst, moved=n, dropped_duplicates=dropped)
        else:
            forget(conn, "segment", select(seg.id).where(seg.code_id == cid))
            n = conn.execute(delete(tables.segments).where(seg.code_id == cid)).rowcount
            payload["segments_deleted"] = n
        conn.execute(update(tables.codes).where(c.parent_id == cid).values(parent_id=parent))
        forget(conn, "code", [cid])
        conn.execute(delete(tables.codes).where(c.id == cid))
        payload["id"] = cid
    return int(n)


# --------------------------------------------------------------------------- YAML format
@dataclass
class CodebookDoc:
    """A codebook as read from or written to a file: codes in tree order (parents first)."""

    name: str = ""
    language: str = ""
    codes: list[Code] = field(default_factory=list)


def _code_dict(code: Code, children: list[dict[str, Any]], with_ids: bool) -> dict[str, Any]:
    d: dict[str, Any] = {"key": code.key}
    if with_ids:
        d["id"] = code.id
    d["name"] = code.name
    if code.color_set:
        d["color"] = code.color
    if not code.codable:
        d["codable"] = False
    d.update(
        definition=code.definition,
        inclusion=code.inclusion,
        exclusion=code.exclusion,
        example=code.example,
        keywords=list(code.keywords),
    )
    if code.translations:
        d["translations"] = {lang: {"name": n, "definition": dfn} for lang, n, dfn in code.translations}
    d["children"] = children
    return d


def dump_codebook(doc: CodebookDoc, *, with_ids: bool = True) -> str:
    """The YAML text of a codebook (stable: the same codebook always gives the same text)."""
    children: dict[str | None, list[Code]] = {}
    for code in doc.codes:
        children.setdefault(code.parent_id, []).append(code)

    def build(parent: str | None) -> list[dict[str, Any]]:
        return [_code_dict(c, build(c.id), with_ids) for c in children.get(parent, [])]

    data = {"format": CODEBOOK_FORMAT, "name": doc.name, "language": doc.language, "codes": build(None)}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)


def _text(d: dict[str, Any], name: str, where: str) -> str:
    value = d.get(name, "")
    if value is None:
        return ""
    if not isinstance(value, str | int | float):
        raise CodebookError(f"{where}: {name!r} must be text")
    return str(value)


def load_codebook(text: str, *, origin: str = "codebook") -> CodebookDoc:
    """Parse codebook YAML; every problem is one :class:`CodebookError` naming where it is."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CodebookError(f"{origin}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict) or not isinstance(data.get("codes", []), list):
        raise CodebookError(f"{origin}: expected a mapping with a 'codes' list")
    if "codes" not in data and ("cases" in data or "attributes" in data):
        raise CodebookError(f"{origin}: no 'codes' list: not a codebook (a cases file: use 'makna cases import')")
    fmt = data.get("format", CODEBOOK_FORMAT)
    if fmt != CODEBOOK_FORMAT:
        raise CodebookError(f"{origin}: unsupported format {fmt!r} (expected {CODEBOOK_FORMAT})")
    doc = CodebookDoc(name=str(data.get("name") or ""), language=str(data.get("language") or ""))
    keys: set[str] = set()
    ids: set[str] = set()

    def walk(items: Any, parent: str | None, where: str) -> None:
        if items is None:
            return
        if not isinstance(items, list):
            raise CodebookError(f"{origin}: {where}: 'children' must be a list")
        for i, item in enumerate(items):
            at = f"{where}[{i}]"
            if not isinstance(item, dict) or "key" not in item:
                raise CodebookError(f"{origin}: {at}: each code needs a 'key'")
            key = check_key(str(item["key"]))
            if key in keys:
                raise CodebookError(f"{origin}: code key {key!r} appears twice")
            keys.add(key)
            cid = str(item.get("id") or new_id())
            if cid in ids:
                raise CodebookError(f"{origin}: code id {cid} appears twice")
            ids.add(cid)
            kws = item.get("keywords") or []
            if not isinstance(kws, list):
                raise CodebookError(f"{origin}: code {key!r}: 'keywords' must be a list")
            color = item.get("color")
            code = Code(
                id=cid,
                key=key,
                name=_text(item, "name", f"code {key!r}") or key,
                parent_id=parent,
                color=_check_color(str(color)) if color else next_colour(
                    [c.color for c in doc.codes], parent=next((c.color for c in doc.codes if c.id == parent), None)),
                definition=_text(item, "definition", key),
                inclusion=_text(item, "inclusion", key),
                exclusion=_text(item, "exclusion", key),
                example=_text(item, "example", key),
                keywords=tuple(str(k) for k in kws),
                position=i,
                codable=item.get("codable", True) is not False,
                translations=parse_translations(item.get("translations"), f"{origin}: code {key!r}"),
            )
            doc.codes.append(code)
            walk(item.get("children"), cid, f"{key}.children")

    walk(data.get("codes", []), None, "codes")
    return doc


def read_codebook_file(path: str | Path) -> CodebookDoc:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CodebookError(f"{p}: no such file") from None
    except (UnicodeDecodeError, IsADirectoryError) as exc:
        raise CodebookError(f"{p}: cannot read as a UTF-8 YAML codebook ({type(exc).__name__})") from None
    return load_codebook(text, origin=str(p))


@dataclass(frozen=True)
class CodebookImport:
    added: int
    updated: int


def import_codebook(project: Project, doc: CodebookDoc) -> CodebookImport:
    """Add the codes of ``doc`` to the project; a code whose key exists already gets the file's fields
    (and its parent, when the parent is in the file). All in one transaction."""
    c = tables.codes.c
    payload: dict[str, Any] = {"name": doc.name, "codes": len(doc.codes)}
    added = updated = 0
    with project.store.write(project.actor, "codebook.import", payload) as conn:
        existing = {r.key: r.id for r in conn.execute(select(c.key, c.id))}
        id_map: dict[str, str] = {}
        new: list[Code] = []  # inserted together, before the next update (which may refer to them)
        for code in doc.codes:
            parent = id_map.get(code.parent_id, code.parent_id) if code.parent_id else None
            if code.key in existing:
                insert_codes(conn, new)
                new = []
                cid = existing[code.key]
                id_map[code.id] = cid
                values = {f: getattr(code, f) for f in _FIELDS}
                values["keywords"] = list(code.keywords)
                values["codable"] = code.codable
                if not code.color_set:
                    del values["color"]
                conn.execute(update(tables.codes).where(c.id == cid).values(parent_id=parent, **values))
                if code.translations:  # a file without any leaves the project's
                    write_translations(conn, {cid: code.translations})
                updated += 1
            else:
                id_map[code.id] = code.id
                new.append(replace(code, parent_id=parent))
                added += 1
        insert_codes(conn, new)
        payload.update(added=added, updated=updated)
    return CodebookImport(added, updated)


def export_codebook(project: Project, *, with_ids: bool = True) -> str:
    meta = project.store.meta()
    doc = CodebookDoc(name=meta.get("name", ""), language=meta.get("language", ""), codes=list_codes(project))
    return dump_codebook(doc, with_ids=with_ids)
