"""Shapes that surrogates keep: house numbers, NIK structure, plate provinces, organisation-like names.

* House and unit numbers (:func:`renumber`): every number gets other digits of the same length and
  leading zeros (``No. 12`` -> ``No. 47``, ``RT 03/RW 05`` -> ``RT 06/RW 02``), never the same number.
* NIKs (:func:`nik_surrogate`): the 16 digits are province (2), regency or city (2), district (2), birth
  date (6: day, plus 40 for a woman; month; year) and a serial (4). The surrogate keeps the original's
  province (the whole country with the ``national`` region, the documented wider option), draws a regency
  or city code that exists in that province (regencies are numbered from 01, cities from 71, as many as
  ``data/regions_id.tsv`` lists there) and a district, moves the birth date by the project's date offset
  (the same days as every date of the project), keeps the gender digit, and draws the serial.
* South African identity numbers (:func:`za_id_surrogate`, trial17 #4): a valid birth date moved by the
  project's offset, the gender's half of the sequence, the citizenship digit, and a Luhn check digit that holds.
* Plates (:func:`plate_prefixes`): a prefix of the plate's own province (``BA`` stays ``BA``, a Jakarta
  ``B`` stays ``B`` in a West Sumatra study); the surrogate region decides only where the prefix is issued
  in several provinces, and ``national`` allows any prefix.
* Organisations with no kind word or legal form (:func:`brand_name`): words that read as a business,
  never as a person (Indonesian business words; English words that are no one's name; an invented brand
  for a one-word name), so ``Sinar Jaya`` never becomes ``Astuti Rahmawati``.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from functools import cache
from typing import Final

from ._idwords import PLATE_REGIONS, nik_is_valid
from .regions import NATIONAL, PLATE_PROVINCES, PROVINCES, places_in

__all__ = [
    "BRAND_WORDS",
    "GROUP_KINDS",
    "ORG_HEAD_PHRASES",
    "ORG_KIND_MODIFIERS",
    "ORG_TAIL_WORDS",
    "PLACE_HEADS",
    "brand_name",
    "business_words",
    "luhn_valid",
    "nik_surrogate",
    "plate_prefixes",
    "renumber",
    "za_id_surrogate",
]

ORG_TAIL_WORDS: Final = frozenset(
    "laundry cell ponsel motor mart collection collections fashion store shop cafe kafe coffee bakery salon "
    "studio barbershop florist printing photo photography komputer computer elektronik electronics servis "
    "catering travel tour snack frozen furniture mebel konveksi butik boutique distro kitchen".split()
)
"""Kind words that may end an organisation's name (``Berkah Laundry``, ``Sumber Rezeki Cell``), besides the
legal forms and English kind words of :data:`makna.privacy.places.ORG_SUFFIX_WORDS` (case-folded)."""

ORG_HEAD_PHRASES: Final = (
    "Credit Union",
    "Pemerintah Kota",
    "Pemerintah Kabupaten",
    "Pemerintah Provinsi",
    "Pemkot",
    "Pemkab",
    "Pemprov",
    "University of",
    "College of",
    "Bank of",
    "Kelompok Tani",
    "Kelompok Wanita Tani",
    "Majelis Taklim",
    "Gereja",
    "Masjid",
    "Musala",
    "Mushola",
    "Grup",
    "Arisan",
    "Karang Taruna",
    "Sekolah Tinggi",
)
"""Kind words an organisation's name may start with that detection's type words lack (``Credit Union
Kasih Sejati``, ``Pemerintah Kota Bukittinggi``): a surrogate keeps them (see
:func:`makna.privacy.surrogates.split_org`)."""
PLACE_HEADS: Final = frozenset({"pemerintah", "pemkot", "pemkab", "pemprov"})
"""Case-folded head words of bodies named after their place (``Pemerintah Kota X``): the name is a place."""
GROUP_KINDS: Final = frozenset(
    "union foundation trust association society network club group collective federation fellowship alliance "
    "council cooperative co-op forum committee circle league partnership initiative".split()
)
"""Kind words of groups and bodies (case-folded): an English name before one gets brand words, not surnames
(``Harbour Maple Credit Union``, never ``Williamson Thomas Credit Union``)."""
ORG_KIND_MODIFIERS: Final = frozenset(
    "city borough county community district town parish credit housing state national regional metropolitan "
    "health students student women's youth residents tenants sports football cricket rugby social care "
    "city's".split()
)
"""Words that belong to the kind words after an organisation's name only right before one (``City`` of
``Leeds City Council``, ``Credit`` of ``Kasih Sejati Credit Union``), case-folded."""

BRAND_WORDS: Final = (
    "Silver Oak Meadow Harbour Summit Beacon Maple Cedar Falcon Redwood Bluebell Willow Kestrel Orchard Lantern "
    "Anchor Compass Harvest Riverside Hillside Clover Horizon Crescent Evergreen Amber Foxglove Heron Juniper "
    "Larch Osprey Pebble Quarry Thistle Bramble Acorn Swallow Copperleaf Ironbridge Kingfisher Marigold Nettle "
    "Saffron Tidewater Waymark Highfield Brightwater Greenleaf Stonebridge Wildflower"
).split()
"""English words for organisations' surrogates (words that are no one's first name; see :func:`brand_name`)."""
_SYLLABLES: Final = "ka ra lo mi nu ve sa to li da ne po ri ba zu fe go ha".split()


def renumber(rng: random.Random, text: str) -> str:
    """``text`` with every number replaced by another of the same length and leading zeros."""

    def one(m: re.Match[str]) -> str:
        digits = m.group(0)
        zeros = len(digits) - len(digits.lstrip("0"))
        rest = len(digits) - zeros
        if rest == 0:
            return digits
        for _ in range(20):
            new = "0" * zeros + rng.choice("123456789") + "".join(rng.choice("0123456789") for _ in range(rest - 1))
            if new != digits:
                return new
        return new  # pragma: no cover - a one-digit number drawn equal 20 times

    return re.sub(r"\d+", one, text)


@cache
def _regency_codes(province: str) -> tuple[str, ...]:
    """Regency (01...) and city (71...) codes of a province, as many as the region table lists there."""
    regencies = len(places_in(province, {"regency"}))
    cities = len(places_in(province, {"city"}))
    return tuple(f"{i:02d}" for i in range(1, regencies + 1)) + tuple(f"{70 + i:02d}" for i in range(1, cities + 1))


def _birth(digits: str) -> tuple[dt.date, bool] | None:
    """The birth date and whether the holder is a woman, from a NIK's digits 7-12 (None: no valid date)."""
    day, month, year = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    female = day > 40
    century = 1900 if year > dt.date.today().year % 100 else 2000
    try:
        return dt.date(century + year, month, day - 40 if female else day), female
    except ValueError:
        return None


