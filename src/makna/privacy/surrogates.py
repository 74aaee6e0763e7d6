"""Realistic, deterministic surrogates per identifier type.

Every surrogate is drawn from a ``random.Random`` seeded with ``HMAC-SHA256(secret, type, original,
attempt)``, so the same project secret gives the same surrogate for the same original in every session;
the caller retries with a higher ``attempt`` on a collision.

* Names keep gender and naming tradition (:mod:`makna.privacy.naming`; a name whose gender nothing shows
  gets a name both genders bear, never one gender by chance); places and names stay in the surrogate
  ``region`` (a province code; ``"national"`` or None: the whole country; see :mod:`makna.privacy.regions`):
  a city becomes another city or regency of the province, a district another district (of its own
  regency where :mod:`makna.privacy.districts` places it in one; a plate keeps its own province's
  prefix: a ``BA`` plate another ``BA`` plate). A city outside Indonesia becomes another
  city of its own country and division (``Leeds`` an English city), whatever the region; where the
  region is such a country, a place no list knows becomes a city of that country too.
* Telephone numbers never reach anyone. Indonesian mobiles get the ``0840`` prefix: the numbering plan
  gives operators 0811-0819, 0821-0823, 0828, 0831-0833, 0838, 0851-0859, 0868 (satellite), 0877-0878,
  0881-0889 and 0895-0899, and no operator holds any ``084x`` block, so no such number is anyone's (a
  reader who knows the plan may recognise a surrogate; that is the price). UK numbers use Ofcom's drama
  range 07700 900000-900999, US ones 555-0100-0199; others keep their first digits, the rest random.
* Dates move by the project's one ``date_offset`` (days, kept in the key file), so intervals between
  dates stay true; ``June 3rd`` becomes ``June 17th`` (ordinals follow the new day), a year appears
  only if the original had one; a date already past when the offset is chosen never moves into the
  future (the offset is at most the days since the latest past date). Ages move by the project's one
  ``age_offset`` (kept in the key file, 1 or 2 years either way, more where those would move an age
  onto another), in digits or words, with their unit (:mod:`makna.privacy.ages`). Neither offset ever
  changes for one value, so intervals and age differences stay true;
  :meth:`makna.privacy.KeyMapping.settle_offsets` chooses them, before the first date or age is
  replaced, so that where it can no shifted value equals another original.
* Organisations keep their legal form and kind words (:func:`split_org`): ``PT``, ``CV``, ``Koperasi``,
  ``Yayasan``, ``Toko``, ``Warung``, ``SD Negeri 3`` before the name, ``Tbk``, ``Ltd``, ``Limited``,
  ``Inc``, ``LLC``, ``& Sons``, ``Hospital``, ``Clinic``, ``School`` after it; only the name between is
  replaced: by Indonesian words after an Indonesian kind word, by surnames before an English one (brand
  words before a group's: ``Union``, ``Trust``, ``Council``); kind words of several words stay whole
  (``Credit Union``, ``Pemerintah Kota``, ``City Council``). An institution named after its place
  (``Polsek``, ``Polres``, ``Puskesmas``, ``RSUD``, ``Pemerintah Kota``, a numbered school, or any
  organisation whose name is a known place: ``Leeds City Council``) gets the place's own surrogate
  (:meth:`makna.privacy.KeyMapping.surrogate`): ``Polsek Kuranji`` becomes ``Polsek`` and the surrogate
  of ``Kuranji``, the same as where ``Kuranji`` stands alone.
* An organisation with no kind word reads as a business, never a person (:func:`makna.privacy.surrogate_shapes.
  brand_name`); trailing shop words (``Laundry``, ``Cell``, ``Motor``) count as kind words. A street keeps its
  type word (``Jalan``, ``Jl.``, ``Gang``, ``Road``); an address its numbers' length and leading zeros.
* NIKs keep a valid structure, their province, the gender digit, and the birth date moved by the project's
  ``date_offset``; plates their own province's prefix (:mod:`makna.privacy.surrogate_shapes`). NI numbers
  use the prefix QQ, US SSNs area 9xx; e-mail and URLs use ``example`` domains.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import random
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, Final

from . import gazetteers as gz
from ._idwords import PLATE_REGIONS, spoken_digits
from .account_surrogates import account_surrogate
from .ages import shift_age, shift_age_text, shift_each_age
from .date_surrogates import move_weekdays, respell_month, shift_season
from .districts import fold_place, has_districts, same_regency
from .naming import COUNTRY_LOCALES, Gender, draw_name, name_pools
from .orgnames import ORG_HEAD_WORDS
from .place_countries import abroad_areas, abroad_places, abroad_towns, listed_regions
from .places import LOCATION_TYPE_WORDS, ORG_SUFFIX_WORDS, ORG_TYPE_WORDS
from .regions import (
    NATIONAL,
    PROVINCES,
    cities_in,
    countries,
    country_places,
    is_country,
    place_regions,
    places_in,
)
from .surrogate_shapes import (
    GROUP_KINDS,
    ORG_HEAD_PHRASES,
    ORG_KIND_MODIFIERS,
    ORG_TAIL_WORDS,
    PLACE_HEADS,
    brand_name,
    business_words,
    nik_surrogate,
    plate_prefixes,
    renumber,
    za_id_surrogate,
)

__all__ = ["ORG_KIND_WORDS", "PLACE_NAMED_ORGS", "SurrogateGenerator", "calendar_date", "date_core", "latest_day",
           "number_words",
           "past_room", "split_org", "split_place", "street_name"]

ID_FICTION_PREFIX: Final = "0840"
# Ofcom's numbers for drama (https://www.ofcom.org.uk/phones-and-broadband/phone-numbers/numbers-for-drama):
# never assigned to anyone. The prefix of the geographic block nearest the original's, then three digits.
_UK_DRAMA: Final = {"0113": "01134960", "0114": "01144960", "0115": "01154960", "0116": "01164960",
                    "0117": "01174960", "0118": "01184960", "0121": "01214960", "0131": "01314960",
                    "0141": "01414960", "0151": "01514960", "0161": "01614960", "0191": "01914980",
                    "020": "02079460", "028": "02890180", "029": "02920180", "03": "03069990", "08": "08081570",
                    "09": "09098790"}
_UK_DRAMA_OTHER: Final = "01632960"
_UK_MOBILE_GROUP: Final = re.compile(r"\s*(?:\+44|07\d{3}(?!\d))")  # 01632 960000-960999: drama, no area
_ID_TWO_DIGIT_AREAS: Final = frozenset({"21", "22", "24", "31", "61"})  # Jakarta, Bandung, Semarang, Surabaya, Medan


def fictional_landline(digits: str, language: str) -> str:
    """The first digits of a surrogate for the landline ``digits`` (trunk 0 first) that no one holds: in an
    Indonesian text the area code kept and a subscriber number opening with 0 (no subscriber number does; the 0 is
    the trunk prefix), elsewhere Ofcom's drama block of the original's area, else its block with no area."""
    if language == "id":
        area = digits[:3] if digits[1:3] in _ID_TWO_DIGIT_AREAS else digits[:4]
        return area + "0"
    for prefix in sorted(_UK_DRAMA, key=len, reverse=True):
        if digits.startswith(prefix):
            return _UK_DRAMA[prefix]
    return _UK_DRAMA_OTHER
"""The mobile prefix of Indonesian surrogate numbers: a block no operator holds (see the module docs)."""
_PLACE_WORDS: Final = (
    "Cempaka Harapan Sejahtera Permai Jaya Makmur Sentosa Lestari Asri Bahagia Mulia Abadi Kencana "
    "Damai Elok Gemilang Nusantara Pelangi Tunas Wijaya Mekar Bestari Cahaya "
    "Flamboyan Gading Kemuning Lembayung Mentari Nirwana Purnama Rimba Samudera Teratai Wangi Bougenville"
).split()
_SYLLABLES: Final = "ka ra lo mi nu ve sa to li da ne po ri ba zu fe go ha".split()
_ID_MONTHS: Final = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
_EN_MONTHS: Final = "January February March April May June July August September October November December".split()
_ID_UNITS: Final = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
_EN_UNITS: Final = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split()
)
_EN_TENS: Final = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(n: int, language: str) -> str:
    """1-99 in Indonesian or English words ("dua puluh lima", "twenty-five")."""
    if language == "en":
        if n < 20:
            return _EN_UNITS[n]
        tens, unit = divmod(n, 10)
        return _EN_TENS[tens] + (f"-{_EN_UNITS[unit]}" if unit else "")
    if n == 10:
        return "sepuluh"
    if n == 11:
        return "sebelas"
    if n < 10:
        return _ID_UNITS[n]
    if n < 20:
        return f"{_ID_UNITS[n - 10]} belas"
    tens, unit = divmod(n, 10)
    return f"{_ID_UNITS[tens]} puluh" + (f" {_ID_UNITS[unit]}" if unit else "")


_ADMIN_PREFIX: Final = re.compile(r"(?i)(Kota|Kabupaten|Kab\.|Kecamatan|Kec\.)\s+")
_PREFIX_LEVELS: Final = {"kota": {"city"}, "kabupaten": {"regency"}, "kab": {"regency"}, "kecamatan": {"district"},
                         "kec": {"district"}}
_PROVINCE_NAMES: Final = frozenset(PROVINCES.values())
_ADMIN_WORDS: Final = frozenset(
    "kota kabupaten kab kab. kecamatan kec kec. kelurahan kel kel. desa nagari jorong dusun kampung provinsi prov "
    "prov.".split())
"""Type words of administrative units: the name after them is always a place name of its own."""
_STREET_HEADS: Final = frozenset("jalan jl. jl jln. jln gang gg. gg lorong komplek kompleks perumahan perum perum. "
                                 "blok".split())
"""Type words of streets and housing estates: a street's surrogate keeps them and gets another street name."""
_TYPE_HEADS: Final = tuple(sorted({w.lower() for w in LOCATION_TYPE_WORDS} | _ADMIN_WORDS | _STREET_HEADS, key=len,
                                  reverse=True))


