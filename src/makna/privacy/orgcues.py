"""Organisations by cues the earlier stages miss: a last pass over the detections (issue #11, round nine).

The earlier stages find an organisation by its legal form or kind word (``PT``, ``Toko``, ``Ltd``), by a work
phrase right before it (``kerja di``, ``I ride for``) or by the context model of :mod:`makna.privacy.orgcontext`.
What researchers' transcripts also do, and what this pass reads (no list of names; cues, shapes and context):

* **chat typed in lower case**: a work phrase and a business word before a name in a line with no capital
  letter (``kerja di laundry berkah jaya``, ``jaga konter hp mulia cell``, ``i ride for zipgo``); the business
  word stays outside the span, as in ``toko Sinar Jaya``; low confidence, for review;
* **a firm as the subject of an employer's verb**: ``Swiftbox let me go``, ``X deactivated me``, ``X took me
  on``, ``X pays weekly``, ``X cut the rates``; ``di-PHK sama X``;
* **a service had through a firm**: ``rented it through X``, ``insurance with X``, ``kredit motor di X``;
* **a platform's name as a modifier**: ``told X support``, ``his X account``
  (:data:`makna.privacy.kindtypes.FIRM_AFTER`): it outweighs the person cue of a verb before it (``told``);
* **a stretch of work for a firm**: ``two mornings for X``, ``three years with X``;
* **a work phrase with a vocative inside**: ``narik ojol, Kak, buat X``;
* **a business place where someone works**: a warung, kedai, rumah makan (``RM``), restaurant, hotel or cafe
  named in the clause of a work verb (also after the kind said in lower case and a comma: ``kerja di rumah makan
  Sunda, Rumah Makan ...``) or before ``, jadi pelayan`` is the employer (ORG), elsewhere a place;
* **kind words the type lists lack**: Indonesian trade words ending a name (``Dua Saudara Motor``, ``Amanah
  Cell``), group, bank and unit words before it (``Arisan ...``, ``ormas ...``, ``BPR ...``, ``Satpol PP Kota
  ...``), English trade words ending it (``... Gym``, ``... Distribution``, ``... Housing``) or a workplace word
  after it (``the Fernhill Distribution depot``), a kind after a comma (``X, bengkel di ...``).

Never a listed first name, place, honorific or common capitalised word alone. A span an earlier stage typed
PERSON or LOCATION becomes ORG unless an honorific, an introduction, a speaker label or an address placed it or
it is very sure; every other mention of a name this pass found, if nothing detected it, becomes ORG too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._local import ThreadSettings
from ._orgheads import JOB_NOUNS
from ._text import HONORIFICS, CapRun, SpanIndex, is_sentence_initial, line_before, occupied, run_tokens
from .employers import work_phrase_before
from .kindtypes import FIRM_AFTER
from .orgcontext import KEEP_DETECTORS
from .orgshapes import find_shaped_orgs, lower_case_lines, same_name_orgs
from .places import ORG_TYPE_WORDS
from .precision import stage_is_off
from .types import Detection

__all__ = ["apply_org_cues", "cues_disabled", "find_org_cues"]

_NAMED: Final = frozenset({"PERSON", "LOCATION", "ORG"})
_KEEP: Final = KEEP_DETECTORS
"""Detectors whose PERSON or LOCATION this pass never retypes (those of :mod:`makna.privacy.orgcontext`)."""
_SURE: Final = 0.95
_CONTEXT_ONLY: Final = frozenset({"person.did", "person.repeat"})
"""A person found only by a verb after the name or as a repeat of one: an employer's verb outweighs it."""
"""A PERSON or LOCATION at this confidence or more stays what it is."""

# --- chat lines typed in lower case ------------------------------------------------------------------------

