"""Errors the rules raise; the edges (chat, HTTP, CLI) translate them once each."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every error a use case raises on purpose."""


class InvalidValue(DomainError, ValueError):
    """An input failed validation; nothing was written."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NotAllowed(DomainError):
    """The actor may not do this; nothing was changed."""


class NotFound(DomainError):
    """Something asked for by id, number or name does not exist (or is not visible)."""

    kind = "record"

    def __init__(self, key: object) -> None:
        super().__init__(f"{self.kind} {key} not found")
        self.key = key


class TicketNotFound(NotFound):
    kind = "ticket"


class UserNotFound(NotFound):
    kind = "user"


class TeamNotFound(NotFound):
    kind = "team"


class DepartmentNotFound(NotFound):
    kind = "department"


class InvitationNotFound(NotFound):
    kind = "invitation"


class InvalidTransition(DomainError):
    """A status change the lifecycle does not allow."""


class StaleTicket(DomainError):
    """The ticket changed after the caller read it (a card drawn from an old version)."""

    def __init__(self, ticket_number: str) -> None:
        super().__init__(f"{ticket_number} changed since you last saw it")
        self.ticket_number = ticket_number


class Conflict(DomainError):
    """A uniqueness rule was broken (an email already used, a team name taken)."""


class InvitationUnusable(DomainError):
    """The invitation was already accepted or has expired."""


class StaleDocument(Conflict):
    """A stored document changed since it was read (its e-tag no longer matches)."""

    def __init__(self, key: str) -> None:
        super().__init__(f"document {key} was changed by someone else")
        self.key = key
