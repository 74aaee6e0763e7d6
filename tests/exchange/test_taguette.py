"""Importing Taguette projects: its database and its highlights exports (#16).

The fixtures in ``taguette_fixtures/`` were made by the real Taguette 1.5.2 (see its
``make_fixtures.py``): its database module created the database, its converter the documents' HTML,
its ``extract`` the snippets and its exporters the CSV/XLSX files. ``expected.json`` holds, per
highlight, the text Taguette's own parse gives between its offsets.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from foreign_helpers import codings, export_valid, memos
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import makna
from makna.errors import ExchangeError
from makna.exchange import import_project
from makna.exchange._html_text import HtmlText
from makna.exchange.project_formats import format_for
from makna.exchange.taguette import tag_guid, tag_tree

HERE = Path(__file__).resolve().parent / "taguette_fixtures"
DB = HERE / "study.sqlite3"
EXPECTED = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
NAMES = {"pengalaman.positif 😀": "pengalaman/positif 😀", "pengalaman.negatif": "pengalaman/negatif",
         "alasan.ekonomi": "alasan/ekonomi", "interesting": "interesting", "pengalaman": "pengalaman"}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _expected(breaks: dict[str, str] | None = None) -> list[tuple[str, str, str, str]]:
    """The codings the fixture's highlights must become: one per tag, on the text Taguette meant
    (NFC; a line break where makna separates two paragraphs that had nothing between them)."""
    breaks = breaks or {}
    out = []
    for h in EXPECTED["highlights"]:
        for tag in h["tags"]:
            out.append((h["document"], NAMES[tag], h["user"], breaks.get(h["text"], _nfc(h["text"]))))
    return sorted(out)


BREAKS = {"Terima kasih.I: Sama": "Terima kasih.\nI: Sama",  # across a <br>
          "hari pertama.Informan B datang terlambat 🙏": "hari pertama.\nInforman B datang terlambat 🙏"}


def test_database_every_highlight_lands_on_its_text(fresh_location: Callable[[], str], shared_dir: Path,
                                                    tmp_path: Path) -> None:
    loc = fresh_location()
    report = import_project(DB, loc, select="Studi MiChat Padang")
    assert (report.sources, report.codes, report.segments, report.coders) == (3, 6, 10, 3)
    assert [str(p) for p in report.unmapped] == [
        "highlight 7 in 'Wawancara A' at 121:130: it has no tag (makna codes need a code)"]
    assert codings(loc) == _expected(BREAKS)
    with makna.open_project(loc) as project:
        assert project.store.meta()["name"] == "Studi MiChat Padang"
        texts = {s.name: makna.get_source(project, s.id).text for s in makna.list_sources(project)}
        codes = {c.key: c for c in makna.list_codes(project)}
    # the whole text, NFC, with the paragraphs of the tight HTML apart
    for name, text in EXPECTED["texts"].items():
        assert texts[name].replace("\n", "") == _nfc(text).replace("\n", "")
        assert unicodedata.is_normalized("NFC", texts[name])
    assert texts["Catatan lapangan"].split("\n") == [
        "Catatan lapangan: hari pertama.", "Informan B datang terlambat 🙏, lalu bercerita tentang ibunya.",
        "Hari kedua: ʻōlelo, Ελληνικά, 中文 — semua baik."]
    # tags: paths as hierarchy, Taguette's GUIDs, descriptions as definitions; "alasan" implied
    assert codes["pengalaman.negatif"].parent_id == codes["pengalaman"].id == tag_guid("pengalaman")
    assert codes["pengalaman.negatif"].definition == "Pengalaman buruk"
    assert codes["alasan"].name == "alasan" and codes["alasan.ekonomi"].parent_id == codes["alasan"].id
    assert ("project", "Taguette project description", "Proyek uji: wawancara fiktif 🙂.") in memos(loc)
    assert ("source", "Taguette document description", "Deskripsi Wawancara A") in memos(loc)
    # and out again to a valid .qdpx, which brings the same codings back
    again = export_valid(loc, tmp_path / "out.qdpx", shared_dir)
    assert again.segments == 10
    assert codings(tmp_path / "out.makna") == _expected(BREAKS)


def test_a_database_with_several_projects_needs_a_choice(tmp_path: Path) -> None:
    with pytest.raises(ExchangeError, match=r"study\.sqlite3: this Taguette database holds 2 projects; choose "
                                            r"one with --select ID or NAME \(1: 'Studi MiChat Padang', 2: "):
        import_project(DB, tmp_path / "p.makna")
    assert not (tmp_path / "p.makna").exists()
    with pytest.raises(ExchangeError, match="no project 'nope'"):
        import_project(DB, tmp_path / "p.makna", select="nope")
    report = import_project(DB, tmp_path / "p.makna", select="2")
    assert (report.sources, report.codes, report.segments) == (1, 1, 0)


@pytest.mark.parametrize("name", ["highlights.csv", "highlights.xlsx"])
def test_highlights_export(name: str, tmp_path: Path) -> None:
    """Without the database: each document is made of its excerpts, as Taguette's export writes them
    (the snippet's text nodes joined by a space), each coded with its tags."""
    report = import_project(HERE / name, tmp_path / "p.makna", coder="ani")
    assert (report.sources, report.codes, report.segments) == (3, 6, 10)
    assert any("not the documents" in n for n in report.notes)
    spaced = {k: v.replace("\n", " ") for k, v in BREAKS.items()}
    assert codings(tmp_path / "p.makna") == [(d, c, "ani", x) for d, c, _, x in _expected(spaced)]
    with makna.open_project(tmp_path / "p.makna") as project:
        text = makna.get_source(project, "Wawancara A").text
    assert text.split("\n\n")[:2] == ["Sejak 2021, Kak. Awalnya dari teman di Padang 😀.", "Padang"]


def test_cli_import_project(tmp_path: Path) -> None:
    from makna.cli import app

    result = CliRunner().invoke(app, ["import-project", str(DB), "-p", str(tmp_path / "p.makna"), "--select", "1"])
    assert result.exit_code == 0, result.output
    assert "Imported 3 source(s), 6 code(s), 10 coding(s)" in result.output
    bad = tmp_path / "other.sqlite3"
    sqlite3.connect(bad).execute("CREATE TABLE t (x)").connection.close()
    result = CliRunner().invoke(app, ["import-project", str(bad), "-p", str(tmp_path / "q.makna")])
    assert result.exit_code != 0
    assert result.stderr.strip().count("\n") == 0 and "other.sqlite3" in result.stderr
    assert not (tmp_path / "q.makna").exists()


def test_refuses_other_sqlite_and_damaged_files(tmp_path: Path) -> None:
    other = tmp_path / "notes.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE notes (x)").connection.close()
    with pytest.raises(ExchangeError,
                       match=r"notes\.sqlite3: not a Taguette database \(no table documents, highlight_tags"):
        import_project(other, tmp_path / "p.makna")
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(DB.read_bytes())
    data[5000:9000] = b"\xff" * 4000
    damaged.write_bytes(bytes(data))
    with pytest.raises(ExchangeError, match=r"damaged\.sqlite3: "):
        import_project(damaged, tmp_path / "p.makna", select="1")
    assert not (tmp_path / "p.makna").exists()


