"""Tokenising and stemming for search and word frequencies: Indonesian (PySastrawi) and English
(Snowball). Other languages are lower-cased but not stemmed.

Indonesian clitics: PySastrawi takes the particles (``-lah``, ``-kah``, ``-tah``, ``-pun``) and the
possessives (``-ku``, ``-mu``, ``-nya``) off the words its dictionary knows (``tamunya`` -> ``tamu``),
but leaves a word it does not know as it is (``ongkirnya``, chat words, brands, loans). Such a word
loses them here (:func:`clitic_root`): ``ongkirnya`` stems to ``ongkir``, so either finds the other. A
word the dictionary knows is never cut (``masalah`` is not ``masa`` + ``-lah``), nor one whose root
would keep fewer than :data:`MIN_ROOT` letters (``hpnya`` stays whole: ``hp`` is too short to tell).

Tokens are runs of letters and digits (``[^\\W_]+``); a hyphenated reduplication such as
``indah-indah`` is two tokens. Stems are cached per language, so stemming a large corpus costs one
stemmer call per distinct word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

__all__ = ["TOKEN", "Token", "tokens", "stem", "stemmer", "fold", "STEMMED_LANGUAGES", "STEMMER_VERSION",
           "PARTICLES", "POSSESSIVES", "MIN_ROOT", "clitic_root", "known_id_word"]

TOKEN = re.compile(r"[^\W_]+")
STEMMED_LANGUAGES = ("id", "en")
#: Changes when a word may stem otherwise than before (2: Indonesian clitics off unknown words), so
#: that what stored stems (the search index, the suggester's model) is rebuilt.
STEMMER_VERSION = 2
#: Indonesian particles and possessive clitics, in the order they are taken off a word's end
#: (``rumahnyalah``: ``-lah``, then ``-nya``).
PARTICLES = ("lah", "kah", "tah", "pun")
POSSESSIVES = ("nya", "ku", "mu")
#: The fewest letters a root keeps when clitics are taken off an unknown word.
MIN_ROOT = 3

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
            out = str(sastrawi.stem(word)) or word
            if out == word:  # not a word the dictionary can take apart: its clitics at least come off
                root = clitic_root(word)
                if root != word:
                    out = str(sastrawi.stem(root)) or root
            return out

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


def known_id_word(word: str) -> bool:
    """Whether PySastrawi's dictionary of Indonesian root words has ``word`` (folded)."""
    return word in _id_words()


@functools.cache
def _id_words() -> frozenset[str]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return frozenset(StemmerFactory().get_words())


def clitic_root(word: str) -> str:
    """``word`` (folded) less an Indonesian particle and then a possessive at its end, unless the
    dictionary knows the word whole or fewer than :data:`MIN_ROOT` letters would be left:
    ``ongkirnya`` -> ``ongkir``, ``ongkirnyalah`` -> ``ongkir``, ``masalah`` -> ``masalah``."""
    if not word.isalpha() or known_id_word(word):
        return word
    root = word
    for group in (PARTICLES, POSSESSIVES):
        for end in group:
            if root.endswith(end) and len(root) - len(end) >= MIN_ROOT:
                root = root[: -len(end)]
                break
    return root


def _identity(word: str) -> str:
    return word


def stem(word: str, language: str) -> str:
    """The stem of ``word`` (folded first) in ``language``: ``stem("ditipu", "id") == "tipu"``."""
    folded = fold(word)
    if not TOKEN.fullmatch(folded):
        return folded
    return stemmer(language)(folded)
