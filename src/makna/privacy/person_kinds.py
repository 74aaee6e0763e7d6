"""Persons that the earlier stages typed ORG or LOCATION, or missed, by kinds of speech (issue 11, deidperson6).

A late pass over the final detections of a text (:func:`person_kinds`), each rule a general shape, never a
corpus string:

* **a rank or title before a surname** (:data:`RANKS`): "DC Morrison", "Sgt Tremayne", "Bripka Sutrisno",
  "Kompol Hutapea": the rank stays outside the span (like an honorific) and the capitalised word after it is a
  PERSON, whatever the learned layer made of the pair; only after a rank-like abbreviation (:data:`_ABBREVIATED`)
  is a place list's or a firm's word no name ("DI Yogyakarta"; "PC World" is then an ORG, never dropped), and
  after a spelled-out rank any capitalised word is a name ("Sergeant Hill", "Officer Park");
* **a family** named "the" + a plural surname ("a host family, the Pennycooks", "the Adeyemis from my mum's
  village"): the plural is a PERSON when its singular is a listed surname or first name, or "family" comes just
  before; "the" stays outside;
* **a run headed by a listed first name** (gendered name data) typed LOCATION ("Kevin Kingston", "Mohammed
  Irfan Chaudhry", "Wulan Sirukam"): a person even where a later part is a listed place, unless the whole run
  is a place, holds a place's or firm's kind word, or follows a preposition of place;
* **a person named in a transcript header's legend** ("T = pewawancara (Nurul Aisyah)", "Res = researcher
  (Philippa Garside)"), as :func:`makna.privacy.legend.read_legend` reads it (the one reader of legends); the
  codes it defines ("Pnl = peneliti, Nar = narasumber") are labels, and no detection of them is kept, when they
  are code-shaped and label turns of the text ("Pnl: ...");
* **a word explained as a name** ("Soka itu nama aslinyo", "Wren is my real name") is a PERSON wherever it
  stands capitalised; **a word explained as a common noun**, opening its clause and followed by a gloss
  ("Wambo is what we call an uncle", "Nyaai tu panggilan untuak nenek"), in no name list and found by no person
  evidence in the text (:data:`_EVIDENCE`), is no PERSON anywhere in the text ("X, which means ..." explains
  no word: "Tom, which means I'd be late" keeps Tom);
* **a chosen name in quotes** after a verb of naming ('You can call me "Wren"', 'Tulis sajo "Rindu"'): a PERSON,
  and so is every quoted or capitalised mention of it;
* **a short form** of a PERSON found in the same text ("Rosalind ... Ros", "Armaila ... Maila", "Wilhelmina ...
  Mina"): a capitalised token that begins or ends a longer name token (or ends it but for its first letter,
  taken from before), used where a person would be (before a lower-case word, or after "to", "ka", "with",
  "samo"...), never written in lower case in the text.

Every new PERSON span keeps clear of the other detections; a retyped span keeps its offsets unless the rank or
"the" was inside it (then only the name is kept).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import Folded, gated_finditer, split_top
from ._text import HONORIFICS, RANK_HONORIFICS, SpanIndex, is_sentence_initial
from .catchall import in_lower_case
from .legend import labels_turns, read_legend
from .places import ORG_SUFFIX_WORDS
from .roletypes import place_apposed
from .types import Detection

__all__ = ["RANKS", "person_kinds"]

RANKS: Final = RANK_HONORIFICS | frozenset(
    # UK police and armed forces, written short and long
    "WPC DC DS DI DCI DSI DSU Supt Insp Insp. Cpl Cpl. LCpl Pte Pte. Maj Maj. Col Col. Brig Cmdr Corporal "
    "Lieutenant Colonel Superintendent Commander Brigadier "
    # Indonesian police (Polri) and armed forces (TNI) ranks
    "Bharada Bharatu Bharaka Brigpol Brigjen Irjen Komjen Prada Pratu Praka Kopda Koptu Kopka Serma Peltu Mayor "
    "Letkol Kolonel Sersan".split()
)
"""Ranks said before a surname: honorific-like (outside the PERSON span), and the capitalised word after one is
a person's name; those also said as an address are :data:`makna.privacy._text.RANK_HONORIFICS`."""

