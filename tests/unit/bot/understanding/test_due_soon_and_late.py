"""What is due soon, late or past its deadline, asked as people ask: "what's due soon",
"anything about to breach?", "what's late?", "which tickets are breaching" went to the help
documents or searched for the words. Due soon is today and the two days after it; late, a
breach or a missed deadline is overdue. "I'm running late" and "due this week" as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded

DUE_SOON = [
    ("what's due soon", "list all due=soon"),
    ("anything due soon?", "list all due=soon"),
    ("whats due in the next few days", "list all due=soon"),
    ("tickets due soon", "list all due=soon"),
    ("my tickets due soon", "list mine due=soon"),
    ("which of mine are due in the next couple of days", "list mine due=soon"),
    ("whats about to breach", "list all due=soon"),
    ("tickets about to breach", "list all due=soon"),
    ("which of my tickets are about to breach sla", "list mine due=soon"),
    ("what's about to go overdue", "list all due=soon"),
    ("tickets close to their due date", "list all due=soon"),
    ("tickets that are nearly due", "list all due=soon"),
    ("urgent tickets due soon", "list all priority=urgent due=soon"),
]
LATE = [
    ("what's late", "list all due=overdue"),
    ("whats late?", "list all due=overdue"),
    ("anything late", "list all due=overdue"),
    ("which of mine are late", "list mine due=overdue"),
    ("what's running late", "list all due=overdue"),
    ("anything running late?", "list all due=overdue"),
    ("which of mine are running late", "list mine due=overdue"),
    ("which tickets are breaching", "list all due=overdue"),
    ("what's breaching sla", "list all due=overdue"),
    ("any sla breaches", "list all due=overdue"),
    ("which tickets missed their deadline", "list all due=overdue"),
]
AS_BEFORE = [
    ("i'm running late", "free text"),
    ("the bus is late", "free text"),
    ("is the engineer running late", "question"),
    ("late tickets", "list all due=overdue"),
    ("what is due this week", "list all due=this_week"),
    ("anything coming due this week", "list all due=this_week"),
    ("what's due tomorrow", "list all due=tomorrow"),
    ("tickets about toner", "list all text='toner'"),
    ("my laptop is due for a refresh soon", "free text"),
]


@pytest.mark.parametrize(("said", "expected"), DUE_SOON + LATE + AS_BEFORE,
                         ids=[said for said, _ in DUE_SOON + LATE + AS_BEFORE])
def test_what_is_due_soon_or_late_is_listed(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
