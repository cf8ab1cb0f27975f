"""Word documents (.docx) to the text chunking understands.

A .docx is a ZIP archive of XML parts; only three are read: the body
(word/document.xml), the styles that say which paragraphs are headings and lists,
and the numbering that says whether a list is numbered. Headings become "# …"
lines, list items "1. …" or "- …", table rows their cells joined by " | ", as the
Markdown and HTML readers write them. The title is the document's own
(docProps/core.xml), else its first Title-styled paragraph or first heading.

The archive is untrusted: every part is read with a cap on its inflated size (a
ZIP bomb is refused once it inflates past the cap, whatever its header claims), and
XML with a document type declaration is refused, so no entity is ever expanded.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree import ElementTree

from .errors import CorruptDocument, DocumentTooLarge, EncryptedDocument, UnsupportedDocument

BODY = "word/document.xml"
_STYLES = "word/styles.xml"
_NUMBERING = "word/numbering.xml"
_CORE = "docProps/core.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_HEADING_NAME = re.compile(r"heading ([1-9])")
_DECLARATION = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_NOT_UTF8 = (b"\xff\xfe", b"\xfe\xff", b"\x00", b"<\x00")  # UTF-16/32: Word writes UTF-8
MAX_PART_BYTES = 16 * 1024 * 1024
"""What one part may inflate to: the body of a 500-page manual is a few MB. The parts are
parsed in the service's own process (a worker thread), so this also bounds the memory
(about 25× the XML) and the time (about 0.25 s a MB) one upload costs."""


def is_docx(data: bytes) -> bool:
    """Whether a ZIP archive is a Word document (it has a word/document.xml part)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return BODY in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def docx_to_text(data: bytes, *, max_chars: int) -> tuple[str | None, str]:
    """Return the document's title (or None) and its readable text."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            body = _xml(archive, BODY, max_chars=max_chars)
            if body is None:
                raise CorruptDocument("the Word document has no body (word/document.xml)")
            styles = _Styles.read(_xml(archive, _STYLES, max_chars=max_chars))
            numbered = _numbered_lists(_xml(archive, _NUMBERING, max_chars=max_chars))
            core = _xml(archive, _CORE, max_chars=max_chars)
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise CorruptDocument(f"the Word document is damaged ({error})") from error
    except NotImplementedError as error:  # a compression method zipfile lacks (Deflate64)
        raise UnsupportedDocument(
            f"the Word document is packed in a way that cannot be read here ({error}); "
            "save it again from Word"
        ) from error
    except RuntimeError as error:  # zipfile: "File ... is encrypted, password required"
        raise EncryptedDocument(
            "the Word document is password-protected; save a copy without a password"
        ) from error
    blocks = list(_blocks(body, styles, numbered))
    stated = core.findtext(_DC_TITLE) if core is not None else None
    title = " ".join((stated or "").split()) or next(
        (text.lstrip("# ") for kind, text in blocks if kind in ("title", "heading")), None
    )
    return title, _joined(blocks)


def _joined(blocks: list[tuple[str, str]]) -> str:
    """Paragraphs apart by a blank line; the items of a list and the rows of a table
    on consecutive lines, as one block."""
    text = ""
    for index, (kind, line) in enumerate(blocks):
        together = index > 0 and kind in ("item", "row") and blocks[index - 1][0] == kind
        text += ("\n" if together else "\n\n" if text else "") + line
    return text


def _xml(archive: zipfile.ZipFile, name: str, *, max_chars: int) -> ElementTree.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.flag_bits & 0x1:
        raise RuntimeError(f"File {name} is encrypted")
    cap = min(MAX_PART_BYTES, max_chars * 8)
    with archive.open(info) as part:
        raw = part.read(cap + 1)
    if len(raw) > cap:
        raise DocumentTooLarge(
            f"the Word document's {name} inflates beyond {cap // 1_048_576} MB "
            "(it may be a ZIP bomb)"
        )
    if raw.startswith(_NOT_UTF8):
        raise CorruptDocument(f"the Word document's {name} is not UTF-8 XML")
    if _DECLARATION.search(raw):  # anywhere: a long comment may come first
        raise CorruptDocument(f"the Word document's {name} declares a document type or entities")
    try:
        return ElementTree.fromstring(raw)
    except ElementTree.ParseError as error:
        raise CorruptDocument(f"the Word document's {name} is not valid XML ({error})") from error


@dataclass(slots=True)
class _Styles:
    """What each paragraph style is, directly or through the style it is based on: a
    heading level, the title, a list (by numbering id)."""

    headings: dict[str, int] = field(default_factory=dict)
    titles: set[str] = field(default_factory=set)
    lists: dict[str, str] = field(default_factory=dict)
    parents: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, root: ElementTree.Element | None) -> _Styles:
        styles = cls()
        for style in root.iter(f"{_W}style") if root is not None else ():
            style_id = style.get(f"{_W}styleId") or ""
            name = (_value(style.find(f"{_W}name")) or "").casefold()
            outline = _value(style.find(f"{_W}pPr/{_W}outlineLvl")) or ""
            if found := _HEADING_NAME.fullmatch(name):
                styles.headings[style_id] = int(found.group(1))
            elif outline.isdigit() and int(outline) < 9:
                styles.headings[style_id] = int(outline) + 1
            if name == "title":
                styles.titles.add(style_id)
            if number := _value(style.find(f"{_W}pPr/{_W}numPr/{_W}numId")):
                styles.lists[style_id] = number
            if parent := _value(style.find(f"{_W}basedOn")):
                styles.parents[style_id] = parent
        return styles

    resolved: dict[str, _Style] = field(default_factory=dict)

    def heading_level(self, style_id: str) -> int:
        return self._resolve(style_id).heading_level

    def is_title(self, style_id: str) -> bool:
        return self._resolve(style_id).title

    def list_of(self, style_id: str) -> str | None:
        return self._resolve(style_id).list_id

    def _resolve(self, style_id: str) -> _Style:
        """The style with what it inherits from the styles it is based on, nearest first.

        Each style is resolved once and kept, and a chain stops at a style already
        resolved: walking the whole chain for every paragraph took 16 s for 4,000 styles
        each based on the one before (34 KB), growing with the square of their number. In a
        loop of styles each inherits from the others up to itself: going round the loop
        twice from its end gives each its own nearest-first order."""
        seen: dict[str, None] = {}  # the chain in order, and a set
        current: str | None = style_id
        while current and current not in self.resolved and current not in seen:
            seen[current] = None
            current = self.parents.get(current)
        chain = list(seen)
        inherited = self.resolved.get(current or "", _Style())
        if current in seen:
            loop = chain[chain.index(current):]
            chain = chain[: chain.index(current)]
            for name in reversed(loop * 2):
                inherited = self._inherit(name, inherited)
        for name in reversed(chain):
            inherited = self._inherit(name, inherited)
        return inherited

    def _inherit(self, name: str, inherited: _Style) -> _Style:
        style = _Style(
            heading_level=self.headings.get(name, inherited.heading_level),
            title=name in self.titles or inherited.title,
            list_id=self.lists.get(name, inherited.list_id),
        )
        self.resolved[name] = style
        return style


@dataclass(frozen=True, slots=True)
class _Style:
    heading_level: int = 0
    title: bool = False
    list_id: str | None = None


def _numbered_lists(root: ElementTree.Element | None) -> set[str]:
    """The numbering ids whose first level counts (decimal, letters, roman) rather than bullets."""
    if root is None:
        return set()
    counting: set[str] = set()
    for abstract in root.iter(f"{_W}abstractNum"):
        level = abstract.find(f"{_W}lvl")
        fmt = _value(level.find(f"{_W}numFmt")) if level is not None else None
        if fmt not in (None, "bullet", "none"):
            counting.add(abstract.get(f"{_W}abstractNumId") or "")
    return {
        num.get(f"{_W}numId") or ""
        for num in root.iter(f"{_W}num")
        if _value(num.find(f"{_W}abstractNumId")) in counting
    }


def _blocks(
    body: ElementTree.Element, styles: _Styles, numbered: set[str]
) -> Iterator[tuple[str, str]]:
    """("title" | "heading" | "item" | "text" | "row", text) in reading order."""
    counters: dict[str, int] = {}
    container = body.find(f"{_W}body")
    for element in _body_elements(container if container is not None else body):
        if element.tag == f"{_W}tbl":
            for row in _body_elements(element):
                if row.tag != f"{_W}tr":
                    continue
                cells = [
                    _cell_text(cell) for cell in _body_elements(row) if cell.tag == f"{_W}tc"
                ]
                if any(cells):
                    yield "row", " | ".join(cells)
            continue
        if element.tag != f"{_W}p":
            continue
        text = _paragraph_text(element).strip()
        if not text:
            continue
        style = _value(element.find(f"{_W}pPr/{_W}pStyle")) or ""
        number_id = _value(element.find(f"{_W}pPr/{_W}numPr/{_W}numId")) or styles.list_of(style)
        if styles.is_title(style):
            yield "title", f"# {text}"
        elif level := styles.heading_level(style):
            yield "heading", f"{'#' * min(level, 6)} {text}"
        elif number_id and number_id != "0":
            if number_id in numbered:
                counters[number_id] = counters.get(number_id, 0) + 1
                yield "item", f"{counters[number_id]}. {text}"
            else:
                yield "item", f"- {text}"
        else:
            yield "text", text


def _body_elements(container: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """Paragraphs and tables in reading order, including those inside content controls
    (`w:sdt`, common in templates) and custom XML, however deeply nested."""
    pending = [iter(container)]
    while pending:
        element = next(pending[-1], None)
        if element is None:
            pending.pop()
        elif element.tag == f"{_W}sdt":
            content = element.find(f"{_W}sdtContent")
            if content is not None:
                pending.append(iter(content))
        elif element.tag == f"{_W}customXml":
            pending.append(iter(element))
        else:
            yield element


def _cell_text(cell: ElementTree.Element) -> str:
    """A table cell's paragraphs on one line, a table nested in it included.

    Each paragraph is read once, from the outermost: a table's rows are its own rows and a
    row's cells its own cells. Reading every row and cell below a table (and every
    paragraph below a cell) repeated a table nested 100 deep a million times: 870,000
    characters and 5 s from a file of 1 KB."""
    parts: list[str] = []
    pending = [iter(cell)]
    while pending:
        element = next(pending[-1], None)
        if element is None:
            pending.pop()
        elif element.tag == f"{_W}p":
            parts.append(_paragraph_text(element))
        else:
            pending.append(iter(element))
    return " ".join(parts).strip()


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    """The paragraph's visible text: runs joined as written (a word split across runs
    stays one word), tabs and breaks as spaces and line breaks; deleted text left out."""
    parts: list[str] = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif node.tag == f"{_W}noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _value(element: ElementTree.Element | None) -> str | None:
    return element.get(f"{_W}val") if element is not None else None
