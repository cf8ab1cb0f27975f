"""A comment said to be on a ticket the bot cannot read as one asks which ticket. "comment on
eleven eighty four saying the user is out until monday" posted "on eleven eighty four saying
the user is out until monday" on the ticket in view (sixteenth held-out table; that number
is read since, `test_numbers_said_in_pairs.py`); "comment on the printer ticket: …" and
"note on sam's one - …" did the same. Now the bot asks which
ticket, with the comment's own words. A comment on the ticket in view in other words, or a
comment whose first words are no ticket ("note for the next shift: …", "comment on behalf of
the user: …"), is as before."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "text"), [
    ("comment on the laptop one saying the charger is on order", "the charger is on order"),
    ("comment on the printer ticket: user is out", "user is out"),
    ("Comment on the printer one saying it is fixed", "it is fixed"),
    ("note on sam's one - vendor comes tuesday", "vendor comes tuesday"),
    ("add a note to the outlook ticket: user reinstalled office", "user reinstalled office"),
    ("note for the badge issue: reader replaced", "reader replaced"),
    ("comment on the vpn case saying the user is on holiday", "the user is on holiday"),
    ("comment on the broken screen request: screen ordered", "screen ordered"),
])
def test_a_comment_on_a_ticket_not_read_asks_which(said: str, text: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == f"comment ? {text!r}"


@pytest.mark.parametrize(("said", "expected"), [
    ("comment on the ticket: user is out", "comment #7 'user is out'"),
    ("comment on this ticket saying user is out", "comment #7 'user is out'"),
    ("comment on this one: user is out", "comment #7 'user is out'"),
    ("comment on it saying the user is out", "comment #7 'the user is out'"),
    ("comment on 12 saying the user is out", "comment #12 'the user is out'"),
    ("comment on ticket twelve: user is out", "comment #12 'user is out'"),
    # near misses: no ticket named before what is said, so the one in view and all the words
    ("note for the next shift: check the backups",
     "comment #7 'for the next shift: check the backups'"),
    ("comment: on monday the user is out", "comment #7 'on monday the user is out'"),
    ("comment the user is out until monday", "comment #7 'the user is out until monday'"),
])
def test_a_comment_on_the_ticket_in_view_or_on_none_named_is_as_before(
    said: str, expected: str,
) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


def test_with_no_ticket_in_view_it_asks_all_the_same() -> None:
    nothing_shown = replace(CONVERSATION, last_ticket=None)
    said = "comment on the printer ticket: user is out"
    assert summary(as_the_bot_reads(said, nothing_shown)) == "comment ? 'user is out'"
