""""In progress" written short: "1944 in prog", "set 12 to in-prog" were not read (the
whole word, "wip" and "in-progress" were). Now they are, and a list asks by them too. Found by
the twentieth held-out table."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("1944 in prog", "status #1944 in_progress"),
    ("set 12 to in prog", "status #12 in_progress"),
    ("12 in-prog", "status #12 in_progress"),
    ("move 12 to inprogress", "status #12 in_progress"),
    ("12 in progress", "status #12 in_progress"),
    ("12 wip", "status #12 in_progress"),
    ("my prog rock playlist is gone", "free text"),
    ("my tickets in prog", "list mine status=in_progress"),
])
def test_in_progress_written_short_is_the_status(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
