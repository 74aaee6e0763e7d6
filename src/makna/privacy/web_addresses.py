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
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from ._fastrx import gated_finditer, trigger
from .types import Detection

__all__ = ["PUBLIC_SUFFIXES", "find_bare_domains"]

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
_GATE: Final = trigger(sorted({"." + s.rsplit(".", 1)[-1] for s in PUBLIC_SUFFIXES}))
"""The lines holding a dot and the last label of a suffix (``.com``, ``.id``...): the pattern runs on those only."""
_TRAIL: Final = ".,;:!?)]}'\""


def find_bare_domains(text: str) -> Iterator[Detection]:
    """Bare domains in lower case under a public suffix, with any path (``warungsari.id``,
    ``helpersjobs.com.hk/apply``): 0.9 with a path, 0.85 without."""
    for m in gated_finditer(_BARE, _GATE, text):
        raw = m.group(0).rstrip(_TRAIL)
        host = raw.split("/", 1)[0]
        labels = host.split(".")
        if not any(c.isalpha() for c in labels[0]) or len(labels[0]) < 2:
            continue  # "3.id", "v2.io": a number or a letter before the suffix
        conf = 0.9 if "/" in raw else 0.85
        yield Detection(m.start(), m.start() + len(raw), "URL", conf, "url.bare", raw)
