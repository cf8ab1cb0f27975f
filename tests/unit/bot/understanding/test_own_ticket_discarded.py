"""One's own ticket asked to be deleted, withdrawn or scrapped ("delete my ticket", "withdraw
my request"): tickets are not deleted, so closing is offered (a customer, who closes nothing,
is offered it as a comment), as for "cancel my ticket" and "delete it". These went to the help
assistant, which quoted the guide on deleting an old phone from the sign-in methods."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

OFFERED = ("ask status TKT-2026-0007 ?: Tickets aren't deleted. Should TKT-2026-0007 be closed? "
           "[Yes, close it, Resolve it instead]")


@pytest.mark.parametrize("said", [
    "delete my ticket", "remove my request", "withdraw my request", "scrap my ticket",
    "pls delete my request, i found a spare", "Please withdraw my ticket, no longer needed",
    "you can remove my ticket", "kill my request",
])
def test_ones_own_ticket_discarded_offers_closing_it(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == OFFERED


def test_with_none_in_view_which_is_left_to_the_action() -> None:
    read = summary(as_the_bot_reads("withdraw my request", replace(CONVERSATION, last_ticket=None)))
    assert read.startswith("ask status ? ?: Tickets aren't deleted."), read


@pytest.mark.parametrize("said", [
    "how do i delete my ticket?", "don't delete my ticket", "can i remove my request?",
    "delete my old phone from the sign-in methods", "remove my laptop from the vpn group",
])
def test_a_question_a_refusal_or_another_thing_offers_nothing(said: str) -> None:
    assert not summary(as_the_bot_reads(said, CONVERSATION)).startswith("ask status")
