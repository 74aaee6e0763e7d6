"""One type for a named venue, firm or place: the type its kind word gives it (issue #11, branch deidtype1).

The annotation conventions type a name by the kind of thing it names, and a name's kind word says which:
kos, wisma, hotels, guest houses, cafés, karaoke bars, pasar, stations, libraries,
community centres, estates and roads without a number are LOCATION; shops (``toko``), workshops, laundries,
pharmacies, clinics, hospitals, care homes, schools, colleges, universities, banks, co-operatives, travel
firms, foundations, companies (``PT``, ``Ltd``) and churches and chapels (``Gereja ...``, ``... Baptist Church``,
as the corpus README has them: met at, taken to or worked for alike; typing26) are ORG. The rules that find a
name each decide its type on their own evidence (a place list knows a town, a work cue says ``pegawai``, a
person's cue says ``Bos``), and the last to win is not always the one that read the kind word.
:func:`type_by_kind_words` runs after every stage and gives each named span (PERSON, ORG, LOCATION) the type
of its decisive kind word:

* inside the span: its first word (``Kos Anggrek Saiyo``, ``BPR Batang Ampalu``, ``Balai Latihan Kerja``), or
  else its last one or two (``Bean Theory Café``, ``Elmcroft Care Home``, ``Harrowfield Town``); a company's
  legal suffix at the end (``Ltd``, ``Inc.``) decides before anything else;
* just before the span, outside it (``di karaoke Bintang Bagurau``, ``ke kos melati saiyo``): the word types
  the name after it when that name is not typed PERSON (``kos Rina`` is Rina's kos) and no place list found it
  (``toko Air Gelubi`` is a shop in a listed place);
* a repeat of the name without its kind word (``Anggrek Saiyo`` after ``Kos Anggrek Saiyo``) takes the type of a
  mention whose kind word is inside its span, and only when it is an ORG, a LOCATION or a catch-all guess: a
  person found as one stays one (``Toko Budi Harsono``, then ``Budi Harsono orangnya baik``), and so do a listed
  place and the place a clinic or a school is named after (``Puskesmas X``, then ``dermaga X``);
* with no kind word: a catch-all guess (one unknown capitalised word) is an ORG when a platform's word follows
  it (``Quickbyte support``, ``my Farrowby account``) or, in English, when it is listed with an ORG by
  ``and``/``or`` (``for Trundlr and, when it's dead, Farrowby``); an ORG or LOCATION of three capitalised words
  with a Minang title inside (``Yusrizal Sutan Mangkuto``) is a PERSON
  (:func:`makna.privacy.adat.minang_title_gender`), unless a place detector found it or it starts with a suku's
  or a place's word (``Koto Sutan Marapak``).

A PERSON with evidence of a person is never retyped (a type-filtered run, ``--type PERSON``, must keep every
person): a person detector whose cue stands next to the name (``my neighbour Grace Town``, an honorific,
``namanya``), a kin or role word just before it, or, when no kind word is inside the span, a listed name of two
words or more, a kin, friend or owner word in its sentence (``itu teman saya``, ``is my cousin``,
``pemiliknya``) or a person's act right after it (``came over``, ``datang``).
A verb's cue (``rang X``) is no such evidence for a name of three words or more that ends with a firm's kind word
or legal suffix (``she rang Kerrow Money Advice``, gap18).

Only kind words whose type the open annotations agree on (at least nine spans in ten of one type, counted over
the open splits' gold spans; no corpus name is listed) decide: ``Rumah``, ``Balai``, ``Sanggar``, ``Kedai``,
``Warung`` and an English ``Market`` (a workplace is sometimes an ORG), ``Kitchen``, ``Centre`` alone or
``Police Station`` do not. Round sixteen (deidgap16) added, by the same count: ``Sungai`` (26 of 26 LOCATION),
``Kawasan`` and ``Istano``/``Istana`` first, ``County`` and ``District`` last (LOCATION); ``Elementary`` (3 of 3),
``Primary`` (7 of 7), ``Group``, ``Agency``, ``United`` and ``Collegiate`` last (ORG). Round eighteen (gap18)
added, by the same count: ``Pusat`` (8 of 8), ``Lembaga`` (6 of 6), ``Pabrik`` (6 of 6) and ``Kantor`` (5 of 5)
first, ``Staffing`` (4 of 4), ``Homecare`` (5 of 5) and ``Care`` (9 of 9) last (ORG); and institutions of the kind
of ``Polsek`` with one span each, all ORG (``Pengadilan``, ``Lapas``, ``Posko``, ``Tabloid``; ``Rutan``,
``Majalah``, ``Advice``, ``SACCO`` with them). Not ``Dinas`` (13 of 13): the Balinese ``Banjar Dinas ...`` is a
place, and an ORG word inside it would keep it from its stay phrase's type. ``State`` is left out
(seven LOCATION, one ORG: a university's short name); :mod:`makna.privacy.placespans` reads it in context.
Every name in these docstrings is invented.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Final

from .adat import clan_names, minang_title_gender
from .neighbours import ROLES
from .places import LOCATION_TYPE_WORDS, ORG_TYPE_WORDS
from .types import Detection

__all__ = ["FIRM_AFTER", "KIND_FIRST", "KIND_LAST", "has_person_evidence", "kind_of", "type_by_kind_words"]

_LOC: Final = "LOCATION"
_ORG: Final = "ORG"
_NAMED: Final = frozenset({"PERSON", _ORG, _LOC})

_LOC_FIRST: Final = (
    "kos kost kosan kostan wisma hotel penginapan losmen homestay kafe cafe café warkop karaoke ktv "
    "pasar taman simpang pantai terminal stasiun bandara pelabuhan dermaga dusun teluk muara jembatan masjid "
    "mesjid musala mushola lapangan kampung nagari jorong desa kelurahan kel. kecamatan kec. kabupaten kab. kota "
    "provinsi pulau danau perumahan kompleks komplek asrama jalan jl. jln. sungai kawasan istano istana"
)
_ORG_FIRST: Final = (
    "pt pt. cv cv. ud ud. koperasi ksp kspps bmt kopdit kud yayasan toko kios apotek apotik laundry bengkel salon "
    "klinik bank bpr universitas institut politeknik akademi sekolah stikes sma smk smp sd sdn smpn sman smkn "
    "mts madrasah pesantren tk paud tpa tpq polsek polres polresta lbh posyandu puskesmas rs rsud rsu paguyuban "
    "serikat lsm "
    "konveksi percetakan butik travel perusahaan ekspedisi kelompok firma "
    "pusat lembaga pabrik kantor pengadilan lapas rutan posko tabloid majalah gereja"
)
KIND_FIRST: Final[dict[str, str]] = {
    **{w: _LOC for w in _LOC_FIRST.split()},
    **{w: _ORG for w in _ORG_FIRST.split()},
    "balai latihan": _ORG,
    "rumah sakit": _ORG,
    "pondok pesantren": _ORG,
}
"""A name's first word (or two), case-folded, and the type it gives the name."""

