"""Which resolved addresses a webhook call may connect to."""

from __future__ import annotations

import ipaddress
import socket

import pytest
from aiohttp.abc import AbstractResolver, ResolveResult

from notify.safe_http import (
    AddressClass,
    AddressRefused,
    PublicAddressResolver,
    check_connect_address,
    classify_address,
    guarded_socket_factory,
)
from notify.webhook_url import WebhookPolicy

PRODUCTION = WebhookPolicy()
LOOPBACK_TESTS = WebhookPolicy(allow_loopback_for_tests=True)

A = AddressClass
CLASSIFIED = [
    ("13.107.6.152", A.PUBLIC),
    ("52.96.0.1", A.PUBLIC),
    ("2620:1ec:4::1", A.PUBLIC),
    ("2001:4860:4860::8888", A.PUBLIC),
    ("::ffff:13.107.6.152", A.PUBLIC),
    ("64:ff9b::d6b:698", A.PUBLIC),  # NAT64 of 13.107.6.152
    ("127.0.0.1", A.LOOPBACK),
    ("127.255.255.254", A.LOOPBACK),
    ("::1", A.LOOPBACK),
    ("::ffff:127.0.0.1", A.LOOPBACK),
    ("10.0.0.1", A.PRIVATE),
    ("172.16.0.1", A.PRIVATE),
    ("172.31.255.255", A.PRIVATE),
    ("192.168.1.1", A.PRIVATE),
    ("::ffff:10.0.0.1", A.PRIVATE),
    ("::ffff:192.168.0.1", A.PRIVATE),
    ("fc00::1", A.PRIVATE),
    ("fd12:3456::1", A.PRIVATE),
    ("fec0::1", A.PRIVATE),
    ("169.254.169.254", A.LINK_LOCAL),
    ("::ffff:169.254.169.254", A.LINK_LOCAL),
    ("64:ff9b::a9fe:a9fe", A.LINK_LOCAL),  # NAT64 of the metadata address
    ("fe80::1", A.LINK_LOCAL),
    ("fe80::1%eth0", A.LINK_LOCAL),
    ("100.64.0.1", A.SHARED),
    ("100.127.255.254", A.SHARED),
    ("224.0.0.1", A.MULTICAST),
    ("239.255.255.250", A.MULTICAST),
    ("ff02::1", A.MULTICAST),
    ("0.0.0.0", A.UNSPECIFIED),
    ("::", A.UNSPECIFIED),
    ("240.0.0.1", A.RESERVED),
    ("2002:7f00:1::", A.TUNNELLED),  # 6to4 around 127.0.0.1
    ("2002:0a00:0001::1", A.TUNNELLED),  # 6to4 around 10.0.0.1
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", A.TUNNELLED),  # Teredo
]
NOT_PUBLIC_EITHER = [
    "0.1.2.3",
    "192.0.0.1",
    "192.0.2.1",
    "198.18.0.1",
    "198.51.100.1",
    "203.0.113.1",
    "255.255.255.255",
    "2001:db8::1",
    "100::1",
    "::7f00:1",  # IPv4-compatible form of 127.0.0.1
    "64:ff9b:1::a00:1",
]


@pytest.mark.parametrize(("address", "expected"), CLASSIFIED)
def test_an_address_is_classified_by_what_it_reaches(address: str, expected: AddressClass) -> None:
    assert classify_address(ipaddress.ip_address(address)) is expected


@pytest.mark.parametrize("address", NOT_PUBLIC_EITHER)
def test_documentation_benchmark_and_reserved_ranges_are_not_public(address: str) -> None:
    assert classify_address(ipaddress.ip_address(address)) is not AddressClass.PUBLIC


def test_a_public_address_may_be_connected_to() -> None:
    check_connect_address("13.107.6.152", policy=PRODUCTION)


def test_loopback_is_refused_in_production() -> None:
    with pytest.raises(AddressRefused) as refused:
        check_connect_address("127.0.0.1", policy=PRODUCTION, host="hooks.example.org")
    assert refused.value.address_class is AddressClass.LOOPBACK
    assert "hooks.example.org" in str(refused.value)


