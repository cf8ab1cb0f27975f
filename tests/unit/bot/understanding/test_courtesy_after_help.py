"""What people say after a help answer worked is thanks, not a request nor a question."""

from __future__ import annotations

import pytest

from bot.understanding.courtesy import courtesy
from bot.understanding.requests import Courtesy


@pytest.mark.parametrize(("said", "kind"), [
    ("thanks, that worked", Courtesy.THANKS),
    ("Thanks! That worked 🙂", Courtesy.THANKS),
    ("that worked, thank you", Courtesy.THANKS),
    ("cheers, sorted", Courtesy.THANKS),
    ("ty that did the trick", Courtesy.THANKS),
    ("great, that did it", Courtesy.OK),
    ("perfect, it works now", Courtesy.OK),
    ("ok that makes sense", Courtesy.OK),
    ("that was helpful", Courtesy.OK),
    ("all good now", None),  # "now" alone is no courtesy: read further
    ("found it, thanks", Courtesy.THANKS),
    ("worked!", Courtesy.OK),
])
def test_it_worked_is_courtesy(said: str, kind: Courtesy | None) -> None:
    assert courtesy(said) == kind


@pytest.mark.parametrize("said", [
    "that worked, close 12", "it works now so resolve 4", "that did it for 12",
    "thanks, that worked but the vpn still drops", "it worked yesterday but not today",
    "works on my phone but not my laptop",
])
def test_it_worked_with_more_is_read_further(said: str) -> None:
    assert courtesy(said) is None
