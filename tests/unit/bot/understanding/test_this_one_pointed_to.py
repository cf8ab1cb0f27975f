""""This one" is the ticket typed right after it, ending the message: "<p>can you have a look
at this one?</p><p><a href=…/TKT-2026-1277>…</a></p>" (a link pasted under the ask) showed
the ticket last shown, #7, not 1277 (sixteenth held-out table), as did "can you look at this
one? 1277"; "whats the status of this one? #12" was read right already. A change said so is not made ("close this one: 1277" is not
understood, as before); "this one" with nothing typed after it is the one in view."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


def _as_sent(said: str) -> str:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    return summary(readable(as_the_bot_reads(text, CONVERSATION)))


@pytest.mark.parametrize(("said", "expected"), [
    ('<p>can you have a look at this one?</p><p><a href="https://tickets.example.com/tickets/'
     'TKT-2026-1277">https://tickets.example.com/tickets/TKT-2026-1277</a></p>', "show #1277"),
    ("can you look at this one? 1277", "show #1277"),
    ("what about this one - 12", "show #12"),
    ("whats the status of this one? #12", "show #12 asked=status"),
    ("is this one done? TKT-2026-0012", "show #12 asked=status?closed,resolved"),
    # as before
    ("close this one: 1277", "unknown [my tickets, new ticket, help]"),
    ("close this one", "status #7 closed"),
    ("this is 12", "free text"),
])
def test_this_one_is_the_ticket_typed_after_it(said: str, expected: str) -> None:
    assert _as_sent(said) == expanded(expected)
