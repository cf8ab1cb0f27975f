"""Asking how one's own tickets are going is answered with their list, not the help documents."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "expected"), [
    ("any update on my ticket?", "list mine asked=status"),
    ("any news on my ticket", "list mine asked=status"),
    ("is my ticket done yet?", "list mine asked=status?closed,resolved"),
    ("is anyone looking at my request??", "list mine asked=assignee?"),
    ("when will our printer issue be fixed", "list mine"),
    ("hey, any updates on my tickets pls 🙏", "list mine"),
    ("whats happening with my case", "list mine"),
    ("has someone picked up my incident yet", "list mine asked=assignee?"),
])
def test_asking_after_ones_own_tickets_lists_them(said: str, expected: str) -> None:
    """With a fact asked after, their one ticket (when they have one) is answered."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("where are we with my laptop ticket?", "list own text='laptop'"),
    ("any news on my vpn ticket?", "list own text='vpn'"),
    ("is anyone looking at my printer request??", "list own text='printer' asked=assignee?"),
    ("whats happening with my outlook case", "list own text='outlook'"),
])
def test_asking_after_ones_own_ticket_about_something_lists_theirs_about_it(
    said: str, expected: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("who has my vpn ticket", "list own text='vpn' asked=assignee"),
    ("is my monitor ticket done?", "list own text='monitor' asked=status?closed,resolved"),
    ("is my printer ticket closed yet", "list own text='printer' asked=status?closed"),
    ("is my vpn ticket urgent?", "list own text='vpn' asked=priority?urgent"),
    ("when is my vpn ticket due", "list own text='vpn' asked=due"),
    ("is my vpn ticket overdue", "list own text='vpn' asked=due?"),
    ("what priority is my vpn ticket", "list own text='vpn' asked=priority"),
    ("when will our printer issue be fixed?", "list mine"),  # not "my": their tickets
    ("show my tickets due friday", "list mine due_on=2026-12-04"),  # a list, no question
    ("which of my tickets are overdue?", "list mine due=overdue"),
    ("is my open ticket done", "list mine"),
])
def test_a_question_about_a_fact_of_ones_own_ticket_asks_that_fact_of_it(
    said: str, expected: str
) -> None:
    """"is my monitor ticket done?" listed the resolved ones ("You have no ticket matching
    “monitor”" while it was open), and "who has my vpn ticket" searched for "vpn who has":
    the fact asked after filters nothing, and is answered on the one ticket found."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected


def test_the_tickets_they_filed_and_a_state_are_read_as_said() -> None:
    assert summary(as_the_bot_reads(
        "Hi, I raised a problem last week, is my problem still open?", CONVERSATION
    )) == "list created status=open created_from=2026-11-23 created_before=2026-11-30"


@pytest.mark.parametrize("said", [
    "how do I close my ticket?", "how do i reset my password?", "when is the office closed?",
    "is the vpn down?",
])
def test_other_questions_stay_questions(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "question"
