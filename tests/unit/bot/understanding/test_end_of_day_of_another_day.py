""""12 due cob friday" made 12 due today (Wednesday): the end of the day was read as today's
and the day it was of dropped, a wrong date set and said as done. The end of a day named
after it is that day's; said alone, today's, as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("12 due cob friday", "edit #12 due=2026-12-04"),
    ("12 due eod friday", "edit #12 due=2026-12-04"),
    ("need 12 done by cob tomorrow", "edit #12 due=2026-12-03"),
    ("12 due eod tmrw", "edit #12 due=2026-12-03"),
    ("12 due end of day friday", "edit #12 due=2026-12-04"),
    ("12 due close of business on monday", "edit #12 due=2026-12-07"),
    ("make 12 due EOD Mon", "edit #12 due=2026-12-07"),
    ("12 due cob 15 jan", "edit #12 due=2027-01-15"),
    ("new ticket due eod friday: renew the ssl cert",
     "create title='Renew the ssl cert' due=2026-12-04"),
    # the end of the day alone, or of today: today
    ("12 due eod", "edit #12 due=2026-12-02"),
    ("12 due cob", "edit #12 due=2026-12-02"),
    ("12 due end of day", "edit #12 due=2026-12-02"),
    ("12 due eod today", "edit #12 due=2026-12-02"),
    ("12 due friday eod", "edit #12 due=2026-12-04"),
])
def test_the_end_of_a_day_named_is_that_days(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
