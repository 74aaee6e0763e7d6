"""Offset conventions: NVivo's UTF-16 code units (CRLF as two, after the BOM) and code points."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from makna.exchange.offsets import CODEPOINTS, NVIVO, SelectionMapper, convention_for
from makna.text import normalize_text

PIECES = st.lists(st.sampled_from(["a", "b", " ", "é", "e\u0301", "😀", "👍🏽", "\r\n", "\n", "\u4e2d", "\t", "Z"]),
                  min_size=1, max_size=40)


def _units(pieces: list[str], utf16: bool) -> list[int]:
    """Foreign offsets at each piece boundary of the raw text."""
    out, pos = [0], 0
    for p in pieces:
        pos += len(p.encode("utf-16-le")) // 2 if utf16 else len(p)
        out.append(pos)
    return out


@settings(max_examples=200, deadline=None)
@given(PIECES, st.data(), st.booleans(), st.booleans())
def test_mapping_lands_on_the_same_characters(pieces: list[str], data: st.DataObject, utf16: bool, bom: bool) -> None:
    raw = ("\ufeff" if bom else "") + "".join(pieces)
    mapper = SelectionMapper(raw, NVIVO if utf16 else CODEPOINTS)
    assert mapper.text == normalize_text(raw)
    bounds = _units(pieces, utf16)
    i = data.draw(st.integers(0, len(pieces) - 1))
    j = data.draw(st.integers(i + 1, len(pieces)))
    got = mapper.map(bounds[i], bounds[j])
    assert not isinstance(got, str), got
    assert mapper.text[got[0]:got[1]] == normalize_text("".join(pieces[i:j]))


def test_boundaries_inside_characters_are_reported() -> None:
    mapper = SelectionMapper("a😀b\r\nc", NVIVO)
    assert "inside a character" in str(mapper.map(2, 4))  # inside the surrogate pair
    assert "inside a character" in str(mapper.map(0, 5))  # between CR and LF
    assert "beyond the text" in str(mapper.map(0, 99))
    assert "empty or reversed" in str(mapper.map(3, 3))
    assert mapper.map(0, 4) == (0, 3)
    composed = SelectionMapper("e\u0301x", CODEPOINTS)
    assert "inside a character" in str(composed.map(1, 3))
    assert composed.map(0, 2) == (0, 1)


def test_convention_from_origin() -> None:
    assert convention_for("NVivo for Windows 12.6") is NVIVO
    assert convention_for("NVivo for Mac 15.0.0") is NVIVO
    assert convention_for("qc 1.3.2") is CODEPOINTS
    assert convention_for(None) is CODEPOINTS
    assert convention_for("NVivo 14", "codepoint") is CODEPOINTS
    assert convention_for("makna", "utf16") is NVIVO
