"""An English organisation's name found in pieces or without its first words is one span (issue #11, english25).

Leak counts characters: an organisation whose name holds ordinary capitalised words, a nationality or an
address term before its head ("Pacific Mutual Insurance", "Mama Wanjiru's Kitchen", "Harbourside Carers
United") is often found from its head back only as far as the detectors' lists allow, and one whose name joins
two parts by a small lower-case word of its own language ("Hills of the Sun Chemist", "Kituo cha Msaada
Legal Aid", "Merched y Glannau") is found as two detections with the joining word left readable. This pass, run
on the detections the other stages kept (English text only), reads the shape around each organisation:

- a detection of any name type, one lower-case joining word or two (``of the``, ``de``, ``cha``, ``y``...) or a
  possessive ``'s``, then an organisation on the same line: one organisation, from the first part's start; a
  person joins only by a possessive or a joining word that is not English ("Ruth of Harwick Logistics" are two
  names), and only an organisation whose last word heads a cause's name joins by "for" ("Centre for Labour
  Studies"; "Roath for Kelvora Couriers" is a place and a firm, as :mod:`places` splits it); two
  parts joined by "&" are one firm, by "and" only when the second part is ordinary words ("Cash and Carry",
  never "Asda and Kelvora Couriers"); a firm takes a person's or a place's detection after a joining word that is
  not English ("Arsenault et Fils"); an abbreviation and the name after its full stop are one ("St. Brigid
  Parish"); a place's piece right before an organisation's, one space between them, is the organisation's first
  word ("Ordsall" and "Carers Forum"), and a body's head, ``of`` and a place are one ("Kestrel Drivers Union of
  Wexford"; not a firm's trade or form: "Kelvora Couriers of Leeds"); two organisation pieces with one space or a
  plural possessive between them are one ("Lintara Carers" and "Network Hub", "Tamu Rafiki Workers' Desk")
  (places29);
- the capitalised words right before an organisation, in mid-sentence (the word before them is written in lower
  case, or a comma) or at a sentence's start when the first of them is no ordinary English word, are the
  organisation's first words: never a weekday, a month, the pronoun "I", a word that holds another detection,
  a sentence's last word ("Yes."), a person's title ("a Mr ..."), an office or role, a country, an app or a
  brand ("the Facebook Kelvora Jobs group"), more than three words, words
  across a line break, or words on a line written in capitals (its case says nothing).

The type is the organisation's (its head is last in English names); a person or a place in front of "of" is
never joined to a place after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from . import gazetteers as gz
from ._text import OFFICE_TITLES, is_sentence_initial
from .orgnames import ORG_HEAD_WORDS
from .places import heads_for
from .speakers import is_role_noun
from .types import Detection

__all__ = ["JOINING_WORDS", "close_org_spans"]

JOINING_WORDS: Final = frozenset(
    # English; French, Spanish, Italian, Portuguese; Welsh, Irish and Scottish Gaelic; Swahili, Sesotho/Setswana
    "of for the de des du la le et y e da del della do dos das ar na cha wa ya za ba".split()
)
"""Lower-case words that join the parts of one organisation's name in the languages English interviews quote
(a list of grammar words, not of names). Not "di": Italian's "of" is Indonesian's "at" ("Bengkel Sinar di
Jalan Melati" is a firm and a street)."""

_GAP: Final = re.compile(
    r"(?:[ \t]+(?P<w1>[a-z]+)(?:[ \t]+(?P<w2>[a-z]+))?[ \t]+|(?P<pos>['’]s[ \t]+)|(?P<amp>[ \t]+&[ \t]+)"
    r"|(?P<dot>\.[ \t]+)|(?P<plural>['’][ \t]+)|(?P<space>[ \t]))"
)
_CAP_BEFORE: Final = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*[ \t]+){1,3}$")
_LOWER_BEFORE: Final = re.compile(r"(?:[a-z][\w'’]*|,)[ \t]+$")
_CALENDAR: Final = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|I"
)
_TITLES: Final = frozenset("Mr Mrs Ms Miss Mx Dr Sir Madam Madame Dame Lord Lady".split())
_HAS_LOWER: Final = re.compile(r"[a-zà-öø-ÿ]")
_ABBREVIATION: Final = re.compile(r"(?:St|Ste|Mt|Ft)\.")
"""The abbreviations that open a firm's or a church's name ("St. Brigid Parish"); not a title ("Bu.", "Dr.")."""
_NAMED: Final = frozenset({"ORG", "LOCATION", "PERSON"})
_ENGLISH_JOINS: Final = frozenset({"of", "for", "the"})
_DISCOURSE: Final = frozenset(
    "okay ok um uh erm hmm my yep nah aye ya yah di ke dari pada untuk dan yang itu ini kalau terus "
    "a an to of at in on by as is it so we he me us or if no do up i be am".split()
)
"""Discourse words, the possessive "my", the English words of one or two letters the word list leaves out ("To
Quickbyte support": "to" opens the turn) and Indonesian function words (an Indonesian turn in an English transcript)
that open a spoken sentence and are missing from the word lists."""


