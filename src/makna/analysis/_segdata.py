"""All coded segments of a project as numpy arrays, for the fast analyses (co-occurrence,
sequences, report figures)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from sqlalchemy import select

from ..codebook import code_tree
from ..project import Project
from ..rounds import counted_where
from ..store import tables

__all__ = ["SegmentArrays", "load_segments"]

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class SegmentArrays:
    """Segments sorted by (source, start, end, code): ``source``/``code`` are indexes into
    ``source_ids``/``code_keys`` (codebook order)."""

    source: IntArray
    start: IntArray
    end: IntArray
    code: IntArray
    source_ids: list[str]
    code_ids: list[str]
    code_keys: list[str]
    code_names: list[str]

    def __len__(self) -> int:
        return int(self.source.shape[0])


def load_segments(project: Project, *, coder: str | None = None, codes: Sequence[str] | None = None) -> SegmentArrays:
    """Every segment (of ``coder``; of ``codes``, keys or ids) as arrays, in one query."""
    nodes = code_tree(project)
    seg = tables.segments.c
    with project.store.read() as conn:
        cond = counted_where(project, conn, coder)  # blind rounds; the suggester's proposals left out
        wanted = {project.code_id(conn, k) for k in codes} if codes else None
        src_ids = [str(r[0]) for r in conn.execute(select(tables.sources.c.id).order_by(tables.sources.c.id))]
        rows = conn.execute(select(seg.source_id, seg.start, seg.end, seg.code_id).where(*cond)).all()
    kept = [n for n in nodes if wanted is None or n.code.id in wanted]
    code_index = {n.code.id: i for i, n in enumerate(kept)}
    src_index = {s: i for i, s in enumerate(src_ids)}
    n = len(rows)
    cols = list(zip(*rows, strict=True)) if rows else [(), (), (), ()]
    src = np.fromiter(map(src_index.__getitem__, cols[0]), dtype=np.int64, count=n)
    start = np.fromiter(cols[1], dtype=np.int64, count=n)
    end = np.fromiter(cols[2], dtype=np.int64, count=n)
    ci_get = code_index.get
    code = np.fromiter((ci_get(c, -1) for c in cols[3]), dtype=np.int64, count=n)
    keep = code >= 0
    src, start, end, code = src[keep], start[keep], end[keep], code[keep]
    order = np.lexsort((code, end, start, src))
    return SegmentArrays(src[order], start[order], end[order], code[order], src_ids,
                         [n.code.id for n in kept], [n.code.key for n in kept], [n.code.name for n in kept])
