"""Moved to :mod:`makna.textindex.stemming` (kept so that older imports work)."""

from ..textindex.stemming import STEMMED_LANGUAGES, TOKEN, Token, fold, stem, stemmer, tokens

__all__ = ["TOKEN", "Token", "tokens", "stem", "stemmer", "fold", "STEMMED_LANGUAGES"]
