"""PERSON detectors: honorific and kinship cues, introduction phrases, a first-name gazetteer, the project's
known names, and repeats of a name already found in the same text.

Spans never include the honorific (``Mbak Tari`` gives ``Tari``). A name that is also an ordinary word
(``Indah``, ``Bunga``, ``Hope``, ``Will``) is taken only with a cue, never from the gazetteer alone, and a
lower-case word is never a name unless the project lists it as a known name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._ci import ci
from ._fastrx import Folded, dispatch, gated_finditer, split_top, trigger
from ._lines import GLUED_AFTER, GLUED_BEFORE, word_spans
from ._text import (
    HAND_HONORIFICS,
    HONORIFICS,
    OFFICE_TITLES,
    CapRun,
    cap_runs,
    cue_windows,
    is_sentence_initial,
    line_before,
    run_tokens,
)
from .address_terms import ADDRESS_BEFORE, ADDRESS_TERMS
from .catchall import in_lower_case, is_language
from .chat_senders import stamped_senders
from .name_lists import fold_name, listed_name
from .name_shapes import detect_name_shapes
from .neighbours import said_name
from .person_evidence import (
    ACCOUNT_CONFIDENCE,
    account_person,
    app_names,
    apposed_roles,
    lower_repeats,
    named_over_lists,
    real_names,
    speech_names,
)
from .places import LOCATION_TYPE_WORDS, ORG_SUFFIX_WORDS, ORG_TYPE_WORDS, PLACE_SUFFIX_WORDS
from .speakers import GENERIC_LABELS
from .types import Detection

__all__ = ["detect_persons", "find_known_names", "repeat_names", "titled_names_first"]

_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*"
_ABBR = r"(?:Muh|Moh|Mhd|Muhd|Mochd|Abd|Ahm|M)\.(?=[ \t]*[A-Z])"
"""Abbreviated given names that start a full name ("Muh. Arsyad", "Abd. Rahman", "M. Yusuf")."""
_RUN = rf"(?:{_ABBR}[ \t]*)?{_CAP}(?:[ \t]+{_CAP}){{0,3}}"
_HON_ALT = "|".join(re.escape(h) for h in sorted(HAND_HONORIFICS, key=lambda w: (-len(w), w)))
HON_ALTS: Final = tuple(split_top(_HON_ALT))
_HON_FIRST = dispatch(HON_ALTS, fold=True, not_after=r"\w\-")
HONORIFIC: Final = re.compile(
    rf"{_HON_FIRST}(?:[ \t]+(?:{ci(_HON_ALT)}))*[ \t]+(?P<n>{_RUN})"
)
_INTRO_ID = (
    r"nama(?:ku|nya)?(?:[ \t]+(?:saya|aku|ambo|gue|asli(?:nya|ku)?|panggilan(?:nya|ku)?|lengkap(?:nya|ku)?|"
    r"samaran(?:nya|ku)?|kecil(?:nya|ku)?|(?:KTP|SIM|paspor)(?:-?nya|ku)?))?|panggil(?:an)?(?:nya|ku)?|dipanggil(?:nya)?|manggil(?:nya)?|"
    r"panggilan(?:nyo|ne|e)|parabane|parabanipun|paraban|landihan(?:na|ana)?|celukane|"
    r"namina|naminipun|wastana|goarna|asenna|asengna|arenna|arengna|"
    r"nyebut(?:nya)?|disebut|sapaan(?:nya|ku)?|julukan(?:nya|ku)?|"
    r"ngaku(?:nya)?(?:[ \t]+namanya)?|"
    r"almarhum|almarhumah|alm\.|almh\.|mendiang|"
    r"mengaku|pakai[ \t]+nama|pake[ \t]+nama|atas[ \t]+nama|a\.n\.|bernama|kenalin|kenalkan|si|informan:?|"
    r"narasumber:?|inisial(?:nya)?|lengkap(?:nya|ku)|"
    r"nama(?:ku|nya)?[ \t]+(?:di|sesuai|pada|menurut|dalam)[ \t]+(?:KTP|ktp|akta|ijazah|SIM|paspor|kartu)(?:-?nya|ku)?|"
    r"namo(?:nyo|ku)?(?:[ \t]+(?:asli|lengkap|panggilan|KTP)(?:nyo)?)?|"
    r"ngaran(?:nya|ku)?|jeneng(?:e|ku|ipun)|aran(?:e|ku)|"
    r"asma(?:ne|nipun)|nama[ \t]+(?:benar|betul|asli)(?:nya|ku)?|name[ \t]+(?:ku|die|dia)|"
    r"tanya(?:kan)?[ \t]+(?:ke|sama|ama|sm)|nanya[ \t]+(?:ke|sama|ama|sm)|bilang[ \t]+(?:ke|sama|ama)|"
    r"telepon|telpon|nelpon|ditelepon|ditelpon|ngajak|diajak|"
    r"sebut(?:lah)?|diblokir(?:[ \t]+(?:sama|ama|sm|oleh))?|ngeblok(?:ir)?|dichat(?:[ \t]+(?:sama|ama|sm|oleh))?|"
    r"ditipu(?:[ \t]+(?:sama|ama|sm|oleh))?|dibohongi(?:n)?(?:[ \t]+(?:sama|ama|sm|oleh))?|"
    r"ketemu[ \t]+(?:sama|ama|dengan|jo|samo)|kenal(?:an)?[ \t]+(?:sama|ama|dengan|jo|samo)|"
    r"pacaran[ \t]+(?:sama|ama|dengan|jo|samo)|jalan[ \t]+(?:sama|ama|dengan|jo|samo)|"
    r"chatting(?:an)?[ \t]+(?:sama|ama|dengan|jo|samo)|curhat[ \t]+(?:ke|sama|ama)|"
    r"panggia(?:kan)?|dipanggia|mamanggia|sabuik(?:lah)?|disabuik|tulis(?:kan|lah)?|ditulis|tulih(?:kan|lah)?|ditulih|"
    r"imbau|maimbau|diimbau|mahimbau|baimbau|mangaku(?:nyo)?|ngakunyo"
)
"""(The last lines: "sebut saja X", and being blocked, cheated, met or dated by someone: "diblokir sama X".)"""
_INTRO_EN = (
    r"my name is|my name's|name's|his name is|his name was|her name is|her name was|their name is|"
    r"their name was|your name is|his real name|her real name|his full name|her full name|"
    r"call me|called (?:himself|herself|myself)|calls (?:himself|herself)|call myself|"
    r"call me|called|named|known as|goes by|go by|went by|this is|I'm|I am|interview with|"
    r"customer|client|informant:?|participant:?|calls me|calls him|calls her|call him|call her|they call me|"
    r"name on (?:my|the|his|her) (?:licen[cs]e|passport|card|ID)|full name|surname|last name|first name|nickname|"
    r"met|text|texted|messaged|rang|phoned|married|dated|the late|told|asked|called (?:him|her|me)|"
    r"stayed with|staying with|stay with|lived with|living with|live with|moved in with|"
    r"ketemu|ketemuan|bertemu|kenal|kenalan|nikah|menikah|nelpon|menelepon|chat|nge-chat|ngechat|"
    r"blocked|unblocked|ghosted|ghosted by|blocked by|dumped by|dumped|dating|went out with|"
    r"chatting with|chatted with|matched with|account name|profile name|"
    r"name on (?:the|my|his|her|their) (?:app|account|profile|order|booking|receipt) (?:is|was|said)|"
    r"most people (?:say|call me|call him|call her)|some people (?:say|call me|call him|call her)|"
    r"many people (?:say|call me|call him|call her)"
)
_KIN = (
    r"daughter|son|wife|husband|brother|sister|mum|mom|mother|dad|father|friend|mate|neighbour|neighbor|boss|"
    r"cousin|niece|nephew|boyfriend|girlfriend|partner|colleague|manager|landlord|landlady|roommate|flatmate|"
    r"housemate|coworker|co-worker|workmate|supervisor|lead|admin|agent|tenant|patient|grandson|granddaughter|"
    r"grandma|grandmother|grandpa|grandfather|auntie|uncle|"
    r"roommates|housemates|flatmates|friends|mates|kids|children|sons|daughters|brothers|sisters|cousins|"
    r"classmate|classmates|batchmate|batchmates|adek(?:ku|nya)?|boy|girl|youth|lad|lass|"
    r"menantu(?:ku|nya)?|ipar(?:ku|nya)?|majikan(?:ku|nya)?|atasan(?:ku|nya)?|mandor(?:ku|nya)?|"
    r"juragan(?:ku|nya)?|pelanggan(?:ku|nya)?|penumpang(?:ku|nya)?|pembeli(?:ku|nya)?|mantan(?:ku|nya)?|"
    r"keponakan(?:ku|nya)?|ponakan(?:ku|nya)?|cucu(?:ku|nya)?|"
    r"anak(?:ku|nya)?|anak[ \t]+(?:saya|aku|ambo)|suami(?:ku|nya)?|istri(?:ku|nya)?|pacar(?:ku|nya)?|"
    r"adik(?:ku|nya)?|kakak(?:ku|nya)?|temen(?:ku|nya)?|teman(?:ku|nya)?|kawan(?:ku|nya)?|tetangga(?:ku|nya)?|"
    r"bos(?:ku|nya)?|sepupu(?:ku|nya)?|mertua(?:ku|nya)?|langganan(?:ku|nya)?|tamu(?:ku|nya)?|"
    r"bini(?:ku|nya)?|bojo(?:ku|ne)?|laki(?:ku)?|"
    r"adiak(?:ku|nyo)?|kakak(?:nyo)|kawan(?:nyo)|kanti(?:ku|nyo)?|dunsanak(?:ku|nyo)?|kamanakan(?:ku|nyo)?|"
    r"amak(?:ku|nyo)?|apak(?:ku|nyo)?|mamak(?:ku|nyo)?|induak(?:ku|nyo)?|sumando(?:ku|nyo)?|anak(?:nyo)"
)
_FILLER = (
    r"(?:[ \t]+(?:aja|saja|sajo|ajo|ajah|aje|se|itu|adalah|aku|saya|ambo|gue|dia|is|was|be|are|were|beta|kamek|"
    r"kami|awak|aye|ane|ulun|tiang|ku|reang|isun|die|:))*,?"
)
INTRO_ALTS: Final = (*split_top(_INTRO_ID), *split_top(_INTRO_EN), *split_top(_KIN))
_INTRO_FIRST = dispatch(INTRO_ALTS, fold=True, not_after=r"\w")
INTRO: Final = re.compile(
    rf"{_INTRO_FIRST}(?:{ci(_FILLER)})[ \t]*:?[ \t]+(?P<n>{_RUN})"
)
REGIONAL_PRONOUNS: Final = frozenset({"Abdi", "Kula", "Kulo", "Tiang", "Titiang", "Aing", "Ane", "Urang", "Sim"})
"""First-person pronouns of regional languages (Sundanese, Javanese, Balinese, Betawi) that precede a name."""
SELF_ALTS: Final = tuple(
    split_top("Aku|aku|Ambo|ambo|Saya|saya|Gue|gue|Awak|awak|Abdi|abdi|Kula|kula|Kulo|kulo|Tiang|tiang|Titiang|Ane|ane")
)
_SELF_FIRST = dispatch(SELF_ALTS, not_after=r"\w")
SELF: Final = re.compile(
    rf"{_SELF_FIRST}[ \t]+(?P<n>{_RUN})"
    rf"(?=[ \t]*[,.(—–-]|[ \t]+(?:dari|asal|umur|usia|\d))"
)
_NOT_NAME: Final = frozenset(w.split()[0].rstrip(".") for w in LOCATION_TYPE_WORDS + ORG_TYPE_WORDS) | {
    "Jl",
    "Jln",
    "Jalan",
    "Gang",
    "Gg",
    "Flat",
    "Blok",
}


_POSSESSIVE: Final = re.compile(r"['’]s?$")
_PARTICLE: Final = re.compile(r"-(?:nya|nyo|nye|ku|mu|lah|kah)$")
_CONTRACTION: Final = re.compile(r"['’](?:m|re|ll|ve|d)$")
_ROLES: Final = frozenset(w for w in GENERIC_LABELS if len(w) > 3)
"""Speaker roles ("Speaker", "Participant", "Interpreter"): never a name, nor the start of one."""
_NAMING: Final = re.compile(
    r"(?i:nama|namo|my name|name|call|panggil|dipanggil|panggia|dipanggia|imbau|maimbau|diimbau|known as|goes by|"
    r"account name|profile name|most people|some people|many people)"
)
"""Introductions that say outright that a name follows: they outweigh a place list ("namanya Darma")."""
_PEOPLE_SAY: Final = re.compile(r"(?i:(?:most|some|many)[ \t]+people[ \t])")
"""What people say or call someone: a name only where :func:`makna.privacy.neighbours.said_name` holds."""
_GREETING_AFTER: Final = re.compile(
    r"[ \t]+(?:pagi|siang|sore|malam|enjing|dalu|ndalu|sonten|rawuh|morning|afternoon|evening)\b"
)


@cache
def _ordinary(language: str) -> frozenset[str]:
    """Lower-case ordinary words: Indonesian always, common English words too in English transcripts."""
    return gz.dictionary_words() | gz.english_words() if language == "en" else gz.dictionary_words()


@cache
def _cue_stop() -> frozenset[str]:
    return gz.stop_caps() - HONORIFICS


def _is_honorific(word: str) -> bool:
    """An honorific or address term, also doubled or joined ("Bapak-bapak", "Bapak-Ibu", "Ibu-ibu")."""
    return word in HONORIFICS or "-" in word and all(p.title() in HONORIFICS for p in word.split("-"))


def _trim_run(text: str, start: int, run: str, *, allow_ambiguous: bool) -> tuple[int, int] | None:
    """Keep the leading tokens of ``run`` that can be name parts; None when the first cannot."""
    stop = gz.stop_caps()
    toks = list(re.finditer(r"\S+", run))
    lead = 0
    while lead < len(toks) and (
        toks[lead].group(0) in OFFICE_TITLES or lead < len(toks) - 1 and toks[lead].group(0) in ADDRESS_BEFORE
    ):
        lead += 1  # "teman Acil Ilah", "Bu Guru Ani": an address term or an office before the name stays outside
    if lead == len(toks):
        return None  # "Pak Camat", "Bu Bidan": an office named, no one's name
    if lead:
        start, run, toks = start + toks[lead].start(), run[toks[lead].start() :], toks[lead:]
        toks = list(re.finditer(r"\S+", run))
    end = start
    for i, tok in enumerate(toks):
        word = tok.group(0)
        inner = (  # "Tjhin Mei Ling": a stop word between two name words is part of the name
            0 < i < len(toks) - 1 and word in stop and word.istitle() and word not in HONORIFICS
            and toks[i + 1].group(0).rstrip(",.").istitle() and toks[i + 1].group(0).rstrip(",.") not in stop
        )
        bare = _PARTICLE.sub("", word)  # "NIK-nyo", "KTP-nya": an acronym with a particle
        if not inner and (word in stop or word in _NOT_NAME or _is_honorific(word) or bare.isupper() and len(bare) > 1):
            break
        if i == 0 and (word.lower() in _ROLES or _CONTRACTION.search(word)):
            return None  # "her son, Speaker 3", "boss, I'm free"
        if i == 0 and not allow_ambiguous and word in gz.ambiguous_names():
            return None
        end = start + tok.end()
    return (start, end) if end > start else None


def _cued(
    text: str,
    rx: re.Pattern[str],
    conf: float,
    detector: str,
    windows: list[tuple[int, int]],
    found: Iterable[re.Match[str]] | None,
) -> Iterator[Detection]:
    seen: set[int] = set()
    matches = (m for ws, we in windows for m in rx.finditer(text, ws, we)) if found is None else found
    for m in matches:
        if m.start("n") in seen:
            continue
        seen.add(m.start("n"))
        if not m.group("n")[0].isupper():
            continue
        words = m.group("n").split()
        if _CAMEL.search(words[0]) or any(
            w in ORG_SUFFIX_WORDS or w in PLACE_SUFFIX_WORDS or w in _FIRM_ENDS for w in words[1:]
        ):
            continue  # "namonyo DanaSriwijaya", "tanya ke Sejahtera Nauli Trans": a firm's or a place's name
        span = _trim_run(text, m.start("n"), m.group("n"), allow_ambiguous=True)
        if span is None or span[1] - span[0] == 1:
            continue  # "almarhum H. Abdul Gani": an initial or a title's letter, the name comes after
        if _PEOPLE_SAY.match(m.group(0)) and not said_name(text, m.start(), span[1]):
            continue  # "Some people say X is dear": what people talk about, not a name they give
        named = detector == "person.intro" and _NAMING.match(m.group(0)) is not None
        kind = _named_thing(text, m.start()) if named or m.group(0).lower().startswith("called") else None
        if kind is None and named and words[0].lower() in _SHOP_FIRSTS and len(words) > 1:
            kind = "ORG"  # "Namanya Kopi Senja", "namanya Warung Bu Ani": a shop's name starts with what it sells
        if (kind == "HANDLE" or kind is None and named) and account_person(text, m.start(), text[span[0] : span[1]]):
            end = span[1]  # "ada akun, namanya Budi Santoso": an app account shown under a person's name
            yield Detection(span[0], end, "PERSON", ACCOUNT_CONFIDENCE, detector, text[span[0] : end])
            continue
        if kind is not None:  # "grup Facebook, namanya ...", "a shop called ...": a page or a firm, not a person
            yield Detection(span[0], span[1], kind, 0.8, "person.intro", text[span[0] : span[1]])
            continue
        end = span[1] - 2 if text[span[0] : span[1]].endswith(("'s", "’s")) else span[1]  # "Kevo's name"
        yield Detection(span[0], end, "PERSON", 0.9 if named else conf, detector, text[span[0] : end])


_CAMEL: Final = re.compile(r"[a-z][A-Z]")
_FIRM_ENDS: Final = frozenset("Trans Travel Tour Tours Express Group Motor Mart Store Shop Laundry Cell Ponsel".split())
"""Last words of Indonesian firms' names that the English suffix list lacks ("Sejahtera Nauli Trans")."""
_PAGE_WORDS: Final = frozenset(
    "grup group halaman page akun account channel kanal fanpage facebook instagram tiktok whatsapp".split()
)
_FIRM_WORDS: Final = frozenset(
    "kelompok usaha usahanya toko tokonya warung perusahaan company firm shop store stall business restoran "
    "restaurant koperasi yayasan association union paguyuban komunitas sanggar salon organisation organization "
    "organisasi serikat lembaga biro agen agency brand merek kedai kafe cafe bengkel travel".split()
)
_SHOP_FIRSTS: Final = _FIRM_WORDS | frozenset(
    "kopi kopitiam depot apotek apotik klinik laundry bakso mie mi sate soto nasi martabak pecel roti kue es "
    "rumah butik konter counter bakery coffee pizza burger".split()
)
"""First words of a shop's or a stall's name after a naming cue ("namanya Kopi Senja"): what it is or sells."""
_PERSON_WORDS: Final = frozenset(
    "man guy woman lady bloke fella boy girl orang teman temen kawan mandor bos boss ketua ketuanya pemilik owner "
    "adik ipar kakak istri istriku suami suamiku anak anakku bapak ibu mama papa".split()
)
_IT: Final = frozenset({"it's", "it’s", "it is", "it was", "its"})


