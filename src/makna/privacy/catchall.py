"""Low-confidence detectors for what no list foresaw (issue 11); their finds go to review.

* **unknown capitalised words** mid-sentence: a capitalised word that is in no name, place or stop list, no
  dictionary, not all capitals, and not written in lower case elsewhere in the text, is an identifier of some
  kind. Its type comes from what precedes it: a work phrase (``I ride for``, ``laid off from``, ``kerja di``)
  makes it an ORG, a place preposition (``out to``, ``dari``) or "the" (``near the Moy``) a LOCATION,
  otherwise a PERSON. Confidence 0.4-0.6:
  below what ``deid accept --min-confidence 0.8`` takes, so a person decides.
* **bare answers** to a name question: ``P: Namanya siapa? / I: Intan aja, Kak.``: the first word of the
  answer is a PERSON even when it is also an ordinary word;
* **capitalised common words after a place preposition and "the"** (``moved to the Northern Quarter``,
  ``outside the Corn Exchange``): two or more capitalised words mid-sentence that no list explains as a whole
  name a place the writer knew by name (LOCATION, or ORG when the last word is a firm's word), 0.4: review;
* **names before a document cue** (``Daniel Smith on my licence``) and **after a postposed honorific**
  (``Kavitha ma'am``, ``Lakshmi akka``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import gated_finditer, trigger
from ._lines import GLUED_AFTER, GLUED_BEFORE, word_spans
from ._text import HONORIFICS, OFFICE_TITLES, CapRun, is_sentence_initial, line_before, run_tokens
from .places import (
    LOCATION_TYPE_WORDS,
    ORG_SUFFIX_WORDS,
    ORG_TYPE_WORDS,
    PLACE_PREP_BEFORE,
    PLACE_SUFFIX_WORDS,
    WORK_BEFORE,
)
from .self_intro import is_self_intro
from .speakers import GENERIC_LABELS, is_role_noun
from .types import Detection
from .wordnames import word_names

__all__ = ["LANG_BEFORE", "coordinated_names", "detect_unknown", "in_lower_case", "is_language", "repeat_unknown"]

_KIN_WORDS: Final = frozenset(
    f"{stem}{end}" for stem in "istri suami adik kakak anak abang bapak ibu mama papa bini laki ipar mertua".split()
    for end in ("", "nya", "ku", "mu")
)

_TYPE_WORDS: Final = frozenset(w.split()[0].rstrip(".") for w in LOCATION_TYPE_WORDS + ORG_TYPE_WORDS) | {
    "Jl",
    "Jln",
    "Jalan",
    "Gang",
    "Gg",
    "Blok",
    "Flat",
    "No",
}
_PLACE_ONLY: Final = re.compile(r"\b(?:in|near|outside|around|through|di|dekat|sekitar)[ \t]+$", re.IGNORECASE)
"""Prepositions that take places, not people ("live in Hanley"; "from Hanley" may be a person)."""
_PEOPLE_BEFORE: Final = re.compile(r"\b(?:orang|suku|etnis|bangsa|keturunan|urang|wong|tribe)[ \t]+$")
_BRAND: Final = re.compile(r"(?:pay|cart|kart|mart|ify|hub|app|box|eats|food|link|tech|soft|net)$")
_NAME_QUESTION: Final = re.compile(
    r"(?:nama(?:nya|mu|kamu|kakak|adik|anda|panggilan)?\b[^?\n]{0,30}\bsiapa|siapa[^?\n]{0,20}\bnama|"
    r"dipanggil[ \t]+apa|panggil(?:an)?(?:nya)?[ \t]+(?:apa|siapa)|your[ \t]+name|call[ \t]+you\b)",
    re.IGNORECASE,
)
_NAME_QUESTION_GATE: Final = trigger(["siapa", "Siapa", "name", "call you", "dipanggil", "panggil"])
_BARE_ANSWER: Final = re.compile(
    r"[ \t]*(?:(?:aja|saja|sajo|ajo|deh|dong|lah|kok|only|just)\b|[,.!]|$)", re.IGNORECASE | re.MULTILINE
)
_CAP_NAME = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]+"
_NAME_AFTER_JUST: Final = re.compile(rf"[ \t]+(?:aja|saja|sajo|ajo|aje|wae|bae)[ \t]+{_CAP_NAME}")
"""An answer's first word followed by "saja" and a capitalised word: the first word names the act ("Panggil saja
X"), not the person."""
_DOC_CUE: Final = re.compile(
    rf"(?P<n>{_CAP_NAME}(?:[ \t]+{_CAP_NAME}){{0,2}})[ \t]+(?:is[ \t]+)?on[ \t]+(?:my|the|his|her|your)[ \t]+"
    r"(?:licen[cs]e|passport|ID[ \t]+card|id[ \t]+card|birth[ \t]+certificate|payslip|badge)\b"
)
_POSTPOSED: Final = re.compile(
    r"(?P<n>[A-ZÀ-ÖØ-Þ](?<![\w'’\-][\s\S])[a-zà-öø-ÿ'’\-]+)"  # a name not glued to a word, its capital first
    r"[ \t]+(?:ma'am|ma’am|akka|anna|ji|sir|bhai|didi|garu|saab|sahib)\b"
)
_DOC_GATE: Final = trigger(["licence", "license", "passport", "payslip", "ID card", "id card", "certificate", "badge"])
_POSTPOSED_GATE: Final = trigger(
    ["ma'am", "ma’am", "akka", "anna ", " ji", " sir", "bhai", "didi", "garu", "saab", "sahib"]
)
_POSSESSIVE: Final = re.compile(r"(?:['’]s|['’\-])$")
_PRONOUN_CAPS: Final = frozenset({"Me", "You", "Him", "Her", "Us", "Them", "Myself"})
"""Pronouns listed with a name ("Me and Kwame went"): never a name."""
_CONTRACTION: Final = re.compile(r"(?i:[a-z]+['’](?:m|s|re|ve|ll|d|t))$")
_LOWER_CACHE_LIMIT = 4096
_GROUP_CUE = (
    r"\b(?i:grup|group|komunitas|community|paguyuban)"
    r"(?:[ \t]+(?:Facebook|FB|WA|WhatsApp|Telegram|IG|Instagram|TikTok|Line))?,?"
    r"(?:[ \t]+(?i:namanya|bernama|called|named|name))?[ \t]*[:,]?[ \t]+"
)
_GROUP_BEFORE: Final = re.compile(_GROUP_CUE + "$")
_GROUP_NAME: Final = re.compile(_GROUP_CUE + rf"(?P<n>{_CAP_NAME}(?:[ \t]+{_CAP_NAME}){{1,4}})")
_GROUP_GATE: Final = trigger(["grup", "Grup", "GRUP", "group", "Group", "GROUP", "omunitas", "OMUNITAS", "ommunity",
                              "OMMUNITY", "aguyuban", "AGUYUBAN"])
