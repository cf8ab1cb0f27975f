"""Realistic people, tickets and views for card tests; buttons come from the real access rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.cards.views import AssigneeOption, TicketRow, TicketView
from domain.access import Viewer, available_actions
from domain.events import EventType
from domain.notifications import TicketNotice
from domain.people import Role, User
from domain.tickets import (
    AssigneeType,
    Category,
    FieldChange,
    Priority,
    Severity,
    Ticket,
    TicketStatus,
)

QUEUE_TEAM = 3
UPDATED = datetime(2026, 3, 2, 9, 15, 30)
WEB_URL = "https://tickets.example.com/tickets/41"
TEAMS_URL = "https://teams.microsoft.com/l/chat/0/0?users=28:app-id&message=ticket%20TKT-2026-0041"

CUSTOMER = Viewer(
    User(id="u-carla", email="carla@example.com", first_name="Carla", role=Role.CUSTOMER)
)
AGENT = Viewer(
    User(id="u-arun", email="arun@example.com", first_name="Arun", role=Role.USER),
    team_ids=frozenset({QUEUE_TEAM}),
)
MANAGER = Viewer(
    User(id="u-maya", email="maya@example.com", first_name="Maya", role=Role.MANAGER),
    team_ids=frozenset({QUEUE_TEAM}),
    teammate_ids=frozenset({"u-arun"}),
)
ADMIN = Viewer(User(id="u-ada", email="ada@example.com", first_name="Ada", role=Role.ADMIN))
EVERYONE = {"customer": CUSTOMER, "agent": AGENT, "manager": MANAGER, "admin": ADMIN}


def a_ticket(**changes: Any) -> Ticket:
    """Carla's VPN ticket, queued to the network team, unless `changes` say otherwise."""
    ticket = Ticket(
        id=41,
        ticket_number="TKT-2026-0041",
        title="VPN drops every hour",
        category=Category.INCIDENT,
        created_by=CUSTOMER.id,
        created_at=datetime(2026, 3, 1, 8, 0),
        updated_at=UPDATED,
        priority=Priority.HIGH,
        severity=Severity.MAJOR,
        description="Since Monday the VPN disconnects roughly every hour.",
        assignee_type=AssigneeType.TEAM,
        assignee_team_id=QUEUE_TEAM,
        due_date=datetime(2026, 3, 9),
        tags=("vpn", "remote"),
    )
    return replace(ticket, **changes)


def view_for(viewer: Viewer, ticket: Ticket, *, web_url: str | None = WEB_URL) -> TicketView:
    assignee = ticket.assignee
    label = (
        None
        if assignee is None
        else f"team {assignee.team_id}"
        if assignee.team_id
        else "Dana Scully"
    )
    return TicketView.of(
        ticket,
        actions=available_actions(viewer, ticket),
        requester_label="Carla Customer",
        assignee_label=label,
        web_url=web_url,
    )


def assignee_choices(count: int = 4) -> list[AssigneeOption]:
    people = [
        AssigneeOption(
            value=f"5f0c3a1e-9d2b-4c7a-8e11-{index:012d}",
            title=f"Zoë Ångström-Nakamura {index} (Support)",
        )
        for index in range(count - 2)
    ]
    return [
        AssigneeOption("me", "Me"),
        AssigneeOption(f"team:{QUEUE_TEAM}", "Network team"),
        *people,
    ][:count]


def rows(count: int, *, start: int = 1, title: str = "VPN drops every hour") -> list[TicketRow]:
    return [
        TicketRow(
            number=f"TKT-2026-{start + index:04d}",
            title=title,
            status=TicketStatus.OPEN,
            priority=Priority.HIGH,
            assignee_label="Dana Scully" if index % 2 else None,
        )
        for index in range(count)
    ]


def a_notice(event: EventType = EventType.ASSIGNED, **changes: Any) -> TicketNotice:
    notice = TicketNotice(
        event_type=event,
        ticket=a_ticket(),
        headline="Assigned to Dana Scully by Lee Adama",
        actor_label="Lee Adama",
        requester_label="Carla Customer",
        assignee_label="Dana Scully",
        company_name="Acme",
        web_url=WEB_URL,
        teams_url=TEAMS_URL,
        changes=(FieldChange("assignee", "team Network", "Dana Scully"),),
        comment_excerpt="Rebooted the router; watching it."
        if event is EventType.COMMENTED
        else None,
        actions=available_actions(AGENT, a_ticket()),
        viewer_id=AGENT.id,
    )
    return replace(notice, **changes)