def _named_thing(text: str, cue: int) -> str | None:
    """HANDLE or ORG when the few words just before a naming cue ("namanya", "called") say a page, group or
    firm is named ("grup Facebook, namanya ...", "It's called ..."), not a person; None otherwise."""
    clause = re.split(r"[.!?;:\n]", line_before(text, cue, 50))[-1]
    words = [w.strip(",'\"“”()").lower() for w in clause.split()][-4:]
    if _PERSON_WORDS.intersection(words[-3:]):
        return None  # "Mandor perusahaan, namanya ...", "a man called ...": a person
    if _PAGE_WORDS.intersection(words):
        return "HANDLE"
    if _FIRM_WORDS.intersection(words):
        return "ORG"
    if clause.split(",")[-1].strip().lower() in _IT:
        return "ORG"  # "It's called Skellmar now"
    return None


_PLACE_PREFIX: Final = re.compile(
    r"(?<![\w'’\-])(?:St\.?|Saint|Santa|Santo|San|Sao|São|Port|Fort|Mount|Mt\.?|Cape|Lake)[ \t]+$"
)
_LIVE_IN: Final = re.compile(
    r"\b(?i:live|lives|lived|living|born|grew[ \t]+up|moved|tinggal|lahir|pindah|besar)[ \t]+(?i:in|to|at|di|ke)[ \t]+$"
)
"""A place said to be where someone lives, was born or moved to ("I live in Hanley"): never a person there."""
_PLACE_PREP: Final = re.compile(r"\b(?:in|from|near|outside|around|di|dari|asal|asli|dekat)[ \t]+$", re.IGNORECASE)


