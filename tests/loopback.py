"""Serving an aiohttp application on this machine for one test: the stand-ins' one way to listen."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web


@asynccontextmanager
async def serving(
    app: web.Application, *, host: str = "127.0.0.1", **runner_options: Any
) -> AsyncIterator[str]:
    """`app` on an ephemeral port of `host` until the block ends; yields its base URL
    (`http://host:port`, no trailing slash). No access log unless `access_log=` says so."""
    runner_options.setdefault("access_log", None)
    runner = web.AppRunner(app, **runner_options)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, 0).start()
        port = runner.addresses[0][1]
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


async def read_answer(reader: asyncio.StreamReader) -> tuple[bytes, bytes]:
    """One HTTP/1.1 answer read off a raw connection: its head and its body (by length)."""
    head = await reader.readuntil(b"\r\n\r\n")
    length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                  if line.lower().startswith(b"content-length:"))
    return head, await reader.readexactly(length)
