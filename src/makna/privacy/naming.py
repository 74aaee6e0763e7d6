"""Person-name surrogates that keep gender and naming tradition and never meet another name.

Gender comes, in this order, from the honorifics the project puts before a name (:data:`HONORIFIC_GENDER`:
Pak, Bapak, Mas, Bang, Uda, Om, Mr are male; Bu, Ibu, Mbak, Uni, Tante, Mrs, Ms female; Kak and Dek say
nothing), then from kin and role words next to it (:func:`kin_gender`, :data:`KIN_GENDER`: ``suami saya
X``, ``istrinya X``, ``adik perempuan saya X``, ``kakak laki-laki saya X``, ``my husband X``, ``her son,
X``, ``X, my wife,``; a word that says nothing of gender, ``anak``, ``adik``, ``kakak``, ``pacar``,
``partner``, ``cousin``, says nothing, and two cues that disagree anywhere in the project cancel out),
then from the name itself (:func:`name_gender`): gendered name lists (``data/names_traditions.txt`` and
Faker's ``id_ID``, ``en_GB`` and other person providers, MIT), then, for a name no list gives both genders,
its ending where the Indonesian lists make it clear (:func:`ending_gender`), then from the English
pronouns after it in its sentence (:func:`pronoun_gender`), then from the wider world lists
(:func:`world_gender`, ``data/names_gendered_world.txt``). Otherwise the gender is unknown, and it stays
unknown: the surrogate is a name both genders bear (:func:`neutral_names`, ``data/names_unisex.txt``), never
a name of one gender drawn by chance.

Tradition: a name token found in one tradition of ``data/names_traditions.txt`` (Minangkabau,
Javanese, Sundanese, Batak given names and family names, Balinese, Bugis; hand-written lists of
common names) is replaced by a name of that tradition; any other token by a name of the tradition of
the project's surrogate region (:data:`PROVINCE_TRADITION`: West Sumatra Minangkabau, North Sumatra
Batak, West Java and Banten Sundanese, Central and East Java and Yogyakarta Javanese, Bali Balinese,
South and West Sulawesi Bugis), then of Faker's general Indonesian lists.

Countries: where the surrogate region is a country outside Indonesia (a source's region, see
:func:`makna.privacy.regions.source_region`), a name of no Indonesian list gets a name of that country's
Faker locale (:data:`COUNTRY_LOCALES`: ``GB`` en_GB, ``GH`` tw_GH, ``NG`` en_NG, yo_NG, ig_NG...), and a
name that only one foreign locale holds keeps its tradition (``Abena`` and ``Kwame`` get Akan names of
``tw_GH``, ``Chukwuemeka`` an Igbo one), like an Indonesian tradition's name. (In an Indonesian source,
the foreign lists are not read: ``Ahmad``, in Hausa lists and not in Indonesian ones, stays Indonesian.)

Language: a name only English lists hold gets an English surrogate, one only Indonesian lists hold an
Indonesian one, whatever the language of the transcript it is in (an Indonesian vendor interviewed in
English keeps an Indonesian name); a name in both or in none follows the study's language (that of most
of its sources), so a name makna has never seen gets a name of the study's tradition.

Uniqueness: :func:`draw_name` takes the first candidate not in ``used`` (the caller's set of every
surrogate and every original name token, case-folded), trying a few random picks and then a full
shuffled pass over each pool in turn, and, only when every pool is spent, a compound of two names
(``Dewisari``), as Indonesian names often are. So distinct tokens get distinct surrogates, and no
surrogate equals any name of the project, however many names there are.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import Any, Final, Literal

from ..errors import InputError
from .foreign_names import ABROAD_TRADITIONS, abroad_pools, abroad_traditions
from .name_lists import NameKey, index_names, read_name_lists
from .regions import NATIONAL

__all__ = ["COUNTRY_LOCALES", "Gender", "HONORIFIC_GENDER", "KIN_GENDER", "NAME_TITLES", "PROVINCE_TRADITION",
           "TRADITIONS", "draw_name", "ending_gender", "honorific_gender", "is_particle", "is_title", "kin_gender",
           "listed_unisex", "local_honorific", "locale_gender", "name_gender", "name_language", "name_pools",
           "neutral_names", "pronoun_gender", "resolve_tradition", "surname_title", "token_gender", "token_traditions",
           "world_gender"]

Gender = Literal["m", "f"]

HONORIFIC_GENDER: Final[dict[str, Gender | None]] = {
    "pak": "m", "bapak": "m", "mas": "m", "bang": "m", "abang": "m", "uda": "m", "om": "m", "mr": "m",
    "bu": "f", "ibu": "f", "mbak": "f", "uni": "f", "tante": "f", "mrs": "f", "ms": "f", "miss": "f",
    "kak": None, "kakak": None, "dek": None, "adek": None,
}
"""Honorific (case-folded, without a dot) -> the gender it shows (None: it says nothing)."""

PROVINCE_TRADITION: Final[dict[str, str]] = {
    "13": "minang", "12": "batak", "32": "sunda", "36": "sunda", "33": "jawa", "34": "jawa", "35": "jawa",
    "51": "bali", "73": "bugis", "74": "buton", "76": "bugis",
}
"""Province code -> the naming tradition its surrogates are drawn from first."""

NAME_TITLES: Final[dict[str, Gender | None]] = {
    "daeng": None, "haji": "m", "h": "m", "hajjah": "f", "hajah": "f", "hj": "f", "teuku": "m", "cut": "f",
    "raden": None,
}
"""Titles that sit inside a name (case-folded, without a dot) -> the gender they show: the Bugis
``Daeng``, the pilgrim's ``Haji``/``H.`` and ``Hajjah``/``Hj.``, Aceh's ``Teuku`` and ``Cut``, the
Javanese ``Raden``. A surrogate keeps them as they are (``Rahmat Daeng Tompo`` -> ``Arif Daeng Sitti``),
and an honorific before them still shows the name's gender (``Pak Haji Rahmat``). ``Andi`` is not
one here: as often a Javanese given name as a Bugis noble title, it is read as the title only where the region,
the name or the source say so (:mod:`makna.privacy.sulawesi_titles`, with ``Karaeng``, ``Opu``, ``La Ode``...)."""

COUNTRY_LOCALES: Final[dict[str, tuple[str, ...]]] = {
    "GB": ("en_GB",), "IE": ("en_IE", "ga_IE"), "US": ("en_US",), "CA": ("en_US",), "AU": ("en_GB",),
    "NZ": ("en_NZ",), "IN": ("en_IN",), "PK": ("en_PK",), "NG": ("en_NG", "yo_NG", "ig_NG", "ha_NG"),
    "GH": ("tw_GH",), "KE": ("en_KE",),
}
"""Country (a surrogate region outside Indonesia) -> the Faker person locales its surrogate names come
from, first one first. A country not listed keeps the study's names (Indonesian or English)."""
_FOREIGN_LOCALES: Final = ("en_GB", "en_US", "en_IE", "en_NZ", "en_IN", "en_PK", "en_KE", "tw_GH", "yo_NG",
                           "ig_NG", "ha_NG", "en_NG")
