"""General evidence for the learned de-identification layer's token features (internal; issue 11).

The CRF (:mod:`makna.privacy.learned`, features in :mod:`makna.privacy._features`) learns from a few dozen
writers; word identities ("w=", "-1:sama") hold for the words those writers used. The features here carry
evidence of a kind that another writer's text has too:

* :func:`rarity`: whether a word is in the wider name data of many naming traditions that makna ships for
  surrogates (``names_gendered_world.txt``: Faker's Latin-script person providers, Polish, Romanian,
  Brazilian, Yoruba, Igbo, Tamil...; ``names_traditions.txt``: Minang, Javanese, Sundanese, Batak, Balinese,
  Bugis; ``names_unisex.txt``), whether a name is also an ordinary word, and whether a word is known to no
  list or dictionary at all (a capitalised rare word is most often a name or a place);
* :func:`context_classes`: the class of the words around a token (a kin or role noun before it, a verb of
  calling, meeting, telling or blocking, a verb of speech after it, a coordination with another capitalised
  word, a chat's colon after it, a brand's name before it) instead of each word's form alone;
* :func:`doc_people`: the words the rules found with confidence inside a person's name elsewhere in the same
  document (a name met once with a label, an honorific or a cue is evidence for its parts everywhere).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import Final

from . import gazetteers as gz
from .types import Detection

__all__ = ["context_classes", "doc_people", "rarity", "wider_names"]


@cache
def wider_names() -> frozenset[str]:
    """Given and family names of the shipped surrogate data of many traditions (title case), less makna's stop
    list of capitalised words."""
    out: set[str] = set()
    for name in ("names_gendered_world.txt", "names_traditions.txt", "names_unisex.txt"):
        text = (resources.files("makna.privacy") / "data" / name).read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.strip() and not line.startswith("#") and ":" in line:
                out.update(n for n in line.split(":", 1)[1].split() if n.isalpha())
    return frozenset(out) - gz.stop_caps()


@cache
def _known() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    ordinary = gz.dictionary_words() | gz.colloquial() | gz.english_words()
    places = gz.all_places() | gz.place_words()
    return ordinary, places, gz.stop_caps()


@cache
def _brands() -> frozenset[str]:
    return frozenset(b for b in gz.brands() if " " not in b)


_SUFFIXES: Final = ("nya", "nyo", "lah", "kah", "ku", "mu", "an", "kan")


@lru_cache(maxsize=65536)
def rarity(word: str, low: str, listed: bool) -> tuple[str, ...]:
    """Features of ``word`` (``low`` its lower case; ``listed``: in makna's main name lists) as a name: in
    the wider name data, a name that is also an ordinary word or one that is not, or a word no list knows
    ("g:oov"), or one whose root is a dictionary word ("g:root"); a brand's name is only that ("g:brand")."""
    ordinary, places, stop = _known()
    if word in _brands():
        return ("g:brand",)
    wider = word in wider_names()
    feats: list[str] = []
    if wider and not listed:
        feats.append("g:wider")
    if listed or wider:
        feats.append("g:name+word" if low in ordinary else "g:name-only")
        return tuple(feats)
    if low in ordinary or word in places or word in stop or not word.isalpha() or len(word) < 3:
        return tuple(feats)
    for suffix in _SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) > 2 and low[: -len(suffix)] in ordinary:
            feats.append("g:root")
            return tuple(feats)
    feats.append("g:oov")
    return tuple(feats)


def _owned(words: str) -> frozenset[str]:
    base = words.split()
    return frozenset(base) | frozenset(w + s for w in base for s in ("nya", "ku", "mu", "nyo", "ne"))


