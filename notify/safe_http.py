"""An aiohttp client that can only reach public addresses of allowed webhook hosts.

Checking a URL when it is saved is not enough: DNS can later point an allowed
name at 127.0.0.1 or 169.254.169.254. So the address is checked when
connecting, on the very list the connector will dial (the resolver's answer),
which makes a rebinding between check and use impossible. aiohttp skips the
resolver for IP literals, so the socket factory checks the dialled address once
more; and every request (redirect hops included) passes the URL policy again
and a 3xx is refused rather than followed.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
import zlib
from dataclasses import dataclass
from enum import StrEnum

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.connector import AddrInfoType, SocketFactoryType

from notify.webhook_url import WebhookPolicy, check_webhook_url, redact_webhook_url

__all__ = [
    "AddressClass",
    "AddressRefused",
    "CappedBody",
    "PublicAddressResolver",
    "RedirectRefused",
    "check_connect_address",
    "classify_address",
    "create_webhook_session",
    "guarded_socket_factory",
    "read_capped_body",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_CGNAT = ipaddress.IPv4Network("100.64.0.0/10")
_NAT64_WELL_KNOWN = ipaddress.IPv6Network("64:ff9b::/96")
_USER_AGENT = "TicketFlow-Teams-Webhooks/1"


class AddressClass(StrEnum):
    PUBLIC = "public"
    LOOPBACK = "loopback"
    PRIVATE = "private"
    LINK_LOCAL = "link-local"
    SHARED = "shared (carrier-grade NAT)"
    MULTICAST = "multicast"
    RESERVED = "reserved"
    UNSPECIFIED = "unspecified"
    TUNNELLED = "6to4/Teredo tunnel"
    NOT_GLOBAL = "not globally routable"
    UNPARSEABLE = "unparseable"


def classify_address(address: IPAddress) -> AddressClass:
    """Say why an address is not public, or PUBLIC; embedded IPv4 addresses count.

    6to4 and Teredo addresses are refused whole: they tunnel to an IPv4 address
    chosen by whoever wrote the DNS record, and no Teams endpoint uses them.
    """
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return classify_address(address.ipv4_mapped)
        if address in _NAT64_WELL_KNOWN:
            return classify_address(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        if address.sixtofour is not None or address.teredo is not None:
            return AddressClass.TUNNELLED
        if address.is_site_local:
            return AddressClass.PRIVATE
    if address.is_unspecified:
        return AddressClass.UNSPECIFIED
    if address.is_loopback:
        return AddressClass.LOOPBACK
    if address.is_link_local:
        return AddressClass.LINK_LOCAL
    if address.is_multicast:
        return AddressClass.MULTICAST
    if isinstance(address, ipaddress.IPv4Address) and address in _CGNAT:
        return AddressClass.SHARED
    if address.is_reserved:
        return AddressClass.RESERVED
    if address.is_private:
        return AddressClass.PRIVATE
    if not address.is_global:
        return AddressClass.NOT_GLOBAL
    return AddressClass.PUBLIC


class AddressRefused(OSError):
    """Connecting to this address is not allowed; an OSError so aiohttp wraps it as a connect error."""

    def __init__(self, host: str, address: str, address_class: AddressClass) -> None:
        super().__init__(
            errno.EACCES,
            f"refused to connect to {host or address}: {address} is a "
            f"{address_class} address, not a public one",
        )
        self.host = host
        self.address = address
        self.address_class = address_class


def check_connect_address(address: str, *, policy: WebhookPolicy, host: str = "") -> None:
    """Raise ``AddressRefused`` unless the address is public (or loopback under the test flag)."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        raise AddressRefused(host, address, AddressClass.UNPARSEABLE) from None
    address_class = classify_address(parsed)
    if address_class is AddressClass.PUBLIC:
        return
    if address_class is AddressClass.LOOPBACK and policy.allow_loopback_for_tests:
        return
    raise AddressRefused(host, address, address_class)


