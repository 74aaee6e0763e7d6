"""Families for surrogates: the people one source makes kin, and the naming tradition a family's names keep
(issue #11, round twenty-five; trial13 #10: ``Oluwaseun Adeyemi``, a Yoruba name, became ``Alexis Parkinson``
while her daughter ``Ngozi`` became the Igbo ``Chidimma``).

People are one family where the text makes them so: they share a surname (the last word of a name of two or
more, a lone name after ``Mr``/``Mrs``/``Dr`` or a Batak family name standing alone), a kin word with a
possessive links them (``her daughter Ngozi``, ``my husband, Tomasz``, ``anak saya Yanti``, ``adiknya Rudi``,
``istri saya``, ``ayahnya``: a first-person possessive the speaker of the turn, where a label or a
self-introduction names one, a third-person one the person named last before it in the turn), a kin word stands
between two names (``Oluwaseun's daughter Ngozi``, ``Siti, istri Pak Budi``), or a patronymic joins them
(``Ahmad bin Usman`` and ``Siti binti Usman``, and ``Usman Hasan``). Read by surrogates only.

A surrogate's tradition follows the original's where makna can tell it (the name lists' tradition of one of the
name's own words, :func:`name_lineage`: an Indonesian tradition, one of
:data:`~makna.privacy.foreign_names.ABROAD_TRADITIONS`, or a foreign locale such as ``en_NG``), else the family's
(:func:`family_lineage`: the one most of its members' names tell, the first named on a tie), else the source's
region, as before. A shared surname already gets one surrogate in the whole project (a name word's surrogate is
the project's); the lineage a name word was drawn under is kept in the key, so a family met again in another
source keeps its tradition."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import Final

from .foreign_names import name_tradition
from .naming import (
    _FAMILY_TRADITIONS,
    COUNTRY_LOCALES,
    KIN_GENDER,
    PROVINCE_TRADITION,
    _held_locale,
    _unlisted,
    is_particle,
    is_title,
    name_language,
    surname_title,
    token_traditions,
)
from .place_countries import _TURN_START
from .regions import NATIONAL
from .types import Detection

__all__ = ["family_groups", "family_lineage", "name_lineage", "token_lineage"]

_NOT_FAMILY: Final = frozenset({"boyfriend", "girlfriend", "cowok", "cewek", "fiance", "fiancé", "fiancee", "fiancée"})
_KIN_WORDS: Final = sorted(
    (set(KIN_GENDER) - _NOT_FAMILY)
    | set(
        "anak adik adek kakak cucu sepupu keponakan ponakan saudara saudari mertua menantu ipar child children kid "
        "kids cousin sibling parent grandchild spouse".split()
    ),
    key=lambda w: (-len(w), w),  # longest first, then alphabetical: the same pattern text in every process
)
"""Words of kin and marriage (not of courtship: a boyfriend is not yet family)."""
_KIN = "|".join(_KIN_WORDS)
_SEX = r"(?:[ \t]+(?:laki-laki|perempuan|lelaki|pria|wanita|cowok|cewek))?"
_HONORIFIC = r"(?:(?:pak|bapak|bu|ibu|mas|mbak|bang|kak|uda|uni|om|tante|mr|mrs|ms|miss|dr|haji|hj)\.?[ \t]+)?"
_SELF: Final = frozenset({"my", "our", "ku", "saya", "aku", "gue", "gua", "kami", "kita"})
_OTHER: Final = frozenset({"his", "her", "their", "nya", "dia", "beliau", "mereka"})
_EN_BEFORE = re.compile(
    rf"(?<![\w-])(?P<poss>my|his|her|our|their)[ \t]+(?:(?:late|dear|eldest|youngest|elder|older|younger|little|"
    rf"big|only|own)[ \t]+)*(?:{_KIN})(?:-in-law)?[ \t]*,?[ \t]*(?:(?:named|called)[ \t]+)?{_HONORIFIC}$",
    re.I,
)
_ID_BEFORE = re.compile(
    rf"(?<![\w-])(?:{_KIN}){_SEX}(?P<aff>ku|nya)?(?:[ \t]+(?P<poss>saya|aku|gue|gua|kami|kita|dia|beliau|mereka))?"
    rf"[ \t]*,?[ \t]*(?:(?:yang[ \t]+)?(?:bernama|namanya|nama)[ \t]+)?{_HONORIFIC}$",
    re.I,
)
_AFTER = re.compile(
    rf"^[ \t]*[,(][ \t]*(?:(?:who[ \t]+is|yang|dia|ia|is|was)[ \t]+)?(?:(?P<en>my|his|her|our|their)[ \t]+)?"
    rf"(?:{_KIN}){_SEX}(?:-in-law)?(?P<aff>ku|nya)?(?:[ \t]+(?P<poss>saya|aku|gue|gua|kami|kita|dia|beliau|mereka))?"
    r"(?![\w-])",
    re.I,
)
_BETWEEN = re.compile(
    rf"^(?:['\u2019]s)?[ \t]+(?:(?:late|eldest|youngest|elder|younger|little|only)[ \t]+)*(?:{_KIN})(?:-in-law)?"
    rf"[ \t]*,?[ \t]*(?:(?:named|called|bernama)[ \t]+)?$"
    rf"|^[ \t]*,[ \t]*(?:(?:yang|who[ \t]+is|is)[ \t]+)?(?:the[ \t]+)?(?:{_KIN}){_SEX}(?:-in-law)?[ \t]+(?:of[ \t]+)?"
    rf"{_HONORIFIC}$",
    re.I,
)
"""Text between two names that makes them kin: ``Oluwaseun's daughter Ngozi``, ``Siti, istri Pak Budi``."""
_INTRO = re.compile(
    r"(?i)(?:nama[ \t]+saya|namaku|nama[ \t]+aku|my[ \t]+name[ \t]+is|i'm|i[ \t]+am|call[ \t]+me|"
    r"panggil[ \t]+saya|(?:^|(?<=[.!?:,]))[ \t]*saya)[ \t]+(?:adalah[ \t]+)?"
    r"(?:(?:pak|bapak|bu|ibu|mas|mbak|uda|uni|kak)[ \t]+)?$"
)
_LABEL = re.compile(r"[ \t]*([^\n:]{1,40}?)[ \t]*:")
_PATRONYMIC: Final = frozenset({"bin", "binti", "binte", "bte", "bt", "ibn", "ap", "ferch"})


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _words(name: str) -> list[str]:
    """A name's own words: titles, particles and an English possessive left out."""
    return [t for t in re.sub(r"['\u2019]s\Z", "", name.strip()).split() if not is_title(t) and not is_particle(t)]


