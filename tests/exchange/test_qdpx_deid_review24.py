"""Review of trust24 (review24, issue #11): what a coder's copy, or a file it wrote, can vouch for."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import insert
from test_qdpx_deid_claims import _claim, _set_claim
from test_qdpx_deid_sealers import _export, _team, _verify

import makna
from makna.exchange._deid_state import seal_digest
from makna.privacy.seal_copies import SEALS, WITHDRAWN, coder_copies, revoke_copy, revoke_sealer
from makna.privacy.seals import LEDGER_PREFIX, meta_sealer, project_seals, recorded_seals, reseal
from makna.store import tables


def test_a_coders_copy_vouches_for_no_claim_through_a_ledger_it_wrote(tmp_path: Path) -> None:
    """A coder owns their copy's file: a ``deid_sealed:`` row they add to its ``meta`` must not make a claim they
    forged under the project's (retired) key verify when their copy is named to verify with (review23: a coder's
    copy seals, it never vouches). Before review24 ``project_seals`` of a copy returned its ledger."""
    studi, sid = _team(tmp_path)
    honest = _export(studi, tmp_path / "honest.qdpx")
    with makna.open_project(str(studi), coder="ana") as lead:
        reseal(lead)
    budi = tmp_path / "budi.makna"
    claim = {k: v for k, v in _claim(honest, sid).items() if k != "seal"}
    claim["replacements"] = claim["replacements"][1:]  # leaves an identifier in the text
    with makna.open_project(str(budi)) as copy:
        held = meta_sealer(copy.store.meta())
        assert held is not None
        forged = {**claim, "seal": {"id": held.project, "mac": "0" * 64}}  # no key needed: the ledger vouches
        with copy.store.engine.begin() as conn:
            conn.execute(insert(tables.meta).values(key=LEDGER_PREFIX + seal_digest(forged), value=held.project))
        seals = project_seals(copy)
    assert not seals.recorded(held.project, seal_digest(forged)) and len(seals) == 0
    _set_claim(honest, sid, forged)
    report, applied = _verify(tmp_path, honest, project=budi)
    assert not applied and report.unverified_claims == 1
    with makna.open_project(str(studi)) as lead:  # named beside the lead's project, it vouches no more
        both = project_seals(lead).merged(seals)
    assert not both.recorded(held.project, seal_digest(forged))


def test_giving_a_member_back_their_right_keeps_a_lost_copy_withdrawn(tmp_path: Path) -> None:
    """A copy withdrawn on its own (a lost laptop) stays withdrawn when the lead withdraws the member and gives the
    member their right back: before review24 the restore gave every copy of the member back, the lost one too."""
    studi, sid = _team(tmp_path)
    makna.copy_project(studi, tmp_path / "budi2.makna", coder="budi")
    lost = _export(tmp_path / "budi.makna", tmp_path / "lost.qdpx")
    kept = _export(tmp_path / "budi2.makna", tmp_path / "kept.qdpx")
    with makna.open_project(str(studi), coder="ana") as lead:
        revoke_copy(lead, _claim(lost, sid)["seal"]["copy"][:8])
        revoke_sealer(lead, "budi")
        revoke_sealer(lead, "budi", restore=True)
        states = {c.file: c.state for c in coder_copies(lead)}
    assert states == {"budi.makna": WITHDRAWN, "budi2.makna": SEALS}
    assert not _verify(tmp_path, lost)[1] and _verify(tmp_path, kept, name="k")[1]
    with makna.open_project(str(studi), coder="ana") as lead:  # the lost copy itself can still be given back
        assert revoke_copy(lead, "budi.makna", restore=True).state == SEALS


def test_the_ledger_is_not_read_by_every_opening_of_the_project(tmp_path: Path) -> None:
    """The ledger grows with every sealed claim exported (thousands of ``meta`` rows on a large project) and
    ``Store.meta()`` is read on every opening (``open_project``, ``Project.info``): it leaves the ledger out, which
    only its own query reads (before review24 a project with 100,000 recorded seals took 0.7 s to open, 12 ms
    without; benchmarks/results/review24.md)."""
    studi, sid = _team(tmp_path)
    honest = _export(studi, tmp_path / "honest.qdpx")
    with makna.open_project(str(studi), coder="ana") as lead:
        reseal(lead)
        assert not [k for k in lead.store.meta() if k.startswith(LEDGER_PREFIX)]
        ledger = recorded_seals(lead)
        assert list(ledger) == [seal_digest(_claim(honest, sid))]
    assert _verify(tmp_path, honest)[1]


def test_an_undone_withdrawal_of_one_copy_is_forgotten_by_a_members_restore(tmp_path: Path) -> None:
    """What a member's restore leaves withdrawn is kept in ``meta`` beside the withdrawals (so an undo undoes it)."""
    studi, _sid = _team(tmp_path)
    with makna.open_project(str(studi), coder="ana") as lead:
        revoke_copy(lead, "budi.makna")
        makna.undo(lead)
        revoke_sealer(lead, "budi")
        revoke_sealer(lead, "budi", restore=True)
        assert [c.state for c in coder_copies(lead)] == [SEALS]
