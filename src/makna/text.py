"""Text normalisation and offsets.

makna stores every source text NFC-normalised with ``"\\n"`` line endings, and never changes it after
import. Offsets are 0-based Unicode code points, end exclusive: ``text[start:end]`` in Python.
Conversions to other conventions (UTF-16 code units, CRLF counted as two) happen at the edges.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from .errors import OffsetError

__all__ = [
    "label_end",
    "sentences_past_labels",
    "normalize_text",
    "refuse_unstorable",
    "check_span",
    "DEFAULT_TURN_PATTERN",
    "STAMPED_TURN_PATTERN",
    "STAMP_GAP_PATTERN",
    "TIME_STAMP_PATTERN",
    "TurnSpan",
    "detect_turns",
    "iter_turns",
    "turn_bounds",
    "turn_stamp",
    "format_time",
    "sentence_spans",
    "SENTENCE_ABBREVIATIONS",
    "SENTENCE_NUMBER_ABBREVIATIONS",
    "line_spans",
    "paragraph_spans",
    "enclosing_span",
    "utf16_to_codepoint",
    "codepoint_to_utf16",
    "OffsetMap",
    "shorten",
]

_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")


def normalize_text(raw: str) -> str:
    """NFC-normalise ``raw``, turn every line ending into ``"\\n"`` and drop a leading BOM."""
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    if any(ch in raw for ch in "\r\u2028\u2029\x85"):
        raw = _LINE_BREAKS.sub("\n", raw)
    return raw if unicodedata.is_normalized("NFC", raw) else unicodedata.normalize("NFC", raw)


def check_span(start: int, end: int, length: int, *, what: str = "span") -> None:
    """Raise :class:`OffsetError` unless ``0 <= start < end <= length``."""
    if not (0 <= start < end <= length):
        raise OffsetError(
            f"{what} {start}:{end} is outside the text (valid: 0 <= start < end <= {length})"
        )


# A time stamp as transcripts write it before a label or after a speaker: 0:09, 01:03:15, [00:00:05], (12:30.5).
TIME_STAMP_PATTERN = r"[(\[]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[)\]]?"

# What may come between a time stamp and the label it opens: spaces, a dash, or, after a stamp in brackets or
# with hours ("[01:12]", "00:01:12"), the end of the stamp's own line with the label on the next (a bare "10:30"
# alone on a line may be what someone said: it opens no turn).
STAMP_GAP_PATTERN = r"(?:(?:(?<=[)\]])|(?<=\d:\d\d:\d\d))[ \t]*\n[ \t]*|[ \t]*(?:[-–][ \t]*)?)"
_LABEL_STAMP = re.compile(rf"{TIME_STAMP_PATTERN}{STAMP_GAP_PATTERN}")

# A label of one to four words (letters, digits after the first letter, dots), then a colon; a time stamp may
# come first ("[00:00:05] P:", "00:01:12 - Informan:", or the stamp alone on the line above the label), and then
# the turn starts at the stamp.
DEFAULT_TURN_PATTERN = (
    rf"^[ \t]*(?:(?P<stamp>{TIME_STAMP_PATTERN}){STAMP_GAP_PATTERN})?"
    r"(?P<speaker>[^\W\d_][\w.'’()-]*(?:[ \t][\w.'’()-]+){0,3}?)[ \t]*:(?=\s|$)"
)


# Transcription services' exports (Otter.ai and the like): a line of one to four words and a time stamp only
# ("Farid Hasibuan  0:09", "Interviewer (01:03:15)"), the words on the lines below. A service's web page, which
# puts the speaker and the stamp in two elements with nothing between them, gives "Moderator00:00:03": a
# speaker that ends in a letter may touch its stamp.
STAMPED_TURN_PATTERN = (
    r"^[ \t]*(?P<speaker>[^\W\d_][\w.'’-]*(?:[ \t][\w.'’-]+){0,3}?)(?:[ \t]+|(?<=[^\W\d_]))"
    rf"(?P<stamp>{TIME_STAMP_PATTERN})[ \t]*$"
)


_LABEL = re.compile(r"[^\W\d_][\w.'’()-]*(?:[ \t][\w.'’()-]+){0,3}?[ \t]*:(?=\s|$)")
"""A speaker label's words and colon, as :data:`DEFAULT_TURN_PATTERN` reads them."""
_STAMPED_LABEL = re.compile(STAMPED_TURN_PATTERN, re.MULTILINE)