_ID_STREET: Final = re.compile(
    r"((?<!\w)(?:Jl\.|Jln\.?|Jalan|jalan|jl\.|Gang|Gg\.|Lorong|Komplek|Perumahan|Perum\.?)[ \t]+)"
    r"(.*?)(?=,|[ \t]+(?:No|Nomor|Blok|RT)\b|$)")


def street_name(address: str) -> tuple[int, int] | None:
    """The span of the street's own name in an Indonesian address (``Melati`` in ``Jl. Melati No. 12``)."""
    m = _ID_STREET.search(address)
    return (m.start(2), m.end(2)) if m is not None and m.group(2) else None


def split_place(original: str) -> tuple[str, str]:
    """``(head, core)``: a leading place-type word with the spaces after it (``"Kelurahan "``,
    ``"pasar "``; any case), and the place's own name (``"Sukamaju"``). An administrative word
    (Kota, Kelurahan, Desa...) always heads; another type word (Pasar, Tanjung, Bukit...) only when
    the whole is no known region name (``Tanjung Pinang`` is one name)."""
    low = original.lower()
    for word in _TYPE_HEADS:
        m = re.match(rf"{re.escape(word)}\s+", low)
        if m is None or m.end() >= len(original):
            continue
        if word not in _ADMIN_WORDS and word not in _STREET_HEADS and place_regions(original):
            return "", original
        return original[: m.end()], original[m.end():]
    return "", original


