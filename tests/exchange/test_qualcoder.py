"""Importing QualCoder projects (#16), built with QualCoder's own schema (``qualcoder_builder.py``)."""

from __future__ import annotations

import sqlite3
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from foreign_helpers import codings, export_valid, memos
from lxml import etree
from qualcoder_builder import QcProject, build
from sqlalchemy import select
from typer.testing import CliRunner

import makna
from makna.errors import ExchangeError
from makna.exchange import import_project
from makna.store import tables as T

WAWANCARA = ("P: Sejak kapan pakai MiChat?\nI: Sejak 2021 😀, dari teman di Padang.\n"
             "P: Di mana ketemu?\nI: Di Cafe\u0301 dekat pasar 👍🏽, kadang di rumah.\n")
CATATAN = "Catatan lapangan.\r\nHari kedua: informan datang terlambat.\r\n"


def _at(text: str, quote: str) -> tuple[int, int]:
    i = text.index(quote)
    return i, i + len(quote)


def _utf16(text: str, quote: str) -> tuple[int, int]:
    """Positions as QualCoder's editor writes them when a text has emoji: UTF-16 code units."""
    i = text.index(quote)
    units = len(text[:i].encode("utf-16-le")) // 2
    return units, units + len(quote.encode("utf-16-le")) // 2


def _project() -> QcProject:
    p = QcProject(memo="Memo proyek: studi fiktif.", coder="sari")
    p.sources = [(1, "wawancara-01.txt", WAWANCARA, "Wawancara pertama"), (2, "catatan.txt", CATATAN, ""),
                 (3, "foto.jpg", None, "")]
    p.categories = [(1, "Pengalaman", None, "Pengalaman informan"), (2, "Negatif", 1, ""), (3, "Alasan", None, "")]
    p.codes = [(1, "awal", 1, None, "Bagaimana mulai", "#FF0000"), (2, "takut", 2, None, "", "#00ff00"),
               (3, "tempat", None, None, "", ""), (4, "kafe", None, 3, "Sub-code of tempat", "#0000FF"),
               (5, "ekonomi", 3, None, "", "")]
    s1, e1 = _at(WAWANCARA, "Sejak 2021 😀, dari teman di Padang.")
    s2, e2 = _utf16(WAWANCARA, "Di Cafe\u0301 dekat pasar 👍🏽")  # after an emoji: UTF-16 positions
    s3, e3 = _at(CATATAN, "Hari kedua: informan datang terlambat.")
    s4, e4 = _at(WAWANCARA, "P: Di mana ketemu?")
    p.codings = [(1, 1, s1, e1, "sari", "catatan coding"), (1, 1, s1, e1, "budi", ""),
                 (4, 1, s2, e2, "sari", ""), (3, 1, s2, e2, "budi", ""), (2, 2, s3, e3, "budi", ""),
                 (5, 1, s4, e4, "sari", "")]
    p.seltexts = {3: WAWANCARA[slice(*_at(WAWANCARA, "Di Cafe\u0301 dekat pasar 👍🏽"))],
                  2: WAWANCARA[slice(*_at(WAWANCARA, "Di Cafe\u0301 dekat pasar 👍🏽"))],
                  5: "stale text"}
    p.cases = [(1, "Ani", "Informan pertama"), (2, "Budi", "")]
    p.case_text = [(1, 1, 0, len(WAWANCARA)), (2, 2, *_at(CATATAN, "Hari kedua"))]
    p.attribute_types = [("umur", "case", "numeric"), ("kota", "case", "character"), ("jenis", "file", "character")]
    p.attributes = [("umur", "case", "31", 1), ("kota", "case", "Padang", 1), ("umur", "case", "40", 2),
                    ("jenis", "file", "wawancara", 1)]
    p.journals = [("Jurnal 1", "Hari pertama lancar.", "sari"), ("Kosong", "", "sari")]
    p.annotations = [(1, *_at(WAWANCARA, "teman"), "Teman siapa?", "budi")]
    return p


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


EXPECTED = sorted([
    ("wawancara-01.txt", "Pengalaman/awal", "sari", "Sejak 2021 😀, dari teman di Padang."),
    ("wawancara-01.txt", "Pengalaman/awal", "budi", "Sejak 2021 😀, dari teman di Padang."),
    ("wawancara-01.txt", "tempat/kafe", "sari", _nfc("Di Cafe\u0301 dekat pasar 👍🏽")),
    ("wawancara-01.txt", "tempat", "budi", _nfc("Di Cafe\u0301 dekat pasar 👍🏽")),
    ("catatan.txt", "Pengalaman/Negatif/takut", "budi", "Hari kedua: informan datang terlambat."),
    ("wawancara-01.txt", "Alasan/ekonomi", "sari", "P: Di mana ketemu?"),
])


