"""Round twenty-three's per-member seal keys read again (review23, #11): a coder's copy holds a key of its own
member, and nothing binds that key to the project it names (a project's key id is a hash of the key; a member's
is a JSON field beside it), so a coder's copy verifies nothing: not its own member's claims after the project
withdrew their right to seal, and not the claims of a copy forged to name any project and member."""

from __future__ import annotations

import json
import secrets
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from test_qdpx_deid_sealers import _export, _team, _verify

import makna
from makna.errors import InputError
from makna.exchange._deid_state import seal_claim
from makna.privacy.seal_copies import revoke_sealer
from makna.privacy.seals import (
    MEMBER_META,
    Sealer,
    SealKeys,
    member_key,
    meta_seal,
    project_seals,
    seal_id,
)


def test_a_revoked_members_own_copy_does_not_verify_their_claims(tmp_path: Path) -> None:
    studi, _sid = _team(tmp_path)
    budi = _export(tmp_path / "budi.makna", tmp_path / "budi.qdpx")
    with makna.open_project(str(studi), coder="ana") as lead:
        revoke_sealer(lead, "budi")
    assert not _verify(tmp_path, budi)[1]
    report, applied = _verify(tmp_path, budi, name="b", project=tmp_path / "budi.makna")
    assert not applied and report.unverified_claims == 1


def test_a_forged_members_key_does_not_verify(tmp_path: Path) -> None:
    """A copy whose member key is made up, naming the real project's key id and its lead: the lead's name on a
    seal that the project never derived."""
    studi, _sid = _team(tmp_path)
    with makna.open_project(str(studi)) as lead:
        (sid,) = project_seals(lead)
    forged = json.dumps({"project": sid, "member": "ana", "key": secrets.token_bytes(32).hex()})
    with closing(sqlite3.connect(tmp_path / "budi.makna")) as db, db:  # what anyone holding a copy can do
        db.execute("UPDATE meta SET value = ? WHERE key = ?", (forged, MEMBER_META))
    out = _export(tmp_path / "budi.makna", tmp_path / "forged.qdpx")
    assert not _verify(tmp_path, out)[1]  # the project derives ana's key itself: no match
    report, applied = _verify(tmp_path, out, name="f", project=tmp_path / "budi.makna")
    assert not applied and report.unverified_claims == 1


def test_a_coders_copy_holds_no_keys_to_verify_with(tmp_path: Path) -> None:
    _team(tmp_path)
    with makna.open_project(str(tmp_path / "budi.makna")) as copy:
        assert len(project_seals(copy)) == 0


def test_a_member_named_project_is_refused_and_never_reads_as_the_project(tmp_path: Path) -> None:
    """``project`` is what a claim's ``sealed_by`` and the import's "sealed by the project" say of the project's
    own seal: a member of that name would have their seals reported as the project's."""
    studi, _sid = _team(tmp_path)
    with pytest.raises(InputError, match="project"):
        makna.copy_project(studi, tmp_path / "p.makna", coder="project")
    assert not (tmp_path / "p.makna").exists()
    with makna.open_project(str(studi)) as lead:
        master = meta_seal(lead.store.meta())
    assert master is not None
    claim = {"mode": "surrogate"}
    sealed = seal_claim(claim, Sealer(member_key(master, "project"), seal_id(master), "project"))
    assert sealed["seal"]["by"] == "project"
    keys = SealKeys({seal_id(master): master})
    assert keys.get(f"{seal_id(master)}:project") is None
