"""A close whose reason is a requester not responding is made: "close 12 because user not
responding" and "closing 12, user not responding" changed nothing (the "not" was read as
calling the close off); "…, he never replied" already closed. The "-ing" forms of silence
now count as "replied" does. A "not" that calls the close off is read as before."""

from __future__ import annotations

import pytest

from bot.understanding.requests import ChangeStatus, Declined
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "reason"), [
    ("close 12 because user not responding", "user not responding"),
    ("closing 12, user not responding", "user not responding"),
    ("close 12 as user is not responding since 3 days", "user is not responding since 3 days"),
    ("resolve 12, the customer isn't replying", "the customer isn't replying"),
    ("close 12 - requester not answering calls", "requester not answering calls"),
    ("close 12, user not picking up", "user not picking up"),
    ("close 12 since she's not using it anymore", "she's not using it anymore"),
])
def test_a_requester_gone_quiet_is_a_reason_to_close(said: str, reason: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, ChangeStatus) and read.status is not None, read
    assert read.status.value in ("closed", "resolved") and read.reason == reason, read


@pytest.mark.parametrize("said", [
    "close 12, actually not", "don't close 12, user is responding now",
    "close 12 - no, not yet",
])
def test_a_close_called_off_changes_nothing(said: str) -> None:
    assert isinstance(as_the_bot_reads(said, CONVERSATION), Declined)
