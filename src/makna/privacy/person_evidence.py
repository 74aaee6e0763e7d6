"""PERSON evidence of the kinds that unseen interviews miss most (issue 11, branch deidperson5).

Each rule is a general shape of how people are named in informal interviews, not a list of names:

* **an account's name that is a person's name** (:func:`account_person`): "ada akun, namanya Budi Santoso",
  "his name on the app was Ade Bello", "account name Ade Bello": on a dating or chat app the shown name is a
  person's (given and family names, nothing else), unlike a Facebook page's or a group's name, which holds a
  town, a trade or a number ("Asep Bengkel Cibiru", "Kofi Cuts Tamale": HANDLE);
* **a name before a verb of speech at the head of a clause** (:func:`speech_names`): "Kato Rini, ...",
  "Kata Yusuf, ...", "Kecek Adi, ..." (Indonesian and Minang "said X"), a capitalised word that no place,
  brand or dictionary list explains, then a comma;
* **a name after "the real one"** (:func:`real_names`): "di akun tu namo ambo X, nan asli Y", "nama di
  MiChat X, yang aslinya Y": a naming word earlier in the sentence, then "nan/yang asli(nya)";
* **a name before its role** (:func:`apposed_roles`): "minta tolong Cahaya, anak kos sebelah", "biasanya Untung,
  sopir angkot", "Fernanda, the Portuguese lad": a capitalised word, then a comma and a person noun, is a name
  (in the middle of a sentence even where it is also an ordinary word);
* **the document as evidence** (:func:`lower_repeats`): a name found with confidence (a label, an honorific, a
  naming cue) is the same person when it comes again in lower case ("Nisa ... tanya aja ke nisa"), and a
  listed first name after the person article "si" is one in any case ("si nisa nanya");
* **a naming cue outweighs a list** (:func:`named_over_lists`): a place, firm or account span that is
  exactly (or inside) a name given after an explicit naming cue ("namanya", "call me", "people say",
  "imbau") is dropped before spans compete: the cue says a person is named ("Many people say X, ..." where a
  gazetteer knows a town X);
* **a name given on an app** (:func:`app_names`): "namo di aplikasinyo Kantil", "her name on the app was
  Sheriff": the app word stands between the naming word and the name, which is often a word;
* **one's own name said as one** (:func:`self_named`): "my name is", "call me", "I go by", "nama saya",
  "panggil aku" right before a span: the speaker says it is their name, so the precision stage's typer never
  makes it a place or a firm ("I go by Sheriff on the group chat" was retyped LOCATION by a retrained stage).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._evidence import wider_names
from ._fastrx import Folded, gated_finditer
from ._find import WordLines
from ._text import HONORIFICS, is_sentence_initial, line_before
from .neighbours import ROLES
from .types import Detection

__all__ = [
    "ACCOUNT_CONFIDENCE",
    "account_person",
    "app_names",
    "apposed_roles",
    "lower_repeats",
    "named_over_lists",
    "person_shaped",
    "real_names",
    "self_named",
    "speech_names",
]

_CAP = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+"
_SOCIAL: Final = frozenset(
    "facebook fb ig insta instagram tiktok youtube yt page halaman grup group channel kanal komunitas community "
    "forum toko shop store olshop usaha bisnis business".split()
)
"""Words of a page, a group or a shop: the name shown there names a page, not a person."""
_APP: Final = frozenset(
    "akun akunnya akunnyo account app apps aplikasi apk michat whatsapp wa telegram line tinder bumble hinge "
    "badoo tantan profile profil order booking".split()
)
"""Words of an account on a chat, dating or delivery app, where the name shown is a person's."""


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    names = gz.first_names("id") | gz.first_names("en") | gz.surnames() | gz.ambiguous_names() | wider_names()
    places = gz.all_places() | gz.places_local()
    return names, places, gz.ordinary_words(), gz.stop_caps() | HONORIFICS, frozenset(gz.brands())


def person_shaped(words: Sequence[str]) -> bool:
    """Whether ``words`` (two to four) read as a person's given and family names: each a listed name of some
    tradition, or a capitalised word that no list knows (no place, brand, ordinary or stop word, no digit);
    at least one of them listed."""
    names, places, ordinary, stop, brands = _lists()
    if not 2 <= len(words) <= 4:
        return False
    listed = 0
    for word in words:
        bare = word.rstrip(",.")
        if not bare[:1].isupper() or not bare.replace("-", "").replace("'", "").isalpha() or bare.isupper():
            return False
        if bare in names:
            listed += 1
            continue
        if bare in places or bare in stop or bare in brands or bare.lower() in ordinary:
            return False
    return listed >= 1


