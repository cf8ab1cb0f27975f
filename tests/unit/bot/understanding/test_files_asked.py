"""A file to go with a ticket ("can I add a screenshot", "can i send you a photo of the
error", "I've attached the log"): the chat takes no files to a ticket, so it is said where they
go (the ticket in TicketFlow), not answered from the help documents (which quoted the VPN
guide's "attach a screenshot of the message") nor offered as a new ticket."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("can I add a screenshot", "cannot attach #7"),
    ("can i send you a photo of the error", "cannot attach #7"),
    ("how do I attach a screenshot?", "cannot attach #7"),
    ("how can i upload the log file to my ticket", "cannot attach #7"),
    ("I have attached a screenshot", "cannot attach #7"),
    ("pls attach this pic to 4", "cannot attach #4"),
    ("i want to add some pictures of the damage to ticket 12", "cannot attach #12"),
    ("Where do I attach files?", "cannot attach #7"),
    ("let me send u a screenshot of the error msg", "cannot attach #7"),
])
def test_a_file_for_the_ticket_is_said_to_go_to_ticketflow(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("how do I take a screenshot on windows?", "question"),
    ("can you send me the vpn guide pdf", None),
    ("how do i share my screen in teams", "question"),
    ("outlook won't open attachments", None),
    ("comment on 4: screenshot attached in the email", "comment #4 'screenshot attached in the email'"),
])
def test_a_file_that_is_not_for_the_ticket_is_read_as_before(said: str, expected: str | None) -> None:
    read = summary(as_the_bot_reads(said, CONVERSATION))
    assert not read.startswith("cannot attach"), read
    assert expected is None or read == expanded(expected)
