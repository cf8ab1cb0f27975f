"""The comments on a ticket asked for: its card, which holds them."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads



@pytest.mark.parametrize(("said", "expected"), [
    ("last comment on 12", "show TKT-2026-0012"),
    ("show comments on 12", "show TKT-2026-0012"),
    ("show me the comments on 12", "show TKT-2026-0012"),
    ("whats the latest comment on 12", "show TKT-2026-0012"),
    ("any new comments on 12?", "show TKT-2026-0012"),
    ("can i see the notes on 12", "show TKT-2026-0012"),
    ("latest update on 12 please", "show TKT-2026-0012"),
    # a comment to add, and a remark about them: as before
    ("comment on 12: rebooted", "comment TKT-2026-0012 'rebooted'"),
    ("add notes on 12: rebooted", "comment TKT-2026-0012 'rebooted'"),
    ("notes on 12: rebooted the router", "comment TKT-2026-0012 'rebooted the router'"),
    ("the comments on 12 are wrong", "free text"),
])
def test_the_comments_on_a_ticket_asked_for_show_it(said: str, expected: str) -> None:
    """"last comment on 12" went to the help documents and "show comments on 12" was not
    understood: the ticket's card holds its comments."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