_AMBIGUOUS_RANKS: Final = frozenset({"DC", "DS", "DI", "PC", "Lt", "Col", "Maj", "Mayor", "Major"})
"""Ranks that are also other abbreviations or words ("PC World", "Major Road"): the word after them must be no
ordinary word that no name list has (and after "DI", Daerah Istimewa, no listed place: "DI Yogyakarta")."""

_ABBREVIATED: Final = frozenset({"DC", "DS", "DI", "PC"})
"""Rank-like letters that also open a firm's or place's name ("PC World", "DI Yogyakarta"): only after them is a
firm's or place's word, a brand, a country or a month no name. After a spelled-out rank ("Sergeant Hill",
"Officer Park", "Inspector Marsh") or an Indonesian one, a capitalised word is a name."""

_NO_NAME: Final = frozenset(
    "The This That Then There They When What Where Yes No Okay Ok Oke Iya Ya Thanks Sorry Maaf And But Or So".split()
)
"""Capitalised words after a spelled-out rank that are no name ("Officer The ..."): the rank pass leaves them."""

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŴŶŸŹŻŽ"
_WORD = rf"[{_UP}](?:[^\W\d_]|['’])+(?:-[{_UP}][^\W\d_]+)?"
_NOT_IN = r"(?![\w'’@\-])"
_RANK_RX: Final = re.compile(
    r"(?<![\w'’\-.])(?P<rank>"
    + "|".join(re.escape(r) for r in sorted(RANKS, key=lambda w: (-len(w), w)))
    + rf")[ \t]+(?P<n>{_WORD}(?:[ \t]+{_WORD})?){_NOT_IN}"
)
_KIND: Final = re.compile(
    r"(?i:\b(?:hotel|wisma|kos|kost|kafe|cafe|café|karaoke|pasar|jalan|jl|street|st|road|rd|lane|way|avenue|"
    r"drive|close|park|station|square|church|gereja|masjid|mosque|school|sekolah|hospital|rumah|klinik|clinic|"
    r"warung|toko|shop|ltd|pt|cv|world|centre|center|house|hall|court|estate|bridge|market|village|town|city|"
    r"kota|kabupaten|kecamatan|desa|nagari|jorong|kampung|kampuang|pantai|bukit|gunung|sungai|danau|hill|heath|"
    r"green|gardens|grove|palace|line|cross|gate|end|row|place|terrace|crescent|mews|walk|yard|wharf|quay|common|"
    r"fields|vale|rise|bay|beach|island|islands|point|harbour|harbor|port|valley|lake|mount|forest|wood|woods|"
    r"heights|springs|falls|creek|river|marsh|moor|downs|bank|coast|cape|taman|jembatan|simpang|lapangan|"
    r"terminal|bandara|airport|pulau|teluk|muara|air|batang|tanjung|tanjuang)\b)"
)
_PLACE_BEFORE: Final = re.compile(
    r"(?i:\b(?:in|at|near|into|on|di|ke|ka|dekat|daerah|kota|jalan|jl\.?|jln\.?|kampung|kampuang|desa|nagari)[ \t]+)$"
)


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Given names (gendered lists), all names (with surnames), places, ordinary words, stop words."""
    given = gz.first_names("id") | gz.first_names("en") | gz.world_first_names()
    names = given | gz.surnames()
    stop = gz.stop_caps() | gz.brands() | gz.demonyms() | gz.countries() | HONORIFICS | RANKS | _CALENDAR
    return given, names, gz.all_places() | gz.places_local(), gz.ordinary_words(), stop


_CALENDAR: Final = frozenset(
    "Senin Selasa Rabu Kamis Jumat Sabtu Minggu Ahad Januari Februari Maret April Mei Juni Juli Agustus September "
    "Oktober November Desember Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "May June July August October December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Allah Tuhan God "
    "Jesus Christ Yes No Okay Ok Oke Iya Ya Thanks Sorry Maaf The This That Then There They When What Where".split()
)


def _firm_or_place_word(word: str) -> bool:
    return word in ORG_SUFFIX_WORDS or word in gz.brands() or bool(_KIND.fullmatch(word))


def _ranked(text: str) -> Iterator[tuple[int, int, int, bool]]:
    """The rank's start and the name after it (module docstring), less trailing kind or stop words, and whether
    it is a name (a firm's or place's word after a rank-like abbreviation is none)."""
    _given, names, places, ordinary, stop = _lists()
    for m in _RANK_RX.finditer(text):
        rank = m.group("rank").rstrip(".")
        before = re.search(r"(\S+)[ \t]$", text[max(0, m.start() - 30) : m.start()])
        if before and before.group(1)[:1].isupper() and before.group(1).rstrip(",.;:") == before.group(1):
            if before.group(1) not in stop:
                continue  # "Parit Mayor": a rank-like word inside a capitalised run, a place's or firm's name
        words = list(re.finditer(r"\S+", m.group("n")))
        while len(words) > 1 and (_firm_or_place_word(words[-1].group(0)) or words[-1].group(0) in stop):
            words.pop()
        texts = [w.group(0) for w in words]
        if any(w.isupper() for w in texts):
            continue  # a text or line in capitals ("DI RUMAH"): no rank can be told from a word there
        if rank in _ABBREVIATED and (texts[0] in stop or any(_firm_or_place_word(w) for w in texts)):
            yield m.start(), m.start("n"), m.start("n") + words[-1].end(), False  # "PC World": a firm after the letters
            continue
        if texts[0] in _NO_NAME or texts[0] in HONORIFICS or texts[0] in RANKS:
            continue  # "Officer The ...": no name after the rank; nothing retyped, nothing dropped
        if rank == "DI" and texts[0] in places:
            continue  # "DI Yogyakarta": Daerah Istimewa, a province
        if rank in _AMBIGUOUS_RANKS and texts[0].lower() in ordinary and texts[0] not in names:
            continue  # "Officer Friendly", "Major Road": an ordinary word after a word that may be no rank
        start = m.start("n")
        yield m.start(), start, start + words[-1].end(), True


_FAMILY: Final = re.compile(
    rf"(?<![\w'’\-])(?i:the)[ \t]+(?P<n>[{_UP}][a-zà-öø-ÿ'’]+(?:-[{_UP}][a-zà-öø-ÿ]+)?s){_NOT_IN}"
)
_FAMILY_CUE: Final = re.compile(r"(?i:\bfamil(?:y|ies)\b[^.\n]{0,12}$)")


def _families(text: str) -> Iterator[tuple[int, int, int]]:
    """The plural surname of "the Pennycooks" (module docstring)."""
    _given, names, places, ordinary, stop = _lists()
    for m in _FAMILY.finditer(text):
        plural = m.group("n")
        if plural in places or plural in stop or plural in names:
            continue  # "the Netherlands", "the Midlands"; a name ending in s is a person, not a family
        stems = [plural[:-1]] + ([plural[:-2]] if plural.endswith("es") else [])
        listed = any(s in names and s.lower() not in ordinary and s not in places for s in stems)
        cue = _FAMILY_CUE.search(text, max(0, m.start() - 30), m.start()) is not None
        if any(s in stop or s.lower() in ordinary and s not in names for s in stems) and not cue:
            continue  # "the Reds", "the Riders": plurals of ordinary words
        if listed or cue:
            yield m.start(), m.start("n"), m.end("n")


def _legend(text: str) -> tuple[frozenset[str], list[tuple[int, int]]]:
    """The label codes the header legend defines (:func:`makna.privacy.legend.read_legend`) that label turns of
    the text, and the persons it names in brackets (module docstring). (A later chunk of a long text is read the
    same way: it opens with turns, where such a legend whose codes label turns does not stand.)"""
    legend = read_legend(text)
    stop = _lists()[4]
    codes = frozenset(c for c in legend.codes if labels_turns(text, c))  # "Sari = informan" names a person
    people = [(s, e) for s, e in legend.names if not any(w in stop for w in text[s:e].split())]
    return codes, people


_NAMED_AS: Final = re.compile(
    rf"(?<![\w'’\-])(?P<n>{_WORD})[ \t,]+(?:(?i:itu|tu|tuh|adalah|is|was)[ \t]+)"
    r"(?i:(?:(?:my|his|her|their|our|the)[ \t]+)?(?:real[ \t]+|actual[ \t]+|given[ \t]+)?name|"
    r"nama|namo)(?:[ \t]+(?i:asli|aslinya|aslinyo|asline|panggilan|panggilannya|panggilannyo))?(?:nya|nyo|ku)?"
    # not a place's, a shop's or an app's name, nor a name on an app ("Tamu tu namonyo di aplikasi @...": the guest)
    r"(?![\w'’\-])(?![ \t]+(?i:(?:di|dalam|in|on)[ \t]+)?(?i:kota|tempat|daerah|jalan|kampung|kampuang|toko|kafe|"
    r"hotel|wisma|kos|aplikasi|app|"
    r"of[ \t]+(?:a|the|our|my)[ \t]+(?:town|place|street|shop|road|village|app|company|firm)))"
)
_COMMON: Final = re.compile(
    rf"(?<![\w'’\-])(?P<n>{_WORD})[ \t,]+(?i:is[ \t]+what[ \t]+(?:we|they|people|you|everyone)[ \t]+"
    r"(?:call|say)[ \t]+(?:to[ \t]+|for[ \t]+)?(?:a|an|any|every|someone|people)\b|"
    r"(?:itu|tu|tuh)[ \t]+(?:panggilan|sebutan|kata)[ \t]+(?:untuk|untuak|buat|bagi|ka|ke|kepada)[ \t]+"
    r"(?!(?:dia|inyo|ambo|aku|saya|kami|awak|kamu|nya|ia)\b)"
    r"(?![a-z]+(?:ku|mu|nya|nyo)\b)(?![a-z]+[ \t]+(?:saya|aku|ambo|awak|kami|kita|dia|inyo|ia)\b)[a-z])"
)
"""A word glossed as a common noun, with an article or a bare lower-case noun after it ("Wambo is what we call an
uncle", "Nyaai tu panggilan untuak nenek"); a gloss naming one person ("... untuk anak saya") is none."""
_NAMED_AS_LINES: Final = Folded(("nam",), _NAMED_AS)
_COMMON_LINES: Final = Folded(("what", "panggilan", "sebutan", "kata"), _COMMON)
"""The lines of the two glosses (shared word-start pass): both are led by a look-behind and a capitalised word, so
they were tried at every position of a text. Every match of :data:`_NAMED_AS` holds ``name``, ``nama`` or ``namo``
at a word's start, every match of :data:`_COMMON` ``what``, ``panggilan``, ``sebutan`` or ``kata``; none holds a
newline."""

_EVIDENCE: Final = frozenset(
    "person.intro person.self person.honorific person.gazetteer person.speaker person.sender person.nickname "
    "person.legend person.explained person.chosen person.rank person.family person.apposed person.en_kin_apposed "
    "person.vocative person.thanked person.corrected person.known person.document person.account_name "
    "person.initials person.wordname".split()
)
"""Person detectors whose find is evidence of a name (an introduction, a name list, an honorific...): a word
any of them finds is used as a name in the text, and no common-noun gloss drops it."""


def _explained(text: str, chosen: set[str]) -> tuple[set[str], set[str]]:
    """Words the text explains as a name, and words it explains as a common noun (module docstring): the
    latter open their clause, and no name list has them nor explains them as a name."""
    given, names, places, _ordinary, stop = _lists()
    named = {
        n
        for m in gated_finditer(_NAMED_AS, _NAMED_AS_LINES, text)
        if (n := m.group("n")) not in stop and not n.isupper() and len(n) > 2
    }
    common = {
        m.group("n")
        for m in gated_finditer(_COMMON, _COMMON_LINES, text)
        if m.group("n") not in names and is_sentence_initial(text, m.start("n"))
    }
    common -= named | chosen
    return named, common


_NAMING: Final = (
    r"call[ \t]+(?:me|her|him|them)|calls[ \t]+(?:me|her|him)|called[ \t]+(?:me|her|him)|name[ \t]+me|"
    r"put[ \t]+me[ \t]+(?:down[ \t]+)?as|just[ \t]+put|write[ \t]+me[ \t]+(?:down[ \t]+)?as|"
    r"tulis|tulih|pakai[ \t]+nama|pake[ \t]+nama|panggil|sebut"
)
"""The verbs of naming before a quoted name, each alternative led by its first word's letters."""
_CHOSEN_QUOTED: Final = re.compile(
    rf"(?<![\w'’\-])(?i:{_NAMING})"
    r"(?:[ \t]+(?i:sajo|saja|aja|ajo|me|ambo|aku|saya|awak|nama|namo|as))*[ \t]*[,:]?[ \t]*"
    rf"[\"“'‘](?P<n>{_WORD}(?:[ \t]+{_WORD})?)[\"”'’]"
)
_CHOSEN_QUOTED_LINES: Final = Folded(
    tuple(dict.fromkeys(re.split(r"[^a-z]", alt, maxsplit=1)[0] for alt in split_top(_NAMING))),
    _CHOSEN_QUOTED,
)
"""The lines :data:`_CHOSEN_QUOTED` is run on (:func:`._fastrx.gated_finditer`): those where a word starts with the
first word of a verb of naming (the shared word-start pass). The pattern, led by a look-behind and a case-folded
alternation, is tried at every position of a text (about 0.14 s a pass over the open interviews against 0.04 s
gated). Exact: every match starts with such a word after a character that is not ``\\w`` and holds no newline."""


def _chosen(text: str) -> set[str]:
    """Names given in quotes after a verb of naming (module docstring)."""
    stop, places = _lists()[4], _lists()[2]
    return {
        m.group("n")
        for m in gated_finditer(_CHOSEN_QUOTED, _CHOSEN_QUOTED_LINES, text)
        if not any(w in stop for w in m.group("n").split())
        and m.group("n") not in places
        and not m.group("n").isupper()
    }


def _mentions(text: str, word: str) -> Iterator[tuple[int, int]]:
    for m in re.finditer(rf"(?<![\w'’\-]){re.escape(word)}{_NOT_IN}", text):
        yield m.start(), m.end()


_SHORT_BEFORE: Final = re.compile(
    r"(?i:\b(?:to|with|and|for|ka|ke|samo|sama|dengan|jo|call|called|panggil|bilang|told|tell|asked)[ \t]+)$"
)
_TOKEN: Final = re.compile(rf"(?<![\w'’\-])[{_UP}][a-zà-öø-ÿ]{{2,}}{_NOT_IN}")


def _short_index(fulls: set[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The short forms of ``fulls``, lower case, built once: those that begin or end a full token (two letters
    shorter at least), and the loose ones that end it but for their first letter, found one or two letters
    before that ending ("Mina" of "Yulmaina"). A look-up per token, however many names the text has."""
    strict: set[str] = set()
    loose: set[str] = set()
    for full in fulls:
        f = full.lower()
        n = len(f)
        for size in range(3, n - 1):
            strict.update((f[:size], f[-size:]))
            if size >= 4:
                at = n - size + 1
                loose.update(c + f[at:] for c in f[max(0, at - 2) : at])
    return frozenset(strict), frozenset(loose)


def _short_forms(text: str, persons: Sequence[Detection], taken: SpanIndex) -> Iterator[tuple[int, int]]:
    """Short forms of the text's PERSON names, used where a person would be (module docstring)."""
    given, names, places, ordinary, stop = _lists()
    fulls = {w for d in persons for w in re.findall(r"[^\W\d_]{5,}", d.text)}
    if not fulls:
        return
    strict, loose_forms = _short_index(fulls)
    tokens = list(_TOKEN.finditer(text))
    where: dict[str, list[int]] = {}
    for m in tokens:
        where.setdefault(m.group(0), []).append(m.start())
    verdict: dict[str, bool] = {}  # a word's answer, whatever its place: a short form of a name
    for m in tokens:
        word = m.group(0)
        if word not in verdict:
            low = word.lower()
            loose = low not in ordinary  # an ordinary word only as a plain beginning or ending ("Ros")
            verdict[word] = not (word in fulls or word in stop or word in places and word not in names) and (
                low in strict or loose and low in loose_forms
            )
            if verdict[word] and not loose:  # an ordinary word that only ever opens a sentence: none
                verdict[word] = any(not is_sentence_initial(text, at) for at in where[word])
            verdict[word] = verdict[word] and not in_lower_case(text, low)
        if not verdict[word] or taken.overlapping(m.start(), m.end()):
            continue
        after = text[m.end() : m.end() + 24]
        subject = re.match(r"[ \t]+[a-z]", after) is not None
        if subject or _SHORT_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            yield m.start(), m.end()


_RETYPABLE: Final = frozenset({"ORG", "LOCATION", "HANDLE"})
_KEPT: Final = frozenset({"location.gazetteer", "location.list", "org.platform", "org.suffix"})


def _headed_by_given(scan: str, det: Detection) -> bool:
    """A LOCATION run of two to four capitalised words headed by a listed given name (module docstring)."""
    given, names, places, ordinary, stop = _lists()
    words = det.text.split()
    if det.type != "LOCATION" or not 2 <= len(words) <= 4 or det.text in places or det.detector in _KEPT:
        return False
    head = words[0]
    if head not in given or head in places or head in stop or head.lower() in ordinary:
        return False
    if not all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words):
        return False
    if any(_firm_or_place_word(w) or w in stop for w in words):
        return False
    return not _PLACE_BEFORE.search(scan, max(0, det.start - 14), det.start) and not place_apposed(scan, det.end)


def _given_then_place(scan: str, found: list[Detection]) -> list[Detection]:
    """A listed given name's PERSON span and the one capitalised word after it typed LOCATION, with one space
    between ("Wulan Sirukam", "Kevin Kingston"): one person whose second part is also a place's name."""
    given, stop = _lists()[0], _lists()[4]
    out: list[Detection] = []
    for det in sorted(found, key=lambda d: (d.start, d.end)):
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type == "PERSON"
            and det.type == "LOCATION"
            and det.start == prev.end + 1
            and scan[prev.end] == " "
            and prev.text in given
            and " " not in det.text
            and det.text[:1].isupper()
            and det.text.isalpha()
            and det.text not in stop
            and not _firm_or_place_word(det.text)
        ):
            out[-1] = _person(prev.start, det.end, scan, prev.detector, prev.confidence)
            continue
        out.append(det)
    return out


_POSSESSIVE: Final = re.compile(r"(?P<stem>[A-Za-z]{3,}?)(?:ku|mu|nyo|nya)")
_KIN_STEMS: Final = frozenset(
    "temen kawan konco adiak adek uda uni etek mamak amak apak ayah ibu abang pacar laki bini kakak adik "
    "sepupu tetangga bos induak semang tamu langganan".split()
)
"""Nouns of relation, standard, colloquial and Minang, that take a possessive ending ("Temenku", "Kawanku",
"Pacarnyo") and open a sentence capitalised: never a name with that ending."""


def _possessed_noun(word: str) -> bool:
    """A relation noun with a possessive ending, that no name list has."""
    m = _POSSESSIVE.fullmatch(word)
    if m is None or word in _lists()[1]:
        return False
    stem = m.group("stem").lower()
    return stem in _KIN_STEMS


def _person(start: int, end: int, scan: str, detector: str, conf: float = 0.8) -> Detection:
    return Detection(start, end, "PERSON", conf, detector, scan[start:end])


def person_kinds(scan: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with the spans of this module's kinds typed PERSON, new PERSON spans added, and the header's
    label codes and the words explained as common nouns dropped (module docstring)."""
    codes, legend_people = _legend(scan)
    chosen = _chosen(scan)
    named, common = _explained(scan, chosen)
    common -= {d.text for d in found if d.detector in _EVIDENCE}  # used as a name in the text
    ranked = list(_ranked(scan))
    not_names = {(s, e): r for r, s, e, ok in ranked if not ok}
    # (lead, start, end, detector): lead is where the rank or "the" begins, which a retyped span may hold
    targets: list[tuple[int, int, int, str]] = [(r, s, e, "person.rank") for r, s, e, ok in ranked if ok]
    targets += [(t, s, e, "person.family") for t, s, e in _families(scan)]
    targets += [(s, s, e, "person.legend") for s, e in legend_people]
    for word in named | chosen:
        targets += [(s, s, e, "person.explained") for s, e in _mentions(scan, word) if not _is_code(scan, s, codes)]
    out: list[Detection] = []
    for det in found:
        if det.type == "PERSON" and (det.start, det.end) in not_names:
            # "PC World": the honorific rule's PERSON is a firm's word; retyped with its letters, never dropped
            lead = not_names[(det.start, det.end)]
            if any(d is not det and d.start < det.start and lead < d.end for d in found):
                lead = det.start  # the letters are another span's ("Washington DC"): the word alone
            det = Detection(lead, det.end, "ORG", det.confidence, det.detector, scan[lead : det.end])
        if det.text in codes or det.text in common and det.type in {"PERSON", "LOCATION", "ORG"}:
            continue  # a label the legend defines and the text uses; a word the text glosses as a common noun
        if det.type in {"PERSON", "LOCATION"} and _possessed_noun(det.text):
            continue  # "Kawanku, Soka, ...": "my friend", a noun with a possessive ending
        if det.type in _RETYPABLE and _headed_by_given(scan, det):
            det = _person(det.start, det.end, scan, "person.given_head", max(det.confidence, 0.75))
        out.append(det)
    spans = SpanIndex(_given_then_place(scan, out))
    for lead, start, end, detector in targets:
        inside = spans.overlapping(start, end)
        if any(d.type == "PERSON" for d in inside):
            wide = [d for d in inside if d.type == "PERSON" and d.start == lead < start and d.end == end]
            if wide and len(inside) == 1:  # "Insp Laidlow" as one PERSON: the rank is no part of the name
                spans.remove(wide[0])
                spans.add(_person(start, end, scan, wide[0].detector, wide[0].confidence))
            continue
        if any(d.type not in _RETYPABLE for d in inside):
            continue  # a structured identifier there: left as it is
        if any(d.start < lead or d.end > end + 1 for d in inside):
            continue  # a longer span that is more than the rank or "the" and the name: not ours to cut
        for d in inside:
            spans.remove(d)
        spans.add(_person(start, end, scan, detector))
    out = spans.kept()
    persons = [d for d in out if d.type == "PERSON"]
    for start, end in list(_short_forms(scan, persons, spans)):
        out.append(_person(start, end, scan, "person.short_form", 0.7))
    return sorted(out, key=lambda d: (d.start, d.end))


def _is_code(scan: str, start: int, codes: frozenset[str]) -> bool:
    """Whether the word at ``start`` is one of the legend's codes (never a name)."""
    return any(scan.startswith(c, start) for c in codes)
