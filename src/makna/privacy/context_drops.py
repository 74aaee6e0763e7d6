"""Capital-letter guesses that the words around them show to be things, not names (issue #11, round seventeen).

A late filter for :func:`makna.privacy.lookalikes.drop_lookalikes`, each rule reading the shape of the text at one
span and never a list of names:

- a vehicle's model: a one-word name after an article or a possessive and a model year ("a 2011 Corvane", "my car's
  a 2014 Corvane"), or after an article or a possessive (and perhaps one plain word: "an old") and right before the
  vehicle's plate ("my Corvane, plate KX19 PQR", "An old Corvane, KX19 PQR");
- (round eighteen) an English object pronoun ("Me daughter's at school"); a capitalised Indonesian root with "-nya"
  ("Motornya BA 1234 XY") that no name list knows; an age right before a unit shorter than a day ("twenty minutes
  late": a duration) or opening the answer to a question for a count of something else ("How many hours a week?" /
  "Fifty.");
- a role after an article or a possessive ("The Manager above them", "my Supervisor"), a job's noun no name list
  knows;
- a word describing people: a one-word person's guess right before a plural noun of people ("elderly Tamil
  ladies", "other Kurdish riders");
- a language: one word after a verb of speaking ("speaks Kadazan"; "bahasa X" is read elsewhere) or after "te reo"
  (the Māori language's own name for itself);
- the name of a kind of document right before its number ("my Civic Registry number, 4471-...", "Kestrel ID,
  5550-...", "Orlen Card, OC-..."): the number is the identifier, the scheme is no one's;
- a pronoun and its verb ("I'm", "He's"), and a handle without its mark that is an inflected Indonesian word
  ("akun itu diblokir");
- the first word of a bracketed note at a line's start that is an English word in any of its forms ("[Recorded
  at ...", "[Transcribed from ...", "[Speakers: ..."): a transcriber's words, not a name ("[Ahmed joins]" keeps a
  name the lists know).

Apart from a document's name, a role after an article, a contraction and a plain-word handle, only spans that a
capital letter alone made (the guessing detectors, a word that is also a given name) are dropped; a span with a cue
of its own (a title, an introduction) stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from typing import Final

from . import gazetteers as gz
from ._orgheads import JOB_WORDS
from ._text import line_before
from .typecontext import clause_cue
from .types import Detection

__all__ = ["drop_context_things", "english_form"]

_GUESSED: Final = ("unknown.", "learned", "person.wordname", "person.gazetteer", "location.gazetteer")
"""Detectors that read a capitalised word with no cue of its own."""
_NAMED: Final = frozenset({"PERSON", "LOCATION", "ORG"})
_OWNER: Final = r"(?:a|an|my|his|her|their|our|your|the|its|car's[ \t]+an?|car[ \t]+is[ \t]+an?)"
_YEAR_BEFORE: Final = re.compile(rf"\b(?i:{_OWNER})[ \t]+(?:19|20)\d\d[ \t]+$")
"""An article or a possessive and a model year right before a word ("a 2011 ", "my car's a 2014 ")."""
_OWNER_BEFORE: Final = re.compile(rf"\b(?i:{_OWNER})[ \t]+(?:[a-z]{{2,}}[ \t]+)?$")
"""An article or a possessive, perhaps with one plain word after it, right before a word ("my old ", "a red ")."""
_QUALIFIES: Final = re.compile(
    r"[ \t]+(?!(?:and|or|but|with|for|from|that|which|who|in|on|at|to|is|was|has|had|I|it|they|she|he|we)\b)"
    r"[a-z]{3,}\b"
)
"""A plain word right after a capitalised one that is no function word: a noun the capitalised word qualifies ("the
2022 Kasmiati case", "a 2019 Sembiring graduate"), so that word is a name, not a vehicle's model ("a 2012 Corvane,
it ...", "a 2009 Corvane and ...")."""
_PLATE_GAP: Final = re.compile(r",?[ \t]+(?i:(?:plate|rego|reg|registration|nopol|plat|no\.?)[ \t]+)?")
_SPEAK_BEFORE: Final = re.compile(
    r"\b(?i:speaks?|spoke|speaking|te[ \t]+reo)[ \t]+(?i:(?:a[ \t]+(?:bit[ \t]+of|little)|some|only|fluent|good|"
    r"broken)[ \t]+)?$"
)
"""A verb of speaking (and a measure of how well) right before a word: the word is a language."""
_DOCUMENT_AFTER: Final = re.compile(
    r"[ \t]+(?:(?i:number|permit|visa)|ID)\b(?:[^.!?\n\d]{0,40}?)[A-Z]{0,4}-?\d(?:[ -]?\d){3}"
    r"|,[ \t]*[A-Z]{0,4}-?\d(?:[ -]?\d){3}"
)
"""A document's noun after a name and an identifier's number after it ("Kestrel ID, 5550-...", "Harbour Skills
permit number is HS-2020-...", "Civic Registry number, 4471-..."), or, after a name that ends in "Card" or "ID",
the number itself ("Orlen Card, OC-2291...")."""
_DOCUMENT_TAILS: Final = frozenset({"Card", "ID"})
_POSSESSIVE: Final = re.compile(r"['’]s?$")
_POSSESSIVE_AFTER: Final = re.compile(r"['’]s?\b")
_PEOPLE_AFTER: Final = re.compile(
    r"[ \t]+(?:ladies|women|men|people|folk|folks|riders|drivers|workers|girls|boys|guys|customers|clients|"
    r"students|nurses|carers|aunties|uncles|elders|lads|kids|neighbours|neighbors)\b"
)
"""A plural noun of people right after a word: the word describes them ("elderly Tamil ladies"), as a name of one
person cannot ("the Smith family" names a family: "family" is not here)."""
_DESCRIBED_BEFORE: Final = re.compile(
    r"\b(?i:the|these|those|other|some|many|most|all|few|several|both|older|elderly|young|younger|old|local|"
    r"two|three|four|five|six|seven|eight|nine|ten|\d+)[ \t]+$"
)
"""An article, a quantifier or an age word right before a word that describes people ("The Pahari girls")."""
_ARTICLE_BEFORE: Final = re.compile(r"\b(?i:the|a|an|my|our|your|his|her|their)[ \t]+$")
_CONTRACTION: Final = re.compile(r"(?i:I|you|he|she|we|they|it|that|there)['’](?:m|s|re|ll|d|ve)")
"""A pronoun and its verb ("I'm", "He's"): never a name, whatever a model made of it."""
_INFLECTED: Final = re.compile(r"(?:di|ter|ke|me|ber)([a-z]{3,})")
_NYA: Final = re.compile(r"([A-Z][a-z]{2,})nya")
"""A capitalised word with the Indonesian suffix "-nya" ("Platnya", "Motornya"): a listed root's inflection."""
_PRONOUNS: Final = frozenset({"Me", "Him", "Us", "Them", "Myself", "Mine", "Yours", "Ours"})
"""English object pronouns ("Me daughter's at school", in some English speech): no name, unless a person's cue
(:data:`_PERSON_CUES`) reads one as a name somewhere in the text ("my friend Mine": a Turkish given name); then
every mention of it stays."""
_PERSON_CUES: Final = frozenset(
    {"person.intro", "person.honorific", "person.self", "person.speech", "person.nickname", "person.speaker"}
)
"""Person detectors that read a cue right next to the name (an introduction, a title, a label)."""
_DURATION_AFTER: Final = re.compile(
    r"[ \t]+(?i:minutes?|mins?|hours?|hrs?|seconds?|secs?|menit|jam|detik)\b(?![ \t]+(?i:old|of[ \t]+age|\d))"
)
"""A unit shorter than a day right after a number: a duration ("twenty minutes late", "dua puluh menit"), never
anyone's age ("two hours old" stays) nor an age before a time of day ("Umur saya 23 jam 9 malam ...")."""
_AGE_WORD_BEFORE: Final = re.compile(
    r"(?<![\w\-])(?i:aged?|umur|umurnya|umua|umuanyo|usia|usianya)(?:[ \t]+(?i:saya|ambo|aku|awak|gue|gua|nya|nyo|"
    r"dia|ia|my|her|his|is|was))?[ \t]*:?[ \t]+$"
)
"""An age word (and perhaps its owner) right before a number: the number is an age, whatever unit follows it."""
_COUNT_QUESTION: Final = re.compile(
    r"(?i:\bhow[ \t]+(?:many|much|long|often)\b|\bberapa[ \t]+(?:jam|hari|kali|lama|bulan|minggu|orang|anak|"
    r"rumah|klien|pelanggan|tamu|ribu|juta|banyak)\b|\bbara(?:pa)?[ \t]+(?:jam|hari|kali|lamo|urang|anak)\b)[^\n]*\?"
)
"""A question for a count or an amount of something other than years ("How many hours a week?", "Berapa jam
sehari?"): a bare number answering it is that count."""
_AGE_QUESTION: Final = re.compile(r"(?i:\bold\b|\bage\b|\bumur|\bumua|\busia|\btahun|\btaun|\byears?\b)")
_TURN_OPEN: Final = re.compile(r"[ \t.]*(?:[^\n:]{1,30}:[ \t]*)?$")
"""What may stand before an answer's first word on its line: a speaker label, masked (dots) or not."""
_NOTE_OPEN: Final = re.compile(r"(?:^|\n)[ \t]*[\[(]$")
_ENDINGS: Final = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"))
"""Regular English endings and what the word was before them ("families": "family", "recorded": "record")."""


def english_form(word: str) -> bool:
    """Whether a capitalised word is an ordinary word in one of its regular English forms ("Transcribed",
    "Speakers", "Recorded"): its lower case, or that without "-s", "-es", "-ed", "-d" or "-ing", is in
    :func:`makna.privacy.gazetteers.ordinary_words` (the English list, and the Indonesian and colloquial ones)."""
    low = word.lower()
    words = gz.ordinary_words()  # cached, and it holds the English words (a union here was rebuilt at every call)
    if low in words:
        return True
    for suffix, repl in _ENDINGS:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3 and low[: -len(suffix)] + repl in words:
            return True
    return False


def _known(word: str) -> bool:
    return word in gz.first_names("en") or word in gz.first_names("id") or word in gz.surnames()


_LISTED_BY: Final = ("person.gazetteer", "location.gazetteer")
"""Detectors that found the word in a name or place list."""


def _listed(det: Detection) -> bool:
    """Whether a name or a place list knows the span's word ("Rahmat", "Padang", "Reading"): a shape around it (a
    model year, a plate, a note's bracket, a plural noun of people) does not make it a thing."""
    return _known(det.text) or det.detector.startswith(_LISTED_BY)


def _model(scan: str, det: Detection, plates: Sequence[int]) -> bool:
    window = scan[max(0, det.start - 24) : det.start]
    if _YEAR_BEFORE.search(window):
        return not _QUALIFIES.match(scan, det.end)  # "the 2022 Kasmiati case": a name qualifying a noun
    gap = _PLATE_GAP.match(scan, det.end)
    return bool(gap and gap.end() in plates and _OWNER_BEFORE.search(window))


def _note_word(scan: str, det: Detection) -> bool:
    return bool(
        _NOTE_OPEN.search(scan, max(0, det.start - 8), det.start) and not _known(det.text) and english_form(det.text)
    )


def _document(scan: str, det: Detection, phones: Sequence[int]) -> bool:
    """Whether a span names a kind of document whose number follows ("my Civic Registry number, 4471-..."); not
    a firm or a person before a telephone number (``phones``: the starts of the PHONE spans), whose number is
    theirs ("I rang Wrenfield Cleaning number 0812 ...")."""
    m = _DOCUMENT_AFTER.match(scan, det.end)
    if m is None or any(det.end <= p < m.end() for p in phones):
        return False
    tail = det.text.split()[-1] in _DOCUMENT_TAILS
    if m.group(0).startswith(",") and not tail:
        return False
    if det.type != "PERSON" or tail:
        return True
    # a person is a document's name only after an article or a possessive ("my Civic Registry number"); after a
    # verb or a noun it is a person handed a number or owning one ("gave Rosmawati number ...", "friend Yusnidar ID")
    return bool(_ARTICLE_BEFORE.search(scan, max(0, det.start - 8), det.start))


def _plain_word(det: Detection) -> bool:
    """Whether a handle without its mark is an inflected Indonesian word ("akun itu diblokir", "akun ambo dipakai
    urang lain"): a listed root after a verb prefix, in lower case, no digit, dot or underscore."""
    m = _INFLECTED.fullmatch(det.text)
    return det.type == "HANDLE" and m is not None and m.group(1) in gz.dictionary_words()


def _answers_a_count(scan: str, det: Detection) -> bool:
    """Whether an age opens an answer to a question for a count of something other than years ("How many hours a
    week?" / "Fifty, sometimes sixty."): the question is the line before."""
    line = scan.rfind("\n", 0, det.start) + 1
    if line == 0 or not _TURN_OPEN.fullmatch(scan, line, det.start):
        return False
    question = scan[scan.rfind("\n", 0, line - 1) + 1 : line - 1]
    return bool(_COUNT_QUESTION.search(question)) and not _AGE_QUESTION.search(question)


def _calendar_holiday(scan: str, det: Detection) -> bool:
    """Whether a name ending in "Holiday" is a day off ("Bank Holiday", "Public Holiday"): every word before
    "Holiday" an ordinary English word, and no work phrase before it; a firm's name has a name's word ("Sumbar
    Holiday", a travel agency) or is where someone works ("kerja di ... Holiday")."""
    words = det.text.split()[:-1]
    if not all(w.isalpha() and not _known(w) and english_form(w) for w in words):
        return False
    return clause_cue(line_before(scan, det.start, 80)) != "work"


def _thing(scan: str, det: Detection, plates: Sequence[int], phones: Sequence[int], cued: Set[str]) -> bool:
    if _plain_word(det) or _CONTRACTION.fullmatch(det.text):
        return True
    if det.type == "AGE":
        if _AGE_WORD_BEFORE.search(scan, max(0, det.start - 24), det.start):
            return False  # "Umur saya 23 jam 9 malam ...": said as an age
        return bool(_DURATION_AFTER.match(scan, det.end)) or _answers_a_count(scan, det)
    if det.type in _NAMED and det.text in _PRONOUNS and det.text not in cued:
        return True  # a cue somewhere ("my friend Mine", "kawan saya Mine") makes it a name: "Mine" is one
    words = det.text.split()
    if det.type in _NAMED and len(words) > 1 and words[-1] == "Holiday" and _calendar_holiday(scan, det):
        return True  # "Bank Holiday Monday": a holiday, as lookalikes reads "Boxing Day", whatever cue made it a firm
    nya = _NYA.fullmatch(det.text)
    if nya and det.type in _NAMED and nya.group(1).lower() in gz.dictionary_words() and not _known(det.text):
        return True  # "Platnya KB 3419 NL": "plat" and its suffix
    if det.type in _NAMED and _document(scan, det, phones) and not _known(det.text.split()[0]):
        return True  # a listed given name before "number ..." is a person handed a number ("gave Maria number ...")
    if (
        det.type in _NAMED
        and det.text.lower() in JOB_WORDS
        and not _known(det.text)
        and _ARTICLE_BEFORE.search(scan, max(0, det.start - 8), det.start)
    ):
        return True  # "The Manager above them": a role after an article, whatever detector read it
    if det.type not in _NAMED or " " in det.text or not det.detector.startswith(_GUESSED):
        return False
    if _listed(det) and det.text not in gz.demonyms():
        return False  # "the 2019 Padang night market", "[Reading, 12 March", "sends Dewi clients": a listed word
    if _model(scan, det, plates) or _note_word(scan, det):
        return True
    if det.type == "PERSON" and _PEOPLE_AFTER.match(scan, det.end):
        # a demonym, or a word after an article, a quantifier or an age word ("The Pahari girls", "elderly Asian
        # ladies"); after a verb it is a person ("showed Rosmawati customers where to wait")
        return det.text in gz.demonyms() or bool(_DESCRIBED_BEFORE.search(scan, max(0, det.start - 16), det.start))
    if _POSSESSIVE.search(det.text) or _POSSESSIVE_AFTER.match(scan, det.end):
        return False  # "speak Tiurma's language": a language owns nothing, a person does
    return bool(_SPEAK_BEFORE.search(scan, max(0, det.start - 30), det.start))


def drop_context_things(scan: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` without the one-word guesses that their context shows to be a vehicle's model, a language or a
    transcriber's note, and without the other capital-letter guesses of a dropped guess's words."""
    plates = sorted(d.start for d in found if d.type == "PLATE")
    phones = [d.start for d in found if d.type == "PHONE"]
    cued = {d.text for d in found if d.detector.split("+")[0] in _PERSON_CUES}
    things = [_thing(scan, d, plates, phones, cued) for d in found]
    guessed = {d.text for d, thing in zip(found, things, strict=True) if thing and d.detector.startswith("unknown.")}
    return [
        d
        for d, thing in zip(found, things, strict=True)
        if not thing and not (d.text in guessed and d.detector.startswith("unknown."))
    ]