_ARTICLE_BEFORE: Final = re.compile(r"\b(?:a|an|sebuah)[ \t]+$", re.IGNORECASE)
_THE_BEFORE: Final = re.compile(r"\bthe[ \t]+$")
_AS_BEFORE: Final = re.compile(r"\b(?:as|under|called|named|is|jadi|namanya|pakai)[ \t]+$|[:=][ \t]*$")


def _is_camel(word: str) -> bool:
    return bool(re.search(r"[a-z][A-Z]", word))


class _Known:
    """The word lists, gathered once per language (:func:`_known`)."""

    def __init__(self, language: str) -> None:
        self.names = gz.first_names(language) | gz.ambiguous_names()
        self.surnames = gz.surnames()
        self.stop = gz.stop_caps() | HONORIFICS | OFFICE_TITLES | _TYPE_WORDS | PLACE_SUFFIX_WORDS
        self.words = gz.ordinary_words()  # (the dictionary, colloquial and English words, gathered once)
        self.places = gz.places_admin() | gz.places_en() | gz.places_world()
        self.local = gz.places_local()
        self.demonyms = gz.demonyms()
        self.brands = gz.brands()

        self.all = self.stop | self.names | gz.all_places()  # (the place lists gathered once: places | local)

    def known(self, word: str) -> bool:
        return (
            word in self.stop
            or word in self.names
            or word in self.places
            or word in self.local
            or (word.lower() in self.words and word not in self.surnames)
        )


