"""What /metrics reads from the database: the notification outbox and the connection pool."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.ext.asyncio import AsyncEngine

from db.engine import create_engine
from db.tables import notification_outbox
from domain.clock import utcnow
from tests.conftest import ScratchDatabase
from tests.integration.builders import insert_ticket, insert_user
from ticketflow.metrics import Metrics, build_metrics
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings


def samples(metrics: Metrics) -> dict[str, dict[tuple[tuple[str, str], ...], float]]:
    body, _ = metrics.exposition()
    found: dict[str, dict[tuple[tuple[str, str], ...], float]] = {}
    for family in text_string_to_metric_families(body.decode()):
        for sample in family.samples:
            found.setdefault(sample.name, {})[tuple(sorted(sample.labels.items()))] = sample.value
    return found


def metrics_for(engine: AsyncEngine, database_url: str) -> Metrics:
    return build_metrics(Runtime(settings=Settings(database_url=database_url), engine=engine))


async def add_rows(engine: AsyncEngine, *statuses: str, age: timedelta = timedelta()) -> None:
    user = await insert_user(engine)
    ticket = await insert_ticket(engine, created_by=user)
    now = utcnow()
    async with engine.begin() as connection:
        for n, status in enumerate(statuses):
            await connection.execute(notification_outbox.insert().values(
                delivery_id=f"d-{status}-{n}-{age.total_seconds()}", event_type="ticket_created",
                ticket_id=ticket, target_kind="webhook", target_key=f"k{n}", payload={},
                status=status, attempts=0, next_attempt_at=now, created_at=now - age,
            ))


async def test_the_outbox_is_reported_by_status_with_its_depth_and_oldest_wait(
    engine: AsyncEngine, database_url: str
) -> None:
    await add_rows(engine, "pending", "pending", "leased", "delivered", "dead")
    await add_rows(engine, "pending", age=timedelta(minutes=10))
    await add_rows(engine, "delivered", age=timedelta(hours=5))  # finished: not waiting
    metrics = metrics_for(engine, database_url)

    await metrics.refresh()
    found = samples(metrics)

    by_status = {dict(labels)["status"]: value
                 for labels, value in found["ticketflow_outbox_deliveries"].items()}
    assert by_status == {"pending": 3, "leased": 1, "delivered": 2, "dead": 1, "disabled": 0}
    assert found["ticketflow_outbox_depth"][()] == 4
    assert found["ticketflow_outbox_readable"][()] == 1
    oldest = found["ticketflow_outbox_oldest_unfinished_age_seconds"][()]
    assert 600 <= oldest < 600 + 120


async def test_an_empty_outbox_reports_zeros_and_no_oldest_wait(
    engine: AsyncEngine, database_url: str
) -> None:
    metrics = metrics_for(engine, database_url)
    await metrics.refresh()
    found = samples(metrics)
    assert found["ticketflow_outbox_depth"][()] == 0
    assert "ticketflow_outbox_oldest_unfinished_age_seconds" not in found


async def test_a_database_without_the_outbox_table_still_gives_a_scrape(
    scratch_database: ScratchDatabase, caplog: pytest.LogCaptureFixture
) -> None:
    url = await scratch_database(prefix="tfops_")  # never migrated: no tables at all
    engine = create_engine(url)
    try:
        metrics = metrics_for(engine, url)
        with caplog.at_level(logging.WARNING, logger="ticketflow.metrics"):
            await metrics.refresh()
        found = samples(metrics)
    finally:
        await engine.dispose()
    assert found["ticketflow_outbox_readable"][()] == 0
    assert "ticketflow_outbox_depth" not in found
    assert "ticketflow_turns_total" in found
    assert "could not read the notification outbox" in caplog.text


async def test_the_pool_shows_the_connections_in_use(
    engine: AsyncEngine, database_url: str
) -> None:
    metrics = metrics_for(engine, database_url)
    async with engine.connect():
        during = samples(metrics)
    after = samples(metrics)
    assert during["ticketflow_db_pool_checked_out"][()] == 1
    assert after["ticketflow_db_pool_checked_out"][()] == 0
    assert after["ticketflow_db_pool_idle"][()] >= 1
    assert after["ticketflow_db_pool_size"][()] >= 1
    (labels,) = samples(metrics)["ticketflow_build_info"]
    assert dict(labels)["backend"] == Settings(database_url=database_url).backend
    assert dict(labels)["version"]