class _Source:
    """One source's text and person detections, with its turns' starts and its self-introduced name read once."""

    def __init__(self, text: str, persons: Sequence[Detection]) -> None:
        self.text = text
        self.persons = persons
        self.starts = [p.start for p in persons]
        self.turns = [m.start() for m in _TURN_START.finditer(text)]
        self.intro = next((p for p in persons if _INTRO.search(text, max(0, p.start - 20), p.start)), None)

    def turn_start(self, at: int) -> int:
        """Where the turn (or paragraph) holding ``at`` starts (:func:`makna.privacy.place_countries._turn`)."""
        k = bisect.bisect_right(self.turns, at)
        return self.turns[k - 1] if k else 0

    def speaker(self, at: int) -> Detection | None:
        """The person the turn holding ``at`` is spoken by: a name in its label, else the source's self-introduced
        name (``nama saya Sari``, ``my name is Ada``)."""
        label = _LABEL.match(self.text, self.turn_start(at))
        if label is not None:
            k = bisect.bisect_left(self.starts, label.start(1))
            if k < len(self.persons) and self.persons[k].start < label.end(1):
                return self.persons[k]
        return self.intro

    def anchor(self, poss: str, i: int) -> Detection | None:
        """The person a possessive before or after the kin word of the ``i``-th name points to."""
        det = self.persons[i]
        poss = poss.casefold()
        if poss in _SELF:
            found = self.speaker(det.start)
            return found if found is not det else None
        if poss in _OTHER:
            left = self.turn_start(det.start)
            for j in range(i - 1, -1, -1):
                if self.persons[j].start < left:
                    break
                if _key(self.persons[j].text) != _key(det.text):
                    return self.persons[j]
        return None

    def kin_links(self) -> Iterable[tuple[Detection, Detection]]:
        """Pairs of people a kin word makes one family."""
        text, persons = self.text, self.persons
        for i, det in enumerate(persons):
            for m in (
                _EN_BEFORE.search(text, max(0, det.start - 60), det.start),
                _ID_BEFORE.search(text, max(0, det.start - 60), det.start),
            ):
                poss = (m.group("poss") or (m.groupdict().get("aff") or "")) if m is not None else ""
                if poss and (anchor := self.anchor(poss, i)) is not None:
                    yield anchor, det
            after = _AFTER.match(text[det.end : det.end + 60])
            poss = (after.group("en") or after.group("poss") or after.group("aff") or "") if after is not None else ""
            if poss and (anchor := self.anchor(poss, i)) is not None:
                yield anchor, det
            if i + 1 < len(persons) and _BETWEEN.search(text[det.end : persons[i + 1].start]):
                yield det, persons[i + 1]


