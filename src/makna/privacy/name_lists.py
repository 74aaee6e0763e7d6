"""The name list files of surrogate names and traditions (``data/names_*.txt``): one format, read once.

Each line ``tradition role gender: Name Name ...`` (``#`` comments and blank lines skipped); a key's names keep their
first order and lose repeats."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Mapping
from functools import cache
from importlib import resources
from typing import Final

__all__ = ["NameKey", "fold_name", "index_names", "listed_name", "read_name_lists"]

_OWN: dict[int, str] = {ord(k): v for k, v in {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ß": "ss", "æ": "ae"}.items()}
"""Small Latin letters with no decomposition into an ASCII letter and a mark (Polish ł, Danish ø, Turkish dotless
ı), read as the ASCII letters a name list spells them with; capitals are folded by their small letter."""

NameKey = tuple[str, str, str]
"""(tradition, role, gender) of a line."""


@cache
def read_name_lists(*files: str) -> dict[NameKey, tuple[str, ...]]:
    """The names of ``files`` (in ``makna/privacy/data``), by (tradition, role, gender)."""
    data = resources.files("makna.privacy") / "data"
    out: dict[NameKey, list[str]] = {}
    for name in files:
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            head, names = line.split(":", 1)
            tradition, role, gender = head.split()
            out.setdefault((tradition, role, gender), []).extend(names.split())
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def index_names(lists: Mapping[NameKey, tuple[str, ...]], fold: Callable[[str], str]) -> dict[str, frozenset[NameKey]]:
    """Each name (folded by ``fold``) to the keys whose lists hold it."""
    index: dict[str, set[NameKey]] = {}
    for key, names in lists.items():
        for name in names:
            index.setdefault(fold(name), set()).add(key)
    return {k: frozenset(v) for k, v in index.items()}

_TITLES: Final = frozenset(
    "Doña Señor Señora Señorita Sñr Sñra Frère Père Mère Sœur Bà Ông Cô Chú Bác Chị Dì Cậu Thím Mợ".split()
)
"""Titles of address with diacritics that precede a name (Spanish, French, Vietnamese): their folds are names
elsewhere (``Dona``, ``Chi``, ``Ong``), so a title is never folded into one."""


@cache
def fold_name(word: str) -> str:
    """``word`` without its diacritics (NFKD, combining marks dropped, ``ł``/``ı``/``ø`` read as ASCII):
    ``Ciarán`` as ``Ciaran``, ``Gülşen`` as ``Gulsen``, ``Adébáyọ̀`` as ``Adebayo``, ``Tiến`` as ``Tien``.
    An ASCII word is its own fold."""
    if word.isascii():
        return word
    out = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    if not out.isascii():
        out = "".join(c.lower().translate(_OWN).title() if c.isupper() else c.translate(_OWN) for c in out)
    return out


def listed_name(word: str, names: Collection[str], ordinary: Collection[str] = ()) -> bool:
    """Whether ``word`` is in the name list ``names`` as written or, for a word with diacritics, without them
    (the lists spell most names of Europe, Africa and Viet Nam in ASCII: ``Seán``, ``João``, ``Tiến``): the
    fold is for names only, so a word with diacritics whose small-letter form (or fold) is one of ``ordinary``
    (``Café``, ``Adiós``), or a title of address (``Doña``, ``Chị``), is a name only as written."""
    if word in names:
        return True
    if word.isascii() or word in _TITLES:
        return False
    bare = fold_name(word)
    return bare != word and bare in names and word.lower() not in ordinary and bare.lower() not in ordinary