_LOC_LAST: Final = (
    "road street lane avenue estate park library café cafe square town city village common heath hotel "
    "inn hostel motel guesthouse bay beach county district"
)
_ORG_LAST: Final = (
    "college university school academy hospital clinic surgery pharmacy infirmary services solutions logistics "
    "freight partners finance alliance union foundation motors couriers bank laundry salon auto autos cycles repairs "
    "elementary primary collegiate group agency united staffing homecare care advice sacco church chapel"
)
KIND_LAST: Final[dict[str, str]] = {
    **{w: _LOC for w in _LOC_LAST.split()},
    **{w: _ORG for w in _ORG_LAST.split()},
    "community centre": _LOC,
    "community center": _LOC,
    "guest house": _LOC,
    **{f"{w} {h}": _LOC for w in ("bus", "coach", "train", "railway", "tube") for h in ("station", "garage")},
    "care home": _ORG,
    "care lodge": _ORG,
    "care centre": _ORG,
    "nursing home": _ORG,
    "health centre": _ORG,
    "health center": _ORG,
    "medical centre": _ORG,
    "medical center": _ORG,
}
"""A name's last word (or two), case-folded, and the type it gives the name."""

_LEGAL: Final = frozenset({"ltd", "ltd.", "limited", "inc", "inc.", "llc", "plc", "tbk", "tbk."})
_WORD: Final = re.compile(r"\S+")
_BEFORE: Final = re.compile(r"(\S+)[ \t]+$")
_FIRST_OUTSIDE: Final = frozenset(
    "kos kost kosan wisma hotel penginapan losmen homestay kafe cafe café karaoke toko apotek "
    "laundry bengkel salon koperasi klinik".split()
)
"""Kind words that type the name written just after them, outside its span (``di karaoke Bintang Bagurau``)."""


