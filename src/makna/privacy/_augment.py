"""Training-data augmentation for the learned de-identification layer (internal; issue 11).

The CRF (:mod:`makna.privacy.learned`) is trained on a few dozen writers' transcripts; left alone it learns
their names and places by heart ("Wanjiru" is a PERSON because the training data said so), which holds on
the writers it saw and fails on the next one. :func:`substitute` makes a training copy of a transcript in
which every named identifier (PERSON, LOCATION, ORG, ADDRESS) has other words: names from the shipped name
lists of several naming traditions, places from the shipped place data, and as often *blends* (the head of
one name and the tail of another: names no list holds, as an unseen informant's may be), so the tagger must
learn the cues and shapes around an identifier rather than its string. The same word gets the same
replacement throughout a copy (a first name and the full name that holds it stay the same person), the case
of every word is kept, and the gold offsets are recomputed exactly.

Deterministic: the replacements depend on the seed and the document only (word pools are sorted).
"""

from __future__ import annotations

import random
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Final

from . import gazetteers as gz
from .evaluate import GoldDocument

__all__ = ["Pools", "pools", "substitute"]

SUBSTITUTED: Final = frozenset({"PERSON", "LOCATION", "ORG", "ADDRESS"})
"""Types whose words a training copy replaces; structured identifiers (numbers, handles, dates) keep their
text: the rules find them by shape, and the model adds none of them on its own."""
_WORD: Final = re.compile(r"[^\W\d_][\w'’\-]*")


@dataclass(frozen=True)
class Pools:
    """Sorted word lists to draw replacements from."""

    given: tuple[tuple[str, ...], ...]  # one list per naming tradition (and the English and world lists)
    family: tuple[str, ...]
    places: tuple[tuple[str, ...], ...]  # place names, one list per number of words (1, 2, 3)
    place_words: tuple[str, ...]
    keep: frozenset[str]  # lower-case words never replaced (ordinary words: "Health", "Jalan", "Toko")


def _traditions(role: str = "given") -> list[tuple[str, ...]]:
    path = resources.files("makna.privacy") / "data" / "names_traditions.txt"
    groups: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or ":" not in line:
            continue
        head, names = line.split(":", 1)
        parts = head.split()
        if len(parts) >= 2 and parts[1] == role:
            groups.setdefault(parts[0], set()).update(names.split())
    return [tuple(sorted(groups[k])) for k in sorted(groups)]


def _world() -> list[tuple[str, ...]]:
    """The first names of ``names_gendered_world.txt`` (Faker's Latin-script providers: Polish, Romanian,
    Brazilian, Yoruba, Igbo, Tamil, Finnish...), one pool per line (gender)."""
    path = resources.files("makna.privacy") / "data" / "names_gendered_world.txt"
    return [
        tuple(sorted(set(line.split(":", 1)[1].split())))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#") and ":" in line
    ]


def _read(name: str) -> tuple[str, ...]:
    path = resources.files("makna.privacy") / "data" / name
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(sorted(line for line in lines if line and not line.startswith("#")))


@cache
def pools() -> Pools:
    """The shipped name and place data as replacement pools."""
    stop = gz.stop_caps()
    given = [*_traditions(), _read("names_en.txt"), _read("names_world.txt"), *_world()]
    given = [tuple(n for n in group if n not in stop and n.isalpha()) for group in given]
    family = tuple(sorted({n for n in gz.surnames() if n.isalpha()} | {n for g in _traditions("family") for n in g}))
    places = gz.places_admin() | gz.places_local() | gz.places_en() | gz.places_world()
    by_len: list[list[str]] = [[], [], []]
    for p in places:
        words = p.split(" ")
        if len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
            by_len[len(words) - 1].append(p)
    place_words = sorted({p for p in by_len[0] if len(p) > 3})
    keep = gz.dictionary_words() | gz.english_words() | gz.colloquial() | {w.lower() for w in stop}
    return Pools(
        tuple(g for g in given if g),
        family,
        tuple(tuple(sorted(g)) for g in by_len),
        tuple(place_words),
        frozenset(keep),
    )


