"""A message that only names a ticket, in the words people use for a reference ("my ticket
number is 12", "re: 12", "it's ticket 12"), shows it, as "12" alone does; before, most went
to the help assistant or got "Sorry, I didn't get …"."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

SHOWN = "show TKT-2026-0012"


@pytest.mark.parametrize("said", [
    "my ticket number is 12", "my ticket is 12", "the ticket number is TKT-2026-0012",
    "ticket no is 12", "ref 12", "reference number 12", "my reference is TKT-2026-0012",
    "it's ticket 12", "this is about ticket 12", "regarding 12", "re: 12",
    "about my ticket 12", "Hi, my case number is #12", "following up on ticket 12 thanks",
])
def test_a_ticket_named_alone_is_shown(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == SHOWN


@pytest.mark.parametrize(("said", "expected"), [
    ("my ticket is 12 days old", None),
    ("my ticket number is 12, please close it", "status TKT-2026-0012 closed"),
])
def test_more_said_with_it_is_read_as_before(said: str, expected: str | None) -> None:
    read = summary(as_the_bot_reads(said, CONVERSATION))
    assert read != SHOWN if expected is None else read == expected
