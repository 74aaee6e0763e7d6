"""A name the sentence itself says is an organisation is an ORG (issue #11, round twenty-two, type22).

Groups, circles, unions, churches and co-operatives are often named by an invented word or by two ordinary
words (a slogan, a wish): nothing in the name says what it is, so the catch-all types it a person, a place list
may know the words as a village, and a preposition of place before it (``I go to X``, ``ke X``) makes it a place.
The speaker usually says what it is, right after the name or right before it:

* **apposition**: the name, a comma (semicolon, colon, bracket, dash), maybe a copula (``it's``, ``that's``,
  ``which is``, ``they're``, ``itu``, ``yaitu``, ``adalah``), a determiner or a possessive (``a``, ``our``,
  ``semacam``, ``sebuah``, ``... kami``), and a kind of organisation: ``X, it's a group for carers``, ``X, that's
  a riders' union``, ``X, itu paguyuban kami``, ``X, koperasi kami di nagari``. In English the kind noun ends its
  noun phrase (``a burial society``; not ``our group leader``, ``a church friend``: a person described by it);
  in Indonesian it opens it (``itu kelompok arisan ibu-ibu``; not ``itu ketua kelompok``);
* **membership**: ``a member of X``, ``anggota X``, ``gabung ke X``.

:func:`said_to_be_orgs` runs after the role passes and retypes such a PERSON or LOCATION span to ORG, and the
other mentions of the same name with it (one name, one type in a document). Never a person a person detector
found by its own cue (``namanya``, ``Bu``, a speaker label) and, for membership, never a listed first name; a
place a place list knows only after a copula (``X, it's a ...``), never after a bare determiner (``Brixton, the
church I go to``: the church is in the place). A place, a person or an app said to be a city, a friend or a tool
keeps its type: the kind nouns are organisations' only. Every kind noun is a common noun of both languages, no
name of any corpus; every name in the tests is invented.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._text import line_before
from .types import Detection

__all__ = ["said_to_be_orgs"]

_EN_KINDS: Final = (
    r"group|club|union|society|association|fellowship|church|parish|chapel|mosque|temple|congregation|circle|"
    r"stokvel|chama|sacco|tontine|co-?op|cooperative|co-operative|collective|charity|network|committee|agency|"
    r"company|firm|business|school|college|academy|choir|team|league|federation|guild|organi[sz]ation|ngo|"
    r"foundation|trust|credit[ \t]+union"
)
_ID_KINDS: Final = (
    r"paguyuban|kelompok|komunitas|perkumpulan|kumpulan|arisan|koperasi|yayasan|serikat|organisasi|lembaga|lsm|"
    r"ormas|majelis|jemaah|jamaah|gereja|sekolah|perusahaan|pabrik|grup|klub|sanggar|persatuan|ikatan|"
    r"himpunan|forum|asosiasi|gabungan|perhimpunan"
)
_COPULA: Final = (
    r"it's|it’s|it[ \t]+is|it[ \t]+was|that's|that’s|that[ \t]+is|which[ \t]+is|which[ \t]+was|they're|they’re|"
    r"they[ \t]+are|itu|yaitu|yakni|adalah|ialah|ini"
)
_EN_DET: Final = r"a|an|our|the|my|their|his|her|one[ \t]+of[ \t]+the|this|that"
_ID_DET: Final = r"semacam|sebuah|satu|salah[ \t]+satu|kayak|macam"
_POSSESSOR: Final = r"kami|kita|saya|ambo|aku|kamu|mereka|kita-kita"
_EN_END: Final = (
    r"[ \t]*(?:$|[,.;:!?)\-–—]|[ \t](?:for|of|in|at|on|that|which|who|where|with|from|near|by|run|runs|i|we|my|"
    r"our|and|they|she|he|back|here|there|now|called)(?![\w\-]))"
)
_FILLER: Final = r"(?!(?:of|for|in|at|from|with|to|and|or|the|a|an|who|that)[ \t])[a-z][\w'’\-]*[ \t]+"
"""A word between a determiner and the kind noun (``a riders' union``), never a preposition (``a member of``)."""
_APPOSED: Final = re.compile(
    r"(?:[ \t]*(?:,|;|:|\(|[–—]|[ \t]-)[ \t]*"
    rf"(?:(?P<cop>{_COPULA})[ \t]+)?"
    r"|(?P<bare>[ \t]+(?:is|was|'s|’s|itu|adalah|ialah|merupakan|yaitu)[ \t]+)"
    r"|(?P<next>[^.!?\n]{0,40}?[.!?][ \t]+(?:it's|it’s|it[ \t]+is|it[ \t]+was|that's|that’s|that[ \t]+is|they're|"
    r"they’re|they[ \t]+are|itu|ini)[ \t]+))"
    r"(?:"
    rf"(?P<en>(?:(?P<det>{_EN_DET})[ \t]+)(?:{_FILLER}){{0,2}}?(?:{_EN_KINDS})s?(?={_EN_END}))"
    rf"|(?P<id>(?:(?P<iddet>{_ID_DET})[ \t]+)?(?:{_ID_KINDS})(?P<poss>[ \t]+(?:{_POSSESSOR})(?![\w\-]))?)"
    r")",
    re.IGNORECASE,
)
"""What follows a name that says it is an organisation (module docstring)."""
_MEMBER: Final = re.compile(
    r"(?<![\w\-])(?i:members?[ \t]+of(?:[ \t]+the)?|membership[ \t]+of(?:[ \t]+the)?|anggota|anggotanya|"
    r"(?:ber)?gabung[ \t]+(?:ke|di|ka)|masuk[ \t]+anggota)[ \t]+$"
)
"""Membership of what follows (``a member of``, ``anggota``, ``gabung ke``)."""
_NAMED_KIND: Final = re.compile(
    rf"(?<![\w\-])(?P<pre>[a-z][\w'’\-]*[ \t]+)?(?:{_EN_KINDS}|{_ID_KINDS})(?:s|nya|nyo)?"
    rf"(?:[ \t]+(?:{_POSSESSOR}|itu|tu|ini))?[ \t]*,?[ \t]*"
    r"(?:(?:it's|it’s|it[ \t]+is|is|was|its[ \t]+name[ \t]+is|the[ \t]+name[ \t]+is)[ \t]+)?"
    r"(?:called|named|namanya|namonyo|bernama|namanyo|nama(?:nya)?[ \t]+itu)[ \t]*[:,\"“]?[ \t]*$",
    re.IGNORECASE,
)
"""A kind of organisation named right before the name: ``an agency called X``, ``a firm called X``, ``ada
kelompok kami, namanya X``, ``paguyuban kami bernama X``."""
_PERSON_BEFORE_KIND: Final = frozenset(
    "mandor ketua bos boss manager owner pemilik admin kepala leader head pastor teacher guru anggota member "
    "teman kawan friend rep pengurus bendahara treasurer secretary sekretaris staf staff pegawai karyawan".split()
)
"""A person described by the kind noun (``mandor perusahaan, namanya X``, ``our group leader``): X is that person."""
_KIND_BEFORE: Final = re.compile(
    r"(?<![\w\-])(?:(?P<from>from|dari|of|with|sama|samo|punya|has|have|had|near|by|behind|beside|dekat)[ \t]+)?"
    r"(?:(?P<det>a|an|the|our|my|their|this|that|its|ada|sebuah|satu)[ \t]+)?(?:nama[ \t]+)?"
    r"(?P<pre>[a-z][\w'’\-]*[ \t]+)?"
    rf"(?P<kind>{_EN_KINDS}|{_ID_KINDS})(?:s|nya|nyo)?(?:[ \t]+(?:{_POSSESSOR}))?"
    r"(?:[ \t]*,|[ \t]+(?:is|was|'s|itu|adalah|yaitu|ya|tu))+[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
"""A kind of organisation, in lower case, said right before the name with a comma or a copula: ``our group,
X``, ``the association is X``, ``kelompok kami itu X``, ``nama paguyubannya X``."""
_PERSON_IN_CLAUSE: Final = re.compile(
    r"(?i:(?<![\w\-])(?:friend|mate|lady|lass|man|fella|guy|bloke|woman|brother|sister|driver|someone|somebody|"
    r"one|people|person|yang|orang|urang|teman|kawan|ibu|bapak|pak|bu))(?![\w\-])"
)
"""A person said to belong to the organisation before it (``a friend from the union, X``): X is that person."""
_ONLINE: Final = re.compile(
    r"(?i:(?<![\w\-])(?:facebook|fb|whatsapp|wa|telegram|instagram|ig|tiktok|line|online|akun|account|page|"
    r"halaman|chat))(?![\w\-])"
)
"""An online group or account: annotated as a handle when named, and left to the handle detectors."""
_WEAK_PERSON: Final = frozenset(
    {"person.repeat", "person.did", "person.gazetteer", "person.coordinated", "person.given_head", "learned"}
)
"""PERSON detectors with no cue of their own next to the name (besides the catch-all's ``unknown.*``): a name
found by ``namanya``, ``Bu``, a speaker label, a verb of speech keeps its type."""


@cache
def _first_names() -> frozenset[str]:
    return gz.first_names("id")  # (both lists, merged)


def _known_place(text: str) -> bool:
    places = gz.all_places()
    return text in places or text.casefold() in places


def _apposed_kind(scan: str, det: Detection, starts: Sequence[int] = ()) -> bool:
    """Whether the text right after ``det`` on its line says it is an organisation, and says it firmly enough for
    ``det``'s type: a listed place or a listed first name only after a copula."""
    m = _APPOSED.match(scan, det.end)
    if m is None or "\n" in m.group(0):
        return False
    if m.group("next") and any(det.end <= i < m.start("next") + len(m.group("next")) for i in starts):
        return False  # another name stands between: "it" in the next sentence may be that one
    firm = bool(m.group("cop") or m.group("bare") or m.group("next"))
    if m.group("id") is not None and not (firm or m.group("iddet") or m.group("poss")):
        return False  # "X, kelompok ..." alone may start another clause
    copula = bool(m.group("cop") or m.group("bare"))
    if det.type == "LOCATION" and _known_place(det.text):
        return copula  # a listed place only after a copula: the next sentence's "it" may be the place's own thing
    if _listed_person(det) or (m.group("next") and det.type == "PERSON" and det.detector.startswith("person.")):
        return copula  # a person (a listed name, or one found by its own cue) is never the next sentence's "it"
    return True


_MEMBER_ENDS: Final = ("of", "the", "anggota", "anggotanya", "ke", "di", "ka")
"""The words :data:`_MEMBER` can end with before its closing blanks (a cheap test before the search)."""
_NAMED_ENDS: Final = ("called", "named", "namanya", "namonyo", "bernama", "namanyo", "itu")
"""The words :data:`_NAMED_KIND` can end with before its closing marks."""
_KIND_ENDS: Final = tuple(
    f"{blank}{word}" for blank in " \t" for word in ("is", "was", "'s", "itu", "adalah", "yaitu", "ya", "tu")
)
"""The copulas :data:`_KIND_BEFORE` can end with (after a blank) before its closing marks, or a comma."""


def _may_end(clause: str, marks: str, ends: tuple[str, ...]) -> bool:
    """False only when no pattern ending with one of ``ends`` (in any case), then blanks, at most one of
    ``marks`` and blanks (``[ \t]*[marks]?[ \t]*$``) matches ``clause``: the three end-anchored searches
    below try every position of up to 80 characters. A closing run holding a character other than ASCII always
    passes (the case-folded matches of ``ſ``, ``ı``, ``İ``, the Kelvin sign)."""
    if clause.endswith("\n"):
        clause = clause[:-1]
    body = clause.rstrip(" \t")
    if body[-1:] and body[-1] in marks:
        body = body[:-1].rstrip(" \t")
    tail = body[-12:]
    return not tail.isascii() or tail.lower().endswith(ends)


def _member_of(scan: str, det: Detection) -> bool:
    before = line_before(scan, det.start, 40)
    if not _may_end(before, "", _MEMBER_ENDS) or not _MEMBER.search(before):
        return False
    if det.type == "PERSON":
        return not _listed_person(det)
    return not _known_place(det.text)


def _named_kind(scan: str, det: Detection) -> bool:
    clause = re.split(r"[.?!;]", line_before(scan, det.start, 80))[-1]
    m = _NAMED_KIND.search(clause) if _may_end(clause, ':,"“', _NAMED_ENDS) else None
    if m is None or _ONLINE.search(clause):
        return False
    pre = (m.group("pre") or "").strip().casefold()
    return pre not in _PERSON_BEFORE_KIND


_NAMING_CUED: Final = frozenset({"person.intro", "person.speech"})
"""Person detectors that read a naming word (``called X``, ``namanya X``): the naming phrase's subject decides."""


def _naming_cued(det: Detection) -> bool:
    return det.type in {"PERSON", "LOCATION"} and det.detector.split("+")[0] in _NAMING_CUED


def _kind_before(scan: str, det: Detection) -> bool:
    clause = re.split(r"[.?!;:]", line_before(scan, det.start, 80))[-1]
    m = _KIND_BEFORE.search(clause) if _may_end(clause, ":", (",", *_KIND_ENDS)) else None
    if m is None or m.group("from") or _ONLINE.search(clause):
        return False
    kind = m.group("kind")
    if kind.casefold() == "agency":
        return False  # "the agency, Sarah Okafor, ...": often the person who answered for it
    if not (kind.islower() or (kind[1:].islower() and not clause[: m.start()].strip())):
        return False  # a kind word inside a name ("Social Club, X"), unless it opens the sentence
    if _PERSON_IN_CLAUSE.search(clause, 0, m.start("kind")):
        return False
    pre = (m.group("pre") or "").strip().casefold()
    if pre in _PERSON_BEFORE_KIND or pre in {"from", "dari", "of", "punya"}:
        return False
    if det.type == "LOCATION" and _known_place(det.text):
        return False
    return not _listed_person(det)


def _listed_person(det: Detection) -> bool:
    """A PERSON span with a listed first name in it that no organisation detector proposed."""
    if det.type != "PERSON" or det.detector.startswith("org."):
        return False
    return any(w in _first_names() for w in det.text.split())


def _retypable(det: Detection) -> bool:
    if det.type == "LOCATION":
        return True
    if det.type != "PERSON":
        return False
    detector = det.detector.split("+")[0]
    return detector.startswith(("unknown.", "org.")) or detector in _WEAK_PERSON


def said_to_be_orgs(scan: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with each PERSON or LOCATION span the sentence says is an organisation typed ORG, and the other
    mentions of the same name with it (module docstring). ``scan``: the text with speaker labels masked."""
    out = list(found)
    names: set[str] = set()
    starts = sorted(d.start for d in out)
    for det in out:
        weak = _retypable(det)
        if weak and (_apposed_kind(scan, det, starts) or _member_of(scan, det) or _kind_before(scan, det)):
            names.add(det.text)
        elif (weak or _naming_cued(det)) and _named_kind(scan, det):
            names.add(det.text)
    if not names:
        return out
    for i, det in enumerate(out):
        if det.text in names and (_retypable(det) or _naming_cued(det)):
            out[i] = Detection(det.start, det.end, "ORG", det.confidence, det.detector, det.text)
    return out
