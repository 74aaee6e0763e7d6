"""Short forms of names, and the rule that no surrogate shows an original inside it.

Short forms (``Yuli`` for ``Yulianti``, ``Anti`` for ``Yulianti``): within one source (and the sources of
its cases), a name token that begins or ends one longer name token of that context, and only one, is the
same person's short form or nickname; its surrogate is the same cut of the longer token's surrogate, by
syllables (:func:`short_forms`): ``Yulianti`` -> ``Marlina`` gives ``Yuli`` -> ``Marli`` and
``Anti`` -> ``Lina``. A token of four letters or more that spells whole syllables inside one longer token
(``Tika`` of ``Kartikasari``, a first name's or a surname's) gets syllables from inside its surrogate.

Originals inside surrogates (:class:`OriginalWords`): no surrogate word may equal a word of any original of
the project, contain one of four or more letters (``Fitri`` in ``Zulfitri``), or, with four or more letters,
sit inside one (``Fitri`` for someone else, while ``Zulfitri`` is an original): a reader who knows one
of the people would otherwise find them by the substring.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

__all__ = ["OriginalWords", "context_full", "short_forms", "syllable_spans"]

_VOWELS: Final = frozenset("aeiouéèáàíóú")
_ONSET_PAIRS: Final = ("ng", "ny", "kh", "sy", "tr", "pr", "br", "kr", "gr", "dr", "bl", "kl", "pl", "sr")
_MIN_PIECE: Final = 4
"""Letters from which an original inside a surrogate, or a surrogate inside an original, counts."""


def syllable_spans(word: str) -> list[tuple[int, int]]:
    """The syllables of a (romanised Indonesian or English) name as ``(start, end)`` spans covering it:
    one per run of vowels (``y`` is one before a consonant or at the end: ``Mar-tyn``, ``Ma-ya``); a
    consonant between two vowels opens the next syllable, of two or more the first closes the syllable
    before (except ``ng``, ``ny``... before a vowel: ``Bu-nga``)."""
    low = word.casefold()
    nuclei = [(m.start(), m.end()) for m in re.finditer(r"[aeiouéèáàíóú]+|y(?![aeiouéèáàíóú])", low)]
    if not nuclei:
        return [(0, len(word))] if word else []
    bounds = [0]
    for (_s1, e1), (s2, _e2) in zip(nuclei, nuclei[1:], strict=False):
        run = low[e1:s2]
        if len(run) <= 1:
            bounds.append(e1)
        elif run[-2:] in _ONSET_PAIRS and len(run) == 2:
            bounds.append(e1)
        else:
            bounds.append(s2 - 2 if run[-2:] in _ONSET_PAIRS else s2 - 1)
    bounds.append(len(word))
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def short_forms(short: str, full: str, surrogate: str) -> list[str]:
    """Cuts of ``surrogate`` that stand to it as ``short`` stands to ``full`` (a prefix or a suffix of it),
        best first: the same number of syllables, then one fewer and one more (of three letters or more before
    shorter ones), then any other cut of two letters or more; never the whole surrogate."""
    low_s, low_f = short.casefold(), full.casefold()
    prefix = low_f.startswith(low_s)
    if not prefix and not low_f.endswith(low_s) and _clipped(low_s, low_f):  # Nida of Yusnidar: the end, less
        cut = surrogate[:-1] if surrogate[-1:].casefold() not in _VOWELS else surrogate  # its last consonant
        return short_forms(short, full[:-1], cut)
    if not prefix and not low_f.endswith(low_s):
        return _inner_forms(short, full, surrogate)
    wanted = len(syllable_spans(short))
    spans = syllable_spans(surrogate)
    total = len(spans)
    out: list[str] = []
    for k in (wanted, wanted - 1, wanted + 1, 1):
        if not 1 <= k < total:
            continue
        piece = surrogate[: spans[k - 1][1]] if prefix else surrogate[spans[total - k][0] :]
        if len(piece) >= 2:
            piece = piece[:1].upper() + piece[1:].lower()
            if piece not in out:
                out.append(piece)
    out.sort(key=lambda p: len(p) < 3)  # three letters or more first ("Mar" before "Na")
    # then any other cut of two letters or more, nearest in length first ("Mart" where "Mar" is an original)
    near = len(out[0]) if out else len(short)
    for n in sorted(range(2, len(surrogate)), key=lambda n: (n < 3, abs(n - near), n)):
        piece = surrogate[:n] if prefix else surrogate[-n:]
        piece = piece[:1].upper() + piece[1:].lower()
        if piece not in out:
            out.append(piece)
    return out


def _clipped(low_s: str, low_f: str) -> bool:
    """Whether a (case-folded) short form ends a longer name less its final consonant (``nida`` of
    ``yusnidar``, ``rina`` of ``syafrinal``), as Indonesian nicknames often do."""
    return (
        len(low_f) >= len(low_s) + 3
        and low_f[-1] not in _VOWELS
        and low_f[-1].isalpha()
        and low_f[:-1].endswith(low_s)
        and low_s[-1] in _VOWELS
    )


def _inner_at(short: str, full: str) -> tuple[int, int] | None:
    """The syllables ``(first, last + 1)`` of ``full`` that ``short`` spells inside it, neither its first nor
    its last (``Tika`` in ``Kar-ti-ka-sa-ri``: 1, 3); None where it spells no such run."""
    spans = syllable_spans(full)
    low_s, low_f = short.casefold(), full.casefold()
    starts = {a: i for i, (a, _b) in enumerate(spans)}
    ends = {b: i for i, (_a, b) in enumerate(spans)}
    at = low_f.find(low_s, 1)
    while at > 0:
        end = at + len(low_s)
        if at in starts and end in ends and end < len(low_f):
            return starts[at], ends[end] + 1
        at = low_f.find(low_s, at + 1)
    return None


def _inner_forms(short: str, full: str, surrogate: str) -> list[str]:
    """Cuts inside ``surrogate`` that stand to it as ``short`` (syllables inside ``full``) stands to ``full``:
    the same number of syllables, the nearest position first; then shorter or longer runs."""
    where = _inner_at(short, full)
    spans = syllable_spans(surrogate)
    if where is None or len(spans) < 3:
        return []
    size = where[1] - where[0]
    out: list[str] = []
    for k in (size, size - 1, size + 1, 1):
        if not 1 <= k <= len(spans) - 2:
            continue
        firsts = sorted(range(1, len(spans) - k), key=lambda i: abs(i - where[0]))
        for i in firsts:
            piece = surrogate[spans[i][0] : spans[i + k - 1][1]]
            piece = piece[:1].upper() + piece[1:].lower()
            if len(piece) >= 2 and piece not in out:
                out.append(piece)
    return out


def context_full(token: str, context: Iterable[str]) -> str | None:
    """The one longer name token of ``context`` (case-folded) that ``token`` begins or ends, by at least
    two letters, with three or more letters of its own; else, for four letters or more, the one it spells
    inside, on syllable bounds (``Tika`` of ``Kartikasari``); None where none or several do."""
    low = token.casefold()
    if len(low) < 3 or not low.isalpha():
        return None
    context = list(context)
    found = {
        c for c in context if len(c) >= len(low) + 2 and (c.startswith(low) or c.endswith(low) or _clipped(low, c))
    }
    prefix = {c for c in found if c.startswith(low)}
    found = prefix or found  # a prefix (Yuli, Yulianti) before a suffix (Anti, Yulianti)
    if not found and len(low) >= 4:
        found = {c for c in context if len(c) >= len(low) + 4 and _inner_at(low, c) is not None}
    return found.pop() if len(found) == 1 else None


_DOMAINS = re.compile(r"(?i)@[\w.\-]+|[a-z][a-z+.\-]*://|www\.|\.(?:com|org|net|co|id|me)\b")
"""Parts of e-mail addresses and links that name no one (``@gmail.com``, ``https://``)."""


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", _DOMAINS.sub(" ", text).casefold())


class OriginalWords:
    """The words of a project's originals, and every piece of four or more letters of them, to test a
    surrogate against (see the module documentation). ``exempt``: words many originals share and a
    surrogate may keep (titles, type words, legal forms)."""

    def __init__(self, exempt: Iterable[str] = ()) -> None:
        self.exempt = frozenset(w.casefold() for w in exempt)
        self.words: set[str] = set()
        self._pieces: set[str] = set()

    def add(self, texts: Iterable[str]) -> None:
        """Register the words of ``texts`` (originals)."""
        for text in texts:
            for word in _words(text):
                if word in self.words or word in self.exempt or len(word) < 2:
                    continue
                self.words.add(word)
                n = len(word)
                self._pieces.update(word[i:j] for i in range(n) for j in range(i + _MIN_PIECE, n + 1))

    def meets(self, candidate: str) -> bool:
        """Whether ``candidate`` has a word equal to an original word, holding one of four or more letters,
        or of four or more letters inside one."""
        for word in _words(candidate):
            if word in self.exempt:
                continue
            if word in self.words or (len(word) >= _MIN_PIECE and word in self._pieces):
                return True
            n = len(word)
            if any(word[i:j] in self.words for i in range(n) for j in range(i + _MIN_PIECE, n + 1)):
                return True
        return False