def _is_place_after_preposition(text: str, start: int, run_text: str) -> bool:
    """True when a place preposition comes before a run that a place list knows (whole, or its first word)."""
    if _PLACE_PREP.search(line_before(text, start, 12)) is None:
        return False
    first = run_text.split()[0]
    for places in (gz.places_world(), gz.places_en(), gz.places_admin(), gz.places_local()):
        if run_text in places or first in places:
            return True
    return False


@cache
def _plain_names(language: str) -> frozenset[str]:
    """The first names the gazetteer alone may take: no ambiguous name, stop word or honorific (gathered once,
    not at each call: 2 ms a call)."""
    return gz.first_names(language) - gz.ambiguous_names() - gz.stop_caps() - HONORIFICS


def _gazetteer(text: str, language: str, runs: Sequence[CapRun]) -> Iterator[Detection]:
    words = _ordinary(language)
    stop, colloquial = gz.stop_caps(), gz.colloquial()
    plain = _plain_names(language)  # names the gazetteer alone may take
    for run in runs:
        run_text = run[2]
        if (
            plain.isdisjoint(run_text.split() if run_text.isascii() else fold_name(run_text).split())
            and "'" not in run_text
            and "’" not in run_text
        ):
            continue  # no word of the run is a name (a trailing quote is stripped below)
        if is_language(text, line_before(text, run[0], 60), run[1]):
            continue  # "the nurses talk French", "some Cajun French is kept": a language
        toks = run_tokens(run)
        for i, (start, tok_end, tok) in enumerate(toks):
            word = _POSSESSIVE.sub("", tok)
            tok_end = start + len(word)
            if not listed_name(word, plain, words):  # "Seán", "João": a listed name with its diacritics
                continue
            if word in REGIONAL_PRONOUNS and i + 1 < len(toks) and toks[i + 1][2].istitle():
                continue  # "Abdi Euis": a pronoun before the name
            initial = is_sentence_initial(text, start)
            followed = i + 1 < len(toks) and toks[i + 1][2] not in stop and toks[i + 1][2].istitle()
            if word.lower() in colloquial or (initial and word.lower() in words and not followed):
                continue  # may be an ordinary word starting a sentence: needs a cue
            if initial and _GREETING_AFTER.match(text, tok_end):
                continue  # "Sugeng siang", "Selamat pagi": a greeting, not a name
            if i > 0 and toks[i - 1][2] in _NOT_NAME:
                break  # part of a place or organisation name
            prefix = _PLACE_PREFIX.search(line_before(text, start, 10))
            if prefix is not None:  # "St. Elizabeth", "Santa Cruz", "Port Daniel": a place named after a saint
                begin = start - (len(prefix.group(0)))
                yield Detection(begin, tok_end, "LOCATION", 0.6, "location.name_like", text[begin:tok_end])
                break
            lived = _LIVE_IN.search(line_before(text, start, 30)) is not None
            if i == 0 and (lived or _is_place_after_preposition(text, start, run_text)):
                end = start + len(run_text.split()[0])  # "I live in Hanley", "dari Katherine": a town named
                yield Detection(start, end, "LOCATION", 0.75, "location.name_like", text[start:end])  # like a person
                break
            end = tok_end
            for _, nxt_end, w in toks[i + 1 : i + 3]:
                if w in PLACE_SUFFIX_WORDS:
                    end = -1  # "Jackson Square", "Morgan Haulage": the name of a place or a firm
                    break
                if w in stop or w in _NOT_NAME or w.isupper() or not w[0].isalpha():
                    break
                end = nxt_end
            if end < 0:
                break
            conf = 0.7 if initial else (0.75 if word.lower() in words else 0.8)
            yield Detection(start, end, "PERSON", conf, "person.gazetteer", text[start:end])
            break


