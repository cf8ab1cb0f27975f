"""The two icons Teams asks for, drawn from a ticket glyph: nothing binary is shipped.

- `color.png`, 192×192: a white ticket on the accent colour, filling the square.
- `outline.png`, 32×32: the same ticket in white on a transparent background (Teams
  refuses any other colour in an outline icon).

The glyph is a signed distance field in unit coordinates; each pixel's coverage is
read at its centre and turned into alpha, which anti-aliases the edges with one
evaluation per pixel.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from ticketflow.teams_package.png import Pixel, encode_png

COLOR_SIZE = 192
OUTLINE_SIZE = 32
WHITE = (255, 255, 255)

Distance = Callable[[float, float], float]


def _box(x: float, y: float, cx: float, cy: float, hw: float, hh: float, r: float) -> float:
    """Signed distance to a box centred on (cx, cy) with half sizes hw, hh and round corners r."""
    qx = abs(x - cx) - (hw - r)
    qy = abs(y - cy) - (hh - r)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - r


def ticket(x: float, y: float) -> float:
    """A ticket stub: rounded card, a notch in each side, a perforated tear line."""
    body = _box(x, y, 0.5, 0.5, 0.44, 0.27, 0.07)
    notches = min(math.hypot(x - 0.06, y - 0.5), math.hypot(x - 0.94, y - 0.5)) - 0.1
    tear = min(_box(x, y, 0.68, cy, 0.022, 0.045, 0.0) for cy in (0.345, 0.5, 0.655))
    return max(body, -notches, -tear)


def _coverage(distance: Distance, size: int, *, inset: float) -> list[list[float]]:
    """How much of each pixel the glyph covers, the glyph scaled into the square minus inset."""
    span = size * (1.0 - 2 * inset)
    origin = size * inset
    return [
        [
            min(1.0, max(0.0, 0.5 - distance((px + 0.5 - origin) / span,
                                             (py + 0.5 - origin) / span) * span))
            for px in range(size)
        ]
        for py in range(size)
    ]


def outline_icon() -> bytes:
    """White glyph, transparent elsewhere; edge pixels are white with partial alpha."""
    rows = [
        [(*WHITE, round(255 * c)) if c > 0 else (0, 0, 0, 0) for c in row]
        for row in _coverage(ticket, OUTLINE_SIZE, inset=1 / 32)
    ]
    return encode_png(rows)


def color_icon(accent: tuple[int, int, int]) -> bytes:
    """White glyph on an opaque square of the accent colour."""
    rows = [[_blend(accent, WHITE, c) for c in row]
            for row in _coverage(ticket, COLOR_SIZE, inset=0.17)]
    return encode_png(rows)


def _blend(under: tuple[int, int, int], over: tuple[int, int, int], amount: float) -> Pixel:
    r, g, b = (round(u + (o - u) * amount) for u, o in zip(under, over, strict=True))
    return (r, g, b, 255)


def hex_color(text: str) -> tuple[int, int, int]:
    """`#2f5bea` → (47, 91, 234)."""
    value = int(text.removeprefix("#"), 16)
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF
