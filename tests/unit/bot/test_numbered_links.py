"""A link read as its ticket's number is replaced where it stands, whole: "close …/tickets/4
and …/tickets/45" replaced "…/tickets/4" inside "…/tickets/45" too, which read as
"TKT-2026-00095" (ticket 95, a ticket nobody linked) when 4's number was TKT-2026-0009."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from bot import unfurl
from domain.errors import TicketNotFound

WEB = "https://tickets.example.com"
NUMBERS = {4: "TKT-2026-0009", 45: "TKT-2026-0050"}


@pytest.fixture
def deps(monkeypatch: pytest.MonkeyPatch) -> Any:
    async def get_ticket(*, uow: object, actor: object, ticket: int) -> Any:
        if ticket not in NUMBERS:
            raise TicketNotFound(str(ticket))
        return SimpleNamespace(ticket_number=NUMBERS[ticket])

    monkeypatch.setattr(unfurl, "get_ticket", get_ticket)
    return SimpleNamespace(options=SimpleNamespace(web_url=WEB),
                           uow=lambda: SimpleNamespace(reading=lambda: None))


@pytest.mark.parametrize(("said", "read"), [
    (f"close {WEB}/tickets/4 and {WEB}/tickets/45", "close TKT-2026-0009 and TKT-2026-0050"),
    (f"close {WEB}/tickets/4, not {WEB}/tickets/46", f"close TKT-2026-0009, not {WEB}/tickets/46"),
    (f"close {WEB}/tickets/4/ and {WEB}/tickets/4.", "close TKT-2026-0009 and TKT-2026-0009."),
    (f"see {WEB}/tickets/44", f"see {WEB}/tickets/44"),
])
async def test_each_link_is_replaced_whole(deps: Any, said: str, read: str) -> None:
    assert await unfurl.numbered_links(deps, object(), said) == read  # type: ignore[arg-type]
