"""/healthz while forged 200 KB activities flood /api/messages (pre-authentication).

    python -m bench.forged_flood [--concurrency 100] [--rounds 3] [--size 200000]

A bot server process (token validation on, signing keys from a local OpenID stand-in)
listens on loopback. This process first measures `/healthz` alone (the baseline), then
again while a flooding process sends `--concurrency` forged requests at a time -- each a ~200 KB activity whose
token names the real key id but is signed with another key, so validation goes as far
as the signature check -- hit `/api/messages` for `--rounds` rounds. It prints the
`/healthz` latency percentiles of both phases, their ratio, and how the forged
requests were answered (all must be 401). It also times what parsing one such body
costs, which is what each forged request cost before the token was checked first.
Bounded: a few hundred requests on loopback, a few seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from collections import Counter
from typing import Any

import aiohttp

APP_ID = "bench-forged-flood"
SERVICE_URL = "https://smba.trafficmanager.net/amer/"


def _activity(size: int, service_url: str) -> dict[str, Any]:
    """A message carrying ~`size` bytes of small mention entities: costly to read, as
    every entity becomes a model with its own additional properties."""
    mention = {"type": "mention", "text": "<at>Max</at>",
               "mentioned": {"id": "29:max", "name": "Max", "role": "user"}}
    count = max(size // len(json.dumps(mention)), 1)
    return {
        "type": "message", "id": "1", "channelId": "msteams", "serviceUrl": service_url,
        "from": {"id": "29:attacker", "name": "Mallory"},
        "conversation": {"id": "a:1flood"}, "recipient": {"id": f"28:{APP_ID}"},
        "text": "hello", "entities": [mention] * count,
    }


def serve(port: int) -> None:
    """The bot server process: our endpoint with token validation, and /healthz."""
    from aiohttp import web
    from botbuilder.core import TurnContext

    from bot.transport.adapter import create_adapter
    from bot.transport.endpoint import MessagesEndpoint, add_messages_route
    from bot.transport.settings import TransportSettings
    from tests.e2e.teams_doubles.openid import OpenIdStandIn
    from tests.e2e.teams_doubles.tokens import TokenSigner

    async def bot(turn_context: TurnContext) -> None:
        await turn_context.send_activity("never reached by a forged request")

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    signer = TokenSigner(app_id=APP_ID)
    with OpenIdStandIn([signer.jwk()]) as openid:
        settings = TransportSettings(
            app_id=APP_ID, app_password="not-used", openid_metadata_url=openid.metadata_url
        )
        app = web.Application()
        add_messages_route(app, MessagesEndpoint(create_adapter(settings), bot))
        app.router.add_get("/healthz", healthz)
        web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def _probe(session: aiohttp.ClientSession, url: str, stop: asyncio.Event) -> list[float]:
    latencies: list[float] = []
    while not stop.is_set():
        began = time.perf_counter()
        async with session.get(url) as answer:
            await answer.read()
            assert answer.status == 200
        latencies.append(time.perf_counter() - began)
        await asyncio.sleep(0.01)
    return latencies


async def _wait_ready(session: aiohttp.ClientSession, url: str) -> None:
    for _ in range(400):
        try:
            async with session.get(url) as answer:
                if answer.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.05)
    raise RuntimeError(f"{url} did not come up")


def parse_cost(body: bytes) -> float:
    """Milliseconds to parse one forged body the way the endpoint reads an activity."""
    from bot.transport.activity_json import ActivityReader

    reader = ActivityReader()
    runs = 20
    began = time.perf_counter()
    for _ in range(runs):
        reader.read(json.loads(body))
    return (time.perf_counter() - began) / runs * 1000


async def flood(args: argparse.Namespace) -> None:
    """The flooding process: prints how the forged requests were answered, as JSON."""
    from tests.e2e.teams_doubles.tokens import TokenSigner

    body = json.dumps(_activity(args.size, SERVICE_URL)).encode()
    forger = TokenSigner(app_id=APP_ID)  # the real key id, another private key
    token = forger.foreign_signature(service_url=SERVICE_URL)
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    statuses: Counter[int] = Counter()
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:

        async def forged() -> None:
            async with session.post(f"{args.flood}/api/messages", data=body,
                                    headers=headers) as answer:
                await answer.read()
                statuses[answer.status] += 1

        began = time.perf_counter()
        for _ in range(args.rounds):
            await asyncio.gather(*(forged() for _ in range(args.concurrency)))
    print(json.dumps({"statuses": statuses, "seconds": time.perf_counter() - began,
                      "bytes": len(body)}))


async def main(args: argparse.Namespace) -> None:
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "bench.forged_flood", "--serve", str(args.port)],
        env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        async with aiohttp.ClientSession() as session:
            await _wait_ready(session, f"{base}/healthz")
            stop = asyncio.Event()
            probe = asyncio.create_task(_probe(session, f"{base}/healthz", stop))
            await asyncio.sleep(args.idle_seconds)
            stop.set()
            idle = await probe

            stop = asyncio.Event()
            probe = asyncio.create_task(_probe(session, f"{base}/healthz", stop))
            flooding = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bench.forged_flood", "--flood", base,
                "--rounds", str(args.rounds), "--concurrency", str(args.concurrency),
                "--size", str(args.size), stdout=asyncio.subprocess.PIPE,
            )
            output, _ = await flooding.communicate()
            stop.set()
            flooded = await probe
    finally:
        server.terminate()
        server.wait(timeout=30)

    result = json.loads(output)
    cost = parse_cost(json.dumps(_activity(args.size, SERVICE_URL)).encode())
    print(f"forged requests of {result['bytes'] / 1000:.0f} KB, {args.concurrency} at a time, "
          f"{args.rounds} rounds: answered {result['statuses']} in {result['seconds']:.2f} s")
    print(f"/healthz alone:        p50 {_percentile(idle, .5):6.1f} ms  "
          f"p95 {_percentile(idle, .95):6.1f} ms  ({len(idle)} probes)")
    print(f"/healthz under flood:  p50 {_percentile(flooded, .5):6.1f} ms  "
          f"p95 {_percentile(flooded, .95):6.1f} ms  ({len(flooded)} probes)")
    print(f"p95 ratio flood / alone: {_percentile(flooded, .95) / _percentile(idle, .95):.1f}x "
          f"(goal: flood p95 < 50 ms)")
    print(f"parsing one such body (what each forged request cost before pre-authentication): "
          f"{cost:.1f} ms; x{args.concurrency} = {cost * args.concurrency:.0f} ms of event loop")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--idle-seconds", type=float, default=1.0)
    parser.add_argument("--port", type=int, default=39791)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--flood", help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    arguments = _arguments()
    if arguments.serve:
        serve(arguments.serve)
    elif arguments.flood:
        asyncio.run(flood(arguments))
    else:
        asyncio.run(main(arguments))
