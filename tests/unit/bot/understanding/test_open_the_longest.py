"""Which ticket has waited longest, asked as a question: "which ticket has been open the
longest", "what's been sitting the longest" went to the help documents (the order said after
"been" read as a state told, "the service has been terrible"); "show the longest open
ticket" offered to file a ticket titled "Show the longest"."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

ASKED = [
    ("which ticket has been open the longest", "list all order=oldest"),
    ("which ticket has been open the longest?", "list all order=oldest"),
    ("which ticket has been open longest", "list all order=oldest"),
    ("which one has been open the longest", "list all order=oldest"),
    ("what has been open the longest", "list all order=oldest"),
    ("whats been sitting the longest", "list all order=oldest"),
    ("what's been waiting the longest", "list all order=oldest"),
    ("which of my tickets has been open the longest", "list mine order=oldest"),
    ("the longest open ticket", "list all order=oldest top=1"),
    ("show the longest open ticket", "list all order=oldest top=1"),
    ("show the stalest open ticket", "list all status=open order=stale"),
]
AS_BEFORE = [
    ("what is the longest", "question"),
    ("i have been waiting the longest", "free text"),
    ("the service has been terrible this week", "free text"),
    ("what has been updated this week", "list all status=any updated_since=2026-11-30"),
    ("printer broken open ticket", "create title='Printer broken'"),
    ("what's the oldest ticket", "list all order=oldest top=1"),
    ("tickets open the longest", "list all order=oldest"),
]


@pytest.mark.parametrize(("said", "expected"), ASKED + AS_BEFORE,
                         ids=[said for said, _ in ASKED + AS_BEFORE])
def test_which_ticket_has_waited_longest_is_listed_oldest_first(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
