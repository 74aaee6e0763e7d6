"""PERSON evidence from the clause a name sits in (issue 11, branch deidperson3 of round thirteen).

The round-twelve unseen sets missed PERSON spans, or typed them ORG, LOCATION or HANDLE, where the clause
around the name says plainly that a person is meant, whatever a list knows of the word. Each rule reads a
general shape of speech in interviews, never a list of corpus strings:

* **a self-correction** (:func:`corrected_names`): "Ratri... eh, Ratmi", "Mirek... sorry, Marcin": two
  capitalised words, a pause or comma and a correction word between them, one of them a listed first name:
  both are names (the speaker said the wrong one first);
* **a vocative after a speaker label** (:func:`label_vocatives`): "Moderator: Puspita, apo pendapat ...?",
  "Moderator: Tegid, what's ...?": the first word of a turn, a comma, then a question: the person addressed;
* **a list of thanks or of people addressed** (:func:`thanked_lists`): "Iwona, Perla, Dilnoza: thank you",
  "Ruswanti, Puspita dan Wulani, terima kasih", "Iwona, Perla, Oswyn, Dilnoza: the cards are at the desk": capitalised
  words listed before or after thanks, or three or more (two listed) before a colon and a lower-case word;
* **the subject of a chat verb** (:func:`chat_subjects`): "Rivaldi sering chat ambo", "Oswyn posts in the
  group chat", "Mihail was texting everyone": a capitalised word opening a clause, then (an adverb and) a verb
  of chatting or messaging;
* **a name in apposition to a relation or a role** (:func:`apposed_people`): "a neighbour from the allotment,
  Oswyn Tadesse, fixed my bike", "Wulani, kawan sakarajo,", "Emlyn Probert, the paramedic,": a capitalised run
  set off by commas next to a person noun; rare names (Welsh, Tamil, Eritrean, Lithuanian) that no list knows
  are otherwise read as places or firms (never a listed place after "<role> at|in X,");
* **a chosen name in answer to a question about a name** (:func:`chosen_names`): "Pakai Gerhana sajo", "I go by
  Comet on the app": ordinary words are taken here, since chosen names are often words;
* **an account in a person's name** (:func:`account_names`): "the account was in the name Tegid Probert-Bevan",
  "akun atas nama Puspita Wulani": a display name of capitalised words without digits, dots or underscores
  is a person's name (a user name with them stays a HANDLE).

:func:`retype_by_clause` applies the apposition and account evidence to spans other stages kept under another
type, after every stage has run; each rule's detector adds new PERSON candidates before overlap resolution.
A word is never taken when a stop, brand, nationality, weekday or month list has it, nor when it is an
ordinary word in lower case that no first-name list knows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from typing import Final

from . import gazetteers as gz
from ._evidence import wider_names
from ._fastrx import gated_finditer
from ._find import WordLines
from ._leadset import lead_set
from ._orgheads import JOB_WORDS
from ._text import HONORIFICS, is_sentence_initial
from .catchall import in_lower_case
from .neighbours import ROLES
from .places import ORG_SUFFIX_WORDS
from .types import Detection

__all__ = [
    "account_names",
    "apposed_people",
    "chat_subjects",
    "chosen_names",
    "corrected_names",
    "label_vocatives",
    "person_clauses",
    "retype_by_clause",
    "thanked_lists",
]

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŴŶŸŹŻŽ"
_WORD = rf"[{_UP}](?:[^\W\d_]|['’])+(?:-[^\W\d_]+)?"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{0,2}}"
_NOT_IN = r"(?![\w'’@\-])"


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    names = (
        gz.first_names("id")
        | gz.first_names("en")
        | gz.world_first_names()
        | gz.surnames()
        | gz.ambiguous_names()
        | wider_names()
    )
    stop = gz.stop_caps() | gz.brands() | gz.demonyms() | gz.countries() | HONORIFICS | _CALENDAR
    return names, gz.all_places() | gz.places_local(), gz.ordinary_words(), stop


_CALENDAR: Final = frozenset(
    "Senin Selasa Rabu Kamis Jumat Sabtu Minggu Ahad Januari Februari Maret April Mei Juni Juli Agustus September "
    "Oktober November Desember Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "May June July August October December Allah Tuhan Nabi Lebaran Ramadan Ramadhan Natal Christmas Easter "
    "God Jesus Yes No Okay Ok Oke Iya Ya Baik Thanks Thank Sorry Maaf Well So Right Sure".split()
)
"""Days, months, feasts, the names of God and the words that open a turn: never a person's name here."""


