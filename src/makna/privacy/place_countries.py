"""The country (and province) a place belongs to, whatever the source's surrogate region (issue #11, round
twenty-three).

A study of Indonesian domestic workers in Hong Kong and Singapore names Indonesian home towns in a Hong Kong
interview and Hong Kong places in an Indonesian one. Each source has one surrogate region, and a place no
list knew took that region's country: ``Purwokerto`` became a Hong Kong estate, ``Causeway Bay`` and
``Lucky Plaza`` Javanese villages. For a study of migration, who is where is the finding. So:

* :func:`abroad_places`: the towns and neighbourhoods of ``data/places_abroad.tsv`` (GeoNames ``cities500``
  of Indonesia, with its province, and of the placement countries of Indonesian migrant workers; see its
  build script) that the other lists lack: a place there keeps its country (an Indonesian town its province).
* :func:`context_region`: for a place no list knows, the country or province its own clause names beside
  it (``Lucky Plaza di Singapura``, ``Lucky Plaza, Singapore``, ``X, Jawa Tengah``: a coarse place,
  :func:`makna.privacy.coarse.coarse_place`), the nearest after it first; or Indonesia where an Indonesian
  administrative word stands right before it (``desa X``, ``kampung X``).
* :func:`document_region` (round twenty-four): where its own clause names none, the region holding the
  majority of the votes of the other places of its turn, else of its source (:func:`place_votes`; a country
  or province the text names counts as a place): ``Saya ke Lucky Plaza.`` in a turn, or an interview, about
  Singapore. Round twenty-five: where the turn's votes tie, the region named nearest the place decides (``Saya
  dari Garut, kerja di Singapura. ... dekat Lucky Plaza.``: Singapore); and a name that only heads towns of one
  country abroad (``Jurong`` of ``Jurong East``, ``Jurong West``) votes for that country.
* :func:`evidence_country` (round twenty-eight, trial17 #3): a town the lists hold abroad lies in the country
  its evidence gives before the lists' first match: the country its own clause names (``Blantyre in Malawi``:
  Malawi, not Scotland), else, for a name the lists hold in that country or in several countries
  (``Woodstock``: Canada and the United States; also a Cape Town suburb), the country of the other places of
  its turn or source, else the source's region (``--surrogate-region ZA``). A name the lists hold in one
  country only, with no such evidence, stays there (``Toronto`` in a South African interview).

Read by surrogates only, never by detection."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import Final

__all__ = ["abroad_areas", "abroad_places", "abroad_towns", "context_region", "document_division", "document_region",
           "evidence_country", "listed_regions", "place_votes"]


@cache
def _table() -> tuple[dict[str, frozenset[tuple[str, str]]], dict[tuple[str, str], tuple[str, ...]]]:
    path = resources.files("makna.privacy") / "data" / "places_abroad.tsv"
    by_name: dict[str, set[tuple[str, str]]] = {}
    by_area: dict[tuple[str, str], list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, code, admin1 = line.split("\t")
        by_name.setdefault(name.casefold(), set()).add((code, admin1))
        by_area.setdefault((code, admin1), []).append(name)
        if admin1:
            by_area.setdefault((code, ""), []).append(name)
    return ({k: frozenset(v) for k, v in by_name.items()}, {k: tuple(sorted(set(v))) for k, v in by_area.items()})


def abroad_places(name: str) -> frozenset[tuple[str, str]]:
    """``(country, admin1)`` of every place of ``data/places_abroad.tsv`` called ``name`` (any case); for
    ``ID`` the admin1 is the province's code."""
    return _table()[0].get(" ".join(name.split()).casefold(), frozenset())


def abroad_towns(country: str, admin1: str = "") -> tuple[str, ...]:
    """The places of ``data/places_abroad.tsv`` in ``country`` (its division ``admin1`` where given)."""
    return _table()[1].get((country, admin1), ())


def abroad_areas(core: str) -> frozenset[tuple[str, str]]:
    """``(country, admin1)`` of every town outside Indonesia called ``core``: the world list's (cities) and
    ``data/places_abroad.tsv``'s (towns and suburbs)."""
    from .regions import country_places

    return country_places(core) | frozenset((c, a) for c, a in abroad_places(core) if c != "ID")


