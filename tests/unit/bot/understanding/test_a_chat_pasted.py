"""A chat pasted into a message is other people's words, not the writer's request:
"[10:02] Sam: close 12⏎[10:03] Priya: agreed" closed 12, as did "Sam: close 12⏎Priya:
agreed", "[10:02 AM] Sam Rivera: close 12" and "> close 12" alone; "sam wrote:⏎> close 12"
too (its header was only taken off with a reply under the quote). Now lines with a time,
lines said by two or more people and the lines under a header Teams copies ("Sam Rivera
10:02 AM") read as quoted: alone they change nothing, and what the writer adds after a blank
line is their reply to them, as for an email's quote. Labels ("Priority: high", "update: 12 is
fixed") and a time said ("10:30 works for me") are as before."""

from __future__ import annotations

import pytest

from bot.mentions import clean_markup, readable
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


def read(said: str) -> str:
    text = clean_markup(said, drop_mentions_of={"ticketflow"})
    return summary(readable(as_the_bot_reads(text, CONVERSATION)))


@pytest.mark.parametrize("said", [
    "[10:02] Sam: close 12\n[10:03] Priya: agreed",
    "[10:02] Sam: close 12",
    "[10:02 AM] Sam Rivera: close 12",
    "[10:02] sam: close 12 pls",
    "10:02 Sam: close 12\n10:03 Priya: agreed",
    "[Mon 10:02] Sam: give 12 to lee",
    "[07/12/2026 10:02] Sam: resolve 12",
    "Sam: close 12\nPriya: agreed",
    "sam: close 12\npriya: agreed",
    "Sam Rivera (10:02): close 12",
    "Sam, 10:02: close 12",
    "[10:02 AM] Sam Rivera\nclose 12\n[10:03 AM] Priya Shah\nagreed",
    "Sam Rivera: please give 12 to me\nPriya Shah: ok",
    "Sam Rivera  10:02 AM\nclose 12",
    "Sam Rivera, 10:02 AM\nclose 12 pls\n\nPriya Shah, 10:03 AM\nagreed",
    "[10:02 AM] Sam Rivera\nclose 12",
    "Sam Rivera 12/7/2026 10:02 AM\nplease give 12 to lee",
    "> close 12",
    "sam wrote:\n> close 12",
    "<p>[10:02] Sam: close 12</p><p>[10:03] Priya: agreed</p>",
    "<p>Sam Rivera 10:02 AM</p><p>close 12</p>",
    "<blockquote>close 12</blockquote>",
    "fyi:\n[10:02] Sam: close 12\n[10:03] Priya: agreed",
    "FYI\n> close 12",
    "see below\n[10:02] Sam: close 12",
    "what sam said:\n> close 12",
])
def test_a_chat_pasted_alone_changes_nothing(said: str) -> None:
    found = read(said)
    assert not found.startswith(("status", "assign", "edit", "comment", "each")), found


@pytest.mark.parametrize(("said", "expected"), [
    ("[10:02] Sam: close 12\n[10:03] Priya: agreed\n\nwhat do you think?", "question"),
    ("Sam Rivera  10:02 AM\nis 12 fixed?\n\nyes, close it", "status #12 closed"),
    ("[10:02] Sam: 12 is fixed\n\ngreat, close it", "status #12 closed"),
    ("> close 12\nagreed", "status #12 closed"),
    ("> close 12\nwhat do you think?", "question"),
    ("Title: printer broken\nPriority: high", "edit #7 title='Printer broken' priority=high"),
    ("update: 12 is fixed", "status #12 resolved"),
    ("Update: 12 is fixed\nNote: close it", "status #12 closed"),
    ("FYI: 12 is done\nAction: close it", "status #12 closed"),
    ("please close 12\n> sam: close 12 pls", "status #12 closed"),
    ("close 12:\n> sam asked", "status #12 closed"),
    ("10:30 works for me", "free text"),
    ("close 12", "status #12 closed"),
])
def test_a_reply_to_a_pasted_chat_and_lines_that_are_none_are_read_as_before(
    said: str, expected: str
) -> None:
    assert read(said) == expanded(expected)
