"""The verbs contract: what every card button sends back to the bot.

Every `Action.Execute` on a card that shows a ticket carries, in its `data`,
`ticket_id` (the ticket's database id) and `version` (the ticket's `updated_at`
as an ISO 8601 string) of the ticket the card was drawn from, so the bot can
tell a stale card from a fresh one. Only `ticket.create`, `tickets.page` and
the help verbs are about no single ticket and carry neither.

Inputs are merged into `data` by the Teams client under their input `id`.

- `ticket.create` — inputs `title`, `description`, `category`, `priority`,
  `severity`, `due_date` (Input.Date, `YYYY-MM-DD`), `tags` (comma separated).
  Sent as `Action.Execute` from bot cards, or as `Action.Submit` with
  `data: {"verb": "ticket.create"}` from task modules and the message extension.
- `ticket.edit` — without any field input in `data` it asks for the edit form;
  with inputs (`title`, `description`, `category`, `priority`, `severity`,
  `due_date`, `tags`) it applies them; a field absent from `data` was not on
  the form and stays as it is. The form shows only the fields the viewer may
  edit: requesters (and customers) get `title` and `description`, staff get all.
- `ticket.assign` — input or data `assignee`: `me`, a user id, or `team:<id>`;
  an empty value unassigns.
- `ticket.status` — input or data `status`: `open`, `in_progress`, `on_hold`,
  `resolved` or `closed`.
- `ticket.comment` — input `comment` (at most 10,000 characters).
- `ticket.fixed` — on the card a requester gets when their ticket is resolved: closes it.
  Only the requester may press it, and only while the ticket is resolved.
- `ticket.still_broken` — on the same card: input `comment` (required, at most 10,000
  characters); reopens the ticket with that comment. Same conditions.
- `ticket.refresh` — answers with the fresh ticket card; used by the card's
  `refresh` block and by "Cancel" on the edit form.
- `tickets.page` — data `query` (an opaque object the bot gave the list card,
  passed back untouched) and `offset`; answers with that page of the list.
- `help.escalate` — on a help answer card: data `message_id`; answers with the
  create form prefilled with the question, the answer and its sources.
- `help.feedback` — on a help answer card: data `message_id` and `helpful`
  (true/false); stored, and the card comes back without the two buttons.
- `request.confirm` — on a change the model proposed: data `request` (the typed
  request, encoded by `bot.actions.confirmation`), `for` (who asked) and a
  `nonce`; applies the change once, unless the ticket changed since (`ticket_id`,
  `version`). A proposed new ticket carries no ticket: its `request` is the title,
  category and priority, filed once.
- `request.cancel` — the same card's Cancel: nothing changes.

Ticket list rows open a ticket with an `Action.Submit` whose data is
`{"msteams": {"type": "imBack", "value": "ticket <NUMBER>"}}`: the user "says"
`ticket TKT-2026-0001` and the bot answers with a new ticket card message.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from domain.access import EDITABLE_BY_REQUESTER


class Verb(StrEnum):
    TICKET_CREATE = "ticket.create"
    TICKET_EDIT = "ticket.edit"
    TICKET_ASSIGN = "ticket.assign"
    TICKET_STATUS = "ticket.status"
    TICKET_COMMENT = "ticket.comment"
    TICKET_REFRESH = "ticket.refresh"
    TICKET_FIXED = "ticket.fixed"
    TICKET_STILL_BROKEN = "ticket.still_broken"
    TICKETS_PAGE = "tickets.page"
    HELP_ESCALATE = "help.escalate"
    HELP_FEEDBACK = "help.feedback"
    REQUEST_CONFIRM = "request.confirm"
    REQUEST_CANCEL = "request.cancel"


class TicketField(StrEnum):
    """Ticket form inputs, in the order forms show them; the value is the input id."""

    TITLE = "title"
    DESCRIPTION = "description"
    CATEGORY = "category"
    PRIORITY = "priority"
    SEVERITY = "severity"
    DUE_DATE = "due_date"
    TAGS = "tags"


TICKET_VERBS = frozenset(
    {
        Verb.TICKET_EDIT,
        Verb.TICKET_ASSIGN,
        Verb.TICKET_STATUS,
        Verb.TICKET_COMMENT,
        Verb.TICKET_REFRESH,
        Verb.TICKET_FIXED,
        Verb.TICKET_STILL_BROKEN,
    }
)
"""Verbs about one ticket: their data always carries `ticket_id` and `version`."""

TICKET_ID = "ticket_id"
VERSION = "version"
ASSIGNEE = "assignee"
STATUS = "status"
COMMENT = "comment"
QUERY = "query"
OFFSET = "offset"
VERB = "verb"
"""The data key naming the verb on `Action.Submit` (task modules have no `verb`)."""

ASSIGNEE_DATASET = "ticketflow.assignees"
"""The typeahead dataset of the assign picker: `application/search` invokes name it."""

ASSIGN_TO_ME = "me"
TEAM_PREFIX = "team:"
UNASSIGN = ""

ALL_FIELDS: tuple[TicketField, ...] = tuple(TicketField)
REQUESTER_FIELDS: tuple[TicketField, ...] = tuple(
    field for field in TicketField if field.value in EDITABLE_BY_REQUESTER
)


def ticket_data(ticket_id: int, version: str, **extra: Any) -> dict[str, Any]:
    """The data every ticket button starts from, so no button forgets the version."""
    return {TICKET_ID: ticket_id, VERSION: version, **extra}
