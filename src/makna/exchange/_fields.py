"""makna's own fields inside REFI-QDA ``Description`` texts, so that a makna -> qdpx -> makna round
trip loses nothing that REFI-QDA has no place for.

A description that carries such fields ends with one line ``makna-data: {JSON object}``, separated from
the human text before it by a blank line::

    Customers who felt cheated by a seller.

    makna-data: {"key": "exp.neg.fraud", "inclusion": "...", "keywords": ["tipu"]}

Other tools show the line as part of the description; makna strips it on import. JSON keeps the line
single (newlines and control characters are escaped) and therefore safe in XML.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["MARKER", "pack", "unpack", "keep_exact"]

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
