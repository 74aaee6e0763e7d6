"""Which joined runs of capitalised words may hold an organisation's head word (internal; speed, issue #11).

:func:`makna.privacy.orgnames.find_org_heads` reads a run of capitalised words (with the runs that follow
after ``of`` or ``of the`` joined on) only when one of its words, without a trailing full stop, comma or
possessive ``'s``, is a head word. Such a word begins with the head word, at a word's start, so one search of
the whole text for the head words finds every joined run worth reading: the runs around each hit, joined
the same way. A head word is made of letters and hyphens and the character before a word of a run is a space,
a tab or (for a run's first word) neither a word character nor a hyphen, so no earlier hit can run over a
word's start and hide it.

It also holds the one list of job nouns (:data:`JOB_NOUNS`, :data:`JOB_WORDS`) that
:mod:`makna.privacy.orgcues` and :mod:`makna.privacy.orgshapes` read a workplace by (``kasir di X``,
``X, jadi pelayan``, ``a cashier at X``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from typing import Final

from ._text import CapRun

__all__ = ["JOB_NOUNS", "JOB_WORDS", "OF_GAP", "head_search", "joined_with_heads"]

OF_GAP: Final = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")
"""The gap between two runs that joins them: ``Church of God``, ``Society of the Sacred Heart``."""

_JOBS_EN: Final = (
    "accountant apprentice assistant baker barber barista bartender butcher care_worker caregiver carer cashier "
    "chef cleaner clerk cook courier dispatcher dishwasher driver guard hairdresser housekeeper housekeeping "
    "kitchen_porter labourer laborer manager mechanic nanny nurse packer picker porter receptionist rider "
    "sales_assistant stylist supervisor storeman technician teller trainee waiter waitress warehouseman"
)
_JOBS_ID: Final = (
    "admin buruh juru_masak kapster karyawan karyawati kasir koki kuli kurir mandor manajer montir pegawai "
    "pelayan pemandu_lagu perawat pramuniaga resepsionis satpam sopir spg staf staff supir terapis"
)
_JOB_PHRASES: Final = (r"cleaning(?:[ \t]+service)?", r"tukang[ \t]+\w+", r"bagian[ \t]+\w+")
"""Job phrases with an open second word (``tukang cuci``, ``bagian gudang``) or an optional one."""
JOB_NOUNS: Final = "|".join(
    [
        *(
            w.replace("_", r"[ \t]+")
            for w in sorted({*_JOBS_EN.split(), *_JOBS_ID.split()}, key=lambda w: (-len(w), w))
        ),
        *_JOB_PHRASES,
    ]
)
"""One regular-expression alternation (no group, to be used case-folded) of the job nouns of both languages, in
English and Indonesian (hand-compiled vocabulary, no corpus string): a person's job at a workplace."""
JOB_WORDS: Final = frozenset(
    {p for w in (*_JOBS_EN.split(), *_JOBS_ID.split()) for p in w.split("_")} | {"cleaning", "tukang", "bagian"}
)
"""Every word of :data:`JOB_NOUNS` (a cheap look-up before a pattern with them is tried)."""


def head_search(heads: Collection[str]) -> re.Pattern[str]:
    """A pattern that finds each of ``heads`` (words of letters and hyphens) anywhere."""
    if any(not re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*", w) for w in heads):
        raise ValueError("a head word is letters and hyphens")
    return re.compile("|".join(re.escape(w) for w in sorted(heads, key=lambda w: (-len(w), w))))


def joined_with_heads(text: str, runs: Sequence[CapRun], heads: re.Pattern[str]) -> list[tuple[int, int]]:
    """(first, last) run index of each joined run of ``runs`` in which a head word may begin, in order.

    Runs join when :data:`OF_GAP` fills the gap between them. ``heads``: :func:`head_search` of the head words.
    Every joined run holding a word that begins with a head word is listed; a few others may be.
    """
    if not runs:
        return []
    starts = [run[0] for run in runs]
    out: list[tuple[int, int]] = []
    done = -1
    gap = OF_GAP.fullmatch
    for hit in heads.finditer(text):
        at = hit.start()
        k = bisect_right(starts, at) - 1
        if k <= done or at >= runs[k][1]:
            continue  # before the first run, in a joined run already listed, or between runs
        first = last = k
        while first > 0 and gap(text, runs[first - 1][1], runs[first][0]):
            first -= 1
        while last + 1 < len(runs) and gap(text, runs[last][1], runs[last + 1][0]):
            last += 1
        out.append((first, last))
        done = last
    return out