def nik_surrogate(rng: random.Random, digits: str, region: str | None, date_offset: int) -> str:
    """A valid NIK for the 16 ``digits`` of another (see the module documentation); ``region``: the
    surrogate region (``national``: any province)."""
    own = digits[:2] if digits[:2] in PROVINCES else None
    if region == NATIONAL or own is None:
        province = region if region in PROVINCES else rng.choice(sorted(PROVINCES))
        province = rng.choice(sorted(PROVINCES)) if region == NATIONAL else province
    else:
        province = own
    born = _birth(digits)
    female = born[1] if born is not None else int(digits[6:8]) > 40
    codes = _regency_codes(province) or ("01",)
    for _ in range(100):
        when = (
            born[0] + dt.timedelta(days=date_offset)
            if born is not None
            else dt.date(rng.randint(1960, 2004), rng.randint(1, 12), rng.randint(1, 28))
        )
        day = when.day + (40 if female else 0)
        new = (
            province + rng.choice(codes) + f"{rng.randint(1, 20):02d}" + f"{day:02d}{when.month:02d}"
            f"{when.year % 100:02d}" + f"{rng.randint(1, 999):04d}"
        )
        if nik_is_valid(new) and new != digits:
            return new
    raise AssertionError("no NIK surrogate")  # pragma: no cover - a serial of 999 equal 100 times


def luhn_valid(digits: str) -> bool:
    """Whether ``digits`` end in their Luhn check digit (ISO/IEC 7812)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return bool(digits) and total % 10 == 0


def _za_birth(digits: str, today: dt.date) -> dt.date | None:
    """The birth date of a South African identity number (YYMMDD, the century that puts it before ``today``)."""
    year, month, day = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    century = 2000 if 2000 + year <= today.year else 1900
    try:
        return dt.date(century + year, month, day)
    except ValueError:
        return None


def za_id_surrogate(rng: random.Random, digits: str, date_offset: int, today: dt.date | None = None) -> str | None:
    """A South African identity number for the 13 ``digits`` of one (a valid birth date, a Luhn check digit that
    holds): YYMMDD its birth date moved by the project's date offset (as every date of the project), the
    sequence ``SSSS`` drawn in its gender's half (0000-4999 a woman, 5000-9999 a man), the citizenship digit kept
    (0 a citizen, 1 a permanent resident), then 8 and the Luhn check digit: the shape of an issued number, never
    the original. None: ``digits`` are no such number, by date, citizenship digit and check digit or the ``8``/``9``
    before it (another country's 13 digits keep the random draw)."""
    today = today or dt.date.today()
    born = _za_birth(digits, today) if len(digits) == 13 and digits[10] in "012" else None
    if born is None or not (luhn_valid(digits) or digits[11] in "89"):  # (a typed number's check digit may be off)
        return None
    when = born + dt.timedelta(days=date_offset)
    male = int(digits[6]) >= 5
    for _ in range(100):
        serial = rng.randint(5000, 9999) if male else rng.randint(0, 4999)
        body = f"{when.year % 100:02d}{when.month:02d}{when.day:02d}{serial:04d}{digits[10]}8"
        new = body + next(str(d) for d in range(10) if luhn_valid(body + str(d)))
        if new != digits:
            return new
    return None  # pragma: no cover - the same sequence a hundred times


def plate_prefixes(prefix: str, region: str | None) -> list[str]:
    """The prefixes a plate of ``prefix`` may get: those of its own province (see the module documentation)."""
    if region == NATIONAL:
        return sorted(PLATE_REGIONS)
    own = PLATE_PROVINCES.get(prefix, ())
    if region in own:
        return sorted(p for p, provs in PLATE_PROVINCES.items() if region in provs)
    if len(own) == 1:
        return sorted(p for p, provs in PLATE_PROVINCES.items() if own[0] in provs)
    return [prefix]


@cache
def _business_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` less any that is a person's name in makna's lists (``Lestari``, ``Wijaya``)."""
    from .naming import _all_names, name_gender, token_traditions

    return tuple(
        w
        for w in words
        if name_gender(w) is None
        and not token_traditions(w)
        and w not in _all_names("en_GB")
        and w not in _all_names("id_ID")
    )


def business_words(rng: random.Random, n: int, words: tuple[str, ...]) -> str:
    """``n`` (1 to 3) of ``words`` that are no person's name, for the name after a kind word (``Koperasi
    Harapan Sentosa``, never ``Koperasi Jaya Wijaya``)."""
    pool = _business_words(words) or words
    return " ".join(rng.sample(pool, min(max(n, 1), 3)))


def brand_name(rng: random.Random, n: int, english: bool, indonesian_words: tuple[str, ...]) -> str:
    """An organisation's name of ``n`` words (1 to 3) that reads as a business: an invented brand for one
    word, else English brand words or the given Indonesian business words, none a person's name."""
    if n <= 1:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    pool = _business_words(tuple(BRAND_WORDS) if english else indonesian_words)
    return " ".join(rng.sample(pool, min(n, 3)))
