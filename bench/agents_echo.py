"""The Microsoft 365 Agents SDK echo agent, as its quickstart builds it: the second baseline.

    bench/.venv-agents/bin/python bench/agents_echo.py PORT

Runs in its own virtual environment (`bench.agents_setup` makes it), so it imports
nothing of this project: `AgentApplication` with `MemoryStorage`, the aiohttp
`CloudAdapter` and `jwt_authorization_middleware`, no app id (anonymous, local), replying
to the `serviceUrl` each activity names. The quickstart's `MsalConnectionManager` with no
client id hands out the anonymous token provider; this connection manager does that
directly, so the baseline needs no MSAL install. Nothing happens at import time.
"""

from __future__ import annotations

import logging
import sys


def main(port: int) -> None:
    from aiohttp import web
    from microsoft_agents.hosting.aiohttp import (
        CloudAdapter,
        jwt_authorization_middleware,
        start_agent_process,
    )
    from microsoft_agents.hosting.core import AgentApplication, MemoryStorage, TurnContext, TurnState
    from microsoft_agents.hosting.core.authorization import AgentAuthConfiguration, AnonymousTokenProvider

    class AnonymousConnections:
        """Every connection is the anonymous one (local development, no app id)."""

        def __init__(self) -> None:
            self._provider = AnonymousTokenProvider()

        def get_connection(self, connection_name: str) -> AnonymousTokenProvider:
            return self._provider

        def get_default_connection(self) -> AnonymousTokenProvider:
            return self._provider

        def get_token_provider(self, claims_identity: object, service_url: str) -> AnonymousTokenProvider:
            return self._provider

        def get_token_provider_from_activity(self, *_: object) -> AnonymousTokenProvider:
            return self._provider

        def get_default_connection_configuration(self) -> AgentAuthConfiguration:
            # What the quickstart's configuration says when no client id is set.
            return AgentAuthConfiguration(anonymous_allowed=True)

    logging.basicConfig(level=logging.WARNING)
    # Without an app id it warns once per turn that the user token client has none: that
    # would measure writes to stderr, not the SDK.
    logging.getLogger("microsoft_agents.hosting.core.connector.client").setLevel(logging.ERROR)
    connections = AnonymousConnections()
    adapter = CloudAdapter(connection_manager=connections)
    agent = AgentApplication[TurnState](storage=MemoryStorage(), connection_manager=connections)

    @agent.activity("message")
    async def on_message(context: TurnContext, _: TurnState) -> None:
        await context.send_activity(f"Echo: {context.activity.text}")

    async def messages(request: web.Request) -> web.Response:
        return await start_agent_process(request, agent, adapter)

    app = web.Application(middlewares=[jwt_authorization_middleware])
    app.router.add_post("/api/messages", messages)
    app["agent_configuration"] = connections.get_default_connection_configuration()
    app["agent_app"] = agent
    app["adapter"] = adapter
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)


if __name__ == "__main__":
    main(int(sys.argv[1]))
