"""A small, deterministic guess of a text's language: Indonesian, English, or undetermined.

It counts stop words (function words, including informal Indonesian such as ``nggak``, ``udah``,
``gak``, ``aja``) among the first :data:`SAMPLE_CHARS` characters. The two word lists are disjoint.
A text with fewer than :data:`MIN_HITS` stop words, or where neither language leads by
:data:`MARGIN` times, is ``"und"``.
"""

from __future__ import annotations

import re

__all__ = ["ENGLISH", "INDONESIAN", "MARGIN", "MIN_HITS", "SAMPLE_CHARS", "detect_language"]

SAMPLE_CHARS = 50_000
MIN_HITS = 3
MARGIN = 1.5

INDONESIAN = frozenset(
    """
    yang dan di ke dari ini itu dengan untuk tidak ada akan juga karena pada dalam atau sudah saya
    aku kamu kami kita mereka dia ia anda nya apa siapa bagaimana kenapa mengapa kapan mana sini
    situ sana bisa harus mau ingin lagi masih belum pernah sangat banget lebih paling sama tapi
    tetapi jadi kalau kalo jika bahwa seperti oleh para bagi agar supaya setelah sebelum saat
    waktu hanya cuma aja saja nggak ngga enggak gak ga engga udah udh sih dong deh kok kan nih
    tuh yah ya gitu gini begitu begini terus trus lalu kemudian pun ketika sampai hingga tentang
    banyak semua setiap beberapa adalah ialah merupakan yaitu yakni bukan jangan punya gue gua
    lo lu elo kayak kaya emang memang soalnya makanya biar pas abis habis bakal lah kah tau tahu
    """.split()
)
ENGLISH = frozenset(
    """
    the and of to in is it that was for on are with as his they be at one have this from or had
    by not but what some we can out other were all there when up use your how said an each she
    which do their if will way about many then them would so these her him has into more could
    been who its now my than first did no just because over after where most should our through
    very also does any those only while why yes really think know people something would there's
    i'm it's don't didn't can't you you're we're they're me he us am being were
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def detect_language(text: str) -> str:
    """``"id"``, ``"en"`` or ``"und"`` for ``text`` (see the module documentation)."""
    id_hits = en_hits = 0
    for match in _WORD.finditer(text[:SAMPLE_CHARS].lower()):
        word = match.group(0).replace("’", "'")
        if word in INDONESIAN:
            id_hits += 1
        elif word in ENGLISH:
            en_hits += 1
    if max(id_hits, en_hits) < MIN_HITS:
        return "und"
    if id_hits >= MARGIN * en_hits:
        return "id"
    if en_hits >= MARGIN * id_hits:
        return "en"
    return "und"