_LOWER_WORK: Final = re.compile(
    r"(?:kerja|kerjo|karajo|bekerja|jaga|masuk|masuak|ikut|magang|narik|ngojek|nyambi|bantu|masak|nyuci|"
    r"digaji|dipecat|di-?phk|resign|keluar[ \t]+dari|berhenti[ \t]+dari)"
    r"(?:[ \t]+(?:di|ke|ka|dari|buat|untuk|sama|samo|lewat))?[ \t]+"
    r"(?P<head>laundry|toko|warung|kedai|konter(?:[ \t]+hp)?|counter(?:[ \t]+hp)?|bengkel|salon|rumah[ \t]+makan|rm|"
    r"apotek|apotik|klinik|pt|cv|ud|koperasi|yayasan|kafe|cafe|resto|restoran|minimarket|butik|percetakan|"
    r"ekspedisi|travel|catering|katering|agen)"
    r"(?P<name>(?:[ \t]+[a-z0-9][a-z0-9'&\-]*){1,3})"
)
_LOWER_RIDE: Final = re.compile(
    r"(?=[rdwslq])"  # the first letters of the alternatives: a position with another letter fails at once
    r"(?:(?:ride|rides|riding|rode|drive|drives|driving|drove|deliver|delivers|delivering|work|works|"
    r"working|worked)[ \t]+(?:for|with)|signed[ \t]+up[ \t]+(?:with|to|for)|left|quit)[ \t]+"
    r"(?P<name>[a-z][a-z0-9]{2,})\b"
)
_CHAT_STOP: Final = frozenset(
    (
        "di ke ka dari yg yang dan tp tapi kak bang uni da ni mas mbak bu pak sih deh dong aja sajo saja lah kok juga "
        "jg udah sdh dah sama samo dekat deket dkt depan belakang samping sebelah situ sana sini itu ini tuh nih "
        "punya punyo milik orang urang shift malam siang pagi sore bagian jadi sbg sebagai kerja gaji sekarang skrg "
        "dulu lagi lg terus trus abis habis baru cuma cm ya iya gitu ga gak nggak ndak tidak bukan online lama baru "
        "baju kelontong sembako emas kue roti bangunan obat hp pulsa sepatu tas kosmetik besi kayu plastik sayur buah "
        "ikan daging ayam kopi nasi mie bakso sate pecel pupuk parfum sarung kain batik pakaian buku mainan listrik "
        "material perabot sepeda mobil motor ban cat kaca galangan kapal plasma sawit karet beras gas air es "
        "padang minang cina cino gede gadang besar kecil ketek kecik "
        "ini itu kak kk bg bgt banget wkwk wkwkwk haha hehe kan kah pun mah nya nyo ko kamu aku ambo gue lu kau "
        "bos boss owner tempat yang the a an and or but now then in at on to of from kinda lol tbh "
        "tiap setiap sudah waktu kini kemarin nanti jam untuak dengan dgn"
    ).split()
)
"""Words that end (or are) no shop's name in a lower-case chat line: particles, places, goods, times."""
_CHAT_SLANG: Final = frozenset(
    "kinda gonna wanna gotta dunno lemme tbh idk lol lmao omg yeah yep nah cuz coz innit bruv".split()
)

# --- cues before or after a capitalised run -----------------------------------------------------------------

