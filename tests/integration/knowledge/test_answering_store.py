"""`ai_chat_messages` and `help_answer_feedback` behind `ChatStore` (`uow.chat`), on the
real database."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import ai_chat_messages
from db.tables.knowledge import help_answer_feedback
from db.uow import SqlUnitOfWork
from domain.ports import ReadOnlyWork
from knowledge.conversation import AnswerNotFound, Exchange, HelpStatistics, RecordedExchange
from tests.integration.builders import insert_user

T0 = datetime(2026, 3, 2, 9, 0, 0)


class Committed:
    """The chat store as use cases drive it: each call in a unit of work of its own,
    writes committed, reads in one opened for reading."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def record_exchange(
        self, *, user_id: str, session_id: str, question: str, answer: str,
        document_ids: Sequence[int], asked_at: datetime, answered_at: datetime,
    ) -> RecordedExchange:
        async with SqlUnitOfWork(self._engine) as uow:
            recorded = await uow.chat.record_exchange(
                user_id=user_id, session_id=session_id, question=question, answer=answer,
                document_ids=document_ids, asked_at=asked_at, answered_at=answered_at,
            )
            await uow.commit()
        return recorded

    async def record_feedback(
        self, *, message_id: int, user_id: str, helpful: bool, at: datetime
    ) -> None:
        async with SqlUnitOfWork(self._engine) as uow:
            await uow.chat.record_feedback(
                message_id=message_id, user_id=user_id, helpful=helpful, at=at
            )
            await uow.commit()

    async def last_exchange(self, *, session_id: str, user_id: str) -> Exchange | None:
        async with SqlUnitOfWork(self._engine).reading() as uow:
            return await uow.chat.last_exchange(session_id=session_id, user_id=user_id)

    async def exchange(self, answer_id: int) -> Exchange | None:
        async with SqlUnitOfWork(self._engine).reading() as uow:
            return await uow.chat.exchange(answer_id)

    async def statistics(self, *, since: datetime | None, top: int) -> HelpStatistics:
        async with SqlUnitOfWork(self._engine).reading() as uow:
            return await uow.chat.statistics(since=since, top=top)


@pytest.fixture
def store(engine: AsyncEngine) -> Committed:
    return Committed(engine)


async def record(
    store: Committed, user: str, question: str, *, session: str = "s1",
    documents: tuple[int, ...] = (3,), at: datetime = T0,
) -> int:
    recorded = await store.record_exchange(
        user_id=user, session_id=session, question=question, answer=f"answer to {question}",
        document_ids=documents, asked_at=at, answered_at=at + timedelta(seconds=2),
    )
    return recorded.answer_id


async def test_an_exchange_is_two_rows_as_the_web_app_reads_them(
    store: Committed, engine: AsyncEngine
) -> None:
    user = await insert_user(engine)

    recorded = await store.record_exchange(
        user_id=user, session_id="msteams-abc", question="vpn drops?", answer="Tick TLS [1].",
        document_ids=[3, 5], asked_at=T0, answered_at=T0 + timedelta(seconds=3),
    )

    async with engine.connect() as connection:
        rows = (await connection.execute(
            select(ai_chat_messages).order_by(ai_chat_messages.c.id))).mappings().all()
    assert [(r["id"], r["user_id"], r["session_id"], r["role"], r["content"],
             r["related_document_ids"], r["created_at"]) for r in rows] == [
        (recorded.question_id, user, "msteams-abc", "user", "vpn drops?", None, T0),
        (recorded.answer_id, user, "msteams-abc", "assistant", "Tick TLS [1].", [3, 5],
         T0 + timedelta(seconds=3)),
    ]


async def test_the_last_exchange_is_the_sessions_latest_for_that_person(
    store: Committed, engine: AsyncEngine
) -> None:
    ada, bob = await insert_user(engine), await insert_user(engine)
    await record(store, ada, "first")
    await record(store, bob, "bob's", session="s1")
    await record(store, ada, "elsewhere", session="s2")
    latest = await record(store, ada, "second")

    found = await store.last_exchange(session_id="s1", user_id=ada)

    assert found is not None
    assert (found.answer_id, found.question, found.answer) == (latest, "second", "answer to second")
    assert await store.last_exchange(session_id="s3", user_id=ada) is None


