"""The seal key of a copy pulled from a team server, in the core (teamtrust25, issue #11), on every backend: the
project derives it from its own key, the member and a new token and records the copy (one ``sync.pull`` event);
the copy written from the snapshot holds it with the sources' de-identification state and no other key, and what
it exports verifies against the project. A refreshed coder's copy of a project file keeps its key (BASE lost it)."""

from __future__ import annotations

import dataclasses
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

import makna
from makna.access import Access
from makna.errors import SyncError
from makna.exchange import export_qdpx, import_qdpx
from makna.privacy.seal_copies import SEALS, coder_copies, issue_pulled_key
from makna.privacy.seals import copy_key, meta_seal, meta_sealer, project_seals, seal_id
from makna.sync.client import refresh
from makna.sync.local import write_copy
from makna.sync.server import snapshot

SOURCE = "informan-07.txt"
TEXT = "P: Siapa nama Anda?\nI: Nama saya Siti Rahmawati, tinggal di Padang. Nomor saya 0812-555-0199.\n"
ROLES = {"tester": "owner", "ana": "owner", "budi": "coder", "citra": "viewer"}


def _deidentify(project: Any, tmp_path: Path) -> None:
    makna.import_text(project, SOURCE, TEXT, language="id")
    makna.import_text(project, "catatan.txt", "P: Catatan lapangan tanpa nama.\n", language="id")
    makna.deid_scan(project, sources=[SOURCE])
    makna.decide_all(project, "accepted", sources=[SOURCE])
    makna.deid_apply(project, tmp_path / "kunci.makna-key", "kopi hujan sepeda jendela", sources=[SOURCE])


def _as(project: Any, who: str) -> Any:
    project.store.access = Access(ROLES)  # type: ignore[arg-type]
    return dataclasses.replace(project, coder_name=who)


def _claim(qdpx: Path) -> dict[str, Any]:
    with zipfile.ZipFile(qdpx) as zf:
        elements = json.loads(zf.read("makna/extras.json"))["elements"]
    claims = [e["deid"] for e in elements.values() if isinstance(e, dict) and e.get("deid")]
    assert len(claims) == 1
    found: dict[str, Any] = claims[0]
    return found


def _verifies(project: Any, qdpx: Path, tmp_path: Path, name: str) -> bool:
    seals = project_seals(project)
    with makna.create_project(str(tmp_path / f"{name}.makna"), "Baru", coder="ana") as fresh:
        import_qdpx(fresh, qdpx, seals=seals)
        return any(s.applied for s in makna.deid_status(fresh) if s.source == SOURCE)


def test_a_pulled_copy_gets_a_key_of_its_own_and_its_export_verifies(project: Any, tmp_path: Path) -> None:
    _deidentify(project, tmp_path)
    budi = _as(project, "budi")
    held = issue_pulled_key(budi)
    master = meta_seal(project.store.meta())
    assert held is not None and master is not None
    assert held == {
        "project": seal_id(master),
        "member": "budi",
        "copy": held["copy"],
        "key": copy_key(master, "budi", held["copy"]).hex(),
    }
    event = makna.events(project, action="sync.pull")[0]
    assert event.actor == "budi" and master.hex() not in json.dumps(event.payload)
    assert [(c.member, c.state, c.pulled) for c in coder_copies(project)] == [("budi", SEALS, True)]
    path = tmp_path / "budi.makna"
    write_copy(
        path,
        snapshot(budi),
        server="https://lab.example",
        project_id="p1",
        project_name="Studi",
        token="t",
        csrf="c",
        seal=held,
    )
    with makna.open_project(str(path)) as copy:
        sealer = meta_sealer(copy.store.meta())
        assert meta_seal(copy.store.meta()) is None and sealer is not None and sealer.copy == held["copy"]
        export_qdpx(copy, tmp_path / "budi.qdpx")
    assert _claim(tmp_path / "budi.qdpx")["seal"]["by"] == "budi"
    project.store.access = None
    assert _verifies(project, tmp_path / "budi.qdpx", tmp_path, "a")


def test_no_key_for_a_viewer_nor_before_a_de_identification(project: Any, tmp_path: Path) -> None:
    makna.import_text(project, "lain.txt", "P: Catatan kedua.\n", language="id")
    assert issue_pulled_key(_as(project, "budi")) is None  # no key needed yet: nothing written
    _deidentify(project, tmp_path)
    assert issue_pulled_key(_as(project, "citra")) is None
    assert makna.events(project, action="sync.pull") == [] and meta_seal(project.store.meta()) is None
    held = issue_pulled_key(
        _as(project, "ana")
    )  # a manager or owner's copy holds a copy's key too, never the project's
    assert (
        held is not None and held["member"] == "ana" and bytes.fromhex(held["key"]) != meta_seal(project.store.meta())
    )


def test_a_copy_refuses_a_key_of_another_member(project: Any, tmp_path: Path) -> None:
    _deidentify(project, tmp_path)
    held = issue_pulled_key(_as(project, "budi"))
    assert held is not None
    with pytest.raises(SyncError, match="another member's"):
        write_copy(
            tmp_path / "x.makna",
            snapshot(_as(project, "ana")),
            server="https://lab.example",
            project_id="p1",
            project_name="Studi",
            token="t",
            csrf="c",
            seal=held,
        )


def test_a_refreshed_coders_copy_of_a_file_keeps_its_key_and_state(tmp_path: Path) -> None:
    """BASE: 'makna pull COPY' rewrote the copy from the snapshot without its key or de-identification state, so
    it sealed nothing after a refresh."""
    with makna.create_project(str(tmp_path / "studi.makna"), "Studi", coder="ana") as proj:
        _deidentify(proj, tmp_path)
    makna.copy_project(tmp_path / "studi.makna", tmp_path / "budi.makna", coder="budi")
    with makna.open_project(str(tmp_path / "budi.makna")) as copy:
        before = meta_sealer(copy.store.meta())
    refresh(tmp_path / "budi.makna")
    with makna.open_project(str(tmp_path / "budi.makna")) as copy:
        assert before is not None and meta_sealer(copy.store.meta()) == before
        assert [s.applied for s in makna.deid_status(copy) if s.source == SOURCE] == [True]
        export_qdpx(copy, tmp_path / "budi.qdpx")
    with makna.open_project(str(tmp_path / "studi.makna")) as lead:
        assert _verifies(lead, tmp_path / "budi.qdpx", tmp_path, "b")


def test_a_withdrawn_member_gets_no_new_key_by_pulling_again(project: Any, tmp_path: Path) -> None:
    """A manager withdraws a member's right to seal (``makna deid revoke NAME``): a copy the member pulls afterwards
    (themselves, unlike a copy of the file a manager makes) gets no key until the right is given back (review25)."""
    from makna.privacy.seal_copies import revoke_sealer

    _deidentify(project, tmp_path)
    assert issue_pulled_key(_as(project, "budi")) is not None
    assert revoke_sealer(_as(project, "ana"), "budi") == ["budi"]
    n = len(makna.events(project, action="sync.pull"))
    assert issue_pulled_key(_as(project, "budi")) is None
    assert len(makna.events(project, action="sync.pull")) == n  # nothing written
    revoke_sealer(_as(project, "ana"), "budi", restore=True)
    assert issue_pulled_key(_as(project, "budi")) is not None
