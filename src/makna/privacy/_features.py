"""Token features for the learned de-identification model (internal; issue 11).

A text (speaker labels already masked, :func:`makna.privacy.speakers.mask_labels`) is never tokenised whole:
only anchors (capitalised words from the rules' own capitalised runs, words with digits or ``@``, lower-case
words the training data saw inside identifiers) that no rule detection touches are looked at, each with a
short slice of its line around it; each window of tokens there is one sequence for the tagger. Long
lower-case stretches of speech and everything the rules already found cost nothing more.

Features per token: its shape and case, prefix and suffix, lower-cased form, whether it starts a line or a
sentence, its neighbours' lower-cased forms (the cue words, learned rather than listed), membership in
makna's shipped name and place lists, and the rule detectors' own verdict on it (the type, detector and
confidence of the rule span that covers it): the model learns where to trust, extend or retype a rule and
where rules miss.

Evidence that holds for writers the training data never saw (:mod:`makna.privacy._evidence`): membership in
the wider name data of many traditions (``names_gendered_world.txt``, ``names_traditions.txt``,
``names_unisex.txt``) and whether a word is a name and also an ordinary word, a word no list or dictionary
knows (a rare word, most often a name or a place when capitalised), the class of the words around it (kin and
role nouns, verbs of calling, meeting and blocking, verbs of speech, a coordination with a capitalised word)
rather than only their forms, and the same word found as a person's name with confidence elsewhere in the
document by the rules.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final

from . import gazetteers as gz
from ._evidence import context_classes, doc_people, rarity
from ._fastrx import ascii_finditer
from ._text import HONORIFICS, CapRun, run_tokens
from .types import Detection

__all__ = [
    "Token", "Window", "anchors", "is_ordinary_word", "is_plain_word", "label_tokens", "rule_words", "tokenize",
    "window_features", "windows",
]

_TOKEN: Final = re.compile(r"[\w@#+][\w@#.'’\-/+:]*[\w]|[\w@#+]|[^\w\s]")
"""A word (inner dots, hyphens, slashes, colons, apostrophes kept: numbers, handles, addresses stay whole) or
one punctuation mark."""
_TRIGGER: Final = re.compile(r"[\d@_#]+")
_WORD_STOPS: Final = frozenset(" \t\n\r\f\v,;!?()\"“”")
"""A word holding a digit, an ``@``, an underscore or a ``#`` (numbers, handles, codes) is found from the
character and widened to the characters around it up to one of these."""
_WORD_CHAR: Final = re.compile(r"\w")
_CLOCK: Final = re.compile(r"\d{1,2}[.:]\d\d\.?")
"""A clock time: never an identifier on its own (chat stamps and dates are the rules' work)."""
_SUFFIX: Final = re.compile(r"(?:-\w+|nya|lah|kah|an|kan|ku|mu)$")
_SHAPE_MAP: Final = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "d" * 10,
)
_SQUEEZE: Final = re.compile(r"(.)\1+")
_ENDS: Final = frozenset(".!?:;\"“”()—–")
_MARGIN: Final = 24  # characters of context each side of an anchor, within its line
_CONTEXT: Final = 1  # tokens each side of an anchor inside a window

Token = tuple[int, int, str]
"""(start, end, text) in text offsets."""