@cache
def _known(language: str) -> _Known:
    return _Known(language)


def _unknown_words(text: str, runs: Sequence[CapRun], known: _Known) -> Iterator[Detection]:
    lower_seen: dict[str, bool] = {}
    plain: dict[str, bool] = {}  # word -> could be an unknown name (before context)
    everything = known.all
    for run in runs:
        if " " not in run[2]:
            if run[2] in everything or len(run[2]) < 3:
                continue
        elif everything.issuperset(run[2].split()):
            continue
        toks = run_tokens(run)
        i = 0
        while i < len(toks):
            start, end, word = toks[i]
            if word[-1] in "'’-s" and ("'" in word or "’" in word or word[-1] == "-"):
                word = _POSSESSIVE.sub("", word)
            ok = plain.get(word)
            if ok is None:
                ok = plain[word] = not (
                    len(word) < 3 or not word.isalpha() or word.isupper() or known.known(word)
                    or _not_a_name(word, known)
                )
            if not ok or is_sentence_initial(text, start) or (i > 0 and toks[i - 1][2] in known.demonyms):
                i += 1
                continue  # ... or a group within a people ("Dayak Kanayatn")
            if i > 0 and toks[i - 1][2] in known.brands:
                i += 1
                continue  # "Kia Niro", "Facebook Marketplace": a brand's model or part, not a name
            near = line_before(text, start, 12)
            if _PEOPLE_BEFORE.search(near) or _ACRONYM_BEFORE.search(near):
                i += 1
                continue  # "orang Kanayatn", "suku Xyz": an ethnic group
            low = word.lower()
            if low not in lower_seen:
                if len(lower_seen) > _LOWER_CACHE_LIMIT:
                    lower_seen.clear()
                lower_seen[low] = in_lower_case(text, low)
            if lower_seen[low]:
                i += 1
                continue  # written in lower case elsewhere: an ordinary word
            j = i + 1
            span_end = start + len(word)
            while j < len(toks) and j < i + 3:
                nxt = toks[j][2].rstrip("'’,")
                if not nxt[:1].isupper() or nxt in known.stop or nxt.isupper() or not nxt.replace("-", "").isalpha():
                    break
                span_end = toks[j][0] + len(nxt)
                j += 1
            before = line_before(text, start, 60)
            if is_language(text, before, span_end):
                i = j
                continue  # "Some Twi and Dagbani left in", "bahasa Mbojo": a language, not an identifier
            kind, conf = "PERSON", 0.45
            last = text[start:span_end].split()[-1]
            head = _head_kind(before)
            if _is_camel(word) and _AS_BEFORE.search(before):
                kind, conf = "HANDLE", 0.55  # "I'm on there as DreDrivesATL": a user name
            elif last in ORG_SUFFIX_WORDS or _BRAND.search(word):
                kind, conf = "ORG", 0.55
            elif WORK_BEFORE.search(before) or _GROUP_BEFORE.search(before) or _is_camel(word):
                kind, conf = "ORG", 0.5
                if word.lower() in known.words:
                    if _IDIOM_THE.search(before) and _OF_AFTER.match(text, span_end):
                        i = j
                        continue  # an idiom ("I work for The Good of my family"): no firm
                    conf = 0.35  # an ordinary word as a firm ("I ride for Bird", "kerja di Swift"): for review
            elif PLACE_PREP_BEFORE.search(before) and (word not in known.surnames or _PLACE_ONLY.search(before)):
                kind, conf = "LOCATION", 0.5
            elif _THE_BEFORE.search(before):
                kind, conf = "LOCATION", 0.45  # "near the Moy", "by the Debe": people seldom take "the"
            elif _SERVICE_BEFORE.search(before):
                kind, conf = "ORG", 0.45  # "sends money every month with Mukuru", "a deposit by Revolut"
            elif _PLACE_GO_BEFORE.search(before):
                kind, conf = "LOCATION", 0.45  # "ka Taplau", "nang Cijin", "hike Lion Rock", "above Cors Caron"
            elif head is not None:
                kind, conf = head, 0.45  # "the factory at Soba, Sahelfresh", "my village is Kabonwule"
            elif word in known.surnames:
                conf = 0.6
            if kind == "PERSON" and _ARTICLE_BEFORE.search(before):
                kind, conf = "ORG", 0.4  # "a Zipcart rider", "an Etsy shop": a brand or firm, not a person
            elif kind == "PERSON" and i > 0 and _name_before(toks[i - 1][2], word, known):
                start = toks[i - 1][0]  # "I: Gunawan Saputra pulang": a listed name opening the sentence
            yield Detection(start, span_end, kind, conf, "unknown.capitalised", text[start:span_end])
            i = j