_NEW_TERMS: Final = ADDRESS_BEFORE - HAND_HONORIFICS
_LOOSE_TERMS: Final = sorted(
    (t for t in _NEW_TERMS if t[0].islower() or not t[-1].isalnum()), key=lambda w: (-len(w), w)
)
"""Terms that do not join the capitalised run of the name after them: lower case ("anh Khoa") or ending in a
dot or an apostrophe ("Tgk. Mahyuddin", "Ne' Lai' Sampe")."""
_LOOSE_TERM: Final = re.compile(
    dispatch([re.escape(t) for t in _LOOSE_TERMS], not_after=r"\w") + rf"[ \t]+(?P<n>{_RUN})"
)
_LOOSE_TERM_LINES: Final = Folded(tuple(t.lower() for t in _LOOSE_TERMS), _LOOSE_TERM)
"""The lines where a word starts with one of the terms (in any case; from the shared word-start pass)."""


def find_addressed(text: str, runs: Sequence[CapRun]) -> Iterator[Detection]:
    """Names after a regional or English address term (``Acil Ilah``, ``Txiv Neng``, ``Ma'am Consolacion``,
    ``anh Khoa``): the term is outside the span; a term alone, or before another term, gives nothing."""
    found: list[tuple[int, str]] = [
        (start, run_text) for start, _end, run_text in runs
        if (" " in run_text or "\t" in run_text) and run_text.split(None, 1)[0] in _NEW_TERMS
    ]
    found.extend((m.start("n"), m.group("n")) for m in gated_finditer(_LOOSE_TERM, _LOOSE_TERM_LINES, text))
    for start, run_text in found:
        if any(w in PLACE_SUFFIX_WORDS or w in _NOT_NAME for w in run_text.split()):
            continue  # "Gulu Main Market", "Acil Ilah Cake Shop": a place or a firm
        span = _trim_run(text, start, run_text, allow_ambiguous=True)
        if span is None or text[span[0] : span[1]] in ADDRESS_TERMS:
            continue
        end = span[1] - 2 if text[span[0] : span[1]].endswith(("'s", "’s")) else span[1]
        if end > span[0]:
            yield Detection(span[0], end, "PERSON", 0.85, "person.honorific", text[span[0] : end])


