"""REFI-QDA details found on real files (#16): each test here failed on the code before it.

- a PlainTextSelection's Description (ATLAS.ti's quotation comment) becomes the coding's memo;
- descriptions stay the user's text; makna's own fields travel in ``makna/extras.json`` (a .qdpx) or a
  processing instruction (a .qdc), and older files with a ``makna-data:`` line still import;
- ``isCodable="false"`` survives import and export; a code without a colour is exported without one;
- a set whose members were not imported keeps the kind of its member elements;
- a PDF source's text representation is imported as text with its codings;
- a bare ``.qde`` is accepted, reading its sources from its own folder only.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

import makna
from makna.exchange import export_qdc, export_qdpx, import_project, import_qdc, import_qdpx
from makna.store import tables

G = "{:08x}-0000-4000-8000-000000000000".format
NS = "{urn:QDA-XML:project:1.0}"
TEXT = "P: Halo semua\nI: Saya dari Padang, kerja di pasar.\n"


def _project_xml(body: str, origin: str = "ATLAS.ti 23") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Detail" '
            f'origin="{origin}">\n<Users><User guid="{G(1)}" name="Ana"/></Users>\n{body}\n</Project>')


def _qdpx(path: Path, body: str, files: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.qde", _project_xml(body))
        for name, text in (files or {}).items():
            zf.writestr(name, text.encode("utf-8"))
    return path


CODEBOOK = f"""<CodeBook><Codes>
 <Code guid="{G(10)}" name="Places" isCodable="false"><Description>Only a group</Description>
  <Code guid="{G(11)}" name="Market" isCodable="true" color="#E15759"/></Code>
 <Code guid="{G(12)}" name="Greeting" isCodable="true"/>
</Codes></CodeBook>"""


def _source(body: str, guid: int = 40) -> str:
    return f'<TextSource guid="{G(guid)}" name="wawancara" plainTextPath="internal://{G(guid)}.txt">{body}</TextSource>'


def _selection(start: int, end: int, code: int, guid: int, description: str = "", note: str = "") -> str:
    desc = f"<Description>{description}</Description>" if description else ""
    return (f'<PlainTextSelection guid="{G(guid)}" startPosition="{start}" endPosition="{end}">{desc}'
            f'<Coding guid="{G(guid + 100)}" creatingUser="{G(1)}">'
            f'<CodeRef targetGUID="{G(code)}"/>{note}</Coding></PlainTextSelection>')


def _segments(project: makna.Project) -> dict[str, tuple[str, str]]:
    """Each coding's text -> (code key, memo)."""
    codes = {c.id: c.key for c in makna.list_codes(project)}
    text = makna.get_source(project, "wawancara").text
    with project.store.read() as conn:
        rows = conn.execute(tables.segments.select()).all()
    return {text[r.start:r.end]: (codes[r.code_id], r.memo) for r in rows}


def test_selection_description_becomes_the_coding_memo(project: makna.Project, tmp_path: Path) -> None:
    start = TEXT.index("Padang")
    body = CODEBOOK + "<Sources>" + _source(
        _selection(start, start + 6, 11, 50, description="Kota asal, disebut spontan")
        + _selection(3, 7, 12, 51, description="   ")  # blank: no memo
        + _selection(8, 13, 12, 52, description="Sapaan", note=f'<NoteRef targetGUID="{G(80)}"/>')
    ) + "</Sources>" + f'<Notes><Note guid="{G(80)}"><PlainTextContent>A note of its own</PlainTextContent></Note></Notes>'
    report = import_qdpx(project, _qdpx(tmp_path / "a.qdpx", body, {f"sources/{G(40)}.txt": TEXT}))
    assert report.unmapped == []
    segs = _segments(project)
    assert segs["Padang"][1] == "Kota asal, disebut spontan"
    assert segs["Halo"][1] == ""
    # the coding's own note (a NoteRef) stays a memo of the coding too: nothing is lost
    memos = [m for m in makna.list_memos(project) if m.text == "A note of its own"]
    assert segs["semua"][1] == "Sapaan" and [(m.target_kind) for m in memos] == ["segment"]


def test_descriptions_stay_as_written_and_extras_travel_apart(project: makna.Project, tmp_path: Path,
                                                              fresh_location: Callable[[], str]) -> None:
    makna.import_text(project, "wawancara", TEXT, language="id")
    code = makna.add_code(project, "negatif", "Negatif", definition="Pengalaman buruk.\nDua baris.",
                          inclusion="ditipu", keywords=["tipu"])
    makna.code_span(project, "wawancara", 3, 7, "negatif")
    out = tmp_path / "out.qdpx"
    export_qdpx(project, out)
    with zipfile.ZipFile(out) as zf:
        root = etree.fromstring(zf.read("project.qde"))
        extras = json.loads(zf.read("makna/extras.json"))
    code_el = next(root.iter(f"{NS}Code"))
    assert code_el.findtext(f"{NS}Description") == "Pengalaman buruk.\nDua baris."
    assert all("makna-data" not in (d.text or "") for d in root.iter(f"{NS}Description"))
    assert root.find(f"{NS}Sources/{NS}TextSource/{NS}Description") is None
    assert extras["elements"][code.id]["key"] == "negatif"
    copy = fresh_location()
    import_project(out, copy)
    with makna.open_project(copy) as again:
        back = next(c for c in makna.list_codes(again) if c.key == "negatif")
        assert (back.definition, back.inclusion, back.keywords) == (code.definition, "ditipu", ("tipu",))


