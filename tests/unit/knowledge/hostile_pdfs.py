"""Build hostile and unusual PDFs (and Word documents) in memory, so none has to be committed.

`RawPdf` writes objects by hand because well-behaved writers refuse to produce
decompression bombs or pages made of millions of operators.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
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


def zero_pages_pdf() -> bytes:
    """A well-formed PDF whose page tree holds no page."""
    pdf = RawPdf()
    return pdf.finish(root=pdf.pages([]))


def nested_arrays_pdf(depth: int = 100_000) -> bytes:
    """A page whose resources nest arrays `depth` deep: a recursive parser's stack overflows."""
    pdf = RawPdf()
    content = pdf.stream(b"BT /F1 12 Tf 72 720 Td (deep) Tj ET")
    nested = b"/Deep " + b"[" * depth + b"]" * depth
    return pdf.finish(root=pdf.pages([content], resources=_FONT + b" " + nested))


def looping_page_tree_pdf() -> bytes:
    """A page tree whose node lists itself among its kids, and a page that is its own parent."""
    pdf = RawPdf()
    tree = pdf.reserve()
    content = pdf.stream(b"BT /F1 12 Tf 72 720 Td (loop) Tj ET")
    page = pdf.add(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
        b"/Resources << %s >> >>" % (tree, content, _FONT)
    )
    pdf.set(tree, b"<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 2 >>" % (tree, page))
    return pdf.finish(root=pdf.add(b"<< /Type /Catalog /Pages %d 0 R >>" % tree))


_WORD_NAMESPACE = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def word_document(body: bytes) -> bytes:
    """A minimal Word archive (.docx) whose main part is `body`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body)
    return buffer.getvalue()


def word_zip_bomb(inflated_bytes: int = 64 * MEGABYTE) -> bytes:
    """A Word document of well-formed paragraphs whose body inflates to `inflated_bytes`."""
    paragraph = b"<w:p><w:r><w:t>" + b"a" * 4_000 + b"</w:t></w:r></w:p>"
    body = (
        b"<w:document " + _WORD_NAMESPACE + b"><w:body>"
        + paragraph * (inflated_bytes // len(paragraph))
        + b"</w:body></w:document>"
    )
    return word_document(body)


def word_with_external_entity(target: str = "file:///etc/passwd") -> bytes:
    """A Word document whose body pulls in `target` through an external entity (XXE)."""
    return word_document(
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY secret SYSTEM "'
        + target.encode() + b'">]><w:document ' + _WORD_NAMESPACE
        + b"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>"
    )
