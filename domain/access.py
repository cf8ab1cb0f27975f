"""The one access rule: who sees which ticket and who may do what to it.

Single reads, lists, searches, card actions, notifications and the assistant all
ask this module. Visibility is expressed as a `Scope` so that a database can turn
the very same rule into a query (see `Scope.admits` for the meaning).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from domain.errors import NotAllowed
from domain.lifecycle import can_move
from domain.people import Role, User
from domain.tickets import Assignee, AssigneeType, Ticket, TicketStatus

EDITABLE_BY_REQUESTER = frozenset({"title", "description"})
EDITABLE_BY_STAFF = frozenset({
    "title", "description", "notes", "category", "priority", "severity", "due_date", "tags",
    "estimated_hours", "actual_hours",
})


@dataclass(frozen=True, slots=True)
class Viewer:
    """A user together with the team facts the rule needs."""

    user: User
    team_ids: frozenset[int] = field(default_factory=frozenset)
    teammate_ids: frozenset[str] = field(default_factory=frozenset)

    @property
    def id(self) -> str:
        return self.user.id

    @property
    def role(self) -> Role:
        return self.user.role


@dataclass(frozen=True, slots=True)
class Scope:
    """The tickets a viewer may see.

    A ticket is admitted when `everything` is set, or it was created by
    `created_by`, or its assignment *that counts* (per `assignee_type`) is a user in
    `assigned_users` or a team in `queued_teams`.
    """

    everything: bool = False
    created_by: str | None = None
    assigned_users: frozenset[str] = field(default_factory=frozenset)
    queued_teams: frozenset[int] = field(default_factory=frozenset)

    def admits(self, ticket: Ticket) -> bool:
        if self.everything:
            return True
        if self.created_by is not None and ticket.created_by == self.created_by:
            return True
        assignee = ticket.assignee
        if assignee is None:
            return False
        if assignee.kind is AssigneeType.TEAM:
            return assignee.team_id in self.queued_teams
        return assignee.user_id in self.assigned_users


NOTHING = Scope()


def scope_for(viewer: Viewer) -> Scope:
    user = viewer.user
    if not user.is_active:
        return NOTHING
    if user.role is Role.ADMIN:
        return Scope(everything=True)
    if user.role is Role.MANAGER:
        return Scope(
            created_by=user.id,
            assigned_users=frozenset({user.id}) | viewer.teammate_ids,
            queued_teams=viewer.team_ids,
        )
    if user.role is Role.USER:
        return Scope(
            created_by=user.id, assigned_users=frozenset({user.id}), queued_teams=viewer.team_ids
        )
    return Scope(created_by=user.id)


def can_see(viewer: Viewer, ticket: Ticket) -> bool:
    return scope_for(viewer).admits(ticket)


class TicketAction(StrEnum):
    """Buttons a ticket card may offer; each maps to one check below."""

    ASSIGN_TO_ME = "assign_to_me"
    ASSIGN = "assign"
    START = "start"
    HOLD = "hold"
    RESOLVE = "resolve"
    CLOSE = "close"
    REOPEN = "reopen"
    COMMENT = "comment"
    EDIT = "edit"


def _is_staff(viewer: Viewer) -> bool:
    return viewer.role in (Role.ADMIN, Role.MANAGER)


def _refuse_inactive(viewer: Viewer) -> str | None:
    return None if viewer.user.is_active else "your TicketFlow account is deactivated"


def editable_fields(viewer: Viewer) -> frozenset[str]:
    """The fields `viewer`'s role may ever edit: everything for staff, title and description
    for requesters (of their own open tickets, as `edit_refusal` says)."""
    return EDITABLE_BY_STAFF if _is_staff(viewer) else EDITABLE_BY_REQUESTER


def edit_refusal(viewer: Viewer, ticket: Ticket, fields: frozenset[str]) -> str | None:
    """Why `viewer` may not edit these fields, or None when they may."""
    if reason := _refuse_unseen(viewer, ticket):
        return reason
    if _is_staff(viewer):
        return None
    if ticket.created_by != viewer.id:
        return "only managers and admins can edit tickets other people filed"
    if not fields <= editable_fields(viewer):
        return "you can edit only the title and description of your own tickets"
    if not ticket.is_open_for_edits:
        return f"{ticket.ticket_number} is {ticket.status.value}; reopen it to edit it"
    return None


def assign_refusal(viewer: Viewer, ticket: Ticket, to: Assignee | None) -> str | None:
    if reason := _refuse_unseen(viewer, ticket):
        return reason
    if _is_staff(viewer):
        return None
    if viewer.role is Role.CUSTOMER:
        return "customers cannot assign tickets"
    if to is None:
        current = ticket.assignee
        if current is not None and current == Assignee.user(viewer.id):
            return None
        return "you can only unassign yourself"
    if to.kind is AssigneeType.USER and to.user_id == viewer.id:
        return None
    if to.kind is AssigneeType.TEAM and to.team_id in viewer.team_ids:
        return None
    return "you can assign tickets only to yourself or to a team you belong to"


def sets_any_status(viewer: Viewer) -> bool:
    """Whether `viewer`'s role may move a ticket they see to any status (staff and agents);
    a customer may only reopen their own, as `status_refusal` says."""
    return viewer.role is not Role.CUSTOMER


def status_refusal(viewer: Viewer, ticket: Ticket, to: TicketStatus) -> str | None:
    if reason := _refuse_unseen(viewer, ticket):
        return reason
    if sets_any_status(viewer):
        return None
    is_reopen = to is TicketStatus.OPEN and not ticket.is_open_for_edits
    if is_reopen and ticket.created_by == viewer.id:
        return None
    return "customers can only reopen their own resolved or closed tickets"


def comment_refusal(viewer: Viewer, ticket: Ticket) -> str | None:
    return _refuse_unseen(viewer, ticket)


def _refuse_unseen(viewer: Viewer, ticket: Ticket) -> str | None:
    """A deactivated account, or a ticket out of sight, is refused before any other rule."""
    if reason := _refuse_inactive(viewer):
        return reason
    return None if can_see(viewer, ticket) else "you cannot see this ticket"


def ensure(refusal: str | None) -> None:
    if refusal is not None:
        raise NotAllowed(refusal)


def ensure_active(viewer: Viewer) -> None:
    ensure(_refuse_inactive(viewer))


def ensure_role(viewer: Viewer, *roles: Role) -> None:
    """For administrative use cases (people, teams, settings, subscriptions)."""
    ensure_active(viewer)
    if viewer.role not in roles:
        allowed = " or ".join(f"{role.value}s" for role in roles)
        raise NotAllowed(f"only {allowed} can do that")


def ensure_manages_team(viewer: Viewer, *, team_id: int, team_name: str) -> None:
    """Admins manage every team; a manager only the teams they belong to."""
    ensure_role(viewer, Role.ADMIN, Role.MANAGER)
    if viewer.role is Role.MANAGER and team_id not in viewer.team_ids:
        raise NotAllowed(f"managers can change only their own teams, and {team_name} is not one")


def ensure_sees_team_members(viewer: Viewer, *, team_id: int | None = None) -> None:
    """Who is in a team, by the one access rule: an admin sees every team; a manager or an
    agent the teams they belong to (whose queues they work); a customer none.
    `team_id` None: only whether they may see any team's members at all."""
    ensure_active(viewer)
    if viewer.role is Role.CUSTOMER:
        raise NotAllowed("only staff can see who is in a team")
    if team_id is not None and viewer.role is not Role.ADMIN and team_id not in viewer.team_ids:
        raise NotAllowed("you can see the members only of the teams you belong to")


