"""Text features for suggesting codes: stemmed words in the unit's language and a cross-language *pivot*
form of each word: its *concept* where a concept group (``data/concepts.tsv``: words of either
language, informal spellings included, that say the same thing, read as one feature) lists it, else
its English stem (Indonesian stems mapped through a small seed lexicon). Character
n-grams were measured and left out: they did not earn their cost (benchmarks/results/suggest.md).

Indonesian text is normalised first: common informal and chat spellings (``nggak``, ``udah``,
``dikasih``) are mapped to their standard form (``data/slang_id.tsv``) before PySastrawi stems them.
A code defined in English thus shares pivot features with an Indonesian unit about the same thing,
and the other way round; ``benchmarks/suggest_bench.py`` and ``makna suggest evaluate`` measure it.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import resources

from ..analysis.stemming import TOKEN, stemmer
from ..textindex.stemming import STEMMER_VERSION

__all__ = ["analyse_doc", "language_of", "pivot", "word_features", "STOPWORDS", "data_digest", "DATA_FILES"]

#: Function words left out of word features (they carry no code); character n-grams still see them.
STOPWORDS = frozenset(
    """yang dan di ke dari ini itu aku saya kami kita dia ia mereka kamu anda nya lah kah pun juga ada
    akan atau tapi tetapi dengan untuk pada dalam oleh sih kok deh dong ya yah kak uni uda bang mbak om
    pak bu tuh nih sama jadi terus lalu kalau karena sudah belum tidak bukan lagi masih cuma hanya
    the a an and or but of to in on at for with by from as is are was were be been being it its this
    that these those i me my we our you your he him his she her they them their so very just not no yes
    do did does have has had will would can could there then than also about into out up over""".split()
)


#: The word lists the features read (src/makna/suggest/data).
DATA_FILES = ("concepts.tsv", "lexicon.tsv", "slang_id.tsv")


@functools.cache
def data_digest() -> str:
    """A digest of the data files: a model trained with other word lists is another model."""
    h = hashlib.sha256(f"stemmer {STEMMER_VERSION}\0".encode())  # and words stemmed otherwise
    for name in DATA_FILES:
        h.update(name.encode() + b"\0" + resources.files(__package__).joinpath("data").joinpath(name).read_bytes())
    return h.hexdigest()[:16]


def _pairs(name: str) -> list[tuple[str, str]]:
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line and not line.startswith("#") and "\t" in line:
            a, b = line.split("\t", 1)
            if a.strip() and b.strip():
                out.append((a.strip().casefold(), b.strip().casefold()))
    return out


@functools.cache
def _slang() -> dict[str, str]:
    return dict(_pairs("slang_id.tsv"))


@functools.cache
def _concepts() -> dict[tuple[str, str], str]:
    """(language, stem) -> the English stem of its concept group's first word (data/concepts.tsv)."""
    stems = {"id": stemmer("id"), "en": stemmer("en")}
    out: dict[tuple[str, str], str] = {}
    for head, words in _pairs("concepts.tsv"):
        concept = stems["en"](head)
        for word in words.split():
            out.setdefault(("en", stems["en"](word)), concept)
            for w in {word, _slang().get(word, word)}:
                out.setdefault(("id", stems["id"](w)), concept)
    return out


@functools.cache
def _lexicon() -> dict[str, str]:
    """Indonesian stem -> English stem (the first English word listed for it)."""
    sid, sen = stemmer("id"), stemmer("en")
    out: dict[str, str] = {}
    for a, b in _pairs("lexicon.tsv"):
        out.setdefault(sid(a), sen(b))
        out.setdefault(sid(_slang().get(a, a)), sen(b))
    return out


def language_of(language: str) -> str:
    """``id`` or ``en`` for a source language tag (``id-ID`` -> ``id``); anything else is read as English."""
    base = language.split("-")[0].lower()
    return "id" if base in ("id", "ms") else "en"


@functools.lru_cache(maxsize=200_000)
def _word(word: str, lang: str) -> tuple[str, str] | None:
    """(stem, pivot) of a folded word, or None for a stop word or a number."""
    if lang == "id":
        word = _slang().get(word, word)
    if not word or word in STOPWORDS or word.isdigit():
        return None
    st = stemmer(lang)(word)
    if st in STOPWORDS:
        return None
    if (lang, st) in _concepts():
        return st, _concepts()[lang, st]
    if lang == "id":
        return st, _lexicon().get(st, "")
    return st, st


def pivot(word: str, lang: str) -> str:
    """The cross-language form of ``word``: its English stem (empty when the lexicon does not know it)."""
    found = _word(word.casefold(), language_of(lang))
    return found[1] if found else ""


def word_features(text: str, lang: str) -> list[str]:
    """Word features of ``text``: ``<lang>:<stem>`` for every content word and ``x:<english stem>``
    where the word has a cross-language form."""
    lang = language_of(lang)
    out: list[str] = []
    for m in TOKEN.finditer(text):
        found = _word(m.group().casefold(), lang)
        if found is None:
            continue
        st, pv = found
        out.append(f"{lang}:{st}")
        if pv:
            out.append(f"x:{pv}")
    return out


def analyse_doc(doc: str) -> list[str]:
    """Word features of a document written as ``"<lang>\\t<text>"`` (a scikit-learn ``analyzer``)."""
    lang, _, text = doc.partition("\t")
    return word_features(text, lang)
