"""Words that look like identifiers and are none, dropped or re-spanned after every other stage (issue #11).

A late filter of the finished detections, reading only the span, its neighbours and its place in the sentence:

- a capitalised common word opening a sentence (or following a colon, a quote or a speaker label) that no name
  or place list knows ("Students mostly ...", "Mahasiswa sekarang ..."), and the plural of a common word or of
  an ethnic or faith group anywhere ("Sikhs");
- an app, brand or service used as a tool but typed as a person or a place ("into Monzo", "Traveloka");
- half of a never-identifying phrase ("Adha" of "Idul Adha"), a holiday ("Boxing Day"), a scheme or programme
  ("Universal Credit", "Kartu Indonesia Sehat");
- in Indonesian text, an organisation that the English suffix rule read backwards ("KUR Bank" of "KUR Bank BRI"):
  Indonesian puts "Bank" first, so the organisation is "Bank BRI";
- (round eleven) an ordinary word opening a turn or a sentence that only a weak cue (an introduction read into a
  speaker label, a repeat of such a guess) took for a name and the precision stage doubts ("INFORMAN: Tenggelam.",
  "Kalau begitu ..."); a role as a speaker label ("M:", "COURIER:"); a vehicle's model named by its colour or its
  vehicle ("the silver Zentrova", "motornya Zentrova merah"); a language named after "bahasa", "logat", "dialek"
  ("logat Sirukam"); a month of a calendar after "bulan" ("bulan Syawal");
- (round fourteen) a people named as an origin ("urang Karo", "keturunan India", "a Yoruba man":
  :mod:`makna.privacy.ethnonyms`), and a clock time, a role named in speech, a sentence-opening word of speech or
  an acronym the text handles as a thing ("6 a.m", "mulai dari Peserta 1", "Temenku, ...", "servis AC":
  :mod:`makna.privacy.thingwords`);
- (round twenty-nine) a language's name used as a language ("my Tagalog is zero", "mass in Tetum":
  :mod:`makna.privacy.language_names`).

ORG spans other than schemes are kept: a platform or shop that employs someone is an organisation.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Final

from . import gazetteers as gz
from ._orgheads import JOB_WORDS
from .context_drops import drop_context_things
from .ethnonyms import names_a_people
from .language_names import names_a_language
from .precision import stage_is_off
from .thingwords import names_a_thing
from .types import Detection

__all__ = ["drop_lookalikes"]

_NAMED: Final = frozenset({"PERSON", "LOCATION"})
_OPENERS: Final = frozenset(".!?:;\"“‘'(…-–—")
_HOLIDAY_HEADS: Final = frozenset({"Day", "Eve"})
_SCHEME_HEADS: Final = frozenset({"Kartu", "Program", "Bantuan", "Beasiswa", "Kredit", "Subsidi", "Tunjangan"})
_LISTED: Final = re.compile(r",\s*|\s+(?:and|or|&|dan|atau)\s+")  # the joints of a list of schemes
_HEAD_FIRST: Final = frozenset({"Bank"})  # an English suffix word that Indonesian puts before the name
_GUESSES: Final = ("unknown.", "learned")  # detectors that guess from a capital letter (no cue, no repeat)
_LEGAL_FORMS: Final = frozenset({"PT", "CV", "UD", "PD", "BPR", "BPD"})
_CAP_RUN: Final = re.compile(r"[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,2}")
_TOOL_BEFORE: Final = re.compile(
    r"(?i:\b(?:use|using|downloaded|download|installed|install|instal|pakai|pake|aplikasi|app"
    r"|(?:booked|ordered|bought|paid|pay|shop|flew|flown|travelled)\s(?:on|through|with|via|by)"
    r"|(?:pesan|order|bayar|transfer|checkout|belanja\sonline)\s(?:lewat|via|pakai|di))) $"
)
_TOOL_AFTER: Final = re.compile(r" (?i:app|apps|aplikasi|account|akun)\b")
_CAP_WORD: Final = re.compile(r"[A-Z][\w.&'-]*")
_WEAK_CUES: Final = frozenset({"person.intro", "person.repeat"})
"""Person detectors whose cue can be an artefact: an introduction read into a speaker label, a repeat of a guess."""
_DOUBTED: Final = 0.5
"""Below this confidence (the precision stage's probability) a weak cue's ordinary word is no name."""
_COLOURS: Final = "white|black|silver|grey|gray|blue|red|green|yellow|orange|brown|gold|maroon|navy|beige|purple|pink"
_WARNA: Final = "putih|hitam|silver|abu-abu|abu|biru|merah|hijau|kuning|oranye|coklat|cokelat|emas|ungu|pink"
_MODEL_BEFORE: Final = re.compile(
    rf"(?i:\b(?:{_COLOURS}|{_WARNA}|motor|motornya|motorku|motornyo|mobil|mobilnya|mobilku|mobilnyo|oto|otonyo"
    r"|car's\s+an?|car\s+is\s+an?|bike\s+is\s+an?|van\s+is\s+an?|drive\s+an?|ride\s+an?)) $"
)
_MODEL_AFTER: Final = re.compile(rf" (?:{_WARNA})\b")
_PRODUCT_BEFORE: Final = re.compile(
    r"(?i:\b(?:a|an|the|my|his|her|our|their|new|old|drive|drove|drives|ride|rode|rides|naik|pakai|bawa|beli|"
    r"motor|motornya|mobil|mobilnya|hp|hpnya))[ \t]+([A-Z][\w\-]*) $"
)
"""A maker named as the thing one has or uses ("a Kia ", "pakai Honda "): the word after it is its model."""
_LANGUAGE_WORD: Final = r"\b(?:[Bb]ahas[ao]|BAHASA|[Ll]ogat|LOGAT|[Dd]ialek)"
_LANGUAGE_RIGHT_BEFORE: Final = re.compile(_LANGUAGE_WORD + " $")
"""A language word right before a span ("logat X")."""
_LANGUAGE_BEFORE: Final = re.compile(r"\b(?:[Bb]ahasa|[Ll]ogat) [A-Z]\w+ $|" + _LANGUAGE_WORD + " $")
"""The same, or a language word and a language's name before it ("logat Melayu X": a region's speech)."""
_MONTH_BEFORE: Final = re.compile(r"\b(?:[Bb]ulan|[Bb]ulan [Pp]uasa) $")


@cache
def _service_names() -> frozenset[str]:
    """Consumer apps and services people name as tools (``services.txt``), no employer among them."""
    text = (resources.files("makna.privacy") / "data" / "services.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


@cache
def _services() -> frozenset[str]:
    """Every app, brand and service people name as a tool (``brands.txt`` and ``services.txt``)."""
    return gz.brands() | _service_names()


@cache
def _known_names() -> frozenset[str]:
    """Words a name or place list knows: never dropped as a common word."""
    return gz.first_names("id") | gz.surnames() | gz.ambiguous_names() | gz.all_places()


def _opens_sentence(scan: str, start: int) -> bool:
    """Whether nothing but an opening mark (or a masked speaker label) precedes ``start`` on its line."""
    line = scan.rfind("\n", 0, start) + 1
    before = scan[line:start].rstrip()
    return not before or before[-1] in _OPENERS


def _opens_or_follows_acronym(scan: str, start: int) -> bool:
    """Whether ``start`` opens a sentence or follows an all-capitals acronym ("BPJS Kesehatan", "KUR Mikro")."""
    if _opens_sentence(scan, start):
        return True
    before = re.search(r"\b([A-Z]{2,})\s$", scan[max(0, start - 20) : start])
    return before is not None and before.group(1) in gz.stop_caps()


def _common(word: str) -> bool:
    """A common word (or its plural) that no name or place list knows."""
    if word in _known_names() or not word[:1].isupper():
        return False
    low = word.lower()
    words = gz.ordinary_words()
    return low in words or (low.endswith("s") and (low[:-1] in words or low.endswith("es") and low[:-2] in words))


def _group_plural(word: str) -> bool:
    """The plural of an ethnic, national or faith group word ("Sikhs", "Kurds")."""
    return word.endswith("s") and word[:-1] in gz.demonyms()


def _joined_stop(scan: str, det: Detection) -> bool:
    """Whether the span with the capitalised word just before or after it is a never-identifying phrase."""
    stop = gz.stop_caps()
    before = re.search(r"([A-Z][\w-]*) $", scan[max(0, det.start - 30) : det.start])
    after = _CAP_WORD.match(scan, det.end + 1) if scan[det.end : det.end + 1] == " " else None
    return bool(
        (before and f"{before.group(1)} {det.text}" in stop) or (after and f"{det.text} {after.group(0)}" in stop)
    )


def _word_before(scan: str, start: int) -> str:
    """The word before ``start`` (after the spaces before it), as far back as the space before it; read in place,
    not by copying the text up to each detection."""
    end = start
    while end > 0 and scan[end - 1] == " ":
        end -= 1
    return scan[scan.rfind(" ", 0, end) + 1 : end]


@cache
def _scheme_names() -> frozenset[str]:
    """Public benefit and welfare schemes by country (``data/schemes.txt``), apostrophes folded."""
    text = (resources.files("makna.privacy") / "data" / "schemes.txt").read_text(encoding="utf-8")
    return frozenset(_fold(w.strip()) for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _fold(name: str) -> str:
    return " ".join(name.replace("’", "'").split())


def _scheme(det: Detection) -> bool:
    """A scheme or programme: a name (or a list of names) the scheme list knows, or an Indonesian one by its head
    word ("Kartu ...").
    An English name is never a scheme by its last word alone: "... Credit" or "... Pay" may be a lender's or a
    payment firm's name (english23)."""
    words = det.text.split()
    if len(words) < 2:
        return False
    if words[0] in _SCHEME_HEADS:
        return True
    return all(_fold(part) in _scheme_names() for part in _LISTED.split(det.text))  # "X and Y": both schemes


