"""Over HTTP: after a list, "I'll take the switch one", "close the wifi ticket", "the second
one", "both" mean tickets of that list; two that fit are asked about, none is no guess."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import bot_state, tasks
from domain.tickets import Assignee
from tests.e2e.service import Service, file_ticket, person_in_teams, texts_in
from tests.e2e.test_on_it import status_and_assignee
from tests.integration.builders import insert_team


async def test_a_ticket_of_the_list_last_shown_is_named_by_its_title_or_place(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    network = await insert_team(engine, "Network", manager)
    switch, wifi = [
        (await file_ticket(engine, manager, title, category="incident",
                           assignee=Assignee.team(network))).ticket_number
        for title in ("Switch in room 4 is down", "Wifi dead in meeting room B")]

    listed = await service.say("what's in the network queue?", user=mia)
    assert "Switch in room 4 is down" in texts_in(listed.card)

    turn = await service.say("I'll take the switch one", user=mia)
    assert "Assigned to Mia Manager." in texts_in(turn.card)
    assert await status_and_assignee(engine, switch) == ("open", manager)
    assert (await status_and_assignee(engine, wifi))[1] is None  # the team's still

    turn = await service.say("show me the room one", user=mia)  # both titles say "room"
    assert turn.texts[0] == "More than one ticket in the list is about “room”: which one?"
    buttons = [button for activity in turn.sent for attachment in activity["attachments"]
               for button in attachment["content"]["buttons"]]
    assert {b["value"] for b in buttons} == {f"show me {switch}", f"show me {wifi}"}
    assert f"{switch} · Switch in room 4 is down" in {b["title"] for b in buttons}

    turn = await service.say("I'll take the printer one", user=mia)  # none fits: no guess
    assert (await status_and_assignee(engine, wifi))[1] is None

    turn = await service.say("the Wi-Fi ticket is fixed, it was the access point", user=mia)
    assert f"{wifi} is now resolved. Your comment was added." in texts_in(turn.card)


async def test_a_new_ticket_after_a_list_keeps_its_title_as_typed(
    service: Service, engine: AsyncEngine
) -> None:
    """'the printer problem' in a new ticket's title was replaced by the number of the listed
    printer ticket: filed as 'TKT-… on floor 3 is back'; two that fit asked which one."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    network = await insert_team(engine, "Network", manager)
    for title in ("Printer on floor 2 jams", "Switch in room 4 is down", "Wifi dead in room B"):
        await file_ticket(engine, manager, title, category="incident",
                          assignee=Assignee.team(network))
    await service.say("what's in the network queue?", user=mia)

    for said, title in [
        ("new ticket: the printer problem on floor 3 is back",
         "The printer problem on floor 3 is back"),
        ("file a ticket, the room one on floor 5 is too cold", "The room one on floor 5 is too cold"),
    ]:
        asked = await service.say(said, user=mia)
        assert not any("which one?" in text for text in asked.texts), asked.texts
        await service.say("skip", user=mia)
        await service.say("Incident", user=mia)
        await service.say("Low", user=mia)
        async with engine.connect() as connection:
            titles = set((await connection.execute(select(tasks.c.title))).scalars())
        assert title in titles, titles


async def test_a_list_shown_over_half_an_hour_ago_is_not_picked_from(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    network = await insert_team(engine, "Network", manager)
    switch = (await file_ticket(engine, manager, "Switch in room 4 is down", category="incident",
                                assignee=Assignee.team(network))).ticket_number
    await service.say("what's in the network queue?", user=mia)
    await _age_the_list(engine, minutes=31)

    await service.say("I'll take the switch one", user=mia)

    assert (await status_and_assignee(engine, switch))[1] is None


async def _age_the_list(engine: AsyncEngine, minutes: float) -> None:
    """As if the list had been shown `minutes` ago."""
    async with engine.begin() as connection:
        rows = (await connection.execute(select(bot_state))).mappings().all()
        [row] = [row for row in rows if "last_list" in row["document"]]
        document = dict(row["document"])
        stamp, _, lines = document["last_list"].partition("\n")
        then = datetime.fromisoformat(stamp) - timedelta(minutes=minutes)
        document["last_list"] = f"{then.isoformat()}\n{lines}"
        await connection.execute(
            update(bot_state).where(bot_state.c.key == row["key"]).values(document=document))
