"""Which channel webhook URLs TicketFlow may call, decided from the text alone.

Webhook URLs come from users, so they are untrusted: this is the policy applied
when one is saved and again before every call. It is pure (no DNS, no I/O);
where the host really points is checked when connecting (``notify.safe_http``).
The URL is parsed here by hand, on purpose: a refusal must not depend on the
quirks of ``urllib.parse`` (which silently drops tabs and newlines), and the
canonical form returned is exactly what will be sent.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NoReturn

__all__ = [
    "BUILTIN_WEBHOOK_HOSTS",
    "MAX_WEBHOOK_URL_LENGTH",
    "UrlRefusal",
    "WebhookPolicy",
    "WebhookUrl",
    "WebhookUrlRefused",
    "check_webhook_url",
    "redact_webhook_url",
]

MAX_WEBHOOK_URL_LENGTH = 2048

BUILTIN_WEBHOOK_HOSTS: tuple[str, ...] = (
    "*.logic.azure.com",  # Teams Workflows (Power Automate), older region hosts
    "*.environment.api.powerplatform.com",  # Teams Workflows, current hosts
    "*.webhook.office.com",  # legacy Office 365 connectors
    "outlook.office.com",  # legacy Office 365 connectors, oldest form
)

LOOPBACK_TEST_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*)://")
_PORT = re.compile(r"[0-9]{1,5}")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?")
_NUMERIC_LABEL = re.compile(r"0x[0-9a-f]*|[0-9]+")
# RFC 3986 characters allowed in path and query (brackets only belong in the host).
_PATH_AND_QUERY = re.compile(r"[A-Za-z0-9\-._~:/?@!$&'()*+,;=%]*")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_KEPT_QUERY_VALUES = frozenset({"api-version"})
_HARMLESS_NAME = re.compile(r"[A-Za-z0-9_.\-]{1,20}")


class UrlRefusal(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    INVISIBLE_CHARACTERS = "invisible_characters"
    MALFORMED = "malformed"
    NOT_HTTPS = "not_https"
    FRAGMENT = "fragment"
    USERINFO = "userinfo"
    IP_ADDRESS = "ip_address"
    INVALID_HOST = "invalid_host"
    HOST_NOT_ALLOWED = "host_not_allowed"
    PORT_NOT_ALLOWED = "port_not_allowed"


class WebhookUrlRefused(ValueError):
    """The URL may not be saved or called; the message is fit to show the user."""

    def __init__(self, reason: UrlRefusal, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class WebhookPolicy:
    """The allowlist beyond the built-in Teams hosts, and the test-only loopback switch.

    ``allow_loopback_for_tests`` lets integration tests post to a receiver on
    127.0.0.1 / ::1 / localhost over plain http on any port; nothing else is
    loosened. Production settings must never set it: the settings layer only
    derives it from ``TICKETFLOW_TEST_ALLOW_LOOPBACK_WEBHOOKS`` and refuses that
    variable unless ``TICKETFLOW_ENV=test``. A real ``bool`` is required so that an
    environment string such as ``"0"`` cannot switch it on by being truthy.
    """

    extra_hosts: tuple[str, ...] = ()
    allow_loopback_for_tests: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.extra_hosts, tuple):
            raise TypeError("extra_hosts must be a tuple of host names or '*.suffix' patterns")
        if not isinstance(self.allow_loopback_for_tests, bool):
            raise TypeError("allow_loopback_for_tests must be a bool")
        normalised = tuple(_normalise_host_pattern(entry) for entry in self.extra_hosts)
        object.__setattr__(self, "extra_hosts", normalised)

    @property
    def host_patterns(self) -> tuple[str, ...]:
        return BUILTIN_WEBHOOK_HOSTS + self.extra_hosts

    def allows_host(self, host: str) -> bool:
        """``*.suffix`` needs at least one label before the suffix; others match exactly."""
        for pattern in self.host_patterns:
            if pattern.startswith("*."):
                if host.endswith(pattern[1:]):
                    return True
            elif host == pattern:
                return True
        return False


@dataclass(frozen=True)
class WebhookUrl:
    """A URL that passed the policy, in the canonical form to store and to call.

    The full URL carries the webhook's secret (a ``sig`` query value, or the path
    for legacy connectors), so it is kept out of ``repr``.
    """

    url: str = field(repr=False)
    scheme: str
    host: str
    port: int

    @property
    def redacted(self) -> str:
        return redact_webhook_url(self.url)


def check_webhook_url(url: str, *, policy: WebhookPolicy) -> WebhookUrl:
    """Return the canonical URL, or raise ``WebhookUrlRefused`` saying why not."""
    text = url.strip(" \t\r\n")
    if not text:
        _refuse(UrlRefusal.EMPTY, "The webhook URL is empty.")
    if len(text) > MAX_WEBHOOK_URL_LENGTH:
        _refuse(
            UrlRefusal.TOO_LONG,
            f"The webhook URL is longer than {MAX_WEBHOOK_URL_LENGTH} characters.",
        )
    if any(unicodedata.category(char)[0] in "CZ" for char in text):
        _refuse(
            UrlRefusal.INVISIBLE_CHARACTERS,
            "The webhook URL contains spaces, control or invisible characters.",
        )
    if "\\" in text:
        _refuse(UrlRefusal.MALFORMED, "The webhook URL contains a backslash.")
    scheme_match = _SCHEME.match(text)
    if scheme_match is None:
        _refuse(UrlRefusal.MALFORMED, "The webhook URL must start with https://.")
    scheme = scheme_match.group(1).lower()
    rest = text[scheme_match.end() :]
    if "#" in rest:
        _refuse(UrlRefusal.FRAGMENT, "The webhook URL must not contain a '#' fragment.")
    authority_end = min((i for i in (rest.find("/"), rest.find("?")) if i >= 0), default=len(rest))
    authority, path_and_query = rest[:authority_end], rest[authority_end:]
    if "@" in authority:
        _refuse(
            UrlRefusal.USERINFO,
            "The webhook URL must not contain a user name or password before the host.",
        )
    host, explicit_port = _split_host_and_port(authority)
    loopback = policy.allow_loopback_for_tests and host in LOOPBACK_TEST_HOSTS
    if scheme not in ("https", "http") or (scheme == "http" and not loopback):
        _refuse(UrlRefusal.NOT_HTTPS, "The webhook URL must use https.")
    if not loopback:
        _check_public_host_name(host, policy=policy)
    default_port = 443 if scheme == "https" else 80
    port = default_port if explicit_port is None else explicit_port
    if port != 443 and not loopback:
        _refuse(UrlRefusal.PORT_NOT_ALLOWED, "The webhook URL must use the standard https port.")
    _check_path_and_query(path_and_query)
    if path_and_query.startswith("?") or not path_and_query:
        path_and_query = "/" + path_and_query
    url_host = f"[{host}]" if ":" in host else host
    url_port = "" if port == default_port else f":{port}"
    canonical = f"{scheme}://{url_host}{url_port}{path_and_query}"
    return WebhookUrl(url=canonical, scheme=scheme, host=host, port=port)


def redact_webhook_url(url: str | WebhookUrl) -> str:
    """A form safe for logs: host, first path segment, query names; never raises.

    Legacy connector URLs carry their secret in the path and Workflows URLs in
    the ``sig`` query value, so both are hidden.
    """
    text = url.url if isinstance(url, WebhookUrl) else str(url)
    scheme_match = _SCHEME.match(text.strip())
    if scheme_match is None:
        return "<unparseable webhook URL>"
    rest = text.strip()[scheme_match.end() :].split("#", 1)[0]
    authority_end = min((i for i in (rest.find("/"), rest.find("?")) if i >= 0), default=len(rest))
    authority = rest[:authority_end].rpartition("@")[2]
    path, _, query = rest[authority_end:].partition("?")
    segments = [segment for segment in path.split("/") if segment]
    first = _shown_name(segments[0]) if segments else ""
    shown_path = "/" + first + ("/…" if len(segments) > 1 else "")
    shown_query = "&".join(_redact_parameter(part) for part in query.split("&") if part)
    shown = f"{scheme_match.group(1).lower()}://{authority}{shown_path}"
    return _printable(shown + (f"?{shown_query}" if shown_query else ""))


def _redact_parameter(parameter: str) -> str:
    name, has_value, value = parameter.partition("=")
    if not has_value:
        return _shown_name(name)
    shown_value = value if name.lower() in _KEPT_QUERY_VALUES else "…"
    return f"{_shown_name(name)}={shown_value}"


def _shown_name(text: str) -> str:
    """Fixed words such as ``webhookb2`` or ``sig`` are shown; anything long enough to be a secret is not."""
    return text if _HARMLESS_NAME.fullmatch(text) else "…"


def _printable(text: str) -> str:
    return "".join(char if char.isprintable() else "?" for char in text)[:300]


def _split_host_and_port(authority: str) -> tuple[str, int | None]:
    """Split ``host[:port]``; the host comes back IDNA-encoded, lowercased, without trailing dot."""
    if authority.startswith("["):
        end = authority.find("]")
        if end < 0:
            _refuse(UrlRefusal.MALFORMED, "The webhook URL has an unclosed '[' in its host.")
        host, after = authority[1:end], authority[end + 1 :]
        if after and not after.startswith(":"):
            _refuse(UrlRefusal.MALFORMED, "The webhook URL has text after its host.")
        port_text = after[1:] if after else None
        try:
            address = ipaddress.IPv6Address(host)
        except ValueError:
            _refuse(UrlRefusal.MALFORMED, "The webhook URL has an invalid bracketed host.")
        return str(address), _parse_port(port_text)
    if authority.count(":") > 1:
        if _parses_as_ipv6(authority):
            _refuse(UrlRefusal.IP_ADDRESS, "The webhook URL must name a host, not an IP address.")
        _refuse(UrlRefusal.MALFORMED, "The webhook URL has more than one ':' after its host.")
    raw_host, colon, port_text = authority.partition(":")
    port = _parse_port(port_text if colon else None)
    if "%" in raw_host:
        _refuse(UrlRefusal.INVALID_HOST, "The webhook URL's host must not be percent-encoded.")
    try:
        host = raw_host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        _refuse(UrlRefusal.INVALID_HOST, "The webhook URL's host is not a valid host name.")
    host = host.removesuffix(".")
    if not host:
        _refuse(UrlRefusal.MALFORMED, "The webhook URL has no host.")
    return host, port


def _parse_port(port_text: str | None) -> int | None:
    if port_text is None:
        return None
    if not _PORT.fullmatch(port_text) or not 0 < int(port_text) < 65536:
        _refuse(UrlRefusal.MALFORMED, "The webhook URL has an invalid port.")
    return int(port_text)


def _check_public_host_name(host: str, *, policy: WebhookPolicy) -> None:
    if _is_ip_address(host):
        _refuse(UrlRefusal.IP_ADDRESS, "The webhook URL must name a host, not an IP address.")
    if len(host) > 253 or not all(_LABEL.fullmatch(label) for label in host.split(".")):
        _refuse(UrlRefusal.INVALID_HOST, "The webhook URL's host is not a valid host name.")
    if not policy.allows_host(host):
        allowed = ", ".join(policy.host_patterns)
        _refuse(
            UrlRefusal.HOST_NOT_ALLOWED,
            f"{host} is not an allowed webhook host. Use a Teams Workflows or connector "
            f"URL (allowed hosts: {allowed}).",
        )


def _is_ip_address(host: str) -> bool:
    """True for any spelling a resolver would read as an address (``127.1``, ``0x7f.1``, ...).

    A numeric last label is treated as an address, as browsers do: no real
    top-level domain is numeric.
    """
    if ":" in host:
        return True
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    if _NUMERIC_LABEL.fullmatch(host.rsplit(".", 1)[-1]):
        return True
    try:
        socket.inet_aton(host)
        return True
    except OSError:
        return False


def _parses_as_ipv6(text: str) -> bool:
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


def _check_path_and_query(path_and_query: str) -> None:
    if not _PATH_AND_QUERY.fullmatch(path_and_query) or _BAD_PERCENT.search(path_and_query):
        _refuse(
            UrlRefusal.MALFORMED,
            "The webhook URL's path or query contains characters that must be percent-encoded.",
        )


def _normalise_host_pattern(entry: str) -> str:
    """Validate a configured extra host so that a typo fails at start, not silently."""
    if not isinstance(entry, str):
        raise TypeError(f"extra webhook host {entry!r} must be a string")
    wildcard = entry.startswith("*.")
    name = entry[2:] if wildcard else entry
    try:
        host = name.strip().encode("idna").decode("ascii").lower().removesuffix(".")
    except UnicodeError:
        raise ValueError(f"extra webhook host {entry!r} is not a valid host name") from None
    if not host or not all(_LABEL.fullmatch(label) for label in host.split(".")):
        raise ValueError(f"extra webhook host {entry!r} is not a valid host name or '*.suffix'")
    if _is_ip_address(host):
        raise ValueError(f"extra webhook host {entry!r} is an IP address; name a host")
    if wildcard and host.count(".") < 1:
        raise ValueError(f"extra webhook host {entry!r} is too broad; use '*.name.tld' or longer")
    return f"*.{host}" if wildcard else host


def _refuse(reason: UrlRefusal, message: str) -> NoReturn:
    raise WebhookUrlRefused(reason, message)
