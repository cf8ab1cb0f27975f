"""Asking how one's own tickets are going is answered with their list, not the help documents."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "any update on my ticket?", "any news on my ticket", "is my ticket done yet?",
    "is anyone looking at my request??",
    "when will our printer issue be fixed", "hey, any updates on my tickets pls 🙏",
    "whats happening with my case", "has someone picked up my incident yet",
])
def test_asking_after_ones_own_tickets_lists_them(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "list mine"


@pytest.mark.parametrize(("said", "topic"), [
    ("where are we with my laptop ticket?", "laptop"), ("any news on my vpn ticket?", "vpn"),
    ("is anyone looking at my printer request??", "printer"),
    ("whats happening with my outlook case", "outlook"),
])
def test_asking_after_ones_own_ticket_about_something_lists_theirs_about_it(
    said: str, topic: str
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == f"list own text='{topic}'"


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