_VOCATIVE: Final = re.compile(
    dispatch(
        split_top(
            "thanks|thank you|thank u|thank ya|thx|tq|cheers|hi|hello|hey|dear|bye|good night|goodnight|terima kasih|"
            "makasih|makasi|mksh|trims|trima kasih|"
            "halo|hallo|hai|assalamualaikum|met malam|met pagi|selamat pagi|selamat siang|selamat sore|selamat malam"
        ),
        fold=True,
        not_after=r"\w",
    )
    + r"(?:[ \t]+(?:banyak|so much|a lot|again|ya|yo|ya|lagi|juga))?,?[ \t]+"
    + rf"(?P<n>{_CAP}(?:[ \t]+{_CAP})?)(?=[ \t]*(?:[,.!?…]|$))",
    re.MULTILINE,
)
"""A name said to the other person after a thanks or a greeting ("Thanks, Grace.", "Terima kasih banyak, Rintik.",
"Halo Dina!"): it must end the clause, so "Hi Mum said" or "Thanks Google Maps for ..." is not taken."""
_VOCATIVE_LINES: Final = Folded(
    ("thank", "thx", "tq", "cheers", "hi", "hello", "hey", "dear", "bye", "good", "terima", "makasih", "makasi", "mksh",
     "trims", "trima", "halo", "hallo", "hai", "assalamualaikum", "met", "selamat"),
    _VOCATIVE,
)
"""The lines where a word starts with a thanks or a greeting (from the shared word-start pass): the greeting of
every match starts a word, and no match crosses a line."""


