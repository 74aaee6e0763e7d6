"""Who sealed a de-identification claim (trust23, issue #11): a coder's copy holds a key of its own member, derived
from the project's, so its claims name who sealed them, it cannot seal as the project nor as another member, and
the project can withdraw that member's right to seal (makna.privacy.seals)."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from test_qdpx_deid_claims import SOURCE, _claim, _fresh, _set_claim
from test_qdpx_deid_state import _deidentified, _status
from typer.testing import CliRunner

import makna
from makna.access import PERMISSION, Access
from makna.cli import app
from makna.errors import InputError, PermissionDeniedError
from makna.exchange import export_qdpx, import_qdpx
from makna.exchange._deid_state import seal_claim
from makna.privacy.seal_copies import revoke_sealer, revoked_sealers
from makna.privacy.seals import (
    MEMBER_META,
    SEAL_META,
    Sealer,
    copy_key,
    meta_seal,
    meta_sealer,
    project_seals,
    reseal,
    seal_id,
    seal_key,
)
from makna.store import tables
from makna.sync.local import copy_token

runner = CliRunner()


def _team(tmp_path: Path) -> tuple[Path, str]:
    """The lead's de-identified project 'studi.makna' and budi's coder's copy of it, 'budi.makna'; the source id."""
    with makna.create_project(str(tmp_path / "studi.makna"), "Studi", coder="ana") as proj:
        sid = _deidentified(proj, tmp_path)
    makna.copy_project(tmp_path / "studi.makna", tmp_path / "budi.makna", coder="budi")
    return tmp_path / "studi.makna", sid


def _export(location: Path, out: Path) -> Path:
    with makna.open_project(str(location)) as proj:
        export_qdpx(proj, out)
    return out


def _verify(tmp_path: Path, qdpx: Path, *, name: str = "baru", project: Path | None = None) -> Any:
    """Import ``qdpx`` into a new project, verifying with the lead's project (or ``project``)."""
    with makna.open_project(str(project or tmp_path / "studi.makna")) as lead:
        seals = project_seals(lead)
    with _fresh(tmp_path, name) as fresh:
        report = import_qdpx(fresh, qdpx, seals=seals)
        return report, _status(fresh)[SOURCE][0]


def test_a_coders_copy_holds_its_members_key_never_the_projects(tmp_path: Path) -> None:
    studi, _sid = _team(tmp_path)
    with makna.open_project(str(studi)) as lead:
        master = meta_seal(lead.store.meta())
    assert master is not None
    with makna.open_project(str(tmp_path / "budi.makna")) as copy:
        meta = copy.store.meta()
        assert SEAL_META not in meta
        token = copy_token(copy)  # trust24: the copy's own key, of the member and the copy's token
        assert meta_sealer(meta) == Sealer(copy_key(master, "budi", token), seal_id(master), "budi", token)
        assert {"seal": seal_id(master), "member": "budi", "copy": token} in [
            e.payload for e in makna.events(copy, action="deid.seal")
        ]
    raw = (tmp_path / "budi.makna").read_bytes()
    assert master.hex().encode() not in raw and master not in raw  # not even in a freed page


def test_a_members_claim_names_them_and_verifies_with_the_project(tmp_path: Path) -> None:
    _studi, sid = _team(tmp_path)
    out = _export(tmp_path / "budi.makna", tmp_path / "budi.qdpx")
    assert _claim(out, sid)["seal"]["by"] == "budi"
    report, applied = _verify(tmp_path, out)
    assert applied and report.unverified_claims == 0 and report.verified_by == {"budi": 1}
    assert "sealed by budi (1)" in "\n".join(report.lines())
    lead_out = _export(tmp_path / "studi.makna", tmp_path / "studi.qdpx")  # the project's own seal names nobody
    assert "by" not in _claim(lead_out, sid)["seal"]
    report, applied = _verify(tmp_path, lead_out, name="dua")
    assert applied and report.verified_by == {"project": 1}


def _budi_key(tmp_path: Path) -> Sealer:
    with makna.open_project(str(tmp_path / "budi.makna")) as copy:
        held = meta_sealer(copy.store.meta())
    assert held is not None and held.by == "budi"
    return held


