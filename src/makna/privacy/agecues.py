"""Ages said the way people say them about someone named (issue #11).

AGE (the number, with its unit when there is one):

* after a pronoun or a named person and a verb of being: ``he's only four``, ``Jasleen is 15,``, ``who's six
  and``, ``when I was eight,``; the number must end its clause (``she's 5 minutes away`` and ``I was one of
  them`` are no ages);
* in apposition between commas after a name: ``Abin Joseph, 19, paid``;
* after a name and an Indonesian aspect word: ``Ferdinandus masih delapan belas,``;
* a bare number opening a sentence after a self-introduction: ``I'm Shazia. 40, from Sparkbrook``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import Narrowed, dispatch, gated_finditer, trigger
from ._text import is_sentence_initial
from .agewords import WORK_VERBS
from .numwords import (
    EN_NUM,
    EN_SMALL,
    EN_TENS,
    EN_TENS_TEENS,
    ID_NUM,
    ID_TENS_TEENS,
    ID_UNITS,
    SPOKEN_PAIR,
    parse_number,
)
from .types import Detection

__all__ = ["AGE_NUMBER", "WHEN_TAIL_ID", "find_said_ages", "years_at_work"]

_UNIT = r"(?:tahun|taun|taon|taong|thn)"
_END: Final = (
    r"(?=[ \t]*(?:[.,;!?)\n]|$)|[ \t]+(?:and|now|then|but|so|when|in|next|last|this|also|too|already|dan|sekarang|"
    r"waktu|tapi|juga|na|po|pa|lang|she|he|I|they|we)\b)"
)
WHEN_TAIL_ID: Final = (
    r"(?i:bulan|minggu|pekan|januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|"
    r"desember|lebaran|natal|imlek|syawal)[ \t]+(?i:lalu|kemarin|kemaren|kamari|nanti|depan|ini)\b"
)
"""When an age was or will be reached, said after it (ages29): ``sembilan tahun Juli lalu``, ``enam taun bulan
depan``. A month or a season is needed: ``lima tahun lalu`` alone is "five years ago", a span of time."""
_ID_END: Final = (
    r"(?=[ \t]*(?:[.,;!?)\n]|$)|[ \t]+(?:lebih|lagi|waktu|sekarang|kini|lah|dan|tapi|samo|sama|tinggal|ikut|"
    r"masih|baru|sudah|labiah|genap|lewat|jalan(?=[ \t]*[,.;!?]))\b"
    rf"|[ \t]+{WHEN_TAIL_ID})"
)
"""An Indonesian age ends its clause, or a particle or a time word follows (``baru lima taun waktu``, ``sambilan
taun jalan,``: going on nine)."""
_DEGREE_EN: Final = r"like|exactly|easily|roughly|definitely|officially|finally|actually|really"
"""Words of stance between a verb of being and an age, left outside it (english28): ``she's exactly sixty``,
``she's like eighty-seven``."""
_BEYOND_EN: Final = r"(?:well[ \t]+)?(?:over|past|under)"
"""Words of degree that say which side of the number the age lies, kept inside it as the gold conventions do
(english28): ``she's well over ninety and``, ``he's past forty``. Neither these nor :data:`_DEGREE_EN` after
"they" (``they're over twenty`` counts things as often: :func:`_said_of_someone`)."""
_SAID_TAIL = (
    r"(?:[ \t]+(?i:only|just|now|nearly|almost|barely|about|around|already|still|maybe|probably|"
    rf"(?P<deg>{_DEGREE_EN}))){{0,2}}[ \t]+"
    rf"(?P<a>(?P<beyond>(?i:{_BEYOND_EN})[ \t]+)?(?P<n>(?:[1-9]\d?(?![.,]\d)|(?i:{EN_NUM}))"
    rf"(?:[ \t\-]+(?i:years?|yrs?)(?:[ \t\-]+old)?)?)){_END}"
)
_SAID_EN: Final = (
    re.compile(dispatch(["is", "was", "turned", "turns", r"will[ \t]+be"], fold=True, not_after=r"\w") + _SAID_TAIL),
    re.compile(r"['’](?i:s|re|ll[ \t]+be)" + _SAID_TAIL),
)
"""A verb of being (or its contraction, or its future: ``he'll be``, ``Lars will be``; english28) and a number
ending its clause; who it is said of is checked on the words before it (:func:`_said_of_someone`)."""
_PRONOUNS: Final = frozenset({"he", "she", "who"})
_UNIT_TAIL_EN: Final = re.compile(r"[ \t\-]+(?i:years?|yrs?)(?:[ \t\-]+old)?$")
_KIN: Final = frozenset(
    "eldest youngest oldest one son daughter boy girl kid baby grandson granddaughter nephew niece brother sister "
    "mum mom mother dad father wife husband partner nan nana nanna gran granny grandma grandmother grandpa grandad "
    "granddad grandfather aunt auntie aunty uncle cousin child missus driver customer rider guy man woman lady bloke "
    "fella lad boss manager neighbour neighbor friend mate flatmate housemate landlord landlady officer".split()
)
AGE_NUMBER: Final = (
    rf"(?:[1-9]\d?|(?i:{EN_NUM})|(?i:{ID_NUM}))"
    r"(?:[ \t\-]*(?i:years?[ \t\-]+old|years?[ \t]+of[ \t]+age|years?|yrs?(?:[ \t]+old)?|tahun|taun|taon|thn))?"
)
"""An age in digits or English or Indonesian (and regional) words, with its unit when there is one; for
places where context already says an age follows (an answer to "how old are you?")."""
_WHEN: Final = frozenset({"when", "since", "till", "until", "after", "before", "because"})
_WORDS: Final = re.compile(r"[\w'’\-]+")
_AGE_10_99 = rf"(?:[1-9]\d|(?i:{EN_TENS_TEENS}|{ID_TENS_TEENS}))"
"""An adult's or a teenager's age in digits or words (no bare small number: "Budi, dua anak" is a count)."""
_NAME = r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*"
_APPOSITION: Final = re.compile(
    rf"(?P<name>[A-Z](?<![\w'’\-][A-Z])[a-z'’]+(?:-[A-Z]?[a-z'’]+)*(?:[ \t]+{_NAME}){{0,3}}),[ \t]+"
    rf"(?P<a>{_AGE_10_99}(?:[ \t]+(?i:years?[ \t]+old|{_UNIT}))?"
    rf"|(?:[1-9]|(?i:{EN_SMALL}|{ID_UNITS}))[ \t\-]+(?i:years?[ \t\-]+old|{_UNIT}))"
    r"(?:,[ \t]+|[ \t]*[.;!?](?=[ \t]|$)|[ \t]*$)",
    re.MULTILINE,
)
"""A name, a comma and an age ending its clause: ``Abin Joseph, 19, paid``, ``Kamla Boodram-Seepersad,
sixty-three, I sell``, ``Sa Nelson Wandikbo, dua puluh tiga.`` (Led by the name's capital, the look-behind after it:
the regex engine skips to the capitals of a line, where one led by a look-behind tries every position.)"""
_APPOSITION_GATE: Final = re.compile(
    r",[ \t]+(?:[1-9]\d|(?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|\w+teen\b|dua|tiga|empat|lima|"
    r"enam|tujuh|delapan|lapan|sembilan|se|sa|ampek|limo|anam|tujuah|sambilan|tige|ampa|tilu|opat|genep|"
    r"dalapan|salapan|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[1-9][ \t\-]+\w))"
)
_NAME_ASPECT_ID: Final = re.compile(
    r"(?<![\w'’])(?P<name>[A-Z][a-z'’\-]+),?[ \t]+(?:masih|baru|sudah|udah|alah|lah)[ \t]+"
    rf"(?P<a>(?:[1-9]\d?|(?i:{ID_NUM}))(?:[ \t]*(?i:tahun|taun|thn))?){_ID_END}"
)
_NAME_ASPECT_GATE: Final = trigger(["masih ", "baru ", "sudah ", "udah ", "alah ", "lah "])
_AGE_COLON_KEPALA: Final = re.compile(
    r"(?i:\b(?:umur|usia|umua)(?:nya|ku|mu|na|nyo)?"
    r"(?:[ \t]+(?:saya|aku|ambo|dia|beliau|udah|sudah|lah|alah|baru|masih)){0,2}"
    rf"[ \t]+(?P<k>kepala[ \t]+(?:[2-9]|{ID_UNITS}))\b"
    r"|\b(?:umur|usia|age|aged)[ \t]*:[ \t]*"
    r"(?P<c>[1-9]\d?(?:[ \t]*(?:tahun|taun|thn|th|years?(?:[ \t]+old)?|yrs?))?)(?![\w.,]\d)"
    r"|\baged[ \t]+between[ \t]+(?P<b1>[1-9]\d?)[ \t]+(?:and|to|-)[ \t]+(?P<b2>[1-9]\d?)\b)"
)
_AGE_WORD_GATE: Final = trigger(
    ["umur", "Umur", "UMUR", "usia", "Usia", "USIA", "umua", "Umua", "age", "Age", "AGE", "yuswa", "Yuswa"]
)
_PERSON_OF: Final = re.compile(
    r"(?i:\b(?:man|woman|guy|lady|bloke|girl|boy|person|kid|fellow|gentleman|chap)[ \t]+of[ \t]+"
    r"(?:about[ \t]+|around[ \t]+)?(?P<o>[1-9]\d?)(?![\w.,%]|[ \t]*(?:%|percent|minutes?|hours?|years?[ \t]+ago))"
    r"|(?<![\w\-])(?P<s>[1-9]0-something)\b)"
)
_PERSON_OF_GATE: Final = Narrowed(
    ["of ", "of\t", "0-"], re.compile(r"(?:of[ \t]+(?:about[ \t]+|around[ \t]+)?|0-)(?:[1-9]|something)")
)
_CHILD_ORDER: Final = re.compile(
    r"(?i:\b(?:anak|adik|kakak|cucu)(?:nya|ku)?[ \t]+(?:pertama|kedua|ketiga|keempat|sulung|bungsu|"
    r"yang[ \t]+(?:kecil|besar|tua|muda|pertama|kedua|ketiga))[ \t]+"
    rf"(?P<n>(?:[1-9]\d?|{ID_NUM})[ \t]*(?:tahun|taun|thn))(?=[ \t]*[,.;)\n]|$)"
    r"|\byang[ \t]+(?:kedua|ketiga|keempat|bungsu|sulung|kecil|kecik|besar|besak|gede|tua)[ \t]+"
    rf"(?P<y>(?:[1-9]\d?|{ID_NUM})[ \t]*(?:tahun|taun|thn))(?=[ \t]*[,.;)\n]|$))"
)
_CHILD_ORDER_GATE: Final = Narrowed(["tahun", "taun", "thn"], re.compile(r"\w[ \t]*(?:tahun|taun|thn)\b"))
_AGE_LOOSE: Final = re.compile(
    dispatch(["umur", "usia", "umua", "yuswa"], fold=True, not_after=r"\w")
    + r"(?i:nya|nyo|ku|nye|na|ne|e)?(?:[ \t,]+(?!(?i:tahun|taun|taon|berapa)\b)[A-Za-z][\w\-]*){0,4}?"
    rf"(?:[ \t,]|\.{{2,3}}|…)+(?P<a>(?:[1-9]\d?|{_AGE_10_99})(?:[ \t]*(?i:{_UNIT}|puluhan))?)"
    r"(?=[ \t]*[.,;!?)\n]|$|[ \t]+(?i:lebih|labiah|lebeh)[ \t]*[.,;!?)\n])"
)
_AGE_SMALL: Final = re.compile(
    dispatch(["umur", "usia", "umua", "yuswa"], fold=True, not_after=r"\w")
    + r"(?i:nya|nyo|ku|nye|na|ne|e)?(?:[ \t]+(?!(?i:tahun|taun|taon|berapa)\b)[a-z][\w\-]*){0,2}?"
    rf"[ \t]+(?P<a>(?i:{SPOKEN_PAIR}|{ID_UNITS})(?:[ \t]+(?i:{_UNIT}))?)"
    r"(?=[ \t]*[.,;!?)\n]|$|[ \t]+(?i:dan|and|sama|eh|tapi|bulan|tahun|lah|kok|sih)\b)"
)
"""A child's age in words after an age word, maybe with a pronoun or a particle between: ``umur tujuh dan``,
two digits said one by one (``umur dua lima``: 25),
``umurnye sebelas taon``, ``yuswana kakara tilu taun``."""
"""``Umur sa kira-kira empat puluh tujuh,``, ``Umur saya, kata KTP, empat puluh satu.``: an age word, a few
words or an aside, and a number ending its clause."""
_KIN_ID_WORDS = (
    r"bapak|bapa|ayah|ibu|mama|mamak|kakek|nenek|opung|anak|adik|kakak|abang|suami|istri|paman|bibi|om|tante|"
    r"cucu|mertua|keponakan|sepupu|amak|apak|abak|etek|inyiak|uni|uda"
)
_KIN_LATER: Final = re.compile(
    dispatch(_KIN_ID_WORDS.split("|"), fold=True, not_after=r"\w")
    + r"(?i:(?:nya|ku|mu)?(?:[ \t]+(?:saya|aku|ambo|sa|kami|gue|dia|beliau))?)(?=[ \t,])"
    r"[^.?!\n]{0,60}?(?:,|[ \t](?i:sekarang|sudah|udah|masih|baru|kini|lah|alah))[ \t]+"
    rf"(?P<a>(?i:{EN_TENS_TEENS}|{ID_TENS_TEENS})(?:[ \t]*(?i:tahun|taun|thn|puluhan)|(?i:an)\b)?"
    r"|[1-9]\d[ \t]*(?i:tahun|taun|thn))" + _ID_END
)
"""A kin noun, an aside, then an aspect word or a comma and an age ending its clause: ``kakek saya, sudah
tujuh puluhan,``, ``Bapak saya, Aman Mateu, sikerei, sekarang enam puluh delapan tahun.``"""
_KIN_LATER_GATE: Final = trigger(
    ["puluh", "belas", "puluah", "baleh", "sepuluh", "sebelas", "tahun", "taun", "thn", "puloh", "pulu", "blas", "taon"]
)
"""An age in words or with its unit: digits alone after a kin noun are left to the rules with a cue word."""
_NAMED_UNIT: Final = re.compile(
    r"(?<![\w'’])(?P<who>[A-Z][a-z'’\-]+|(?i:anak|adik|adek|kakak|abang|cucu|adiknyo|adiknya|adeknye|kakaknya)"
    r"(?:[ \t]+(?i:saya|aku|ambo|kulo|kula|kami|awak|gue))?),?"
    r"(?:[ \t]+(?i:waktu[ \t]+itu|dulu|kini|sekarang|baru|masih|sudah|udah|lah|alah|umurnya|umurnyo))?[ \t]+"
    rf"(?P<a>(?i:{ID_TENS_TEENS}|{ID_UNITS}|sepuluh|sebelas)[ \t]*(?i:tahun|taun|thn)){_ID_END}"
)
"""A person (a name, or a kin noun) and an age in words with its unit: ``Rehan sembilan tahun samo adiknyo
enam taun,``, ``Anak saya Fitrah waktu itu sebelas taun,``. The name is checked (no ordinary word, no place
after a place preposition: ``di Benoa, dua tahun`` is a duration)."""
_NAMED_UNIT_GATE: Final = trigger(["tahun", "taun", "thn"])
_EN_ROUGH: Final = re.compile(
    rf"(?<![\w\-])(?P<r>(?i:{EN_TENS})(?:-odd|-something|-ish|[ \t]+odd)|[2-9]0-odd)"
    r"(?=[ \t]*(?:[.,;!?)\n]|$)|[ \t]+(?:now|by|and|but|or|when|I|he|she|then|years?[ \t]+old)\b)"
    rf"|(?i:\b(?:pushing|going[ \t]+on|knocking[ \t]+on|rising|nudging|turning|hitting))[ \t]+"
    rf"(?P<p>(?i:{EN_TENS})|[2-9]0)(?=[ \t]*(?:[.,;!?)\n]|$)|[ \t]+(?:now|and|but|next|this|soon)\b)"
)
"""A rough adult age: ``forty-odd``, ``fifty-something`` ending a clause; ``pushing sixty``, ``going on 40``."""
_EN_ROUGH_GATE: Final = trigger(
    ["odd", "something", "ish", "pushing", "going on", "knocking", "rising", "nudging", "turning", "hitting"]
)
_KEPALA: Final = re.compile(
    r"(?i:\b(?:sudah|udah|sdh|alah|masuk|mau|menjelang|hampir|jalan|baru|lewat|saya|aku|ambo|awak|gue|dia|inyo|"
    r"beliau|baliau|umurnyo|umuanyo|umua))[ \t]+"
    rf"(?P<k>(?i:kepala|kapalo)[ \t]+(?:[2-9]|(?i:{ID_UNITS})))\b(?![ \t]*(?i:sekolah|desa|kampung|dinas|bagian|"
    r"kantor|rumah|keluarga|suku|jorong|nagari|kaum|cabang|toko|gudang|proyek|tukang|koki|pelayan|kasir|juta|jt|"
    r"ribu|rb|rupiah|ratus|miliar)\b)"
    r"|(?<![\w\-])(?<!(?i:tahun|zaman|jaman)[ \t])(?<!(?i:taun|taon)[ \t])(?<!(?i:era|thn)[ \t])"
    r"(?P<d>(?i:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|tigo|ampek|limo|anam)[ \t]*"
    r"(?i:puluhan|puluahan))(?=[ \t]*(?:[.,;!?)\n]|$)|[ \t]+(?:lah|kok|gitu|an|tahun|taun|sekarang|kayaknya)\b)"
)
"""``sudah kepala tiga`` (in one's thirties), ``tiga puluhan`` ending a clause (a decade of age); a sum is none
(``gajinya sudah kepala lima juta``)."""
_KEPALA_GATE: Final = trigger(["kepala", "Kepala", "kapalo", "Kapalo", "puluhan", "puluahan"])
_MORE_FORMS: Final = (
    (_AGE_LOOSE, _AGE_WORD_GATE),
    (_AGE_SMALL, _AGE_WORD_GATE),
    (_KIN_LATER, _KIN_LATER_GATE),
    (_AGE_COLON_KEPALA, _AGE_WORD_GATE),
    (_PERSON_OF, _PERSON_OF_GATE),
    (_CHILD_ORDER, _CHILD_ORDER_GATE),
    (_EN_ROUGH, _EN_ROUGH_GATE),
    (_KEPALA, _KEPALA_GATE),
)
"""Further forms: ``umurnya kepala tiga``, ``Usia : 29 thn``, ``aged between 30 and 35``, ``a woman of about 40``,
``a 40-something guy``, ``anak pertama 7 tahun, yang kedua 4 tahun``."""
_OPENING_AGE: Final = re.compile(
    rf"(?<=[.!?][ \t])(?P<a>[1-9]\d|(?=[A-Z])(?i:{EN_TENS_TEENS}))"
    r"(?=,[ \t]+(?:from|dari|asal|single|married|widowed|divorced|janda|duda|mum|mom|"
    r"dad|mother|father|born)\b|[ \t]+(?:next|this)[ \t]+(?:week|month|year)\b|[ \t]+(?:na|po|lang)\b|"
    r"[ \t]+(?:tahun|years?[ \t]+old)\b)"
)
_OPENING_GATE: Final = Narrowed(
    [p + w + c for p in ".!?" for w in " \t" for c in "123456789TFSEN"],
    re.compile(r"[.!?][ \t](?:[1-9]\d\b|[TFSEN][a-z]+(?:ty|teen)\b)"),
)
_INTRODUCED: Final = re.compile(
    r"(?i:\b(?:I['’]m|I[ \t]+am|my[ \t]+name|call(?:s|ed)?[ \t]+me|saya|aku|ambo|nama[ \t]+saya)\b)"
)
_NOT_AGE_AFTER: Final = re.compile(
    r"[ \t]*(?i:%|percent|persen|kg|km|cm|minutes?|hours?|menit|jam|o['’]clock|am\b|pm\b|pounds?|dollars?|ribu)"
)