def test_the_test_flag_allows_loopback_and_nothing_else() -> None:
    check_connect_address("127.0.0.1", policy=LOOPBACK_TESTS)
    check_connect_address("::1", policy=LOOPBACK_TESTS)
    for address in ("10.0.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0"):
        with pytest.raises(AddressRefused):
            check_connect_address(address, policy=LOOPBACK_TESTS)


def test_an_unparseable_address_is_refused() -> None:
    with pytest.raises(AddressRefused) as refused:
        check_connect_address("localhost", policy=LOOPBACK_TESTS)
    assert refused.value.address_class is AddressClass.UNPARSEABLE


def test_an_address_refusal_is_an_os_error_so_aiohttp_reports_a_connect_failure() -> None:
    assert issubclass(AddressRefused, OSError)


class FakeDns(AbstractResolver):
    """Answers from a fixed table, as a hostile DNS server could."""

    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = answers
        self.closed = False

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        return [
            ResolveResult(
                hostname=host,
                host=address,
                port=port,
                family=socket.AF_INET6 if ":" in address else socket.AF_INET,
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
            for address in self.answers.get(host, [])
        ]

    async def close(self) -> None:
        self.closed = True


def resolver(policy: WebhookPolicy, **answers: list[str]) -> PublicAddressResolver:
    table = {name.replace("_", "."): addresses for name, addresses in answers.items()}
    return PublicAddressResolver(policy=policy, inner=FakeDns(table))


async def test_a_host_with_only_public_addresses_resolves_unchanged() -> None:
    results = await resolver(
        PRODUCTION, hooks_example_org=["13.107.6.152", "2620:1ec:4::1"]
    ).resolve("hooks.example.org", 443)
    assert [result["host"] for result in results] == ["13.107.6.152", "2620:1ec:4::1"]


@pytest.mark.parametrize(
    "private",
    ["10.0.0.5", "127.0.0.1", "169.254.169.254", "::ffff:127.0.0.1", "fd00::1", "100.64.1.1"],
)
async def test_one_private_address_among_public_ones_refuses_the_whole_answer(
    private: str,
) -> None:
    dns = resolver(PRODUCTION, hooks_example_org=["13.107.6.152", private, "52.96.0.1"])
    with pytest.raises(AddressRefused) as refused:
        await dns.resolve("hooks.example.org", 443)
    assert refused.value.address == private
    assert refused.value.host == "hooks.example.org"


async def test_a_host_rebound_to_loopback_is_refused_unless_testing() -> None:
    with pytest.raises(AddressRefused):
        await resolver(PRODUCTION, localhost=["127.0.0.1"]).resolve("localhost", 80)
    results = await resolver(LOOPBACK_TESTS, localhost=["127.0.0.1"]).resolve("localhost", 80)
    assert results[0]["host"] == "127.0.0.1"


async def test_the_test_flag_still_refuses_a_private_address_next_to_loopback() -> None:
    dns = resolver(LOOPBACK_TESTS, localhost=["127.0.0.1", "192.168.0.10"])
    with pytest.raises(AddressRefused):
        await dns.resolve("localhost", 80)


async def test_an_empty_answer_is_a_resolution_failure() -> None:
    with pytest.raises(OSError):
        await resolver(PRODUCTION).resolve("nowhere.example.org", 443)


async def test_closing_the_resolver_closes_the_inner_one() -> None:
    inner = FakeDns({})
    await PublicAddressResolver(policy=PRODUCTION, inner=inner).close()
    assert inner.closed


async def test_the_real_system_resolver_answer_for_localhost_is_refused_in_production() -> None:
    with pytest.raises(AddressRefused) as refused:
        await PublicAddressResolver(policy=PRODUCTION).resolve("localhost", 443)
    assert refused.value.address_class is AddressClass.LOOPBACK


def test_the_socket_factory_refuses_a_private_peer_before_creating_a_socket() -> None:
    create = guarded_socket_factory(LOOPBACK_TESTS)
    with pytest.raises(AddressRefused):
        create((socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.1", 443)))
    with pytest.raises(AddressRefused):
        guarded_socket_factory(PRODUCTION)(
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 443))
        )


def test_the_socket_factory_creates_a_socket_for_an_allowed_peer() -> None:
    create = guarded_socket_factory(LOOPBACK_TESTS)
    with create((socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 443))) as sock:
        assert sock.family == socket.AF_INET
