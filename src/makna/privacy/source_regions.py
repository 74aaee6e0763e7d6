"""The surrogate region of each source: set by the researcher, or inferred from the source's own identifiers.

A project's surrogates come from one region (:mod:`makna.privacy.regions`: a province, ``national``) by
default. A source about someone living elsewhere (a Ghanaian nurse in Leeds in a study of Padang) needs
its own: ``makna deid region --source S --set GB`` (or ``--case C``: every source linked to the case)
records it in the project (the ``meta`` table, keys ``deid_region:source:<id>`` and
``deid_region:case:<id>``; a region is a province or country code, never an identifier). Without one, a
source's region is inferred at apply (:func:`makna.privacy.regions.source_region`) from the places,
telephone numbers and identity numbers found in it: English text with UK places gets UK-style names and
places. An apply's ``--surrogate-region`` is for the sources that have no region of their own.

The inferred region reads a source's identifiers together (:func:`source_votes`): a place name that
several regions share (``Manggarai``, a Jakarta neighbourhood and an NTT regency; ``Wonosari``) gives its
vote to those of its regions that the source's unambiguous identifiers point to (``Tebet``, ``Gunungkidul``),
and an institution named after its place (``Pemerintah Kota Bukittinggi``, ``Leeds City Council``) votes for
that place; so a source's own places outvote the study's where they clearly agree, and one place name that only
one province has (``Bukittinggi``) decides that province where it holds the majority. The choice and its
explanation (``makna deid region``'s ``why``) read the same count (:func:`count_votes`).

A place named as the speaker's home or workplace (``saya asli Magelang``, ``narik di``; :func:`home_votes`) votes
once more, and a city's name votes for the provinces where it is a city or regency, not for its namesake districts
(:func:`makna.privacy.regions.named_provinces`); a source in Indonesian whose votes all lie outside the project's
province takes theirs where they decide nothing else (:func:`makna.privacy.regions.source_region`'s ``project``).

Its postcodes and currencies vote too (:mod:`makna.privacy.region_cues`: a postcode as a place, a currency half a
vote once per source).

Precedence, per source: its own setting; else its cases' (the first case by name that has one); else the
apply's ``--surrogate-region``; else the inferred region; else the country outside Indonesia that holds more than
half of the votes of the project's other sources in its language and of the regions earlier applies recorded for
them (``others``, :func:`_peer_country`; for an Indonesian source only in a project whose places name no province:
a carer who names only a Leeds suburb no list holds follows the study's Leeds sources, where she got an American
city from the mixed English list, trial19 #4); else, for an English source in a study whose region is not a
country (a province, ``national``, or none at all), :data:`ENGLISH_DEFAULT` (``language``: an English interview
that names no place or number of its own gets English names, not the study's, as a newcomer found when a NIK
elsewhere made every source Sundanese); else the project's region.

A source or case may also have its own naming tradition for surrogate names (``makna deid region --source S
--tradition minang``, keys ``deid_tradition:source:<id>`` and ``deid_tradition:case:<id>``; see
:data:`makna.privacy.naming.TRADITIONS`), with the same precedence: the source's, its cases', the apply's
``--tradition`` (kept in the key as the project's), else each name's own tradition and the region's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from sqlalchemy import Connection, delete, insert, select

from ..errors import InputError
from ..project import Project
from ..store import tables
from ._state import State
from .coarse import coarse_place
from .naming import resolve_tradition
from .project import detection_language
from .region_cues import cue_identifiers, cue_votes
from .regions import is_country, region_votes, resolve_region, source_region
from .surrogates import split_org, split_place
from .types import Detection

__all__ = ["ENGLISH_DEFAULT", "Ballot", "SourceRegion", "case_peers", "count_votes", "header_votes", "home_votes",
           "own_region", "plan_regions", "set_region", "record_applied", "set_tradition", "source_regions",
           "source_votes"]

_SOURCE = "deid_region:source:"
_CASE = "deid_region:case:"
_T_SOURCE = "deid_tradition:source:"
_T_CASE = "deid_tradition:case:"
_APPLIED = "deid_region:applied:"
ENGLISH_DEFAULT = "GB"
"""The region of an English source with no evidence of its own nor of its project's other English sources, in a
study whose region is no country (an Indonesian province, ``national``, none): British names and places (the country
makna's English interviews come from; set another with ``makna deid region`` or ``--surrogate-region``)."""


@dataclass(frozen=True, slots=True)
class SourceRegion:
    """One source's surrogate region and where it comes from (``source``, ``case``, ``apply``,
    ``inferred``, ``others``, ``language``, ``project``)."""

    source: str
    region: str | None
    origin: str
    votes: dict[str, float]
    tradition: str | None = None
    """The naming tradition set for the source or its case (None: the apply's, else each name's own)."""
    tradition_origin: str = ""
    """Where it comes from: ``source``, ``case``, or empty."""
    because: tuple[str, ...] = ()
    """For an inferred region: the source's own identifiers whose votes chose it (its places first), as written:
    :attr:`Ballot.voters`, the same count as the choice."""


def own_region(plan: SourceRegion) -> str | None:
    """The region to give :func:`makna.privacy.pseudonymise` for a source: its own (set or inferred), or
    None where it is the project's (names no list places then follow the study's language)."""
    return plan.region if plan.origin in {"source", "case", "inferred", "others", "language"} else None


def _stored(conn: Connection) -> dict[str, str]:
    m = tables.meta.c
    rows = conn.execute(select(m.key, m.value).where(m.key.like("deid_region:%")
                                                     | m.key.like("deid_tradition:%"))).all()
    return {str(r.key): str(r.value) for r in rows}


def set_region(project: Project, region: str | None, *, sources: Iterable[str] = (), cases: Iterable[str] = ()
               ) -> list[str]:
    """Record ``region`` (a province, ``national`` or a country; None: forget the setting) for ``sources``
    and ``cases`` (names or ids); returns the names changed. One transaction, one ``deid.region`` event."""
    code = resolve_region(region) if region is not None else None
    if region is not None and code is None:
        raise InputError("give a region, or --clear")
    return _record(project, "region", code, (_SOURCE, _CASE), sources, cases)


def set_tradition(project: Project, tradition: str | None, *, sources: Iterable[str] = (),
                  cases: Iterable[str] = ()) -> list[str]:
    """Record the naming tradition of surrogate names (:data:`makna.privacy.naming.TRADITIONS`; None or
    ``auto``: forget the setting) for ``sources`` and ``cases``; returns the names changed. One
    transaction, one ``deid.region`` event."""
    return _record(project, "tradition", resolve_tradition(tradition), (_T_SOURCE, _T_CASE), sources, cases)


def _record(project: Project, what: str, code: str | None, prefixes: tuple[str, str], sources: Iterable[str],
            cases: Iterable[str]) -> list[str]:
    src, cas = list(sources), list(cases)
    if not src and not cas:
        raise InputError("name a source (--source) or a case (--case)")
    c = tables.cases.c
    payload: dict[str, object] = {what: code, "sources": 0, "cases": 0}
    with project.store.write(project.actor, "deid.region", payload) as conn:
        keys: list[tuple[str, str]] = []
        for name in src:
            row = project.source_row(conn, name)
            keys.append((prefixes[0] + str(row.id), str(row.name)))
        for name in cas:
            found = conn.execute(select(c.id, c.name).where((c.name == name) | (c.id == name))).first()
            if found is None:
                raise InputError(f"unknown case {name!r} (see 'makna cases')")
            keys.append((prefixes[1] + str(found.id), str(found.name)))
        m = tables.meta.c
        for key, _name in keys:
            conn.execute(delete(tables.meta).where(m.key == key))
            if code is not None:
                conn.execute(insert(tables.meta).values(key=key, value=code))
        payload["sources"], payload["cases"] = len(src), len(cas)
    return [n for _k, n in keys]


def header_votes(text: str) -> list[tuple[str, str]]:
    """The places of a text's location header lines (``Lokasi: Tsuen Wan, Hong Kong``), as identifiers of the
    kind ``HEADER``, for :func:`count_votes`: the header says where the source was made, so its places vote
    once more beside their own detections, and a country or province it names (no identifier, so no detection)
    votes as a place does."""
    from .header_places import header_parts

    return [("HEADER", part) for part in header_parts(text)]


_HOME_CUE: Final = re.compile(
    r"(?i)(?<!\w)(?:(?:saya|aku|gue|gw|kami|I|we)\s+(?:\w+\s+)?(?:dari|tinggal\s+di|kerja\s+di|bekerja\s+di|narik\s+di|"
    r"ngojek\s+di|jualan\s+di|kos\s+di|ngekos\s+di|ngontrak\s+di|live\s+in|work\s+in|am\s+from|come\s+from)"
    r"|asal(?:nya)?(?:\s+dari)?|asli|kampung\s+(?:saya|aku|halaman)|orang|(?<=,)\s*dari)\s*,?\s*$")
"""The words before a place that make it the speaker's home or workplace (``saya asli Magelang``, ``asal dari``,
``narik di``, ``dari Magelang`` after a name): such a place counts twice in the source's region (trial18 #4)."""


def home_votes(text: str, detections: Iterable[Detection]) -> list[tuple[str, str]]:
    """The places of ``detections`` named as the speaker's home or workplace (:data:`_HOME_CUE` just before them,
    in the same sentence), as identifiers for :func:`count_votes` once more beside their own detections: a place
    someone is from or works in says more about where they live than one passed through."""
    return [(det.type, det.text) for det in detections if det.type == "LOCATION"
            and _HOME_CUE.search(re.split(r"[.!?\n]", text[max(0, det.start - 40):det.start])[-1])]


def _votes_of(kind: str, text: str) -> dict[str, float]:
    if kind in {"POSTCODE", "CURRENCY"}:
        return cue_votes(kind, text)
    if kind == "HEADER":
        found = coarse_place(text)
        if found is not None and found[0] in {"country", "province"}:
            return {found[1]: 1.0} if found[1] != "ID" else {}
        kind = "LOCATION"
    if kind == "ORG":
        _head, name, _tail, place_named = split_org(text)
        votes = region_votes("LOCATION", name) if place_named and name else {}
    else:
        votes = region_votes(kind, text)
    return votes or (_after_type_word(text) if kind in {"LOCATION", "ORG"} else {})


_VILLAGE_HEADS: Final = frozenset("desa kelurahan kampung kampuang nagari dusun jorong gampong banjar".split())
"""Type words of villages: the word after one names a village ("Desa Cibiru"); after a street's, a mosque's or a
market's type word it is often an ordinary word many regions share ("Jalan Merdeka", "Masjid Raya", "Pasar Baru")."""


def _after_type_word(text: str) -> dict[str, float]:
    """The votes of the village named after a village's type word inside ``text``: ``Cibiru`` of ``balai desa
    Cibiru`` or ``Desa Cibiru`` (a village the regions data knows), where the whole names no region."""
    words = text.split()
    for i in range(len(words) - 1):
        head, core = split_place(" ".join(words[i:]))
        if head and head.split()[-1].casefold() in _VILLAGE_HEADS and (votes := region_votes("LOCATION", core)):
            return votes
    return {}


@dataclass(frozen=True, slots=True)
class Ballot:
    """One source's votes (:func:`count_votes`), with what cast them: the choice of its region
    (:func:`makna.privacy.regions.source_region`) and its explanation (``SourceRegion.because``) read the same
    count."""

    votes: dict[str, float]
    """Per region, its weight (see the module documentation)."""
    voters: dict[str, tuple[str, ...]]
    """Per region, the identifiers whose vote went to it, as written (places first, each once)."""
    sure: frozenset[str]
    """The regions that one place names on its own: a place name that only one region has."""


def count_votes(identifiers: Iterable[tuple[str, str]]) -> Ballot:
    """The regions one source's identifiers (type, text) point to, weighted (see the module documentation):
    a vote shared by several regions goes to those of them that the source's single-region identifiers
    name, where any do; an organisation named after its place votes for the place."""
    each = [(kind, text, v) for kind, text in identifiers if (v := _votes_of(kind, text))]
    sure = {next(iter(v)) for _k, _t, v in each if len(v) == 1}
    votes: dict[str, float] = {}
    voters: dict[str, dict[str, None]] = {}  # per region, its identifiers in order (a dict: each once)
    for _kind, text, vote in sorted(each, key=lambda e: e[0] not in {"LOCATION", "ADDRESS", "POSTCODE"}):
        backed = [r for r in vote if r in sure] if len(vote) > 1 else []
        share = {r: sum(vote.values()) / len(backed) for r in backed} if backed else vote
        for region, weight in share.items():
            votes[region] = votes.get(region, 0.0) + weight
            voters.setdefault(region, {}).setdefault(text)
    places = {next(iter(v)) for kind, _t, v in each if len(v) == 1 and kind in {"LOCATION", "ADDRESS", "POSTCODE"}}
    return Ballot(votes, {r: tuple(t) for r, t in voters.items()}, frozenset(places))


def source_votes(identifiers: Iterable[tuple[str, str]]) -> dict[str, float]:
    """The weights of :func:`count_votes`, per region."""
    return count_votes(identifiers).votes


def plan_regions(conn: Connection, states: Sequence[State], project_region: str | None, apply_region: str | None,
                 *, include_pending: bool = False) -> dict[str, SourceRegion]:
    """Per source id of ``states``: its surrogate region (see the module documentation)."""
    stored = _stored(conn)
    cl, c = tables.case_links.c, tables.cases.c
    ids = [st.source_id for st in states]
    links: dict[str, list[str]] = {}
    for r in conn.execute(select(cl.source_id, c.id).join(tables.cases, c.id == cl.case_id)
                          .where(cl.source_id.in_(ids)).order_by(c.name)):
        links.setdefault(str(r[0]), []).append(str(r[1]))
    ballots: dict[str, Ballot] = {}
    for st in states:
        final = st.review.final(include_pending=include_pending)
        ballots[st.source_id] = count_votes([*((d.type, d.text) for d in final), *header_votes(st.review.text),
                                             *home_votes(st.review.text, final), *cue_identifiers(st.review.text)])
    peers = _peer_votes(conn, states, ballots, stored)
    out: dict[str, SourceRegion] = {}
    for st in states:
        ballot = ballots[st.source_id]
        votes = ballot.votes
        own = stored.get(_SOURCE + st.source_id)
        case = next((stored[_CASE + cid] for cid in links.get(st.source_id, []) if _CASE + cid in stored), None)
        own_t = stored.get(_T_SOURCE + st.source_id)
        case_t = next((stored[_T_CASE + cid] for cid in links.get(st.source_id, []) if _T_CASE + cid in stored),
                      None)
        if own is not None:
            plan = SourceRegion(st.name, own, "source", votes)
        elif case is not None:
            plan = SourceRegion(st.name, case, "case", votes)
        elif apply_region is not None:
            plan = SourceRegion(st.name, apply_region, "apply", votes)
        else:
            language = detection_language(st.language)
            region = source_region(votes, None, language, sure=ballot.sure,
                                   project=project_region if language == "id" else None)
            others = (_peer_country(peers, st.source_id, language)
                      if not is_country(project_region) and (language != "id" or project_region is None) else None)
            if region is not None:  # explained by the votes that chose it
                plan = SourceRegion(st.name, region, "inferred", votes, because=ballot.voters.get(region, ()))
            elif others is not None:  # the project's other sources in its language agree on a country
                plan = SourceRegion(st.name, others[0], "others", votes, because=others[1])
            elif language == "en" and not is_country(project_region):
                plan = SourceRegion(st.name, ENGLISH_DEFAULT, "language", votes)
            else:
                plan = SourceRegion(st.name, project_region, "project", votes)
        if own_t is not None or case_t is not None:
            plan = replace(plan, tradition=own_t or case_t, tradition_origin="source" if own_t else "case")
        out[st.source_id] = plan
    return out


_EVIDENCE_ORIGINS: Final = frozenset({"source", "case", "apply", "inferred"})
"""The origins of a de-identified source's recorded region that are evidence for its peers: set, or inferred
from its own identifiers (not ``others``, ``language`` nor ``project``, which are themselves fallbacks)."""


def _peer_votes(conn: Connection, states: Sequence[State], ballots: dict[str, Ballot], stored: dict[str, str]
                ) -> dict[str, list[tuple[str, str, dict[str, float]]]]:
    """Per language (:func:`makna.privacy.project.detection_language`): each source's (id, name, votes), for
    :func:`_peer_country`: the votes of the sources being planned (their places, numbers, postcodes,
    currencies) and, for a source de-identified already, one vote for the region its apply recorded where that
    was set or inferred (its originals are gone; its region, a code, is kept: :func:`record_applied`)."""
    out: dict[str, list[tuple[str, str, dict[str, float]]]] = {}
    for st in states:
        out.setdefault(detection_language(st.language), []).append((st.source_id, st.name, ballots[st.source_id].votes))
    planned = {st.source_id for st in states}
    applied = {key.removeprefix(_APPLIED): value.split("\t") for key, value in stored.items()
               if key.startswith(_APPLIED) and key.removeprefix(_APPLIED) not in planned}
    recorded = {sid: parts[0] for sid, parts in applied.items()
                if len(parts) == 2 and parts[1] in _EVIDENCE_ORIGINS and is_country(parts[0])}
    if recorded:
        s = tables.sources.c
        for r in conn.execute(select(s.id, s.name, s.language).where(s.id.in_(list(recorded)))):
            out.setdefault(detection_language(r.language), []).append((str(r.id), str(r.name),
                                                                       {recorded[str(r.id)]: 1.0}))
    return out


def _peer_country(peers: dict[str, list[tuple[str, str, dict[str, float]]]], source_id: str, language: str
                  ) -> tuple[str, tuple[str, ...]] | None:
    """The country outside Indonesia that holds more than half of the votes of the project's other sources in
    ``language`` (:func:`_peer_votes`), and the names of those that voted for it; None where none does (no
    evidence, a province, a split)."""
    pooled: dict[str, float] = {}
    voters: dict[str, list[str]] = {}
    for sid, name, votes in peers.get(language, []):
        if sid == source_id:
            continue
        for region, weight in votes.items():
            pooled[region] = pooled.get(region, 0.0) + weight
            voters.setdefault(region, []).append(name)
    if not pooled:
        return None
    top = min(pooled, key=lambda r: (-pooled[r], r))
    if not is_country(top) or top == "ID" or pooled[top] * 2 <= sum(pooled.values()):
        return None
    return top, tuple(voters[top])


def case_peers(conn: Connection, states: Sequence[State], *, include_pending: bool = False) -> dict[str, list[str]]:
    """Per source id of ``states``: the person names of the other sources that share a case with it, for
    short forms and nicknames across a case's sources (:func:`makna.privacy.pseudonymise`)."""
    cl = tables.case_links.c
    ids = {st.source_id for st in states}
    cases: dict[str, set[str]] = {}
    for r in conn.execute(select(cl.source_id, cl.case_id).where(cl.source_id.in_(ids))):
        cases.setdefault(str(r[1]), set()).add(str(r[0]))
    names = {st.source_id: [d.text for d in st.review.final(include_pending=include_pending) if d.type == "PERSON"]
             for st in states}
    out: dict[str, list[str]] = {sid: [] for sid in ids}
    for members in cases.values():
        for sid in members:
            out[sid].extend(n for other in sorted(members - {sid}) for n in names.get(other, []))
    return out


def record_applied(conn: Connection, source_id: str, plan: SourceRegion) -> None:
    """Keep the region (a province or country code, never an identifier) and its origin that an apply gave
    a source, so that ``makna deid region`` still shows it afterwards (inside the apply's transaction)."""
    m = tables.meta.c
    conn.execute(delete(tables.meta).where(m.key == _APPLIED + source_id))
    conn.execute(insert(tables.meta).values(key=_APPLIED + source_id, value=f"{plan.region or ''}\t{plan.origin}"))


def source_regions(project: Project, *, include_pending: bool = True) -> list[SourceRegion]:
    """Every scanned, not yet de-identified source with the region an apply would give it now (the
    project's region as inferred from every source's identifiers), then every de-identified source with the
    region its apply gave it (origin ``applied: <origin>``; ``applied`` alone for an apply made before
    makna kept it)."""
    from .project import _load
    from .regions import infer_region, province_votes

    with project.store.read() as conn:
        states = _load(conn)
        votes: dict[str, float] = {}
        for st in states:
            for det in st.review.final(include_pending=include_pending):
                for p, w in province_votes(det.type, det.text).items():
                    votes[p] = votes.get(p, 0.0) + w
        plans = plan_regions(conn, states, infer_region(votes), None, include_pending=include_pending)
        stored = _stored(conn)
        done: list[SourceRegion] = []
        for st in _load(conn, applied=True):
            region, _tab, origin = stored.get(_APPLIED + st.source_id, "").partition("\t")
            done.append(SourceRegion(st.name, region or None, f"applied: {origin}" if origin else "applied", {}))
    return [*plans.values(), *done]