_EMPLOYER_VERB: Final = re.compile(
    r"[ \t]+(?:(?:just|then|finally|eventually|never|also|have|has|had|already|basically)[ \t]+)?"
    r"(?:let[ \t]+(?:me|him|her|us|them)[ \t]+go|laid[ \t]+(?:me|him|her|us|them)[ \t]+off|"
    r"(?:sacked|fired|deactivated|suspended|offboarded|onboarded|hired|terminated|rehired|dismissed|"
    r"deactivate|deactivates|suspend|suspends)[ \t]+(?:me|him|her|us|them|my|our|his|their)\b|"
    r"took[ \t]+(?:me|him|her|us|them)[ \t]+on|pays?[ \t]+(?:me[ \t]+|us[ \t]+)?(?:weekly|monthly|fortnightly|"
    r"per|by|every|late|nothing|less|more|better|peanuts)|paid[ \t]+(?:me|us)\b|docked|"
    r"(?:cut|slashed|lowered)[ \t]+(?:the|our|my|their)[ \t]+(?:rates?|pay|fees?|hours|bonus(?:es)?)|"
    r"kicked[ \t]+(?:me|him|her|us|them)[ \t]+off|owe[sd]?[ \t]+(?:me|us)\b)"
)
"""After a firm's name: what an employer or a platform does to its workers (``Swiftbox let me go``)."""
_ID_EMPLOYER_BEFORE: Final = re.compile(
    r"(?<![\w\-])(?i:di-?phk|dipecat|diputus(?:[ \t]+mitra)?|disuspend|diberhentikan|direkrut|digaji)"
    r"[ \t]+(?i:sama|samo|oleh|dek)[ \t]+$"
)
_SERVICE_BEFORE: Final = re.compile(
    r"(?<![\w\-])(?i:rent(?:ed|ing|s)?|hir(?:e|ed|ing)|leas(?:e|ed|ing)|insurance|insured|covered|loans?|"
    r"borrow(?:ed|ing)?|financ(?:e|ed|ing)|bought|ordered|booked|policy|membership|registered|kredit|cicil(?:an)?|"
    r"nyicil|asuransi|pinjaman)(?![\w\-])[^.?!\n;:,]{0,25}?[ \t]"
    r"(?i:through|thru|via|with|from|di|ka|lewat|dari)[ \t]+(?:the[ \t]+)?$"
)
"""A service had through a firm: ``rented it through``, ``insurance with``, ``kredit motor di``."""
_NUMBER = r"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a[ \t]+few|few|some|several|couple[ \t]+of"
_STINT_BEFORE: Final = re.compile(
    rf"(?<![\w\-])(?<!waiting[ \t])(?<!waited[ \t])(?i:(?:{_NUMBER})[ \t]+(?:(?:mornings?|nights?|evenings?|days?|"
    r"shifts?|weekends?|hours?)(?:[ \t]+a[ \t]+(?:week|month|fortnight))?[ \t]+(?:for|with)|(?:years?|months?|weeks?|"
    r"summers?)[ \t]+with))[ \t]+(?:the[ \t]+)?$"
)
"""A stretch of work for a firm: ``two mornings for``, ``three years with``."""
_VOCATIVE: Final = re.compile(
    r"[ \t]*,[ \t]*(?i:kak|kakak|bang|uni|da|ni|mbak|mas|bu|pak|dek|cik|ko|mate|bro|love|sis)[ \t]*,[ \t]*"
)
_BUSINESS_HEADS: Final = frozenset("Warung Kedai Warkop RM Rumah Restoran Resto Restaurant Salon".split())
"""An eatery or a salon: a place people go to and a place of work, ORG only where someone works there. Hotels,
cafes, karaoke bars, guest houses and clubs are left as the earlier stages typed them: in the reference study's
transcripts they are venues (LOCATION) even where someone works."""
_JOB = JOB_NOUNS
_JOB_AFTER: Final = re.compile(
    rf"[ \t]*,?[ \t]*(?i:jadi|sebagai|as[ \t]+(?:a|an)|bagian)[ \t]+(?i:{_JOB})\b"
    r"|[ \t]*,[ \t]*(?i:bantu(?:-bantu)?[ \t]+(?:masak|cuci|jaga|jualan)|masak|nyuci|cuci[ \t]+piring|"
    r"jaga[ \t]+kasir)\b"
)
_DESCRIPTOR = r"(?!(?:di|ka|ke|dekat|deket|dakek|in|at|near)(?![\w\-]))[a-z]+"
"""One lower-case word saying what a business makes or sells (``kadai nasi``, ``pabrik sepatu``), not a
preposition (``pabrik di X``: X is where the factory is)."""
_WORK_CLAUSE: Final = re.compile(
    rf"(?<![\w\-])(?i:{_JOB}|kerja|bekerja|karajo|kerjo|masak|jaga|bantu(?:-bantu)?|nyuci|cuci[ \t]+piring|magang|"
    r"digaji|gajian|shift|ngelamar|melamar|dipecat|di-?phk|work|worked|working|job|shifts|employed|hired|sacked)"
    r"(?![\w\-])[^.?!,;\n]{0,30}[ \t](?i:di|ka|ke|at|in|for)[ \t]+(?:the[ \t]+)?(?:(?:kedai|kadai|warung|pabrik)"
    rf"(?:[ \t]+{_DESCRIPTOR})?[ \t]+)?$"
)
"""A work clause up to a name, maybe with the business's kind said in lower case between (``karajo di kadai nasi``:
the name after it is the business's own, ``Rumah Makan ...``)."""
_LOWER_BUSINESS: Final = re.compile(
    r"(?<![\w\-])(?:warung|kedai|kadai|rumah[ \t]+makan|rm|restoran|resto|salon|"
    rf"(?P<made>pabrik)(?:[ \t]+{_DESCRIPTOR})?)[ \t]+$"
)
_BUSINESS_APPOSED: Final = re.compile(
    r"(?<![\w\-])(?i:warung|kedai|rumah[ \t]+makan|restoran|resto|restaurant|salon)"
    r"(?:[ \t]+[A-Za-z][\w\-]*)?[ \t]*,[ \t]*$"
)
"""The kind of business said in lower case, maybe with one word, and a comma before its name (``rumah makan
Sunda, ``): the work clause before it is the name's."""
_ID_TAILS: Final = frozenset(
    "Motor Otomotif Training Cell Ponsel Laundry Salon Catering Katering Collection Fashion Bakery Mart Trans Travel "
    "Printing "
    "Konveksi Furniture Mebel Elektronik Komputer Computer Photo Foto Tailor Snack Tour Tours Gym Distribution "
    "Fulfilment Fulfillment Dispatch Housing Cabs Minicabs Cycles Bikes Mutual Dental Opticians Vets Barbers "
    "Barbershop Launderette Takeaway Kebabs Grill Diner Pantry Foodbank Bakehouse Removals Courier Carwash "
    "Coal Mining Coaches Components Leasing Roasters Engineering Plastics "
    "Packaging Printers Joinery Scaffolding Roofing Glazing Tyres Aquaculture Creamery Timber Quarries Plumbers".split()
)
"""Kind words ending an organisation's name that the suffix lists of :mod:`makna.privacy.places` lack."""
_KIND_BEFORE: Final = re.compile(
    r"(?P<cue>Arisan|Ormas|BPRS?|Majelis[ \t]+Taklim|Pengajian|Perhimpunan|Himpunan|Aliansi|"
    r"Persaudaraan|PAUD|TPQ|Bimbel|Laskar|Konter|Pegadaian|Katering|Catering|Rental|Grosir|Toserba|Kios|MI|SDIT|SMPIT|SMAIT|SLB|MDTA|RM)(?![\w\-])"
)
"""Kind words that start an organisation's name, kept in its span (``Arisan Bundo Saiyo``, ``BPR ...``)."""
_LOWER_KIND: Final = re.compile(
    r"(?<![\w\-])(?:ormas|arisan|komunitas|lsm|paguyuban|perkumpulan|majelis[ \t]+taklim|pengajian|bpr|leasing|"
    r"kampus|konter|laundry|bank|pt|cv|ud)[ \t]+$"
)
"""Kind words in lower case right before a name (``ormas Laskar ...``, ``leasing Mitra ...``): outside its span."""
_UNIT: Final = re.compile(
    r"(?:Satpol[ \t]+PP|Dinsos|Disnaker|Dukcapil|Disdukcapil|Pemko|Pemkot|Pemkab|Pemprov|DPRD|"
    r"Kantor[ \t]+Imigrasi|BPJS[ \t]+Kesehatan|BPJS[ \t]+Ketenagakerjaan|Kesbangpol)[ \t]+"
    r"(?:(?:Kota|Kabupaten|Kab\.|Provinsi|Kecamatan|Kec\.)[ \t]+)?[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,2}"
)
"""A public unit with its region (``Satpol PP Kota ...``, ``Dinsos Padang``): one office, an ORG; the unit alone
is a category."""
_KIND_AFTER: Final = re.compile(
    r"[ \t]+(?:depot|warehouse|hub|site|plant|factory|branch|garage|yard|gym|bakery|salon|office|store|takeaway)\b"
)
_APPOSED: Final = re.compile(
    r"[ \t]*,[ \t]*(?:(?:a|an|the|my|our|his|her|their)[ \t]+(?:\w+[ \t]+)?)?(?i:bengkel|toko|laundry|salon|"
    r"konter|koperasi|yayasan|perusahaan|pabrik|agen|usaha|bakery|firm|company|agency|shop|store|garage|factory|"
    r"warehouse|charity|lender|leasing|catering)\b"
)
_TYPE_WORDS: Final = frozenset(ORG_TYPE_WORDS)
_WEAK: Final = frozenset(
    {"org.service", "org.stint", "org.apposition", "org.kindafter", "org.lowerkind", "org.chatlower"}
)
"""Cues that only retype a PERSON or LOCATION an earlier stage was unsure of (below :data:`_UNSURE`)."""
_UNSURE: Final = 0.8
_PREP_BEFORE: Final = re.compile(
    r"(?<![\w\-])(?i:in|at|from|to|near|for|with|by|of|on|into|di|ke|ka|dari|dekat|sama|samo)[ \t]+(?:the[ \t]+)?$"
)
"""Before a place or an object, not a sentence's subject (``One madam in X owed me``)."""
_NEXT_NAME: Final = re.compile(r"[ \t]+([A-Z0-9][\w'’&\-]*)")
_STREETS: Final = re.compile(r"(?i:\b(?:jl|jln|jalan|gang|gg|street|road|lorong|komplek|kompleks|perumahan)\.?[ \t]+)$")


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Listed places, first names (both languages), common capitalised words, ordinary words."""
    return (
        gz.all_places(),
        gz.first_names("en") | gz.first_names("id"),
        gz.stop_caps() | HONORIFICS,
        gz.ordinary_words(),
    )


def _name(words: Sequence[str]) -> bool:
    """Whether ``words`` (a capitalised run) can name a firm: not a listed place, first name, honorific or common
    capitalised word alone, nor one ordinary word (an acronym may be one)."""
    places, names, stop, ordinary = _lists()
    if not words or words[0] in stop or words[0] in names and len(words) == 1:
        return False
    joined = " ".join(words)
    if joined in places or all(w in places or w in stop for w in words):
        return False
    if len(words) == 1:
        w = words[0]
        if w in names or len(w) < 3 or (w.lower() in ordinary and not w.isupper()):
            return False
    return True


def _trimmed(run: CapRun) -> list[tuple[int, int, str]]:
    """The words of a run without leading common capitalised words, honorifics and articles."""
    _, _, stop, _ = _lists()
    toks = run_tokens(run)
    while toks and toks[0][2] in stop:
        toks.pop(0)
    while toks and toks[-1][2].rstrip(".,") in stop:
        toks.pop()
    return toks


def _word_start(text: str, at: int) -> bool:
    """Whether ``at`` starts a word (the whole-text patterns leave this look-behind out so that they scan fast)."""
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_-")


def _lower_chat(text: str) -> Iterator[Detection]:
    ordinary = _lists()[3]
    names = _lists()[1]
    lines = lower_case_lines(text)
    for first, last in lines:
        for m in _LOWER_WORK.finditer(text, first, last):
            if not _word_start(text, m.start()):
                continue
            words = list(re.finditer(r"\S+", m.group("name")))
            kept: list[re.Match[str]] = []
            for w in words:
                if w.group(0) in _CHAT_STOP:
                    break
                kept.append(w)
            if not kept or len(" ".join(k.group(0) for k in kept)) < 3:
                continue
            if len(kept) == 1 and kept[0].group(0) in ordinary:
                continue  # "toko parfum", "koperasi plasma": what it sells or its kind, not its name
            s, e = m.start("name") + kept[0].start(), m.start("name") + kept[-1].end()
            yield Detection(s, e, "ORG", 0.5, "org.chatlower", text[s:e])
    for first, last in lines:
        for m in _LOWER_RIDE.finditer(text, first, last):
            word = m.group("name")
            if word in ordinary or word in _CHAT_SLANG or word in _CHAT_STOP or word.title() in names:
                continue
            if _word_start(text, m.start()):
                yield Detection(m.start("name"), m.end("name"), "ORG", 0.5, "org.chatlower", word)


_PREV_WORDS: Final = frozenset(
    "through thru via with from di ka lewat dari for the sama samo oleh dek buat untuk ormas arisan komunitas lsm "
    "paguyuban perkumpulan majelis taklim pengajian bpr leasing kampus konter laundry dinas bank pt cv ud".split()
)
"""The word just before a run for one of the cues before it to apply (a cheap filter before the regexes)."""


def _before_cues(text: str, toks: list[tuple[int, int, str]]) -> tuple[float, str] | None:
    """(confidence, detector) of a cue before the run ``toks``, or None."""
    words = [t[2] for t in toks]
    before = line_before(text, toks[0][0], 64)
    prev = before.rsplit(None, 1)[-1:] if before[-1:] in (" ", "\t") else []
    if not prev or prev[0].lower() not in _PREV_WORDS:
        return None
    if _SERVICE_BEFORE.search(before) and _name(words):
        return 0.7, "org.service"
    if _STINT_BEFORE.search(before) and _name(words):
        return 0.7, "org.stint"
    if _ID_EMPLOYER_BEFORE.search(before) and _name(words):
        return 0.65, "org.subject"
    if _LOWER_KIND.search(before) and _name(words):
        return 0.75, "org.lowerkind"
    if _VOCATIVE.search(before):
        if work_phrase_before(_VOCATIVE.sub(" ", before)) and _name(words):
            return 0.72, "org.work"
    return None


_AFTER_WORDS: Final = frozenset(
    "just then finally eventually never also have has had already basically let laid sacked fired deactivated "
    "suspended offboarded onboarded hired terminated rehired dismissed deactivate deactivates suspend suspends took "
    "pay pays paid docked cut slashed lowered kicked owe owes owed depot warehouse hub site plant factory branch "
    "garage yard gym bakery salon office store takeaway support account accounts rating helpline hotline drivers "
    "riders couriers customer".split()
)
"""The word right after a run for one of the cues after it to apply (``let``, ``depot``)."""
_TAIL_HIT: Final = re.compile(rf"(?:{'|'.join(sorted(_ID_TAILS))})(?![\w\-])")
_WORD_AT: Final = re.compile(r"[a-z]+")


def _runs_worth_reading(text: str, runs: Sequence[CapRun]) -> list[CapRun]:
    """The runs a cue may apply to: a trade word ends it, or a comma and a kind word or a cue's word follows it,
    or a cue's word precedes it (a few look-ups per run, so most runs are never read)."""
    tails = {m.end() for m in _TAIL_HIT.finditer(text) if _word_start(text, m.start())}
    out: list[CapRun] = []
    for run in runs:
        start, end = run[0], run[1]
        after = text[end : end + 1]
        if end in tails or end - 1 in tails or (after == "," and _APPOSED.match(text, end)):
            out.append(run)
            continue
        if after == " ":
            word = _WORD_AT.match(text, end + 1)
            if word is not None and word.group(0) in _AFTER_WORDS:
                out.append(run)
                continue
        if start > 1 and text[start - 1] in " \t":
            cut = max(text.rfind(" ", max(0, start - 24), start - 1), start - 25)
            if text[cut + 1 : start - 1].lower() in _PREV_WORDS:
                out.append(run)
    return out


