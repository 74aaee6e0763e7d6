"""review21: a .qdpx's de-identification state is the file's own claim; a crafted claim must not make raw text count
as de-identified (issue #11): its hash is of the text, which anyone can compute; only a sealed claim
(makna.exchange._deid_state) restores the state."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import makna
from makna.exchange.qdpx_read import import_qdpx
from makna.exchange.qdpx_write import export_qdpx
from makna.privacy.project import scan
from makna.sources import count_not_deidentified

TEXT = "P: Siapa namanya?\nI: Rosmawati, HP 0812 5550 9021, tinggal di Jalan Sudirman 12.\n"


def test_a_crafted_applied_state_does_not_hide_raw_text_from_scans(tmp_path: Path) -> None:
    with makna.create_project(str(tmp_path / "a.makna"), "A", coder="ana") as proj:
        makna.import_text(proj, "i1.txt", TEXT, language="id")
        export_qdpx(proj, tmp_path / "a.qdpx")
    with zipfile.ZipFile(tmp_path / "a.qdpx") as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    extras = json.loads(members["makna/extras.json"])
    for fields in extras["elements"].values():
        fields["deid"] = {
            "applied_at": "2026-12-01T10:00:00Z",
            "mode": "surrogate",
            "key_id": None,
            "replacements": [],
            "text_sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
        }
    members["makna/extras.json"] = json.dumps(extras).encode()
    with zipfile.ZipFile(tmp_path / "b.qdpx", "w") as zout:
        for name, data in members.items():
            zout.writestr(name, data)
    with makna.create_project(str(tmp_path / "b.makna"), "B", coder="ana") as proj:
        import_qdpx(proj, tmp_path / "b.qdpx")
        with proj.store.read() as conn:
            assert count_not_deidentified(conn) == 1
        assert scan(proj).detections > 0
