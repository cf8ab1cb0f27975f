"""A status change whose reason tells a symptom gone: "resolve 102 - user reinstalled cisco
client, no drops since", "102 fixed, no drops since the reinstall", "resolve 102 - not seen
again" each answered "OK, I'll leave TKT-… as it is": a "no" before a symptom other than
"issues" or "errors", or a "not" before "seen again", was read as the change taken back."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected", "reason"), [
    ("resolve 102 - user reinstalled cisco client, no drops since", "status #102 resolved",
     "user reinstalled cisco client, no drops since"),
    ("resolved 102: reinstalled vpn client, no drops since friday", "status #102 resolved",
     "reinstalled vpn client, no drops since friday"),
    ("102 fixed, no drops since the reinstall", "status #102 resolved",
     "no drops since the reinstall"),
    ("resolve 12 - no crashes since friday", "status #12 resolved", "no crashes since friday"),
    ("close 12, no disconnects since the firmware update", "status #12 closed",
     "no disconnects since the firmware update"),
    ("Resolve 12 - no paper jams since we swapped the roller", "status #12 resolved",
     "no paper jams since we swapped the roller"),
    ("resolve 12 - no lockouts anymore", "status #12 resolved", "no lockouts anymore"),
    ("resolve 102 - not seen again", "status #102 resolved", "not seen again"),
    ("close 12, not seen since tuesday", "status #12 closed", "not seen since tuesday"),
    ("close 12, not happening since tuesday", "status #12 closed", "not happening since tuesday"),
    ("resolve 12 - no errors since friday", "status #12 resolved", "no errors since friday"),
    ("resolve it - hasnt happened again", "status #7 resolved", "hasnt happened again"),
])
def test_a_symptom_told_gone_is_why_the_status_changes(
    said: str, expected: str, reason: str
) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == expanded(expected)
    assert isinstance(understood, ChangeStatus) and understood.reason == reason


@pytest.mark.parametrize(("said", "expected"), [
    # look-alikes: the change taken back, or the symptom told still there
    ("resolve 12 - no wait", "no change #12"),
    ("close 12, no, don't", "no change #12"),
    ("close 12 - no, not yet", "no change #12"),
    ("resolve 12, no drops? check first", "no change #12"),
    ("close 12, drops not gone", "no change #12"),
    ("resolve 12 - no, still seeing drops", "no change #12"),
    ("close 12 - not seen the user yet", "no change #12"),
    ("close 12, it's not happening", "no change #12"),
    ("assign 12 to sam, no lee since sam is off", "no change #12"),
    # what is missing since is the fault itself, not a symptom gone
    ("resolve 12 - no internet since the reinstall", "no change #12"),
    ("close 12, no access since monday", "no change #12"),
    ("Resolve 12 - no wifi since the update", "no change #12"),
    ("close 12 no sound since friday", "no change #12"),
    ("resolve 12, no emails since yesterday", "no change #12"),
    ("close 12 - no network connection since the move", "no change #12"),
    ("resolve 12 - no calls coming in since monday", "no change #12"),
])
def test_a_take_back_after_a_symptom_word_still_changes_nothing(said: str, expected: str) -> None:
    assert not summary(as_the_bot_reads(said, CONVERSATION)).startswith("status")
