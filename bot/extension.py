"""The "Create ticket" message action: a prefilled form, then the ticket card in the chat.

Teams gives a message extension 5 seconds, and resends a submit it did not get an answer
to. So the submit files the ticket and answers at once; the card is queued in the outbox
with the answer and posted by the delivery worker, which waits out throttling (a 429's
`Retry-After`) as long as Teams asks without holding the answer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from aiohttp import ClientError
from botbuilder.core import TurnContext
from botframework.connector.models import ErrorResponseException

from bot import card_actions, presenter
from bot.actions import notices
from bot.actions.tickets import file_ticket, unconfirmed_past_due
from bot.cards.elements import MAX_CARD_BYTES, wire_size
from bot.context import BotDependencies
from bot.outgoing import card_message
from bot.source_message import attached, message_link, message_text, title_line
from bot.transport.adapter import TeamsAdapter
from bot.transport.sending import ConnectorCallFailed
from domain.access import Viewer
from domain.errors import InvalidValue
from domain.validation import DESCRIPTION_MAX, TITLE_MAX

log = logging.getLogger(__name__)
CUT_WITH_LINK = "(Cut to fit: the whole message is at the original below.)"
CUT_WITHOUT_LINK = "(Cut to fit: the message is longer.)"
_FORM_MARGIN = 64
"""Bytes kept spare under Teams' card limit: the form's nonce differs between drawings."""


def prefill(payload: dict[str, Any], *, room: int | None = None) -> dict[str, str]:
    """The form's title and description from the message. A message longer than a
    description may be (or than `room`, the bytes it may take in the form as `wire_size`
    counts them) is cut to fit, saying so, rather than left out of the form."""
    text = message_text(payload)
    first_line = title_line(text.split("\n")) if text else "Ticket from a Teams message"
    title = first_line if len(first_line) <= TITLE_MAX else first_line[: TITLE_MAX - 1] + "…"
    sender = _sender(payload.get("from"))
    link = message_link(payload)
    files = attached(payload)
    source = " ".join(part for part in (
        f"From a Teams message by {sender}." if sender else "From a Teams message.",
        f"Original: {link}" if link else "",
    ) if part)
    if files:
        source = "\n".join(["Attached:", *(f"- {file}" for file in files), "", source])
    description = f"{text}\n\n{source}".strip()
    if _fits(description, room):
        return {"title": title, "description": description}
    note = (CUT_WITH_LINK if link else CUT_WITHOUT_LINK) + ("\n\n" if files else " ")
    kept = _longest_fitting(text, lambda head: f"{head} …\n\n{note}{source}", room)
    return {"title": title, "description": f"{kept} …\n\n{note}{source}"}


def _fits(description: str, room: int | None) -> bool:
    return len(description) <= DESCRIPTION_MAX and (room is None or wire_size(description) <= room)


def _longest_fitting(text: str, framed: Callable[[str], str], room: int | None) -> str:
    """The longest start of `text` whose framed description fits, ended at a word when
    one ends in its last 100 characters."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if _fits(framed(text[:middle]), room):
            low = middle
        else:
            high = middle - 1
    head = text[:low]
    space = max(head.rfind(" "), head.rfind("\n"))
    return (head[:space] if 0 < space and space >= len(head) - 100 else head).rstrip()


def _sender(author: object) -> str | None:
    """Who wrote the message: a person (`from.user`), or an app or bot that posted it
    (`from.application`, with `user` null)."""
    if not isinstance(author, dict):
        return None
    for kind in ("user", "application"):
        identity = author.get(kind)
        if isinstance(identity, dict) and isinstance(identity.get("displayName"), str):
            return str(identity["displayName"]) or None
    return None


def task_response(card: dict[str, Any], *, title: str = "Create ticket") -> dict[str, Any]:
    return {
        "task": {
            "type": "continue",
            "value": {
                "title": title,
                "height": "large",
                "width": "medium",
                "card": {"contentType": "application/vnd.microsoft.card.adaptive", "content": card},
            },
        }
    }


def message_response(text: str) -> dict[str, Any]:
    return {"task": {"type": "message", "value": text}}


async def fetch_task(value: dict[str, Any]) -> dict[str, Any]:
    raw = value.get("messagePayload")
    payload: dict[str, Any] = raw if isinstance(raw, dict) else {}
    source_url = message_link(payload)
    values = prefill(payload)
    bare = presenter.create_form(
        values={**values, "description": ""}, in_task_module=True, source_url=source_url
    )
    room = MAX_CARD_BYTES - wire_size(bare) - _FORM_MARGIN
    form = presenter.create_form(
        values=prefill(payload, room=room), in_task_module=True, source_url=source_url
    )
    return task_response(form)


async def submit_action(
    turn_context: TurnContext, deps: BotDependencies, viewer: Viewer, value: dict[str, Any]
) -> dict[str, Any]:
    """Files the ticket, posts its card where the message was, and closes the task module."""
    raw = value.get("data")
    data: dict[str, Any] = raw if isinstance(raw, dict) else {}
    values = {name: data.get(name) for name in card_actions.CREATE_FIELDS}
    if (past := unconfirmed_past_due(values.get("due_date"), data)) is not None:
        return task_response(presenter.create_form(
            values=values, errors={"due_date": notices.past_due_on_form(past)},
            in_task_module=True, past_due=True))
    try:
        filed = await file_ticket(deps, viewer, values)
    except InvalidValue as invalid:
        form = presenter.create_form(
            values=values, errors={invalid.field: invalid.message}, in_task_module=True
        )
        return task_response(form)
    if filed.card is None:
        return {}
    card = card_message(filed.card)
    adapter = turn_context.adapter
    instead = (f"TicketFlow isn't in the chat where you used Create ticket, so {filed.ticket} "
               "is here instead. Add TicketFlow to that chat to have its tickets posted there.")
    if isinstance(adapter, TeamsAdapter) and adapter.send_after_answer(
        turn_context, card, instead=instead
    ):
        return {}
    try:  # no outbox to queue it in (a bare adapter): sent within the turn
        await turn_context.send_activity(card)
    except (ErrorResponseException, ConnectorCallFailed, ClientError) as error:
        log.warning("could not post %s into the conversation: %s", filed.ticket, error)
        return message_response(
            f"{filed.ticket} was filed. Add TicketFlow to this chat to see tickets here."
        )
    return {}
