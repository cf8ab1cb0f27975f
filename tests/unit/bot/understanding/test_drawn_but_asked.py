"""A change drawn after "so" from what was told is made only when it is said, not asked:
"the printer is fine, so 413 can be closed?" shows 413 (as "413 can be closed?" does),
where "…, so 413 can be closed" closes it."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "the printer is fine, so 413 can be closed?",
    "it works now, so 413 can be resolved?",
    "the printer is fine, so 413 can be closed? cheers",
    "facilities sorted the door. so 413 may be resolved now?",
])
def test_a_drawn_change_asked_changes_nothing(said: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == "show TKT-2026-0413"


@pytest.mark.parametrize(("said", "expected"), [
    ("the printer is fine, so 413 can be closed", "status TKT-2026-0413 closed"),
    ("the printer is fine, so 413 can be closed. Cheers", "status TKT-2026-0413 closed"),
    ("facilities sorted the door, so 413 can be resolved now", "status TKT-2026-0413 resolved"),
])
def test_a_drawn_change_said_is_made_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