def _run_cues(text: str, runs: Sequence[CapRun]) -> Iterator[Detection]:
    for run in _runs_worth_reading(text, runs):
        toks = _trimmed(run)
        if not toks:
            continue
        words = [t[2].rstrip(".,") for t in toks]
        if len(words) > 1 and not any(c.islower() for c in run[2]):
            continue  # a line typed in capitals: a shouted phrase, not a name
        s, e = toks[0][0], toks[-1][1]
        if text[e - 1] in ".,":
            e -= 1
        got = _before_cues(text, toks)
        if got is not None:
            yield Detection(s, e, "ORG", got[0], got[1], text[s:e])
            continue
        if _STREETS.search(line_before(text, s, 12)):
            continue
        ordinary = _lists()[3]
        if len(words) > 1 and words[-1] in _ID_TAILS and not all(w in _lists()[2] for w in words[:-1]):
            if not all(w.lower() in gz.english_words() and w.lower() not in gz.dictionary_words() for w in words[:-1]):
                yield Detection(s, e, "ORG", 0.8, "org.tail", text[s:e])
                continue
        after = _EMPLOYER_VERB.match(text, e)
        if after is not None and _name(words) and not _PREP_BEFORE.search(line_before(text, s, 16)):
            yield Detection(s, e, "ORG", 0.72, "org.subject", text[s:e])
            continue
        if _KIND_AFTER.match(text, e) and _name(words) and not is_sentence_initial(text, s):
            if not (len(words) == 1 and words[0].lower() in ordinary):
                yield Detection(s, e, "ORG", 0.72, "org.kindafter", text[s:e])
                continue
        if (
            FIRM_AFTER.match(text, e)
            and len(words) == 1
            and not _POSSESSIVE.search(words[0])  # "my cousin Mantas's account": a person's
            and _name(words)
            and not is_sentence_initial(text, s)
        ):
            yield Detection(s, e, "ORG", 0.72, "org.serviceafter", text[s:e])
            continue
        if (
            _APPOSED.match(text, e)
            and _name(words)
            and words[0] not in _TYPE_WORDS
            and not is_sentence_initial(text, s)
        ):
            yield Detection(s, e, "ORG", 0.7, "org.apposition", text[s:e])


