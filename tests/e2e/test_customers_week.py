"""A customer's week with the bot, and the agent who works their ticket: what each says is
done, and what the customer then sees."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import tasks
from tests.e2e.assistant import button, wait_for_answers
from tests.e2e.service import (
    Service,
    buttons_of,
    stored_ticket,
    texts_in,
    user_id_of,
    user_in_teams,
)
from tests.integration.builders import insert_ticket, insert_user, this_years
from tests.integration.knowledge.answering_openai_stand_in import Completion, CompletionsStandIn

NUMBER = this_years(40)  # a bare 40 is this year's


async def test_a_new_ticket_whose_title_says_what_does_not_work_is_filed(
    service: Service, engine: AsyncEngine
) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    asked = await service.say("new ticket laptop does not start", user=cy)
    assert "Describe it" in " ".join(asked.texts), asked.texts  # the filing goes on
    await service.say("black screen since this morning", user=cy)
    await service.say("Incident", user=cy)
    filed = await service.say("High", user=cy)
    assert "Laptop does not start" in texts_in(filed.card)
    async with engine.connect() as connection:
        titles = list((await connection.execute(select(tasks.c.title))).scalars())
        assert titles == ["Laptop does not start"]
        assert (await connection.execute(select(func.count()).select_from(tasks))).scalar() == 1


async def test_an_agent_asking_the_customer_something_in_a_comment_posts_it_for_them(
    service: Service, engine: AsyncEngine
) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    sam = await user_in_teams(service, engine, "sam@example.com", "Sam Agent")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 assignee_id=await user_id_of(engine, "sam@example.com"),
                                 number=NUMBER, title="Laptop won't turn on")
    await service.say("comment on 40: hi Cy, can you send me the laptop's serial number?",
                      user=sam)
    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == [
        "hi Cy, can you send me the laptop's serial number?"]
    seen = await service.say(f"show {NUMBER}", user=cy)
    assert "hi Cy, can you send me the laptop's serial number?" in texts_in(seen.card)


@pytest.mark.parametrize("said", [
    "its a Dell Latitude 5420, serial ABC123X",
    "Serial number is 5CG1234XYZ, model HP EliteBook 840",
    "ok I restarted it like Sam said and the orange light is still blinking",
    "I'm in the office on tuesday from 9, you can come by then",
])
async def test_the_requester_answering_their_ticket_on_hold_is_offered_it_as_a_comment(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, said: str
) -> None:
    """A ticket on hold waits on its requester: what they tell just after seeing it is their
    answer, not a help question (the help documents found nothing and offered to file it as
    a new ticket, so the answer never reached the agent)."""
    cy = await user_in_teams(helpdesk, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number=NUMBER, title="Laptop won't turn on", status="on_hold")
    await helpdesk.say(f"show {NUMBER}", user=cy)

    offered = (await helpdesk.say(said, user=cy)).card

    assert buttons_of(offered) == ["Add this as a comment", "Cancel"]
    assert f"{NUMBER} · Laptop won't turn on" in texts_in(offered)
    assert model.requests == []
    await helpdesk.press("request.confirm", button(offered, "Add this as a comment")["data"],
                         user=cy)
    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == [said]


@pytest.mark.parametrize(("status", "filed_by_them"), [
    ("open", True), ("in_progress", True), ("on_hold", False),
])
async def test_a_problem_told_after_a_ticket_not_waiting_on_them_still_goes_to_the_assistant(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, status: str,
    filed_by_them: bool,
) -> None:
    ann = await user_in_teams(helpdesk, engine, "ann@example.com", "Ann Admin", role="admin")
    ann_id = await user_id_of(engine, "ann@example.com")
    ticket = await insert_ticket(engine, created_by=ann_id if filed_by_them else (
        await insert_user(engine)), number=NUMBER, title="Laptop won't turn on", status=status)
    await helpdesk.say(f"show {NUMBER}", user=ann)

    asked = await helpdesk.say("outlook keeps crashing since the update", user=ann)

    assert asked.texts == ["Looking that up in the help documents…"]
    await wait_for_answers(helpdesk)
    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == []


@pytest.mark.parametrize(("said", "status", "expected"), [
    ("it's still broken", "resolved", f"{NUMBER} is resolved."),
    ("nope, still the same", "resolved", f"{NUMBER} is resolved."),
    ("still not working!!", "open", f"{NUMBER} is still open — nobody has picked it up yet."),
    ("didn't work", "closed", f"{NUMBER} is closed."),
])
async def test_still_broken_just_after_their_ticket_is_about_the_ticket_not_an_older_answer(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, said: str, status: str,
    expected: str,
) -> None:
    """A help answer, then the customer's ticket shown: "it's still broken" is said of the
    ticket, answered with how it stands (a resolved one's card has its Reopen button), as
    "still broken - 40" is. Before, it rated the earlier answer Not helpful and offered to
    file that answer's question as a new ticket."""
    cy = await user_in_teams(helpdesk, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number=NUMBER, title="Laptop won't turn on", status=status)
    model.then(Completion("Phones on FH-Staff-BYOD are disconnected after 8 hours [1]."))
    await helpdesk.say("why does my phone drop off the Staff-BYOD wifi?", user=cy)
    await wait_for_answers(helpdesk)
    await helpdesk.say(f"show {NUMBER}", user=cy)

    card = (await helpdesk.say(said, user=cy)).card

    assert texts_in(card).splitlines()[0] == expected
    if status == "resolved":
        assert "Reopen" in buttons_of(card)
    assert len(model.requests) == 1
    assert (await stored_ticket(engine, ticket, "status"))["status"] == status


async def test_still_broken_just_after_a_help_answer_is_still_said_of_the_answer(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    cy = await user_in_teams(helpdesk, engine, "cy@example.com", "Cy Customer", role="customer")
    await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                        number=NUMBER, title="Laptop won't turn on", status="resolved")
    await helpdesk.say(f"show {NUMBER}", user=cy)
    model.then(Completion("Phones on FH-Staff-BYOD are disconnected after 8 hours [1]."))
    await helpdesk.say("why does my phone drop off the Staff-BYOD wifi?", user=cy)
    await wait_for_answers(helpdesk)

    turn = await helpdesk.say("still not working", user=cy)

    assert "Sorry that didn't help" in "\n".join(turn.texts + [texts_in(c) for c in turn.cards])


@pytest.mark.parametrize("said", ["it is not fixed", "not fixed!!", "its not solved, same black screen"])
async def test_a_customer_told_their_resolved_ticket_is_not_fixed_sees_how_it_stands_and_reopen(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    """Before: "OK, I'll leave TKT-… as it is." (or "OK, I won't change anything."), as if
    they had asked for nothing to be done."""
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number=NUMBER, title="Laptop won't turn on", status="resolved")
    await service.say(f"show {NUMBER}", user=cy)

    card = (await service.say(said, user=cy)).card

    assert texts_in(card).splitlines()[0] == f"{NUMBER} is resolved."
    assert "Reopen" in buttons_of(card)
    assert (await stored_ticket(engine, ticket, "status"))["status"] == "resolved"


@pytest.mark.parametrize("said", ["can I add a screenshot", "can i send you a photo of the error"])
async def test_a_customer_asking_to_add_a_screenshot_is_told_where_files_go(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, said: str
) -> None:
    """Before: the help assistant, which quoted whatever guide says "attach a screenshot"."""
    cy = await user_in_teams(helpdesk, engine, "cy@example.com", "Cy Customer", role="customer")
    await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                        number=NUMBER, title="Laptop won't turn on")
    await helpdesk.say(f"show {NUMBER}", user=cy)

    told = await helpdesk.say(said, user=cy)

    assert told.texts == [f"Files can't be added to a ticket from this chat: open {NUMBER} in "
                          "TicketFlow and attach it there. What it shows can go in a comment too."]
    assert told.buttons == [f"Show {NUMBER}"]
    assert model.requests == []