"""Where a name's own tradition is looked for (a name in one of them only keeps that locale)."""

TRADITIONS: Final[dict[str, str]] = {
    "auto": "each name's own tradition, else the surrogate region's (the default)",
    "minang": "Minangkabau", "jawa": "Javanese", "sunda": "Sundanese", "batak": "Batak (given and family names)",
    "bali": "Balinese", "bugis": "Bugis", "makassar": "Makassar", "buton": "Buton (Wolio)",
    "indonesia": "general Indonesian (Faker id_ID)",
    "english": "English (Faker en_GB)",
}
"""Naming traditions a project, source or case may choose for its surrogate names (``--tradition``)."""
_FAMILY_TRADITIONS: Final = frozenset(TRADITIONS) - {"auto", "indonesia", "english"}
"""The Indonesian traditions a family's lineage may carry to a name no list places (:func:`name_pools`)."""
_TRADITION_ALIASES: Final = {"minangkabau": "minang", "javanese": "jawa", "java": "jawa", "sundanese": "sunda",
                             "balinese": "bali", "indonesian": "indonesia", "id": "indonesia", "en": "english"}


def resolve_tradition(value: str | None) -> str | None:
    """A ``--tradition`` value as a key of :data:`TRADITIONS` (None and ``auto``: None, each name's own)."""
    if value is None or not value.strip():
        return None
    low = value.strip().casefold()
    low = _TRADITION_ALIASES.get(low, low)
    if low not in TRADITIONS:
        raise InputError(f"naming tradition {value!r}: give one of {', '.join(TRADITIONS)}")
    return None if low == "auto" else low


KIN_GENDER: Final[dict[str, Gender]] = {
    **dict.fromkeys("suami ayah bapak bapa papa papi abah abi kakek opa engkong paman pakde paklik abang putra "
                    "cowok husband boyfriend son stepson grandson brother stepbrother father stepfather dad daddy "
                    "grandfather grandpa granddad uncle nephew fiance fiancé".split(), "m"),
    **dict.fromkeys("istri isteri bini ibu mama mami emak umi bunda nenek oma tante bibi bulik bude budhe putri "
                    "cewek wife girlfriend daughter stepdaughter granddaughter sister stepsister mother stepmother "
                    "mum mom mummy mommy grandmother grandma gran nan aunt auntie aunty niece fiancee fiancée"
                    .split(), "f"),
}
"""Kin and role words that show a person's gender (Indonesian and English, lower case). Words that do not
(``anak``, ``adik``, ``kakak``, ``cucu``, ``sepupu``, ``keponakan``, ``saudara``, ``pacar``, ``child``,
``kid``, ``cousin``, ``partner``, ``friend``) show it only with a gendered word after them (:data:`_SEX_WORDS`:
``adik perempuan``, ``anak laki-laki``, ``kakak cowok``); ``mamak`` (a mother, or a Minang maternal uncle)
is left out."""
_NEUTRAL_KIN = "anak adik adek kakak kak cucu sepupu keponakan ponakan saudara saudari pacar child kid cousin"
_SEX_WORDS: Final[dict[str, Gender]] = {"laki-laki": "m", "laki": "m", "lelaki": "m", "cowok": "m", "pria": "m",
                                        "putra": "m", "perempuan": "f", "cewek": "f", "wanita": "f", "putri": "f"}
