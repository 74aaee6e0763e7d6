"""makna serve: loopback only, a token in the printed URL, the browser opened unless --no-browser."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from typer.testing import CliRunner

from makna.cli import app

runner = CliRunner()


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.0.10", "::", "example.org"])
def test_non_loopback_hosts_are_refused(sample_location: str, host: str) -> None:
    result = runner.invoke(app, ["serve", "-p", sample_location, "--host", host, "--no-browser"])
    assert result.exit_code == 2
    assert "refused" in result.output and "loopback" in result.output


def test_serve_prints_the_url_with_a_token_and_runs_uvicorn(sample_location: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    ran: dict[str, Any] = {}
    opened: list[str] = []

    def fake_run(web_app: Any, **kwargs: Any) -> None:
        ran.update(kwargs, app=web_app)
        web_app.state.project.close()

    monkeypatch.setattr("uvicorn.run", fake_run)
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url))
    monkeypatch.setattr("threading.Timer", lambda _delay, fn, args: type("T", (), {"start": lambda s: fn(*args)})())
    result = runner.invoke(app, ["serve", "-p", sample_location, "--coder", "ani"])
    assert result.exit_code == 0, result.output
    token = ran["app"].state.token
    assert f"http://127.0.0.1:{ran['port']}/?token={token}" in result.output
    assert ran["host"] == "127.0.0.1" and len(token) >= 40
    assert opened == [f"http://127.0.0.1:{ran['port']}/?token={token}"]
    assert ran["app"].state.project.coder_name == "ani"


def test_no_browser_and_a_busy_port(sample_location: str, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("uvicorn.run", lambda web_app, **kw: web_app.state.project.close())
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(app, ["serve", "-p", sample_location, "--port", str(port), "--no-browser"])
        assert result.exit_code == 2 and f"--port {port}" in result.output
    result = runner.invoke(app, ["serve", "-p", sample_location, "--no-browser", "--lang", "id"])
    assert result.exit_code == 0 and opened == []
    assert "Buka alamat ini" in result.output and "Tekan Ctrl+C untuk berhenti." in result.output
    assert "Open this address" not in result.output  # the start lines speak the interface's language
    result = runner.invoke(app, ["serve", "-p", sample_location, "--no-browser", "--lang", "fr"])
    assert result.exit_code != 0 and "language 'fr'" in result.output
