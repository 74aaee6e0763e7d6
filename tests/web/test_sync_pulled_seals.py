"""A copy pulled from the team server seals its de-identification claims with a key of its own (teamtrust25, issue
#11): derived on the server from the project's key, the member and the copy's token (``POST /api/sync/seal``), the
copy recorded there and withdrawn as a coder's copy of a project file is (makna.privacy.seal_copies). Its exports
verify against the server's project while it is not withdrawn; the project's key never leaves the server. The
server runs on PostgreSQL, the copy is SQLite."""

from __future__ import annotations

import dataclasses
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import PASSWORD, URL, served
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.exchange import export_qdpx, import_qdpx
from makna.privacy.seal_copies import SEALS, WITHDRAWN, coder_copies, revoke_copy, revoke_sealer
from makna.privacy.seals import MEMBER_META, SEAL_META, meta_seal, meta_sealer, reseal, seal_id
from makna.sync import client

runner = CliRunner()
SOURCE = "informan-07.txt"
TEXT = "P: Siapa nama Anda?\nI: Nama saya Siti Rahmawati, tinggal di Padang. Nomor saya 0812-555-0199.\n"


@pytest.fixture
def lab(team: Any, server_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    with served(server_db, monkeypatch) as (app_, _seen):
        yield app_


def _lead(team: Any) -> Any:
    base = team.open_project(team.project("Studi"))
    return dataclasses.replace(base, coder_name="ana")


def _deidentify(team: Any, tmp_path: Path) -> None:
    ana = _lead(team)
    makna.import_text(ana, SOURCE, TEXT, language="id")
    makna.deid_scan(ana, sources=[SOURCE])
    makna.decide_all(ana, "accepted", sources=[SOURCE])
    makna.deid_apply(ana, tmp_path / "kunci.makna-key", "kopi hujan sepeda jendela", sources=[SOURCE])


def _pull(tmp_path: Path, user: str = "budi", name: str = "copy.makna") -> Path:
    path = tmp_path / name
    client.pull(URL, "Studi", path, user=user, password=PASSWORD)
    return path


def _export(copy: Path, out: Path) -> dict[str, Any]:
    """Export the pulled copy to ``out``; the claim of SOURCE it carries."""
    with makna.open_project(str(copy)) as proj:
        export_qdpx(proj, out)
        sid = next(s.id for s in makna.list_sources(proj) if s.name == SOURCE)
    with zipfile.ZipFile(out) as zf:
        claim: dict[str, Any] = json.loads(zf.read("makna/extras.json"))["elements"][sid]["deid"]
    return claim


def _verified(team: Any, qdpx: Path, tmp_path: Path, name: str) -> tuple[bool, dict[str, int]]:
    """Import ``qdpx`` into a new project, verifying with the server's project: whether SOURCE came in
    de-identified, and why claims did not verify."""
    seals = team.seals("Studi", actor="ana")
    with makna.create_project(str(tmp_path / f"{name}.makna"), "Baru", coder="ana") as fresh:
        report = import_qdpx(fresh, qdpx, seals=seals)
        applied = any(s.applied for s in makna.deid_status(fresh) if s.source == SOURCE)
    return applied, dict(report.unverified_why)


def test_a_pulled_copy_seals_with_its_own_key_and_its_export_verifies_on_the_server(
    lab: Any, team: Any, tmp_path: Path
) -> None:
    """BASE: the pulled copy held no de-identification state and no key; its export carried no claim."""
    _deidentify(team, tmp_path)
    copy = _pull(tmp_path)
    with makna.open_project(str(copy)) as proj:
        meta = proj.store.meta()
        sealer = meta_sealer(meta)
        assert SEAL_META not in meta and meta_seal(meta) is None
        assert [s.applied for s in makna.deid_status(proj) if s.source == SOURCE] == [True]
    master = meta_seal(_lead(team).store.meta())
    assert master is not None and sealer is not None
    assert (sealer.project, sealer.by) == (seal_id(master), "budi") and sealer.copy
    assert master.hex().encode() not in copy.read_bytes() and master not in copy.read_bytes()
    claim = _export(copy, tmp_path / "budi.qdpx")
    assert (claim["seal"]["by"], claim["seal"]["copy"]) == ("budi", sealer.copy)
    assert _verified(team, tmp_path / "budi.qdpx", tmp_path, "a") == (True, {})
    copies = coder_copies(_lead(team))
    assert [(c.member, c.state, c.pulled, c.file, c.token) for c in copies] == [("budi", SEALS, True, "", sealer.copy)]
    event = makna.events(_lead(team), action="sync.pull")[0]
    assert event.actor == "budi" and event.payload == {
        "origin": "server",
        "coder": "budi",
        "made_seal": True,
        "copy_token": sealer.copy,
        "seal": seal_id(master),
    }


def test_a_withdrawn_pulled_copys_export_verifies_no_more(lab: Any, team: Any, server_db: str, tmp_path: Path) -> None:
    _deidentify(team, tmp_path)
    copy = _pull(tmp_path)
    _export(copy, tmp_path / "budi.qdpx")
    token = coder_copies(_lead(team))[0].token
    done = revoke_copy(_lead(team), token[:8])
    assert done.state == WITHDRAWN and done.pulled
    event = makna.events(_lead(team), action="deid.revoke")[0]
    assert event.actor == "ana" and event.payload == {"restore": False, "member": "budi", "copy": token}
    assert _verified(team, tmp_path / "budi.qdpx", tmp_path, "b") == (False, {"withdrawn": 1})
    revoke_copy(_lead(team), token[:8], restore=True)
    assert _verified(team, tmp_path / "budi.qdpx", tmp_path, "c") == (True, {})
    assert revoke_sealer(_lead(team), "budi") == ["budi"]  # every copy of the member, the pulled one too
    assert _verified(team, tmp_path / "budi.qdpx", tmp_path, "d") == (False, {"withdrawn": 1})
    location = team.location(team.project("Studi"))
    listed = runner.invoke(app, ["deid", "copies", "-p", location, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    assert [(r["id"], r["state"]) for r in json.loads(listed.output)] == [(token[:8], WITHDRAWN)]


def test_a_refresh_keeps_the_copys_key_and_a_viewer_or_an_early_copy_gets_none(
    lab: Any, team: Any, tmp_path: Path
) -> None:
    early = _pull(tmp_path, name="early.makna")  # nothing de-identified yet: no key, nothing recorded
    with makna.open_project(str(early)) as proj:
        assert MEMBER_META not in proj.store.meta()
    assert coder_copies(_lead(team)) == [] and makna.events(_lead(team), action="sync.pull") == []
    _deidentify(team, tmp_path)
    viewer = _pull(tmp_path, user="citra", name="citra.makna")
    with makna.open_project(str(viewer)) as proj:
        assert meta_sealer(proj.store.meta()) is None  # a viewer seals nothing
    copy = _pull(tmp_path)
    with makna.open_project(str(copy)) as proj:
        held = meta_sealer(proj.store.meta())
    client.refresh(copy)
    with makna.open_project(str(copy)) as proj:
        assert meta_sealer(proj.store.meta()) == held  # the same copy: the same key, no new one
    client.refresh(early)  # pulled before the project had a key: gets one now
    with makna.open_project(str(early)) as proj:
        later = meta_sealer(proj.store.meta())
    assert later is not None and held is not None and later.copy != held.copy
    assert [c.member for c in coder_copies(_lead(team))] == ["budi", "budi"]
    claim = _export(early, tmp_path / "early.qdpx")
    assert claim["seal"]["copy"] == later.copy
    assert _verified(team, tmp_path / "early.qdpx", tmp_path, "e") == (True, {})


def test_a_pushed_claim_outlives_a_reseal_and_an_unpushed_one_does_not(lab: Any, team: Any, tmp_path: Path) -> None:
    """BASE (and the first commit of this branch): a pulled copy's push recorded nothing, so after a reseal every
    claim it had sealed failed ("retired" or "unknown")."""
    _deidentify(team, tmp_path)
    copy = _pull(tmp_path)
    _export(copy, tmp_path / "budi.qdpx")
    report = client.push(copy)  # nothing coded: the claims alone
    assert report.sealed == 1
    event = makna.events(_lead(team), action="sync.push")[0]
    assert event.actor == "budi" and event.payload["sealed"] == 1
    assert client.push(copy).sealed == 0 and len(makna.events(_lead(team), action="sync.push")) == 1
    lost = _pull(tmp_path, name="lost.makna")
    revoke_copy(_lead(team), coder_copies(_lead(team))[-1].token[:8])
    assert client.push(lost).sealed == 0  # a withdrawn copy records nothing
    never = _pull(tmp_path, name="never.makna")
    _export(never, tmp_path / "never.qdpx")  # sealed, never pushed
    reseal(_lead(team))
    assert _verified(team, tmp_path / "budi.qdpx", tmp_path, "f") == (True, {})
    assert _verified(team, tmp_path / "never.qdpx", tmp_path, "g") == (False, {"retired": 1})