_PLACE_TYPES: Final = frozenset(
    "jalan jl jln gang gg lorong blok block street st road rd avenue ave lane flat unit apartment apt room kamar "
    "no number nomor rt rw km kilometer page halaman chapter bab".split()
)


@cache
def _ordinary() -> frozenset[str]:
    return gz.ordinary_words() | gz.stop_caps()


_PLACE_PREPOSITIONS: Final = frozenset("di ke dari in at from to near dekat sampai".split())
"""A capitalised word after these is a place ("Di Padang, baru 3 tahun"), not someone whose age follows."""


_WHERE_PREPOSITIONS: Final = frozenset("di in at".split())
"""Where one stays or works: a number of years after a place named so is how long (``dari``, "from", may open an
introduction with an age: "dari Padang, 25 tahun")."""
_UNIT_AT_END: Final = re.compile(r"(?i:tahun|taun|taon|taong|thn|years?)$")
_WORK_VERBS = WORK_VERBS
_WORKED_BEFORE: Final = re.compile(rf"(?i:\b(?:{_WORK_VERBS})\b)")
"""A verb of working or staying anywhere in the sentence (with ``sudah``/``selama`` right before the number)."""
_WORKED_THERE: Final = re.compile(
    rf"(?i:\b(?:{_WORK_VERBS})"
    r"(?:[ \t]+(?:di|dekat|ke|in|at)[ \t]+[^,.;:!?\n]{1,40}?)?[ \t]*)$"
)
"""A verb of working or staying, and where, right before a number of years (``karajo di kedai kopi duo taun``):
how long."""
_HOW_LONG_WORDS: Final = frozenset("sudah udah sdh dah selama".split())
"""Aspect words before a number of years that make it how long when the sentence works or stays somewhere."""
_STILL_WORDS: Final = frozenset("masih baru".split())
"""``masih 7 tahun``, ``baru 12 tahun``: how old someone still is, never how long."""
_KIN_ID: Final = re.compile(
    r"(?i:(?:bapak|bapa|ayah|ibu|mama|mamak|kakek|nenek|anak|adik|kakak|abang|suami|istri|cucu|keponakan|"
    r"sepupu|amak|apak|abak|uni|uda)(?:ku|mu|nya|na|nyo)?)"
)


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(c, 0, at) for c in ".!?\n") + 1