def _kind_words(text: str) -> Iterator[Detection]:
    stop = _lists()[2]
    for m in _KIND_BEFORE.finditer(text):
        if not _word_start(text, m.start()):
            continue
        end = m.end()
        n = 0
        while n < 4:
            w = _NEXT_NAME.match(text, end)
            if w is None or w.group(1) in stop or (n == 0 and w.group(1)[0].isdigit()):
                break  # a number only after a name word ("SD Negeri 12", not "Arisan 2 kali")
            end = w.end()
            n += 1
        if not any(c.islower() for c in text[m.start() : end]) and (n > 1 or m.group("cue").isupper()):
            continue  # a line typed in capitals
        if n == 0 or (m.group("cue") == "RM" and not text[m.end() + 1 : m.end() + 2].isalpha()):
            continue  # a kind word alone, or ringgit ("RM 50")
        yield Detection(m.start(), end, "ORG", 0.8, "org.kind", text[m.start() : end])
    for m in _UNIT.finditer(text):
        if _word_start(text, m.start()):
            yield Detection(m.start(), m.end(), "ORG", 0.85, "org.unit", m.group(0))


def _workplaces(text: str, found: Sequence[Detection]) -> Iterator[Detection]:
    """A business place (warung, kedai, RM, hotel...) in a work clause or before ``, jadi pelayan``: the employer."""
    for det in found:
        if det.type not in {"LOCATION", "ORG"}:
            continue
        head = det.start
        if det.text.split(" ", 1)[0] not in _BUSINESS_HEADS:
            lower = _LOWER_BUSINESS.search(line_before(text, det.start, 24))
            if lower is None or det.type != "LOCATION":
                continue
            if lower.group("made") and (det.text in gz.all_places() or "gazetteer" in det.detector):
                continue  # "kerja di pabrik sepatu X": a factory in the listed place X
            head = det.start - (len(lower.group(0)))  # "kerja di warung Pak ...": the head word in lower case
        before = line_before(text, head, 72)
        apposed = _BUSINESS_APPOSED.search(before)  # "kerja di rumah makan Sunda, Rumah Makan ...": the same place
        if apposed is not None:
            before = before[: apposed.start()]
        if _JOB_AFTER.match(text, det.end) or _WORK_CLAUSE.search(before[-48:]):
            yield Detection(det.start, det.end, "ORG", 0.78, "org.workplace", det.text)
        elif det.type == "ORG" and det.detector == "org.kind":
            yield Detection(det.start, det.end, "LOCATION", 0.7, "location.business", det.text)  # "RM ..." eaten at


