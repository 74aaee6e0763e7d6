"""Writing the report drew and compressed every PNG chart twice, once for its file and once for the Word document,
with Pillow's slowest compression (trial12 #12: most of the 35 s a student waited): each chart is drawn once now."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from makna.analysis.charts import Figure
from makna.report import write_report


def test_each_chart_is_drawn_once(coded: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("PIL")
    drawn: Counter[int] = Counter()
    png = Figure.png

    def counted(self: Figure, scale: float = 2.0) -> bytes:
        drawn[id(self)] += 1
        return png(self, scale)

    monkeypatch.setattr(Figure, "png", counted)
    files = write_report(coded, tmp_path / "laporan", lang="id")
    pngs = [p for p in files.charts if p.suffix == ".png"]
    assert pngs and len(drawn) == len(pngs) and set(drawn.values()) == {1}
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in pngs)
