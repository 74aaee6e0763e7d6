"""Each coder's copy seals with a key of its own (trust24, issue #11): the lead withdraws one copy (a lost laptop)
and keeps the member's other, withdraws every copy of a member by name, and a copy made for the member afterwards
seals again; copies are listed with their member, date and state (makna.privacy.seal_copies)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_qdpx_deid_claims import _claim, _set_claim
from test_qdpx_deid_sealers import _export, _team, _verify
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.errors import InputError
from makna.exchange._deid_state import seal_claim
from makna.privacy.seal_copies import (
    BY_NAME,
    SEALS,
    WITHDRAWN,
    coder_copies,
    revoke_copy,
    revoke_sealer,
    revoked_sealers,
)
from makna.privacy.seals import REVOKED_META, Sealer, copy_key, meta_seal, meta_sealer, seal_id

runner = CliRunner()


def _two_laptops(tmp_path: Path) -> tuple[Path, Path, Path, str]:
    """The lead's project, the .qdpx of budi's first copy (the lost laptop) and of his second; the source id."""
    studi, sid = _team(tmp_path)
    makna.copy_project(studi, tmp_path / "budi2.makna", coder="budi")
    one = _export(tmp_path / "budi.makna", tmp_path / "budi.qdpx")
    two = _export(tmp_path / "budi2.makna", tmp_path / "budi2.qdpx")
    return studi, one, two, sid


def _lead(studi: Path) -> Any:
    return makna.open_project(str(studi), coder="ana")


def test_two_copies_of_a_member_hold_different_keys_and_name_their_copy(tmp_path: Path) -> None:
    studi, one, two, sid = _two_laptops(tmp_path)
    first, second = _claim(one, sid)["seal"], _claim(two, sid)["seal"]
    assert first["by"] == second["by"] == "budi" and first["copy"] != second["copy"]
    with _lead(studi) as lead:
        copies = coder_copies(lead)
    assert [(c.member, c.file, c.state) for c in copies] == [("budi", "budi.makna", SEALS), ("budi", "budi2.makna", SEALS)]
    assert {c.token for c in copies} == {first["copy"], second["copy"]}
    assert _verify(tmp_path, one)[1] and _verify(tmp_path, two, name="b")[1]


def test_withdrawing_one_copy_keeps_the_members_other(tmp_path: Path) -> None:
    studi, one, two, sid = _two_laptops(tmp_path)
    lost = _claim(one, sid)["seal"]["copy"]
    with _lead(studi) as lead:
        done = revoke_copy(lead, lost[:8])
        assert done.state == WITHDRAWN and done.member == "budi"
        event = makna.events(lead, action="deid.revoke")[0]
        assert event.actor == "ana" and event.payload == {"restore": False, "member": "budi", "copy": lost}
    report, applied = _verify(tmp_path, one)
    assert not applied and report.unverified_why == {"withdrawn": 1}
    assert "withdrawn" in "\n".join(report.lines())
    assert _verify(tmp_path, two, name="b")[1]  # the member's new copy seals on
    with _lead(studi) as lead:
        assert revoke_copy(lead, "budi.makna", restore=True).state == SEALS  # by the file's name
    assert _verify(tmp_path, one, name="c")[1]


def test_revoking_a_member_withdraws_every_copy_and_a_copy_made_after_seals(tmp_path: Path) -> None:
    """BASE (trust23): revocation was by name only, so a copy made again for budi after it stayed revoked."""
    studi, one, two, _sid = _two_laptops(tmp_path)
    with _lead(studi) as lead:
        assert revoke_sealer(lead, "budi") == ["budi"]
        event = makna.events(lead, action="deid.revoke")[0]
        assert event.actor == "ana" and event.payload["member"] == "budi" and len(event.payload["copies"]) == 2
    assert not _verify(tmp_path, one)[1] and not _verify(tmp_path, two, name="b")[1]
    makna.copy_project(studi, tmp_path / "budi3.makna", coder="budi")  # a new laptop, after the revocation
    three = _export(tmp_path / "budi3.makna", tmp_path / "budi3.qdpx")
    assert _verify(tmp_path, three, name="c")[1]
    assert not _verify(tmp_path, one, name="d")[1]  # the old copies stay withdrawn
    with _lead(studi) as lead:
        states = [c.state for c in coder_copies(lead)]
        assert states == [WITHDRAWN, WITHDRAWN, SEALS]
        revoke_sealer(lead, "budi", restore=True)
        assert revoked_sealers(lead) == []
    assert _verify(tmp_path, one, name="e")[1]


def test_a_copy_cannot_seal_as_another_copy_nor_as_one_the_project_never_made(tmp_path: Path) -> None:
    studi, one, two, sid = _two_laptops(tmp_path)
    other = _claim(two, sid)["seal"]["copy"]
    with makna.open_project(str(tmp_path / "budi.makna")) as copy:
        held = meta_sealer(copy.store.meta())
    assert held is not None and held.copy is not None
    claim = {k: v for k, v in _claim(one, sid).items() if k != "seal"}
    for forged in (Sealer(held.key, held.project, "budi", other), Sealer(held.key, held.project, "budi", "ab" * 16)):
        _set_claim(one, sid, seal_claim(claim, forged))
        assert not _verify(tmp_path, one, name=forged.copy or "x")[1]
    with _lead(studi) as lead:  # even with the right key, a token the project never recorded does not verify
        master = meta_seal(lead.store.meta())
    assert master is not None
    made_up = Sealer(copy_key(master, "budi", "cd" * 16), seal_id(master), "budi", "cd" * 16)
    _set_claim(one, sid, seal_claim(claim, made_up))
    report, applied = _verify(tmp_path, one, name="y")
    assert not applied and report.unverified_why == {"withdrawn": 1}


def test_unknown_or_ambiguous_members_and_copies_name_the_candidates(tmp_path: Path) -> None:
    studi, _one, _two, _sid = _two_laptops(tmp_path)
    makna.copy_project(studi, tmp_path / "citra.makna", coder="citra")
    with _lead(studi) as lead:
        before = len(makna.events(lead, action="deid.revoke"))
        with pytest.raises(InputError, match=r"no coder's copy was made for 'dewi'; members with copies: budi, citra"):
            revoke_sealer(lead, "dewi")
        assert revoke_sealer(lead, "BUDI") == ["budi"]  # one name matches, whatever the case
        with pytest.raises(InputError, match=r"names no coder's copy .*budi.*citra"):
            revoke_copy(lead, "zzzz")
        tokens = [c.token for c in coder_copies(lead)]
        shared = next(
            (a[:n] for n in range(4, 8) for a in tokens for b in tokens if a != b and a[:n] == b[:n]), None
        )
        if shared is not None:
            with pytest.raises(InputError, match="is ambiguous: candidates"):
                revoke_copy(lead, shared)
        with pytest.raises(InputError, match="copy's id"):
            revoke_copy(lead, " ")
        assert len(makna.events(lead, action="deid.revoke")) == before + 1  # a refusal writes nothing


def test_an_ambiguous_member_names_both(tmp_path: Path) -> None:
    studi, _sid = _team(tmp_path)
    makna.copy_project(studi, tmp_path / "Budi.makna", coder="Budi")
    with _lead(studi) as lead, pytest.raises(InputError, match=r"'BUDI' is ambiguous: Budi, budi"):
        revoke_sealer(lead, "BUDI")


def test_a_copy_made_before_trust24_is_withdrawn_by_its_members_name(tmp_path: Path) -> None:
    studi, _sid = _team(tmp_path)
    with _lead(studi) as lead, lead.store.write("ana", "sync.pull", {"origin": "file", "coder": "eko",
                                                                       "copy_token": "ef" * 16, "copy": "eko.makna"}):
        pass
    with _lead(studi) as lead:
        assert [c.state for c in coder_copies(lead) if c.member == "eko"] == [BY_NAME]
        with pytest.raises(InputError, match="withdraw the member instead"):
            revoke_copy(lead, "eko.makna")
        revoke_sealer(lead, "eko")
        assert [c.state for c in coder_copies(lead) if c.member == "eko"] == [WITHDRAWN]
        assert "eko" in lead.store.meta()[REVOKED_META]  # the key of the name, as trust23's copies hold


def test_copies_and_revoke_on_the_command_line(tmp_path: Path) -> None:
    studi, one, _two, sid = _two_laptops(tmp_path)
    listed = runner.invoke(app, ["deid", "copies", "-p", str(studi), "--format", "json"])
    assert listed.exit_code == 0 and '"member": "budi"' in listed.output and '"state": "seals"' in listed.output
    token = _claim(one, sid)["seal"]["copy"]
    done = runner.invoke(app, ["deid", "revoke", "--copy", token[:8], "-p", str(studi)])
    assert done.exit_code == 0 and f"copy {token[:8]} (budi, budi.makna" in done.output and "withdrawn" in done.output
    for args in (["deid", "revoke", "dewi"], ["deid", "revoke"], ["deid", "revoke", "budi", "--copy", "x"]):
        refused = runner.invoke(app, [*args, "-p", str(studi)])
        assert refused.exit_code != 0 and "Traceback" not in refused.output
    assert "members with copies: budi" in runner.invoke(app, ["deid", "revoke", "dewi", "-p", str(studi)]).output


def test_a_member_whose_name_holds_a_colon_seals_and_is_withdrawn(tmp_path: Path) -> None:
    studi, sid = _team(tmp_path)
    makna.copy_project(studi, tmp_path / "tim.makna", coder="tim:lapangan")
    out = _export(tmp_path / "tim.makna", tmp_path / "tim.qdpx")
    assert _claim(out, sid)["seal"]["by"] == "tim:lapangan"
    assert _verify(tmp_path, out)[1]
    with _lead(studi) as lead:
        revoke_sealer(lead, "tim:lapangan")
    assert not _verify(tmp_path, out, name="b")[1]
