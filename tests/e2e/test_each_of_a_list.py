"""One change said of a list ("reassign all of Sam's tickets to Lee"): the list is shown and
the change offered for the tickets on it; nothing changes until the person says yes.

Found by trying the bot as a manager: "move all of sam's tickets to me" listed Sam's tickets
"matching “move”" (none), and the only way was one message per ticket.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.service import Service, TeamsUser, texts_in
from tests.integration.builders import insert_team, insert_ticket, insert_user, this_years


async def _holders(engine: AsyncEngine) -> dict[str, tuple[str | None, str]]:
    async with engine.connect() as connection:
        rows = (await connection.execute(select(
            tasks.c.ticket_number, tasks.c.assignee_id, tasks.c.status))).all()
    return {number: (holder, status) for number, holder, status in rows}


async def _desk(service: Service, engine: AsyncEngine) -> tuple[TeamsUser, dict[str, str]]:
    """Mona manages a team with Sam and Lee; Sam holds 41-43 (43 resolved), Lee holds 44."""
    ids = {
        "mona": await insert_user(engine, role="manager", email="mona@example.com",
                                  name="Mona Manager"),
        "sam": await insert_user(engine, role="user", email="sam@example.com", name="Sam Rivera"),
        "lee": await insert_user(engine, role="user", email="lee@example.com", name="Lee Park"),
    }
    await insert_team(engine, "Service Desk", *ids.values())
    for number, holder, status in ((41, "sam", "open"), (42, "sam", "in_progress"),
                                   (43, "sam", "resolved"), (44, "lee", "open")):
        await insert_ticket(engine, created_by=ids["mona"], assignee_id=ids[holder],
                            number=this_years(number), status=status,
                            title=f"Ticket number {number}")
    return service.person("mona@example.com", "Mona Manager"), ids


async def test_a_change_said_of_a_list_shows_it_and_is_made_to_those_tickets_on_yes(
    service: Service, engine: AsyncEngine
) -> None:
    mona, ids = await _desk(service, engine)
    before = await _holders(engine)

    offered = await service.say("can you reassign all of Sam's tickets to Lee pls", user=mona)

    assert "Assigned to Sam Rivera · not yet resolved" in texts_in(offered.card)
    assert offered.texts == ["Assign these 2 tickets to Lee Park?"], offered.texts
    assert offered.buttons[:1] == ["Yes, assign both"], offered.buttons
    assert await _holders(engine) == before  # nothing changed unseen
    await insert_ticket(engine, created_by=ids["mona"], assignee_id=ids["sam"],
                        number=this_years(45), title="Filed after the offer")

    done = await service.say("yes", user=mona)

    assert done.texts == [
        f"Assigned {this_years(42)} and {this_years(41)} to Lee Park."], done.texts
    after = await _holders(engine)
    assert after[this_years(41)] == (ids["lee"], "open")
    assert after[this_years(42)] == (ids["lee"], "in_progress")
    assert after[this_years(43)] == (ids["sam"], "resolved")  # not open: not listed
    assert after[this_years(45)][0] == ids["sam"]  # not on the list shown


async def test_no_to_the_offer_changes_nothing_and_an_empty_list_offers_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    mona, _ = await _desk(service, engine)
    before = await _holders(engine)

    offered = await service.say("close all of lee's tickets", user=mona)
    declined = await service.say("no", user=mona)
    empty = await service.say("move all of mona's tickets to sam", user=mona)

    assert offered.texts == ["Close this ticket?"], offered.texts
    assert declined.texts == ["OK, I won't change anything."], declined.texts
    assert "No tickets here." in texts_in(empty.card) and not empty.texts
    assert await _holders(engine) == before


async def test_whose_tickets_said_without_all_and_what_the_person_may_not_do_is_said_first(
    service: Service, engine: AsyncEngine
) -> None:
    """'I'm off next week, give my tickets to Lee' is the same offer; an agent, who may not
    hand tickets to Lee, and a customer, who may not close any, are told so at once instead
    of offered a change every ticket would refuse."""
    mona, ids = await _desk(service, engine)
    before = await _holders(engine)

    offered = await service.say("I'm off next week, give my tickets to Lee", user=mona)
    assert "Assigned to you · not yet resolved" in texts_in(offered.card)
    assert "No tickets here." in texts_in(offered.card) and not offered.texts  # Mona has none

    sam = service.person("sam@example.com", "Sam Rivera")
    refused = await service.say("I'm off next week, give my tickets to Lee", user=sam)
    assert refused.texts and refused.texts[0].startswith("Sorry, you can't do that"), refused.texts
    assert not refused.buttons

    await insert_user(engine, role="customer", email="cy@example.com", name="Cy Customer")
    cy = service.person("cy@example.com", "Cy Customer")
    closing = await service.say("close my tickets", user=cy)
    assert closing.texts and closing.texts[0].startswith("Sorry, you can't do that"), closing.texts
    assert await _holders(engine) == before


async def test_a_second_change_said_of_the_list_is_offered_with_the_first_and_made_on_yes(
    service: Service, engine: AsyncEngine
) -> None:
    """"give all of sam's tickets to lee, then close them" offered the hand-over alone: a Yes
    reassigned them and the close was silently dropped."""
    mona, ids = await _desk(service, engine)
    before = await _holders(engine)

    offered = await service.say("give all of sam's tickets to lee, then close them", user=mona)

    assert offered.texts == ["Assign these 2 tickets to Lee Park, then close them?"], offered.texts
    assert offered.buttons[:1] == ["Yes, assign both, then close them"], offered.buttons
    assert await _holders(engine) == before

    await service.say("yes", user=mona)

    after = await _holders(engine)
    assert after[this_years(41)] == (ids["lee"], "closed")
    assert after[this_years(42)] == (ids["lee"], "closed")
    assert after[this_years(43)] == (ids["sam"], "resolved")


async def test_a_ticket_left_out_of_the_list_is_shown_but_never_changed(
    service: Service, engine: AsyncEngine
) -> None:
    """"give all of sam's tickets to lee, except 41" offered all of them, 41 too."""
    mona, ids = await _desk(service, engine)

    offered = await service.say(f"give all of sam's tickets to lee, except {41}", user=mona)

    assert offered.texts == ["Assign this ticket to Lee Park?"], offered.texts
    await service.say("yes", user=mona)
    after = await _holders(engine)
    assert after[this_years(41)] == (ids["sam"], "open")
    assert after[this_years(42)] == (ids["lee"], "in_progress")