def _words(text: str) -> list[str]:
    return [w.casefold().rstrip(",'’") for w in _WORD.findall(text)]


def kind_of(text: str) -> tuple[str, str] | None:
    """The type a name's own kind word gives it and the name without that word (``("LOCATION", "Anggrek
    Saiyo")`` for ``Kos Anggrek Saiyo``), or None when no decisive kind word is there."""
    words = _words(text)
    if len(words) < 2:
        return None
    spans = _WORD.findall(text)
    if words[-1] in _LEGAL:
        return _ORG, " ".join(spans[:-1])
    for n in (2, 1):
        if len(words) > n and (kind := KIND_FIRST.get(" ".join(words[:n]))):
            return kind, " ".join(spans[n:])
    if "of" in words[1:-1]:  # "Drivers Union of Kisumu County": the head before "of" names the kind, not the place
        at = words.index("of")
        for n in (2, 1):
            if at >= n and (kind := KIND_LAST.get(" ".join(words[at - n : at]))):
                return kind, " ".join(spans[: at - n] + spans[at + 1 :])
    for n in (2, 1):
        if len(words) > n and (kind := KIND_LAST.get(" ".join(words[-n:]))):
            return kind, " ".join(spans[:-n])
    return None


def _outside_kind(scan: str, det: Detection) -> str | None:
    """The type given by a kind word written just before ``det`` (same line), if any."""
    line_start = scan.rfind("\n", 0, det.start) + 1
    m = _BEFORE.search(scan, max(line_start, det.start - 24), det.start)
    if m is None:
        return None
    word = m.group(1).casefold()
    if word not in _FIRST_OUTSIDE:
        return None
    return KIND_FIRST.get(word)


FIRM_AFTER: Final = re.compile(
    r"[ \t]+(?:support|accounts?|helpline|hotline|rating|drivers|riders|couriers|customer[ \t]+service)\b",
    re.IGNORECASE,
)
"""Words after a name that make it a firm's: ``Quickbyte support``, ``my Farrowby account``, ``Zoomr drivers``
(not ``app``: an app used as a tool is no identifier, :mod:`makna.privacy.lookalikes`)."""
_LISTED: Final = re.compile(
    r"(?:[ \t]*,)?[ \t]+(?:and|or|&)(?:[ \t,]+(?!(?:my|his|her|their|our|your|the|a|an|to|from|with|at|in|he|she|"
    r"they|we|i)\b)[a-z][\w'’]*){0,5}[ \t,]*"
)
"""What may stand between two names listed alike in English: ``and``/``or`` with a few lower-case words
(``and sometimes``, ``and, when it's dead,``), none a possessive, a pronoun or a preposition that would start a
phrase of its own."""


def _guess_kind(
    scan: str, det: Detection, orgs: Sequence[Detection], starts: Sequence[int], language: str
) -> str | None:
    """ORG for a catch-all guess (one word, typed PERSON or LOCATION for want of evidence) named with a
    platform's word after it, or (in English) listed with an ORG by ``and``/``or``; else None. ``orgs``: the ORG
    spans sorted by start, ``starts`` their starts (only those within reach are read)."""
    if not det.detector.startswith("unknown.") or det.type == _ORG or " " in det.text.strip():
        return None
    if FIRM_AFTER.match(scan, det.end):
        return _ORG
    if language != "en":
        return None
    for org in orgs[bisect_left(starts, det.start - 200) : bisect_right(starts, det.end + 40)]:
        lo, hi = (org.end, det.start) if org.end <= det.start else (det.end, org.start)
        if 0 < hi - lo <= 40 and _LISTED.fullmatch(scan, lo, hi):
            return _ORG
    return None