_IDIOM_THE: Final = re.compile(r"(?i:(?<![\w\-])the)[ \t]+$")
_OF_AFTER: Final = re.compile(r"[ \t]+of(?![\w\-])")
"""``for The Good of``: an ordinary word between ``the`` and ``of`` after a work phrase is an idiom, not a firm."""
_ACRONYM_BEFORE: Final = re.compile(r"\b(?:BPJS|BPR|BRI|BNI|BTN|PT|CV|UD|RSUD|RS|SD|SMP|SMA|SMK|KUD|PDAM|PLN)[ \t]+$")
"""An acronym of a public body or a kind of firm, then its name or branch ("BPJS Ketenagakerjaan"): other
detectors (ORG) or nothing decide."""
_SERVICE_BEFORE: Final = re.compile(
    r"\b(?i:money|uang|duit|transfer|transfers|kirim|send|sends|sent|sending|deposit|paid|pay|pays|bayar|"
    r"pinjam|pinjol|loan|order|orders|ordered|sell|jual)\b[^.!?\n]{0,30}"
    r"\b(?i:with|by|via|through|lewat|pakai|pake|on)[ \t]+$"
)
_PLACE_GO_BEFORE: Final = re.compile(
    r"\b(?:ka|nang|menyang|hike|hiked|up|above|side[ \t]+of|outside[ \t]+of|part[ \t]+of)[ \t]+$"
)
_SUFFIXED: Final = re.compile(r"(?P<stem>\w{4,}?)(?:nya|nyo|nye|ku|mu)$")


def _name_before(word: str, name: str, known: _Known) -> bool:
    """A listed first name or family name ``word`` right before the unknown ``name`` in its run: the first part
    of the same name (skipped as a sentence opener, or known and so not "unknown"). A listed name that is
    also an ordinary word counts only before a listed family name ("Gunawan Saputra", not "Kata Parulian")."""
    if word in known.stop or not (word in known.names or word in known.surnames):
        return False
    return word.lower() not in known.words or name in known.surnames


def _not_a_name(word: str, known: _Known) -> bool:
    """A label code or role ("Int", "Resp", "Penambang"), or a known word with a suffix ("Instagramnya")."""
    if word.lower() in GENERIC_LABELS or is_role_noun(word):
        return True
    m = _SUFFIXED.fullmatch(word)
    return m is not None and known.known(m.group("stem"))


