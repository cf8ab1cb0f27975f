"""The new-ticket dialog's buttons: which messages are a choice and nothing else."""

from __future__ import annotations

import pytest

from bot.dialogs.new_ticket import is_bare_choice, says_label


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


@pytest.mark.parametrize(("said", "label"), [
    ("urgent, the whole floor is down", "Urgent"), ("URGENT - payroll runs tonight", "Urgent"),
    ("low, not urgent", "Low"), ("it's a bug I think", "Bug"),
    ("urgent, not low", "Urgent"), ("The printer isn't working, so high", "High"),
])
def test_a_label_said_in_a_sentence(said: str, label: str) -> None:
    assert says_label(said, label)


@pytest.mark.parametrize(("said", "label"), [
    ("not urgent at all", "Urgent"), ("it's not urgent", "Urgent"),
    ("it isn't urgent", "Urgent"), ("it isn’t urgent", "Urgent"),
    ("no rush, not high priority", "High"), ("not a bug", "Bug"),
    ("I don't think it's a bug", "Bug"), ("low, not urgent", "Urgent"),
    ("the highest", "High"),
])
def test_a_label_denied_or_not_said_is_not_said(said: str, label: str) -> None:
    assert not says_label(said, label)
