"""Per-turn CPU of the stock CloudAdapter vs ours, where connector clients are reused.

Stock botbuilder builds a ConnectorClient and a TokenApiClient on every turn; each runs
msrest's quadratic `ClientRetryPolicy` list comprehension. Run from the repository root:

    python -m bench.connector_clients [turns]

It prints the cost of the parts, then CPU per turn for a turn that sends nothing and for
a turn that replies once to a local connector stand-in, with both adapters.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable, Callable

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
from botbuilder.schema import Activity
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import MicrosoftAppCredentials
from msrest.universal_http.requests import ClientRetryPolicy

from bench.echo_baseline import echo_activity
from bot.transport.adapter import create_adapter
from bot.transport.settings import TransportSettings
from tests.e2e.teams_doubles.connector import ConnectorStandIn

Logic = Callable[[TurnContext], Awaitable[None]]


class _NoAppId:
    APP_ID = ""
    APP_PASSWORD = ""


def cpu_ms_per_call(build: Callable[[], object], calls: int) -> float:
    build()
    start = time.process_time()
    for _ in range(calls):
        build()
    return (time.process_time() - start) / calls * 1000


async def cpu_ms_per_turn(
    adapter: CloudAdapter, logic: Logic, connector_url: str, turns: int
) -> float:
    """CPU per `process_activity`; each turn is its own conversation so pacing never waits."""

    async def turn(n: int) -> None:
        payload = echo_activity(connector_url=connector_url, conversation_id=f"a:bench-{n}")
        await adapter.process_activity("", Activity().deserialize(payload), logic)

    for n in range(5):
        await turn(-n - 1)
    start = time.process_time()
    for n in range(turns):
        await turn(n)
    return (time.process_time() - start) / turns * 1000


async def silent(turn_context: TurnContext) -> None:
    return None


async def reply(turn_context: TurnContext) -> None:
    await turn_context.send_activity("ok")


async def main(turns: int) -> None:
    credentials = MicrosoftAppCredentials.empty()
    print("part                                   CPU ms")
    print(f"ClientRetryPolicy()                    {cpu_ms_per_call(ClientRetryPolicy, 100):6.2f}")
    print(
        "ConnectorClient()                      "
        f"{cpu_ms_per_call(lambda: ConnectorClient(credentials, 'http://127.0.0.1/'), 100):6.2f}"
    )
    async with ConnectorStandIn() as connector:
        url = connector.service_url
        results: dict[tuple[str, str], float] = {}
        for label, logic in (("silent turn", silent), ("one reply", reply)):
            stock = CloudAdapter(ConfigurationBotFrameworkAuthentication(_NoAppId()))
            ours = create_adapter(TransportSettings())
            results[(label, "stock")] = await cpu_ms_per_turn(stock, logic, url, turns)
            results[(label, "ours")] = await cpu_ms_per_turn(ours, logic, url, turns)
            await ours.close()
    print(f"\nper turn, {turns} turns              stock ms   ours ms   stock/ours")
    for label in ("silent turn", "one reply"):
        stock_ms, ours_ms = results[(label, "stock")], results[(label, "ours")]
        print(f"{label:<30} {stock_ms:10.2f} {ours_ms:9.2f} {stock_ms / ours_ms:10.1f}x")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
