"""A message whose changes fail part-way ("close 4 and 5", and the database refuses the
change to 5): the change already made to 4 stands, and the apology says so. Before, it said
"nothing was changed" though 4 was closed and its requester told. Teams' resend then makes
the rest without making the first change again or telling the requester twice. A failure
before any change is still told as nothing changed."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import notification_outbox, task_history, tasks
from tests.e2e.service import Service, a_ticket, person_in_teams, settled

NOTHING_CHANGED = "Sorry, something went wrong on my side and nothing was changed. Please try again."


class Refusals:
    """A trigger that fails a statement as a broken constraint would: a real database error
    in the middle of a turn."""

    def __init__(self, engine: AsyncEngine, backend: str) -> None:
        self.engine, self.backend = engine, backend

    async def refuse(self, table: str, when: str) -> None:
        operation = "UPDATE" if table == "tasks" else "INSERT"
        async with self.engine.begin() as connection:
            if self.backend == "sqlite":
                await connection.execute(text(
                    f"CREATE TRIGGER refuse_one BEFORE {operation} ON {table} WHEN {when} "
                    "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"))
                return
            when = when.replace(" IS NOT OLD.", " IS DISTINCT FROM OLD.")
            await connection.execute(text(
                "CREATE FUNCTION refuse_one() RETURNS trigger AS $$ BEGIN "
                f"IF {when} THEN RAISE EXCEPTION 'refused by the test'; END IF; "
                "RETURN NEW; END $$ LANGUAGE plpgsql"))
            await connection.execute(text(
                f"CREATE TRIGGER refuse_one BEFORE {operation} ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION refuse_one()"))

    async def allow(self) -> None:
        async with self.engine.begin() as connection:
            if self.backend == "sqlite":
                await connection.execute(text("DROP TRIGGER IF EXISTS refuse_one"))
                return
            for table in ("tasks", "task_comments"):
                await connection.execute(text(f"DROP TRIGGER IF EXISTS refuse_one ON {table}"))
            await connection.execute(text("DROP FUNCTION IF EXISTS refuse_one()"))


@pytest_asyncio.fixture
async def refusals(engine: AsyncEngine, backend: str) -> AsyncIterator[Refusals]:
    refusals = Refusals(engine, backend)
    yield refusals
    await refusals.allow()


async def _written(engine: AsyncEngine) -> tuple[Counter[tuple[int, str]], Counter[tuple[str, int]]]:
    """History rows per (ticket, field), and notifications per (event, ticket)."""
    async with engine.connect() as connection:
        history = Counter((task, field) for task, field in await connection.execute(
            select(task_history.c.task_id, task_history.c.field)))
        told = Counter((event, ticket) for event, ticket in await connection.execute(
            select(notification_outbox.c.event_type, notification_outbox.c.ticket_id)))
    return history, told


def _short(number: str) -> str:
    return str(int(number.rsplit("-", 1)[1]))


# What Mia says, the table refused and when (ticket ids {a} and {b}: {a} is changed first),
# and whether Ada, the requester, is told of the change (of a status or a comment).
PART_WAY = [
    ("close {a} and {b}", "tasks", "NEW.id = {b}", True),
    ("close {a} and {b}, the vendor fixed both", "tasks", "NEW.id = {b}", True),
    ("comment on {a} and {b}: vendor comes Tuesday", "task_comments", "NEW.task_id = {b}", True),
    ("assign {a} and {b} to me", "tasks", "NEW.id = {b}", False),
    ("make {a} urgent and assign it to me", "tasks",
     "NEW.id = {a} AND NEW.assignee_id IS NOT OLD.assignee_id", False),
]


@pytest.mark.parametrize(("said", "table", "refused", "tells"), PART_WAY)
async def test_a_message_failing_part_way_says_what_was_made_and_its_resend_makes_the_rest_once(
    service: Service, engine: AsyncEngine, refusals: Refusals, said: str, table: str,
    refused: str, tells: bool,
) -> None:
    ada_id, ada = await person_in_teams(service, engine, "Ada", "Agent")
    _, mia = await person_in_teams(service, engine, "Mia", "Admin", role="admin")
    for person in (ada, mia):
        await service.say("hi", user=person)
    first, second = await a_ticket(engine, ada_id), await a_ticket(engine, ada_id)
    async with engine.connect() as connection:
        ids = dict((await connection.execute(select(tasks.c.ticket_number, tasks.c.id))).all())
    await refusals.refuse(table, refused.format(a=ids[first], b=ids[second]))
    message = service.teams.personal_message(said.format(a=_short(first), b=_short(second)),
                                             user=mia)
    before, _ = await _written(engine)

    failed = await service.send(message)
    await settled(engine)
    made, told = await _written(engine)

    assert failed.answer.status == 500
    first_run = made - before
    assert first_run and {task for task, _ in first_run} == {ids[first]}, first_run
    assert bool(told) is tells, told
    assert NOTHING_CHANGED not in failed.texts
    apology = failed.texts[-1]
    assert apology.startswith("Sorry, something went wrong on my side"), failed.texts
    assert first in apology and second not in apology, apology

    await refusals.allow()
    resent = await service.send(message)
    await settled(engine)
    after, told_after = await _written(engine)

    assert resent.answer.status == 200, resent.answer.text
    assert all(after[key] == made[key] for key in first_run), (first_run, after)
    assert after - made, "the resend did not make the rest"
    assert {key: n for key, n in told_after.items() if key in told} == told
    assert all(n == 1 for n in told_after.values()), told_after


@pytest.mark.parametrize(("said", "table", "refused"), [
    ("close {b} and {a}", "tasks", "NEW.id = {b}"),
    ("close {b}", "tasks", "NEW.id = {b}"),
    ("comment on {b}: vendor comes Tuesday", "task_comments", "NEW.task_id = {b}"),
    ("make {b} urgent and assign it to me", "tasks", "NEW.id = {b}"),
])
async def test_a_message_failing_before_any_change_says_nothing_was_changed(
    service: Service, engine: AsyncEngine, refusals: Refusals, said: str, table: str,
    refused: str,
) -> None:
    ada_id, ada = await person_in_teams(service, engine, "Ada", "Agent")
    _, mia = await person_in_teams(service, engine, "Mia", "Admin", role="admin")
    await service.say("hi", user=mia)
    first, second = await a_ticket(engine, ada_id), await a_ticket(engine, ada_id)
    async with engine.connect() as connection:
        ids = dict((await connection.execute(select(tasks.c.ticket_number, tasks.c.id))).all())
    await refusals.refuse(table, refused.format(a=ids[first], b=ids[second]))
    before = await _written(engine)

    failed = await service.send(service.teams.personal_message(
        said.format(a=_short(first), b=_short(second)), user=mia))

    assert failed.answer.status == 500
    assert failed.texts == [NOTHING_CHANGED]
    assert await _written(engine) == before
