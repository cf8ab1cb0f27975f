"""Text clean-up shared by extraction, chunking and search.

Extracted text (PDF text layers above all) arrives with ligature glyphs, soft
hyphens, words split at line ends and ragged spacing. Cleaning it once, the
same way for every format, keeps search terms matching what people type.
"""

from __future__ import annotations

import re
from collections import Counter as _Counter
from collections.abc import Callable, Sequence

from knowledge.lexicon import is_english_word

_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u00ad": None,  # soft hyphen: only a hint where a word may break
        "\u200b": None,  # zero-width space
        "\ufeff": None,  # stray byte-order marks inside text
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2010": "-",
        "\u2011": "-",
        # Look-alikes typesetters (groff, TeX) put for ASCII in code and options:
        # a user types "*" and "-", and searches and copies them so.
        "\u2217": "*",  # asterisk operator: "/usr/lib/∗", "∗.conf"
        "\u2212": "-",  # minus sign: "−c" options, "−5"
    }
)
# Spacing accents standing for "~" and "^" ("˜/.ssh", "‘ˆ’", "ˆD"). After a letter
# they may be an accent the PDF drew apart from its letter ("Espa˜na"), so they stay.
_DETACHED_ACCENTS = re.compile(r"(?<![^\W\d_])[\u02dc\u02c6]")
_ASCII_FOR_ACCENT = {"\u02dc": "~", "\u02c6": "^"}
# Control characters, and lone surrogates that broken PDF font maps produce and that
# no database accepts as UTF-8.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_INLINE_SPACE = re.compile(r"[^\S\n]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
LINE_END_HYPHEN = re.compile(r"(?<![A-Za-z])([A-Za-z]{2,})-\n([a-z]{2,})")  # from a word's start: linear
_HYPHENATED_TOKEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_HYPHEN_BEFORE_NAME = re.compile(r"(?m)^(?![-–—] ?\d{1,4} ?[-–—]$)(.*[A-Za-z0-9])-\n(?=[A-Z0-9])")
"""A compound broken at a line end before a name or figure ("Wi-\nFi", "x86-\n64") keeps its
hyphen and is joined; a page number set between dashes ("-2-") is a line of its own."""
_LONE_LIST_NUMBER = re.compile(r"(?m)^(\d{1,2})[.)]?\n(?=[A-Z])")
_WORD = re.compile(r"\w+(?:['’.-]\w+)*")

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    {
        "e.g.",
        "i.e.",
        "etc.",
        "approx.",
        "incl.",
        "excl.",
        "no.",
        "nos.",
        "vs.",
        "ext.",
        "tel.",
        "fig.",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "prof.",
        "st.",
        "min.",
        "max.",
        "dept.",
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "jun.",
        "jul.",
        "aug.",
        "sep.",
        "sept.",
        "oct.",
        "nov.",
        "dec.",
        "ref.",
        "cf.",
    }
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9£$€])")