def find_vocatives(text: str) -> Iterator[Detection]:
    """Names addressed after a thanks or a greeting (see :data:`_VOCATIVE`); address terms and stop words are
    never taken, and a term before the name stays outside it ("Terima kasih, Acil Ilah")."""
    for m in gated_finditer(_VOCATIVE, _VOCATIVE_LINES, text):
        span = _trim_run(text, m.start("n"), m.group("n"), allow_ambiguous=True)
        if span is None or text[span[0] : span[1]] in gz.places_world() or text[span[0] : span[1]] in gz.places_admin():
            continue
        yield Detection(span[0], span[1], "PERSON", 0.8, "person.intro", text[span[0] : span[1]])


_APPOSED: Final = re.compile(rf",[ \t](?P<n>{_CAP}(?:[ \t]+{_CAP}){{0,2}})(?=[ \t]*,)")
def _kin_words() -> set[str]:
    """The person nouns of :data:`_KIN` with their suffixed forms ("anak", "anakku", "anaknya")."""
    out: set[str] = set()
    for alt in split_top(_KIN):
        m = re.fullmatch(r"(?P<base>[a-z\-]+)(?:\(\?:(?P<ends>[a-z|]+)\)\?)?", alt)
        if m is not None:
            out.add(m.group("base"))
            out.update(m.group("base") + end for end in (m.group("ends") or "").split("|") if end)
    return out


_PERSON_NOUNS: Final = frozenset(
    _kin_words()
    | set("man woman guy girl boy lady youth bloke fella one sulung bungsu tengah".split())
    | set(
        "concierge cashier chef cook driver rider guard receptionist owner teacher nurse doctor waiter waitress "
        "barista courier dispatcher pastor imam ustaz ustadz caretaker cleaner customer client tenant".split()
    )
)
"""Person nouns before a name set between commas: kin, and people by their work ("the concierge, Stan, and")."""


def _head_noun(words: Sequence[str]) -> str | None:
    """PERSON or THING after the first person noun or page/firm word of ``words`` ("neighbour on the next
    stall": PERSON; "one of the big stores": THING, "one of" being partitive); None when there is neither."""
    for i, word in enumerate(words):
        if word == "one" and words[i + 1 : i + 2] == ["of"]:
            continue
        if word in _PERSON_NOUNS:
            return "PERSON"
        if word.removesuffix("s") in _FIRM_WORDS or word in _PAGE_WORDS:
            return "THING"
    return None


def find_appositions(text: str) -> Iterator[Detection]:
    """A name set between commas after a person noun in the same clause ("My neighbour on the next stall,
    Olu, does ...", "anak aku satu, Dzaki, delapan tahun", "The one before, McKeever, very bad"); never a place
    a list knows, an address term or a stop word."""
    places = (gz.places_world(), gz.places_en(), gz.places_admin())  # towns and villages: too many share a name
    for m in _APPOSED.finditer(text):
        clause = re.split(r"[.!?;:\n]", line_before(text, m.start(), 50))[-1]
        words = [w.strip(",'\"“”()").lower() for w in clause.split()][-5:]
        if _head_noun(words) != "PERSON" or any(m.group("n") in p for p in places):
            continue
        span = _trim_run(text, m.start("n"), m.group("n"), allow_ambiguous=True)
        if span is not None and span[1] == m.end("n"):
            yield Detection(span[0], span[1], "PERSON", 0.75, "person.intro", text[span[0] : span[1]])