def evidence_country(core: str, text: str, start: int, end: int, places: Sequence[tuple[int, str]],
                     region: str | None) -> str | None:
    """The country the evidence puts the town ``core`` (at ``text[start:end]``) in, where that decides among or
    overrules the countries the lists hold it in (see the module documentation): a country's code, never
    Indonesia's; None: the lists decide (or the place is no town abroad). ``places``: the document's places, as
    :func:`document_region` takes them; ``region``: the source's surrogate region."""
    from .regions import is_country

    listed = {c for c, _a in abroad_areas(core)}
    if not listed:
        return None
    own = context_region(text, start, end)
    if own is not None:  # its own clause names a country (or an Indonesian province: the lists' then)
        return own if is_country(own) and own != "ID" else None
    for found in (document_region(text, places, start, region), region):
        if is_country(found) and found != "ID" and (found in listed or len(listed) > 1):
            return found
    return None


def document_division(places: Sequence[tuple[int, str]], start: int, country: str) -> str:
    """The division (GeoNames admin1) of ``country`` that most of the document's other towns there lie in (each
    listed in one division of it; ``Rondebosch``, ``Claremont``: the Western Cape), for a town of that country the
    lists hold elsewhere only (``Woodstock``); "" where none is, or two tie."""
    from .surrogates import split_place

    tally: dict[str, int] = {}
    for at, name in places:
        divisions = {a for c, a in abroad_areas(split_place(name)[1]) if c == country and a} if at != start else set()
        if len(divisions) == 1:
            division = divisions.pop()
            tally[division] = tally.get(division, 0) + 1
    best = sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))
    return best[0][0] if best and (len(best) == 1 or best[0][1] > best[1][1]) else ""


def listed_regions(core: str) -> frozenset[tuple[str, str]]:
    """``(province, level)`` of an Indonesian place as written: the region table's (:func:`makna.privacy.regions.
    place_regions`), its ``Administrasi`` cities without the word (``Jakarta Timur``), or the stem of several
    cities (``Jakarta``); empty where it holds none."""
    from .regions import city_stem_regions, listed_place, place_regions

    return listed_place(core) or place_regions("Administrasi " + core) or city_stem_regions(core)


_SENTENCE_END: Final = re.compile(r"[.!?\n]")
_CLAUSE_BREAK: Final = re.compile(
    r"[;:]|(?i:(?<!\w)(?:but|then|while|whereas|because|although|though|lalu|terus|trus|kemudian|tapi|tetapi|namun"
    r"|sedangkan|sementara|karena|soalnya)(?!\w))"
    r"|(?<!\w)(?:and|dan|or|atau)[ \t]+(?=[a-z]|(?:I|We|She|He|They|Saya|Aku|Kami|Kita|Dia|Ia|Mereka)(?!\w))"
)
"""Where a clause ends within a sentence: a semicolon or colon, a conjunction of sequence or contrast (``lalu``,
``but``), or ``and``/``dan`` before a new subject (``and I work in Singapore``): a country named past it is
another clause's, not the place's (review23). ``and``/``dan`` between two places (``Jurong dan Lucky Plaza di
Singapura``) is no break."""
_CAPS: Final = re.compile(r"[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*)*")
_ID_HEAD: Final = re.compile(
    r"(?i)(?<!\w)(?:desa|kampung|kampong|dusun|kelurahan|kecamatan|kabupaten|nagari|jorong"
    r"|provinsi)[ \t]+\Z"
)
_MAX_WORDS: Final = 4


_NOT_A_PLACE: Final = frozenset(
    "bahasa orang zaman jaman suku masakan makanan gaya logat aksen keturunan film drama lagu budaya".split()
)
"""Words after which an Indonesian country name is a language, a people, an era or a style, not a place
(``bahasa Inggris``: English, ``zaman Belanda``: the Dutch era, ``orang Korea``: Koreans; review23)."""
_LAST_WORD: Final = re.compile(r"(\w+)[ \t]*\Z")


@lru_cache(maxsize=65536)
def _coarse(words: str) -> tuple[str, str] | None:
    """:func:`makna.privacy.coarse.coarse_place`, remembered (a document's capitalised runs repeat)."""
    from .coarse import coarse_place

    return coarse_place(words)


