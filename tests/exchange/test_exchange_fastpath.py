"""The fast paths of the .qdpx writer and reader: the string-template ``Sources`` section must be what
lxml itself writes for the same elements (escaping included) and valid against the schema; the
reader's shortcuts must give what the general path gives."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from sqlalchemy import select

import makna
from makna.exchange import export_qdpx, import_project, import_qdpx
from makna.exchange._refi import xml_attr, xml_safe, xml_text
from makna.store import tables

NS = "urn:QDA-XML:project:1.0"
NASTY = 'a<&>"\'\tb\nc\rd\x01e\x1ff\ufffeg 😀 e\u0301'


def _lxml_attr(value: str) -> bytes:
    out = etree.tostring(etree.Element("X", a=xml_safe(value)), encoding="utf-8")
    return out[len(b'<X a="') : -len(b'"/>')]


def _lxml_text(value: str) -> bytes:
    el = etree.Element("X")
    el.text = xml_safe(value)
    return etree.tostring(el, encoding="utf-8")[len(b"<X>") : -len(b"</X>")]


def test_escaping_matches_lxml_on_special_and_control_characters() -> None:
    for value in (NASTY, "", "plain", "&amp;", "]]>", "\r\n", "\x00", "\ud800x"):
        assert xml_attr(value).encode("utf-8", "surrogatepass") == _lxml_attr(value)
        assert xml_text(value).encode("utf-8", "surrogatepass") == _lxml_text(value)
    assert xml_attr('<&"\'') == "&lt;&amp;&quot;'"
    assert xml_attr("\t\n\r") == "&#9;&#10;&#13;"
    assert xml_attr("x\x01\x08y\uffff") == "x\ufffd\ufffdy\ufffd"
    assert xml_text("a\tb\nc\rd") == "a\tb\nc&#13;d"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_escaping_matches_lxml(value: str) -> None:
    assert xml_attr(value).encode("utf-8") == _lxml_attr(value)
    assert xml_text(value).encode("utf-8") == _lxml_text(value)
    # and it reads back as the value (less what XML cannot carry); a CR in text is kept by &#13;
    el = etree.fromstring(f'<X a="{xml_attr(value)}">{xml_text(value)}</X>'.encode())
    assert el.get("a") == xml_safe(value)
    assert (el.text or "") == xml_safe(value)


def _export_nasty(project: makna.Project, path: Path, rich: Any) -> bytes:
    rich(project)
    makna.import_text(project, "nasty <&\"'> 😀.txt", "P: x & y < z\r\nI: \"quoted\" 'single'\r\n",
                      language="id")
    makna.code_span(project, "nasty <&\"'> 😀.txt", 0, 5, "motif")
    export_qdpx(project, path)
    with zipfile.ZipFile(path) as zf:
        return zf.read("project.qde")


def test_sources_section_is_what_lxml_writes(project: makna.Project, tmp_path: Path, shared_dir: Path,
                                             rich: Any) -> None:
    qde = _export_nasty(project, tmp_path / "p.qdpx", rich)
    root = etree.fromstring(qde)
    schema = etree.XMLSchema(etree.parse(str(shared_dir / "refi-qda" / "Project.xsd")))
    assert schema.validate(root), schema.error_log
    sources = root.find(f"{{{NS}}}Sources")
    assert sources is not None and len(sources) == 4
    # re-serialised by lxml, the template-written section comes out byte for byte the same
    written = re.search(rb"<Sources>.*</Sources>", qde, re.S)
    assert written is not None
    again = etree.tostring(sources, encoding="utf-8").replace(f' xmlns="{NS}"'.encode(), b"", 1)
    assert written.group(0) == again
    names = {el.get("name") for el in sources}
    assert "nasty <&\"'> 😀.txt" in names
    codings = sources.findall(f".//{{{NS}}}Coding")
    assert codings and all(c[0].tag == f"{{{NS}}}CodeRef" for c in codings)
    assert any(len(c) > 1 for c in codings)  # segment memos and memos on segments as NoteRefs


def _qdpx(path: Path, selections: str, users: str = "") -> Path:
    text = "P: Halo semua\nI: Terima kasih\n"
    code = "aaaaaaaa-0000-4000-8000-000000000001"
    qde = (f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{NS}" name="p" origin="test">{users}'
           f'<CodeBook><Codes><Code guid="{code}" name="c" isCodable="true"/></Codes></CodeBook>'
           f'<Sources><TextSource guid="bbbbbbbb-0000-4000-8000-000000000001" name="t" '
           f'plainTextPath="internal://t.txt">{selections}</TextSource></Sources></Project>')
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", qde)
        zf.writestr("sources/t.txt", text)
    return path


def _coding(guid: str, code: str = "aaaaaaaa-0000-4000-8000-000000000001", user: str = "", extra: str = "") -> str:
    who = f' creatingUser="{user}"' if user else ""
    return f'<Coding guid="{guid}"{who}><CodeRef targetGUID="{code}"/>{extra}</Coding>'


def test_reader_shortcuts_keep_canonical_ids_and_reports(project_location: str, tmp_path: Path,
                                                         fresh_location: Any) -> None:
    sels = (
        '<PlainTextSelection guid="cccccccc-0000-4000-8000-000000000001" startPosition="0" endPosition="4">'
        + _coding("{DDDDDDDD-0000-4000-8000-00000000000A}")  # braces and upper case: canonicalised
        + _coding("dddddddd-0000-4000-8000-00000000000b", code="{AAAAAAAA-0000-4000-8000-000000000001}",
                  user="eeeeeeee-0000-4000-8000-000000000001")
        + "</PlainTextSelection>"
        '<PlainTextSelection guid="cccccccc-0000-4000-8000-000000000002" startPosition="3" endPosition="99">'
        + _coding("dddddddd-0000-4000-8000-00000000000c") + "</PlainTextSelection>"
        '<PlainTextSelection guid="cccccccc-0000-4000-8000-000000000003" startPosition="5" endPosition="9">'
        + _coding("not-a-guid") + _coding("dddddddd-0000-4000-8000-00000000000e", code="ffffffff-0000-4000-8000-0"
                                                                                        "00000000001")
        + "</PlainTextSelection>"
    )
    users = '<Users><User guid="eeeeeeee-0000-4000-8000-000000000001" name="ana"/></Users>'
    with makna.create_project(fresh_location(), "copy", coder="me") as proj:
        report = import_qdpx(proj, _qdpx(tmp_path / "f.qdpx", sels, users))
        with proj.store.read() as conn:
            ids = {r[0] for r in conn.execute(select(tables.segments.c.id))}
    assert report.segments == 3
    assert "dddddddd-0000-4000-8000-00000000000a" in ids
    assert "dddddddd-0000-4000-8000-00000000000b" in ids
    assert len(ids) == 3 and all(re.fullmatch(r"[0-9a-f-]{36}", i) for i in ids)
    reasons = " | ".join(p.reason for p in report.unmapped)
    assert "ends beyond the text" in reasons and "not in the codebook" in reasons
    assert len(report.unmapped) == 2


def test_round_trip_of_nasty_names(project: makna.Project, tmp_path: Path, fresh_location: Any,
                                   snap: Any, rich: Any) -> None:
    path = tmp_path / "n.qdpx"
    _export_nasty(project, path, rich)
    before = snap(project)
    target = fresh_location()
    import_project(path, target)
    with makna.open_project(target) as copy:
        assert snap(copy) == before


def test_background_writer_passes_errors_on() -> None:
    from makna.exchange.qdpx_write import _Background

    got: list[bytes] = []
    ok = _Background(got.append)
    for i in range(100):
        ok.write(b"%d" % i)
    ok.close()
    assert got == [b"%d" % i for i in range(100)]

    def fail(item: bytes) -> None:
        raise OSError("disk full")

    bad = _Background(fail, depth=1)
    with pytest.raises(OSError, match="disk full"):
        for _ in range(1000):  # a later write sees the writer's error
            bad.write(b"x")
    with pytest.raises(OSError, match="disk full"):
        bad.close()


def test_turn_rows_from_makna_data() -> None:
    """Turns from a source's makna-data line: taken as they are when valid for the text, converted
    when a value has another type, refused (None: detected again) when a position does not fit."""
    from makna.exchange._load import _turns

    ok = [["P", 0, 5, None, None], ["I", 5, 9, "00:01", None]]
    assert _turns(ok, 10, "s") == [("s", 1, "P", 0, 5, None, None), ("s", 2, "I", 5, 9, "00:01", None)]
    assert _turns([[7, 0, 5, 1.5, None]], 10, "s") == [("s", 1, "7", 0, 5, "1.5", None)]
    assert _turns([["P" * 300, 0, 5, None, None]], 10, "s") == [("s", 1, "P" * 200, 0, 5, None, None)]
    assert _turns([["P", 0, 5, None, None], ["I", 5, 11, None, None]], 10, "s") is None  # beyond the text
    assert _turns([["P", 3, 3, None, None]], 10, "s") is None  # empty
    assert _turns([["P", True, 5, None, None]], 10, "s") is None  # not an int
    assert _turns([["P", 0, 5]], 10, "s") is None and _turns("x", 10, "s") is None
