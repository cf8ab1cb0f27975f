"""One analyzer for documents and questions, whichever database indexes them.

PostgreSQL's `english` configuration and SQLite's Porter tokenizer stem, split
and drop words differently, so the same question ranked the same chunks
differently on the two databases. Text is therefore analysed here, once, and
the databases index the result as plain words (PostgreSQL's `simple`
configuration, FTS5's `unicode61` tokenizer): accents folded ("café" is
"cafe"), case folded, function words and question filler dropped, every word
reduced to its Snowball (Porter2) stem. A compound ("known_hosts", "ssh-keygen",
"e-mail") is indexed as its parts and as one word, so "known hosts", "knownhosts"
and "known_hosts" all meet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

from knowledge.question import FILLER

MAX_WORD_CHARS = 60
STEM_CACHE = 50_000

STOP_WORDS = FILLER | frozenset(
    """
    also like use used using uses said say says whether every else ever further
    """.split()  # noqa: SIM905 - a word list reads best as words
)
"""Question filler (`knowledge.question.FILLER`) plus words too common in help text to
carry a topic; dropped from documents and questions alike."""

_WORD = re.compile(r"[^\W_]+(?:[_'’.\-/][^\W_]+)*")
_SEGMENTS = re.compile(r"[./]+")
_JOINERS = re.compile(r"[_'’\-]+")
_STEMMER = snowballstemmer.stemmer("english")


def fold_accents(text: str) -> str:
    """Lower-case text with accents removed ("Café" → "cafe"), ligatures expanded."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


@lru_cache(maxsize=STEM_CACHE)
def stem(word: str) -> str:
    """The Snowball stem of a lower-case word; digits and codes stay as they are."""
    if not word.isalpha():
        return word
    return str(_STEMMER.stemWord(word))


def _keep(part: str) -> bool:
    return (len(part) >= 2 or part.isdigit()) and len(part) <= MAX_WORD_CHARS and (
        part not in STOP_WORDS
    )


def analyse(text: str) -> list[str]:
    """The index terms of a text, in order (a compound's whole form after its parts)."""
    terms: list[str] = []
    for match in _WORD.finditer(fold_accents(text)):
        for word in _SEGMENTS.split(match.group(0)):
            parts = [part for part in _JOINERS.split(word) if part]
            if len(parts) == 1:
                if _keep(word):
                    terms.append(stem(word))
                continue
            terms.extend(stem(part) for part in parts if _keep(part))
            joined = "".join(parts)
            if _is_compound(word, parts) and _keep(joined):
                terms.append(stem(joined))
    return terms


def _is_compound(word: str, parts: list[str]) -> bool:
    """"known_hosts", "ssh-keygen" and "e-mail" are one thing; "it's" is not. Paths and
    dotted names ("~/.ssh/config", "1.0") are split into their segments before this."""
    if "'" in word or "’" in word:
        return False
    return 2 <= len(parts) <= 3 and max(len(part) for part in parts) >= 2


def search_form(text: str | None) -> str:
    """A text as the database indexes it: its terms separated by spaces."""
    return " ".join(analyse(text or ""))


def distinct(terms: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(terms))
