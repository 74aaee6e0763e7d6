"""The slot of an unknown name in a gig-work clause, and a venue visited (issue #11, branch deidtype3).

The catch-all (:mod:`makna.privacy.catchall`) types an unknown capitalised word with no person's evidence as a
PERSON for want of anything better, and :mod:`makna.privacy.roletypes` retypes it by the phrase before it
(``kerja di``, ``I ride for``, ``my account on``) or by a few frames of apps named in turn. Riders name their
apps and employers in more slots than those phrases: as the object of ``do`` (``I mainly do Vorrel``), a side
job (``with Pakkit on the side``), the subject of what only a platform does to a rider (``Vorrel is my main
app``, ``Pakkit locked my account``, ``Fooply paid me late``), a switch (``switched to Chompio``), an
appositive that names a firm (``at Corvane, the big furniture place``). :func:`app_slot` says whether a one-word
catch-all guess stands in one of them: the clause decides its type, not a list of names (every name here is
invented). Slots a person fills too need more (review fixes, fixtype3): ``quit X``, ``joined X`` and ``X locked
me`` a work or app cue in the sentence; ``do X`` no object after X (``I did X a favour``) and X no common English
word (``I do Boxing``).

:func:`visited_venue` says whether an ORG venue (a pub, a kitchen, a tearoom, a hall: no ORG kind word of its
own) is named as a place the speaker goes to, picks people up from or meets at (``picked up a group from The
Gorsewick Arms``, ``to church at Marlowe Hall``): the writers annotate those LOCATION, the place one works at
ORG.
"""

from __future__ import annotations

import re
from typing import Final

from . import gazetteers as gz

__all__ = ["app_slot", "visited_venue"]

_DO_BEFORE: Final = re.compile(
    r"(?:(?<![\w\-])(?:I|we|you|they|he|she|(?i:still|also|just|mainly|mostly|only|now|usually|sometimes)))"
    r"[ \t]+(?:do|does|did)[ \t]+$"
)
"""``I do X``, ``mainly do X``: an activity or a platform one does, never a person (``do X's hair``: 's)."""
_DO_OBJECT: Final = re.compile(
    r"[ \t]+(?:(?:a|an)[ \t]+(?!(?:lot|bit|little|few|couple|fair|day|night|week|month|while|hour)\b)[a-z]|"
    r"(?:me|him|her|us|them|you|my|his|their|our|your|no|any)\b|"
    r"(?:wrong|dirty|proud|justice|favou?rs?|lifts?)\b)"
)
"""An object after ``do X`` (``I did X a favour``, ``did X a lift``, ``did X wrong``): X is the one done for, a
person (``a bit``, ``a lot``, ``a few days`` are how much one does X, not an object)."""
_SIDE_AFTER: Final = re.compile(
    r"[ \t]+(?:on[ \t]+the[ \t]+side|as[ \t]+a[ \t]+side[ \t]+(?:job|gig|hustle)|part[ \t\-]time|full[ \t\-]time)\b",
    re.IGNORECASE,
)
"""``with X on the side``, ``X part-time``: a side job."""
_SUBJECT_ACT: Final = re.compile(
    r"[ \t]+(?:(?:has|had|have|just|then|also|finally|never|always)[ \t]+)?(?i:"
    r"(?:is|was|'s|’s)[ \t]+(?:my|our|his|her|their|the)[ \t]+(?:main|first|second|other|old|new|backup|best)"
    r"[ \t]+(?:app|one|platform|gig|job|employer)|"
    r"(?:paid|pays|owes|owed|docked|fined|charged)[ \t]+(?:me|us|him|her|them)\b|"
    r"(?:cut|raised|dropped|changed|lowered)[ \t]+(?:the|my|our|their|its|his|her)[ \t]+(?:fees?|pay|rates?|bonus"
    r"(?:es)?|fares?|commission|zones?)\b)"
)
"""What a platform or an employer does to a rider as the clause's subject (``X is my main app``, ``X paid me
late``, ``X cut the fees``)."""
_LOCK_ACT: Final = re.compile(
    r"[ \t]+(?:(?:has|had|have|just|then|also|finally|never|always)[ \t]+)?(?i:"
    r"(?:locked|blocked|froze|suspended|closed|deactivated|restricted)[ \t]+(?:me|him|her|us|them|my|his|our|"
    r"their)\b)"
)
"""``X locked my account``, ``X blocked me``: a platform's act only with a work or app cue in the sentence (a
person locks one out of a flat too)."""
_SWITCH_BEFORE: Final = re.compile(
    r"(?i:(?<![\w\-])(?:switch(?:ed|ing)?|mov(?:ed|ing)[ \t]+over|changed)[ \t]+to)[ \t]+$"
)
"""A change of platform or employer (``switched to X``, ``moved over to X``)."""
_JOIN_BEFORE: Final = re.compile(r"(?i:(?<![\w\-])(?:joined|rejoined|left|quit|went[ \t]+over[ \t]+to))[ \t]+$")
"""``joined X``, ``quit X``: a platform or an employer only with a work or app cue in the sentence (one quits a
partner, joins a friend)."""
_FIRM_APPOSITIVE: Final = re.compile(
    r"[ \t]*,[ \t]+(?:the|a|an)[ \t]+(?:[\w\-]+[ \t]+){0,3}?"
    r"(?i:shop|store|chain|firm|company|supermarket|warehouse|retailer|outfit|agency|app|platform|courier|"
    r"business|brand|factory|depot)\b"
)
"""``X, the big furniture store``, ``X, a courier firm``: an appositive that names a firm."""
_PLACE_APPOSITIVE: Final = re.compile(r"[ \t]*,[ \t]+(?:the|a|an)[ \t]+(?:[\w\-]+[ \t]+){0,3}?(?i:place)\b")
_JOB_WORDS: Final = re.compile(
    r"(?i:(?<![\w\-])(?:tills?|shifts?|work(?:ed|ing|s)?|job|jobs|employ\w*|hired|sacked|laid[ \t]+off|"
    r"stacking|packing|warehouse|apps?|orders?|deliver\w*|riders?|drivers?|couriers?))(?![\w\-])"
)
_APP_WORDS: Final = re.compile(
    r"(?i:(?<![\w\-])(?:rid(?:e|es|ing)|rode|driv(?:e|es|ing)|drove|deliver\w*|orders?|accounts?|apps?|"
    r"platforms?|shifts?|riders?|drivers?|couriers?|customers?|payouts?|fees?|gigs?|jobs?|work(?:ed|ing|s)?|"
    r"employ\w*|hired|sacked|bonus(?:es)?|ratings?|pings?|drops?))(?![\w\-])"
)
"""A work or app cue anywhere in the sentence (``I quit X after they cut the fees on the app``)."""


