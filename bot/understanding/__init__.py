"""Understanding chat messages without a model: text and context in, a typed request out."""

from bot.understanding.context import Conversation, Person, TeamEntry
from bot.understanding.reading import (
    calls_off_what_came_before, changed_ticket, needs_directory, understand,
)

__all__ = ["Conversation", "Person", "TeamEntry", "calls_off_what_came_before", "changed_ticket",
           "needs_directory", "understand"]
