"""Word lists the detectors and surrogate generators use, loaded once from ``data/`` on first use.

Lists are plain UTF-8 text files, one entry a line, ``#`` starting a comment. Matching is done by
set look-ups over capitalised word runs, never by per-name regular expressions; :func:`place_index`
tells the run loop, per first word, how many words a place name can have (most words start none).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = [
    "all_places",
    "ambiguous_names",
    "brands",
    "colloquial",
    "countries",
    "macro_regions",
    "demonyms",
    "dictionary_words",
    "english_words",
    "first_names",
    "names_and_places",
    "ordinary_words",
    "place_index",
    "place_words",
    "places_admin",
    "places_en",
    "places_local",
    "places_world",
    "places_world_dropped",
    "stop_caps",
    "surnames",
    "world_first_names",
]


def _read(name: str) -> frozenset[str]:
    text = (resources.files("makna.privacy") / "data" / name).read_text(encoding="utf-8")
    out = frozenset(map(str.strip, text.splitlines()))  # (a set of C calls: a Python loop costs twice as much)
    if "" in out or "#" in text:
        out = frozenset(line for line in out if line and not line.startswith("#"))
    return out


@cache
def first_names(language: str) -> frozenset[str]:
    """Common first names (title case) for ``"id"`` or ``"en"``; both lists are merged for either."""
    names = _read("names_id.txt") | _read("names_en.txt") | _read("names_world.txt") | _read("names_extra.txt")
    names |= _read("names_ssa.txt")
    return names - stop_caps()


@cache
def world_first_names(*, keep_words: bool = False) -> frozenset[str]:
    """First names of one gender in every Latin-script person provider of Faker (European, African, Latin
    American, Central Asian... ``Marek``, ``Ewa``, ``Andreea``), the list the surrogates read for a name's
    gender, with the accent-free spelling English text often uses (``Ionuț`` as ``Ionut``), less ordinary
    English words (unless ``keep_words``: "Florin", "Dawn") and stop words. Read by the English evidence rules
    (:mod:`en_evidence`), not by the main name detectors (:func:`first_names`)."""
    import unicodedata

    text = (resources.files("makna.privacy") / "data" / "names_gendered_world.txt").read_text(encoding="utf-8")
    out: set[str] = set()
    for line in text.splitlines():
        if line.startswith("#") or ":" not in line:
            continue
        for name in line.partition(":")[2].split():
            out.add(name)
            if not name.isascii():  # (an ASCII name is its own accent-free spelling)
                out.add("".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)))
    words = frozenset() if keep_words else english_words()
    return frozenset(n for n in out if n.lower() not in words) - stop_caps()


@cache
def surnames() -> frozenset[str]:
    """Family names (title case) of Indonesia, the UK, Ireland, the US, India, Nigeria, Kenya, Pakistan and
    romanised Chinese (Faker's person providers)."""
    return _read("surnames.txt") - stop_caps()


@cache
def ambiguous_names() -> frozenset[str]:
    """First names that are also ordinary words; they need context to count as names."""
    return _read("ambiguous_names.txt")


@cache
def stop_caps() -> frozenset[str]:
    """Capitalised words that are never identifiers on their own (weekdays, months, apps, honorifics...,
    nationality and ethnic-group words), and phrases that never are ("Idul Fitri", "Hari Raya"): a word listed
    only inside a phrase ("Fitri") is no stop word by itself, and the late filter (:mod:`lookalikes`) drops it
    where the whole phrase stands."""
    return _read("stop_caps.txt") | demonyms()


@cache
def brands() -> frozenset[str]:
    """Makers of products and apps people name as things they use ("Kia", "Facebook"): the capitalised word
    right after one is its model or part ("Kia Niro", "Facebook Marketplace"), not a name."""
    return _read("brands.txt")


@cache
def demonyms() -> frozenset[str]:
    """Nationality adjectives and ethnic-group names ("Taiwanese", "Dayak"): a person's origin, not a name."""
    return _read("demonyms.txt")


@cache
def places_admin() -> frozenset[str]:
    """Indonesian provinces, regencies, cities and districts (without 'Kabupaten'/'Kota')."""
    return _read("places_id_admin.txt")


def _prune_foreign(names: frozenset[str]) -> frozenset[str]:
    """Foreign place names less those starting with a word that is never a place on its own in makna's
    transcripts (a stop word, an honorific, an Indonesian word: "What Cheer", "Ada", "Kini"), which would
    only cost look-ups and false alarms."""
    from ._text import HONORIFICS

    stop = stop_caps() | HONORIFICS
    words = dictionary_words() | colloquial()
    return frozenset(n for n in names if (first := n.split(" ")[0]) not in stop and first.lower() not in words)


@cache
def places_local() -> frozenset[str]:
    """Indonesian villages and urban neighbourhoods (kelurahan/desa/nagari), and towns and suburbs of 500 people
    or more in English-speaking countries, Nigeria, India, Malaysia and Singapore; need context when one word."""
    return _read("places_id_local.txt") | _prune_foreign(_read("places_en_local.txt"))


@cache
def places_en() -> frozenset[str]:
    """A compact hand list of UK, US and world place names for English transcripts."""
    return _read("places_en.txt")


@cache
def places_world() -> frozenset[str]:
    """Cities of 15,000 people or more, countries, and states, provinces and counties (GeoNames, Faker)."""
    return _prune_foreign(_read("places_world.txt") - places_en())


@cache
def all_places() -> frozenset[str]:
    """Every place name of the four place lists (admin, local, English, world), gathered once for every
    detector and feature that looks a place up in any of them."""
    return places_admin() | places_local() | places_en() | places_world()


@cache
def _place_parts() -> tuple[dict[str, int], frozenset[str]]:
    """:func:`place_index` and :func:`place_words` from one pass over the place names."""
    index: dict[str, int] = {}
    words: set[str] = set()
    get = index.get
    for name in all_places():
        if " " not in name:
            words.add(name)
            if name not in index:
                index[name] = 1
            continue
        parts = name.split(" ")
        words.update(parts)
        if get(parts[0], 0) < len(parts):
            index[parts[0]] = len(parts)
    return index, frozenset(words)


def place_index() -> dict[str, int]:
    """First word of every place name (all place lists) -> the most words a name starting with it has."""
    return _place_parts()[0]


def place_words() -> frozenset[str]:
    """Every word of every place name (all place lists)."""
    return _place_parts()[1]


@cache
def ordinary_words() -> frozenset[str]:
    """The dictionary, English and colloquial words (the detectors that ask whether a word is ordinary share this
    one union)."""
    return dictionary_words() | english_words() | colloquial()


@cache
def names_and_places() -> frozenset[str]:
    """Indonesian first names and the admin, English and world place names (not the local ones): words a name
    list knows."""
    return first_names("id") | places_admin() | places_en() | places_world()


@cache
def dictionary_words() -> frozenset[str]:
    """Ordinary Indonesian root words (lower case), from PySastrawi's dictionary when installed."""
    try:
        path = resources.files("Sastrawi") / "Stemmer" / "data" / "kata-dasar.txt"
        text = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return frozenset()
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip())


