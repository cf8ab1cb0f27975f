"""Courtesy in the words other languages lend English is courtesy: "gracias amigo" and
"danke, close 1424 bitte" were not understood, "merci, close 12" asked whether to close it,
"okie dokie" and "thx a mil" were free text (seventeenth held-out table). Now thanks,
greetings and please in them are read as in English. A refusal after them is still one,
and nothing is changed that was not asked."""

from __future__ import annotations

import pytest

from bot.understanding.requests import AssignTicket, ChangeStatus, EditTicket
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("gracias amigo", "small talk thanks"),
    ("merci beaucoup", "small talk thanks"),
    ("danke schoen", "small talk thanks"),
    ("grazie mille!", "small talk thanks"),
    ("obrigado", "small talk thanks"),
    ("thx a mil", "small talk thanks"),
    ("bonjour", "small talk hello"),
    ("namaste 🙏", "small talk hello"),
    ("okie dokie", "small talk ok"),
    ("okey dokey 👍", "small talk ok"),
    ("danke, close 12 bitte", "status #12 closed"),
    ("merci, close 12", "status #12 closed"),
    ("gracias, resolve 12 por favor", "status #12 resolved"),
    ("close 12 svp", "status #12 closed"),
    ("12 pronto por favor", "show #12"),
    ("bonjour, can you give 12 to sam", "assign #12 to user:u-sam"),
])
def test_courtesy_in_other_languages_words_is_courtesy(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize("said", [
    "danke, but don't close 12", "bitte don't close 12", "gracias amigo, 12 is still broken",
    "merci, 12 is not fixed", "por favor no cierre 12", "grazie but 12 shouldn't go to sam",
])
def test_a_refusal_after_them_changes_nothing(said: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert not isinstance(read, (AssignTicket, ChangeStatus, EditTicket)), read