@pytest.mark.parametrize("said", ["did anyone reply?", "what did they say?", "any response from IT?"])
async def test_a_customer_asking_whether_anyone_answered_sees_the_latest_comments(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, said: str
) -> None:
    """Before: the help assistant ("seems to follow on from an earlier question", or nothing
    found and "File this as a ticket?")."""
    cy = await user_in_teams(helpdesk, engine, "cy@example.com", "Cy Customer", role="customer")
    sam = await user_in_teams(helpdesk, engine, "sam@example.com", "Sam Agent")
    await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                        assignee_id=await user_id_of(engine, "sam@example.com"),
                        number=NUMBER, title="Laptop won't turn on")
    await helpdesk.say(f"comment on {NUMBER}: which model is it?", user=sam)
    await helpdesk.say(f"show {NUMBER}", user=cy)

    card = (await helpdesk.say(said, user=cy)).card

    assert f"TicketFlow · {NUMBER}" in texts_in(card) and "which model is it?" in texts_in(card)
    assert model.requests == []


@pytest.mark.parametrize("said", ["delete my ticket", "withdraw my request, I found a spare"])
async def test_a_customer_withdrawing_their_ticket_is_offered_it_as_a_comment(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, said: str
) -> None:
    """Before: the help assistant, quoting how to delete an old phone from the sign-in methods."""
    cy = await user_in_teams(helpdesk, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number=NUMBER, title="Laptop won't turn on")
    await helpdesk.say(f"show {NUMBER}", user=cy)

    offered = (await helpdesk.say(said, user=cy)).card

    assert ("Only the service desk sets the status. Add what you said as a comment, so they "
            "see it?") in texts_in(offered)
    assert buttons_of(offered) == ["Add this as a comment", "Cancel"]
    assert model.requests == []
    assert (await stored_ticket(engine, ticket, "status"))["status"] == "open"


