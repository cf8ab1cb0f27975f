"""Posting without being asked: notification cards into channels and personal chats.

Implements `notify.ports.TeamsMessenger` over the Teams adapter, whose connector
writes are already paced per conversation and retried on 429/412/502/503/504; what
still fails is reported with the port's exceptions so the worker knows what to do.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.schema import Activity, ConversationReference
from msrest.exceptions import HttpOperationError

from bot.outgoing import card_message
from bot.transport.adapter import TeamsAdapter, with_tenant
from bot.transport.sending import ConnectorCallFailed
from domain.chat import ConversationRef
from notify.ports import MessageGone, Rejected, SendFailed, TargetGone

Card = dict[str, Any]
Callback = Callable[[TurnContext], Awaitable[None]]


class BotMessenger:
    def __init__(self, adapter: TeamsAdapter, *, app_id: str | None) -> None:
        self._adapter = adapter
        self._app_id = app_id or ""

    async def post_card(self, ref: ConversationRef, card: Card) -> str:
        posted: list[str] = []

        async def post(turn_context: TurnContext) -> None:
            posted.append(await _new_post(turn_context, card_message(card)))

        await self._continue(ref, post)
        return posted[0]

    async def update_card(self, ref: ConversationRef, activity_id: str, card: Card) -> None:
        async def update(turn_context: TurnContext) -> None:
            activity = card_message(card)
            activity.id = activity_id
            await turn_context.update_activity(activity)

        await self._continue(ref, update, updating=True)

    async def reply_in_thread(self, ref: ConversationRef, activity_id: str, text: str) -> None:
        """A line in a card's thread, shown as written: it quotes what anyone wrote (a
        customer's comment in the web app), so its markdown or markup must not become a
        link or a mention posted by the bot."""
        line = MessageFactory.text(text)
        line.text_format = "plain"

        async def reply(turn_context: TurnContext) -> None:
            await _new_post(turn_context, line)

        await self._continue(ref, reply, thread=activity_id)

    async def send_card(self, ref: ConversationRef, card: Card) -> None:
        async def send(turn_context: TurnContext) -> None:
            await _new_post(turn_context, card_message(card))

        await self._continue(ref, send)

    async def send_activities(
        self, reference: Mapping[str, Any], activities: Sequence[Mapping[str, Any]]
    ) -> None:
        """A turn's queued reply, addressed exactly as the turn addressed it (a reply to
        the message it answered, in its thread), so it is sent as is, not re-addressed."""
        queued = [Activity().deserialize(dict(activity)) for activity in activities]

        async def send(turn_context: TurnContext) -> None:
            await turn_context.adapter.send_activities(turn_context, queued)

        await self._run(ConversationReference().deserialize(dict(reference)), send)

    async def _continue(
        self, ref: ConversationRef, callback: Callback, *, thread: str | None = None,
        updating: bool = False,
    ) -> None:
        reference = ConversationReference().deserialize(
            with_tenant(dict(ref.reference), ref.tenant_id)
        )
        reference.activity_id = None  # a new post, not a reply to the last message seen there
        if thread is not None:  # a reply goes to "<channel>;messageid=<root post>"
            reference.conversation.id = f"{ref.conversation_id};messageid={thread}"
        await self._run(reference, callback, updating=updating)

    async def _run(
        self, reference: ConversationReference, callback: Callback, *, updating: bool = False
    ) -> None:
        try:
            await self._adapter.continue_conversation(reference, callback, self._app_id)
        except ConnectorCallFailed as failed:
            raise _port_error(failed.status, str(failed), failed.retry_after, updating) from failed
        except HttpOperationError as error:
            status = getattr(error.response, "status_code", None)
            raise _port_error(status, str(error), None, updating) from error


async def _new_post(turn_context: TurnContext, activity: Activity) -> str:
    """Sends `activity` as a new message (`send_to_conversation`), not as a reply.

    `TurnContext.send_activity` would address it as a reply to the continuation
    activity, whose id Teams never saw; in a channel that must start a new thread.
    """
    reference = TurnContext.get_conversation_reference(turn_context.activity)
    TurnContext.apply_conversation_reference(activity, reference)
    activity.reply_to_id = None
    responses = await turn_context.adapter.send_activities(turn_context, [activity])
    return str(responses[0].id) if responses and responses[0] else ""


def _port_error(
    status: int | None, message: str, retry_after: float | None, updating: bool
) -> Exception:
    if status in (403, 404) and updating:
        return MessageGone(message) if status == 404 else TargetGone(message)
    if status in (403, 404, 410):
        return TargetGone(message)  # the bot was removed, or the conversation is gone
    if status in (400, 413):
        return Rejected(message)
    return SendFailed(message, retry_after=retry_after)
