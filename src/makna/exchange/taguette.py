"""Import a Taguette project: from its database (``.sqlite3``), or from its highlights export (CSV/XLSX).

**Database** (Taguette 1.x, checked with 1.5.2): a Taguette database holds every project of one
Taguette instance; the one project in it is imported, or the one ``select`` names (its id or name).
Documents (HTML) become sources: their text nodes, with a line break between paragraphs (see
:mod:`makna.exchange._html_text`), NFC-normalised. Tags become codes; a tag path ``a.b`` is the
child ``b`` of ``a`` (Taguette's convention: the highlights of ``a`` include those of ``a.b``), and a
parent that is no tag of its own is added as a grouping code. A tag's GUID is Taguette's own (the
uuid5 its codebook export writes). Highlights become one coding per tag, at the characters their
UTF-8 byte offsets cover; the coder is the member whose ``highlight_add`` command made the highlight
(Taguette keeps no other record of it), else the importing coder. Every highlight's text is checked
against the snippet Taguette stored with it; one that differs, or falls inside a character, is
reported and not imported. Members become coders; the project description and document descriptions
become memos.

**Highlights export** (``id, document, tag, content``; Taguette's "Export highlights" as CSV or Excel):
the documents themselves are not in it, so each document becomes a source made of its highlighted
excerpts, one paragraph each (a highlight with several tags once), coded with its tags. The report
says so.
"""

from __future__ import annotations

import csv
import html
import io
import re
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ExchangeError
from ..project import Project
from ._foreign import CodeNode, add_code_tree, load_into, parse_local_datetime, stable_id
from ._html_text import HtmlText, html_text
from ._load import Loader
from ._refi import derived_guid
from ._report import ImportReport, Problem
from ._sqlite import application_id, is_sqlite, open_readonly, sqlite_errors, sqlite_tables
from .offsets import CODEPOINTS, SelectionMapper
from .project_formats import ImportOptions, ProjectFormat, register_format

__all__ = ["TAGUETTE_NAMESPACE", "APPLICATION_ID", "open_taguette", "load_taguette", "read_highlights_export",
           "tag_tree", "tag_guid"]

#: The namespace of Taguette's tag GUIDs (taguette/export.py)
TAGUETTE_NAMESPACE = uuid.UUID("51B2B2B7-27EB-4ECB-9D56-E75B0A0496C2")
#: ``PRAGMA application_id`` of a Taguette database ('Tgtt')
APPLICATION_ID = 0x54677474
WHAT = "Taguette database"
_REQUIRED = {
    "projects": {"id", "name", "description"},
    "documents": {"id", "name", "description", "project_id", "contents"},
    "tags": {"id", "project_id", "path", "description"},
    "highlights": {"id", "document_id", "start_offset", "end_offset", "snippet"},
    "highlight_tags": {"highlight_id", "tag_id"},
}
_EXPORT_HEADER = ["id", "document", "tag", "content"]
_MAX_EXPORT_BYTES = 200 * 1024 * 1024


# ----------------------------------------------------------------------------- sniffing
def _is_database(path: Path) -> bool:
    if not is_sqlite(path):
        return False
    if application_id(path) == APPLICATION_ID:
        return True
    found = sqlite_tables(path)
    return found is not None and set(_REQUIRED) <= found


def _is_export(path: Path) -> bool:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx") or not path.is_file():
        return False
    if suffix == ".csv":
        try:
            with open(path, encoding="utf-8-sig", newline="") as fh:
                return next(csv.reader([fh.readline()]), []) == _EXPORT_HEADER
        except (OSError, UnicodeError, csv.Error):
            return False
    return True  # an .xlsx is checked when read


def _sniff(path: Path) -> bool:
    return _is_database(path) or _is_export(path)


# ----------------------------------------------------------------------------- opening
@dataclass
class _Opened:
    path: Path
    conn: sqlite3.Connection | None  # the database, or None for a highlights export
    rows: list[tuple[str, str, str, str]] | None = None  # a highlights export's rows


@contextmanager
def open_taguette(path: Path, options: ImportOptions) -> Iterator[_Opened]:
    """Check a Taguette database (or highlights export) before any project is created."""
    if path.suffix.lower() in (".csv", ".xlsx") and not is_sqlite(path):
        yield _Opened(path, None, read_highlights_export(path))
        return
    with open_readonly(path, WHAT, _REQUIRED, options.limits.max_total) as conn:
        yield _Opened(path, conn)