def account_person(text: str, cue: int, name: str) -> bool:
    """Whether ``name``, given after a naming cue at ``cue`` in a clause about an account on an app ("akun",
    "account", "di MiChat"), is a person's name rather than a page's: no page, group or shop word in the
    clause, no quote before it, and person-shaped (:func:`person_shaped`)."""
    words = set(re.findall(r"\w+", re.split(r"[.!?;\n]", line_before(text, cue + 12, 72))[-1].lower()))
    if _SOCIAL.intersection(words) or not _APP.intersection(words) or re.search(r"[\"“'‘]\s*$", text[:cue]):
        return False
    return person_shaped(name.split())


_SPEECH: Final = re.compile(
    rf"(?<![\w'’\-])(?:[Kk]ata|[Kk]ato|[Kk]ecek|[Uu]jar|[Kk]ecekny[oa])[ \t]+(?P<n>{_CAP}(?:[ \t]+{_CAP})?)[ \t]*,"
)

_SPEECH_LINES: Final = Folded(("kata", "kato", "kecek", "ujar"), _SPEECH)
"""The lines holding a verb of speech (shared word-start pass): :data:`_SPEECH`, led by a look-behind, is otherwise
tried at every position of a text, and no match holds a newline."""


def speech_names(text: str) -> Iterator[Detection]:
    """PERSON for a name after an Indonesian or Minang verb of speech and before a comma ("Kato Rini, ..."), and
    for a name set between commas after a kin or role noun ("adiak ambo, Rini, ..."); a word that is also an
    ordinary or a stop word is taken after a verb of speech only when a kin noun introduced it in the text."""
    names, places, ordinary, stop, brands = _lists()
    kin: set[str] = set()
    for m in gated_finditer(_KIN_APPOSED, _KIN_APPOSED_GATE, text):
        word = m.group("n")
        if word in HONORIFICS or word in places or word in brands or word in _CALENDAR or word.lower() in _KIN_NOUNS:
            continue
        kin.add(word)
        yield Detection(m.start("n"), m.end("n"), "PERSON", 0.8, "person.intro", word)
    for m in gated_finditer(_SPEECH, _SPEECH_LINES, text):
        words = m.group("n").split()
        if len(words) == 1 and words[0] in kin:
            yield Detection(m.start("n"), m.end("n"), "PERSON", 0.75, "person.speech", m.group("n"))
            continue
        if any(w in stop or w in places or w in brands for w in words):
            continue
        if any(w.lower() in ordinary and w not in names for w in words):
            continue
        yield Detection(m.start("n"), m.end("n"), "PERSON", 0.75, "person.speech", m.group("n"))


_COMMA_NAME: Final = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+"
_KIN_APPOSED: Final = re.compile(
    r"(?<![\w'’\-])(?i:" + ROLES + r"|adiak(?:ku|nyo)?|dunsanak(?:ku|nyo)?)"
    r"(?:[ \t]+(?i:ambo|saya|aku|awak|gue|kami|my|his|her|our))?,[ \t]+"
    rf"(?P<n>{_COMMA_NAME}),"
)
"""A name set between commas after a kin or role noun ("adiak ambo, Rini, lewat dulu", "my cousin, Tunde,")."""
_KIN_APPOSED_GATE: Final = re.compile(rf",[ \t]+{_COMMA_NAME},")
"""The lines :data:`_KIN_APPOSED` is run on (:func:`._fastrx.gated_finditer`): those holding its tail, a capitalised
word set off by commas. Led by a literal comma, it is found by ``re``'s fast scan; the pattern itself, led by a
look-behind and a case-folded alternation of some hundred kin and role nouns that stand on most lines, is tried at
every position of a text (about 0.4 s a pass over the open interviews against 0.05 s gated). Exact: no match holds
a newline, and every match ends with a match of the gate on its line."""
_CALENDAR: Final = frozenset(
    "Senin Selasa Rabu Kamis Jumat Sabtu Minggu Ahad Januari Februari Maret April Mei Juni Juli Agustus September "
    "Oktober November Desember Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "May June July August October December Allah Tuhan Nabi Lebaran Ramadan Ramadhan Natal Christmas Easter".split()
)
"""Days, months, feasts and the names of God: never a person's name after a kin noun."""


