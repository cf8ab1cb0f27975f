""""must be" / "has to be" said of a ticket by the person may be a guess ("it must be closed
already", "12 must be low priority, nobody cares"): a status is asked about, anything else
is left as told; relayed from someone ("my boss says 433 has to be urgent") it is an order,
made as before, unless a guess too ("sam said 12 must be closed already")."""

from __future__ import annotations

import pytest

from bot.understanding.requests import AssignTicket, ChangeStatus, EditTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "it must be closed already", "12 must be resolved already",
    "12 must be low priority, nobody cares", "12 must be on hold, the timer stopped",
    "it has to be urgent, otherwise why would sam call", "49 has to be urgent",
    "12 has to be closed", "ticket 12 must be high priority by now",
    "sam said 12 must be closed already", "my boss says 12 has to be resolved by now",
    "sam said 12 must be on hold already, the timer stopped",
])
def test_must_be_said_by_the_person_or_guessed_changes_nothing(said: str) -> None:
    assert not isinstance(as_the_bot_reads(said, CONVERSATION),
                          (AssignTicket, ChangeStatus, EditTicket))


@pytest.mark.parametrize(("said", "expected"), [
    ("it must be closed already", "ask status TKT-2026-0007 ?: Should TKT-2026-0007 be closed? [Yes]"),
    ("12 must be on hold, the timer stopped",
     "ask status TKT-2026-0012 ?: Should TKT-2026-0012 be on hold? [Yes]"),
])
def test_a_status_guessed_is_asked_about(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("my boss says 433 has to be urgent", "edit TKT-2026-0433 priority=urgent"),
    ("my manager says 46 must be high", "edit TKT-2026-0046 priority=high"),
    ("sam says 12 has to be closed", "status TKT-2026-0012 closed"),
    ("12 needs to be closed", "status TKT-2026-0012 closed"),
    ("sam asked me to close 12 already", "status TKT-2026-0012 closed"),
])
def test_an_order_relayed_or_needed_is_made_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
