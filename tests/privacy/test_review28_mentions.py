"""Second reading of leak28's mentions (review28, issue #11): a word made of an ordinary word is no name to spread.

The word lists hold roots, not every derived form: ``Harapan`` (hope, ``harap`` + ``-an``), ``Kesabaran``
(patience), ``Perjuangan`` (struggle) found once inside a name were spread to the word itself opening a sentence.
A word an Indonesian affix or an English inflection makes of an ordinary word is ordinary, unless a first-name list
holds it (``Julian``, ``Dimas``: names first).
"""

from __future__ import annotations

import pytest

from makna.privacy.name_mentions import spread_mentions
from makna.privacy.types import Detection


def _added(text: str, name: str, kind: str = "PERSON") -> list[tuple[str, str]]:
    start = text.index(name)
    found = [Detection(start, start + len(name), kind, 0.97, "test", name)]
    return [(d.text, d.type) for d in spread_mentions(text, found) if d.detector.startswith("mention.")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pak Harapan Siregar datang. Harapan itu yang bikin kami bertahan.", "Harapan Siregar"),
        ("Kami ikut Yayasan Kesabaran Abadi. Kesabaran memang perlu.", "Yayasan Kesabaran Abadi"),
        ("Dia ketua Perjuangan Rakyat Nusantara. Perjuangan belum selesai, katanya.", "Perjuangan Rakyat Nusantara"),
    ],
)
def test_a_word_derived_from_an_ordinary_word_is_not_spread(text: str, name: str) -> None:
    kind = "PERSON" if name.startswith("Harapan") else "ORG"
    spread = [w for w, _t in _added(text, name, kind)]
    first = name.split()[0]
    assert first not in spread, spread


@pytest.mark.parametrize(
    ("text", "name", "word"),
    [
        ("I met Julian Okafor at the depot. Julian drove the night route.", "Julian Okafor", "Julian"),
        ("Saya kenal Dimas Prasetyo. Dimas kerja di bengkel.", "Dimas Prasetyo", "Dimas"),
        ("My supervisor was Chidinma Okafor. Every morning Chidinma checked the rota.", "Chidinma Okafor", "Chidinma"),
    ],
)
def test_a_first_name_is_spread_still(text: str, name: str, word: str) -> None:
    assert (word, "PERSON") in _added(text, name)


def test_a_place_whose_short_root_is_a_word_is_spread_still() -> None:
    """``Nias`` is no inflection of ``nia``: a root of three letters or fewer makes no derived word (the golden's one
    move of the first attempt)."""
    text = "We moved to Nias in 2019. Nias was quiet then."
    assert ("Nias", "LOCATION") in _added(text, "Nias", "LOCATION")
