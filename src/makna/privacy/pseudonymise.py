"""Replace detected identifiers: typed tags, consistent surrogates, or masking; and put originals back.

A :class:`KeyMapping` is the re-identification key of one project: the surrogate secret, every
original and its replacement, and the tag numbers. It lives only in the encrypted key file
(:mod:`makna.privacy.keyfile`); the project keeps the de-identified text and, per replacement, the
new span and type. :func:`pseudonymise` returns :class:`Replacement` records that map old offsets to
new ones; their ``original`` field is for the key file only and must never be stored in the project.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .places import LOCATION_TYPE_WORDS, ORG_TYPE_WORDS
from .surrogates import SurrogateGenerator
from .types import PII_TYPES, Detection

__all__ = ["KeyMapping", "Mode", "Replacement", "map_offset", "pseudonymise", "restore"]

Mode = Literal["tag", "surrogate", "mask"]
_TYPE_WORDS = frozenset(w.split()[0].rstrip(".") for w in LOCATION_TYPE_WORDS + ORG_TYPE_WORDS) | {"Jl", "Gang"}
_MASK_CHARS = frozenset({"█", "*", "X", "#"})


def _identity(kind: str, original: str) -> str:
    """The key under which an original is remembered: digits for numbers, normalised spaces otherwise."""
    text = " ".join(original.split())
    if kind in {"PHONE", "NATIONAL_ID"}:
        digits = re.sub(r"\D", "", text)
        if len(digits) >= 7 and not re.search(r"[A-Za-z]{2}", text):
            return digits
    return text


@dataclass
class KeyMapping:
    """Original <-> replacement for one project (the content of the re-identification key)."""

    secret: str = field(default_factory=lambda: secrets.token_hex(32))
    surrogates: dict[str, dict[str, str]] = field(default_factory=dict)
    tags: dict[str, dict[str, int]] = field(default_factory=dict)
    person_tokens: dict[str, str] = field(default_factory=dict)
    reserved: set[str] = field(default_factory=set)

    def reserve(self, originals: Iterable[str]) -> None:
        """Register identifiers found anywhere in the project before replacing, so that no surrogate
        drawn for one text equals (or, for names, contains a word of) an original of another."""
        for value in originals:
            value = " ".join(value.split())
            if value:
                self.reserved.add(value)
                self.reserved.update(w for w in value.split() if len(w) >= 3)

    def __post_init__(self) -> None:
        self._gen = SurrogateGenerator(bytes.fromhex(self.secret))

    # -- tags ----------------------------------------------------------------------------------------
    def tag(self, kind: str, original: str) -> str:
        """``[TYPE-n]``: the same identity always gets the same number; a lone first name joins the
        full name it begins (``Siti`` and ``Siti Rahmawati``) when that is unambiguous."""
        table = self.tags.setdefault(kind, {})
        key = _identity(kind, original).lower()
        if key not in table and kind == "PERSON":
            toks = key.split()
            if len(toks) == 1:
                owners = {n for k, n in table.items() if k.split()[0] == toks[0]}
                if len(owners) == 1:
                    table[key] = owners.pop()
            elif toks[0] in table:
                table[key] = table[toks[0]]
        if key not in table:
            table[key] = max(table.values(), default=0) + 1
        return f"[{kind}-{table[key]}]"

    # -- surrogates ----------------------------------------------------------------------------------
    def _taken(self) -> set[str]:
        out: set[str] = set()
        for table in self.surrogates.values():
            out.update(table)
            out.update(table.values())
        return out

    def _person_surrogate(self, original: str, language: str) -> str:
        toks = original.split()
        out: list[str] = []
        for i, tok in enumerate(toks):
            key = tok.lower()
            if key not in self.person_tokens:
                used = (
                    set(self.person_tokens.values())
                    | {t.lower() for t in self.person_tokens}
                    | {r.lower() for r in self.reserved}
                )
                attempt = 0
                while True:
                    value = self._gen.person_token(tok, first=(i == 0), language=language, attempt=attempt)
                    if value.lower() not in used and value.lower() != key or attempt > 50:
                        break
                    attempt += 1
                self.person_tokens[key] = value
            value = self.person_tokens[key]
            out.append(value.upper() if tok.isupper() and len(tok) > 1 else value)
        return " ".join(out)

    def surrogate(self, kind: str, original: str, *, language: str = "id") -> str:
        """The project's surrogate for ``original``; drawn (and remembered) on first use."""
        table = self.surrogates.setdefault(kind, {})
        key = _identity(kind, original)
        if key in table and kind != "PERSON":
            known = table[key]
            return _reshape(kind, original, known)
        if kind == "PERSON":
            value = self._person_surrogate(original, language)
            table[key] = value
            return value
        taken = self._taken() | self.reserved
        known_words = (
            self.reserved
            | {w for o in self.originals() for w in o.split() if len(w) >= 4}
            | {w for w in original.split() if len(w) >= 4}
        )

        whole = [o for o in self.reserved | set(self.originals()) | {original} if len(o) >= 4 and " " in o]

        def clashes(candidate: str) -> bool:
            if candidate in taken or _identity(kind, candidate) in taken or candidate == original:
                return True
            # no original may show inside a surrogate either ("3 Juni" inside "3 Juni 2023")
            if any(o in candidate and re.search(rf"(?<!\w){re.escape(o)}(?!\w)", candidate) for o in whole):
                return True
            words = candidate.split()
            if words and words[0].rstrip(".") in _TYPE_WORDS:
                words = words[1:]
            return kind in {"LOCATION", "ORG", "ADDRESS"} and any(w in known_words for w in words)

        attempt = 0
        value = self._gen.generate(kind, original, language=language)
        while clashes(value) and attempt < 50:
            attempt += 1
            value = self._gen.generate(kind, original, language=language, attempt=attempt)
        table[key] = value
        return value

    def replacement(self, kind: str, original: str, mode: Mode, *, language: str = "id", mask_char: str = "█") -> str:
        """The replacement text for one identifier in ``mode``."""
        if kind not in PII_TYPES:
            raise ValueError(f"unknown identifier type {kind!r}")
        if mode == "tag":
            return self.tag(kind, original)
        if mode == "surrogate":
            return self.surrogate(kind, original, language=language)
        if mode == "mask":
            if mask_char not in _MASK_CHARS:
                raise ValueError(f"mask character must be one of {sorted(_MASK_CHARS)}")
            return "".join(c if c.isspace() else mask_char for c in original)
        raise ValueError(f"unknown mode {mode!r}")

    def originals(self) -> set[str]:
        """Every original string remembered (for checks that none survives in an export)."""
        out: set[str] = set()
        for table in self.surrogates.values():
            out.update(table)
        for tag_table in self.tags.values():
            out.update(tag_table)
        return out

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy (goes into the encrypted key file only)."""
        return {
            "secret": self.secret,
            "surrogates": self.surrogates,
            "tags": self.tags,
            "person_tokens": self.person_tokens,
            "reserved": sorted(self.reserved),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KeyMapping:
        """The inverse of :meth:`to_dict`."""
        return cls(
            secret=str(data["secret"]),
            surrogates={str(k): dict(v) for k, v in data.get("surrogates", {}).items()},
            tags={str(k): {str(a): int(b) for a, b in v.items()} for k, v in data.get("tags", {}).items()},
            person_tokens=dict(data.get("person_tokens", {})),
            reserved=set(data.get("reserved", [])),
        )


def _reshape(kind: str, original: str, known: str) -> str:
    """The remembered surrogate of a number, written with this occurrence's separators."""
    if kind in {"PHONE", "NATIONAL_ID"} and not re.search(r"[A-Za-z]{2}", original):
        new_digits = re.sub(r"\D", "", known)
        if len(new_digits) == len(re.sub(r"\D", "", original)):
            it = iter(new_digits)
            return "".join(next(it) if c.isdigit() else c for c in original)
    return known


