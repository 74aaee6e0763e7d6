"""makna -> qdpx -> makna keeps everything; every export validates against Project.xsd."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import makna
from makna.exchange import export_qdpx, import_project

NS = "{urn:QDA-XML:project:1.0}"


def _schema(shared_dir: Path, name: str = "Project.xsd") -> Any:
    return etree.XMLSchema(etree.parse(str(shared_dir / "refi-qda" / name)))


def test_round_trip_is_lossless(project: makna.Project, fresh_location: Callable[[], str], tmp_path: Path,
                                rich: Any, snap: Any) -> None:
    rich(project)
    before = snap(project)
    out = tmp_path / "study.qdpx"
    summary = export_qdpx(project, out)
    assert (summary.sources, summary.codes, summary.segments, summary.cases, summary.sets) == (3, 5, 5, 2, 3)
    copy = fresh_location()
    report = import_project(out, copy)
    assert report.unmapped == [] and report.notes == []
    with makna.open_project(copy) as again:
        after = snap(again)
        assert again.store.meta()["name"] == "Test project"
    for key in before:
        assert after[key] == before[key], key
    # and the copy exports to the same archive content
    out2 = tmp_path / "again.qdpx"
    with makna.open_project(copy) as again:
        export_qdpx(again, out2)
    with zipfile.ZipFile(out) as a, zipfile.ZipFile(out2) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())
        for name in a.namelist():
            assert a.read(name) == b.read(name), name


def test_export_layout_and_schema(project: makna.Project, tmp_path: Path, rich: Any, shared_dir: Path) -> None:
    rich(project)
    out = tmp_path / "study.qdpx"
    export_qdpx(project, out)
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        qde = zf.read("project.qde")
        sources = {n: zf.read(n) for n in names if n.startswith("sources/")}
    root = etree.fromstring(qde)
    schema = _schema(shared_dir)
    assert schema.validate(root), schema.error_log
    assert root.tag == f"{NS}Project" and root.get("origin", "").startswith("makna")
    ids = {s.id for s in makna.list_sources(project)}
    assert set(sources) == {f"sources/{i}.txt" for i in ids}
    for name, data in sources.items():
        assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
        sid = name[len("sources/"):-4]
        assert data.decode("utf-8") == makna.get_source(project, sid).text
    for ts in root.iter(f"{NS}TextSource"):
        assert ts.get("plainTextPath") == f"internal://{ts.get('guid')}.txt"
    codes = {c.id: c for c in makna.list_codes(project)}
    top = root.find(f"{NS}CodeBook/{NS}Codes")
    assert [c.get("guid") for c in top.findall(f"{NS}Code")] == [c.id for c in codes.values() if c.parent_id is None]
    exp = next(c for c in codes.values() if c.key == "exp")
    exp_el = top.find(f"{NS}Code[@guid='{exp.id}']")
    assert [c.get("name") for c in exp_el.findall(f"{NS}Code")] == ["Positif 😀", "Negatif"]
    assert exp_el.get("color") == "#4E79A7"
    # descriptions are the user's text exactly (#16); makna's own fields travel in makna/extras.json
    assert exp_el.findtext(f"{NS}Description") == exp.definition == "Experiences.\nTwo lines."
    assert "makna/extras.json" in names
    negatif = next(c for c in codes.values() if c.name == "Negatif")  # its definition is the user's own text
    assert top.find(f".//{NS}Code[@guid='{negatif.id}']").findtext(f"{NS}Description") == negatif.definition
    with zipfile.ZipFile(out) as zf:
        extras = json.loads(zf.read("makna/extras.json"))
    assert extras["elements"][exp.id]["key"] == "exp" and extras["project"]["project_id"]
    for ts in root.iter(f"{NS}TextSource"):
        assert ts.find(f"{NS}Description") is None  # no JSON blob where other tools show a description
        assert extras["elements"][ts.get("guid")]["sha256"]
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{NS}User")}
    seg_ids = {c.get("guid") for c in root.iter(f"{NS}Coding")}
    with project.store.read() as conn:
        from sqlalchemy import select

        from makna.store import tables

        rows = conn.execute(select(tables.segments.c.id, tables.segments.c.coder_id)).all()
    assert seg_ids == {r.id for r in rows}
    assert {r.coder_id for r in rows} <= set(users)
    # empty optional containers are left out
    assert root.find(f"{NS}Graphs") is None
    assert all(len(el) for el in root if el.tag not in (f"{NS}Description", f"{NS}NoteRef"))


def test_empty_project_exports_valid(project: makna.Project, tmp_path: Path, shared_dir: Path) -> None:
    out = tmp_path / "empty.qdpx"
    export_qdpx(project, out)
    with zipfile.ZipFile(out) as zf:
        root = etree.fromstring(zf.read("project.qde"))
    schema = _schema(shared_dir)
    assert schema.validate(root), schema.error_log
    assert [el.tag for el in root] in ([], [f"{NS}Users"])


def test_demo_round_trip_validates(tmp_path: Path, shared_dir: Path, snap: Any) -> None:
    from makna.demo import build_demo

    demo = build_demo(tmp_path / "demo")
    out = tmp_path / "demo.qdpx"
    with makna.open_project(demo.project_path) as proj:
        export_qdpx(proj, out)
        before = snap(proj)
    with zipfile.ZipFile(out) as zf:
        assert _schema(shared_dir).validate(etree.fromstring(zf.read("project.qde")))
    import_project(out, tmp_path / "copy.makna")
    with makna.open_project(tmp_path / "copy.makna") as proj:
        assert snap(proj) == before


@pytest.mark.parametrize("bad", ["nowhere/x.qdpx"])
def test_export_to_missing_folder(project: makna.Project, tmp_path: Path, bad: str) -> None:
    with pytest.raises(makna.MaknaError, match="does not exist"):
        export_qdpx(project, tmp_path / bad)
