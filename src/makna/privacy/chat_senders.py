"""Chat-export senders before a message's time (issue 11).

:func:`stamped_senders`: a chat export copied into a transcript often writes each message as its sender at
the start of a line, the time of the message and a colon ("Wulan 20.41: bang, kapan?", "Kev 9:15 PM: omw"),
or after a bracketed stamp as WhatsApp's iOS export does ("[05:05, 1/2/2024] Wulan: ok").
A sender met on two such lines or more, or whose name is no ordinary word, is a person's name (confidence 0.8);
a single one that is an ordinary word is left to review (0.6). Pronouns and words of time ("Me", "Jam") and
the generic speaker labels are no sender's name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from typing import Final

from . import gazetteers as gz
from ._text import HONORIFICS
from .speakers import GENERIC_LABELS
from .types import Detection

__all__ = ["stamped_senders"]


@cache
def _plain() -> frozenset[str]:
    return gz.ordinary_words() | {w.lower() for w in gz.ambiguous_names() | gz.stop_caps() | set(HONORIFICS)}


_SENDER: Final = re.compile(
    r"^[ \t]*(?P<n>[A-Za-zÀ-ÖØ-öø-ÿ][\w'’\-]{1,24}(?:[ \t][A-Z][\w'’\-]{1,24}){0,2})"
    r"[ \t]+(?:\(?\d{1,2}[.:]\d\d(?:[.:]\d\d)?(?:[ \t]?[AaPp]\.?[Mm]\.?)?\)?)[ \t]*:[ \t]",
    re.MULTILINE,
)
_BRACKETED: Final = re.compile(
    r"^[ \t]*\[[^\]\n]{3,30}\][ \t]*"
    r"(?P<n>[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]{1,24}(?:[ \t][A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’\-]{1,24}){0,2})"
    r"[ \t]*:[ \t]",
    re.MULTILINE,
)
"""A sender after a bracketed stamp, as WhatsApp's iOS export writes it (``[05:05, 1/2/2024] Wulan: ok``):
the names are no speaker labels of an interview (a stamp before them), and names that are also words
("Wulan", "Lestari") were left (found by the round's review). Letters only: a user name with digits or an
underscore (``rina_kue22``) is a HANDLE, as the conventions type display names."""
_NOT_SENDERS: Final = frozenset(
    "me i you saya aku ambo awak gue gua kamu abang adek kakak jam pukul pkl at on today yesterday kemarin hari "
    "tanggal tgl time waktu sent received dibaca read".split()
)


def stamped_senders(text: str) -> Iterator[Detection]:
    """Chat senders before a message's time and a colon at the start of a line (see the module)."""
    if ":" not in text:
        return
    found = [m for rx in (_SENDER, _BRACKETED) for m in rx.finditer(text)
             if m.group("n").split()[0].lower() not in _NOT_SENDERS]  # fmt: skip
    if not found:
        return
    times = Counter(m.group("n") for m in found)
    plain = _plain()
    labels = {w.lower() for w in GENERIC_LABELS}
    for m in found:
        name = m.group("n")
        if name.lower() in labels:
            continue
        ordinary = all(w.lower() in plain for w in name.split())
        conf = 0.8 if times[name] >= 2 or not ordinary else 0.6
        yield Detection(m.start("n"), m.end("n"), "PERSON", conf, "person.sender", name)
