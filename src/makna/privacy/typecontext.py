"""Context features for the type question of the precision stage (issue 11, branch deidretype).

The precision stage (:mod:`makna.privacy.precision`) decides whether a named span is an identifier and of which
type. Its type errors on text no one tuned on were mostly between ORG, LOCATION and PERSON, where one name is
an employer in one sentence and a place in the next ("I worked at the Ashdown Hotel" / "we stayed at the
Ashdown Hotel", "kerja di Wisma X" / "tinggal di Wisma X"). The word just before a span ("at", "di") does not
tell them apart; the phrase it ends does. :func:`type_context` gives, for a span, strings the stage weighs
together with the span's current type:

* ``bigram=`` the two words before it on its line ("worked at", "tinggal di");
* ``cue=`` the kind of phrase it ends: ``work`` (the employers' work phrases, :func:`employers.work_phrase_before`,
  or a role and a preposition: "a porter at", "jadi pelayan di"),
  ``stay`` (living, staying, meeting somewhere: "stayed at", "tinggal di", "nginap di", "ketemu di"), ``order``
  (buying or ordering from: "ordered from", "pesan dari", "beli di"), ``move`` (going, coming: "went to", "pergi
  ke", "dari" after a motion verb), ``person`` (a kin or role word or a verb of speech before it: "my cousin",
  "namanya", "kata");
* ``cue=X|head=`` the same kind with the span's type word ("hotel", "kos", "toko", "restaurant"), when its first
  or last word is one: a hotel after a work phrase is the employer, after a stay phrase the place;
* ``next=`` the word after it ("said", "deactivated", "itu", a comma).

Every string names a general shape of language (cue words of both languages), never a name of any corpus.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Final

from ._endwords import EndWords
from ._orgheads import JOB_NOUNS
from .employers import work_phrase_before

__all__ = ["clause_cue", "type_context"]

_TOKEN: Final = re.compile(r"[\w'’\-]+|[^\w\s]")
_STAY_PREPS: Final = "at|in|near|by|outside|inside|of|di|dekat|deket|daerah|sekitar|ka|ke|dalam"
_ORDER_PREPS: Final = "from|at|di|dari|ka|ke"
_MOVE_PREPS: Final = "to|from|into|in|ke|ka|dari|di"
_ROLE_PREPS: Final = "at|for|with|in|di|ka|ke|pada"
_STAY: Final = re.compile(
    r"(?i:(?<![\w\-])(?:stay(?:s|ed|ing)?|live[sd]?|living|lodg(?:e|es|ed|ing)|slept|sleep(?:s|ing)?|"
    r"check(?:ed)?[ \t]+in(?:to)?|booked|rent(?:s|ed|ing)?|room(?:s|ed)?|met|meet(?:s|ing)?|"
    r"hang[ \t]+out|wait(?:s|ed|ing)?|"
    r"tinggal|tingga|nginap|menginap|nginep|ngekos|ngontrak|ngekost|kos|tidur|ketemu|ketemuan|bertemu|jumpa|kumpul|"
    r"nongkrong|duduk|nunggu|menunggu|tunggu|main|makan|ngopi|rumah(?:nya|ku|nyo)?|diam|bamukim|"
    r"lahir|born|grew[ \t]+up)"
    rf"(?![\w\-])[^\n.?!;:,]{{0,16}}?[ \t](?:{_STAY_PREPS}))"
    r"[ \t]+(?:the[ \t]+)?$"
)
_ORDER: Final = re.compile(
    r"(?i:(?<![\w\-])(?:order(?:s|ed|ing)?|pick(?:s|ed|ing)?[ \t]+up|pickup|collect(?:s|ed|ing)?|bought|buy(?:s|ing)?|"
    r"shop(?:s|ped|ping)?|pesan|mesan|memesan|beli|membeli|belanja|ambil|ngambil|jemput|bungkus)"
    rf"(?![\w\-])[^\n.?!;:,]{{0,16}}?[ \t](?:{_ORDER_PREPS}))[ \t]+(?:the[ \t]+)?$"
)
_MOVE_VERBS: Final = (
    r"go|goes|went|going|gone|came|come|comes|coming|moved?|moving|drop(?:s|ped|ping)?|"
    r"deliver(?:ed)?[ \t]+to|ride[ \t]+(?:in|to)|rode[ \t]+to|pergi|pai|datang|tibo|sampai|pindah|pulang|balik|"
    r"jalan|antar|diantar|ngantar|mengantar|kirim[ \t]+ke|asli|orang|urang|anak"
)
_MOVE: Final = re.compile(
    rf"(?i:(?<![\w\-])(?:{_MOVE_VERBS})"
    rf"(?![\w\-])(?:[^\n.?!;:,]{{0,12}}?[ \t](?:{_MOVE_PREPS}))?)[ \t]+(?:the[ \t]+)?$"
)
_PERSON_NOUNS: Final = (
    r"friend|mate|cousin|brother|sister|wife|husband|"
    r"boss|manager|supervisor|neighbour|neighbor|landlord|landlady|coach|teacher|dispatcher|customer|son|daughter|"
    r"uncle|aunt|mum|mom|dad"
)
_PERSON_CUES: Final = (
    r"called|named|namanya|namonyo|bernama|kata|kato|ujar|bilang|temanku|kawan|kakak|"
    r"kakaknya|adik|adiknya|suami|suaminya|istri|pacar|pacarnya|teman|sepupu|bos|bosnya|ketua|ketuanya|"
    r"pemilik|yang[ \t]+punya"
)
_PERSON: Final = re.compile(
    rf"(?i:(?<![\w\-])(?:my|his|her|our|their|a|the)[ \t]+(?:{_PERSON_NOUNS})[ \t,]*$"
    rf"|(?<![\w\-])(?:{_PERSON_CUES})[ \t,]*$)"
)


_ROLE: Final = re.compile(
    r"(?i:(?<![\w\-])(?:was|am|is|are|were|as|been|jadi|sebagai|menjadi)[ \t]+(?:a[ \t]+|an[ \t]+|the[ \t]+)?"
    rf"(?:[a-z\-]{{3,20}}[ \t]+)?(?:{JOB_NOUNS})[ \t]+(?:{_ROLE_PREPS}))[ \t]+(?:the[ \t]+)?$"
)
"""A role and a preposition: "a porter at", "jadi pelayan di", "as a cleaner for": the place of a job."""
_CUE_ENDS: Final = EndWords(_ORDER_PREPS, _STAY_PREPS, _ROLE_PREPS, _MOVE_VERBS, _MOVE_PREPS, "the")
"""The words :data:`_ORDER`, :data:`_STAY`, :data:`_ROLE` and :data:`_MOVE` end with before their closing blanks."""
_PERSON_ENDS: Final = EndWords(_PERSON_NOUNS, _PERSON_CUES, blanks=" \t,", need_blank=False)
"""The words :data:`_PERSON` ends with before its closing blanks and commas."""


@cache
def _type_heads() -> frozenset[str]:
    """Lower-cased first words of the place and organisation type words (``places``: Hotel, Kos, Toko, PT...)."""
    from .places import LOCATION_TYPE_WORDS, ORG_SUFFIX_WORDS, ORG_TYPE_WORDS, PLACE_SUFFIX_WORDS  # noqa: PLC0415

    words = {w.split()[0].rstrip(".").lower() for w in (*LOCATION_TYPE_WORDS, *ORG_TYPE_WORDS)}
    words |= {w.lower() for w in (*ORG_SUFFIX_WORDS, *PLACE_SUFFIX_WORDS)}
    return frozenset(words)


@lru_cache(maxsize=4096)
def clause_cue(before: str) -> str:
    """The kind of phrase ``before`` (a line's text up to a name) ends: ``work``, ``order``, ``stay``, ``person``,
    ``move`` or empty (module docstring). Memoised: the learned features (:func:`type_context`) and the role pass
    (``roletypes.role_of``) ask it of the same 80 characters before most spans (34 us a call)."""
    if work_phrase_before(before):
        return "work"
    ends = _CUE_ENDS.may_end(before)  # (each pattern is searched only where its last word can end ``before``)
    if ends and _ORDER.search(before):
        return "order"
    if ends and _STAY.search(before):
        return "stay"
    if ends and _ROLE.search(before):
        return "work"
    if _PERSON_ENDS.may_end(before) and _PERSON.search(before):
        return "person"
    if ends and _MOVE.search(before):
        return "move"
    return ""


def type_context(scan: str, start: int, end: int, text: str) -> tuple[str, ...]:
    """The type features (without the span's type) of the span ``text`` at ``scan[start:end]``."""
    line = scan.rfind("\n", 0, start) + 1
    before = scan[max(line, start - 80) : start]
    words = _TOKEN.findall(before)
    w1 = words[-1].lower() if words else "<line>"
    w2 = words[-2].lower() if len(words) > 1 else "<line>"
    stop = scan.find("\n", end, end + 40)
    after = _TOKEN.findall(scan[end : stop if stop >= 0 else end + 40])
    nxt = after[0].lower() if after else "<line>"
    feats = [f"bigram={w2} {w1}", f"next={nxt}"]
    cue = clause_cue(before)
    if cue:
        feats.append(f"cue={cue}")
    parts = text.split()
    heads = _type_heads()
    head = next((w.lower() for w in (parts[0], parts[-1]) if w.lower() in heads), "") if parts else ""
    if head:
        feats.append(f"typeword={head}")
        feats.append(f"cue={cue or 'none'}|head={head}")
    return tuple(feats)