LANG_BEFORE: Final = re.compile(
    r"\b(?:bahasa|basa|logat|dialek|kata-kata|istilah|speak|speaks|spoke|speaking|talk|talks|talked)[ \t]+$"
)
_LANG_LIST_BEFORE: Final = re.compile(
    r"(?:\b(?i:some|beberapa[ \t]+kata)|\b[A-Z][\w'’\-]*[ \t]+(?:and|dan|&|or))[ \t]+$"
)
_LANG_AFTER: Final = re.compile(
    r"(?:[ \t]+[A-Z][\w'’\-]*)?,?(?:[ \t]+(?:is|are|was|were|juga))?[ \t]+"
    r"(?:words?|phrases?|left|kept|dibiarkan|ditulis|dipertahankan)\b"
)


_LANG_SERIES_BEFORE: Final = re.compile(
    r"\b(?:bahasa|basa|speak|speaks|spoke|speaking)(?:[ \t]+[A-Z][\w'’\-]*,?){0,4}"
    r"[ \t]+(?:and|or|dan|atau|&|a[ \t]+bit[ \t]+of|a[ \t]+little|some|sedikit)[ \t]+$"
)
"""The rest of a series of languages after "speak" or "bahasa" ("I speak Portuguese, Spanish, a bit of French",
"bahasa Minang dan Jawa")."""


def is_language(text: str, before: str, end: int) -> bool:
    """True for a language's name: after "bahasa", "speak" or "talk" ("bahasa Mbojo", "talk French"), later in a
    series of languages after "speak" ("speak Portuguese, Spanish, a bit of French"), or said to be left or kept
    as spoken after "some" or another name ("Some Twi and Dagbani left in", "Sheng and Dholuo words kept", "Low
    German words")."""
    if LANG_BEFORE.search(before) or _LANG_SERIES_BEFORE.search(before):
        return True
    return _LANG_AFTER.match(text, end) is not None and _LANG_LIST_BEFORE.search(before) is not None


_FIRM_HEADS: Final = frozenset(
    "kelompok usaha toko tokonya warung perusahaan company firm shop store stall business restoran restaurant "
    "koperasi yayasan association union paguyuban komunitas sanggar salon organisation organization organisasi "
    "serikat lembaga biro agen agency brand merek kedai kafe cafe bengkel travel church parish congregation factory "
    "plant mine resort leasing pinjol aplikasi app bank gudang storage employer pabrik tani mill warehouse "
    "processing operator contractor club".split()
)
_PLACE_HEADS: Final = frozenset(
    "village town city kampung desa dusun kelurahan river sungai hulu hilir pinggir pulau island district county "
    "estate suburb neighbourhood neighborhood area side region province kabupaten kecamatan nagari jorong "
    "lingkungan hamlet settlement camp".split()
)
_PERSON_HEADS: Final = frozenset(
    "man woman guy lady bloke fella boy girl friend neighbour neighbor wife husband son daughter brother sister "
    "mother father mum mom dad uncle aunt cousin boss manager pastor reverend minister teacher orang teman kawan "
    "suami istri anak adik kakak bapak ibu ketua pemilik owner rep chairman admin kepala foreman amak punya milik "
    "pembina leader head".split()
)


def _head_kind(before: str) -> str | None:
    """ORG or LOCATION when the nearest head noun in the few words before a name (same clause) is a firm's or a
    place's ("the factory at Soba, Sahelfresh", "my village is Kabonwule", "resort Lagoi"); None when it is a
    person's or there is none."""
    clause = re.split(r"[.!?;:\n(]", before)[-1]
    raw = [w.strip(",'\"“”").lower() for w in clause.split()][-4:]
    words = [re.sub(r"(?<=\w{3})(?:nya|nyo|ku|['’]s)$", "", w) for w in raw]
    if _PERSON_HEADS.intersection(words) or _PERSON_HEADS.intersection(raw):
        return None  # "ketua kelompok tani, Jamaluddin", "the old mine foreman, Clell": a person
    for word in reversed(words):
        if word in _FIRM_HEADS or word.removesuffix("s") in _FIRM_HEADS:
            return "ORG"
        if word in _PLACE_HEADS or word.removesuffix("s") in _PLACE_HEADS:
            return "LOCATION"
    return None