def test_database_is_opened_read_only_and_untouched(tmp_path: Path) -> None:
    copy = tmp_path / "study.sqlite3"
    shutil.copy(DB, copy)
    before = copy.read_bytes()
    import_project(copy, tmp_path / "p.makna", select="1")
    assert copy.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.makna", "study.sqlite3"]  # no journal, no -wal


def test_attached_databases_are_refused(tmp_path: Path) -> None:
    from makna.exchange._sqlite import open_readonly

    with open_readonly(DB, "Taguette database", {"projects": {"id"}}) as conn, pytest.raises(sqlite3.DatabaseError):
        conn.execute(f"ATTACH DATABASE '{tmp_path / 'x.db'}' AS x")
    assert not (tmp_path / "x.db").exists()


def test_format_is_chosen_by_content(tmp_path: Path) -> None:
    renamed = tmp_path / "taguette.data"
    shutil.copy(DB, renamed)
    assert format_for(renamed).name == "taguette"
    assert format_for(HERE / "highlights.xlsx").name == "taguette"
    assert format_for(tmp_path / "missing.qdpx").name == "qdpx"


def test_tag_tree() -> None:
    assert tag_tree(["a.b.c", "a", "x"]) == [("a", "a", None), ("a.b", "b", "a"), ("a.b.c", "c", "a.b"), ("x", "x", None)]
    assert tag_tree(["a/b"]) == [("a", "a", None), ("a/b", "b", "a")]
    assert tag_tree(["Dr..x", ".a"]) == [(".a", ".a", None), ("Dr..x", "Dr..x", None)]


