"""Recordings linked to sources, and turn times (on both backends)."""

from __future__ import annotations

import wave
from pathlib import Path
from typing import Any

import pytest

import makna
from makna.errors import InputError, NotFoundError
from makna.media import format_time, media_file, parse_time, project_folder

VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:01.500\n<v P>Apa kabar?\n\n00:00:01.500 --> 00:00:03.000\n<v I>Baik.\n"


def write_wav(path: Path, seconds: float = 0.5) -> Path:
    """A tiny silent mono WAV file."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(b"\0\0" * int(8000 * seconds))
    return path


@pytest.fixture
def folder(project: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The project folder (the SQLite file's, or $MAKNA_MEDIA_DIR for PostgreSQL)."""
    if project.store.path is None:
        monkeypatch.setenv("MAKNA_MEDIA_DIR", str(tmp_path))
    return project_folder(project)


def test_link_show_and_unlink(project: Any, folder: Path) -> None:
    makna.import_text(project, "a.txt", "P: halo\nI: baik\n")
    (folder / "audio").mkdir()
    wav = write_wav(folder / "audio" / "a.wav")
    link = makna.link_media(project, "a.txt", wav)
    assert (link.path, link.media_type, link.kind) == ("audio/a.wav", "audio/wav", "audio")
    assert makna.get_media(project, "a.txt") == link
    path, got = media_file(project, "a.txt")
    assert path == wav.resolve() and got == link
    assert makna.events(project, limit=1)[0].action == "media.link"
    # linking again replaces the link
    other = write_wav(folder / "b.wav")
    assert makna.link_media(project, "a.txt", other).path == "b.wav"
    makna.unlink_media(project, "a.txt")
    assert makna.get_media(project, "a.txt") is None
    with pytest.raises(NotFoundError):
        makna.unlink_media(project, "a.txt")


def test_link_refuses_outside_missing_and_unknown_types(project: Any, folder: Path, tmp_path_factory: Any) -> None:
    makna.import_text(project, "a.txt", "P: halo\n")
    outside = write_wav(tmp_path_factory.mktemp("elsewhere") / "x.wav")
    with pytest.raises(InputError, match="inside the project folder"):
        makna.link_media(project, "a.txt", outside)
    with pytest.raises(InputError, match="inside the project folder"):
        makna.link_media(project, "a.txt", folder / ".." / outside.parent.name / "x.wav")
    (folder / "link.wav").symlink_to(outside)
    with pytest.raises(InputError, match="inside the project folder"):
        makna.link_media(project, "a.txt", folder / "link.wav")
    with pytest.raises(InputError, match="no such file"):
        makna.link_media(project, "a.txt", folder / "missing.wav")
    (folder / "notes.txt").write_text("x")
    with pytest.raises(InputError, match="not an audio or video file"):
        makna.link_media(project, "a.txt", folder / "notes.txt")
    with pytest.raises(NotFoundError):
        makna.link_media(project, "nope.txt", write_wav(folder / "ok.wav"))
    assert makna.get_media(project, "a.txt") is None


def test_media_file_checks_again(project: Any, folder: Path) -> None:
    makna.import_text(project, "a.txt", "P: halo\n")
    wav = write_wav(folder / "a.wav")
    makna.link_media(project, "a.txt", wav)
    wav.unlink()
    with pytest.raises(NotFoundError, match="missing"):
        media_file(project, "a.txt")
    with pytest.raises(NotFoundError, match="no recording"):
        makna.import_text(project, "b.txt", "P: dua\n")
        media_file(project, "b.txt")


def test_media_link_goes_with_its_source_and_undoes(project: Any, folder: Path) -> None:
    makna.import_text(project, "a.txt", "P: halo\n")
    makna.link_media(project, "a.txt", write_wav(folder / "a.wav"))
    makna.undo(project)
    assert makna.get_media(project, "a.txt") is None
    makna.link_media(project, "a.txt", folder / "a.wav")
    makna.delete_source(project, "a.txt")
    with project.store.read() as conn:
        assert conn.execute(makna.store.tables.source_media.select()).first() is None


def test_subtitle_times_are_kept_and_set_by_hand(project: Any, tmp_path: Path) -> None:
    vtt = tmp_path / "talk.vtt"
    vtt.write_text(VTT)
    makna.import_file(project, vtt)
    assert [(t.time_start, t.time_end) for t in makna.get_turns(project, "talk.vtt")] == [
        ("00:00:00.000", "00:00:01.500"), ("00:00:01.500", "00:00:03.000")]
    makna.set_turn_time(project, "talk.vtt", 2, "0:02.25")
    assert makna.get_turns(project, "talk.vtt")[1].time_start == "00:00:02.250"
    assert makna.get_turns(project, "talk.vtt")[1].time_end == "00:00:03.000"
    makna.set_turn_time(project, "talk.vtt", 2, None)
    assert makna.get_turns(project, "talk.vtt")[1].time_start is None
    with pytest.raises(NotFoundError):
        makna.set_turn_time(project, "talk.vtt", 9, "1")
    with pytest.raises(InputError):
        makna.set_turn_time(project, "talk.vtt", 1, "5", "2")
    with pytest.raises(InputError):
        makna.set_turn_time(project, "talk.vtt", 1, "1:75")


@pytest.mark.parametrize(("text", "seconds"), [("1", 1.0), ("01:02", 62.0), ("1:02:03.5", 3723.5),
                                               ("00:00:01,250", 1.25), ("90", 90.0)])
def test_parse_time(text: str, seconds: float) -> None:
    assert parse_time(text) == seconds
    assert parse_time(format_time(seconds)) == seconds


def test_parse_time_refuses() -> None:
    for bad in ("", "abc", "1:2:3:4", "-1", "1:60"):
        with pytest.raises(InputError):
            parse_time(bad)