@dataclass(frozen=True, slots=True)
class Window:
    """A run of consecutive tokens of one slice to tag: ``tokens[lo:hi]``; ``tokens`` hold two more each
    side where the line has them (context), ``line_start`` says whether ``tokens[0]`` starts its line."""

    tokens: list[Token]
    lo: int
    hi: int
    line_start: bool


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Every token of ``text[start:end]`` as (start, end, text) in ``text`` offsets."""
    stop = len(text) if end is None else end
    return [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, start, stop)]


def anchors(
    text: str, runs: Sequence[CapRun], taken: bytearray, words: re.Pattern[str] | None, skip: Collection[str]
) -> list[tuple[int, int]]:
    """Character spans worth tagging: capitalised words, words with digits or ``@``, and the lower-case
    ``words`` the training data saw inside identifiers, that no rule detection touches and that are not in
    ``skip`` (forms seen often in training and never inside an identifier)."""
    out: list[tuple[int, int]] = []
    kind_of, find = _word_kind, taken.find
    verdicts = _verdicts(skip)
    for run in runs:
        start, end, forms = run
        if find(0, start, end) < 0:
            continue  # the rules cover the whole run
        if " " not in forms and "\t" not in forms:  # one word (most runs): its verdict with ``skip`` folded in
            kind = verdicts.get(forms)
            if kind is None:
                if len(verdicts) > 65536:
                    verdicts.clear()
                word = forms.rstrip(".,'’")
                kind = verdicts[forms] = _ALWAYS if word in skip else kind_of(word)
            if kind == _ALWAYS:
                continue
            if kind == _AT_START:
                before = text[max(0, start - 3) : start].rstrip(" \t")
                if not before or before[-1] in _STARTERS:
                    continue
            if find(1, start, end) < 0:
                out.append((start, end))
            continue
        # A capitalised word the tagger need not look at: one letter, a word never an identifier on its own
        # (weekdays, apps, honorifics: makna's stop list), or an ordinary dictionary word (or one with a
        # suffix) starting a sentence that is no known first name or surname (places there are the rules'
        # work). The verdict per word form is cached (_word_kind); the text is read only for the words that
        # are ordinary at a sentence start. Most runs are one word.
        for s, e, word in run_tokens(run):
            word = word.rstrip(".,'’")
            if word in skip:
                continue
            kind = kind_of(word)
            if kind == _ALWAYS:
                continue
            if kind == _AT_START:
                before = text[max(0, s - 3) : s].rstrip(" \t")
                if not before or before[-1] in _STARTERS:
                    continue  # (mid-sentence words are the tagger's main work)
            if find(1, s, e) < 0:
                out.append((s, e))
    spans: list[tuple[int, int]] = list(_odd_words(text))
    if words is not None:
        if words.pattern.startswith("(?:"):  # _words_rx's fast form: the left word boundary is checked here
            glued = _WORD_CHAR.match
            spans.extend(m.span() for m in words.finditer(text) if not (m.start() and glued(text, m.start() - 1)))
        else:
            spans.extend(m.span() for m in words.finditer(text))
    for s, e in spans:
        word = text[s:e]
        if taken.find(1, s, e) < 0 and word not in skip and not _CLOCK.fullmatch(word):
            out.append((s, e))
    out.sort()
    return out


_VERDICTS: Final[dict[int, tuple[Collection[str], dict[str, int]]]] = {}


def _verdicts(skip: Collection[str]) -> dict[str, int]:
    """The verdicts of :func:`anchors` on one-word runs for this ``skip`` (a model's: one or two per process),
    by the run's text: :func:`_word_kind` of its word, or ``_ALWAYS`` for a word in ``skip``."""
    got = _VERDICTS.get(id(skip))
    if got is None or got[0] is not skip:
        if len(_VERDICTS) > 8:
            _VERDICTS.clear()
        got = _VERDICTS[id(skip)] = (skip, {})
    return got[1]


def is_ordinary_word(word: str) -> bool:
    """True for a word that is also an ordinary word: in a dictionary (Indonesian, English, colloquial) or a
    name that is also a word ("Intan", "Jan"); the model alone never makes such a word an identifier."""
    _, _, ambig, _, _, _, dict_id, dict_en, _ = _lists()
    low = word.lower()
    return word in ambig or low in dict_id or low in dict_en


def is_plain_word(word: str) -> bool:
    """True for an ordinary word that is in no list of names ("Kemarin", "Yesterday"; not "Bunga", "Jan"): a
    learned PERSON span never starts with one."""
    first_id, surnames, ambig, _, _, _, dict_id, dict_en, _ = _lists()
    low = word.lower()
    return (low in dict_id or low in dict_en) and word not in ambig and word not in first_id and word not in surnames


def _odd_words(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the words holding a digit, ``@``, ``_`` or ``#``."""
    last = -1
    n = len(text)
    for m in ascii_finditer(_TRIGGER, text):  # (an re.ASCII twin on ASCII text: the same matches)
        if m.start() < last:
            continue
        s, e = m.start(), m.end()
        while s > 0 and text[s - 1] not in _WORD_STOPS:
            s -= 1
        while e < n and text[e] not in _WORD_STOPS:
            e += 1
        last = e
        yield s, e


_STARTERS: Final = frozenset(".!?:\n\"“(")
"""A character after which (and spaces or tabs) a word starts a sentence (:func:`anchors`)."""


_ALWAYS: Final = 0
_NEVER: Final = 1
_AT_START: Final = 2


@lru_cache(maxsize=65536)
def _word_kind(word: str) -> int:
    """:func:`anchors`' verdict on ``word`` apart from its place: always ordinary, never, or only at the
    start of a sentence (a dictionary word, or one with a suffix, that is no known first name or surname)."""
    if len(word) < 2:
        return _ALWAYS
    first, surn, _, stop, _, _, dict_id, dict_en, honor = _lists()
    if word in stop or word in honor:
        return _ALWAYS
    if word in first or word in surn:
        return _NEVER
    low = word.lower()
    if low in dict_id or low in dict_en:
        return _AT_START
    root = _SUFFIX.sub("", low)  # "Soalnya", "Janjian", "Pelan-pelan"
    return _AT_START if len(root) > 2 and (root in dict_id or root in dict_en) else _NEVER


def windows(text: str, spans: Sequence[tuple[int, int]]) -> list[Window]:
    """Windows around anchor ``spans``: each anchor's line cut :data:`_MARGIN` characters around it (merged
    when close), tokenised, and the anchor tokens with :data:`_CONTEXT` tokens each side tagged."""
    out: list[Window] = []
    i = 0
    n = len(spans)
    while i < n:
        s, e = spans[i]
        line_lo = text.rfind("\n", 0, s) + 1
        line_hi = text.find("\n", e)
        line_hi = len(text) if line_hi < 0 else line_hi
        group = [(s, e)]
        hi = min(line_hi, e + _MARGIN)
        while i + 1 < n and spans[i + 1][0] < hi and spans[i + 1][1] <= line_hi:
            i += 1
            group.append(spans[i])
            hi = min(line_hi, max(hi, spans[i][1] + _MARGIN))
        lo = max(line_lo, s - _MARGIN)
        if lo > line_lo:
            cut = text.find(" ", lo, s)
            lo = cut + 1 if cut >= 0 else lo
        if hi < line_hi:
            cut = text.rfind(" ", group[-1][1], hi)
            hi = cut if cut >= 0 else hi
        toks = tokenize(text, lo, hi)
        _add_windows(out, toks, _hot(toks, group), lo == line_lo)
        i += 1
    return out


def _hot(toks: Sequence[Token], group: Sequence[tuple[int, int]]) -> list[int]:
    """The indices of the tokens that overlap a span of ``group`` (sorted by start), in one sweep of both: a
    token (in text order) overlaps one when a span starting before the token's end ends after its start, and the
    spans starting before it are a prefix of ``group`` that grows with the tokens (linear, where a test of every
    span against every token was quadratic on a long line of numbers, each an anchor)."""
    hot: list[int] = []
    j, reach, m = 0, -1, len(group)
    for k, (ts, te, _) in enumerate(toks):
        while j < m and group[j][0] < te:
            reach = max(reach, group[j][1])
            j += 1
        if reach > ts:
            hot.append(k)
    return hot


def _add_windows(out: list[Window], toks: list[Token], hot: list[int], line_start: bool) -> None:
    start = end = -1
    for k in hot:
        lo, hi = max(0, k - _CONTEXT), min(len(toks), k + _CONTEXT + 1)
        if start >= 0 and lo <= end:
            end = max(end, hi)
            continue
        if start >= 0:
            out.append(Window(toks, start, end, line_start))
        start, end = lo, hi
    if start >= 0:
        out.append(Window(toks, start, end, line_start))


@lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    return _SQUEEZE.sub(r"\1", word.translate(_SHAPE_MAP))[:8]


@cache
def _lists() -> tuple[frozenset[str], ...]:
    return (
        gz.first_names("id"),
        gz.surnames(),
        gz.ambiguous_names(),
        gz.stop_caps(),
        gz.all_places(),
        gz.place_words(),
        gz.dictionary_words() | gz.colloquial(),
        gz.english_words(),
        frozenset(HONORIFICS),
    )


def _rule_map(
    toks: Sequence[Token], rules: Sequence[Detection], starts: Sequence[int], first: int = 0, last: int | None = None
) -> list[Detection | None]:
    """The rule detection covering each token of ``toks[first:last]`` (rules sorted by start; ``starts`` their
    starts). The search starts where it would for the whole of ``toks``, and moves on from there as it would:
    the rules it passes for the tokens before ``first`` end before those tokens, so before ``toks[first]``."""
    part = toks[first:last]
    cover: list[Detection | None] = [None] * len(part)
    if not part or not rules:
        return cover
    j = max(0, bisect.bisect_right(starts, toks[0][0]) - 1)
    for k, (s, e, _) in enumerate(part):
        while j < len(rules) and rules[j].end <= s:
            j += 1
        jj = j
        while jj < len(rules) and rules[jj].start < e:
            if rules[jj].end > s:
                cover[k] = rules[jj]
                break
            jj += 1
    return cover


_NEAR: Final = tuple((d, f"{d}:") for d in (-2, -1, 1, 2))
"""The neighbours a token's features name, with their prefixes."""


@lru_cache(maxsize=65536)
def _word_features(word: str) -> tuple[str, ...]:
    first, surn, ambig, stop, places, place_words, dict_id, dict_en, honor = _lists()
    low = word.lower()
    feats = ["w=" + low, "sh=" + _shape(word), "p3=" + low[:3], "s3=" + low[-3:], "s2=" + low[-2:]]
    if len(word) > 12:
        feats.append("long")
    if word[0].isupper():
        feats.append("title" if word[1:].islower() or len(word) == 1 else "caps" if word.isupper() else "mixed")
    for flag, hit in (
        ("g:first", word in first),
        ("g:surname", word in surn),
        ("g:ambig", word in ambig),
        ("g:stop", word in stop),
        ("g:place", word in places),
        ("g:placeword", word in place_words and word not in places),
        ("g:dict_id", low in dict_id),
        ("g:dict_en", low in dict_en),
        ("g:honor", word in honor),
    ):
        if hit:
            feats.append(flag)
    feats.extend(rarity(word, low, word in first or word in surn))
    return tuple(feats)


_TYPED: Final = frozenset({"PERSON", "LOCATION", "ORG", "ADDRESS"})


def rule_words(rules: Sequence[Detection]) -> dict[str, str]:
    """Lower-cased capitalised words inside the rules' named detections -> the types they were given there,
    sorted and joined ("location", "org|person"): document-level evidence for the same word elsewhere."""
    got: dict[str, set[str]] = {}
    for det in rules:
        if det.type in _TYPED:
            for word in det.text.split():
                word = word.strip(".,'’()")
                if len(word) > 1 and word[0].isupper():
                    got.setdefault(word.lower(), set()).add(det.type)
    return {w: "|".join(sorted(types)) for w, types in got.items()}


def window_features(
    win: Window,
    rules: Sequence[Detection],
    starts: Sequence[int],
    lower_seen: Collection[str],
    language: str,
    typed: dict[str, str] | None = None,
    vocab: Collection[str] | None = None,
) -> list[list[str]]:
    """One feature list per token of ``win`` (``rules`` sorted by start, ``starts`` their starts). ``typed``
    (:func:`rule_words`) adds document-level evidence; ``vocab`` (training only) keeps the word-identity
    features (the token's and its neighbours' forms) of its words only, so that the model cannot learn rare
    strings by heart (at detection time a word outside it has no weight anyway)."""
    toks = win.tokens
    honor = _lists()[8]
    n = len(toks)
    lo, hi = win.lo, win.hi
    # Only the tagged tokens, one each side (rules) and two each side (forms) are read: the slice's other
    # tokens belong to other windows or to none.
    c0 = max(0, lo - 1)
    cover = _rule_map(toks, rules, starts, c0, min(n, hi + 1))  # cover[k - c0]
    l0 = max(0, lo - 2)
    lows = [t[2].lower() for t in toks[l0 : hi + 2]]  # lows[k - l0]
    out: list[list[str]] = []
    lang = "lang=" + language
    people = doc_people(rules)
    for k in range(lo, hi):
        word = toks[k][2]
        low = lows[k - l0]
        feats = [*_word_features(word), lang]
        if vocab is not None and low not in vocab:
            feats.remove("w=" + low)
        det = cover[k - c0]
        if typed is not None and det is None and word[0].isupper():
            seen_as = typed.get(low)
            if seen_as is not None:
                feats.append("doc=" + seen_as)
        if k == 0:
            if win.line_start:
                feats.append("linestart")
        elif toks[k - 1][2] in _ENDS or toks[k - 1][2][-1] == ".":
            feats.append("sentstart")
        if word[0].isupper() and low in lower_seen:
            feats.append("lower_elsewhere")
        if det is None and low in people:
            feats.append("doc:person")
        feats.extend(context_classes(toks, k))
        for d, prefix in _NEAR:
            near = lows[k + d - l0] if 0 <= k + d < n else "<edge>"
            if vocab is None or near in vocab or near == "<edge>":
                feats.append(prefix + near)
        if k >= 1:
            feats.append("-1sh=" + _shape(toks[k - 1][2]))
            if toks[k - 1][2] in honor:
                feats.append("-1honor")
        if k + 1 < n:
            feats.append("+1sh=" + _shape(toks[k + 1][2]))
        if det is None:
            feats.append("r=O")
        else:
            pos = "B" if det.start >= toks[k][0] else "I"
            band = "hi" if det.confidence >= 0.8 else "mid" if det.confidence >= 0.55 else "lo"
            feats += [f"r={pos}-{det.type}", "rd=" + det.detector, f"rc={band}", f"rt={det.type}:{band}"]
        for d in (-1, 1):
            other = cover[k + d - c0] if 0 <= k + d < n else None
            feats.append(f"r{d}=" + (other.type if other is not None else "O"))
        out.append(feats)
    return out


def label_tokens(win: Window, gold: Sequence[tuple[int, int, str]]) -> list[str]:
    """BIO labels of ``win``'s tokens from gold spans (a token overlapping a span is inside it)."""
    labels: list[str] = []
    prev: tuple[int, int, str] | None = None
    for k in range(win.lo, win.hi):
        s, e, _ = win.tokens[k]
        hit = next((g for g in gold if g[0] < e and s < g[1]), None)
        if hit is None:
            labels.append("O")
        else:
            labels.append(("I-" if hit is prev else "B-") + hit[2])
        prev = hit
    return labels
