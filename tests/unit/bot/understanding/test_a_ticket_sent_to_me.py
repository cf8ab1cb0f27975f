"""A ticket asked to be sent to the writer is shown, not handed over: "send me 12", "can you
forward me ticket 12", "ping me 12" gave 12 to Jo, who asked to see it; "send me a link to
12" asked who "me a link" was. Now each shows the ticket (its card offers taking it).
"send 12 to me", "give me 12" and "assign me 12" hand it over as before."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("send me 12", "show #12"),
    ("send me ticket 12 please", "show #12"),
    ("can you send me 12", "show #12"),
    ("forward me 12", "show #12"),
    ("pls email me #12", "show #12"),
    ("send me a link to 12", "show #12"),
    ("hey, can u ping me tkt-2026-0012 thx", "show #12"),
    ("send me 12 and 13", "show #12, #13"),
    ("share me 12 asap", "show #12"),
])
def test_a_ticket_sent_to_the_writer_is_shown(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("send 12 to me", "assign #12 to user:u-jo"),
    ("give me ticket 12", "assign #12 to user:u-jo"),
    ("give me 612", "ask assign #612 to ?: Should Jo Doe take #612? [Yes]"),  # or to see it
    ("assign me 12", "assign #12 to user:u-jo"),
    ("send 12 to sam", "assign #12 to user:u-sam"),
    ("send me the details of 12", "show #12"),
])
def test_a_ticket_handed_over_is_as_before(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("send 12 to my email", "show #12"),
    ("Send 12 to my mail please", "show #12"),
    ("forward 12 to my inbox", "show #12"),
    ("can you send ticket 12 to my email?", "show #12"),
    ("send 12 and 13 to my email", "show #12, #13"),
    ("send it to my email", "show #7"),
    ("email 12 to me", "show #12"),
    ("mail 12 to me", "show #12"),
    ("send me 12 by email", "show #12"),
])
def test_a_ticket_sent_to_ones_own_mail_is_shown(said: str, expected: str) -> None:
    """"send 12 to my email" asked who should take 12 ("I couldn't find “my email”"), and
    "email 12 to me" was free text: the bot mails no ticket, so it is shown here, as "send
    me 12" is."""
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
