"""Surrogates of e-mail addresses and user names that keep their shape and the person's surrogate in them.

``yulianti.padang88@gmail.com`` in a source where ``Yulianti`` becomes ``Marlina`` becomes
``marlina.dewi41@example.net``: each run of letters of the user part that is a name of the project (or
its short form, or names written together: ``yuliantiputri``) gets that name's surrogate, a place of the
project that place's; any other run a name of the source's naming tradition (its chosen one, else its
region's, else its language's: an Indonesian seller's ``cantik.manis`` becomes two Indonesian names, not
English words); digits become other digits of the same length; dots, underscores and dashes stay. The
domain becomes an ``example`` domain; words of shared mailboxes and shops (``info``, ``admin``, ``olshop``,
:data:`ROLE_WORDS`) stay; a ``wa.me`` number link keeps its number surrogate (see
:mod:`makna.privacy.surrogates`).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Final

__all__ = ["ROLE_WORDS", "new_domain", "rebuild_user", "segment", "split_account"]

_DOMAINS: Final = ("example.com", "example.org", "example.net")
ROLE_WORDS: Final = frozenset(
    "info admin cs sales halo hello hi contact kontak marketing support noreply no reply office kantor official "
    "resmi shop store toko olshop online jual jualan order pesan".split())
"""Words of shared mailboxes and shop accounts that name no one: a user part keeps them (``info@``,
``olshop``)."""
_LINK: Final = re.compile(r"(?i)((?:https?://)?(?:www\.)?(?:wa\.me|t\.me|instagram\.com|facebook\.com|fb\.com|"
                          r"tiktok\.com/@?|twitter\.com|x\.com|michat\.\w+)/@?)(.+)")


def split_account(kind: str, original: str) -> tuple[str, str, str] | None:
    """``(before, user, after)`` of an e-mail address (``after``: ``@`` and the domain) or a handle
    (``before``: ``@`` or a profile link's address); None for a link to a number or no user part."""
    if kind == "EMAIL":
        m = re.fullmatch(r"(?i)(mailto:)?([^@\s]+)(@\S+)", original.strip())
        return (m.group(1) or "", m.group(2), m.group(3)) if m else None
    m = _LINK.fullmatch(original.strip())
    if m:
        body = m.group(2)
        return None if re.sub(r"\D", "", body) == body else (m.group(1), body, "")
    at = "@" if original.startswith("@") else ""
    user = original[len(at):]
    return (at, user, "") if re.search(r"[^\W\d_]", user) else None


def segment(run: str, known: Callable[[str], bool]) -> list[str] | None:
    """``run`` (lower case) cut into names that ``known`` accepts, longest first (``yuliantiputri`` ->
    ``yulianti``, ``putri``); None where it cannot be cut so."""
    if known(run):
        return [run]
    for cut in range(len(run) - 3, 2, -1):
        if known(run[:cut]):
            rest = segment(run[cut:], known)
            if rest is not None:
                return [run[:cut], *rest]
    return None


def _cased(original: str, new: str) -> str:
    if original.isupper() and len(original) > 1:
        return new.upper()
    return new[:1].upper() + new[1:] if original[:1].isupper() else new.lower()


def rebuild_user(user: str, rng: random.Random, name_of: Callable[[str], str | None],
                 word: Callable[[random.Random], str],
                 initial: Callable[[str, list[str]], str | None] | None = None) -> str:
    """A new user part of the same shape (see the module documentation): ``name_of`` gives the surrogate of
    a run of letters that is a name or place of the project (else None), ``word`` draws another name;
    ``initial`` the surrogate of a one-letter run (an initial) given the user part's other runs (``t`` of
    ``nurhayati.t``: the initial of the surrogate of the surname of the person called Nurhayati), else None:
    another letter (an initial stays an initial)."""
    out: list[str] = []
    runs = [r.casefold() for r in re.findall(r"[^\W\d_]+", user)]
    for piece in re.split(r"([^\W\d_]+)", user):
        if not piece:
            continue
        if re.fullmatch(r"[^\W\d_]+", piece):
            if piece.casefold() in ROLE_WORDS:
                out.append(piece)
                continue
            if len(piece) == 1 and len(runs) > 1:
                letter = initial(piece, runs) if initial is not None else None
                out.append(_cased(piece, letter or rng.choice("abcdefghijklmnoprstuwy")))
                continue
            new = name_of(piece)
            out.append(_cased(piece, new if new is not None else word(rng)))
        else:
            out.append("".join(str(rng.randint(1 if i == 0 and c != "0" else 0, 9)) if c.isdigit() else c
                               for i, c in enumerate(piece)))
    return "".join(out)


def new_domain(rng: random.Random, after: str) -> str:
    """An ``example`` domain for an e-mail address's ``@domain`` (nothing for a handle)."""
    return "@" + rng.choice(_DOMAINS) if after.startswith("@") else after
