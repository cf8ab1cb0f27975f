"""Fixtures for unit tests: a fresh in-memory database per test and a small organisation."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from domain.people import Role, Team, User
from tests.unit.fakes import FakeDatabase, FakeUnitOfWork


@dataclass(frozen=True)
class Organisation:
    """Who works where: Support holds the manager, two agents (and a customer, to prove
    membership gives customers nothing); Billing holds an agent nobody else works with."""

    admin: User
    manager: User
    agent: User
    teammate: User
    outsider: User
    customer: User
    other_customer: User
    support: Team
    billing: Team


@pytest.fixture
def db() -> FakeDatabase:
    return FakeDatabase()


@pytest.fixture
def uow(db: FakeDatabase) -> FakeUnitOfWork:
    return db.unit_of_work()


@pytest.fixture
def org(db: FakeDatabase) -> Organisation:
    admin = db.seed_user(role=Role.ADMIN)
    manager = db.seed_user(role=Role.MANAGER)
    agent = db.seed_user(role=Role.USER)
    teammate = db.seed_user(role=Role.USER)
    outsider = db.seed_user(role=Role.USER)
    customer = db.seed_user(role=Role.CUSTOMER)
    other_customer = db.seed_user(role=Role.CUSTOMER)
    support = db.seed_team("Support", manager, agent, teammate, customer)
    billing = db.seed_team("Billing", outsider)
    return Organisation(
        admin, manager, agent, teammate, outsider, customer, other_customer, support, billing
    )