def family_groups(text: str, detections: Iterable[Detection]) -> list[list[str]]:
    """The families one source makes of its person names (see the module documentation): each a list of names
    (as written, first mention first) of two or more people."""
    persons = sorted((d for d in detections if d.type == "PERSON"), key=lambda d: d.start)
    parent: dict[str, str] = {}
    order: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.setdefault(k, k) != k:
            k = parent[k]
        return k

    def join(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    surnames: dict[str, str] = {}
    for det in persons:
        key = _key(det.text)
        order.setdefault(key, det.text)
        find(key)
        toks = det.text.split()
        words = _words(det.text)
        last = words[-1].casefold() if len(words) > 1 else None
        if len(words) == 1 and (surname_title(text, det.start) or _family_name(words[0])):
            last = words[0].casefold()  # Mrs Adeyemi, Siregar alone
        if last is not None and len(last) >= 3:
            join(key, surnames.setdefault("s:" + last, key))
        for a, b in zip(toks, toks[1:], strict=False):  # Ahmad bin Usman: Usman's children, and Usman himself
            if a.casefold() in _PATRONYMIC:
                join(key, surnames.setdefault("p:" + b.casefold(), key))
    for det in persons:
        words = _words(det.text)
        if words and (father := surnames.get("p:" + words[0].casefold())) is not None and len(words) > 1:
            join(_key(det.text), father)
    for one, other in _Source(text, persons).kin_links():
        join(_key(one.text), _key(other.text))
    groups: dict[str, list[str]] = {}
    for key, name in order.items():
        groups.setdefault(find(key), []).append(name)
    return [g for g in groups.values() if len(g) > 1]


def _family_name(word: str) -> bool:
    return any(r == "family" for _t, r, _g in _index_of(word))


def _index_of(word: str) -> frozenset[tuple[str, str, str]]:
    from .naming import _token_index

    return _token_index().get(word.lower(), frozenset())


def token_lineage(token: str, region: str | None, language: str) -> str | None:
    """The tradition a name word's own lists tell in a source of ``region`` (see :func:`name_lineage`), else
    None: a word no list holds, or one that several traditions share."""
    if is_title(token) or is_particle(token) or _unlisted(token):
        return None
    country = COUNTRY_LOCALES.get(region or "")
    if name_language(token, "en" if country else language, abroad=country is not None) == "en":
        return _held_locale(token, country) if country else "en_GB"  # at home: English lists only
    own = token_traditions(token) & _FAMILY_TRADITIONS
    local = PROVINCE_TRADITION.get(region or NATIONAL)
    if len(own) == 1:
        return next(iter(own))
    return local if local in own else None


def name_lineage(tokens: Sequence[str], region: str | None, language: str) -> str | None:
    """The tradition a name's own words tell: its shape abroad (:func:`makna.privacy.foreign_names.
    name_tradition`), else that of its last word whose lists tell one (a surname speaks for the family)."""
    words = [t for t in tokens if not is_title(t) and not is_particle(t)]
    if not words:
        return None
    abroad = name_tradition(words, region)
    if abroad is not None:
        return abroad
    return next((found for t in reversed(words) if (found := token_lineage(t, region, language)) is not None), None)


def family_lineage(members: Sequence[str], region: str | None, language: str) -> str | None:
    """The tradition most of a family's names tell (:func:`name_lineage`; a tie: the first named's), else None."""
    told = [found for m in members if (found := name_lineage(_words(m), region, language)) is not None]
    if not told:
        return None
    return max(dict.fromkeys(told), key=told.count)
