"""Which failures are an outage of the database (answered 503, Teams resends) and which
are faults or another service's trouble (answered as errors, logged with a traceback)."""

from __future__ import annotations

import sqlite3

import aiohttp
import pytest
from aiohttp.client_reqrep import ConnectionKey
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from ticketflow.reachability import lost_the_database


def _wrapped(error: BaseException, cause: BaseException) -> BaseException:
    error.__cause__ = cause
    return error


def _connector_down() -> aiohttp.ClientConnectorError:
    key = ConnectionKey("smba.trafficmanager.net", 443, True, None, None, None, None)
    return aiohttp.ClientConnectorError(key, ConnectionRefusedError(111, "refused"))


class _AsyncpgLike(Exception):
    """A driver error that is not sqlite3's, as asyncpg's are."""


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked")),
        OperationalError("SELECT 1", {}, sqlite3.OperationalError("unable to open database file")),
        OperationalError("SELECT 1", {}, _AsyncpgLike("connection was closed in the middle")),
        InterfaceError("SELECT 1", {}, _AsyncpgLike("connection is closed")),
        ConnectionRefusedError(111, "Connection refused"),
        _wrapped(RuntimeError("turn failed"), ConnectionResetError(104, "reset by peer")),
        TimeoutError(),
        PoolTimeout("QueuePool limit of size 50 overflow 10 reached, connection timed out, "
                    "timeout 30.00"),
    ],
    ids=["sqlite-locked", "sqlite-unopenable", "pg-operational", "pg-interface", "refused",
         "reset-under-another-error", "timeout", "pool-exhausted"],
)
def test_a_database_that_cannot_be_reached_is_an_outage(error: BaseException) -> None:
    assert lost_the_database(error)


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("SELECT holder", {}, sqlite3.OperationalError("no such column: holder")),
        OperationalError("SELECT 1", {}, sqlite3.OperationalError("no such table: tasks")),
        IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed")),
        _connector_down(),
        _wrapped(RuntimeError("post failed"), _connector_down()),
        ValueError("a bug"),
    ],
    ids=["not-migrated-column", "not-migrated-table", "integrity", "connector-down",
         "connector-down-under-another-error", "bug"],
)
def test_a_fault_or_another_services_trouble_is_no_database_outage(error: BaseException) -> None:
    assert not lost_the_database(error)