def clean_extracted_text(text: str, *, join_hyphens: bool = True) -> str:
    """Normalise one page of extracted text; line breaks are kept because headings,
    list items and paragraphs are recognised from them later.

    `join_hyphens=False` leaves words hyphenated at a line end ("case-\ninsensitive")
    as they are, for `join_line_end_hyphens` to decide with the whole document's
    vocabulary; otherwise this text is the vocabulary."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LIGATURES)
    text = _CONTROL.sub("", text)
    text = _DETACHED_ACCENTS.sub(lambda match: _ASCII_FOR_ACCENT[match.group(0)], text)
    text = _INLINE_SPACE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    if join_hyphens:
        (text,) = join_line_end_hyphens([text])
    text = _HYPHEN_BEFORE_NAME.sub(r"\1-", text)
    text = _LONE_LIST_NUMBER.sub(r"\1. ", text)
    return _MANY_BLANK_LINES.sub("\n\n", text).strip()


def join_line_end_hyphens(pages: Sequence[str]) -> list[str]:
    """Undo the hyphenation of words broken at a line end, page by page, with the
    vocabulary of all `pages` (one document) as evidence.

    A typesetter's hyphen splits a word between syllables ("connec-\ntion"); a
    compound's hyphen belongs to it ("case-\ninsensitive"). In order: the hyphenated
    form written anywhere on a line keeps the hyphen; the whole word written anywhere,
    or an English word, is joined ("pass-\nword", "be-\ncause"); two halves that are
    both words (in the document or in English) keep it; anything else is a syllable
    break and is joined. Words broken at a line end are not evidence for themselves.
    """
    evidence = HyphenEvidence.of(pages)
    return [LINE_END_HYPHEN.sub(evidence.rejoin, page) for page in pages]


class HyphenEvidence:
    """What a document says about its words, for `join_line_end_hyphens`."""

    def __init__(self, words: _Counter[str], compounds: set[str]) -> None:
        self._words = words
        self._compounds = compounds

    @classmethod
    def of(cls, pages: Sequence[str]) -> HyphenEvidence:
        words: _Counter[str] = _Counter()
        compounds: set[str] = set()
        for page in pages:
            for token in _HYPHENATED_TOKEN.findall(LINE_END_HYPHEN.sub(" ", page)):
                parts = token.casefold().split("-")
                words.update(parts)
                if not token.isupper():  # a heading in capitals may keep a break's hyphen
                    compounds.update(f"{a}-{b}" for a, b in zip(parts, parts[1:], strict=False))
        return cls(words, compounds)

    def rejoin(self, match: re.Match[str]) -> str:
        head, tail = match.group(1), match.group(2)
        return f"{head}-{tail}" if self.keeps_hyphen(head, tail) else f"{head}{tail}"

    def keeps_hyphen(self, head: str, tail: str) -> bool:
        left, right = head.casefold(), tail.casefold()
        if f"{left}-{right}" in self._compounds:
            return True
        if self._is_word(left + right):
            return False
        return self._is_word(left) and self._is_word(right)

    def _is_word(self, word: str) -> bool:
        return self._words[word] > 0 or is_english_word(word)


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, without splitting after "e.g." and friends."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.start()].rstrip()
        last_word = candidate.rsplit(maxsplit=1)[-1].casefold() if candidate else ""
        if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-z]\.", last_word):
            continue
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [sentence for sentence in sentences if sentence]


def word_count(text: str) -> int:
    """Count whitespace-separated words: the unit chunk sizes are measured in."""
    return len(text.split())


def words(text: str) -> list[str]:
    """Lower-case word tokens, for matching and search."""
    return [match.group(0) for match in _WORD.finditer(text.casefold())]


def fold(text: str) -> str:
    """Case- and whitespace-insensitive form of a text, for "does it contain" checks."""
    return " ".join(text.casefold().split())



_LETTERS = re.compile(r"[^\W\d_]+")
_ENDS_IN_WORD = re.compile(r"^[^\w]*([^\W\d_]+)$")
_STARTS_WITH_WORD = re.compile(r"^([^\W\d_]+)(?![\w])")


def join_split_words(pages: list[str], laid_out: list[str] | None = None) -> list[str]:
    """Join words a PDF split with a space ("pri vate key", "def ault"), using the
    document's own vocabulary, and its layout-aware extraction when there is one.

    "a b" becomes "ab" when the document spells "ab" whole more often than it
    uses "a" or "b" (as often, when a half is a mere fragment of up to three
    letters), or, when "ab" occurs whole more than once, more often than "a" or "b"
    occur apart from the pair itself: "def" and "ault" occur only as halves of a
    "default" that is whole elsewhere, whereas "log in" stays when "login" is rarer
    than "log" alone, and "speed test" when "speedtest" is as rare.

    `laid_out` is the same pages extracted by glyph position (pypdf's layout
    mode), which spaces kerned words right but glues some true word pairs and
    puts columns side by side, so it is evidence, not the text: "archi ve" is
    joined when the laid-out pages spell "archive" and never "archi ve", and a
    half is a fragment they never use alone, of up to three letters ("ve") or
    beside a whole word they spell twice or more. "I imagine" stays although a
    laid-out line glued it, because "I" is a word the laid-out pages use alone.
    """
    counts = _Counter(
        word.casefold() for page in pages for word in _LETTERS.findall(page)
    )
    pairs = _adjacent_counts(pages)
    layout_counts = _Counter(
        word.casefold() for page in laid_out or () for word in _LETTERS.findall(page)
    )
    layout_pairs = _adjacent_counts(laid_out or [])

    def joined(first: str, second: str) -> str | None:
        head = _ENDS_IN_WORD.match(first)
        tail = _STARTS_WITH_WORD.match(second)
        if head is None or tail is None:
            return None
        left, right = head.group(1).casefold(), tail.group(1).casefold()
        if _whole_in_text(left, right, counts, pairs) or _whole_in_layout(
            left, right, layout_counts, layout_pairs
        ):
            return first + second
        return None

    def repair(line: str) -> str:
        parts = line.split(" ")
        kept = [parts[0]]
        for part in parts[1:]:
            merged = joined(kept[-1], part) if kept[-1] and part else None
            if merged is None:
                kept.append(part)
            else:
                kept[-1] = merged
        return " ".join(kept)

    return ["\n".join(repair(line) for line in page.split("\n")) for page in pages]


def _whole_in_text(
    left: str, right: str, counts: _Counter[str], pairs: _Counter[tuple[str, str]]
) -> bool:
    whole = counts.get(left + right, 0)
    together = pairs[left, right]
    halves = min(counts[left], counts[right])
    return (
        whole > halves
        or whole > 1 and whole > halves - together
        or whole > 0 and whole == halves and min(len(left), len(right)) <= 3
    )


def _whole_in_layout(
    left: str, right: str, counts: _Counter[str], pairs: _Counter[tuple[str, str]]
) -> bool:
    whole, split = counts.get(left + right, 0), pairs[left, right]
    if whole <= split:
        return False
    fragments = [half for half in (left, right) if counts[half] == split]
    return any(len(half) <= 3 for half in fragments) or whole > 1 and bool(fragments)


def _adjacent_counts(pages: list[str]) -> _Counter[tuple[str, str]]:
    return _Counter(
        (first.casefold(), second.casefold())
        for page in pages
        for line in page.split("\n")
        for first, second in _adjacent_words(line)
    )


def _adjacent_words(line: str) -> list[tuple[str, str]]:
    parts = line.split(" ")
    found = []
    for first, second in zip(parts, parts[1:], strict=False):
        head, tail = _ENDS_IN_WORD.match(first), _STARTS_WITH_WORD.match(second)
        if head is not None and tail is not None:
            found.append((head.group(1), tail.group(1)))
    return found
