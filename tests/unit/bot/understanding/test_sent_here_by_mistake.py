"""A message sent to the bot by mistake, taken back ("sorry wrong chat", "ignore my last
message", "that wasn't for you"), is courtesy, answered 👍: before, each went to the help
assistant, which searched the help documents for it. "oops wrong person" is not among
them: after a hand-over it says the hand-over was the mistake."""

from __future__ import annotations

import pytest

from bot.understanding.courtesy import courtesy
from bot.understanding.requests import Courtesy
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize("said", [
    "ignore my last message", "sorry wrong chat", "Sorry, wrong chat!", "oops wrong window",
    "disregard", "please ignore that", "that wasn't for you", "sorry, sent that to the wrong chat",
    "pls disregard my previous message", "oops sorry wrong thread",
])
def test_a_message_taken_back_is_courtesy(said: str) -> None:
    assert courtesy(said) is Courtesy.OK


@pytest.mark.parametrize("said", [
    "oops wrong person", "ignore 12", "ignore the vpn ticket", "wrong person on 12",
    "wrong chat in the vpn ticket, please fix",
])
def test_what_names_a_ticket_or_a_hand_over_is_not(said: str) -> None:
    assert courtesy(said) is None


@pytest.mark.parametrize("said", ["oops wrong person", "sorry, wrong team",
                                  "i gave it to the wrong person", "my bad, wrong assignee"])
def test_wrong_person_takes_back_the_hand_over_just_made(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded("cannot undo #7")
