"""Over HTTP, what the eleventh held-out table found: a customer chasing their ticket ("this
is the third time i am writing about N. not acceptable", "can someone chase up N please",
"could someone call me about N") is shown it, and nothing changes (it was free text, or "no
change"); "who do i talk to about N?" answers who has it (it went to the help assistant)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.assistant import wait_for_answers
from tests.e2e.service import Service, stored_ticket, texts_in, user_id_of, user_in_teams
from tests.integration.builders import insert_ticket, insert_user, this_years


async def test_a_customer_chasing_their_ticket_is_shown_it_and_nothing_changes(
    service: Service, engine: AsyncEngine
) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number=this_years(343), title="Docking station dead")
    before = await stored_ticket(engine, ticket)

    for said in ("this is the third time i am writing about 343. not acceptable",
                 "can someone chase up 343 please",
                 "pls could someone call me about 343, number is in the ticket",
                 "its been a week since i raised 343 and nothing"):
        turn = await service.say(said, user=cy)
        assert "Docking station dead" in "\n".join(texts_in(card) for card in turn.cards), said
        assert await stored_ticket(engine, ticket) == before, said


async def test_who_to_talk_to_about_a_ticket_is_who_has_it(
    service: Service, engine: AsyncEngine
) -> None:
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    await insert_user(engine, email="sam@example.com", name="Sam Rivera")
    await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                        assignee_id=await user_id_of(engine, "sam@example.com"),
                        number=this_years(326), title="Headset crackles")

    turn = await service.say("who do i talk to about 326?", user=cy)
    shown = "\n".join([*turn.texts, *(texts_in(card) for card in turn.cards)])
    assert f"Sam Rivera has {this_years(326)}." in shown, shown


async def test_a_customer_adding_a_detail_to_their_ticket_comments_on_it(
    service: Service, engine: AsyncEngine
) -> None:
    """"adding to 330: …", "forgot to mention on 330 that …", "my phone number is …, please
    add it to 330" post the detail on 330 (they went to the help assistant)."""
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number=this_years(330), title="Wifi drops")

    await service.say("adding to 330: it also happens on my home wifi", user=cy)
    await service.say("forgot to mention on 330 that my laptop is a thinkpad t14", user=cy)
    await service.say("my phone number is 0471 234 567, please add it to 330", user=cy)
    assert (await stored_ticket(engine, ticket, "comments"))["comments"] == [
        "it also happens on my home wifi", "my laptop is a thinkpad t14",
        "my phone number is 0471 234 567"]


async def test_thanks_for_what_was_done_on_a_ticket_are_answered_as_thanks(
    service: Service, engine: AsyncEngine
) -> None:
    """"thanks for fixing 349 so quickly!" and "thanks all, have a good weekend" are thanks:
    a short reply, no card, nothing changed (they went to the help assistant)."""
    cy = await user_in_teams(service, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number=this_years(349), title="Printer jams",
                                 status="resolved")
    before = await stored_ticket(engine, ticket)

    for said in ("thanks for fixing 349 so quickly!", "thanks all, have a good weekend"):
        turn = await service.say(said, user=cy)
        assert turn.texts and not turn.cards, said
        assert not any("help documents" in text for text in turn.texts), said
        assert await stored_ticket(engine, ticket) == before, said


async def test_a_thing_that_does_not_work_is_offered_as_a_ticket(
    helpdesk: Service, engine: AsyncEngine
) -> None:
    """"my mouse is not working" is a problem told: the help assistant looks, and offers to
    file it (the bot asked who "my mouse" was, as if for someone's tickets)."""
    cy = await user_in_teams(helpdesk, engine, "cy@example.com", "Cy Customer", role="customer")

    turn = await helpdesk.say("my mouse is not working", user=cy)
    assert not any("couldn't find" in text for text in turn.texts), turn.texts
    [card] = await wait_for_answers(helpdesk)
    assert "File this as a ticket?" in texts_in(card)


async def test_a_change_not_wanted_leaves_the_ticket_as_it_is(
    helpdesk: Service, engine: AsyncEngine
) -> None:
    """"i don't want 348 closed, it's still happening" and "never mind 348, leave it open" are
    answered at once and change nothing (they went to the help assistant)."""
    cy = await user_in_teams(helpdesk, engine, "cy@example.com", "Cy Customer", role="customer")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "cy@example.com"),
                                 number=this_years(348), title="Outlook keeps crashing")
    before = await stored_ticket(engine, ticket)

    for said in ("i don't want 348 closed, it's still happening",
                 "never mind 348, leave it open"):
        turn = await helpdesk.say(said, user=cy)
        assert not any("help documents" in text for text in turn.texts), (said, turn.texts)
        assert await stored_ticket(engine, ticket) == before, said
