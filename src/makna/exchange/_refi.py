"""Names, GUIDs and value formats shared by the REFI-QDA reader and writer."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from decimal import Decimal, InvalidOperation
from typing import Any

from ..store import as_utc
from ._scan import canonical_guid

__all__ = [
    "NS_PROJECT",
    "NS_CODEBOOK",
    "ORIGIN",
    "VARIABLE_TYPES",
    "ATTRIBUTE_TYPES",
    "derived_guid",
    "selection_guid",
    "segment_memo_guid",
    "memo_link_guid",
    "canonical_guid",
    "format_datetime",
    "parse_datetime",
    "xml_safe",
    "xml_attr",
    "xml_text",
    "format_float",
    "expand_color",
]

NS_PROJECT = "urn:QDA-XML:project:1.0"
NS_CODEBOOK = "urn:QDA-XML:codebook:1.0"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("makna")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"


ORIGIN = f"makna {_version()}"

# makna attribute type -> REFI-QDA typeOfVariable, and back (DateTime has no makna type: text)
VARIABLE_TYPES = {"text": "Text", "integer": "Integer", "float": "Float", "date": "Date", "boolean": "Boolean"}
ATTRIBUTE_TYPES = {v: k for k, v in VARIABLE_TYPES.items()} | {"DateTime": "text"}

# Namespace of the GUIDs makna derives for REFI-QDA elements that have no makna entity of their own.
_NS = uuid.UUID("5b0c7d0e-6d61-6b6e-612d-726566692d71")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def derived_guid(*parts: str) -> str:
    """A stable GUID for a REFI-QDA element derived from makna ids (uuid5)."""
    return str(uuid.uuid5(_NS, ":".join(parts)))


def selection_guid(first_segment_id: str) -> str:
    """The GUID of the PlainTextSelection that holds the codings of one span: the id of its first
    segment with the first eight hex digits inverted (cheap, stable, distinct from the segment's)."""
    return f"{int(first_segment_id[:8], 16) ^ 0xFFFFFFFF:08x}{first_segment_id[8:]}"


def segment_memo_guid(segment_id: str) -> str:
    """The GUID of the Note that carries a segment's own memo (``segments.memo``)."""
    return derived_guid("segment-memo", segment_id)


def memo_link_guid(memo_id: str) -> str:
    """The GUID of the Link that attaches a case memo (Cases have no NoteRef in REFI-QDA)."""
    return derived_guid("memo-link", memo_id)


def format_datetime(value: dt.datetime) -> str:
    """xsd:dateTime in UTC with a ``Z`` (microseconds kept when present)."""
    return as_utc(value).replace(tzinfo=None).isoformat() + "Z"


def parse_datetime(raw: str | None) -> dt.datetime | None:
    """An xsd:dateTime as a UTC datetime, or None when absent or malformed."""
    if not raw:
        return None
    try:
        value = dt.datetime.fromisoformat(raw.strip())
    except ValueError:
        return None
    return as_utc(value)


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot carry replaced by U+FFFD."""
    return _ILLEGAL.sub("\ufffd", text) if _ILLEGAL.search(text) else text


_ATTR_SPECIAL = re.compile("[&<>\"\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TEXT_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_attr(value: str) -> str:
    """``value`` ready to stand between double quotes in an attribute, escaped exactly as lxml
    (libxml2) serialises it: ``&<>"`` as entities, tab, LF and CR as character references (so that
    they survive attribute-value normalisation); characters XML cannot carry become U+FFFD."""
    if _ATTR_SPECIAL.search(value) is None:  # the common case: one scan
        return value
    value = _ILLEGAL.sub("\ufffd", value)
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;"))


def xml_text(value: str) -> str:
    """``value`` as element content, escaped exactly as lxml (libxml2) serialises it (``&<>`` as
    entities, CR as ``&#13;``); characters XML cannot carry become U+FFFD."""
    if _TEXT_SPECIAL.search(value) is None:
        return value
    value = _ILLEGAL.sub("\ufffd", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def format_float(value: Any) -> str | None:
    """A float as xsd:decimal text (no exponent), or None for infinities and NaN."""
    try:
        d = Decimal(repr(float(value)))
    except (InvalidOperation, ValueError):
        return None
    if not d.is_finite():
        return None
    text = format(d, "f")
    return text


def expand_color(raw: str | None) -> str | None:
    """``#RGB`` or ``#RRGGBB`` as upper-case ``#RRGGBB``; None when absent or malformed."""
    if not raw:
        return None
    m = re.fullmatch(r"#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})", raw.strip())
    if not m:
        return None
    h = m.group(1)
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return "#" + h.upper()
