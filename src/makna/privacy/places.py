"""Place detectors: ADDRESS (street addresses, :mod:`.street_addresses`), LOCATION (named places) and ORG
(named organisations).

Three kinds of evidence, cheapest first:

* shapes: ``Jl./Jalan/Gang ... No. 12, RT 01/RW 06``, ``Flat 3, 48 Halberd Road``;
* type words: a place or organisation word (``Hotel``, ``Kos``, ``Kafe``, ``Warung``, ``PT``, ``CV``,
  ``Apotek``...) followed by capitalised words, or an English name followed by ``Park``, ``Wholesale``...;
  the span includes the type word, as the annotation rules ask;
* gazetteers: capitalised word runs looked up (longest first) in the Indonesian region lists (provinces,
  regencies, districts, villages) and a compact English list, with a preposition cue for one-word
  village names and no match for an ordinary word that merely starts a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import Folded, dispatch, gated_finditer, split_top, trigger
from ._linegates import RunFirst
from ._text import (
    CAP_RUN,
    HONORIFICS,
    CapRun,
    EndAnchored,
    cap_runs,
    is_sentence_initial,
    line_before,
    reversed_words,
    run_tokens,
)
from .en_personcues import person_shaped
from .street_addresses import CAP as _CAP
from .street_addresses import CAP_AT_WORD as _CAP_AT_WORD
from .street_addresses import EN_STREET as _EN_STREET
from .street_addresses import NAME_TOKEN as _NAME_TOKEN
from .street_addresses import find_addresses
from .types import Detection

__all__ = [
    "LOCATION_TYPE_WORDS",
    "ORG_SUFFIX_WORDS",
    "ORG_TYPE_WORDS",
    "PLACE_PREP_BEFORE",
    "PLACE_SUFFIX_WORDS",
    "WORK_BEFORE",
    "detect_places",
    "find_addresses",
    "find_locations",
    "find_orgs",
    "generic_public_body",
    "heads_for",
]

# --- LOCATION and ORG by type words ----------------------------------------------------------------------

LOCATION_TYPE_WORDS: Final[tuple[str, ...]] = (
    "Hotel",
    "Wisma",
    "Kos",
    "Kost",
    "Kosan",
    "Kostan",
    "Kafe",
    "Cafe",
    "Café",
    "Kedai",
    "Warung",
    "Warkop",
    "Karaoke",
    "KTV",
    "Pasar",
    "Taman",
    "Simpang",
    "Pantai",
    "Mall",
    "Mal",
    "Plaza",
    "Penginapan",
    "Losmen",
    "Homestay",
    "Guest House",
    "Villa",
    "Vila",
    "Restoran",
    "Resto",
    "Rumah Makan",
    "Terminal",
    "Stasiun",
    "Bandara",
    "Pelabuhan",
    "Dermaga",
    "Dusun",
    "Teluk",
    "Tanjung",
    "Muara",
    "Kuala",
    "Jembatan",
    "Masjid",
    "Mesjid",
    "Musala",
    "Mushola",
    "Gereja",
    "Lapangan",
    "Gedung",
    "Kampung",
    "Nagari",
    "Jorong",
    "Desa",
    "Kelurahan",
    "Kel.",
    "Kecamatan",
    "Kec.",
    "Kabupaten",
    "Kab.",
    "Kota",
    "Provinsi",
    "Pulau",
    "Danau",
    "Air Terjun",
    "Asrama",
    "Lembah",
    "Ngarai",
    "Lereng",
    "Kawah",
    "Telaga",
    "Rawa",
    "Hutan",
    "Selat",
    "Goa",
    "Gua",
    "Gunung",
    "Bukit",
    "Diskotek",
    "Club",
    "Klub",
    "Lounge",
    "Apartemen",
    "Tugu",
    "Monumen",
    "Alun-alun",
    "Kompleks",
    "Komplek",
    "Pub",
    "Bar",
    "Inn",
)
ORG_TYPE_WORDS: Final[tuple[str, ...]] = (
    "PT",
    "PT.",
    "CV",
    "CV.",
    "UD",
    "UD.",
    "PD",
    "Koperasi",
    "KSP",
    "KSPPS",
    "BMT",
    "Kopdit",
    "Yayasan",
    "Toko",
    "Apotek",
    "Apotik",
    "Laundry",
    "Bengkel",
    "Salon",
    "Klinik",
    "Bank",
    "Universitas",
    "Univ.",
    "Institut",
    "Politeknik",
    "Akademi",
    "Sekolah",
    "STIKES",
    "SMA",
    "SMK",
    "SMP",
    "SD",
    "SDN",
    "SMPN",
    "SMAN",
    "SMKN",
    "MTs",
    "Madrasah",
    "Pesantren",
    "Pondok Pesantren",
    "Polsek",
    "Polres",
    "Polresta",
    "Polrestabes",
    "Polda",
    "KJRI",
    "KBRI",
    "LBH",
    "Posyandu",
    "Hospital",
    "Persatuan",
    "Ikatan",
    "Paguyuban",
    "Komunitas",
    "Serikat",
    "LSM",
    "NGO",
    "Ormas",
    "MAN",
    "MTsN",
    "Rumah Sakit",
    "RS",
    "RSUD",
    "RSU",
    "Puskesmas",
    "Butik",
    "Konveksi",
    "Percetakan",
    "Kantor",
    "Dinas",
    "Minimarket",
    "Supermarket",
    "Swalayan",
    "Distro",
    "Studio",
    "Ekspedisi",
    "Koperasi",
    "Perusahaan",
    "LKP",
    "LPK",
    "Lembaga",
    "Kursus",
    "Sanggar",
    "Pabrik",
    "Perumda",
    "Perum",
    "Perseroda",
    "BUMDes",
    "BUMD",
    "Firma",
    # groups, co-operatives, congregations, colleges and banks named by their type word (round seven)
    "Kelompok",
    "KUD",
    "Poktan",
    "Gapoktan",
    "Forum",
    "Perkumpulan",
    "Jemaat",
    "Akbid",
    "Akper",
    "Kolej",
    "Gudang",
    "BRI",
    "BNI",
    "BCA",
    "BSI",
)
_EN_PLACE_SUFFIX = (
    "Park|Square|Market|Station|Hotel|Inn|Café|Cafe|Bar|Pub|Centre|Center|Mall|Common|Heath|Green|Hospital|"
    "Estate|Bridge|Stadium|Arena|Library|Church|Mosque|Gardens|Bay|Beach|Harbour|Harbor|Heights|Creek|Valley|"
    "Island|Marina|Wharf|Quay|Hostel|Motel|Lodge|Camp|Village|Caravan Park|Layout|Nagar|Colony|Enclave|Vihar|Township|"
    "Crossing|Junction"
)
_EN_ORG_SUFFIX = (
    "Ltd|Limited|Inc|LLC|Plc|PLC|Wholesale|Logistics|Foods|Supermarket|Supermarkets|Stores|Services|Group|"
    "Company|Co\\.|Corporation|Corp|Solutions|Pharmacy|College|University|Bank|Motors|Builders|Cleaning|"
    "Express|Couriers|Delivery|Deliveries|Eats|Kitchen|Bakery|Academy|School|Holdings|Partners|Retail|"
    "Trading|Warehouse|Transport|Cars|Taxis|Security|Care|Fitness|Tbk|Homecare|Healthcare|Nursing|Recruitment|"
    "Staffing|Haulage|Removals|Tiles|Sons|Agency|Consulting|Construction|Plumbing|Electrical|Catering|Travel|"
    "Tours|Labs|Studios|Textiles|Insurance|Finance|Technologies|Systems|Freight|Couriers|Cleaners|Motors|"
    "Health Centre|Health Center|Medical Centre|Medical Center|Clinic|Surgery|Hospital|Depot|Alliance|"
    "Association|Union|Foundation|Trust|Society|Network|Cooperative|Co-op|Seafoods|Seafood|Fisheries|Farms|"
    "Industries|Enterprises|Ventures|Energy|Pty|Sdn Bhd|Bhd|GmbH|Microfinance|Bancorp|Salon|Spa|Wellness|"
    "Restaurant|Supplies|Mills|Works|Institute|Polytechnic|Ministries|Parish|Management|Rentals|Rental|Hire|"
    "Properties|Property|Lettings|Realty|Repairs|Garage|Autos|Aged Care|Staffing Solutions|Community Hub|Law Centre|"
    "Law Center|Legal Centre|Legal Center|Advice Centre|Advice Center|Resource Centre|Resource Center|"
    "Support Centre|Support Center|Buying Centre|Buying Center|"
    # public bodies and institutions (gold convention: an institution is an ORG, not a place)
    "Council|County Council|City Council|Infirmary|Medical Practice|Commission|District Command|Authority|"
    "Health Board|Ministry|Tribunal|Police Station|Fire Station|Collective|Federation|Fellowship|"
    # trades a small firm's name ends with
    "Grocers|Meats|Knitwear|Knits|Apparel|Fashions|Exports|Remit|Cruises|Recycling|Poultry|Nail Studio|Home Support"
)


ORG_SUFFIX_WORDS: Final[frozenset[str]] = frozenset(w.replace("\\", "") for w in _EN_ORG_SUFFIX.split("|"))
"""English words that end an organisation name (``Ltd``, ``Haulage``, ``Homecare``...)."""
PLACE_SUFFIX_WORDS: Final[frozenset[str]] = frozenset(
    w.replace("\\", "") for w in f"{_EN_PLACE_SUFFIX}|{_EN_ORG_SUFFIX}|{_EN_STREET}".split("|") if " " not in w
)
"""English words that end a place, street or organisation name (``Square``, ``Road``, ``Ltd``...)."""


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


LOC_CUE_ALTS: Final = tuple(split_top(_alt(LOCATION_TYPE_WORDS)))
_LOC_FIRST = dispatch(LOC_CUE_ALTS, fold=True, not_after=r"\w-")
_ORG_FIRST = dispatch(split_top(_alt(ORG_TYPE_WORDS)), not_after=r"\w-")
LOC_CUE: Final = re.compile(
    rf"(?P<cue>{_LOC_FIRST})(?![\w-])(?P<name>(?:[ \t]+{_NAME_TOKEN}){{1,4}})",
)
_ORG_CUE: Final = re.compile(
    rf"(?P<cue>{_ORG_FIRST})(?![\w-])"
    rf"(?P<name>(?:[ \t]+{_NAME_TOKEN}){{1,4}}(?:[ \t]+Tbk)?)"
)
_ORG_CUE_LINES: Final = Folded(sorted({w.lower() for w in ORG_TYPE_WORDS}), _ORG_CUE)
"""The lines where a word starts with an organisation type word (in any case; from the shared word-start pass)."""
_EN_PLACE_GATE: Final = trigger(_EN_PLACE_SUFFIX.split("|"))
_EN_ORG_GATE: Final = trigger(_EN_ORG_SUFFIX.replace("\\", "").split("|"))
_EN_PLACE: Final = re.compile(rf"{_CAP_AT_WORD}[ \t]+(?:{_CAP}[ \t]+){{0,2}}(?:{_EN_PLACE_SUFFIX})\b")
_OF_TAIL = rf"(?:[ \t]+of[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,2}})?"
_EN_ORG: Final = re.compile(
    rf"{_CAP_AT_WORD}[ \t]+(?:(?:&|of|and|for|de|dan)[ \t]+)?(?:{_CAP}[ \t]+(?:(?:&|of|and|for)[ \t]+)?){{0,3}}"
    rf"(?:{_EN_ORG_SUFFIX})\b(?:[ \t]+(?:{_EN_ORG_SUFFIX})\b)*{_OF_TAIL}\.?"
)
_WORD_TAIL = r"[\w'’\-]*"
_AT_WORD = re.compile(_CAP_AT_WORD.removesuffix(_WORD_TAIL))
_EN_ORG_FIRST: Final = RunFirst(_EN_ORG, _AT_WORD, re.compile(_WORD_TAIL))
"""``_EN_ORG`` tried once per run of word characters, apostrophes and hyphens (its first word's): linear on a long
line of hyphen-joined capitalised words (and so ``_EN_PLACE_FIRST``)."""
_EN_PLACE_FIRST: Final = RunFirst(_EN_PLACE, _AT_WORD, re.compile(_WORD_TAIL))
_ORG_OF_HEADS = (
    "University|College|Bank|Institute|Church|Ministry|Department|Academy|School|Society|Federation|"
    "Association|Union|Council|Friends|Sisters|Brothers|Daughters"
)
_EN_ORG_OF: Final = re.compile(
    dispatch(split_top(_ORG_OF_HEADS), not_after=r"\w") + rf"[ \t]+of[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,3}}"
)
"""An organisation named "X of Y" (``University of Lagos``, ``Bank of Ireland``, ``Church of God``)."""
_EN_ORG_OF_GATE: Final = trigger(_ORG_OF_HEADS.split("|"))
_GIG_PLATFORMS: Final = re.compile(
    dispatch(
        split_top(
            r"Deliveroo|Uber Eats|UberEats|Just Eat|DoorDash|Grubhub|Instacart|Postmates|Stuart|Gorillas|Getir|"
            r"Amazon Flex|Evri|Hermes|DPD|Yodel|Royal Mail"
        ),
        not_after=r"\w",
    )
    + r"\b"
)
_ORG_CONTEXT: Final = re.compile(
    r"(?:platform|company|employer|agency|firm|work(?:ed|ing|s)? (?:for|at)|job at|employed by|"
    r"signed up with)",
    re.IGNORECASE,
)


_NAME_PARTS: Final = frozenset(
    {
        "Minang",
        "Jawa",
        "Batak",
        "Melayu",
        "Indonesia",
        "Islam",
        "Kristen",
        "Baru",
        "Tahun",
        "Line",
        "Dana",
        "Mandiri",
    }
)


@cache
def _cue_name_stop() -> frozenset[str]:
    return gz.stop_caps() - HONORIFICS - _NAME_PARTS


def _name_tokens(text: str, start: int, name: str) -> tuple[int, int] | None:
    """Trim a cue's following words to the capitalised name: stop at stop words; None when nothing is left."""
    stop = _cue_name_stop()
    end = start
    for tok in re.finditer(r"\S+", name):
        word = tok.group(0)
        if word in stop and not word.isdigit():
            break
        if not (word[0].isupper() or word[0].isdigit()):
            break
        end = start + tok.end()
    return (start, end) if end > start else None


_PUBLIC_HEADS: Final = frozenset({"Dinas", "Kantor", "Badan", "Sudin"})
_GENERIC_SECTORS: Final = frozenset(
    "Sosial Kesehatan Pendidikan Tenaga Kerja Perhubungan Pertanian Perikanan Peternakan Kependudukan Pencatatan "
    "Sipil Catatan Pariwisata Koperasi Perdagangan Perindustrian Lingkungan Hidup Kebersihan Pertamanan Pemadam "
    "Kebakaran Pos Pajak Imigrasi Camat Lurah Desa Kelurahan Kecamatan Agama Urusan Kebudayaan Pemuda Olahraga "
    "Dan & Ketenagakerjaan Transmigrasi Pemberdayaan Perempuan Anak Perlindungan Keluarga Berencana Polisi "
    "Pemerintahan Pemerintah Wali Nagari Notaris Pengacara".split()
)
"""Sectors of a public office named without its town ("Dinas Sosial", "Kantor Pos", "Kantor Camat"): every
district has one, so the words name a kind of office, not an identifiable one."""


def generic_public_body(text: str) -> bool:
    """True for a public office named by its kind and sector only ("Dinas Sosial", "Kantor Pos", "Kantor
    Camat", "Dinas Tenaga Kerja dan Transmigrasi"): no town or name that would make it one office."""
    words = text.split()
    return len(words) > 1 and words[0].title() in _PUBLIC_HEADS and _GENERIC_SECTORS.issuperset(
        w.title() for w in words[1:]
    )


def _typed_names(
    text: str, matches: Iterable[re.Match[str]], kind: str, conf: float, detector: str
) -> Iterator[Detection]:
    for m in matches:
        cue = m.group("cue")
        trimmed = _name_tokens(text, m.start("name"), m.group("name"))
        if trimmed is None:
            continue
        end = trimmed[1]
        name = text[m.start("name") : end].strip()
        if not re.search(r"[A-Za-z]", name) and kind == "LOCATION" and cue.lower() not in {"kos", "wisma", "hotel"}:
            continue
        if kind == "ORG" and re.search(r"\d[ \t]*$", text[max(0, m.start() - 4) : m.start()]):
            continue  # the letters of a plate ("B 1234 CV"), not a company form
        if kind == "ORG" and generic_public_body(f"{cue} {name}"):
            continue  # "Dinas Sosial", "Kantor Pos": any town's public body; "Dinas Sosial Kota Padang" is named
        lowered_cue = not cue[0].isupper()
        if lowered_cue and is_sentence_initial(text, m.start("name").__index__() + 1):
            continue
        start = m.start("name") + len(m.group("name")) - len(m.group("name").lstrip()) if lowered_cue else m.start()
        yield Detection(start, end, kind, conf - (0.1 if lowered_cue else 0.0), detector, text[start:end])


_POSSESSIVES: Final = frozenset({"My", "Our", "Your", "His", "Her", "Their", "Its"})


def _without_leading_stop(matches: Iterable[re.Match[str]]) -> Iterator[tuple[int, str]]:
    """(start, text) of each match less its leading stop words ("At", "The", "Mama"); nothing when only the
    last word, the suffix, would be left."""
    stop = gz.stop_caps()
    for m in matches:
        toks = list(re.finditer(r"\S+", m.group(0)))
        i = 0
        while i < len(toks) - 1 and (toks[i].group(0) in stop or toks[i].group(0) in _POSSESSIVES):
            i += 1
        if i == len(toks) - 1 or not toks[i].group(0)[0].isupper():
            continue
        if " ".join(t.group(0) for t in toks[i : i + 2]) in stop:
            continue  # "my National Insurance": a thing everyone has, not a firm
        yield m.start() + toks[i].start(), m.group(0)[toks[i].start() :]


_FOR_HEADS: Final = frozenset(
    "Centre Center Fund Campaign Commission Committee Council Office Board Coalition Movement Action Institute "
    "Department Ministry Programme Program Project Initiative Forum Partnership Fellowship Mission Hub Home Homes "
    "League Bureau Agency Service Services Trust Society Foundation Alliance Network Association Union Friends "
    "Doctors Lawyers Parents Women Workers Shelter Refuge".split()
)
"""Words that head an organisation named for its cause (``Centre for Migrant Workers``, ``Fund for Peace``)."""
_JOINED: Final = re.compile(r"[ \t]+for[ \t]+")


def heads_for(word: str) -> bool:
    """Whether ``word`` heads an organisation named for its cause or is a firm's word, so that ``for`` after it
    stays inside the name ("Centre for Migrant Workers", "Society for Care Homes"; not "Splott for ...")."""
    return word in _FOR_HEADS or word in ORG_SUFFIX_WORDS or word in ORG_TYPE_WORDS


def _after_joined_name(start: int, raw: str) -> tuple[int, str]:
    """``(start, raw)`` of an English firm's name, less a name joined to it by ``for`` ("I ride out of Splott for
    Zubrova Eats": the suburb and the firm are two named things, and one span across the preposition changed
    the sentence's meaning once replaced); a name whose words before ``for`` end in an organisation's head
    ("Centre for Migrant Workers Ltd", "Society for Care Homes") is one name."""
    m = _JOINED.search(raw)
    if m is None:
        return start, raw
    before = raw[: m.start()].split()
    if before and heads_for(before[-1]):
        return start, raw
    return start + m.end(), raw[m.end() :]


def find_orgs(text: str, language: str = "id") -> Iterator[Detection]:
    """Named organisations: legal forms, shop/workplace words, English suffixes, gig platforms (English)."""
    yield from _typed_names(text, gated_finditer(_ORG_CUE, _ORG_CUE_LINES, text), "ORG", 0.9, "org.cue")
    for start, raw in _without_leading_stop(gated_finditer(_EN_ORG_FIRST, _EN_ORG_GATE, text)):
        raw = raw.rstrip(".")
        start, raw = _after_joined_name(start, raw)
        yield Detection(start, start + len(raw), "ORG", 0.85, "org.suffix", raw)
    for m in gated_finditer(_EN_ORG_OF, _EN_ORG_OF_GATE, text):
        yield Detection(m.start(), m.end(), "ORG", 0.8, "org.of", m.group(0))
    if language == "en":
        for m in _GIG_PLATFORMS.finditer(text):
            yield Detection(m.start(), m.end(), "ORG", 0.75, "org.platform", m.group(0))


_FROM_BEFORE: Final = re.compile(r"\b(?i:from|dari|asal|asli|ke|to|back[ \t]+to|pulang[ \t]+ke)[ \t]+$")


def _gazetteer_locations(text: str, language: str, runs: Sequence[CapRun]) -> Iterator[Detection]:
    """Longest-first look-ups of each run's word n-grams (n <= 5) in the place lists.

    Only words that start some place name are tried (``gz.place_index``), and only up to the longest
    name starting with them; sentence position and ordinariness are worked out on a hit.
    """
    admin, local, english, world = gz.places_admin(), gz.places_local(), gz.places_en(), gz.places_world()
    words, stop, names = gz.dictionary_words(), gz.stop_caps(), gz.first_names(language)
    index, colloquial = gz.place_index(), gz.colloquial()
    demonyms = gz.demonyms()
    starts = index.keys()
    for run in runs:
        run_text = run[2]
        one_word = " " not in run_text and "\t" not in run_text
        if (run_text not in index) if one_word else starts.isdisjoint(run_text.split()):
            continue  # no word of the run starts a place name (a one-word run: one look-up)
        toks = run_tokens(run)
        i, count = 0, len(toks)
        while i < count:
            first = toks[i][2]
            longest = index.get(first, 0)
            if not longest:
                i += 1
                continue
            found = False
            start = toks[i][0]
            for n in range(min(5, count - i, longest), 0, -1):
                phrase = first if n == 1 else " ".join(t[2] for t in toks[i : i + n])
                if phrase not in english and phrase not in admin and phrase not in local and phrase not in world:
                    continue
                end = toks[i + n - 1][1]
                initial = is_sentence_initial(text, start)
                ordinary = first.lower() in words or first in stop or first.lower() in colloquial
                conf = 0.0
                if phrase in english:
                    conf = 0.8 if not (initial and n == 1) else 0.6
                elif phrase in admin:
                    conf = 0.85
                    if n == 1 and first in stop:
                        conf = 0.0  # a region named like a kinship or address word ("ke Ibu"): needs its type word
                    elif n == 1 and (initial and ordinary or first in names):
                        conf = 0.0 if initial else 0.55
                elif phrase in world:
                    if n > 1:
                        conf = 0.75 if not (initial and ordinary) else 0.0
                    elif ordinary or first in names:
                        conf = 0.5 if not initial and PLACE_PREP_BEFORE.search(line_before(text, start, 20)) else 0.0
                    else:
                        conf = 0.75 if not initial else 0.55
                elif phrase in local:
                    if n > 1:
                        conf = 0.7 if not (initial and ordinary) else 0.0
                    elif not ordinary and first not in names and PLACE_PREP_BEFORE.search(line_before(text, start, 20)):
                        conf = 0.6
                    elif not ordinary and first not in names and _AND_BEFORE.search(line_before(text, start, 40)):
                        conf = 0.5  # "round Stockport and Didsbury": listed with a place
                if not conf and n == 1 and first in demonyms and not initial and phrase not in english:
                    # "orang dari Madura", "from Bali": a people's name that is also a place's, after "from"
                    conf = 0.55 if _FROM_BEFORE.search(line_before(text, start, 16)) else 0.0
                if conf:
                    yield Detection(start, end, "LOCATION", conf, "location.gazetteer", phrase)
                    i += n
                    found = True
                    break
            if not found:
                i += 1


_INSTITUTIONS: Final = frozenset({"Hospital", "Centre", "Center", "Library", "Hotel", "Stadium"})
_WORKPLACE_BEFORE: Final = re.compile(
    r"\b(?:work(?:s|ed|ing)?|job|shifts?|nights|days|employed|nurse|porter|cleaner|staff|placement|"
    r"agency[ \t]+shifts?)\b[^.?!\n]{0,20}?\b(?:at|for|in|with)[ \t]+(?:the[ \t]+)?$",
    re.IGNORECASE,
)
_BUSINESS_WORDS: Final = frozenset(
    "hotel kafe cafe café kedai warung warkop karaoke ktv restoran resto rumah diskotek club klub lounge pub bar "
    "inn".split()
)
"""Place type words that also name a business: after a work phrase (``kerja di Hotel ...``, ``karajo di Rumah
Makan ...``) the name is the employer, an ORG."""
_ENCLITIC: Final = re.compile(r"-(?:ku|mu|nya|kau)\b")
_WORK_PREPS = "for|at|with|from|by|through|buat|untuk|sama|dengan|dari|di|ke|lewat|of"
WORK_BEFORE: Final = EndAnchored(
    re.compile(
        r"\b(?:work(?:s|ed|ing)?|job|jobs|ride|rides|riding|rode|drive|drives|driving|drove|deliver(?:s|ed|ing)?|"
        r"employed|hired|laid[ \t]+off|let[ \t]+go|sacked|fired|sign(?:ed|ing|s)?[ \t]+(?:up|on)|contract(?:ed)?|"
        r"shifts?|picks?|storekeeper|cashier|clerk|cleaner|guard|manager|supervisor|assistant|picker|packer|"
        r"porter|waiter|waitress|cook|chef|teacher|mechanic|technician|apprentice|trainee|nurse|agent|"
        r"satpam|admin|staf|guru|perawat|bidan|teknisi|"
        r"kerja|bekerja|karajo|karja|kerjo|nyambi|narik|ngojek|ikut|gabung|mitra|magang|di-?PHK|PHK|dipecat|karyawan|"
        r"pegawai|kurir|sopir|pelayan|peracik|terapis|"
        r"driver|jualan|kasir|buruh|year|student|study|studying|studied|school|kuliah|sekolah|stand|intern|"
        r"interning|volunteer(?:s|ed|ing)?|apply|applied|joined|join|left|quit|resigned|worked|trained|jaga)\b"
        rf"[^.?!\n]{{0,25}}?\b(?:{_WORK_PREPS})[ \t]+"
        r"(?:the[ \t]+|a[ \t]+)?$",
        re.IGNORECASE,
    ),
    rf"(?:[ \t]+eht|[ \t]+a)?[ \t]+(?:{reversed_words(_WORK_PREPS)})\b",
)
"""A work phrase right before a name (``I ride for``, ``laid off from``, ``kerja di``): the name is an employer."""
_PLACE_PREPS = (
    "di|ke|dari|dekat|deket|daerah|kawasan|sekitar|arah|wilayah|kampung|kampuang|asal|asli|"
    "in|to|from|near|around|across|round|towards|outside|via|into|at|through|along|past|lewat|melewati"
)
_PLACE_OF = (
    "out|outside|edge|side|town|village|city|county|north|south|east|west|outskirts|heart|middle|parish|island|"
    "district|province|region|state|suburb|suburbs|townland|hamlet|port|street"
)
PLACE_PREP_BEFORE: Final = EndAnchored(
    re.compile(rf"\b(?:{_PLACE_PREPS}|(?:{_PLACE_OF})[ \t]+of)[ \t]+$", re.IGNORECASE),
    rf"[ \t]+(?:{reversed_words(_PLACE_PREPS)}|fo[ \t]+(?:{reversed_words(_PLACE_OF)}))\b",
)
"""A place preposition right before a word (on the text before it, one line): "tamu dari", "out to"."""
_AND_BEFORE: Final = re.compile(
    r"\b(?:in|to|from|near|around|round|di|ke|dari|sekitar)[ \t]+[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*)?"
    r"[ \t]*(?:,|and|or|dan|atau|&)[ \t]+$"
)
PREP_CUE_ALTS: Final = tuple(
    split_top(
        "di|ke|dari|dekat|deket|asli|daerah|kawasan|sekitar|arah|kampuang|"
        "live in|lives in|lived in|living in|moved to|grew up in|based in|near"
    )
)
PREP_CUE: Final = re.compile(
    dispatch(PREP_CUE_ALTS, not_after=r"\w")
    + rf"[ \t]+(?P<p>{_CAP}(?:[ \t]+{_CAP}){{0,2}})"
)


_TYPE_WORDS: Final = frozenset(w.split()[0].rstrip(".") for w in LOCATION_TYPE_WORDS + ORG_TYPE_WORDS) | {
    "Jl",
    "Jln",
    "Jalan",
    "Gang",
    "Gg",
}


def find_locations(
    text: str,
    language: str = "id",
    *,
    runs: Sequence[CapRun] | None = None,
    cues: Mapping[str, Sequence[re.Match[str]]] | None = None,
) -> Iterator[Detection]:
    """Named places: type-word names, region gazetteers, English place suffixes and preposition cues.

    ``runs`` are :func:`makna.privacy._text.cap_runs` of ``text`` when the caller has them already;
    ``cues`` the matches of :data:`LOC_CUE` and :data:`PREP_CUE` (as ``"location.cue"`` and
    ``"location.preposition"``) from a shared scan of ``text``.
    """
    cues = cues or {}
    loc = cues.get("location.cue")
    for det in _typed_names(text, LOC_CUE.finditer(text) if loc is None else loc, "LOCATION", 0.88, "location.cue"):
        if det.text.split()[0].lower() in _BUSINESS_WORDS and WORK_BEFORE.search(line_before(text, det.start, 60)):
            det = Detection(det.start, det.end, "ORG", det.confidence, "org.workplace", det.text)
        yield det
    yield from _gazetteer_locations(text, language, cap_runs(text) if runs is None else runs)
    stop = gz.stop_caps()
    for start, place in _without_leading_stop(gated_finditer(_EN_PLACE_FIRST, _EN_PLACE_GATE, text)):
        end = start + len(place)
        if place.split()[-1] in _INSTITUTIONS and _WORKPLACE_BEFORE.search(line_before(text, start, 40)):
            yield Detection(start, end, "ORG", 0.82, "org.workplace", place)
            continue
        yield Detection(start, end, "LOCATION", 0.8, "location.suffix", place)
    yield from _origins(text)
    names, words = gz.first_names(language), gz.dictionary_words()
    prep = cues.get("location.preposition")
    for m in PREP_CUE.finditer(text) if prep is None else prep:
        place = m.group("p")
        first = place.split()[0]
        if first in stop or first in names or first in _TYPE_WORDS or (first.lower() in words and " " not in place):
            continue
        if place in HONORIFICS:
            continue  # "dititipkan ke Budhe", "pulang ka Amai": the relative one goes to, not a place
        if any(c.isdigit() for c in first) and not first.isupper():
            continue  # "sekitar Rp350.000": an amount, not a place's name ("dari BP3MI Kupang" stays an ORG)
        if _ENCLITIC.search(place):
            continue  # "di HP-ku", "ke Kakak-nya": a possessed thing, not a place
        acronym = 1 < len(first) <= 6 and first.isupper()
        at_work = WORK_BEFORE.search(line_before(text, m.start("p"), 60)) is not None
        kind = "ORG" if acronym or at_work else "LOCATION"
        yield Detection(m.start("p"), m.end("p"), kind, 0.45, f"{kind.lower()}.preposition", place)


_IN_PLACE_BEFORE: Final = re.compile(
    r"\b(?i:in|from|near|outside|below|above|around|round|across|past|to|into|towards|via|through)[ \t]+$"
)


_ORIGIN: Final = re.compile(
    rf"(?<![\w\-])(?:orang|urang|uwong|wong|org|Orang|Urang)[ \t]+(?P<p>{_CAP}(?:[ \t]+{_CAP}){{0,2}})"
)
_ORIGIN_GATE: Final = trigger(["orang ", "urang ", "wong ", "org ", "Orang ", "Urang "])


def _origins(text: str) -> Iterator[Detection]:
    """``orang X`` (someone from X) with X no people's name, first name or common word: a place, by the
    corpus convention (``orang Sangihe``, ``urang Parit Mayor``; ``orang Dayak`` is a people, left out)."""
    stop, demonyms, words = gz.stop_caps(), gz.demonyms(), gz.dictionary_words()
    for m in gated_finditer(_ORIGIN, _ORIGIN_GATE, text):
        place = m.group("p")
        toks = place.split()
        while toks and (toks[-1] in stop or toks[-1].lower() in {"asli"}):
            toks.pop()
        if not toks:
            continue
        first = toks[0]
        if first in stop or first in demonyms or first in HONORIFICS or first in _TYPE_WORDS:
            continue
        if len(toks) == 1 and first.lower() in words and first not in gz.all_places():
            continue  # "orang Baik": an ordinary word written with a capital
        place = " ".join(toks)
        start = m.start("p")
        yield Detection(start, start + len(place), "LOCATION", 0.6, "location.origin", place)


_OF_AFTER: Final = re.compile(r"[ \t]+of\b")
_THE_BEFORE: Final = re.compile(r"(?i:\bthe)[ \t]+$")


def find_unknown_orgs(text: str) -> Iterator[Detection]:
    """English: an unknown capitalised word mid-sentence soon after a work/platform question is an ORG; an
    ordinary word is none before ``of`` (``I work for The Good of my family``) and a place after ``the``
    (``cross the Quayside``)."""
    names, places, stop, words = gz.first_names("en"), gz.all_places(), gz.stop_caps(), gz.english_words()
    for ctx in _ORG_CONTEXT.finditer(text):
        window_end = min(len(text), ctx.end() + 200)
        for run in CAP_RUN.finditer(text, ctx.end(), window_end):
            if run.end() == window_end and window_end < len(text) and text[window_end].isalnum():
                continue  # the window cut the word ("Fran|k"): not a word of the text
            toks = [t for t in re.finditer(r"\S+", run.group(0)) if t.group(0) not in stop]
            if len(toks) != 1:
                continue
            word, start = toks[0].group(0), run.start() + toks[0].start()
            if word in names or word in places or is_sentence_initial(text, start) or not word[1:].islower():
                continue
            ordinary = word.lower() in words
            if ordinary and _OF_AFTER.match(text, start + len(word)):
                continue  # an ordinary word in a phrase ("I work for The Good of my family"), not an employer
            if _IN_PLACE_BEFORE.search(line_before(text, start, 24)) or (
                ordinary and _THE_BEFORE.search(line_before(text, start, 8))
            ):
                # "a tower in Ortigas", "from Tema": a place named near the work question, not the employer
                yield Detection(start, start + len(word), "LOCATION", 0.5, "location.context", word)
                continue
            if person_shaped(text, start, start + len(word)):
                # "Mrs van Rooyen", "Losaline's cousin": a person near the work question (en_personcues.py)
                yield Detection(start, start + len(word), "PERSON", 0.5, "person.en_possessive", word)
                continue
            yield Detection(start, start + len(word), "ORG", 0.5, "org.context", word)


def detect_places(
    text: str,
    language: str = "id",
    *,
    runs: Sequence[CapRun] | None = None,
    cues: Mapping[str, Sequence[re.Match[str]]] | None = None,
) -> Iterator[Detection]:
    """Every ADDRESS, LOCATION and ORG detector over ``text``.

    ``runs``: its capitalised runs, and ``cues``: its shared cue-scan matches, if known.
    """
    from .orgnames import find_org_heads  # noqa: PLC0415  (orgnames reads no module of this one)

    runs = cap_runs(text) if runs is None else runs
    yield from find_addresses(text)
    yield from find_locations(text, language, runs=runs, cues=cues)
    yield from find_orgs(text, language)
    yield from find_org_heads(text, runs)
    if language == "en":
        yield from find_unknown_orgs(text)