_BALI_ORDER = r"(?:Wayan|Putu|Gede|Gde|Made|Kadek|Nengah|Nyoman|Komang|Ketut|Luh|Ngurah|Ayu|Bagus|Agung|Istri)"
_BALI_CASTE = r"(?:Ida|Anak|Cokorda|Gusti|Dewa|Desak)"
BALINESE: Final = re.compile(
    rf"(?<![\w'’\-])(?:(?:I|Ni)[ \t]+(?:{_BALI_CASTE}[ \t]+)?{_BALI_ORDER}|{_BALI_CASTE}[ \t]+{_BALI_ORDER})"
    rf"(?:[ \t]+{_BALI_ORDER})*(?P<rest>(?:[ \t]+{_CAP}){{0,3}})"
)
"""A Balinese name: birth-order names (Wayan, Made, Nyoman, Ketut...) after I/Ni or a caste title
(Ida Bagus, Anak Agung, Gusti, Cokorda, Dewa, Desak), then the given names; the titles are name parts."""
_BALI_GATE: Final = trigger(
    ["Wayan", "Putu", "Gede", "Gde", "Made", "Kadek", "Nengah", "Nyoman", "Komang", "Ketut", "Luh", "Ngurah", "Ayu",
     "Bagus", "Agung", "Istri"]
)  # every match holds a birth-order or caste word


def find_balinese(text: str) -> Iterator[Detection]:
    """Balinese names with their birth-order and caste words (``I Made Suarjana``, ``Anak Agung Ngurah Bayu``)."""
    stop = gz.stop_caps()
    for m in gated_finditer(BALINESE, _BALI_GATE, text):
        end = m.start("rest")
        for tok in re.finditer(r"\S+", m.group("rest")):
            word = tok.group(0)
            if word in stop or word in _NOT_NAME or word in HONORIFICS:
                break
            end = m.start("rest") + tok.end()
        if end == m.start("rest") and m.group(0).split()[0] in {"I", "Ni", "Anak", "Dewa"}:
            continue  # "I Made it", "Anak Agung" alone: too little to tell
        yield Detection(m.start(), end, "PERSON", 0.9, "person.balinese", text[m.start() : end])


def titled_names_first(candidates: Sequence[Detection]) -> list[Detection]:
    """``candidates`` less the place and organisation spans that are an honorific or address term and then
    exactly a name found after it ("Mpok Leha", "Amaq Sukri", "Ko Akiet" taken as ORG or LOCATION): the
    honorific says a person is named (a span that goes on past the name, "Tita Lorna's Carinderia", stays); less
    a one-word place from a list with exactly the span of a name a cue gives at no less confidence ("Mama Koba",
    "my partner Kodi": :data:`_CUED_PERSON`); and less the list spans inside a name an explicit naming cue gives
    (:func:`makna.privacy.person_evidence.named_over_lists`)."""
    titled = {(d.end, d.start) for d in candidates if d.type == "PERSON" and d.detector == "person.honorific"}
    cued = {
        (d.start, d.end): d.confidence for d in candidates if d.type == "PERSON" and d.detector in _CUED_PERSON
    }
    if not titled and not cued:
        return named_over_lists(candidates)
    out: list[Detection] = []
    for det in candidates:
        if det.type in {"ORG", "LOCATION"} and det.text.split(None, 1)[0] in HONORIFICS:
            rest = det.text.split(None, 1)
            if len(rest) == 2 and (det.end, det.end - len(rest[1])) in titled:
                continue
        if (
            det.type == "LOCATION"
            and det.detector == "location.gazetteer"
            and " " not in det.text
            and cued.get((det.start, det.end), 0.0) >= det.confidence
            and _district_only(det.text)
        ):
            continue  # "Mama Koba", "my partner Kodi": a cue says a person, a district list alone a place
        out.append(det)
    return named_over_lists(out)


def _district_only(word: str) -> bool:
    """A name of the Indonesian regions' and districts' list that no list of towns and cities of the world holds
    (``Kodi``, ``Koba``; not ``Bristol``: "Thank you, Bristol!" thanks a city)."""
    return word in gz.places_admin() and word not in gz.places_world() and word not in gz.places_en()


_CUED_PERSON: Final = frozenset({"person.honorific", "person.intro", "person.self"})
"""Person detectors whose name a cue right before it gives: a one-word district (:func:`_district_only`) of a list
with the very same span and no more confidence yields to them (a tie went to the place, whose candidates come first)."""


def find_known_names(text: str, known_names: Iterable[str]) -> Iterator[Detection]:
    """Occurrences of the project's own known names (exact, or in title case), on word boundaries."""
    variants: set[str] = set()
    for name in known_names:
        name = name.strip()
        if len(name) >= 2:
            variants.update({name, name.title()})
    if not variants:
        return
    alts = [re.escape(v) for v in sorted(variants, key=len, reverse=True)]
    for m in re.finditer(dispatch(alts, not_after=r"\w@.") + r"(?![\w@])", text):
        yield Detection(m.start(), m.end(), "PERSON", 0.95, "person.known", m.group(0))


