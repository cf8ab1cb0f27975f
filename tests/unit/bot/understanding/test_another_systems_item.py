"""An item of another system named in a message ("OPS-612", "INC0012345") is what "it" may
be: "OPS-612 is done, close it" asks which ticket to close (it closed the one in view)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("OPS-612 is done, close it", "status ? closed"),
    ("INC0012345 was resolved by the vendor, resolve it too", "status ? resolved"),
    ("the jira one (DEV-4411) is fixed so close it", "status ? closed"),
    ("CHG-2051 went in last night, put it on hold", "status ? on_hold"),
])
def test_it_after_another_systems_item_is_asked_about(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("OPS-612 is done, close 40", "status #40 closed"),
    ("TKT-2026-0041 is done, close it", "status #41 closed"),
    ("close it", "status #7 closed"),
    ("the error is 0x80070005, close it", "status #7 closed"),
    ("comment on it: vendor ref OPS-612", "comment #7 'vendor ref OPS-612'"),
])
def test_with_no_other_systems_item_it_is_read_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
