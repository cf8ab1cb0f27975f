"""A ticket said to be someone's now ("1040 is priya's now", "12 is the network team's now")
asks whether they should take it: it went to the help assistant. Nothing changes until yes;
a thing of theirs ("12 is sam's laptop") and a question ("is 12 sam's?") are not asked."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("1040 is priya's now", "ask assign #1040 to ?: Should Priya Shah take #1040? [Yes]"),
    ("12 is sam's now", "ask assign #12 to ?: Should Sam Rivera take #12? [Yes]"),
    ("12 is sam's", "ask assign #12 to ?: Should Sam Rivera take #12? [Yes]"),
    ("it's sam's now", "ask assign #7 to ?: Should Sam Rivera take #7? [Yes]"),
    ("12 is the network team's now", "ask assign #12 to ?: Should Network take #12? [Yes]"),
    ("12 is sam's laptop", "free text"),
    ("is 12 sam's?", "show #12"),
])
def test_a_ticket_said_to_be_someones_now_asks_whether_they_take_it(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
