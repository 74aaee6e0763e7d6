"""Subtitles and captions (.vtt WebVTT, .srt SubRip): each cue becomes a turn.

The stored text has one line per turn, ``"Speaker: words"`` (or just ``"words"`` when the cue names
no speaker), and each :class:`~makna.text.TurnSpan` keeps the cue's start and end time as strings
``"HH:MM:SS.mmm"``. The speaker comes from a WebVTT voice tag (``<v Name>``) or else from a leading
label with a colon (``Name: words``, the same pattern as plain transcripts). A cue that names no
speaker gets the speaker ``""``: guessing the previous speaker would attribute words to the wrong
person as often as to the right one. A cue whose lines change voice (``<v A>...`` then ``<v B>...``)
becomes one turn per voice, each with the cue's times; a line without a voice continues the voice
of the line before it within the cue. Formatting tags are dropped and character references decoded;
the lines of a cue are joined by a space. WebVTT NOTE, STYLE and REGION blocks are skipped.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..errors import ImportFormatError, excerpt
from ..text import DEFAULT_TURN_PATTERN, TurnSpan, normalize_text
from ._base import ImportedText, register
from .txt import decode_text

__all__ = ["Cue", "format_timestamp", "parse_subtitles", "read_subtitles"]

_TS = r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TS}\s*-->\s*{_TS}(?:\s.*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>|\{\\[^}]*\}")
_LABEL = re.compile(DEFAULT_TURN_PATTERN)
_SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION", "WEBVTT")
_MEDIA_TYPES = {".vtt": "text/vtt", ".srt": "application/x-subrip"}
_MAX_HOUR_DIGITS = 6  # 999,999 hours: more is no recording


def format_timestamp(hours: str | None, minutes: str, seconds: str, fraction: str) -> str:
    """``"HH:MM:SS.mmm"`` from the parts of a WebVTT or SubRip timestamp."""
    millis = (fraction + "00")[:3]
    return f"{int(hours or 0):02d}:{int(minutes):02d}:{int(seconds):02d}.{millis}"


class Cue:
    """One cue: its times and its payload lines as written."""

    __slots__ = ("start", "end", "lines")

    def __init__(self, start: str, end: str, lines: list[str]) -> None:
        self.start = start
        self.end = end
        self.lines = lines


def _cues(source: str, text: str) -> list[Cue]:
    lines = text.split("\n")
    cues: list[Cue] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        block_start = i == 0 or not lines[i - 1].strip()
        if "-->" in line:
            m = _TIMING.match(line)
            if m is None:
                raise ImportFormatError(f"{source}: line {i + 1}: not a cue timing line: {excerpt(line.strip())}")
            g = m.groups()
            if max(len(g[0] or ""), len(g[4] or "")) > _MAX_HOUR_DIGITS:
                raise ImportFormatError(
                    f"{source}: line {i + 1}: a cue time has more than {_MAX_HOUR_DIGITS} digits of hours: "
                    f"{excerpt(line.strip())}"
                )
            start, end = format_timestamp(*g[:4]), format_timestamp(*g[4:])
            i += 1
            payload: list[str] = []
            while i < n and lines[i].strip():
                payload.append(lines[i])
                i += 1
            cues.append(Cue(start, end, payload))
        elif block_start and line.lstrip().startswith(_SKIPPED_BLOCKS):
            while i < n and lines[i].strip():
                i += 1
        else:  # cue identifiers, SubRip counters, stray text
            i += 1
    return cues


def _clean(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def _voices(cue: Cue) -> list[tuple[str, str]]:
    """(speaker, words) groups of one cue, in order."""
    groups: list[tuple[str, list[str]]] = []
    current = ""
    for raw in cue.lines:
        voice = _VOICE.search(raw)
        if voice is not None:
            current = " ".join((voice.group(1) or "").split())[:200]
            words = _clean(raw[voice.end() :])
        else:
            words = _clean(raw)
            label = _LABEL.match(words)
            if label is not None:
                current = label.group("speaker").strip()
                words = words[label.end() :].strip()
        if not words:
            continue
        if groups and groups[-1][0] == current:
            groups[-1][1].append(words)
        else:
            groups.append((current, [words]))
    return [(speaker, " ".join(words)) for speaker, words in groups]


def parse_subtitles(text: str, *, source: str = "<text>", media_type: str = "text/vtt") -> ImportedText:
    """Parse decoded WebVTT or SubRip text into one line and one turn per cue (or voice)."""
    cues = _cues(source, normalize_text(text))
    out: list[str] = []
    turns: list[TurnSpan] = []
    pos = 0
    for cue in cues:
        for speaker, words in _voices(cue):
            line = normalize_text(f"{speaker}: {words}" if speaker else words)
            turns.append(TurnSpan(speaker, pos, pos + len(line), cue.start, cue.end))
            out.append(line)
            pos += len(line) + 1
    if not turns:
        raise ImportFormatError(
            f"{source}: no subtitle cues with text found (expected 'HH:MM:SS.mmm --> HH:MM:SS.mmm' lines)"
        )
    return ImportedText(text="\n".join(out), media_type=media_type, turns=turns)


@register(".vtt", ".srt")
def read_subtitles(path: Path, data: bytes) -> ImportedText:
    """Read a WebVTT or SubRip file."""
    decoded, encoding = decode_text(path, data)
    result = parse_subtitles(decoded, source=str(path), media_type=_MEDIA_TYPES[path.suffix.lower()])
    return ImportedText(text=result.text, media_type=result.media_type, encoding=encoding, turns=result.turns)
