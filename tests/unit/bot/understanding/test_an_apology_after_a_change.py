""""close 12, sorry" closed 12 and posted "sorry" on it as the reason, where its requester
reads it. An apology to the chat is no reason; one to the requester is."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "read", "reason"), [
    ("close 12, sorry", "status #12 closed", None),
    ("close 12, sorry for the noise", "status #12 closed", None),
    ("resolve 12 - sorry to bother you", "status #12 resolved", None),
    ("close 12, soz", "status #12 closed", None),
    # to the requester, or why
    ("close 12, sorry it took so long", "status #12 closed", "sorry it took so long"),
    ("close 12, duplicate of 9", "status #12 closed", "duplicate of 9"),
])
def test_an_apology_to_the_chat_is_no_reason(said: str, read: str, reason: str | None) -> None:
    understood = as_the_bot_reads(said, CONVERSATION)
    assert summary(understood) == expanded(read)
    assert isinstance(understood, ChangeStatus) and understood.reason == reason
