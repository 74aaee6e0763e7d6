"""Analysis: co-occurrence, code sequences, matrices with percentages, the summary grid, full-text
search with stemming and KWIC, word frequencies, and charts.

Everything here is core library code (no interface imports); :mod:`makna.report` renders it.
"""

from __future__ import annotations

from ..textindex.stemming import stem
from .charts import CHART_KINDS, Figure, bar_chart, heatmap, hierarchy, network, project_chart
from .cooccurrence import Cooccurrence, CooccurrencePair, cooccurrence, cooccurrence_naive
from .matrices import CrossTable, code_by_attribute, code_by_case
from .search import (
    Hit,
    autocode_search,
    count_passages,
    ensure_index,
    index_source,
    search,
    search_cursor,
    search_page,
    unindex_source,
)
from .sequences import Transition, code_sequences
from .summary import SummaryCell, SummaryGrid, get_summary, set_summary, summary_grid
from .wordfreq import WordCount, stopwords, word_frequencies

__all__ = [
    "CHART_KINDS",
    "Figure",
    "bar_chart",
    "heatmap",
    "hierarchy",
    "network",
    "project_chart",
    "Cooccurrence",
    "CooccurrencePair",
    "cooccurrence",
    "cooccurrence_naive",
    "CrossTable",
    "code_by_case",
    "code_by_attribute",
    "Hit",
    "search",
    "count_passages",
    "autocode_search",
    "index_source",
    "unindex_source",
    "ensure_index",
    "Transition",
    "code_sequences",
    "stem",
    "SummaryCell",
    "SummaryGrid",
    "summary_grid",
    "set_summary",
    "get_summary",
    "WordCount",
    "word_frequencies",
    "stopwords",
    "search_cursor",
    "search_page",
]