def _weak_ordinary(scan: str, det: Detection) -> bool:
    """An ordinary word opening a turn or a sentence that only a weak cue took for a name, and that the precision
    stage doubts (below :data:`_DOUBTED`): "INFORMAN: Tenggelam.", "Kalau begitu ..." (a name that is a word,
    "Pelangi: Iyo", "Hope is ...", keeps the stage's confidence)."""
    return (
        det.type == "PERSON"
        and det.detector in _WEAK_CUES
        and det.confidence < _DOUBTED
        and " " not in det.text
        and _common(det.text)
        and _opens_sentence(scan, det.start)
    )


_LABEL_ROLES: Final = frozenset(
    "moderator fasilitator facilitator notulen notulis interviewer pewawancara participant peserta informan "
    "narasumber responden respondent researcher peneliti penanya penjawab host translator penerjemah".split()
)


def _role_label(det: Detection) -> bool:
    """A role as a speaker label: one letter ("M:", "R:") or a job or role noun in capitals ("COURIER:",
    "NURSE:", "MODERATOR:"; :data:`makna.privacy._orgheads.JOB_WORDS` and a few roles of an interview), never
    another word ("SENJA:", "PATIENCE:" are names that are words; "Pak R." elsewhere is a person by an initial:
    only labels are roles)."""
    word = det.text
    if det.detector != "person.speaker" or not word.isupper() or " " in word:
        return False
    low = word.lower()
    return len(word) == 1 or (
        (low in JOB_WORDS or low in _LABEL_ROLES) and low in gz.ordinary_words() and word.title() not in _known_names()
    )