_KIN_RX = "|".join(sorted(KIN_GENDER, key=len, reverse=True))
_SEX_RX = "|".join(sorted(_SEX_WORDS, key=len, reverse=True))
_POSS_ID = r"(?:ku|nya|mu)?(?:[ \t]+(?:saya|aku|gue|gua|kami|kita|dia|beliau|mereka))?"
_KIN_PHRASE = (rf"(?:(?P<kin>{_KIN_RX})|(?:{_NEUTRAL_KIN.replace(' ', '|')})[ \t]+(?P<sex>{_SEX_RX}))"
               rf"(?:-in-law)?{_POSS_ID}")
_KIN_BEFORE = re.compile(
    rf"(?<![\w-])(?:(?:my|his|her|our|their|your|the|late|ex-|mantan)[ \t]+)*{_KIN_PHRASE}"
    rf"(?:[ \t]*,?(?:[ \t]+(?:yang[ \t]+)?(?:bernama|namanya|nama|named|called|is[ \t]+called))?[ \t]*"
    r"|[ \t]*\?[ \t]*\n[ \t]*(?:[^\W\d_]{1,20}[ \t]*:)?[ \t]*)$", re.I)
"""A kin word right before a name, or ending the question the name answers at the start of the next turn
(``Q: And your daughter?`` / ``A: Kemi is at school``)."""
_KIN_AFTER = re.compile(
    r"^[ \t]*(?:[,(][ \t]*(?:(?:dia|ia|beliau|yang|who[ \t]+is|who's|is|was|itu)[ \t]+)?"
    r"|[ \t](?:itu|adalah|ialah|is|was)[ \t]+)"
    rf"(?:(?:my|his|her|our|their|the|late|ex-|mantan)[ \t]+)*{_KIN_PHRASE}[ \t]*(?:[,).;:!?]|$)",
    re.I | re.M)
_PRONOUN = re.compile(r"(?i)(?<![\w'’])(he|him|his|himself|she|her|hers|herself)(?![\w'’])")
_PRONOUN_GENDER: Final[dict[str, Gender]] = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f",
                                             "her": "f", "hers": "f", "herself": "f"}
_SENTENCE_END = re.compile(r"[.!?\n]")


def kin_gender(text: str, start: int, end: int) -> Gender | None:
    """The gender a kin or role word right before ``text[start:end]`` shows (``suami saya Joni``, ``my
    daughter, Efua``, ``adik perempuan saya Yanti``), else one in apposition right after it, closed by a
    comma, bracket or full stop (``Joni, suami saya.``, ``Ben (my husband)``); None for a word that says
    nothing of gender or no such word (see :data:`KIN_GENDER`)."""
    for m in (_KIN_BEFORE.search(text, max(0, start - 60), start), _KIN_AFTER.match(text[end:end + 60])):
        if m is not None:
            if m.group("kin"):
                return KIN_GENDER[m.group("kin").casefold()]
            return _SEX_WORDS[m.group("sex").casefold()]
    return None


def pronoun_gender(text: str, end: int, limit: int | None = None) -> Gender | None:
    """The gender of the first English third-person pronoun after a name ending at ``end``, in the name's
    own sentence and before ``limit`` (the start of the next person's name): ``Tomasz comes on Saturdays
    and brings his granddaughter`` -> ``m``; ``Zofia waters the beans; she never misses a day`` -> ``f``.
    None where no pronoun follows in that stretch (a name's context, weaker than a kin word or the name
    lists; see :mod:`makna.privacy.pseudonymise`)."""
    stop = min(len(text), end + 160, limit if limit is not None else len(text))
    close = _SENTENCE_END.search(text, end, stop)
    m = _PRONOUN.search(text, end, close.start() if close is not None else stop)
    return _PRONOUN_GENDER[m.group(1).casefold()] if m is not None else None


_TITLE_RX = "|".join(sorted(NAME_TITLES, key=len, reverse=True))
_BEFORE = re.compile(rf"(\w+)\.?[ \t]+((?:(?:{_TITLE_RX})\.?[ \t]+)*)$", re.I)


def is_title(token: str) -> bool:
    """Whether a name token is a title a surrogate keeps (:data:`NAME_TITLES`)."""
    return token.rstrip(".").casefold() in NAME_TITLES


_PARTICLES: Final = frozenset({
    "bin", "binti", "binte", "bte", "bt", "ibn", "ap", "ferch",  # patronymics
    "boru", "br",  # a Batak woman's marga after it (Rina br. Siregar)
    "van", "von", "der", "den", "de", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le",
})