@cache
def english_words() -> frozenset[str]:
    """Common English words (lower case): Webster's lower-case entries frequent in pyspellchecker's list."""
    return _read("words_en.txt")


@cache
def colloquial() -> frozenset[str]:
    """Informal Indonesian and Minang words (lower case) that the standard dictionary lacks."""
    return frozenset(w.lower() for w in _read("colloquial.txt"))


@cache
def countries() -> frozenset[str]:
    """Country names in English and Indonesian (never annotated on their own)."""
    return _read("countries.txt")


@cache
def macro_regions() -> frozenset[str]:
    """Continents, world regions and the UK's nations (``data/macro_regions.txt``): as big as a country or bigger."""
    return _read("macro_regions.txt")


@cache
def places_world_dropped() -> frozenset[str]:
    """World places :func:`places_world` leaves out for an Indonesian first word alone ("Cape Coast", "Nyeri",
    "Bangor"), less countries and names starting with a stop word or an honorific: places again in English text,
    where that word is no ordinary word (a one-word name that is an English word stays out)."""
    from ._text import HONORIFICS

    stop, english, kept = stop_caps() | HONORIFICS, english_words(), places_world()
    out = set()
    for name in _read("places_world.txt") - places_en() - kept - countries():
        first = name.split(" ")[0]
        if first not in stop and (" " in name or first.lower() not in english):
            out.add(name)
    return frozenset(out)