class TurnSpan(NamedTuple):
    """A detected turn: from the start of its label to the end of its last non-blank line."""

    speaker: str
    start: int
    end: int
    time_start: str | None = None
    time_end: str | None = None


@functools.lru_cache(maxsize=32)
def _turn_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.MULTILINE)


def detect_turns(text: str, pattern: str | None = None) -> list[TurnSpan]:
    """Split ``text`` into speaker turns.

    A line that matches ``pattern`` (a regex with a ``speaker`` group, matched at each line start)
    opens a turn; the turn runs until the next such line or the end, trailing blank lines excluded.
    Text before the first label belongs to no turn.

    With the default pattern, the turns start at the first label that recurs (compared without case:
    ``Pewawancara:`` or ``Informan:``) or that follows a time stamp (``[00:00:05] P:``, the turn
    starting at the stamp). Label lines above it, such as ``Judul:``, ``Tanggal:`` and
    ``Lokasi:`` in a header, are ordinary text in no turn, so turn numbers count the conversation's
    turns only. When no label recurs (a two-line excerpt), every label opens a turn; field notes with one label
    line among untitled paragraphs (``Catatan:`` above the observations) take a turn of no speaker (``""``) at each
    paragraph. A text with no
    such label at all takes its turns from every line of a speaker and a time stamp only
    (:data:`STAMPED_TURN_PATTERN`, ``Farid  0:09`` above what Farid said) when a speaker recurs. A
    ``pattern`` given by the caller is taken as it is: every line it matches opens a turn.
    """
    return list(iter_turns(text, pattern))


def iter_turns(text: str, pattern: str | None = None) -> Iterator[TurnSpan]:
    """The turns of :func:`detect_turns` one at a time, for texts with millions of turns. A turn that opens
    with a time stamp (``[00:01:12] Informan:``) starts in the recording there (``time_start``)."""
    for speaker, start, end in turn_bounds(text, pattern):
        yield TurnSpan(speaker, start, end, turn_stamp(text, start))


_SERVICE_LINE = re.compile(STAMPED_TURN_PATTERN, re.MULTILINE)
_STAMP_AT = re.compile(r"[(\[]?(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?[)\]]?")


def turn_stamp(text: str, start: int) -> str | None:
    """The time stamp a turn opens with, as ``HH:MM:SS.mmm`` (``[01:12]`` is a minute and twelve seconds in,
    ``00:01:12`` the same), or None: no stamp there, or minutes or seconds past 59. A transcription service's
    line of a speaker and a stamp only (``Farid  0:09``) opens its turn at that stamp."""
    if start >= len(text):
        return None
    if text[start] not in "([0123456789":
        line = _SERVICE_LINE.match(text, start)
        return None if line is None else turn_stamp(text, line.start("stamp"))
    m = _STAMP_AT.match(text, start)
    if m is None:
        return None
    hours, minutes, seconds = (int(g) if g else 0 for g in m.group(1, 2, 3))
    if seconds >= 60 or (m.group(1) is not None and minutes >= 60):
        return None
    millis = int((m.group(4) or "0").ljust(3, "0"))
    return format_time(hours * 3600 + minutes * 60 + seconds + millis / 1000)  # "[75:12]": an hour and a quarter