_EN_STREET: Final = re.compile(
    r"(?:[A-Z][\w'’\-]*[ \t]+)+((?:Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Crescent|Terrace|Place|"
    r"Grove|Gardens|Hill|Row|Court|Square|Boulevard|Parade|Walk|Mews|Rise|View)\.?)")
_ORG_PREFIXES: Final = tuple(sorted({*ORG_TYPE_WORDS, "Warung", "Kedai", "Rumah Makan", "RM", "Koramil", "Kodim",
                                    "Kelurahan", "Kantor Camat", "Pengadilan Negeri", *ORG_HEAD_PHRASES},
                                   key=len, reverse=True))
PLACE_NAMED_ORGS: Final = frozenset(
    "polsek polres polresta polrestabes polda koramil kodim puskesmas posyandu rsud kelurahan kantor camat "
    "pengadilan negeri kjri kbri dinas".split()) | PLACE_HEADS
"""Kind words of institutions named after their place (case-folded words): their name gets a place's surrogate."""
_DENOMINATIONS: Final = frozenset(
    "adventist anglican baptist evangelical lutheran methodist pentecostal presbyterian".split())
"""Head words that name a congregation's creed: beside a replaced town they narrow it to the few congregations of
that creed there, so a surrogate does not keep them."""
_VENUE_WORDS: Final = frozenset(w.casefold() for w in ORG_HEAD_WORDS) - _DENOMINATIONS
"""The head words that make a run an organisation's name (:data:`makna.privacy.orgnames.ORG_HEAD_WORDS`:
Church, Clinic, Infirmary, Centre...), case-folded; not a creed (:data:`_DENOMINATIONS`)."""
_SCHOOLS: Final = frozenset("sd sdn smp smpn sma sman smk smkn mts mtsn man madrasah sekolah".split())
ORG_KIND_WORDS: Final = frozenset(w.casefold() for w in ORG_SUFFIX_WORDS) | frozenset(
    "the & and dan ltd ltd. inc inc. llc plc co co. corp pty tbk tbk. persero (persero) sons negeri swasta home "
    "homes house centre center primary secondary nursery".split()) | ORG_TAIL_WORDS | _VENUE_WORDS
"""Legal forms and kind words that end an organisation's name (case-folded): a surrogate keeps them (a church
stays a church, ``St Anne's Church`` -> ``Walsh Church``)."""


def split_org(original: str) -> tuple[str, str, str, bool]:
    """``(head, name, tail, place_named)`` of an organisation: the kind word or legal form before the name,
    with a school's ``Negeri``/number and the spaces (``"SD Negeri 3 "``, ``"PT "``, ``"The "``), the
    name, the legal forms and kind words after it (``" Haulage Ltd"``, ``" & Sons"``), and whether the
    name is the institution's place (see :data:`PLACE_NAMED_ORGS`)."""
    head = ""
    m = re.match(r"(?i)the\s+", original)
    if m:
        head = original[: m.end()]
    rest = original[len(head):]
    kind = ""
    for word in _ORG_PREFIXES:
        m = re.match(rf"(?i){re.escape(word)}(?![\w.])\.?\s+", rest)
        if m and m.end() < len(rest):
            kind = word.casefold()
            head, rest = head + rest[: m.end()], rest[m.end():]
            break
    numbered = False
    if kind in _SCHOOLS:
        m = re.match(r"(?i)(?:(?:negeri|swasta|islam|terpadu)\s+)?(\d{1,3}\s+)?", rest)
        if m and m.end() < len(rest):
            numbered = bool(m.group(1))
            head, rest = head + rest[: m.end()], rest[m.end():]
    toks = rest.split(" ")
    cut = len(toks)
    while cut > 1 and (toks[cut - 1].casefold().rstrip(",") in ORG_KIND_WORDS
                       or (cut < len(toks) and toks[cut - 1].casefold() in ORG_KIND_MODIFIERS)):
        cut -= 1  # "Leeds City Council": "City" too, before a kind word
    name, tail = " ".join(toks[:cut]), "".join(" " + t for t in toks[cut:])
    place_named = (set(kind.split()) & PLACE_NAMED_ORGS != set() or numbered
                   or bool(place_regions(name) or country_places(name)))
    return head, name, tail, place_named


_MONTH_NUMBER: Final[dict[str, int]] = {
    **{m.lower(): i for i, m in enumerate(_ID_MONTHS, 1)}, **{m.lower(): i for i, m in enumerate(_EN_MONTHS, 1)},
    "pebruari": 2, "nopember": 11, "jan": 1, "feb": 2, "febr": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "agu": 8, "agt": 8, "ags": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "nop": 11,
    "des": 12, "dec": 12,
}
_MONTH_WORD: Final = re.compile(r"(?i)(?<![A-Za-z])(?:" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
                                + r")(?![A-Za-z])")


_DAY: Final = re.compile(r"(?<!\d)(?<!\d[:.])(\d{1,2})(st|nd|rd|th)?(?!\d|[:.]\d)")
"""A day of a month in a date: one or two digits, not those of a clock time (``10.00``, ``10:30``)."""


def _safe_date(year: int, month: int, day: int) -> dt.date:
    """The date, or the last valid day of that month (31 June -> 30 June)."""
    for d in range(min(day, 31), 27, -1):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    return dt.date(year, month, min(max(day, 1), 28))


def date_core(original: str) -> str:
    """A date as its words of the calendar, from its first number or month name on: the words a review span carries
    before them ("bulan Oktober 2022", "tanggal 3 Maret", span_edges' convention) are no part of what another date
    may not become."""
    word = _MONTH_WORD.search(original)
    digit = re.search(r"\d", original)
    at = min((m.start() for m in (word, digit) if m is not None), default=0)
    return original[at:]


