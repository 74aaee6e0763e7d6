"""An age in a field whose name says it is an age (trial14, fields25).

A survey's ``Usia`` column or a case attribute ``umur`` holds an age alone (``38``, ``38 tahun``, ``tiga puluh
delapan``, ``thirty-eight``): no word around it says "age" to the transcript detectors, so it was not proposed, and
the trial's survey kept ``tiga puluh delapan`` in its cross-tabulation and every export. Here the attribute's name
says it: an attribute named for age (``umur``, ``usia``, ``age``, ``how old``, in either language) whose value is one
age that the project's age policy can read (:func:`makna.privacy.ages.shift_age_text`, which reads numbers in words
through :mod:`makna.privacy.numwords`) is proposed as AGE, and the apply replaces it as it replaces an age in a
transcript (moved by the project's age offset). A range (``20-24``, an age band) is already coarse: not proposed.

An age the apply replaced in a transcript and met again in another field (``rentang lima tahun``, a band's width in
an attribute's description) is not replaced by itself: it is a repeat like any other, which the second ``deid scan``
puts in the review and ``deid apply`` stops on while it is unreviewed, since the same words are often no one's age
there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from sqlalchemy import Connection, select

from ..store import tables
from ._state import State
from .ages import shift_age_text
from .types import Detection

__all__ = ["AGE_CONFIDENCE", "age_attribute", "age_value", "field_ages"]

AGE_CONFIDENCE: Final = 0.9
"""The confidence of an age proposed by its attribute's name (a name and a value that agree)."""
_AGE_WORDS: Final = frozenset({"umur", "umurnya", "usia", "usianya", "age", "ages", "aged"})
_HOW_OLD: Final = re.compile(r"\bhow\s+old\b", re.IGNORECASE)
_WORD: Final = re.compile(r"[^\W\d_]+")
# the age alone, or with its unit: "38", "38 tahun", "38 thn", "38 years old", "38 y.o.", "tiga puluh delapan"
_VALUE: Final = re.compile(
    r"\s*(?P<age>[^\W_](?:.*?[^\W_])??)"
    r"(?:\s*(?:tahun|thn|th|taun|years?(?:\s+old)?|yrs?|y\.?\s?o\.?))?\s*[.]?\s*",
    re.IGNORECASE,
)
_DIGITS: Final = re.compile(r"\d{1,3}")


def age_attribute(name: str) -> bool:
    """Whether an attribute (or survey column) named ``name`` is an age: one of its words is ``umur``, ``usia``
    or ``age`` (``Usia``, ``umur_anak``, ``Age (years)``), or it asks ``how old``."""
    words = {w.casefold() for w in _WORD.findall(name.replace("_", " "))}
    return bool(words & _AGE_WORDS) or _HOW_OLD.search(name) is not None


def age_value(value: str) -> Detection | None:
    """The age that ``value`` is, as a detection over its whole (its unit included), or None when it is not one
    age the age policy reads (a range, a date, a sentence)."""
    m = _VALUE.fullmatch(value)
    if m is None:
        return None
    body = m.group("age")
    if _DIGITS.fullmatch(body):
        if not 0 < int(body) <= 120:
            return None
    elif any(ch.isdigit() for ch in body):
        return None  # "20-24", "1985", "38/40": not one age
    start = m.start("age")
    end = len(value.rstrip().rstrip(".").rstrip())
    text = value[start:end]
    if shift_age_text(text, 1) is None:
        return None
    return Detection(start, end, "AGE", AGE_CONFIDENCE, "field.age", text)


def field_ages(conn: Connection, states: Sequence[State]) -> dict[str, list[Detection]]:
    """The ages proposed in these field values by their attribute's name (case attribute values only), by state
    id (``table|row key|column``)."""
    ages = {
        str(r.id)
        for r in conn.execute(select(tables.attributes.c.id, tables.attributes.c.name))
        if age_attribute(str(r.name))
    }
    out: dict[str, list[Detection]] = {}
    for st in states:
        if st.field != "case_values.value" or st.applied:
            continue
        attribute = st.source_id.split("|")[1].split("/")[-1]
        found = age_value(st.review.text) if attribute in ages else None
        if found is not None:
            out[st.source_id] = [found]
    return out