_CALENDAR_MONTHS: Final = frozenset(
    "muharram muharam safar sapar rabiulawal rabiulakhir jumadilawal jumadilakhir rajab rejeb syaban sya'ban ruwah "
    "ramadan ramadhan puasa poso syawal sawal zulkaidah dzulqaidah apit zulhijah dzulhijjah besar haji suro sura "
    "maulid mulud maulud".split()
)
"""Months of the Islamic and Javanese calendars as said in Indonesian (a month alone is no identifier)."""


def _named_by_context(scan: str, det: Detection) -> bool:
    """A one-word capital-letter guess that its context names as a thing: a vehicle's model after a colour or a
    vehicle ("the silver Zentrova", "motornya Zentrova merah"), a language after "bahasa"/"logat"/"dialek", a
    month of a calendar after "bulan". Never a word the name data knows ("motornya Zefanya", "Bahasa Inggris
    Ocha bagus", "setiap bulan Epi kirim uang" are people), and never a detection with a cue of its own; the
    drop is of this span only, not of the word's other mentions (see :func:`drop_lookalikes`)."""
    word = det.text
    window = scan[max(0, det.start - 24) : det.start]
    if det.type == "LOCATION" and _LANGUAGE_BEFORE.search(window):
        return True  # a language named after a place ("bahasa Manado", "logat Pesisia"): the conventions leave it
    if det.detector.startswith(_GUESSES) and _maker_and_model(scan, det):
        return True  # "I drive a Kia Sorento" guessed whole: a maker and its model
    if not det.detector.startswith(_GUESSES) or " " in word or word.title() in _known_names():
        return False
    if det.type == "PERSON" and _LANGUAGE_RIGHT_BEFORE.search(window):
        return True  # "logat Kaluang" (not "Bahasa Inggris Ocha bagus": Ocha's English)
    if _MONTH_BEFORE.search(window):
        return word.lower() in _CALENDAR_MONTHS
    product = _PRODUCT_BEFORE.search(window)
    if product and product.group(1) in gz.brands():
        return True  # "a Kia Sorento", "pakai Honda Vario": a maker's model (not "my friend Kia Sorensen")
    return bool(_MODEL_BEFORE.search(window) or _MODEL_AFTER.match(scan, det.end))


