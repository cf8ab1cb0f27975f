"""A label before the words a change posts is no part of them: "raise ticket re: shared
mailbox permissions" filed "Re: shared mailbox permissions", "create ticket title monitor
flickering" filed "Title monitor flickering", "update 1956 with: replaced the cable" posted
"with: replaced the cable" and "close 12, comment: user confirmed" closed it with "comment:
user confirmed". Now the words after the label. A title that opens with the word ("title bar
missing in word") keeps it. Found by the twentieth held-out table."""

from __future__ import annotations

import pytest

from bot.understanding import understand
from bot.understanding.requests import ChangeStatus
from bot.understanding.summary import summary
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads, expanded


@pytest.mark.parametrize(("said", "expected"), [
    ("raise ticket re: shared mailbox permissions for hr",
     "create title='Shared mailbox permissions for hr'"),
    ("log a ticket re. broken chair", "create title='Broken chair'"),
    ("create ticket title monitor flickering", "create title='Monitor flickering'"),
    ("new ticket title: monitor flickering", "create title='Monitor flickering'"),
    ("new ticket title vpn not connecting from home", "create title='Vpn not connecting from home'"),
    ("new ticket, title - printer jam", "create title='Printer jam'"),
    ("open a ticket, subject: vpn drops at night", "create title='Vpn drops at night'"),
    ("update 1956 with: replaced the cable, monitoring",
     "comment #1956 'replaced the cable, monitoring'"),
    ("update 12 with a note: replaced the cable", "comment #12 'replaced the cable'"),
    ("update 12 with the following: replaced the cable", "comment #12 'replaced the cable'"),
    ("add to 12 with: replaced the cable", "comment #12 'replaced the cable'"),
])
def test_the_label_is_left_out(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "expected"), [
    ("new ticket: title bar missing in word", "create title='Title bar missing in word'"),
    ("new ticket title of the report is cut off", "create title='Title of the report is cut off'"),
    ("new ticket title and description missing from the form",
     "create title='Title and description missing from the form'"),
    ("new ticket title missing on the pdf reports", "create title='Title missing on the pdf reports'"),
    ("create ticket title is wrong on invoices", "create title='Title is wrong on invoices'"),
    ("new ticket title not showing in outlook", "create title='Title not showing in outlook'"),
    ("new ticket title too long for the sharepoint page",
     "create title='Title too long for the sharepoint page'"),
    ("new ticket title wrong after the upgrade", "create title='Title wrong after the upgrade'"),
    ("new ticket re printer on floor 3", "create title='Printer on floor 3'"),
    ("open a ticket regarding the vpn outage", "create title='The vpn outage'"),
    ("update 12 with replaced the cable", "comment #12 'replaced the cable'"),
    ("update 12: replaced the cable", "comment #12 'replaced the cable'"),
    ("update 12 with a new cable fitted", "comment #12 'a new cable fitted'"),
    ("update 12 with the update from the vendor", "comment #12 'the update from the vendor'"),
    ("update 12 with the message from the user", "comment #12 'the message from the user'"),
    ("add to 12 with a note from alex about the cable", "comment #12 'a note from alex about the cable'"),
    ("update 12 with the comment the user sent us", "comment #12 'the comment the user sent us'"),
    ("update 12 with a message saying the cable is in", "comment #12 'a message saying the cable is in'"),
])
def test_words_that_only_look_like_a_label_are_kept(said: str, expected: str) -> None:
    assert summary(as_the_bot_reads(said, CONVERSATION)) == expanded(expected)


@pytest.mark.parametrize(("said", "reason"), [
    ("close 12, comment: user confirmed", "user confirmed"),
    ("resolve 12 - note: swapped the toner", "swapped the toner"),
    ("close 12, the comment from the user was rude", "the comment from the user was rude"),
])
def test_a_labelled_comment_after_a_status_change_is_posted_without_its_label(
    said: str, reason: str
) -> None:
    found = understand(said, CONVERSATION)
    assert isinstance(found, ChangeStatus) and found.reason == reason
