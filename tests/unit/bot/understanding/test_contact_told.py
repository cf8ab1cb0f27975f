"""How to reach the person, told ("please call me on 0161 555 0101"): just after their ticket
was shown it is offered as a comment on it (tests/e2e/test_customers_week.py)."""

from __future__ import annotations

import pytest

from bot.understanding.contact import contact_told


@pytest.mark.parametrize("said", [
    "please call me on 0161 555 0101", "call me on 07700 900123 please", "my number is 555 0101",
    "you can reach me on ext 4521", "ring me at 2pm on 0161 555 0101", "pls phone me back tomorrow",
    "My mobile: +44 7700 900123", "I'm available on 4521 all afternoon",
])
def test_how_to_reach_them_is_told_apart(said: str) -> None:
    assert contact_told(said)


@pytest.mark.parametrize("said", [
    "how do I call the service desk?", "what is the number for the it bar", "my phone won't charge",
    "teams calls keep dropping", "can i call someone about my password",
])
def test_what_only_looks_like_it_is_not(said: str) -> None:
    assert not contact_told(said)
