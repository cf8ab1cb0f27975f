"""Wiring the Teams bot: stores, the bot itself, the adapter and `/api/messages`."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.actions.interpreter import ModelInterpreter
from bot.assistant import Assistant
from bot.context import BotDependencies, BotOptions
from bot.handler import TicketFlowBot
from bot.identity import MemberDirectory, TeamsMemberDirectory
from bot.state_storage import StateStorage
from bot.transport.adapter import (
    CredentialsFactory,
    TeamsAdapter,
    apologise_for_failed_turn,
    create_adapter,
)
from bot.transport.dedupe import Receipt, ReceiptState, RecordedAnswer
from bot.transport.endpoint import MessagesEndpoint, add_messages_route
from bot.transport.observer import TurnObserver
from bot.transport.settings import TransportSettings
from db.connections import one_connection_per_turn, set_aside
from db.repositories.activity_receipts import SqlActivityReceipts
from db.repositories.bot_state import SqlStateDocuments
from db.repositories.conversation_refs import SqlConversationRefs
from db.repositories.refresh_audience import SqlRefreshAudience
from db.repositories.ticket_threads import SqlTicketThreads
from db.repositories.user_links import SqlUserLinks
from knowledge.llm import OpenAIToolModel
from knowledge.passages import Retriever
from notify.replies import ReplyQueue
from ticketflow.assistant import build_assistant
from ticketflow.caches import CachedUserLinks, CoalescedConversationRefs
from ticketflow.notifications import webhook_check
from ticketflow.receipt_purge import ReceiptPurge
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings

class ReceiptDeduplicator:
    """Receipts (and invoke answers) in the database, shared by every process."""

    def __init__(self, receipts: SqlActivityReceipts) -> None:
        self._receipts = receipts

    async def claim(self, key: str, *, conversation_id: str | None) -> bool:
        return await self._receipts.claim(key, conversation_id)

    async def record(self, key: str, answer: RecordedAnswer) -> None:
        await self._receipts.record_answer(key, status=answer.status, body=answer.body)

    async def release(self, key: str) -> None:
        await self._receipts.release(key)

    async def receipt(self, key: str) -> Receipt:
        stored = await self._receipts.get(key)
        if stored is None:
            return Receipt(ReceiptState.RELEASED)
        if not stored.answered or stored.status is None:
            return Receipt(ReceiptState.RUNNING)
        return Receipt(ReceiptState.ANSWERED, RecordedAnswer(stored.status, stored.body))


@dataclass(frozen=True, slots=True)
class MsTeamsSurface:
    bot: TicketFlowBot
    adapter: TeamsAdapter
    deps: BotDependencies


def bot_dependencies(
    runtime: Runtime, *, assistant: Assistant | None = None,
    interpreter: ModelInterpreter | None = None,
) -> BotDependencies:
    settings = runtime.settings
    single_statements = _single_statement_engine(runtime.engine)
    return BotDependencies(
        uow=runtime.uow,
        storage=StateStorage(SqlStateDocuments(runtime.engine, reader=single_statements)),
        conversations=CoalescedConversationRefs(SqlConversationRefs(runtime.engine)),
        links=CachedUserLinks(SqlUserLinks(runtime.engine)),
        options=BotOptions(
            web_url=settings.web_url, default_role=settings.default_role, app_id=settings.app_id,
            allowed_tenants=frozenset(settings.allowed_tenants),
        ),
        assistant=assistant,
        webhook_check=webhook_check(settings),
        refresh_audience=SqlRefreshAudience(single_statements),
        threads=SqlTicketThreads(runtime.engine),
        interpreter=interpreter,
    )


def build_interpreter(settings: Settings) -> ModelInterpreter | None:
    """The model reading messages understanding could not place; None without a key, so
    that no request leaves. No retries: a person is waiting, and the fallback is ready.
    The caller closes it (`aclose`)."""
    if not settings.openai_api_key:
        return None
    model = OpenAIToolModel(
        api_key=settings.openai_api_key,
        base_url=settings.openai_base_url,
        model=settings.openai_model,
        timeout=settings.understanding_timeout,
        max_retries=0,
    )
    return ModelInterpreter(model, timeout=settings.understanding_timeout)


def transport_settings(runtime: Runtime) -> TransportSettings:
    settings = runtime.settings
    return TransportSettings(
        app_id=settings.app_id,
        app_password=settings.app_password,
        app_type=settings.app_type,
        tenant_id=settings.app_tenant_id,
        openid_metadata_url=settings.openid_metadata_url,
    )


def mount_msteams(
    app: web.Application,
    runtime: Runtime,
    *,
    directory: MemberDirectory | None = None,
    credentials_factory: CredentialsFactory | None = None,
    observer: TurnObserver | None = None,
    retriever: Retriever | None = None,
    replies: ReplyQueue | None = None,
) -> MsTeamsSurface:
    assistant = None
    if retriever is not None:
        assistant = Assistant(build_assistant(runtime, retriever=retriever))
        app.on_shutdown.append(lambda _: assistant.close())
    interpreter = build_interpreter(runtime.settings)
    if interpreter is not None:
        app.on_shutdown.append(lambda _: interpreter.aclose())
    deps = bot_dependencies(runtime, assistant=assistant, interpreter=interpreter)
    bot = TicketFlowBot(deps, directory or TeamsMemberDirectory())
    adapter = create_adapter(
        transport_settings(runtime), credentials_factory=credentials_factory, replies=replies,
        before_waiting=set_aside,
    )
    adapter.on_turn_error = apologise_for_failed_turn
    receipts = SqlActivityReceipts(_single_statement_engine(runtime.engine))
    add_messages_route(app, MessagesEndpoint(
        adapter, bot, deduplicator=ReceiptDeduplicator(receipts), observer=observer,
        turn_scope=lambda: one_connection_per_turn(runtime.engine), before_waiting=set_aside,
    ))
    app.cleanup_ctx.append(ReceiptPurge(receipts).lifecycle())
    return MsTeamsSurface(bot=bot, adapter=adapter, deps=deps)


def _single_statement_engine(engine: AsyncEngine) -> AsyncEngine:
    """For work that needs no transaction: on PostgreSQL, no BEGIN/COMMIT round trips.

    A receipt is claimed with a single `INSERT … ON CONFLICT DO NOTHING`, atomic on its
    own; reads for cards and state see the same committed rows statement by statement as
    they would inside a READ COMMITTED transaction. An explicit transaction would only
    add two round trips to every turn. (SQLite keeps its transactions: there
    `BEGIN IMMEDIATE` is how writers queue.)
    """
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="AUTOCOMMIT")
    return engine

