"""A question the bot waits on: which piece of which ticket action is missing.

Kept in the conversation's dialog state (the SQL storage) as plain data, so the answer
may come to another replica or after a restart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.actions.option import YES as YES
from bot.actions.option import Option, chosen


class Slot(StrEnum):
    """The missing piece; the edit fields are named as the ticket's fields."""

    ASSIGNEE = "assignee"
    STATUS = "status"
    COMMENT = "comment"
    FIELD = "field"
    TITLE = "title"
    DESCRIPTION = "description"
    PRIORITY = "priority"
    CATEGORY = "category"
    DUE_DATE = "due_date"
    SEVERITY = "severity"


EDIT_SLOTS = (Slot.TITLE, Slot.DESCRIPTION, Slot.PRIORITY, Slot.CATEGORY, Slot.DUE_DATE,
              Slot.SEVERITY)
FREE_TEXT_SLOTS = frozenset({Slot.COMMENT, Slot.TITLE, Slot.DESCRIPTION})
"""Answered in the person's own words: "close 4 doors" may be a title. Any other slot wants
a choice, so a request about a ticket ("show 1", "resolve it") is a message of its own."""


@dataclass(frozen=True, slots=True)
class Pending:
    slot: Slot
    ticket: str
    question: str
    options: tuple[Option, ...] = ()
    proposed: bool = False
    """Asked on a model's reading: the completed change is proposed on a card, not applied."""

    def to_data(self) -> dict[str, Any]:
        return {
            "slot": self.slot.value, "ticket": self.ticket, "question": self.question,
            "options": [[option.label, option.says] for option in self.options],
            "proposed": self.proposed,
        }

    @classmethod
    def from_data(cls, data: object) -> Pending | None:
        """None for state this version cannot read (written by another release)."""
        if not isinstance(data, dict):
            return None
        try:
            return cls(
                slot=Slot(data["slot"]), ticket=str(data["ticket"]),
                question=str(data["question"]),
                options=tuple(Option(str(label), str(says)) for label, says in data["options"]),
                proposed=data.get("proposed") is True,
            )
        except (KeyError, ValueError, TypeError):
            return None

    def chosen(self, said: str) -> Option | None:
        """The option picked by its number, its label, or a prefix of one label only."""
        return chosen(self.options, said)
