"""Arrays, JSON documents and server defaults read the same on both backends."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import (
    ai_chat_messages,
    bot_state,
    company_settings,
    email_templates,
    sessions,
    smtp_settings,
    tasks,
    teams_integration_settings,
    users,
)


async def _add_user(engine: AsyncEngine, user_id: str = "u-1") -> None:
    async with engine.begin() as connection:
        await connection.execute(users.insert().values(id=user_id))


async def test_array_columns_round_trip_lists(engine: AsyncEngine) -> None:
    await _add_user(engine)
    async with engine.begin() as connection:
        await connection.execute(
            tasks.insert(),
            [
                {
                    "ticket_number": "TKT-1",
                    "title": "a",
                    "category": "bug",
                    "created_by": "u-1",
                    "tags": ["printer", "floor 2", 'naïve, "quoted"'],
                },
                {
                    "ticket_number": "TKT-2",
                    "title": "b",
                    "category": "bug",
                    "created_by": "u-1",
                    "tags": [],
                },
                {
                    "ticket_number": "TKT-3",
                    "title": "c",
                    "category": "bug",
                    "created_by": "u-1",
                    "tags": None,
                },
            ],
        )
        await connection.execute(
            ai_chat_messages.insert().values(
                user_id="u-1",
                session_id="s",
                role="assistant",
                content="x",
                related_document_ids=(3, 1, 2),
            )
        )

    async with engine.connect() as connection:
        tags = (await connection.execute(select(tasks.c.tags).order_by(tasks.c.id))).scalars().all()
        documents = await connection.scalar(select(ai_chat_messages.c.related_document_ids))

    assert tags == [["printer", "floor 2", 'naïve, "quoted"'], [], None]
    assert documents == [3, 1, 2]


async def test_an_array_column_defaults_to_an_empty_list(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        await connection.execute(
            email_templates.insert().values(name="welcome", subject="Hi", body="…")
        )
        variables = await connection.scalar(select(email_templates.c.variables))

    assert variables == []


async def test_includes_finds_the_rows_whose_list_holds_an_item(engine: AsyncEngine) -> None:
    for user_id, types in [
        ("u-1", ["ticket_created"]),
        ("u-2", ["ticket_assigned", "ticket_created"]),
        ("u-3", ["ticket_assigned"]),
        ("u-4", None),
    ]:
        await _add_user(engine, user_id)
        async with engine.begin() as connection:
            await connection.execute(
                teams_integration_settings.insert().values(
                    user_id=user_id, notification_types=types
                )
            )

    async with engine.connect() as connection:
        subscribed = await connection.scalars(
            select(teams_integration_settings.c.user_id)
            .where(teams_integration_settings.c.notification_types.includes("ticket_created"))
            .order_by(teams_integration_settings.c.user_id)
        )

        assert subscribed.all() == ["u-1", "u-2"]


async def test_json_documents_round_trip(engine: AsyncEngine) -> None:
    document = {"dialog_stack": [{"id": "create_ticket", "state": {"title": "Printer"}}], "n": 1.5}
    async with engine.begin() as connection:
        await connection.execute(
            bot_state.insert().values(key="conv/1", document=document, e_tag="1")
        )
        await connection.execute(
            sessions.insert().values(
                sid="s", sess={"passport": {"user": "u-1"}}, expire=datetime(2030, 1, 1)
            )
        )

    async with engine.connect() as connection:
        assert await connection.scalar(select(bot_state.c.document)) == document
        assert await connection.scalar(select(sessions.c.sess)) == {"passport": {"user": "u-1"}}


async def test_a_bare_insert_gets_ticketflows_defaults(engine: AsyncEngine) -> None:
    await _add_user(engine)
    async with engine.begin() as connection:
        await connection.execute(
            tasks.insert().values(ticket_number="T", title="t", category="bug", created_by="u-1")
        )
        await connection.execute(company_settings.insert())
        await connection.execute(smtp_settings.insert().values(from_email="desk@example.com"))
        user = (await connection.execute(select(users))).one()
        task = (await connection.execute(select(tasks))).one()
        settings = (await connection.execute(select(company_settings))).one()
        smtp = (await connection.execute(select(smtp_settings))).one()

    assert (user.role, user.is_active, user.is_approved) == ("user", True, False)
    assert (task.status, task.priority, task.severity, task.assignee_type) == (
        "open",
        "medium",
        "normal",
        "user",
    )
    assert (settings.company_name, settings.primary_color, settings.ticket_prefix) == (
        "TicketFlow",
        "#3b82f6",
        "TKT",
    )
    assert (smtp.port, smtp.from_name, smtp.encryption, smtp.is_active) == (
        587,
        "TicketFlow",
        "tls",
        True,
    )


async def test_timestamps_default_to_the_current_utc_time_without_a_zone(
    engine: AsyncEngine,
) -> None:
    await _add_user(engine)

    async with engine.connect() as connection:
        created_at = await connection.scalar(select(users.c.created_at))

    assert created_at is not None and created_at.tzinfo is None
    assert abs(created_at - datetime.now(UTC).replace(tzinfo=None)) < timedelta(minutes=5)


async def test_a_string_given_for_an_array_is_refused_rather_than_split(
    engine: AsyncEngine,
) -> None:
    await _add_user(engine)

    with pytest.raises(StatementError, match="not the string 'urgent'"):
        async with engine.begin() as connection:
            await connection.execute(
                tasks.insert().values(
                    ticket_number="T", title="t", category="bug", created_by="u-1", tags="urgent"
                )
            )
