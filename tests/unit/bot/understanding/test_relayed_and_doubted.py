"""A request relayed for someone and then doubted or questioned ("my manager wants 12
closed, I disagree", "sam asked me to close 12 - is that allowed") changes nothing: it is
asked about, or told; relayed with a reason after it, it is made as before. A relay is read
once however many lead to the request."""

from __future__ import annotations

import pytest

from bot.understanding.requests import AssignTicket, ChangeStatus, EditTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "my manager wants 12 closed, I disagree",
    "sam asked me to close 12 - is that allowed",
    "my manager asked me to close 430, should I",
    "sam told me to close 12, what do you think",
    "my boss wants 12 given to sam, not sure that's right",
    "priya asked me to make 43 urgent. is that ok",
    "the customer asked us to put 41 on hold, do we do that",
    "sam asked me to close 12, I don't think it's fixed",
])
def test_a_relayed_request_doubted_changes_nothing(said: str) -> None:
    assert not isinstance(as_the_bot_reads(said, CONVERSATION),
                          (AssignTicket, ChangeStatus, EditTicket))


def test_a_relayed_close_doubted_is_asked_about_without_the_doubt_as_its_reason() -> None:
    asked = as_the_bot_reads("my manager wants 12 closed, I disagree", CONVERSATION)
    assert summary(asked) == "ask status TKT-2026-0012 ?: Should TKT-2026-0012 be closed? [Yes]"
    assert "disagree" not in repr(asked)


@pytest.mark.parametrize(("said", "expected"), [
    ("sam asked me to close 12", "status TKT-2026-0012 closed"),
    ("my manager wants 12 closed", "status TKT-2026-0012 closed"),
    ("my manager asked me to close 430, the printer works again", "status TKT-2026-0430 closed"),
    ("the customer asked us to put 41 on hold, they are on holiday", "status TKT-2026-0041 on_hold"),
    ("my manager asked me to close 430. thanks", "status TKT-2026-0430 closed"),
    ("my manager asked me to close 430, the printer is ok now", "status TKT-2026-0430 closed"),
    ("sam asked me to close 12, the user says it's right now", "status TKT-2026-0012 closed"),
])
def test_a_relayed_request_with_a_reason_is_made_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


def test_a_long_run_of_relays_is_read_once() -> None:
    said = "sam asked me to " * 1000 + "close 12"
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "status TKT-2026-0012 closed"
