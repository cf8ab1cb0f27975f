"""Why someone changed a ticket, asked in few words ("why u close my ticket 1650??", "how
come they reopened 12"): its history says who did what, as for "why did you close 12". It
showed only the card."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("why u close my ticket 1650??", "history #1650"),
    ("why you close 12 so fast", "history #12"),
    ("how come they reopened 12", "history #12"),
    ("why they put 12 on hold", "history #12"),
    # look-alikes, as earlier tables read them: a state asked about shows the card
    ("why is 12 still open", "show #12"),
    ("did sam close 12?", "show #12"),
    ("why is 12 still open, close it", "status #12 closed"),
])
def test_why_someone_changed_a_ticket_shows_its_history(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
