"""Words that introduce a name and are no part of it (issue 11).

A turn that opens "I'm Ada Obi, ...", "Hi Ada, ...", "Namaku Ada Obi, ..." or "Call me Ada" gives a name after
a word of self-introduction, address or greeting. A detector that takes the capitalised words of such a turn
must leave that word outside the span: a span that swallows it is both a miss (the gold is the name alone) and
a false alarm. :func:`is_self_intro` says whether a capitalised word is one: a greeting, an English contraction
of "I am", "it is", "this is" ("I'm", "It's"), or an Indonesian or Minang word for "name", "call" or "I" with
or without its possessive ending ("Namaku", "Namoku", "Panggil", "Ambo").
"""

from __future__ import annotations

import re
from typing import Final

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


def is_self_intro(word: str) -> bool:
    """Whether ``word`` (as written) introduces the name after it and is no part of it (module docstring)."""
    low = word.strip(",.:;!").lower()
    return low in _GREETINGS or _NAME_WORDS.fullmatch(low) is not None or _CONTRACTED.fullmatch(low) is not None
