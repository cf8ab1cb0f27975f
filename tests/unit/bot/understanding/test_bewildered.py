"""A newcomer saying they are lost ("huh?", "im confused", "i dont understand") gets what the
bot does, as "what do I do?" does: it went to the help assistant, which found nothing and
offered to file "huh?" as a ticket for the service desk."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

NOTHING_IN_VIEW = replace(CONVERSATION, last_ticket=None)


@pytest.mark.parametrize("said", [
    "huh?",
    "huh",
    "what?",
    "what??",
    "im confused",
    "I'm so confused",
    "i dont understand",
    "I don't get it",
    "i don't understand 😕",
    "sorry I'm lost",
    "im lost",
    "i dont know what to do",
    "I don't know how this works",
    "confused",
])
def test_a_newcomer_who_is_lost_is_told_what_the_bot_does(said: str) -> None:
    assert summary(as_the_bot_reads(said, NOTHING_IN_VIEW)) == "help"


@pytest.mark.parametrize(("said", "read"), [
    ("i dont understand why 12 was closed", "history TKT-2026-0012"),
    ("i dont understand the vpn setup guide", "free text"),
    ("what is the vpn address?", "question"),
    ("outlook says my account is locked, im confused", "free text"),
])
def test_what_someone_does_not_understand_when_said_is_read_as_before(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, NOTHING_IN_VIEW)) == read
