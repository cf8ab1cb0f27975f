"""Over HTTP, what the fourth held-out table found: "close my ticket" with no ticket shown is
the person's only open ticket, proposed on a card (several: which one, as buttons); a
customer's "rename 4 … and make it urgent" renames it and says the priority was not set,
offering it as a comment; a hedged "I think 4 is fixed, loose cable", once confirmed, keeps
the reason as a comment; "12 works now" resolves it; "how I can see my tickets?" lists them;
a confirmed "on it" starts and takes the ticket. Every resend changes nothing twice."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.assistant import button
from tests.e2e.service import (
    Service,
    buttons_of,
    card_of,
    presses,
    stored_ticket,
    texts_in,
    user_id_of,
    user_in_teams,
)
from tests.integration.builders import insert_ticket, this_years


WATCHED = ("status", "priority", "title", "assignee_id", "comments")


async def test_close_my_ticket_with_none_shown_proposes_the_only_open_one_and_applies_it_once(
    service: Service, engine: AsyncEngine
) -> None:
    ana = await user_in_teams(service, engine, "ana@example.com", "Ana Agent")
    ana_id = await user_id_of(engine, "ana@example.com")
    ticket = await insert_ticket(engine, created_by=ana_id, number=this_years(50))
    await insert_ticket(engine, created_by=ana_id, number=this_years(51), status="closed")

    offered = (await service.say("can u close my ticket pls", user=ana)).card
    assert f"Close {this_years(50)}?" in texts_in(offered)
    assert buttons_of(offered) == ["Confirm", "Cancel"]
    assert (await stored_ticket(engine, ticket))["status"] == "open"  # never guessed: asked first

    press = button(offered, "Confirm")["data"]
    closed = await service.press("request.confirm", press, user=ana)
    again = await service.press("request.confirm", press, user=ana)  # a double tap, a resend
    assert f"{this_years(50)} is now closed." in texts_in(closed) and again == closed
    assert (await stored_ticket(engine, ticket))["status"] == "closed"


async def test_close_my_ticket_with_several_open_asks_which_listing_them(
    service: Service, engine: AsyncEngine
) -> None:
    ana = await user_in_teams(service, engine, "ana@example.com", "Ana Agent")
    ana_id = await user_id_of(engine, "ana@example.com")
    first = await insert_ticket(engine, created_by=ana_id, number=this_years(52),
                                title="VPN drops")
    second = await insert_ticket(engine, created_by=ana_id, number=this_years(53),
                                 title="Mouse broken")

    turn = await service.say("please close my ticket", user=ana)
    assert turn.texts == ["You have 2 open tickets: which one do you mean?"]
    choices = presses(turn)
    assert list(choices) == [f"{this_years(52)} · VPN drops", f"{this_years(53)} · Mouse broken"]
    assert [(await stored_ticket(engine, t))["status"] for t in (first, second)] == ["open", "open"]

    picked = await service.say(choices[f"{this_years(53)} · Mouse broken"], user=ana)
    assert f"{this_years(53)} is now closed." in texts_in(picked.card)
    statuses = [(await stored_ticket(engine, t))["status"] for t in (first, second)]
    assert statuses == ["open", "closed"]


async def test_my_ticket_after_one_was_shown_is_that_ticket(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    max_id = await user_id_of(engine, "max@example.com")
    await insert_ticket(engine, created_by=max_id, number=this_years(54))
    shown = await insert_ticket(engine, created_by=max_id, number=this_years(55))
    await service.say(f"show {this_years(55)}", user=max_)

    await service.say("make my ticket urgent", user=max_)
    await service.say("set priority to high", user=max_)  # "it" is still the one shown
    assert (await stored_ticket(engine, shown))["priority"] == "high"


async def test_set_priority_with_none_shown_proposes_it_for_the_only_open_ticket(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                                 number=this_years(56))
    offered = (await service.say("set priority to urgent", user=max_)).card
    assert f"Change {this_years(56)}: priority → urgent?" in texts_in(offered)
    assert (await stored_ticket(engine, ticket))["priority"] == "medium"
    await service.press("request.confirm", button(offered, "Confirm")["data"], user=max_)
    assert (await stored_ticket(engine, ticket))["priority"] == "urgent"


async def test_a_customer_renaming_and_raising_the_priority_is_told_the_priority_was_not_set(
    service: Service, engine: AsyncEngine
) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number=this_years(4), title="Printer")
    said = "rename 4 to 'Printer jams on floor 3' and make it urgent"

    turn = await service.say(said, user=cy)
    shown = "\n".join(texts_in(card) for card in turn.cards)
    assert ("The priority was not changed: only the service desk sets it. Add what you said "
            "as a comment, so they see it?") in shown
    assert buttons_of(turn.cards[-1]) == ["Add this as a comment", "Cancel"]
    assert await stored_ticket(engine, ticket, *WATCHED) == {
        "status": "open", "priority": "medium", "title": "Printer jams on floor 3",
        "assignee_id": None, "comments": []}

    await service.say(said, user=cy)  # said again: the title is as it was, nothing added
    press = button(turn.cards[-1], "Add this as a comment")["data"]
    await service.press("request.confirm", press, user=cy)
    await service.press("request.confirm", press, user=cy)
    assert await stored_ticket(engine, ticket, *WATCHED) == {
        "status": "open", "priority": "medium", "title": "Printer jams on floor 3",
        "assignee_id": None, "comments": [said]}


async def test_a_hedged_change_once_confirmed_keeps_its_reason_as_a_comment(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                                 number=this_years(4))

    turn = await service.say("I think 4 is fixed, loose cable", user=max_)
    assert turn.texts == [f"Should {this_years(4)} be resolved?"]
    assert (await stored_ticket(engine, ticket))["status"] == "open"

    yes = presses(turn)["Yes"]
    done = await service.say(yes, user=max_)
    assert f"{this_years(4)} is now resolved. Your comment was added." in texts_in(done.card)
    await service.say(yes, user=max_)  # pressed again: resolved already, nothing added
    state = await stored_ticket(engine, ticket)
    assert (state["status"], state["comments"]) == ("resolved", ["loose cable"])


async def test_done_with_how_it_was_done_asks_to_resolve_the_ticket_shown_keeping_how(
    service: Service, engine: AsyncEngine
) -> None:
    """"done, cleaned the fan" just after starting a ticket was searched for in the help
    documents and offered as a new ticket; it asks to resolve the ticket shown, and Yes
    resolves it with how it was done as the comment, once however often pressed."""
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                                 number=this_years(4), title="Laptop fan really loud")
    await service.say("start 4", user=max_)

    turn = await service.say("done, cleaned the fan", user=max_)
    assert turn.texts == [f"Should {this_years(4)} be resolved?"]
    assert (await stored_ticket(engine, ticket))["status"] == "in_progress"

    yes = presses(turn)["Yes"]
    done = await service.say(yes, user=max_)
    assert f"{this_years(4)} is now resolved. Your comment was added." in texts_in(done.card)
    await service.say(yes, user=max_)
    state = await stored_ticket(engine, ticket)
    assert (state["status"], state["comments"]) == ("resolved", ["cleaned the fan"])


async def test_works_now_resolves_and_working_on_starts(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    max_id = await user_id_of(engine, "max@example.com")
    fixed = await insert_ticket(engine, created_by=max_id, number=this_years(12))
    started = await insert_ticket(engine, created_by=max_id, number=this_years(13))

    await service.say("12 works now", user=max_)
    await service.say("we're working on 13", user=max_)
    assert (await stored_ticket(engine, fixed))["status"] == "resolved"
    assert (await stored_ticket(engine, started))["status"] == "in_progress"


async def test_how_i_can_see_my_tickets_lists_them(service: Service, engine: AsyncEngine) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                        number=this_years(60), title="Badge reader blinks red")
    listed = await service.say("how I can see my tickets?", user=cy)
    assert "Badge reader blinks red" in texts_in(listed.card)


async def test_on_it_with_none_shown_proposes_starting_and_taking_the_only_open_ticket(
    service: Service, engine: AsyncEngine
) -> None:
    ana = await user_in_teams(service, engine, "ana@example.com", "Ana Agent")
    ana_id = await user_id_of(engine, "ana@example.com")
    ticket = await insert_ticket(engine, created_by=ana_id, number=this_years(61),
                                 assignee_type=None)

    offered = (await service.say("on it", user=ana)).card
    assert (f"Start work on {this_years(61)} (in progress), and take it if no one has it?"
            in texts_in(offered))
    press = button(offered, "Confirm")["data"]
    taken = await service.press("request.confirm", press, user=ana)
    again = await service.press("request.confirm", press, user=ana)
    assert "not valid" not in texts_in(taken) and again == taken
    state = await stored_ticket(engine, ticket)
    assert (state["status"], state["assignee_id"]) == ("in_progress", ana_id)


async def test_two_changes_in_one_message_are_both_made_and_a_part_not_allowed_is_said(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    mine = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                               number=this_years(70), title="Printer")
    theirs = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number=this_years(71), title="Scanner")

    said = "rename 70 to printer jams and close it"
    updates = len(service.connector.successful("update"))
    await service.say(said, user=max_)
    [redrawn] = service.connector.successful("update")[updates:]  # one card, after both
    shown = texts_in(card_of(redrawn.body) or {})
    assert "Saved: title." in shown and f"{this_years(70)} is now closed." in shown
    await service.say(said, user=max_)  # said again: nothing more changes
    state = await stored_ticket(engine, mine)
    assert (state["title"], state["status"]) == ("Printer jams", "closed")

    turn = await service.say("rename 71 to scanner jams and close it", user=cy)
    assert "Only the service desk sets the status." in texts_in(turn.cards[-1])
    state = await stored_ticket(engine, theirs)
    assert (state["title"], state["status"]) == ("Scanner jams", "open")


async def test_two_changes_in_one_message_answer_with_one_card_showing_the_ticket_after_both(
    service: Service, engine: AsyncEngine
) -> None:
    max_ = await user_in_teams(service, engine, "max@example.com", "Max Manager", role="manager")
    mine = await insert_ticket(engine, created_by=await user_id_of(engine, "max@example.com"),
                               number=this_years(72), title="Badge reader")
    updates = len(service.connector.successful("update"))

    turn = await service.say("make 72 urgent and assign it to me", user=max_)

    assert turn.texts == [] and len(turn.cards) == 1, turn.texts
    first = texts_in(turn.cards[0])
    assert "Priority\nUrgent" in first and "Assignee\nUnassigned" in first
    [update] = service.connector.successful("update")[updates:]  # the same card, redrawn
    final = card_of(update.body)
    assert final is not None
    shown = texts_in(final)
    notices = [block["text"] for block in final["body"][:2]]
    assert notices[0] == "Saved: priority." and notices[1].startswith("Assigned to "), notices
    max_name = notices[1].removeprefix("Assigned to ").rstrip(".")
    assert "Priority\nUrgent" in shown and f"Assignee\n{max_name}" in shown, shown
    state = await stored_ticket(engine, mine)
    assert state["priority"] == "urgent" and state["assignee_id"] is not None

    again = await service.say("make 72 urgent and assign it to me", user=max_)  # said again
    assert len(again.cards) <= 1
    assert await stored_ticket(engine, mine) == state