def _joined(text: str, left: Detection, right: Detection) -> bool:
    """Whether ``left``, a small joining word or a possessive, and ``right`` are one organisation's name."""
    if left.type not in _NAMED or right.type not in _NAMED or "ORG" not in (left.type, right.type):
        return False
    m = _GAP.fullmatch(text, left.end, right.start)
    if not m:
        return False
    if m.group("amp"):  # "Haroon & Sons": one firm
        return True
    if (m.group("space") or m.group("plural") or m.group("w1") == "of") and not _cased(text, left.start):
        return False  # a line in capitals: its case says nothing, and the detectors' pieces there are no names
    if m.group("space"):  # "Lintara Carers" and "Network Hub" found apart: one body, nothing between
        return left.type in ("ORG", "LOCATION") and right.type == "ORG"
    if m.group("plural"):  # "Tamu Rafiki Workers" and "Desk": a plural possessive inside one name
        return left.type == "ORG" and right.type == "ORG" and left.text[-1:] in ("s", "S")
    if m.group("dot"):  # "St" and "Brigid Parish" of "St. Brigid Parish": an abbreviation opens the name
        return right.type == "ORG" and bool(_ABBREVIATION.fullmatch(left.text + "."))
    if right.type != "ORG":  # "Arsenault et Fils": a firm, a joining word not English, its last word
        words = [w for w in (m.group("w1"), m.group("w2")) if w]
        if words == ["of"] and left.type == "ORG" and right.type == "LOCATION":  # "Drivers Union" of "Wexford"
            return _heads_of_place(left.text.split()[-1])
        return left.type == "ORG" and all(w in JOINING_WORDS and w not in _ENGLISH_JOINS for w in words)
    if m.group("pos"):
        return left.type in ("PERSON", "ORG")
    words = [w for w in (m.group("w1"), m.group("w2")) if w]
    if words == ["and"]:  # "Cash and Carry", "Sons and Daughters": a firm's closing words, not a second firm
        tail = re.findall(r"[\w'’]+", right.text)
        return left.type == "ORG" and all(w.lower() in gz.english_words() for w in tail)
    if not all(w in JOINING_WORDS for w in words) or (words[0] == "the" and len(words) > 1):
        return False
    if words[0] == "for":  # "Roath for Kelvora Couriers": a place, then a firm (names24), unless a cause's head
        return left.type == "ORG" and len(words) == 1 and heads_for(left.text.split()[-1])
    return left.type != "PERSON" or words[0] not in _ENGLISH_JOINS  # "Ruth of Harwick Logistics": two names