def find_org_cues(text: str, runs: Sequence[CapRun], found: Sequence[Detection] = ()) -> list[Detection]:
    """Every span this module's cues type in ``text`` (labels masked), given its capitalised runs and what the
    earlier stages found (a business place among them may be an employer): ORG, or LOCATION for a rumah makan
    written ``RM ...`` where no one works."""
    out = list(_lower_chat(text))
    out.extend(_run_cues(text, runs))
    kinds = list(_kind_words(text))
    out.extend(d for d in kinds if not d.text.startswith("RM"))
    out.extend(_workplaces(text, [*found, *(d for d in kinds if d.text.startswith("RM"))]))
    out.extend(find_shaped_orgs(text))
    return out


_POSSESSIVE: Final = re.compile(r"['’]s?$")
_MODIFIED: Final = frozenset({"person.intro", "unknown.capitalised", "person.repeat"})


def _modifier_over(cand: Detection, d: Detection) -> bool:
    """Whether a platform's name used as a modifier (``told X support``) outweighs the verb's person cue on it."""
    return cand.detector == "org.serviceafter" and d.detector in _MODIFIED


def _merge(scan: str, found: list[Detection], cands: Sequence[Detection]) -> list[Detection]:
    spans = SpanIndex(found)
    for cand in sorted(cands, key=lambda d: (-d.confidence, d.start)):
        hits = spans.overlapping(cand.start, cand.end)
        if any(d.type not in _NAMED or d.detector in _KEEP and not _modifier_over(cand, d) for d in hits):
            continue
        if any(d.type == cand.type and d.start <= cand.start and cand.end <= d.end for d in hits):
            continue  # already found as much
        inside = all(cand.start <= d.start and d.end <= cand.end for d in hits) and (
            cand.detector in {"org.unit", "org.kind", "org.workplace"}
        )  # "MI Nurul Iman ...": a school's name;
        # "Kedai X, jadi kasir": the place someone works at is the employer, however sure its place type was
        sure = _UNSURE if cand.detector in _WEAK else _SURE
        if not inside and any(
            d.type != "ORG" and d.confidence >= sure and d.detector not in _CONTEXT_ONLY and not _modifier_over(cand, d)
            for d in hits
        ):
            continue
        if cand.type == "LOCATION" and any(d.type == "ORG" and not d.detector.startswith("org.kind") for d in hits):
            continue
        start = min([cand.start, *(d.start for d in hits)])
        end = max([cand.end, *(d.end for d in hits)])
        if end - start > (cand.end - cand.start) + 24:
            continue  # an earlier span runs far past the cue's: leave it
        conf = max([cand.confidence, *(d.confidence for d in hits if d.type == cand.type)])
        for d in hits:
            spans.remove(d)
        spans.add(Detection(start, end, cand.type, conf, cand.detector, scan[start:end]))
    return spans.kept()


