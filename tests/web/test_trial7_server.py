"""What a seventh new user's trial (a team study with a blind round on the team server, #11) found."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import PASSWORD as SERVER_PASSWORD
from sync_helpers import server_login as _login

from makna.server.ratelimit import LoginLimiter
from makna.web.errors_i18n import translate_error
from makna.web.server_app import create_server_app

QUOTE = "saya senang di Padang"


@pytest.fixture
def server(team: Any, server_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.chdir(tmp_path)  # a server project's report goes under the working folder
    team.add_user("fajar", SERVER_PASSWORD)
    team.set_role("Studi", "fajar", "coder")
    app = create_server_app(server_db, lang="id", limiter=LoginLimiter(failures=10, window=600))
    yield app
    app.state.registry.close()


def test_a_report_written_during_a_blind_round_is_not_served_to_another_coder(server: Any) -> None:
    """Every member of a server project downloaded the one report last written, by whoever: during a
    blind round the other coder read a coder's codings (their quotes) in it, or every coder's in the
    manager's. Now each user downloads only the report they wrote, with what they may see."""
    dewi, hd = _login(server, "dewi")
    budi, hb = _login(server, "budi")
    fajar, hf = _login(server, "fajar")
    try:
        assert dewi.post("/api/rounds", json={"name": "buta"}, headers=hd).status_code == 201
        src = budi.get("/api/sources", headers=hb).json()[0]
        text = budi.get(f"/api/sources/{src['id']}", headers=hb).json()["text"]
        at = text.index(QUOTE)
        r = budi.post(
            "/api/segments",
            json={"source": src["id"], "start": at, "end": at + len(QUOTE), "code": "emosi"},
            headers=hb,
        )
        assert r.status_code == 201, r.text
        for c, h in ((budi, hb), (dewi, hd)):
            r = c.post("/api/report", json={"lang": "id", "quotes": 5}, headers=h)
            assert r.status_code == 200, r.text
            assert QUOTE in c.get("/analysis/report/id/report.md", headers=h).text  # the writer's own sight
        assert fajar.get("/api/report", headers=hf).json()["files"] == []
        assert fajar.get("/analysis/report/id/report.md", headers=hf).status_code == 404
        r = fajar.post("/api/report", json={"lang": "id", "quotes": 5}, headers=hf)
        assert r.status_code == 200, r.text
        assert QUOTE not in fajar.get("/analysis/report/id/report.md", headers=hf).text
        assert "buta" in budi.get("/api/rounds", headers=hb).text  # still open: the reports were written in it
        assert QUOTE in budi.get("/analysis/report/id/report.md", headers=hb).text  # fajar's did not replace budi's
    finally:
        for c in (dewi, budi, fajar):
            c.close()


def test_a_coder_refused_a_round_reads_why_in_their_language(server: Any) -> None:
    budi, hb = _login(server, "budi")
    try:
        r = budi.post("/api/rounds", json={"name": "r1"}, headers=hb)
        assert r.status_code == 403
        assert r.json()["error"] == "'budi' tidak boleh membuka putaran (tugas pengelola)"
    finally:
        budi.close()
    dewi, hd = _login(server, "dewi")
    try:
        assert dewi.post("/api/rounds", json={"name": "r2"}, headers=hd).status_code == 201
    finally:
        dewi.close()
    for english, indonesian in (
        (
            "only the round's manager (dewi) may close round 'r2'",
            "hanya pengelola putaran (dewi) yang boleh menutup putaran 'r2'",
        ),
        (
            "only the round's manager (dewi) may build its consensus",
            "hanya pengelola putaran (dewi) yang boleh menyusun konsensusnya",
        ),
    ):
        assert translate_error(english, "id") == indonesian
        assert translate_error(english, "en") == english


def test_agreement_api_takes_coders_as_the_command_line_does(server: Any) -> None:
    """``coders=andi,sari`` (as ``makna agreement --coders``) answered "unknown coder 'andi,sari'"."""
    ana, ha = _login(server, "ana")
    budi, hb = _login(server, "budi")
    try:
        src = ana.get("/api/sources", headers=ha).json()[0]
        for c, h in ((ana, ha), (budi, hb)):
            r = c.post("/api/segments", json={"source": src["id"], "start": 0, "end": 12, "code": "emosi"}, headers=h)
            assert r.status_code == 201, r.text
        one = ana.get("/api/agreement?unit=turn&coders=ana,budi&coefficients=cohen_kappa,percent_agreement", headers=ha)
        assert one.status_code == 200, one.text
        two = ana.get(
            "/api/agreement?unit=turn&coders=ana&coders=budi&coefficients=cohen_kappa&coefficients=percent_agreement",
            headers=ha,
        )
        assert one.json()["coders"] == two.json()["coders"] == ["ana", "budi"]
        assert one.json()["coefficients"] == two.json()["coefficients"] == ["cohen_kappa", "percent_agreement"]
    finally:
        ana.close()
        budi.close()
