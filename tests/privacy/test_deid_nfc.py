"""Detection over decomposed (NFD) text: composed for the detectors, spans mapped back."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from makna.privacy import detect
from makna.privacy._nfc import composed

TEXT = "P: Siapa yang kenal?\nI: Yang kenal Bang Andre Siregar, dia tinggal di Kos Melati Indah, Padang."


def _accented(text: str) -> str:
    return text.replace("Andre", "André").replace("Melati", "Mélati")


def test_nfc_text_is_left_alone() -> None:
    assert composed(TEXT) is None
    assert composed(unicodedata.normalize("NFC", _accented(TEXT))) is None


def test_decomposed_names_are_found_whole_and_mapped_back() -> None:
    nfc = unicodedata.normalize("NFC", _accented(TEXT))
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    on_nfc = detect(nfc)
    on_nfd = detect(nfd)
    assert [(d.type, unicodedata.normalize("NFC", d.text)) for d in on_nfd] == [(d.type, d.text) for d in on_nfc]
    for d in on_nfd:
        assert nfd[d.start : d.end] == d.text
    names = [d.text for d in on_nfd if d.type == "PERSON"]
    assert any(unicodedata.normalize("NFC", n).endswith("André Siregar") or "André" in unicodedata.normalize("NFC", n)
               for n in names)  # fmt: skip


_CHARS = st.sampled_from(list("aeiouAEIOU nrstPK:\n") + ["\u0301", "\u0300", "\u0308", "\u0327", "\u1100", "\u1161"])


@given(st.lists(_CHARS, max_size=60).map("".join))
@settings(max_examples=300, deadline=None)
def test_origin_maps_every_composed_character_into_the_text(text: str) -> None:
    mapped = composed(text)
    if mapped is None:
        return
    nfc, origin = mapped
    assert nfc == unicodedata.normalize("NFC", text)
    assert len(origin) == len(nfc) + 1 and origin[-1] == len(text)
    assert origin == sorted(origin) and all(0 <= o <= len(text) for o in origin)
    # at every starter of the composed text (where a word or span can begin or end) the prefixes agree
    for i, ch in enumerate(nfc):
        if not unicodedata.combining(ch):
            assert unicodedata.normalize("NFC", text[: origin[i]]) == nfc[:i]


@given(st.lists(st.sampled_from(["Andre\u0301 ", "Siregar ", "di ", "Kos ", "Me\u0301lati ", "Padang. ", "umur 23 "]),
                max_size=12).map("".join))  # fmt: skip
@settings(max_examples=60, deadline=None)
def test_spans_on_decomposed_text_slice_the_text(text: str) -> None:
    for d in detect(text):
        assert text[d.start : d.end] == d.text
