"""Charts as SVG (written directly, every label escaped) and PNG (the same drawing rasterised
with Pillow): code frequency bars, code x case heatmap, co-occurrence network, code hierarchy.

A chart is a :class:`Figure`: a list of shapes in pixel coordinates, rendered by
:meth:`Figure.svg` or :meth:`Figure.png`.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

from ..errors import InputError
from .cooccurrence import Cooccurrence

__all__ = ["Figure", "Rect", "Line", "Circle", "Label", "bar_chart", "heatmap", "case_heatmap", "network", "hierarchy",
           "ChartKind", "CHART_KINDS", "project_chart"]

ChartKind = Literal["frequency", "heatmap", "network", "hierarchy"]
CHART_KINDS: tuple[str, ...] = ("frequency", "heatmap", "network", "hierarchy")
FONT = "DejaVu Sans, Arial, Helvetica, sans-serif"
INK = "#222222"


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    stroke: str | None = None
    tip: str = ""


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str = "#999999"
    width: float = 1.0


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: str
    stroke: str = "#ffffff"
    tip: str = ""


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    size: float = 12
    anchor: Literal["start", "middle", "end"] = "start"
    fill: str = INK
    bold: bool = False
    rotate: float = 0.0


Shape = Rect | Line | Circle | Label


def _attr(v: object) -> str:
    return escape(str(v), {'"': "&quot;"})


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def text_width(text: str, size: float) -> float:
    """An estimate of the width of ``text`` in pixels (no font metrics needed)."""
    return len(text) * size * 0.58


def _clip(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


@dataclass
class Figure:
    width: float
    height: float
    title: str = ""
    shapes: list[Shape] = field(default_factory=list)

    def svg(self) -> str:
        """The drawing as a standalone SVG document (also fit to inline in HTML)."""
        w, h = _num(self.width), _num(self.height)
        out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
               f'role="img" aria-label="{_attr(self.title)}" font-family="{_attr(FONT)}">',
               f"<title>{escape(self.title)}</title>", f'<rect width="{w}" height="{h}" fill="#ffffff"/>']
        for s in self.shapes:
            if isinstance(s, Rect):
                stroke = f' stroke="{_attr(s.stroke)}"' if s.stroke else ""
                tip = f"<title>{escape(s.tip)}</title>" if s.tip else ""
                out.append(f'<rect x="{_num(s.x)}" y="{_num(s.y)}" width="{_num(s.w)}" height="{_num(s.h)}" '
                           f'fill="{_attr(s.fill)}"{stroke}>{tip}</rect>')
            elif isinstance(s, Line):
                out.append(f'<line x1="{_num(s.x1)}" y1="{_num(s.y1)}" x2="{_num(s.x2)}" y2="{_num(s.y2)}" '
                           f'stroke="{_attr(s.stroke)}" stroke-width="{_num(s.width)}"/>')
            elif isinstance(s, Circle):
                tip = f"<title>{escape(s.tip)}</title>" if s.tip else ""
                out.append(f'<circle cx="{_num(s.cx)}" cy="{_num(s.cy)}" r="{_num(s.r)}" fill="{_attr(s.fill)}" '
                           f'stroke="{_attr(s.stroke)}">{tip}</circle>')
            else:
                rot = f' transform="rotate({_num(s.rotate)} {_num(s.x)} {_num(s.y)})"' if s.rotate else ""
                weight = ' font-weight="bold"' if s.bold else ""
                out.append(f'<text x="{_num(s.x)}" y="{_num(s.y)}" font-size="{_num(s.size)}" '
                           f'text-anchor="{s.anchor}" fill="{_attr(s.fill)}"{weight}{rot}>{escape(s.text)}</text>')
        out.append("</svg>")
        return "\n".join(out)

    def png(self, scale: float = 2.0) -> bytes:
        """The drawing as PNG bytes (needs Pillow)."""
        try:
            from PIL import Image, ImageDraw, ImageFont
        except ImportError:  # pragma: no cover - depends on the environment
            raise InputError("PNG charts need Pillow (pip install pillow); SVG works without it") from None
        size = (max(1, int(round(self.width * scale))), max(1, int(round(self.height * scale))))
        img = Image.new("RGB", size, "white")
        draw = ImageDraw.Draw(img)
        fonts: dict[tuple[float, bool], Any] = {}

        def font(size: float, bold: bool) -> Any:
            if (size, bold) not in fonts:
                fonts[(size, bold)] = ImageFont.load_default(size=size * scale)
            return fonts[(size, bold)]

        for s in self.shapes:
            if isinstance(s, Rect):
                draw.rectangle([s.x * scale, s.y * scale, (s.x + s.w) * scale - 1, (s.y + s.h) * scale - 1],
                               fill=s.fill, outline=s.stroke)
            elif isinstance(s, Line):
                draw.line([s.x1 * scale, s.y1 * scale, s.x2 * scale, s.y2 * scale], fill=s.stroke,
                          width=max(1, round(s.width * scale)))
            elif isinstance(s, Circle):
                draw.ellipse([(s.cx - s.r) * scale, (s.cy - s.r) * scale, (s.cx + s.r) * scale,
                              (s.cy + s.r) * scale], fill=s.fill, outline=s.stroke)
            else:
                f = font(s.size, s.bold)
                anchor = {"start": "ls", "middle": "ms", "end": "rs"}[s.anchor]
                if not s.rotate:
                    draw.text((s.x * scale, s.y * scale), s.text, fill=s.fill, font=f, anchor=anchor)
                    continue
                box = draw.textbbox((0, 0), s.text, font=f, anchor="la")
                tw, th = int(box[2] - box[0]) + 4, int(box[3] - box[1]) + 4
                tile = Image.new("RGBA", (tw, th), (255, 255, 255, 0))
                ImageDraw.Draw(tile).text((2 - box[0], 2 - box[1]), s.text, fill=s.fill, font=f, anchor="la")
                turned = tile.rotate(-s.rotate, expand=True)
                # turned counter-clockwise, the text's end is the tile's top right corner
                ox = s.x * scale - (turned.width if s.anchor == "end" else 0)
                oy = s.y * scale - (th if s.anchor == "end" else turned.height)
                img.paste(turned, (round(ox), round(oy)), turned)
        buf = io.BytesIO()
        img.save(buf, "PNG")  # optimize=True spent 2.5 times as long for a file 3 % smaller (polish24)
        return buf.getvalue()

    def save(self, path: str | Path) -> Path:
        """Write ``.svg`` or ``.png`` by the file's suffix."""
        p = Path(path)
        suffix = p.suffix.lower()
        if suffix == ".svg":
            p.write_text(self.svg(), encoding="utf-8")
        elif suffix == ".png":
            p.write_bytes(self.png())
        else:
            raise InputError(f"{p}: choose a .svg or .png file name")
        return p


