"""A ticket told not fixed after all, in the words people use after a ticket was resolved."""

from __future__ import annotations

import pytest

from bot.actions.confirmation import not_fixed_told


@pytest.mark.parametrize("said", [
    "the user says it still drops", "it still drops every hour", "still happening",
    "it dropped again this morning", "nope, not fixed", "it doesn't work", "didnt work",
    "user rang, the vpn is down again since 9am", "the problem is back", "it came back",
    "still broken", "STILL not working!!", "it isn't fixed", "printer jammed again today",
    "it’s still doing it",
])
def test_told_not_fixed(said: str) -> None:
    assert not_fixed_told(said)


@pytest.mark.parametrize("said", [
    "it still works fine, thanks", "thanks again", "can someone call me about it",
    "still waiting on the vendor", "it works now", "all good now", "I'll try again later",
    "still need a new charger though",
])
def test_not_told_not_fixed(said: str) -> None:
    assert not not_fixed_told(said)
