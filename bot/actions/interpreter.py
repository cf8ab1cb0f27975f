"""The model's reading of a message the deterministic understanding could not place.

A tool-calling model picks one of the tools generated from the command table; its
call is read back into the same typed request. It may first look tickets up
(`find_tickets`, answered under the viewer's access rule, numbers and titles only).
What reaches the model is capped: the message (at most `MAX_MESSAGE_CHARS`), today's
date, the number "it" stands for, and what its own lookups found — no other ticket's
data. Any failure — a timeout, an HTTP error, a body that is not JSON, an unknown
tool, arguments that do not fit — is logged and returns None: the deterministic
answer stands.
"""

from __future__ import annotations

import asyncio
import logging

from bot.actions.tickets import list_query
from bot.actions.tools import LOOKUP, BadToolCall, read_call, tools_for
from bot.cards.labels import trimmed
from bot.context import BotDependencies
from bot.listing import team_holders
from bot.sender_day import sender_midnight
from bot.understanding.context import Conversation
from bot.understanding.requests import Clarify, ListTickets, TicketRequest
from domain.access import Viewer
from domain.services.overview import ticket_listing
from knowledge.llm import (
    ModelUnavailable,
    PromptMessage,
    PromptRole,
    ToolCall,
    ToolCalls,
    ToolModel,
    ToolResult,
)

log = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 500
MAX_ROUNDS = 3
LOOKUP_ROWS = 5
DEFAULT_TIMEOUT = 6.0

SYSTEM = """You read one chat message sent to TicketFlow, a ticketing system, and call the \
tool that does what it asks. Use the person's own words for names, titles and comments. \
Never invent a ticket number or a person: when the person describes a ticket instead of \
giving its number, call find_tickets first and use a number it returns. When the message \
asks for none of these actions (a question, a problem report, small talk), call no tool. \
Nothing you call is applied without the person's confirmation.
Today is {today}. {it}"""


class ModelInterpreter:
    def __init__(self, model: ToolModel, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self._model = model
        self._timeout = timeout

    async def interpret(
        self, deps: BotDependencies, viewer: Viewer, text: str, conversation: Conversation
    ) -> TicketRequest | Clarify | None:
        """The request the model reads in `text`, or None: no tool called, or a failure."""
        try:
            async with asyncio.timeout(self._timeout):
                return await self._rounds(deps, viewer, text, conversation)
        except TimeoutError:
            log.info("the model took over %.1f s to place a message", self._timeout)
        except ModelUnavailable as failed:
            log.info("the model could not place a message: %s", failed)
        except BadToolCall as bad:
            log.info("the model called a tool wrongly: %s", bad)
        return None

    async def aclose(self) -> None:
        await self._model.aclose()

    async def _rounds(
        self, deps: BotDependencies, viewer: Viewer, text: str, conversation: Conversation
    ) -> TicketRequest | Clarify | None:
        tools = tools_for(viewer.role)
        schemas = [tool.schema for tool in tools]
        messages: list[PromptMessage | ToolCalls | ToolResult] = [
            PromptMessage(PromptRole.SYSTEM, _system(conversation)),
            PromptMessage(PromptRole.USER, text.strip()[:MAX_MESSAGE_CHARS]),
        ]
        for _ in range(MAX_ROUNDS):
            turn = await self._model.choose_tools(messages, schemas)
            actions = [call for call in turn.calls if call.name != LOOKUP]
            if len(actions) > 1:
                raise BadToolCall("the model called more than one action")
            if actions:
                return read_call(actions[0].name, actions[0].arguments, role=viewer.role,
                                 conversation=conversation)
            if not turn.calls:
                return None
            messages.append(turn)
            for call in turn.calls:
                found = await self._look_up(deps, viewer, call, conversation)
                messages.append(ToolResult(call.call_id, found))
        log.info("the model kept looking tickets up for %d rounds", MAX_ROUNDS)
        return None

    async def _look_up(
        self, deps: BotDependencies, viewer: Viewer, call: ToolCall, conversation: Conversation
    ) -> str:
        """Tickets the viewer may see, numbers, statuses and titles only."""
        request = read_call(call.name, call.arguments, role=viewer.role, conversation=conversation)
        if not isinstance(request, ListTickets):
            raise BadToolCall("find_tickets read as something else than a list")
        query = list_query(viewer, request)
        listing = await ticket_listing(uow=deps.uow().reading(), actor=viewer,
                                       filter=query.filter_for(viewer.id, today=conversation.today,
                                                                midnight=sender_midnight,
                                                                teams=team_holders(viewer)),
                                       limit=max(1, query.rows_from(0, page=LOOKUP_ROWS)),
                                       offset=0, order=query.sorted_by)
        rows = [f"{t.ticket_number} · {t.status.value} · {trimmed(t.title, 100)}"
                for t in listing.page.tickets][:query.rows_from(0, page=LOOKUP_ROWS)]
        return "\n".join(rows) if rows else "No tickets found."


def _system(conversation: Conversation) -> str:
    last = conversation.last_ticket
    it = f"\"It\" means {last}, the ticket this chat last showed." if last else ""
    return SYSTEM.format(today=conversation.today.isoformat(), it=it).strip()