def calendar_date(original: str) -> dt.date | None:
    """The calendar day a date with a day, a month and a year names (``14 Agustus 2026``, ``2026-08-14``,
    ``14/08/2026``), else None."""
    word = _MONTH_WORD.search(original)
    if word is not None:
        day_m = re.search(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)", original)
        year_m = re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", original)
        if day_m is None or year_m is None:
            return None
        return _safe_date(int(year_m.group(0)), _MONTH_NUMBER[word.group(0).lower()], int(day_m.group(1)))
    parts = re.split(r"[/.\-]", original.strip())
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or not (len(parts[0]) == 4 or len(parts[2]) == 4):
        return None
    a, b, c = (int(p) for p in parts)
    year, month, day = (a, b, c) if len(parts[0]) == 4 else ((c, a, b) if b > 12 >= a else (c, b, a))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def latest_day(original: str) -> dt.date | None:
    """The last calendar day a date can name: its day (:func:`calendar_date`), or the last day of its month where
    it names a month and a year without a day (``Oktober 2022``); else None."""
    day = calendar_date(original)
    if day is not None:
        return day
    word = _MONTH_WORD.search(original)
    year_m = re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", original)
    if word is None or year_m is None or re.search(r"(?<!\d)\d{1,2}(?!\d)", original):
        return None
    return _safe_date(int(year_m.group(0)), _MONTH_NUMBER[word.group(0).lower()], 31)


def past_room(originals: Iterable[str], today: dt.date) -> int | None:
    """How many days the latest of ``originals`` that had passed by ``today`` lies before it (a date offset larger
    than that moves a past date into the future); None when none names a past day."""
    past = [d for t in originals if (d := latest_day(t)) is not None and d <= today]
    return (today - max(past)).days if past else None