def test_project_every_coding_lands_on_its_text(fresh_location: Callable[[], str], tmp_path: Path,
                                                shared_dir: Path) -> None:
    folder = build(tmp_path / "studi.qda", _project())
    loc = fresh_location()
    report = import_project(folder, loc)
    assert report.unmapped == []
    assert (report.sources, report.codes, report.segments, report.cases, report.attributes) == (2, 8, 6, 2, 2)
    assert codings(loc) == EXPECTED
    assert any("wawancara-01.txt" not in n and "differs from the text QualCoder stored" in n for n in report.notes)
    assert any("foto.jpg" in n for n in report.notes) and any("file attribute" in n for n in report.notes)
    with makna.open_project(loc) as project:
        assert project.store.meta()["name"] == "studi"
        texts = {s.name: makna.get_source(project, s.id).text for s in makna.list_sources(project)}
        assert texts == {"wawancara-01.txt": _nfc(WAWANCARA), "catatan.txt": CATATAN.replace("\r\n", "\n")}
        codes = {c.name: c for c in makna.list_codes(project)}
        assert codes["awal"].color == "#FF0000" and codes["awal"].definition == "Bagaimana mulai"
        assert codes["kafe"].parent_id == codes["tempat"].id
        cases = {c.name: c for c in makna.list_cases(project)}
        assert cases["Ani"].description == "Informan pertama"
        with project.store.read() as conn:
            values = sorted((r[0], r[1], r[2]) for r in conn.execute(
                select(T.cases.c.name, T.attributes.c.name, T.case_values.c.value)
                .select_from(T.case_values.join(T.cases, T.cases.c.id == T.case_values.c.case_id)
                             .join(T.attributes, T.attributes.c.id == T.case_values.c.attribute_id))))
            types = dict(conn.execute(select(T.attributes.c.name, T.attributes.c.type)).all())
            links = sorted((r[0], r[1], r[2], r[3]) for r in conn.execute(
                select(T.cases.c.name, T.sources.c.name, T.case_links.c.start, T.case_links.c.end)
                .select_from(T.case_links.join(T.cases, T.cases.c.id == T.case_links.c.case_id)
                             .join(T.sources, T.sources.c.id == T.case_links.c.source_id))))
            seg_memos = sorted(r[0] for r in conn.execute(select(T.segments.c.memo)) if r[0])
    assert values == [("Ani", "kota", "Padang"), ("Ani", "umur", "31"), ("Budi", "umur", "40")]
    assert types == {"umur": "integer", "kota": "text"}
    hari = texts["catatan.txt"].index("Hari kedua")
    assert links == [("Ani", "wawancara-01.txt", None, None), ("Budi", "catatan.txt", hari, hari + len("Hari kedua"))]
    assert seg_memos == ["catatan coding"]
    got = memos(loc)
    assert ("project", "QualCoder project memo", "Memo proyek: studi fiktif.") in got
    assert ("project", "Jurnal 1", "Hari pertama lancar.") in got
    assert ("source", "QualCoder source memo", "Wawancara pertama") in got
    teman = texts["wawancara-01.txt"].index("teman")
    assert ("source", f"Annotation at {teman}-{teman + 5}", "Teman siapa?") in got
    # out again to a valid .qdpx that brings the same codings back
    again = export_valid(loc, tmp_path / "out.qdpx", shared_dir)
    assert again.segments == 6 and codings(tmp_path / "out.makna") == EXPECTED


def test_the_data_qda_file_itself_and_the_cli(tmp_path: Path) -> None:
    from makna.cli import app

    folder = build(tmp_path / "studi.qda", _project())
    report = import_project(folder / "data.qda", tmp_path / "p.makna")
    assert report.segments == 6 and report.project == "studi"
    result = CliRunner().invoke(app, ["import-project", str(folder), "-p", str(tmp_path / "q.makna")])
    assert result.exit_code == 0, result.output
    assert "Imported 2 source(s), 8 code(s), 6 coding(s), 2 case(s)" in result.output


def test_refuses_what_is_not_a_qualcoder_project(tmp_path: Path) -> None:
    empty = tmp_path / "kosong.qda"
    empty.mkdir()
    with pytest.raises(ExchangeError, match=r"kosong\.qda: not a QualCoder project \(the folder holds no data\.qda\)"):
        import_project(empty, tmp_path / "p.makna")
    other = tmp_path / "lain.qda"
    sqlite3.connect(other).execute("CREATE TABLE source (id)").connection.close()
    with pytest.raises(ExchangeError, match=r"lain\.qda: not a QualCoder project \(no table code_cat"):
        import_project(other, tmp_path / "p.makna")
    folder = build(tmp_path / "rusak.qda", _project())
    data = bytearray((folder / "data.qda").read_bytes())
    data[4096:12288] = b"\x00\xff" * 4096
    (folder / "data.qda").write_bytes(bytes(data))
    with pytest.raises(ExchangeError, match=r"rusak\.qda/data\.qda: (cannot read|the QualCoder project is damaged)"):
        import_project(folder, tmp_path / "p.makna")
    assert not (tmp_path / "p.makna").exists()


