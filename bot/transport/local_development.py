"""Local development mode: no `MicrosoftAppId`, so loopback is the only trust boundary.

Without an app id botbuilder accepts unauthenticated requests and replies to whatever
`serviceUrl` an activity names. That is only safe when nobody but the developer can
reach the bot and the bot can only talk back to the developer's machine: the server
binds to loopback and activities and connector clients are limited to loopback URLs.
"""

from __future__ import annotations

import ipaddress
from typing import TypeGuard
from urllib.parse import SplitResult, urlsplit

LOCAL_DEVELOPMENT_NOTICE = (
    "Local development mode is on: no MicrosoftAppId is set, so requests are not "
    "authenticated; the bot listens on loopback only and replies only to loopback "
    "service URLs (http(s)://127.0.0.1, localhost, [::1])."
)


class NonLoopbackBind(ValueError):
    """Local development mode was asked to listen on an address others can reach."""


class NonLoopbackServiceUrl(PermissionError):
    """Local development mode was asked to talk to a service URL off this machine."""


def is_loopback_host(host: str) -> bool:
    name = host.strip().strip("[]").rstrip(".").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def url_parts(url: object) -> SplitResult | None:
    """`url` split, when it is a string whose host and port read; None for anything else."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url)
        parts.hostname  # noqa: B018 - a malformed host or port raises here, which means "no"
        parts.port  # noqa: B018
    except ValueError:
        return None
    return parts


def is_loopback_url(url: object) -> TypeGuard[str]:
    parts = url_parts(url)
    return (parts is not None and parts.scheme in {"http", "https"}
            and parts.hostname is not None and is_loopback_host(parts.hostname))


def bind_host(requested: str | None, *, local_development: bool) -> str:
    """The address to listen on; refuses a reachable one in local development mode."""
    if requested is None or requested == "":
        return "127.0.0.1" if local_development else "0.0.0.0"
    if local_development and not is_loopback_host(requested):
        raise NonLoopbackBind(
            f"Local development mode (no MicrosoftAppId) listens on loopback only; "
            f"refusing to bind {requested!r}. Use 127.0.0.1 or set MicrosoftAppId."
        )
    return requested


def ensure_loopback_service_url(service_url: object) -> str:
    if not is_loopback_url(service_url):
        raise NonLoopbackServiceUrl(
            f"Local development mode replies only to loopback service URLs, not {service_url!r}"
        )
    return service_url
