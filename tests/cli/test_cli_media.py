"""makna media link / unlink / show / time, through CliRunner."""

from __future__ import annotations

import json
import wave
from pathlib import Path

import pytest
from typer.testing import CliRunner

from makna.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def loc(project_location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("MAKNA_CODER", "ana")
    monkeypatch.setenv("MAKNA_MEDIA_DIR", str(tmp_path))  # used by the PostgreSQL project only
    monkeypatch.chdir(tmp_path)
    assert run("init", project_location)[0] == 0
    (tmp_path / "talk.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nP: Halo\n\n"
                                       "2\n00:00:02,500 --> 00:00:04,000\nI: Baik\n", encoding="utf-8")
    assert run("import", "talk.srt", "-p", project_location)[0] == 0
    with wave.open(str(tmp_path / "talk.wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * 800)
    return project_location


def test_link_show_time_unlink(loc: str, tmp_path: Path) -> None:
    code, out = run("media", "link", "talk.srt", "talk.wav", "-p", loc)
    assert code == 0 and out.strip() == "Linked talk.wav (audio/wav) to talk.srt"
    code, out = run("media", "time", "talk.srt", "2", "0:03", "-p", loc)
    assert code == 0 and out.strip() == "Turn 2: starts at 00:00:03.000"
    code, out = run("media", "show", "talk.srt", "-p", loc, "--format", "json")
    assert code == 0
    assert json.loads(out) == [{"turn": 1, "speaker": "P", "start": "00:00:01.000", "end": "00:00:02.000"},
                               {"turn": 2, "speaker": "I", "start": "00:00:03.000", "end": "00:00:04.000"}]
    code, out = run("media", "show", "talk.srt", "-p", loc)
    assert code == 0 and "Recording: talk.wav (audio/wav)" in out
    code, out = run("media", "time", "talk.srt", "2", "--clear", "-p", loc)
    assert code == 0 and out.strip() == "Turn 2: times cleared"
    assert run("media", "unlink", "talk.srt", "-p", loc)[0] == 0
    code, out = run("media", "show", "talk.srt", "-p", loc)
    assert "Recording: none linked" in out


def test_refusals_are_one_line(loc: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("away") / "x.wav"
    outside.write_bytes(b"RIFF")
    code, out = run("media", "link", "talk.srt", str(outside), "-p", loc)
    assert code != 0 and "inside the project folder" in out and len(out.strip().splitlines()) == 1
    code, out = run("media", "time", "talk.srt", "1", "-p", loc)
    assert code != 0 and "--clear" in out
    code, out = run("media", "time", "talk.srt", "7", "1:00", "-p", loc)
    assert code != 0 and "no turn 7" in out
    code, out = run("media", "unlink", "talk.srt", "-p", loc)
    assert code != 0 and "no recording" in out
