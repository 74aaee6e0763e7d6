"""Recordings in the workbench: the recording of a source served from the project folder with HTTP
range requests (so that the browser can seek), its turn times, linking a recording and setting a
turn's time by hand. Nothing is fetched from or sent to the network: the file is read from the
project folder only (:func:`makna.media.media_file` checks it again on every request)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, Field

from ..errors import InputError
from ..media import get_media, link_media, media_file, project_folder, recording_time, set_turn_time, unlink_media
from ..sources import get_source, get_turns
from .deps import project_of, reply

__all__ = ["router", "MediaPath", "TurnTime"]

router = APIRouter(tags=["recordings"])


class MediaPath(BaseModel):
    """A recording to link: its path relative to the project folder."""

    path: str = Field(min_length=1, max_length=4096)


class TurnTime(BaseModel):
    """Where a turn starts (and ends) in the recording: ``HH:MM:SS.mmm``, ``MM:SS`` or seconds; ``start``
    null clears the turn's times."""

    start: str | None = Field(default=None, max_length=32)
    end: str | None = Field(default=None, max_length=32)


@router.get("/media/{source_id}", include_in_schema=False)
def media_stream(request: Request, source_id: str) -> FileResponse:
    """The recording's bytes, honouring ``Range`` (206 with ``Content-Range``; 416 when unsatisfiable)."""
    path, link = media_file(project_of(request), source_id)
    return FileResponse(path, media_type=link.media_type, content_disposition_type="inline",
                        headers={"cache-control": "private, no-store"})


def _media_info(request: Request, source_id: str) -> dict[str, object]:
    proj = project_of(request)
    src = get_source(proj, source_id)
    link = get_media(proj, src.id)
    # a chat's turns carry the date and time each message was sent: no place in a recording
    turns = [{"n": t.number, "start": start, "end": recording_time(t.time_end)}
             for t in get_turns(proj, src.id) if (start := recording_time(t.time_start)) is not None]
    return {"source": src.id, "linked": link is not None, "path": link.path if link else None,
            "media_type": link.media_type if link else None, "kind": link.kind if link else None,
            "url": f"/media/{src.id}" if link else None, "turns": turns}


@router.get("/api/sources/{source_id}/media", summary="The recording linked to a source and its turn times")
def api_media(request: Request, source_id: str) -> JSONResponse:
    return reply(_media_info(request, source_id))


@router.put("/api/sources/{source_id}/media", summary="Link a recording (a path inside the project folder)")
def api_link_media(request: Request, source_id: str, body: MediaPath) -> JSONResponse:
    proj = project_of(request)
    base = project_folder(proj)
    link_media(proj, source_id, base / body.path.strip(), folder=base)
    return reply(_media_info(request, source_id))


@router.delete("/api/sources/{source_id}/media", summary="Unlink the recording of a source")
def api_unlink_media(request: Request, source_id: str) -> JSONResponse:
    unlink_media(project_of(request), source_id)
    return reply(_media_info(request, source_id))


@router.put("/api/sources/{source_id}/turns/{number}/time", summary="Set where a turn starts in the recording")
def api_turn_time(request: Request, source_id: str, number: int, body: TurnTime) -> JSONResponse:
    if body.start is None and body.end is not None:
        raise InputError("give the turn's start with its end")
    set_turn_time(project_of(request), source_id, number, body.start, body.end)
    return reply(_media_info(request, source_id))