class _Doc:
    """One text's index for the document evidence of :func:`_named_in`, built once per text (a per-candidate
    scan of a long line cost seconds): where each capitalised token stands, and memos of the lower-case and
    mid-sentence look-ups of the words asked about."""

    __slots__ = ("_caps", "_lower", "_mid", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._caps: dict[str, list[int]] = {}
        for m in _CAP_TOKEN.finditer(text):
            token = m.group()
            if token[0].isupper():
                self._caps.setdefault(token, []).append(m.start())
        self._lower: dict[str, bool] = {}
        self._mid: dict[str, bool] = {}

    def capitalised(self, word: str) -> int:
        """How often ``word`` stands capitalised as a whole token."""
        return len(self._caps.get(word, ()))

    def in_lower(self, word: str) -> bool:
        low = word.lower()
        if low not in self._lower:
            self._lower[low] = in_lower_case(self.text, low)
        return self._lower[low]

    def mid_sentence(self, word: str) -> bool:
        """Whether ``word`` stands capitalised somewhere other than a sentence's or a turn's start."""
        if word not in self._mid:
            self._mid[word] = any(not is_sentence_initial(self.text, at) for at in self._caps.get(word, ()))
        return self._mid[word]


_TOKEN: Final = re.compile(r"[\w'’\-]+")
"""A maximal run of word characters, apostrophes and hyphens: a whole token in :func:`_named_in`'s sense."""
_CAP_TOKEN: Final = re.compile(r"(?<![\w'’\-])[^\W_a-z0-9][\w'’\-]*")
"""The tokens of :data:`_TOKEN` that may open with a capital: those whose first character is a word character
other than ``_``, an ASCII digit or a lower-case ASCII letter (every character ``str.isupper`` accepts that a
token can hold is one). :class:`_Doc` checks ``isupper`` on these only, not on every token of the text."""


@lru_cache(maxsize=8)
def _doc_of(scan: str) -> _Doc:
    """``scan``'s :class:`_Doc`, built once per text: :func:`person_clauses` and :func:`_named_by_apposition`
    read the same one (its memos are pure functions of the text and the word asked; a few texts only)."""
    return _Doc(scan)


def _nameable(
    word: str, *, places_ok: bool = False, unknown_ok: bool = True, strict: bool = False, doc: _Doc | None = None
) -> bool:
    """Whether ``word`` may be a person's name: no stop word, no place unless ``places_ok``, a word no list knows
    only when ``unknown_ok``; an ordinary word (in lower case, with an Indonesian ending) only when a first-name
    list has it and not ``strict`` (a sentence's opening word), or when ``doc`` names it (:func:`_named_in`)."""
    names, places, ordinary, stop = _lists()
    if word in stop or len(word) < 2 or word.isupper():
        return False
    low = word.lower()
    if (low in ordinary or low in JOB_WORDS or low.endswith(_SUFFIXES)) and (strict or word not in names):
        return doc is not None and _named_in(doc, word)
    if word in names:
        return True
    if word in places:
        return places_ok
    return unknown_ok


def _named_in(doc: _Doc, word: str) -> bool:
    """The document's evidence that an ordinary word is a name there: it never stands in lower case in the text,
    comes capitalised two times or more, once at least in the middle of a sentence ("Pebble" of a focus group,
    never "pebble"; a word that only ever opens sentences, "Akhirnya", "Lovely", is no name)."""
    return doc.capitalised(word) >= 2 and not doc.in_lower(word) and doc.mid_sentence(word)


_SUFFIXES: Final = ("nya", "nyo", "lah", "kah")
"""Indonesian and Minang endings of a word, not a name ("Awalnya", "Besoknyo"), unless a name list has it."""


def _listed(word: str) -> bool:
    return word in _lists()[0]


_CORRECTION: Final = (
    r"(?i:eh|ehh|eh,[ \t]*bukan|ah|bukan|maksudnya|maksud[ \t]+(?:saya|ambo|aku)|salah|sorry|I[ \t]+mean|no|"
    r"wait|sori|sorry,[ \t]+I[ \t]+mean)"
)
_CORRECTED: Final = re.compile(
    rf"(?<![\w'’\-])(?P<a>{_WORD})[ \t]*(?:\.{{2,}}|…|,|—|–|-)[ \t]*"
    rf"{_CORRECTION}[ \t]*(?:,|\.{{2,}}|…)?[ \t]+"
    rf"(?P<b>{_WORD}){_NOT_IN}"
)
_CORRECTED_GATE: Final = re.compile(rf"[.…,—–\-][ \t]*{_CORRECTION}")
"""The lines :data:`_CORRECTED` is run on (:func:`._fastrx.gated_finditer`): those where a mark of its (the last dot
of a run of dots, or the other marks) is followed by blanks and a word of correction. Led by a set of marks, it is
found by ``re``'s fast scan; the pattern, led by a look-behind and a capitalised word, is tried at every position of
a text (about 0.19 s a pass over the open interviews against 0.08 s gated). Exact: no match holds a newline, and
every match holds a match of the gate."""


def corrected_names(text: str, doc: _Doc | None = None) -> Iterator[Detection]:
    """PERSON for both names of a self-correction (module docstring): two capitalised words no stop or place
    list has, one a listed first name, or both of one shape (the same first three letters: "Rahmad... eh,
    Rahmah", where the words may be ordinary words or one of them a place list's word too)."""
    doc = doc or _Doc(text)
    for m in gated_finditer(_CORRECTED, _CORRECTED_GATE, text):
        a, b = m.group("a"), m.group("b")
        if a[:3].lower() == b[:3].lower() and a != b:
            ok = all(_nameable(w, unknown_ok=True, doc=doc) or w.lower() in _lists()[2] for w in (a, b))
            places, stop = _lists()[1], _lists()[3]
            ok = ok and not (a in stop or b in stop or a in places and b in places)  # "Bexley... eh, Bexhill": places
        else:
            ok = (_listed(a) or _listed(b)) and _nameable(a, doc=doc) and _nameable(b, doc=doc)
        if ok:
            yield Detection(m.start("a"), m.end("a"), "PERSON", 0.8, "person.corrected", a)
            yield Detection(m.start("b"), m.end("b"), "PERSON", 0.8, "person.corrected", b)


_AFTER_LABEL: Final = re.compile(rf"(?m)^\.+[ \t]+(?P<n>{_WORD}),[ \t]+(?P<rest>[^\n]*)$")
_QUESTION_WORDS: Final = re.compile(
    r"(?i:what|how|why|when|where|who|which|can|could|would|do|did|does|is|are|have|has|tell|"
    r"apo|apa|bagaimana|gimana|baa|kenapa|mengapa|manga|kapan|bilo|dimana|di[ \t]+mana|siapa|sia|boleh|bisa|"
    r"bisakah|ceritakan|cerita|coba|menurut|kalau|kalo)\b"
)


def label_vocatives(scan: str, doc: _Doc | None = None) -> Iterator[Detection]:
    """PERSON for the word that opens a turn after a (masked) speaker label, set off by a comma before a
    question ("Moderator: Tegid, what's ...?"): the one addressed, when a first-name list has the word or the
    text has it capitalised in the middle of a sentence too ("Gotcha, what ...?", "Ooh, how ...?" are left)."""
    doc = doc or _Doc(scan)
    for m in _AFTER_LABEL.finditer(scan):
        word, rest = m.group("n"), m.group("rest")
        if not rest.rstrip().endswith("?") or not _QUESTION_WORDS.match(rest):
            continue
        listed = _listed(word) and word.lower() not in _lists()[2]
        if (listed or _named_in(doc, word)) and _nameable(word, strict=True, doc=doc):
            yield Detection(m.start("n"), m.end("n"), "PERSON", 0.7, "person.vocative", word)


_LIST: Final = rf"(?P<l>{_WORD}(?:[ \t]*,[ \t]*{_WORD}){{1,6}}(?:,?[ \t]+(?:and|&|dan|jo|samo|sama)[ \t]+{_WORD})?)"
_THANKS: Final = r"(?i:thank[ \t]+you|thanks|cheers|terima[ \t]+kasih|terimakasih|makasih|tarimo[ \t]+kasih)"
_THANKED_AFTER_SOURCE: Final = rf"(?<![\w'’\-]){_LIST}[ \t]*(?:[:,—–\-][ \t]*{_THANKS}|:(?=[ \t]+[a-z]))"
_THANKED_AFTER: Final = re.compile(
    _THANKED_AFTER_SOURCE.replace(f"(?<![\\w'’\\-])(?P<l>[{_UP}]", f"(?P<l>[{_UP}](?<![\\w'’\\-][\\s\\S])", 1)
)
"""The look-behind moved after the list's first capital (then read one character back), so that the engine skips
to a capital (:func:`makna.privacy._leadset.lead_set` refuses a capturing group at the lead: done here by hand)."""
_THANKED_BEFORE_SOURCE: Final = rf"{_THANKS}(?:[ \t]+(?i:to|untuk|buat|kepada))?[ \t]*,?[ \t]+{_LIST}[ \t]*[.!,:]"
_THANKED_BEFORE: Final = re.compile(lead_set(_THANKED_BEFORE_SOURCE))
_LIST_WORD: Final = re.compile(_WORD)


def thanked_lists(text: str, doc: _Doc | None = None) -> Iterator[Detection]:
    """PERSON for each word of a list of three or more names thanked (module docstring), when most of them
    can be names and one is listed."""
    doc = doc or _Doc(text)
    for rx in (_THANKED_AFTER, _THANKED_BEFORE):
        for m in rx.finditer(text):
            words = [w for w in _LIST_WORD.finditer(m.group("l")) if w.group(0) not in {"And", "Dan", "Jo"}]
            if len(words) < 2 or len(words) < 3 and not any(_listed(w.group(0)) for w in words):
                continue
            if m.group(0).endswith(":") and (len(words) < 3 or sum(_listed(w.group(0)) for w in words) < 2):
                continue  # a list addressed before a colon, no thanks: three names or more, two of them listed
            if any(_plural_noun(w.group(0)) for w in words):
                continue  # "Riders, Drivers, Pickers:": plurals of ordinary words
            if not all(_nameable(w.group(0), doc=doc) for w in words):
                continue
            base = m.start("l")
            for w in words:
                yield Detection(base + w.start(), base + w.end(), "PERSON", 0.75, "person.thanked", w.group(0))


def _plural_noun(word: str) -> bool:
    """An unlisted word that is an ordinary word or a job with a plural ending ("Riders", "Pickers")."""
    low = word.lower()
    return not _listed(word) and low.endswith("s") and (low[:-1] in _lists()[2] or low[:-1] in JOB_WORDS)


_CHAT_VERB: Final = (
    r"(?:chat|nge-?chat|chatting|WA|nge-?WA|wa|nelpon|nelepon|telpon|sms|inbox|dm|DM|posts|posted|posting|"
    r"texts|texted|texting|messages|messaged|messaging|rings|rang|ringing|calls|called|phoned|emails|emailed|"
    r"replied|replies|kirim|ngirim|mengirim|bales|balas|mbalas|japri)"
)
_CHAT_SUBJECT: Final = re.compile(
    r"(?m)(?:^|[.!?:;,][ \t]+|(?<![\w'’\-])(?i:and|but|tapi|kalau|kalo|yesterday|kemarin|now|sekarang|then|lalu|"
    rf"trus|terus|baru)[ \t]+)(?P<n>{_WORD})[ \t]+"
    r"(?:(?:masih|lagi|sering|selalu|juga|juo|baru|tadi|still|always|just|often|usually|sometimes|was|is|keeps|"
    r"kept|would|will|never|tak|indak|nggak|ndak)[ \t]+){0,2}"
    rf"{_CHAT_VERB}(?![\w'’\-])"
)
_CHAT_WORDS: Final = tuple(
    sorted(
        {word.lower() for alt in _CHAT_VERB[3:-1].split("|") for word in (alt.split("-?")[0], alt.replace("-?", ""))}
    )
)
"""The words of :data:`_CHAT_VERB` in lower case (``nge-?chat`` gives ``nge`` and ``ngechat``)."""
_CHAT_LINES: Final = WordLines(words=_CHAT_WORDS)
"""The lines :data:`_CHAT_SUBJECT` is run on (:func:`._fastrx.gated_finditer`): those holding a verb of chatting as
a whole word (the shared word-start pass). The pattern, led by a line's start, a mark or a case-folded conjunction,
is tried at every position of a text (about 0.29 s a pass over the open interviews against 0.07 s gated). Exact: no
match holds a newline, and every match ends with a verb of :data:`_CHAT_VERB` (case as written) after a blank and
before no word character."""


def chat_subjects(text: str, doc: _Doc | None = None) -> Iterator[Detection]:
    """PERSON for a capitalised word that opens a clause before a verb of chatting or messaging (module
    docstring): a listed name, or in the middle of a sentence a word no list knows ("Rupanya chat lagi", "Lad
    called himself ...": a sentence's opening word must be a listed name)."""
    doc = doc or _Doc(text)
    for m in gated_finditer(_CHAT_SUBJECT, _CHAT_LINES, text):
        word = m.group("n")
        initial = is_sentence_initial(text, m.start("n"))
        if _nameable(word, unknown_ok=not initial, strict=initial, doc=doc):
            yield Detection(m.start("n"), m.end("n"), "PERSON", 0.7, "person.chat_subject", word)


_JOBS: Final = "|".join(sorted((w for w in JOB_WORDS if len(w) > 3), key=lambda w: (-len(w), w)))
_PERSON_NOUNS: Final = (
    rf"(?:{ROLES}|flatmate|housemate|roommate|gentleman|guy|lad|bloke|woman|man|lady|girl|paramedic|nurse|doctor|dokter|"
    rf"bidan|pendamping|{_JOBS})"
)
_COMMA_ROLE: Final = (
    r",[ \t]+(?:(?i:my|our|his|her|their|a|an|the|si|sang)[ \t]+)?"
    r"(?:(?i:old|best|new|little|big|older|younger|late|ex|local|regular)[ \t]+)?"
    rf"(?P<role>{_PERSON_NOUNS})(?![\w\-])"
)
_APPOSED_AFTER: Final = re.compile(rf"(?P<n>{_NAME}){_COMMA_ROLE}(?![ \t]+[{_UP}])(?:[ \t]+[\w\-]+){{0,4}}[ \t]*,")
_APPOSED_AFTER_GATE: Final = re.compile(_COMMA_ROLE)
"""The lines :data:`_APPOSED_AFTER` is run on (:func:`._fastrx.gated_finditer`): those where a comma and blanks are
followed by a person noun or a job (its middle). Led by a literal comma, it is found by ``re``'s fast scan; the
pattern, led by a capitalised word, is tried at every capital of a text. Exact: no match holds a newline, and every
match holds a match of the gate."""
_APPOSED_BEFORE_SOURCE: Final = (
    rf"(?<![\w'’\-])(?i:a|an|my|our|his|her|their|the|si)[ \t]+(?:[\w\-]+[ \t]+)?(?P<role>{_PERSON_NOUNS})"
    rf"(?:[ \t]+(?P<prep>(?i:from|at|of|in|on|near|dari|di))(?:[ \t]+[\w\-]+){{1,4}})?,[ \t]+(?P<n>{_NAME}),"
)
_APPOSED_BEFORE: Final = re.compile(lead_set(_APPOSED_BEFORE_SOURCE))
_APPOSED_OPENING: Final = re.compile(
    r"(?:(?m:^)|[.!?:;])[ \t]*(?P<role>(?i:someone|somebody|seseorang|surang|"
    rf"(?:{_PERSON_NOUNS})(?:[ \t]+[a-z][\w\-]*)?))[ \t]+(?P<prep>(?i:from|at|of|in|dari|di))"
    rf"(?:[ \t]+[\w\-]+){{1,4}},[ \t]+(?P<n>{_NAME}),"
)
"""A relation noun opening a clause without an article, or "someone", then where the person is from, and the
name set off by commas ("Kawan dari kampuang, X Y, nan ...", "Someone from the union, X Y, came")."""
_APPOSED_OPENING_GATE: Final = re.compile(rf",[ \t]+{_NAME},")
"""The lines :data:`_APPOSED_OPENING` is run on (:func:`._fastrx.gated_finditer`): those holding its tail, a name
set off by commas. Led by a literal comma, it is found by ``re``'s fast scan; the pattern, led by a line's start
or a mark, is tried at every position of a text (about 0.26 s a pass over the open interviews against 0.09 s
gated). Exact: no match holds a newline, and every match ends with a match of the gate."""
_PLACE_BEFORE: Final = re.compile(
    r"(?i:\b(?:in|at|from|near|to|into|of|di|dari|ke|dekat|orang|urang|asal|asli|kota|desa|kampung|kampuang)"
    r"[ \t]+)$"
)


def apposed_people(text: str, doc: _Doc | None = None) -> Iterator[Detection]:
    """PERSON for a capitalised run set off by commas after or before a person noun or a job (module
    docstring), less the leading words that cannot be names ("Then Kajan, my flatmate,"); in the middle of a
    sentence a place list's word counts too, unless a preposition of place comes before it."""
    doc = doc or _Doc(text)
    for rx, gate in (
        (_APPOSED_AFTER, _APPOSED_AFTER_GATE),
        (_APPOSED_BEFORE, None),
        (_APPOSED_OPENING, _APPOSED_OPENING_GATE),
    ):
        for m in rx.finditer(text) if gate is None else gated_finditer(rx, gate, text):
            start, name = m.start("n"), m.group("n")
            while " " in name and not _nameable(name.split()[0]):
                cut = name.index(" ") + 1
                start, name = start + cut, name[cut:].lstrip()
            initial = is_sentence_initial(text, start)
            if _PLACE_BEFORE.search(text, max(0, start - 12), start):
                continue
            words = name.split()
            listed_place = "prep" in rx.groupindex and m.group("prep")  # "The manager at X, Brixton,": a place
            places_ok = not initial and not listed_place
            if not all(_nameable(w, places_ok=places_ok, strict=initial, doc=doc) for w in words):
                continue
            if len(words) == 1 and not _listed(words[0]) and initial:
                continue  # one unknown word opening a sentence: as often an adverb ("Akhirnya, sopir datang")
            yield Detection(start, start + len(name), "PERSON", 0.72, "person.apposed", name)


_CHOSEN: Final = re.compile(
    r"(?<![\w'’\-])(?i:pakai|pake|panggil(?:an)?|dipanggil|cuma|hanyo|hanya|go[ \t]+by|goes[ \t]+by|went[ \t]+by|"
    r"call[ \t]+me|calls[ \t]+me|called[ \t]+me|call[ \t]+me|known[ \t]+as|(?P<loose>says|just))"
    rf"[ \t]+(?:(?i:me|nama|namo|namanyo|namanya)[ \t]+)?(?P<n>{_WORD})"
    r"(?=[ \t]*(?:[.,;!?]|$)|[ \t]+(?i:sajo|saja|aja|ajo|sih|lah|on|as|di|kok|too|as[ \t]+well)\b)"
)
_NAME_QUESTION: Final = re.compile(
    r"(?i:\b(?:nama|namo|name|names|panggil|panggilan|call|called|go[ \t]+by|sabuik|sebut)\b)"
)
_YOU: Final = re.compile(r"(?i:\b(?:you|your|kamu|anda|awak|ang|kau|uni|kak|mbak|mba|abang|bang)\b)")
"""The question addresses the one answering: "just X" or "says X" then answers with the speaker's own name
("What name do you use? Just X") or follows "I'm" ("in the app I'm just X"), not a van's or a shop's name
("What name is on the van? Just X")."""
_I_AM: Final = re.compile(r"(?i:\bI['’]m|\bI[ \t]+am)[ \t]+$")


def chosen_names(text: str) -> Iterator[Detection]:
    """PERSON for a chosen or app name given in answer to a question about a name ("P: Di aplikasi pakai nama
    apa? I: Pakai Gerhana sajo", "What name do customers see? I go by Comet on the app"): after a verb of using or
    calling, the word ending its phrase, an ordinary word too (chosen names are often words), never a stop word,
    a place or a brand; the line before (the question) must ask about a name."""
    names, places, _ordinary, stop = _lists()
    for m in _CHOSEN.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[max(0, text.rfind("\n", 0, max(0, line_start - 1)) + 1) : m.start()]
        if not _NAME_QUESTION.search(before):
            continue
        if m.group("loose") and not (_YOU.search(before) or _I_AM.search(text, max(0, m.start() - 8), m.start())):
            continue
        word = m.group("n")
        if word in stop or word in places and word not in names or word.isupper() or _firm_word(word):
            continue
        yield Detection(m.start("n"), m.end("n"), "PERSON", 0.72, "person.chosen", word)


_IN_THE_NAME_SOURCE: Final = (
    r"(?i:(?:in|under)[ \t]+(?:the|my|his|her|their)[ \t]+name(?:[ \t]+of)?|atas[ \t]+nama|a\.n\.|account[ \t]+name)"
    r"[ \t]*[:,]?[ \t]+"
    rf"(?P<n>{_WORD}(?:[ \t]+{_WORD}){{1,2}}){_NOT_IN}"
)
_IN_THE_NAME: Final = re.compile(lead_set(_IN_THE_NAME_SOURCE))


def _firm_word(word: str) -> bool:
    """A firm's suffix ("Cars", "Express", "Ltd") or a brand list's word: a word of an ORG's name."""
    return word in ORG_SUFFIX_WORDS or word in gz.brands()


def account_names(text: str) -> Iterator[Detection]:
    """PERSON for a display name of two or three capitalised words after "in the name", "atas nama" (module
    docstring): a user name with digits, dots or underscores never matches."""
    for m in _IN_THE_NAME.finditer(text):
        words = m.group("n").split()
        if any(_firm_word(w) for w in words):
            continue  # "in the name Harbourside Cars": a firm's name (a suffix or a brand), not a person's
        if all(_nameable(w, places_ok=True) for w in words) and any(_listed(w) or "-" in w for w in words):
            yield Detection(m.start("n"), m.end("n"), "PERSON", 0.9, "person.account_name", m.group("n"))


@lru_cache(maxsize=8)
def _named_by_apposition(scan: str) -> tuple[Detection, ...]:
    """The apposition and account finds of ``scan``, once per text: :func:`person_clauses` yields them and
    :func:`retype_by_clause`, later in the same detection, reads them as evidence (the same string object, so the
    cache's lookup is an identity check; a few texts only, so a server's memory stays bounded)."""
    return (*apposed_people(scan, _doc_of(scan)), *account_names(scan))


def person_clauses(scan: str) -> Iterator[Detection]:
    """Every PERSON candidate of this module's rules; ``scan`` is the text with speaker labels masked."""
    doc = _doc_of(scan)
    yield from corrected_names(scan, doc)
    yield from chosen_names(scan)
    yield from label_vocatives(scan, doc)
    yield from thanked_lists(scan, doc)
    yield from chat_subjects(scan, doc)
    yield from _named_by_apposition(scan)


_RETYPABLE: Final = frozenset({"ORG", "LOCATION", "HANDLE"})
_PLACE_KIND: Final = re.compile(
    r"(?i:\b(?:hotel|wisma|kos|kost|kafe|cafe|café|karaoke|pasar|jalan|jl|street|road|lane|park|station|"
    r"church|gereja|masjid|mosque|school|sekolah|hospital|rumah|klinik|clinic|warung|toko|shop|ltd|pt|cv)\b)"
)


_KIN_BEFORE: Final = re.compile(
    rf"(?<![\w'’\-])(?i:my|his|her|our|their|your)[ \t]+(?:{ROLES}|flatmate|housemate|roommate|"
    r"daughter-in-law|son-in-law|mum|mom|dad|gran|granny|grandma|grandad|nan|partner|girlfriend|boyfriend|"
    r"fiancée|fiancee|fiancé|fiance|stepdaughter|stepson)[ \t]+$"
)
"""A possessive and a kin or relation noun right before a span ("Her daughter Rosa Marina"): the span is a name."""


_WED_BEFORE: Final = re.compile(
    r"(?<![\w\-])(?i:married[ \t]+to|divorced[ \t]+from|separated[ \t]+from|engaged[ \t]+to|"
    r"(?:ber)?cerai[ \t]+(?:dari|sama|dengan)|(?:me)?nikah[ \t]+(?:dengan|sama|samo|jo)|"
    r"kawin[ \t]+(?:dengan|sama|samo|jo)|bacarai[ \t]+(?:jo|dari|samo))[ \t]+$"
)
"""A marriage or a divorce right before a span (``married to Carwen``, ``cerai dari Rinaldo``): the span is the
spouse, a person (four gold spans after such a phrase in the open splits, all PERSON); not ``from`` or ``dari``
alone, which name where someone comes from."""

_KEPT_FINDS: Final = frozenset({"location.gazetteer", "location.list", "org.platform", "org.suffix"})
"""Finds a list or a firm's suffix made (a listed place, a gig platform, "X Express"): never retyped PERSON."""


def retype_by_clause(scan: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with each ORG, LOCATION or HANDLE span that this module's apposition or account evidence
    names as a person (the same span), or that follows a possessive and a kin noun (:data:`_KIN_BEFORE`), typed
    PERSON; a span with a place's or firm's kind word, digits, dots or underscores, a span a place list, a
    platform list or a firm's suffix found (:data:`_KEPT_FINDS`), a listed place and a brand keep their type."""
    evidence = {(d.start, d.end) for d in _named_by_apposition(scan)}
    places = _lists()[1]
    out: list[Detection] = []
    wed: set[str] = set()
    for det in found:
        if (
            det.type in _RETYPABLE
            and det.detector not in _KEPT_FINDS
            and det.text not in places
            and not any(_firm_word(w) for w in det.text.split())
            and (
                (det.start, det.end) in evidence
                or _KIN_BEFORE.search(scan, max(0, det.start - 32), det.start)
                or (det.type != "HANDLE" and _WED_BEFORE.search(scan, max(0, det.start - 32), det.start))
            )
            and not _PLACE_KIND.search(det.text)
            and not re.search(r"[\d._@]", det.text)
        ):
            if _WED_BEFORE.search(scan, max(0, det.start - 32), det.start):
                wed.add(det.text)
            det = Detection(det.start, det.end, "PERSON", max(det.confidence, 0.72), "person.apposed", det.text)
        out.append(det)
    if wed:  # the spouse's other mentions the catch-all typed for want of evidence ("we don't talk about Carwen")
        out = [
            Detection(d.start, d.end, "PERSON", d.confidence, d.detector, d.text)
            if d.text in wed and d.type in {"ORG", "LOCATION"} and d.detector.startswith("unknown.")
            else d
            for d in out
        ]
    return out
