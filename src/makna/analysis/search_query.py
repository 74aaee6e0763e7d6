"""Moved to :mod:`makna.textindex.query` (kept so that older imports work)."""

from ..textindex.query import And, Node, Not, Or, Phrase, Term, fts5_match, leaves, parse_query, pg_condition

__all__ = ["Term", "Phrase", "And", "Or", "Not", "Node", "parse_query", "leaves", "fts5_match", "pg_condition"]