# ----------------------------------------------------------------------------- through both doors
def _qc_demo_as_qualcoder(qdpx: Path, folder: Path) -> tuple[QcProject, dict[str, str]]:
    """The qc demo project (../shared/refi-samples) with the same content as a QualCoder project: top
    codes as categories, their children as codes in them, deeper codes as sub-codes (supercid). QualCoder
    wants unique code names: a repeated one gets a number in brackets (returned: new -> old)."""
    ns = "{urn:QDA-XML:project:1.0}"
    with zipfile.ZipFile(qdpx) as zf:
        root = etree.fromstring(zf.read("project.qde"))
        texts = {el.get("guid"): zf.read("sources/" + el.get("plainTextPath")).decode("utf-8")
                 for el in root.iter(f"{ns}TextSource")}
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{ns}User")}
    p = QcProject(coder="cp")
    p.sources = [(i, Path(el.get("plainTextPath")).name, texts[el.get("guid")], "")
                 for i, el in enumerate(root.iter(f"{ns}TextSource"), start=1)]
    fid = {el.get("guid"): i for i, el in enumerate(root.iter(f"{ns}TextSource"), start=1)}
    cid: dict[str, int] = {}
    renamed: dict[str, str] = {}
    codes_el = next(root.iter(f"{ns}Codes"))
    for catid, top in enumerate(codes_el.findall(f"{ns}Code"), start=1):
        p.categories.append((catid, top.get("name"), None, ""))

        def add(el: etree._Element, catid: int | None, parent: int | None) -> None:
            cid[el.get("guid")] = len(cid) + 1
            name, n = el.get("name"), 1
            while any(c[1] == name for c in p.codes):
                n += 1
                name = f"{el.get('name')} ({n})"
            renamed[name] = el.get("name")
            p.codes.append((cid[el.get("guid")], name, catid, parent, "", ""))
            for child in el.findall(f"{ns}Code"):
                add(child, None, cid[el.get("guid")])

        for child in top.findall(f"{ns}Code"):
            add(child, catid, None)
        cid[top.get("guid")] = -catid  # a category: codings on it cannot be carried (none in the demo)
    for src in root.iter(f"{ns}TextSource"):
        for sel in src.iter(f"{ns}PlainTextSelection"):
            for coding in sel.iter(f"{ns}Coding"):
                ref = coding.find(f"{ns}CodeRef").get("targetGUID")
                assert cid[ref] > 0
                p.codings.append((cid[ref], fid[src.get("guid")], int(sel.get("startPosition")),
                                  int(sel.get("endPosition")), users[coding.get("creatingUser")], ""))
    build(folder, p)
    return p, renamed


def test_same_project_through_both_doors(shared_dir: Path, tmp_path: Path) -> None:
    """The qc sample's .qdpx and a data.qda built with its content put every coding on the same
    characters (the sample is by qc 1.3.2, the REFI-QDA sample closest to QualCoder: see SOURCES.md)."""
    qdpx = shared_dir / "refi-samples" / "qc-1.3.2_demo.qdpx"
    built, renamed = _qc_demo_as_qualcoder(qdpx, tmp_path / "demo.qda")
    assert renamed["programming (2)"] == "programming"
    import_project(qdpx, tmp_path / "via-qdpx.makna")
    report = import_project(tmp_path / "demo.qda", tmp_path / "via-qda.makna")
    assert report.unmapped == [] and report.segments == len(built.codings) == 205
    via_qdpx = codings(tmp_path / "via-qdpx.makna")
    via_qda = [(src, "/".join(renamed.get(part, part) for part in code.split("/")), coder, text)
               for src, code, coder, text in codings(tmp_path / "via-qda.makna")]
    assert len(via_qdpx) == 205
    # the same characters, the same coder, the same code (by its path from the top)
    assert sorted(via_qda) == via_qdpx


def test_cycles_in_the_code_tree_are_cut(tmp_path: Path) -> None:
    """Categories inside each other and a code that is its own sub-code: imported, the cycle cut."""
    p = QcProject()
    p.sources = [(1, "a.txt", "halo dunia\n", "")]
    p.categories = [(1, "A", 2, ""), (2, "B", 1, ""), (3, "C", 3, "")]
    p.codes = [(1, "x", 1, None, "", ""), (2, "y", None, 2, "", "")]
    p.codings = [(1, 1, 0, 4, "ani", ""), (2, 1, 5, 10, "ani", "")]
    report = import_project(build(tmp_path / "c.qda", p), tmp_path / "p.makna")
    assert report.codes == 5 and report.unmapped == []
    assert codings(tmp_path / "p.makna") == [("a.txt", "B/A/x", "ani", "halo"), ("a.txt", "y", "ani", "dunia")]
