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
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import Connection, select

from ..store import tables
from .types import Detection

__all__ = ["SURROGATE_CONFIDENCE", "lower_surrogates", "text_surrogates"]

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


def lower_surrogates(found: Iterable[Detection], surrogates: frozenset[str]) -> list[Detection]:
    """``found`` in a field value, each detection whose whole text is one of ``surrogates`` kept below 0.5."""
    return [
        replace(det, confidence=min(det.confidence, SURROGATE_CONFIDENCE), detector=f"{det.detector}+surrogate")
        if surrogates and det.text.strip().casefold() in surrogates and not det.detector.startswith("propagate")
        else det
        for det in found
    ]