def test_html_offsets_are_utf8_bytes_of_text_nodes() -> None:
    html = "<p>Caf&eacute; 😀</p><p>b<br>c</p>\r\n<pre>\nx</pre>"
    parsed = HtmlText(html)
    assert parsed.text == "Café 😀b" + "c\nx"
    assert parsed.raw == "Café 😀\nb\nc\nx"
    smile = len("Café ".encode())
    assert parsed.span(smile, smile + 4)[2:] == (5, 6)
    assert isinstance(parsed.span(smile + 1, smile + 4), str)  # inside the emoji's bytes
    b = len("Café 😀".encode())
    assert parsed.span(0, b) == (0, 6, 0, 6)  # the end stays before the inserted break
    assert parsed.span(b, b + 2) == (6, 8, 7, 10)  # the start goes after it; "b", break, "c"


_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="<>&\r") | st.sampled_from(
    ["😀", "👍🏽", "e\u0301", "é", "\n", " ", "中"])


@settings(max_examples=150, deadline=None)
@given(paragraphs=st.lists(st.lists(_CHARS, min_size=1, max_size=12).map("".join), min_size=1, max_size=5),
       tight=st.booleans(), data=st.data())
def test_byte_offsets_map_onto_the_same_characters(paragraphs: list[str], tight: bool, data: st.DataObject) -> None:
    """Any span of the text nodes, given as Taguette gives it (UTF-8 bytes), maps onto the same
    characters of makna's raw text (the inserted paragraph breaks aside) and, through NFC, of makna's text."""
    from html import escape

    from makna.exchange.offsets import CODEPOINTS, SelectionMapper

    html = ("" if tight else "\n").join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
    parsed = HtmlText(html)
    text = parsed.text
    assume(text)
    a = data.draw(st.integers(0, len(text) - 1))
    b = data.draw(st.integers(a + 1, len(text)))
    start, end = len(text[:a].encode()), len(text[:b].encode())
    span = parsed.span(start, end)
    assert not isinstance(span, str)
    assert span[:2] == (a, b)
    raw = parsed.raw[span[2]:span[3]]
    assert raw == text[a:b] or (tight and raw.replace("\n", "") == text[a:b].replace("\n", ""))
    mapper = SelectionMapper(parsed.raw, CODEPOINTS)
    mapped = mapper.map(span[2], span[3])
    if not isinstance(mapped, str):  # (a boundary inside an NFC composition is reported, never moved)
        assert mapper.text[mapped[0]:mapped[1]] == unicodedata.normalize("NFC", raw)


def test_an_unknown_sqlite_database_is_refused_by_name(tmp_path: Path) -> None:
    other = tmp_path / "catatan.bin"
    sqlite3.connect(other).execute("CREATE TABLE notes (x)").connection.close()
    with pytest.raises(ExchangeError, match=r"catatan\.bin: an SQLite database that is neither a Taguette database "
                                            r"nor a QualCoder project"):
        import_project(other, tmp_path / "p.makna")
    assert not (tmp_path / "p.makna").exists()


@given(st.lists(st.text(), min_size=1, max_size=4))
def test_stable_ids_are_makna_derived_guids(parts: list[str]) -> None:
    from makna.exchange._foreign import stable_id
    from makna.exchange._refi import derived_guid

    assert stable_id(*parts) == derived_guid(*parts)


def test_size_cap_and_a_database_still_in_use(tmp_path: Path) -> None:
    from makna.exchange import Limits

    with pytest.raises(ExchangeError, match=r"study\.sqlite3: [0-9,]+ bytes is over the 1,000-byte limit"):
        import_project(DB, tmp_path / "p.makna", select="1", limits=Limits(max_total=1000))
    copy = tmp_path / "study.sqlite3"
    shutil.copy(DB, copy)
    (tmp_path / "study.sqlite3-wal").write_bytes(b"\x00" * 32)
    with pytest.raises(ExchangeError, match=r"study\.sqlite3: the Taguette database is open or was not closed "
                                            r"cleanly \(study\.sqlite3-wal lies beside it"):
        import_project(copy, tmp_path / "p.makna", select="1")
    assert not (tmp_path / "p.makna").exists()