_KIN: Final = _owned(
    "adik adek kakak kak abang bang uni uda etek mamak amak apak ayah ibu bapak mak pak suami istri bini laki "
    "pacar mantan teman temen kawan kanti sahabat sepupu tetangga anak cucu ponakan keponakan ipar mertua menantu "
    "bos majikan atasan mandor juragan tamu pelanggan langganan rekan nenek kakek om tante bude pakde paman bibi "
    "brother sister mum mom mother dad father son daughter wife husband uncle aunt auntie cousin nephew niece "
    "friend mate pal neighbour neighbor boss manager supervisor colleague workmate landlord landlady flatmate "
    "housemate roommate boyfriend girlfriend partner ex grandma grandpa nan customer client rider driver"
)
"""Kin and role nouns: a word after one is often a name ("adiknya Rini", "my cousin Tunde")."""
_CONTACT: Final = frozenset(
    "sama samo ama jo dengan dgn bareng ke kepada ketemu jumpa kenal kenalan telpon telepon nelpon ditelpon chat "
    "dichat ngechat wa di-wa hubungi dihubungi blokir diblokir ngeblokir block tipu ditipu ajak diajak panggil "
    "dipanggil panggia jemput dijemput antar diantar kabari bilang tanya nanya cerita kasih titip pinjam "
    "with met meet meeting called call calling rang ring phoned texted text messaged message asked ask told tell "
    "blocked block reported report thanked helped help introduced named emailed dm'd dmed by".split()
)
"""Words of contact and company before a name ("ketemu Sari", "diblokir sama", "texted Kofi")."""
_SAY: Final = frozenset(
    "said says say told asked replied texted messaged wrote rang called laughed goes bilang kata katanya "
    "bilangnya ngomong nanya tanya jawab balas bales cerita marah datang pergi pulang juga yang udah sudah".split()
)
"""Words after a name: verbs of speech and acts a person does ("Tunde said", "Rini bilang")."""
_CLOCK: Final = re.compile(r"\d{1,2}[.:]\d\d")
_AND: Final = frozenset({"and", "dan", "&", "or", "atau", "sama", "ama", "jo", "samo", "karo", ",", "/", "n"})


def _cap(word: str) -> bool:
    return word[:1].isupper() and word[1:2].islower()


def context_classes(toks: Sequence[tuple[int, int, str]], k: int) -> list[str]:
    """Classes of the words around token ``k`` of ``toks``."""
    out: list[str] = []
    n = len(toks)
    prev = toks[k - 1][2].lower() if k >= 1 else ""
    prev2 = toks[k - 2][2].lower() if k >= 2 else ""
    nxt = toks[k + 1][2] if k + 1 < n else ""
    if k >= 1 and toks[k - 1][2] in _brands():
        out.append("-1c=brand")  # a brand's model or product ("Kia Sorento"), no identifier
    if prev in _KIN:
        out.append("-1c=kin")
    elif prev2 in _KIN and prev in {"saya", "aku", "ambo", "awak", "gue", "gua", "my", "his", "her", "our", "their"}:
        out.append("-1c=kin")
    if prev in _CONTACT:
        out.append("-1c=contact")
    elif prev2 in _CONTACT and prev in {"sama", "samo", "ama", "jo", "to", "with", "si", "kak", "bang", "uni"}:
        out.append("-2c=contact")
    if prev in _AND and k >= 2 and _cap(toks[k - 2][2]):
        out.append("-1c=coord")
    if nxt.lower() in _AND and k + 2 < n and _cap(toks[k + 2][2]):
        out.append("+1c=coord")
    if nxt.lower() in _SAY:
        out.append("+1c=say")
    if nxt == ":":
        out.append("+1c=colon")
    elif k + 2 < n and toks[k + 2][2] == ":" and _CLOCK.fullmatch(nxt):
        out.append("+1c=stamp")  # a chat export's sender before the time of a message
    return out


_PEOPLE: dict[tuple[int, int], tuple[Sequence[Detection], frozenset[str]]] = {}


def doc_people(rules: Sequence[Detection]) -> frozenset[str]:
    """Lower-cased words (two letters or more) inside the rules' PERSON detections of confidence 0.8 or more:
    names met with a label, an honorific or a cue, evidence for the same word elsewhere in the document."""
    key = (id(rules), len(rules))
    got = _PEOPLE.get(key)
    if got is not None and got[0] is rules:
        return got[1]
    words = frozenset(
        w.strip(".,'’()").lower()
        for d in rules
        if d.type == "PERSON" and d.confidence >= 0.8
        for w in d.text.split()
        if len(w.strip(".,'’()")) > 1
    )
    if len(_PEOPLE) > 64:
        _PEOPLE.clear()
    _PEOPLE[key] = (rules, words)
    return words
