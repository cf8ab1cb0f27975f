"""What a notification says happened, and where its links lead."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from domain.access import Viewer
from domain.events import EventType
from domain.notifications import Reason, Target
from domain.people import Role, User
from domain.tickets import AssigneeType, Category, FieldChange, Ticket, TicketStatus
from notify.deliveries import DeliveryStatus, OutboxEntry
from notify.notices import Names, NoticeLinks, headline, may_be_told, notice_for

ASSIGNED_TO_DANA = (FieldChange("assignee", None, "Dana Scully"),)


@pytest.mark.parametrize(
    ("event", "changes", "reason", "expected"),
    [
        (EventType.CREATED, (), Reason.SUBSCRIPTION, "New ticket from Lee Adama"),
        (
            EventType.ASSIGNED,
            ASSIGNED_TO_DANA,
            Reason.SUBSCRIPTION,
            "Assigned to Dana Scully by Lee Adama",
        ),
        (EventType.ASSIGNED, ASSIGNED_TO_DANA, Reason.ASSIGNEE, "Assigned to you by Lee Adama"),
        (
            EventType.ASSIGNED,
            (FieldChange("assignee", "Dana", None),),
            Reason.SUBSCRIPTION,
            "Unassigned by Lee Adama",
        ),
        (
            EventType.STATUS_CHANGED,
            (FieldChange("status", "Open", "Resolved"),),
            Reason.SUBSCRIPTION,
            "Status changed to Resolved by Lee Adama",
        ),
        (
            EventType.STATUS_CHANGED,
            (FieldChange("status", "Open", "Resolved"),),
            Reason.REQUESTER,
            "Your ticket was moved to Resolved by Lee Adama",
        ),
        (EventType.COMMENTED, (), Reason.SUBSCRIPTION, "Lee Adama commented"),
        (EventType.COMMENTED, (), Reason.REQUESTER, "Lee Adama commented on your ticket"),
        (
            EventType.UPDATED,
            (
                FieldChange("title", "a", "b"),
                FieldChange("priority", "Low", "High"),
                FieldChange("due date", None, "2026-03-09"),
            ),
            Reason.SUBSCRIPTION,
            "Title, priority and due date changed by Lee Adama",
        ),
    ],
)
def test_the_headline_says_what_happened_and_who_did_it(
    event: EventType, changes: tuple[FieldChange, ...], reason: Reason, expected: str
) -> None:
    assert headline(event, actor="Lee Adama", changes=changes, reason=reason) == expected


def test_the_teams_link_opens_a_chat_with_the_bot_asking_for_the_ticket() -> None:
    links = NoticeLinks(web_url="https://tickets.example.com/", bot_app_id="0000-aaaa")

    assert links.ticket_url(41) == "https://tickets.example.com/tickets/41"
    assert links.teams_url("TKT-2026-0041") == (
        "https://teams.microsoft.com/l/chat/0/0?users=28:0000-aaaa&message=ticket%20TKT-2026-0041"
    )


def test_without_a_bot_app_id_there_is_no_teams_link() -> None:
    assert NoticeLinks(web_url="https://tickets.example.com").teams_url("TKT-2026-0041") is None


# Who may still be told, at delivery time

NOW = datetime(2026, 3, 2, 12, 0)
STAFF = Viewer(User(id="u-staff", email="s@example.com", role=Role.MANAGER, first_name="S"),
               team_ids=frozenset({1}))
CUSTOMER = Viewer(User(id="u-cust", email="c@example.com", role=Role.CUSTOMER, first_name="C"))


def _ticket(**changes: object) -> Ticket:
    base = Ticket(id=7, ticket_number="TKT-2026-0007", title="VPN drops", category=Category.SUPPORT,
                  created_by=CUSTOMER.id, created_at=NOW, updated_at=NOW,
                  assignee_type=AssigneeType.TEAM, assignee_team_id=1, notes="internal")
    return replace(base, **changes)  # type: ignore[arg-type]


def _entry(target: Target, event: EventType, on_behalf_of: str, **payload: object) -> OutboxEntry:
    return OutboxEntry(id=1, delivery_id="d-1", event_type=event.value, ticket_id=7, target=target,
                       payload={"on_behalf_of": on_behalf_of, **payload},
                       status=DeliveryStatus.LEASED, attempts=1, next_attempt_at=NOW,
                       created_at=NOW)


VIEWERS = {STAFF.id: STAFF, CUSTOMER.id: CUSTOMER}
WEBHOOK = Target.webhook("https://acme.webhook.office.com/x")


def test_a_webhook_owner_who_lost_sight_of_the_ticket_is_told_nothing() -> None:
    entry = _entry(WEBHOOK, EventType.ASSIGNED, STAFF.id)

    assert may_be_told(entry, _ticket(), VIEWERS)
    assert not may_be_told(entry, _ticket(assignee_team_id=2), VIEWERS)
    assert not may_be_told(entry, _ticket(), {})  # deactivated owners are not viewers


def test_a_change_to_the_internal_notes_alone_is_never_told_to_a_customer() -> None:
    notes_only = {"changes": [["notes", None, "refund refused"]]}
    with_title = {"changes": [["notes", None, "refund refused"], ["title", "a", "b"]]}
    personal = Target.personal(CUSTOMER.id)

    assert not may_be_told(_entry(personal, EventType.UPDATED, CUSTOMER.id, **notes_only),
                           _ticket(), VIEWERS)
    assert may_be_told(_entry(personal, EventType.UPDATED, CUSTOMER.id, **with_title),
                       _ticket(), VIEWERS)
    assert may_be_told(_entry(Target.personal(STAFF.id), EventType.UPDATED, STAFF.id,
                              **notes_only), _ticket(), VIEWERS)


CHANNEL = Target.channel("team-1", "19:support@thread.tacv2")
NOTES_AND_TITLE = [["notes", "call back", "refund refused"], ["title", "a", "b"]]


@pytest.mark.parametrize("target", [WEBHOOK, CHANNEL], ids=["webhook", "bot channel"])
def test_a_channel_is_told_of_internal_notes_by_nobody_however_senior_its_owner(
    target: Target,
) -> None:
    """Everyone in a channel reads what is posted there (guests, customers): a change to
    the internal notes alone is not told there, even on a staff member's subscription."""
    notes_only = {"changes": [["notes", None, "refund refused"]]}
    admin = Viewer(User(id="u-admin", email="a@example.com", role=Role.ADMIN, first_name="A"))
    viewers = {**VIEWERS, admin.id: admin}

    for owner in (STAFF.id, admin.id):
        assert not may_be_told(_entry(target, EventType.UPDATED, owner, **notes_only),
                               _ticket(), viewers)
        assert may_be_told(_entry(target, EventType.UPDATED, owner, changes=NOTES_AND_TITLE),
                           _ticket(), viewers)