def is_particle(token: str) -> bool:
    """Whether a lower-case name token only joins a name's parts (a patronymic, ``binti``, ``bin``, ``ap``, or a
    surname particle, ``van``, ``dos``): it names no one, so a surrogate keeps it as written."""
    return token.islower() and token.rstrip(".") in _PARTICLES


def honorific_gender(text: str, start: int) -> Gender | None:
    """The gender shown by an honorific right before ``text[start:]`` (``Pak Gunawan`` -> ``m``), through
    the titles between them (``Pak Haji Rahmat`` -> ``m``), else by the title itself (``Hajjah Siti``)."""
    m = _BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return None
    word = m.group(1).casefold()
    if word in HONORIFIC_GENDER:
        return HONORIFIC_GENDER[word]
    if word in _HONORIFICS_ABROAD:
        return _HONORIFICS_ABROAD[word]
    titles = [word, *m.group(2).replace(".", " ").casefold().split()]
    return next((g for t in titles if (g := NAME_TITLES.get(t)) is not None), None)


_HONORIFICS_ABROAD: Final[dict[str, Gender]] = {"madam": "f", "mdm": "f", "koh": "m", "engkoh": "m", "cici": "f",
                                                 "cece": "f"}
"""Honorifics of Hong Kong and Singapore English (``Madam Chan``, ``Mdm Tan``) and Chinese-Indonesian ones
(``Koh``, ``Cici``) that show a gender: read for a surrogate's gender only (not by detection)."""
_ENGLISH_HONORIFICS: Final = frozenset({"mr", "mrs", "ms", "miss"})


def local_honorific(text: str, start: int) -> bool:
    """Whether an Indonesian honorific (``Pak``, ``Bu``, ``Mbak``, ``Uda``, ``Kak``...; not ``Mr``/``Mrs``)
    stands right before ``text[start:]``: the name is an Indonesian one, whatever the text's language."""
    m = _BEFORE.search(text, max(0, start - 40), start)
    return m is not None and m.group(1).casefold() in HONORIFIC_GENDER and \
        m.group(1).casefold() not in _ENGLISH_HONORIFICS


_SURNAME_TITLE: Final = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Doctor|Rev|Revd)\.?[ \t]+\Z")


def surname_title(text: str, start: int) -> bool:
    """Whether an English title that takes a surname (``Dr``, ``Mr``, ``Mrs``, ``Ms``, ``Prof``...) stands
    right before ``text[start:]``: a one-word name after it is a surname (``Dr Hollis``), where an
    Indonesian honorific takes a given name (``Pak Budi``; :func:`local_honorific`)."""
    return _SURNAME_TITLE.search(text[max(0, start - 16):start]) is not None


def _traditions() -> dict[NameKey, tuple[str, ...]]:
    return read_name_lists("names_traditions.txt", "names_sulawesi.txt")  # the second: surrogates only


@cache
def _token_index() -> dict[str, frozenset[NameKey]]:
    return index_names(_traditions(), str.lower)


@cache
def _faker_lists(locale: str) -> dict[str, tuple[str, ...]]:
    import importlib

    provider: Any = importlib.import_module(f"faker.providers.person.{locale}").Provider
    word = re.compile(r"^[A-Z][a-z'\-]+$")

    def get(attr: str) -> tuple[str, ...]:
        return tuple(n for n in dict.fromkeys(getattr(provider, attr, ())) if word.match(n))

    lists = {a: get(a) for a in ("first_names_male", "first_names_female", "first_names", "last_names_male",
                                 "last_names_female", "last_names")}
    if not lists["last_names"]:
        lists["last_names"] = lists["last_names_male"] + lists["last_names_female"]
    if not lists["first_names"]:
        lists["first_names"] = lists["first_names_male"] + lists["first_names_female"]
    return lists


def token_traditions(token: str) -> frozenset[str]:
    """The traditions whose lists hold ``token`` (case-insensitive)."""
    return frozenset(t for t, _r, _g in _token_index().get(token.lower(), ()))


@cache
def _faker_genders() -> tuple[frozenset[str], frozenset[str]]:
    male: set[str] = set()
    female: set[str] = set()
    for locale in ("id_ID", "en_GB"):
        lists = _faker_lists(locale)
        male.update(lists["first_names_male"] + lists["last_names_male"])
        female.update(lists["first_names_female"] + lists["last_names_female"])
    return frozenset(male), frozenset(female)


def token_gender(token: str) -> Gender | None:
    """The gender of a name from the tradition and Faker lists, when they agree on one."""
    genders = {g for _t, _r, g in _token_index().get(token.lower(), ()) if g in {"m", "f"}}
    title = token[:1].upper() + token[1:].lower()
    male, female = _faker_genders()
    if title in male:
        genders.add("m")
    if title in female:
        genders.add("f")
    return genders.pop() if len(genders) == 1 else None  # type: ignore[return-value]


