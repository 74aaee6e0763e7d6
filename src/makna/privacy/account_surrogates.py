"""Surrogates of account numbers (``ACCOUNT``, issue #11 round twenty-five): the same shape, no bank's account.

* An **IBAN** keeps its country code and the shape of its basic bank account number (letters stay letters,
  digits digits, spaces where they were), and takes check digits that fail ISO 13616's modulo-97 test: no bank
  issues an IBAN whose check digits fail, and every validating form refuses it.
* A nine-digit **US routing number** (one whose ABA checksum holds) becomes nine digits whose checksum fails:
  no routing number of the Federal Reserve's directory.
* Any other number keeps its length, its letters (drawn anew where they would show an original word: a case
  reference added by hand, ``WECT 18842-26``; round twenty-eight), its separators (``0123-01-012345-50-5``,
  ``20-45-77``) and a leading zero where it had one (BRI's branch codes), the other digits drawn anew. Indonesian,
  UK and most other account numbers carry no public check digit, so such a surrogate is only as unlikely to be a
  real account as a random number of that bank's length; the project's key file maps it back, never the text.
"""

from __future__ import annotations

import random
import re

from .bank_accounts import aba_valid, iban_valid

__all__ = ["account_surrogate"]

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def account_surrogate(rng: random.Random, original: str, *, letters: bool = False) -> str:
    """A surrogate for the account number ``original`` (see the module's notes); ``letters``: its letters (other
    than an IBAN's country code) drawn anew too, in their case (``WECT 18842-26`` -> ``QBRN 50713-94``), where the
    kept ones would show an original word."""
    compact = re.sub(r"\s", "", original)
    if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z\d]{10,30}", compact) and (iban_valid(compact) or " " in original):
        return _iban(rng, original)
    digits = re.sub(r"\D", "", original)
    if len(digits) == 9 and aba_valid(digits):
        new = _draw(rng, digits)
        while aba_valid(new):
            new = _draw(rng, digits)
        return _into(original, new)
    new = _draw(rng, digits)
    while new == digits and len(digits) > 1:
        new = _draw(rng, digits)
    if letters:
        original = "".join(_letter(rng, c) for c in original)
    return _into(original, new)


def _letter(rng: random.Random, c: str) -> str:
    """Another letter of ``c``'s case for a letter of the Latin alphabet; anything else as it is."""
    if c.upper() not in _LETTERS:
        return c
    new = rng.choice([x for x in _LETTERS if x != c.upper()])
    return new if c.isupper() else new.lower()


def _draw(rng: random.Random, digits: str) -> str:
    first = "0" if digits.startswith("0") else str(rng.randint(1, 9))
    return (first + "".join(rng.choice("0123456789") for _ in digits[1:]))[: len(digits)]


def _into(original: str, digits: str) -> str:
    it = iter(digits)
    return "".join(next(it) if c.isdigit() else c for c in original)


def _iban(rng: random.Random, original: str) -> str:
    body = "".join(
        rng.choice(_LETTERS) if c.isalpha() else (rng.choice("0123456789") if c.isdigit() else c) for c in original[4:]
    )
    country = original[:2]
    compact = re.sub(r"\s", "", country + "00" + body)
    valid = 98 - int("".join(str(int(c, 36)) for c in compact[4:] + compact[:4])) % 97
    check = rng.choice([n for n in range(2, 99) if n != valid])
    return f"{country}{check:02d}{body}"