def format_time(seconds: float) -> str:
    """``HH:MM:SS.mmm`` (as turn times are stored: subtitle imports, time stamps, times set by hand)."""
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def turn_bounds(text: str, pattern: str | None = None) -> Iterator[tuple[str, int, int]]:
    """``(speaker, start, end)`` of each turn of :func:`detect_turns`, as plain tuples (the fast
    path of an import: millions of short turns)."""
    labels = _labels(text, _turn_regex(pattern or DEFAULT_TURN_PATTERN))
    if pattern is None:  # a header's label lines are not turns
        first = next(labels, None)
        second = next(labels, None) if first is not None else None
        notes = (_note_paragraphs(text, first) if first is not None and second is None and text[first[1]].isalpha()
                 else None)
        if notes is not None:  # field notes under one label line: their paragraphs, of no speaker
            labels = iter(notes)
        elif first is not None:
            labels = _from_first_recurring(itertools.chain([first], [second] if second else [], labels),
                                           lambda at: not text[at].isalpha())
        else:  # no "Name:" label anywhere: a transcription service's "Name  0:09" lines, if one recurs
            stamped = list(_labels(text, _turn_regex(STAMPED_TURN_PATTERN)))
            recurs = len({label.casefold() for label, _at in stamped}) < len(stamped)
            labels = iter(stamped if recurs else ())
    speaker: str | None = None  # the turn still open, from ``start``
    start = 0
    for label, label_start in labels:
        if speaker is not None:
            end = label_start
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                yield speaker, start, end
        speaker, start = label, label_start
    if speaker is not None:
        end = len(text)
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield speaker, start, end


def _note_paragraphs(text: str, first: tuple[str, int]) -> list[tuple[str, int]] | None:
    """Field notes under one label line (``Catatan:``, ``Notes:``) among untitled paragraphs: a turn of no speaker
    (``""``) at each paragraph, and the label's own paragraph a turn of its label (none when nothing follows the
    colon: a heading); None when the text is one paragraph, where the label opens the only turn as before.
    Paragraphs are parted by blank lines, else (a Word document writes one paragraph a line) by line ends, where
    the label's line is a heading (at most :data:`_HEADING_WORDS` words after the colon), so that a one-speaker
    excerpt whose lines continue its one label stays one turn."""
    speaker, label = first
    paragraphs = paragraph_spans(text)
    if len(paragraphs) < 2:
        line = text[label : text.find("\n", label) % (len(text) + 1)]
        if len(line.partition(":")[2].split()) > _HEADING_WORDS:
            return None
        paragraphs = line_spans(text)
        if len(paragraphs) < 2:
            return None
    out: list[tuple[str, int]] = []
    for start, end in paragraphs:
        if not start <= label < end:
            out.append(("", start))
        elif text[label:end].partition(":")[2].strip():
            if label > start:
                out.append(("", start))
            out.append((speaker, label))
    return out


_HEADING_WORDS = 8
"""The most words after a label's colon on a line that heads field notes (``Catatan lapangan: Pasar Raya, pagi``)."""


def _labels(text: str, rx: re.Pattern[str]) -> Iterator[tuple[str, int]]:
    """``(label, where it starts)`` of every line that ``rx`` opens as a turn. The turn starts where the match
    does, blanks aside: at a time stamp before the label, or at whatever else a caller's pattern matches
    before its ``speaker`` group (``[14.01.26 21:03] Rara:``), which is never the end of the turn above."""
    named = "speaker" in rx.groupindex
    for m in rx.finditer(text):
        pos = m.start()
        if pos and text[pos - 1] != "\n" and text[text.rfind("\n", 0, pos) + 1 : pos].strip():
            continue  # the label is not at the start of its line
        whole = m.group(0)
        yield (m.group("speaker") if named else whole).strip(), pos + len(whole) - len(whole.lstrip())


