"""The requester answers a resolution: "It's fixed" closes, "Still broken" reopens with a comment;
anyone else, or a ticket no longer resolved, changes nothing."""

from __future__ import annotations

import pytest

from domain.errors import InvalidValue, NotAllowed
from domain.events import EventType
from domain.resolution import Resolution, ResolutionSettled
from domain.services.resolution import confirm_fixed, report_still_broken
from domain.services.tickets import update_ticket
from domain.tickets import Assignee, TicketStatus
from tests.actors import as_actor
from tests.unit.conftest import Organisation
from tests.unit.fakes import FakeDatabase


async def test_the_requester_confirming_the_fix_closes_the_ticket(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, assignee=Assignee.user(org.agent.id),
                            status=TicketStatus.RESOLVED)

    closed = await confirm_fixed(uow=db.unit_of_work(), actor=as_actor(org.customer.id),
                                 ticket=ticket.id)

    assert closed.status is TicketStatus.CLOSED and closed.closed_at is not None
    [event] = db.events
    assert (event.type, event.actor_id, event.changes[0].new) == (
        EventType.STATUS_CHANGED, org.customer.id, "closed")


async def test_still_broken_reopens_with_the_requesters_words(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, assignee=Assignee.user(org.agent.id),
                            status=TicketStatus.RESOLVED)

    reopened = await report_still_broken(
        uow=db.unit_of_work(), actor=as_actor(org.customer.id), ticket=ticket.id,
        comment="  Still drops every hour\non hotel wifi ",
    )

    assert reopened.status is TicketStatus.OPEN and reopened.resolved_at is None
    assert [e.type for e in db.events] == [EventType.STATUS_CHANGED, EventType.COMMENTED]
    comment = db.events[1].comment
    assert comment is not None and comment.content == "Still drops every hour\non hotel wifi"
    assert db.snapshot().task_comments[comment.id].task_id == ticket.id
    assert [(h.action.value, h.field) for h in db.history(ticket.id)] == [
        ("status_changed", "status"), ("commented", "comment")]


@pytest.mark.parametrize("who", ["admin", "agent", "manager", "other_customer"])
async def test_nobody_but_the_requester_may_answer_not_even_an_admin(
    db: FakeDatabase, org: Organisation, who: str
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, assignee=Assignee.user(org.agent.id),
                            status=TicketStatus.RESOLVED)
    actor = as_actor(getattr(org, who).id)

    await db.refuses(Exception, lambda: confirm_fixed(
        uow=db.unit_of_work(), actor=actor, ticket=ticket.id))
    await db.refuses(Exception, lambda: report_still_broken(
        uow=db.unit_of_work(), actor=actor, ticket=ticket.id, comment="no"))
    if who != "other_customer":  # who may see the ticket is told why
        with pytest.raises(NotAllowed, match="only the person who filed this ticket"):
            await confirm_fixed(uow=db.unit_of_work(), actor=actor, ticket=ticket.id)


@pytest.mark.parametrize(
    ("status", "says"),
    [("closed", "is already closed"), ("open", "was already reopened"),
     ("in_progress", "is in progress now"), ("on_hold", "is on hold now")],
)
async def test_a_ticket_no_longer_resolved_is_left_as_it_is_and_says_so(
    db: FakeDatabase, org: Organisation, status: str, says: str
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, status=TicketStatus(status))
    requester = as_actor(org.customer.id)

    settled = await db.refuses(ResolutionSettled, lambda: confirm_fixed(
        uow=db.unit_of_work(), actor=requester, ticket=ticket.id))
    assert str(settled) == f"{ticket.ticket_number} {says}: nothing changed"
    await db.refuses(ResolutionSettled, lambda: report_still_broken(
        uow=db.unit_of_work(), actor=requester, ticket=ticket.id, comment="again"))


@pytest.mark.parametrize("comment", [None, "", "   ", "\n\t"])
async def test_still_broken_without_words_asks_for_them_and_changes_nothing(
    db: FakeDatabase, org: Organisation, comment: str | None
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, status=TicketStatus.RESOLVED)

    invalid = await db.refuses(InvalidValue, lambda: report_still_broken(
        uow=db.unit_of_work(), actor=as_actor(org.customer.id), ticket=ticket.id,
        comment=comment))
    assert isinstance(invalid, InvalidValue) and invalid.field == "comment"


async def test_a_comment_sent_with_a_refused_change_is_not_kept_either(
    db: FakeDatabase, org: Organisation
) -> None:
    ticket = db.seed_ticket(created_by=org.customer, status=TicketStatus.RESOLVED)

    await db.refuses(NotAllowed, lambda: update_ticket(
        uow=db.unit_of_work(), actor=as_actor(org.customer.id), ticket=ticket.id,
        status="closed", comment="Works now, closing it"))
    await db.refuses(InvalidValue, lambda: update_ticket(
        uow=db.unit_of_work(), actor=as_actor(org.customer.id), ticket=ticket.id,
        status="closed", resolution=Resolution.FIXED))
