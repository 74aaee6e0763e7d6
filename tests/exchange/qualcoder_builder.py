"""Build QualCoder projects for tests, with the schema QualCoder itself creates (issue #16).

QualCoder is not on PyPI. ``SCHEMA`` is copied verbatim from ``MainWindow.new_project`` in
``src/qualcoder/__main__.py`` of https://github.com/ccbogel/QualCoder at commit
c3204641e0a997c08219d2377eb5736cd94504bc (2026-08-22, "QualCoder 4.0 Beta", database version v17),
plus the ``coder_names`` table that ``App.update_coder_names`` (``src/qualcoder/app.py``) adds. Rows
are inserted with the column lists QualCoder's own inserts use; dates in its format
("%Y-%m-%d %H:%M:%S").

``build(folder, project)`` writes ``folder/data.qda`` (and the ``documents``, ``images``, ``audio``,
``video`` folders QualCoder makes) from a :class:`QcProject`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

QUALCODER_COMMIT = "c3204641e0a997c08219d2377eb5736cd94504bc"
DATE = "2024-05-06 07:08:09"

SCHEMA = [
    'CREATE TABLE project (databaseversion text, date text, memo text,about text, bookmarkfile integer, bookmarkpos integer, codername text, recently_used_codes text, avbookmarkfile integer, avbookmarkmsec integer, avbookmarktextpos integer)',
    'CREATE TABLE source (id integer primary key, name text, fulltext text, mediapath text, memo text, owner text, date text, av_text_id integer, risid integer, unique(name))',
    'CREATE TABLE code_image (imid integer primary key,id integer,x1 integer, y1 integer, width integer, height integer, cid integer, memo text, date text, owner text, important integer, pdf_page integer)',
    'CREATE TABLE code_av (avid integer primary key,id integer,pos0 integer, pos1 integer, cid integer, memo text, date text, owner text, important integer)',
    'CREATE TABLE annotation (anid integer primary key, fid integer,pos0 integer, pos1 integer, memo text, owner text, date text, unique(fid,pos0,pos1,owner))',
    'CREATE TABLE attribute_type (name text primary key, date text, owner text, memo text, caseOrFile text, valuetype text)',
    'CREATE TABLE attribute (attrid integer primary key, name text, attr_type text, value text, id integer, date text, owner text, unique(name,attr_type,id))',
    'CREATE TABLE case_text (id integer primary key, caseid integer, fid integer, pos0 integer, pos1 integer, owner text, date text, memo text)',
    'CREATE TABLE cases (caseid integer primary key, name text, memo text, owner text,date text, constraint ucm unique(name))',
    'CREATE TABLE code_cat (catid integer primary key, name text, owner text, date text, memo text, supercatid integer, unique(name))',
    'CREATE TABLE code_text (ctid integer primary key, cid integer, fid integer,seltext text, pos0 integer, pos1 integer, owner text, date text, memo text, avid integer, important integer, unique(cid,fid,pos0,pos1, owner))',
    'CREATE TABLE code_name (cid integer primary key, name text, memo text, catid integer, owner text,date text, color text, supercid integer, unique(name))',
    'CREATE TABLE journal (jid integer primary key, name text, jentry text, date text, owner text, unique(name))',
    'CREATE TABLE stored_sql (title text, description text, grouper text, ssql text, unique(title))',
    'CREATE TABLE graph (grid integer primary key, name text, description text, date text, scene_width integer, scene_height integer, unique(name));',
    'CREATE TABLE gr_cdct_text_item (gtextid integer primary key, grid integer, x integer, y integer, supercatid integer, catid integer, cid integer, font_size integer, bold integer, isvisible integer, displaytext text);',
    'CREATE TABLE gr_case_text_item (gcaseid integer primary key, grid integer, x integer, y integer, caseid integer, font_size integer, bold integer, color text, displaytext text);',
    'CREATE TABLE gr_file_text_item (gfileid integer primary key, grid integer, x integer, y integer, fid integer, font_size integer, bold integer, color text, displaytext text);',
    'CREATE TABLE gr_free_text_item (gfreeid integer primary key, grid integer, freetextid integer,x integer, y integer, free_text text, font_size integer, bold integer, color text,tooltip text, ctid integer,memo_ctid integer, memo_imid integer, memo_avid integer);',
    'CREATE TABLE gr_cdct_line_item (glineid integer primary key, grid integer, fromcatid integer, fromcid integer, tocatid integer, tocid integer, color text, linewidth real, linetype text, isvisible integer, label text, arrow_mode text);',
    'CREATE TABLE gr_free_line_item (gflineid integer primary key, grid integer, fromfreetextid integer, fromcatid integer, fromcid integer, fromcaseid integer,fromfileid integer, fromimid integer, fromavid integer, tofreetextid integer, tocatid integer, tocid integer, tocaseid integer, tofileid integer, toimid integer, toavid integer, color text,linewidth real, linetype text, label text, arrow_mode text);',
    'CREATE TABLE gr_memo_item (gmemoid integer primary key, grid integer, memo_source_type text, memo_source_id integer, x integer, y integer, color text, font_size integer);',
    'CREATE TABLE gr_pix_item (grpixid integer primary key, grid integer, imid integer,x integer, y integer, px integer, py integer, w integer, h integer, filepath text,tooltip text, pdf_page integer);',
    'CREATE TABLE gr_av_item (gr_avid integer primary key, grid integer, avid integer,x integer, y integer, pos0 integer, pos1 integer, filepath text, tooltip text, color text);',
    'CREATE TABLE ris (risid integer, tag text, longtag text, value text);',
    'CREATE TABLE manage_files_display (mfid integer primary key, name text, tblrows text, tblcolumns text, owner text);',
    'CREATE TABLE files_filter (filterid integer primary key, name text, filter text, owner text);',
    "CREATE TABLE IF NOT EXISTS coder_names (name TEXT UNIQUE NOT NULL, visibility INTEGER NOT NULL DEFAULT 1 "
    "CHECK (visibility IN (0, 1)))",
]


@dataclass
class QcProject:
    """What to put in a QualCoder project. Ids are QualCoder's integer ids.

    - ``sources``: (id, name, fulltext or None for a media file, memo)
    - ``categories``: (catid, name, supercatid or None, memo)
    - ``codes``: (cid, name, catid or None, supercid or None, memo, color)
    - ``codings``: (cid, fid, pos0, pos1, owner, memo); ``seltext`` is the fulltext between the
      positions unless ``seltexts`` gives another for that index
    - ``cases``: (caseid, name, memo); ``case_text``: (caseid, fid, pos0, pos1)
    - ``attribute_types``: (name, caseOrFile, valuetype); ``attributes``: (name, attr_type, value, id)
    - ``journals``: (name, entry, owner); ``annotations``: (fid, pos0, pos1, memo, owner)
    """

    memo: str = ""
    sources: list[tuple[int, str, str | None, str]] = field(default_factory=list)
    categories: list[tuple[int, str, int | None, str]] = field(default_factory=list)
    codes: list[tuple[int, str, int | None, int | None, str, str]] = field(default_factory=list)
    codings: list[tuple[int, int, int, int, str, str]] = field(default_factory=list)
    seltexts: dict[int, str] = field(default_factory=dict)
    cases: list[tuple[int, str, str]] = field(default_factory=list)
    case_text: list[tuple[int, int, int, int]] = field(default_factory=list)
    attribute_types: list[tuple[str, str, str]] = field(default_factory=list)
    attributes: list[tuple[str, str, str, int]] = field(default_factory=list)
    journals: list[tuple[str, str, str]] = field(default_factory=list)
    annotations: list[tuple[int, int, int, str, str]] = field(default_factory=list)
    coder: str = "default"


def build(folder: Path, project: QcProject) -> Path:
    """Write the QualCoder project folder ``folder`` (``name.qda``); returns it."""
    folder.mkdir(parents=True)
    for sub in ("images", "audio", "video", "documents"):
        (folder / sub).mkdir()
    conn = sqlite3.connect(folder / "data.qda")
    cur = conn.cursor()
    for statement in SCHEMA:
        cur.execute(statement)
    cur.execute("INSERT INTO project VALUES(?,?,?,?,?,?,?,?,null,null,null)",
                ("v17", DATE, project.memo, "QualCoder 4.0 Beta", 0, 0, project.coder, ""))
    texts = {}
    for fid, name, fulltext, memo in project.sources:
        mediapath = None if fulltext is not None else f"/images/{name}"
        cur.execute("insert into source(id,name,fulltext,mediapath,memo,owner,date) values(?,?,?,?,?,?,?)",
                    (fid, name, fulltext, mediapath, memo, project.coder, DATE))
        texts[fid] = fulltext or ""
    for catid, name, supercatid, memo in project.categories:
        cur.execute("insert into code_cat (catid,name,memo,owner,date,supercatid) values(?,?,?,?,?,?)",
                    (catid, name, memo, project.coder, DATE, supercatid))
    for cid, name, catid, supercid, memo, color in project.codes:
        cur.execute("insert into code_name (cid,name,memo,owner,date,catid,color,supercid) values(?,?,?,?,?,?,?,?)",
                    (cid, name, memo, project.coder, DATE, catid, color, supercid))
    for i, (cid, fid, pos0, pos1, owner, memo) in enumerate(project.codings):
        seltext = project.seltexts.get(i, texts[fid][pos0:pos1])
        cur.execute("insert into code_text (cid,fid,seltext,pos0,pos1,owner,memo,date, important) "
                    "values(?,?,?,?,?,?,?,?,?)", (cid, fid, seltext, pos0, pos1, owner, memo, DATE, None))
    for caseid, name, memo in project.cases:
        cur.execute("insert into cases (caseid,name,memo,owner,date) values(?,?,?,?,?)",
                    (caseid, name, memo, project.coder, DATE))
    for caseid, fid, pos0, pos1 in project.case_text:
        cur.execute("insert into case_text (caseid, fid, pos0, pos1, owner, date, memo) values(?,?,?,?,?,?,?)",
                    (caseid, fid, pos0, pos1, project.coder, DATE, ""))
    for name, case_or_file, valuetype in project.attribute_types:
        cur.execute("insert into attribute_type (name,date,owner,memo,caseOrFile,valuetype) values(?,?,?,?,?,?)",
                    (name, DATE, project.coder, f"about {name}", case_or_file, valuetype))
    for name, attr_type, value, ident in project.attributes:
        cur.execute("insert into attribute (name, value, id, attr_type, date, owner) values (?,?,?,?,?,?)",
                    (name, value, ident, attr_type, DATE, project.coder))
    for name, entry, owner in project.journals:
        cur.execute("insert into journal (name, jentry, owner, date) values (?,?,?,?)", (name, entry, owner, DATE))
    for fid, pos0, pos1, memo, owner in project.annotations:
        cur.execute("insert into annotation (fid,pos0,pos1,memo,owner,date) values(?,?,?,?,?,?)",
                    (fid, pos0, pos1, memo, owner, DATE))
    cur.execute("INSERT OR IGNORE INTO coder_names (name) SELECT owner FROM code_text WHERE owner IS NOT NULL")
    conn.commit()
    conn.close()
    return folder
