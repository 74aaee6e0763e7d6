"""Words that introduce a name and are no part of it (issue 11).

A turn that opens "I'm Ada Obi, ...", "Hi Ada, ...", "Namaku Ada Obi, ..." or "Call me Ada" gives a name after
a word of self-introduction, address or greeting. A detector that takes the capitalised words of such a turn
must leave that word outside the span: a span that swallows it is both a miss (the gold is the name alone) and
a false alarm. :func:`is_self_intro` says whether a capitalised word is one: a greeting, an English contraction
of "I am", "it is", "this is" ("I'm", "It's"), or an Indonesian or Minang word for "name", "call" or "I" with
or without its possessive ending ("Namaku", "Namoku", "Panggil", "Ambo"). Some of these words are given names
too ("Salam", "Selamat", "Abdi", "Nami", "Aran"): such a word introduces a name only where a comma, a pronoun or
a time of day follows it ("Salam, saya Rina", "Abdi, abdi teh Neneng", "Selamat pagi"); "Salam Haddad" is a
name of two words.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from . import gazetteers as gz

__all__ = ["is_self_intro"]

_GREETINGS: Final = frozenset(
    "hi hello hey hiya hallo halo hai helo hola morning evening afternoon dear thanks thank cheers bye oh ok okay "
    "yes yeah yep no well so and but call this that it's its i'm im i've me myself selamat salam assalamualaikum "
    "permisi makasih terima maaf nah iya ya yo".split()
)
_NAME_WORDS: Final = re.compile(
    r"(?:nama|namo|name|nami|jeneng|aran|ngaran|panggil|panggia|imbau|maimbau|call|saya|aku|ambo|gue|awak|"
    r"kami|kula|kulo|abdi|tiang|beta)(?:ku|nyo|nya|ne|e|na|lah|kan)?"
)
_CONTRACTED: Final = re.compile(r"(?i:(?:i|it|this|that|he|she|name)['’](?:m|s))")
_ALSO_GIVEN: Final = frozenset({"salam", "selamat", "slamet", "nami", "abdi", "aran"})
"""Words of greeting or self-introduction that are also given names (Arabic, Javanese and Malay, Somali,
Japanese and Persian, Irish): besides these, any such word a first-name list holds."""
_INTRO_NEXT: Final = re.compile(
    r"[ \t]*(?:[,.:;!]|(?i:saya|aku|ambo|gue|gua|abdi|kula|kulo|tiang|beta|awak|kami|i|i['’]m|we|my|it['’]s|this|"
    r"nama\w*|namo\w*|pagi|siang|sore|malam|datang|sonten|enjing|morning|afternoon|evening)\b)"
)

_PRONOUNS: Final = frozenset({"abdi", "kula", "kulo", "tiang", "beta", "awak"})
_NEXT_WORD: Final = re.compile(r"[ \t]+([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)")


@cache
def _given_names() -> frozenset[str]:
    return frozenset(n.lower() for n in gz.first_names("id") | gz.first_names("en"))


def is_self_intro(word: str, after: str | None = None) -> bool:
    """Whether ``word`` (as written) introduces the name after it and is no part of it (module docstring).
    ``after`` is the text that follows the word: a word that is also a given name introduces one only where a
    comma, a pronoun or a time of day comes next (a trailing comma in ``word`` counts); without ``after``, whether
    the word can introduce a name at all."""
    low = word.strip(",.:;!").lower()
    if not (low in _GREETINGS or _NAME_WORDS.fullmatch(low) is not None or _CONTRACTED.fullmatch(low) is not None):
        return False
    if low not in _ALSO_GIVEN and low not in _given_names():
        return True
    if after is None or word[-1:] in ",.:;!" or _INTRO_NEXT.match(after) is not None:
        return True
    nxt = _NEXT_WORD.match(after)  # "Abdi Neneng,": a pronoun (Sundanese "I") before a listed given name
    return low in _PRONOUNS and nxt is not None and nxt.group(1).lower() in _given_names()
