"""A fix told with how it was done ("1583 fixed by replacing the toner") was not read, and
under a heading ("<b>Update:</b> 1583 fixed by replacing the toner") posted "fixed by
replacing the toner" on 1583 as a comment, the ticket left as it was. Now the fix is told, as
with a comma ("12 fixed, replaced the toner"): resolved, how as why."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("<p><b>Update:</b> 1583 fixed by replacing the toner</p>", "status #1583 resolved"),
    ("12 fixed by replacing the toner", "status #12 resolved"),
    ("12 was fixed by restarting the spooler", "status #12 resolved"),
    ("ticket 12 resolved by rebooting the router", "status #12 resolved"),
    # look-alikes: someone's fix, a question, a comment's or a new ticket's own words
    ("12 fixed by sam", "free text"),
    ("12 fixed by restarting?", "show #12"),
    ("comment on 12: 13 fixed by restarting", "comment #12 '13 fixed by restarting'"),
    ("new ticket: printer fixed by restarting", "create title='Printer fixed by restarting'"),
])
def test_a_fix_told_with_how_it_was_done_resolves_the_ticket(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(clean_markup(said), CONVERSATION)) == expanded(expected)


def test_how_it_was_fixed_is_why_it_was_resolved() -> None:
    understood = as_the_bot_reads("12 fixed by replacing the toner", CONVERSATION)
    assert getattr(understood, "reason", None) == "by replacing the toner"
