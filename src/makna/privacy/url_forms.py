"""Web addresses in the other shapes people write them (issue #11, round twenty-seven).

:mod:`.patterns` finds a scheme, ``www.`` and a path after a handful of top-level domains; :mod:`.web_addresses`
finds lower-case bare domains under a short list of suffixes. This module adds, by the URL grammar of RFC 3986 and
the ICANN section of the Public Suffix List (``data/public_suffixes.txt``):

* a host under any top-level domain followed by a path or a port (``islandworks.org.jm/apply``), in lower case,
  in capitals (``PASARTANI.OR.ID/INFO``) or with capitals in its path;
* a bare host under a two-label public suffix (``mamaskitchen.co.za``, ``islandworks.org.jm``), or under a
  top-level domain of three letters or more that is not a file's extension (``ridercoop.studio``) when the name
  before it is no ordinary word (``fine.now`` is a sentence typed without its space);
* a host typed in capitals under a two-label suffix (``WWW.`` is :mod:`.patterns`' part), or capitalised as a
  sentence's first word when its name is no brand and no ordinary word (``Warungsari.id``; ``Booking.com`` is a
  company, the organisation detectors' part);
* a bare host before an Indonesian clitic (``tokobunda.com-nya``: the host only);
* an IPv4 address with a port or a path (``192.168.10.24:8080``);
* an address said aloud: ``example dot org slash kontak``, ``kopiteman titik com garis miring pesan``,
  ``rumah strip singgah titik or titik id``;
* an address a chat export wrapped at the line's end (``.../konseling-`` then ``online-gratis``), joined when the
  line ends where no address ends (``-``, ``=``, ``&``...), or ends in ``/`` and the next line's word starts with a
  letter and holds an address's punctuation (never after a sentence's full stop: the next turn's label).

Not: a file name (``notes.docx``, ``readme.md``), a version or a decimal (``4.12.3``), an abbreviation
(``e.g.``, ``a.n.``), a capitalised brand without a path (``Booking.com``: an organisation), an e-mail address.
Only the grammar and the suffix list: no value from a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources
from typing import Final

from . import gazetteers as gz
from ._fastrx import gated_finditer, trigger
from .types import Detection
from .web_addresses import PUBLIC_SUFFIXES, host_starts, matches_from

__all__ = ["FILE_EXTENSIONS", "find_url_forms", "public_suffixes", "under_registry"]

FILE_EXTENSIONS: Final = frozenset(
    "doc docx xls xlsx ppt pptx pdf txt rtf odt ods csv tsv json xml yaml yml md html htm css js ts py rb sh "
    "java go rs php exe apk dmg zip rar gz tar png jpg jpeg gif bmp svg webp heic mp3 mp4 m4a wav ogg mov avi mkv "
    "flac aac ini log bak tmp dat db sql".split()
)
"""Extensions of common files: a name ending in one (``export.py``, ``video.mov``) is a file, not a host."""


@cache
def public_suffixes() -> frozenset[str]:
    """The ICANN top-level domains and two-label public suffixes (``com``, ``jm``, ``org.jm``, ``co.ke``);
    a top-level wildcard (``*.jm``: every name under ``jm``) as its ``*.`` form; the top-level domain of every
    rule (the list holds ``co.za`` but not ``za``)."""
    text = (resources.files("makna.privacy") / "data" / "public_suffixes.txt").read_text(encoding="utf-8")
    rules = {line for line in text.splitlines() if line and not line.startswith("#")}
    return frozenset(rules | {r.rsplit(".", 1)[-1] for r in rules})  # "*.jm" and "co.za": "jm" and "za" too


_HOST: Final = re.compile(
    r"(?<![\w@./\-%])(?P<host>(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24})"
    r"(?P<port>:\d{2,5})?(?P<path>[/?#][^\s<>\"'()\[\]{}]*)?(?![\w@\-]|\.[A-Za-z0-9])"
    r"|(?<![\w@./\-%])(?P<clitic_host>(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})(?=-(?:nya|ku|mu)\b)"
)
"""A host with its port and path; or a bare host before an Indonesian clitic (``tokobunda.com-nya``), without it;
tried only where :func:`.web_addresses.host_starts` says a host may begin (the scan :mod:`.web_addresses` shares)."""
_IP: Final = re.compile(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
    r"(?::\d{2,5}(?:/[^\s<>\"'()\[\]{}]*)?|/[^\s<>\"'()\[\]{}]+)(?![\w.:])"
)
_IP_GATE: Final = re.compile(r"\d\.\d{1,3}[:/]")
_SAID_DOT: Final = r"\s+(?:dot|titik)\s+"
_SPOKEN: Final = re.compile(
    rf"(?<![\w.])(?:w\s?w\s?w{_SAID_DOT})?(?P<name>[A-Za-z0-9][A-Za-z0-9\-]{{1,62}}"
    r"(?:\s+(?:dash|hyphen|strip|setrip)\s+[A-Za-z0-9\-]{1,62})*)"
    rf"(?P<labels>(?:{_SAID_DOT}[A-Za-z0-9\-]{{2,63}})+)"
    r"(?:\s+(?:slash|garis\s+miring)\s+[A-Za-z0-9\-_]+)*(?!\w)",
    re.IGNORECASE,
)
_SPOKEN_GATE: Final = trigger([" dot ", " titik ", " Dot ", " Titik ", " DOT ", " TITIK "])
_NOT_A_NAME: Final = frozenset("the a an this that era zaman si sang itu ini of in on at dan and or atau".split())
"""Words before a spoken ``dot com`` that make it a phrase (``the dot com days``), not an address."""
_LINE_TAIL: Final = re.compile(r"(?<![^\s<>\"'])[^\s<>\"']++(?=\n)")
"""The run of address characters that ends a line (possessive, from a run's start only: linear)."""
_WRAP_START: Final = re.compile(r"(?<![\w@])(?:https?://|www\.)", re.IGNORECASE)
_WRAP_REST: Final = re.compile(r"[A-Za-z0-9%~/][^\s<>\"'()\[\]]*(?=\s|$)")
"""An address wrapped at a line's end: the leftmost ``http(s)://`` or ``www.`` of the run that ends the line, and the
next line's first word (read run by run, never from every ``www.`` of a long run: review27 found the one pattern
quadratic on 50,000 characters of ``www.``)."""
_WRAP_GATE: Final = trigger(["://", "www.", "WWW."])
_OPEN_END: Final = "-_=&?%~+"
"""A line that ends in one of these ends inside an address: the next line's word goes on with it."""
_URL_MARKS: Final = frozenset("/-_=&?%#~")
_TRAIL: Final = ".,;:!?)]}'\""
_CURATED: Final = frozenset(s for s in PUBLIC_SUFFIXES if "." not in s)


def under_registry(token: str) -> bool:
    """Whether ``token`` is a host of three labels or more under a two-label public suffix (``auntiesbakery.co.nz``,
    ``tokoroti.or.id``): a name a registry gave out, never a user name (no platform's user name ends in a
    registry's second level)."""
    labels = token.lower().split(".")
    return len(labels) >= 3 and all(labels) and ".".join(labels[-2:]) in public_suffixes()


def _host_ok(host: str, *, addressed: bool) -> bool:
    """Whether ``host`` is a web host: its suffix is public, its case a host's, its name no ordinary word when
    only the suffix says so. ``addressed``: a path or a port follows it."""
    labels = host.split(".")
    low = [label.lower() for label in labels]
    suffixes = public_suffixes()
    tld = low[-1]
    two = ".".join(low[-2:])
    if tld not in suffixes or len(labels) < 2:
        return False
    second = (two in suffixes or "*." + tld in suffixes) and len(labels) >= 3  # a name under org.jm, co.za
    name = low[-3] if second else low[-2]
    if not any(c.isalpha() for c in name) or len(name) < 2:
        return False  # "3.id", "v2.io"
    lower, upper = host == host.lower(), host == host.upper()
    if addressed:
        return not (tld in FILE_EXTENSIONS and not second and len(labels) == 2)
    if not lower:  # "KOPERASI.CO.ID", "Sinarjaya.co.id", "Warungsari.id" (a sentence's first word) are addresses
        if upper or host[1:] != host[1:].lower():
            return second and upper
        # "Booking.com", "Tokopedia.com": a brand or a word, the organisation detectors' part
        return (second or tld in _CURATED) and not _known_word(labels[-3] if second else labels[-2])
    if second or tld in _CURATED:
        return True
    if tld in FILE_EXTENSIONS or len(name) < 3:
        return False
    return len(tld) >= 3 and name not in gz.ordinary_words()


def _known_word(label: str) -> bool:
    """Whether a capitalised host's name is a brand or an ordinary word (``Booking``, ``Shopee``)."""
    return label in gz.brands() or label.lower() in gz.ordinary_words()


def _hosts(text: str, starts: Sequence[int]) -> Iterator[Detection]:
    for m in matches_from(_HOST, text, starts):
        if m.group("clitic_host") is not None:
            if _host_ok(m.group("clitic_host"), addressed=False):
                yield Detection(m.start(), m.end(), "URL", 0.85, "url.suffix", m.group(0))
            continue
        raw = m.group(0).rstrip(_TRAIL)
        end = m.start() + len(raw)
        addressed = end > m.end("host") + 1 or (m.group("port") is not None and end >= m.end("port"))
        if _host_ok(m.group("host"), addressed=addressed):
            yield Detection(m.start(), end, "URL", 0.9 if addressed else 0.85, "url.suffix", raw)


def _ips(text: str) -> Iterator[Detection]:
    for m in gated_finditer(_IP, _IP_GATE, text):
        raw = m.group(0).rstrip(_TRAIL)
        yield Detection(m.start(), m.start() + len(raw), "URL", 0.9, "url.ip", raw)


def _spoken(text: str) -> Iterator[Detection]:
    suffixes = public_suffixes()
    for m in gated_finditer(_SPOKEN, _SPOKEN_GATE, text):
        name = re.split(r"\s+", m.group("name").lower())[0]
        labels = [name, *(w.lower() for w in re.split(_SAID_DOT, m.group("labels"), flags=re.I)[1:])]
        tld = labels[-1]
        if name in _NOT_A_NAME or tld not in suffixes:
            continue
        if not (tld in _CURATED or ".".join(labels[-2:]) in suffixes or "*." + tld in suffixes):
            continue
        yield Detection(m.start(), m.end(), "URL", 0.9, "url.spoken", m.group(0))


def _wrapped(text: str) -> Iterator[Detection]:
    done = 0  # the end of the last wrapped address: the next is read after it
    for tail in _LINE_TAIL.finditer(text) if _WRAP_GATE.search(text) else ():
        start = _WRAP_START.search(text, max(tail.start(), done), tail.end())
        if start is not None and start.end() == tail.end():
            continue  # a bare ``www.`` or scheme at the line's end: no address begun
        follow = _WRAP_REST.match(text, tail.end() + 1) if start else None
        if start is None or follow is None:
            continue
        head = text[start.start() : tail.end()]
        rest = follow.group(0).rstrip(_TRAIL)
        goes_on = head[-1] == "/" and rest[0].isalpha() and bool(_URL_MARKS & set(rest))
        if not rest or not (head[-1] in _OPEN_END or goes_on):
            done = follow.end()  # (the one pattern's match went this far before it was refused)
            continue
        end = follow.start() + len(rest)
        done = follow.end()
        yield Detection(start.start(), end, "URL", 0.97, "url.wrapped", text[start.start() : end])


def find_url_forms(text: str, starts: Sequence[int] | None = None) -> Iterator[Detection]:
    """Web addresses by host and public suffix, IPv4 addresses with a port or a path, addresses said aloud and
    addresses wrapped at a line's end (see the module's docstring). ``starts``: :func:`.web_addresses.host_starts`
    of ``text``, when the caller scanned it already (one scan for both modules' hosts)."""
    yield from _hosts(text, host_starts(text) if starts is None else starts)
    yield from _ips(text)
    yield from _spoken(text)
    yield from _wrapped(text)
