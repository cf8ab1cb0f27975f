"""`departments`."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.records import first_value
from db.tables import departments
from domain.people import Department


class SqlDepartmentRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def get(self, department_id: int) -> Department | None:
        query = select(departments).where(departments.c.id == department_id)
        return first_value(Department, await self._db.execute(query))

    async def get_by_name(self, name: str) -> Department | None:
        query = select(departments).where(func.lower(departments.c.name) == name.strip().lower())
        return first_value(Department, await self._db.execute(query))

