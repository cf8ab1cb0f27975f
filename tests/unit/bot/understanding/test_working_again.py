""""It's working now" tells that the problem is gone; "working on it" that someone is on it."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "read"), [
    ("it's working now, you can close it", "status TKT-2026-0007 resolved"),
    ("its working again", "status TKT-2026-0007 resolved"),
    ("It works again 🎉", "status TKT-2026-0007 resolved"),
    ("12 is working now", "status TKT-2026-0012 resolved"),
    ("ticket 12 is working fine now", "status TKT-2026-0012 resolved"),
    ("working on it", "status TKT-2026-0007 in_progress"),
    ("set 12 to working", "status TKT-2026-0012 in_progress"),
    ("12 is in progress now", "status TKT-2026-0012 in_progress"),
    ("close 12 now", "status TKT-2026-0012 closed"),
])
def test_working_now_is_fixed_and_working_on_is_in_progress(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read
