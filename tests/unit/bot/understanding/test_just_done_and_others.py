""""what did I just do" is what the person worked on today (it went to the help assistant,
and "what have I just done" listed the resolved tickets); "any other vpn tickets?" searches
for "vpn" (it searched for "other vpn" and found none)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads

TODAY = "list touched updated_since=2026-12-02"


@pytest.mark.parametrize(("said", "expected"), [
    ("what did i just do", TODAY),
    ("What have I just done?", TODAY),
    ("what did I just change", TODAY),
    ("any other vpn tickets?", "list all text='vpn'"),
    ("other printer tickets", "list all text='printer'"),
    ("anything else about the printer?", "list all text='printer'"),
    ("what else is open", "list all status=open"),
    # "other" that is part of the topic after "about" stays searched
    ("tickets about other offices", "list all text='other offices'"),
])
def test_just_done_and_others_are_read_as_meant(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