def load_taguette(project: Project, opened: _Opened, options: ImportOptions) -> ImportReport:
    """Import what :func:`open_taguette` opened into the empty ``project``, in one transaction."""
    report = ImportReport(path=str(opened.path), origin="Taguette", offsets="UTF-8 bytes of the HTML text")
    if opened.conn is None:
        assert opened.rows is not None
        report.offsets = "none (a highlights export holds excerpts only)"
        return load_into(project, opened.path, "exchange.import_taguette", report,
                         lambda loader: _fill_from_export(loader, opened.path, opened.rows or [], report))
    conn = opened.conn
    with sqlite_errors(opened.path, WHAT):
        return load_into(project, opened.path, "exchange.import_taguette", report,
                         lambda loader: _Database(opened.path, conn, loader, report, options.select).run())


# ----------------------------------------------------------------------------- the database
def tag_guid(path: str) -> str:
    """The GUID Taguette's codebook export gives the tag ``path``."""
    return str(uuid.uuid5(TAGUETTE_NAMESPACE, path))


def tag_tree(paths: list[str]) -> list[tuple[str, str, str | None]]:
    """(path, name, parent path) for every tag path and every parent a path implies, parents first.
    Paths are split on dots (``pengalaman.negatif``), or on slashes when no path has a dot."""
    sep = "." if any("." in p.strip(".") for p in paths) or not any("/" in p for p in paths) else "/"
    out: dict[str, tuple[str, str | None]] = {}
    for path in sorted(paths):
        parts = path.split(sep)
        if any(not part.strip() for part in parts):  # "a..b", ".a", "a.": not a hierarchy
            out.setdefault(path, (path, None))
            continue
        for i in range(1, len(parts) + 1):
            prefix = sep.join(parts[:i])
            out.setdefault(prefix, (parts[i - 1], sep.join(parts[: i - 1]) if i > 1 else None))
    return [(path, name, parent) for path, (name, parent) in out.items()]


