"""A minimal PNG writer (8-bit RGBA, no filtering): enough for two small icons.

Written out here rather than pulled from Pillow: the format needs only zlib, a CRC
and four chunks, and the package must build on a machine with nothing but Python.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

SIGNATURE = b"\x89PNG\r\n\x1a\n"
RGBA = 6

Pixel = tuple[int, int, int, int]


def encode_png(rows: Sequence[Sequence[Pixel]]) -> bytes:
    """Rows of (red, green, blue, alpha) pixels, top to bottom, as PNG bytes."""
    height = len(rows)
    width = len(rows[0]) if rows else 0
    if not height or not width or any(len(row) != width for row in rows):
        raise ValueError("an image needs rows of one non-zero width")
    scanlines = b"".join(
        b"\x00" + bytes(channel for pixel in row for channel in pixel) for row in rows
    )
    header = struct.pack(">IIBBBBB", width, height, 8, RGBA, 0, 0, 0)
    return b"".join((
        SIGNATURE,
        _chunk(b"IHDR", header),
        _chunk(b"IDAT", zlib.compress(scanlines, 9)),
        _chunk(b"IEND", b""),
    ))


def _chunk(kind: bytes, data: bytes) -> bytes:
    checksum = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)
