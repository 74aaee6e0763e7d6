"""Realistic, deterministic surrogates per identifier type.

Every surrogate is drawn from a ``random.Random`` seeded with ``HMAC-SHA256(secret, type, original,
attempt)``, so the same project secret gives the same surrogate for the same original in every session;
the caller retries with a higher ``attempt`` on a collision. Indonesian surrogates look Indonesian: 08xx
mobiles with real operator prefixes, plates with real region prefixes, NIKs with a valid structure.
Reserved fiction ranges are used where they exist (UK 07700 900xxx, US 555-01xx, NI prefix QQ, SSN area 9xx,
e-mail and URLs on ``example`` domains), so a surrogate never reaches a real person.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import re
from collections.abc import Callable
from functools import cache
from typing import Any, Final

from . import gazetteers as gz
from .patterns import PLATE_REGIONS, nik_is_valid, spoken_digits
from .places import LOCATION_TYPE_WORDS, ORG_TYPE_WORDS

__all__ = ["SurrogateGenerator", "number_words"]

_ID_MOBILE_PREFIXES: Final = (
    "0811 0812 0813 0821 0822 0823 0851 0852 0853 0814 0815 0816 0855 0856 0857 0858 0817 0818 0819 0859 "
    "0877 0878 0831 0832 0833 0838 0881 0882 0883 0887 0888 0895 0896 0897 0898 0899"
).split()
_NIK_REGIONS: Final = (
    "1371 1372 1373 1374 1375 1376 1377 1301 1302 1303 1304 1305 1306 1307 1308 1471 1571 1671 3171 3172 "
    "3173 3174 3175 3273 3374 3578 5171 6471 7371 1271 1275"
).split()
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


@cache
def _faker(locale: str) -> Any:
    from faker import Faker

    return Faker(locale)


@cache
def _gendered_names(locale: str) -> tuple[frozenset[str], frozenset[str]]:
    import importlib

    provider: Any = importlib.import_module(f"faker.providers.person.{locale}").Provider
    male = frozenset(getattr(provider, "first_names_male", ()))
    female = frozenset(getattr(provider, "first_names_female", ()))
    if locale != "id_ID":
        other_m, other_f = _gendered_names("id_ID")
        male, female = male | other_m, female | other_f
    return male, female


def _digits_into(shape: str, digits: str) -> str:
    """Write ``digits`` into the digit positions of ``shape``, keeping its separators."""
    it = iter(digits)
    return "".join(next(it, "0") if c.isdigit() else c for c in shape)


def _random_digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


class SurrogateGenerator:
    """Draws surrogates from a project secret; see the module docstring."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("a surrogate secret needs at least 16 bytes")
        self._secret = secret
        self._by_type: dict[str, Callable[[random.Random, str, str], str]] = {
            "PERSON": self._person,
            "PHONE": self._phone,
            "EMAIL": self._email,
            "URL": self._url,
            "HANDLE": self._handle,
            "NATIONAL_ID": self._national_id,
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
        return self._by_type[kind](rng, original, language)

    # -- PERSON ----------------------------------------------------------------------------------------
    def person_token(self, token: str, *, first: bool, language: str, attempt: int = 0) -> str:
        """A surrogate for one name token: a first name of the same gender where known, else a surname."""
        rng = self.rng("PERSON-TOKEN", token.lower(), "first" if first else "last", str(attempt))
        fake = _faker("en_GB" if language == "en" else "id_ID")
        fake.seed_instance(rng.getrandbits(64))
        if not first:
            value = str(fake.last_name())
        else:
            male, female = _gendered_names("en_GB" if language == "en" else "id_ID")
            if token in female and token not in male:
                value = str(fake.first_name_female())
            elif token in male and token not in female:
                value = str(fake.first_name_male())
            else:
                value = str(fake.first_name())
        value = value.split()[0]
        return value.upper() if token.isupper() else value

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
        if digits.startswith("62") or digits.startswith("08") or digits.startswith("0062"):
            cc = digits[: len(digits) - len(digits.lstrip("0")) + 2] if digits.startswith("0062") else ""
            national_len = n - len(cc) - (2 if digits[len(cc) :].startswith("62") else 0)
            national_len = national_len + 1 if digits[len(cc) :].startswith("62") else national_len
            new = rng.choice(_ID_MOBILE_PREFIXES) + _random_digits(rng, max(6, national_len - 4))
            if digits[len(cc) :].startswith("62"):
                new = cc + "62" + new[1:]
        elif digits.startswith("07") and n == 11:
            new = "07700900" + _random_digits(rng, 3)
        elif n == 10 and not digits.startswith("0"):
            new = _random_digits(rng, 3).replace("0", "2") + "55501" + _random_digits(rng, 2)
        elif n == 11 and digits.startswith("1"):
            new = "1" + _random_digits(rng, 3).replace("0", "2") + "55501" + _random_digits(rng, 2)
        else:
            keep = 2 if digits.startswith("0") else 3
            new = digits[:keep] + _random_digits(rng, n - keep)
        if spoken:
            return " ".join(new[i : i + 4] for i in range(0, len(new), 4))
        if len(new) != n:
            return new
        return _digits_into(original, new)

    # -- EMAIL, URL, HANDLE ----------------------------------------------------------------------------
    def _user(self, rng: random.Random, language: str) -> str:
        fake = _faker("en_GB" if language == "en" else "id_ID")
        fake.seed_instance(rng.getrandbits(64))
        return re.sub(r"[^a-z0-9_.]", "", str(fake.user_name()).lower()) or "pengguna"

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
        if len(digits) == 16:
            female = nik_is_valid(digits) and int(digits[6:8]) > 40
            while True:
                day = rng.randint(1, 28) + (40 if female else 0)
                new = (
                    rng.choice(_NIK_REGIONS)
                    + f"{rng.randint(1, 11):02d}{day:02d}{rng.randint(1, 12):02d}"
                    + f"{rng.randint(70, 104) % 100:02d}"
                    + f"{rng.randint(1, 300):04d}"
                )
                if nik_is_valid(new) and new != digits:
                    return _digits_into(original, new)
        if len(digits) == 9 and re.fullmatch(r"\d{3}[- ]\d{2}[- ]\d{4}", original):
            return _digits_into(original, "9" + _random_digits(rng, 8))
        return _digits_into(original, _random_digits(rng, len(digits)))

    # -- PLATE ---------------------------------------------------------------------------------------
    def _plate(self, rng: random.Random, original: str, language: str) -> str:
        m = re.fullmatch(r"([A-Z]{1,2})([ \t\-]?)(\d{1,4})([ \t\-]?)([A-Z]{1,3})", original)
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        if m and m.group(1) in PLATE_REGIONS:
            regions = sorted(r for r in PLATE_REGIONS if len(r) == len(m.group(1))) or sorted(PLATE_REGIONS)
            num = str(rng.randint(10 ** (len(m.group(3)) - 1), 10 ** len(m.group(3)) - 1))
            suffix = "".join(rng.choice(letters) for _ in m.group(5))
            return f"{rng.choice(regions)}{m.group(2)}{num}{m.group(4)}{suffix}"
        return "".join(
            rng.choice(letters) if c.isalpha() else (rng.choice("0123456789") if c.isdigit() else c) for c in original
        )

    # -- DATE and AGE ----------------------------------------------------------------------------------
    def _date(self, rng: random.Random, original: str, language: str) -> str:
        month_idx = rng.randrange(12)
        day = rng.randint(1, 28)

        def month(m: re.Match[str]) -> str:
            word = m.group(0)
            full = (
                _EN_MONTHS
                if word.capitalize()[:3] in {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Sep", "Nov"}
                and (language == "en")
                or word in _EN_MONTHS
                or word in {"May", "Aug", "Oct", "Dec"}
                else _ID_MONTHS
            )
            name = full[month_idx]
            return name[: len(word)] if len(word) <= 4 and word not in full else name

        out = re.sub(r"[A-Z][a-z]+", month, original, count=1)
        if re.search(r"[A-Za-z]", original):
            return (
                re.sub(r"\b\d{1,2}(?=(?:st|nd|rd|th)?\b)(?!\d)", str(day), out, count=1)
                if re.match(r"\d", original) or re.search(r"[A-Za-z]\.?\s+\d{1,2}\b(?!\d)", original)
                else out
            )
        parts = re.split(r"([/.\-])", original)
        if len(parts) == 5:
            if len(parts[0]) == 4:
                parts[2], parts[4] = f"{month_idx + 1:0{len(parts[2])}d}", f"{day:0{len(parts[4])}d}"
            else:
                parts[0], parts[2] = f"{day:0{len(parts[0])}d}", f"{month_idx + 1:0{len(parts[2])}d}"
        return "".join(parts)

    def _age(self, rng: random.Random, original: str, language: str) -> str:
        shift = rng.choice([-3, -2, -1, 1, 2, 3])
        m = re.match(r"\d+", original)
        if m:
            return str(max(1, int(m.group(0)) + shift)) + original[m.end() :]
        unit = re.search(r"(?i)[ \t\-]*(?:tahun|taun|thn|th|years?[ \t\-]old|yo|y/o|yrs? old)$", original)
        tail = original[unit.start() :] if unit else ""
        return number_words(rng.randint(18, 60), "en" if re.search(r"(?i)years|ty|teen", original) else "id") + tail

    # -- ADDRESS, LOCATION, ORG ------------------------------------------------------------------------
    def _words(self, rng: random.Random, n: int = 2) -> str:
        return " ".join(rng.sample(_PLACE_WORDS, n))

    def _address(self, rng: random.Random, original: str, language: str) -> str:
        new = re.sub(r"\d", lambda _: rng.choice("123456789"), original)
        m = re.match(
            r"((?:Jl\.|Jln\.?|Jalan|jalan|jl\.|Gang|Gg\.|Lorong|Komplek|Perumahan|Perum\.?)[ \t]+)"
            r"(.*?)(?=,|[ \t]+(?:No|Nomor|Blok|RT)\b|$)",
            new,
        )
        if m:
            return m.group(1) + self._words(rng) + new[m.end() :]
        fake = _faker("en_GB")
        fake.seed_instance(rng.getrandbits(64))
        surname = str(fake.last_name())
        return re.sub(
            r"((?:\d+[A-Za-z]?,?[ \t]+))((?:[A-Z][\w'’\-]*[ \t]+)+)(?=[A-Z])",
            lambda x: x.group(1) + surname + " ",
            new,
            count=1,
        )

    def _location(self, rng: random.Random, original: str, language: str) -> str:
        for word in sorted(LOCATION_TYPE_WORDS, key=len, reverse=True):
            if original.lower().startswith(word.lower() + " "):
                return original[: len(word)] + " " + self._words(rng)
        if language == "en" or original in gz.places_en():
            places = sorted(gz.places_en())
        else:
            places = sorted(p for p in gz.places_admin() if " " not in p or original.count(" "))
        choice = rng.choice(places)
        return choice if choice != original else rng.choice(places)

    def _org(self, rng: random.Random, original: str, language: str) -> str:
        for word in sorted(ORG_TYPE_WORDS, key=len, reverse=True):
            if original.startswith(word + " "):
                return word + " " + self._words(rng, 3 if word.rstrip(".") in {"PT", "CV", "UD"} else 2)
        toks = original.split()
        if len(toks) > 1:
            fake = _faker("en_GB")
            fake.seed_instance(rng.getrandbits(64))
            return f"{fake.last_name()} {toks[-1]}"
        name = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))
        return name.capitalize()
