"""Two words telling a problem go to the help assistant; a command gone wrong gets suggestions."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "printer jams", "vpn down", "wifi slow", "outlook crashing", "Screen flickers",
    "password expired", "teams frozen", "laptop overheating", "mouse broken", "internet down!",
    "printer jammed", "no sound", "headset crackling", "excel freezes", "sharepoint slow",
])
def test_two_words_telling_a_problem_go_to_the_help_assistant(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "free text"


@pytest.mark.parametrize(("said", "read"), [
    ("printer", "unknown [my tickets, new ticket, help]"),
    ("vpn", "unknown [my tickets, new ticket, help]"),
    ("Neues Ticket", "unknown [my tickets, new ticket, help]"),
    ("sdfkjh sdf", "unknown [my tickets, new ticket, help]"),
    ("zork 1", "unknown [my tickets, new ticket, help]"),
    ("shwo tickets", "list all"),
    ("lsit mine", "list mine"),
    ("clsoe it", "status TKT-2026-0007 closed"),
])
def test_one_word_or_a_command_is_not_taken_for_a_statement(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read


@pytest.mark.parametrize(("said", "read"), [
    ("it broke", "free text"), ("it died again", "free text"), ("this froze", "free text"),
    ("actually it broke again", "free text"),
    # a command word after "it", or a number before, is still a command gone wrong
    ("zork it", "unknown [my tickets, new ticket, help]"),
    ("it closed", "status TKT-2026-0007 closed"),
])
def test_it_and_a_verb_tell_of_the_thing(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read
