"""The answer card's buttons: rate an answer, or turn it into a ticket."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from bot import presenter
from bot.cards.answer import HELPFUL, MESSAGE_ID, answer_card, source_lines
from bot.cards.verbs import TicketField
from bot.cards.views import Notice, Tone
from bot.context import BotDependencies
from bot.help_views import asked_as, exchange_view
from domain.access import Viewer
from domain.errors import InvalidValue
from domain.people import Role
from domain.services.overview import current_user

Card = dict[str, Any]
THANKS = "Thanks, glad it helped."
SORRY_IT_DID_NOT_HELP = "Thanks for telling me. Create a ticket and the service desk will help."
NO_LONGER_YOURS = ("That answer came from help documents you can no longer read; "
                   "ask again and I'll answer from the ones you can.")
TITLE_LIMIT = 255
TICKET_CATEGORY = "support"
_ID_DIGITS = len(str(2**31 - 1))  # `ai_chat_messages.id` is a 32-bit serial


async def rate_answer(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card:
    """`help.feedback`: stores the verdict, and draws the answer again without the buttons."""
    helpful = _helpful(data)
    exchange = await deps.help().help_assistant.rate(
        message_id=_message_id(data), user_id=viewer.id, helpful=helpful,
        reader=await _role_now(deps, viewer),
    )
    notice = Notice(THANKS, Tone.GOOD) if helpful else Notice(SORRY_IT_DID_NOT_HELP, Tone.DEFAULT)
    view = exchange_view(exchange, web_url=deps.options.web_url, rated=True)
    if not exchange.answer:  # drawn on documents this person may no longer read
        view = replace(view, text=NO_LONGER_YOURS)
    return answer_card(view, notice=notice)


async def escalate(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card:
    """`help.escalate`: the create form, prefilled from the question and the answer."""
    exchange = await deps.help().help_assistant.exchange_for(
        message_id=_message_id(data), user_id=viewer.id, reader=await _role_now(deps, viewer)
    )
    view = exchange_view(exchange, web_url=deps.options.web_url)
    asked = asked_as(exchange)  # a follow-up ("who do I call about that") after its topic
    title = asked[0]
    if len(title) > TITLE_LIMIT:
        title = title[: TITLE_LIMIT - 1].rstrip() + "…"
    description = [*asked]
    if exchange.answer:  # else drawn on documents this person may no longer read
        description += ["", "The help assistant answered:", view.text]
    if view.sources:
        description += ["", "Sources:", *source_lines(view.sources)]
    return presenter.create_form(
        values={
            TicketField.TITLE: title,
            TicketField.DESCRIPTION: "\n".join(description),
            TicketField.CATEGORY: TICKET_CATEGORY,
        }
    )


async def _role_now(deps: BotDependencies, viewer: Viewer) -> Role:
    """The presser's role as stored now: the turn's viewer may be a few seconds old, and an
    answer is drawn again for the role they have when it leaves."""
    return (await current_user(uow=deps.uow().reading(), user_id=viewer.id)).role


def _message_id(data: Mapping[str, Any]) -> int:
    """The answer a card's button is about. Its data comes back as the client sends it: more
    digits than an answer id has names no answer (and past 4300 Python reads no number)."""
    raw = data.get(MESSAGE_ID)
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.isascii() and raw.isdecimal() and len(raw) <= _ID_DIGITS:
        return int(raw)
    raise InvalidValue(MESSAGE_ID, "the card did not say which answer it is about")


def _helpful(data: Mapping[str, Any]) -> bool:
    raw = data.get(HELPFUL)
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.lower() in ("true", "false"):
        return raw.lower() == "true"
    raise InvalidValue(HELPFUL, "the card did not say whether the answer helped")
