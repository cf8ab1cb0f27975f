"""Wiring the Teams bot: stores, the bot itself, the adapter and `/api/messages`."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from datetime import datetime, timedelta

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.actions.interpreter import ModelInterpreter
from bot.assistant import Assistant
from bot.context import BotDependencies, BotOptions
from bot.delivery import note_committed
from bot.handler import TicketFlowBot
from bot.identity import MemberDirectory, TeamsMemberDirectory
from bot.card_contents import CardContents
from bot.state_storage import StateStorage
from bot.transport.adapter import (
    CredentialsFactory,
    TeamsAdapter,
    apologise_for_failed_turn,
    create_adapter,
)
from bot.transport.dedupe import Receipt, ReceiptState, RecordedAnswer, delivery_key
from bot.transport.endpoint import MessagesEndpoint, add_messages_route
from bot.transport.observer import TurnObserver
from bot.transport.settings import TransportSettings
from db.connections import one_connection_per_turn, set_aside
from db.repositories.activity_receipts import SqlActivityReceipts, StoredReceipt
from db.repositories.bot_state import SqlStateDocuments
from db.repositories.conversation_refs import SqlConversationRefs
from db.repositories.refresh_audience import SqlRefreshAudience
from db.repositories.ticket_threads import SqlTicketThreads
from db.repositories.user_links import SqlUserLinks
from domain.clock import utcnow
from knowledge.llm import OpenAIToolModel
from knowledge.passages import Retriever
from notify.replies import ReplyQueue
from ticketflow.assistant import build_assistant
from ticketflow.background import alongside
from ticketflow.caches import CachedUserLinks, CoalescedConversationRefs
from ticketflow.notifications import webhook_check
from ticketflow.processes import Holder, is_gone, this_process
from ticketflow.housekeeping import housekeeping_for
from ticketflow.reachability import lost_the_database
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings

log = logging.getLogger("ticketflow.receipts")

ABANDONED_AFTER = timedelta(minutes=5)
"""A claim this old whose turn never answered belongs to a process that died elsewhere."""


class ReceiptDeduplicator:
    """Receipts (and invoke answers) in the database, shared by every process.

    A claim names the process running its turn. When that process died before answering
    (killed, out of memory), a resend takes the claim over and runs the turn: at once when
    the dead process ran on this host (a restarted service), otherwise once the claim is
    older than `abandoned_after`, longer than any turn runs.
    """

    def __init__(
        self, receipts: SqlActivityReceipts, *, holder: Holder | None = None,
        clock: Callable[[], datetime] = utcnow,
        abandoned_after: timedelta = ABANDONED_AFTER, every: float = 1.0,
    ) -> None:
        self._receipts = receipts
        self._finished: list[str] = []
        self._every = every
        self._holder = str(holder or this_process())
        self._clock = clock
        self._abandoned_after = abandoned_after

    async def claim(self, key: str, *, conversation_id: str | None) -> bool:
        if await self._receipts.claim(key, conversation_id, holder=self._holder):
            return True
        stored = await self._receipts.get(key)
        if stored is None:  # released meanwhile: the failed first delivery's resend
            return await self._receipts.claim(key, conversation_id, holder=self._holder)
        if self._abandoned(stored):
            return await self._receipts.take_over(key, seen=stored, holder=self._holder)
        return False

    async def record(self, key: str, answer: RecordedAnswer) -> None:
        await self._receipts.record_answer(key, status=answer.status, body=answer.body)

    def finished(self, key: str) -> None:
        self._finished.append(key)

    async def write_finished(self) -> None:
        """Marks the turns `finished` since the last call answered, in one statement."""
        keys, self._finished = self._finished, []
        if not keys:
            return
        try:
            await self._receipts.mark_answered(keys, status=200)
        except Exception:
            self._finished[:0] = keys  # the next round tries again
            raise

    def lifecycle(self) -> Callable[[web.Application], AsyncIterator[None]]:
        """For `app.cleanup_ctx`: writes finished turns every `every` seconds and at the end.

        Not in the turn: a message's turn spends no statement on it. A process killed within
        that interval leaves its last turns unmarked; a resend of one of those runs again.
        """

        return alongside(**{"receipt-marks": self._write_until})

    async def _write_until(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self._every)
            try:
                await self.write_finished()
            except Exception:
                log.exception("could not mark %d answered turns; retrying", len(self._finished))

    async def release(self, key: str) -> None:
        await self._receipts.release(key)

    async def receipt(self, key: str) -> Receipt:
        stored = await self._receipts.get(key)
        if stored is None or self._abandoned(stored):
            return Receipt(ReceiptState.RELEASED)
        if not stored.answered or stored.status is None:
            return Receipt(ReceiptState.RUNNING)
        return Receipt(ReceiptState.ANSWERED, RecordedAnswer(stored.status, stored.body))

    def _abandoned(self, stored: StoredReceipt) -> bool:
        if stored.answered or stored.received_at is None:
            return False
        if stored.received_at < self._clock() - self._abandoned_after:
            return True
        holder = Holder.parse(stored.holder) if stored.holder else None
        return holder is not None and is_gone(holder)


class ReceiptWelcomes:
    """A welcome is a receipt too: the first claim of the conversation's welcome key wins
    (one `INSERT … ON CONFLICT DO NOTHING`, so two copies of one announcement arriving at
    once greet once), and leaving deletes it. Receipts are kept a day
    (`RECEIPT_LIFETIME`); Teams' duplicate announcements come seconds apart."""

    def __init__(self, receipts: SqlActivityReceipts) -> None:
        self._receipts = receipts

    async def first(self, conversation_id: str) -> bool:
        key = _welcome_key(conversation_id)
        if not await self._receipts.claim(key, conversation_id):
            return False
        await self._receipts.mark_answered([key], status=200)
        return True

    async def forget(self, conversation_ids: Iterable[str]) -> None:
        for conversation_id in conversation_ids:
            await self._receipts.release(_welcome_key(conversation_id))


def _welcome_key(conversation_id: str) -> str:
    """Apart from every delivery's key (`delivery_key(conversation, activity id)`)."""
    return delivery_key("welcome", conversation_id, "")


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
        uow=partial(runtime.uow, committed=note_committed),
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
        welcomes=ReceiptWelcomes(SqlActivityReceipts(single_statements)),
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
        connector_hosts=settings.connector_hosts,
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
        reader=CardContents(), before_waiting=set_aside,
    )
    adapter.on_turn_error = apologise_for_failed_turn
    receipts = SqlActivityReceipts(_single_statement_engine(runtime.engine))
    deduplicator = ReceiptDeduplicator(receipts)
    add_messages_route(app, MessagesEndpoint(
        adapter, bot, deduplicator=deduplicator, observer=observer,
        turn_scope=lambda: one_connection_per_turn(runtime.engine), before_waiting=set_aside,
        unavailable=lost_the_database,
    ))
    app.cleanup_ctx.append(housekeeping_for(runtime, receipts=receipts).lifecycle())
    app.cleanup_ctx.append(deduplicator.lifecycle())
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