def _title(fig: Figure, title: str) -> None:
    if title:
        fig.shapes.append(Label(12, 22, _clip(title, 90), 15, bold=True))


def bar_chart(labels: Sequence[str], values: Sequence[int], *, title: str = "", colors: Sequence[str] = (),
              width: float = 640, unit: str = "") -> Figure:
    """Horizontal bars, one per label, in the order given."""
    if len(labels) != len(values):
        raise InputError("bar chart: as many values as labels are needed")
    shown = [_clip(s) for s in labels]
    left = 16 + max((text_width(s, 12) for s in shown), default=0)
    top, bar = (40 if title else 12), 22
    fig = Figure(max(width, left + 200), top + bar * len(labels) + 16, title)
    _title(fig, title)
    span = fig.width - left - 60
    top_v = max(values, default=0) or 1
    for i, (label, v) in enumerate(zip(shown, values, strict=True)):
        y = top + i * bar
        color = colors[i] if i < len(colors) and colors[i] else "#4E79A7"
        fig.shapes.append(Label(left - 8, y + 15, label, 12, "end"))
        w = span * v / top_v
        if w > 0:
            fig.shapes.append(Rect(left, y + 3, w, bar - 6, color, tip=f"{labels[i]}: {v}{unit}"))
        fig.shapes.append(Label(left + w + 6, y + 15, f"{v}{unit}", 11, fill="#555555"))
    fig.shapes.append(Line(left, top, left, top + bar * len(labels), "#888888"))
    return fig