def test_older_makna_files_with_a_data_line_still_import(project: makna.Project, tmp_path: Path) -> None:
    body = (f'<CodeBook><Codes><Code guid="{G(12)}" name="Greeting" isCodable="true" color="#4E79A7">'
            '<Description>Says hello\n\nmakna-data: {"key":"greet","keywords":["halo"]}</Description></Code>'
            "</Codes></CodeBook>")
    import_qdpx(project, _qdpx(tmp_path / "old.qdpx", body))
    (code,) = makna.list_codes(project)
    assert (code.key, code.definition, code.keywords) == ("greet", "Says hello", ("halo",))


def test_not_codable_and_no_colour_survive_a_round_trip(project: makna.Project, tmp_path: Path,
                                                        fresh_location: Callable[[], str]) -> None:
    import_qdpx(project, _qdpx(tmp_path / "in.qdpx", CODEBOOK))
    codes = {c.name: c for c in makna.list_codes(project)}
    assert not codes["Places"].codable and codes["Market"].codable
    assert not codes["Greeting"].color_set and codes["Greeting"].color.startswith("#")  # shown with an automatic one
    assert codes["Market"].color_set and codes["Market"].color == "#E15759"
    out = tmp_path / "out.qdpx"
    export_qdpx(project, out)
    with zipfile.ZipFile(out) as zf:
        els = {el.get("name"): el for el in etree.fromstring(zf.read("project.qde")).iter(f"{NS}Code")}
    assert els["Places"].get("isCodable") == "false" and els["Market"].get("isCodable") == "true"
    assert els["Greeting"].get("color") is None and els["Market"].get("color") == "#E15759"
    assert els["Places"].get("color") is None
    # and in a .qdc, and in the YAML codebook
    qdc = tmp_path / "book.qdc"
    export_qdc(project, qdc)
    raw = qdc.read_bytes()
    assert b'isCodable="false"' in raw and raw.count(b"color=") == 1 and b"<Description>makna-data" not in raw
    copy = fresh_location()
    with makna.create_project(copy, "copy") as other:
        import_qdc(other, qdc)
        again = {c.name: c for c in makna.list_codes(other)}
        assert not again["Places"].codable and not again["Greeting"].color_set
        assert again["Market"].key == codes["Market"].key  # the key came back through the processing instruction
    yaml_text = makna.export_codebook(project)
    assert "codable: false" in yaml_text
    assert not {c.key: c for c in makna.load_codebook(yaml_text).codes}[codes["Places"].key].codable


def test_set_of_sources_not_imported_stays_a_set_of_sources(project: makna.Project, tmp_path: Path) -> None:
    body = (CODEBOOK + f'<Sources><PictureSource guid="{G(41)}" name="foto" path="internal://x.jpg"/></Sources>'
            f'<Sets><Set guid="{G(90)}" name="Dokumen foto"><MemberSource targetGUID="{G(41)}"/></Set>'
            f'<Set guid="{G(91)}" name="Kode"><MemberCode targetGUID="{G(99)}"/></Set></Sets>')
    import_qdpx(project, _qdpx(tmp_path / "sets.qdpx", body))
    with project.store.read() as conn:
        kinds = {r.name: r.kind for r in conn.execute(tables.sets.select())}
    assert kinds == {"Dokumen foto": "sources", "Kode": "codes"}


def test_pdf_text_representation_is_imported_as_text(project: makna.Project, tmp_path: Path) -> None:
    start = TEXT.index("pasar")
    rep = (f'<Representation guid="{G(45)}" plainTextPath="internal://{G(45)}.txt">'
           + _selection(start, start + 5, 11, 55).replace("PlainTextSelection", "PlainTextSelection")
           + f'<Coding guid="{G(70)}" creatingUser="{G(1)}"><CodeRef targetGUID="{G(12)}"/></Coding>'
           + "</Representation>")
    pdf_selection = (f'<PDFSelection guid="{G(56)}" page="1" firstX="0" firstY="0" secondX="9" secondY="9">'
                     f'<Coding guid="{G(71)}" creatingUser="{G(1)}"><CodeRef targetGUID="{G(11)}"/></Coding>'
                     "</PDFSelection>")
    body = (CODEBOOK + f'<Sources><PDFSource guid="{G(44)}" name="laporan" path="internal://{G(44)}.pdf">'
            + pdf_selection + rep + "</PDFSource></Sources>"
            + f'<Sets><Set guid="{G(90)}" name="PDFs"><MemberSource targetGUID="{G(44)}"/></Set></Sets>')
    report = import_qdpx(project, _qdpx(tmp_path / "pdf.qdpx", body, {f"sources/{G(45)}.txt": TEXT}))
    (src,) = makna.list_sources(project)
    assert src.name == "laporan" and makna.get_source(project, src.id).text == TEXT
    codes = {c.id: c.name for c in makna.list_codes(project)}
    with project.store.read() as conn:
        rows = conn.execute(tables.segments.select()).all()
    got = sorted((TEXT[r.start:r.end], codes[r.code_id]) for r in rows)
    assert got == sorted([("pasar", "Market"), (TEXT, "Greeting")])
    assert any("1 coding(s) of PDF regions not imported" in n for n in report.notes), report.notes
    with project.store.read() as conn:
        assert conn.execute(tables.set_members.select()).first() is not None  # the PDF's set found it


