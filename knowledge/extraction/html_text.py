"""HTML help pages to plain text, keeping the structure chunking relies on.

Headings become Markdown-style "## Heading" lines, list items "- item" lines (and
"1. step" lines in a numbered list, so that its steps are quoted together) and
blocks are separated by blank lines, so an HTML guide and a Markdown guide chunk
the same way. Scripts, styles and other invisible content are dropped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Never shown, or site navigation rather than help content.
_INVISIBLE = frozenset(
    {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "nav"}
)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "ul",
        "ol",
        "dl",
        "table",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "form",
        "fieldset",
        "address",
        "details",
        "summary",
        "hr",
        "body",
        "html",
    }
)
_LINES = frozenset({"br", "tr", "dt", "dd", "caption"})
_CELLS = frozenset({"td", "th"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SPACE = re.compile(r"\s+")


class _HelpPageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.title: str | None = None
        self._line: list[str] = []
        self._block: list[str] = []
        self._hidden_depth = 0
        self._in_title = False
        self._title_parts: list[str] = []
        self._preformatted = 0
        self._heading_level = 0
        self._lists: list[int | None] = []
        """Each open list, inner last: the next item's number in an <ol>, None in a <ul>."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in _INVISIBLE:
            self._hidden_depth += 1
            return
        if tag in _HEADINGS:
            self._end_block()
            self._heading_level = _HEADINGS[tag]
        elif tag == "li":
            self._end_line()
            self._line.append(self._item_marker())
        elif tag in _BLOCKS:
            self._end_block()
        elif tag in _LINES:
            self._end_line()
        elif tag in _CELLS and self._line and self._line[-1].strip():
            self._line.append(" | ")
        if tag == "pre":
            self._preformatted += 1
        if tag in ("ol", "ul"):
            self._lists.append(_start(attrs) if tag == "ol" else None)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _LINES or tag in _BLOCKS:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            self.title = _SPACE.sub(" ", "".join(self._title_parts)).strip() or None
        if tag in _INVISIBLE:
            self._hidden_depth = max(0, self._hidden_depth - 1)
            return
        if tag in _HEADINGS:
            self._end_block()
            self._heading_level = 0
        elif tag in _BLOCKS:
            self._end_block()
        elif tag == "li" or tag in _LINES:
            self._end_line()
        if tag == "pre":
            self._preformatted = max(0, self._preformatted - 1)
        if tag in ("ol", "ul") and self._lists:
            self._lists.pop()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
        if self._hidden_depth:
            return
        if self._preformatted:
            lines = data.split("\n")
            for index, line in enumerate(lines):
                if index:
                    self._end_line()
                self._line.append(line)
            return
        self._line.append(_SPACE.sub(" ", data))

    def _item_marker(self) -> str:
        number = self._lists[-1] if self._lists else None
        if number is None:
            return "- "
        self._lists[-1] = number + 1
        return f"{number}. "

    def close(self) -> None:
        super().close()
        self._end_block()

    def _end_line(self) -> None:
        line = "".join(self._line).strip()
        self._line = []
        if not line or line == "-":
            return
        if self._heading_level:
            line = f"{'#' * self._heading_level} {line}"
        self._block.append(line)

    def _end_block(self) -> None:
        self._end_line()
        if self._block:
            self.blocks.append("\n".join(self._block))
            self._block = []


def _start(attrs: list[tuple[str, str | None]]) -> int:
    """Where an <ol> starts counting (its start attribute, else 1)."""
    value = dict(attrs).get("start") or ""
    return int(value) if value.strip().isdigit() and len(value.strip()) <= 4 else 1


def html_to_text(html: str) -> tuple[str | None, str]:
    """Return the page title (if any) and its visible text."""
    page = _closed_tail(html)
    try:
        parser = _read(page)
    except AssertionError:  # _markupbase's refusal of a declaration it cannot read
        parser = _read(page.replace("<!", "&lt;!"))
    text = "\n\n".join(parser.blocks)
    return parser.title, text


def _read(page: str) -> _HelpPageParser:
    parser = _HelpPageParser()
    parser.feed(page)
    parser.close()
    return parser


def _closed_tail(html: str) -> str:
    """The page with each "<" that nothing closes written as "&lt;": one after the last
    ">", a comment's after the last "-->", a marked section's after the last "]]>", and
    one opening a marked section html.parser does not know ("<![<pre>").

    The parser shows that text as it is either way (a comment never closed as text up to
    the next ">"), but it searches from each such "<" to the end of the page before giving
    up (Python 3.11's html.parser): 100 KB of '<a b="' took 52 s, 200 KB 219 s, and
    16,000 comments never closed between tags (128 KB) 6.8 s.
    """
    last = html.rfind(">")
    html = html[: last + 1] + html[last + 1 :].replace("<", "&lt;")
    for opening, closing in (("<!--", _COMMENT_CLOSE), ("<![", _SECTION_CLOSE)):
        end = max((found.end() for found in closing.finditer(html)), default=0)
        html = html[:end] + html[end:].replace(opening, "&lt;" + opening[1:])
    return _UNKNOWN_SECTION.sub("&lt;![", html)


_COMMENT_CLOSE = re.compile(r"--\s*>")  # as html.parser closes a comment
_SECTION_CLOSE = re.compile(r"]\s*]\s*>")  # and a marked section (CDATA)
_UNKNOWN_SECTION = re.compile(  # html.parser raises AssertionError on any other "<!["
    r"<!\[(?!(?:cdata|temp|ignore|include|rcdata|if|else|endif)(?![-_.a-z0-9]))", re.IGNORECASE
)
