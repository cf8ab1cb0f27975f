"""Someone asked to look at a ticket by when ("can someone please look at it today, its
really urgent"): the ticket, as "can someone look at it" is. It went to the help assistant,
which answered a customer chasing their ticket with the security team's address."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "read"), [
    ("can someone look at it today", "show TKT-2026-0007"),
    ("can someone please look at it today", "show TKT-2026-0007"),
    ("can someone please look at it today, its really urgent", "show TKT-2026-0007"),
    ("can someone look at 12 today", "show TKT-2026-0012"),
    ("could somebody look at it soon please", "show TKT-2026-0007"),
    ("can anyone look at it this morning", "show TKT-2026-0007"),
    ("can someone look at it now, it's very urgent!!", "show TKT-2026-0007"),
    ("can someone look at 12 tomorrow", "show TKT-2026-0012"),
])
def test_someone_asked_to_look_at_a_ticket_by_when_is_shown_it(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == read


@pytest.mark.parametrize(("said", "read"), [
    ("can someone look at 12 today, make it urgent", "edit TKT-2026-0012 priority=urgent"),
])
def test_a_change_asked_after_it_is_still_read(said: str, read: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)).endswith(read)