class PublicAddressResolver(AbstractResolver):
    """Resolves through ``inner`` and refuses the whole answer if any address is not public.

    All-or-nothing, because the connector would try the other addresses in turn
    (happy eyeballs), and one private address in a round-robin is enough to reach
    an internal service.
    """

    def __init__(self, *, policy: WebhookPolicy, inner: AbstractResolver | None = None) -> None:
        self._policy = policy
        self._inner = inner if inner is not None else aiohttp.ThreadedResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        answers = await self._inner.resolve(host, port, family)
        if not answers:
            raise OSError(errno.ENOENT, f"no address found for {host}")
        for answer in answers:
            check_connect_address(answer["host"], policy=self._policy, host=host)
        return answers

    async def close(self) -> None:
        await self._inner.close()


def guarded_socket_factory(policy: WebhookPolicy) -> SocketFactoryType:
    """A socket factory that refuses non-public peers, covering IP literals the resolver never sees."""

    def create_socket(addr_info: AddrInfoType) -> socket.socket:
        family, type_, proto, _, sockaddr = addr_info
        check_connect_address(str(sockaddr[0]), policy=policy)
        return socket.socket(family=family, type=type_, proto=proto)

    return create_socket


class RedirectRefused(aiohttp.ClientError):
    """The receiver answered 3xx; webhook calls never follow redirects."""

    def __init__(self, status: int, location: str | None) -> None:
        shown = redact_webhook_url(location) if location else "no location"
        super().__init__(f"the webhook answered {status} (redirect to {shown}); not followed")
        self.status = status
        self.location = shown


def _guard_requests(policy: WebhookPolicy) -> aiohttp.ClientMiddlewareType:
    """Re-check every request URL against the policy and turn any 3xx into ``RedirectRefused``.

    This makes the session safe even for a caller that forgets
    ``allow_redirects=False`` or passes an unchecked URL.
    """

    async def guard(
        request: aiohttp.ClientRequest, handler: aiohttp.ClientHandlerType
    ) -> aiohttp.ClientResponse:
        check_webhook_url(str(request.url), policy=policy)
        response = await handler(request)
        if 300 <= response.status < 400:
            location = response.headers.get("Location")
            response.close()
            raise RedirectRefused(response.status, location)
        return response

    return guard


def create_webhook_session(
    policy: WebhookPolicy,
    *,
    timeout: float,
    inner_resolver: AbstractResolver | None = None,
) -> aiohttp.ClientSession:
    """The only session webhook deliveries should use; call it inside the running event loop.

    ``timeout`` bounds a whole call, body included. No cookies, no proxies from
    the environment, no transparent decompression (``read_capped_body`` decodes
    within its cap, so a small compressed body cannot expand in memory).
    """
    if not timeout > 0:
        raise ValueError("a webhook session needs a positive timeout; 0 would mean none")
    connector = aiohttp.TCPConnector(
        resolver=PublicAddressResolver(policy=policy, inner=inner_resolver),
        socket_factory=guarded_socket_factory(policy),
    )
    return aiohttp.ClientSession(
        connector=connector,
        timeout=aiohttp.ClientTimeout(total=timeout),
        cookie_jar=aiohttp.DummyCookieJar(),
        trust_env=False,
        auto_decompress=False,
        headers={"User-Agent": _USER_AGENT, "Accept-Encoding": "identity"},
        middlewares=(_guard_requests(policy),),
    )


@dataclass(frozen=True)
class CappedBody:
    """At most the cap's worth of decoded body; ``truncated`` when some of it was not read or shown."""

    data: bytes
    truncated: bool


async def read_capped_body(response: aiohttp.ClientResponse, *, limit: int) -> CappedBody:
    """Read and decode at most ``limit`` bytes; a longer body is cut and its connection dropped."""
    declared = response.content_length
    if declared is not None and declared > limit:
        response.close()
        return CappedBody(data=b"", truncated=True)
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = await response.content.read(limit + 1 - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        response.close()
    else:
        response.release()
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    data, cut = _decode(b"".join(chunks)[:limit], encoding, limit=limit)
    return CappedBody(data=data, truncated=size > limit or cut)


def _decode(data: bytes, encoding: str, *, limit: int) -> tuple[bytes, bool]:
    """Undo gzip/deflate (sent despite ``Accept-Encoding: identity``) without expanding past ``limit``."""
    if encoding == "identity":
        return data, False
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return b"", True
    decoder = zlib.decompressobj(wbits=zlib.MAX_WBITS | 32)  # gzip or zlib framing
    try:
        decoded = decoder.decompress(data, limit)
    except zlib.error:
        return b"", True
    return decoded, bool(decoder.unconsumed_tail)
