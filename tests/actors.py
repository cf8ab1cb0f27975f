"""Actors for calling use cases in tests.

A use case reads the acting user's role and teams again inside its own transaction, so
a test names the user by id and lets the use case find out the rest; `OPERATOR` is
someone at the command line.
"""

from __future__ import annotations

from domain.access import Viewer
from domain.actors import Operator
from domain.people import User

OPERATOR = Operator("tests")


def as_actor(user: User | str) -> Viewer:
    """The user (or user id) as the actor of a use case call."""
    return Viewer(user if isinstance(user, User) else User(id=user, email=None))
