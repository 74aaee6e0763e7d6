"""A span of time is no age: a number of years said as how long, dropped after every age pass (#11, durations23).

``sudah tiga tahun narik``, ``selama lima tahun``, ``tujuh tahun kerja di kebun``, ``for three years``,
``twenty years in the mines``, ``I'm fifteen years on the buses``, ``I've been here eleven years``: the same words
as an age (a number and a unit of years), in the grammar of a duration. An AGE found by any pass (a rule, the
learned layer, a list) whose span ends in a unit of years is dropped when

* a preposition of duration stands right before it (``for``, ``spent``, ``after``, ``over``, ``within``,
  ``selama``, ``sejak``, ``semenjak``), or an aspect word of duration after a place or here-word
  (``been here``, ``been there``);
* or a verb, an activity or a preposition follows it (``years in``, ``years on the``, ``years at``, ``years
  working``, ``years ago``, ``tahun kerja``, ``tahun jadi``, ``tahun narik``, ``tahun di``, ``tahun lalu``),
  unless what follows is when an age turns (``in May``, ``in the spring``);
* or an aspect word stands right before it (``sudah``, ``udah``, ``lah``, ``su``, ``been``) and a verb of
  working or staying stands earlier in its clause (``kerja sama saya sudah dua puluh tahun``);

and nothing says age: an age word in its sentence (``umur``, ``usia``, ``old``, ``age``, ``aged``, ``born``), a kin
noun, a word of childhood or ``turned`` in its clause (``anak saya sudah tiga tahun`` is an age), a ``when``/``since``
clause (``since I was twelve years``). A number without a unit
(``he's been three since May``) is never read here. Nothing comes from a corpus: the words are the grammar of
a span of time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .agewords import WORK_VERBS, WORK_VERBS_ID
from .span_edges import EN_WHEN, ID_MONTH
from .types import Detection

__all__ = ["drop_spans_of_time"]

_UNIT_END: Final = re.compile(r"(?i:(?:tahun|taun|taon|thn|th|years?|yrs?)\.?)$")
_BEFORE: Final = re.compile(
    r"(?i:\b(?:for|spent|after|over|within|selama|sejak|semenjak|been[ \t]+(?:here|there|in[ \t]+\w+))"
    r"(?:[ \t]+(?:the|a|about|around|almost|nearly|over|the[ \t]+past|the[ \t]+last|kurang[ \t]+lebih|hampir|"
    r"sekitar|lebih[ \t]+dari))?[ \t]+)$"
)
_VERBS_ID: Final = (
    rf"{WORK_VERBS_ID}|jadi|menjadi|menikah|nikah|di|ke|lalu|yang[ \t]+lalu|belakangan|terakhir|lamanya"
)
_VERBS_EN: Final = (
    r"in|on|at|with|ago|here|there|working|driving|cleaning|caring|riding|living|teaching|nursing|doing|running|"
    r"married|together|of(?![ \t]+age)|since|back|before|straight|now[ \t]+(?:with|in|at|on)|\w+ing"
)
_AFTER: Final = re.compile(rf"(?i:[ \t]+(?:{_VERBS_ID}|{_VERBS_EN})\b)")
_UNIT_AFTER: Final = re.compile(r"(?i:[ \t]+(?:tahun|taun|taon|thn|years?|yrs?)\b)")
_TURNS: Final = re.compile(rf"(?i:[ \t]*(?:{EN_WHEN}|in[ \t]+(?:{ID_MONTH}|\w+uary|March|May|June|July|\w+ber)\b))")
_ASPECT: Final = re.compile(r"(?i:\b(?:sudah|udah|dah|sdh|lah|alah|su|been)[ \t]+)$")
_WORKED: Final = re.compile(rf"(?i:\b(?:{WORK_VERBS}|been[ \t]+(?:here|there|with|at|in|on))\b)")
_AGE_SAID: Final = re.compile(
    r"(?i:\b(?:umur\w*|usia\w*|umua\w*|old|age|aged|born|lahir|turn(?:s|ed|ing)?|birthday|ulang[ \t]+tahun|ultah|"
    r"anak\w*|adik\w*|adiak\w*|cucu\w*|bayi\w*|son|daughter|kids?|baby|boy|girl|grand\w+|little|kecil|"
    r"balita|bocah|ibu\w*|bapak\w*|ayah\w*|nenek\w*|kakek\w*|nyokap|bokap|emak|mama|papa|amak|apak|mum|mom|dad|"
    r"gran\w*|mother|father)\b)"
)
_AGE_WORD: Final = re.compile(
    r"(?i:\b(?:umur\w*|usia\w*|umua\w*|old|age|aged|born|lahir|birthday|ulang[ \t]+tahun|ultah)\b)"
)
"""An age word anywhere in the sentence (``I'm thirty-five years on this earth, born in ...``)."""
_WHEN_WAS: Final = re.compile(
    r"(?i:\b(?:when|since|till|until|as|at|ketika|waktu|saat|pas|sejak|dari|sebelum|before)"
    r"(?:[ \t]+\w+)?(?:[ \t]+(?:was|were|masih|umur|usia))?[ \t]+$)"
)
"""How old someone was when something happened (``since I was twelve years with my uncle``, ``sejak saya lima
belas tahun``, ``merantau pas 17 tahun ke Batam``)."""
_CLAUSE_END: Final = ".,;:!?\n"
_SENTENCE_END: Final = ".;!?\n"


def _clause(text: str, start: int, end: int, stops: str = _CLAUSE_END) -> tuple[int, int]:
    left = max(text.rfind(c, 0, start) for c in stops) + 1
    ends = [i for i in (text.find(c, end) for c in stops) if i >= 0]
    return left, min(ends, default=len(text))


def is_span_of_time(text: str, det: Detection) -> bool:
    """Whether the AGE ``det`` of ``text`` is a number of years said as how long (see the module)."""
    end = det.end
    if not _UNIT_END.search(det.text):
        unit = _UNIT_AFTER.match(text, end)  # a pass that closes the age's edges later adds the unit
        if unit is None:
            return False
        end = unit.end()
    left, right = _clause(text, det.start, end)
    if _AGE_SAID.search(text, left, right) or _AGE_WORD.search(text, *_clause(text, det.start, end, _SENTENCE_END)):
        return False
    before = text[max(left, det.start - 40) : det.start]
    if _WHEN_WAS.search(before):
        return False
    if _BEFORE.search(before):
        return True
    if _AFTER.match(text, end) and not _TURNS.match(text, end):
        return True
    return _ASPECT.search(before) is not None and _WORKED.search(text, left, det.start) is not None


def drop_spans_of_time(text: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` without the AGE spans that are spans of time (:func:`is_span_of_time`)."""
    return [d for d in found if d.type != "AGE" or not is_span_of_time(text, d)]
