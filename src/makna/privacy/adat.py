"""Minangkabau adat titles (gelar) and clan names (suku) inside person names, for surrogates that stay Minang.

A Minang man is often called by his *gelar*, the title given at marriage or at his installation as a
penghulu: a title word (``Datuak``/``Datuk``, ``Sutan``, ``Malin``, ``Bagindo``, ``Marah``, ``Sidi``,
``Tuanku``, ``Rajo``...), then title words (``Datuak Bandaro Sati``, ``Sutan Marajo``). A person's *suku*
(``Chaniago``, ``Piliang``, ``Koto``, ``Tanjung``, ``Sikumbang``...) often follows the given name as a
family name. A surrogate of such a name keeps the title words that open it and draws the other words from
Minang title words (never a given name: ``Datuak Eka Kiki`` reads as no gelar), and gives a clan name
another clan name and the name's other words Minang names, whatever the source's region: a name's own
tradition outweighs where the source is (:meth:`makna.privacy.KeyMapping.surrogate`).

The lists are ``data/names_minang_adat.txt`` (hand-written from public descriptions of Minangkabau adat; see
``data/README.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Final, Literal

from .naming import Gender

__all__ = ["Role", "adat_roles", "clan_names", "gelar_words", "minang_title_gender"]

Role = Literal["keep", "gelar", "clan", "name"]
"""What a surrogate does with one word of a name: keep it (a title word), draw a title word, draw a clan
name, or draw a (Minang, where the name shows a clan or a title) given name."""

_GENDERS: Final[dict[str, Gender]] = {"m": "m", "f": "f"}


@cache
def _lists() -> dict[str, tuple[str, ...]]:
    path = resources.files("makna.privacy") / "data" / "names_minang_adat.txt"
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            head, words = line.split(":", 1)
            out.setdefault(head.strip(), []).extend(words.split())
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


@cache
def _titles() -> dict[str, str]:
    """Title word (case-folded) -> the gender it shows (``m``/``f``)."""
    return {
        w.casefold(): head.split()[1]
        for head, words in _lists().items()
        if head.startswith(("title ", "weak "))
        for w in words
    }


@cache
def _strong() -> frozenset[str]:
    """Title words that open a gelar on their own (``Datuak``, ``Sutan``: no one's given name)."""
    return frozenset(w.casefold() for head, words in _lists().items() if head.startswith("title ") for w in words)


@cache
def _gelar() -> frozenset[str]:
    return frozenset(w.casefold() for w in gelar_words())


@cache
def gelar_words() -> tuple[str, ...]:
    """Words that follow a title in a gelar (``Bandaro``, ``Mangkuto``, ``Sati``...), the pool a surrogate
    draws them from."""
    return _lists().get("gelar", ())


@cache
def clan_names() -> tuple[str, ...]:
    """Minangkabau clan names (suku), the pool a clan name's surrogate is drawn from."""
    return _lists().get("suku", ())


@cache
def _kept() -> frozenset[str]:
    return frozenset(w.casefold() for w in _lists().get("kept", ()))


@cache
def _clans() -> frozenset[str]:
    return frozenset(w.casefold() for w in clan_names())


def minang_title_gender(token: str) -> Gender | None:
    """The gender a Minang title word shows (``Datuak``, ``Sutan``: ``m``; ``Puti``: ``f``), else None."""
    return _GENDERS.get(_titles().get(token.casefold(), ""))


def adat_roles(tokens: Sequence[str]) -> list[Role] | None:
    """What a surrogate does with each word of a name (see :data:`Role`), or None for a name with no Minang
    title at its head and no clan name after its first word (an ordinary name). In a gelar (a name whose
    first word is a title word, with a word after it; a title word that is also a given name, ``Malin``,
    ``Puti``, only before a title or gelar word) the title words before the last word stay and every
    other word gets a title word; in another name a clan name (not as the first of several words) gets a
    clan name and the other words Minang names."""
    folded = [t.casefold() for t in tokens]
    if len(tokens) >= 2 and (
        folded[0] in _strong() or (folded[0] in _titles() and any(w in _titles() or w in _gelar() for w in folded[1:]))
    ):
        return [
            "keep" if (w in _titles() or w in _kept()) and i < len(tokens) - 1 else "gelar"
            for i, w in enumerate(folded)
        ]
    clans = [i for i, w in enumerate(folded) if w in _clans() and (i > 0 or len(tokens) == 1)]
    if not clans:
        return None
    return ["clan" if i in clans else "name" for i in range(len(tokens))]
