"""`ticketflow worker --once`, `outbox status` and `outbox retry`, run as the CLI runs them."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from notify.deliveries import DeliveryStatus
from tests.integration.builders import insert_user
from tests.integration.commands import run_command
from tests.integration.notify.conftest import (
    Receiver,
    UnitOfWorkFactory,
    file_a_bug,
    outbox_entries,
    statuses,
    subscribe,
)
from ticketflow.settings import Settings


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, allow_loopback_webhooks=True)


async def test_the_worker_command_delivers_and_status_tells_delivered_disabled_and_why(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    receiver: Receiver,
    settings: Settings,
    capsys: pytest.CaptureFixture[str],
) -> None:
    customer = await insert_user(engine, role="customer")
    for path in ("/ok", "/gone?sig=SECRET123"):
        await subscribe(engine, await insert_user(engine, role="admin"), url=receiver.url(path))
    await file_a_bug(uow_factory, customer)

    assert await run_command(settings, "worker", "--once") == 0
    assert await run_command(settings, "outbox", "status") == 0

    out = capsys.readouterr().out
    assert "handled 2 deliveries" in out
    assert "delivered  1" in out and "disabled   1" in out and "pending    0" in out
    assert "Disabled targets" in out and f"webhook {receiver.url('/gone?sig=…')}" in out
    assert "HTTP 410" in out and "SECRET123" not in out


async def test_retry_dead_requeues_dead_deliveries_with_fresh_attempts(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    receiver: Receiver,
    settings: Settings,
    capsys: pytest.CaptureFixture[str],
) -> None:
    customer = await insert_user(engine, role="customer")
    await subscribe(
        engine,
        await insert_user(engine, role="admin"),
        url=receiver.url("/ok").replace("http://127.0.0.1", "http://localhost"),
    )
    await file_a_bug(uow_factory, customer)
    strict = Settings(database_url=settings.database_url)  # production policy: loopback refused
    assert await run_command(strict, "worker", "--once") == 0
    assert await statuses(engine) == {DeliveryStatus.DEAD: 1}

    assert await run_command(settings, "outbox", "retry") == 0
    assert await statuses(engine) == {DeliveryStatus.DEAD: 1}
    assert await run_command(settings, "outbox", "retry", "--dead") == 0
    [entry] = await outbox_entries(engine)
    assert (entry.status, entry.attempts) == (DeliveryStatus.PENDING, 0)
    assert await run_command(settings, "worker", "--once") == 0

    assert await statuses(engine) == {DeliveryStatus.DELIVERED: 1}
    out = capsys.readouterr().out
    assert "0 deliveries are due now" in out and "1 deliveries are due now" in out


async def test_purge_removes_only_finished_deliveries_older_than_asked(
    engine: AsyncEngine,
    uow_factory: UnitOfWorkFactory,
    receiver: Receiver,
    settings: Settings,
    capsys: pytest.CaptureFixture[str],
) -> None:
    customer = await insert_user(engine, role="customer")
    await subscribe(engine, await insert_user(engine, role="admin"), url=receiver.url("/ok"))
    await file_a_bug(uow_factory, customer, "old")
    assert await run_command(settings, "worker", "--once") == 0
    await file_a_bug(uow_factory, customer, "new")

    assert await run_command(settings, "outbox", "purge", "--older-than", "1") == 0
    assert await statuses(engine) == {DeliveryStatus.DELIVERED: 1, DeliveryStatus.PENDING: 1}
    assert await run_command(settings, "outbox", "purge", "--older-than", "0") == 0
    assert await statuses(engine) == {DeliveryStatus.PENDING: 1}  # undelivered is kept
    assert "removed 1 finished deliveries" in capsys.readouterr().out
