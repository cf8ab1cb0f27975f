"""A complaint about a ticket, then a request of it: the request is made, the complaint is
context. "since monday" in the complaint is when, no reason the request starts with.

Before, "nobody has touched 628 since monday, give it to alex" went to the help assistant
(a weekday after "since" was read as the start of a reason, and the date as a take-back),
while "… since last week, give it to alex" gave 628 to Alex."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("nobody has touched 628 since monday, give it to alex", "assign #628 to user:u-alex"),
    ("Nobody has touched 628 since Monday, please give it to Alex", "assign #628 to user:u-alex"),
    ("nobody touched 628 since friday. give it to alex", "assign #628 to user:u-alex"),
    ("no one has looked at 628 since tuesday, can you assign it to sam",
     "assign #628 to user:u-sam"),
    ("628 has been sitting there since monday, give it to alex", "assign #628 to user:u-alex"),
    ("still no response on 628 since monday, give it to sam", "assign #628 to user:u-sam"),
    ("nobody has touched 628 since yesterday, give it to alex", "assign #628 to user:u-alex"),
    ("nobody has touched 628 since last week, give it to alex", "assign #628 to user:u-alex"),
    ("nobody has touched 628 since monday, make it urgent", "edit #628 priority=urgent"),
    ("nobody has touched 628 since monday, give 628 to alex", "assign #628 to user:u-alex"),
])
def test_the_request_after_a_complaint_is_made(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("close 12 since the user confirmed it works", "status #12 closed"),
    ("nobody has touched 628 since monday", "free text"),
])
def test_a_reason_after_since_and_a_complaint_alone_read_as_before(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("nobody has looked at 628, give it to sam", "assign #628 to user:u-sam"),
    ("nobody looked at 628 since monday, give it to sam", "assign #628 to user:u-sam"),
    ("nobody has even glanced at 628, make it urgent", "edit #628 priority=urgent"),
])
def test_a_ticket_looked_at_is_the_one_it_is(said: str, expected: str) -> None:
    """"at 628" after "looked" is the ticket, not a time: "it" after it was the one in view,
    and Sam was given TKT-2026-0007."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