def _coarse_in(run: str, before: str = "") -> tuple[str, str] | None:
    """The first coarse place (a country, or an Indonesian province) among the word spans of ``run``, longest
    first: ``Hong Kong`` of ``Hong Kong Island``... None where none is. ``before``: the text before ``run``, whose
    last word may make the first words a language or a people (:data:`_NOT_A_PLACE`)."""
    words = run.split()
    last = _LAST_WORD.search(before)
    prior = [last.group(1) if last else "", *words]  # the word before each of ``words``
    for size in range(min(len(words), _MAX_WORDS), 0, -1):
        for i in range(len(words) - size + 1):
            found = _coarse(" ".join(words[i : i + size]))
            if found is not None and found[0] in {"country", "province"} and prior[i].casefold() not in _NOT_A_PLACE:
                return found
    return None


def context_region(text: str, start: int, end: int) -> str | None:
    """The region its context gives the place ``text[start:end]``: a country's code (``SG``), a province's
    (``33``), ``ID`` after an Indonesian administrative word; None where its clause names none (see the
    module documentation)."""
    if _ID_HEAD.search(text, max(0, start - 12), start):
        return "ID"
    left = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 200), start)), default=max(0, start - 200))
    after = _SENTENCE_END.search(text, end)
    right = after.start() if after is not None else min(len(text), end + 200)
    # the place's own clause only (review23: "Cilongok and I work in Singapore" is no Singapore place)
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, left, start)), default=left)
    cut = _CLAUSE_BREAK.search(text, end, right)
    right = cut.start() if cut is not None else right
    found: list[tuple[int, str]] = []
    for m in _CAPS.finditer(text, left, right):
        run, before = m.group(0), text[left : m.start()]
        if m.start() < end and start < m.end():  # the place itself: the words after it ("Lucky Plaza Singapura")
            run, before = (text[end : m.end()] if m.end() > end else ""), text[left:end]
        hit = _coarse_in(run, before) if run.strip() else None
        if hit is not None:
            distance = m.start() - end if m.start() >= end else start - m.end() + 1000  # after it first
            found.append((distance, hit[1]))
    return min(found)[1] if found else None


def place_votes(name: str) -> dict[str, float]:
    """The regions a place's own name points to, one vote split among them: a coarse place its country or
    province (``Singapura`` -> ``SG``, ``Jawa Barat`` -> ``32``, ``Indonesia`` -> ``ID``), an Indonesian town
    its provinces (:func:`listed_regions`), a town abroad its countries (the world list, else
    ``data/places_abroad.tsv``, whose Indonesian towns give their province); empty for a name no list knows."""
    return dict(_place_votes(" ".join(name.split())))


@cache
def _place_votes(name: str) -> tuple[tuple[str, float], ...]:
    from .coarse import coarse_place
    from .regions import country_places
    from .surrogates import split_place

    found = coarse_place(name)
    if found is not None:
        return ((found[1], 1.0),) if found[0] in {"country", "province"} else ()
    core = split_place(name)[1]
    world = {c for c, _a in country_places(core)} | _stems().get(core.casefold(), frozenset())
    if world:  # a town of the world list that GeoNames' smaller places hold in another country too (Claremont)
        world |= {c for c, _a in abroad_places(core) if c != "ID"}
    regions = {p for p, _lv in listed_regions(core)} or world or {a if c == "ID" else c for c, a in abroad_places(core)}
    return tuple((r, 1.0 / len(regions)) for r in sorted(regions))


_ESTATE: Final = re.compile(r"[ \t]+(?:New Town|Housing Estate|Estate|New Village)\Z")


@cache
def _stems() -> dict[str, frozenset[str]]:
    """The towns abroad that the lists name with an estate word (``Bishan New Town``, ``Choi Hung Estate``), by
    the name people say (``Bishan``, case-folded), to their countries."""
    from .regions import cities_in

    out: dict[str, set[str]] = {}
    heads: dict[str, dict[str, int]] = {}
    for country, admin1 in _table()[1]:
        if admin1:
            continue
        for town in (*(cities_in(country) if country != "ID" else ()), *abroad_towns(country)):
            if (stem := _ESTATE.sub("", town)) != town and country != "ID":
                out.setdefault(stem.casefold(), set()).add(country)
            if len(words := town.split()) > 1:
                tally = heads.setdefault(words[0].casefold(), {})
                tally[country] = tally.get(country, 0) + 1
    for head, tally in heads.items():
        if len(tally) == 1 and (country := next(iter(tally))) != "ID" and tally[country] >= 2 and _bare_head(head):
            out.setdefault(head, set()).add(country)  # Jurong: only Singapore's towns begin so
    return {k: frozenset(v) for k, v in out.items()}


