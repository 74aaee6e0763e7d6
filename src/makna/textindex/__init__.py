"""The full-text index below the operations: tokenising and stemming (:mod:`.stemming`), the
passages index kept in step with sources (:mod:`.index`) and the search query language
(:mod:`.query`).

Operations (importing, deleting, de-identifying a source) keep the index current through
:func:`~makna.textindex.index.index_source` and :func:`~makna.textindex.index.unindex_source`
without reaching up into :mod:`makna.analysis`, which builds search and word frequencies on top of
it. The submodules load on first use (``import makna`` stays cheap).
"""

from __future__ import annotations

__all__: list[str] = []
