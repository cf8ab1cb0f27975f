"""The words of a question that carry its meaning, compared loosely.

Answering compares questions with document sentences and model replies with
the passages they cite. Both need the same notion of "the same word": case and
simple English endings ("printers" / "printer", "booking" / "book") are
ignored, and function words ("how", "do", "the") never count as a match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.text import words

STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each else ever every few for from further get gets getting
    got had hadn't has hasn't have haven't having he her here hers herself him himself his how
    i i'd i'll i'm i've id if im in into is isn't it it's its itself just let's like me might
    more most much must mustn't my myself need needs no nor not now of off on once one only or
    other ought our ours ourselves out over own please same shall shan't she should shouldn't
    so some such than that that's the their theirs them themselves then there there's these
    they they'd they'll they're they've this those through to too under until up us very was
    wasn't way we we'd we'll we're we've were weren't what what's when when's where where's
    whether which while who who's whom why why's will with won't would wouldn't yes yet you
    you'd you'll you're you've your yours yourself yourselves thing things something anything
    want wants wanted know tell say said use using used keep keeps kind really still ok okay hi
    hello thanks thank isnt arent dont doesnt didnt cant couldnt wont wouldnt shouldnt
    whats hows thats theres wheres whos youre theyre ive wasnt werent pls plz thx ta cheers
    """.split()
)
"""Function words (also as typed without their apostrophe: "whats"), politeness ("pls",
"thx"), plus verbs so common in questions ("how do I use…") that they carry no topic."""

_SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "ly", "s")
_DOUBLED = "bdfgmnprt"
"""The letters inflection doubles ("drop", "dropping"), as Porter2 undoubles them; a doubled
l, s or z is the word's own ("spill", "spilled"; "pass", "passed")."""
_JOINED = re.compile(r"[a-z][-_][a-z]", re.IGNORECASE)
_JOINERS = re.compile(r"[-_]")


def stem(word: str) -> str:
    """A crude stem, enough to match "printers" with "printer" and "booked" with "booking"."""
    word = word.strip("'’.-").replace("’", "'").removesuffix("'s")
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 3 and word.endswith(suffix):
            word = _strip(word, suffix)
            break
    # "minute"/"minutes", "file"/"filed": a final e says nothing about the word.
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


def _strip(word: str, suffix: str) -> str:
    base = word[: -len(suffix)]
    if suffix in ("ies", "ied"):
        return base + "y"
    if suffix == "es" and not base.endswith(("s", "x", "z", "ch", "sh")):
        return word[:-1]  # "minutes" is "minute" + s
    if suffix in ("ing", "ings", "ed") and len(base) > 3 and base[-1] == base[-2] and (
            base[-1] in _DOUBLED):
        return base[:-1]  # "dropping" -> "drop", but "passed" and "spilled" keep theirs
    return base


def content_terms(text: str) -> list[str]:
    """The stems of the meaningful words of `text`, in order, without repeats."""
    seen: dict[str, None] = {}
    for word in words(text):
        if word in STOP_WORDS or len(word) < 2:
            continue
        seen.setdefault(stem(word), None)
    return list(seen)


def findable_terms(text: str) -> list[str]:
    """`content_terms`, with each compound also as its parts and as one word, as the
    index reads it: a document's "FH-Guest" is found by "guest", its "Wi-Fi" by "wifi".

    For the text searched, not the question: a question's compound counts once.
    """
    found: dict[str, None] = {}
    for word in words(text):
        forms = [word]
        if _JOINED.search(word):
            parts = [part for part in _JOINERS.split(word) if part]
            if all(part.isalpha() for part in parts):
                forms += [*parts, "".join(parts)]
        for form in forms:
            if form not in STOP_WORDS and len(form) >= 2:
                found.setdefault(stem(form), None)
    return list(found)


def overlap(terms: Iterable[str], text: str) -> set[str]:
    """The `terms` that also occur in `text`."""
    return set(terms) & set(content_terms(text))
