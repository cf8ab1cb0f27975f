"""Whether a word is an English word, for decisions the document's own text cannot settle.

The word list is pyspellchecker's English dictionary (about 160,000 words with how
often each occurs in subtitles and Wikipedia), read once per process when first asked
(about 0.25 s and 20 MB) and never at import time. It is generous: it holds fragments such as "con",
"sion" or "ing" that occur as words somewhere, so a caller asks about the whole
word first ("version") and about the halves ("ver", "sion") only after that.
"""

from __future__ import annotations

import gzip
import importlib.resources
import json
import threading

_DICTIONARY = ("spellchecker", "resources/en.json.gz")
_loading = threading.Lock()
_words: dict[str, int] | None = None


def is_english_word(word: str) -> bool:
    """`word` (any case) is in the English word list."""
    return word.casefold() in _english_words()


def english_frequency(word: str) -> int:
    """How often `word` (any case) occurs in the list's sources; 0 for a word not in it."""
    return _english_words().get(word.casefold(), 0)


def _english_words() -> dict[str, int]:
    global _words
    if _words is None:
        with _loading:
            if _words is None:
                package, name = _DICTIONARY
                resource = importlib.resources.files(package).joinpath(name)
                with resource.open("rb") as packed, gzip.open(packed, "rt", encoding="utf-8") as text:
                    # word -> count, lower-case already: folding its 160,000 words again
                    # took as long as reading them
                    _words = json.load(text)
    return _words
