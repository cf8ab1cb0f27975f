"""A ticket told to seem done, with the hedge after its number ("12 looks fixed", "12 is
probably fixed", "12 is fixed i guess", "12 should be sorted now"), is asked about ("Should
TKT-… be resolved?"), as "I think 12 is fixed" is: it went to the help assistant, or
("12 should be sorted now") was resolved at once."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

ASKED = "ask status TKT-2026-0012 ?: Should TKT-2026-0012 be resolved? [Yes]"


@pytest.mark.parametrize("said", [
    "12 looks fixed", "12 looks to be fixed now", "12 seems to be working now",
    "12 appears to be resolved", "12 is probably fixed", "12 is possibly sorted now",
    "12 is fixed i guess", "12 is sorted i think", "12 should be sorted now",
    "12 should be fixed now", "12 might be fixed",
    # one part done ("on my end"): the ticket may need more (were free text)
    "12 is done on my end", "12 is fixed from my side", "12 is done from our side, thanks",
    "12 is sorted on our end",
])
def test_a_hedge_after_the_ticket_asks(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == ASKED


@pytest.mark.parametrize(("said", "expected"), [
    ("12 is fixed", "status TKT-2026-0012 resolved"),
    ("12 should be closed", "status TKT-2026-0012 closed"),
    ("12 should be resolved now", "status TKT-2026-0012 resolved"),
    ("12 looks like a network issue", None),
    ("12 seems to be a duplicate", None),
    ("12 looks bad", None),
])
def test_no_hedge_or_no_status_is_read_as_before(said: str, expected: str | None) -> None:
    read = summary(as_the_bot_reads(said, CONVERSATION))
    assert read != ASKED, read
    if expected is not None:
        assert read == expected