def _maker_and_model(scan: str, det: Detection) -> bool:
    """Whether a two-word span is a listed maker and one more word after a thing's cue ("drive a Kia Sorento",
    "pakai Honda Vario"), the model word no known name ("my friend Kia Sorensen" has no such cue)."""
    first, _, model = det.text.partition(" ")
    if not model or " " in model or first not in gz.brands() or model.title() in _known_names():
        return False
    at = det.start + len(first) + 1
    product = _PRODUCT_BEFORE.search(scan[max(0, at - 24) : at])
    return product is not None and product.group(1) == first


_OF_OWNER: Final = re.compile(r"[ \t]+of[ \t]+(?:my|your|his|her|our|their|its)\b")


def _article_phrase(scan: str, det: Detection) -> bool:
    """Whether a guessed span is an article and ordinary words before "of" and a possessive ("The Good of my
    family", "The Rest of our team"): a noun phrase, not a name ("The Bank of Ireland" has no possessive)."""
    words = det.text.split()
    return (
        len(words) >= 2
        and words[0] == "The"
        and all(w.lower() in gz.ordinary_words() for w in words[1:])
        and _OF_OWNER.match(scan, det.end) is not None
    )


def _local_lookalike(scan: str, det: Detection) -> bool:
    """A span its own context shows is no identifier here: dropped alone, its word's other mentions kept ("Idul
    Fitri" drops this "Fitri", never the name elsewhere in the text)."""
    return (
        _weak_ordinary(scan, det)
        or _role_label(det)
        or _named_by_context(scan, det)
        or names_a_people(scan, det)
        or names_a_language(scan, det)
        or names_a_thing(scan, det)
        or (det.type in _NAMED and det.detector != "person.speaker" and _joined_stop(scan, det))
        or (det.detector.startswith(_GUESSES) and _article_phrase(scan, det))
    )


def _lookalike(scan: str, det: Detection) -> bool:
    if _scheme(det):
        return True  # "Universal Credit", "Kartu Indonesia Sehat": a scheme, whatever type it was given
    words = det.text.split()
    if det.type != "PERSON" and _word_before(scan, det.start) in _SCHEME_HEADS:
        return True  # "Kartu [Indonesia Sehat]": the rest of a scheme's name after its head word
    if (
        det.type == "ORG"
        and len(words) > 1
        and words[-1] in _HOLIDAY_HEADS
        and words[0] not in gz.first_names("en")
        and det.detector.startswith(_GUESSES)
    ):
        return True  # "Boxing Day" guessed an organisation: a holiday, as for the names below
    if det.detector.startswith((*_GUESSES, "org.acronym", "org.service")) and det.text in _service_names():
        return True  # "paid with Klarna", "flew with Ryanair": a service, even where a cue made it an organisation
    if det.type not in _NAMED or det.detector == "person.speaker":
        return False
    words = det.text.split()
    if (
        det.text in _services()
        and det.text not in gz.first_names("id")
        and (det.type != "PERSON" or det.detector.startswith(_GUESSES) or _used_as_tool(scan, det))
    ):
        return True  # "into Monzo", "Traveloka" typed a place ("Aldi" is also a given name; "Mr Wise" stays)
    if det.text not in _known_names() and det.text in gz.stop_caps():
        return True  # "warung Kakak", "Idul Adha" ("Madura", an island and a people, is known to a place list)
    if words[-1] in _HOLIDAY_HEADS and len(words) > 1 and words[0] not in gz.first_names("en"):
        return True  # "Boxing Day", "New Year's Eve"
    if scan[max(0, det.start - 5) : det.start] == "Hari " and words[0].lower() in gz.ordinary_words():
        return True  # "Hari Raya", "Hari Buruh": Indonesian puts the day first
    if len(words) != 1:
        return False
    if not det.detector.startswith(_GUESSES):
        return False  # a name the text itself marks ("Say \"Mari\"", a speaker label, a repeat) stays
    return (
        _group_plural(det.text)
        or (_common(det.text) and _opens_or_follows_acronym(scan, det.start))
        or _used_as_tool(scan, det)
    )


