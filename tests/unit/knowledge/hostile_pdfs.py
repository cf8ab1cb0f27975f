"""Build hostile and unusual PDFs in memory, so none has to be committed.

`RawPdf` writes objects by hand because well-behaved writers refuse to produce
decompression bombs or pages made of millions of operators.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter

MEGABYTE = 1024 * 1024


class RawPdf:
    """Assemble a PDF object by object, with a correct cross-reference table."""

    def __init__(self) -> None:
        self._objects: list[bytes] = []

    def add(self, body: bytes) -> int:
        self._objects.append(body)
        return len(self._objects)

    def reserve(self) -> int:
        return self.add(b"null")

    def set(self, number: int, body: bytes) -> None:
        self._objects[number - 1] = body

    def stream(
        self, data: bytes, *, dictionary: bytes = b"", compressed: bytes | None = None
    ) -> int:
        if compressed is not None:
            header = b"<< /Length %d /Filter /FlateDecode %s >>" % (len(compressed), dictionary)
            return self.add(header + b"\nstream\n" + compressed + b"\nendstream")
        header = b"<< /Length %d %s >>" % (len(data), dictionary)
        return self.add(header + b"\nstream\n" + data + b"\nendstream")

    def pages(self, contents: Sequence[int | Sequence[int]], *, resources: bytes = b"") -> int:
        """Add a page tree whose pages draw the given content stream(s); returns the catalog."""
        tree = self.reserve()
        kids = []
        for content in contents:
            reference = (
                b"%d 0 R" % content
                if isinstance(content, int)
                else b"[" + b" ".join(b"%d 0 R" % number for number in content) + b"]"
            )
            kids.append(
                self.add(
                    b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %s "
                    b"/Resources << %s >> >>" % (tree, reference, resources)
                )
            )
        self.set(
            tree,
            b"<< /Type /Pages /Kids [%s] /Count %d >>"
            % (b" ".join(b"%d 0 R" % kid for kid in kids), len(kids)),
        )
        return self.add(b"<< /Type /Catalog /Pages %d 0 R >>" % tree)

    def finish(self, *, root: int, info: int | None = None) -> bytes:
        output = io.BytesIO()
        output.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self._objects, start=1):
            offsets.append(output.tell())
            output.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
        xref = output.tell()
        output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(self._objects) + 1))
        for offset in offsets:
            output.write(b"%010d 00000 n \n" % offset)
        output.write(
            b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(self._objects) + 1, root, b"" if info is None else b" /Info %d 0 R" % info, xref)
        )
        return output.getvalue()


_FONT = b"/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"


def text_pdf(pages: Sequence[str], *, title: str | None = None) -> bytes:
    """A plain PDF with a page per text, a line per "\\n" (and a title in its metadata)."""
    pdf = RawPdf()
    contents = []
    for text in pages:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        lines = b" 0 -16 Td ".join(
            b"(%s) Tj" % line.encode("latin-1") for line in escaped.split("\n")
        )
        contents.append(pdf.stream(b"BT /F1 12 Tf 72 720 Td %s ET" % lines))
    info = None if title is None else pdf.add(b"<< /Title (%s) >>" % title.encode("latin-1"))
    return pdf.finish(root=pdf.pages(contents, resources=_FONT), info=info)


def image_only_pdf(pages: int = 2) -> bytes:
    """Pages that only paint an image, like a scan without OCR."""
    pdf = RawPdf()
    pixels = bytes(random.Random(7).randrange(256) for _ in range(64 * 64))
    image = pdf.stream(
        b"",
        compressed=zlib.compress(pixels),
        dictionary=b"/Type /XObject /Subtype /Image /Width 64 /Height 64 "
        b"/ColorSpace /DeviceGray /BitsPerComponent 8",
    )
    draw = pdf.stream(b"q 468 0 0 648 72 72 cm /Scan Do Q")
    return pdf.finish(
        root=pdf.pages([draw] * pages, resources=b"/XObject << /Scan %d 0 R >>" % image)
    )


def deflate_bomb(inflated_bytes: int) -> bytes:
    """About 1 KB of zlib data for every MB it inflates to."""
    compressor = zlib.compressobj(9)
    block = b" " * MEGABYTE
    parts = [compressor.compress(block) for _ in range(inflated_bytes // MEGABYTE)]
    parts.append(compressor.flush())
    return b"".join(parts)


def flate_bomb_pdf(*, inflated_bytes: int, streams: int = 1) -> bytes:
    """A small file whose page content inflates to `inflated_bytes * streams` bytes."""
    pdf = RawPdf()
    bomb = deflate_bomb(inflated_bytes)
    parts = [pdf.stream(b"", compressed=bomb) for _ in range(streams)]
    return pdf.finish(root=pdf.pages([parts], resources=_FONT))


def busy_pdf(*, pages: int, operators_per_page: int) -> bytes:
    """Pages of graphics operators without text: cheap to write, slow to interpret."""
    pdf = RawPdf()
    content = b"1 0 0 1 0 0 cm\n" * operators_per_page
    shared = pdf.stream(b"", compressed=zlib.compress(content, 9))
    return pdf.finish(root=pdf.pages([shared] * pages, resources=_FONT))


def many_pages_pdf(count: int) -> bytes:
    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(width=612, height=792)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def encrypted_pdf(source: bytes, *, user_password: str, owner_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(source)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def garbage_pdf(size: int = 4096) -> bytes:
    """A PDF header followed by random bytes."""
    return b"%PDF-1.7\n" + random.Random(11).randbytes(size)


def png_image() -> bytes:
    """A valid 1x1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x7f"))
        + chunk(b"IEND", b"")
    )