def years_at_work(text: str, start: int, raw: str) -> bool:
    """A number of years at ``start`` (``raw``, with its unit) right after a verb of working or staying and
    where (``ngekos 2 tahun``, ``kerja di toko kue 3 tahun``), or after ``sudah``/``selama`` in a sentence that
    works or stays somewhere (``kerja di warung dekat pasar, sudah enam tahun``): how long, not how old. Never
    after ``masih``/``baru`` or when a kin noun or a first name owns the number (``kerja di warung, anakku
    Jelita masih 7 tahun``)."""
    if _UNIT_AT_END.search(raw) is None:
        return False
    begin = _sentence_start(text, start)
    words = _WORDS.findall(text, max(begin, start - 40), start)
    if not words:
        return False
    last = words[-1].lower()
    if last in _STILL_WORDS:
        return False
    if _WORKED_THERE.search(text, begin, start):
        return True
    if last not in _HOW_LONG_WORDS:
        return False
    owner = words[-2] if len(words) > 1 else ""
    if _KIN_ID.fullmatch(owner) or owner.lower() in _KIN or owner in gz.first_names("id"):
        return False
    return last == "selama" or _WORKED_BEFORE.search(text, begin, start) is not None


def _named(word: str) -> bool:
    """A capitalised word that is no ordinary word (a name, not "It" or "Everything")."""
    return word.lower() not in _ordinary() and word not in _ordinary()


def _plausible(raw: str) -> bool:
    num = re.match(r"\d+", raw)
    return num is None or 1 <= int(num.group(0)) <= 110


def _said_of_someone(text: str, m: re.Match[str]) -> bool:
    """The words before a verb of being name someone: ``he's``, ``who's``, ``she is``, ``(when) I was``, a kin
    noun (``my eldest is``) or a name (``Jasleen is``). "I was one" (of many) without ``when`` is a count."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    words = _WORDS.findall(text, max(line_start, m.start() - 40), m.start())
    if not words:
        return False
    last = words[-1]
    low = last.lower()
    small = m.group("n").lower() in {"one", "two", "three"}
    verb = text[m.start() : m.start("a")].split()[0].lower()
    if low == "they" and (m.group("deg") or m.group("beyond") or verb.lstrip("'’") in {"will", "ll"}):
        return False  # "they're over twenty", "they'll be twenty" (review28): a count of things as often as an age
    if verb[:1] in "'’":  # he's, she's, who's, they're; a name's ("Rhodri's twenty-four and")
        if verb[1:].lower() == "s" and low in _KIN and (parse_number(_UNIT_TAIL_EN.sub("", m.group("n"))) or 0) >= 10:
            return True  # "My landlord's about eighty": a kin or role noun's age of ten or more
        return low in _PRONOUNS or low == "they" or (verb[1:].lower() == "s" and last[:1].isupper() and _named(last))
    if low in _PRONOUNS or last == "I":
        if verb not in {"is", "was", "will"} or (last == "I" and verb == "is"):
            return False
        if small and (len(words) < 2 or words[-2].lower() not in _WHEN):
            return False
        return True
    if low in _KIN:
        return True
    if not (last[:1].isupper() and last[1:].islower()):
        return False
    # a name, or a capitalised word after a kin noun or another capitalised word ("my daughter Nila is")
    return _named(last) or (len(words) >= 2 and (words[-2].lower() in _KIN or words[-2][:1].isupper()))


def find_said_ages(text: str) -> Iterator[Detection]:
    """Ages after a pronoun or a name and a verb of being, in apposition, after a name and an aspect word, and
    opening a sentence after a self-introduction; each span once (several forms may read one age)."""
    seen: set[tuple[int, int]] = set()
    for det in _said_ages(text):
        if (det.start, det.end) not in seen:
            seen.add((det.start, det.end))
            yield det


def _said_ages(text: str) -> Iterator[Detection]:
    for m in (m for rx in _SAID_EN for m in rx.finditer(text)):
        raw = m.group("a")
        if not _plausible(m.group("n")) or _NOT_AGE_AFTER.match(text, m.end("a")) or not _said_of_someone(text, m):
            continue
        yield Detection(m.start("a"), m.end("a"), "AGE", 0.82, "age.said", raw)
    for m in gated_finditer(_APPOSITION, _APPOSITION_GATE, text):
        words = m.group("name").split()
        if words[0].lower() in _PLACE_TYPES or not _named(words[-1]) or not _plausible(m.group("a")):
            continue  # "Jalan Sudirman, 12, ...": a house number after a street
        before = _WORDS.findall(text, max(0, m.start() - 12), m.start())
        if before and before[-1].lower() in _WHERE_PREPOSITIONS and _UNIT_AT_END.search(m.group("a")):
            continue  # "kasir di Kuching, lima tahun": how long one was somewhere, not how old
        yield Detection(m.start("a"), m.end("a"), "AGE", 0.8, "age.apposed", m.group("a"))
    for m in gated_finditer(_NAME_ASPECT_ID, _NAME_ASPECT_GATE, text):
        before = _WORDS.findall(text, max(0, m.start() - 12), m.start())
        after_place_word = bool(before) and before[-1].lower() in _PLACE_PREPOSITIONS
        if _UNIT_AT_END.search(m.group("a")) and (
            m.group("name") in gz.all_places() or years_at_work(text, m.start("a"), m.group("a"))
        ):
            continue  # "kerja di warung dekat pasar, Mawar, sudah enam tahun": how long, after a place or a job
        if _named(m.group("name")) and not after_place_word and _plausible(m.group("a")):
            yield Detection(m.start("a"), m.end("a"), "AGE", 0.8, "age.aspect", m.group("a"))
    for m in gated_finditer(_NAMED_UNIT, _NAMED_UNIT_GATE, text):
        who = m.group("who")
        before = _WORDS.findall(text, max(0, m.start() - 12), m.start())
        after_place_word = bool(before) and before[-1].lower() in _PLACE_PREPOSITIONS
        if who[:1].isupper() and (
            not _named(who)
            or after_place_word
            or who in gz.all_places()
            or (is_sentence_initial(text, m.start()) and who not in gz.first_names("id"))
            or years_at_work(text, m.start("a"), m.group("a"))
        ):
            continue  # an ordinary word, a place, or a sentence's first word ("Hampia duo puluah tahun")
        yield Detection(m.start("a"), m.end("a"), "AGE", 0.78, "age.named", m.group("a"))
    for rx, gate in _MORE_FORMS:
        for m in gated_finditer(rx, gate, text):
            for group, value in m.groupdict().items():
                if value is not None:
                    yield Detection(m.start(group), m.end(group), "AGE", 0.8, "age.form", value)
    for m in gated_finditer(_OPENING_AGE, _OPENING_GATE, text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _INTRODUCED.search(text, line_start, m.start()):
            yield Detection(m.start("a"), m.end("a"), "AGE", 0.8, "age.opening", m.group("a"))
