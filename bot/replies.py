"""The one place where domain errors become words in a chat."""

from __future__ import annotations

from domain.errors import (
    Conflict,
    DomainError,
    InvalidTransition,
    InvalidValue,
    InvitationUnusable,
    NotAllowed,
    NotFound,
    StaleTicket,
    TeamNotFound,
    TicketNotFound,
)


def explain(error: DomainError) -> str:
    """A short, plain sentence for the person who asked."""
    if isinstance(error, TicketNotFound):
        return (
            f"I can't find ticket {_shortened(error.key)}. Check the number, or say `my tickets` "
            "to see yours."
        )
    if isinstance(error, TeamNotFound):
        return f"I can't find the team {error.key}: say `list teams` to see the teams."
    if isinstance(error, NotFound):
        return f"I can't find the {error.kind} {error.key}."
    if isinstance(error, NotAllowed):
        return _sentence(f"Sorry, you can't do that: {error}")
    if isinstance(error, InvalidValue):
        return _sentence(f"That {_field_label(error.field)} won't work: {_continued(error.message)}")
    if isinstance(error, StaleTicket):
        return f"{error.ticket_number} changed since you last saw it; here is the current version."
    if isinstance(error, (InvalidTransition, Conflict, InvitationUnusable)):
        return _sentence(_opening(str(error)))
    return "That didn't work, and nothing was changed."


def _field_label(field: str) -> str:
    """`webhook_url` reads "webhook URL"."""
    return " ".join("URL" if word == "url" else word for word in field.split("_"))


def _continued(message: str) -> str:
    """A reason written as a sentence of its own ("The webhook URL must …") goes on after the
    colon: "… won't work: the webhook URL must …"."""
    return "the" + message[3:] if message.startswith("The ") else message


def _opening(text: str) -> str:
    """A reason said on its own starts with a capital ("A team named … already exists"),
    unless it starts with a name as written: an email or a ticket number keeps its case."""
    first, _, rest = text.partition(" ")
    return f"{first.capitalize()} {rest}" if first.isalpha() and first.islower() else text


def _sentence(text: str) -> str:
    """A message that ends with its own full stop ("must use https.") gets no second one."""
    return text if text.endswith((".", "!", "?")) else f"{text}."


def explain_pressed(error: DomainError) -> str:
    """Why a ticket card's button did nothing. The card already names its ticket, and the
    button carries the database id, not the number people know: none is echoed."""
    if isinstance(error, TicketNotFound):
        return (
            "This ticket is not one you can see now (it may have moved to another team, or "
            "been deleted): nothing was changed."
        )
    return explain(error)


def explain_briefly(error: DomainError) -> str:
    """The reason on one line beside a ticket's number, when one message changed several."""
    if isinstance(error, TicketNotFound):
        return "I can't find it"
    if isinstance(error, NotAllowed):
        return f"you can't: {error}"
    return explain(error).removesuffix(".")


def _shortened(key: object, limit: int = 40) -> str:
    """A pasted wall of digits is echoed by its start, not in full."""
    text = str(key)
    return text if len(text) <= limit else text[: limit - 1] + "…"