def _bare_head(head: str) -> bool:
    """Whether the first word of several towns abroad may stand for them alone: four letters or more, no place of
    its own in any list, no word of the dictionaries."""
    from . import gazetteers as gz
    from .regions import country_places

    return (len(head) >= 4 and not abroad_places(head) and not listed_regions(head) and not country_places(head)
            and head not in gz.english_words() and head not in gz.dictionary_words())


_TURN_START: Final = re.compile(r"(?m)^[ \t]*(?:[^\s:\d][^\n:]{0,39}?[ \t]*:(?=[ \t\n]|$)|\n)")
"""Where a turn starts: a line opening with a speaker's label (``I:``, ``Bu Sri:``, ``Lokasi:``), or a blank
line (a text without labels is read paragraph by paragraph)."""


def _turn(text: str, start: int) -> tuple[int, int]:
    """The span of the turn (or paragraph) holding ``start``."""
    left = max((m.start() for m in _TURN_START.finditer(text, 0, start + 1) if m.start() <= start), default=0)
    after = next((m.start() for m in _TURN_START.finditer(text, start + 1) if m.start() > start), len(text))
    return left, after


def _majority(votes: dict[str, float]) -> str | None:
    """The region holding more than half of ``votes`` (ties and splits: None)."""
    total = sum(votes.values())
    top = max(votes, key=lambda r: (votes[r], r), default=None)
    return top if top is not None and votes[top] * 2 > total else None


@lru_cache(maxsize=8)
def _named_regions(text: str) -> tuple[tuple[int, str], ...]:
    """``(start, code)`` of every country or province ``text`` names (coarse places, which no detection
    holds: ``Singapura``, ``Jawa Tengah``; not a language or a people, ``bahasa Inggris``)."""
    out = []
    for m in _CAPS.finditer(text):
        hit = _coarse_in(m.group(0), text[max(0, m.start() - 40) : m.start()])
        if hit is not None:
            out.append((m.start(), hit[1]))
    return tuple(out)


def _regional(votes: dict[str, float], region: str | None) -> dict[str, float]:
    """A town's votes where the source's ``region`` is a country abroad: all of them for it where the lists hold
    the town there or in several countries (:func:`evidence_country`'s rule), else as they are."""
    from .regions import is_country

    abroad = bool(votes) and all(is_country(r) and r != "ID" for r in votes)
    if abroad and is_country(region) and region != "ID" and (region in votes or len(votes) > 1):
        return {str(region): 1.0}
    return votes


def document_region(text: str, places: Sequence[tuple[int, str]], start: int, region: str | None = None
                    ) -> str | None:
    """The region the rest of a document gives a place no list knows, at ``start``, whose own sentence names no
    country or province (:func:`context_region`): the region that holds more than half of the votes of its own
    turn (``Saya ke Lucky Plaza.`` in a turn that names ``Singapura`` and ``Lam Tin``), else (none there, or no
    majority) of the whole source; None where neither has such a majority (the source's region then). Each
    other place (``places``: ``(start, text)`` of the document's places and addresses) casts the votes of its
    name (:func:`place_votes`), each country or province the text names one. ``region``: the source's surrogate
    region; where it is a country abroad, a town the lists hold there or in several countries votes for it."""
    left, right = _turn(text, start)
    turn: dict[str, float] = {}
    whole: dict[str, float] = {}
    cast = [(at, _regional(place_votes(name), region)) for at, name in places if at != start]
    cast += [(at, {code: 1.0}) for at, code in _named_regions(text)]
    for at, votes in cast:
        for region, weight in votes.items():
            whole[region] = whole.get(region, 0.0) + weight
            if left <= at < right:
                turn[region] = turn.get(region, 0.0) + weight
    return (_majority(turn) or _nearest(turn, cast, start, left, right) if turn else None) or _majority(whole)


def _nearest(turn: dict[str, float], cast: Sequence[tuple[int, dict[str, float]]], start: int, left: int,
             right: int) -> str | None:
    """Where the votes of a turn tie: of the regions tied at the top, the one voted for nearest ``start``."""
    top = max(turn.values())
    tied = {r for r, v in turn.items() if abs(v - top) < 1e-9}
    if len(tied) < 2:
        return None
    near = sorted((abs(at - start), r) for at, votes in cast if left <= at < right for r in votes if r in tied)
    return near[0][1] if near and (len(near) == 1 or near[0][0] < near[1][0]) else None
