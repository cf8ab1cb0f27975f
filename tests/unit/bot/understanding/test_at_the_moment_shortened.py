""""atm" is "at the moment": "whats on hold atm" went to the help assistant and "my tickets
atm" searched for "atm" (seventeenth held-out table). A cash machine filed or searched for
is still an ATM where it names one ("the atm in the lobby is broken" is a problem told)."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize(("said", "expected"), [
    ("whats on hold atm", "list all status=on_hold"),
    ("my tickets atm", "list mine"),
    ("what's open for network atm?", "list all status=open assignee=team:2"),
    ("the atm in the lobby is broken", "free text"),
    ("new ticket: atm in the lobby is broken", "create title='Atm in the lobby is broken'"),
])
def test_atm_is_at_the_moment(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expected
