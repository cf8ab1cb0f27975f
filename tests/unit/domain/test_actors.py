"""Every use case names its actor: forgetting it fails at type-check time and at run time,
instead of silently running with an operator's rights."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

import domain
from domain.actors import USE_CASES, MissingActor, Operator
from tests.actors import OPERATOR, as_actor
from tests.unit.conftest import Organisation
from tests.unit.fakes import FakeDatabase

ROOT = Path(__file__).resolve().parents[3]

ESTABLISH_THE_ACTOR = frozenset({
    "domain.services.api_keys.authenticate",
    "domain.services.invitations.accept_invitation",
    "domain.services.invitations.enroll",
    "domain.services.overview.current_user",
})
"""Functions that find out who is acting (from a key, an invitation or a first contact)."""


def _domain_modules() -> list[ModuleType]:
    names = [info.name for info in pkgutil.walk_packages(domain.__path__, "domain.")]
    return [importlib.import_module(name) for name in names]


def _public_functions_taking_a_unit_of_work() -> dict[str, Callable[..., object]]:
    found: dict[str, Callable[..., object]] = {}
    for module in _domain_modules():
        for name, function in vars(module).items():
            if name.startswith("_") or not inspect.iscoroutinefunction(function):
                continue
            if getattr(function, "__module__", None) != module.__name__:
                continue
            parameters = inspect.signature(function).parameters
            if "uow" in parameters and parameters["uow"].kind is inspect.Parameter.KEYWORD_ONLY:
                found[f"{module.__name__}.{name}"] = function
    return found


def test_every_use_case_is_marked_and_takes_a_required_keyword_actor() -> None:
    functions = _public_functions_taking_a_unit_of_work()
    assert set(functions) - ESTABLISH_THE_ACTOR == set(USE_CASES)
    for name, use_case in USE_CASES.items():
        actor = inspect.signature(use_case).parameters["actor"]
        assert actor.kind is inspect.Parameter.KEYWORD_ONLY, name
        assert actor.default is inspect.Parameter.empty, name
    assert len(USE_CASES) >= 30


def _accepts_operators(name: str) -> bool:
    annotation = inspect.signature(USE_CASES[name]).parameters["actor"].annotation
    return annotation == "Actor"


@pytest.mark.parametrize("name", sorted(_public_functions_taking_a_unit_of_work().keys()
                                        - ESTABLISH_THE_ACTOR))
async def test_a_use_case_called_without_a_proper_actor_refuses_before_it_runs(
    db: FakeDatabase, org: Organisation, name: str
) -> None:
    use_case = USE_CASES[name]
    wrong: list[object] = [None, org.admin.id, org.admin]
    if not _accepts_operators(name):
        wrong.append(OPERATOR)
    before = db.snapshot()
    with pytest.raises(MissingActor, match="needs actor="):
        await use_case(uow=db.unit_of_work())
    for actor in wrong:
        with pytest.raises(TypeError, match=f"{name.rsplit('.', 1)[1]} needs actor="):
            await use_case(uow=db.unit_of_work(), actor=actor)
    assert db.snapshot() == before


async def test_a_proper_actor_gets_through_to_the_rules(
    db: FakeDatabase, org: Organisation
) -> None:
    from domain.errors import NotAllowed
    from domain.services.people import list_users

    assert len(await list_users(uow=db.unit_of_work(), actor=OPERATOR)) == 7
    assert len(await list_users(uow=db.unit_of_work(), actor=as_actor(org.customer))) == 7
    with pytest.raises(NotAllowed, match="not a TicketFlow user"):
        await list_users(uow=db.unit_of_work(), actor=as_actor("nobody"))
    assert isinstance(OPERATOR, Operator)


def test_the_type_checker_refuses_a_use_case_call_without_an_actor(tmp_path: Path) -> None:
    """mypy over a generated caller: each call that leaves out the actor is an error."""
    modules = sorted({name.rsplit(".", 1)[0] for name in USE_CASES})
    lines = [f"import {module}" for module in modules]
    lines += ["from domain.ports import UnitOfWork", ""]
    lines.append("async def callers(uow: UnitOfWork) -> None:")
    calls: dict[int, str] = {}
    for name in sorted(USE_CASES):
        calls[len(lines) + 1] = name
        lines.append(f"    await {name}(uow=uow)")
    snippet = tmp_path / "callers_without_actor.py"
    snippet.write_text("\n".join(lines) + "\n")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental",
         "--cache-dir", str(tmp_path / ".mypy_cache"), str(snippet)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    refused = {
        int(line.split(":")[1])
        for line in result.stdout.splitlines()
        if 'Missing named argument "actor"' in line
    }
    assert refused == set(calls), result.stdout
