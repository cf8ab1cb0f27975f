"""A comment that marks itself as for staff only is told apart from one that merely names
something internal: the first would show the requester what was meant to be hidden."""

from __future__ import annotations

import pytest

from bot.understanding.requests import CommentOnTicket
from bot.understanding.staff_only import says_staff_only
from tests.unit.bot.understanding.test_transcript import CONVERSATION, as_the_bot_reads


@pytest.mark.parametrize("said", [
    "internal: checked the printer logs, customer seems to misuse tray",
    "Internal - customer is rude on the phone",
    "(internal) vendor is late again",
    "[staff only] the warranty ran out last month",
    "private note: the user was warned twice already",
    "internal note: customer loads the wrong paper",
    "staff only: do not refund",
    "confidential: HR is involved",
    "vendor is late, don't tell the customer",
    "do not share with the user, but we lost the part",
    "not for the customer's eyes: the repair will cost 400",
    "the requester shouldn't see this, but the manager refused",
    "only staff can see this: the laptop was dropped",
    "internal only - escalated to the vendor",
    "the customer must not know yet",
    "the user shouldn't read this until the manager signs off",
    "keep this between us: the vendor is late",
    "between us, the user broke it himself",
    "not visible to the customer: the part costs 400",
    "team only: escalated to the vendor",
    "agents only - the warranty ran out",
    "for internal use only: replacement ordered",
])
def test_a_comment_that_marks_itself_for_staff_only_is_told(said: str) -> None:
    assert says_staff_only(said)


@pytest.mark.parametrize("said", [
    "replaced the internal battery, works now",
    "the internal drive is failing",
    "the private wifi network is down on floor 3",
    "confidential documents printer is jammed",
    "tell the customer it's fixed",
    "please let the user know a technician is on the way",
    "the customer can see the shared calendar again",
    "checked the internal DNS, all fine",
    "user says the file is private and can't be opened",
    "staff room printer jams",
    "internally we use the new VPN client",
    # what the requester cannot see or read is often the problem itself
    "user cannot see the shared drive",
    "the user can not see the printer on floor 2",
    "the customer should not see the error anymore, cache cleared",
    "requester cannot read the pdf attachment",
    "the client may not see the update until tomorrow",
    "the user must not see this error again after the patch",
    "the team only uses the new VPN",
    "the link between us and the vendor is down",
])
def test_a_comment_that_only_names_something_internal_is_a_comment(said: str) -> None:
    assert not says_staff_only(said)


@pytest.mark.parametrize("said", [
    "NB internal: called the vendor, part arrives friday",
    "nb internal - vendor is late again",
    "N.B. internal: the customer was warned twice",
    "NB: internal - the warranty ran out",
    "PS internal: do not refund",
    "fyi internal: escalated to the vendor",
    "note to self: chase the vendor on friday",
    "Note to self - check the logs again monday",
    "note to myself: the user was rude on the phone",
    "notes to self: vendor quote is 400",
    "reminder to self: ask HR before replying",
    "(note to self) the part is on backorder",
    "called the vendor. note to self: chase again friday",
    "internal use only: replacement ordered",
    "internal use: replacement ordered",
    "Internal use only - escalated to the vendor",
    "for internal use: the customer misuses the tray",
])
def test_a_comment_marked_internal_in_other_words_is_told(said: str) -> None:
    assert says_staff_only(said)


@pytest.mark.parametrize("said", [
    "nb the internal battery was replaced",
    "NB: the private wifi is down on floor 3",
    "user sent a note to himself and it bounced",
    "the internal use policy blocks usb drives",
    "ps the printer works again",
    "self service portal shows an error",
    "Internal, external and guest wifi are down",
])
def test_a_comment_that_names_a_note_or_internal_use_is_still_a_comment(said: str) -> None:
    assert not says_staff_only(said)


@pytest.mark.parametrize("said", [
    "note to self: chase the vendor on friday",
    "Note to self - check the logs again monday",
    "note to myself: the user was rude",
])
def test_a_note_to_self_on_the_ticket_in_view_is_asked_for_staff_only(said: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, CommentOnTicket) and read.staff_only


def test_a_note_to_self_added_to_the_ticket_in_view_is_refused_as_said() -> None:
    read = as_the_bot_reads("add a note to self: chase the vendor", CONVERSATION)
    assert isinstance(read, CommentOnTicket) and says_staff_only(read.text or "")


@pytest.mark.parametrize("said", ["note: the user is wfh tomorrow", "note the user is away"])
def test_a_plain_note_on_the_ticket_in_view_is_a_comment(said: str) -> None:
    read = as_the_bot_reads(said, CONVERSATION)
    assert isinstance(read, CommentOnTicket) and not read.staff_only
