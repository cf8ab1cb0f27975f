"""What every fake repository shares: the unit of work whose working copy it reads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.unit.fakes.tables import Tables

if TYPE_CHECKING:
    from tests.unit.fakes.unit_of_work import FakeUnitOfWork


class Repository:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self._uow = uow

    @property
    def _tables(self) -> Tables:
        return self._uow.tables