@pytest.mark.parametrize("target", [WEBHOOK, CHANNEL], ids=["webhook", "bot channel"])
def test_what_a_channel_is_told_leaves_the_internal_notes_out(target: Target) -> None:
    entry = _entry(target, EventType.UPDATED, STAFF.id, changes=NOTES_AND_TITLE)

    notice = notice_for(entry, _ticket(), names=Names(users={}, teams={}), viewers=VIEWERS,
                        links=NoticeLinks(web_url="https://t.example.com"), company_name="Acme")

    assert notice.ticket.notes is None
    assert [change.field for change in notice.changes] == ["title"]
    assert notice.headline == "Title changed by nobody"


def test_a_staff_members_own_chat_is_still_told_the_internal_notes() -> None:
    entry = _entry(Target.personal(STAFF.id), EventType.UPDATED, STAFF.id,
                   changes=NOTES_AND_TITLE)

    notice = notice_for(entry, _ticket(), names=Names(users={}, teams={}), viewers=VIEWERS,
                        links=NoticeLinks(web_url="https://t.example.com"), company_name="Acme")

    assert notice.ticket.notes == "internal"
    assert [change.field for change in notice.changes] == ["notes", "title"]


def test_what_a_customer_is_told_leaves_the_internal_notes_out() -> None:
    entry = _entry(Target.personal(CUSTOMER.id), EventType.UPDATED, CUSTOMER.id,
                   changes=[["notes", None, "refund refused"], ["title", "a", "b"]])
    names = Names(users={}, teams={})

    notice = notice_for(entry, _ticket(), names=names, viewers=VIEWERS,
                        links=NoticeLinks(web_url="https://t.example.com"), company_name="Acme")

    assert notice.ticket.notes is None
    assert [change.field for change in notice.changes] == ["title"]
    assert "refund" not in notice.headline


RESOLVED = {"reason": "requester", "changes": [["status", "in_progress", "resolved"]]}


def _asks(entry: OutboxEntry, ticket: Ticket) -> bool:
    return notice_for(entry, ticket, names=Names(users={}, teams={}), viewers=VIEWERS,
                      links=NoticeLinks(web_url="https://t.example.com"),
                      company_name="Acme").asks_requester


def test_only_the_requesters_chat_message_about_a_resolution_asks_whether_it_is_fixed() -> None:
    resolved = _ticket(status=TicketStatus.RESOLVED)
    personal = Target.personal(CUSTOMER.id)

    assert _asks(_entry(personal, EventType.STATUS_CHANGED, CUSTOMER.id, **RESOLVED), resolved)
    assert not _asks(_entry(Target.email("c@example.com"), EventType.STATUS_CHANGED,
                            CUSTOMER.id, **RESOLVED), resolved)  # an email has no buttons
    assert not _asks(_entry(WEBHOOK, EventType.STATUS_CHANGED, STAFF.id,
                            **{**RESOLVED, "reason": "subscription"}), resolved)
    assert not _asks(_entry(Target.personal(STAFF.id), EventType.STATUS_CHANGED, STAFF.id,
                            **{**RESOLVED, "reason": "assignee"}), resolved)
    on_hold = {**RESOLVED, "changes": [["status", "open", "on_hold"]]}
    assert not _asks(_entry(personal, EventType.STATUS_CHANGED, CUSTOMER.id, **on_hold), resolved)


@pytest.mark.parametrize("now", [TicketStatus.CLOSED, TicketStatus.OPEN, TicketStatus.IN_PROGRESS])
def test_a_resolution_overtaken_before_delivery_asks_nothing(now: TicketStatus) -> None:
    entry = _entry(Target.personal(CUSTOMER.id), EventType.STATUS_CHANGED, CUSTOMER.id, **RESOLVED)

    assert not _asks(entry, _ticket(status=now))


def test_reminders_read_as_reminders() -> None:
    assert headline(EventType.DUE_SOON, actor="someone") == "Reminder: due within 24 hours"
    assert headline(EventType.OVERDUE, actor="someone") == "Reminder: this ticket is overdue"