def _ordinal(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


_FULL_MONTHS: Final = frozenset(m.lower() for m in (*_ID_MONTHS, *_EN_MONTHS, "Pebruari", "Nopember"))
_ID_ONLY: Final = (frozenset(m.lower() for m in _ID_MONTHS) - {m.lower() for m in _EN_MONTHS}) | {
    "pebruari", "nopember", "agu", "agt", "ags", "okt", "des", "nop"}
_EN_ONLY: Final = (frozenset(m.lower() for m in _EN_MONTHS) - {m.lower() for m in _ID_MONTHS}) | {
    "aug", "oct", "dec"}


def _month_like(month: int, word: str, language: str) -> str:
    """Month ``month`` written as ``word`` is: its language, full or abbreviated (3 letters), its case."""
    low = word.lower()
    english = low in _EN_ONLY or (low not in _ID_ONLY and language == "en")
    full = (_EN_MONTHS if english else _ID_MONTHS)[month - 1]
    name = full if low in _FULL_MONTHS else full[:3]
    return name.upper() if word.isupper() and len(word) > 1 else (name.lower() if word.islower() else name)


def _surname(rng: random.Random) -> str:
    """An English surname of one word (``Wombwell``; Faker also holds ``South Elmsall``)."""
    fake = _faker("en_GB")
    fake.seed_instance(rng.getrandbits(64))
    for _ in range(20):
        name = str(fake.last_name())
        if name.isalpha():
            return name
    return name  # pragma: no cover - twenty place-like surnames in a row


@cache
def _faker(locale: str) -> Any:
    from faker import Faker

    return Faker(locale)


def _digits_into(shape: str, digits: str) -> str:
    """Write ``digits`` into the digit positions of ``shape``, keeping its separators."""
    it = iter(digits)
    return "".join(next(it, "0") if c.isdigit() else c for c in shape)


def _random_digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _others_of_level(found: Iterable[tuple[str, str]], core: str) -> bool:
    """Whether the province of a place (its ``found`` regions) holds other places of its level whose names do not
    hold its own (``Jakarta``: its province's cities are ``Jakarta Barat``... ; ``Magelang``: Jawa Tengah's many)."""
    word = core.casefold()
    return any(word not in n.casefold() for p, lv in found for n in places_in(p, [lv]))


class SurrogateGenerator:
    """Draws surrogates from a project secret; see the module docstring."""

    def __init__(self, secret: bytes, *, region: str | None = None, date_offset: int = 0,
                 age_offset: int = 0) -> None:
        if len(secret) < 16:
            raise ValueError("a surrogate secret needs at least 16 bytes")
        self._secret = secret
        self.region = region
        """Province code of the surrogates, or ``"national"``/None (see the module documentation)."""
        self.date_offset = date_offset
        """Days every date moves."""
        self.age_offset = age_offset
        """Years every age moves."""
        self.tradition: str | None = None
        """The naming tradition chosen for names and user names (:data:`makna.privacy.naming.TRADITIONS`);
        None: each name's own, else the region's."""
        self.lineage: str | None = None
        """The tradition of the family of the name being drawn (:mod:`makna.privacy.families`), for its tokens
        that no list places: before the region's."""
        self.move: Callable[[str], str] | None = None
        """Under the wider policy for coarse places (:mod:`makna.privacy.coarse`): the province or country a
        province or country became, which a town's surrogate follows; None: towns stay in their own."""
        self.avoid: frozenset[str] = frozenset()
        """Place names (:func:`makna.privacy.districts.fold_place`) a place's surrogate never is: the originals
        of the project and of the text being rewritten, and the surrogates already given; every pool leaves
        them out (a wider pool where none is left)."""
        self.home: tuple[str, ...] | None = None
        """For the district being drawn: the districts of its city's surrogate (a district follows its city);
        ``()``: its city's surrogate has too few, so the province's; None: its city is not known."""
        self.placed = False
        """The place being drawn lies in :attr:`region`'s country by its own evidence (:func:`makna.privacy.
        place_countries.evidence_country`): its surrogate is a town of that country whatever the lists hold."""
        self.division = ""
        """The division of the country being drawn in that the document's other towns lie in, for a town the
        country's lists lack ("": unknown; :func:`makna.privacy.place_countries.document_division`)."""
        self.stray = False
        """The place being drawn is a district the lists hold in one province only, named in a document whose other
        places lie in the source's region and none in that province (``Kopo`` beside ``Bandung``: a Bandung
        neighbourhood, not Banten's district): its surrogate is of the region, not of the lists' province."""
        self.with_districts = False
        """The place being drawn is a city or regency whose districts follow its surrogate: one the district
        table gives more than :data:`makna.privacy.districts.MIN_OTHERS` districts, where the pool has one."""
        self._attempt = 0
        self._by_type: dict[str, Callable[[random.Random, str, str], str]] = {
            "PERSON": self._person,
            "PHONE": self._phone,
            "EMAIL": self._email,
            "URL": self._url,
            "HANDLE": self._handle,
            "NATIONAL_ID": self._national_id,
            "ACCOUNT": self._account,
            "ADDRESS": self._address,
            "LOCATION": self._location,
            "ORG": self._org,
            "DATE": self._date,
            "AGE": self._age,
            "PLATE": self._plate,
        }

    def rng(self, *parts: str) -> random.Random:
        """A generator seeded by the secret and ``parts``."""
        mac = hmac.new(self._secret, "\x1f".join(parts).encode("utf-8"), hashlib.sha256).digest()
        return random.Random(int.from_bytes(mac, "big"))

    def generate(self, kind: str, original: str, *, language: str = "id", attempt: int = 0) -> str:
        """A surrogate for ``original`` of type ``kind``."""
        rng = self.rng(kind, original, str(attempt))
        self._attempt = attempt
        return self._by_type[kind](rng, original, language)

    # -- PERSON ----------------------------------------------------------------------------------------
    def person_token(self, token: str, *, first: bool, language: str, attempt: int = 0,
                     gender: Gender | None = None, used: set[str] | None = None,
                     reject: Callable[[str], bool] | None = None, neutral: bool = False) -> str:
        """A surrogate for one name token, of ``gender`` and the token's naming tradition (else the
        region's; the chosen :attr:`tradition` first), never one whose case-folded form is in ``used`` or
        that ``reject`` refuses (see :mod:`makna.privacy.naming`); ``neutral``: the token's gender is
        unknown, so a name both genders bear."""
        rng = self.rng("PERSON-TOKEN", token.lower(), "first" if first else "last", str(attempt))
        pools = name_pools(token, first=first, language=language, gender=gender, region=self.region,
                           tradition=self.tradition, neutral=neutral, lineage=self.lineage)
        value = draw_name(rng, pools, used if used is not None else {token.lower()}, reject)
        return value.upper() if token.isupper() and len(token) > 1 else value

    def _person(self, rng: random.Random, original: str, language: str) -> str:
        toks = original.split()
        return " ".join(self.person_token(t, first=(i == 0), language=language) for i, t in enumerate(toks))

    # -- PHONE -----------------------------------------------------------------------------------------
    def _phone(self, rng: random.Random, original: str, language: str) -> str:
        spoken = bool(re.search(r"[A-Za-z]{2}", original))
        digits = spoken_digits(original) if spoken else re.sub(r"\D", "", original)
        if not digits:
            digits = "081200000000"
        n = len(digits)
        # 62 is Indonesia's country code only before a national number (62 812 ...: ten digits or more); a
        # number after "+" is another country's, whose code is kept (+65 9123 4567, Singapore, is no North
        # American number); "6234 8890", eight digits, is a local number abroad (Hong Kong)
        abroad = original.lstrip().startswith("+") and not digits.startswith(("62", "1"))
        if (digits.startswith("62") and n >= 10) or digits.startswith("08") or digits.startswith("0062"):
            cc = digits[: len(digits) - len(digits.lstrip("0")) + 2] if digits.startswith("0062") else ""
            national_len = n - len(cc) - (2 if digits[len(cc) :].startswith("62") else 0)
            national_len = national_len + 1 if digits[len(cc) :].startswith("62") else national_len
            new = ID_FICTION_PREFIX + _random_digits(rng, max(6, national_len - 4))
            if digits[len(cc) :].startswith("62"):
                new = cc + "62" + new[1:]
        elif digits.startswith("07") and n == 11 and (language != "id" or _UK_MOBILE_GROUP.match(original)):
            # (in Indonesia 07xx is an area code: 0751 7051234 is a landline in Padang, 07911 123456 a UK mobile)
            new = "07700900" + _random_digits(rng, 3)
        elif n == 10 and not digits.startswith("0") and not abroad:
            new = _random_digits(rng, 3).replace("0", "2") + "55501" + _random_digits(rng, 2)
        elif n == 11 and digits.startswith("1"):
            new = "1" + _random_digits(rng, 3).replace("0", "2") + "55501" + _random_digits(rng, 2)
        elif digits.startswith("0") and not digits.startswith("00") and 9 <= n <= 12:
            new = fictional_landline(digits, language) + _random_digits(rng, 3)
            new = new[:n] if len(new) > n else new + _random_digits(rng, n - len(new))
        else:
            keep = 2 if digits.startswith("0") else 3
            new = digits[:keep] + _random_digits(rng, n - keep)
        if spoken:
            return " ".join(new[i : i + 4] for i in range(0, len(new), 4))
        if len(new) != n:
            return new
        return _digits_into(original, new)

    # -- EMAIL, URL, HANDLE ----------------------------------------------------------------------------
    def account_language(self, language: str) -> str:
        """The language of the names in a user name: Indonesian for a source in an Indonesian region (a
        province, or the whole country), the country's for one abroad, else the text's."""
        if self.region is not None and not is_country(self.region):
            return "id"
        return "en" if is_country(self.region) else language

    def account_word(self, rng: random.Random, language: str, *, reject: Callable[[str], bool] | None = None,
                     used: set[str] | None = None) -> str:
        """One name of the source's naming tradition (its chosen one, else its region's, else its
        language's), lower case, for a user name (``dewi``, ``rahmat``; ``tom`` abroad)."""
        pools = name_pools("", first=True, language=self.account_language(language), gender=None,
                           region=self.region, tradition=self.tradition)
        return draw_name(rng, pools, used if used is not None else set(), reject).lower()

    def _user(self, rng: random.Random, language: str) -> str:
        sep = rng.choice(["", ".", "_"])
        return sep.join(self.account_word(rng, language) for _ in range(rng.randint(1, 2)))

    def _email(self, rng: random.Random, original: str, language: str) -> str:
        domain = rng.choice(["example.com", "example.org", "example.net"])
        return f"{self._user(rng, language)}{rng.randint(1, 99)}@{domain}"

    def _url(self, rng: random.Random, original: str, language: str) -> str:
        scheme = "https://" if original.lower().startswith("https") else ("http://" if "://" in original else "")
        slug = "".join(rng.choice(_SYLLABLES) for _ in range(3))
        return f"{scheme}{'www.' if 'www.' in original.lower() else ''}example.org/{slug}"

    def _handle(self, rng: random.Random, original: str, language: str) -> str:
        m = re.match(r"(?i)((?:https?://)?(?:wa\.me|t\.me)/)(.*)", original)
        if m:
            body = m.group(2)
            if body.isdigit():
                return m.group(1) + re.sub(r"\D", "", self._phone(rng, body, language))
            return m.group(1) + self._user(rng, language)
        at = "@" if original.startswith("@") else ""
        user = self._user(rng, language)
        if re.search(r"\d", original):
            user += str(rng.randint(1, 99))
        return at + user

    # -- NATIONAL_ID -----------------------------------------------------------------------------------
    def _national_id(self, rng: random.Random, original: str, language: str) -> str:
        digits = re.sub(r"\D", "", original)
        if re.fullmatch(r"[A-Z]{2}[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D]", original):
            return _digits_into("QQ" + original[2:], _random_digits(rng, 6))
        if len(digits) == 16:  # the same province, the birth date moved by the project's offset
            return _digits_into(original, nik_surrogate(rng, digits, self.region, self.date_offset))
        if len(digits) == 13 and (za := za_id_surrogate(rng, digits, self.date_offset)) is not None:
            return _digits_into(original, za)  # a South African identity number: its date and check digit hold
        if len(digits) == 9 and re.fullmatch(r"\d{3}[- ]\d{2}[- ]\d{4}", original):
            return _digits_into(original, "9" + _random_digits(rng, 8))
        return _digits_into(original, _random_digits(rng, len(digits)))

    def _account(self, rng: random.Random, original: str, language: str) -> str:
        # the same shape, no bank's account (account_surrogates.py); its letters drawn anew where the kept ones
        # clash (WECT of a case reference added by hand is an original's word: never a word instead, trial17 #4)
        return account_surrogate(rng, original, letters=self._attempt > 0)

    # -- PLATE ---------------------------------------------------------------------------------------
    def _plate(self, rng: random.Random, original: str, language: str) -> str:
        m = re.fullmatch(r"([A-Z]{1,2})([ \t\-]?)(\d{1,4})([ \t\-]?)([A-Z]{1,3})", original)
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        if m and m.group(1) in PLATE_REGIONS:
            regions = plate_prefixes(m.group(1), self.region)  # the plate's own province
            num = str(rng.randint(10 ** (len(m.group(3)) - 1), 10 ** len(m.group(3)) - 1))
            suffix = "".join(rng.choice(letters) for _ in m.group(5))
            return f"{rng.choice(regions)}{m.group(2)}{num}{m.group(4)}{suffix}"
        return "".join(
            rng.choice(letters) if c.isalpha() else (rng.choice("0123456789") if c.isdigit() else c) for c in original
        )

    # -- DATE and AGE ----------------------------------------------------------------------------------
    def _date(self, rng: random.Random, original: str, language: str) -> str:
        original = respell_month(original) or original  # "Nopembr 2021" read as the month it stands for
        word = _MONTH_WORD.search(original)
        if word is None:
            return shift_season(original, self.date_offset) or self._numeric_date(original)
        day_ms = [d for d in _DAY.finditer(original) if 1 <= int(d.group(1)) <= 31]
        day_m = day_ms[0] if day_ms else None
        year_m = re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", original)
        year = int(year_m.group(0)) if year_m else 2000
        months = list(_MONTH_WORD.finditer(original))

        def month_of(at: int) -> re.Match[str]:  # a day's month: the first named after it, else the last before
            return next((w for w in months if w.start() >= at), months[-1])

        def moved(day: re.Match[str] | None, month: re.Match[str]) -> dt.date:
            number = _MONTH_NUMBER[month.group(0).lower()]
            return _safe_date(year, number, int(day.group(1)) if day else 15) + dt.timedelta(days=self.date_offset)

        new = moved(day_m, month_of(day_m.start()) if day_m else word)
        # each month word takes the month its last day lands in ("3-7 Juni" +40: "13-17 Juli"); one with no day
        # of its own the first day's
        month_day = {month_of(d.start()).start(): d for d in day_ms}
        pieces: list[tuple[int, int, str]] = [
            (w.start(), w.end(), _month_like(moved(month_day.get(w.start(), day_m), w).month, w.group(0), language))
            for w in months
        ]
        if year_m:
            pieces.append((year_m.start(), year_m.end(), str(new.year)))
        for d in day_ms:  # every day a range names ("3 to 7 June"), not only its first
            when = moved(d, month_of(d.start()))
            digits = f"{when.day:02d}" if d.group(1).startswith("0") else str(when.day)  # "21st" -> "2nd"
            suffix = _ordinal(when.day) if d.group(2) else ""
            pieces.append((d.start(), d.end(), digits + (suffix.upper() if d.group(2).isupper() else suffix)
                           if d.group(2) else digits))
        out = original
        for a, b, text in sorted(pieces, reverse=True):
            out = out[:a] + text + out[b:]
        return move_weekdays(out, self.date_offset) if day_m else out

    def _numeric_date(self, original: str) -> str:
        parts = re.split(r"([/.\-])", original)
        if len(parts) != 5 or not all(p.isdigit() for p in parts[::2]):
            return original
        a, b, c = (int(p) for p in parts[::2])
        if len(parts[0]) == 4:
            year, month, day, order = a, b, c, (0, 1, 2)
        elif b > 12 >= a:
            month, day, year, order = a, b, c, (1, 2, 0)  # m/d/y
        else:
            day, month, year, order = a, b, c, (2, 1, 0)
        short = year < 100
        year = year + (2000 if year < 50 else 1900) if short else year
        new = _safe_date(year, min(max(month, 1), 12), max(day, 1)) + dt.timedelta(days=self.date_offset)
        values = {0: new.year % 100 if short else new.year, 1: new.month, 2: new.day}
        for slot, index in zip(order, (0, 2, 4), strict=True):
            parts[index] = f"{values[slot]:0{len(parts[index])}d}"
        return "".join(parts)

    def _age(self, rng: random.Random, original: str, language: str) -> str:
        shifted = shift_age_text(original, self.age_offset)
        if shifted is None:  # words around it ("hampir 40 tahun", a self-correction): each number moves
            shifted = shift_each_age(original, self.age_offset)
        if shifted is not None:
            return shifted
        digits = re.match(r"\d{1,3}(?!\d)", original)
        if digits:  # a number in an unknown setting ("29 (tahun)"): the number moves, the rest stays
            return str(shift_age(int(digits.group(0)), self.age_offset)) + original[digits.end():]
        lang = "en" if re.search(r"(?i)years|ty|teen|one|two|three|five|eight", original) else "id"
        return number_words(rng.randint(18, 60), lang)  # no age makna can read: a random one, always the same

    # -- ADDRESS, LOCATION, ORG ------------------------------------------------------------------------
    def _words(self, rng: random.Random, n: int = 2) -> str:
        return " ".join(rng.sample(_PLACE_WORDS, n))

    def _address(self, rng: random.Random, original: str, language: str) -> str:
        new = renumber(rng, original)  # house numbers keep their length and leading zeros
        m = _ID_STREET.search(new)
        if m:
            return new[: m.start(2)] + self._words(rng) + new[m.end(2) :]
        surname = _surname(rng)
        street = _EN_STREET.fullmatch(new)
        if street is not None:  # "Roundhay Road" without a number: a surname and the same street word
            return f"{surname} {street.group(1)}"
        return re.sub(
            r"((?:\d+[A-Za-z]?,?[ \t]+))((?:[A-Z][\w'’\-]*[ \t]+)+)(?=[A-Z])",
            lambda x: x.group(1) + surname + " ",
            new,
            count=1,
        )

    def _foreign_place(self, rng: random.Random, head: str, core: str) -> str | None:
        """A city of the country (and division) of a city outside Indonesia, or of the region's country
        for a name no list knows; another country for a country's name. None: neither."""
        low = core.casefold()
        country = next((c for c, n in countries().items() if n.casefold() == low), None)
        if country is not None and country != "ID":
            return head + rng.choice(self._free(sorted(n for c, n in countries().items() if c not in {country, "ID"})))
        areas = sorted(abroad_areas(core))
        if not areas and is_country(self.region) and not place_regions(core):
            areas = [(str(self.region), self.division)]
        if not areas:
            return None
        listed = {c for c, _a in areas}
        if is_country(self.region) and self.region not in listed | {"ID"} and (self.placed or len(listed) > 1):
            areas = [(str(self.region), self.division)]  # a name several countries share, or its context's country
        if not is_country(self.region):  # a name of several countries: one whose names makna knows first
            areas = sorted(areas, key=lambda area: area[0] not in COUNTRY_LOCALES)  # Victoria: Canada's
        code, admin1 = areas[0] if len({c for c, _a in areas}) == 1 or not is_country(self.region) else next(
            ((c, a) for c, a in areas if c == self.region), areas[0])
        if self.move is not None and (moved := self.move(code)) != code:  # the wider policy: its new country
            code, admin1 = moved, ""
        # the same level: a city another city; a town or suburb (a place of the GeoNames table only, or one its
        # country's lists lack) another town of its country (Macao: few cities, more neighbourhoods)
        tiers = [cities_in(code, admin1), cities_in(code), abroad_towns(code)]
        if (code, admin1) not in country_places(core):
            tiers = [abroad_towns(code, admin1) if admin1 else (), *tiers[2:], *tiers[:2]]
        pool = next((free for tier in tiers if (free := self._free([n for n in tier if n.casefold() != low]))), [])
        return head + rng.choice(pool) if pool else None

    def _location(self, rng: random.Random, original: str, language: str) -> str:
        head, core = split_place(original)
        if head and head.split()[0].casefold() in _STREET_HEADS:  # "Jalan Melati": a street keeps "Jalan"
            return head + self._words(rng, min(max(len(core.split()), 1), 2))
        if not head and original.split()[-1:] and original.split()[-1].casefold() in _VENUE_WORDS and split_org(
                original)[2]:
            # a venue ("Harbour Street Community Centre") keeps its kind, as an organisation does: no town
            return self._org(rng, original, language)
        street = _EN_STREET.fullmatch(original)
        if street is not None and not (country_places(original) or place_regions(original)):
            # "Station Road": a surname and the same street word (a town such as "Burgess Hill" stays a town)
            return f"{_surname(rng)} {street.group(1)}"
        found = listed_regions(core)  # "Jakarta": the stem of its five cities; "Jakarta Timur" one of them
        abroad = abroad_places(core) if not found and not country_places(core) else frozenset()
        if {c for c, _a in abroad} & {"ID", self.region} == {"ID"}:  # an Indonesian town only GeoNames knows
            found = frozenset((a, "city") for c, a in abroad if c == "ID")  # (Purwokerto): its own province
        if not found and (foreign := self._foreign_place(rng, head, core)) is not None:
            return foreign
        if head and not found and not _ADMIN_PREFIX.match(head) and head.split()[0].lower() not in _ADMIN_WORDS:
            return head + self._words(rng)  # "Warung X": a type word and invented words
        indonesian_head = bool(head) and head.split()[0].lower() in _ADMIN_WORDS  # "Kelurahan X": Indonesian
        if not found and not indonesian_head and (language == "en" or core in gz.places_en()):
            return head + rng.choice(self._free(sorted(p for p in gz.places_en() if p.casefold() != core.casefold())))
        own = {p for p, _lv in found}
        province = self.region if self.region not in (None, NATIONAL) and not is_country(self.region) else None
        if len(own) == 1 and self.region != NATIONAL and not self.stray and (
                province is None or _others_of_level(found, core)):
            # a place the lists hold in one province stays in it, whatever the source's or study's province
            # (``Magelang`` in a study of Jawa Barat becomes a town of Jawa Tengah; trial18 #4), where that
            # province has other places of its level (``Jakarta``'s are its own five cities); ``national``
            # draws from the whole country
            province = next(iter(own))
        prefix = _ADMIN_PREFIX.match(head)
        if prefix is not None:
            levels = _PREFIX_LEVELS[prefix.group(1).lower().rstrip(".")]
        else:
            levels = {lv for p, lv in found if province is None or p == province} or {lv for _p, lv in found}
        if levels == {"province"}:
            return head + rng.choice(self._free([n for n in sorted(_PROVINCE_NAMES) if n.lower() != core.lower()]))
        own_province = province
        if province is not None and self.move is not None:
            province = self.move(province)  # the wider policy: the towns follow their province's surrogate
        # the same level (a city another city, a district another), a city's or regency's wider level only
        # after a hundred draws (the province's few cities are all originals or taken)
        broad = {"city", "regency"} if levels & {"city", "regency"} else {"district"}
        exact = (levels & broad or broad) if self._attempt < 100 else broad
        if exact == {"district"} and self._attempt < 100 and province == own_province:
            # a district another district of its own regency, where the table places it in one (and the
            # regency has enough others); a district whose city the text or project names, one of the city's
            # surrogate (:attr:`home`); after a hundred draws, or else, one of the province
            if same := self._free(same_regency(core, province) if self.home is None else self.home):
                return head + rng.choice(same)
        tiers = (places_in(province, exact), places_in(province, broad), places_in(None, exact), places_in(None, broad))
        pool = next((free for tier in tiers if (free := self._free(tier))), None)
        if self.with_districts and pool and (big := [n for n in pool if has_districts(n)]):
            pool = big  # a city its districts follow: one with enough districts to take them
        new = rng.choice(pool or tiers[0] or tiers[2])
        if not core.startswith("Administrasi "):  # "Jakarta Timur" as people write it: "Jakarta Barat", not the
            new = new.removeprefix("Administrasi ")  # table's "Administrasi Jakarta Barat"
        return head + new

    def _free(self, names: Iterable[str]) -> list[str]:
        """``names`` less those :attr:`avoid` holds (whole, or their part before a comma)."""
        avoid = self.avoid
        return [n for n in names if fold_place(n) not in avoid and fold_place(n.split(",")[0]) not in avoid]

    def _org(self, rng: random.Random, original: str, language: str) -> str:
        head, name, tail, _place = split_org(original)
        n = len(name.split())
        english = language == "en"
        if head.strip() and head.split()[-1].casefold() not in {"the"}:  # a kind word or legal form before it
            if english and head.split()[-1].casefold() in {"of", "union"}:  # "University of X": English words
                return head + brand_name(rng, max(n, 2), True, tuple(_PLACE_WORDS)) + tail
            short = head.split()[0].rstrip(".") in {"PT", "CV", "UD"}
            return head + business_words(rng, max(n, 2 if short else 1), tuple(_PLACE_WORDS)) + tail
        if tail and english and GROUP_KINDS & {w.casefold() for w in tail.split()}:  # a group: brand words
            return head + brand_name(rng, max(n, 2), True, tuple(_PLACE_WORDS)) + tail
        if tail and english:  # "Hartley & Sons Ltd", "Bayline Haulage": surnames before the kind word
            return head + " ".join(_surname(rng) for _ in range(min(max(n, 1), 2))) + tail
        if tail:  # "Berkah Laundry": Indonesian business words before it
            return head + business_words(rng, n, tuple(_PLACE_WORDS)) + tail
        # no kind word at all: words that read as a business, never a person's name ("Sinar Jaya")
        return head + brand_name(rng, n, english, tuple(_PLACE_WORDS))
