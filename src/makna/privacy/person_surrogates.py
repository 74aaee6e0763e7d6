"""Surrogates of person names and of the user names of e-mail addresses and handles: the part of a
project's re-identification key (:class:`makna.privacy.pseudonymise.KeyMapping`) that draws a name's
tokens consistently (gender, language, naming tradition, Minang titles, short forms and nicknames of the
same source) and rebuilds an account's user part from the surrogates of the names and places it holds.

:class:`PersonSurrogates` is a mixin: :class:`~makna.privacy.pseudonymise.KeyMapping` holds the state
it declares below."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Final

from .accounts import new_domain, rebuild_user, segment, split_account
from .adat import adat_roles, clan_names, gelar_words, minang_title_gender
from .families import family_groups, family_lineage, name_lineage
from .foreign_names import AFRICAN_HONORIFICS, AFRICAN_TRADITIONS, abroad_gender, name_tradition
from .name_evidence import LOCAL_CUES, cue_words, evidence_traditions
from .name_forms import OriginalWords, context_full, short_forms
from .naming import (
    NAME_TITLES,
    Gender,
    draw_name,
    is_particle,
    is_title,
    listed_unisex,
    name_gender,
    name_language,
    world_gender,
)
from .sulawesi_titles import read_titles, title_context
from .surrogates import SurrogateGenerator
from .types import Detection

__all__ = ["PersonSurrogates", "TERRITORY_TAGS"]

TERRITORY_TAGS: Final = frozenset({"HK", "HKG", "SG", "SGP", "TW", "TWN", "MY", "MYS", "MO", "KSA", "UAE", "BRU"})
"""Abbreviations of the places migrant workers write after their own name in a chat name (``Warsini HK``,
``Yuli SG``, ``Ani KSA``): where the country or territory they work is, not a surname. A name's last token
written so (upper case, after a given name) stays as it is in the surrogate, as a title does; a territory is a
coarse place (:mod:`makna.privacy.coarse`), not identifying on its own."""


class PersonSurrogates:
    """Person-name and account surrogates of a :class:`~makna.privacy.pseudonymise.KeyMapping`."""

    person_tokens: dict[str, str]
    genders: dict[str, str]
    kin: dict[str, str]
    pronouns: dict[str, str]
    origins: dict[str, str]
    surnames: dict[str, str]
    places: dict[str, str]
    lineages: dict[str, str]
    language: str | None
    _gen: SurrogateGenerator
    _own_language: str | None
    _names: list[list[str]]
    _context: dict[str, tuple[str, bool, bool]]
    _titles: frozenset[str]
    _originals: OriginalWords
    _used: set[str]
    _families: dict[str, list[str]]
    _family_lineages: dict[tuple[int, str | None, str], str | None]
    _cues: dict[str, frozenset[str]]

    def family_context(self, text: str, detections: Iterable[Detection]) -> None:
        """The families the source about to be replaced makes of its names (:mod:`makna.privacy.families`); an
        empty text ends the context."""
        self._families = {" ".join(n.split()).casefold(): group
                          for group in (family_groups(text, detections) if text else []) for n in group}
        self._family_lineages = {}
        self._cues = cue_words(text, detections) if text else {}

    def _lineage(self, original: str, named: Sequence[str], language: str) -> str | None:
        """The tradition a name's words that no list places take: the name's own (another of its words tells
        it), else its family's in this source, else the one a word of the name or of its family was drawn under
        in the project (:attr:`lineages`); None: the region's, as before."""
        region = self._gen.region
        own = name_lineage(named, region, language)
        if own is not None:
            return own
        members = self._families.get(" ".join(original.split()).casefold(), [])
        if (id(members), region, language) not in self._family_lineages:  # (the name itself tells none: see above)
            self._family_lineages[id(members), region, language] = family_lineage(members, region, language)
        found = self._family_lineages[id(members), region, language]
        if found is not None:
            return found
        words = [*named, *(w for m in members for w in m.split())]
        return next((self.lineages[w.lower()] for w in words if w.lower() in self.lineages), None)

    def name_context(self, names: Iterable[str]) -> None:
        """The person names of the source about to be replaced and of its cases' other sources: a short
        form or nickname among them gets the cut of its full name's surrogate (:mod:`makna.privacy.name_forms`);
        an empty iterable ends the context."""
        self._context = {}
        self._names = []
        names = list(names)
        self._titles = title_context([name.split() for name in names])  # La Ode, Daeng: La, Andi are titles too
        for name in names:
            toks = [t for t in name.split() if not is_title(t)]
            self._names.append(toks)
            for i, tok in enumerate(toks):
                key = tok.casefold()
                known = self._context.get(key)
                self._context[key] = (
                    tok,
                    i == 0 if known is None else known[1],
                    len(toks) > 1 or (known is not None and known[2]),
                )

    def _short_form(self, tok: str, language: str, gender: Gender | None) -> str | None:
        """The surrogate of a short form of a longer name token of the context, if one fits."""
        if self._context.get(tok.casefold(), ("", False, False))[2]:
            return None  # part of a full name itself (Yuli Rahmawati): a name of its own
        full = context_full(tok, (k for k in self._context if k != tok.casefold()))
        if full is None:
            return None
        full_tok, full_first, _multi = self._context[full]
        whole = self._token_surrogate(full_tok, full_first, language, gender)
        for candidate in short_forms(tok, full, whole):
            if candidate.casefold() not in self._used and not self._originals.meets(candidate):
                return candidate
        return None

    def _gender_hint(self, tok: str, gender: Gender | None) -> str | None:
        """A name token's gender: the project's honorifics, this occurrence's, kin words, the name lists,
        pronouns after it, then the wider world lists (None or ``""``: unknown)."""
        key = tok.lower()
        return (
            self.genders.get(key)
            or gender
            or self._nickname_gender(key)
            or self.kin.get(key)
            or name_gender(tok)
            or self.pronouns.get(key)
            or world_gender(tok)
        )

    def _nickname_gender(self, key: str) -> str | None:
        """The gender an honorific shows for a nickname of this name word in the source (``Uni Nida`` of
        ``Yusnidar``: a woman), else None."""
        return next(
            (
                self.genders[k]
                for k in self._context
                if k != key and self.genders.get(k) and context_full(k, self._context) == key
            ),
            None,
        )

    def _token_surrogate(
        self,
        tok: str,
        first: bool,
        language: str,
        gender: Gender | None,
        family: str | None = None,
        pool: Sequence[str] = (),
    ) -> str:
        """The project's surrogate of one name token (drawn and remembered on first use); ``family``: the
        language the name's other tokens show (``Kartikasari`` of ``Dewi Kartikasari`` stays Indonesian);
        ``pool``: the words to draw it from instead (a Minang title word, a clan name; :mod:`makna.privacy.adat`)."""
        key = tok.lower()
        if key in self.person_tokens:
            return self.person_tokens[key]
        self._used.add(key)
        self._originals.add([tok])
        value = None if pool else self._short_form(tok, language, gender)
        if pool:
            value = draw_name(self._gen.rng("ADAT", key), [pool], self._used, self._originals.meets)
        if value is None:
            hint = self._gender_hint(tok, gender)
            value = self._gen.person_token(
                tok,
                first=first,
                language=self.origins.get(key) or family or self._own_language or self.language or language,
                gender=hint if hint in {"m", "f"} else None,  # type: ignore[arg-type]
                used=self._used,
                reject=self._originals.meets,
                neutral=hint not in {"m", "f"},
            )
            if value.isupper() and len(value) > 1:  # drawn for a name in capitals: each mention sets its case
                value = value.capitalize()
        self.person_tokens[key] = value
        self._used.add(value.lower())
        return value

    def _person_surrogate(self, original: str, language: str, gender: Gender | None) -> str:
        toks = original.split()
        out: list[str] = []
        # a title inside the name (Daeng, Haji, Teuku...; see makna.privacy.naming) stays, and shows a gender
        # so does a particle among its parts (binti, van, dos; see makna.privacy.naming.is_particle), also where a
        # span opens or ends with it ("binti Usman", "van der Berg"), unless the name is nothing else
        joined = not all(is_particle(t) for t in toks)
        titles = [i for i, t in enumerate(toks) if (i < len(toks) - 1 and is_title(t)) or (joined and is_particle(t))
                  or (0 < i == len(toks) - 1 and t in TERRITORY_TAGS)]
        gender = gender or next((g for i in titles if (g := NAME_TITLES.get(toks[i].rstrip(".").casefold()))), None)
        cues = [*self._cues.get(" ".join(toks).casefold(), ())]
        opening = toks[0].rstrip(".").casefold() if len(toks) > 1 else ""
        if opening in AFRICAN_HONORIFICS and 0 not in titles and name_tradition(
                toks[1:], self._gen.region, [opening]) in AFRICAN_TRADITIONS:
            titles = [0, *titles]  # "Mai Rudo" (Shona: Rudo's mother): the honorific stays, and speaks for the name
            cues.append(opening)
        # a Bugis, Makassar or Buton title (Andi, Karaeng, La Ode, Wa Ode...): kept, its gender and tradition read
        local = read_titles(toks, region=self._gen.region, tradition=self._gen.tradition, context=self._titles)
        if local is not None:
            titles = sorted({*titles, *local.keep})
            gender = gender or local.gender
        roles = adat_roles(toks)  # a Minang gelar or clan name: title words stay, the rest stays Minang
        if roles is not None:
            titles = [i for i, r in enumerate(roles) if r == "keep"]
            gender = gender or next((g for i in titles if (g := minang_title_gender(toks[i]))), None)
        hinted = gender is None  # (a gender the tokens' lists show; a name abroad's own lists come before them)
        if gender is None:  # a name's one gender shown by any of its tokens holds for the others
            hints = [(t, self._gender_hint(t, None)) for i, t in enumerate(toks) if i not in titles]
            shown = {h for _t, h in hints} - {None, ""}
            if len(shown) > 1:  # a birth-order name both genders bear ("Dwi") says nothing against the others
                shown = {h for t, h in hints if not listed_unisex(t) or self.genders.get(t.lower())} - {None, ""}
            if shown == {"m"}:
                gender = "m"
            elif shown == {"f"}:
                gender = "f"
        self._used.update(t.lower() for i, t in enumerate(toks) if i not in titles)
        self._originals.add(t for i, t in enumerate(toks) if i not in titles)
        shown_languages = {name_language(t, "") for i, t in enumerate(toks) if i not in titles} - {""}
        family = shown_languages.pop() if len(shown_languages) == 1 else None
        names = 0
        chosen = self._gen.tradition
        if roles is not None and chosen is None:
            self._gen.tradition = "minang"  # a name's own tradition outweighs the source's region
        elif local is not None and chosen is None and gender is not None:
            # so does the tradition a title shows (its lists are gendered: a name of unknown gender keeps to the
            # names both genders bear, of the region's tradition where it has them)
            self._gen.tradition = local.tradition
        named = [t for i, t in enumerate(toks) if i not in titles]
        lineage = self._gen.lineage = self._lineage(original, named, language) if roles is None else None
        abroad = name_tradition(named, self._gen.region, cues) if roles is None and local is None else None
        if abroad in AFRICAN_TRADITIONS and (said := {AFRICAN_HONORIFICS[c][0] for c in cues
                                                      if c in AFRICAN_HONORIFICS} - {None}) and len(said) == 1:
            gender, hinted = said.pop(), False  # "Mai", "Gogo", "Bhuti": the honorific's gender, whatever the lists
        if abroad is not None and chosen is None:
            self._gen.tradition = abroad  # Cantonese, Hokkien, Tionghoa, Tamil: the name's own shape shows it
            if hinted:  # its given names' gender (a Tamil father's name after them says nothing), before what
                # the other lists make of its tokens (a Taiwanese family name ``Li`` is a woman's name elsewhere)
                shown_abroad = {abroad_gender(t, abroad) for t in named[:1 if abroad == "tamil" else None]} - {None}
                gender = shown_abroad.pop() if len(shown_abroad) == 1 else gender
        told: dict[str, str] = {}
        if chosen is None and roles is None and local is None and abroad is None:
            # a name the lists read as English: the evidence around it first (makna.privacy.name_evidence)
            opens = [toks[0]] if len(toks) > 1 and toks[0].rstrip(".").casefold() in LOCAL_CUES else []
            cues = [*self._cues.get(" ".join(toks).casefold(), ()), *opens]
            words = [t for t in named if t not in opens]
            by_index = evidence_traditions(words, cues=cues, language=language, region=self._gen.region)
            told = {words[i].lower(): tradition for i, tradition in by_index.items()}
        base = self._gen.tradition
        try:
            for i, tok in enumerate(toks):
                if i in titles:
                    out.append(tok)
                    continue
                names += 1
                self._gen.tradition = told.get(tok.lower(), base)
                role = roles[i] if roles is not None else "name"
                pool = gelar_words() if role == "gelar" else (clan_names() if role == "clan" else ())
                # a lone name after Dr/Mr/Mrs in an English source is a surname: its surrogate one too
                first = names == 1 and not (len(toks) == 1 and language == "en" and tok.lower() in self.surnames)
                out.append(_cased_like(tok, self._token_surrogate(tok, first, language, gender, family, pool)))
                if lineage is not None:
                    self.lineages.setdefault(tok.lower(), lineage)
        finally:
            self._gen.tradition, self._gen.lineage = chosen, None
        return " ".join(out)

    def _account_name(self, run: str, language: str) -> str | None:
        """The surrogate of a run of letters of a user name that is a name (or names) or place of the
        project, else None."""
        low = run.casefold()

        def known(piece: str) -> bool:
            return len(piece) >= 3 and (
                piece in self.person_tokens or piece in self._context or context_full(piece, self._context) is not None
            )

        parts = segment(low, known)
        if parts is not None:
            return "".join(
                self._token_surrogate(*self._context.get(p, (p, True, False))[:2], language, None).casefold()
                for p in parts
            )
        rest = segment(low[1:], known) if len(low) >= 4 else None
        if rest is not None:  # "tnowak": an initial, then names; the initial of the one first name it fits
            firsts = [v for k, v in self._context.items() if v[1] and v[2] and k.startswith(low[0])]
            initial = (
                self._token_surrogate(firsts[0][0], True, language, None)[:1].casefold() if len(firsts) == 1 else low[0]
            )
            return initial + "".join(
                self._token_surrogate(*self._context.get(p, (p, True, False))[:2], language, None).casefold()
                for p in rest
            )
        place = self.places.get(_place_key(run))
        return place.casefold().replace(" ", "") if place is not None else None

    def _account_initial(self, letter: str, runs: list[str], language: str) -> str | None:
        """The initial of the surrogate of the one name word of the context that ``letter`` begins, in a full
        name of which another word is one of ``runs`` (``nurhayati.t``, with ``Nurhayati Tanjung``), else None."""
        found = {
            (tok, i == 0)
            for name in self._names
            for i, tok in enumerate(name)
            if tok.casefold().startswith(letter.casefold()) and any(o.casefold() in runs for o in name if o != tok)
        }
        if len(found) != 1:
            return None
        tok, first = found.pop()
        return self._token_surrogate(tok, first, language, None)[:1].casefold()

    def _account(self, kind: str, original: str, language: str, clashes: Callable[[str], bool]) -> str | None:
        """An e-mail address or handle with the person's surrogate in it (:mod:`makna.privacy.accounts`)."""
        parts = split_account(kind, original)
        if parts is None:
            return None
        before, user, after = parts
        value = original
        for attempt in range(50):
            rng = self._gen.rng("ACCOUNT", kind, original, str(attempt))
            used = set(self._used)

            def word(r: random.Random, used: set[str] = used) -> str:
                drawn = self._gen.account_word(r, language, reject=self._originals.meets, used=used)
                used.add(drawn)
                return drawn

            value = (
                before
                + rebuild_user(
                    user,
                    rng,
                    lambda run: self._account_name(run, language),
                    word,
                    lambda letter, runs: self._account_initial(letter, runs, language),
                )
                + new_domain(rng, after)
            )
            if not clashes(value):
                return value
        return value


def _place_key(name: str) -> str:
    """A place's own name as a key: case-folded, runs of spaces, ``-``, ``_`` and ``.`` as one space."""
    return " ".join(re.split(r"[\s\-_.]+", name.casefold())).strip()


def _cased_like(original: str, new: str) -> str:
    """``new`` written as ``original`` is: lower case, capitals, or joined by ``-``/``_`` (``ojol-dedi``)."""
    if original.islower():
        new = new.lower()
    elif original.isupper() and len(original) > 1:
        new = new.upper()
    joiner = next((c for c in "-_." if c in original), None) if not any(c.isspace() for c in original) else None
    return new.replace(" ", joiner) if joiner else new