class _Database:
    def __init__(self, path: Path, conn: sqlite3.Connection, loader: Loader, report: ImportReport,
                 select: str | None) -> None:
        self.path, self.conn, self.loader, self.report, self.select = path, conn, loader, report, select

    def project(self) -> tuple[int, str, str]:
        rows = self.conn.execute("SELECT id, name, description FROM projects ORDER BY id").fetchall()
        if self.select is not None:
            chosen = [r for r in rows if str(r[0]) == self.select or str(r[1]) == self.select]
            if len(chosen) != 1:
                raise ExchangeError(f"{self.path}: {'no' if not chosen else 'more than one'} project "
                                    f"{self.select!r} in this {WHAT} (it holds: {_listing(rows)})")
            return int(chosen[0][0]), str(chosen[0][1]), str(chosen[0][2] or "")
        if len(rows) != 1:
            raise ExchangeError(f"{self.path}: this {WHAT} holds {len(rows)} projects; choose one with "
                                f"--select ID or NAME ({_listing(rows)})")
        return int(rows[0][0]), str(rows[0][1]), str(rows[0][2] or "")

    def run(self) -> None:
        pid, name, description = self.project()
        self.report.project = str(name or "")
        self.report.origin = f"Taguette (project {pid})"
        coders = self.coders(pid)
        tags = self.conn.execute("SELECT id, path, description FROM tags WHERE project_id = ? ORDER BY id",
                                 (pid,)).fetchall()
        described = {str(t[1]): str(t[2] or "") for t in tags}
        nodes = [CodeNode(path, name, parent, described.get(path, ""), key=path.replace(" ", "_"))
                 for path, name, parent in tag_tree([str(t[1]) for t in tags])]
        code_of_path = add_code_tree(self.loader, nodes, tag_guid)
        code_of_tag = {int(t[0]): code_of_path[str(t[1])] for t in tags}
        tags_of: dict[int, list[int]] = {}
        for hid, tid in self.conn.execute(
                "SELECT ht.highlight_id, ht.tag_id FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id "
                "JOIN documents d ON d.id = h.document_id WHERE d.project_id = ? ORDER BY ht.highlight_id, ht.tag_id",
                (pid,)):
            tags_of.setdefault(int(hid), []).append(int(tid))
        made_by = self.highlight_authors(pid)
        docs = self.conn.execute("SELECT id, name, description, contents, created FROM documents "
                                 "WHERE project_id = ? ORDER BY id", (pid,)).fetchall()
        for did, dname, ddesc, contents, created in docs:
            self.document(int(did), str(dname), str(ddesc or ""), str(contents or ""), created, code_of_tag,
                          tags_of, made_by, coders)
        if str(description or "").strip():
            self.loader.add_memo(derived_guid("taguette-project-memo", str(pid)), "project", None,
                                 "Taguette project description", str(description), None, None)

    def coders(self, pid: int) -> dict[str, str]:
        """Member login -> coder id (every member, in login order)."""
        out = {}
        for (login,) in self.conn.execute("SELECT user_login FROM project_members WHERE project_id = ? "
                                          "ORDER BY user_login", (pid,)) if self.has("project_members") else []:
            out[str(login)] = self.loader.add_coder(derived_guid("taguette-user", str(login)), str(login))
        return out

    def has(self, table: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                 (table,)).fetchone() is not None

    def highlight_authors(self, pid: int) -> dict[int, tuple[str, str | None]]:
        """Highlight id -> (login, date) of the last ``highlight_add`` command for it."""
        out: dict[int, tuple[str, str | None]] = {}
        if not self.has("commands"):
            return out
        import json

        for login, date, payload in self.conn.execute(
                "SELECT user_login, date, payload FROM commands WHERE project_id = ? AND payload LIKE "
                "'%highlight_add%' ORDER BY id", (pid,)):
            try:
                data = json.loads(payload)
            except (TypeError, ValueError):
                continue
            if isinstance(data, dict) and data.get("type") == "highlight_add" and type(data.get("highlight_id")) is int:
                out[data["highlight_id"]] = (str(login), None if date is None else str(date))
        return out

    def document(self, did: int, name: str, description: str, contents: str, created: Any,
                 code_of_tag: dict[int, str], tags_of: dict[int, list[int]],
                 made_by: dict[int, tuple[str, str | None]], coders: dict[str, str]) -> None:
        parsed = HtmlText(contents)
        highlights = self.conn.execute("SELECT id, start_offset, end_offset, snippet FROM highlights "
                                       "WHERE document_id = ? ORDER BY start_offset, id", (did,)).fetchall()
        if not parsed.raw or parsed.raw.isspace():
            self.report.notes.append(f"document {name!r}: no text: not imported ({len(highlights)} highlight(s))")
            return
        mapper = SelectionMapper(parsed.raw, CODEPOINTS)
        try:
            sid, _, _ = self.loader.add_source(derived_guid("taguette-document", str(did)), name, mapper.text, {},
                                               parse_local_datetime(created))
        except ExchangeError as exc:
            raise ExchangeError(f"{self.path}: document {name!r}: {exc}") from None
        if description.strip():
            self.loader.add_memo(derived_guid("taguette-document-memo", str(did)), "source", sid,
                                 "Taguette document description", description, None, None)
        for hid, start, end, snippet in highlights:
            where = f"{int(hid)} in {name!r} at {start}:{end}"
            if type(start) is not int or type(end) is not int:
                self.report.unmapped.append(Problem("highlight", where, "its offsets are not integers"))
                continue
            span = parsed.span(start, end)
            if isinstance(span, str):
                self.report.unmapped.append(Problem("highlight", where, span))
                continue
            t0, t1, r0, r1 = span
            if snippet is not None and not _same_text(str(snippet), parsed.text[t0:t1]):
                self.report.unmapped.append(Problem("highlight", where, "the text at its offsets differs from the "
                                                                        "snippet Taguette stored with it"))
                continue
            mapped = mapper.map(r0, r1)
            if isinstance(mapped, str):
                self.report.unmapped.append(Problem("highlight", where, mapped))
                continue
            tag_ids = tags_of.get(int(hid), [])
            if not tag_ids:
                self.report.unmapped.append(Problem("highlight", where, "it has no tag (makna codes need a code)"))
                continue
            login, date = made_by.get(int(hid), (None, None))
            coder = coders.get(login) if login is not None else None
            if coder is None and login is not None:
                coder = coders[login] = self.loader.add_coder(derived_guid("taguette-user", login), login)
            coder = coder or self.loader.coder(None)
            for tid in tag_ids:
                self.loader.segment(stable_id("taguette-highlight", str(hid), str(tid)), sid, mapped[0], mapped[1],
                                    code_of_tag[tid], coder, date)


_TAG = re.compile(r"<[^>]*>")


