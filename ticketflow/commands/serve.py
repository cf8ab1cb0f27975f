"""`ticketflow serve`: the bot's HTTP endpoint (and, later, the delivery worker)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from typing import Any

from aiohttp import web
from aiohttp.web_log import AccessLogger
from aiohttp.web_request import BaseRequest
from aiohttp.web_response import StreamResponse

from bot.transport.local_development import NonLoopbackBind, bind_host
from ticketflow.app import create_app
from ticketflow.commands import port_number
from ticketflow.logs import configure_logging
from ticketflow.settings import Settings

log = logging.getLogger("ticketflow")
SHUTDOWN_GRACE_SECONDS = 20.0


class AccessLogWithoutTurns(AccessLogger):
    """Bot turns are logged once, with their activity and conversation ids, by `TurnLog`."""

    def log(self, request: BaseRequest, response: StreamResponse, time: float) -> None:
        if request.path != "/api/messages":
            super().log(request, response, time)


def register(subcommands: Any) -> None:
    parser = subcommands.add_parser("serve", help="run the bot endpoint (default 127.0.0.1:3978)")
    parser.add_argument("--host", help="interface to listen on (default TICKETFLOW_HOST)")
    parser.add_argument("--port", type=port_number, help="port (default TICKETFLOW_PORT or 3978)")
    parser.set_defaults(command=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    configure_logging(settings)
    try:
        host = bind_host(args.host or settings.host, local_development=settings.local_development)
    except NonLoopbackBind as refused:
        print(f"ticketflow: {refused}", file=sys.stderr)
        return 2
    port = args.port or settings.port
    app = await create_app(settings)
    # aiohttp's keep-alive timer runs from a connection's opening and from each answer until
    # the next request head is complete, so it also cuts off a head sent a byte at a time
    # (slowloris); aiohttp's own default lets such a connection stand for an hour.
    runner = web.AppRunner(
        app, shutdown_timeout=SHUTDOWN_GRACE_SECONDS, access_log_class=AccessLogWithoutTurns,
        keepalive_timeout=settings.idle_timeout,
    )
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as refused:
        await runner.cleanup()
        print(f"ticketflow: cannot listen on {host}:{port}: {refused.strerror or refused} "
              "(is another `ticketflow serve` running? choose another with --port or "
              "TICKETFLOW_PORT)", file=sys.stderr)
        return 2
    log.info("ticketflow serving on http://%s:%s/api/messages (%s database)", host, port,
             settings.backend)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
        log.info("shutting down: no new turns; finishing those in flight")
    finally:
        await runner.cleanup()  # stops listening, waits for in-flight requests, closes the pool
    return 0
