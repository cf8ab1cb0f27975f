"""Schemathesis against the OpenAPI document: no 5xx, and every answer as documented.

Bounded and deterministic: a fixed number of examples per operation and mode,
a derandomised seed, no example database, no deadline and no health check that
depends on speed, and no shrinking (a failure is reported as generated). The
exact cases still depend on which project modules the process has imported,
because Hypothesis mixes string constants from loaded code into its data — never
on time.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.strategies import SearchStrategy
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.integration.ticketflow.api.conftest import Api
from tests.integration.builders import insert_team, insert_ticket
from ticketflow.api.schemas.openapi import openapi_document

EXAMPLES_PER_OPERATION = 30
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
# A schema-violating request may be refused for its size (413) as well as its content.
REJECTIONS = ["400", "401", "403", "404", "405", "409", "413", "415", "422"]
CONFIG = schemathesis.Config.from_dict(
    {"checks": {"negative_data_rejection": {"expected-statuses": REJECTIONS}}}
)
REPORTED_CHARACTERS = 2000
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.generate],
)


@dataclass
class Report:
    cases: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


def modes(operation: schemathesis.APIOperation, *, fixed_path: bool) -> list[GenerationMode]:
    """Negative data needs an input left to break: /openapi.json has none, and neither has
    GET /tickets/{ticket} once the ticket is fixed."""
    headers = [h for h in operation.headers if h.name != "Authorization"]  # fixed below
    inputs = [operation.query, headers, operation.body]
    if not fixed_path:
        inputs.append(operation.path_parameters)
    if any(len(group) for group in inputs):
        return [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
    return [GenerationMode.POSITIVE]


def fuzz(base_url: str, key: str, *, known_ticket: str) -> Report:
    """Runs in a worker thread: schemathesis' client is synchronous, the server is not.

    Operations on one ticket run twice: with generated references (nearly all
    missing) and with an existing ticket, so bodies reach the use cases.
    """
    report = Report()
    authorised = {"Authorization": f"Bearer {key}"}
    schema = schemathesis.openapi.from_dict(openapi_document(), config=CONFIG)
    with requests.Session() as session:
        for result in schema.get_all_operations():
            operation = result.ok()
            targets: list[dict[str, str] | None] = [None]
            if "ticket" in operation.path:
                targets.append({"ticket": known_ticket})
            for target in targets:
                for mode in modes(operation, fixed_path=target is not None):
                    strategy = operation.as_strategy(generation_mode=mode, headers=authorised,
                                                     path_parameters=target)
                    label = f"{operation.label} [{mode.value}, ticket {target or 'generated'}]"
                    run(strategy, label, base_url, session, report)
    return report


def run(strategy: SearchStrategy[schemathesis.Case], label: str, base_url: str,
        session: requests.Session, report: Report) -> None:
    @FUZZ_SETTINGS
    @given(case=strategy)
    def exercise(case: schemathesis.Case) -> None:
        response = case.call(base_url=base_url, session=session)
        report.cases += 1
        report.statuses[response.status_code] = report.statuses.get(response.status_code, 0) + 1
        case.validate_response(response, checks=CHECKS)

    try:
        exercise()
    except Exception as failure:  # noqa: BLE001 - collected, then asserted on by the test
        report.failures.append(f"{label}: {str(failure)[:REPORTED_CHARACTERS]}")


async def test_generated_requests_get_documented_answers_and_never_a_5xx(
    api: Api, engine: AsyncEngine
) -> None:
    admin = await api.person(engine, "admin")
    agent = await api.person(engine, "user")
    team = await insert_team(engine, "Desk", agent.id)
    for n in range(1, 6):
        await insert_ticket(engine, created_by=agent.id, number=f"TKT-2026-{n:04d}",
                            assignee_type="team", assignee_team_id=team)
    key = await api.key(admin)

    report = await asyncio.to_thread(fuzz, api.base_url, key, known_ticket="3")

    assert report.failures == [], "\n\n".join(report.failures)
    assert not any(status >= 500 for status in report.statuses)
    assert report.cases >= 13 * EXAMPLES_PER_OPERATION  # every operation, mode and target
    print(f"fuzzing: {report.cases} requests, statuses {sorted(report.statuses.items())}")
