"""Regular-expression building blocks that keep Python's fast scan (internal).

Python's ``re`` scans quickly only when a pattern starts with a literal or a plain character set; a
pattern that starts with a look-behind, ``\\b`` or an alternation of case-folded words is tried at every
position of the text, which is 3-10x slower. Two rewrites restore the fast scan with the same matches:

* :func:`dispatch` turns ``(?<!X)(?:w1|w2|...)`` into ``[firsts](?<!X.)(?:(?<=[aA])(?:rest...)|...)``:
  the first character is consumed by a plain set, the look-behind checks the character before it, and
  a one-character look-behind picks the alternatives that start with it (their order is kept).
* :func:`gated_finditer` runs a pattern only on the lines that hold one of its trigger literals; it is
  exact for patterns that never match a newline and whose every match contains a trigger.

Even so, a dispatched pattern whose first letters cover most of the alphabet (case-folded cue words) is
still tried at most word starts; several of them cost one pass each. :class:`SharedScan` finds the
starts of all their cue words in ONE pass and runs each pattern with ``rx.match`` only where one of its
own cue words starts, which gives exactly the matches of ``rx.finditer``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._ci import FOLDS, ci, class_end
from ._find import WordStarts, lowered
from ._linegates import LineSet, RunFirst
from ._lines import (
    DIGIT_LINES,
    DIGIT_RUN_LINES,
    AllOf,
    Literals,
    SharedLines,
    ascii_finditer,
    for_text,
    lines_finditer,
    plain_ascii,
)

__all__ = [
    "AllOf",
    "DIGIT_LINES",
    "DIGIT_RUN_LINES",
    "Cue",
    "Folded",
    "Literals",
    "Narrowed",
    "SharedLines",
    "SharedScan",
    "Trigger",
    "any_of",
    "ascii_finditer",
    "dispatch",
    "dispatch_words",
    "for_text",
    "gated_finditer",
    "lines_finditer",
    "literal_prefix",
    "split_top",
    "trigger",
]


def split_top(fragment: str) -> list[str]:
    """The top-level ``|`` alternatives of a regex fragment (brackets, groups and escapes respected)."""
    parts: list[str] = []
    depth, start, i, n = 0, 0, 0, len(fragment)
    while i < n:
        c = fragment[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = class_end(fragment, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(fragment[start:i])
            start = i + 1
        i += 1
    parts.append(fragment[start:])
    return parts


def _first(alt: str) -> tuple[str, str]:
    """(first literal character, rest of the fragment); the first must be a literal, not an operator."""
    if alt.startswith("\\"):
        char, rest = alt[1], alt[2:]
        if char.isalnum():
            raise ValueError(f"alternative {alt!r} must start with a literal character")
    else:
        char, rest = alt[0], alt[1:]
        if char in "()[]|?*+{.^$":
            raise ValueError(f"alternative {alt!r} must start with a literal character")
    if rest[:1] in ("?", "*", "+", "{"):
        raise ValueError(f"alternative {alt!r} has a quantified first character")
    return char, rest


def _cls(chars: Sequence[str]) -> str:
    return "".join(c if c.isalnum() else "\\" + c for c in chars)


def dispatch(
    alternatives: Sequence[str],
    *,
    fold: bool = False,
    not_after: str | None = None,
    extra: Sequence[tuple[str, str]] = (),
) -> str:
    """A fast-scanning regex for ``(?<![not_after])(?:alt1|alt2|...)``.

    Each alternative is a regex fragment that starts with a literal character (``\\+`` allowed).
    ``fold`` makes ASCII letters match both cases (as :func:`makna.privacy._ci.ci`); ``not_after`` is the
    inside of a character class that must not precede the match (``"\\w"`` for ``\\b`` before a word).
    ``extra`` adds ``(first-character class, rest)`` branches tried after the others; their classes must
    not share a character with the literal first characters.
    """
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        char, rest = _first(alt)
        key = char.lower() if fold and char.isascii() else char
        groups.setdefault(key, []).append(ci(rest) if fold else rest)
    firsts: list[str] = []
    branches: list[str] = []
    for key, rests in groups.items():
        chars = sorted({key, key.upper()}) if fold and key.isascii() and key.isalpha() else [key]
        firsts.extend(chars)
        branches.append(f"(?<=[{_cls(chars)}])(?:{'|'.join(rests)})")
    first_cls = _cls(firsts)
    for inside, rest in extra:
        first_cls += inside
        branches.append(f"(?<=[{inside}])(?:{ci(rest) if fold else rest})")
    guard = f"(?<![{not_after}][\\s\\S])" if not_after else ""
    return f"[{first_cls}]{guard}(?:{'|'.join(branches)})"


def dispatch_words(alternatives: Sequence[tuple[str, bool]], *, not_after: str, not_folded: Sequence[str] = ()) -> str:
    """A fast-scanning regex for ``(?<![not_after])(?:(?!NOT)(?i:f1|f2)|c1|c2|(?i:f3))`` with the order kept,
    where ``NOT`` is ``(?:w1|w2|...)(?![not_after])`` of the ``not_folded`` words (case-sensitive, whole words the
    case-folded alternatives never match at a start: ``tin`` in lower case, where ``TIN`` is a document).

    Each alternative is ``(fragment, folded)``: a fragment that starts with an ASCII letter (not quantified),
    case-folded (as ``(?i:...)``, the long s, the dotless i and the Kelvin sign included) or not. As
    :func:`dispatch`, the first character is consumed by one plain set (the fast scan) and a look-behind picks the
    alternatives of its letter, in their order; the same matches as the pattern it stands for."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for alt, folded in alternatives:
        char, rest = _first(alt)
        if not (char.isascii() and char.isalpha()):
            raise ValueError(f"alternative {alt!r} must start with an ASCII letter")
        chars = FOLDS.get(char.lower(), char.lower() + char.upper()) if folded else char
        guard = ""
        refused = [w[1:] for w in not_folded if w[0] == char] if folded else []
        if refused:
            guard = f"(?!(?<={char})(?:{'|'.join(refused)})(?![{not_after}]))"
        groups.setdefault(char.lower(), []).append((chars, guard + (f"(?i:{rest})" if folded else rest)))
    firsts: list[str] = []
    branches: list[str] = []
    for alts in groups.values():
        union = "".join(sorted({c for chars, _ in alts for c in chars}))
        firsts.append(union)
        inner = "|".join(body if set(chars) == set(union) else f"(?<=[{chars}]){body}" for chars, body in alts)
        branches.append(f"(?<=[{union}])(?:{inner})")
    return f"[{''.join(firsts)}](?<![{not_after}][\\s\\S])(?:{'|'.join(branches)})"


