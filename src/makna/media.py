"""Recordings: the audio or video file of a source, and the times of its speaker turns.

A recording stays a file in the project's folder (the folder of the project file; for a PostgreSQL
project, the folder named by ``$MAKNA_MEDIA_DIR``): the project stores only its path relative to
that folder, and refuses a file outside it, so that a recording is never copied, uploaded or served
from anywhere else. Turn times come from .vtt/.srt imports (kept as ``HH:MM:SS.mmm``), from the time
stamps transcripts open turns with (``[00:01:12] P:``, :func:`makna.text.turn_stamp`), or are set by hand
with :func:`set_turn_time`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from sqlalchemy import delete, insert, select, update

from .errors import InputError, NotFoundError
from .model import utcnow
from .project import Project
from .store import as_utc, tables
from .text import format_time  # (kept here too: makna.media.format_time)

__all__ = ["MEDIA_TYPES", "MEDIA_DIR_ENV", "MediaLink", "project_folder", "link_media", "unlink_media",
           "get_media", "media_file", "parse_time", "format_time", "set_turn_time", "recording_time"]

MEDIA_DIR_ENV = "MAKNA_MEDIA_DIR"
MEDIA_TYPES: dict[str, str] = {
    ".wav": "audio/wav", ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".aac": "audio/aac", ".ogg": "audio/ogg",
    ".oga": "audio/ogg", ".opus": "audio/ogg", ".flac": "audio/flac", ".weba": "audio/webm",
    ".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg", ".mov": "video/quicktime",
}
"""The recordings a browser can play, by suffix."""


@dataclass(frozen=True)
class MediaLink:
    """The recording of a source: ``path`` relative to the project folder (posix separators)."""

    source_id: str
    path: str
    media_type: str
    linked_at: datetime

    @property
    def kind(self) -> str:
        """``audio`` or ``video``."""
        return self.media_type.split("/", 1)[0]


def project_folder(project: Project, folder: str | os.PathLike[str] | None = None) -> Path:
    """The folder recordings live in: ``folder`` if given, else the project file's folder, else (a
    PostgreSQL project) ``$MAKNA_MEDIA_DIR``."""
    if folder is None:
        path = project.store.path
        if path is not None:
            return path.resolve().parent
        env = os.environ.get(MEDIA_DIR_ENV)
        if not env:
            raise InputError(f"a project on a database server has no folder: set ${MEDIA_DIR_ENV} to the folder "
                             "that holds its recordings")
        folder = env
    base = Path(folder).expanduser().resolve()
    if not base.is_dir():
        raise InputError(f"{folder}: the folder for recordings does not exist")
    return base


def _inside(base: Path, file: Path, shown: str) -> Path:
    real = file.resolve()
    if not real.is_relative_to(base):
        raise InputError(f"{shown}: the recording must be inside the project folder {base} (copy it there first)")
    return real


def _media_type(path: Path, shown: str) -> str:
    media = MEDIA_TYPES.get(path.suffix.lower())
    if media is None:
        raise InputError(f"{shown}: not an audio or video file a browser plays "
                         f"(use one of {', '.join(sorted(MEDIA_TYPES))})")
    return media


def link_media(project: Project, source: str, file: str | os.PathLike[str], *,
               folder: str | os.PathLike[str] | None = None) -> MediaLink:
    """Link the recording ``file`` (relative to the current folder, or absolute) to ``source``,
    replacing an earlier link. The file must exist inside the project folder."""
    base = project_folder(project, folder)
    shown = os.fspath(file)
    candidate = Path(file).expanduser()
    real = _inside(base, candidate if candidate.is_absolute() else Path.cwd() / candidate, shown)
    if not real.is_file():
        raise InputError(f"{shown}: no such file")
    media = _media_type(real, shown)
    rel = real.relative_to(base).as_posix()
    now = utcnow()
    payload: dict[str, object] = {"path": rel}
    with project.store.write(project.actor, "media.link", payload) as conn:
        sid = str(project.source_row(conn, source).id)
        payload["source"] = sid
        m = tables.source_media.c
        conn.execute(delete(tables.source_media).where(m.source_id == sid))
        conn.execute(insert(tables.source_media).values(source_id=sid, path=rel, media_type=media, linked_at=now))
    return MediaLink(sid, rel, media, now)


def unlink_media(project: Project, source: str) -> None:
    """Forget the recording of ``source`` (the file itself stays)."""
    payload: dict[str, object] = {}
    with project.store.write(project.actor, "media.unlink", payload) as conn:
        sid = str(project.source_row(conn, source).id)
        payload["source"] = sid
        m = tables.source_media.c
        if conn.execute(delete(tables.source_media).where(m.source_id == sid)).rowcount == 0:
            raise NotFoundError(f"source {source!r} has no recording linked")


def get_media(project: Project, source: str) -> MediaLink | None:
    """The recording linked to ``source``, if any."""
    m = tables.source_media.c
    with project.store.read() as conn:
        sid = str(project.source_row(conn, source).id)
        row = conn.execute(select(tables.source_media).where(m.source_id == sid)).first()
    return None if row is None else MediaLink(row.source_id, row.path, row.media_type, as_utc(row.linked_at))


def media_file(project: Project, source: str, *, folder: str | os.PathLike[str] | None = None
               ) -> tuple[Path, MediaLink]:
    """The file of the recording of ``source``, checked again to be inside the project folder (a
    link or a changed path cannot lead out of it) and to exist."""
    link = get_media(project, source)
    if link is None:
        raise NotFoundError(f"source {source!r} has no recording linked (makna media link SOURCE FILE)")
    base = project_folder(project, folder)
    rel = PurePosixPath(link.path)
    if rel.is_absolute() or ".." in rel.parts:
        raise InputError(f"{link.path}: a recording's path must lie inside the project folder")
    real = _inside(base, base.joinpath(*rel.parts), link.path)
    if not real.is_file():
        raise NotFoundError(f"{link.path}: the recording is missing from the project folder {base}")
    return real, link


_TIME = re.compile(r"^\s*(?:(?:(\d{1,6}):)?(\d{1,2}):)?(\d{1,7})(?:[.,](\d{1,3}))?\s*$")


def parse_time(value: str) -> float:
    """Seconds from ``HH:MM:SS.mmm``, ``MM:SS`` or ``SS(.mmm)``."""
    m = _TIME.match(value)
    if m is None:
        raise InputError(f"time {value!r}: write HH:MM:SS.mmm, MM:SS or seconds")
    hours, minutes, seconds, fraction = m.groups()
    if (hours or minutes) and int(seconds) >= 60 or (hours and int(minutes or 0) >= 60):
        raise InputError(f"time {value!r}: minutes and seconds run from 0 to 59")
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + int(seconds) + int((fraction or "0").ljust(3, "0")) / 1000


def recording_time(value: str | None) -> float | None:
    """Seconds into the recording of a stored turn time, or None when there is none or the value is
    no place in a recording: a chat message's date and time (``2025-03-12T19:02``, as WhatsApp exports
    give their turns) is when the message was sent."""
    if not value or _TIME.match(value) is None:
        return None
    return parse_time(value)


def set_turn_time(project: Project, source: str, turn: int, start: str | None, end: str | None = None) -> None:
    """Set (or, with ``start`` None, clear) the time in the recording where turn number ``turn``
    of ``source`` begins, and optionally where it ends."""
    begin = None if start is None else format_time(parse_time(start))
    finish = None if end is None else format_time(parse_time(end))
    if begin is not None and finish is not None and parse_time(finish) < parse_time(begin):
        raise InputError(f"turn {turn}: it cannot end ({end}) before it starts ({start})")
    payload: dict[str, object] = {"turn": turn, "time": begin}
    with project.store.write(project.actor, "turn.time", payload) as conn:
        sid = str(project.source_row(conn, source).id)
        payload["source"] = sid
        t = tables.turns.c
        values: dict[str, object] = {"time_start": begin}
        if end is not None or start is None:
            values["time_end"] = finish
        done = conn.execute(update(tables.turns).where(t.source_id == sid, t.number == turn).values(**values))
        if done.rowcount == 0:
            raise NotFoundError(f"source {source!r} has no turn {turn}")