_TYPE_WORDS: Final = frozenset(w.casefold() for w in (*LOCATION_TYPE_WORDS, *ORG_TYPE_WORDS))
_PLACE_HEADS: Final = frozenset(
    "koto kota lubuk lubuak sungai batang batu bukit bukik padang parak tanah tanjung tanjuang teluk taluak "
    "muara muaro ujung ujuang pasa pasar kampung kampuang air aia pulau pulo balai rimbo guguak sawah kubang".split()
)
"""First words of a place's name (``Koto``, ``Lubuk``, ``Sungai``...): a title word after them is part of the place
(``Koto Sutan Ameh``), not a person's gelar."""


def _gelar_person(det: Detection) -> bool:
    """Whether ``det``, an ORG or LOCATION without a kind word, is a person's full name with a Minang title
    inside it (``Yusrizal Sutan Mangkuto``): a given name, a title word, a gelar word. Not a place a place
    detector found, nor a name whose first word is a suku's or a place's (``Koto Sutan Ameh``)."""
    words = det.text.split()
    if det.type == "PERSON" or det.detector.startswith("location.") or len(words) < 3:
        return False
    first = words[0].casefold()
    if (
        first in _TYPE_WORDS
        or first in _PLACE_HEADS
        or first in _clans()
        or " ".join(words[:2]).casefold() in _TYPE_WORDS
    ):
        return False
    if not all(w[:1].isupper() for w in words):
        return False
    return any(minang_title_gender(w) is not None for w in words[1:-1])


@cache
def _clans() -> frozenset[str]:
    return frozenset(c.casefold() for c in clan_names())


_STRONG: Final = frozenset(
    {
        "person.intro",
        "person.honorific",
        "person.self",
        "person.speech",
        "person.nickname",
        "person.role",
        "person.en_role",
        "person.en_kin_apposed",
        "person.speaker",
        "person.sender",
        "person.answer",
    }
)
"""Person detectors whose cue is written next to the name (``my neighbour X``, ``Bu X``, ``namanya X``)."""
_KIN: Final = (
    r"(?:mate|friend|pal|neighbour|neighbor|cousin|colleague|workmate|brother|sister|son|daughter|wife|husband|"
    r"uncle|aunt|auntie|nephew|niece|teman|kawan|kanti|sahabat|tetangga|sepupu|abang|adik|kakak|rekan|istri|"
    r"suami|bini|pacar|mantan|ponakan|keponakan|cucu|pemilik|owner|orang|urang)(?:ku|nya|nyo|mu)?"
)
_ROLE_BEFORE: Final = re.compile(rf"(?i:\b{ROLES}(?:[ \t]+(?:saya|aku|ambo|awak|kami|gue|gw|ku))?)[ \t]+$")
_CUE_AFTER: Final = re.compile(
    r"[ \t]*,?[ \t]+(?i:said|says|told|asked|came|comes|went|helped|called|rang|texted|replied|bilang|datang|"
    r"pergi|pulang|kato|kecek|marah)\b"
)
_KIN_WORD: Final = re.compile(rf"(?i:\b{_KIN}\b)")
_SENTENCE_END: Final = re.compile(r"[.!?\n]")


@lru_cache(maxsize=4)
def _sentences(scan: str) -> tuple[list[int], list[int], list[int]]:
    """The offsets of ``scan``'s sentence ends, and its kin words' starts and ends (whole words, never overlapping:
    both in order), read once per text: a long sentence of many names was read again for each name (review26)."""
    kin = [(m.start(), m.end()) for m in _KIN_WORD.finditer(scan)]
    return [m.start() for m in _SENTENCE_END.finditer(scan)], [a for a, _ in kin], [b for _, b in kin]


def _sentence_cue(scan: str, det: Detection) -> bool:
    """Whether the sentence of ``det`` holds a kin or owner noun (``itu teman saya``, ``is my cousin``,
    ``orangnya baik``, ``pemiliknya``) outside the span, or a person's act right after it (``came over``)."""
    if _CUE_AFTER.match(scan, det.end):
        return True
    ends, kin_starts, kin_ends = _sentences(scan)
    before = bisect_left(ends, det.start)
    start = ends[before - 1] + 1 if before else 0
    after = bisect_left(ends, det.end)
    end = ends[after] if after < len(ends) else len(scan)
    for lo, hi in ((start, det.start), (det.end, end)):
        first = bisect_left(kin_starts, lo)  # the first kin word from lo: it ends first of those after it
        if first < len(kin_starts) and kin_ends[first] <= hi:
            return True
    return False


