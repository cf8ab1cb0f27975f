"""Every ticket filed in a time, asked with "everything" or "all": "show me everything created
today" listed only what the viewer filed, as "created" said alone is read ("tickets created
today": the viewer's, a convention the earlier tables keep). "all my tickets created this
week" and "everything I filed" stay the viewer's."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

EVERYONES = [
    ("show me everything created today", "list all created_from=2026-12-02"),
    ("all tickets created today", "list all status=any created_from=2026-12-02"),
    ("any tickets filed yesterday?", "list all created_from=2026-12-01 created_before=2026-12-02"),
    ("everything filed this week", "list all created_from=2026-11-30"),
]
AS_BEFORE = [
    ("tickets created today", "list created created_from=2026-12-02"),
    ("all my tickets created this week", "list created status=any created_from=2026-11-30"),
    ("my tickets filed today", "list created created_from=2026-12-02"),
    ("everything i filed this week", "list created created_from=2026-11-30"),
    ("created tickets", "list created"),
    ("all tickets filed by sam today",
     "list all status=any filed_by=user:u-sam created_from=2026-12-02"),
]


@pytest.mark.parametrize(("said", "expected"), EVERYONES + AS_BEFORE,
                         ids=[said for said, _ in EVERYONES + AS_BEFORE])
def test_everything_filed_in_a_time_is_everyones(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
