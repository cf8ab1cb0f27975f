"""A message that is a yes and nothing more, which answers a question and means nothing
without one; a yes with a request or a word of its own is read as said."""

from __future__ import annotations

import pytest

from bot.actions.option import yes_alone


@pytest.mark.parametrize("said", [
    "yes", "Yes.", "yeah", "Yep!", "yup", "y", "ok yes", "yes please", "yes pls", "yeah sure 👍",
    "yess", "yes, go ahead", "yea ok", "YES!!",
])
def test_a_yes_and_nothing_more(said: str) -> None:
    assert yes_alone(said)


@pytest.mark.parametrize("said", [
    "ok", "okay", "sure", "👍", "right",  # an everyday "ok": small talk, answered 👍
    "yes close it", "yes but later", "yes that worked", "yesterday", "yes, 4 is fixed",
    "no", "nope", "yes or no?", "", "eyes",
])
def test_anything_more_or_less_is_no_bare_yes(said: str) -> None:
    assert not yes_alone(said)