def _blend(t: float) -> str:
    t = min(max(t, 0.0), 1.0)
    lo, hi = (247, 251, 255), (8, 69, 148)
    r, g, b = (round(a + (b_ - a) * t) for a, b_ in zip(lo, hi, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


def heatmap(rows: Sequence[str], columns: Sequence[str], cells: Sequence[Sequence[float]], *, title: str = "",
            cell: float = 26, max_columns: int = 60) -> Figure:
    """A matrix of shaded cells with the values written in them; more than ``max_columns``
    columns are cut (the title says so)."""
    if len(columns) > max_columns:
        title = f"{title} (first {max_columns} of {len(columns)} columns)"
        columns = columns[:max_columns]
        cells = [list(r)[:max_columns] for r in cells]
    rl = [_clip(r, 36) for r in rows]
    cl = [_clip(c, 24) for c in columns]
    left = 16 + max((text_width(s, 11) for s in rl), default=0)
    top = (40 if title else 12) + max((text_width(s, 11) for s in cl), default=0) * 0.72 + 12
    tail = max((text_width(s, 11) for s in cl), default=0) * 0.72
    fig = Figure(max(left + cell * len(cl) + tail + 24, 320), top + cell * len(rl) + 16, title)
    _title(fig, title)
    peak = max((v for r in cells for v in r), default=0) or 1
    for j, c in enumerate(cl):
        fig.shapes.append(Label(left + j * cell + cell / 2 - 3, top - 6, c, 11, "start", rotate=-45))
    for i, r in enumerate(rl):
        y = top + i * cell
        fig.shapes.append(Label(left - 6, y + cell / 2 + 4, r, 11, "end"))
        for j, v in enumerate(cells[i]):
            t = v / peak
            fig.shapes.append(Rect(left + j * cell, y, cell - 1, cell - 1, _blend(t) if v else "#f4f4f4",
                                   tip=f"{rows[i]} x {columns[j]}: {_num(v)}"))
            if v:
                fig.shapes.append(Label(left + j * cell + cell / 2, y + cell / 2 + 4, _num(v), 10, "middle",
                                        "#ffffff" if t > 0.55 else INK))
    return fig


def _named(name: str, key: str) -> str:
    """A code's name, with its key where the key says more than the name (:func:`makna.codebook.key_tells`)."""
    from ..codebook import key_tells

    return f"{name} ({key})" if key_tells(key, name) else name


def network(cooc: Cooccurrence, *, title: str = "", min_count: int = 1, max_nodes: int = 40,
            size: float = 620) -> Figure:
    """Codes on a circle (the ``max_nodes`` most frequent used ones), joined by lines as thick as
    their co-occurrence count."""
    used = [i for i in range(len(cooc.codes)) if cooc.totals[i] > 0]
    used = sorted(used, key=lambda i: -int(cooc.totals[i]))[:max_nodes]
    used.sort()
    names = cooc.names if len(cooc.names) == len(cooc.codes) else cooc.codes  # codes labelled by name
    labels = [names[i] for i in used]
    pad = max((text_width(_clip(s, 28), 11) for s in labels), default=0) + 20
    top = 40 if title else 12
    fig = Figure(size + 2 * pad, size + top, title)
    _title(fig, title)
    cx, cy, rad = fig.width / 2, top + size / 2, size / 2 - 30
    pos = {i: (cx + rad * math.cos(2 * math.pi * k / max(len(used), 1) - math.pi / 2),
               cy + rad * math.sin(2 * math.pi * k / max(len(used), 1) - math.pi / 2)) for k, i in enumerate(used)}
    peak_edge = max((int(cooc.counts[i, j]) for i in used for j in used if i < j), default=0) or 1
    for a in used:
        for b in used:
            n = int(cooc.counts[a, b])
            if a < b and n >= max(min_count, 1):
                fig.shapes.append(Line(*pos[a], *pos[b], "#7f9cc0", 0.8 + 6 * n / peak_edge))
    peak = max((int(cooc.totals[i]) for i in used), default=0) or 1
    for k, i in enumerate(used):
        x, y = pos[i]
        fig.shapes.append(Circle(x, y, 5 + 12 * math.sqrt(int(cooc.totals[i]) / peak), "#E15759",
                                 tip=f"{_named(names[i], cooc.codes[i])}: {int(cooc.totals[i])}"))
        angle = 2 * math.pi * k / max(len(used), 1) - math.pi / 2
        right = math.cos(angle) >= 0
        fig.shapes.append(Label(x + (20 if right else -20), y + 4, _clip(names[i], 28), 11,
                                "start" if right else "end"))
    return fig


def hierarchy(items: Sequence[tuple[int, str, str, int]], *, title: str = "") -> Figure:
    """The code tree: ``items`` are (depth, label, color, count) in tree order (depth-first)."""
    top, row, indent = (40 if title else 12), 24, 22
    width = max((16 + d * indent + 18 + text_width(_clip(f"{lab} ({n})", 60), 12) for d, lab, _, n in items),
                default=320)
    fig = Figure(max(width + 20, 320), top + row * len(items) + 12, title)
    _title(fig, title)
    last_at_depth: dict[int, float] = {}
    for i, (depth, label, color, n) in enumerate(items):
        y = top + i * row + row / 2
        x = 16 + depth * indent
        if depth > 0 and depth - 1 in last_at_depth:
            px = 16 + (depth - 1) * indent + 6
            fig.shapes.append(Line(px, last_at_depth[depth - 1] + 6, px, y, "#bbbbbb"))
            fig.shapes.append(Line(px, y, x, y, "#bbbbbb"))
        fig.shapes.append(Rect(x, y - 6, 12, 12, color or "#808080"))
        fig.shapes.append(Label(x + 18, y + 4, _clip(f"{label} ({n})", 60), 12))
        last_at_depth[depth] = y
        for d in [d for d in last_at_depth if d > depth]:
            del last_at_depth[d]
    return fig


def case_heatmap(matrix: Any, lang: str = "id", *, max_rows: int | None = None) -> Figure:
    """The code x case matrix (:func:`makna.queries.code_case_matrix`) as a heatmap, codes that no
    case has left out (the first ``max_rows`` of the others), each row labelled with the code's name."""
    keep = [i for i, r in enumerate(matrix.cells) if any(r)][:max_rows]
    names = matrix.row_labels if len(matrix.row_labels or ()) == len(matrix.rows) else matrix.rows
    return heatmap([names[i] for i in keep], matrix.columns, [matrix.cells[i] for i in keep],
                   title="Code x case (segments)" if lang != "id" else "Kode x kasus (segmen)")


def project_chart(project: Any, kind: str, *, measure: str = "cases", mode: str = "overlap",
                  lang: str = "en", coder: str | None = None) -> Figure:
    """One of :data:`CHART_KINDS` drawn from a project (from the codings of ``coder`` only, when given)."""
    from ..codebook import code_tree
    from ..queries import code_case_matrix, code_frequencies
    from .cooccurrence import cooccurrence

    en = lang != "id"
    if kind == "frequency":
        freq = [f for f in code_frequencies(project, descendants=True, coder=coder) if f.segments]
        colors = {n.code.key: n.code.color for n in code_tree(project)}
        vals = [f.cases if measure == "cases" else f.segments for f in freq]
        what = ("informants" if en else "informan") if measure == "cases" else ("segments" if en else "segmen")
        return bar_chart([f.name for f in freq], vals, colors=[colors.get(f.key, "") for f in freq],
                         title=("Codes by " if en else "Kode menurut jumlah ") + what)
    if kind == "heatmap":
        return case_heatmap(code_case_matrix(project, coder=coder), lang)
    if kind == "network":
        return network(cooccurrence(project, mode=mode, coder=coder),  # type: ignore[arg-type]
                       title="Code co-occurrence" if en else "Ko-okurensi kode")
    if kind == "hierarchy":
        seg_counts = {f.key: f.segments for f in code_frequencies(project, descendants=True, coder=coder)}
        return hierarchy([(n.depth, n.code.name, n.code.color, seg_counts.get(n.code.key, 0))
                          for n in code_tree(project)], title="Codebook" if en else "Buku kode")
    raise InputError(f"chart {kind!r}: use one of {', '.join(CHART_KINDS)}")
