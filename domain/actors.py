"""Who a use case acts for, always named by the caller.

A use case takes a required keyword `actor`: a `Viewer` (a TicketFlow user, in chat
or through the REST API) or an `Operator` (someone running `ticketflow` on the
server, or a migration), who is trusted and has no TicketFlow account. There is no
default: a caller that forgets the actor fails at type-check time and at run time,
instead of silently getting an operator's rights.

A use case reads a viewer's role and teams again inside its own transaction, so the
`Viewer` a caller passes names the person; it grants nothing by itself.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from domain.access import Viewer


@dataclass(frozen=True, slots=True)
class Operator:
    """Someone at the command line; only `ticketflow` commands and migrations construct one."""

    command: str
    """What they ran, e.g. `users add`: kept for logs, never checked."""


Actor = Viewer | Operator


class MissingActor(TypeError):
    """A use case was called without a `Viewer` or `Operator`: a bug in the caller."""

    def __init__(self, use_case: str, accepted: tuple[type, ...], got: object) -> None:
        names = " or ".join(kind.__name__ for kind in accepted)
        super().__init__(f"{use_case} needs actor= a {names}, not {type(got).__name__}")


P = ParamSpec("P")
R = TypeVar("R")

USE_CASES: dict[str, Callable[..., Awaitable[object]]] = {}
"""Every use case by qualified name, so a test can prove each one demands an actor."""


def use_case(function: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    """Marks a use case and refuses, before it runs, a call whose `actor` is not accepted.

    The accepted kinds come from the annotation of the keyword-only `actor` parameter
    (`Viewer`, or `Actor` for use cases an operator may run too).
    """
    accepted = _accepted_actors(function)
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    async def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        actor = kwargs.get("actor")
        if not isinstance(actor, accepted):
            raise MissingActor(function.__qualname__, accepted, actor)
        return await function(*args, **kwargs)

    USE_CASES[name] = checked
    return checked


def _accepted_actors(function: Callable[..., object]) -> tuple[type, ...]:
    parameter = inspect.signature(function).parameters.get("actor")
    if parameter is None or parameter.kind is not inspect.Parameter.KEYWORD_ONLY:
        raise TypeError(f"{function.__qualname__} must take a keyword-only `actor`")
    if parameter.default is not inspect.Parameter.empty:
        raise TypeError(f"{function.__qualname__}: `actor` must not have a default")
    annotation = parameter.annotation
    if isinstance(annotation, str):
        annotation = eval(annotation, function.__globals__)  # noqa: S307 - our own annotation
    kinds = typing.get_args(annotation) or (annotation,)
    if not kinds or not all(kind in (Viewer, Operator) for kind in kinds):
        raise TypeError(f"{function.__qualname__}: `actor` must be a Viewer or an Actor")
    return tuple(kinds)
