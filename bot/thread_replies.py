"""Replies in the thread of a bot-posted ticket card become comments on that ticket.

Teams sends the bot a channel message when it is @mentioned, and every channel
message when the app has the resource-specific consent `ChannelMessage.Read.Group`.
A message whose thread was started by one of our ticket cards is a comment by
its author, under the access rule; a refusal is said in the thread. The bot
acknowledges without repeating the words, and the comment's notification is not
posted back into the thread it came from (its `origin`).

Any other channel message that does not @mention the bot is people talking to
each other: it is ignored. Edits and deletions of a reply (Teams'
`messageUpdate` / `messageDelete` events) change nothing: the comment keeps the
words it was written with, as a comment in the web app does.
"""

from __future__ import annotations

from dataclasses import dataclass
from botbuilder.core import TurnContext
from botbuilder.schema import Activity

from bot.actions.tickets import ensure_for_the_requester
from bot.context import BotDependencies, TicketThreads
from bot.delivery import current_delivery
from bot.mentions import as_written, mentions_bot, strip_bot_mention
from bot.replies import explain
from domain.access import Viewer
from domain.errors import DomainError
from domain.services.tickets import comment_on_ticket

THREAD_MARK = ";messageid="
ACKNOWLEDGED = "Added to the ticket as your comment."
EMPTY = "Write your comment in the reply, and I'll add it to the ticket."


@dataclass(frozen=True, slots=True)
class TicketThread:
    ticket_id: int
    channel_conversation_id: str


async def ticket_thread(activity: Activity, deps: BotDependencies) -> TicketThread | None:
    """The ticket card thread this channel message replies in, or None."""
    conversation = activity.conversation
    if deps.threads is None or conversation is None or conversation.conversation_type != "channel":
        return None
    if _card_submit(activity):  # a button on the card itself (older clients' Action.Submit)
        return None
    channel, mark, root = (conversation.id or "").partition(THREAD_MARK)
    if not mark or not root or root == activity.id:
        return None
    ticket_id = await deps.threads.ticket_of_thread(channel, root)
    return None if ticket_id is None else TicketThread(ticket_id, channel)


def overheard(activity: Activity) -> bool:
    """A channel message not addressed to the bot (received only through RSC)."""
    conversation = activity.conversation
    in_channel = conversation is not None and conversation.conversation_type == "channel"
    return in_channel and not mentions_bot(activity) and not _card_submit(activity)


def _card_submit(activity: Activity) -> bool:
    return isinstance(activity.value, dict)


async def comment_from_thread(
    turn_context: TurnContext, deps: BotDependencies, viewer: Viewer, thread: TicketThread
) -> None:
    text = as_written(strip_bot_mention(turn_context.activity))  # others' mentions as @Name
    if not text:
        await turn_context.send_activity(EMPTY)
        return
    try:
        ensure_for_the_requester(viewer, text)  # "internal: …" is refused here as in chat
        await comment_on_ticket(
            uow=deps.uow(),
            actor=viewer,
            ticket=thread.ticket_id,
            content=text,
            origin=thread.channel_conversation_id,
            delivery=current_delivery(),
        )
    except DomainError as refused:
        await turn_context.send_activity(explain(refused))
        return
    await turn_context.send_activity(ACKNOWLEDGED)
