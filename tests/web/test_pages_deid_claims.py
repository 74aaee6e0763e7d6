"""The review page marks a detection on a surrogate that an imported, unverified de-identification claim names
(makna.privacy.claims), in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pages_helpers import logged_in

import makna
from makna.exchange import export_qdpx, import_project

TEXT = "P: Siapa nama Anda?\nI: Nama saya Siti Rahmawati, tinggal di Padang. Nomor saya 0812-555-0199.\n"


def _imported(tmp_path: Path) -> Path:
    """A new project imported from a de-identified project's .qdpx without its key: one unverified claim."""
    with makna.create_project(str(tmp_path / "a.makna"), "A", coder="ana") as proj:
        makna.import_text(proj, "informan.txt", TEXT, language="id")
        makna.deid_scan(proj)
        makna.decide_all(proj, "accepted")
        makna.deid_apply(proj, tmp_path / "k.makna-key", "kopi hujan sepeda jendela")
        export_qdpx(proj, tmp_path / "a.qdpx")
    target = tmp_path / "b.makna"
    assert import_project(tmp_path / "a.qdpx", target).unverified_claims == 1
    return target


@pytest.mark.parametrize(("lang", "mark"), [("en", "claimed surrogate"), ("id", "pengganti yang diklaim")])
def test_a_claimed_surrogate_is_marked_in_the_review(tmp_path: Path, lang: str, mark: str) -> None:
    target = _imported(tmp_path)
    with logged_in(str(target), lang=lang) as (_app, c, csrf):
        html = c.get("/deid").text
        assert mark not in html  # nothing scanned yet
        assert c.post("/api/deid/scan", json={}, headers={"X-Makna-CSRF": csrf}).status_code == 200
        html = c.get("/deid").text
        assert html.count(f'<div class="muted claimed">{mark}</div>') >= 1


def test_the_trust_action_accepts_a_claim_once(tmp_path: Path) -> None:
    target = _imported(tmp_path)
    with logged_in(str(target), lang="id") as (_app, c, csrf):
        headers = {"X-Makna-CSRF": csrf}
        assert c.post("/api/deid/trust", json={"source": "informan.txt"}).status_code == 403  # no CSRF header
        done = c.post("/api/deid/trust", json={"source": "informan.txt"}, headers=headers)
        assert done.status_code == 200 and done.json()["surrogates"] >= 2
        again = c.post("/api/deid/trust", json={"source": "informan.txt"}, headers=headers)
        assert again.status_code >= 400 and "klaim de-identifikasi" in again.text
    with makna.open_project(str(target)) as proj:
        assert [s.applied for s in makna.deid_status(proj)] == [True]
        assert makna.events(proj, action="deid.trust")[0].actor == "tester"
