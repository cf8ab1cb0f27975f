"""The OpenAPI document: valid 3.1, and exactly the routes the server has."""

from __future__ import annotations

import schemathesis
from aiohttp import web

from domain.services.tickets import EDITABLE_FIELDS
from domain.tickets import TicketStatus
from tests.integration.ticketflow.api.conftest import api_app
from ticketflow.api.errors import REALM
from ticketflow.api.patching import FIELD_PARSERS
from ticketflow.api.schemas.openapi import TICKET_PATCH, openapi_document
from ticketflow.runtime import Runtime


def test_the_document_is_valid_openapi_3_1() -> None:
    document = openapi_document()
    schema = schemathesis.openapi.from_dict(document)
    schema.validate()
    assert document["openapi"] == "3.1.0"
    assert document["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http", "scheme": "bearer",
        "description": document["components"]["securitySchemes"]["bearerAuth"]["description"],
    }
    assert REALM.startswith("Bearer")


async def test_the_document_describes_exactly_the_routes_served(runtime: Runtime) -> None:
    app = api_app(runtime)
    [api] = [resource for resource in app.router.resources()
             if isinstance(resource, web.PrefixedSubAppResource)]
    served = {
        (route.resource.canonical.removeprefix("/api/v1"), route.method.lower())
        for route in api  # the sub-application's routes
        if route.method != "HEAD" and route.resource is not None
    }
    document = openapi_document()
    described = {
        (path, method)
        for path, item in document["paths"].items()
        for method in item if method != "parameters"
    }
    assert served == described
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method == "parameters":
                continue
            secured = operation.get("security", document["security"]) != []
            assert ("401" in operation["responses"]) is secured, (path, method)


def test_patch_reads_the_same_fields_the_domain_edits() -> None:
    assert set(FIELD_PARSERS) == set(EDITABLE_FIELDS)
    assert set(TICKET_PATCH["properties"]) == set(EDITABLE_FIELDS) | {"status", "assignee",
                                                                      "version"}
    assert TICKET_PATCH["properties"]["status"]["enum"] == [s.value for s in TicketStatus]
