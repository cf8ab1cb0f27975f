"""What every API handler works with, stored once on the API's sub-application."""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from domain.ports import UnitOfWork
from ticketflow.runtime import Runtime


@dataclass(frozen=True, slots=True)
class ApiContext:
    runtime: Runtime

    def uow(self) -> UnitOfWork:
        return self.runtime.uow()


API = web.AppKey("ticketflow_api", ApiContext)


def context(request: web.Request) -> ApiContext:
    return request.app[API]
