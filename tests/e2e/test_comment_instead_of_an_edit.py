"""A customer who says "actually it's urgent" about their ticket is told who sets the
priority and can add what they said as a comment in one press, once however often the
press arrives; staff saying it still set the priority."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.assistant import button
from tests.e2e.service import (
    Service,
    buttons_of,
    stored_ticket,
    texts_in,
    user_id_of,
    user_in_teams,
)
from tests.integration.builders import insert_team, insert_ticket, insert_user


async def priority_and_comments(engine: AsyncEngine, ticket_id: int) -> tuple[object, object]:
    stored = await stored_ticket(engine, ticket_id, "priority", "comments")
    return stored["priority"], stored["comments"]


async def test_a_customer_saying_it_is_urgent_adds_it_as_a_comment_in_one_press_once(
    service: Service, engine: AsyncEngine
) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    cy_id = await user_id_of(engine, "cy@example.com")
    ticket = await insert_ticket(engine, created_by=cy_id, number="TKT-2026-0040",
                                 title="Printer on floor 3 jams")
    await service.say("show TKT-2026-0040", user=cy)

    offered = (await service.say("actually it's urgent", user=cy)).card
    shown = texts_in(offered)
    assert ("Only the service desk sets the priority. Add what you said as a comment, so "
            "they see it?") in shown
    assert "“actually it's urgent”" in shown and "can't do that" not in shown
    assert buttons_of(offered) == ["Add this as a comment", "Cancel"]
    assert await priority_and_comments(engine, ticket) == ("medium", [])

    press = button(offered, "Add this as a comment")["data"]
    added = await service.press("request.confirm", press, user=cy)
    again = await service.press("request.confirm", press, user=cy)  # a double tap, a resend
    assert "Comment added." in texts_in(added) and again == added
    assert await priority_and_comments(engine, ticket) == ("medium", ["actually it's urgent"])


async def test_a_manager_saying_it_is_urgent_sets_the_priority(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                                 number="TKT-2026-0041")
    await service.say("show TKT-2026-0041", user=max_)
    await service.say("actually it's urgent", user=max_)
    assert await priority_and_comments(engine, ticket) == ("urgent", [])


async def test_a_customer_may_still_rename_their_ticket_without_an_offer(
    service: Service, engine: AsyncEngine
) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                        number="TKT-2026-0042")
    renamed = await service.say('rename TKT-2026-0042 to "Printer jams on every job"', user=cy)
    assert "Add this as a comment" not in buttons_of(renamed.card)
    async with engine.connect() as connection:
        title = (await connection.execute(select(tasks.c.title))).scalar_one()
    assert title == "Printer jams on every job"


async def test_an_agent_asking_for_a_priority_on_their_team_ticket_is_offered_the_comment_too(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    ada_id = await user_id_of(engine, "ada@example.com")
    cy_id = await insert_user(engine, role="customer", email="cy@example.com")
    network = await insert_team(engine, "Network", ada_id)
    ticket = await insert_ticket(engine, created_by=cy_id, number="TKT-2026-0043",
                                 assignee_type="team", assignee_team_id=network)
    offered = (await service.say("make TKT-2026-0043 urgent pls", user=ada)).card
    assert ("Only managers and admins set the priority. Add what you said as a comment, so "
            "they see it?") in texts_in(offered)
    await service.press("request.confirm", button(offered, "Add this as a comment")["data"],
                        user=ada)
    assert await priority_and_comments(engine, ticket) == (
        "medium", ["make TKT-2026-0043 urgent pls"])


async def test_a_customer_saying_it_works_now_is_offered_the_comment_not_refused(
    service: Service, engine: AsyncEngine
) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number="TKT-2026-0044", title="Laptop will not charge")
    await service.say("show TKT-2026-0044", user=cy)

    offered = (await service.say("it's working now, you can close it", user=cy)).card
    assert ("Only the service desk sets the status. Add what you said as a comment, so "
            "they see it?") in texts_in(offered)
    assert "can't do that" not in texts_in(offered)
    await service.press("request.confirm", button(offered, "Add this as a comment")["data"],
                        user=cy)
    assert await stored_ticket(engine, ticket, "status", "comments") == {
        "status": "open", "comments": ["it's working now, you can close it"]}


async def test_an_agent_saying_it_works_now_resolves_the_ticket(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                                 number="TKT-2026-0045")
    await service.say("TKT-2026-0045 is working again", user=max_)
    assert (await stored_ticket(engine, ticket, "status"))["status"] == "resolved"


async def test_a_customer_asking_to_cancel_their_ticket_is_offered_the_comment_in_their_words(
    service: Service, engine: AsyncEngine
) -> None:
    """"cancel my ticket, I found a spare" asked a customer "Should it be closed?" with a
    "Yes, close it" button, and the comment then offered read "set TKT-… to closed"."""
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number="TKT-2026-0045", title="Need a laptop charger")

    for said in ("cancel my ticket, i found a spare", "cancel TKT-2026-0045 please"):
        offered = (await service.say(said, user=cy)).card
        assert ("Only the service desk sets the status. Add what you said as a comment, so "
                "they see it?") in texts_in(offered), said
        assert f"“{said}”" in texts_in(offered)
        assert buttons_of(offered) == ["Add this as a comment", "Cancel"]
    await service.press("request.confirm", button(offered, "Add this as a comment")["data"],
                        user=cy)
    assert await stored_ticket(engine, ticket, "status", "comments") == {
        "status": "open", "comments": ["cancel TKT-2026-0045 please"]}


async def test_a_manager_asking_to_cancel_a_ticket_is_asked_whether_to_close_it(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                        number="TKT-2026-0046")
    asked = await service.say("cancel TKT-2026-0046", user=max_)
    assert "Tickets aren't deleted. Should TKT-2026-0046 be closed?" in asked.texts


async def test_a_customer_asking_to_assign_their_ticket_is_offered_the_comment(
    service: Service, engine: AsyncEngine
) -> None:
    """Customers assign nothing: "give it to Sam" is not met with "Who should take it?" (no
    name a customer can give would do) but with who assigns, and the comment offer."""
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    await insert_user(engine, email="sam@example.com", name="Sam Agent")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number="TKT-2026-0043", title="Laptop will not charge")
    await service.say("show TKT-2026-0043", user=cy)
    for said in ("give it to sam", "assign TKT-2026-0043 to Sam Agent", "can you give it to zed"):
        offered = (await service.say(said, user=cy)).card
        shown = texts_in(offered)
        assert ("Only the service desk assigns tickets. Add what you said as a comment, so "
                "they see it?") in shown, (said, shown)
        assert buttons_of(offered) == ["Add this as a comment", "Cancel"], said
    stored = await stored_ticket(engine, ticket, "assignee_id", "comments")
    assert (stored["assignee_id"], stored["comments"]) == (None, [])