def _from_first_recurring(labels: Iterator[tuple[str, int]],
                          stamped: Callable[[int], bool]) -> Iterator[tuple[str, int]]:
    """``labels`` from the first one that recurs (compared without case) or that has a time stamp
    (``stamped(start)``: a header line has none), or all of them when none does. Only the labels before
    that are held (a header), so this stays linear."""
    pending: list[tuple[str, int]] = []
    seen: dict[str, int] = {}
    for item in labels:
        if stamped(item[1]):
            yield item
            yield from labels
            return
        key = item[0].casefold()
        if key in seen:
            yield from pending[seen[key] :]
            yield item
            yield from labels
            return
        seen[key] = len(pending)
        pending.append(item)
    yield from pending


_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n")

#: Abbreviations after whose full stop no sentence ends (trial12: ``Jalan Abadi Samudera No.`` | ``330, Makassar``
#: were two sentence units). The one list, for both languages, kept here: forms written with a capital that are no
#: word of their own, so that a sentence ending in a word never joins the next. Indonesian addresses (``Jl.``,
#: ``Kel.``, ``Kec.``...), companies (``PT.``, ``CV.``), titles of both languages (``Dr.``, ``Hj.``, ``Mr.``...).
#: A capital letter's initial before a capitalised word joins too (``Andi M. Arfah``; also ``Plan B. Then``).
SENTENCE_ABBREVIATIONS = frozenset({
    "Jl", "Jln", "Gg", "Kel", "Kec", "Kab", "Kp", "Ds", "Komp", "Perum", "Prov", "Dsn",  # addresses (id)
    "PT", "CV", "Tbk", "Yth", "Sdr", "Sdri", "Bpk", "Bp", "Hj", "KH", "Drs", "Dra", "Ir",  # companies, titles (id)
    "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Mt", "Ft", "Sgt", "Capt", "Gen", "Rev", "Hon", "Messrs", "Jr", "Sr",  # (en)
})
#: Abbreviations that end no sentence when a number follows them (``No. 112``, ``RT. 03``): ``No.`` before a word
#: is an answer (``No. I never went.``).
SENTENCE_NUMBER_ABBREVIATIONS = frozenset({"No", "Nr", "Nos", "RT", "RW", "Blok", "Vol", "Hal", "Ps", "Art"})
_WORD_BEFORE = re.compile(r"(?<![\w.])([A-Za-z]+)\Z")
_AFTER = re.compile(r"\s+(\S)")


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    """Whether the full stop matched by ``m`` (of :data:`_SENTENCE_END`) ends a sentence: not after an
    abbreviation of :data:`SENTENCE_ABBREVIATIONS`, one of :data:`SENTENCE_NUMBER_ABBREVIATIONS` before a number,
    nor a capital letter's initial before a capitalised word (``Andi M. Arfah``)."""
    if m.group() != ".":
        return True
    word = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
    if word is None:
        return True
    w = word.group(1)
    nxt = _AFTER.match(text, m.end())
    if nxt is None or "\n" in text[m.end() : nxt.start(1)]:
        return True
    if w in SENTENCE_ABBREVIATIONS:
        return False
    if w in SENTENCE_NUMBER_ABBREVIATIONS:
        return not nxt.group(1).isdigit()
    return not (len(w) == 1 and w.isupper() and nxt.group(1).isupper())


