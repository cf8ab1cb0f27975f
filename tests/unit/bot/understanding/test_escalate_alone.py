""""escalate" said alone after a ticket was shown asks which priority that ticket should get,
as "change priority" does: it was not understood ("escalate 9" makes 9 urgent)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.requests import EditTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize("said", ["escalate", "escalate!", "escalate pls", "please escalate"])
def test_escalate_alone_asks_the_priority_of_the_one_in_view(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded("ask edit #7 ? priority")


@pytest.mark.parametrize(("said", "expected"), [
    ("escalate 9", "edit #9 priority=urgent"),
    ("how do i escalate?", "question"),
    ("don't escalate", "free text"),
])
def test_escalate_with_a_ticket_asked_or_refused_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


def test_with_no_ticket_shown_nothing_is_changed() -> None:
    alone = replace(CONVERSATION, last_ticket=None)
    assert not isinstance(as_the_bot_reads("escalate", alone), EditTicket)