_REAL: Final = re.compile(
    rf"(?<![\w'’\-])(?i:nan|yang|tapi)[ \t]+(?i:asli(?:nyo|nya|na)?)[ \t]*:?[ \t]+(?P<n>{_CAP}(?:[ \t]+{_CAP}){{0,2}})"
)
_REAL_LINES: Final = Folded(("asli",), _REAL)
"""The lines :data:`_REAL` is run on (the shared word-start pass): those where a word starts with ``asli``, which
every match holds after a blank; the pattern, led by a look-behind and a case-folded alternation of common words
(``yang``), is otherwise tried at every position of a text."""
_NAMING_BEFORE: Final = re.compile(r"(?i:\b(?:nama|namo|namanya|namonyo|name|akun|account)\b)")


def real_names(text: str) -> Iterator[Detection]:
    """PERSON for a name after "nan asli", "yang aslinya" when a naming word came earlier in the sentence."""
    _names, places, ordinary, stop, brands = _lists()
    for m in gated_finditer(_REAL, _REAL_LINES, text):
        sentence = re.split(r"[.!?\n]", line_before(text, m.start(), 80))[-1]
        if _NAMING_BEFORE.search(sentence) is None:
            continue  # "yang asli Padang": a native of a place, no name
        words = m.group("n").split()
        if words[0] in stop or words[0] in places or words[0].lower() in ordinary and words[0] not in _names:
            continue
        yield Detection(m.start("n"), m.end("n"), "PERSON", 0.85, "person.intro", m.group("n"))


_PERSON_BEFORE: Final = re.compile(
    r"(?i:\b(?:si|ke|sama|ama|samo|jo|dengan|dan|kepada|tanya|nanya|ajak|telpon|chat|with|to|and|"
    r"ask|asked|tell|told|text|texted|call|called|rang|message|messaged|me|sm|dr|dari)[ \t]+)$"
)
_PERSON_AFTER: Final = re.compile(
    r"[ \t]+(?i:said|says|told|asked|wrote|writes|texted|replied|bilang|nanya|tanya|jawab|balas|bales|ngomong|"
    r"cerita|marah|datang|pergi|pulang|kato|kecek|langsung|udah|sudah|lagi|baru)\b"
)
"""Words around a lower-case mention that make it a person's: contact and company before it ("tanya aja ke
nisa"), a verb of speech or an act after it ("rashid said"); a lower-case word elsewhere ("juwita itu nama
pasaran") is the word, not the person."""
_SI_LOWER: Final = re.compile(r"(?<![\w'’\-])[Ss]i[ \t]+(?P<w>[a-z]{3,})(?![\w@'’\-]|\.\w)")
_SI_LINES: Final = WordLines(words=("si",))
"""The lines :data:`_SI_LOWER` is run on (the shared word-start pass): those holding the word ``si`` (the pattern is
not case-folded, and its ``si`` stands before a blank); led by a look-behind, it is otherwise tried at every position
of a text."""


_WORD_CHAR: Final = re.compile(r"\w")
_WORD_RUN: Final = re.compile(r"\w+")


def _whole_words(text: str, words: set[str]) -> list[tuple[int, int]]:
    """The (start, end) of each occurrence in ``text`` of a word of ``words`` standing as a whole token: no word
    character, ``@ . # / ' ’ -`` before it, no word character, ``@ ' ’ -`` or a full stop before a word
    character after it; in the order of the text. These are the matches of the alternation of ``words`` between
    those look-arounds, found with ``str.find`` per word: that pattern, built per text, cost a compile of a few
    milliseconds each time (the names differ from text to text) and pushed the detectors' own patterns out of
    ``re``'s cache. A word of word characters only matches a whole run of them, so no two matches overlap; a word
    holding another character (a name's lower case may hold a combining mark) keeps the pattern."""
    if not words:
        return []
    if not all(_WORD_RUN.fullmatch(w) for w in words):
        alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        rx = re.compile(rf"(?<![\w@.#/'’\-])(?:{alts})(?![\w@'’\-]|\.\w)")
        return [m.span() for m in rx.finditer(text)]
    size, word_char = len(text), _WORD_CHAR.match
    found: list[tuple[int, int]] = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            before = text[at - 1] if at else ""
            after = text[end] if end < size else ""
            if (
                not (before and (before in "@.#/'’-" or word_char(before)))
                and not (after and (after in "@'’-" or word_char(after)))
                and not (after == "." and end + 1 < size and word_char(text, end + 1))
            ):
                found.append((at, end))
            at = text.find(word, at + 1)
    found.sort()
    return found


