"""The card's bounded reads of a ticket's comments and history, on both databases."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_comments, task_history
from db.uow import SqlUnitOfWork
from tests.integration.builders import insert_ticket, insert_user

T0 = datetime(2026, 12, 1, 9, 0)


async def test_the_latest_comments_come_oldest_first_with_the_whole_count(
    engine: AsyncEngine,
) -> None:
    author = await insert_user(engine)
    ticket = await insert_ticket(engine, created_by=author)
    other = await insert_ticket(engine, created_by=author)
    async with engine.begin() as connection:
        for n in range(7):
            await connection.execute(task_comments.insert().values(
                task_id=ticket, user_id=author, content=f"comment {n}",
                created_at=T0 + timedelta(minutes=n)))
        await connection.execute(task_comments.insert().values(
            task_id=other, user_id=author, content="elsewhere", created_at=T0))

    async with SqlUnitOfWork(engine).reading() as uow:
        latest, count = await uow.comments.latest(ticket, 3)
        none, nothing = await uow.comments.latest(await insert_ticket(engine, created_by=author), 3)

    assert [c.content for c in latest] == ["comment 4", "comment 5", "comment 6"]
    assert count == 7
    assert (none, nothing) == ([], 0)


async def test_the_latest_changes_leave_out_hidden_fields_before_counting(
    engine: AsyncEngine,
) -> None:
    author = await insert_user(engine)
    ticket = await insert_ticket(engine, created_by=author)
    rows = [("status", "open", "in_progress")]
    rows += [(name, None, f"note {n}") for n, name in enumerate(["notes", " Notes ", "NOTES"] * 4)]
    rows += [(None, None, None)]  # a row about the whole ticket ("created")
    async with engine.begin() as connection:
        for n, (field, old, new) in enumerate(rows):
            await connection.execute(task_history.insert().values(
                task_id=ticket, user_id=author, action="updated", field=field, old_value=old,
                new_value=new, created_at=T0 + timedelta(minutes=n)))

    async with SqlUnitOfWork(engine).reading() as uow:
        staff = await uow.history.latest(ticket, 3)
        customer = await uow.history.latest(ticket, 3, hiding=frozenset({"notes"}))

    assert [(e.field, e.new_value) for e in staff] == [
        (None, None), ("NOTES", "note 11"), (" Notes ", "note 10")]
    # Twelve hidden rows are newer than the status change; it still shows.
    assert [(e.field, e.new_value) for e in customer] == [
        (None, None), ("status", "in_progress")]
