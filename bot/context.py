"""What the bot needs from the rest of the service, handed in by the composition root."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from bot.assistant import Assistant
from bot.state_storage import StateStorage
from domain.people import Role
from domain.ports import (
    ConversationRefRepository,
    UnitOfWork,
    UserLinkRepository,
    WebhookUrlCheck,
)
from domain.tickets import Ticket

if TYPE_CHECKING:
    from bot.understanding.context import Conversation
    from bot.understanding.requests import Clarify, TicketRequest
    from domain.access import Viewer


class TicketThreads(Protocol):
    async def ticket_of_thread(self, conversation_id: str, root_activity_id: str) -> int | None:
        """The ticket whose card started this thread of this channel conversation, if any."""
        ...


@dataclass(frozen=True, slots=True)
class BotOptions:
    web_url: str
    default_role: Role | None = Role.USER
    app_id: str | None = None
    allowed_tenants: frozenset[str] = frozenset()
    """Entra tenants whose people may use the bot; empty (local development) allows any."""
    page_size: int = 8

    def ticket_url(self, ticket_id: int) -> str:
        return f"{self.web_url}/tickets/{ticket_id}"


class MessageReader(Protocol):
    async def interpret(
        self, deps: BotDependencies, viewer: Viewer, text: str, conversation: Conversation
    ) -> TicketRequest | Clarify | None:
        """What a model reads in a message the rules could not place; None: nothing usable."""
        ...


class Welcomes(Protocol):
    """Whether the bot has greeted a conversation since it was (last) added there: Teams
    can announce one install twice, as two conversation updates with their own ids."""

    async def first(self, conversation_id: str) -> bool:
        """True for the first caller since the conversation was forgotten (or ever), at
        once for concurrent callers: exactly one of them is first."""
        ...

    async def forget(self, conversation_ids: Iterable[str]) -> None:
        """The bot left these conversations: added again, it greets them again."""
        ...


class RefreshAudience(Protocol):
    async def for_ticket(self, ticket: Ticket) -> tuple[str, ...]:
        """Teams user ids (at most 60) whose clients refresh the ticket's card automatically."""
        ...


@dataclass(frozen=True, slots=True)
class BotDependencies:
    uow: Callable[[], UnitOfWork]
    """A fresh unit of work per use case; `uow().reading()` for cards and lists."""
    storage: StateStorage
    conversations: ConversationRefRepository
    links: UserLinkRepository
    options: BotOptions
    assistant: Assistant | None = None
    webhook_check: WebhookUrlCheck | None = None
    refresh_audience: RefreshAudience | None = None
    threads: TicketThreads | None = None
    """Which ticket a card's channel thread is about: replies there become comments."""
    interpreter: MessageReader | None = None
    """With a model configured: reads the messages deterministic understanding cannot place."""
    welcomes: Welcomes | None = None
    """Without it, every announcement of the bot's arrival is greeted."""

    def help(self) -> Assistant:
        """The help assistant, for its answer card's buttons (only drawn when it is set up)."""
        if self.assistant is None:
            raise RuntimeError("the help assistant is not wired into BotDependencies")
        return self.assistant