def in_lower_case(text: str, low: str) -> bool:
    """True when ``low`` stands in ``text`` as a whole word (no word character, apostrophe or hyphen around it),
    not as part of a web or e-mail address (``cepatcair.example.net``, ``/cepatcair``: a brand's domain does not
    make its name an ordinary word).

    A literal search with the boundaries checked by hand: one regex per word (as before) cost a compilation
    for every unknown word of a text, about a quarter of detection time, since ``re``'s cache holds 512."""
    size, at = len(low), text.find(low)
    while at >= 0:
        end = at + size
        before = text[at - 1] if at else ""
        after = text[end] if end < len(text) else ""
        if not (before and _word_char(before, "'’-/@.")) and not (after and _word_char(after, "'’-@")) and not (
            after == "." and end + 1 < len(text) and _word_char(text[end + 1], "")
        ):
            return True
        at = text.find(low, at + 1)
    return False


def _word_char(char: str, extra: str) -> bool:
    """``char`` matches ``[\\w<extra>]`` (``re``'s ``\\w`` on ``str``: a letter or digit in Unicode, or ``_``)."""
    return char.isalnum() or char == "_" or char in extra


_ANSWER_START: Final = re.compile(rf"[ \t.]*(?P<n>{_CAP_NAME})")


@cache
def _answer_lists() -> tuple[frozenset[str], frozenset[str]]:
    """The stop words and honorifics, and the English first names and ambiguous names (gathered once, not at
    each call: a millisecond a call)."""
    return gz.stop_caps() | HONORIFICS, gz.first_names("en") | gz.ambiguous_names()


@cache
def _names_id() -> frozenset[str]:
    """The Indonesian first names and the ambiguous names (gathered once)."""
    return gz.first_names("id") | gz.ambiguous_names()


def _bare_answers(text: str) -> Iterator[Detection]:
    stop, names = _answer_lists()
    for q in gated_finditer(_NAME_QUESTION, _NAME_QUESTION_GATE, text):
        nl = text.find("\n", q.end())
        if nl < 0 or "?" not in text[q.end() : nl]:
            continue
        m = _ANSWER_START.match(text, nl + 1)  # the next turn, its label blanked out
        if m is None or m.group("n") in stop or _BARE_ANSWER.match(text, m.end()) is None:
            continue
        word = m.group("n")
        if word.lower() in gz.english_words() and word not in names:  # "Grand. Cathal ...", "Course. Name's ..."
            continue
        if _NAME_AFTER_JUST.match(text, m.end()) and word.lower() in gz.dictionary_words() and word not in _names_id():
            continue  # "Panggil saja Kumis", "Sebut saja Mawar": a verb of naming, the name comes after it
        yield Detection(m.start("n"), m.end("n"), "PERSON", 0.6, "person.answer", m.group("n"))


_JUST_NAME: Final = re.compile(
    rf"^[ \t.]*(?P<n>{_CAP_NAME})[ \t]+(?:aja|saja|aje|sajo|ajo|wae|bae|bae)[ \t]*,[ \t]*"
    r"(?:Kak|Kakak|Mbak|Mas|Bang|Abang|Bu|Pak|Dek|Uni|Uda|Teh|Akang|Om|Tante|Sis|Bro|Cik|Koh)\b",
    re.MULTILINE,
)
_JUST_GATE: Final = trigger(["aja", "saja", "aje", "sajo", "ajo", "wae", "bae"])


def _just_names(text: str) -> Iterator[Detection]:
    """A turn that opens with a first name, "aja" and a term of address (``Intan aja, Kak``: "just Intan"):
    how a chat partner gives a name, even one that is also a word; listed names only."""
    names = _names_id()
    for m in gated_finditer(_JUST_NAME, _JUST_GATE, text):
        if m.group("n") in names:
            yield Detection(m.start("n"), m.end("n"), "PERSON", 0.6, "person.answer", m.group("n"))