@dataclass(frozen=True, slots=True)
class Replacement:
    """One replaced span: where it was, where its replacement is, its type and both strings.

    ``original`` belongs in the key file only; a project stores ``new_start``, ``new_end`` and ``type``.
    """

    start: int
    end: int
    new_start: int
    new_end: int
    type: str
    original: str
    replacement: str

    def public(self) -> dict[str, int | str]:
        """The fields a project may store (no original, no replacement string)."""
        return {
            "start": self.start,
            "end": self.end,
            "new_start": self.new_start,
            "new_end": self.new_end,
            "type": self.type,
        }


def pseudonymise(
    text: str,
    detections: Iterable[Detection],
    *,
    mode: Mode = "tag",
    mapping: KeyMapping | None = None,
    language: str = "id",
    mask_char: str = "█",
) -> tuple[str, list[Replacement]]:
    """Replace every detection in ``text``; returns the new text and the replacements, in order.

    Detections must not overlap (``detect`` guarantees it; overlapping input raises ``ValueError``).
    ``mapping`` keeps tags and surrogates consistent across a project; a fresh one is used if omitted.
    """
    key = mapping if mapping is not None else KeyMapping()
    dets = sorted(detections, key=lambda d: (d.start, d.end))
    out: list[str] = []
    reps: list[Replacement] = []
    pos = 0
    new_pos = 0
    for det in dets:
        if det.start < pos:
            raise ValueError("detections overlap; resolve them first")
        if det.end > len(text) or text[det.start : det.end] != det.text:
            raise ValueError(f"detection {det.start}..{det.end} does not match the text")
        out.append(text[pos : det.start])
        new_pos += det.start - pos
        new = key.replacement(det.type, det.text, mode, language=language, mask_char=mask_char)
        out.append(new)
        reps.append(Replacement(det.start, det.end, new_pos, new_pos + len(new), det.type, det.text, new))
        new_pos += len(new)
        pos = det.end
    out.append(text[pos:])
    return "".join(out), reps


def restore(new_text: str, replacements: Sequence[Replacement]) -> str:
    """Put the originals back: the inverse of :func:`pseudonymise` given its replacements."""
    out: list[str] = []
    pos = 0
    for rep in sorted(replacements, key=lambda r: r.new_start):
        if rep.new_start < pos or new_text[rep.new_start : rep.new_end] != rep.replacement:
            raise ValueError("the de-identified text no longer matches its replacements")
        out.append(new_text[pos : rep.new_start])
        out.append(rep.original)
        pos = rep.new_end
    out.append(new_text[pos:])
    return "".join(out)


def map_offset(offset: int, replacements: Sequence[Replacement]) -> int:
    """Map an offset in the original text to the de-identified text (inside a replaced span: its start)."""
    shift = 0
    for rep in replacements:
        if offset < rep.start:
            break
        if offset < rep.end:
            return rep.new_start
        shift = rep.new_end - rep.end
    return offset + shift
