"""Import a QualCoder project: its folder (``study.qda``) or the SQLite database in it (``data.qda``).

Schema as QualCoder creates it (``new_project`` in ``src/qualcoder/__main__.py`` of ccbogel/QualCoder,
database version v17 at commit c3204641e0a997c08219d2377eb5736cd94504bc; older versions lack some
columns, which are then not read):

- ``source``: text sources (``fulltext``); a source without text (an image, audio or video) is not
  imported and its codings are counted in the report;
- ``code_cat`` (categories, nested by ``supercatid``) and ``code_name`` (codes in a category by
  ``catid``, or under a parent code by ``supercid``): one code tree, categories as grouping codes;
  memos become definitions, colours are kept;
- ``code_text``: codings, ``pos0``/``pos1`` over ``fulltext``; each owner becomes a coder, a coding's
  memo its segment memo. QualCoder writes the positions of its text editor, which count UTF-16 code
  units when a text has characters beyond the BMP (emoji), while ``seltext`` holds the selected text:
  a coding is placed where code points, or else UTF-16 units, give its ``seltext``; when neither does
  it is placed by code points and the report says so;
- ``cases`` (memo as description), ``case_text`` (a case linked to a whole source or a span),
  ``attribute_type`` and ``attribute``: case attributes with their values (numeric ones as numbers);
  file attributes are reported (makna keeps attributes on cases);
- ``annotation``: source memos naming the annotated span; ``journal``: project memos; ``project.memo``:
  the project memo.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ExchangeError
from ..project import Project
from ._foreign import CodeNode, add_code_tree, load_into, parse_local_datetime, stable_id
from ._load import Loader
from ._refi import derived_guid
from ._report import ImportReport, Problem
from ._sqlite import columns, open_readonly, sqlite_errors, sqlite_tables
from .offsets import CODEPOINTS, NVIVO, SelectionMapper
from .project_formats import ImportOptions, ProjectFormat, register_format

__all__ = ["QUALCODER_COMMIT", "open_qualcoder", "load_qualcoder", "database_of"]

#: The QualCoder source whose schema this reader follows (database version v17)
QUALCODER_COMMIT = "c3204641e0a997c08219d2377eb5736cd94504bc"
WHAT = "QualCoder project"
_REQUIRED = {
    "project": {"databaseversion"},
    "source": {"id", "name", "fulltext"},
    "code_name": {"cid", "name", "catid"},
    "code_cat": {"catid", "name"},
    "code_text": {"cid", "fid", "pos0", "pos1", "owner"},
}


def database_of(path: Path) -> Path:
    """The SQLite file of a QualCoder project given as its folder or as the file itself."""
    return path / "data.qda" if path.is_dir() else path


def _sniff(path: Path) -> bool:
    found = sqlite_tables(database_of(path))
    return found is not None and set(_REQUIRED) <= found


@dataclass
class _Opened:
    path: Path
    conn: sqlite3.Connection


@contextmanager
def open_qualcoder(path: Path, options: ImportOptions) -> Iterator[_Opened]:
    """Check a QualCoder project before any makna project is created."""
    db = database_of(path)
    if path.is_dir() and not db.exists():
        raise ExchangeError(f"{path}: not a {WHAT} (the folder holds no data.qda)")
    with open_readonly(db, WHAT, _REQUIRED, options.limits.max_total) as conn:
        yield _Opened(path, conn)


def load_qualcoder(project: Project, opened: _Opened, options: ImportOptions) -> ImportReport:
    """Import what :func:`open_qualcoder` opened into the empty ``project``, in one transaction."""
    report = ImportReport(path=str(opened.path), offsets="code points (UTF-16 units where seltext says so)")
    with sqlite_errors(opened.path, WHAT):
        return load_into(project, opened.path, "exchange.import_qualcoder", report,
                         lambda loader: _Reader(opened, loader, report).run())


def _s(value: Any) -> str:
    return "" if value is None else str(value)


class _Reader:
    def __init__(self, opened: _Opened, loader: Loader, report: ImportReport) -> None:
        self.path, self.conn, self.loader, self.report = opened.path, opened.conn, loader, report
        self.coders: dict[str, str] = {}
        self.sources: dict[int, tuple[str, SelectionMapper, str, int]] = {}  # fid -> (id, mapper, raw, units)
        self.utf16: dict[int, SelectionMapper] = {}  # fid -> its text read in UTF-16 units (made when needed)
        self.tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def cols(self, table: str) -> set[str]:
        return columns(self.conn, table) if table in self.tables else set()

    def rows(self, table: str, wanted: list[str], order: str) -> list[dict[str, Any]]:
        """The rows of ``table`` with the ``wanted`` columns it has (None for the others)."""
        have = self.cols(table)
        if not have:
            return []
        picked = [c for c in wanted if c in have]
        out = []
        for r in self.conn.execute(f'SELECT {", ".join(picked)} FROM "{table}" ORDER BY {order}'):  # noqa: S608
            row = dict.fromkeys(wanted)
            row.update(zip(picked, r, strict=True))
            out.append(row)
        return out

    def coder(self, owner: Any) -> str:
        name = _s(owner).strip()
        if not name:
            return self.loader.coder(None)
        if name not in self.coders:
            self.coders[name] = self.loader.add_coder(derived_guid("qualcoder-coder", name), name)
        return self.coders[name]

    # ------------------------------------------------------------------ driver
    def run(self) -> None:
        meta = self.rows("project", ["databaseversion", "memo", "about", "codername"], "rowid")
        version = _s(meta[0]["databaseversion"]) if meta else ""
        about = _s(meta[0]["about"]) if meta else ""
        self.report.origin = f"{about or 'QualCoder'} (database {version or 'version unknown'})"
        self.report.project = self.path.stem if self.path.is_dir() or self.path.name != "data.qda" \
            else self.path.resolve().parent.stem
        codes = self.codebook()
        self.read_sources()
        self.codings(codes)
        self.cases()
        self.memos(meta[0] if meta else {})

    # ------------------------------------------------------------------ codebook
    def codebook(self) -> dict[int, str]:
        cats = self.rows("code_cat", ["catid", "name", "memo", "supercatid"], "catid")
        codes = self.rows("code_name", ["cid", "name", "memo", "catid", "color", "supercid"], "cid")
        cat_ids = {c["catid"] for c in cats}
        code_ids = {c["cid"] for c in codes}
        nodes = [CodeNode(f"cat:{c['catid']}", _s(c["name"]),
                          f"cat:{c['supercatid']}" if c["supercatid"] in cat_ids else None, _s(c["memo"]))
                 for c in cats]
        for c in codes:
            if c["supercid"] is not None and c["supercid"] in code_ids and c["supercid"] != c["cid"]:
                parent: str | None = f"code:{c['supercid']}"
            elif c["catid"] in cat_ids:
                parent = f"cat:{c['catid']}"
            else:
                parent = None
            nodes.append(CodeNode(f"code:{c['cid']}", _s(c["name"]), parent, _s(c["memo"]), _s(c["color"]) or None))
        ids = add_code_tree(self.loader, nodes, lambda ref: derived_guid("qualcoder", ref))
        return {int(c["cid"]): ids[f"code:{c['cid']}"] for c in codes}

    # ------------------------------------------------------------------ sources
    def read_sources(self) -> None:
        for row in self.rows("source", ["id", "name", "fulltext", "mediapath", "memo", "owner", "date"], "id"):
            raw = _s(row["fulltext"])
            name = _s(row["name"]) or f"source {row['id']}"
            if not raw.strip():
                self.report.notes.append(f"source {name!r}: no text (an image, audio or video file): not imported")
                continue
            mapper = SelectionMapper(raw, CODEPOINTS)
            try:
                entry = self.loader.add_source(derived_guid("qualcoder-source", str(row["id"])), name, mapper.text,
                                               {}, parse_local_datetime(row["date"]))
            except ExchangeError as exc:
                raise ExchangeError(f"{self.path}: source {name!r}: {exc}") from None
            units = len(raw.encode("utf-16-le", "surrogatepass")) // 2
            self.sources[int(row["id"])] = (entry[0], mapper, raw, units)
            if _s(row["memo"]).strip():
                self.loader.add_memo(derived_guid("qualcoder-source-memo", str(row["id"])), "source", entry[0],
                                     "QualCoder source memo", _s(row["memo"]), None, None)
        for table in ("code_image", "code_av"):
            n = self.conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] if table in self.tables else 0  # noqa: S608
            if n:
                self.report.notes.append(f"{n} coding(s) of images or audio/video ({table}) not imported "
                                         "(makna imports text)")

    def place(self, fid: Any, pos0: Any, pos1: Any, seltext: Any, where: str) -> tuple[str, int, int] | None:
        """(source id, start, end) in makna's text for QualCoder positions, or None (reported)."""
        found = self.sources.get(fid) if type(fid) is int else None
        if found is None:
            self.report.unmapped.append(Problem(where.split(" ", 1)[0], where, "its source is not imported"))
            return None
        sid, mapper, raw, units = found
        if type(pos0) is not int or type(pos1) is not int:
            self.report.unmapped.append(Problem(where.split(" ", 1)[0], where, "its positions are not integers"))
            return None
        span: tuple[int, int] | str = mapper.map(pos0, pos1)
        if seltext is None or raw[pos0:pos1] == seltext:  # (the usual case: code points, as stored)
            if isinstance(span, str):
                self.report.unmapped.append(Problem(where.split(" ", 1)[0], where, span))
                return None
            return sid, span[0], span[1]
        wanted_text = SelectionMapper(_s(seltext), CODEPOINTS).text
        if units != len(raw):
            # the editor's positions (UTF-16 units) when the text has characters beyond the BMP
            if fid not in self.utf16:
                self.utf16[fid] = SelectionMapper(raw, NVIVO)
            other = self.utf16[fid].map(pos0, pos1)
            if not isinstance(other, str) and mapper.text[other[0]:other[1]] == wanted_text:
                span = other
        if isinstance(span, str):
            self.report.unmapped.append(Problem(where.split(" ", 1)[0], where, span))
            return None
        if mapper.text[span[0]:span[1]] != wanted_text:
            self.report.notes.append(f"{where}: the text at its positions differs from the text QualCoder "
                                     "stored with it (seltext); placed by its positions")
        return sid, span[0], span[1]

    # ------------------------------------------------------------------ codings
    def codings(self, codes: dict[int, str]) -> None:
        memos: list[tuple[str, str]] = []
        seen: set[tuple[str, int, int, str, str]] = set()
        key_order = "ctid" if "ctid" in self.cols("code_text") else "rowid"
        for row in self.rows("code_text", ["ctid", "cid", "fid", "seltext", "pos0", "pos1", "owner", "date", "memo"],
                             f"fid, pos0, pos1, {key_order}"):
            where = f"coding {row['ctid'] if row['ctid'] is not None else ''} at {row['pos0']}:{row['pos1']}"
            code = codes.get(row["cid"]) if type(row["cid"]) is int else None
            if code is None:
                self.report.unmapped.append(Problem("coding", where, f"its code {row['cid']} is not in the codebook"))
                continue
            placed = self.place(row["fid"], row["pos0"], row["pos1"], row["seltext"], where)
            if placed is None:
                continue
            sid, a, b = placed
            coder = self.coder(row["owner"])
            key = (sid, a, b, code, coder)
            if key in seen:
                self.report.unmapped.append(Problem("coding", where,
                                                    "the same code by the same coder again (duplicate)"))
                continue
            seen.add(key)
            ref = str(row["ctid"]) if row["ctid"] is not None else f"{row['fid']}:{row['pos0']}:{row['pos1']}:{code}"
            seg = self.loader.segment(stable_id("qualcoder-coding", ref, coder), sid, a, b, code, coder,
                                      _s(row["date"]) or None)
            if _s(row["memo"]).strip():
                memos.append((seg, _s(row["memo"])))
        self.loader.flush()
        for seg, memo in memos:
            self.loader.set_segment_memo(seg, memo)

    # ------------------------------------------------------------------ cases and attributes
    def cases(self) -> None:
        types = {_s(t["name"]): t for t in self.rows("attribute_type", ["name", "memo", "caseOrFile", "valuetype"],
                                                      "name")}
        values: dict[int, dict[str, str]] = {}
        file_values = 0
        for a in self.rows("attribute", ["name", "attr_type", "value", "id"], "rowid"):
            if _s(a["attr_type"]) == "case" and type(a["id"]) is int and _s(a["value"]) != "":
                values.setdefault(a["id"], {})[_s(a["name"])] = _s(a["value"]).strip()
            elif _s(a["attr_type"]) == "file" and _s(a["value"]) != "":
                file_values += 1
        if file_values:
            self.report.notes.append(f"{file_values} file attribute value(s) not imported (makna keeps attributes "
                                     "on cases)")
        attr_guid: dict[str, str] = {}
        taken: set[str] = set()
        for name, t in types.items():
            if _s(t["caseOrFile"]) != "case":
                continue
            used = [v[name] for v in values.values() if name in v]
            kind = "text"
            if _s(t["valuetype"]) == "numeric":
                kind = "integer" if all(_is_int(v) for v in used) else "float"
            guid = derived_guid("qualcoder-attribute", name)
            self.loader.add_attribute(guid, name, kind, _s(t["memo"]), taken)
            attr_guid[name] = guid
        taken_cases: set[str] = set()
        case_ids: dict[int, str] = {}
        for c in self.rows("cases", ["caseid", "name", "memo"], "caseid"):
            checked: dict[str, str] = {}
            for name, value in values.get(c["caseid"], {}).items():
                got = self.loader.value(attr_guid.get(name), value, f"case {_s(c['name'])!r}") if name in attr_guid \
                    else None
                if got is not None:
                    checked[got[0]] = got[1]
            case_ids[c["caseid"]] = self.loader.add_case(derived_guid("qualcoder-case", str(c["caseid"])),
                                                         _s(c["name"]) or f"case {c['caseid']}", _s(c["memo"]),
                                                         checked, taken_cases)
        for link in self.rows("case_text", ["id", "caseid", "fid", "pos0", "pos1"], "id"):
            case = case_ids.get(link["caseid"])
            found = self.sources.get(link["fid"]) if type(link["fid"]) is int else None
            if case is None or found is None:
                self.report.notes.append(f"case link {link['id']}: its case or source is not imported")
                continue
            if link["pos0"] in (None, 0) and (link["pos1"] is None or (type(link["pos1"]) is int
                                                                       and link["pos1"] >= len(found[2]))):
                self.loader.link_case(case, found[0], None, None, None)
                continue
            placed = self.place(link["fid"], link["pos0"], link["pos1"], None, f"case-link {link['id']}")
            if placed is not None:
                self.loader.link_case(case, placed[0], placed[1], placed[2], None)

    # ------------------------------------------------------------------ memos
    def memos(self, meta: dict[str, Any]) -> None:
        if _s(meta.get("memo")).strip():
            self.loader.add_memo(derived_guid("qualcoder-project-memo"), "project", None, "QualCoder project memo",
                                 _s(meta["memo"]), None, None)
        for j in self.rows("journal", ["jid", "name", "jentry", "date", "owner"], "jid"):
            if not _s(j["jentry"]).strip():
                self.report.notes.append(f"journal {_s(j['name'])!r} is empty: not imported")
                continue
            self.loader.add_memo(derived_guid("qualcoder-journal", str(j["jid"])), "project", None,
                                 _s(j["name"]) or "Journal", _s(j["jentry"]), self.coder(j["owner"]),
                                 parse_local_datetime(j["date"]))
        for a in self.rows("annotation", ["anid", "fid", "pos0", "pos1", "memo", "owner", "date"], "anid"):
            if not _s(a["memo"]).strip():
                continue
            placed = self.place(a["fid"], a["pos0"], a["pos1"], None, f"annotation {a['anid']}")
            if placed is None:
                continue
            self.loader.add_memo(derived_guid("qualcoder-annotation", str(a["anid"])), "source", placed[0],
                                 f"Annotation at {placed[1]}-{placed[2]}", _s(a["memo"]), self.coder(a["owner"]),
                                 parse_local_datetime(a["date"]))


def _is_int(value: str) -> bool:
    try:
        int(value)
    except ValueError:
        return False
    return True


register_format(ProjectFormat(
    "qualcoder", (".qda",), _sniff, open_qualcoder, load_qualcoder,
    "QualCoder project (its .qda folder, or the data.qda database in it)"))