class Trigger:
    """Literal gate words (case-sensitive) of a gated pattern. In any text (of :data:`_SHARED_MIN` characters
    or more), the lines holding one come from one automaton pass for all triggers (:class:`_SharedGates`). A
    trigger the automaton does not hold finds them with ``str.find`` (one pass per literal, jumping to the next
    line after a hit), faster than a regex alternation of the same words; with many, one regex pass."""

    __slots__ = ("ident", "literals", "rx")

    def __init__(self, literals: Sequence[str]) -> None:
        self.literals = tuple(sorted(set(literals), key=len, reverse=True))
        self.rx = any_of(self.literals)
        self.ident = _GATES.add(self)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first place in ``text[pos:endpos]`` where a literal starts (as :meth:`re.Pattern.search`; the
        match may be a shorter literal that begins the one found there)."""
        return self.rx.search(text, pos, len(text) if endpos is None else endpos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every place in ``text`` where a literal starts, but inside an earlier match (as
        :meth:`re.Pattern.finditer`)."""
        return self.rx.finditer(text)

    def lines(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every line of ``text`` holding a literal (``end`` at its newline), sorted."""
        if len(text) >= _SHARED_MIN and self.ident >= 0:
            return _GATES.lines(text, self.ident)
        found: dict[int, int] = {}
        n = len(text)
        for lit in self.literals:
            i = text.find(lit)
            while i >= 0:
                end = text.find("\n", i)
                end = n if end < 0 else end
                found.setdefault(text.rfind("\n", 0, i) + 1, end)
                i = text.find(lit, end) if end < n else -1
        return sorted(found.items())


class Narrowed:
    """A regex gate found only on the lines holding one of some literal words (a :class:`Trigger`, whose lines
    come from the shared automaton pass): the same lines as the gate searched over the whole text, for a gate
    whose every match holds one of the literals (on an ASCII text only, with ``ascii_only``: ``\\d`` matches
    other digits too), holds no newline, and reads nothing past the newline that ends its line. A gate led by a
    digit class or a common letter is tried at most places of a text (5 to 9 ms/MB); its literals are found in
    the shared pass for almost nothing."""

    __slots__ = ("ascii_only", "gate", "trigger")

    def __init__(self, literals: Sequence[str], gate: re.Pattern[str], *, ascii_only: bool = False) -> None:
        self.trigger = Trigger(literals)
        self.gate = gate
        self.ascii_only = ascii_only

    def lines(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every line of ``text`` where the gate matches (``end`` at its newline), sorted."""
        n = len(text)
        if self.ascii_only and not text.isascii():
            return _whole_lines(self.gate, text)
        search = self.gate.search
        return [(start, end) for start, end in self.trigger.lines(text) if search(text, start, min(n, end + 1))]


def _whole_lines(gate: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line where ``gate`` matches, searching the whole text (no line filter)."""
    n, found = len(text), dict[int, int]()
    for hit in gate.finditer(text):
        end = text.find("\n", hit.end())
        found.setdefault(text.rfind("\n", 0, hit.start()) + 1, n if end < 0 else end)
    return sorted(found.items())


_FOLDS_TO_ASCII = tuple(c for chars in FOLDS.values() for c in chars if not c.lower().isascii())
"""The characters of :data:`._ci.FOLDS` that ``str.lower`` does not turn into an ASCII letter (long s, dotless i,
dotted capital I; the Kelvin sign lower-cases to ``k``)."""


class Folded:
    """A case-folded regex gate found only on the lines where a word starts with one of some lower-case
    ``stems`` (from the shared word-start pass over the lower-cased text, :class:`._find.WordStarts`, that the
    identity and handle detectors pay anyway): the same lines as the gate searched over the whole text, for a gate
    (case-folded or not) whose every match starts with one of the stems (in some case; a stem holding a letter
    other than ASCII only for a gate that is not case-folded) after a character that is not ``\\w``, holds no
    newline and reads nothing past the newline that ends its line. A stem may also stand later in every match, as
    a word of it after a character that is not ``\\w`` (``asli`` in "nan asli Rini"): only the lines matter. A text
    holding a character of
    :data:`_FOLDS_TO_ASCII` is searched whole. A gate led by a look-behind and a case-folded alternation is tried
    at every position of a text (the weekday gate of dates: about 60 ms/MB)."""

    __slots__ = ("gate", "words")

    def __init__(self, stems: Sequence[str], gate: re.Pattern[str]) -> None:
        if any(stem != stem.lower() for stem in stems):
            raise ValueError("Folded needs lower-case stems")
        self.words = WordStarts(stems, after_at=True)
        self.gate = gate

    def lines(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every line of ``text`` where the gate matches (``end`` at its newline), sorted."""
        n = len(text)
        if not text.isascii() and any(char in text for char in _FOLDS_TO_ASCII):
            return _whole_lines(self.gate, text)
        search = self.gate.search
        lines = self.words.lines(text, lowered(text))
        return [(start, end) for start, end in lines if search(text, start, min(n, end + 1))]


_SHARED_MIN = 0
"""Texts this long find the lines of every :class:`Trigger` at once (:class:`_SharedGates`): all (one search per
literal in a short text cost a third of a detection of 200 characters)."""
_LONG = 2_000
"""The shared pass keeps its last text this long apart from its last shorter one (a line some detector gates)."""


class _SharedGates:
    """The lines holding each trigger's literals, for all triggers in ONE pass over a text.

    An Aho-Corasick automaton (pyahocorasick) of every trigger's literals reports each occurrence of each
    literal, overlapping ones included, in one pass in C; each occurrence credits the triggers holding that
    literal with the line it starts on. (One ``str.find`` pass per literal of the small triggers and one
    regex pass per large trigger cost about 0.6 ms/MB a literal and 3 to 12 ms/MB a regex, some 90 ms/MB
    together; the automaton about 12 ms/MB for all 430 literals.) The result for the last text is kept, so
    the thirty-odd gated patterns of one chunk share it.
    """

    def __init__(self) -> None:
        self._triggers: list[Trigger] = []
        self._built = -1
        self._automaton: Any = None  # ahocorasick.Automaton (an untyped C extension)
        self._last: tuple[str, list[list[tuple[int, int]]]] | None = None
        self._short: tuple[str, list[list[tuple[int, int]]]] | None = None

    def add(self, trig: Trigger) -> int:
        """Register a trigger; its index, or -1 when it has no literal or one holds a newline (not shared)."""
        if not trig.literals or not all(lit and "\n" not in lit for lit in trig.literals):
            return -1
        self._triggers.append(trig)
        return len(self._triggers) - 1

    def _build(self) -> None:
        import ahocorasick  # noqa: PLC0415  (a C extension, loaded when the first long text is scanned)

        owners: dict[str, set[int]] = {}
        for i, trig in enumerate(self._triggers):
            for lit in trig.literals:
                owners.setdefault(lit, set()).add(i)
        automaton = ahocorasick.Automaton()
        for lit, idents in owners.items():
            automaton.add_word(lit, sum(1 << i for i in idents))  # the triggers holding it, as bits
        automaton.make_automaton()
        self._automaton = automaton
        self._built = len(self._triggers)
        self._last = self._short = None

    def lines(self, text: str, ident: int) -> list[tuple[int, int]]:
        """As :meth:`Trigger.lines` for the trigger registered as ``ident``."""
        long = len(text) >= _LONG
        last = self._last if long else self._short
        if last is None or last[0] is not text or self._built != len(self._triggers):
            last = (text, self._index(text))
            if long:
                self._last = last
            else:
                self._short = last
        return last[1][ident]

    def _index(self, text: str) -> list[list[tuple[int, int]]]:
        if self._built != len(self._triggers):
            self._build()
        found: list[list[tuple[int, int]]] = [[] for _ in self._triggers]
        n = len(text)
        line_start, line_end, mask = -1, -1, 0
        # Occurrences come in the order of their last characters; no literal holds a newline, so each lies on
        # the line of its last character and the lines come in text order. Each line ORs the bits of the
        # triggers its literals belong to (one operation an occurrence), then credits each trigger once.
        for last_char, bits in self._automaton.iter(text):
            if last_char > line_end:
                while mask:
                    low = mask & -mask
                    found[low.bit_length() - 1].append((line_start, line_end))
                    mask ^= low
                line_start = text.rfind("\n", 0, last_char) + 1
                line_end = text.find("\n", last_char)
                line_end = n if line_end < 0 else line_end
            mask |= bits
        while mask:
            low = mask & -mask
            found[low.bit_length() - 1].append((line_start, line_end))
            mask ^= low
        return found


_GATES = _SharedGates()


def trigger(literals: Sequence[str]) -> Trigger:
    """The gate of ``literals`` (case-sensitive) for :func:`gated_finditer`."""
    return Trigger(literals)


def gated_finditer(
    rx: re.Pattern[str] | RunFirst,
    gate: re.Pattern[str] | Trigger | LineSet,
    text: str,
) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)``, run only over the lines where ``gate`` matches.

    Exact when no match of ``rx`` can contain a newline, every match contains a match of ``gate``, and
    no look-ahead of ``rx`` reads past the newline that ends a line (``\\b``, ``(?!\\w)`` and the like
    only read the newline itself, which each line's search still sees).
    """
    n = len(text)
    if not isinstance(gate, (re.Pattern, Trigger)) or (  # a line set (Narrowed, AllOf, InLines, ...)
        isinstance(gate, Trigger) and (len(gate.literals) <= 8 or (n >= _SHARED_MIN and gate.ident >= 0))
    ):
        for start, end in gate.lines(text):
            yield from rx.finditer(text, start, min(n, end + 1))
        return
    covered = -1
    for hit in gate.finditer(text):  # many literals: one regex pass beats one find pass per literal
        if hit.start() <= covered:
            continue
        line_start = text.rfind("\n", 0, hit.start()) + 1
        line_end = text.find("\n", hit.end())
        line_end = n if line_end < 0 else line_end
        yield from rx.finditer(text, line_start, min(n, line_end + 1))
        covered = line_end


def literal_prefix(alt: str) -> str:
    """The literal characters a regex fragment starts with (as written), up to its first operator.

    A character followed by a quantifier is left out (``Jln\\.?`` gives ``Jln``, ``\\+\\d+`` gives ``+``).
    """
    return _literal_scan(alt)[0]


def _literal_scan(alt: str) -> tuple[str, int]:
    """(:func:`literal_prefix` of ``alt``, the index in ``alt`` where it ends)."""
    out: list[str] = []
    i, n = 0, len(alt)
    while i < n:
        c = alt[i]
        if c == "\\":
            nxt = alt[i + 1 : i + 2]
            if not nxt or nxt.isalnum():
                break
            char, step = nxt, 2
        elif c in "()[]|?*+{.^$":
            break
        else:
            char, step = c, 1
        if alt[i + step : i + step + 1] in ("?", "*", "+", "{"):
            break
        out.append(char)
        i += step
    return "".join(out), i


@dataclass(frozen=True)
class Cue:
    """One pattern for :class:`SharedScan`: a compiled ``rx`` whose every match starts with one of
    ``alternatives`` (the regex fragments given to :func:`dispatch` for its first word, without
    look-arounds) or with a character of ``extra_firsts``, after a character that is not ``\\w``;
    ``follow``, if given, always comes next."""

    name: str
    rx: re.Pattern[str]
    alternatives: Sequence[str]
    extra_firsts: str = ""
    follow: str = ""
    """A regex fragment (character classes, ``+`` allowed) that every match has right after its first-word
    alternative (``[ \\t]`` when a space always follows the cue word); it narrows the shared scan."""
    extra_follow: str = ""
    """A regex fragment that every match starting with one of ``extra_firsts`` has right after that character
    (case-folded as the alternatives are); it narrows the shared scan."""


def _plain_atoms(alt: str) -> tuple[list[str], int]:
    """The plain beginning of a regex fragment as atoms: literal characters (unescaped) and character classes
    (``[...]``, ``\\s``, ``\\d``) that occur at least once (written with a ``+`` if they repeat); and the index in
    ``alt`` where they end."""
    atoms: list[str] = []
    i, n = 0, len(alt)
    while i < n:
        prefix, end = _literal_scan(alt[i:])
        atoms.extend(prefix)
        i += end
        rest = alt[i:]
        if rest.startswith("["):
            step = class_end(rest, 0)
        elif rest[:2] in (r"\s", r"\d"):
            step = 2
        else:
            break
        if rest[step : step + 1] == "+":
            step += 1
        elif rest[step : step + 1] in ("?", "*", "{"):
            break
        atoms.append(rest[:step])
        i += step
    return atoms, i


def _atom(atom: str, fold: bool) -> str:
    """A trie atom as a regex: a letter (matching both cases if ``fold``), another character escaped, a class
    as it is."""
    if len(atom) > 1:
        return atom
    return f"[{atom}{atom.upper()}]" if fold and atom.isascii() and atom.isalpha() else re.escape(atom)


class _Trie:
    """Regex alternatives as one regex that tests whether the text starts with one of them (which one does
    not matter, as in a look-ahead or a gate), their plain beginnings (literal characters, ASCII letters
    case-folded if ``fold``, and character classes) shared as a trie, so that each character is read once,
    not once per alternative."""

    __slots__ = ("children", "ends", "fold")

    def __init__(self, fold: bool = True) -> None:
        self.fold = fold
        self.children: dict[str, _Trie] = {}
        self.ends: set[str] = set()  # the rest of each alternative whose plain beginning ends here

    def add(self, atoms: Sequence[str], rest: str) -> None:
        """Add an alternative: its plain beginning as atoms, single literal characters or regex character
        classes (see :func:`_plain_atoms`), and the rest of it (a regex fragment, "" when nothing follows)."""
        node = self
        for atom in atoms:
            key = atom.lower() if self.fold and len(atom) == 1 and atom.isascii() else atom
            node = node.children.setdefault(key, _Trie(self.fold))
        node.ends.add(rest)

    def pattern_rest(self) -> str:
        """The regex for the rest of the alternatives after this node's atom ("" when one may end here)."""
        if "" in self.ends:
            return ""
        alts = sorted(self.ends)
        for atom, child in sorted(self.children.items()):
            alts.append(_atom(atom, self.fold) + child.pattern_rest())
        return f"(?:{'|'.join(alts)})"

    def pattern(self, first: Callable[[str], bool] | None = None) -> str:
        """The regex (literal first characters, so that alternatives are told apart quickly); ``first``
        keeps only the alternatives whose first character it accepts."""
        branches: list[str] = []
        for ch, child in sorted(self.children.items()):
            if first is not None and not first(ch):
                continue
            cases = sorted({ch, ch.upper()}) if self.fold and ch.isascii() and ch.isalpha() else [ch]
            branches.extend(re.escape(char) + child.pattern_rest() for char in cases)
        return f"(?:{'|'.join(branches)})"


def any_of(words: Iterable[str]) -> re.Pattern[str]:
    """A regex that finds where one of the literal ``words`` (case-sensitive) starts: their shared beginnings
    are read once, not once per word (the match is the shortest word that begins the text there)."""
    trie = _Trie(fold=False)
    for word in words:
        trie.add(word, "")
    return re.compile(trie.pattern())


_TWIN_AFTER = 2_000_000
"""Characters a :class:`SharedScan` scans before it compiles its ASCII twin."""
_WORD_CHAR = re.compile(r"\w")


class SharedScan:
    """Several cue patterns run from one scan for the starts of all their cue words.

    One fast-scanning regex (a word start, then all alternatives of all cues, case-folded, as a
    look-ahead) gives every position where some cue word starts; tables keyed by the first three, two or
    one characters (lower-cased) name the patterns whose own words can start there, and each is tried
    with ``rx.match`` unless its previous match covers the position. The matches are exactly those of
    ``rx.finditer(text)``, or of
    ``rx.finditer(text, start, end)`` over each window for patterns given ``windows`` (sorted, disjoint
    ``(start, end)`` ranges; their alternatives must match the same way with the text cut at ``end``,
    which holds for fragments without look-arounds or ``\\b``).
    """

    def __init__(self, cues: Sequence[Cue]) -> None:
        self.cues = tuple(cues)
        self.names = tuple(c.name for c in cues)
        self._rxs = tuple(c.rx for c in cues)
        starts = _Trie()  # the cue words' plain beginnings, case-folded
        # the cues by the first one, two or three characters of their words' literal beginnings (lower-cased)
        by1: dict[str, set[int]] = {}
        by2: dict[str, set[int]] = {}
        by3: dict[str, set[int]] = {}
        for i, cue in enumerate(cues):
            for alt in cue.alternatives:
                _first(alt)  # every alternative starts with a literal character
                atoms, end = _plain_atoms(alt)
                starts.add(atoms, ci(alt[end:] + cue.follow))
                prefix = literal_prefix(alt)[:3]
                table = by3 if len(prefix) == 3 else by2 if len(prefix) == 2 else by1
                table.setdefault(prefix.lower(), set()).add(i)
            for char in cue.extra_firsts:
                starts.add([char], ci(cue.extra_follow))
                by1.setdefault(char.lower(), set()).add(i)
        # A cue word starts where no word character comes before it. A first character that is a word
        # character makes that a word boundary: ``\\b`` and a look-ahead through the trie of the cue words'
        # plain beginnings (one literal-first branch per first character) is the cheapest scan. Another
        # first character ("+") is rare: a second scan finds it (consumed, the character before it looked
        # behind at).
        word = re.compile(r"\w")
        ahead = starts.pattern(lambda ch: word.match(ch) is not None)
        # Past the text's first character, a word start is the character after a non-word one: a pattern led
        # by that class lets the regex engine skip ahead in C (one led by ``\\b`` tries every position).
        self._after_nonword = re.compile(f"\\W(?={ahead})")
        # At the first character, ``\\b(?=ahead)``: when the look-ahead holds no look-behind, ``^``, ``\\A``
        # or ``\\B``, that is the same pattern matched after a space put before the text (the text's start
        # and a space both count as non-word for ``\\b``), which saves compiling the long look-ahead again
        # (a tenth of a second, a sixth of the first detection in a fresh process).
        self._word_starts = (
            re.compile(f"\\b(?={ahead})") if any(tok in ahead for tok in ("(?<", "^", "\\A", "\\B")) else None
        )
        # its twin for ASCII texts without the separators \x1c-\x1f: there ``\W``, ``\w``, ``\d``, ``\s`` and
        # ``\b`` mean the same in both modes, and the ASCII ones are table look-ups (a tenth faster). It is
        # compiled once :data:`_TWIN_AFTER` characters have been scanned: its compilation costs as much as
        # scanning some ten megabytes saves, so a process that detects in a few short texts never pays it.
        folded = "(?i" in self._after_nonword.pattern  # (a case-folded non-ASCII letter could match ASCII text)
        self._twin_ok = not folded
        self._after_nonword_ascii: re.Pattern[str] | None = None
        self._scanned = 0
        others = [
            f"{re.escape(ch)}(?<!\\w[\\s\\S])(?={child.pattern_rest()})"
            for ch, child in sorted(starts.children.items())
            if not word.match(ch)
        ]
        self._other_starts = re.compile("|".join(others)) if others else None
        # each table also names the cues of the shorter beginnings its key starts with
        self._by1: dict[str, tuple[int, ...]] = {k: tuple(sorted(v)) for k, v in by1.items()}
        self._by2: dict[str, tuple[int, ...]] = {k: tuple(sorted(v | by1.get(k[:1], set()))) for k, v in by2.items()}
        self._by3: dict[str, tuple[int, ...]] = {
            k: tuple(sorted(v | by2.get(k[:2], set()) | by1.get(k[:1], set()))) for k, v in by3.items()
        }

    def compile_twin(self) -> None:
        """Compile the ASCII twin now rather than after :data:`_TWIN_AFTER` characters (when compiling is cheap:
        its code comes from the pattern cache on disk, :mod:`._rxcache`)."""
        if self._twin_ok and self._after_nonword_ascii is None:
            self._after_nonword_ascii = re.compile(self._after_nonword.pattern, re.ASCII)

    def _starts_at_first(self, text: str) -> bool:
        """Whether a cue word's beginning starts the text (``\\b(?=ahead)`` matches at 0)."""
        if self._word_starts is not None:
            return self._word_starts.match(text) is not None
        return _WORD_CHAR.match(text) is not None and self._after_nonword.match(" " + text) is not None

    def scan(
        self, text: str, windows: Mapping[str, Sequence[tuple[int, int]]] | None = None
    ) -> dict[str, list[re.Match[str]]]:
        """Every match of every cue pattern in ``text``, by cue name, in text order."""
        count = len(self._rxs)
        found: list[list[re.Match[str]]] = [[] for _ in range(count)]
        last = [0] * count
        wins: list[Sequence[tuple[int, int]] | None] = [
            None if windows is None else windows.get(name) for name in self.names
        ]
        wptr = [0] * count
        by1, by2, by3, rxs = self._by1, self._by2, self._by3, self._rxs
        after = self._after_nonword
        if self._twin_ok and plain_ascii(text):
            if self._after_nonword_ascii is None and self._scanned >= _TWIN_AFTER:
                self._after_nonword_ascii = re.compile(after.pattern, re.ASCII)
            if self._after_nonword_ascii is not None:
                after = self._after_nonword_ascii
        self._scanned += len(text)
        starts = [h.start() + 1 for h in after.finditer(text)]
        if self._starts_at_first(text):
            starts.insert(0, 0)
        if self._other_starts is not None:
            others = [h.start() for h in self._other_starts.finditer(text)]
            if others:
                starts = sorted(starts + others)
        for p in starts:
            key = text[p : p + 3].lower()
            idxs = by3.get(key)
            if idxs is None:
                idxs = by2.get(key[:2])
                if idxs is None:
                    idxs = by1.get(key[:1])
                    if idxs is None:
                        continue
            for i in idxs:
                if p < last[i]:
                    continue
                win = wins[i]
                if win is None:
                    m = rxs[i].match(text, p)
                else:
                    j = wptr[i]
                    while j < len(win) and win[j][1] <= p:
                        j += 1
                    wptr[i] = j
                    if j == len(win) or win[j][0] > p:
                        continue
                    m = rxs[i].match(text, p, win[j][1])
                if m is not None:
                    found[i].append(m)
                    last[i] = m.end()
        return dict(zip(self.names, found, strict=True))
