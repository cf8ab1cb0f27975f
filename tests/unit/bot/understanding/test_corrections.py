"""A slip taken back, and "not 2" said at a message's end, cost what a message costs to read."""

from __future__ import annotations

import time

import pytest

from bot.understanding.corrections import meant_another, self_corrected, without_the_other_ticket
from bot.understanding.reading import understand
from tests.unit.bot.understanding.test_transcript import CONVERSATION

TEAMS_MOST = 28_000  # characters Teams lets a person send


@pytest.mark.parametrize("unit", ["not 2, ", "close 1, no wait, 2, ", "i meant 3 ", "is 4 ",
                                  "sorry 3 ", "ah sorry ", "no no ", " "])
def test_a_message_of_one_phrase_over_and_over_is_read_for_corrections_at_once(unit: str) -> None:
    """"not 2, " repeated to 28,000 characters took 20-26 s to look for a "not 2" at its end
    (every "not" tried against the rest of the message); the end alone is looked at now."""
    said = (unit * (TEAMS_MOST // len(unit)))[:TEAMS_MOST]
    started = time.thread_time()
    for text in (said, f"{said} not 3", f"{said}x"):
        without_the_other_ticket(text)
        meant_another(text, CONVERSATION, understand)
        self_corrected(text, CONVERSATION, understand)
    assert time.thread_time() - started < 3


@pytest.mark.parametrize(("said", "left"), [
    ("close 3, not 2", "close 3"),
    ("assign 5 to sam not #4", "assign 5 to sam"),
    ("not 2, that one is fine", "not 2, that one is fine"),
    ("it is not 2", "it is not 2"),  # no ticket before the denial: nothing is left
])
def test_a_ticket_denied_at_the_end_is_left_out(said: str, left: str) -> None:
    assert without_the_other_ticket(said) == left
