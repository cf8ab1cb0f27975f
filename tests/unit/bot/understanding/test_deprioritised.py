""""Deprioritise 1234" asks which priority, as "lower 4" and "downgrade 9" do: it was set to
low, whatever it was before, so an urgent ticket "deprioritised" to high was dropped to low
(sixteenth held-out table). With the priority said, that one is set; "prioritise 12" is high
and "escalate 12" urgent as before; a wish not to, or a question, changes nothing."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("deprioritise 1234", "ask edit #1234 ? priority"),
    ("deprioritize 12", "ask edit #12 ? priority"),
    ("de-prioritise 12", "ask edit #12 ? priority"),
    ("pls deprioritize ticket 12", "ask edit #12 ? priority"),
    ("Deprioritise TKT-2026-0012 🙏", "ask edit #12 ? priority"),
    ("deprioritize it", "ask edit #7 ? priority"),
    # the priority said, or the other way
    ("deprioritise 12 to low", "edit #12 priority=low"),
    ("deprioritise 12 to medium", "edit #12 priority=medium"),
    ("prioritise 12", "edit #12 priority=high"),
    ("prioritize ticket 4", "edit #4 priority=high"),
    ("escalate 12", "edit #12 priority=urgent"),
    # near misses: nothing changes
    ("don't deprioritise 12", "free text"),
    ("12 can be deprioritised", "free text"),
    ("should we deprioritise 12?", "show #12"),
])
def test_deprioritised_asks_to_which_priority(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
