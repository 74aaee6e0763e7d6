"""A name typed by its role in the sentence, where the open annotations agree (issue #11, branch deidtype2).

The annotators type a venue or a bare name by what it is to the speaker: the place someone lives, stays, waits,
meets or stops at is a LOCATION, the firm someone works or rides for an ORG. Counted over the open splits' gold
ORG, LOCATION and PERSON spans by the phrase just before them (:func:`makna.privacy.typecontext.clause_cue`):
after a stay phrase (``tinggal di``, ``ngekos di``, ``met at``, ``we live at``) 313 LOCATION (plus the
addresses), 4 ORG and no PERSON; after a work phrase (``kerja di``, ``I ride for``) 280 ORG, 39 LOCATION (nearly all
listed towns or kind-word venues) and 5 PERSON. The rules that find a name often type it on weaker evidence (the
catch-all's unknown word is a PERSON by default, ``Church Tarrow`` is an ORG by its head word, ``Rumah Makan X`` a
workplace by its kind word). :func:`type_by_role` runs after the kind-word pass and retypes:

* a PERSON after an origin phrase (``a guy from``, ``from X originally``, ``asal dari``) to LOCATION, and a
  catch-all guess or a PERSON no person detector found after a stay or stop phrase or a place's preposition
  (``tinggal di``, ``singgah di``, ``parkir di``, ``grew up in``, ``in``, ``di``: no gold PERSON follows one);
  never a name a person detector found (``uangnya ada di Ardiwan``: one person, one type in every mention) nor one
  followed by ``'s`` (``in Quorvane's car``); so the chat's ``otw dr X``, where ``dr`` is ``dari``, not a
  doctor's title;
* an ORG without a kind word of its own after a stay or stop phrase, or on the line that says where the
  interview took place (``interview ... at the Oakfield Civic Centre``, ``upstairs at``), to LOCATION;
* a catch-all guess (typed PERSON for want of evidence) or a place no list knows (not the learned layer's),
  after a work or account phrase (``kerja di``, ``a barista at``, ``my account on``, ``signed up with``; not
  after ``from``, nor a place one is posted to) to ORG, unless its kind word makes it a LOCATION;
* a one-word catch-all guess named as the subject of what only a platform does (``Quikly deactivated me``,
  ``when Trevvo closed the account``), in a frame of apps or jobs named in turn (``Mostly Zipply on weekends``,
  ``then Zipply since 2021``), listed after an ORG with a few adverbs (``for Quikly mostly, sometimes Trevvo``)
  to ORG (a frame or a list only with a work or app cue in the sentence and the name ending its clause: not
  ``Usually Mbeluso drives me home``), or named by a self-correction (``for Quikly... no, sorry, Trevvo``) to the
  corrected name's type;
* repeats of a retyped name (same text, same old type) with it.

A span with a person's evidence keeps its type (for a catch-all guess, only a cue next to it counts), and a
decisive ORG kind word inside the span (``Quarry Lane College``) outweighs the role.

Each rule names a shape of language in both languages, never a name of any corpus; every name in these
docstrings is invented.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from . import gazetteers as gz
from ._endwords import EndGated, EndWords
from ._text import line_before
from .appclauses import app_slot, visited_venue
from .kindtypes import KIND_FIRST, KIND_LAST, has_person_evidence, kind_of
from .places import LOCATION_TYPE_WORDS
from .typecontext import clause_cue
from .types import Detection

__all__ = ["place_apposed", "role_of", "type_by_role"]

_CUED: Final = frozenset(
    {"person.intro", "person.honorific", "person.self", "person.speech", "person.nickname", "person.speaker"}
)
"""Person detectors whose cue stands next to the name (``namanya X``, ``Bu X``): an apposition does not undo them."""

_LOC: Final = "LOCATION"
_ORG: Final = "ORG"
_PERSON: Final = "PERSON"

_STOP: Final = EndGated(
    re.compile(
        r"(?i:(?<![\w\-])(?:singgah|mampir|parkir|parked|park|berhenti|ditempatkan|stop(?:ped|s)?[ \t]+(?:at|by)|"
        r"basuo|batamu|katemu|ketemu|janjian|kumpul|nongkrong|ngopi|ngobrol)"
        r"(?![\w\-])[^\n.?!;:,]{0,16}?[ \t](?:at|in|di|dekat|deket|ka|ke)|grew[ \t]+up[ \t]+in|born[ \t]+in|"
        r"(?:live|lives|lived|living|based)[ \t]+in)[ \t]+(?:the[ \t]+)?$"
    ),
    EndWords("at|in|di|dekat|deket|ka|ke", "the"),
)
"""Stopping, parking, meeting or living somewhere (``singgah di``, ``parkir di``, ``grew up in``): the place."""
_ORIGIN: Final = EndGated(
    re.compile(
        r"(?i:(?<![\w\-])(?:(?:guy|man|woman|lady|girl|lad|bloke|boy|family|people|folks|someone|somebody|friend|mate|"
        r"originally|orig|way)[ \t]+from|asal(?:nya|nyo)?(?:[ \t]+dari)?|asli(?:nya|nyo)?[ \t]+dari))[ \t]+$"
    ),
    EndWords("from|asal(?:nya|nyo)?|dari"),
)
"""An origin (``a guy from``, ``originally from``, ``on the way from``, ``asal dari``)."""
_ORIGIN_ID: Final = EndGated(
    re.compile(
        r"(?i:(?<![\w\-])(?:teman|kawan|kanti|urang|orang|warga|cewek|cowok|bapak|ibu)"
        r"(?:[ \t]+\w+)?[ \t]+dari)[ \t]+$"
    ),
    EndWords("dari"),
)
"""An Indonesian origin after a noun for people (``teman dari``, ``urang dari``, ``teman kerja dari``)."""
_PLACE_APPOSED: Final = re.compile(
    r"[ \t]*,[ \t]+(?:(?i:a|an|the|one|sebuah|satu)[ \t]+)?"
    r"(?:(?:small|little|big|tiny|quiet|remote|kecil|besar)[ \t]+)?"
    r"(?:village|town|city|suburb|district|neighbourhood|neighborhood|hamlet|island|province|region|county|"
    r"desa|kampung|kampuang|nagari|jorong|dusun|kota|kecamatan|kabupaten|pulau)"
    r"(?=[ \t]*(?:[,.;:!?)]|\n|$|[ \t](?:in|of|near|outside|on|by|called|where|di|dekat|dari|yang|nan)\b))"
)
"""A place noun in apposition right after a name (``Velkur, a village in Hadra``, ``Sikabau, desa kecil di``):
the name is that place, whatever detector found it."""
_CHAT_FROM: Final = EndGated(
    re.compile(r"(?i:(?<![\w\-])(?:otw|pulang|balik|berangkat|baru))[ \t]+(?:dr|dri)[ \t]+$"),
    EndWords("dr|dri"),
)
"""The chat's ``otw dr`` (on the way from): ``dr`` is ``dari`` there, not a doctor's title."""
_IN: Final = EndGated(
    re.compile(r"(?i:(?<![\w\-])(?:in|near|outside|around|inside|di|dekat|deket|sekitar))[ \t]+$"),
    EndWords("in|near|outside|around|inside|di|dekat|deket|sekitar"),
)
"""A place's preposition: no gold PERSON of the open splits follows one (1,335 LOCATION, 272 ORG)."""
_ORIGIN_AFTER: Final = re.compile(r"[ \t]+originally\b", re.IGNORECASE)
_FROM: Final = EndGated(
    re.compile(r"(?i:(?<![\w\-])from)[ \t]+$"),
    EndWords("from"),
)
_ACCOUNT: Final = EndGated(
    re.compile(
        r"(?i:(?<![\w\-])(?:account|profile|id)[ \t]+(?:on|with|at)|sign(?:ed|ing|s)?[ \t]+up[ \t]+(?:to|with|on|for)|"
        r"(?:rider|riders|driver|drivers|courier|couriers)[ \t]+(?:for|with|on)|"
        r"started[ \t]+(?:at|with|on)|put[ \t]+(?:me|him|her|us|them)[ \t]+onto|akun[ \t]+(?:di|ka|ke)|"
        r"daftar[ \t]+(?:di|ka|ke))[ \t]+$"
    ),
    EndWords("on|with|at|to|for|onto|di|ka|ke"),
)
"""A platform account or a start at a firm (``my account on``, ``signed up with``, ``akun di``)."""
_PLATFORM_ACT: Final = re.compile(
    r"[ \t]+(?:(?:has|had|have|just|then|also|finally)[ \t]+)?(?i:deactivat\w*|suspend\w*|ban(?:s|ned)?|"
    r"clos(?:ed|es|e)[ \t]+(?:the|my|our|his|her|their|your|that)[ \t]+(?:[\w\-]+[ \t]+)?account|"
    r"froze[ \t]+(?:the|my|our|his|her|their)|"
    r"pays?[ \t]+(?:per|by|less|more|better|worse|weekly)|paid[ \t]+(?:per|by|less|more|weekly)|"
    r"(?:never|always|didn't|doesn't|don't)[ \t]+pa(?:y|id)[ \t]+(?:on[ \t]+time|weekly|the[ \t]+bonus))\b"
)
"""What only a firm does to a rider's account or pay (``deactivated me``, ``closed the shared account``)."""
_SINCE: Final = re.compile(r"(?i:(?<![\w\-])(?:then|now|and|later))[ \t]+$")
_SINCE_AFTER: Final = re.compile(r"[ \t]+since[ \t]+(?:the[ \t]+\w+|\d{4}|last|covid|lockdown)\b", re.IGNORECASE)
_JOB_FRAME: Final = re.compile(
    r"(?i:(?<![\w\-])(?:mostly|mainly|usually|a[ \t]+bit[ \t]+of|used[ \t]+to[ \t]+do|doing|try|tried|first|now|then|"
    r"started[ \t]+(?:[\w']+[ \t]+){0,2}(?:with|on)))(?:[ \t]+(?:on|for|with))?[ \t]+$"
)
"""A frame of the jobs or apps one names in turn (``Mostly Zipply``, ``First Quikly, now mostly Trevvo``, ``a bit of
Trevvo``, ``started June 2022 with Quikly``): in English gold, 30 ORG, 7 LOCATION and 3 PERSON follow one."""
_DOING: Final = re.compile(r"(?i:(?<![\w\-])(?:a[ \t]+bit[ \t]+of|used[ \t]+to[ \t]+do|doing))[ \t]+$")
"""A frame that names an activity, never a person (``a bit of X``, ``used to do X``): no other cue needed."""
_WORK_WORD: Final = re.compile(
    r"(?i:(?<![\w\-])(?:for|on|with|apps?|aplikasi|platforms?|accounts?|akun|orders?|orderan|"
    r"deliver(?:y|ies|ing|s|ed)?|couriers?|kurir|riders?|riding|ojol|gigs?|bonus(?:es)?|deactivat\w*|"
    r"a[ \t]+bit[ \t]+of)(?![\w\-]))"
)
"""A work or app cue in the sentence (``for``, ``on``, ``with``, a platform word): what makes a frame of names
in turn (``Mostly X``, ``then X since 2021``) a frame of apps or jobs."""
_CLAUSE_END: Final = re.compile(
    r"[ \t]*(?:[,.;:!?…)\n]|$|(?i:too|as[ \t]+well|now|mostly|mainly|sometimes|for|on|with|since|then|when|"
    r"whenever|if|because|cos|while|until|till|at|in|during|and|or|but|as|kalau|kalo|pas|waktu|sejak)\b)"
)
"""The name ends its clause (``Mostly X, ...``, ``then X since 2021``, ``sometimes X when it's dead``), not a
subject (``then X picked me up``)."""
_SEQUENCE: Final = re.compile(r"(?i:(?<![\w\-])(?:first|dulu|pertama|awalnya)(?![\w\-]))[^.?!\n]*,[ \t]*\w+[ \t]+$")
"""Jobs named in turn before ``then X since ...``: ``first building, then``."""
_ADVERBS: Final = re.compile(
    r"[ \t]+(?:mostly|mainly|usually|normally|often|sometimes|now|then|also|too)?[ \t]*,[ \t]*"
    r"(?:(?:and|or|but|plus)[ \t]+)?(?:sometimes|then|now|also|later|occasionally|often|after[ \t]+that|"
    r"before[ \t]+that|or)[ \t]+",
    re.IGNORECASE,
)
"""Between two platforms named in one breath: ``Quikly mostly, sometimes Trevvo``, ``Quikly, then Trevvo``."""
_CORRECTION: Final = re.compile(
    r"[ \t]*(?:\.{2,3}|…|,|-{1,2}|—)[ \t]*(?:(?i:no|sorry|eh|ah|I[ \t]+mean|maksud(?:nya|ku|ambo)?|salah|bukan)"
    r"[ \t]*[,.…]*[ \t]*){1,3}"
)
"""A self-correction between two names (``Quikly... no, sorry, Trevvo``, ``Kos Tarrawi, eh, Kos Lembayu``)."""
_SETTING: Final = re.compile(
    r"(?i:interview|wawancara|direkam|recorded|held|catatan|tempat|lokasi|upstairs|downstairs|"
    r"back[ \t]+room|kita[ \t]+di)"
)
"""A line about the interview's setting (a researcher's note, a date line)."""
_AT: Final = re.compile(r"(?i:(?<![\w\-])(?:at|di|in|of))[ \t]+(?:the[ \t]+)?$")
_PLACE_FIRST: Final = frozenset(w.split()[0].rstrip(".").casefold() for w in LOCATION_TYPE_WORDS) | frozenset(
    "rumah gang gg jalan jl jln air aia lorong komplek perumahan blok".split()
)
_NOTE_LINE: Final = re.compile(r"^[^\n]{0,40}?(?:\d{4}|:)")


