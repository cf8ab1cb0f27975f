"""A ticket handed "back to the user" is asked about plainly: tickets are held by the
service desk, and waiting on the requester is a hold ("I couldn't find “”" was asked)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "send 12 back to the user", "hand 12 back to the customer", "give 12 back to the requester",
    "assign 12 to the user",
])
def test_a_ticket_given_back_to_its_requester_is_asked_about_plainly(said: str) -> None:
    read = summary(as_the_bot_reads(said, CONVERSATION))
    assert read.startswith("ask assign TKT-2026-0012 to ?: Tickets are held by the service desk")
    assert "“put TKT-2026-0012 on hold”" in read and "“”" not in read


def test_a_name_that_fits_no_one_is_still_said() -> None:
    read = summary(as_the_bot_reads("give 12 to someone", CONVERSATION))
    assert read.startswith("ask assign TKT-2026-0012 to ?: I couldn't find “someone”.")
