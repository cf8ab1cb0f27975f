"""The help assistant in a chat: acknowledge at once, answer when ready, rate, escalate.

Teams sends a message again when the bot has not answered it within about 15 s,
and a model can take longer than that. So the turn only acknowledges (a typing
indicator and "Looking that up…") and ends; the answer is worked out in a task
and posted into the same conversation proactively, through the adapter and the
conversation reference taken from the turn. The terminal chat has no such limit
and cannot receive a later message, so there the answer comes within the turn.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine, Mapping
from typing import Any

from botbuilder.core import BotAdapter, CardFactory, MessageFactory, TurnContext
from botbuilder.schema import Activity, ActivityTypes, ConversationReference

from bot import presenter
from bot.cards.answer import HELPFUL, MESSAGE_ID, AnswerView, SourceView, answer_card, source_lines
from bot.cards.verbs import TicketField
from bot.cards.views import Notice, Tone
from bot.context import BotDependencies
from domain.access import Viewer
from domain.errors import InvalidValue
from knowledge.answering import HelpAnswer, HelpAssistant
from knowledge.citations import Citation, source_url, split_sources
from knowledge.conversation import Exchange, session_id_for

log = logging.getLogger(__name__)

Card = dict[str, Any]
PROACTIVE_CHANNELS = frozenset({"msteams"})
"""Channels that redeliver slow turns and accept messages after the turn has ended."""
LOOKING = "Looking that up in the help documents…"
SORRY = (
    "Sorry, I couldn't look that up just now. Please try again in a minute, "
    "or say `new ticket` to ask the service desk."
)
THANKS = "Thanks, glad it helped."
SORRY_IT_DID_NOT_HELP = "Thanks for telling me. Create a ticket and the service desk will help."
TITLE_LIMIT = 255
TICKET_CATEGORY = "support"


class Assistant:
    """The answering use case as the bot holds it, with the answers still being worked on.

    The running answers are kept here (not only in the event loop, which holds
    tasks weakly) so that none is collected half way, and so shutdown can wait.
    """

    def __init__(self, help_assistant: HelpAssistant) -> None:
        self.help_assistant = help_assistant
        self._pending: set[asyncio.Task[None]] = set()

    @property
    def pending(self) -> int:
        return len(self._pending)

    def start(self, work: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        task = asyncio.get_running_loop().create_task(work, name="help-answer")
        self._pending.add(task)
        task.add_done_callback(self._finished)
        return task

    async def drain(self, *, timeout: float) -> None:
        """Lets answers in flight finish (for shutdown); the rest are cancelled."""
        if not self._pending:
            return
        _, unfinished = await asyncio.wait(set(self._pending), timeout=timeout)
        for task in unfinished:
            task.cancel()
        if unfinished:
            await asyncio.wait(unfinished)

    async def close(self, *, timeout: float = 10.0) -> None:
        """At shutdown: finish (or cancel) the answers in flight, then release the model."""
        await self.drain(timeout=timeout)
        await self.help_assistant.aclose()

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._pending.discard(task)
        if task.cancelled():
            log.warning("a help answer was cancelled before it was sent")
            return
        error = task.exception()
        if error is not None:
            log.error("a help answer could not be delivered", exc_info=error)


def help_session(activity: Activity, user_id: str) -> str:
    """One help conversation per person and chat (or channel thread)."""
    return session_id_for(
        place=activity.channel_id or "chat",
        conversation_id=activity.conversation.id if activity.conversation else "",
        user_id=user_id,
    )


async def answer_question(
    turn_context: TurnContext, deps: BotDependencies, viewer: Viewer, question: str
) -> None:
    assistant = _assistant(deps)
    activity = turn_context.activity
    session_id = help_session(activity, viewer.id)
    await turn_context.send_activity(Activity(type=ActivityTypes.typing))
    if activity.channel_id not in PROACTIVE_CHANNELS:
        answer = await assistant.help_assistant.ask(
            user_id=viewer.id, session_id=session_id, question=question, reader=viewer.role
        )
        await turn_context.send_activity(_message(answer_card(answer_view(answer, deps))))
        return
    await turn_context.send_activity(LOOKING)
    reference = TurnContext.get_conversation_reference(activity)
    assistant.start(
        _answer_later(turn_context.adapter, reference, deps, viewer, session_id, question)
    )


async def _answer_later(
    adapter: BotAdapter,
    reference: ConversationReference,
    deps: BotDependencies,
    viewer: Viewer,
    session_id: str,
    question: str,
) -> None:
    """Runs after the turn: answer, then post the card where the question was asked."""
    assistant = _assistant(deps)
    try:
        answer = await assistant.help_assistant.ask(
            user_id=viewer.id, session_id=session_id, question=question, reader=viewer.role
        )
    except Exception as failure:  # told to the person here, logged by `Assistant._finished`
        try:
            await _post(adapter, reference, deps, MessageFactory.text(SORRY))
        except Exception as also:  # noqa: BLE001 - the first failure is the one to raise
            failure.add_note(f"the apology could not be sent either: {also!r}")
        raise
    await _post(adapter, reference, deps, _message(answer_card(answer_view(answer, deps))))


async def _post(
    adapter: BotAdapter, reference: ConversationReference, deps: BotDependencies,
    message: Activity,
) -> None:
    async def send(turn_context: TurnContext) -> None:
        await turn_context.send_activity(message)

    await adapter.continue_conversation(reference, send, deps.options.app_id)


async def rate_answer(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card:
    """`help.feedback`: stores the verdict, and draws the answer again without the buttons."""
    helpful = _helpful(data)
    exchange = await _assistant(deps).help_assistant.rate(
        message_id=_message_id(data), user_id=viewer.id, helpful=helpful
    )
    notice = Notice(THANKS, Tone.GOOD) if helpful else Notice(SORRY_IT_DID_NOT_HELP, Tone.DEFAULT)
    return answer_card(exchange_view(exchange, deps, rated=True), notice=notice)


async def escalate(deps: BotDependencies, viewer: Viewer, data: Mapping[str, Any]) -> Card:
    """`help.escalate`: the create form, prefilled from the question and the answer."""
    exchange = await _assistant(deps).help_assistant.exchange_for(
        message_id=_message_id(data), user_id=viewer.id
    )
    view = exchange_view(exchange, deps)
    title = exchange.question
    if len(title) > TITLE_LIMIT:
        title = title[: TITLE_LIMIT - 1].rstrip() + "…"
    description = [exchange.question, "", "The help assistant answered:", view.text]
    if view.sources:
        description += ["", "Sources:", *source_lines(view.sources)]
    return presenter.create_form(
        values={
            TicketField.TITLE: title,
            TicketField.DESCRIPTION: "\n".join(description),
            TicketField.CATEGORY: TICKET_CATEGORY,
        }
    )


def answer_view(answer: HelpAnswer, deps: BotDependencies) -> AnswerView:
    return AnswerView(
        message_id=answer.message_id,
        question=answer.question,
        text=answer.text,
        answered=answer.answered,
        sources=tuple(_source(citation, deps) for citation in answer.citations),
    )


def exchange_view(exchange: Exchange, deps: BotDependencies, *, rated: bool = False) -> AnswerView:
    stored = split_sources(exchange.answer)
    return AnswerView(
        message_id=exchange.answer_id,
        question=exchange.question,
        text=stored.text,
        answered=bool(stored.citations),
        sources=tuple(_source(citation, deps) for citation in stored.citations),
        rated=rated,
    )


def _source(citation: Citation, deps: BotDependencies) -> SourceView:
    return SourceView(citation.number, citation.label, source_url(deps.options.web_url, citation))


def _assistant(deps: BotDependencies) -> Assistant:
    assistant: Assistant | None = getattr(deps, "assistant", None)
    if assistant is None:
        raise RuntimeError("the help assistant is not wired into BotDependencies")
    return assistant


def _message(card: Card) -> Activity:
    return MessageFactory.attachment(CardFactory.adaptive_card(card))


def _message_id(data: Mapping[str, Any]) -> int:
    raw = data.get(MESSAGE_ID)
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.isdecimal():
        return int(raw)
    raise InvalidValue(MESSAGE_ID, "the card did not say which answer it is about")


def _helpful(data: Mapping[str, Any]) -> bool:
    raw = data.get(HELPFUL)
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.lower() in ("true", "false"):
        return raw.lower() == "true"
    raise InvalidValue(HELPFUL, "the card did not say whether the answer helped")