_CONTEXT_FINDS: Final = frozenset(
    "person.answer person.role person.coordinated person.did person.he person.turn person.nickname "
    "person.postposed person.document person.speaker person.sender person.apposed person.chat_subject "
    "person.vocative person.thanked person.chosen".split()
)
"""PERSON detectors that find a name by its context alone, below the 0.75 of a cue ("Tari, kawan SMA",
"Who rides with you? / Hodan and ..."): their names are repeated too, at their own confidence."""


def repeat_names(text: str, found: Iterable[Detection]) -> Iterator[Detection]:
    """Other capitalised occurrences, in the same text, of name tokens already found with a cue (0.72), or by
    context alone (:data:`_CONTEXT_FINDS`, at that detection's confidence, at most 0.7: review); and their
    lower-case mentions (:func:`makna.privacy.person_evidence.lower_repeats`)."""
    found = list(found)
    conf: dict[str, float] = {}
    for det in found:
        if det.type != "PERSON":
            continue
        if det.confidence >= 0.75:
            level = 0.72
        elif det.detector in _CONTEXT_FINDS and det.confidence >= 0.5:
            level = min(det.confidence, 0.7)
        else:
            continue
        for t in det.text.split():
            if len(t) >= 3 and t[0].isupper() and (level >= 0.72 or not in_lower_case(text, t.lower())):
                conf[t] = max(conf.get(t, 0.0), level)  # ("kamek" elsewhere: "Kamek" opening a turn is a word)
    stop = gz.stop_caps()
    tokens = {
        t
        for t in conf
        if t not in stop and not _is_honorific(t) and t.lower() not in _ROLES and not _CONTRACTION.search(t)
    }
    if not tokens:
        yield from lower_repeats(text, found)
        return
    last: Detection | None = None
    for start, end in word_spans(text, tokens, GLUED_BEFORE, GLUED_AFTER):  # (an alternation compiled per text before)
        if _GREETING_AFTER.match(text, end) and is_sentence_initial(text, start):
            continue  # "Sugeng dalu": a greeting, even where Sugeng is someone's name
        word = text[start:end]
        yield Detection(start, end, "PERSON", conf[word], "person.repeat", word)
        if last is not None and text[last.end : start] == " ":  # "Tegid Probert": two found tokens, one name
            both = min(last.confidence, conf[word])
            yield Detection(last.start, end, "PERSON", both, "person.repeat", text[last.start : end])
        last = Detection(start, end, "PERSON", conf[word], "person.repeat", word)
    yield from _short_forms(text, {t for t in tokens if conf[t] >= 0.72})
    yield from lower_repeats(text, found)


def _short_forms(text: str, tokens: set[str]) -> Iterator[Detection]:
    """Short forms of a name already found, written near it ("Beverly, Bev", "Jonathan ... Jon"): a
    capitalised word of three to five letters that starts a found name token two or more letters longer and is
    no ordinary word, stop word or address term."""
    prefixes: set[str] = set()
    for tok in tokens:
        if tok.isalpha():
            prefixes.update(tok[:n] for n in range(3, min(6, len(tok) - 1)))
    prefixes -= tokens
    if not prefixes:
        return
    words, stop = _ordinary("en"), gz.stop_caps()
    for m in _SHORT.finditer(text):
        word = m.group(0)
        if word in prefixes and word.lower() not in words and word not in stop and word not in HONORIFICS:
            yield Detection(m.start(), m.end(), "PERSON", 0.7, "person.repeat", word)


_SHORT: Final = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w@.\-][A-ZÀ-ÖØ-Þ])[a-zà-öø-ÿ]{2,4}(?![\w@\-])")  # (capital first)


def person_windows(text: str, runs: Sequence[CapRun]) -> list[tuple[int, int]]:
    """The windows of ``text`` where the cued PERSON patterns run (see :func:`~._text.cue_windows`)."""
    return cue_windows(text, _cue_stop(), runs=runs)


def detect_persons(
    text: str,
    language: str = "id",
    known_names: Iterable[str] = (),
    *,
    runs: Sequence[CapRun] | None = None,
    cues: Mapping[str, Sequence[re.Match[str]]] | None = None,
) -> Iterator[Detection]:
    """Every PERSON detector over ``text`` except repeats (which need the merged result).

    ``runs`` are :func:`makna.privacy._text.cap_runs` of ``text`` when the caller has them already;
    ``cues`` the matches of :data:`HONORIFIC`, :data:`INTRO` and :data:`SELF` within
    :func:`person_windows` (as ``"person.honorific"``, ``"person.intro"``, ``"person.self"``) from a
    shared scan of ``text``.
    """
    if runs is None:
        runs = cap_runs(text)
    cues = cues or {}
    own = ("person.honorific", "person.intro", "person.self")
    windows = [] if all(k in cues for k in own) else person_windows(text, runs)
    yield from _cued(text, HONORIFIC, 0.9, "person.honorific", windows, cues.get("person.honorific"))
    yield from _cued(text, INTRO, 0.85, "person.intro", windows, cues.get("person.intro"))
    yield from _cued(text, SELF, 0.8, "person.self", windows, cues.get("person.self"))
    yield from _gazetteer(text, language, runs)
    yield from find_addressed(text, runs)
    yield from find_vocatives(text)
    yield from find_appositions(text)
    yield from find_balinese(text)
    yield from detect_name_shapes(text)
    yield from stamped_senders(text)
    yield from find_known_names(text, known_names)
    yield from speech_names(text)
    yield from real_names(text)
    yield from apposed_roles(text)
    yield from app_names(text)
