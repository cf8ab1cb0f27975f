"""Running headers and footers: the lines a PDF repeats at the edge of every page.

"VPN and Remote Access Guide" above and "Page 3" below each page are furniture,
not content: left in, they would open every chunk, pose as its section heading
and match every search for the document's title.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence

from knowledge.extraction.document import ExtractedPage
from knowledge.text import fold

EDGE_LINES = 4  # how far from the top and bottom furniture is looked for
SHARE_OF_PAGES = 0.6
MIN_PAGES = 3


def find_running_lines(pages: Sequence[ExtractedPage]) -> frozenset[str]:
    """Keys of the lines found near the top or bottom of most pages; of a two-page
    document, the lines both pages open or close with (`_shared_edges`)."""
    paged = [page for page in pages if page.number is not None and page.text.strip()]
    if len(paged) == 2:
        return _shared_edges(*(_content_lines(page.text) for page in paged))
    if len(paged) < MIN_PAGES:
        return frozenset()
    counts: Counter[str] = Counter()
    for page in paged:
        lines = _content_lines(page.text)
        counts.update({running_key(line) for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]})
    needed = max(MIN_PAGES, math.ceil(SHARE_OF_PAGES * len(paged)))
    return frozenset(key for key, count in counts.items() if count >= needed and key)


def strip_running_lines(text: str, running: frozenset[str]) -> str:
    """Remove running lines from the edges of a page, also when one is wrapped over
    two lines there (a long document title on its first page, say)."""
    if not running:
        return text
    lines = text.split("\n")
    content = [index for index, line in enumerate(lines) if line.strip()]
    edges = content[:EDGE_LINES] + content[-EDGE_LINES:]
    dropped = {index for index in edges if running_key(lines[index]) in running}
    for first, second in itertools.pairwise(edges):
        if running_key(f"{lines[first]} {lines[second]}") in running:
            dropped.update((first, second))
    return "\n".join(line for index, line in enumerate(lines) if index not in dropped)


def running_key(line: str) -> str:
    """Page numbers differ on every page: "Page 3 of 9" and "Page 4 of 9" are one footer."""
    return re.sub(r"\d+", "#", fold(line))


def _shared_edges(first: list[str], second: list[str]) -> frozenset[str]:
    """The lines two pages both open with, line for line from the top, and both close
    with, from the bottom (page numbers aside): a two-page runbook's "Runbook ENG-RB-07"
    and "Internal use only | Page 1 of 2". Two pages are little evidence, so a line one
    page has lower down than the other, or after lines that differ, is content."""
    shared: set[str] = set()
    for top, bottom in ((first[:EDGE_LINES], second[:EDGE_LINES]),
                        (first[::-1][:EDGE_LINES], second[::-1][:EDGE_LINES])):
        for one, other in zip(top, bottom, strict=False):
            if running_key(one) != running_key(other):
                break
            shared.add(running_key(one))
    if len(shared) >= min(len(first), len(second)):
        return frozenset()  # two copies of one page: nothing would be left
    return frozenset(key for key in shared if key)


def _content_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]