@cache
def _tradition_pool(tradition: str, role: str, gender: Gender | None) -> tuple[str, ...]:
    table = _traditions()
    if gender is None:
        return tuple(n for g in ("m", "f", "u") for n in table.get((tradition, role, g), ()))
    own = table.get((tradition, role, gender), ())
    # a name both genders bear (a Balinese birth-order name) would hide the gender: only one of its own
    return tuple(n for n in (*own, *table.get((tradition, role, "u"), ())) if token_gender(n) == gender
                 or (n in own and token_gender(n) is None))


@cache
def _faker_pool(locale: str, attr: str, gender: Gender | None) -> tuple[str, ...]:
    """A Faker list; for a gender, only the names that are not also of the other gender (in this locale's
    lists or in the gendered lists :func:`token_gender` reads)."""
    suffix = {"m": "_male", "f": "_female"}.get(gender or "", "")
    lists = _faker_lists(locale)
    names = lists[f"{attr}{suffix}"] or lists[attr]
    if gender is None:
        return names
    other = set(lists[f"{attr}_{'female' if gender == 'm' else 'male'}"])
    known = _faker_genders()[0] | _faker_genders()[1]
    return tuple(n for n in names if token_gender(n) == gender
                 or (token_gender(n) is None and n not in known and n not in other))


def locale_gender(token: str) -> Gender | None:
    """The gender of a name in the gendered lists of :func:`token_gender`, else in those of the foreign
    locales (:data:`COUNTRY_LOCALES`), when they agree on one."""
    known = token_gender(token)
    if known is not None:
        return known
    title = token[:1].upper() + token[1:].lower()
    genders = {g for loc in _FOREIGN_LOCALES for g, a in (("m", "first_names_male"), ("f", "first_names_female"))
               if title in _faker_lists(loc)[a]}
    return genders.pop() if len(genders) == 1 else None  # type: ignore[return-value]


def _own_locale(token: str, preferred: Sequence[str]) -> str:
    """The locale a foreign name's surrogate comes from: the first of ``preferred`` if any of them holds
    the name (or none of the foreign locales does), else the only foreign locale that holds it."""
    title = token[:1].upper() + token[1:].lower()
    if any(title in _all_names(loc) for loc in preferred):
        return preferred[0]
    holders = [loc for loc in _FOREIGN_LOCALES if title in _all_names(loc)]
    return holders[0] if len({loc.split("_")[1] for loc in holders}) == 1 else preferred[0]


def _held_locale(token: str, preferred: Sequence[str]) -> str | None:
    """The locale a foreign name's lists tell (:func:`_own_locale`), None where none does."""
    title = token[:1].upper() + token[1:].lower()
    if any(title in _all_names(loc) for loc in preferred):
        return preferred[0]
    holders = [loc for loc in _FOREIGN_LOCALES if title in _all_names(loc)]
    return holders[0] if holders and len({loc.split("_")[1] for loc in holders}) == 1 else None


def _unlisted(token: str) -> bool:
    """Whether no name list makna reads holds ``token`` (Indonesian, foreign, abroad), nor does an ending
    only Indonesian names bear show it: its tradition is its family's (:mod:`makna.privacy.families`)."""
    title = token[:1].upper() + token[1:].lower()
    return not (_indonesian(title) or any(title in _all_names(loc) for loc in _FOREIGN_LOCALES)
                or abroad_traditions(token) or _indonesian_ending(token))


@cache
def _all_names(locale: str) -> frozenset[str]:
    return frozenset(n for names in _faker_lists(locale).values() for n in names)


def _indonesian(title: str) -> bool:
    """Whether an Indonesian list (the traditions' or Faker's ``id_ID``) holds the title-cased name."""
    return title.lower() in _token_index() or title in _all_names("id_ID")


@cache
def _foreign_pool(locale: str, attr: str, gender: Gender | None) -> tuple[str, ...]:
    """:func:`_faker_pool` less the names Indonesian lists also hold, so that a surrogate drawn for an English or
    foreign name reads as one (name_language gives it back ``en``); the whole pool where nothing would be left."""
    pool = _faker_pool(locale, attr, gender)
    return tuple(n for n in pool if not _indonesian(n)) or pool


def name_language(token: str, language: str, *, abroad: bool = False) -> str:
    """``en`` for a name only English lists hold (``abroad``, in a source whose region is a country outside
    Indonesia: or other foreign lists, :data:`COUNTRY_LOCALES`), ``id`` for one only Indonesian lists (the
    traditions' or Faker's ``id_ID``) hold, else (in both, or in none) ``language``: the study's. (At home,
    a name such as ``Ahmad`` that Indonesian lists lack but Hausa ones hold stays Indonesian.)"""
    title = token[:1].upper() + token[1:].lower()
    indonesian = _indonesian(title)
    english = title in _all_names("en_GB") or (abroad and not indonesian and any(title in _all_names(loc)
                                                                                 for loc in _FOREIGN_LOCALES))
    if english != indonesian:
        return "en" if english else "id"
    if not english and _indonesian_ending(token):  # "Suharyanto": an ending only Indonesian names bear
        return "id"
    return language


