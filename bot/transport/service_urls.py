"""Which `serviceUrl`s the bot talks to: the Bot Connector's hosts, and no others.

An activity names the URL its replies go to, and the bot posts there with its own
credentials (a bearer token for the bot's app id). The token on the activity binds that
URL (its `serviceurl` claim), but a token is only as narrow as whoever issued it; so the
bot also keeps to the hosts the Bot Connector service answers on: Teams' (commercial,
GCC, GCC High, DoD) and the Bot Framework channels'. Any other host -- an internal
address, a cloud metadata endpoint, a look-alike name -- is refused before a turn runs
(`endpoint.py`) and before any connector client is built (`connector.py`), so a stored
conversation reference cannot reach it either. `TICKETFLOW_CONNECTOR_HOSTS` adds hosts
(a sovereign cloud, a test stand-in). Local development mode keeps to loopback instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.transport.local_development import (
    ensure_loopback_service_url,
    is_loopback_host,
    is_loopback_url,
    url_parts,
)

BOT_CONNECTOR_HOSTS = (
    "smba.trafficmanager.net",  # Teams, commercial cloud (/amer/, /emea/, /apac/, ...)
    "*.teams.microsoft.com",  # Teams GCC (smba.infra.gcc.teams.microsoft.com)
    "*.teams.microsoft.us",  # Teams GCC High and DoD
    "*.botapi.skype.com",  # Teams preview rings (canary.botapi.skype.com)
    "*.botframework.com",  # Bot Framework channels: Direct Line, Web Chat, ...
    "*.botframework.us",
    "*.botframework.azure.us",
)
"""Hosts the Bot Connector service answers on; `*.` matches any subdomain."""


class ServiceUrlRefused(PermissionError):
    """A connector call to a service URL off the Bot Connector's hosts."""


@dataclass(frozen=True, slots=True)
class ServiceUrlPolicy:
    """`local_development`: loopback only. Otherwise https on `hosts` (patterns as in
    `BOT_CONNECTOR_HOSTS`); a loopback host listed there may use http (a local stand-in)."""

    local_development: bool
    hosts: tuple[str, ...] = BOT_CONNECTOR_HOSTS

    @classmethod
    def for_bot(cls, *, local_development: bool, extra_hosts: Iterable[str] = ()) -> ServiceUrlPolicy:
        return cls(local_development, (*BOT_CONNECTOR_HOSTS, *extra_hosts))

    def allows(self, url: object) -> bool:
        if self.local_development:
            return is_loopback_url(url)
        parts = url_parts(url)
        if parts is None:
            return False
        host = parts.hostname
        if host is None or parts.username is not None or parts.password is not None:
            return False
        if not any(_matches(host, pattern) for pattern in self.hosts):
            return False
        return parts.scheme == "https" or (parts.scheme == "http" and is_loopback_host(host))

    def ensure_allowed(self, url: object) -> str:
        """`url`, or `NonLoopbackServiceUrl` (local development) / `ServiceUrlRefused`."""
        if self.local_development:
            return ensure_loopback_service_url(url)
        if not self.allows(url):
            raise ServiceUrlRefused(f"the bot talks only to the Bot Connector's hosts, not {url!r}")
        assert isinstance(url, str)
        return url

    @property
    def refusal(self) -> str:
        """Why an activity naming another service URL is refused (the 403's message)."""
        if self.local_development:
            return "local development mode only talks to loopback service URLs"
        return ("serviceUrl is not a Bot Connector host (add it to TICKETFLOW_CONNECTOR_HOSTS "
                "if it is one)")


def _matches(host: str, pattern: str) -> bool:
    host = host.rstrip(".").lower()
    pattern = pattern.strip().rstrip(".").lower()
    if pattern.startswith("*."):
        return host.endswith(pattern[1:]) and len(host) > len(pattern) - 1
    return host == pattern.strip("[]")