def app_slot(scan: str, start: int, end: int, before: str) -> bool:
    """Whether the one-word name at ``scan[start:end]`` (``before``: its line's text up to it) stands in a slot of
    a gig-work clause (module docstring): then an app or an employer, an ORG."""
    if scan.startswith(("'s", "’s"), end):
        return False
    if _DO_BEFORE.search(before) and not _DO_OBJECT.match(scan, end):
        if scan[start:end].casefold() not in gz.english_words():  # (``I do Yoga``, ``do Boxing``: an activity)
            return True
    if _SWITCH_BEFORE.search(before) or _SIDE_AFTER.match(scan, end):
        return True
    if _SUBJECT_ACT.match(scan, end) or _FIRM_APPOSITIVE.match(scan, end):
        return True
    if _JOIN_BEFORE.search(before) or _LOCK_ACT.match(scan, end):
        return _app_sentence(scan, start, end)
    if _PLACE_APPOSITIVE.match(scan, end):
        sentence = max(scan.rfind(c, 0, start) for c in ".?!\n") + 1
        return bool(_JOB_WORDS.search(scan, sentence, start))
    return False


def _app_sentence(scan: str, start: int, end: int) -> bool:
    """Whether the sentence of ``scan[start:end]`` holds a work or app cue (:data:`_APP_WORDS`), the name aside."""
    first = max(scan.rfind(c, 0, start) for c in ".?!\n") + 1
    ends = [i for i in (scan.find(c, end) for c in ".?!\n") if i >= 0]
    last = min(ends) if ends else len(scan)
    return bool(_APP_WORDS.search(scan, first, start) or _APP_WORDS.search(scan, end, last))


_VENUE_LAST: Final = frozenset(
    "arms inn tavern pub bar tearoom tearooms kitchen hall lounge grill diner canteen chippy café cafe".split()
)
"""A venue's last word: a pub, an inn, a tearoom, a kitchen, a hall."""
_VISIT_BEFORE: Final = re.compile(
    r"(?i:(?<![\w\-])(?:pick(?:s|ed|ing)?[ \t]+(?:up[ \t]+)?(?:a|an|the|two|three|four|five|some)?[ \t]*"
    r"(?:group|couple|lads|guys|men|women|girls|people|passengers?|fares?|family|man|woman|guy|lady|bloke|"
    r"customers?|students?)[ \t]+(?:up[ \t]+)?|"
    r"(?:go(?:es)?|went|going|come|came|coming)[ \t]+(?:to[ \t]+)?(?:church|mass|prayers|services?|choir|"
    r"meetings?|bingo)[ \t]+|"
    r"(?:meet|met|meeting|sit|sat|wait(?:ed)?)[ \t]+(?:\w+[ \t]+){0,2}?)"
    r"(?:from|at|outside|in|by)[ \t]+(?:the[ \t]+)?$)"
)
"""Going somewhere, picking people up from it or meeting there (``picked up a group from``, ``to church at``,
``we meet at``)."""


def visited_venue(text: str, before: str) -> bool:
    """Whether the venue ``text`` (its last word a pub's, a kitchen's, a hall's), ``before`` being its line's text
    up to it, is named as a place the speaker visits (module docstring)."""
    words = text.casefold().split()
    return bool(words) and words[-1] in _VENUE_LAST and bool(_VISIT_BEFORE.search(before))
