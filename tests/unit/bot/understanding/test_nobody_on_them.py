"""Tickets no one holds, however it is said: "which tickets have nobody on them" searched for
"nobody", "tickets with no one assigned" for "no one assigned", "what tickets aren't assigned
to anyone" for "aren't". Now each lists the unassigned tickets."""

from __future__ import annotations

import pytest

from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("which tickets have nobody on them", "list all assignee=nobody"),
    ("tickets with no one assigned", "list all assignee=nobody"),
    ("what tickets aren't assigned to anyone", "list all assignee=nobody"),
    ("show tickets that arent assigned", "list all assignee=nobody"),
    ("tickets nobody is working on", "list all assignee=nobody"),
    ("tickets nobody owns", "list all assignee=nobody"),
    ("any tickets not yet assigned?", "list all assignee=nobody"),
    ("open tickets with nobody on them", "list all status=open assignee=nobody"),
    ("vpn tickets with no one assigned", "list all assignee=nobody text='vpn'"),
    # as before
    ("which tickets has nobody picked up", "list all assignee=nobody"),
    ("unassigned tickets", "list all assignee=nobody"),
    ("is anyone on 12", "show #12 asked=assignee?"),
    ("nobody is on 12", "assign #12 to ?"),
])
def test_tickets_no_one_holds_are_listed_however_it_is_said(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)
