"""Replace detected identifiers: typed tags, consistent surrogates, or masking; and put originals back.

A :class:`KeyMapping` is the re-identification key of one project: the surrogate secret, every
original and its replacement, and the tag numbers. It lives only in the encrypted key file
(:mod:`makna.privacy.keyfile`); the project keeps the de-identified text and, per replacement, the
new span and type. :func:`pseudonymise` returns :class:`Replacement` records that map old offsets to
new ones; their ``original`` field is for the key file only and must never be stored in the project.
The surrogates of person names and of accounts' user names are drawn in
:mod:`makna.privacy.person_surrogates` (a mixin of :class:`KeyMapping`).
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from .accounts import ROLE_WORDS, split_account
from .address_surrogates import compose_address
from .coarse import coarse_place, moved_code, moved_name
from .name_forms import OriginalWords
from .naming import (
    COUNTRY_LOCALES,
    HONORIFIC_GENDER,
    NAME_TITLES,
    Gender,
    honorific_gender,
    kin_gender,
    local_honorific,
    pronoun_gender,
    surname_title,
)
from .person_surrogates import PersonSurrogates, _cased_like, _place_key
from .place_countries import (
    abroad_places,
    context_region,
    document_division,
    document_region,
    evidence_country,
    listed_regions,
)
from .place_surrogates import PlaceSurrogates, place_forms
from .places import LOCATION_TYPE_WORDS, ORG_TYPE_WORDS
from .regions import (
    NATIONAL,
    PROVINCES,
    country_places,
    infer_region,
    is_country,
    named_provinces,
    province_votes,
    resolve_region,
)
from .replacements import Replacement, map_offset, restore
from .surrogates import (
    ORG_KIND_WORDS,
    SurrogateGenerator,
    calendar_date,
    date_core,
    past_room,
    split_org,
    split_place,
    street_name,
)
from .types import PII_TYPES, Detection

__all__ = ["KeyMapping", "Mode", "Replacement", "map_offset", "pseudonymise", "restore"]

Mode = Literal["tag", "surrogate", "mask"]
_TYPE_WORDS = frozenset(w.split()[0].rstrip(".") for w in LOCATION_TYPE_WORDS + ORG_TYPE_WORDS) | {"Jl", "Gang"}
_MASK_CHARS = frozenset({"█", "*", "X", "#"})
_GENERIC = frozenset(w.casefold() for w in _TYPE_WORDS) | frozenset(
    "no nomor flat street st road rd avenue ave lane close drive house apartment jalan jl jln gang gg rt rw blok "
    "block komplek perumahan perum lorong kota kabupaten kab kecamatan kec kelurahan desa nagari dusun kampung "
    "jorong".split())
"""Words of addresses and place types that many originals share: a surrogate may use them."""

_EXEMPT = frozenset(NAME_TITLES) | frozenset(HONORIFIC_GENDER)
"""Words a surrogate may share with originals: titles and honorifics (a place's or organisation's type
words and legal forms are left out of its surrogate before the check, :func:`_wordy_part`)."""
_LANGUAGES = ("id", "en")
"""The languages a surrogate date or age is written in (a month both languages name, "April", follows the text's)."""
_PLACED: Final = frozenset({"LOCATION", "ADDRESS"})
"""The kinds whose surrogate region their context gives (:func:`_place_region`)."""
_NAMED_KINDS = frozenset({"LOCATION", "ORG", "ADDRESS", "EMAIL", "HANDLE"})
"""Types whose surrogates are words (names' tokens are checked as they are drawn; a URL's path is
invented syllables on an ``example`` domain)."""


def _wordy_part(kind: str, value: str) -> str:
    """The part of a surrogate that holds words: an address's or handle's user part, else all of it."""
    if kind in {"EMAIL", "HANDLE"}:
        parts = split_account(kind, value)  # words of shared mailboxes ("info") stay by design
        return re.sub(r"[^\W\d_]+", lambda m: " " if m.group(0).casefold() in ROLE_WORDS else m.group(0),
                      parts[1]) if parts is not None else ""
    # letters only: an address's "RT 03/RW 05" holds the generic words RT and RW, not an original's word
    return " ".join(w for w in re.findall(r"[^\W\d_]+", value) if w.casefold() not in _GENERIC | ORG_KIND_WORDS)

def _account_words(kind: str, value: str) -> set[str]:
    """The words of an e-mail address's or handle's user part (``@irdawati.yusnimar``: ``irdawati``,
    ``yusnimar``), case-folded, for the names no other person's surrogate may then take (trial14 #9)."""
    return {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", _wordy_part(kind, value))}


_FALLBACK_SYLLABLES = ("ba", "da", "ka", "la", "ma", "na", "ra", "sa", "ta", "wa", "ri", "lu", "mo", "ne", "si")
"""Syllables of invented place names, for when every real name of the pool is an original."""


def _identity(kind: str, original: str) -> str:
    """The key under which an original is remembered: digits for numbers, normalised spaces otherwise."""
    text = " ".join(original.split())
    if kind in {"PHONE", "NATIONAL_ID", "ACCOUNT"}:
        digits = re.sub(r"\D", "", text)
        if len(digits) >= 7 and not re.search(r"[A-Za-z]{2}", text):
            return digits
    return text


@dataclass
class KeyMapping(PersonSurrogates, PlaceSurrogates):
    """Original <-> replacement for one project (the content of the re-identification key)."""

    secret: str = field(default_factory=lambda: secrets.token_hex(32))
    surrogates: dict[str, dict[str, str]] = field(default_factory=dict)
    tags: dict[str, dict[str, int]] = field(default_factory=dict)
    person_tokens: dict[str, str] = field(default_factory=dict)
    reserved: set[str] = field(default_factory=set)
    region: str | None = None
    """The surrogate region: a province code, ``"national"``, or None (inferred from the project's
    identifiers at the first surrogate drawn, then kept); see :mod:`makna.privacy.regions`."""
    date_offset: int | None = None
    """Days every date surrogate moves: one random offset per project (7 to 365 days either way; see
    :meth:`settle_offsets`)."""
    age_offset: int | None = None
    """Years every age surrogate moves: one per project (1 or 2 either way; up to 9 where neither avoids
    the project's other ages; see :meth:`settle_offsets` and :mod:`makna.privacy.ages`)."""
    genders: dict[str, str] = field(default_factory=dict)
    """Name token (case-folded) -> the gender the project's honorifics show for it (``m``/``f``)."""
    votes: dict[str, float] = field(default_factory=dict)
    """Province code -> how many of the project's identifiers point there (for the inferred region)."""
    places: dict[str, str] = field(default_factory=dict)
    """A place's own name (case-folded, separators as spaces: ``sukamaju``) -> its surrogate name: one
    surrogate in every mention, case and form (``Kelurahan Sukamaju``, ``pasar sukamaju``)."""
    kin: dict[str, str] = field(default_factory=dict)
    """Name token (case-folded) -> the gender kin and role words next to it show (``m``/``f``; ``""``
    where two disagree: no guess), used after the honorifics' :attr:`genders`."""
    language: str | None = None
    """The study's language (``id``/``en``: that of most of its sources), for names and places that no
    list places in a tradition; None: each text's own language."""
    orgs: dict[str, str] = field(default_factory=dict)
    """An organisation's own name without legal form or kind word (case-folded, spaces, dots and dashes
    dropped: ``sinarjaya``) -> its surrogate name: ``PT Sinar Jaya``, ``Sinar Jaya`` and ``CV Sinar Jaya``
    share one surrogate core."""
    tradition: str | None = None
    """The naming tradition chosen for the project's surrogate names (``--tradition``, see
    :data:`makna.privacy.naming.TRADITIONS`), for sources and cases without their own; None: each name's
    own, else the region's."""
    pronouns: dict[str, str] = field(default_factory=dict)
    """Name token (case-folded) -> the gender the English pronouns after it in its sentence show
    (:func:`makna.privacy.naming.pronoun_gender`; ``""`` where two disagree), used after the name lists and
    before the wider world lists (:func:`makna.privacy.naming.world_gender`)."""
    origins: dict[str, str] = field(default_factory=dict)
    """Name token (case-folded) -> ``id`` where an Indonesian honorific stands before it (``Pak
    Suharyanto`` in an English transcript keeps an Indonesian name)."""
    surnames: dict[str, str] = field(default_factory=dict)
    """Name token (case-folded) -> ``en`` where an English title that takes a surname stands before it alone
    (``Dr Hollis``, ``Mrs Carter``): in an English source its surrogate is a surname, not a given name."""
    coarse: str = "keep"
    """What surrogates do with provinces, countries and large islands (:mod:`makna.privacy.coarse`): ``keep``
    them (the default), or ``replace`` each by another for the whole project, the towns following it."""
    kept: dict[str, str] = field(default_factory=dict)
    """Coarse places kept as they are (original -> its province or country code): no surrogates."""
    moved: dict[str, str] = field(default_factory=dict)
    """Under ``coarse="replace"``: province, country or island -> the one it became for the whole project."""
    lineages: dict[str, str] = field(default_factory=dict)
    """Name token (case-folded) -> the tradition of its name or family it was drawn under (:mod:`makna.privacy.
    families`): a family met again in another source keeps it."""

    def reserve(self, originals: Iterable[str]) -> None:
        """Register identifiers found anywhere in the project before replacing, so that no surrogate
        drawn for one text equals (or, for names, contains a word of) an original of another."""
        for value in originals:
            value = " ".join(value.split())
            if value:
                self.reserved.add(value)
                self.reserved.update(w for w in value.split() if len(w) >= 3)
                self._used.update(w.lower() for w in value.split())
                self._originals.add([value])

    def learn(self, text: str, detections: Iterable[Detection]) -> None:
        """Take from one text, before any replacement, what surrogates must keep: the gender its
        honorifics show for each name token, the provinces its places, plates and NIKs point to."""
        dets = sorted(detections, key=lambda d: (d.start, d.end))
        starts = [d.start for d in dets if d.type == "PERSON"]
        for det in dets:
            if det.type == "PERSON":
                gender = honorific_gender(text, det.start)
                if gender:
                    for tok in det.text.split():
                        self.genders.setdefault(tok.lower(), gender)
                if kin := kin_gender(text, det.start, det.end):
                    for tok in det.text.split():
                        self.kin[tok.lower()] = kin if self.kin.get(tok.lower(), kin) == kin else ""
                limit = next((s for s in starts if s >= det.end), None)
                if said := pronoun_gender(text, det.end, limit):
                    for tok in det.text.split():
                        self.pronouns[tok.lower()] = said if self.pronouns.get(tok.lower(), said) == said else ""
                if local_honorific(text, det.start):
                    for tok in det.text.split():
                        self.origins[tok.lower()] = "id"
                if len(_original(det).split()) == 1 and surname_title(text, det.start):
                    self.surnames[_original(det).lower()] = "en"
            for province, weight in province_votes(det.type, det.text).items():
                self.votes[province] = self.votes.get(province, 0.0) + weight

    def __post_init__(self) -> None:
        self.region = resolve_region(self.region)
        self._gen = SurrogateGenerator(bytes.fromhex(self.secret))
        if self.date_offset is None:
            self.date_offset = self._gen.rng("DATE-OFFSET").choice([d for d in range(-365, 366) if abs(d) >= 7])
        if self.age_offset is None:
            self.age_offset = self._gen.rng("AGE-OFFSET").choice([-2, -1, 1, 2])
        self._gen.date_offset, self._gen.age_offset = self.date_offset, self.age_offset
        self._own_language = None
        """While a source with its own region is replaced: the language its unlisted names follow."""
        self._names = []
        """While one source is replaced: its person names (and its cases'), as words, for initials in user names."""
        self._context = {}
        self._titles = frozenset()
        """While one source is replaced: its name tokens (and its cases'), case-folded -> (the token, first
        in its name, part of a name of two or more words), for short forms (:mod:`makna.privacy.name_forms`)."""
        self._pending = set()
        """While one text is replaced: its LOCATION originals (no place's surrogate may be one)."""
        self._forms = {}
        self._families = {}
        self._family_lineages = {}
        self._cues = {}
        self._in_city = False
        self._originals = OriginalWords(_EXEMPT)
        self._originals.add(self.reserved)
        self._originals.add(self.person_tokens)
        for table in self.surrogates.values():
            self._originals.add(table)
        self._used = {w.lower() for v in self.reserved for w in v.split()}
        self._used |= {k.lower() for k in self.person_tokens} | {v.lower() for v in self.person_tokens.values()}
        for table in self.surrogates.values():
            for original in table:
                self._used.update(w.lower() for w in original.split())
        for kind in ("EMAIL", "HANDLE"):  # the names in user names drawn by an earlier apply
            for value in self.surrogates.get(kind, {}).values():
                self._used.update(_account_words(kind, value))

    def settle_offsets(self, originals: Iterable[tuple[str, str]], *, today: dt.date | None = None) -> None:
        """Before the first date (age) of a project is replaced: of the possible offsets, keep the drawn one
        if it moves no date (age) of ``originals`` (type, text) onto another, or inside another's words
        (``3 Juni`` in ``3 Juni 2023``), else take the first that does not, in an order drawn from the
        secret (ages: 1 or 2 years either way, then 3 to 9, smallest first); where none does, the first that
        puts no original naming no whole day (``3 Juni``) inside a surrogate, else the drawn one. Once a
        date (age) is replaced, its offset never changes again. Dates are also compared as calendar days
        (``14 Agustus 2026`` and a chat stamp's ``2026-08-14`` are one day): ``makna deid apply`` passes the
        dates of the turn time stamps (:func:`makna.privacy.times.stamp_dates`) with the text's. No date that had
        passed by ``today`` (default: the day it runs) is moved past it: an interview of last month never becomes
        one of next year, so only offsets that keep the latest past date in the past are candidates."""
        values = [(k, " ".join((date_core(t) if k == "DATE" else t).split())) for k, t in originals
                  if k in {"DATE", "AGE"}]  # "bulan Oktober 2022": another date may not become "Oktober 2022"
        for kind, candidates in (("DATE", [d for d in range(-365, 366) if abs(d) >= 7]), ("AGE", [-2, -1, 1, 2])):
            mine = sorted({t for k, t in values if k == kind})
            if self.surrogates.get(kind) or not mine:
                continue
            words = sorted({t for _k, t in values if not (t.isdigit() and len(t) < 5)}, key=lambda t: (-len(t), t))
            others = re.compile(r"(?i)(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)") if words else None
            current = int((self.date_offset if kind == "DATE" else self.age_offset) or 0)
            order = self._gen.rng(f"{kind}-OFFSET-ORDER").sample(candidates, len(candidates))
            if kind == "AGE":  # then 3 to 9 years, smallest first
                wider = [k for n in range(3, 10) for k in (n, -n)]
                order += sorted(self._gen.rng("AGE-OFFSET-WIDER").sample(wider, len(wider)), key=abs)
            days = {d for t in mine if (d := calendar_date(t)) is not None} if kind == "DATE" else set()
            if kind == "DATE":  # a past date stays past: keep only offsets that leave the latest one before today
                room = past_room(mine, today or dt.date.today())
                if room is not None:
                    order = [o for o in order if o <= room]
                    current = current if current <= room else order[0]
            parts = [t for t in words if kind != "DATE" or calendar_date(t) is None]  # "3 Juni": no whole day
            partial = re.compile(r"(?i)(?<!\w)(?:" + "|".join(map(re.escape, parts)) + r")(?!\w)") if parts else None

            def shows(offset: int, rx: re.Pattern[str] | None, kind: str = kind, mine: list[str] = mine) -> bool:
                if kind == "DATE":
                    self._gen.date_offset = offset
                else:
                    self._gen.age_offset = offset
                # in the language of its source: "4 April 2023" becomes "14 January 2024" in an English
                # transcript and "14 Januari 2024" in an Indonesian one (the originals come without theirs)
                # an age kept as written by rule ("kepala tiga": a band) shows no other one; a date never stays
                return rx is not None and any(rx.search(new) for t in mine for lang in _LANGUAGES
                                              if (new := self._gen.generate(kind, t, language=lang)) != t
                                              or kind == "DATE")

            # a day moved onto another original day (in any form) and an original inside a surrogate are
            # both avoided where one offset can; where none can (dense dates), an original that names no
            # whole day ("3 Juni") must still not show inside a surrogate ("3 Juni 2021"); else the drawn one
            offset = next((o for o in [current, *order] if not (days and {d + dt.timedelta(days=o) for d in days}
                                                                  & days) and not shows(o, others)), None)
            if offset is None:
                offset = next((o for o in [current, *order] if not shows(o, partial)), current)
            if kind == "DATE":
                self.date_offset = self._gen.date_offset = offset
            else:
                self.age_offset = self._gen.age_offset = offset

    def _settle_region(self) -> None:
        if self.region is None:
            self.region = infer_region(self.votes)
        self._gen.region = self.region

    def _move(self, code: str, kind: str = "") -> str:
        """Under the wider policy, the province or country (or island) ``code`` became; else ``code``."""
        if self.coarse != "replace":
            return code
        if code not in self.moved:
            kind = kind or ("province" if code in PROVINCES else "country")
            # never onto another's surrogate, nor onto a province or country the project names itself
            taken = set(self.moved.values()) | {c for v in self.reserved if (c := (coarse_place(v) or ("", ""))[1])}
            self.moved[code] = moved_code(kind, code, self._gen.rng("COARSE", code), taken)
        return self.moved[code]

    def _coarse(self, original: str) -> str | None:
        """A coarse place kept as it is (recorded in :attr:`kept`) or, under the wider policy, moved; None
        for any other place."""
        found = coarse_place(original)
        if found is None:
            return None
        kind, code = found
        if self.coarse != "replace" or code == "ID":
            self.kept[" ".join(original.split())] = code
            return original
        moved = self._move(code, kind)
        if moved == code:  # no other region of its kind left to move it onto: kept, and recorded as kept
            self.kept[" ".join(original.split())] = code
            return original
        return moved_name(kind, moved, original)

    # -- tags ----------------------------------------------------------------------------------------
    def tag(self, kind: str, original: str) -> str:
        """``[TYPE-n]``: the same identity always gets the same number; a lone first name joins the
        full name it begins (``Siti`` and ``Siti Rahmawati``) when that is unambiguous."""
        table = self.tags.setdefault(kind, {})
        key = _identity(kind, original).lower()
        if key not in table and kind == "PERSON":
            toks = key.split()
            if len(toks) == 1:
                owners = {n for k, n in table.items() if k.split()[0] == toks[0]}
                if len(owners) == 1:
                    table[key] = owners.pop()
            elif toks[0] in table:
                table[key] = table[toks[0]]
        if key not in table:
            table[key] = max(table.values(), default=0) + 1
        return f"[{kind}-{table[key]}]"

    # -- surrogates ----------------------------------------------------------------------------------
    def _taken(self) -> set[str]:
        out: set[str] = set()
        for table in self.surrogates.values():
            out.update(table)
            out.update(table.values())
        out.update(self.places.values())
        return out

    def surrogate(self, kind: str, original: str, *, language: str = "id", gender: Gender | None = None,
                  region: str | None = None, tradition: str | None = None) -> str:
        """The project's surrogate for ``original``; drawn (and remembered) on first use. ``gender``: the
        one an honorific before this occurrence shows (a name's project-wide hints come first). ``region``:
        the surrogate region of the source this occurrence is in (a province code, ``national`` or a
        country, see :func:`makna.privacy.regions.source_region`), else the project's; in such a source a
        name no list places gets a name of the country's locale, or, in a text in Indonesian, of Indonesia,
        not of the study's language; a text in Indonesian in a source with no region of its own, in a study of
        an Indonesian province, gets Indonesian names too, however many of the study's sources are in English.
        ``tradition``: the naming tradition chosen for this occurrence's source
        or case (:data:`makna.privacy.naming.TRADITIONS`), else the project's (:attr:`tradition`). An
        original drawn once keeps its surrogate in every source, whatever their regions and traditions."""
        self._settle_region()
        # a source's own region: names no list places follow it (a country's names; an Indonesian province's
        # for a text in Indonesian), else the study's language (an Indonesian vendor interviewed in English)
        # (a country whose names makna lacks, Hong Kong, Singapore: the text's, so that an Indonesian worker's name
        # in an Indonesian interview there stays Indonesian, and a Cantonese one keeps its own shape)
        abroad = is_country(region) and (region in COUNTRY_LOCALES or language == "en")
        own = None if region is None else ("en" if abroad else ("id" if language == "id" else None))
        if own is None and region is None and language == "id" and self.region not in (None, NATIONAL) \
                and not is_country(self.region):
            own = "id"  # an Indonesian text of a study of a province: Indonesian, however many English ones
        try:
            self._gen.region, self._own_language = region or self.region, own
            self._gen.tradition = tradition or _project_tradition(self.tradition, region)
            self._gen.move = self._move if self.coarse == "replace" else None
            return self._surrogate(kind, original, language, gender)
        finally:
            self._gen.region, self._own_language, self._gen.tradition = self.region, None, None
            self._gen.move, self._gen.avoid, self._gen.home = None, frozenset(), None

    def _surrogate(self, kind: str, original: str, language: str, gender: Gender | None) -> str:
        table = self.surrogates.setdefault(kind, {})
        key = _identity(kind, original)
        if key in table and kind != "PERSON":
            known = table[key]
            return _reshape(kind, original, known)
        if kind == "PERSON":
            value = self._person_surrogate(original, language, gender)
            table[key] = value
            return value
        if kind == "LOCATION" and (coarse := self._coarse(original)) is not None:
            if coarse != original:
                table[key] = coarse
            return coarse
        if kind == "LOCATION":
            head, core = split_place(original)
            known_place = self.places.get(_place_key(core))
            if known_place is not None:
                value = head + _cased_like(core, known_place)
                table[key] = value
                return value
            language = self._own_language or self.language or language
            # never an original place of the project or of this text; a district follows its city's surrogate
            draw = None if self._in_city else (lambda name: self._city_surrogate(name, language))
            self._gen.avoid, self._gen.home = self.place_avoid(original), self.district_home(core, draw)
        if kind == "ORG":
            head, name, tail, place_named = split_org(original)
            if place_named and name:  # "Polsek Kuranji": the place's own surrogate, kind words kept
                value = head + self._surrogate("LOCATION", name, language, None) + tail
                table[key] = value
                return value
        if kind == "ADDRESS" and (composed := compose_address(self, original, language)) is not None:
            table[key] = composed  # of several parts, or abroad (makna.privacy.address_surrogates)
            return composed
        if kind == "ORG" and (core := _org_key(split_org(original)[1])) in self.orgs:
            head, name, tail, _place = split_org(original)  # "CV Sinar Jaya" after "PT Sinar Jaya"
            value = head + _cased_like(name, self.orgs[core]) + tail
            table[key] = value
            return value
        if kind in {"DATE", "AGE"}:  # one project offset, never another one (see makna.privacy.ages)
            value = self._gen.generate(kind, original, language=language)
            table[key] = value
            return value
        taken = {t.casefold() for t in self._taken() | self.reserved}
        known_words = {w.casefold() for w in self.reserved if " " not in w} | {
            w.casefold() for o in (*self.originals(), original) for w in o.split() if len(w) >= 4}
        known_words = {w for w in known_words if w.rstrip(".,") not in _GENERIC and w not in ORG_KIND_WORDS
                       and not any(c.isdigit() for c in w)}

        whole = [o for o in self.reserved | set(self.originals()) | {original} if len(o) >= 4 and " " in o]
        # nor inside a word of it ("Siti" in "Sitiung"): a reader should not see an original in a surrogate
        inner = {o.casefold() for o in self.reserved | set(self.originals()) | {original}
                 if len(o) >= 4 and " " not in o and o.isalpha() and o.casefold() not in _GENERIC
                 and o.casefold() not in ORG_KIND_WORDS}

        kept: set[str] = set()  # an organisation's kind words ("Credit Union", "City Council") are no clash
        if kind in ("ORG", "LOCATION"):  # a venue typed LOCATION keeps its kind words too
            org_head, _name, org_tail, _place = split_org(original)
            kept = {w.casefold() for w in (org_head + org_tail).split()}

        def clashes(candidate: str) -> bool:
            if kind == "LOCATION" and place_forms(candidate) & self._gen.avoid:
                return True
            if candidate.casefold() in taken:  # the whole surrogate, kind words and all ("Williams Church" twice)
                return True
            if kept:
                candidate = " ".join(w for w in candidate.split() if w.casefold() not in kept) or candidate
            if (candidate.casefold() in taken or _identity(kind, candidate).casefold() in taken
                    or candidate.casefold() == original.casefold()):
                return True
            # no original may show inside a surrogate either ("3 Juni" inside "3 Juni 2023")
            if any(o in candidate and re.search(rf"(?<!\w){re.escape(o)}(?!\w)", candidate) for o in whole):
                return True
            folded = candidate.casefold()
            if any(o in folded for o in inner):
                return True
            if kind in _NAMED_KINDS and self._originals.meets(_wordy_part(kind, candidate)):
                return True  # an original word inside it, or it inside one ("Fitri", "Zulfitri")
            words = candidate.split()
            if words and words[0].rstrip(".") in _TYPE_WORDS:
                words = words[1:]
            return kind in {"LOCATION", "ORG", "ADDRESS"} and any(w.casefold().rstrip(".,") in known_words
                                                                  for w in words)

        attempt = 0
        account = self._account(kind, original, language, clashes) if kind in {"EMAIL", "HANDLE"} else None
        value = account if account is not None else self._gen.generate(kind, original, language=language)
        while clashes(value) and attempt < 200:
            attempt += 1
            value = self._gen.generate(kind, original, language=language, attempt=attempt)
        if clashes(value):  # the region's pool is spent (its names share words with the originals)
            value = self._fallback(kind, original, language, clashes)
        if kind == "LOCATION":
            new_core = value[len(head):] if head and value.startswith(head) else value
            self.places[_place_key(core)] = new_core
            value = value[: len(value) - len(new_core)] + _cased_like(core, new_core)
        if kind == "ADDRESS" and (old := street_name(original)) and (new := street_name(value)):
            street = _place_key(original[old[0]:old[1]])  # "Jl. Melati No. 12" and "Jalan Melati": one name
            if street in self.places:
                value = value[: new[0]] + self.places[street] + value[new[1]:]
            else:
                self.places[street] = value[new[0]:new[1]]
        if kind == "ORG":
            head, name, tail, _place = split_org(original)
            if name and value.startswith(head) and value.endswith(tail) and len(value) > len(head) + len(tail):
                self.orgs[_org_key(name)] = value[len(head): len(value) - len(tail)]
        if kind in {"EMAIL", "HANDLE"}:  # its names are no other person's: later names and user names avoid them
            self._used.update(_account_words(kind, value))
        table[key] = value
        return value

    def _city_surrogate(self, name: str, language: str) -> str:
        """The surrogate of a city no text named yet, for its districts (:meth:`district_home`): kept in
        :attr:`places` for its later mentions, not among the originals (no text holds it)."""
        table = self.surrogates.setdefault("LOCATION", {})
        had = name in table
        self._in_city = self._gen.with_districts = True
        try:
            return self._surrogate("LOCATION", name, language, None)
        finally:
            self._in_city = self._gen.with_districts = False
            if not had:
                table.pop(name, None)

    def _fallback(self, kind: str, original: str, language: str, clashes: Callable[[str], bool]) -> str:
        """A surrogate from the whole country's pool, else an invented one: never an original."""
        gen, region = self._gen, self._gen.region
        try:
            gen.region = NATIONAL
            for attempt in range(200, 400):
                value = gen.generate(kind, original, language=language, attempt=attempt)
                if not clashes(value):
                    return value
        finally:
            gen.region = region
        rng = gen.rng("FALLBACK", kind, original)
        for _ in range(1000):
            value = "".join(rng.choice(_FALLBACK_SYLLABLES) for _ in range(3)).capitalize()
            if not clashes(value):
                return value
        raise AssertionError(f"no surrogate for a {kind}")  # pragma: no cover - 10^5 invented names

    def replacement(self, kind: str, original: str, mode: Mode, *, language: str = "id", mask_char: str = "█",
                    gender: Gender | None = None, region: str | None = None, tradition: str | None = None) -> str:
        """The replacement text for one identifier in ``mode`` (``gender``, ``region``, ``tradition``: see
        :meth:`surrogate`)."""
        if kind not in PII_TYPES:
            raise ValueError(f"unknown identifier type {kind!r}")
        if mode == "tag":
            return self.tag(kind, original)
        if mode == "surrogate":
            return self.surrogate(kind, original, language=language, gender=gender, region=region,
                                  tradition=tradition)
        if mode == "mask":
            if mask_char not in _MASK_CHARS:
                raise ValueError(f"mask character must be one of {sorted(_MASK_CHARS)}")
            return "".join(c if c.isspace() else mask_char for c in original)
        raise ValueError(f"unknown mode {mode!r}")

    def originals(self) -> set[str]:
        """Every original string remembered (for checks that none survives in an export)."""
        out: set[str] = set()
        for table in self.surrogates.values():
            out.update(table)
        for tag_table in self.tags.values():
            out.update(tag_table)
        return out

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy (goes into the encrypted key file only)."""
        return {
            "secret": self.secret,
            "surrogates": self.surrogates,
            "tags": self.tags,
            "person_tokens": self.person_tokens,
            "reserved": sorted(self.reserved),
            "region": self.region,
            "date_offset": self.date_offset,
            "age_offset": self.age_offset,
            "genders": self.genders,
            "votes": self.votes,
            "places": self.places,
            "kin": self.kin,
            "orgs": self.orgs,
            "tradition": self.tradition,
            "pronouns": self.pronouns,
            "origins": self.origins,
            "surnames": self.surnames,
            "coarse": self.coarse,
            "kept": self.kept,
            "moved": self.moved,
            "lineages": self.lineages,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KeyMapping:
        """The inverse of :meth:`to_dict`."""
        return cls(
            secret=str(data["secret"]),
            surrogates={str(k): dict(v) for k, v in data.get("surrogates", {}).items()},
            tags={str(k): {str(a): int(b) for a, b in v.items()} for k, v in data.get("tags", {}).items()},
            person_tokens=dict(data.get("person_tokens", {})),
            reserved=set(data.get("reserved", [])),
            region=data.get("region"),
            date_offset=data.get("date_offset"),
            age_offset=data.get("age_offset"),
            genders={str(k): str(v) for k, v in data.get("genders", {}).items()},
            votes={str(k): float(v) for k, v in data.get("votes", {}).items()},
            places={str(k): str(v) for k, v in data.get("places", {}).items()},
            kin={str(k): str(v) for k, v in data.get("kin", {}).items()},
            orgs={str(k): str(v) for k, v in data.get("orgs", {}).items()},
            tradition=data.get("tradition"),
            pronouns={str(k): str(v) for k, v in data.get("pronouns", {}).items()},
            origins={str(k): str(v) for k, v in data.get("origins", {}).items()},
            surnames={str(k): str(v) for k, v in data.get("surnames", {}).items()},
            coarse=str(data.get("coarse", "keep")),
            kept={str(k): str(v) for k, v in data.get("kept", {}).items()},
            moved={str(k): str(v) for k, v in data.get("moved", {}).items()},
            lineages={str(k): str(v) for k, v in data.get("lineages", {}).items()},
        )


def _org_key(name: str) -> str:
    """An organisation's own name as a key: case-folded, without spaces, dots, dashes or underscores."""
    return re.sub(r"[\s\-_.]+", "", name.casefold())


def _reshape(kind: str, original: str, known: str) -> str:
    """The remembered surrogate of a number, written with this occurrence's separators."""
    if kind in {"PHONE", "NATIONAL_ID", "ACCOUNT"} and not re.search(r"[A-Za-z]{2}", original):
        new_digits = re.sub(r"\D", "", known)
        if len(new_digits) == len(re.sub(r"\D", "", original)):
            it = iter(new_digits)
            return "".join(next(it) if c.isdigit() else c for c in original)
    return known


def pseudonymise(
    text: str,
    detections: Iterable[Detection],
    *,
    mode: Mode = "tag",
    mapping: KeyMapping | None = None,
    language: str = "id",
    mask_char: str = "█",
    region: str | None = None,
    tradition: str | None = None,
    context: Iterable[str] = (),
) -> tuple[str, list[Replacement]]:
    """Replace every detection in ``text``; returns the new text and the replacements, in order.

    Detections must not overlap (``detect`` guarantees it; overlapping input raises ``ValueError``).
    ``mapping`` keeps tags and surrogates consistent across a project; a fresh one is used if omitted.
    ``region``: this text's surrogate region, if not the project's (see :meth:`KeyMapping.surrogate`);
    ``tradition``: the naming tradition chosen for it, if not the project's. ``context``: the person
    names of the other sources of this text's cases: with this text's own, a short form or nickname of
    one of them gets the same cut of its surrogate (``Yuli`` of ``Yulianti``; see
    :mod:`makna.privacy.name_forms`), and a user name holding one its surrogate.
    """
    key = mapping if mapping is not None else KeyMapping()
    dets = sorted(detections, key=lambda d: (d.start, d.end))
    key.learn(text, dets)
    key.name_context([*(d.text for d in dets if d.type == "PERSON"), *context])
    key.family_context(text, dets)
    key._pending = {d.text for d in dets if d.type == "LOCATION"}
    try:
        if mode == "surrogate":  # a district follows its city's surrogate: the cities first
            key.cities_first(dets, lambda d: key.replacement(d.type, _original(d), mode, language=language,
                                                             region=region, tradition=tradition))
        return _replace_all(text, dets, key, mode, language, mask_char, region, tradition)
    finally:
        key.name_context(())
        key.family_context("", ())
        key._pending = set()


def _project_tradition(tradition: str | None, region: str | None) -> str | None:
    """The project's naming tradition where a source's own region agrees with it: an Indonesian tradition
    (jawa, minang...) holds for no source placed in another country (an English focus group inferred GB gets
    that country's names, not Javanese ones), ``english`` for none placed in an Indonesian province."""
    if tradition is None or region is None:
        return tradition
    abroad = is_country(region) and region.upper() != "ID"
    return None if (tradition == "english") != abroad else tradition


_POSSESSIVE_TYPES: Final = frozenset({"PERSON", "ORG", "LOCATION"})
_POSSESSIVE: Final = re.compile(r"\w['\u2019]s\Z")
"""A span ending in an English possessive (a word character, then 's)."""


def _original(det: Detection) -> str:
    """The identifier a detection replaces: its text less an English possessive ("Margaret Oduya's")."""
    return det.text[:-2] if det.type in _POSSESSIVE_TYPES and _POSSESSIVE.search(det.text) else det.text


def _place_region(key: KeyMapping, text: str, det: Detection, places: Sequence[tuple[int, str]],
                  region: str | None = None) -> str | None:
    """The surrogate region of a place or address no list knows, from its own sentence (a country or province
    named beside it, an Indonesian administrative word before it; :func:`makna.privacy.place_countries.
    context_region`), else from the other places of its turn or source (:func:`makna.privacy.place_countries.
    document_region`): where it is Indonesia, the project's province (else the whole country). None: a listed
    place (it keeps its own country and province) or a document that names none (the source's region). A town the
    lists hold abroad: the country its evidence gives (:func:`makna.privacy.place_countries.evidence_country`;
    ``region``: the source's), else None."""
    core = split_place(det.text)[1]
    if listed := listed_regions(core):
        key._gen.stray = _stray_district(listed, core, places, region)
        return None
    if det.type == "LOCATION" and (found := evidence_country(core, text, det.start, det.end, places, region)):
        key._gen.placed = True  # a town abroad in the country its evidence gives (trial17 #3), in the division
        key._gen.division = document_division(places, det.start, found)  # of the document's other towns there
        return found
    if country_places(core) or abroad_places(core):
        return None
    found = context_region(text, det.start, det.end) or document_region(text, places, det.start, region)
    if found != "ID":
        if found is not None and is_country(found):  # a town no list knows: of its country's division too
            key._gen.division = document_division(places, det.start, found)
        return found
    key._settle_region()
    return key.region if key.region in PROVINCES else NATIONAL


def _stray_district(listed: frozenset[tuple[str, str]], core: str, places: Sequence[tuple[int, str]],
                    region: str | None) -> bool:
    """Whether a place the lists hold as a district of one province only lies, by its document, in the source's
    ``region`` instead (see :attr:`makna.privacy.surrogates.SurrogateGenerator.stray`): the other places of the
    document that name one province each name ``region`` and none names the district's."""
    own = {p for p, _lv in listed}
    if len(own) != 1 or {lv for _p, lv in listed} != {"district"} or region not in PROVINCES or region in own:
        return False
    others = [found for _at, text in places if split_place(text)[1].casefold() != core.casefold()
              and len(found := named_provinces(split_place(text)[1])) == 1]
    return any(region in f for f in others) and not any(own & f for f in others)


def _replace_all(text: str, dets: Sequence[Detection], key: KeyMapping, mode: Mode, language: str, mask_char: str,
                 region: str | None, tradition: str | None) -> tuple[str, list[Replacement]]:
    out: list[str] = []
    reps: list[Replacement] = []
    pos = 0
    new_pos = 0
    places = [(d.start, d.text) for d in dets if d.type in _PLACED]
    for det in dets:
        if det.start < pos:
            raise ValueError("detections overlap; resolve them first")
        if det.end > len(text) or text[det.start : det.end] != det.text:
            raise ValueError(f"detection {det.start}..{det.end} does not match the text")
        out.append(text[pos : det.start])
        new_pos += det.start - pos
        # An English possessive inside a name's span ("Margaret Oduya's") is grammar, not the name: the name
        # gets its surrogate (the same as elsewhere) and the "'s" stays.
        original = _original(det)
        end = det.start + len(original)
        gender = honorific_gender(text, det.start) if det.type == "PERSON" else None
        own = _place_region(key, text, det, places, region or key.region) if det.type in _PLACED and mode == \
            "surrogate" else None
        # a place its context puts in Indonesia gets an Indonesian place, in an English text too
        placed = "id" if own is not None and not is_country(own) else language
        try:
            new = key.replacement(det.type, original, mode, language=placed, mask_char=mask_char, gender=gender,
                                  region=own or region, tradition=tradition)
        finally:
            key._gen.placed, key._gen.division, key._gen.stray = False, "", False
        out.append(new)
        reps.append(Replacement(det.start, end, new_pos, new_pos + len(new), det.type, original, new))
        new_pos += len(new)
        pos = end
    out.append(text[pos:])
    return "".join(out), reps
