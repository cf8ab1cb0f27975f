"""A choice offered with a question."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

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


_TICKET_LABEL = re.compile(r"[a-z][a-z0-9]*-\d{4}-0*(\d+) ·", re.IGNORECASE)
"""An option that is a ticket: "TKT-2026-0040 · Printer jams"."""


_LONGEST_NUMBER = 12
"""The most digits a number typed under choices may have (a ticket's number has fewer)."""


def chosen(options: tuple[Option, ...], said: str) -> Option | None:
    """The option picked by its number, its label, or a prefix of one label only. Under
    tickets offered, a number typed is a ticket's number ("40", "#40"), never a place: Teams
    shows the buttons unnumbered, so "2" under three tickets means ticket 2."""
    text = _plain(said)
    if not text or not options:
        return None
    if text in YES:
        if len(options) == 1 and options[0].sole_answer:
            return options[0]
        text = "yes"  # picks a "Yes, …" choice, where the question offers one
    tickets = [(option, found) for option in options
               if (found := _TICKET_LABEL.match(option.label)) is not None]
    digits = text.lstrip("#")
    if digits.isdecimal():  # "0041": 41
        digits = digits.lstrip("0") or "0"
        if len(digits) > _LONGEST_NUMBER:
            return None  # "9" pasted 5000 times: no ticket or place (nor an int Python reads)
    if tickets and digits.isdecimal():
        same = [option for option, found in tickets if int(found[1]) == int(digits)]
        return same[0] if len(same) == 1 else None
    if text.isdecimal():
        index = int(digits) - 1
        return options[index] if 0 <= index < len(options) else None
    for option in options:
        if option.label.lower() == text or option.says.lower() == text:
            return option
    starting = [o for o in options if o.label.lower().startswith(text)]
    return starting[0] if len(starting) == 1 else None


@dataclass(frozen=True, slots=True)
class KeptChoices:
    """A question's buttons as the conversation keeps them until the next message, which
    may answer it in words ("yes", "2", "agent") instead of a press."""

    options: tuple[Option, ...]
    at: datetime
    yes_only: bool = False
    """Kept for a typed "yes" only (buttons sent with any question): numbers and labels
    typed are read as messages of their own."""

    def encode(self) -> str:
        # One string: a plain value the turn state stores without flattening.
        return json.dumps({"at": self.at.isoformat(), "yes_only": self.yes_only, "options": [
            {"label": o.label, "says": o.says, "sole_answer": o.sole_answer}
            for o in self.options]})

    @classmethod
    def decode(cls, stored: object) -> KeptChoices | None:
        """None for nothing stored, or state this version cannot read (another release's:
        the message is then read as it is)."""
        if not isinstance(stored, str) or not stored:
            return None
        try:
            data = json.loads(stored)
            return cls(
                tuple(Option(str(o["label"]), str(o["says"]), sole_answer=o["sole_answer"] is True)
                      for o in data["options"]),
                datetime.fromisoformat(data["at"]), yes_only=data["yes_only"] is True)
        except (TypeError, ValueError, KeyError):
            return None