def _listed_place(det: Detection) -> bool:
    return "gazetteer" in det.detector or det.detector in {"location.list", "location.listed"}


def _known_place(text: str) -> bool:
    places = gz.all_places()
    return text in places or text.casefold() in places


def _guess(det: Detection) -> bool:
    """A catch-all guess: one unknown word, typed for want of evidence."""
    return det.detector.startswith("unknown.")


def _setting(scan: str, det: Detection) -> bool:
    before = line_before(scan, det.start, 200)
    if not _AT.search(before):
        return False
    line_start = scan.rfind("\n", 0, det.start) + 1
    head = scan[line_start : det.start]
    return bool(_SETTING.search(head)) and (bool(_NOTE_LINE.match(head)) or "interview" in head.casefold())


def _org_word_inside(text: str) -> bool:
    """Whether a word of ``text`` is a decisive ORG kind word on its own (``College``, ``Hospital``, ``Toko``)."""
    return any(KIND_FIRST.get(w) == _ORG or KIND_LAST.get(w) == _ORG for w in text.casefold().split())


def _place_head(text: str) -> bool:
    """Whether ``text`` starts with a place's type word (``Gang``, ``Jalan``, ``Rumah``, ``Air``)."""
    first = text.split()[0].casefold() if text.split() else ""
    return first in _PLACE_FIRST


