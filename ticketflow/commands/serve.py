"""`ticketflow serve`: the bot's HTTP endpoint."""

from __future__ import annotations

import argparse
import logging
from typing import Any

from aiohttp import web

from ticketflow.app import create_app
from ticketflow.settings import Settings

log = logging.getLogger("ticketflow")


def register(subcommands: Any) -> None:
    parser = subcommands.add_parser("serve", help="run the bot endpoint (default 127.0.0.1:3978)")
    parser.add_argument("--host", help="interface to listen on (default TICKETFLOW_HOST)")
    parser.add_argument("--port", type=int, help="port (default TICKETFLOW_PORT or 3978)")
    parser.set_defaults(command=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    host = args.host or settings.host
    port = args.port or settings.port
    app = await create_app(settings)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    log.info("ticketflow serving on http://%s:%s (%s database)", host, port, settings.backend)
    try:
        await _wait_forever()
    finally:
        await runner.cleanup()
    return 0


async def _wait_forever() -> None:
    import asyncio

    await asyncio.Event().wait()
