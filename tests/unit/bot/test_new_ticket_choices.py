"""The new-ticket dialog's buttons: which messages are a choice and nothing else."""

from __future__ import annotations

import pytest

from bot.dialogs.new_ticket import is_bare_choice


@pytest.mark.parametrize("said", [
    "2", "High", "urgent!!", "the 2nd one", "second", "make it high please", "Medium I guess",
    "it's an incident", "Bug pls", "high priority", "option 3", "  low  ", "I'd say medium",
])
def test_a_bare_choice(said: str) -> None:
    assert is_bare_choice(said)


@pytest.mark.parametrize("said", [
    "4 is fixed, it was a loose cable", "I'll take the switch one", "close 4",
    "we have a client demo at 4, so soon please", "what's in the network queue?",
    "show 12", "", "?!", "100", "assign 3 to me",
])
def test_not_a_bare_choice(said: str) -> None:
    assert not is_bare_choice(said)