def available_actions(viewer: Viewer, ticket: Ticket) -> frozenset[TicketAction]:
    """The buttons to draw for this viewer on this ticket in its current state."""
    if not can_see(viewer, ticket):
        return frozenset()
    actions: set[TicketAction] = set()
    me = Assignee.user(viewer.id)
    if ticket.assignee != me and assign_refusal(viewer, ticket, me) is None:
        actions.add(TicketAction.ASSIGN_TO_ME)
    if viewer.role is not Role.CUSTOMER and viewer.user.is_active:
        actions.add(TicketAction.ASSIGN)
    for action, status in _STATUS_ACTIONS.items():
        if action is TicketAction.REOPEN and ticket.is_open_for_edits:
            continue  # "Reopen" is for finished tickets; open ones simply move on
        if can_move(ticket.status, status) and status_refusal(viewer, ticket, status) is None:
            actions.add(action)
    if comment_refusal(viewer, ticket) is None:
        actions.add(TicketAction.COMMENT)
    if edit_refusal(viewer, ticket, EDITABLE_BY_REQUESTER) is None:
        actions.add(TicketAction.EDIT)
    return frozenset(actions)


_STATUS_ACTIONS = {
    TicketAction.START: TicketStatus.IN_PROGRESS,
    TicketAction.HOLD: TicketStatus.ON_HOLD,
    TicketAction.RESOLVE: TicketStatus.RESOLVED,
    TicketAction.CLOSE: TicketStatus.CLOSED,
    TicketAction.REOPEN: TicketStatus.OPEN,
}
