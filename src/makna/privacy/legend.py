"""A transcript's legend of its speaker codes, read once for every stage that uses it (issue #11, health16).

A transcript may open with a legend: "Keterangan: P = Peneliti, I = Informan", "Key: Int = interviewer, R =
respondent", "[Transkrip. Pwc = pewawancara, Inf = informan.]", "T = pewawancara (Nurul Aisyah)", "Facilitator:
FAC". :func:`read_legend` is the only reader; the speaker labels (:func:`makna.privacy.speakers.legend_codes`),
the person kinds (a legend's persons and codes, :mod:`makna.privacy.person_kinds`) and the late filter (a code
taken for a name, :mod:`makna.privacy.thingwords`) all read its :class:`Legend`.

An entry is ``CODE = role`` (``=``, ``–`` or ``—``; "the", "a", "an" or "sang" may stand before the role; a
name in brackets may follow the role, or a role and one more word: "pewawancara utama (Nurul Aisyah)") or ``Role:
CODE`` / ``Role = CODE`` (the code in capitals: "Moderator: Sari" names a person, no code). The role is an
interview role (:data:`LEGEND_ROLES`), never a relation ("Wilis = her son" is a note, no legend). An entry
stands where a legend does: it opens a line, a sentence or a bracket, follows a field's colon ("Keterangan: P =
..."), or follows the entry before it after a comma, a semicolon, a slash or "dan"/"and". Only the header is
read (:data:`HEAD`): legends sit before or among the first turns.

A code is code-shaped (:attr:`LegendEntry.is_code`) when written in capitals and digits ("INT2", "PWC", "P"),
or mixed case with three letters at most, that spell no listed first name ("Pnl", "Inf", "Res1"); a longer word
or a first name defined as a role ("Sari = informan", "Oyon = informan", "SARI = INFORMAN", "Interviewer:
KATE") is a person's name standing as a code: it is never a generic label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final

from . import gazetteers as gz
from ._fastrx import dispatch
from ._text import is_sentence_initial

__all__ = ["HEAD", "LEGEND_ROLES", "Legend", "LegendEntry", "labels_turns", "read_legend"]

HEAD: Final = 4000
"""How much of a text a legend may occupy (characters from its start)."""

LEGEND_ROLES: Final[frozenset[str]] = frozenset(
    "interviewer interviewee informant researcher respondent participant moderator facilitator interpreter "
    "translator transcriber observer narrator enumerator surveyor pewawancara terwawancara informan narasumber "
    "peneliti responden peserta partisipan penanya penjawab pembicara fasilitator notulen notulis penerjemah "
    "pengamat pendamping".split()
)
"""Roles a legend gives its speaker codes (lower case; a plural "s" may follow): an interviewer's, an informant's
or a helper's word, never a relation nor a header field."""

_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŴŶŸŹŻŽ"
_WORD = rf"[{_UP}](?:[^\W\d_]|['’])+(?:-[{_UP}][^\W\d_]+)?"
_ROLE = "(?i:" + "|".join(sorted(LEGEND_ROLES, key=lambda w: (-len(w), w))) + ")s?(?![\\w'’\\-])"
_CODE_FIRST: Final = re.compile(
    rf"(?<![\w'’\-])(?P<code>[A-Z][A-Za-z]{{0,5}}\d{{0,2}})(?![\w'’\-])[ \t]*[=–—][ \t]*"
    rf"(?:(?i:the|an?|sang)[ \t]+)?(?P<role>{_ROLE})"
    rf"(?:(?:[ \t]+[a-z][a-z\-]+)?[ \t]*\((?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})\))?"
)
_ROLE_FIRST: Final = re.compile(
    "(?P<role>"
    + dispatch(sorted(LEGEND_ROLES, key=lambda w: (-len(w), w)), fold=True, not_after="\\w'’\\-")
    + r"s?)(?![\w'’\-])[ \t]*[=:–—][ \t]*(?P<code>[A-Z]{2,5}\d{0,2})(?![\w'’\-])"
)
_SIGN: Final = re.compile(r"[=–—]")
"""Every ``CODE = role`` entry holds one of these: a header without one holds none, found in one cheap pass."""
_ROLE_TAIL: Final = re.compile(r"[=:–—][ \t]*[A-Z]{2,5}\d{0,2}(?![\w'’\-])")
"""The end of every ``Role: CODE`` entry (a separator and a code in capitals), found the same way."""
_NEXT: Final = re.compile(r"[ \t]*(?:[,;/][ \t]*(?:(?:dan|and|&)[ \t]+)?|[ \t](?:dan|and|&)[ \t]+)[ \t]*")
_OPENER: Final = re.compile(r"[\[(:][ \t]*\Z")


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One entry of a legend: its code and role as written, the span it covers, and the person it names in
    brackets (``name_start == name_end`` when none)."""

    code: str
    role: str
    start: int
    end: int
    code_start: int
    is_code: bool
    """Whether the code is code-shaped (module docstring): a generic label, never a person's name."""
    name_start: int = 0
    name_end: int = 0

    @property
    def code_end(self) -> int:
        return self.code_start + len(self.code)


