"""`ticketflow serve` lets go of a connection whose request head does not arrive in time
(slowloris), as a real process on a real socket."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import aiohttp
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.served import free_port, serving, until_ready

IDLE_TIMEOUT = {"TICKETFLOW_IDLE_TIMEOUT": "1"}
SAFETY_NET = 60.0
"""Far past the timeout: reaching it means the server never hung up."""


async def _drip_a_head_that_never_ends(writer: asyncio.StreamWriter) -> None:
    writer.write(b"POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    for n in itertools.count():
        for byte in f"X-Slow-{n % 100}: a\r\n".encode():
            writer.write(bytes([byte]))
            await writer.drain()
            await asyncio.sleep(0.1)


@dataclass(frozen=True)
class _Socket:
    """A plain connection to the server, and a session for ordinary requests to it."""

    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    session: aiohttp.ClientSession
    base_url: str


@asynccontextmanager
async def _socket_to_the_server(database_url: str) -> AsyncIterator[_Socket]:
    """`ticketflow serve` with a 1 s idle timeout, ready, and a socket open to it."""
    port = free_port()
    with serving(database_url, port, settings=IDLE_TIMEOUT) as process:
        async with aiohttp.ClientSession() as session:
            await until_ready(session, port, process)
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            try:
                yield _Socket(reader, writer, session, f"http://127.0.0.1:{port}")
            finally:
                writer.close()


async def _hung_up(reader: asyncio.StreamReader) -> bytes:
    """What the server sent before closing the connection.

    A server that closes while the client is still writing has unread bytes in its
    receive buffer, so the kernel ends the connection with a reset instead of a FIN;
    that is the server hanging up too, and what arrived before it still counts."""
    received = b""
    try:
        async with asyncio.timeout(SAFETY_NET):
            while chunk := await reader.read(4096):
                received += chunk
    except ConnectionResetError:
        pass
    return received


async def test_a_request_head_sent_a_byte_at_a_time_is_cut_off_and_others_are_served(
    engine: AsyncEngine, database_url: str
) -> None:
    async with _socket_to_the_server(database_url) as socket:
        dripping = asyncio.create_task(_drip_a_head_that_never_ends(socket.writer))
        try:
            assert await _hung_up(socket.reader) == b""
        finally:
            dripping.cancel()
        async with socket.session.get(f"{socket.base_url}/healthz") as answer:
            assert answer.status == 200


async def test_a_connection_that_never_sends_a_request_is_closed(
    engine: AsyncEngine, database_url: str
) -> None:
    async with _socket_to_the_server(database_url) as socket:
        assert await _hung_up(socket.reader) == b""


async def test_a_body_slower_than_the_idle_timeout_but_within_its_own_limit_is_read(
    engine: AsyncEngine, database_url: str
) -> None:
    """The idle timeout ends when the head is complete; the body has its own 15 s."""
    body = b'{"id": "slow-1", "text": "no type"}'
    async with _socket_to_the_server(database_url) as socket:
        socket.writer.write(b"POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            b"Content-Type: application/json\r\nConnection: close\r\n"
                            b"Content-Length: %d\r\n\r\n" % len(body))
        for part in (body[:10], body[10:20], body[20:]):
            socket.writer.write(part)
            await socket.writer.drain()
            await asyncio.sleep(1.5)  # pacing the sender, not waiting for a result
        answer = await _hung_up(socket.reader)
    assert answer.startswith(b"HTTP/1.1 400"), answer[:200]
    assert b"type" in answer
