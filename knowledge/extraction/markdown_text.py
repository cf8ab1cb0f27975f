"""Markdown help pages to plain text.

The text keeps "# Heading" lines and list markers, which chunking understands,
and drops what a reader never sees: front matter, link targets, emphasis marks,
fences, HTML comments and table rules. A fenced block's lines become code spans, one a
line, so a quote shows its commands monospace as the page did; inline code loses its
backticks like the rest of the markup. Each pattern stays on its own line: the blank
lines around a table or a fence are what keep it apart from the paragraph before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_FRONT_MATTER_TITLE = re.compile(r"(?m)^title:\s*[\"']?(.+?)[\"']?\s*$")
_FENCE = re.compile(r"(?m)^[ \t]*(```|~~~).*$\n?")
_OPENING_FENCE = re.compile(r"[ \t]*(```|~~~)")
_SETEXT = re.compile(r"(?m)^(?P<text>[^\n#>|\-*].*)\n(?P<rule>=+|-+)[ \t]*$")
_ATX = re.compile(r"(?m)^(#{1,6})[ \t]+(.+)$")
# Bracketed text holds no bracket and a link target no unclosed parenthesis: a search from
# each "[" or "(" then stops at the next one, instead of running to the end of the text.
_TARGET = r"\((?:[^()]|\([^()]*\))*\)"
_IMAGE = re.compile(r"!\[([^\[\]]*)\]" + _TARGET)
_LINK = re.compile(r"\[([^\[\]]+)\]" + _TARGET)
_REFERENCE_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_LINK_DEFINITION = re.compile(r"(?m)^ {0,3}\[[^\[\]\n]+\]:\s+\S+.*$\n?")
_STRONG_OPENING = re.compile(r"(?=(\*\*|__)\S)")
_STRONG_CLOSING = re.compile(r"(?<=\S)(?=(\*\*|__))")
_EMPHASIS_OPENING = re.compile(r"(?<![\w*])(?=([*_])\S)")
_EMPHASIS_CLOSING = re.compile(r"(?<=\S)(?=([*_])(?![\w*]))")
_PARAGRAPH_END = re.compile(r"\n(?=[ \t]*\n)")
_CODE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_TABLE_RULE = re.compile(r"(?m)^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$\n?")
_TABLE_EDGES = re.compile(r"(?m)^[ \t]*\|(.*)\|[ \t]*$")
_BLOCKQUOTE = re.compile(r"(?m)^[ \t]*>[ \t]?")
_HORIZONTAL_RULE = re.compile(r"(?m)^[ \t]*([*_-])([ \t]*\1){2,}[ \t]*$")

def markdown_to_text(markdown: str) -> tuple[str | None, str]:
    """Return the document title (front matter or first heading) and its readable text."""
    title: str | None = None
    front_matter = _FRONT_MATTER.match(markdown)
    if front_matter:
        found = _FRONT_MATTER_TITLE.search(front_matter.group(1))
        title = found.group(1) if found else None
        markdown = markdown[front_matter.end() :]
    text = _without_comments(markdown)
    text = _fenced_blocks(text)
    text = _FENCE.sub("", text)  # a fence never closed
    text = _SETEXT.sub(_setext_to_atx, text)  # before table rules: "---" under text heads it
    text = _TABLE_RULE.sub("", text)
    text = _HORIZONTAL_RULE.sub("", text)
    text = _ATX.sub(lambda match: f"{match.group(1)} {_heading(match)}", text)
    text = _LINK_DEFINITION.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _unwrapped(text, _STRONG_OPENING, _STRONG_CLOSING)
    text = _unwrapped(text, _EMPHASIS_OPENING, _EMPHASIS_CLOSING)
    text = "\n".join(line if _is_code_line(line) else _CODE.sub(r"\1", line)
                     for line in text.split("\n"))
    text = _TABLE_EDGES.sub(lambda match: match.group(1).strip(), text)
    text = _BLOCKQUOTE.sub("", text)
    if title is None:
        first_heading = _ATX.search(text)
        title = _heading(first_heading).strip() if first_heading else None
    return title, text.strip()


def _without_comments(text: str) -> str:
    """The text without its HTML comments; one never closed stays, as do those after it."""
    kept: list[str] = []
    start = 0
    while (opening := text.find("<!--", start)) >= 0:
        closing = text.find("-->", opening + 4)
        if closing < 0:
            break
        kept.append(text[start:opening])
        start = closing + 3
    kept.append(text[start:])
    return "".join(kept)


def _heading(match: re.Match[str]) -> str:
    """An ATX heading's text without its closing hashes (a heading of hashes keeps one)."""
    text: str = match.group(2)
    return text.rstrip(" \t#") or text[:1]


def _unwrapped(text: str, opening: re.Pattern[str], closing: re.Pattern[str]) -> str:
    """The text with each emphasised span's marks taken off: a mark that `opening` finds
    pairs with the first one `closing` finds past it, without crossing a blank line.

    Every opening and closing mark is listed once and paired by bisection. A pattern
    spanning the emphasis ran from each mark never closed to the end of its paragraph,
    so a long paragraph of stray marks took time growing with the square of its length
    (100 KB of "*a " took minutes)."""
    closings: dict[str, list[int]] = {}
    for found in closing.finditer(text):
        closings.setdefault(found.group(1), []).append(found.start())
    ends = [found.start() for found in _PARAGRAPH_END.finditer(text)]
    kept: list[str] = []
    start = 0
    for found in opening.finditer(text):
        mark = found.group(1)
        inner = found.start() + len(mark)
        if found.start() < start:
            continue
        candidates = closings.get(mark, [])
        index = bisect_right(candidates, inner)
        if index == len(candidates):
            continue
        close = candidates[index]
        paragraph = bisect_left(ends, inner)
        if paragraph < len(ends) and ends[paragraph] < close:
            continue
        kept += [text[start:found.start()], text[inner:close]]
        start = close + len(mark)
    kept.append(text[start:])
    return "".join(kept)


def _fenced_blocks(text: str) -> str:
    """Each fenced block's lines as code spans, one a line, without its fences: commands
    stay monospace in quotes. A fence closes at the next line that is its marker alone; one
    never closed is left to `_FENCE`. Found line by line, with each marker's closing lines
    listed first: a pattern spanning the block searched to the end of the text for every
    fence never closed (30,000 of them took 90 s)."""
    lines = text.split("\n")
    closing = {marker: [i for i, line in enumerate(lines) if line.strip(" \t") == marker]
               for marker in ("```", "~~~")}
    kept: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        opening = _OPENING_FENCE.match(line) if index + 1 < len(lines) else None
        ends = closing[opening.group(1)] if opening else []
        close = bisect_right(ends, index)
        if opening is None or close == len(ends):
            kept.append(line)
            index += 1
            continue
        kept += [_code_line(code) for code in lines[index + 1:ends[close]]]
        index = ends[close] + 1
    return "\n".join(kept)


def _code_line(line: str) -> str:
    return f"`{line.strip()}`" if line.strip() and "`" not in line else line


def _is_code_line(line: str) -> bool:
    return len(line) > 2 and line.startswith("`") and line.endswith("`") and line.count("`") == 2


def _setext_to_atx(match: re.Match[str]) -> str:
    level = "#" if match.group("rule").startswith("=") else "##"
    return f"{level} {match.group('text').strip()}"