def lower_repeats(text: str, found: Iterable[Detection]) -> Iterator[Detection]:
    """PERSON for the lower-case mentions, after a word of contact or before a verb of speech, of a name token
    found with confidence 0.6 or more elsewhere in the text (a listed name of four letters or more that is no
    ordinary word in lower case: a nickname taken from a word, "Lado" of "lado", stays capitalised), and for a
    listed first name in lower case after "si"."""
    names, _places, ordinary, stop, _brands = _lists()
    low: set[str] = set()
    for det in found:
        if det.type != "PERSON" or det.confidence < 0.6:
            continue
        for tok in det.text.split():
            tok = tok.strip(".,'’()").title()
            if len(tok) >= 4 and tok.isalpha() and tok in names and tok not in stop and tok not in HONORIFICS:
                word = tok.lower()
                if word not in ordinary:
                    low.add(word)
    for start, end in _whole_words(text, low):
        if _PERSON_BEFORE.search(text, max(0, start - 16), start) or _PERSON_AFTER.match(text, end):
            yield Detection(start, end, "PERSON", 0.7, "person.repeat", text[start:end])
    for m in gated_finditer(_SI_LOWER, _SI_LINES, text):
        word = m.group("w")
        if word.title() in names and word not in ordinary and word.title() not in stop:
            yield Detection(m.start("w"), m.end("w"), "PERSON", 0.6, "person.lowercase", word)


_NAMED_BY_CUE: Final = frozenset({"person.nickname", "person.speech"})
ACCOUNT_CONFIDENCE: Final = 0.97
"""The confidence of a person's name shown on an app account (:func:`account_person`): above a display
name's HANDLE (0.96), which it replaces."""
_LIST_FINDS: Final = ("location.gazetteer", "location.list", "unknown.", "org.noun", "handle.display")


def named_over_lists(candidates: Sequence[Detection]) -> list[Detection]:
    """``candidates`` less the LOCATION and ORG spans of list or shape detectors that lie inside a name given
    after an explicit naming cue (a ``person.intro`` at 0.9 or more, a nickname, a speech verb's name), and
    the HANDLE spans inside an account's person name (:data:`ACCOUNT_CONFIDENCE`) or naming it again: the cue
    says a person is named."""
    named = [
        (d.start, d.end)
        for d in candidates
        if d.type == "PERSON" and (d.detector in _NAMED_BY_CUE or d.detector == "person.intro" and d.confidence >= 0.9)
    ]
    if not named:
        return list(candidates)
    account = [d for d in candidates if d.type == "PERSON" and d.confidence >= ACCOUNT_CONFIDENCE]
    accounts, account_names = [(d.start, d.end) for d in account], {d.text for d in account}
    out: list[Detection] = []
    for det in candidates:
        if det.type in {"LOCATION", "ORG", "HANDLE"} and det.detector.startswith(_LIST_FINDS):
            within = accounts if det.type == "HANDLE" else named
            if any(s <= det.start and det.end <= e for s, e in within):
                continue
            if det.type == "HANDLE" and det.text in account_names:
                continue  # "akun Budi Santoso tu hilang": the same account's person name again
        out.append(det)
    return out


_APPOSED: Final = re.compile(
    r"(?P<n>[A-ZÀ-ÖØ-Þ](?<![\w'’\-][A-ZÀ-ÖØ-Þ])[a-zà-öø-ÿ'’\-]+),[ \t]+"
    r"(?:(?:(?:my|our|his|her|their|a|an|the|si|sang)[ \t]+)?(?:[\w]+-)?" + ROLES + r"\b"
    r"|(?:tukang|sopir|supir|anak[ \t]+kos|penjaga|satpam|ojek)\b"
    r"|(?:the|a|an|my|our|that)[ \t]+(?:[A-Za-z]+[ \t]+)?(?:lad|guy|bloke|fella|man|woman|lady|girl|boy|kid)\b)"
)
_NAME_NEXT: Final = re.compile(
    r",[ \t]+(?!(?i:the|a|an|my|our|his|her|that|si|sang)\b)[\w\-]+[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]"
)
_PLACE_BEFORE: Final = re.compile(
    r"\b(?i:in|at|from|near|to|into|di|dari|ke|dekat|orang|urang|asal|asli|kota|desa|kampung|kampuang)[ \t]+$"
)