@pytest.mark.parametrize("said", [
    "this is the third time I'm asking, nobody answers!!", "why is nobody answering me",
    "still no reply", "Hello?? Is anyone there?",
])
async def test_a_customer_chasing_their_ticket_just_shown_is_told_how_it_stands(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, said: str
) -> None:
    """Before: the help assistant, which found nothing and offered to file the complaint as a
    new ticket (or quoted an unrelated guide)."""
    cy = await user_in_teams(helpdesk, engine, "cy@example.com", "Cy Customer", role="customer")
    await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                        number=NUMBER, title="Laptop won't turn on")
    await helpdesk.say(f"show {NUMBER}", user=cy)

    card = (await helpdesk.say(said, user=cy)).card

    assert texts_in(card).splitlines()[0] == (
        f"{NUMBER} is still open — nobody has picked it up yet.")
    assert model.requests == []


@pytest.mark.parametrize("said", [
    "why is nobody answering", "this is the third time I'm asking, my laptop is STILL broken!!!",
    "can you at least tell me when someone will look at it", "how much longer??",
])
async def test_a_customer_chasing_with_no_ticket_shown_is_told_how_theirs_stands(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, said: str
) -> None:
    """Before: the help assistant, which answered "why is nobody answering" with a passage on
    phishing tests, "when someone will look at it" with password rules."""
    cy = await user_in_teams(helpdesk, engine, "cy@example.com", "Cy Customer", role="customer")
    await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                        number=NUMBER, title="Laptop won't turn on")

    card = (await helpdesk.say(said, user=cy)).card

    assert texts_in(card).splitlines()[0] == (
        f"{NUMBER} is still open — nobody has picked it up yet.")
    assert model.requests == []


@pytest.mark.parametrize("said", ["this is taking forever", "hello?? its been ages",
                                  "why is nobody answering"])
async def test_a_customer_chasing_after_a_help_answer_is_told_how_theirs_stands(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, said: str
) -> None:
    """Before: with a ticket shown before a help answer, the chase went to the help assistant,
    which found nothing and offered to file "this is taking forever" as a new ticket."""
    cy = await user_in_teams(helpdesk, engine, "cy@example.com", "Cy Customer", role="customer")
    await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                        number=NUMBER, title="Laptop won't turn on")
    await helpdesk.say(f"show {NUMBER}", user=cy)
    model.then(Completion("Phones on FH-Staff-BYOD are disconnected after 8 hours [1]."))
    await helpdesk.say("why does my phone drop off the Staff-BYOD wifi?", user=cy)
    await wait_for_answers(helpdesk)

    card = (await helpdesk.say(said, user=cy)).card

    assert texts_in(card).splitlines()[0] == (
        f"{NUMBER} is still open — nobody has picked it up yet.")
    assert len(model.requests) == 1


async def test_an_agent_noting_the_user_has_not_replied_is_still_offered_a_comment(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine
) -> None:
    ann = await user_in_teams(helpdesk, engine, "ann@example.com", "Ann Admin", role="admin")
    await insert_ticket(engine, created_by=await insert_user(engine), number=NUMBER,
                        title="Laptop won't turn on")
    await helpdesk.say(f"show {NUMBER}", user=ann)

    offered = (await helpdesk.say("still no reply from the user", user=ann)).card

    assert buttons_of(offered) == ["Add this as a comment", "Cancel"]


@pytest.mark.parametrize("said", ["please call me on 0161 555 0101", "my number is 555 0101"])
async def test_how_to_reach_the_customer_just_after_their_ticket_is_offered_as_a_comment(
    helpdesk: Service, model: CompletionsStandIn, engine: AsyncEngine, said: str
) -> None:
    """Before: the help assistant found nothing and offered to file it as a new ticket."""
    cy = await user_in_teams(helpdesk, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number=NUMBER, title="Laptop won't turn on")
    await helpdesk.say(f"show {NUMBER}", user=cy)

    offered = (await helpdesk.say(said, user=cy)).card

    assert buttons_of(offered) == ["Add this as a comment", "Cancel"]
    assert model.requests == []
    await helpdesk.press("request.confirm", button(offered, "Add this as a comment")["data"],
                         user=cy)
    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == [said]


@pytest.mark.parametrize("said", ["actually it broke again", "it died", "it crashed again"])
async def test_it_broke_just_after_their_ticket_is_offered_as_a_comment_on_it(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    """"actually it broke again" just after the customer's ticket was shown got "Sorry, I
    didn't get": told of the thing the ticket is about, it is offered as a comment on it."""
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                        number=NUMBER, title="Monitor flickers")
    await service.say(f"show {NUMBER}", user=cy)

    offered = await service.say(said, user=cy)

    assert "Sorry" not in " ".join(offered.texts)
    assert "Add this as a comment" in buttons_of(offered.card)