def role_of(scan: str, det: Detection, own_kind: str | None) -> str | None:
    """The type the role of ``det`` (a PERSON, ORG or LOCATION span of ``scan``) gives it, or None.
    ``own_kind``: the type its own kind word gives it (:func:`makna.privacy.kindtypes.kind_of`), if any."""
    return _role(scan, det, own_kind)[0]


def _role(scan: str, det: Detection, own_kind: str | None) -> tuple[str | None, bool]:
    """:func:`role_of` and whether the type may spread to the name's repeats: not when only the slot of a
    gig-work clause gave it (``I quit X``, ``I do X``: a repeat needs its own slot, fixtype3)."""
    kind = _role_by_phrase(scan, det, own_kind)
    if kind is None and _slotted(scan, det, own_kind):
        return _ORG, False  # (its slot in a gig-work clause: "I mainly do X", "X is my main app": appclauses.py)
    return kind, True


def _slotted(scan: str, det: Detection, own_kind: str | None) -> bool:
    """Whether ``det``, a weak one-word name, stands in the slot of a gig-work clause (:func:`app_slot`)."""
    if " " in det.text.strip() or own_kind == _LOC or det.type not in (_PERSON, _LOC) or _place_head(det.text):
        return False
    if det.type == _PERSON:
        weak = _guess(det)
    else:  # (a catch-all guess typed LOCATION, no list knows it)
        weak = _guess(det) and not (_listed_place(det) or _known_place(det.text))
    before = line_before(scan, det.start, 80)
    return weak and not _STOP.search(before) and app_slot(scan, det.start, det.end, before)


