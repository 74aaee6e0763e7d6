"""Exchange with other QDA tools: REFI-QDA project (.qdpx) and codebook (.qdc) files in and out, and
flat exports (CSV, XLSX, JSON).

- :func:`export_qdpx` / :func:`import_qdpx` / :func:`import_project`: whole projects, GUIDs kept.
- :func:`export_qdc` / :func:`import_qdc`: codebooks.
- :mod:`makna.exchange.flat`: coded segments as CSV or XLSX, the codebook as CSV, the project as JSON.
- :mod:`makna.exchange.offsets`: how each tool counts positions.

Every import returns an :class:`ImportReport`; selections that cannot be mapped are listed there.
"""

from __future__ import annotations

from ._report import ImportReport, Problem
from ._safety import Limits
from .flat import write_codebook_csv, write_json, write_segments_csv, write_segments_xlsx
from .offsets import CODEPOINTS, NVIVO, OffsetConvention, SelectionMapper, convention_for
from .project_file import import_project
from .qdc import export_qdc, import_qdc
from .qdpx_read import import_qdpx
from .qdpx_write import ExportSummary, export_qdpx

__all__ = [
    "ImportReport",
    "Problem",
    "Limits",
    "ExportSummary",
    "export_qdpx",
    "import_qdpx",
    "import_project",
    "export_qdc",
    "import_qdc",
    "write_segments_csv",
    "write_segments_xlsx",
    "write_codebook_csv",
    "write_json",
    "OffsetConvention",
    "SelectionMapper",
    "convention_for",
    "CODEPOINTS",
    "NVIVO",
]
