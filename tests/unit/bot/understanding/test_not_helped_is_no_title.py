""""That didn't help" before an ask for a ticket is no title: "that didnt help, make a
ticket" said while a ticket was being filed (so no help answer's offer took it) filed a
ticket titled "Didnt help". Now its title is asked for."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

NOTHING_IN_VIEW = replace(CONVERSATION, last_ticket=None)


@pytest.mark.parametrize("said", [
    "that didnt help, make a ticket",
    "that didn't help, make a ticket",
    "didnt help. can you log a ticket",
    "that did not work, please raise a ticket",
    "not helpful, open a ticket",
    "ok that didnt help make a ticket then",
    "no luck, log a ticket pls",
    "nope that didn't work, can you raise a ticket?",
    "It didn't help. Please open a ticket",
    "still not working, make a ticket",
])
def test_a_help_answer_that_did_not_help_is_no_title(said: str) -> None:
    assert summary(as_the_bot_reads(said, NOTHING_IN_VIEW)) == "create title=?"


@pytest.mark.parametrize(("said", "title"), [
    ("the vpn didn't work after the update, make a ticket", "The vpn didn't work after the update"),
    ("printer still not working on floor 3, log a ticket", "Printer still not working on floor 3"),
    ("new ticket: outlook doesn't work", "Outlook doesn't work"),
])
def test_a_problem_said_with_those_words_is_still_the_title(said: str, title: str) -> None:
    assert summary(as_the_bot_reads(said, NOTHING_IN_VIEW)) == f"create title={title!r}"
