"""A member's seals made in their coder's copy outlive a reseal once the copy's work came back (trustweb24, issue
#11): ``makna push`` records in the project the digests of the claims the copy sealed that verify then, so a
reseal keeps them; a claim forged with the copy's key after the reseal, or never pushed, still fails."""

from __future__ import annotations

from pathlib import Path

from test_qdpx_deid_claims import _claim, _set_claim
from test_qdpx_deid_sealers import _export, _team, _verify
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.exchange._deid_state import seal_claim
from makna.privacy.seal_copies import record_pushed_seals, revoke_copy
from makna.privacy.seals import meta_sealer, recorded_seals, reseal
from makna.sync import client
from makna.sync.local import copy_token

runner = CliRunner()


def _ledger(studi: Path) -> dict[str, str]:
    with makna.open_project(str(studi)) as lead:
        return recorded_seals(lead)


def _reseal(studi: Path) -> None:
    with makna.open_project(str(studi), coder="ana") as lead:
        reseal(lead)


def test_a_members_seal_pushed_before_the_reseal_still_verifies(tmp_path: Path) -> None:
    """trust24: a member's seals made before a reseal verified no more (the project never saw them)."""
    studi, _sid = _team(tmp_path)
    budi = _export(tmp_path / "budi.makna", tmp_path / "budi.qdpx")
    before = len(_ledger(studi))
    report = client.push(tmp_path / "budi.makna")  # nothing coded: the claims alone come back
    assert report.sent == 0 and report.sealed == 1 and len(_ledger(studi)) == before + 1
    with makna.open_project(str(studi)) as lead:
        event = makna.events(lead, action="deid.seal")[0]
        with makna.open_project(str(tmp_path / "budi.makna")) as copy:
            token = copy_token(copy)
        assert event.actor == "budi" and event.payload["member"] == "budi" and event.payload["copy"] == token
        assert event.payload["recorded"] == 1
    assert client.push(tmp_path / "budi.makna").sealed == 0  # pushed again: nothing new, no event
    with makna.open_project(str(studi)) as lead:
        assert makna.events(lead, action="deid.seal")[0].id == event.id
    _reseal(studi)
    report_, applied = _verify(tmp_path, budi)
    assert applied and report_.verified_by == {"budi": 1}


def test_a_claim_forged_with_the_copys_key_after_the_reseal_does_not_verify(tmp_path: Path) -> None:
    studi, sid = _team(tmp_path)
    budi = _export(tmp_path / "budi.makna", tmp_path / "budi.qdpx")
    client.push(tmp_path / "budi.makna")
    _reseal(studi)
    with makna.open_project(str(tmp_path / "budi.makna")) as copy:
        sealer = meta_sealer(copy.store.meta())
    assert sealer is not None and sealer.copy is not None
    claim = {k: v for k, v in _claim(budi, sid).items() if k != "seal"}
    claim["replacements"] = claim["replacements"][1:]  # leaves an identifier in the text
    _set_claim(budi, sid, seal_claim(claim, sealer))
    report, applied = _verify(tmp_path, budi)
    assert not applied and report.unverified_why == {"retired": 1}


def test_a_seal_never_pushed_or_of_a_withdrawn_copy_is_not_recorded(tmp_path: Path) -> None:
    studi, _sid = _team(tmp_path)
    budi = _export(tmp_path / "budi.makna", tmp_path / "budi.qdpx")
    with makna.open_project(str(tmp_path / "budi.makna")) as copy:
        token = copy_token(copy)
    with makna.open_project(str(studi), coder="ana") as lead:
        revoke_copy(lead, token[:8])
    before = _ledger(studi)
    assert client.push(tmp_path / "budi.makna").sealed == 0 and _ledger(studi) == before
    with makna.open_project(str(studi), coder="ana") as lead:
        revoke_copy(lead, token[:8], restore=True)
    _reseal(studi)  # never pushed while it sealed: its seal verifies no more
    assert not _verify(tmp_path, budi)[1]


def test_only_the_copys_own_verified_claims_are_recorded(tmp_path: Path) -> None:
    """A push records claims of its own member and copy that verify: not another member's, nor an altered one."""
    studi, sid = _team(tmp_path)
    budi = _export(tmp_path / "budi.makna", tmp_path / "budi.qdpx")
    claim = _claim(budi, sid)
    token = claim["seal"]["copy"]
    altered = {**claim, "replacements": claim["replacements"][1:]}
    as_other = {**claim, "seal": {**claim["seal"], "by": "citra"}}
    before = _ledger(studi)
    with makna.open_project(str(studi), coder="budi") as lead:
        assert record_pushed_seals(lead, [altered, as_other], member="budi", copy=token) == 0
        assert record_pushed_seals(lead, [claim], member="citra", copy=token) == 0
        assert record_pushed_seals(lead, [claim], member="budi", copy=token[::-1]) == 0
    assert _ledger(studi) == before


def test_push_on_the_command_line_says_what_was_recorded(tmp_path: Path) -> None:
    studi, _sid = _team(tmp_path)
    done = runner.invoke(app, ["push", str(tmp_path / "budi.makna")])
    assert done.exit_code == 0, done.output
    assert "now keeps the statement this copy signed" in done.output and "Nothing for you to do." in done.output
    assert "claim(s)" not in done.output and "reseal" not in done.output  # trial16 #10: plain words for a coder
    assert "Nothing to push" in done.output
    again = runner.invoke(app, ["push", str(tmp_path / "budi.makna"), "--json"])
    assert again.exit_code == 0 and '"sealed": 0' in again.output