def _spans_between(text: str, cuts: Sequence[int]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    prev = 0
    for cut in [*cuts, len(text)]:
        piece = text[prev:cut]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail > lead:
            spans.append((prev + lead, prev + trail))
        prev = cut
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences as (start, end): cut after . ! ? … (with closing quotes) before white space, and at
    every line break, but not after an abbreviation's full stop (:data:`SENTENCE_ABBREVIATIONS`,
    :data:`SENTENCE_NUMBER_ABBREVIATIONS`, an initial). Leading and trailing white space is excluded from each span."""
    return _spans_between(text, [m.end() for m in _SENTENCE_END.finditer(text) if _ends_sentence(text, m)])


def line_spans(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end), without the newline."""
    return _spans_between(text, [m.end() for m in re.finditer("\n", text)])


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs (runs of lines separated by blank lines) as (start, end)."""
    return _spans_between(text, [m.end() for m in re.finditer(r"\n[ \t]*\n", text)])


def label_end(text: str, start: int, end: int, speaker: str) -> int | None:
    """Where the speaker label of the turn ``text[start:end]`` by ``speaker`` ends (after its colon; a time stamp
    before it is part of it; a transcription service's line of a speaker and a stamp is a label as a whole), or None
    when the turn shows no label (a colon in a clock time, ``Pukul 10:30``, ends none)."""
    stamped = _STAMPED_LABEL.match(text, start, end)
    if stamped is not None:
        return stamped.end()
    at = start
    stamp = _LABEL_STAMP.match(text, start, end)
    if stamp is not None:
        at = stamp.end()
    if not speaker or not text.startswith(speaker[:1], at):
        return None
    label = _LABEL.match(text, at, end)
    return label.end() if label is not None and label.end() <= at + len(speaker) + 13 else None


def sentences_past_labels(
    text: str, turns: Sequence[tuple[int, int, str]], spans: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``spans`` with a start inside a turn's speaker label moved past it and the blanks after it: a turn's first
    sentence as a passage is the speaker's words, not ``Senja Kris: Seven months salary deduction.`` (``turns``:
    start, end, speaker of each turn, in order)."""
    starts = [t[0] for t in turns]
    out: list[tuple[int, int]] = []
    for a, b in spans:
        i = bisect.bisect_right(starts, a) - 1
        if i >= 0 and a < turns[i][1]:
            ts, te, speaker = turns[i]
            cut = label_end(text, ts, te, speaker)
            if cut is not None and a < cut < b:
                while cut < b and text[cut] in " \t\r\n":
                    cut += 1
                a = cut
        out.append((a, b))
    return out


def enclosing_span(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The smallest run of consecutive ``spans`` (sorted, disjoint) that covers ``start:end``."""
    starts = [s for s, _ in spans]
    i = max(bisect.bisect_right(starts, start) - 1, 0)
    j = i
    while j + 1 < len(spans) and spans[j + 1][0] < end:
        j += 1
    return (min(spans[i][0], start), max(spans[j][1], end))


def _utf16_len(ch: str) -> int:
    return 2 if ord(ch) > 0xFFFF else 1


class OffsetMap:
    """Maps offsets of a foreign convention onto makna's code points for one original text.

    ``units`` is ``"utf16"`` or ``"codepoint"``; ``crlf_as_two`` says whether the foreign tool
    counted a CRLF pair as two units (the original text still holds it) while makna stores ``"\\n"``.
    Built once per text: each lookup is a binary search.
    """

    def __init__(self, original: str, *, units: str = "codepoint", crlf_as_two: bool = True) -> None:
        if units not in ("utf16", "codepoint"):
            raise ValueError(f"unknown offset units {units!r}")
        if original.startswith("\ufeff"):
            original = original[1:]
        self._foreign: list[int] = []  # foreign offset at which each normalised character starts
        self._normalised = normalize_text(original)
        pos = 0
        i = 0
        n = len(original)
        raw_chars: list[tuple[int, str]] = []
        while i < n:
            ch = original[i]
            if ch == "\r" and i + 1 < n and original[i + 1] == "\n":
                raw_chars.append((pos, "\n"))
                pos += 2 if crlf_as_two else 1
                i += 2
                continue
            raw_chars.append((pos, "\n" if ch in "\r\u2028\u2029\x85" else ch))
            pos += _utf16_len(ch) if units == "utf16" else 1
            i += 1
        self._total = pos
        denormal = "".join(c for _, c in raw_chars)
        if denormal == self._normalised:
            self._foreign = [p for p, _ in raw_chars]
        else:  # NFC composed some characters: each composed one starts where its first part did
            self._foreign = []
            for first, chunk in _nfc_chunks(denormal):
                composed = unicodedata.normalize("NFC", chunk)
                for j in range(len(composed)):
                    self._foreign.append(raw_chars[first + min(j, len(chunk) - 1)][0])
            if len(self._foreign) != len(self._normalised):  # pragma: no cover - defensive
                raise OffsetError("cannot map offsets of a text whose normalisation is not local")

    @property
    def text(self) -> str:
        return self._normalised

    def to_codepoint(self, foreign: int) -> int | None:
        """The code-point offset of a foreign boundary, or None when it falls inside a character."""
        if foreign == self._total:
            return len(self._foreign)
        i = bisect.bisect_left(self._foreign, foreign)
        if i < len(self._foreign) and self._foreign[i] == foreign:
            return i
        return None

    def to_foreign(self, codepoint: int) -> int:
        if codepoint == len(self._foreign):
            return self._total
        return self._foreign[codepoint]


def _nfc_chunks(text: str) -> Iterator[tuple[int, str]]:
    """Split ``text`` into (start, piece) runs that NFC normalises independently: each run starts
    at a starter character; a starter that composes with the run before it joins that run."""
    start = 0
    for i in range(1, len(text) + 1):
        if i < len(text):
            ch = text[i]
            if unicodedata.combining(ch) != 0:
                continue
            run = text[start:i]
            if len(unicodedata.normalize("NFC", run + ch)) < len(unicodedata.normalize("NFC", run)) + 1:
                continue
        yield start, text[start:i]
        start = i


def utf16_to_codepoint(text: str, offset: int) -> int:
    """Code-point offset of a UTF-16 code-unit offset into ``text``."""
    units = 0
    for i, ch in enumerate(text):
        if units >= offset:
            if units != offset:
                raise OffsetError(f"UTF-16 offset {offset} falls inside a surrogate pair")
            return i
        units += _utf16_len(ch)
    if units == offset:
        return len(text)
    raise OffsetError(f"UTF-16 offset {offset} is beyond the end of the text ({units} units)")


def codepoint_to_utf16(text: str, offset: int) -> int:
    """UTF-16 code-unit offset of a code-point offset into ``text``."""
    if not 0 <= offset <= len(text):
        raise OffsetError(f"offset {offset} is outside the text (valid: 0 <= offset <= {len(text)})")
    return sum(_utf16_len(ch) for ch in text[:offset])


def refuse_unstorable(what: str, *values: str | None) -> None:
    """Refuse (:class:`~makna.errors.InputError`, naming ``what``) a text with a NUL character or a lone
    surrogate (U+D800 to U+DFFF, half of a UTF-16 pair and not a character): neither backend may store
    what the other cannot (PostgreSQL text holds no NUL, and no UTF-8 text holds a lone surrogate), so a
    project stays the same on both."""
    # the name given may hold the bad character itself: shown escaped, so that the message can be printed
    what = what.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")
    for v in values:
        if not v:
            continue
        if "\x00" in v:
            from .errors import InputError

            raise InputError(f"{what}: contains a NUL character (\\x00), which a project cannot store")
        lone = _SURROGATE.search(v)
        if lone:
            from .errors import InputError

            raise InputError(f"{what}: contains a lone surrogate (U+{ord(lone.group()):04X}, half of a UTF-16 "
                             "pair, not a character), which a project cannot store")


def shorten(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters for a glance: whole when it fits, else cut at the last
    word boundary that fits and ended with an ellipsis (``"…"``, counted in ``limit``); a first word
    longer than that is cut inside (nothing else fits). Whitespace runs become one space."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    if limit < 2:
        return "…"[:limit]
    room = limit - 1  # characters before the ellipsis
    cut = room if flat[room] == " " else flat.rfind(" ", 0, room)  # a space right after the body: a boundary
    body = flat[:cut] if cut > 0 else flat[:room]
    return body.rstrip(" ,;:") + "…"