def _role_by_phrase(scan: str, det: Detection, own_kind: str | None) -> str | None:
    """The type the phrase around ``det`` gives it (:func:`role_of` less the slots of :func:`app_slot`)."""
    before = line_before(scan, det.start, 80)
    cue = clause_cue(before)
    if det.type == _PERSON and own_kind != _ORG and not scan.startswith(("'s", "’s"), det.end):
        if _ORIGIN.search(before) or (_FROM.search(before) and _ORIGIN_AFTER.match(scan, det.end)):
            return _LOC  # (where one comes from: "a guy from X", "from X originally")
        if _placeable(det) and (cue == "stay" or _STOP.search(before) or _IN.search(before)):
            return _LOC
    if det.type == _ORG and own_kind is None and not _org_word_inside(det.text):
        stays = cue == "stay" or _STOP.search(before)
        if (stays and det.detector != "org.suffix") or _setting(scan, det):
            return _LOC
    if det.type == _ORG and own_kind != _ORG and visited_venue(det.text, before):
        return _LOC  # (a pub, a kitchen, a hall one goes to or picks people up from: deidtype3)
    if own_kind == _LOC or det.type == _ORG or _place_head(det.text) or _STOP.search(before):
        return None  # (a place one is posted to, "ditempatkan di", stays one whatever the work word)
    if det.type == _PERSON:
        weak = _guess(det)
    else:  # a place no list knows, not the learned layer's (it read the context already)
        weak = det.detector != "learned" and not (_listed_place(det) or _known_place(det.text))
    if not weak:
        return None
    if (cue == "work" and not _FROM.search(before)) or _ACCOUNT.search(before):
        return _ORG  # (not "drove up from", "the bus from": a place one comes from)
    if det.type == _PERSON and " " not in det.text.strip():
        if _PLATFORM_ACT.match(scan, det.end):
            return _ORG
        since = _SINCE.search(before) and _SINCE_AFTER.match(scan, det.end)
        if (since or _JOB_FRAME.search(before)) and _CLAUSE_END.match(scan, det.end):
            if _work_clause(scan, det, before) or (since and _SEQUENCE.search(before)):
                return _ORG  # (a work or app cue, or jobs in turn: "first building, then X since the pandemic")
    return None


