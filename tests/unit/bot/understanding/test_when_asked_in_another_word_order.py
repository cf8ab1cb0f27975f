""""when it will be done": when a ticket is due, asked in the word order of many a second
language. Before, "when 7 will be fixed" was "OK, I'll leave TKT-… as it is" (read as a
change waiting on 7 being fixed) and "when it will be done" was offered as a comment."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "read"), [
    ("when it will be done", "show TKT-2026-0007 asked=due"),
    ("when it will be fixed?", "show TKT-2026-0007 asked=due"),
    ("When ticket 12 will be resolved", "show TKT-2026-0012 asked=due"),
    ("when 12 will be fixed pls", "show TKT-2026-0012 asked=due"),
    ("when this one is going to be ready", "show TKT-2026-0007 asked=due"),
    # look-alikes, as before
    ("when will it be done", "show TKT-2026-0007 asked=due"),
    ("when 12 is fixed close it", "no change TKT-2026-0012"),
    ("when 12 is fixed, give it to sam", "no change TKT-2026-0012"),
])
def test_when_it_will_be_done_asks_when_it_is_due(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read
