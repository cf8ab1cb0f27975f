"""Asking who or what the bot is ("who are you", "are you a bot?", "am I talking to a
person?") is answered by the bot about itself; it went to the help assistant, which found
nothing and offered to file the question as a ticket. Found trying the bot as a customer."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "who are you", "who are you?", "what are you", "are you a bot?", "r u a bot", "are you human",
    "are you a real person?", "is this a bot", "am I talking to a bot", "am i talking to a person",
    "whats your name", "what's your name?", "who is this?", "are you an AI?", "are you a robot lol",
    "hi, who are you?", "hey bot who are you",
])
def test_who_or_what_the_bot_is_is_asked_of_it(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "small talk about"


@pytest.mark.parametrize(("said", "read"), [
    ("who are you assigning 12 to?", "show #12"),
    ("who is this ticket with", "show #07 asked=assignee"),
    ("are you able to close 12", "show #12"),
    ("who are the network team", "question"),
])
def test_a_question_about_a_ticket_or_a_team_is_read_as_before(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)).replace("TKT-2026-00", "#") == read