def _placeable(det: Detection) -> bool:
    """Whether a place's preposition or a stay phrase may make a PERSON span a LOCATION: only a catch-all guess,
    a span no person detector found (``uangnya ada di Ardiwan``: a person's name after ``di``) or one found only
    as listed beside a person (``a guy in Velkur, Ravi Sen``: a place and who lives there)."""
    return _guess(det) or not det.detector.startswith("person.") or det.detector == "person.coordinated"


def place_apposed(scan: str, end: int) -> bool:
    """Whether a place noun stands in apposition right after ``end`` (``Velkur, a village in Hadra``)."""
    return bool(_PLACE_APPOSED.match(scan, end))


def _place_apposed(scan: str, det: Detection) -> bool:
    """Whether a place noun stands in apposition right after ``det``, ``det`` not found by a person detector
    whose cue stands next to it."""
    return place_apposed(scan, det.end) and det.detector not in _CUED


def _coordinated_origin(scan: str, det: Detection) -> bool:
    """Whether ``det``, a PERSON found only as listed beside a person, follows a place's preposition or an
    origin (``a guy in Velkur, Ravi Sen``; ``teman dari Sikabau, Rina``): the place the person is from."""
    if det.type != _PERSON or det.detector != "person.coordinated":
        return False
    before = line_before(scan, det.start, 80)
    return bool(_IN.search(before) or _ORIGIN.search(before) or _ORIGIN_ID.search(before))


