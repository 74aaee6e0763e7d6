"""The name someone uses on an app, said as such, is a PERSON whatever else the word is (#11, round seventeen).

Informants often choose a flower, a bird or a place as the name their profile shows (``Di aplikasi saya pakai
Teduh``, ``Namo di aplikasi Pandan.``, ``saya pakai nama Karang``, ``Namo ambo di sinan Kuntum``, ``my name on
the app is Harbour``, a username said the same way). The place list or the organisation model may type that word
LOCATION or ORG, or a word list may keep it; the cue says it names a person. This last pass types the cued word
PERSON, and every other mention of the same word standing alone in the text with it (``Pandan tu daun untuak
kue``), not one word of a longer name (``Soto Pandan``: a stall named like her).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ._fastrx import Folded, gated_finditer
from ._text import HONORIFICS
from .types import Detection

__all__ = ["screen_names"]

_NAME = r"(?P<n>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’\-]{2,})(?![\w'’@\-]|[ \t]+[A-Z])"
_APP = r"(?:aplikasi|aplikasinya|apk|app|akun|akunnya|akunnyo|profil|profilnya)"
_NAME_WORD = r"(?:nama|namo|namanya|namonyo|namaku|username|user[ \t]?name)"
_SELF = r"(?:saya|ambo|aku|awak|gue|beta|kami|uni|kakak|kak|ni)"
_USE = r"(?:pakai|pake|pakek|memakai|guna|gunakan|menggunakan|jadi|sebagai)"
_CUES: Final = (
    # "Namo di aplikasi Pandan", "nama saya di akun itu Melur", "Namo ambo di sinan Kuntum"
    re.compile(
        rf"(?<![\w\-])(?i:{_NAME_WORD}(?:[ \t]+{_SELF})?[ \t]+(?:di|dalam|dalem)[ \t]+(?:{_APP}|sinan|situ|sana)"
        rf"(?:[ \t]+(?:itu|tu|tuh|ini|tsb))?(?:[ \t]+(?:adalah|ialah))?)[ \t]*:?[ \t]+{_NAME}"
    ),
    # "Di aplikasi saya pakai Teduh", "di aplikasi ambo pakai nama Cangak"
    re.compile(
        rf"(?<![\w\-])(?i:(?:di|dalam|dalem)[ \t]+{_APP}(?:[ \t]+(?:itu|tu|ini))?,?(?:[ \t]+{_SELF})?"
        rf"[ \t]+{_USE}(?:[ \t]+{_NAME_WORD})?)[ \t]+{_NAME}"
    ),
    # "saya pakai nama Karang", "pake nama Mawar"
    re.compile(rf"(?<![\w\-])(?i:{_USE}[ \t]+{_NAME_WORD})[ \t]+{_NAME}"),
    # "my name on the app is Harbour", "on the app I'm Harbour", "my profile name was Wren"
    re.compile(
        r"(?<![\w\-])(?i:(?:name|handle|username|user[ \t]?name)[ \t]+on[ \t]+(?:the|my|that|this)[ \t]+"
        r"(?:app|apps|profile|site|platform)"
        r"[ \t]+(?:is|was)|on[ \t]+the[ \t]+app[ \t]+I(?:['’]m|[ \t]+am|[ \t]+was)|profile[ \t]+name[ \t]+(?:is|was))"
        rf"[ \t]+{_NAME}"
    ),
)
_CUE_LINES: Final = (
    Folded(("nam", "user"), _CUES[0]),
    Folded(("aplikasi", "apk", "app", "akun", "profil"), _CUES[1]),
    Folded(("nam", "user"), _CUES[2]),
    Folded(("app", "profil", "site", "platform"), _CUES[3]),
)
"""Each cue's lines, from the shared word-start pass: a cue led by a look-behind and a case-folded alternation is
tried at every position of a text, and most texts hold none. Every match holds, at a word's start, a naming word
(``nama``, ``namo``, ``name``, ``username``, ``user name``), an app word (``aplikasi``, ``apk``, ``app``, ``akun``,
``profil``) or a site word (``app``, ``profile``, ``site``, ``platform``), and none holds a newline."""
_MENTION: Final = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’\-]+")


_CAP_BEFORE: Final = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’\-]*[ \t]+$")
_CAP_AFTER: Final = re.compile(r"[ \t]+[A-ZÀ-ÖØ-Þ]")


def _in_longer_name(text: str, m: re.Match[str]) -> bool:
    """Whether the mention is one word of a longer capitalised name (``Soto Pandan``: a stall, not her)."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    before = _CAP_BEFORE.search(text, max(line_start, m.start() - 30), m.start())
    return before is not None or _CAP_AFTER.match(text, m.end()) is not None


def _cued(text: str) -> dict[str, tuple[int, int]]:
    """Each word a cue names, with the span of its first cued mention."""
    out: dict[str, tuple[int, int]] = {}
    for rx, lines in zip(_CUES, _CUE_LINES, strict=True):
        for m in gated_finditer(rx, lines, text):
            word = m.group("n")
            if word not in HONORIFICS:
                out.setdefault(word, (m.start("n"), m.end("n")))
    return out


def screen_names(text: str, found: Sequence[Detection]) -> list[Detection]:
    """``found`` with every cued app name and its other mentions typed PERSON (module docstring); ``text``
    with speaker labels masked."""
    cued = _cued(text)
    if not cued:
        return list(found)
    spans: list[tuple[int, int, str]] = [(*first, word) for word, first in cued.items()]
    for m in _MENTION.finditer(text):  # one scan for every cued word's other mentions
        word = m.group(0)
        if word in cued and (m.start(), m.end()) != cued[word] and not _in_longer_name(text, m):
            spans.append((m.start(), m.end(), word))
    out = list(found)
    for start, end, word in spans:
        hits = [d for d in out if d.start < end and start < d.end]
        if any(d.type == "PERSON" for d in hits):
            continue
        if any(d.start < start or d.end > end for d in hits) or any(d.type not in {"LOCATION", "ORG"} for d in hits):
            continue  # part of a longer name, or something other than a name: leave it
        for d in hits:
            out.remove(d)
        confidence = 0.9 if (start, end) == cued[word] else 0.75
        out.append(Detection(start, end, "PERSON", confidence, "person.screen_name", word))
    return sorted(out, key=lambda d: (d.start, d.end))
