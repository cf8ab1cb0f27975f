""""change 12 back", "change it back", "switch 12 back", "set 12 back as it was" reopened
the ticket, whatever had changed (a priority, the assignee): back to what it was is not
said, and TicketFlow keeps no undo. They are now read as "undo 12" is: what it should be
instead is asked for, with its history to look at. Back to a value said ("change 12 back to
open", "set 12 back to high", "move 12 back to the network team") is that change, and
"put 4 back" alone reopens as the first tables read it."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


def read(said: str) -> str:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    return summary(readable(as_the_bot_reads(text, CONVERSATION)))


@pytest.mark.parametrize(("said", "ticket"), [
    ("change 12 back", "#12"),
    ("Change 12 back please", "#12"),
    ("can you change 12 back?", "#12"),
    ("change it back", "#7"),
    ("pls change that back", "#7"),
    ("oops change it back", "#7"),
    ("change back 12", "#12"),
    ("switch 12 back", "#12"),
    ("turn 12 back", "#12"),
    ("set 12 back", "#12"),
    ("move 12 back", "#12"),
    ("send 12 back", "#12"),
    ("change 12 back again", "#12"),
    ("change 12 back to how it was", "#12"),
    ("change it back to what it was", "#7"),
    ("set 12 back as it was", "#12"),
    ("put 12 back the way it was", "#12"),
    ("put it back to normal", "#7"),
    ("<p>change 12 back</p>", "#12"),
])
def test_changed_back_without_a_value_is_asked_as_an_undo(said: str, ticket: str) -> None:
    assert read(said) == expanded(f"cannot undo {ticket}")


@pytest.mark.parametrize(("said", "expected"), [
    ("change 12 back to open", "status #12 open"),
    ("set it back to open", "status #7 open"),
    ("put 12 back to in progress", "status #12 in_progress"),
    ("put 12 back on hold", "status #12 on_hold"),
    ("set 12 back to high", "edit #12 priority=high"),
    ("set 12 back to medium priority", "edit #12 priority=medium"),
    ("move 12 back to the network team", "assign #12 to team:2"),
    ("give 12 back to sam", "assign #12 to user:u-sam"),
    ("put 12 back in the queue", "back to the queue #12"),
    ("put 4 back", "status #4 open"),
    ("put 12 back please", "status #12 open"),
    ("set 12 back in progress", "status #12 in_progress"),
])
def test_back_to_a_value_said_is_that_change(said: str, expected: str) -> None:
    assert read(said) == expanded(expected)


@pytest.mark.parametrize("said", [
    "put 12 back on the shelf", "set 12 back on the shelf", "put 12 back on the back burner",
    "put 12 back on the pile", "put 12 back on the shelf for now", "put 12 back on the list",
])
def test_put_back_somewhere_that_is_no_status_is_asked_never_reopened(said: str) -> None:
    """"put 12 back on the shelf" (put off again) reopened 12, as "put 12 back" alone does."""
    assert read(said).startswith(expanded("ask status #12 ?")), read(said)
