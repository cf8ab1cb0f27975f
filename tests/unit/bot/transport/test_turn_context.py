"""Replies leave the caller's activity as it was, without copying the card they carry."""

from __future__ import annotations

from typing import Any

from botbuilder.core import BotAdapter, TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    ChannelAccount,
    ConversationAccount,
    DeliveryModes,
    ResourceResponse,
)

from bot.transport.turn_context import TeamsTurnContext


class RecordingAdapter(BotAdapter):
    def __init__(self) -> None:
        super().__init__()
        self.sent: list[Activity] = []

    async def send_activities(
        self, context: TurnContext, activities: list[Activity]
    ) -> list[ResourceResponse]:
        self.sent.extend(activities)
        return [ResourceResponse(id=f"sent-{n}") for n, _ in enumerate(activities)]

    async def update_activity(self, context: TurnContext, activity: Activity) -> Any:
        raise NotImplementedError

    async def delete_activity(self, context: TurnContext, reference: Any) -> None:
        raise NotImplementedError


def incoming(**changes: Any) -> Activity:
    return Activity(
        type=ActivityTypes.message, id="in-1", channel_id="msteams", locale="en-GB",
        service_url="http://127.0.0.1:9/", text="TKT-2026-0001",
        from_property=ChannelAccount(id="29:ada", name="Ada"),
        recipient=ChannelAccount(id="28:bot", name="TicketFlow"),
        conversation=ConversationAccount(id="a:1ada", conversation_type="personal"), **changes,
    )


def a_card_reply() -> Activity:
    card = {"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "TextBlock", "text": "x"}]}
    return Activity(
        type=ActivityTypes.message, id="draft",
        attachments=[Attachment(content_type="application/vnd.microsoft.card.adaptive",
                                content=card)],
    )


async def test_a_reply_is_addressed_like_botbuilder_addresses_it() -> None:
    reply = a_card_reply()
    ours, stock = RecordingAdapter(), RecordingAdapter()
    await TeamsTurnContext(ours, incoming()).send_activity(reply)
    await TurnContext(stock, incoming()).send_activity(a_card_reply())
    assert ours.sent[0].serialize() == stock.sent[0].serialize()
    assert ours.sent[0].conversation.id == "a:1ada" and ours.sent[0].reply_to_id == "in-1"
    assert ours.sent[0].id is None and ours.sent[0].input_hint == "acceptingInput"


async def test_the_callers_activity_is_left_as_it_was_and_the_card_is_not_copied() -> None:
    reply = a_card_reply()
    adapter = RecordingAdapter()
    context = TeamsTurnContext(adapter, incoming())
    responses = await context.send_activity(reply)

    assert responses is not None and responses.id == "sent-0"
    assert (reply.id, reply.conversation, reply.recipient, reply.input_hint) == (
        "draft", None, None, None)
    assert adapter.sent[0] is not reply
    assert adapter.sent[0].attachments is reply.attachments
    assert context.responded


async def test_a_trace_alone_does_not_count_as_a_response() -> None:
    context = TeamsTurnContext(RecordingAdapter(), incoming())
    await context.send_activity(Activity(type=ActivityTypes.trace, name="debug"))
    assert not context.responded


async def test_expected_replies_are_buffered_not_sent() -> None:
    adapter = RecordingAdapter()
    context = TeamsTurnContext(adapter, incoming(delivery_mode=DeliveryModes.expect_replies))
    await context.send_activity(a_card_reply())
    assert adapter.sent == [] and len(context.buffered_reply_activities) == 1
