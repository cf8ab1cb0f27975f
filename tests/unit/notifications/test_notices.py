"""What a notification says happened, and where its links lead."""

from __future__ import annotations

import pytest

from domain.events import EventType
from domain.notifications import Reason
from domain.tickets import FieldChange
from notify.notices import NoticeLinks, headline

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
