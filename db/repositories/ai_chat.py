"""`ai_chat_messages` and `help_answer_feedback` as `knowledge.conversation.ChatStore`.

The web app writes `ai_chat_messages` too, so a question is paired with its
answer the way any reader would pair them: the question is the latest user
message of the same session before the answer. It works on the connection of the
unit of work it belongs to (`uow.chat`); the unit of work commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import RowMapping, Select, false, func, select, true
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tables import ai_chat_messages as messages
from db.tables.knowledge import help_answer_feedback as feedback
from db.tables.knowledge import help_exchanges as records
from db.upserts import insert_into
from knowledge.conversation import (
    AnswerNotFound,
    ChatRole,
    Exchange,
    HelpStatistics,
    QuestionTally,
    RecordedExchange,
    leaked,
    question_key,
)

SERIAL_MAX = 2**31 - 1  # `id serial`: a bigger id cannot exist, and the database would refuse it


class SqlChatStore:
    def __init__(self, connection: AsyncConnection) -> None:
        self._connection = connection

    async def last_exchange(self, *, session_id: str, user_id: str) -> Exchange | None:
        latest = (
            select(messages.c.id)
            .where(
                messages.c.session_id == session_id,
                messages.c.user_id == user_id,
                messages.c.role == ChatRole.ASSISTANT.value,
            )
            .order_by(messages.c.id.desc())
            .limit(1)
        )
        answer_id = await self._connection.scalar(latest)
        return await _exchange(self._connection, answer_id) if answer_id is not None else None

    async def record_exchange(
        self,
        *,
        user_id: str,
        session_id: str,
        question: str,
        answer: str,
        document_ids: Sequence[int],
        asked_at: datetime,
        answered_at: datetime,
        follow_up: bool = False,
        topic: str = "",
    ) -> RecordedExchange:
        connection = self._connection
        question_id = await _insert(
            connection, user_id=user_id, session_id=session_id, role=ChatRole.USER,
            content=question, document_ids=None, at=asked_at,
        )
        answer_id = await _insert(
            connection, user_id=user_id, session_id=session_id, role=ChatRole.ASSISTANT,
            content=answer, document_ids=list(document_ids), at=answered_at,
        )
        await connection.execute(records.insert().values(
            answer_id=answer_id, follow_up=follow_up, topic=topic or question,
        ))
        return RecordedExchange(question_id=question_id, answer_id=answer_id)

    async def latest_session(self, *, user_id: str, prefix: str) -> str | None:
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        found = await self._connection.scalar(
            select(messages.c.session_id)
            .where(
                messages.c.user_id == user_id,
                messages.c.role == ChatRole.ASSISTANT.value,
                messages.c.session_id.like(f"{escaped}%", escape="\\"),
            )
            .order_by(messages.c.id.desc())
            .limit(1)
        )
        return str(found) if found is not None else None

    async def exchange(self, answer_id: int) -> Exchange | None:
        return await _exchange(self._connection, answer_id)

    async def record_feedback(
        self, *, message_id: int, user_id: str, helpful: bool, at: datetime
    ) -> None:
        connection = self._connection
        role = await connection.scalar(select(messages.c.role).where(messages.c.id == message_id))
        if role != ChatRole.ASSISTANT.value:
            raise AnswerNotFound(message_id)
        insert = insert_into(feedback, connection.dialect.name).values(
            message_id=message_id, user_id=user_id, helpful=helpful, created_at=at
        )
        await connection.execute(
            insert.on_conflict_do_update(
                index_elements=[feedback.c.message_id, feedback.c.user_id],
                set_={"helpful": insert.excluded.helpful,
                      "created_at": insert.excluded.created_at},
            )
        )

    async def statistics(self, *, since: datetime | None, top: int) -> HelpStatistics:
        rows = (await self._connection.execute(_answers_query(since))).mappings().all()
        tallies: dict[str, list[int]] = {}
        wording: dict[str, str] = {}
        answered = helpful = not_helpful = follow_ups = carried_over = 0
        before: dict[str, RowMapping] = {}  # per session, the answer before (rows by id)
        for row in rows:
            previous = before.get(row["session_id"])
            before[row["session_id"]] = row
            question = row["question"] or ""
            leak = row["follow_up"] is None and previous is not None and leaked(
                question=question,
                document_ids=row["related_document_ids"] or (),
                previous_document_ids=previous["related_document_ids"],
                gap=_gap(previous["created_at"], row["created_at"]),
            )
            has_sources = bool(row["related_document_ids"]) and not leak
            answered += has_sources
            carried_over += leak
            follow_ups += bool(row["follow_up"])
            helpful += row["helpful"]
            not_helpful += row["not_helpful"]
            key = question_key(question)
            wording.setdefault(key, question)
            tally = tallies.setdefault(key, [0, 0, 0])
            tally[0] += 1
            tally[1] += 0 if has_sources else 1
            tally[2] += 1 if row["not_helpful"] else 0
        worst = sorted(
            ((key, counts) for key, counts in tallies.items() if counts[1] or counts[2]),
            key=lambda item: (-(item[1][1] + item[1][2]), -item[1][0], item[0]),
        )
        return HelpStatistics(
            questions=len(rows),
            answered=answered,
            helpful=helpful,
            not_helpful=not_helpful,
            most_unanswered=tuple(
                QuestionTally(wording[key], asked, unanswered, unhelpful)
                for key, (asked, unanswered, unhelpful) in worst[:top]
            ),
            follow_ups=follow_ups,
            leaked=carried_over,
        )


def _gap(earlier: datetime | None, later: datetime | None) -> timedelta | None:
    return later - earlier if earlier is not None and later is not None else None


async def _insert(
    connection: AsyncConnection,
    *,
    user_id: str,
    session_id: str,
    role: ChatRole,
    content: str,
    document_ids: list[int] | None,
    at: datetime,
) -> int:
    result = await connection.execute(
        messages.insert()
        .values(
            user_id=user_id, session_id=session_id, role=role.value, content=content,
            related_document_ids=document_ids, created_at=at,
        )
        .returning(messages.c.id)
    )
    return int(result.scalar_one())


async def _exchange(connection: AsyncConnection, answer_id: int) -> Exchange | None:
    if not 0 < answer_id <= SERIAL_MAX:  # a card's data comes back as any number
        return None
    answer = (
        await connection.execute(
            select(messages, records.c.follow_up, records.c.topic)
            .select_from(messages.outerjoin(records, records.c.answer_id == messages.c.id))
            .where(messages.c.id == answer_id, messages.c.role == ChatRole.ASSISTANT.value)
        )
    ).mappings().first()
    if answer is None:
        return None
    question = (
        await connection.execute(_question_before(answer))
    ).mappings().first()
    return _exchange_of(answer, question)


def _question_before(answer: RowMapping) -> Select[Any]:
    return (
        select(messages.c.id, messages.c.content)
        .where(
            messages.c.session_id == answer["session_id"],
            messages.c.role == ChatRole.USER.value,
            messages.c.id < answer["id"],
        )
        .order_by(messages.c.id.desc())
        .limit(1)
    )


def _exchange_of(answer: RowMapping, question: RowMapping | None) -> Exchange:
    return Exchange(
        session_id=answer["session_id"],
        user_id=answer["user_id"],
        question_id=question["id"] if question else 0,
        question=question["content"] if question else "",
        answer_id=answer["id"],
        answer=answer["content"],
        document_ids=tuple(answer["related_document_ids"] or ()),
        answered_at=answer["created_at"],
        follow_up=bool(answer["follow_up"]),
        topic=answer["topic"] or "",
    )


def _answers_query(since: datetime | None) -> Select[Any]:
    asked = messages.alias("asked")
    question = (
        select(asked.c.content)
        .where(
            asked.c.session_id == messages.c.session_id,
            asked.c.role == ChatRole.USER.value,
            asked.c.id < messages.c.id,
        )
        .order_by(asked.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )

    def verdicts(value: Any) -> Any:
        return (
            select(func.count())
            .select_from(feedback)
            .where(feedback.c.message_id == messages.c.id, feedback.c.helpful.is_(value))
            .scalar_subquery()
        )

    query = (
        select(
            messages.c.id,
            messages.c.session_id,
            messages.c.created_at,
            messages.c.related_document_ids,
            records.c.follow_up,
            question.label("question"),
            verdicts(true()).label("helpful"),
            verdicts(false()).label("not_helpful"),
        )
        .select_from(messages.outerjoin(records, records.c.answer_id == messages.c.id))
        .where(messages.c.role == ChatRole.ASSISTANT.value)
    )
    if since is not None:
        query = query.where(messages.c.created_at >= since)
    return query.order_by(messages.c.id)
