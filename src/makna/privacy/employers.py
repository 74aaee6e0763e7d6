"""Organisations named by what people say about work, in Indonesian and English (issue 11, fifth round).

Two cue families, neither naming a string seen in a corpus file:

* **work phrases**: a work, delivery, hiring or firing verb or noun (``ride for``, ``drive for``, ``deliveries
  for``, ``laid off from``, ``shifts at``, ``kerja di``, ``narik buat``, ``masuk``, ``ikut``, ``disalurkan
  ke``, ``dipecat dari``, ``ambil order dari``) and, within the same clause, a capitalised run: an ORG unless
  it is a known place, a person's first name, an honorific or a common capitalised word.
* **organisation nouns**: ``union``, ``agency``, ``company``, ``shelter``, ``charity``, ``serikat``,
  ``perusahaan``, ``agen``, ``lembaga``... followed by a naming word or a comma and a name or an acronym
  (``The union, ABCU``; ``shelter Rumah Aman``; ``an agency called Fairhands``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._endwords import EndWords
from ._text import HONORIFICS, CapRun, cap_runs, line_before
from .shapes import is_document_word
from .types import Detection

__all__ = ["find_employers", "is_org_noun", "work_phrase_before"]

_RUN = r"(?P<o>[A-ZÀ-ÖØ-Þ][\w'’&\-]*(?:[ \t]+(?:&[ \t]+)?[A-ZÀ-ÖØ-Þ0-9][\w'’&\-]*){0,4}(?:(?<=Inc|Ltd)\.|(?<=Co)\.)?)"
_WORK_EN = (
    r"rid(?:e|es|ing)|rode|driv(?:e|es|ing)|drove|deliver(?:s|ed|ing|ies)?|work(?:s|ed|ing)?|job|shifts?|"
    r"nights|weekends|clean(?:s|ed|ing)?|employed|hired|contracted|signed[ \t]+up|laid[ \t]+off|let[ \t]+go|"
    r"sacked|fired|dismissed|temp(?:s|ed|ing)?|placed|trained|interned|volunteer(?:s|ed|ing)?|"
    r"borrow(?:s|ed|ing)?|loans?"
)
_WORK_ID = (
    r"kerja|bekerja|karja|karajo|bakarajo|kerjo|narik|ngojek|nguli|ngurir|masuk|masuak|ikut|gabung|mitra|magang|"
    r"kontrak|dikontrak|"
    r"disalurkan|dikirim|ditempatkan|di-?PHK|dipecat|diberhentikan|order|orderan|jadi[ \t]+kurir|jadi[ \t]+driver|"
    r"pinjam|minjam|kirim"
)
_PREP_EN = r"for|at|with|from|by"
_PREP_ID = r"buat|untuk|dari|sama|lewat|dengan|pada"
_PREP_SENT = "for|at|with|by"
_PREP_WORK_ID = "di|ke|ka"
_PREP_GAJI = "di|ka|ke|dari"
_WORK_BEFORE: Final = re.compile(
    rf"(?<![\w\-])(?:(?i:{_WORK_EN})(?![\w\-])[^\n.?!;:,]{{0,22}}?[ \t](?:{_PREP_EN})"
    rf"|(?i:send(?:s|ing)?|sent)(?![\w\-])[^\n.?!;:,]{{0,22}}?[ \t](?:{_PREP_SENT})"
    rf"|(?i:{_WORK_ID})(?![\w\-])(?:[^\n.?!;:,]{{0,18}}?[ \t](?:{_PREP_ID})|[ \t]+(?:{_PREP_WORK_ID}))?"
    rf"|(?i:gaji|gajinya|gajinyo|gajiku)[ \t]+(?:{_PREP_GAJI}))"
    r"[ \t]+(?:the[ \t]+)?$"
)
_WORK_ENDS: Final = EndWords(_PREP_EN, _PREP_SENT, _WORK_ID, _PREP_ID, _PREP_WORK_ID, _PREP_GAJI, "the")
"""The words :data:`_WORK_BEFORE` ends with before its closing blanks (searched only where one ends the text)."""
_STRONG: Final = re.compile(
    r"(?i:^(?:rid|rode|driv|drove|deliver|work|job|narik|ngojek|ngurir|mitra|jadi|kerja|bekerja))"
)
_NOUNS_EN = (
    "union agency company employer shelter charity organisation organization cooperative co-op shop store "
    "restaurant cafe café bakery salon factory plant mill firm contractor group association church congregation "
    "school college app platform insurer insurance buyer band team club gang mob outfit business brand lender "
    "vendor supplier bank clinic practice trust ngo remittance developer"
)
_NOUNS_ID = (
    "serikat perusahaan agen agensi lembaga organisasi penyalur toko usaha usaho pabrik grup kelompok aplikasi apk "
    "vendor leasing resort koperasi yayasan tim klub sanggar restoran travel bengkel lapak gudang developer "
    "pengepul penampung"
)
_ID_SUFFIXES: Final = ("", "nya", "nye", "nyo", "ku")
_NOUN_WORDS: Final = frozenset(_NOUNS_EN.split()) | frozenset(
    n + suffix for n in _NOUNS_ID.split() for suffix in _ID_SUFFIXES
)
_NAMING = "called|named|bernama|namanya|namonyo|namanyo|namina|ngaran|nama|itu|is|was|adalah"
_OWNERS = "kami|saya|aku|ambo|kita|gue|our|my|his|her|their"
_ORG_NOUN_BEFORE: Final = re.compile(
    rf"(?<![\w\-])(?i:{'|'.join(sorted(_NOUN_WORDS, key=lambda w: (-len(w), w)))})(?![\w\-])"
    rf"(?:[ \t]+(?i:{_OWNERS}))?"
    rf"(?:[ \t]*,[ \t]*(?:(?i:{_NAMING})[ \t]+)?|[ \t]+(?:(?:is|was)[ \t]+)?(?i:{_NAMING})[ \t]+|[ \t]+)"
    r"(?:the[ \t]+)?$"
)
"""An organisation's kind (``union``, ``shop``, ``toko``, ``kelompok``, ``aplikasi``...), maybe its owner
(``toko kami``, ``usaho ambo``), then a comma or a naming word (``called``, ``namanya``, ``namonyo``): the
capitalised run that follows names it (``a body shop, Saigon Auto Collision``, ``nama tokonye Dapur ...``)."""
_RUN_AT: Final = re.compile(_RUN)
_NAMED_BY: Final = re.compile(rf",|(?i:\b(?:{_NAMING})\b)")
_SHORT_ACRONYM: Final = re.compile(r"[A-Z]{2,4}")
_SCREEN_NAME: Final = re.compile(r"(?i:\bnama\w*[ \t]+(?:di|in)[ \t]+(?:the[ \t]+)?)\S$")
"""``namanya di aplikasi ...``, ``name in the app ...``: what follows is someone's screen name, not the app's."""
_LAST_WORDS: Final = (
    frozenset(
        (
            "for at with from by buat untuk dari sama samo lewat dengan pada di ke the "
            "kerja bekerja karja narik ngojek nguli ngurir masuk masuak ikut gabung mitra magang kontrak dikontrak "
            "disalurkan dikirim ditempatkan di-phk diphk dipecat diberhentikan order orderan kurir driver ka karajo "
            "bakarajo kerjo"
        ).split()
    )
    | _NOUN_WORDS
    | frozenset(f"{_NAMING}|{_OWNERS}".split("|"))
)
"""The word just before a run for one of the cues to apply (a cheap filter before the regexes)."""
_CUE_TOKENS: Final = (
    frozenset(
        (
            "ride rides riding rode drive drives driving drove deliver delivers delivered delivering deliveries work "
            "works worked working job shift shifts nights weekends clean cleans cleaned cleaning employed hired "
            "contracted signed laid let sacked fired dismissed temp temps temped temping placed trained interned "
            "volunteer volunteers volunteered volunteering kerja bekerja karja narik ngojek nguli ngurir masuk masuak "
            "ikut gabung mitra magang kontrak dikontrak disalurkan dikirim ditempatkan di-phk diphk phk dipecat "
            "diberhentikan order orderan jadi send sends sent sending borrow borrowed borrowing loan loans pinjam "
            "minjam kirim karajo bakarajo kerjo gaji gajinya gajinyo gajiku"
        ).split()
    )
    | _NOUN_WORDS
)
"""Words one of which must stand near the run for a cue regex to be worth running."""
_LOWER_TYPES: Final = frozenset(
    (
        "toko pabrik perusahaan kantor bengkel apotek apotik klinik salon konveksi gereja masjid musala mushola "
        "koperasi yayasan kampus universitas puskesmas butik percetakan ekspedisi distro minimarket swalayan "
        "pesantren madrasah sekolah sanggar agensi firma"
    ).split()
)
"""Organisation type words written in lower case ("depan toko Sinar Jaya", "gereja GMIST ..."): the capitalised
name after them is the organisation (the type word stays outside the span, as the writer kept it apart)."""
_LOWER_SUFFIX: Final = re.compile(
    r"[ \t]+(?:police[ \t]+station|police|fire[ \t]+station|city[ \t]+council|council|magistrates['’]?[ \t]+court|"
    r"crown[ \t]+court|court|prison|job[ \t]+centre|jobcentre)\b"
)
"""Lower-case words after a capitalised place that make it an institution ("Parramatta police station")."""
_SUFFIX_FIRST: Final = frozenset("pfcmj")


@cache
def _not_org() -> frozenset[str]:
    return gz.all_places() | gz.stop_caps() | gz.first_names("id") | HONORIFICS  # (the four place lists, gathered once)


@cache
def _not_org_brands() -> frozenset[str]:
    """:func:`_not_org` less the common capitalised words (apps and platforms may be employers)."""
    return _not_org() - gz.stop_caps()


@cache
def _not_org_makers() -> frozenset[str]:
    """:func:`_not_org_brands` less the listed brands ("job at Vauxhall": the maker, no place); built once (a set
    difference of some 130,000 words cost about 10 ms, paid at every brand cue when it was built per call)."""
    return _not_org_brands() - gz.brands()


_TIME_WORDS: Final = re.compile(
    r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Ahad|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Januari|"
    r"Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember|Christmas|Natal|Lebaran|Ramadan|Ramadhan)s?"
)


@cache
def _words() -> frozenset[str]:
    return gz.dictionary_words() | gz.english_words()


def _trim(text: str, start: int, raw: str, *, brands: bool = False) -> tuple[int, str] | None:
    """The run without trailing common words; None when what is left is not an organisation's name.

    ``brands``: after a verb of working for someone, an app or platform word (kept among the common
    capitalised words, as it is usually a tool) is an employer too; time words and nationalities are not."""
    stop = gz.stop_caps()
    if brands and not _TIME_WORDS.fullmatch(raw.split()[0]) and raw.split()[0] not in gz.demonyms():
        stop = frozenset()
    toks = raw.split()
    while toks and (toks[-1].rstrip(".,") in stop or toks[-1] in {"&", "and"}):
        toks.pop()
    if not toks:
        return None
    value = raw[: raw.find(toks[-1], len(" ".join(toks[:-1]))) + len(toks[-1])].rstrip(",")
    if value.endswith(".") and not re.search(r"(?:Inc|Ltd|Co|Corp|Bhd)\.$", value):
        value = value[:-1]
    first = toks[0].rstrip(".,")
    if first.lower() in {"the", "a", "an", "my", "our", "their", "his", "her", "this", "that"}:
        return None
    not_org = _not_org_makers() if brands else _not_org()  # "job at Vauxhall": the maker, no place
    if value in not_org or first in HONORIFICS or first in stop or is_document_word(first):
        return None
    if len(toks) == 1 and not (brands and first in gz.stop_caps()):
        low = first.lower()
        if first in not_org or ((low in _words() or low.rstrip("s") in _words()) and not first.isupper()):
            return None
    return start, value


def work_phrase_before(before: str) -> bool:
    """Whether ``before`` (the text of a line up to a name) ends with a work phrase (``ride for``, ``kerja di``)."""
    return _WORK_ENDS.may_end(before) and _WORK_BEFORE.search(before) is not None


def is_org_noun(word: str) -> bool:
    """Whether ``word`` (lower case) names a kind of organisation (``company``, ``toko``, ``kelompok``...)."""
    return word in _NOUN_WORDS or word in _LOWER_TYPES


def find_employers(text: str, runs: Sequence[CapRun] | None = None) -> Iterator[Detection]:
    """ORG candidates after work phrases and organisation nouns, in both languages.

    ``runs``: :func:`makna.privacy._text.cap_runs` of ``text`` when the caller has them: each run is
    checked against the words before it, so the cue regexes only ever read a short window.
    """
    for run_start, _run_end, _words in cap_runs(text) if runs is None else runs:
        suffix = _LOWER_SUFFIX.match(text, _run_end) if text[_run_end + 1 : _run_end + 2] in _SUFFIX_FIRST else None
        if suffix is not None and text[run_start:_run_end].split()[0] not in gz.stop_caps():
            yield Detection(run_start, suffix.end(), "ORG", 0.8, "org.institution", text[run_start : suffix.end()])
            continue
        if run_start < 2 or text[run_start - 1] not in " \t" or text[run_start - 2] in ".!?:;)]":
            continue  # a run after a line start or a sentence's end follows no cue word
        cut = text.rfind(" ", max(0, run_start - 26), run_start - 1)
        prev = [text[cut + 1 : run_start - 1]] if cut >= 0 else text[max(0, run_start - 26) : run_start].split()[-1:]
        if prev and prev[-1] in _LOWER_TYPES:
            run = _RUN_AT.match(text, run_start)
            got = None if run is None else _trim(text, run_start, run.group("o"))
            if got is not None:
                yield Detection(got[0], got[0] + len(got[1]), "ORG", 0.78, "org.lowertype", got[1])
            continue
        if not prev or prev[-1].rstrip(",").lower() not in _LAST_WORDS:
            continue  # the word just before the run is no cue's last word (most runs stop here)
        before = line_before(text, run_start, 56)
        toks = before.lower().split()
        if not toks:
            continue
        near = {t.strip(",") for t in toks[-7:]}
        if near.isdisjoint(_CUE_TOKENS):
            continue  # no work word or organisation noun nearby: the regexes cannot match
        run = _RUN_AT.match(text, run_start)
        if run is None:
            continue
        work = _WORK_BEFORE.search(before)
        if work is not None:
            got = _trim(text, run_start, run.group("o"), brands=_STRONG.search(work.group(0)) is not None)
            if got is not None:
                start, value = got
                conf = 0.8 if " " not in value else 0.72
                yield Detection(start, start + len(value), "ORG", conf, "org.work", value)
                continue
        noun = _ORG_NOUN_BEFORE.search(before)
        if noun is not None and _SCREEN_NAME.search(before, 0, noun.start() + 1) is None:
            got = _trim(text, run_start, run.group("o"))
            if got is not None and _NAMED_BY.search(noun.group(0)) is None and _SHORT_ACRONYM.fullmatch(got[1]):
                continue  # "grup PRT", "kelompok PKK": a kind of group, not its name (a name follows a comma)
            if got is not None:
                start, value = got
                yield Detection(start, start + len(value), "ORG", 0.8, "org.noun", value)