def _used_as_tool(scan: str, det: Detection) -> bool:
    """A word the text uses as a tool: after "use", "download", "pakai" or "aplikasi", or before "app", "akun"
    ("pakai Traveloka", "the Skyscanner app")."""
    before = _TOOL_BEFORE.search(scan[max(0, det.start - 24) : det.start])
    return bool(before or _TOOL_AFTER.match(scan, det.end))


def _head_first(scan: str, det: Detection, limit: int) -> Detection:
    """An Indonesian organisation headed by "Bank" with words before the head that are no part of it: "KUR Bank"
    of "KUR Bank BRI" (the English suffix rule, read backwards) moves onto "Bank BRI"; "KUR Bank Mandiri" (a
    scheme's acronym before the head) loses the acronym. A legal form before the head ("PT Bank ...") stays."""
    words = det.text.split()
    heads = [i for i, w in enumerate(words) if w in _HEAD_FIRST]
    if det.type != "ORG" or not heads or heads[0] == 0:
        return det
    lead = words[: heads[0]]
    if any(w in _LEGAL_FORMS or not w.isupper() for w in lead):
        return det
    start = det.start + det.text.index(words[heads[0]], len(" ".join(lead)))
    end = det.end
    if heads[0] == len(words) - 1:  # "KUR Bank": the name follows the head
        m = _CAP_RUN.match(scan, det.end + 1, limit) if scan[det.end : det.end + 1] == " " else None
        if m is None:
            return det
        end = det.end + 1 + len(m.group(0).rstrip(".,&'-"))  # never into the next detection, nor a full stop
        if end <= det.end + 1:
            return det
    return Detection(start, end, "ORG", det.confidence, det.detector, scan[start:end])


_FRAGMENT_TYPES: Final = frozenset({"PERSON", "LOCATION", "ORG"})
_HOST_TYPES: Final = frozenset({"PERSON", "LOCATION", "ORG", "ADDRESS"})


def _absorb_fragments(scan: str, found: list[Detection]) -> list[Detection]:
    """A one-word span of another type, less sure than the span it touches (one space apart), is the end or the
    start of that span ("12 Quarry Lane" + "East", "RM Sirukam Indah Ibu" + "Andaleh"):
    the two become one span of the surer one's type. A place after or before an address stays a place (the
    conventions mark a town named with an address on its own)."""
    ordered = sorted(found, key=lambda d: d.start)
    out: list[Detection] = []
    i = 0
    while i < len(ordered):
        det = ordered[i]
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if nxt is not None and scan[det.end : nxt.start] == " ":
            host, frag = (det, nxt) if det.confidence > nxt.confidence else (nxt, det)
            if _absorbs(host, frag):
                merged = Detection(
                    det.start, nxt.end, host.type, host.confidence, host.detector, scan[det.start : nxt.end]
                )
                ordered[i + 1] = merged  # (it may absorb the next fragment too)
                i += 1
                continue
        out.append(det)
        i += 1
    return out


def _absorbs(host: Detection, frag: Detection) -> bool:
    return (
        host.type != frag.type
        and host.type in _HOST_TYPES
        and frag.type in _FRAGMENT_TYPES
        and " " not in frag.text
        and host.confidence > frag.confidence
        and not (frag.type == "LOCATION" and host.type == "ADDRESS")
    )


def drop_lookalikes(scan: str, language: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` without the spans that only look like identifiers (and without the other capital-letter guesses
    of the same words: "I downloaded Tripzo ... Tripzo was cheap"); Indonesian head-first organisations
    re-spanned. Off with the precision stage (``stage_disabled()``): training reads the rules' own output."""
    if stage_is_off():
        return list(found)
    dropped = {det.text for det in found if _lookalike(scan, det)}
    out = [
        det
        for det in found
        if (det.text not in dropped or not (det.detector.startswith(_GUESSES) or _lookalike(scan, det)))
        and not _local_lookalike(scan, det)
    ]
    out = drop_context_things(scan, out)  # a vehicle's model, a language, a transcriber's note (context_drops.py)
    out = _absorb_fragments(scan, out)
    if language == "id":
        starts = sorted(det.start for det in out)
        starts.append(len(scan))  # (the limit when no detection starts after a span's end)
        out = [_head_first(scan, det, starts[bisect_left(starts, det.end)]) for det in out]
    return out