def _propagate(text: str, found: list[Detection], added: Sequence[Detection]) -> list[Detection]:
    """Every other mention of a name this pass made an ORG becomes ORG too where nothing detected it, or where
    an earlier stage made it a PERSON or LOCATION it was unsure of (not by an honorific, a label...)."""
    taken = occupied(len(text), found)
    weak = {
        (d.start, d.end): d
        for d in found
        if d.type in {"PERSON", "LOCATION"}
        and d.detector not in _KEEP
        and (d.confidence < _UNSURE or d.detector in _CONTEXT_ONLY)
    }
    out = list(found)
    for name in {(d.text, d.confidence, d.detector) for d in added if d.type == "ORG" and len(d.text) >= 3}:
        for m in re.finditer(rf"(?<![\w\-@.]){re.escape(name[0])}(?![\w\-@])", text):
            old = weak.pop((m.start(), m.end()), None)
            if old is not None:
                out.remove(old)
            elif taken.find(1, m.start(), m.end()) >= 0:
                continue
            out.append(Detection(m.start(), m.end(), "ORG", min(name[1], 0.7), name[2], m.group(0)))
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    return out


_state = ThreadSettings()


def cues_disabled() -> AbstractContextManager[None]:
    """Within this block (in this thread), :func:`makna.privacy.detect` skips this pass (as it does within
    :func:`makna.privacy.precision.stage_disabled`: the rules' output the CRF is trained on never holds it)."""
    return _state.setting("off", True)


def apply_org_cues(scan: str, found: list[Detection], runs: Sequence[CapRun]) -> list[Detection]:
    """``found`` with the ORG spans of :func:`find_org_cues` added or retyped, sorted by start (module docstring).

    ``scan``: the text with speaker labels masked; ``runs``: its capitalised runs."""
    if _state.get("off") or stage_is_off():
        return found
    cands = find_org_cues(scan, runs, found)
    if not cands:
        return same_name_orgs(scan, found)
    merged = _merge(scan, found, cands)
    before = {(d.start, d.end, d.type) for d in found}
    added = [d for d in merged if (d.start, d.end, d.type) not in before]
    return same_name_orgs(scan, _propagate(scan, merged, added))
