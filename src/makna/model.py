"""Plain dataclasses for makna's entities, aligned with REFI-QDA.

Every entity carries ``id``: a UUID string that never changes, kept by export and import.
Offsets are 0-based Unicode code points, end exclusive (see :mod:`makna.text`).
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

__all__ = [
    "new_id",
    "new_ids",
    "utcnow",
    "AttributeType",
    "MemoTarget",
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


def new_id() -> str:
    """A fresh random UUID in canonical lower-case form."""
    return str(uuid.uuid4())


def new_ids(n: int) -> list[str]:
    """``n`` fresh random (version 4) UUIDs, much faster than calling :func:`new_id` ``n`` times."""
    raw = bytearray(os.urandom(16 * n))
    raw[6::16] = bytes((b & 0x0F) | 0x40 for b in raw[6::16])
    raw[8::16] = bytes((b & 0x3F) | 0x80 for b in raw[8::16])
    h = raw.hex()
    return [f"{h[i:i + 8]}-{h[i + 8:i + 12]}-{h[i + 12:i + 16]}-{h[i + 16:i + 20]}-{h[i + 20:i + 32]}"
            for i in range(0, 32 * n, 32)]


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