_TURN_BODY = (
    rf"[ \t.]*(?:\[[^\]\n]{{0,30}}\][ \t.]*)?(?P<n>{_CAP_NAME}(?:[ \t]+{_CAP_NAME}){{1,2}})(?=[ \t]*[,.](?:[ \t]|$))"
)
_TURN_NAME: Final = re.compile(_TURN_BODY, re.MULTILINE)
_NEXT_TURN_NAME: Final = re.compile("\n" + _TURN_BODY, re.MULTILINE)
"""Two or three capitalised words opening a line (the first line by ``match``, the others after their newline:
a scan for a newline, not a try at every offset)."""


def _turn_initial_names(text: str, known: _Known) -> Iterator[Detection]:
    """A turn that opens with two or three capitalised words no list knows, then a comma or a full stop
    (``R2: Chidinma Okafor, everyone calls me Chi``): a self-introduction, so a PERSON (review)."""
    first = _TURN_NAME.match(text)
    for m in itertools.chain(() if first is None else (first,), _NEXT_TURN_NAME.finditer(text)):
        start, words = m.start("n"), m.group("n").split()
        given = False  # "Salam Haddad,": a greeting word that is also a given name, then a family name
        if len(words) > 1 and is_self_intro(words[0]):
            if is_self_intro(words[0], text[m.start("n") + len(words[0]) : m.end("n") + 12]):
                start = m.start("n") + m.group("n").index(words[1], len(words[0]))  # "I'm Ada Obi": the name only
                words = words[1:]
            else:
                given = True
        if any(known.known(w) and w not in known.names and w not in known.surnames for w in words[given:]):
            continue
        if not given and (words[0] in known.stop or words[0] in HONORIFICS or words[0].lower() in known.words):
            continue  # "Abdi Neneng,": a pronoun or another word opens the turn, not the name
        yield Detection(start, m.end("n"), "PERSON", 0.65, "person.turn", text[start : m.end("n")])


_THE_NAME: Final = re.compile(  # ("the" first: a pattern led by a look-behind is tried at every position)
    r"the(?<![\w]the)[ \t]+(?P<p>[A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+){1,3})(?![\w'’\-])"
)
_PLACE_PREP_THE: Final = re.compile(
    r"\b(?i:to|outside|at|near|in|from|by|behind|opposite|past|round|around|into|across|off|beside|next[ \t]+to)"
    r"[ \t]+$"
)


def _the_places(text: str, known: _Known) -> Iterator[Detection]:
    """Two or more capitalised words after a place preposition and "the", not explained as a whole by a list."""
    for m in _THE_NAME.finditer(text):
        words = m.group("p").split()
        if not _PLACE_PREP_THE.search(line_before(text, m.start(), 16)):
            continue
        if any(w in known.stop for w in words) or m.group("p") in known.places or m.group("p") in known.local:
            continue  # "the Holy Quran", a listed place: other detectors decide
        kind = "ORG" if words[-1] in ORG_SUFFIX_WORDS else "LOCATION"
        yield Detection(m.start("p"), m.end("p"), kind, 0.4, "unknown.the_place", m.group("p"))


def detect_unknown(text: str, language: str, runs: Sequence[CapRun]) -> Iterator[Detection]:
    """Every catch-all detector over ``text`` (speaker labels already blanked), given its capitalised runs."""
    yield from _unknown_words(text, runs, _known(language))
    yield from _the_places(text, _known(language))
    yield from _bare_answers(text)
    yield from _just_names(text)
    yield from word_names(text)
    yield from _turn_initial_names(text, _known(language))
    stop = gz.stop_caps()
    for m in gated_finditer(_GROUP_NAME, _GROUP_GATE, text):
        toks = list(re.finditer(r"\S+", m.group("n")))
        while toks and toks[-1].group(0) in stop:
            toks.pop()
        if len(toks) >= 2 and toks[0].group(0) not in stop:
            end = m.start("n") + toks[-1].end()
            yield Detection(m.start("n"), end, "ORG", 0.6, "org.group", text[m.start("n") : end])
    for m in gated_finditer(_DOC_CUE, _DOC_GATE, text):
        yield Detection(m.start("n"), m.end("n"), "PERSON", 0.75, "person.document", m.group("n"))
    known = _known(language)
    for m in gated_finditer(_POSTPOSED, _POSTPOSED_GATE, text):
        word = m.group("n")
        if word not in gz.stop_caps() and not (word.lower() in known.words and word not in known.names):
            yield Detection(m.start("n"), m.end("n"), "PERSON", 0.75, "person.postposed", m.group("n"))


