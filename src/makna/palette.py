"""Distinct code colours for any number of codes (issue 13).

Colours are chosen in OKLab, a perceptual colour space: a new top-level code gets the candidate
colour farthest (in OKLab distance) from every colour already in the codebook, the colours the user
set included, so no colour is ever reused while a distinct one is left; a child code gets a shade of
its parent (the same hue, lighter or darker) that is farthest from the colours taken.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable

__all__ = ["next_colour", "oklab", "colour_distance"]

_GOLDEN = 137.50776405003785  # degrees: the golden angle spreads hues evenly whatever their number


def _to_linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _from_linear(c: float) -> float:
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def oklab(colour: str) -> tuple[float, float, float]:
    """The OKLab coordinates (L, a, b) of ``#RRGGBB``."""
    r, g, b = (_to_linear(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    lm = 0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b
    m = 0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b
    s = 0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b
    lm, m, s = (math.copysign(abs(v) ** (1 / 3), v) for v in (lm, m, s))
    return (0.2104542553 * lm + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * lm - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * lm + 0.7827717662 * m - 0.8086757660 * s)


def _from_oklch(lightness: float, chroma: float, hue: float) -> str | None:
    """``#RRGGBB`` of an OKLCh colour, or None when it lies outside sRGB."""
    a, b = chroma * math.cos(math.radians(hue)), chroma * math.sin(math.radians(hue))
    lm = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3
    m = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3
    s = (lightness - 0.0894841775 * a - 1.2914855480 * b) ** 3
    rgb = (4.0767416621 * lm - 3.3077115913 * m + 0.2309699292 * s,
           -1.2684380046 * lm + 2.6097574011 * m - 0.3413193965 * s,
           -0.0041960863 * lm - 0.7034186147 * m + 1.7076147010 * s)
    if any(v < -1e-4 or v > 1 + 1e-4 for v in rgb):
        return None
    return "#" + "".join(f"{round(min(max(_from_linear(v), 0.0), 1.0) * 255):02X}" for v in rgb)


def _oklch(colour: str) -> tuple[float, float, float]:
    lightness, a, b = oklab(colour)
    return lightness, math.hypot(a, b), math.degrees(math.atan2(b, a)) % 360


def colour_distance(x: str, y: str) -> float:
    """Perceptual distance of two ``#RRGGBB`` colours (Euclidean in OKLab; 0.02 is barely visible)."""
    return math.dist(oklab(x), oklab(y))


@functools.cache
def _top_candidates() -> tuple[str, ...]:
    """Mid-light, saturated colours (highlights stay readable under dark text) at many hues."""
    out: list[str] = []
    for i in range(360):
        hue = (25 + i * _GOLDEN) % 360
        for lightness, chroma in ((0.68, 0.15), (0.58, 0.13), (0.78, 0.12), (0.5, 0.11), (0.86, 0.08)):
            c = _from_oklch(lightness, chroma, hue) or _from_oklch(lightness, chroma * 0.6, hue)
            if c and c not in out:
                out.append(c)
    return tuple(out)


def _shades(parent: str) -> list[str]:
    lightness, chroma, hue = _oklch(parent)
    out: list[str] = []
    for dl in (0.12, -0.12, 0.2, -0.2, 0.06, -0.06, 0.26, -0.26, 0.16, -0.16, 0.09, -0.09, 0.23, -0.23):
        for dh in (0, 12, -12, 24, -24):
            for k in (1.0, 0.7):
                c = _from_oklch(min(max(lightness + dl, 0.42), 0.92), chroma * k, hue + dh)
                if c and c != parent and c not in out:
                    out.append(c)
    return out


def next_colour(taken: Iterable[str], *, parent: str | None = None) -> str:
    """A colour for a new code: for a child, a shade of ``parent``; otherwise from the perceptual
    palette. Chosen farthest from every colour in ``taken`` (``#RRGGBB``, any case), so a colour the
    user set is never given again while a distinct one remains."""
    used = [oklab(c.upper()) for c in dict.fromkeys(c.upper() for c in taken)]
    candidates = _shades(parent.upper()) if parent else list(_top_candidates())
    if parent and not candidates:
        candidates = list(_top_candidates())
    if not used:
        return candidates[0]
    best, best_d = candidates[0], -1.0
    for c in candidates:
        lab = oklab(c)
        d = min(math.dist(lab, u) for u in used)
        if d > best_d + 1e-9:
            best, best_d = c, d
    return best
