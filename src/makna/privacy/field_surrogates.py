"""A surrogate typed in a free-text field: the name the de-identified texts use, not an identifier (trial19 #1).

After the apply, a researcher writes memos, case descriptions and code examples with the names she reads in the
transcripts, which are the surrogates ("Bu Ngatini said ...", her surrogate phone number). The detectors find them
as they find any name, and the field scan proposed them at 0.99, so README's recipe (``deid accept --all
--min-confidence 0.5``) replaced a surrogate with a second one: the memo then named no one the transcripts name, and
the key mapped one surrogate to another. A coder's push already lets these through
(:mod:`makna.sync.push_scan`). The field scan keeps them for the review to read, below the recipe's 0.5
(:data:`SURROGATE_CONFIDENCE`, detector ``+surrogate``), as it keeps the project's own words
(:mod:`makna.privacy.field_words`): the review can still accept one that is, by chance, a real person's name.

The surrogates are the spans the applies wrote into the de-identified texts (``deid_sources.replacements``), compared
case-folded with a detection's whole text. Never an original: by construction a surrogate is no original of the
project, and what is found again from the key (``propagate``) is an original, never lowered.

A surrogate's part (surr29): the researcher writes ``Nathan`` of the surrogate ``Nathan Cannon`` as she would the
informant's first name. A word of a person's surrogate of two or more words is kept low too (:func:`free_parts`),
but only where no original of the project shares it, since a part alone may also be a real person's first name:

* with the key (``deid scan --key``): no original the key holds (every identifier replaced, every reviewed one
  reserved, the known names) has that word;
* and in every case, no text the project still holds unreplaced has it (a source not yet de-identified, scanned or
  not, and the detections of field values not yet replaced): their originals are in the project, not the key;
* without the key (``deid scan`` without ``--key``, a coder's push: :mod:`makna.sync.push_scan`), the applies vouch
  for the key: each records (:func:`vouch_parts`, inside its transaction) whether any word of a person's surrogate
  is a word of an original of the key. The surrogates are drawn never to share a word with an original
  (:meth:`makna.privacy.pseudonymise.KeyMapping.surrogate`), so it is ``yes`` unless a later source's original
  happens to be an earlier surrogate's word; then no part is kept low without the key (one bit for the whole
  project, which names no word; an apply made before surr29 recorded nothing: the same).

Never an original is stored or shown: the words compared are the surrogates' (in the de-identified texts), and
the answer is which of a detection's words are kept low, the detector ``+surrogate`` as for a whole surrogate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Final

from sqlalchemy import Connection, delete, insert, select

from ..store import tables
from .naming import HONORIFIC_GENDER, NAME_TITLES
from .types import Detection

__all__ = ["SURROGATE_CONFIDENCE", "free_parts", "lower_surrogates", "name_words", "surrogate_parts", "text_surrogates",
           "vouch_parts"]

SURROGATE_CONFIDENCE = 0.3
"""The confidence a surrogate found in a field is kept at (below the README's 0.5)."""


def text_surrogates(conn: Connection) -> frozenset[str]:
    """The surrogates the applies wrote into the de-identified texts, case-folded."""
    s, d = tables.sources.c, tables.deid_sources.c
    out: set[str] = set()
    for r in conn.execute(
        select(s.text, d.replacements).join(tables.deid_sources, d.source_id == s.id).where(d.applied_at.is_not(None))
    ):
        for rep in r.replacements or []:  # spans of the surrogates in the de-identified text
            start, end = (rep.get("new_start"), rep.get("new_end")) if isinstance(rep, dict) else (None, None)
            if isinstance(start, int) and isinstance(end, int):
                out.add(r.text[start:end].casefold())
    return frozenset(x for x in out if x.strip())


_VOUCHED: Final = "deid_surrogate_parts"
"""The ``meta`` key of :func:`vouch_parts`: ``yes`` where no word of a person's surrogate is a word of an original."""
_WORD: Final = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


_TITLES: Final = frozenset(w.casefold() for w in (*NAME_TITLES, *HONORIFIC_GENDER))
"""Titles and honorifics: words a surrogate may share with an original (``Bu``, ``Mrs``), never a part of a name."""


def name_words(text: str) -> set[str]:
    """The words of ``text`` but titles and honorifics, case-folded (``O'Brien`` and ``Siti-Aisyah`` one word
    each)."""
    return {w.casefold() for w in _WORD.findall(text)} - _TITLES


def surrogate_parts(conn: Connection) -> frozenset[str]:
    """The words (two letters or more) of the person surrogates of two or more words the applies wrote into the
    de-identified texts, case-folded: ``nathan`` and ``cannon`` of ``Nathan Cannon``."""
    s, d = tables.sources.c, tables.deid_sources.c
    out: set[str] = set()
    for r in conn.execute(
        select(s.text, d.replacements).join(tables.deid_sources, d.source_id == s.id).where(d.applied_at.is_not(None))
    ):
        for rep in r.replacements or []:
            if not isinstance(rep, dict) or rep.get("type") != "PERSON":
                continue
            start, end = rep.get("new_start"), rep.get("new_end")
            if isinstance(start, int) and isinstance(end, int) and len(words := name_words(r.text[start:end])) > 1:
                out |= {w for w in words if len(w) >= 2}
    return frozenset(out)


def _held_words(conn: Connection) -> set[str]:
    """The words of every text the project holds unreplaced: sources not de-identified (scanned or not) and the
    identifiers the review confirmed in field values not yet replaced (originals are there, not in the key)."""
    from .project import _fields  # (project imports this module)

    s, d = tables.sources.c, tables.deid_sources.c
    applied = select(d.source_id).where(d.applied_at.is_not(None))
    out: set[str] = set()
    for text in conn.execute(select(s.text).where(s.id.not_in(applied))).scalars():
        out |= name_words(str(text))
    for st in _fields(conn):  # what the review confirmed; a pending guess may be the surrogate itself
        for item in st.review.items:
            if item.status in {"accepted", "edited", "added"}:
                out |= name_words(item.detection.text)
    return out


def vouched(conn: Connection) -> bool:
    """Whether the last apply vouched that no word of a person's surrogate is a word of an original of the key."""
    m = tables.meta.c
    return conn.execute(select(m.value).where(m.key == _VOUCHED)).scalar() == "yes"


def vouch_parts(conn: Connection, surrogates: Iterable[tuple[str, str]], originals: Iterable[str]) -> bool:
    """At an apply, with the key: record whether any word of a person's surrogate (``surrogates``: (type,
    surrogate) of every replacement of the key) is a word of one of ``originals`` (every original of the key and
    its reserved identifiers); returns the answer recorded (True: none is). Inside the apply's transaction."""
    taken: set[str] = set()
    for original in originals:
        taken |= name_words(original)
    parts = {w for kind, value in surrogates if kind == "PERSON" for w in name_words(value)}
    ok = not (parts & taken)
    m = tables.meta.c
    conn.execute(delete(tables.meta).where(m.key == _VOUCHED))
    conn.execute(insert(tables.meta).values(key=_VOUCHED, value="yes" if ok else "no"))
    return ok


def free_parts(conn: Connection, originals: Iterable[str] | None = None) -> frozenset[str]:
    """The words of person surrogates (:func:`surrogate_parts`) that no original of the project shares (see the
    module documentation): ``originals``, the key's (None: no key, the applies' :func:`vouched` instead), and
    every word of what the project holds unreplaced."""
    parts = surrogate_parts(conn)
    if not parts or (originals is None and not vouched(conn)):
        return frozenset()
    taken = _held_words(conn)
    for original in originals or ():
        taken |= name_words(original)
    return parts - taken


def _is_surrogate(det: Detection, surrogates: frozenset[str], parts: frozenset[str]) -> bool:
    if det.detector.startswith("propagate"):
        return False
    if det.text.strip().casefold() in surrogates:
        return True
    words = name_words(det.text)
    return det.type == "PERSON" and bool(words) and words <= parts


def lower_surrogates(found: Iterable[Detection], surrogates: frozenset[str], parts: frozenset[str] = frozenset()
                     ) -> list[Detection]:
    """``found`` in a field value, each detection whose whole text is one of ``surrogates``, or a person's name
    whose every word is one of ``parts`` (:func:`free_parts`), kept below 0.5."""
    return [
        replace(det, confidence=min(det.confidence, SURROGATE_CONFIDENCE), detector=f"{det.detector}+surrogate")
        if _is_surrogate(det, surrogates, parts) else det
        for det in found
    ]