def apposed_roles(text: str) -> Iterator[Detection]:
    """PERSON for a capitalised word that a comma and a person noun follow (module docstring): a listed name, or
    in the middle of a sentence an ordinary word too (0.6); a word no list knows is the catch-all's, for review
    (opening a sentence it is as often an adverb); never a place, a stop word, a brand or a person noun."""
    names, places, ordinary, stop, brands = _lists()
    for m in _APPOSED.finditer(text):
        word = m.group("n")
        if word in stop or word in places or word in brands or word.lower() in _KIN_NOUNS:
            continue
        word_too, initial = word.lower() in ordinary, is_sentence_initial(text, m.start())
        if not word_too and word not in names:
            continue  # a word no list knows: the catch-all's, for review ("Akhirnya, sopir datang": an adverb)
        if word_too and initial or _NAME_NEXT.match(text, m.end("n")):
            continue  # "Jadi, teman saya ...": an ordinary word opening the sentence; "Iye, istriku Sitti": the
        if _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start()):  # name is the one after the noun
            continue  # "lives in Bergen, the boy ...", "orang Batusangkar, tukang ojek": a place
        if word_too and word not in names:  # "biasanya Untung, sopir angkot": a word as a name (not repeated)
            yield Detection(m.start("n"), m.end("n"), "PERSON", 0.6, "person.wordname", word)
        else:
            yield Detection(m.start("n"), m.end("n"), "PERSON", 0.7, "person.role", word)


_KIN_NOUNS: Final = frozenset(re.findall(r"[a-z]+", ROLES))
"""The person nouns themselves ("Teman, ..."): no name."""


_APP_NAMED: Final = re.compile(
    r"(?<![\w'’\-])(?i:nama|namo|name)(?:nyo|nya)?[ \t]+(?i:di|dalam|on|in)[ \t]+"
    r"(?:(?i:aplikasi|aplikasinyo|aplikasinya|app|akun|akunnyo|akunnya|michat|profil|profilnyo|profile))"
    r"(?:[ \t]+(?i:ambo|aku|saya|awak|inyo|dia|my|his|her|the))?(?:[ \t]+(?i:is|was|adolah|adalah|tu|itu))?,?"
    rf"[ \t]+(?P<n>{_CAP}(?:[ \t]+{_CAP})?)"
)
"""A name given on an app, the app word between the naming word and the name ("namo di aplikasinyo X", "nama di
akun aku X", "her name on the app was X"): names chosen there are often words ("Melati"), so words count."""


_APP_NAMED_LINES: Final = Folded(("aplikasi", "app", "akun", "michat", "profil"), _APP_NAMED)
"""The lines :data:`_APP_NAMED` is run on (the shared word-start pass): those where a word starts with one of its app
words, which every match holds after a blank; the pattern, led by a look-behind and a case-folded alternation, is
otherwise tried at every position of a text."""


def app_names(text: str) -> Iterator[Detection]:
    """PERSON for the name given on an app (:data:`_APP_NAMED`), unless it is a place, a brand or a stop word."""
    _names, places, _ordinary, stop, brands = _lists()
    for m in gated_finditer(_APP_NAMED, _APP_NAMED_LINES, text):
        words = m.group("n").split()
        if any(w in stop or w in places or w in brands or w.lower() in _APP for w in words):
            continue
        yield Detection(m.start("n"), m.end("n"), "PERSON", 0.85, "person.intro", m.group("n"))


_SELF_NAMED: Final = re.compile(
    r"(?i:\bmy[ \t]+(?:real[ \t]+|full[ \t]+|first[ \t]+)?name(?:[ \t]+is|['’]s)|\b(?:they|people|everyone)[ \t]+"
    r"calls?[ \t]+me|\bcall[ \t]+me|\bI[ \t]+(?:go|went)[ \t]+by|\bI['’]m[ \t]+known[ \t]+as"
    r"|\bnama[ \t]+(?:asli[ \t]+)?(?:saya|aku|ambo|gue|gua|sa)(?:[ \t]+(?:adalah|itu|tu))?"
    r"|\bpanggil[ \t]+(?:saja[ \t]+|aja[ \t]+)?(?:saya|aku|ambo|gue)|\b(?:saya|aku|ambo)[ \t]+dipanggil)"
    r",?[ \t]+$"
)


def self_named(text: str, start: int) -> bool:
    """Whether the words right before ``start`` say that what follows is the speaker's own name ("my name is",
    "call me", "I go by", "nama saya", "panggil aku", "saya dipanggil")."""
    return _SELF_NAMED.search(text, max(0, start - 48), start) is not None
