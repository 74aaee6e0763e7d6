"""Detection over decomposed text: compose it (NFC) for the detectors, and map spans back.

Imported transcripts are NFC already (:mod:`makna.textnorm`), but the library's :func:`~makna.privacy.detect`
also takes text from callers: in decomposed (NFD) text "Andre\u0301" has its accent as a separate mark, and
word patterns stopped at the mark, so a name was cut short and its tail survived a replacement. The
detectors run on the composed text; each span's offsets are mapped back to the caller's text, so
``text[start:end]`` stays the span's text there.
"""

from __future__ import annotations

import unicodedata

__all__ = ["composed", "with_marks"]


def composed(text: str) -> tuple[str, list[int]] | None:
    """``(nfc, origin)`` for text that is not NFC, else ``None``.

    ``origin[i]`` is the offset in ``text`` of the ``i``-th character of ``nfc``, and ``origin[len(nfc)]`` is
    ``len(text)``. Text is composed one starter (a character of canonical combining class 0) with its marks
    at a time; where that does not reproduce the whole text's NFC (scripts that compose starters, such as
    Hangul jamo) the result is ``None`` and detection runs on the text as given.
    """
    if unicodedata.is_normalized("NFC", text):
        return None
    pieces: list[str] = []
    origin: list[int] = []
    start = 0
    n = len(text)
    while start < n:
        end = start + 1
        while end < n and unicodedata.combining(text[end]):
            end += 1
        piece = unicodedata.normalize("NFC", text[start:end])
        pieces.append(piece)
        last = end - 1
        origin.extend(min(start + k, last) for k in range(len(piece)))
        start = end
    nfc = "".join(pieces)
    if nfc != unicodedata.normalize("NFC", text):
        return None
    origin.append(n)
    return nfc, origin


def with_marks(text: str, end: int) -> int:
    """``end`` moved past the combining marks that follow it: a letter with two marks has no composed form
    (Yoruba ``ọ̀``, Vietnamese ``ệ̃``), so its second mark stays a separate code point after NFC, and word
    patterns that stop at a mark cut ``Adébáyọ̀`` short of its tone mark, which then stood alone after the
    replacement."""
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return end
