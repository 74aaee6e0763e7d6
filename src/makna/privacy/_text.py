"""Small text helpers shared by the detectors (internal)."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Final

from .address_terms import ADDRESS_TERMS

if TYPE_CHECKING:
    from .types import Detection

__all__ = [
    "CAP_RUN",
    "CAP_WORD",
    "HAND_HONORIFICS",
    "HONORIFICS",
    "OFFICE_TITLES",
    "RANK_HONORIFICS",
    "CapRun",
    "EndAnchored",
    "SpanIndex",
    "cap_runs",
    "run_tokens",
    "cue_windows",
    "is_sentence_initial",
    "line_before",
    "occupied",
    "reversed_words",
    "two_lines_back",
]

_UPPER = "A-ZÀ-ÖØ-Þ"
_WORD_CHARS = r"[\w'’\-]"
CAP_WORD = re.compile(rf"[{_UPPER}](?<![\w@./'’\-][\s\S]){_WORD_CHARS}*")
"""One capitalised word, not glued to a preceding word, handle or address."""
CAP_RUN = re.compile(rf"[{_UPPER}](?<![\w@./'’\-][\s\S])[\w'’\-]*(?:[ \t]+[{_UPPER}0-9][\w'’\-]*)*")
"""A run of capitalised words separated by spaces (digits may continue a run)."""


CapRun = tuple[int, int, str]
"""A capitalised run: (start, end, text)."""


def cap_runs(text: str) -> list[CapRun]:
    """Every :data:`CAP_RUN` in ``text``, found once and shared by the detectors."""
    return [(m.start(), m.end(), m.group(0)) for m in CAP_RUN.finditer(text)]


def run_tokens(run: CapRun) -> list[tuple[int, int, str]]:
    """The words of a capitalised run as (start, end, word), in text offsets."""
    start, end, words = run
    if " " not in words and "\t" not in words:
        return [(start, end, words)]
    # A run holds word characters, apostrophes and hyphens, parted by spaces and tabs only: str.split gives its
    # words (as ``\S+`` would), each found after the one before (a third faster than a regex pass).
    out: list[tuple[int, int, str]] = []
    pos = 0
    find = words.find
    for word in words.split():
        at = find(word, pos)
        pos = at + len(word)
        out.append((start + at, start + pos, word))
    return out


RANK_HONORIFICS: Final = frozenset(
    # UK and Indonesian police and military ranks
    "Officer Constable Captain Sgt Sgt. Sergeant Inspector Detective PC PCSO Lt Lt. Capt Capt. Kapten Brigadir "
    "Bripka Briptu Bripda Aipda Aiptu Ipda Iptu AKP Kompol AKBP Kombes Serda Sertu Serka Pelda Letda Lettu "
    "Kopral".split()
)
"""Ranks said before a name as an address ("Sgt Hale", "Bripka Sutrisno"): honorifics, and a part of the ranks
of :data:`makna.privacy.person_kinds.RANKS`."""

HAND_HONORIFICS = RANK_HONORIFICS | frozenset(
    "Mbak Mba Mas Bang Abang Kak Kakak Uda Da Uni Ni Om Tante Pak Bapak Bu Ibu Bude Pakde Bulek Paklek Etek "
    "Mak Amak Ajo Buya Datuak Datuk Ustad Ustaz Ustadz Ustadzah Haji Hajjah Hj. H. "
    "Dek Adik Dik Neng Teh Akang "
    "Kang Cik Koh Cici Ci Ko Bli Mbok Sis Bro Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Sir Auntie Aunty "
    "Uncle Nenek Kakek Mamak Inyiak Pakcik Makcik "
    # Batak, Bugis, Javanese, Sundanese, Balinese, Chinese-Indonesian, Arabic-origin, Nigerian, Indian, English
    "Lae Ito Tulang Amang Inang Ompung Opung Namboru Bou Daeng Puang Mbah Gus Ning Cak Den Aa Ceu Euceu Mang "
    "Bi Gek Engkoh Encek Ncek Akong Apak Hajah Syekh Sheikh Habib Umi Abah Alhaji Alhaja Chief Oga Madam Pastor "
    "Shri Smt Mister Nurse Coach Professor Doctor "
    # Chinese-Indonesian, Sundanese, Minang, pesantren; clergy
    "Cece Koko Ce Teteh Wak Uwak Ustazah Kyai Kiai Nyai Baba Rev Rev. Reverend Imam "
    # a general's rank as an address, and more clergy titles
    "Major Pdt Pdt. Pendeta Romo Pater Suster Bhante Pandita "
    # managers of a place of work and grandparents, as workers address them; Filipino and Tagalog kin words
    "Mami Mamih Papi Papih Mommy Nek Kek Tuan Nyonya Ate Kuya Manang Manong Tita Tito Lola Lolo".split()
)
"""Kinship and address words that may precede a name, matched in any case by the honorific cue, and the ranks
of :data:`RANK_HONORIFICS`."""
HONORIFICS = HAND_HONORIFICS | ADDRESS_TERMS
"""Kinship and address words that may precede a name (they are not part of the PERSON span), with the regional
and English address terms of :mod:`makna.privacy.address_terms` (never a name on their own)."""

OFFICE_TITLES: Final = frozenset(
    "Wali Walikota Wakil Kepala Lurah Camat Bupati Gubernur Kades Kadus Sekdes Kapolsek Kapolres Kapolda Danramil "
    "Babinsa Bhabinkamtibmas Guru Dokter Bidan Mantri Perawat Ketua Direktur Manajer Mandor Satpam Polisi Tentara "
    "Hakim Jaksa Menteri Presiden Komandan Penghulu Dukun".split()
)
"""Offices and occupations said after an address term instead of a name ("Pak Camat", "Bu Bidan", "Pak Wali
Nagari"): never part of a PERSON span; the name, when one follows, comes after them ("Bu Guru Ani")."""

_SENTENCE_END: Final = frozenset('.!?:;"“(\n—–-')
"""Characters after which (and white space) a word starts a sentence, a turn or a quotation (a turn's ``P:``
ends with its colon)."""


def line_before(text: str, index: int, window: int = 60) -> str:
    """Up to ``window`` characters before ``index`` on the same line."""
    chunk = text[max(0, index - window) : index]
    nl = chunk.rfind("\n")
    return chunk[nl + 1 :] if nl >= 0 else chunk


def two_lines_back(text: str, index: int, reach: int) -> int:
    """Where a look-back from ``index`` starts: the start of the line before (this turn and the one before), or
    ``reach`` characters back when that is nearer (the cues of :mod:`~makna.privacy.bank_accounts` and
    :mod:`~makna.privacy.id_reach`)."""
    start = max(0, index - reach)
    nl = text.rfind("\n", start, index)
    if nl >= 0:
        prev = text.rfind("\n", start, nl)
        if prev >= 0:
            start = prev + 1
    return start


def is_sentence_initial(text: str, index: int) -> bool:
    """True when the word at ``index`` starts a sentence, a line, a turn or a quotation."""
    stripped = line_before(text, index, 12).rstrip()
    return not stripped or stripped[-1] in _SENTENCE_END


def cue_windows(
    text: str, stop: Collection[str], back: int = 48, runs: Sequence[CapRun] | None = None
) -> list[tuple[int, int]]:
    """Merged text windows that can hold a cue followed by a capitalised name.

    Each capitalised run with at least one word outside ``stop`` gives ``[start - back, end)``; cue
    regexes then run only inside these windows (lookbehinds still see the whole text), which skips the
    long stretches of ordinary lower-case speech. ``runs`` are :func:`cap_runs` of ``text`` if known.
    """
    windows: list[tuple[int, int]] = []
    n = len(text)
    stop = stop if isinstance(stop, (set, frozenset)) else frozenset(stop)
    for run_start, run_end, words in cap_runs(text) if runs is None else runs:
        if (words in stop) if " " not in words and "\t" not in words else stop.issuperset(words.split()):
            continue  # (a one-word run: one look-up)
        start, end = max(0, run_start - back), min(n, run_end + 8)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def reversed_words(alternatives: str) -> str:
    """``"for|at|di"`` as ``"rof|ta|id"``: plain words spelt backwards, for :class:`EndAnchored` tails."""
    return "|".join(word[::-1] for word in alternatives.split("|"))


class EndAnchored:
    """A pattern that only matches at the end of a short text (``...[ \\t]+$``), searched only when its
    tail, spelt backwards, matches at the start of the reversed text: ``search`` has to try every offset,
    the reversed tail is one anchored match, and most texts fail it.

    ``tail`` must match the reversed end of every match of ``rx`` (a necessary condition; it takes the flags
    of ``rx``); ``search`` then gives exactly what ``rx.search`` gives.
    """

    __slots__ = ("rx", "tail")

    def __init__(self, rx: re.Pattern[str], tail: str) -> None:
        self.rx = rx
        self.tail = re.compile(tail, rx.flags)

    def search(self, text: str) -> re.Match[str] | None:
        """``rx.search(text)``."""
        probe = text[:-1] if text.endswith("\n") else text  # "$" also matches before a final newline
        if self.tail.match(probe[::-1]) is None:
            return None
        return self.rx.search(text)


def occupied(length: int, found: Iterable[Detection]) -> bytearray:
    """A mask of ``length + 1`` bytes, 1 where a detection of ``found`` lies: ``mask.find(1, start, end) < 0``
    when no detection touches ``[start, end)``."""
    mask = bytearray(length + 1)
    for d in found:
        mask[d.start : d.end] = b"\x01" * (d.end - d.start)
    return mask


class SpanIndex:
    """Detections with an index by start offset: the ones that overlap a span are found by bisection, not by a
    scan of them all (a text's detections can number thousands). :meth:`kept` gives them in the order added."""

    def __init__(self, dets: Iterable[Detection] = ()) -> None:
        self._kept = dict(enumerate(dets))
        self._starts = sorted((d.start, k) for k, d in self._kept.items())
        self._next = len(self._kept)
        self._widest = max((d.end - d.start for d in self._kept.values()), default=0)

    def add(self, det: Detection) -> None:
        self._kept[self._next] = det
        insort(self._starts, (det.start, self._next))
        self._next += 1
        self._widest = max(self._widest, det.end - det.start)

    def window(self, start: int, end: int) -> range:
        """The positions (in start order) of the detections that may overlap ``[start, end)``."""
        return range(bisect_left(self._starts, (start - self._widest, -1)), bisect_left(self._starts, (end, -1)))

    def overlapping(self, start: int, end: int) -> list[Detection]:
        """The detections that overlap ``[start, end)``, by start."""
        at = self.window(start, end)
        return [d for _s, k in self._starts[at.start : at.stop] if (d := self._kept[k]).end > start]

    def remove(self, det: Detection) -> None:
        """Takes out ``det`` (this very object, kept once for each time it was added)."""
        at = bisect_left(self._starts, (det.start, -1))
        while self._kept[self._starts[at][1]] is not det:
            at += 1
        del self._kept[self._starts.pop(at)[1]]

    def kept(self) -> list[Detection]:
        return list(self._kept.values())
