"""Citations: which document and page each `[n]` in an answer points to.

Passages are numbered for the model one by one; the answer the user reads
numbers the *sources* it actually cites (a document page), in the order it
first cites them. A number the model made up is dropped, never shown.

The stored answer (`ai_chat_messages.content`) ends with a "Sources:" list in a
fixed line format, so the record reads well in the TicketFlow web app and the
bot can draw the card again from it (after feedback, or for a ticket).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from knowledge.passages import Passage, SourceKind

_ONE = r"\[\d{1,3}(?:\s*[,;]\s*\d{1,3})*\]"
_MARKER = re.compile(rf"[ \t]?{_ONE}(?:[ \t]*{_ONE})*")
"""A run of markers: "[1]", "[1, 2]", "[1][3]"."""
SOURCES_HEADING = "Sources:"
_QUOTE_BREAK = "\x1e"  # between quotes while they are numbered together
_KIND_WORDS = {SourceKind.HELP_DOCUMENT: "help document", SourceKind.USER_GUIDE: "user guide"}
_SOURCE_LINE = re.compile(
    r"^\[(?P<number>\d+)\] (?P<title>.+?)(?:, page (?P<page>\d+))?"
    r" \((?P<kind>help document|user guide) (?P<id>\d+)\)$"
)


@dataclass(frozen=True, slots=True)
class Citation:
    """Source number `number` of an answer: a document, and the page when it has pages."""

    number: int
    document_id: int
    title: str
    page: int | None
    source: SourceKind = SourceKind.HELP_DOCUMENT

    @property
    def label(self) -> str:
        return f"{self.title}, page {self.page}" if self.page is not None else self.title


@dataclass(frozen=True, slots=True)
class CitedText:
    text: str
    citations: tuple[Citation, ...]


def cite(text: str, passages: Sequence[Passage]) -> CitedText:
    """`text` with its `[n]` passage markers turned into source numbers.

    Markers naming passages that were not given are removed; two passages from
    the same document page become one source.
    """
    numbering: dict[tuple[SourceKind, int, int | None], Citation] = {}

    def source_number(passage: Passage) -> int:
        key = (passage.source, passage.document_id, passage.page)
        if key not in numbering:
            numbering[key] = Citation(
                number=len(numbering) + 1,
                document_id=passage.document_id,
                title=" ".join(passage.title.split()),
                page=passage.page,
                source=passage.source,
            )
        return numbering[key].number

    def rewrite(match: re.Match[str]) -> str:
        wanted = _numbers(match.group(0))
        numbers = [source_number(passages[n - 1]) for n in wanted if 1 <= n <= len(passages)]
        kept = list(dict.fromkeys(numbers))
        return " " + "".join(f"[{n}]" for n in kept) if kept else ""

    rewritten = _MARKER.sub(rewrite, text)
    return CitedText(text=_tidy(rewritten), citations=tuple(numbering.values()))


def numbered_sources(
    pairs: Sequence[tuple[Passage, str]],
) -> tuple[list[str], tuple[Citation, ...]]:
    """Quotes each tagged with its source's number, for answers built without a model; a
    quote's own line breaks (the steps of a list) are kept."""
    marked = [
        _mark("\n".join(" ".join(line.split()) for line in strip_markers(sentence).split("\n")),
              index)
        for index, (_, sentence) in enumerate(pairs, start=1)
    ]
    cited = cite(_QUOTE_BREAK.join(marked), [passage for passage, _ in pairs])
    return cited.text.split(_QUOTE_BREAK), cited.citations


def _mark(sentence: str, number: int) -> str:
    """"Sign in again [1]." — the marker goes before the closing full stop."""
    if sentence[-1:] in ".!?":
        return f"{sentence[:-1]} [{number}]{sentence[-1]}"
    return f"{sentence} [{number}]"


def strip_markers(text: str) -> str:
    """The text without any `[n]`, e.g. an earlier answer quoted back to the model."""
    return _tidy(_MARKER.sub("", text))


def markers_in(text: str) -> list[int]:
    return [n for match in _MARKER.finditer(text) for n in _numbers(match.group(0))]


def _numbers(run: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", run)]


def with_sources(text: str, citations: Sequence[Citation]) -> str:
    """The answer as stored: its text, then one line per source."""
    if not citations:
        return text
    lines = [
        f"[{c.number}] {' '.join(c.label.split())} ({_KIND_WORDS[c.source]} {c.document_id})"
        for c in citations
    ]
    return "\n".join([text, "", SOURCES_HEADING, *lines])


def split_sources(content: str) -> CitedText:
    """A stored answer back into its text and sources (the inverse of `with_sources`)."""
    text, separator, tail = content.rpartition(f"\n\n{SOURCES_HEADING}\n")
    if not separator:
        return CitedText(text=content, citations=())
    citations = []
    for line in tail.split("\n"):
        match = _SOURCE_LINE.match(line)
        if match is None:
            return CitedText(text=content, citations=())  # not a list we wrote
        kinds: Mapping[str, SourceKind] = {word: kind for kind, word in _KIND_WORDS.items()}
        citations.append(
            Citation(
                number=int(match["number"]),
                document_id=int(match["id"]),
                title=match["title"],
                page=int(match["page"]) if match["page"] else None,
                source=kinds[match["kind"]],
            )
        )
    return CitedText(text=text, citations=tuple(citations))


def source_url(web_url: str, citation: Citation) -> str:
    """Where TicketFlow shows a cited document."""
    if citation.source is SourceKind.USER_GUIDE:
        return f"{web_url}/user-guides/{citation.document_id}"
    return f"{web_url}/help/{citation.document_id}"


def help_document_ids(citations: Sequence[Citation]) -> list[int]:
    """`related_document_ids`: the cited help documents, once each (guides live elsewhere)."""
    ids = [c.document_id for c in citations if c.source is SourceKind.HELP_DOCUMENT]
    return list(dict.fromkeys(ids))


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]+([.,;:!?])(?=[\s\"'”’)\]]|$)", r"\1", text)  # not ".bz2", ".ssh"
    return re.sub(r"[ \t]{2,}", " ", text).strip()
