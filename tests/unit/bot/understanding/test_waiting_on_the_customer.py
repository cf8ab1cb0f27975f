"""A ticket waiting on the person who asked (or a vendor) is on hold, as a service desk means
it: "waiting on the user for 12", "pending customer on 12". When they come back, work goes on:
"user replied, back to work on 12" starts it again. Waiting on a ticket ("still waiting on
12"), a question, a "don't" and a condition change nothing."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "waiting on the user for 12", "pending customer on 12", "awaiting user response on 12",
    "12 pending user", "12 awaiting customer feedback", "12 awaiting customer's reply",
    "waiting for the requester to reply on 12", "we are waiting on the user for 12",
    "on 12 we're waiting for the customer", "i'm waiting for the user on 12",
    "Waiting on customer - TKT-2026-0012", "wating on user for #12", "12: pending client response",
    "12 is now waiting for the customer to get back to us", "still waiting on the vendor for 12",
    "12 blocked on the customer", "pending with customer for 12",
])
def test_waiting_on_the_customer_puts_it_on_hold(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "status TKT-2026-0012 on_hold"


@pytest.mark.parametrize("said", [
    "user replied, back to work on 12", "customer got back to me on 12, picking it up again",
    "user got back to me, resuming 12", "12 user responded, back in progress",
    "back to work on 12", "picking 12 up again", "resume 12", "resuming work on 12",
    "customer answered on 12 so working on it again", "The requester has replied on 12, "
    "continuing with it", "user came back to us re 12 - back on it", "pick 12 back up",
    "user replied on 12, resuming", "unpause 12",
])
def test_the_customer_back_starts_it_again(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "status TKT-2026-0012 in_progress"


@pytest.mark.parametrize(("said", "read"), [
    ("is 12 waiting on the user?", "show TKT-2026-0012 asked=status?on_hold"),
    ("12 waiting on user?", "show TKT-2026-0012"),
    ("are we waiting on the customer for 12", "show TKT-2026-0012 asked=status?on_hold"),
    ("still waiting on 12", "show TKT-2026-0012"),
    ("i'm still waiting for someone to fix 12", None),
    ("waiting for the engineer on 12", None),
    ("if the user doesn't reply, close 12", "no change TKT-2026-0012"),
    ("don't put 12 on hold for the user", "no change TKT-2026-0012"),
    ("we're not waiting on the customer for 12 anymore", None),
    ("user replied on 12", None),
    ("has the user replied on 12?", None),
    ("if the user replies, resume 12", "no change TKT-2026-0012"),
    ("waiting on the user", None),
])
def test_a_question_a_chase_or_a_condition_changes_nothing(said: str, read: str | None) -> None:
    understood = summary(as_the_bot_reads(said, CONVERSATION))
    assert not understood.startswith("status"), understood
    assert read is None or understood == read