_CORRECTION = r"(?:\.{2,3}|…)?[ \t]*,?[ \t]*(?:eh|ehh|maksudnya|maksud[ \t]+saya|I[ \t]+mean),?"
"""A speaker correcting a name just said ("Taufan... eh, Taufik", "Jon, I mean Joe"): the second is a name too."""
_REGIONAL_AND = "ama|jo|samo|karo|kalih|lawan"
"""Words for "and"/"with" between two names in colloquial Indonesian, Minang, Javanese and Banjar ("Joy karo
Rosalinda", "uni Eli jo Nela")."""
_AND_NAME: Final = re.compile(
    rf"(?:[ \t]*[,&]|[ \t]+(?:and|dan|or|atau|sama|serta|{_REGIONAL_AND})|{_CORRECTION})"
    rf"[ \t]+(?P<n>{_CAP_NAME})(?![\w'’\-])"
)
_NAME_AND: Final = re.compile(
    rf"(?<![\w'’\-])(?P<n>{_CAP_NAME})(?:[ \t]*[,&]|[ \t]+(?:and|dan|or|atau|sama|serta|{_REGIONAL_AND}))[ \t]+$"
)


def coordinated_names(text: str, found: Sequence[Detection]) -> Iterator[Detection]:
    """A name listed with a PERSON already found ("Chiamaka and Grace", "Grace, Tunde") is a PERSON too, even
    when it is also an ordinary word, and so along the whole list; a word the lists know as something else is
    left alone."""
    known = _known("en")
    todo = [(d.start, d.end) for d in found if d.type == "PERSON" and d.confidence >= 0.7]
    seen = set(todo)
    while todo:  # along the whole list: "Rini, Mega, Suci jo Yenti" from any one of them
        start, end = todo.pop()
        after = _AND_NAME.match(text, end)
        before = _NAME_AND.search(text, max(0, start - 30), start)
        for m in (after, before):
            if m is None or (m.start("n"), m.end("n")) in seen:
                continue
            word = m.group("n")
            if _CONTRACTION.fullmatch(word) or word in known.stop or word in known.places or word in _PRONOUN_CAPS:
                continue
            if word.lower() in known.words and word not in known.names or word.lower() in _KIN_WORDS:
                continue  # an ordinary word, or a kin word ("Istrinya, Hasnah")
            seen.add((m.start("n"), m.end("n")))
            todo.append((m.start("n"), m.end("n")))
            yield Detection(m.start("n"), m.end("n"), "PERSON", 0.7, "person.coordinated", word)


def repeat_unknown(text: str, found: Sequence[Detection]) -> Iterator[Detection]:
    """Other capitalised occurrences (a sentence's first word too) of what the catch-all found, same type."""
    kinds: dict[str, tuple[str, float]] = {}
    for det in found:
        if det.detector == "unknown.capitalised" and det.text[:1].isupper():
            kinds.setdefault(det.text, (det.type, det.confidence))
    if not kinds:
        return
    for start, end in word_spans(text, kinds, GLUED_BEFORE, GLUED_AFTER):  # (an alternation compiled per text before)
        kind, conf = kinds[text[start:end]]
        yield Detection(start, end, kind, conf, "unknown.repeat", text[start:end])
