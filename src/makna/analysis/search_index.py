"""Moved to :mod:`makna.textindex.index` (kept so that older imports work)."""

from ..textindex.index import (
    INDEX_VERSION,
    MAX_CHUNK,
    chunk_spans,
    ensure_index,
    index_source,
    indexed_count,
    search_chunks,
    search_sources,
    unindex_source,
)

__all__ = ["INDEX_VERSION", "MAX_CHUNK", "search_chunks", "search_sources", "chunk_spans", "index_source",
           "unindex_source", "ensure_index", "indexed_count"]
