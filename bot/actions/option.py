"""A choice offered with a question."""

from __future__ import annotations

import re
from dataclasses import dataclass

YES = frozenset({"y", "yes", "yep", "yeah", "yup", "sure", "ok", "okay", "please do", "do it",
                 "go ahead", "correct", "right", "yes please", "of course", "absolutely",
                 "yes pls", "yes do it", "yes go ahead", "yep go ahead", "sure go ahead", "👍"})


@dataclass(frozen=True, slots=True)
class Option:
    """A button (Teams) or a numbered line (terminal) that sends `says` as the next message."""

    label: str
    says: str
    sole_answer: bool = False
    """The one choice of a yes-or-no question ("Do you mean this ticket about “printer”?"):
    a typed "yes" picks it, as pressing it would."""


def said_yes(said: str) -> bool:
    """A typed yes to a question: "yes", "Yep!", "ok", "go ahead", "👍"."""
    return _plain(said) in YES


_YES_WORDS = frozenset({"y", "yes", "yep", "yeah", "yup", "yea", "ya", "yas", "yess", "yesss"})
_WITH_A_YES = frozenset({"ok", "okay", "sure", "please", "pls", "plz", "do", "it", "go", "ahead",
                         "absolutely", "correct", "right", "of", "course", "thanks", "thx"})


def yes_alone(said: str) -> bool:
    """A message that is a yes and nothing more ("yes", "yep!", "ok yes", "yeah sure", "yes
    please 👍"): an answer, which means nothing without a question."""
    if said_yes(said) and _plain(said) not in ("ok", "okay", "sure", "👍", "right", "correct"):
        return True  # "ok", "sure", 👍 alone are an everyday "ok" (small talk), read elsewhere
    words = [w for w in re.sub(r"[^\w\s]", " ", said.lower()).split()]
    return bool(words) and any(w in _YES_WORDS for w in words) and all(
        w in _YES_WORDS or w in _WITH_A_YES for w in words)


def _plain(said: str) -> str:
    return " ".join(said.split()).strip(" .!").lower()


def chosen(options: tuple[Option, ...], said: str) -> Option | None:
    """The option picked by its number, its label, or a prefix of one label only."""
    text = _plain(said)
    if not text or not options:
        return None
    if text in YES:
        if len(options) == 1 and options[0].sole_answer:
            return options[0]
        text = "yes"  # picks a "Yes, …" choice, where the question offers one
    if text.isdecimal():
        index = int(text) - 1
        return options[index] if 0 <= index < len(options) else None
    for option in options:
        if option.label.lower() == text or option.says.lower() == text:
            return option
    starting = [o for o in options if o.label.lower().startswith(text)]
    return starting[0] if len(starting) == 1 else None