@dataclass(frozen=True, slots=True)
class Legend:
    """The legend of one text: its entries in the order written (none where the text has no legend)."""

    entries: tuple[LegendEntry, ...] = ()

    @property
    def codes(self) -> frozenset[str]:
        """The code-shaped codes, as written."""
        return frozenset(e.code for e in self.entries if e.is_code)

    @property
    def roles(self) -> dict[str, str]:
        """Each code-shaped code's role, lower case."""
        return {e.code: e.role.lower() for e in self.entries if e.is_code}

    @property
    def names(self) -> tuple[tuple[int, int], ...]:
        """The spans of the persons the legend names in brackets."""
        return tuple((e.name_start, e.name_end) for e in self.entries if e.name_end > e.name_start)

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The spans its entries cover."""
        return tuple((e.start, e.end) for e in self.entries)


@cache
def _given() -> frozenset[str]:
    return gz.first_names("id") | gz.first_names("en") | gz.world_first_names()


def _code_shaped(code: str) -> bool:
    letters = code.rstrip("0123456789")
    if letters.isupper():  # "PWC", "INT2"; a listed first name in capitals ("SARI", "KATE") is a name
        return letters.title() not in _given()
    return len(letters) <= 3 and code not in _given()


def _opens(head: str, start: int) -> bool:
    """Whether an entry at ``start`` stands where a legend opens: a line, a sentence, a bracket, a field."""
    return is_sentence_initial(head, start) or _OPENER.search(head, max(0, start - 12), start) is not None


def labels_turns(text: str, code: str) -> bool:
    """Whether ``code`` labels turns of ``text``: "Pnl:" at a line's start, or the dots of the same length that
    replace a label and its colon in the text the detectors read."""
    n = len(code)
    return re.search(rf"(?m)^[ \t]*(?:{re.escape(code)}[ \t]*:|\.{{{n + 1},{n + 3}}}(?=[ \t]))", text) is not None


@lru_cache(maxsize=8)
def read_legend(text: str) -> Legend:
    """The legend in the header of ``text`` (module docstring); an empty one where it has none."""
    head = text[:HEAD]
    found = list(_CODE_FIRST.finditer(head)) if _SIGN.search(head) is not None else []
    if _ROLE_TAIL.search(head) is not None:  # (most transcripts have no "Role: CODE" entry at all)
        found += _ROLE_FIRST.finditer(head)
    if not found:
        return Legend()
    found.sort(key=lambda m: m.start())
    entries: list[LegendEntry] = []
    last = -1  # where the legend entry just read ends
    taken = -1
    for m in found:
        if m.start() < taken:
            continue  # inside an entry read already ("Interviewer: INT = ...")
        follows = last >= 0 and _NEXT.fullmatch(head, last, m.start()) is not None
        if not (follows or _opens(head, m.start())):
            last = -1
            continue
        last = taken = m.end()
        code = m.group("code")
        name = (m.start("name"), m.end("name")) if "name" in m.re.groupindex and m.group("name") else (0, 0)
        entries.append(
            LegendEntry(code, m.group("role"), m.start(), m.end(), m.start("code"), _code_shaped(code), *name)
        )
    return Legend(tuple(entries))