def _blend(rng: random.Random, pool: Sequence[str]) -> str:
    """A new word: the head of one word of ``pool`` and the tail of another ("Wan" + "dari")."""
    a, b = rng.choice(pool), rng.choice(pool)
    cut_a = rng.randint(2, max(2, len(a) - 1))
    cut_b = rng.randint(1, max(1, len(b) - 2))
    return (a[:cut_a] + b[cut_b:].lower()).capitalize()


def _cased(new: str, like: str) -> str:
    """``new`` written in the case of ``like`` (all capitals, all lower case, or as drawn)."""
    if like.isupper() and len(like) > 1:
        return new.upper()
    if like.islower():
        return new.lower()
    return new


def _draw(rng: random.Random, kind: str, first: bool, p: Pools, blend: float) -> str:
    if kind == "PERSON":
        pool = rng.choice(p.given) if first or rng.random() < 0.3 else p.family
    else:
        pool = p.place_words if kind in {"LOCATION", "ADDRESS"} or rng.random() < 0.5 else p.family
    return _blend(rng, pool) if rng.random() < blend else rng.choice(pool)


def substitute(
    doc: GoldDocument,
    rng: random.Random,
    blend: float = 0.5,
    keep: Collection[str] = (),
    p: Pools | None = None,
) -> GoldDocument:
    """A copy of ``doc`` whose named identifiers have other words (see the module's docstring); ``blend`` is
    the share of new words made by blending rather than drawn from a list. Words of an identifier that are
    ordinary words ("Jalan", "Health"), in ``keep`` (lower case: the words organisations' names share,
    "ltd", "pt"), of three letters or fewer, all capitals, lower case, or without a letter are kept."""
    p = p or pools()
    if keep:
        p = replace(p, keep=p.keep | frozenset(keep))
    mapping: dict[tuple[str, str], str] = {}
    whole: dict[str, str] = {}  # a one-word LOCATION's replacement, drawn from whole place names
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    shift = 0
    for start, end, kind in sorted(doc.pii):
        if start < pos:  # overlapping gold spans (none in makna's splits): kept as they are
            spans.append((start + shift, end + shift, kind))
            continue
        parts.append(doc.text[pos:start])
        old = doc.text[start:end]
        new = old
        if kind in SUBSTITUTED:
            new = _replace(old, kind, rng, blend, p, mapping, whole)
        parts.append(new)
        spans.append((start + shift, start + shift + len(new), kind))
        shift += len(new) - len(old)
        pos = end
    parts.append(doc.text[pos:])
    return GoldDocument(doc.id + "+aug", doc.language, "".join(parts), tuple(spans))


def _replace(
    old: str,
    kind: str,
    rng: random.Random,
    blend: float,
    p: Pools,
    mapping: dict[tuple[str, str], str],
    whole: dict[str, str],
) -> str:
    words = [m for m in _WORD.finditer(old) if m.group(0)[0].isupper()]
    if kind == "LOCATION" and len(words) == 1 and words[0].group(0) == old:
        got = whole.get(old)
        if got is None:
            n = 1 if rng.random() < 0.7 else 2
            drawn = rng.choice(p.places[n - 1]) if rng.random() >= blend else _blend(rng, p.place_words)
            got = whole[old] = _cased(drawn, old)
        return got
    out: list[str] = []
    pos = 0
    for i, m in enumerate(words):
        word = m.group(0)
        if word.lower() in p.keep or len(word) <= 3 or word.isupper():
            continue
        key = ("PERSON" if kind == "PERSON" else "PLACE", word)
        got = mapping.get(key)
        if got is None:
            got = mapping[key] = _cased(_draw(rng, kind, i == 0, p, blend), word)
        out.append(old[pos : m.start()])
        out.append(got)
        pos = m.end()
    out.append(old[pos:])
    return "".join(out)
