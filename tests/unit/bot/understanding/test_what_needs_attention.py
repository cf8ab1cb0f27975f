""""what needs attention today?", "what should I work on next?": asked of the work, not the
help documents (which found nothing and offered to file the question as a ticket). What the
person should pick up is their own tickets, most urgent first; what needs attention, with
no one named, is every ticket they may see, most urgent first."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "expected"), [
    ("what should I work on next?", "list mine order=priority"),
    ("what should i work on", "list mine order=priority"),
    ("What shall I pick up next", "list mine order=priority"),
    ("what do i need to work on today", "list mine order=priority"),
    ("what needs my attention", "list mine order=priority"),
    ("anything I need to look at?", "list mine order=priority"),
    ("is there anything i should be looking at", "list mine order=priority"),
    ("where should i start today?", "list mine order=priority"),
    ("what should i tackle first", "list mine order=priority"),
    ("whats next for me", "list mine order=priority"),
    ("ok what's next on my list", "list mine order=priority"),
    ("morning! what needs attention today", "list all order=priority"),
    ("what needs attention", "list all order=priority"),
    ("Anything on fire?", "list all order=priority"),
    ("whats on fire today", "list all order=priority"),
    ("what needs doing", "list all order=priority"),
    ("what needs to be done today?", "list all order=priority"),
    ("anything that needs attention right now?", "list all order=priority"),
    ("what requires attention", "list all order=priority"),
])
def test_what_to_work_on_is_the_work_most_urgent_first(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize("said", [
    "what should I do about 12",  # about one ticket
    "what should i do if the printer jams",  # a how-to
    "what should i do next",  # after a help answer, its next step
    "whats next",
    "where should i start with the vpn setup",
    "what needs to be done to enable mfa",
    "what needs attention on the printer after a jam",
    "the server room is on fire",
    "is the server on fire?",
])
def test_a_how_to_or_one_ticket_is_no_list_of_work(said: str) -> None:
    assert "order=priority" not in summary(as_the_bot_reads(said, CONVERSATION))