def _same_text(snippet: str, text: str) -> bool:
    """Whether the HTML ``snippet``'s text is ``text``: first by dropping its tags (enough for the
    serialised HTML Taguette stores), else by parsing it."""
    quick = html.unescape(_TAG.sub("", snippet.replace("\r\n", "\n").replace("\r", "\n")))
    return quick == text or html_text(snippet) == text


def _listing(rows: list[Any]) -> str:
    shown = ", ".join(f"{r[0]}: {str(r[1])[:60]!r}" for r in rows[:10])
    return shown + (f", ... ({len(rows)} in all)" if len(rows) > 10 else "") if rows else "none"


# ----------------------------------------------------------------------------- the highlights export
def read_highlights_export(path: Path) -> list[tuple[str, str, str, str]]:
    """The rows (id, document, tag, content) of a Taguette highlights export (CSV or XLSX)."""
    if not path.is_file():
        raise ExchangeError(f"{path}: no such file")
    size = path.stat().st_size
    if size > _MAX_EXPORT_BYTES:
        raise ExchangeError(f"{path}: {size:,} bytes is over the {_MAX_EXPORT_BYTES:,}-byte limit")
    if path.suffix.lower() == ".xlsx":
        rows = _xlsx_rows(path)
    else:
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ExchangeError(f"{path}: not a Taguette highlights export (not UTF-8 text)") from None
        try:
            rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""))]
        except csv.Error as exc:
            raise ExchangeError(f"{path}: not a readable CSV file ({exc})") from None
    if not rows or [c.strip().lower() for c in rows[0][:4]] != _EXPORT_HEADER:
        raise ExchangeError(f"{path}: not a Taguette highlights export (its first row is not "
                            f"{', '.join(_EXPORT_HEADER)})")
    out = []
    for row in rows[1:]:
        if not any(c.strip() for c in row):
            continue
        cells = [*row, "", "", "", ""][:4]
        out.append((cells[0].strip(), cells[1], cells[2], cells[3]))
    return out


def _xlsx_rows(path: Path) -> list[list[str]]:
    from ..importers.xlsx import read_xlsx_rows  # the one defensive .xlsx reader (the survey importer's too)

    return read_xlsx_rows(path, path.read_bytes()).rows


def _fill_from_export(loader: Loader, path: Path, rows: list[tuple[str, str, str, str]],
                      report: ImportReport) -> None:
    report.notes.append("a highlights export holds the highlighted excerpts, not the documents: each document "
                        "became a source made of its excerpts, one paragraph each")
    tags = sorted({tag for _, _, tag, _ in rows if tag.strip()})
    nodes = [CodeNode(p, name, parent, key=p.replace(" ", "_")) for p, name, parent in tag_tree(tags)]
    code_of = add_code_tree(loader, nodes, tag_guid)
    docs: dict[str, dict[str, tuple[str, list[str]]]] = {}
    for hid, doc, tag, content in rows:
        excerpts = docs.setdefault(doc, {})
        key = hid or f"row {len(excerpts)}"
        text, tag_list = excerpts.setdefault(key, (content, []))
        if content != text:
            report.notes.append(f"highlight {hid} in {doc!r}: rows with different contents: the first one kept")
        if tag.strip():
            tag_list.append(tag)
    coder = loader.coder(None)
    for doc, excerpts in docs.items():
        parts: list[tuple[str, list[str]]] = []
        for content, tag_list in excerpts.values():
            body = SelectionMapper(content.strip(), CODEPOINTS).text
            if body:
                parts.append((body, tag_list))
        if not parts:
            report.notes.append(f"document {doc!r}: no highlighted text: not imported")
            continue
        text = "\n\n".join(p for p, _ in parts)
        sid, _, _ = loader.add_source(derived_guid("taguette-export-document", doc), doc or "document", text, {},
                                      None)
        at = 0
        for body, tag_list in parts:
            if not tag_list:
                report.unmapped.append(Problem("highlight", f"in {doc!r}", "it has no tag (makna codes need a code)"))
            for tag in dict.fromkeys(tag_list):
                loader.segment(None, sid, at, at + len(body), code_of[tag], coder, None)
            at += len(body) + 2


register_format(ProjectFormat(
    "taguette", (".sqlite3", ".sqlite", ".db", ".csv", ".xlsx"), _sniff, open_taguette, load_taguette,
    "Taguette project database, or its highlights export (.csv / .xlsx)"))