def _indonesian_ending(token: str) -> bool:
    """Whether a name no list holds ends like the Indonesian given names of one gender (an ending of four or
    five letters that :func:`ending_gender` reads: ``-yanto``, ``-wati``)."""
    low = token.casefold()
    table = _endings()
    return any(len(low) > k and (hit := table.get(low[-k:])) is not None and hit[0] is not None for k in (5, 4))


def _chosen_pools(tradition: str, first: bool, gender: Gender | None) -> list[Sequence[str]]:
    """The pools of a tradition chosen for the project, source or case (:data:`TRADITIONS`)."""
    if tradition == "english":
        attr = "first_names" if first else "last_names"
        return [p for p in [_foreign_pool("en_GB", attr, gender if first else None)] if p]
    pools: list[Sequence[str]] = []
    if tradition != "indonesia":
        if not first and (tradition, "family", "u") in _traditions():
            pools.append(_tradition_pool(tradition, "family", None))
        pools.append(_tradition_pool(tradition, "given", gender))
    pools.append(_faker_pool("id_ID", "first_names", gender))
    return [p for p in pools if p]


def name_pools(token: str, *, first: bool, language: str, gender: Gender | None, region: str | None,
               tradition: str | None = None, neutral: bool = False, lineage: str | None = None) -> list[Sequence[str]]:
    """The pools a surrogate for ``token`` is drawn from, in order (see the module documentation); for a
    known gender, names of that gender only (a name both genders bear is left out). ``region``: a province
    code, ``national``, or a country (:data:`COUNTRY_LOCALES`). ``tradition``: one chosen for the
    project, source or case (:data:`TRADITIONS`), whatever the token's own. ``neutral`` (with no
    ``gender``): the name's gender is unknown, so names both genders bear (:func:`neutral_names`), never
    a name of one gender drawn by chance; family names and English surnames stay as they are (they show
    no gender), and so does a chosen tradition (the user's choice: its lists hold no neutral names).
    ``lineage``: the tradition of the name's family (:mod:`makna.privacy.families`: an Indonesian tradition, one
    of :data:`ABROAD_TRADITIONS`, or a foreign locale such as ``en_NG``), for a token whose own no list tells:
    before the region's."""
    if tradition in ABROAD_TRADITIONS:  # a name's own shape abroad (makna.privacy.foreign_names)
        return abroad_pools(str(tradition), token, first=first, gender=gender)
    if tradition is not None:
        return _chosen_pools(tradition, first, gender)
    unlisted = lineage is not None and _unlisted(token)
    if unlisted and lineage in ABROAD_TRADITIONS:  # a member of a Cantonese, Tamil... family
        return abroad_pools(str(lineage), token, first=first, gender=gender)
    country = COUNTRY_LOCALES.get(region or "")
    lang = name_language(token, "en" if country else language, abroad=country is not None)
    if unlisted:
        lang = "en" if "_" in str(lineage) else "id"
    family_locale = lineage if lineage is not None and "_" in lineage else None
    if neutral and gender is None:
        own_locale = _own_locale(token, country) if country and not unlisted else None
        return _neutral_pools(token, first=first, english=lang == "en", region=region,
                              locale=family_locale if unlisted else own_locale)
    if lang == "en":
        preferred = country or ("en_GB",)
        locale = _own_locale(token, preferred) if country else "en_GB"
        if family_locale is not None and (unlisted or _held_locale(token, preferred) is None):
            locale = family_locale  # a name no list places takes its family's locale
        attr = "first_names" if first else "last_names"
        own_pool = _foreign_pool(locale, attr, gender if first else None)
        return [p for p in [own_pool, _foreign_pool("en_GB", attr, gender if first else None)] if p]
    index = _token_index().get(token.lower(), frozenset())
    family = any(r == "family" for _t, r, _g in index)
    own = sorted({t for t, _r, _g in index})
    local = PROVINCE_TRADITION.get(region or NATIONAL)
    traditions = own if len(own) == 1 else ([local] if local and local in own else own[:1])
    if lineage is not None and lineage in _FAMILY_TRADITIONS and (not own or (len(own) > 1 and lineage in own)):
        traditions = [lineage]  # the family's, where the name's own lists do not tell (makna.privacy.families)
    if not traditions and local:
        traditions = [local]
    pools: list[Sequence[str]] = []
    for tradition in traditions:
        if family:
            pools.append(_tradition_pool(tradition, "family", None))
        pools.append(_tradition_pool(tradition, "given", gender))
    if not first:
        pools.append(_faker_pool("id_ID", "last_names", gender))
    pools.append(_faker_pool("id_ID", "first_names", gender))
    return [p for p in pools if p]


