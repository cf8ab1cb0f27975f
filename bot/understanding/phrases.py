"""Runs of words looked up by their first word: most words of a message start none."""

from __future__ import annotations

from bot.understanding.message import Word

Phrases = dict[str, tuple[tuple[str, ...], ...]]


def by_first_word(*phrases: tuple[str, ...]) -> Phrases:
    """Phrases looked up by their first word, longest first: most words start none."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        found.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(options) for first, options in found.items()}


def phrase_at(words: list[Word], index: int, stop: int, phrases: Phrases) -> int:
    """How many words of one of `phrases` start at `index` (before `stop`); 0: none does,
    nor at or past `stop` ("what is due": no word after "due" to start one)."""
    if index >= stop:
        return 0
    for phrase in phrases.get(words[index].text, ()):
        size = len(phrase)
        if index + size <= stop and all(
                words[index + i].text == part for i, part in enumerate(phrase)):
            return size
    return 0