def test_bare_qde_is_accepted_and_reads_only_its_folder(project_location: str, tmp_path: Path,
                                                         fresh_location: Callable[[], str]) -> None:
    folder = tmp_path / "study"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "wawancara.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("rahasia", encoding="utf-8")
    start = TEXT.index("Padang")
    body = (CODEBOOK + "<Sources>"
            + f'<TextSource guid="{G(40)}" name="wawancara" plainTextPath="relative://wawancara.txt">'
            + _selection(start, start + 6, 11, 50) + "</TextSource>"
            + f'<TextSource guid="{G(41)}" name="luar" plainTextPath="relative://../secret.txt"/>'
            + f'<TextSource guid="{G(42)}" name="mutlak" plainTextPath="absolute://{tmp_path}/secret.txt"/>'
            + f'<TextSource guid="{G(43)}" name="sebaris"><PlainTextContent>Teks di dalam.</PlainTextContent>'
            + "</TextSource></Sources>")
    qde = folder / "study.qde"
    qde.write_text(_project_xml(body), encoding="utf-8")
    location = fresh_location()
    report = import_project(qde, location)
    with makna.open_project(location) as proj:
        texts = {s.name: makna.get_source(proj, s.id).text for s in makna.list_sources(proj)}
        assert texts == {"wawancara": TEXT, "sebaris": "Teks di dalam."}
        assert list(_segments(proj)) == ["Padang"]
    assert sum("is not in the archive" in n for n in report.notes) == 2


def test_bare_qde_with_a_dtd_is_refused(tmp_path: Path, fresh_location: Callable[[], str]) -> None:
    qde = tmp_path / "evil.qde"
    qde.write_text('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   '<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>', encoding="utf-8")
    with pytest.raises(makna.MaknaError, match="DTD"):
        import_project(qde, fresh_location())


def test_bare_qde_fuzz_gives_an_import_or_one_clear_error(tmp_path: Path) -> None:
    """A seeded fuzzer over a bare .qde exported by makna: byte flips, cuts and splices give a whole
    import or one MaknaError naming the file, and never a project left behind."""
    import random

    with makna.create_project(str(tmp_path / "seed.makna"), "seed", coder="ani") as proj:
        makna.import_text(proj, "wawancara", TEXT, language="id")
        makna.add_code(proj, "pasar", "Pasar", definition="Tempat <kerja> & jualan")
        makna.code_span(proj, "wawancara", TEXT.index("pasar"), TEXT.index("pasar") + 5, "pasar")
        export_qdpx(proj, tmp_path / "seed.qdpx")
    with zipfile.ZipFile(tmp_path / "seed.qdpx") as zf:
        original = zf.read("project.qde")
        (tmp_path / "sources").mkdir()
        for name in zf.namelist():
            if name.startswith("sources/"):
                (tmp_path / name).write_bytes(zf.read(name))
    rng = random.Random(16)
    for case in range(25):
        data = bytearray(original)
        for _ in range(rng.randint(1, 4)):
            op = rng.choice(("flip", "cut", "splice", "insert"))
            at = rng.randrange(len(data))
            if op == "flip":
                data[at] = rng.randrange(256)
            elif op == "cut":
                del data[at:at + rng.randint(1, 200)]
            elif op == "splice":
                other = rng.randrange(len(data))
                data[at:at] = data[other:other + rng.randint(1, 80)]
            else:
                data[at:at] = rng.choice((b"<", b"&", b'"', b"\x00", b"\xff\xfe", b"]]>", b"<!DOCTYPE x>"))
        path = tmp_path / f"case{case}.qde"
        path.write_bytes(bytes(data))
        location = tmp_path / f"case{case}.makna"
        try:
            import_project(path, location)
        except makna.MaknaError as exc:
            message = str(exc)
            assert "\n" not in message and str(path) in message, (case, message)
            assert not location.exists(), case
        else:
            with makna.open_project(location) as proj:
                for src in makna.list_sources(proj):
                    assert makna.get_source(proj, src.id).text  # whole texts only
