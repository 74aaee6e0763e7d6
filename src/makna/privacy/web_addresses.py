"""Web addresses written without a scheme: a bare domain under a known public suffix, with or without a path
(issue #11).

People say where a shop, an agency or a blog lives as they type it: ``warungsari.id``, ``batikkuning.com``,
``helpersjobs.com.hk/apply``, ``tokobunda.my.id``. :mod:`.patterns` finds a scheme, ``www.``, a path after a
handful of top-level domains and bare domains of three labels or more; this module adds a domain of two labels or
more in lower case under a public suffix of the list below (generic top-level domains and the second-level
suffixes of the countries the corpus speaks of), with any path after it. Not: a file name (``laporan.pdf``,
``index.html``: no suffix of the list), an abbreviation (``e.g.``), a capitalised brand written as a domain
(``Booking.com``: a company's name, the organisation detectors' part), an e-mail address's domain, a word glued
to the next sentence without a space (``selesai.Id``). Only the suffix list and the shape: no value from a corpus.

One scan for bare hosts (round twenty-eight): :func:`host_starts` finds, once per text, every place a host may
begin (a letter or digit after no word character, ``@``, ``.``, ``/`` or ``-``, its first label followed by a dot
and a letter or digit, on a line holding a host's ``x.ab``); this module's pattern and :mod:`.url_forms`' are then
only tried there (:func:`matches_from`), with exactly the matches each found scanning the whole text alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

from ._fastrx import gated_finditer
from .types import Detection

__all__ = ["HOST_GATE", "PUBLIC_SUFFIXES", "find_bare_domains", "host_starts", "matches_from"]

PUBLIC_SUFFIXES: Final[tuple[str, ...]] = tuple(
    # generic top-level domains people type for shops, blogs, agencies and campaigns
    "com net org info biz io co me app dev site online store shop xyz blog link page web live click asia "
    # Indonesia
    "id co.id or.id ac.id go.id my.id web.id sch.id net.id biz.id ponpes.id desa.id "
    # Singapore, Hong Kong, Taiwan, Malaysia, the Philippines, Japan
    "sg com.sg org.sg edu.sg gov.sg net.sg hk com.hk org.hk edu.hk gov.hk net.hk tw com.tw org.tw "
    "my com.my org.my gov.my ph com.ph org.ph gov.ph jp co.jp "
    # English-speaking countries of the corpus, the Gulf, Korea
    "uk co.uk org.uk ac.uk gov.uk au com.au org.au net.au nz co.nz org.nz ie ca us in co.in org.in "
    "ng com.ng org.ng za co.za org.za ke co.ke gh com.gh ae sa com.sa qa kr co.kr".split()
)
"""Public suffixes a bare domain may end in (longest first in the pattern, so ``co.id`` wins over ``id``)."""

_SUFFIX_ALT: Final = "|".join(re.escape(s) for s in sorted(PUBLIC_SUFFIXES, key=lambda s: (-len(s), s)))
_BARE: Final = re.compile(
    r"(?<![\w@./\-])(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+"
    rf"(?:{_SUFFIX_ALT})"
    r"(?:/[^\s<>\"'()\[\]]*)?(?![\w@\-]|\.[A-Za-z0-9])"
)
_TRAIL: Final = ".,;:!?)]}'\""
HOST_GATE: Final = re.compile(r"[A-Za-z0-9]\.[A-Za-z]{2}")
"""A label's last character, a dot and two letters: every host of this module and of :mod:`.url_forms` holds one
(a top-level domain or a suffix's first label has two letters or more)."""
_HOST_START: Final = re.compile(r"(?<![\w@./\-])[A-Za-z0-9][A-Za-z0-9\-]*\.[A-Za-z0-9]")
"""Where a host may begin: a first label after no host character, then a dot and the next label's first character.
Every match of :data:`_BARE` and of :mod:`.url_forms`' host pattern starts at one of these (their look-behinds
refuse at least these characters), and no other can start inside one (each character of it is refused)."""


def host_starts(text: str) -> tuple[int, ...]:
    """The one scan for web hosts over ``text``: every position where a host may begin, in order."""
    return tuple(m.start() for m in gated_finditer(_HOST_START, HOST_GATE, text))


def matches_from(rx: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` for a pattern whose every match starts at one of ``starts`` (:func:`host_starts`):
    ``rx`` is tried at those positions only, each after the last match's end, as ``finditer`` resumes."""
    end = -1
    for pos in starts:
        if pos < end:
            continue
        m = rx.match(text, pos)
        if m is not None:
            end = m.end()
            yield m


def find_bare_domains(text: str, starts: Sequence[int] | None = None) -> Iterator[Detection]:
    """Bare domains in lower case under a public suffix, with any path (``warungsari.id``,
    ``helpersjobs.com.hk/apply``): 0.9 with a path, 0.85 without. ``starts``: :func:`host_starts` of ``text``,
    when the caller scanned it already."""
    for m in matches_from(_BARE, text, host_starts(text) if starts is None else starts):
        raw = m.group(0).rstrip(_TRAIL)
        host = raw.split("/", 1)[0]
        labels = host.split(".")
        if not any(c.isalpha() for c in labels[0]) or len(labels[0]) < 2:
            continue  # "3.id", "v2.io": a number or a letter before the suffix
        conf = 0.9 if "/" in raw else 0.85
        yield Detection(m.start(), m.start() + len(raw), "URL", conf, "url.bare", raw)