def _neutral_pools(token: str, *, first: bool, english: bool, region: str | None,
                   locale: str | None = None) -> list[Sequence[str]]:
    """The pools of a name whose gender is unknown: an English first name gets an English name both genders
    bear, an English surname a surname; a Batak family name a family name; any other Indonesian name a name
    both genders bear (Balinese birth-order names first in Bali, last elsewhere). ``locale``: the family's
    (a surname of its locale; a first name one both genders bear of its country, where makna has some)."""
    if english:
        if locale is not None:
            group = locale.split("_")[1].casefold()
            own = neutral_names(group) if first else _foreign_pool(locale, "last_names", None)
            return [p for p in [own, neutral_names("en") if first else _foreign_pool("en_GB", "last_names", None)]
                    if p]
        return [p for p in [neutral_names("en") if first else _foreign_pool("en_GB", "last_names", None)] if p]
    index = _token_index().get(token.lower(), frozenset())
    families = sorted({t for t, r, _g in index if r == "family"})
    pools: list[Sequence[str]] = [_tradition_pool(t, "family", None) for t in families]
    bali = PROVINCE_TRADITION.get(region or NATIONAL) == "bali" or "bali" in {t for t, _r, _g in index}
    pools += [neutral_names("bali"), neutral_names("id")] if bali else [neutral_names("id"), neutral_names("bali")]
    return [p for p in pools if p]


@cache
def _both_genders() -> frozenset[str]:
    """First names (title-cased) that makna's gendered lists give both genders (the traditions' and the Faker
    locales' it reads)."""
    seen: dict[str, set[str]] = {}
    for (_t, _role, g), listed in _traditions().items():
        for n in listed:
            if g in {"m", "f"}:
                seen.setdefault(n[:1].upper() + n[1:].lower(), set()).add(g)
    for locale in ("id_ID", *_FOREIGN_LOCALES):
        lists = _faker_lists(locale)
        for g, attr in (("m", "first_names_male"), ("f", "first_names_female")):
            for n in lists[attr]:
                seen.setdefault(n, set()).add(g)
    return frozenset(n for n, g in seen.items() if len(g) > 1)


_ENDING_MIN: Final = 5
_ENDING_SHARE: Final = 0.95


@cache
def _endings() -> dict[str, tuple[Gender | None, int]]:
    """Ending (3 to 5 letters, lower case) -> the gender at least 95 % of the Indonesian gendered given names
    with it bear (None: mixed), and how many bear it; endings of fewer than five names left out."""
    names: dict[str, set[str]] = {}
    for (_t, role, g), listed in _traditions().items():
        if role == "given" and g in {"m", "f"}:
            for n in listed:
                names.setdefault(n.lower(), set()).add(g)
    lists = _faker_lists("id_ID")
    for g, attr in (("m", "first_names_male"), ("f", "first_names_female")):
        for n in lists[attr]:
            names.setdefault(n.lower(), set()).add(g)
    counts: dict[str, dict[str, int]] = {}
    for name, genders in names.items():
        if len(genders) != 1:
            continue
        g = next(iter(genders))
        for k in (3, 4, 5):
            if len(name) > k:
                tally = counts.setdefault(name[-k:], {})
                tally[g] = tally.get(g, 0) + 1
    out: dict[str, tuple[Gender | None, int]] = {}
    for ending, tally in counts.items():
        total = sum(tally.values())
        if total >= _ENDING_MIN:
            top = max(tally, key=lambda g: tally[g])
            out[ending] = (top if tally[top] / total >= _ENDING_SHARE else None, total)  # type: ignore[assignment]
    return out


def ending_gender(token: str) -> Gender | None:
    """The gender an Indonesian given name's ending shows (``-wati``, ``-yanti``, ``-ningsih`` female;
    ``-wan``, ``-anto``, ``-rizal`` male), learnt from the gendered lists: the longest ending (5 to 3 letters)
    that five or more listed names bear decides, and only when 95 % or more of them are of one gender (else
    None: no guess)."""
    low = token.casefold()
    table = _endings()
    for k in (5, 4, 3):
        if len(low) > k and (hit := table.get(low[-k:])) is not None:
            return hit[0]
    return None


@cache
def _world_genders() -> dict[str, Gender]:
    """``data/names_gendered_world.txt`` (Faker's Latin-script person providers; see its build script) less
    the names ``data/names_unisex.txt`` lists: title-cased first name -> its one gender."""
    path = resources.files("makna.privacy") / "data" / "names_gendered_world.txt"
    unisex = {n for names in _unisex_lines().values() for n in names}
    out: dict[str, Gender] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            head, listed = line.split(":", 1)
            out.update((n, head.strip()) for n in listed.split() if n not in unisex)  # type: ignore[misc]
    return out


@cache
def _neutral_abroad() -> dict[str, tuple[str, ...]]:
    """``data/names_neutral_abroad.txt``: names both genders bear abroad (surrogates only), by country group."""
    return _unisex_lines("names_neutral_abroad.txt")


