"""A person pointed to a ticket with an arrow takes it, as a ticket pointed to a person does:
"priya shah → 1416" was free text (seventeenth held-out table), where "1416 → priya shah"
gives it to Priya. A name not known is asked about; words that are no one ("close → 12",
"printer → 12") change nothing."""

from __future__ import annotations

import pytest

from bot.understanding.requests import AssignTicket, ChangeStatus, EditTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("priya shah → 12", "assign #12 to user:u-priya"),
    ("sam -> 12", "assign #12 to user:u-sam"),
    ("network team → 12", "assign #12 to team:2"),
    ("lee → 12", "ask assign #12 to ?: Which Lee do you mean? [Lee Park, Lee Chen]"),
    ("12 → priya shah", "assign #12 to user:u-priya"),  # as before
])
def test_a_person_arrowed_to_a_ticket_takes_it(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", ["close → 12", "the printer → 12", "12 → 13", "sam → 12 → 13"])
def test_words_that_are_no_one_change_nothing(said: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert not isinstance(read, (AssignTicket, ChangeStatus, EditTicket)), read
