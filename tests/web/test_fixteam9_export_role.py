"""fixteam9: 'makna server project export --user CODER' was refused with a sentence about editing the
codebook, while the web export gave the same coder the whole project. Both now say what is refused
(exporting the whole project) and whose it is (a manager's), and the web follows the same rule: a
coder still downloads the codebook and coded segments, not the whole project (#11)."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import server_login as _login
from typer.testing import CliRunner

from makna.cli import app as cli
from makna.server.ratelimit import LoginLimiter
from makna.web.server_app import create_server_app

REFUSAL = (
    "'budi' is a coder of this project: exporting the whole project (every member's work, the event log "
    "and the original files) needs the manager role"
)


@pytest.fixture
def server(team: Any, server_db: str) -> Iterator[Any]:
    application = create_server_app(server_db, lang="en", limiter=LoginLimiter(failures=10, window=600))
    yield application
    application.state.registry.close()


def test_the_cli_says_what_is_refused(team: Any, server_db: str, tmp_path: Path) -> None:
    out = tmp_path / "studi.makna"
    result = CliRunner().invoke(
        cli, ["server", "project", "export", "Studi", str(out), "--user", "budi", "--db", server_db]
    )
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert REFUSAL in result.output and "editing the codebook" not in result.output and not out.exists()
    result = CliRunner().invoke(
        cli, ["server", "project", "export", "Studi", str(out), "--user", "dewi", "--db", server_db]
    )
    assert result.exit_code == 0, result.output


def test_the_web_export_follows_the_same_rule(server: Any) -> None:
    budi, hb = _login(server, "budi")
    dewi, hd = _login(server, "dewi")
    try:
        for fmt in ("qdpx", "json"):
            r = budi.get(f"/export/{fmt}", headers=hb)
            # refused as what it is (trial17 #10: makna.web.read_refusals), never as an error or a write
            page = html.unescape(r.text)
            assert r.status_code == 403 and "<h1>Export of the whole project</h1>" in page
            assert "every member's work, the event log and the original files" in page
            assert "Something is not right" not in page and "editing the codebook" not in page
            assert dewi.get(f"/export/{fmt}", headers=hd).status_code == 200
        assert budi.get("/export/csv", headers=hb).status_code == 200  # the coded segments stay a coder's
        offered = {f["key"] for f in budi.get("/api/export", headers=hb).json()}
        assert "csv" in offered and not offered & {"qdpx", "json"}
        assert {"qdpx", "json"} <= {f["key"] for f in dewi.get("/api/export", headers=hd).json()}
        assert "/export/qdpx" not in budi.get("/export", headers=hb).text
    finally:
        budi.close()
        dewi.close()
