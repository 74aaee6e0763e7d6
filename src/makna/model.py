"""Plain dataclasses for makna's entities, aligned with REFI-QDA.

Every entity carries ``id``: a UUID string that never changes, kept by export and import.
Offsets are 0-based Unicode code points, end exclusive (see :mod:`makna.text`).
"""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

__all__ = [
    "new_id",
    "new_ids",
    "utcnow",
    "AttributeType",
    "MemoTarget",
    "ATTRIBUTE_TYPES",
    "MEMO_TARGETS",
    "ProjectInfo",
    "Coder",
    "Source",
    "Turn",
    "Case",
    "Attribute",
    "CaseLink",
    "Code",
    "Segment",
    "Memo",
    "EntitySet",
    "Event",
    "to_pandas",
]

AttributeType = Literal["text", "integer", "float", "date", "boolean"]
MemoTarget = Literal["project", "source", "case", "code", "segment"]
ATTRIBUTE_TYPES: tuple[AttributeType, ...] = get_args(AttributeType)
MEMO_TARGETS: tuple[MemoTarget, ...] = get_args(MemoTarget)


def new_id() -> str:
    """A fresh random UUID in canonical lower-case form."""
    return str(uuid.uuid4())


def new_ids(n: int) -> list[str]:
    """``n`` fresh, time-ordered UUIDs (version 7, RFC 9562), much faster than :func:`new_id` in a
    loop, and in ascending order, so that a bulk insert appends to the primary-key index instead of
    writing all over it. Layout: 48-bit Unix milliseconds, version, a 42-bit counter that starts at
    a random value (the batch's order), and 32 random bits (uniqueness between concurrent batches)."""
    ms = time.time_ns() // 1_000_000
    start = int.from_bytes(os.urandom(6), "big") >> 7  # 41 random bits: room for the counter to grow
    rand = os.urandom(4 * n)
    out = []
    for k in range(n):
        counter = start + k
        rand_a = (counter >> 30) & 0xFFF
        high = (ms << 16) | 0x7000 | rand_a
        low = (0b10 << 62) | ((counter & 0x3FFFFFFF) << 32) | int.from_bytes(rand[4 * k:4 * k + 4], "big")
        h = f"{high:016x}{low:016x}"
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


def utcnow() -> dt.datetime:
    """The current time in UTC, to the microsecond, timezone-aware."""
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class ProjectInfo:
    id: str
    name: str
    created_at: dt.datetime
    schema_revision: str


@dataclass(frozen=True)
class Coder:
    id: str
    name: str
    kind: Literal["person", "suggester"] = "person"


@dataclass(frozen=True)
class Turn:
    """A speaker turn inside a source; ``number`` counts from 1 within its source."""

    source_id: str
    number: int
    speaker: str
    start: int
    end: int
    time_start: str | None = None
    time_end: str | None = None

    @property
    def id(self) -> str:
        """A stable identifier: the source id and the turn number."""
        return f"{self.source_id}/{self.number}"


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    text: str = field(repr=False)
    original_name: str
    sha256: str
    media_type: str
    language: str
    imported_at: dt.datetime
    encoding: str | None = None
    has_original: bool = False

    @property
    def length(self) -> int:
        return len(self.text)


@dataclass(frozen=True)
class Attribute:
    """The definition of a case attribute (a REFI-QDA Variable)."""

    id: str
    name: str
    type: AttributeType
    description: str = ""


@dataclass(frozen=True)
class CaseLink:
    """A case linked to a whole source (start and end None) or to a span of it."""

    id: str
    case_id: str
    source_id: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Case:
    id: str
    name: str
    description: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    version: int = field(default=1, compare=False)  # raised by each edit (makna.versions)


@dataclass(frozen=True)
class Code:
    id: str
    key: str
    name: str
    parent_id: str | None = None
    color: str = "#808080"
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""
    keywords: tuple[str, ...] = ()
    position: int = 0
    #: False for a category that only groups other codes (REFI-QDA ``isCodable="false"``).
    codable: bool = True
    #: False when no colour was ever chosen (a code imported without one): ``color`` is then an
    #: automatic one for display, and exports leave the colour out.
    color_set: bool = True
    version: int = field(default=1, compare=False)  # raised by each edit (makna.versions)
    #: The code's name and definition in other languages: (language, name, definition), by language
    #: (:mod:`makna.code_translations`).
    translations: tuple[tuple[str, str, str], ...] = ()

    def name_in(self, language: str) -> str:
        """The code's name in ``language``: its translation there, else its own name."""
        return next((n for lang, n, _d in self.translations if lang == language and n), self.name)

    def definition_in(self, language: str) -> str:
        """The code's definition in ``language``: its translation there, else its own definition."""
        return next((d for lang, _n, d in self.translations if lang == language and d), self.definition)


@dataclass(frozen=True)
class Segment:
    """One coding: a code applied by a coder to ``text[start:end]`` of a source."""

    id: str
    source_id: str
    start: int
    end: int
    code_id: str
    coder_id: str
    memo: str = ""
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class Memo:
    id: str
    target_kind: MemoTarget
    target_id: str | None
    title: str
    text: str
    coder_id: str | None = None
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class EntitySet:
    """A named set of sources or of codes."""

    id: str
    name: str
    kind: Literal["sources", "codes"]
    member_ids: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Event:
    """One entry of the event log: who did what, when, with which payload."""

    id: int
    at: dt.datetime
    actor: str
    action: str
    payload: dict[str, Any]


def to_pandas(rows: list[Any]) -> Any:
    """A pandas DataFrame of a list of dataclasses (pandas must be installed)."""
    try:
        import pandas as pd  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from .errors import MaknaError

        raise MaknaError("to_pandas needs pandas: pip install pandas") from exc
    return pd.DataFrame([asdict(r) for r in rows])
