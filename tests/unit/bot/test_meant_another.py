"""Whether "sorry, I meant 3" corrects the change the last message made: only beyond doubt."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from bot.actions.meant import CORRECTION_WINDOW, MadeChange, certain, made_change
from bot.actions.reply import Reply
from bot.understanding.context import Conversation
from bot.understanding.requests import (
    AssignTicket, ChangeStatus, CommentOnTicket, EditTicket, MeantAnother, Nobody, ShowTicket,
    TicketRequest,
)
from domain.numbering import TicketNumber
from domain.tickets import Priority, TicketStatus

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=timezone.utc)
CLOSED_2 = MadeChange("TKT-2026-0002", "set TKT-2026-0002 to closed", NOW - timedelta(minutes=1))


def number(sequence: int) -> TicketNumber:
    return TicketNumber("TKT", 2026, sequence)


def test_a_change_just_made_is_corrected() -> None:
    assert certain(CLOSED_2, MeantAnother(number(3)), pointed_at=CLOSED_2.at, now=NOW)
    assert certain(CLOSED_2, MeantAnother(number(3), number(2)), pointed_at=None, now=NOW)


@pytest.mark.parametrize(("meant", "pointed_at", "now"), [
    (MeantAnother(number(3), number(5)), None, NOW),  # "not 5": 2 was changed
    (MeantAnother(number(2)), None, NOW),  # the ticket changed is the one meant
    (MeantAnother(number(3)), NOW, NOW),  # a card's button pressed since
    (MeantAnother(number(3)), None, CLOSED_2.at + CORRECTION_WINDOW + timedelta(seconds=1)),
])
def test_a_change_in_doubt_is_not_corrected(
    meant: MeantAnother, pointed_at: datetime | None, now: datetime
) -> None:
    assert not certain(CLOSED_2, meant, pointed_at=pointed_at, now=now)
    assert not certain(None, meant, pointed_at=pointed_at, now=now)


@pytest.mark.parametrize("stored", [None, "", "not json", '{"ticket": "x"}', '["a"]',
                                    '{"ticket": "x", "says": "y", "at": "yesterday"}'])
def test_a_kept_change_another_release_wrote_is_no_change(stored: object) -> None:
    assert MadeChange.decode(stored) is None


def test_a_kept_change_reads_back_as_kept() -> None:
    assert MadeChange.decode(CLOSED_2.encode()) == CLOSED_2


CONVERSATION = Conversation(viewer_id="u-jo", today=date(2026, 12, 2))
SHOWN_2 = Reply(card={}, ticket="TKT-2026-0002")


@pytest.mark.parametrize(("change", "says"), [
    (ChangeStatus(number(2), TicketStatus.CLOSED), "set TKT-2026-0002 to closed"),
    (EditTicket(number(2), priority=Priority.URGENT), "set the priority of TKT-2026-0002 to urgent"),
    (AssignTicket(number(2), Nobody()), "unassign TKT-2026-0002"),
    (CommentOnTicket(number(2), "vendor comes Tuesday"),
     "comment on TKT-2026-0002: vendor comes Tuesday"),
])
def test_a_whole_change_of_one_ticket_is_kept_as_words_that_make_it_again(
    change: ChangeStatus | EditTicket | AssignTicket | CommentOnTicket, says: str
) -> None:
    assert made_change(change, SHOWN_2, CONVERSATION, now=NOW) == MadeChange(
        "TKT-2026-0002", says, NOW)


@pytest.mark.parametrize(("change", "reply"), [
    (EditTicket(number(2), priority=Priority.URGENT, due=date(2026, 12, 4)), SHOWN_2),  # two
    (EditTicket(number(2), title="Printer jams"), SHOWN_2),  # the person's own words
    (ChangeStatus(number(2), TicketStatus.IN_PROGRESS, take=True), SHOWN_2),  # "on it"
    (ChangeStatus(number(2), TicketStatus.OPEN, queue=True), SHOWN_2),  # two fields changed
    (ChangeStatus(number(2)), SHOWN_2),  # "status 2": asked, not made
    (AssignTicket(number(2), Nobody()), Reply(text="Unassigned: out of your sight now.")),
    (ShowTicket(number(2)), SHOWN_2),
])
def test_what_a_correction_could_not_make_again_is_not_kept(
    change: TicketRequest, reply: Reply
) -> None:
    assert made_change(change, reply, CONVERSATION, now=NOW) is None
