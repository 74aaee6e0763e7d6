"""Review of trust24 (review24, issue #11): what a coder's copy, or a file it wrote, can vouch for."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import insert
from test_qdpx_deid_claims import _claim, _set_claim
from test_qdpx_deid_sealers import _export, _team, _verify

import makna
from makna.exchange._deid_state import seal_digest
from makna.privacy.seals import LEDGER_PREFIX, meta_sealer, project_seals, reseal
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