_FIRM_FORMS: Final = frozenset(
    "Assurance Insurance Restoration Collision Processing Upgrading Transfer Remittance Remit Store Stores "
    "Logistics Haulage Freight Couriers Services Ltd Limited LLC LLP Inc Pty Pvt Plc PLC GmbH Bhd Tbk".split()
)
"""A firm's trade or form among the head words: "Kelvora Couriers of Leeds" may be a firm and its town."""


def _heads_of_place(word: str) -> bool:
    """Whether ``word`` heads a body named for its place after ``of`` ("Kestrel Drivers Union of Wexford", "Anglican
    Church of Kenya"): a cause's or a body's head, not a firm's trade or form."""
    return (heads_for(word) or word in ORG_HEAD_WORDS) and word not in _FIRM_FORMS


def _cased(text: str, at: int) -> bool:
    """Whether the line around ``at`` holds a lower-case letter (a line in capitals says nothing by its case)."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return _HAS_LOWER.search(text, start, len(text) if end < 0 else end) is not None


def _first_words(text: str, det: Detection, floor: int) -> int:
    """Where an organisation starts once the capitalised words right before it are taken."""
    line = max(text.rfind("\n", 0, det.start) + 1, floor)
    if not _HAS_LOWER.search(text, line, det.start):
        return det.start  # a line in capitals ("SO KELVORA COURIERS RANG"): its case says nothing
    m = _CAP_BEFORE.search(text, max(line, det.start - 80), det.start)
    if not m or m.end() != det.start:
        return det.start
    words = list(re.finditer(r"\S+", m.group()))
    ends = [i for i, w in enumerate(words) if w.group()[-1] in ".!?" and not _ABBREVIATION.fullmatch(w.group())]
    words = words[ends[-1] + 1 :] if ends else words  # "Yes." ends a sentence; "St." opens a name
    stops = [i for i, w in enumerate(words) if _outside_name(w.group().rstrip(".,"))]
    words = words[stops[-1] + 1 :] if stops else words  # "a Mr ...", "in Indonesia PT ...": not the firm's
    while words and _CALENDAR.fullmatch(words[0].group().rstrip(".,")):
        words.pop(0)
    if not words or any(_CALENDAR.fullmatch(w.group()) for w in words):
        return det.start
    start = m.start() + words[0].start()
    if _LOWER_BEFORE.search(text, max(line, start - 40), start):
        return start
    if is_sentence_initial(text, start) and not _ordinary(words[0].group()):
        return start
    return det.start


def _outside_name(word: str) -> bool:
    """A person's title, an office or a role ("Petugas"), a country, an app or a brand ("Facebook"): a word before a
    firm that is not its first word."""
    if word in _TITLES or word in OFFICE_TITLES or word in gz.countries() or word in gz.macro_regions():
        return True
    return word in gz.brands() or is_role_noun(word)


def _ordinary(word: str) -> bool:
    """An ordinary word that may open a sentence (a word list's, a stop word, a discourse word)."""
    low = word.lower()
    return low in gz.ordinary_words() or word in gz.stop_caps() or low in _DISCOURSE


def close_org_spans(text: str, found: Sequence[Detection], language: str = "en") -> list[Detection]:
    """``found`` (non-overlapping) with English organisations' spans closed over their first words and over the
    small words that join their parts."""
    dets = sorted(found, key=lambda d: (d.start, d.end))
    if language != "en":
        return dets
    out: list[Detection] = []
    for det in dets:
        joined = bool(out) and _joined(text, out[-1], det)
        if det.type != "ORG" and not joined:
            out.append(det)
            continue
        if joined:
            left = out.pop()
            start = _first_words(text, left, out[-1].end if out else 0) if left.type == "ORG" else left.start
        else:
            left = det
            start = _first_words(text, det, out[-1].end if out else 0)
        if start == det.start and left is det:
            out.append(det)
            continue
        conf = max(left.confidence, det.confidence)
        detector = (det if det.type == "ORG" else left).detector + "+org"
        out.append(Detection(start, det.end, "ORG", conf, detector, text[start : det.end]))
    return out
