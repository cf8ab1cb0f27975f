"""PostgreSQL lost under the running service (a restart, a network cut): clear 503s
meanwhile, nothing lost, and service again once it is back, without a restart."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import notification_outbox, task_history, tasks
from tests.e2e.service import Service, data, file_ticket, running_service, texts_in
from tests.e2e.teams_doubles.activities import TeamsActivities
from tests.e2e.teams_doubles.connector import ConnectorStandIn
from tests.e2e.teams_doubles.fixtures import BOT
from tests.integration.builders import insert_user
from tests.waiting import eventually

pytestmark = pytest.mark.postgres_only


class CuttableLink:
    """A TCP relay on loopback to the database that the test can cut and restore."""

    def __init__(self, host: str, port: int) -> None:
        self._target = (host, port)
        self._open: set[asyncio.StreamWriter] = set()
        self.cut_off = False
        self.port = 0

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        self.cut()
        self._server.close()
        await self._server.wait_closed()

    def cut(self) -> None:
        self.cut_off = True
        for writer in list(self._open):
            writer.transport.abort()
        self._open.clear()

    def restore(self) -> None:
        self.cut_off = False

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.cut_off:
            writer.transport.abort()
            return
        upstream_reader, upstream = await asyncio.open_connection(*self._target)
        self._open.update((writer, upstream))
        await asyncio.gather(self._pipe(reader, upstream), self._pipe(upstream_reader, writer))

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.transport.abort()
            self._open.discard(writer)


async def test_the_service_answers_503_while_postgresql_is_cut_off_and_recovers_by_itself(
    engine: AsyncEngine, database_url: str
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    async with _served_through_a_cuttable_link(database_url) as (link, teams, service):
        ada = service.person("ada@example.com", "Ada Lovelace")
        assert (await service.say("help", user=ada)).sent

        link.cut()
        await _answers_while_cut_off(service)
        message = teams.personal_message("help", user=ada)
        during = await service.send(message)
        assert (during.answer.status, during.answer.json["error"]) == (
            503, "storage_unavailable")
        assert during.sent == []

        link.restore()

        async def resent() -> bool:  # Teams resends what got a 5xx
            return bool((await service.send(message)).sent)

        await eventually(resent, what="the resent message answered", seconds=30,
                         every=0.2)
        again = await service.send(message)
        assert (again.answer.status, again.sent) == (200, [])
        async with service.session.get(f"{service.base_url}/readyz") as ready:
            assert ready.status == 200


@asynccontextmanager
async def _served_through_a_cuttable_link(
    database_url: str,
) -> AsyncIterator[tuple[CuttableLink, TeamsActivities, Service]]:
    """The service, reaching PostgreSQL through a link the test can cut and restore."""
    url = make_url(database_url)
    link = CuttableLink(url.host or "127.0.0.1", url.port or 5432)
    await link.start()
    proxied = url.set(host="127.0.0.1", port=link.port).render_as_string(hide_password=False)
    try:
        async with ConnectorStandIn() as connector:
            teams = TeamsActivities(service_url=connector.service_url, bot=BOT)
            async with running_service(proxied, connector, teams) as service:
                yield link, teams, service
    finally:
        await link.stop()


async def _answers_while_cut_off(service: Service) -> None:
    async with service.session.get(f"{service.base_url}/readyz") as ready:
        assert ready.status == 503
    async with service.session.get(
        f"{service.base_url}/api/v1/tickets", headers={"Authorization": "Bearer tfk_" + "k" * 43}
    ) as listed:
        assert listed.status == 503
        assert listed.headers["Retry-After"] == "5"
        assert (await listed.json())["error"] == "database_unavailable"


async def test_a_card_press_cut_off_from_postgresql_is_a_503_and_its_resend_changes_the_ticket_once(
    engine: AsyncEngine, database_url: str
) -> None:
    """The press, its history row and the requester's notification are one transaction: cut
    off, none is written and Teams is told to come back; the resend writes all three once."""
    ada_id = await insert_user(engine, role="user", email="ada@example.com")
    await insert_user(engine, role="admin", email="bob@example.com")
    ticket = await file_ticket(engine, ada_id)
    async with _served_through_a_cuttable_link(database_url) as (link, teams, service):
        ada = service.person("ada@example.com", "Ada Lovelace")
        await service.say("help", user=ada)  # the bot can reach her in personal chat
        bob = service.person("bob@example.com", "Bob Byte")
        card = (await service.say(ticket.ticket_number, user=bob)).card
        press = teams.card_action("ticket.status", data(card, "ticket.status"), user=bob)
        before = await _written(engine)

        link.cut()
        during = await service.post(press)
        assert (during.status, during.json["error"]) == (503, "storage_unavailable")
        assert await _written(engine) == before
        link.restore()

        async def resent() -> bool:  # Teams resends what got a 5xx
            answer = await service.post(press)
            return answer.status == 200
        await eventually(resent, what="the resent press answered", seconds=30,
                         every=0.2)
        again = await service.post(press)
        assert "is now in progress" in texts_in(again.json["value"])
    after = await _written(engine)
    assert after["status"] == "in_progress"
    assert (after["history"], after["outbox"]) == (before["history"] + 1, before["outbox"] + 1)


async def _written(engine: AsyncEngine) -> dict[str, object]:
    async with engine.connect() as connection:
        return {
            "status": (await connection.execute(select(tasks.c.status))).scalar_one(),
            "history": (await connection.execute(
                select(func.count()).select_from(task_history))).scalar_one(),
            "outbox": (await connection.execute(
                select(func.count()).select_from(notification_outbox))).scalar_one(),
        }
