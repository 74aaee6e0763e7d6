"""What makna knows of a source's de-identification travels in a .qdpx (makna's extras member, never the originals) and
comes back on import, when its seal verifies with the exporting project's key (makna.privacy.claims): a re-scan of
the imported project does not flag the surrogates as new identifiers."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import makna
from makna.exchange import export_qdpx, import_qdpx
from makna.privacy.claims import project_seals

TEXT = (
    "P: Siapa nama Anda?\nI: Nama saya Siti Rahmawati, saya tinggal di Jalan Veteran, Padang. "
    "Nomor saya 0812-555-0199.\nP: Terima kasih.\n"
)
PASS = "kopi hujan sepeda jendela"


def _deidentified(project: Any, tmp_path: Path) -> str:
    makna.import_text(project, "informan-07.txt", TEXT, language="id")
    makna.import_text(project, "catatan.txt", "P: Catatan lapangan tanpa nama.\n", language="id")
    makna.deid_scan(project, sources=["informan-07.txt"])
    makna.decide_all(project, "accepted", sources=["informan-07.txt"])
    makna.deid_apply(project, tmp_path / "kunci.makna-key", PASS, sources=["informan-07.txt"])
    return next(s for s in makna.list_sources(project) if s.name == "informan-07.txt").id


def _status(project: Any) -> dict[str, tuple[bool, str | None, int]]:
    return {s.source: (s.applied, s.mode, s.replaced) for s in makna.deid_status(project)}


def test_a_deidentified_project_keeps_its_state_through_qdpx(project: Any, tmp_path: Path, shared_dir: Path) -> None:
    _deidentified(project, tmp_path)
    before = _status(project)
    assert before["informan-07.txt"][0] and before["informan-07.txt"][2] >= 2
    out = tmp_path / "studi.qdpx"
    export_qdpx(project, out)
    with zipfile.ZipFile(out) as zf:
        schema = etree.XMLSchema(etree.parse(str(shared_dir / "refi-qda" / "Project.xsd")))
        assert schema.validate(etree.fromstring(zf.read("project.qde"))), schema.error_log
        every = b" ".join(zf.read(n) for n in zf.namelist())
    for original in (b"Siti", b"Rahmawati", b"Veteran", b"0812-555-0199"):
        assert original not in every  # never the originals
    with makna.create_project(str(tmp_path / "baru.makna"), "Baru", coder="ana") as fresh:
        import_qdpx(fresh, out, seals=project_seals(project))
        assert _status(fresh)["informan-07.txt"] == before["informan-07.txt"]
        assert not _status(fresh)["catatan.txt"][0]
        scan = makna.deid_scan(fresh)
        assert scan.skipped_applied == ["informan-07.txt"]
        assert {e.source for e in scan.entries} <= {"catatan.txt"}  # the surrogates are no new identifiers


def _rewrite_extras(path: Path, change: Any) -> None:
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    extras = json.loads(members["makna/extras.json"])
    change(extras)
    members["makna/extras.json"] = json.dumps(extras).encode()
    path.unlink()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)


@pytest.mark.parametrize("how", ["no extras", "text edited elsewhere", "malformed"])
def test_a_file_from_another_tool_or_edited_elsewhere_imports_as_before(tmp_path: Path, how: str) -> None:
    with makna.create_project(str(tmp_path / "studi.makna"), "Studi", coder="ana") as proj:
        sid = _deidentified(proj, tmp_path)
        out = tmp_path / "studi.qdpx"
        export_qdpx(proj, out)
        seals = project_seals(proj)

    def edit(extras: dict[str, Any]) -> None:
        fields = next(v for k, v in extras.items() if isinstance(v, dict) and k == sid)
        if how == "no extras":
            extras.clear()
        elif how == "text edited elsewhere":
            fields["deid"]["text_sha256"] = "0" * 64
        else:
            fields["deid"]["replacements"] = [{"new_start": 5, "new_end": 2, "type": "PERSON"}]

    _rewrite_extras(out, lambda extras: edit(extras["elements"]))
    with makna.create_project(str(tmp_path / "baru.makna"), "Baru", coder="ana") as fresh:
        import_qdpx(fresh, out, seals=seals)
        assert not any(applied for applied, _m, _n in _status(fresh).values())
