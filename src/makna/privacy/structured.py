"""The structured-identifier detectors of issue #11's sixth round in one call for :func:`makna.privacy.detect`.

Identity numbers by check digit and document words (:mod:`.ids`), plates by shape, check letter and vehicle
words (:mod:`.plates`), user names near platform words (:mod:`.handles`), spelt-out e-mail addresses and local
numbers (:mod:`.contacts`), ages said about someone (:mod:`.agecues`), dates in more written forms
(:mod:`.dates`), Eircodes and Canadian postcodes (:mod:`.postcodes`), post-office boxes, blocks, RT/RW units and
other address forms (:mod:`.addresses`); telephone numbers typed with a letter O, after a slash, cut by a line
break or bare after a telephone word (:mod:`.phone_forms`, round nine), day ranges, spoken years and compact dates
found whole (:mod:`.date_spans`); identity numbers with a check character in brackets (:mod:`.bracket_ids`, round
twenty-three), bare web domains under a public suffix (:mod:`.web_addresses`) and numbers said in words with
their calling word a line or a turn before (:mod:`.phone_reach`) and identity documents' numbers by their
specified shape (:mod:`.document_shapes`, round twenty-four); plates of other countries' shapes, a sentence or a
turn after their cue or said again in the same shape (:mod:`.plate_reach`, round twenty-five); identity numbers
whose document word is a clause, a sentence or a turn before them (:mod:`.id_reach`, round twenty-six); other
countries' identity numbers by their specified shape and check (:mod:`.world_ids`, round twenty-seven); web
addresses by any public suffix, said aloud or wrapped at a line's end (:mod:`.url_forms`, round twenty-seven).
Each yields candidates; overlaps are resolved by the caller.
"""

from __future__ import annotations

from collections.abc import Iterator

from .addresses import find_addresses
from .agecues import find_said_ages
from .asked import find_asked
from .bracket_ids import find_bracket_ids
from .contacts import find_grouped_phones, find_local_phones, find_obfuscated_emails, find_spoken_after_cue
from .date_spans import find_date_spans
from .dates import find_more_dates
from .document_shapes import find_document_shapes
from .handles import find_handles_near_platforms, find_label_handles
from .id_reach import find_ids_with_reach
from .ids import find_checked_ids
from .phone_forms import find_phone_forms
from .phone_reach import find_spoken_with_reach
from .plate_reach import find_plates_with_reach
from .plates import find_plates_by_shape
from .postcodes import find_postcodes
from .types import Detection
from .url_forms import find_url_forms
from .web_addresses import find_bare_domains, host_starts
from .world_ids import find_world_ids

__all__ = ["detect_structured"]


def detect_structured(text: str) -> Iterator[Detection]:
    """Every detector of this round over ``text``."""
    yield from find_checked_ids(text)
    yield from find_asked(text)
    yield from find_bracket_ids(text)
    yield from find_document_shapes(text)
    yield from find_ids_with_reach(text)
    yield from find_world_ids(text)
    yield from find_plates_by_shape(text)
    yield from find_plates_with_reach(text)
    yield from find_handles_near_platforms(text)
    yield from find_label_handles(text)
    yield from find_obfuscated_emails(text)
    yield from find_local_phones(text)
    yield from find_grouped_phones(text)
    yield from find_spoken_after_cue(text)
    yield from find_phone_forms(text)
    yield from find_spoken_with_reach(text)
    yield from find_said_ages(text)
    yield from find_more_dates(text)
    yield from find_date_spans(text)
    yield from find_postcodes(text)
    yield from find_addresses(text)
    starts = host_starts(text)  # one scan for bare hosts, both modules' patterns tried there (round twenty-eight)
    yield from find_bare_domains(text, starts)
    yield from find_url_forms(text, starts)
