"""How long a ticket has been open is no question of its due date: "how long has 1243 been
open" was answered with when it is due, not how long it has waited (sixteenth held-out
table). Now the ticket is shown (when it was filed is on its card). How long it will take is
still when it is due; "which team has 155" shows the card, as the ninth table has it."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("how long has 1243 been open", "show #1243"),
    ("how long has 12 been open?", "show #12"),
    ("How long has ticket 12 been on hold", "show #12"),
    ("how long has it been sitting there", "show #7"),
    ("how long has 1250 been waiting for the vendor?", "show #1250"),
    ("how long's 12 been stuck", "show #12"),
    # as before: how long it will take is when it is due
    ("how long will 12 take", "show #12 asked=due"),
    ("how long until 12 is fixed", "show #12 asked=due"),
    ("how long is 12 going to take", "show #12 asked=due"),
    ("which team has 155", "show #155"),
])
def test_how_long_open_is_no_due_date(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
