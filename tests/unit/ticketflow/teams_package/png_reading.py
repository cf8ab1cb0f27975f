"""An independent PNG reader for the tests: checks every CRC and undoes every filter type.

It does not share code with `ticketflow.teams_package.png`, so a writer bug is not
hidden by the same bug in the reader.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Image:
    width: int
    height: int
    pixels: list[list[tuple[int, int, int, int]]]

    def pixel(self, x: int, y: int) -> tuple[int, int, int, int]:
        return self.pixels[y][x]

    def all_pixels(self) -> list[tuple[int, int, int, int]]:
        return [pixel for row in self.pixels for pixel in row]


def read_png(data: bytes) -> Image:
    assert data[:8] == SIGNATURE, "not a PNG"
    position, chunks = 8, []
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        body = data[position + 8:position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length:position + 12 + length])
        assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc, f"bad CRC in {kind!r}"
        chunks.append((kind, body))
        position += 12 + length
    assert chunks[0][0] == b"IHDR" and chunks[-1][0] == b"IEND"
    width, height, depth, color_type, _, _, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    assert (depth, color_type, interlace) == (8, 6, 0), "only 8-bit RGBA, not interlaced"
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    stride = width * 4
    assert len(raw) == height * (stride + 1)
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        row = _unfilter(line[0], bytearray(line[1:]), previous)
        rows.append(row)
        previous = row
    pixels = [[tuple(row[x * 4:x * 4 + 4]) for x in range(width)] for row in rows]
    return Image(width, height, pixels)  # type: ignore[arg-type]


def _unfilter(kind: int, row: bytearray, above: bytearray) -> bytearray:
    for i in range(len(row)):
        left = row[i - 4] if i >= 4 else 0
        up = above[i]
        up_left = above[i - 4] if i >= 4 else 0
        if kind == 1:
            row[i] = (row[i] + left) & 0xFF
        elif kind == 2:
            row[i] = (row[i] + up) & 0xFF
        elif kind == 3:
            row[i] = (row[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            estimate = left + up - up_left
            distances = (abs(estimate - left), abs(estimate - up), abs(estimate - up_left))
            predictor = (left, up, up_left)[distances.index(min(distances))]
            row[i] = (row[i] + predictor) & 0xFF
        else:
            assert kind == 0, f"unknown filter {kind}"
    return row