@pytest.mark.parametrize("as_whom", ["the project", "another member", "an empty name"])
def test_a_member_cannot_seal_as_the_project_or_another_member(tmp_path: Path, as_whom: str) -> None:
    _studi, sid = _team(tmp_path)
    out = _export(tmp_path / "budi.makna", tmp_path / "budi.qdpx")
    held = _budi_key(tmp_path)
    claim = {k: v for k, v in _claim(out, sid).items() if k != "seal"}
    if as_whom == "the project":  # budi's key, used as if it were the project's
        crafted = seal_claim(claim, Sealer(held.key, held.project))
    elif as_whom == "another member":
        crafted = seal_claim(claim, Sealer(held.key, held.project, "citra"))
    else:
        crafted = seal_claim(claim, held)
        crafted["seal"]["by"] = ""
    _set_claim(out, sid, crafted)
    report, applied = _verify(tmp_path, out)
    assert not applied and report.unverified_claims == 1 and report.verified_by == {}


@pytest.mark.parametrize("field", ["by", "mac", "span", "id"])
def test_a_tampered_members_claim_is_not_verified(tmp_path: Path, field: str) -> None:
    _studi, sid = _team(tmp_path)
    makna.copy_project(tmp_path / "studi.makna", tmp_path / "citra.makna", coder="citra")
    out = _export(tmp_path / "budi.makna", tmp_path / "budi.qdpx")
    claim = _claim(out, sid)
    if field == "by":
        claim["seal"]["by"] = "citra"  # a member who holds a key too
    elif field == "mac":
        claim["seal"]["mac"] = claim["seal"]["mac"][::-1]
    elif field == "span":
        claim["replacements"][0]["new_end"] -= 1
    else:
        claim["seal"]["id"] = "0" * 16
    _set_claim(out, sid, claim)
    report, applied = _verify(tmp_path, out)
    assert not applied and report.unverified_claims == 1


def test_another_projects_member_does_not_verify(tmp_path: Path) -> None:
    _studi, sid = _team(tmp_path)
    other = tmp_path / "lain"
    other.mkdir()
    _team(other)  # another project, its own coder budi
    out = _export(other / "budi.makna", tmp_path / "lain.qdpx")
    report, applied = _verify(tmp_path, out)
    assert not applied and report.unverified_claims == 1


def test_a_revoked_members_seals_verify_no_more(tmp_path: Path) -> None:
    studi, _sid = _team(tmp_path)
    makna.copy_project(studi, tmp_path / "citra.makna", coder="citra")
    budi = _export(tmp_path / "budi.makna", tmp_path / "budi.qdpx")  # sealed BEFORE the right was withdrawn
    citra = _export(tmp_path / "citra.makna", tmp_path / "citra.qdpx")
    with makna.open_project(str(studi), coder="ana") as lead:
        assert revoke_sealer(lead, " budi ") == ["budi"]
        assert revoked_sealers(lead) == ["budi"]
        assert makna.events(lead, action="deid.revoke")[0].actor == "ana"
    report, applied = _verify(tmp_path, budi)
    assert not applied and report.unverified_claims == 1
    report, applied = _verify(tmp_path, citra, name="c")
    assert applied  # the others keep theirs
    with makna.open_project(str(studi), coder="ana") as lead:
        makna.undo(lead)  # one step, undone like any
        assert revoked_sealers(lead) == []
    assert _verify(tmp_path, budi, name="d")[1]


def test_revoking_needs_the_project_and_a_name(tmp_path: Path) -> None:
    _team(tmp_path)
    with makna.open_project(str(tmp_path / "budi.makna")) as copy, pytest.raises(InputError, match="coder's copy"):
        revoke_sealer(copy, "citra")
    with makna.open_project(str(tmp_path / "studi.makna")) as lead, pytest.raises(InputError):
        revoke_sealer(lead, "  ")


def test_a_blind_copy_holds_no_key(tmp_path: Path) -> None:
    studi, sid = _team(tmp_path)
    makna.copy_project(studi, tmp_path / "buta.makna", coder="citra", blind=True)
    with makna.open_project(str(tmp_path / "buta.makna")) as blind:
        meta = blind.store.meta()
        assert SEAL_META not in meta and MEMBER_META not in meta and meta_sealer(meta) is None
        export_qdpx(blind, tmp_path / "buta.qdpx")
    with zipfile.ZipFile(tmp_path / "buta.qdpx") as zf:
        assert "deid" not in json.loads(zf.read("makna/extras.json"))["elements"].get(sid, {})


def test_revoke_seal_on_the_command_line(tmp_path: Path) -> None:
    studi, _sid = _team(tmp_path)
    budi = _export(tmp_path / "budi.makna", tmp_path / "budi.qdpx")
    done = runner.invoke(app, ["deid", "revoke", "budi", "-p", str(studi)])
    assert done.exit_code == 0 and "Withdrew the right to seal of budi's copies. Withdrawn now: budi." in done.output
    imported = runner.invoke(
        app, ["import-project", str(budi), "-p", str(tmp_path / "u.makna"), "--verify-with", str(studi)]
    )
    assert imported.exit_code == 0 and "not verified" in imported.output
    back = runner.invoke(app, ["deid", "revoke", "budi", "--restore", "-p", str(studi)])
    assert back.exit_code == 0 and "Withdrawn now: none." in back.output
    refused = runner.invoke(app, ["deid", "revoke", "citra", "-p", str(tmp_path / "budi.makna")])
    assert refused.exit_code != 0 and "coder's copy" in refused.output and "Traceback" not in refused.output


def test_the_seal_key_is_filed_under_export_and_revoking_under_manage() -> None:
    assert PERMISSION["deid.seal"] == "export" and PERMISSION["deid.revoke"] == "manage"
    for role in ("viewer", "coder"):
        with pytest.raises(PermissionDeniedError):
            Access({"x": role}).check("x", "deid.seal")  # a viewer may read, never make the key
    Access({"x": "manager"}).check("x", "deid.seal")


def test_the_seals_module_imports_no_interface() -> None:
    code = (
        "import sys, makna.privacy.seals, makna.privacy.claims; "
        "print(sorted(m for m in ('typer', 'fastapi', 'jinja2', 'starlette') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_coders_copy_without_a_key_never_makes_one(tmp_path: Path) -> None:
    """A coder's copy made before trust23 of a project that had no key yet: its export seals nothing (its claims
    import as unverified) and never makes a project key of its own."""
    _studi, sid = _team(tmp_path)
    with makna.open_project(str(tmp_path / "budi.makna")) as copy:
        guard, copy.store.access = copy.store.access, None  # as a copy made before trust23 was
        with copy.store.write(copy.actor, "deid.seal", {"test": "as before trust23"}) as conn:
            conn.execute(tables.meta.delete().where(tables.meta.c.key == MEMBER_META))
        copy.store.access = guard
        assert seal_key(copy) is None
        export_qdpx(copy, tmp_path / "old.qdpx")
        assert meta_sealer(copy.store.meta()) is None
    assert "seal" not in _claim(tmp_path / "old.qdpx", sid)
    assert _verify(tmp_path, tmp_path / "old.qdpx")[0].unverified_claims == 1


def test_a_new_seal_key_retires_every_copy_made_before(tmp_path: Path) -> None:
    """A coder's copy handed out before trust23 held the project's own key (as a full copy does): a new key retires
    it, with every seal made before; a coder's copy made after seals with the new key."""
    studi, _sid = _team(tmp_path)
    makna.copy_project(studi, tmp_path / "lama.makna")  # holds the project's key, as an old coder's copy did
    old = _export(tmp_path / "lama.makna", tmp_path / "lama.qdpx")
    budi = _export(tmp_path / "budi.makna", tmp_path / "budi.qdpx")
    assert _verify(tmp_path, old)[1] and _verify(tmp_path, budi, name="b")[1]
    with makna.open_project(str(studi), coder="ana") as lead:
        before = meta_seal(lead.store.meta())
        assert before is not None
        made = reseal(lead)
        assert made != seal_id(before)
        assert {"seal": made, "replaced": seal_id(before), "recorded": 1} in [
            e.payload for e in makna.events(lead, action="deid.seal")
        ]
    assert before not in studi.read_bytes() and before.hex().encode() not in studi.read_bytes()
    # trust24: the old copy's claim is the project's own as it stands (the reseal recorded it), budi's is not
    assert _verify(tmp_path, old, name="c")[1] and not _verify(tmp_path, budi, name="d")[1]
    makna.copy_project(studi, tmp_path / "budi2.makna", coder="budi")
    assert _verify(tmp_path, _export(tmp_path / "budi2.makna", tmp_path / "budi2.qdpx"), name="e")[1]
    refused = runner.invoke(app, ["deid", "reseal", "--yes", "-p", str(tmp_path / "budi2.makna")])
    assert refused.exit_code != 0 and "coder's copy" in refused.output and "Traceback" not in refused.output
    with makna.open_project(studi) as lead:
        kept = meta_seal(lead.store.meta())
    asked = runner.invoke(app, ["deid", "reseal", "-p", str(studi)], input="n\n")  # it asks first, and no is no
    assert asked.exit_code != 0 and "cannot be undone" in asked.output
    with makna.open_project(studi) as lead:
        assert meta_seal(lead.store.meta()) == kept
    done = runner.invoke(app, ["deid", "reseal", "-p", str(studi)], input="y\n")
    assert done.exit_code == 0 and "New seal key" in done.output
