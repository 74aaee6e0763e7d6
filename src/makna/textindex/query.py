"""The search query language: words, ``"quoted phrases"``, ``prefix*``, ``AND`` (also implied
between terms), ``OR``, ``NOT`` and parentheses; compiled to SQLite FTS5 MATCH syntax or to a
PostgreSQL tsquery condition.

``NOT`` excludes: ``tipu NOT blokir`` is a passage with *tipu* and without *blokir*; a query made
only of exclusions is refused (it would list every passage).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, ColumnElement, String, and_, bindparam, cast, literal_column, not_, or_
from sqlalchemy.dialects.postgresql import TSQUERY

from ..errors import InputError
from .stemming import TOKEN, stem

__all__ = ["Term", "Phrase", "And", "Or", "Not", "Node", "parse_query", "leaves", "fts5_match", "pg_condition"]


@dataclass(frozen=True)
class Term:
    """One word: ``forms`` are what the index holds for it (its stems in each language, or the
    folded word itself); ``prefix`` matches words starting with ``word``."""

    word: str
    forms: tuple[str, ...]
    prefix: bool = False
    stemmed: bool = True

    @property
    def column(self) -> str:
        return "stems" if self.stemmed and not self.prefix else "words"


@dataclass(frozen=True)
class Phrase:
    """Consecutive words; ``variants`` has one tuple of forms per language."""

    words: tuple[str, ...]
    variants: tuple[tuple[str, ...], ...]
    stemmed: bool = True

    @property
    def column(self) -> str:
        return "stems" if self.stemmed else "words"


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


Node = Term | Phrase | And | Or | Not

_LEX = re.compile(r'"([^"]*)"|(\()|(\))|([^\s()"]+)')


def _forms(word: str, stemmed: bool, languages: Sequence[str]) -> tuple[str, ...]:
    folded = word.casefold()
    if not stemmed:
        return (folded,)
    return tuple(dict.fromkeys(stem(folded, lang) for lang in languages))


def _leaf(raw: str, quoted: bool, stemmed: bool, languages: Sequence[str], query: str) -> Node:
    prefix = not quoted and raw.endswith("*")
    body = raw[:-1] if prefix else raw
    words = [m.group().casefold() for m in TOKEN.finditer(body)]
    if not words:
        raise InputError(f"search {query!r}: {raw!r} has no letters or digits to search for")
    if prefix:
        if len(words) != 1:
            raise InputError(f"search {query!r}: a prefix* must be a single word ({raw!r})")
        return Term(words[0], (words[0],), prefix=True, stemmed=False)
    if len(words) == 1:
        return Term(words[0], _forms(words[0], stemmed, languages), stemmed=stemmed)
    langs = languages if stemmed else ("",)
    variants = tuple(dict.fromkeys(tuple(_forms(w, stemmed, [lang])[0] for w in words) for lang in langs))
    return Phrase(tuple(words), variants, stemmed=stemmed)


class _Parser:
    def __init__(self, query: str, stemmed: bool, languages: Sequence[str]) -> None:
        self.query, self.stemmed, self.languages = query, stemmed, languages
        self.items: list[tuple[str, str]] = []
        for m in _LEX.finditer(query):
            if m.group(1) is not None:
                self.items.append(("phrase", m.group(1)))
            elif m.group(2):
                self.items.append(("(", "("))
            elif m.group(3):
                self.items.append((")", ")"))
            else:
                word = m.group(4)
                self.items.append((word, word) if word in ("AND", "OR", "NOT") else ("word", word))
        if query.count('"') % 2:
            raise InputError(f"search {query!r}: a quotation mark is not closed")
        self.pos = 0

    def peek(self) -> str | None:
        return self.items[self.pos][0] if self.pos < len(self.items) else None

    def error(self, what: str) -> InputError:
        return InputError(f"search {self.query!r}: {what}")

    def parse(self) -> Node:
        if not self.items:
            raise self.error("the query is empty")
        node = self.or_expr()
        if self.peek() is not None:
            raise self.error(f"unexpected {self.items[self.pos][1]!r}")
        _check(node, self)
        return node

    def or_expr(self) -> Node:
        items = [self.and_expr()]
        while self.peek() == "OR":
            self.pos += 1
            items.append(self.and_expr())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_expr(self) -> Node:
        items = [self.unary()]
        while self.peek() in ("AND", "NOT", "word", "phrase", "("):
            if self.peek() == "AND":
                self.pos += 1
            items.append(self.unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def unary(self) -> Node:
        kind = self.peek()
        if kind is None:
            raise self.error("the query ends where a word was expected")
        value = self.items[self.pos][1]
        self.pos += 1
        if kind == "NOT":
            return Not(self.unary())
        if kind == "(":
            node = self.or_expr()
            if self.peek() != ")":
                raise self.error("a parenthesis is not closed")
            self.pos += 1
            return node
        if kind in ("word", "phrase"):
            return _leaf(value, kind == "phrase", self.stemmed, self.languages, self.query)
        raise self.error(f"unexpected {value!r}")


def _check(node: Node, parser: _Parser) -> None:
    """Every NOT must sit in an AND next to something positive."""
    if isinstance(node, Not):
        raise parser.error("NOT needs a word before it (as in 'tipu NOT blokir')")
    if isinstance(node, Or):
        for item in node.items:
            _check(item, parser)
    if isinstance(node, And):
        if all(isinstance(i, Not) for i in node.items):
            raise parser.error("NOT needs a word before it (as in 'tipu NOT blokir')")
        for item in node.items:
            _check(item.item if isinstance(item, Not) else item, parser)


def parse_query(query: str, *, stem: bool = True, languages: Sequence[str] = ("id", "en")) -> Node:
    """Parse ``query``; words are stemmed in each of ``languages`` unless ``stem`` is False."""
    return _Parser(query, stem, languages).parse()


def leaves(node: Node, *, positive: bool = True) -> Iterable[Term | Phrase]:
    """The terms and phrases of ``node`` that are not excluded by NOT (those to highlight)."""
    if isinstance(node, (Term, Phrase)):
        yield node
    elif isinstance(node, Not):
        if not positive:
            yield from leaves(node.item, positive=False)
    else:
        for item in node.items:
            yield from leaves(item, positive=positive)


def _q(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def fts5_match(node: Node) -> str:
    """The FTS5 MATCH expression for ``node`` over the ``search_fts(words, stems)`` table."""
    if isinstance(node, Term):
        if node.prefix:
            return f"(words : {_q(node.forms[0])} *)"
        return f"({node.column} : ({' OR '.join(_q(f) for f in node.forms)}))"
    if isinstance(node, Phrase):
        return "(" + " OR ".join(f"({node.column} : {_q(' '.join(v))})" for v in node.variants) + ")"
    if isinstance(node, Or):
        return "(" + " OR ".join(fts5_match(i) for i in node.items) + ")"
    if isinstance(node, And):
        pos = [fts5_match(i) for i in node.items if not isinstance(i, Not)]
        neg = [fts5_match(i.item) for i in node.items if isinstance(i, Not)]
        return "(" + " AND ".join(pos) + "".join(f" NOT {n}" for n in neg) + ")"
    raise AssertionError("a bare NOT is refused by the parser")


def _tsq(word: str) -> str:
    return "'" + word.replace("'", "''").replace("\\", "\\\\") + "'"


def pg_condition(node: Node, params: dict[str, Any]) -> ColumnElement[bool]:
    """A condition on ``search_chunks`` (tsvector columns ``words`` and ``stems``) for ``node``;
    bound values are added to ``params``."""
    def leaf(column: str, query: str) -> ColumnElement[bool]:
        name = f"q{len(params)}"
        params[name] = query
        expr = literal_column(f"search_chunks.{column}").op("@@", return_type=Boolean)(
            cast(bindparam(name, query, type_=String), TSQUERY))
        return expr

    if isinstance(node, Term):
        if node.prefix:
            return leaf("words", f"{_tsq(node.forms[0])}:*")
        return leaf(node.column, " | ".join(_tsq(f) for f in node.forms))
    if isinstance(node, Phrase):
        return leaf(node.column, " | ".join("(" + " <-> ".join(_tsq(w) for w in v) + ")" for v in node.variants))
    if isinstance(node, Or):
        return or_(*[pg_condition(i, params) for i in node.items])
    if isinstance(node, And):
        return and_(*[not_(pg_condition(i.item, params)) if isinstance(i, Not) else pg_condition(i, params)
                      for i in node.items])
    raise AssertionError("a bare NOT is refused by the parser")
