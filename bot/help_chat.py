"""A question for the help assistant in a chat: acknowledge at once, answer when ready.

Teams sends a message again when the bot has not answered it within about 15 s,
and a model can take longer than that. So the turn only acknowledges (a typing
indicator and "Looking that up…") and ends; the answer is worked out in a task
and posted into the same conversation proactively, through the adapter and the
conversation reference taken from the turn. The terminal chat has no such limit
and cannot receive a later message, so there the answer comes within the turn.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from botbuilder.core import BotAdapter, CardFactory, MessageFactory, TurnContext
from botbuilder.schema import Activity, ActivityTypes, ConversationReference

from bot.cards.answer import answer_card
from bot.context import BotDependencies
from bot.help_views import answer_view
from bot.replies import explain
from bot.transport.adapter import TeamsAdapter
from domain.access import Viewer
from domain.errors import DomainError
from domain.people import Role
from domain.services.overview import current_user
from knowledge.answering import HelpAnswer
from knowledge.conversation import session_id_for
from notify.reply_contents import Shown

PROACTIVE_CHANNELS = frozenset({"msteams"})
"""Channels that redeliver slow turns and accept messages after the turn has ended."""
LOOKING = "Looking that up in the help documents…"
SORRY = (
    "Sorry, I couldn't look that up just now. Please try again in a minute, "
    "or say `new ticket` to ask the service desk."
)


def help_session(activity: Activity, user_id: str) -> str:
    """One help conversation per person and chat (or channel thread)."""
    return session_id_for(
        place=activity.channel_id or "chat",
        conversation_id=activity.conversation.id if activity.conversation else "",
        user_id=user_id,
    )


def answer_reader(activity: Activity, viewer: Viewer) -> Role | None:
    """Whose documents an answer may draw on: the asker's in a personal chat; in a channel or
    a group chat, where everyone reads the answer (guests, customers), only documents for
    everyone (None), whoever asks — as cards drawn there leave out internal notes."""
    conversation = activity.conversation
    kind = (conversation.conversation_type if conversation else None) or "personal"
    return viewer.role if kind == "personal" else None


async def answer_question(
    turn_context: TurnContext, deps: BotDependencies, viewer: Viewer, question: str,
    *, context_after: datetime | None = None,
) -> None:
    """`context_after`: when the chat last turned to a ticket; an earlier answer is not
    followed up on (`HelpAssistant.ask`)."""
    assistant = deps.help()
    activity = turn_context.activity
    session_id = help_session(activity, viewer.id)
    reader = answer_reader(activity, viewer)
    await turn_context.send_activity(Activity(type=ActivityTypes.typing))
    if activity.channel_id not in PROACTIVE_CHANNELS:
        answer = await assistant.help_assistant.ask(
            user_id=viewer.id, session_id=session_id, question=question, reader=reader,
            context_after=context_after,
        )
        await turn_context.send_activity(_answer_message(answer, deps, question))
        return
    await turn_context.send_activity(LOOKING)
    reference = TurnContext.get_conversation_reference(activity)
    assistant.start(_answer_later(turn_context.adapter, reference, deps, viewer, session_id,
                                  question, context_after, reader))


async def _answer_later(
    adapter: BotAdapter,
    reference: ConversationReference,
    deps: BotDependencies,
    viewer: Viewer,
    session_id: str,
    question: str,
    context_after: datetime | None,
    reader: Role | None,
) -> None:
    """Runs after the turn: answer, then post the card where the question was asked."""
    assistant = deps.help()

    async def ask(as_reader: Role | None) -> HelpAnswer:
        return await assistant.help_assistant.ask(
            user_id=viewer.id, session_id=session_id, question=question, reader=as_reader,
            context_after=context_after,
        )

    try:
        answer = await ask(reader)
        now = await _asker_now(deps, viewer)
        if isinstance(now, Viewer) and reader is not None and now.role != reader:
            reader = now.role
            answer = await ask(reader)
    except Exception as failure:  # told to the person here, logged by `Assistant._finished`
        try:
            await _post(adapter, reference, deps, MessageFactory.text(SORRY))
        except Exception as also:  # noqa: BLE001 - the first failure is the one to raise
            failure.add_note(f"the apology could not be sent either: {also!r}")
        raise
    if isinstance(now, str):
        await _post(adapter, reference, deps, MessageFactory.text(now))
        return
    drawn = _DrawnFor(viewer.id, reader, answer.readers) if reader is not None else None
    await _post(adapter, reference, deps, _answer_message(answer, deps, question), drawn=drawn)


async def _asker_now(deps: BotDependencies, viewer: Viewer) -> Viewer | str:
    """The asker as they are when the answer is ready, or why they get none: the answer
    leaves a model's time after the question, and access is decided when it leaves (made a
    customer meanwhile, they may no longer read a staff runbook; deactivated, nothing)."""
    try:
        return await current_user(uow=deps.uow().reading(), user_id=viewer.id)
    except DomainError as refused:
        return explain(refused)


@dataclass(frozen=True, slots=True)
class _DrawnFor:
    """What a queued help answer shows (`ReplyReader`): an answer read for `role` from
    documents that `readers` may all read (None: everyone), which leaves only if its asker
    then has a role among them: access as it is when it leaves, either way."""

    user_id: str
    role: Role
    readers: frozenset[Role] | None = None

    def viewer_id(self, context: TurnContext) -> str | None:
        return self.user_id

    def shown(self, activity: Mapping[str, Any]) -> Shown:
        readers = frozenset(Role) if self.readers is None else self.readers
        return Shown(drawn_for=self.role.value,
                     read_by=tuple(sorted(role.value for role in readers)))


async def _post(
    adapter: BotAdapter, reference: ConversationReference, deps: BotDependencies,
    message: Activity, *, drawn: _DrawnFor | None = None,
) -> None:
    async def send(turn_context: TurnContext) -> None:
        await turn_context.send_activity(message)

    if isinstance(adapter, TeamsAdapter):  # throttled, the answer waits in the outbox
        await adapter.continue_or_queue(reference, send, deps.options.app_id, reader=drawn)
        return
    await adapter.continue_conversation(reference, send, deps.options.app_id)


def _answer_message(answer: HelpAnswer, deps: BotDependencies, message: str) -> Activity:
    card = answer_card(answer_view(answer, web_url=deps.options.web_url, message=message))
    return MessageFactory.attachment(CardFactory.adaptive_card(card))