async def test_an_answer_is_paired_with_the_question_before_it_in_its_own_session(
    store: Committed, engine: AsyncEngine
) -> None:
    user = await insert_user(engine)
    first = await record(store, user, "one", session="a")
    await record(store, user, "two", session="b")  # interleaved, as concurrent chats are

    exchange = await store.exchange(first)

    assert exchange is not None
    assert (exchange.session_id, exchange.user_id, exchange.question, exchange.document_ids) == (
        "a", user, "one", (3,))
    assert exchange.answered_at == T0 + timedelta(seconds=2)
    assert await store.exchange(exchange.question_id) is None  # a question is not an answer
    assert await store.exchange(10_000) is None


async def test_feedback_is_one_verdict_per_person_and_answer(
    store: Committed, engine: AsyncEngine
) -> None:
    ada, bob = await insert_user(engine), await insert_user(engine)
    answer = await record(store, ada, "vpn drops?")

    await store.record_feedback(message_id=answer, user_id=ada, helpful=True, at=T0)
    await store.record_feedback(message_id=answer, user_id=ada, helpful=False, at=T0)
    await store.record_feedback(message_id=answer, user_id=bob, helpful=True, at=T0)

    async with engine.connect() as connection:
        rows = (await connection.execute(
            select(help_answer_feedback.c.user_id, help_answer_feedback.c.helpful)
            .order_by(help_answer_feedback.c.id))).all()
    assert sorted(rows) == sorted([(ada, False), (bob, True)])


async def test_feedback_on_something_that_is_not_an_answer_is_refused(
    store: Committed, engine: AsyncEngine
) -> None:
    user = await insert_user(engine)
    answer = await record(store, user, "vpn drops?")

    with pytest.raises(AnswerNotFound):
        await store.record_feedback(message_id=answer - 1, user_id=user, helpful=True, at=T0)
    with pytest.raises(AnswerNotFound):
        await store.record_feedback(message_id=99_999, user_id=user, helpful=True, at=T0)


async def test_statistics_rank_the_questions_most_often_unanswered_or_unhelpful(
    store: Committed, engine: AsyncEngine
) -> None:
    user = await insert_user(engine)
    await record(store, user, "How do I get a parking permit?", documents=())
    await record(store, user, "how do i get a parking permit", documents=())
    await record(store, user, "what's on the canteen menu", documents=())
    helped = await record(store, user, "vpn drops")
    unhelpful = await record(store, user, "printer jams")
    await record(store, user, "very old question", documents=(), at=T0 - timedelta(days=90))
    await store.record_feedback(message_id=helped, user_id=user, helpful=True, at=T0)
    await store.record_feedback(message_id=unhelpful, user_id=user, helpful=False, at=T0)

    stats = await store.statistics(since=T0 - timedelta(days=30), top=2)

    assert (stats.questions, stats.answered, stats.unanswered) == (5, 2, 3)
    assert (stats.helpful, stats.not_helpful) == (1, 1)
    assert [(t.question, t.asked, t.unanswered, t.not_helpful) for t in stats.most_unanswered] == [
        ("How do I get a parking permit?", 2, 2, 0),
        ("printer jams", 1, 0, 1),
    ]
    everything = await store.statistics(since=None, top=10)
    assert everything.questions == 6
    assert "very old question" in [t.question for t in everything.most_unanswered]


async def test_an_exchange_not_committed_is_not_stored_and_reading_work_refuses_one(
    engine: AsyncEngine,
) -> None:
    user = await insert_user(engine)

    async def record_in(uow: SqlUnitOfWork) -> None:
        await uow.chat.record_exchange(
            user_id=user, session_id="s1", question="vpn drops?", answer="Tick TLS.",
            document_ids=[3], asked_at=T0, answered_at=T0,
        )

    async with SqlUnitOfWork(engine) as uow:
        await record_in(uow)
    with pytest.raises(ReadOnlyWork):
        async with SqlUnitOfWork(engine).reading() as reading:
            await record_in(reading)

    async with engine.connect() as connection:
        assert (await connection.execute(select(ai_chat_messages))).all() == []