def _work_clause(scan: str, det: Detection, before: str, cue: str = "") -> bool:
    """Whether the sentence of ``det`` names work or an app: a work phrase before it (``cue``), an activity's
    frame (``a bit of X``), or a work or app cue in the sentence (``mostly for X``, ``X on weekends``, ``app``,
    ``orders``, ``deliveries``, ``akun``)."""
    if cue == "work" or _DOING.search(before):
        return True
    start = max(scan.rfind(c, 0, det.start) for c in ".?!\n") + 1
    ends = [i for i in (scan.find(c, det.end) for c in ".?!\n") if i >= 0]
    return bool(_WORK_WORD.search(scan, start, min(ends) if ends else len(scan)))


def type_by_role(scan: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with named spans retyped by their role (module docstring); a span with evidence of a person
    (:func:`makna.privacy.kindtypes.has_person_evidence`) keeps its type."""
    out = list(found)
    moved: dict[tuple[str, str], str] = {}  # (name, old type) -> the type its role gave one mention
    orgs = {d.text for d in out if d.type == _ORG and not _guess(d)}
    for i, det in enumerate(out):
        if det.type not in (_PERSON, _ORG, _LOC):
            continue
        own = kind_of(det.text)
        if det.type in (_PERSON, _ORG) and own is None and _place_apposed(scan, det):
            out[i] = Detection(det.start, det.end, _LOC, det.confidence, det.detector, det.text)
            continue  # "from Velkur, a village in Hadra": a place noun in apposition
        if det.type == _PERSON and _CHAT_FROM.search(line_before(scan, det.start, 80)):
            out[i] = Detection(det.start, det.end, _LOC, det.confidence, det.detector, det.text)
            continue  # "otw dr X": the chat's "dr" is "dari" (from), not a doctor's title
        if _coordinated_origin(scan, det):
            out[i] = Detection(det.start, det.end, _LOC, det.confidence, det.detector, det.text)
            continue
        if has_person_evidence(scan, det, own is not None or _guess(det)):
            continue  # (a catch-all guess: only a cue next to it counts, not a kin word elsewhere in its sentence)
        kind, spreads = _role(scan, det, own[0] if own else None)
        if kind is None and det.type == _PERSON and _guess(det):
            kind = _ORG if det.text in orgs and " " not in det.text.strip() else _after_org(scan, det, out)
        if kind is not None and kind != det.type:
            out[i] = Detection(det.start, det.end, kind, det.confidence, det.detector, det.text)
        if kind is not None and kind != det.type and spreads and not _listed_place(det):
            moved.setdefault((det.text, det.type), kind)
    if moved:  # repeats of a retyped name follow it (not a listed place, nor a person with a person's cue)
        for i, det in enumerate(out):
            kind = moved.get((det.text, det.type))
            if kind is not None and not _listed_place(det) and not has_person_evidence(scan, det, False):
                out[i] = Detection(det.start, det.end, kind, det.confidence, det.detector, det.text)
    return out


def _after_org(scan: str, det: Detection, found: Sequence[Detection]) -> str | None:
    """ORG for a catch-all guess named right after an ORG with a few adverbs between (``Quikly mostly,
    sometimes Trevvo``); the type of the name a self-correction replaces (``for Quikly... no, sorry, Trevvo``)."""
    if " " in det.text.strip():
        return None
    for other in found:
        if other.type in (_ORG, _LOC) and 0 < det.start - other.end <= 30:
            if _CORRECTION.fullmatch(scan, other.end, det.start):
                return other.type
            if other.type != _ORG or not _ADVERBS.fullmatch(scan, other.end, det.start):
                continue
            before = line_before(scan, other.start, 80)  # (the firm named after a work phrase or with an app word)
            if _CLAUSE_END.match(scan, det.end) and _work_clause(scan, other, before, clause_cue(before)):
                return _ORG
    return None
