"""Tokenising and stemming for search and word frequencies: Indonesian (PySastrawi) and English
(Snowball). Other languages are lower-cased but not stemmed.

Tokens are runs of letters and digits (``[^\\W_]+``); a hyphenated reduplication such as
``indah-indah`` is two tokens. Stems are cached per language, so stemming a large corpus costs one
stemmer call per distinct word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

__all__ = ["TOKEN", "Token", "tokens", "stem", "stemmer", "fold", "STEMMED_LANGUAGES"]

TOKEN = re.compile(r"[^\W_]+")
STEMMED_LANGUAGES = ("id", "en")

Token = tuple[int, int, str]


def fold(word: str) -> str:
    """The comparable form of a word: case-folded."""
    return word.casefold()


def tokens(text: str, offset: int = 0) -> Iterator[Token]:
    """``(start, end, folded word)`` for each token of ``text``, offsets shifted by ``offset``."""
    for m in TOKEN.finditer(text):
        yield m.start() + offset, m.end() + offset, m.group().casefold()


def _base(language: str) -> str:
    return language.split("-")[0].lower()


@functools.cache
def stemmer(language: str) -> Callable[[str], str]:
    """A cached function from a folded word to its stem in ``language`` (identity when makna has no
    stemmer for that language)."""
    base = _base(language)
    if base == "id":
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        sastrawi = StemmerFactory().create_stemmer()

        @functools.lru_cache(maxsize=200_000)
        def stem_id(word: str) -> str:
            if any(ch.isdigit() for ch in word):
                return word
            out = str(sastrawi.stem(word))
            return out or word

        return stem_id
    if base == "en":
        import snowballstemmer  # type: ignore[import-untyped, unused-ignore]

        snow = snowballstemmer.stemmer("english")

        @functools.lru_cache(maxsize=200_000)
        def stem_en(word: str) -> str:
            out = str(snow.stemWord(word))
            return out or word

        return stem_en
    return _identity


def _identity(word: str) -> str:
    return word


def stem(word: str, language: str) -> str:
    """The stem of ``word`` (folded first) in ``language``: ``stem("ditipu", "id") == "tipu"``."""
    folded = fold(word)
    if not TOKEN.fullmatch(folded):
        return folded
    return stemmer(language)(folded)