@cache
def _unisex_lines(name: str = "names_unisex.txt") -> dict[str, tuple[str, ...]]:
    path = resources.files("makna.privacy") / "data" / name
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            head, listed = line.split(":", 1)
            out.setdefault(head.strip(), []).extend(listed.split())
    return {k: tuple(v) for k, v in out.items()}


@cache
def _listed_unisex() -> frozenset[str]:
    return frozenset(n.casefold() for names in _unisex_lines().values() for n in names)


def listed_unisex(token: str) -> bool:
    """Whether makna's hand-written list of names both genders bear holds ``token`` (``Dwi``, ``Tri``, ``Eka``:
    Indonesian birth-order names, which some gendered lists give one gender): such a name's gender is shown by
    the other words of the full name, not by those lists (trial18 #4: ``Dwi Astuti``)."""
    return token.casefold() in _listed_unisex()


def world_gender(token: str) -> Gender | None:
    """The gender the wider world lists give a name that makna's main lists do not gender (``Tomasz``,
    ``Zofia``), also without the final ``h`` Indonesian spelling adds to Arabic-origin names (``Khadijah``,
    ``Jamilah`` as ``Khadija``, ``Jamila``), and a woman's for a man's name with the Arabic feminine
    ``-ah`` (``Latifah`` of ``Latif``, ``Aminah`` of ``Amin``); None for a name of ``names_unisex.txt`` or of
    no such list.
    Weaker than a name's context (:func:`pronoun_gender`)."""
    if name_gender(token) is not None or token[:1].upper() + token[1:].lower() in _both_genders():
        return None
    title = token[:1].upper() + token[1:].lower()
    table = _world_genders()
    found = table.get(title)
    if found is None and len(title) >= 5 and title.endswith("ah"):
        found = table.get(title[:-1])
    if found is None and len(title) >= 6 and title.endswith("ah"):  # Arabic -ah on a man's name: a woman's
        base = title[:-2]  # (Latif -> Latifah, Amin -> Aminah, Halim -> Halimah)
        if (name_gender(base) or table.get(base)) == "m":
            found = "f"
    return found


def name_gender(token: str) -> Gender | None:
    """The gender a name itself shows: that of makna's gendered lists (:func:`locale_gender`), else, for a
    name no list gives both genders, that of its ending (:func:`ending_gender`); None: the name shows none (a name both
    genders bear, or one whose ending is mixed)."""
    known = locale_gender(token)
    if known is not None:
        return known
    if token[:1].upper() + token[1:].lower() in _both_genders():
        return None
    return ending_gender(token)


@cache
def neutral_names(group: str) -> tuple[str, ...]:
    """Names both genders bear (``id``: Indonesian, ``bali``: Balinese birth-order names, ``en``: English):
    those of ``data/names_unisex.txt`` and those a Faker list gives both genders (``id_ID``; ``en_GB``,
    ``en_US``, ``en_IE``), less any that makna's lists or endings give one gender (:func:`name_gender`)."""
    names: list[str] = list(_unisex_lines().get(group, ())) or list(_neutral_abroad().get(group, ()))
    locales = {"id": ("id_ID",), "en": ("en_GB", "en_US", "en_IE")}.get(group, ())
    for locale in locales:
        lists = _faker_lists(locale)
        names.extend(sorted(set(lists["first_names_male"]) & set(lists["first_names_female"])))
    # an honorific or title ("Adek") is no name: a surrogate of it would read as a form of address
    return tuple(n for n in dict.fromkeys(names) if name_gender(n) is None
                 and n.casefold() not in HONORIFIC_GENDER and n.casefold() not in NAME_TITLES)


_SYLLABLES: Final = ("ra", "di", "na", "sa", "ri", "wan", "ti", "ma", "ya", "lu", "to", "ni", "ka", "dar", "sih",
                     "ru", "me", "la", "han", "tu", "pe", "no", "gu", "ba")
"""Syllables of invented names, for when every listed name and compound meets an original."""


def draw_name(rng: random.Random, pools: Sequence[Sequence[str]], used: set[str],
              reject: Callable[[str], bool] | None = None) -> str:
    """The first name of ``pools`` (in order) whose case-folded form is not in ``used`` and that ``reject``
    (the rule that no original shows inside a surrogate, :class:`makna.privacy.name_forms.OriginalWords`)
    lets through (see the module documentation); the caller adds the result to ``used``."""

    def ok(candidate: str) -> bool:
        return candidate.lower() not in used and (reject is None or not reject(candidate))

    for pool in pools:
        for _ in range(8):
            candidate = rng.choice(pool)
            if ok(candidate):
                return candidate
        for candidate in rng.sample(list(pool), len(pool)):
            if ok(candidate):
                return candidate
    base = [n for pool in pools for n in pool] or ["Sari", "Dewi", "Putra", "Adi"]
    for _ in range(200):
        candidate = rng.choice(base) + rng.choice(base).lower()
        if ok(candidate):
            return candidate
    while True:  # every compound meets an original: an invented name of three or four syllables
        candidate = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(3, 4))).capitalize()
        if ok(candidate):
            return candidate