def has_person_evidence(scan: str, det: Detection, own_kind: bool) -> bool:
    """Whether ``det``, typed PERSON, is a person by evidence no kind word outweighs: a cue next to the name
    (a person detector's cue, ``my cousin``/``tetangga saya`` before it), or, without a kind word inside the span,
    a two-word listed name or a person cue in its sentence."""
    if det.type != "PERSON":
        return False
    line_start = scan.rfind("\n", 0, det.start) + 1
    if det.detector == "person.intro" and _firm_named(det.text):
        return False  # "she rang Kerrow Money Advice": a verb's cue does not outweigh a firm's last word
    if det.detector in _STRONG or _ROLE_BEFORE.search(scan, max(line_start, det.start - 40), det.start):
        return True
    if own_kind:
        return False
    two_words = " " in det.text.strip()
    return (det.detector == "person.gazetteer" and two_words) or _sentence_cue(scan, det)


def _firm_named(text: str) -> bool:
    """Whether ``text``, a name of three words or more, ends with an organisation's kind word or legal suffix
    (``... Money Advice``, ``... Staffing``, ``... Ltd``): no person is named so."""
    words = _words(text)
    if len(words) < 3:
        return False
    return words[-1] in _LEGAL or any(KIND_LAST.get(" ".join(words[-n:])) == _ORG for n in (1, 2))


def _listed_place(det: Detection) -> bool:
    """A span found by a place list (a gazetteer's, a neighbourhood list's): its kind word outside or a repeat
    does not retype it (``toko Lubuk Buaya``: a shop in a listed neighbourhood)."""
    return "gazetteer" in det.detector or det.detector in {"location.list", "location.listed"}


def _retyped(det: Detection, kind: str) -> Detection:
    return Detection(det.start, det.end, kind, det.confidence, det.detector, det.text)


def type_by_kind_words(scan: str, language: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with each named span typed by its decisive kind word and repeats of the name typed alike
    (module docstring); the pipeline then types them by their role in the sentence
    (:func:`makna.privacy.roletypes.type_by_role`). ``scan``: the text the spans index (speaker labels masked);
    ``language``: ``id`` or ``en``."""
    out = list(found)
    names: dict[str, str] = {}
    placed: set[str] = set()  # one-word names an ORG is named by: a place keeps its type (Puskesmas X, X)
    decided: set[int] = set()
    orgs = sorted((d for d in found if d.type == _ORG), key=lambda d: d.start)
    starts = [o.start for o in orgs]
    for i, det in enumerate(out):
        if det.type not in _NAMED:
            continue
        own = kind_of(det.text)
        if has_person_evidence(scan, det, own is not None):
            decided.add(i)
            continue
        if own is not None:
            kind, rest = own
            names.setdefault(det.text.casefold(), kind)
            if rest:
                names.setdefault(rest.casefold(), kind)
                if kind == _ORG and " " not in rest.strip():
                    placed.add(rest.casefold())
        else:
            outside = _outside_kind(scan, det)
            if outside is not None and det.type != "PERSON" and not _listed_place(det):
                kind = outside
            elif (guessed := _guess_kind(scan, det, orgs, starts, language)) is not None:
                kind = guessed
            elif _gelar_person(det):
                out[i] = _retyped(det, "PERSON")
                continue
            else:
                continue
        decided.add(i)
        if det.type != kind:
            out[i] = _retyped(det, kind)
    if not names:
        return out
    for i, det in enumerate(out):
        if i in decided or det.type not in _NAMED or _listed_place(det):
            continue  # a listed place keeps its type (a campus named after its town, toko X / X)
        if det.type == "PERSON" and not det.detector.startswith("unknown."):
            continue  # a person found as one (Toko Budi Santoso ... Budi Santoso orangnya baik)
        kind_for = names.get(det.text.casefold())
        if kind_for is None or kind_for == det.type:
            continue
        if det.type == _LOC and det.text.casefold() in placed:
            continue  # the place a clinic or a school is named after (Puskesmas X ... dermaga X)
        out[i] = _retyped(det, kind_for)
    return out
