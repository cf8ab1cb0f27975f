"""Over HTTP: "12 isn't mine, please reassign" asks who should take 12 (it went to the help
assistant, which offered to file the message as a new ticket), and "12 is more of a
network thing" asks whether Network should take it; nothing changes until a press."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from domain.tickets import Assignee
from tests.e2e.service import Service, file_ticket, person_in_teams, presses, stored_ticket
from tests.integration.builders import insert_team


async def test_a_disowned_ticket_asks_who_takes_it_and_a_press_gives_it_them(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    sam, _ = await person_in_teams(service, engine, "Sam", "Rivera")
    network = await insert_team(engine, "Network", manager, sam)
    mine = await file_ticket(engine, manager, "Badge reader slow",
                             assignee=Assignee.user(manager))
    other = await file_ticket(engine, manager, "Switch in room 4 blinking",
                              assignee=Assignee.user(manager))
    first, second = (int(t.ticket_number[-4:]) for t in (mine, other))

    asked = await service.say(f"{first} isn't mine, please reassign", user=mia)

    assert asked.texts[0].startswith(f"Who should take {mine.ticket_number}?"), asked.texts
    assert (await stored_ticket(engine, mine.id, "assignee_id"))["assignee_id"] == manager
    await service.say(presses(asked)["Sam Rivera"], user=mia)
    assert (await stored_ticket(engine, mine.id, "assignee_id"))["assignee_id"] == sam

    offered = await service.say(f"{second} is more of a network thing", user=mia)

    assert offered.texts[0] == f"Should Network take {other.ticket_number}?", offered.texts
    assert list(presses(offered)) == ["Yes"]
    assert (await stored_ticket(engine, other.id, "assignee_team_id"))["assignee_team_id"] is None
    await service.say(presses(offered)["Yes"], user=mia)
    stored = await stored_ticket(engine, other.id, "assignee_type", "assignee_team_id")
    assert stored == {"assignee_type": "team", "assignee_team_id": network}
