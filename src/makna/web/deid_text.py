"""Names of the identifier types in the interface language.

The core names a type by its code (``PERSON``, ``NATIONAL_ID``), as the command line, the key file and
tag mode's ``[PERSON-1]`` do. The workbench shows the code itself in English and a name from the
catalogue in Indonesian (the msgids are the codes, so that an English page reads as before)."""

from __future__ import annotations

from ..privacy.types import PII_TYPES
from .i18n import translations

__all__ = ["TYPE_MESSAGES", "type_names"]

TYPE_MESSAGES: tuple[str, ...] = PII_TYPES
"""The catalogue's msgids for the types: their codes."""


def type_names(lang: str) -> dict[str, str]:
    """Code -> the name shown in ``lang`` (English: the code)."""
    tr = translations(lang)
    return {code: tr.gettext(code) for code in PII_TYPES}
