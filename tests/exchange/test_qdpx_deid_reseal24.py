"""A reseal keeps the project's own earlier exports verifiable (trust24, issue #11): the project records a digest of
every claim and seal it exports; after ``makna deid reseal`` a retired key's seal verifies only when the project
recorded it before, so a claim forged with a leaked key after the reseal, backdated or not, does not verify."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_qdpx_deid_claims import _claim, _set_claim
from test_qdpx_deid_sealers import _export, _team, _verify
from typer.testing import CliRunner

import makna
from makna.cli import app
from makna.exchange._deid_state import seal_claim
from makna.privacy.seals import LEDGER_PREFIX, meta_seal, project_seals, recorded_seals, reseal, seal_id
from makna.store import tables

runner = CliRunner()


def _resealed(tmp_path: Path) -> tuple[Path, Path, bytes, str]:
    """The lead's project and its own .qdpx exported BEFORE a reseal, the retired (leaked) key, the source id."""
    studi, sid = _team(tmp_path)
    honest = _export(studi, tmp_path / "honest.qdpx")
    with makna.open_project(str(studi), coder="ana") as lead:
        leaked = meta_seal(lead.store.meta())
        assert leaked is not None
        reseal(lead)
    return studi, honest, leaked, sid


def test_the_projects_own_export_made_before_a_reseal_still_verifies(tmp_path: Path) -> None:
    """BASE (trust23): a reseal made every earlier .qdpx unverifiable, the lead's own honest exports included."""
    studi, honest, leaked, _sid = _resealed(tmp_path)
    report, applied = _verify(tmp_path, honest)
    assert applied and report.verified_by == {"project": 1} and report.unverified_claims == 0
    with makna.open_project(str(studi)) as lead:
        meta = lead.store.meta()
        assert list(recorded_seals(lead).values()) == [seal_id(leaked)]
        assert leaked.hex() not in meta.values()  # the retired key itself is not kept
    assert leaked not in studi.read_bytes() and leaked.hex().encode() not in studi.read_bytes()


@pytest.mark.parametrize("backdated", [False, True])
def test_a_claim_forged_with_the_leaked_key_after_the_reseal_does_not_verify(tmp_path: Path, backdated: bool) -> None:
    _studi, honest, leaked, sid = _resealed(tmp_path)
    claim = {k: v for k, v in _claim(honest, sid).items() if k != "seal"}
    claim["replacements"] = claim["replacements"][1:]  # leaves an identifier in the text
    if backdated:
        claim["applied_at"] = "2020-01-01T00:00:00Z"
    _set_claim(honest, sid, seal_claim(claim, leaked))
    report, applied = _verify(tmp_path, honest)
    assert not applied and report.unverified_claims == 1 and report.unverified_why == {"retired": 1}
    assert "retired" in "\n".join(report.lines())


def test_a_tampered_recorded_claim_does_not_verify(tmp_path: Path) -> None:
    """A recorded seal vouches for its own claim only: its MAC moved onto another claim does not verify."""
    _studi, honest, _leaked, sid = _resealed(tmp_path)
    claim = _claim(honest, sid)
    claim["replacements"] = claim["replacements"][1:]
    _set_claim(honest, sid, claim)
    assert not _verify(tmp_path, honest)[1]


def test_a_members_seal_made_before_the_reseal_verifies_no_more(tmp_path: Path) -> None:
    """The project never saw the seals of a copy never pushed (trustweb24): after a reseal they verify no more."""
    studi, _sid = _team(tmp_path)
    budi = _export(tmp_path / "budi.makna", tmp_path / "budi.qdpx")
    with makna.open_project(str(studi), coder="ana") as lead:
        reseal(lead)
    assert not _verify(tmp_path, budi)[1]


def test_claims_as_they_stand_at_the_reseal_are_recorded_and_new_exports_verify(tmp_path: Path) -> None:
    """A .qdpx exported before trust24 (nothing recorded) verifies after a reseal when its claim is the project's
    as it stands: the reseal records its current claims under the key it retires."""
    studi, sid = _team(tmp_path)
    old = _export(studi, tmp_path / "old.qdpx")
    with makna.open_project(str(studi), coder="ana") as lead:
        for key in [LEDGER_PREFIX + d for d in recorded_seals(lead)]:  # as if exported before trust24
            with lead.store.write("ana", "deid.seal", {"test": "forget"}) as conn:
                conn.execute(tables.meta.delete().where(tables.meta.c.key == key))
        assert project_seals(lead).recorded(_claim(old, sid)["seal"]["id"], "x") is False
        reseal(lead)
        seals = project_seals(lead)
    assert _verify(tmp_path, old)[1]
    new = _export(studi, tmp_path / "new.qdpx")
    assert _claim(new, sid)["seal"]["id"] in seals
    assert _verify(tmp_path, new, name="n")[1]
    with makna.open_project(str(studi)) as lead:  # re-exporting records nothing new: no event
        before = len(makna.events(lead, action="deid.seal"))
    _export(studi, tmp_path / "again.qdpx")
    with makna.open_project(str(studi)) as lead:
        assert len(makna.events(lead, action="deid.seal")) == before


def test_the_command_line_says_what_keeps_verifying(tmp_path: Path) -> None:
    studi, _sid = _team(tmp_path)
    _export(studi, tmp_path / "honest.qdpx")
    done = runner.invoke(app, ["deid", "reseal", "--yes", "-p", str(studi)])
    assert done.exit_code == 0 and "only the claims this project exported before verify still" in done.output
    imported = runner.invoke(app, ["import-project", str(tmp_path / "honest.qdpx"), "-p", str(tmp_path / "u.makna"),
                                   "--verify-with", str(studi)])
    assert imported.exit_code == 0 and "sealed by the project (1)" in imported.output
