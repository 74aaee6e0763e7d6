"""makna's own fields of REFI-QDA elements, so that a makna -> qdpx -> makna round trip loses nothing
that REFI-QDA has no place for, while the descriptions other tools show stay as the user wrote them.

A .qdpx carries them in an archive member of its own (:class:`Extras`, ``makna/extras.json``: fields
by element GUID), which other tools ignore. A .qdc (one XML file) carries a code's fields in a
``<?makna-data {JSON}?>`` processing instruction inside its ``Code`` element.

Files from makna 0.x before this carried them inside the descriptions, which the importer still
reads: a description that carries such fields ends with one line ``makna-data: {JSON object}``,
separated from the human text before it by a blank line::

    Customers who felt cheated by a seller.

    makna-data: {"key": "exp.neg.fraud", "inclusion": "...", "keywords": ["tipu"]}

Other tools showed that line as part of the description.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["MARKER", "pack", "unpack", "keep_exact", "EXTRAS_ENTRY", "Extras", "PI_TARGET", "pi_text", "pi_fields"]

MARKER = "makna-data: "


def pack(text: str, fields: dict[str, Any]) -> str:
    """``text`` followed by the fields line (only when there are fields, or when ``text`` itself
    contains the marker, so that unpacking stays exact)."""
    if not fields and MARKER not in text:
        return text
    line = MARKER + json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"{text}\n\n{line}" if text else line


def unpack(description: str) -> tuple[str, dict[str, Any]]:
    """The human text and makna's fields of a description (``{}`` when it has none)."""
    cut = description.rfind("\n\n" + MARKER)
    if cut >= 0:
        text, line = description[:cut], description[cut + 2 + len(MARKER) :]
    elif description.startswith(MARKER):
        text, line = "", description[len(MARKER) :]
    else:
        return description, {}
    if "\n" in line:
        return description, {}
    try:
        fields = json.loads(line)
    except ValueError:
        return description, {}
    if not isinstance(fields, dict):
        return description, {}
    return text, fields


def keep_exact(fields: dict[str, Any], **values: str) -> dict[str, Any]:
    """Add to ``fields`` each value that XML cannot carry as it is (control characters), so that
    the importer can restore it exactly; returns ``fields``."""
    from ._refi import xml_safe

    for key, value in values.items():
        if xml_safe(value) != value:
            fields[key] = value
    return fields


#: The archive member of a .qdpx that carries makna's own fields (other tools ignore it).
EXTRAS_ENTRY = "makna/extras.json"
_EXTRAS_FORMAT = "makna-extras"


class Extras:
    """makna's own fields of the elements of a .qdpx, by GUID, kept out of the descriptions that
    other tools show (the archive member :data:`EXTRAS_ENTRY`)."""

    def __init__(self, elements: dict[str, dict[str, Any]] | None = None,
                 project: dict[str, Any] | None = None) -> None:
        self.elements: dict[str, dict[str, Any]] = elements or {}
        self.project: dict[str, Any] = project or {}

    def add(self, guid: str, fields: dict[str, Any]) -> None:
        """Keep ``fields`` for the element ``guid`` (nothing when empty)."""
        if fields:
            self.elements[guid] = fields

    def get(self, guid: str | None) -> dict[str, Any]:
        return self.elements.get(guid or "", {})

    def dump(self) -> bytes:
        return json.dumps({"format": _EXTRAS_FORMAT, "version": 1, "project": self.project,
                           "elements": self.elements}, ensure_ascii=False, sort_keys=True,
                          separators=(",", ":")).encode("utf-8")

    @classmethod
    def load(cls, data: bytes) -> Extras | None:
        """The extras in ``data``, or None when it is not makna's extras member (then the
        descriptions are read as older makna versions wrote them)."""
        try:
            doc = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None
        if not isinstance(doc, dict) or doc.get("format") != _EXTRAS_FORMAT or doc.get("version") != 1:
            return None
        elements, project = doc.get("elements"), doc.get("project")
        if not isinstance(elements, dict) or not isinstance(project, dict):
            return None
        return cls({str(k): v for k, v in elements.items() if isinstance(v, dict)}, project)

    def described(self, guid: str | None, description: str) -> tuple[str, dict[str, Any]]:
        """The human text and makna's fields of an element: its description as written and the
        fields kept for its GUID."""
        return description, self.get(guid)


#: Target of the processing instruction that carries a code's fields in a .qdc.
PI_TARGET = "makna-data"


def pi_text(fields: dict[str, Any]) -> str:
    """``fields`` as the text of a processing instruction (JSON in ASCII, with no ``?>`` in it)."""
    return json.dumps(fields, ensure_ascii=True, sort_keys=True, separators=(",", ":")).replace(">", "\\u003e")


def pi_fields(text: str | None) -> dict[str, Any] | None:
    """The fields in a ``makna-data`` processing instruction's text, or None when unreadable."""
    try:
        fields = json.loads(text or "")
    except (ValueError, RecursionError):
        return None
    return fields if isinstance(fields, dict) else None
