"""Command groups of the analysis, privacy, agreement and exchange layers.

Each import below adds one group (``makna agreement ...``, ``makna deid ...``) to the root app.
"""

from __future__ import annotations
