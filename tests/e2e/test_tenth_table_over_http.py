"""Over HTTP, what the tenth held-out table found: "what's left for me today" lists one's own
tickets (not a question for the help assistant); "a gentle reminder about N" shows N and
changes nothing; "mkae N high" (two letters swapped) sets the priority; "many thanks for your
help" is thanks, and changes nothing."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import (
    Service, presses, stored_ticket, texts_in, user_id_of, user_in_teams,
)
from tests.integration.builders import insert_ticket, insert_user, this_years


async def test_whats_left_for_me_today_lists_ones_own_tickets(
    service: Service, engine: AsyncEngine
) -> None:
    jo = await user_in_teams(service, engine, "jo@example.com", "Jo Agent", role="manager")
    await insert_user(engine, email="sam@example.com", name="Sam Rivera")
    jo_id = await user_id_of(engine, "jo@example.com")
    sam_id = await user_id_of(engine, "sam@example.com")
    await insert_ticket(engine, created_by=jo_id, assignee_id=jo_id, number=this_years(231),
                        title="Renew the SSL cert")
    await insert_ticket(engine, created_by=jo_id, assignee_id=sam_id, number=this_years(232),
                        title="Kitchen kettle")

    for said in ("what's left for me today", "anything still on my plate before i log off?"):
        turn = await service.say(said, user=jo)
        shown = "\n".join(texts_in(card) for card in turn.cards) + "\n".join(turn.texts)
        assert "Renew the SSL cert" in shown, said
        assert "Kitchen kettle" not in shown, said


async def test_a_reminder_about_a_ticket_shows_it_and_changes_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    jo = await user_in_teams(service, engine, "jo@example.com", "Jo Agent", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "jo@example.com"),
                                 number=this_years(252), title="Scanner emails blank pages")
    before = await stored_ticket(engine, ticket)

    turn = await service.say("gentle reminder about 252 🙂", user=jo)
    assert "Scanner emails blank pages" in "\n".join(texts_in(card) for card in turn.cards)
    assert await stored_ticket(engine, ticket) == before


async def test_a_swapped_verb_sets_the_priority_and_thanks_change_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    jo = await user_in_teams(service, engine, "jo@example.com", "Jo Agent", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "jo@example.com"),
                                 number=this_years(296))

    await service.say("mkae 296 high prioirty", user=jo)
    assert (await stored_ticket(engine, ticket))["priority"] == "high"

    before = await stored_ticket(engine, ticket)
    turn = await service.say("many thanks for your help", user=jo)
    assert turn.texts and not turn.cards
    assert await stored_ticket(engine, ticket) == before


async def test_someone_off_sick_has_their_tickets_offered_to_another(
    service: Service, engine: AsyncEngine
) -> None:
    """"alex is off sick, move his tickets to sam": Alex's list is shown and the move offered
    (it searched for "alex off sick move his sam"); nothing moves until yes."""
    mona = await user_in_teams(service, engine, "mona@example.com", "Mona Manager",
                               role="manager")
    mona_id = await user_id_of(engine, "mona@example.com")
    await insert_user(engine, email="alex@example.com", name="Alex Kim")
    await insert_user(engine, email="sam@example.com", name="Sam Rivera")
    alex_id = await user_id_of(engine, "alex@example.com")
    sam_id = await user_id_of(engine, "sam@example.com")
    held = await insert_ticket(engine, created_by=mona_id, assignee_id=alex_id,
                               number=this_years(236), title="Badge reader at the back door")

    offered = await service.say("alex is off sick, move his tickets to sam", user=mona)
    assert "Badge reader at the back door" in texts_in(offered.card)
    assert offered.texts == ["Assign this ticket to Sam Rivera?"], offered.texts
    assert (await stored_ticket(engine, held))["assignee_id"] == alex_id

    await service.say("yes", user=mona)
    assert (await stored_ticket(engine, held))["assignee_id"] == sam_id


async def test_tickets_taken_off_me_have_nobody_and_one_left_as_it_is_is_unchanged(
    service: Service, engine: AsyncEngine
) -> None:
    jo = await user_in_teams(service, engine, "jo@example.com", "Jo Agent", role="manager")
    jo_id = await user_id_of(engine, "jo@example.com")
    first = await insert_ticket(engine, created_by=jo_id, assignee_id=jo_id,
                                number=this_years(287))
    second = await insert_ticket(engine, created_by=jo_id, assignee_id=jo_id,
                                 number=this_years(288))
    kept = await insert_ticket(engine, created_by=jo_id, assignee_id=jo_id,
                               number=this_years(270))

    await service.say("take 287 and 288 off me", user=jo)
    assert (await stored_ticket(engine, first))["assignee_id"] is None
    assert (await stored_ticket(engine, second))["assignee_id"] is None

    before = await stored_ticket(engine, kept)
    for said in ("leave 270 with sam for now", "let's leave 270 as it is",
                 "don't hand 270 to sam, he's swamped"):
        await service.say(said, user=jo)
        assert await stored_ticket(engine, kept) == before, said


async def test_a_suggested_handover_is_asked_and_made_on_yes(
    service: Service, engine: AsyncEngine
) -> None:
    """"we could maybe give 263 to alex" was free text; now it is asked, and made on yes."""
    jo = await user_in_teams(service, engine, "jo@example.com", "Jo Agent", role="manager")
    await insert_user(engine, email="alex@example.com", name="Alex Kim")
    alex_id = await user_id_of(engine, "alex@example.com")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "jo@example.com"),
                                 number=this_years(263))

    turn = await service.say("we could maybe give 263 to alex", user=jo)
    assert turn.texts == [f"Should Alex Kim take {this_years(263)}?"], turn.texts
    assert (await stored_ticket(engine, ticket))["assignee_id"] is None  # asked, not guessed

    await service.say(presses(turn)["Yes"], user=jo)
    assert (await stored_ticket(engine, ticket))["assignee_id"] == alex_id


async def test_told_not_done_then_asked_makes_the_change_asked(
    service: Service, engine: AsyncEngine
) -> None:
    """"ticket 299 is not solved still, please reopen" reopens it (nothing changed before)."""
    jo = await user_in_teams(service, engine, "jo@example.com", "Jo Agent", role="manager")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "jo@example.com"),
                                 number=this_years(299), status="resolved")

    await service.say("ticket 299 is not solved still, please reopen", user=jo)
    assert (await stored_ticket(engine, ticket))["status"] == "open"


async def test_which_lee_is_asked_of_the_ticket_the_sentence_before_names(
    service: Service, engine: AsyncEngine
) -> None:
    """"4 is broken, pls assign it to lee" with another ticket in view: the Lee chosen takes
    the ticket named (it was the one in view)."""
    jo = await user_in_teams(service, engine, "jo@example.com", "Jo Agent", role="manager")
    jo_id = await user_id_of(engine, "jo@example.com")
    await insert_user(engine, email="lee@example.com", name="Lee Park")
    await insert_user(engine, email="lee.chen@example.com", name="Lee Chen")
    lee_chen = await user_id_of(engine, "lee.chen@example.com")
    named = await insert_ticket(engine, created_by=jo_id, number=this_years(164))
    in_view = await insert_ticket(engine, created_by=jo_id, number=this_years(165))
    await service.say("show 165", user=jo)

    turn = await service.say("164 is broken, pls assign it to lee", user=jo)
    assert turn.texts == ["Which Lee do you mean?"], turn.texts
    await service.say(presses(turn)["Lee Chen"], user=jo)
    assert (await stored_ticket(engine, named))["assignee_id"] == lee_chen
    assert (await stored_ticket(engine, in_view))["assignee_id"] is None


async def test_cover_while_away_assigns_and_a_late_ticket_is_shown_unchanged(
    service: Service, engine: AsyncEngine
) -> None:
    """"priya will look after 238 while im out" gives it to Priya (was free text); "this is
    unacceptable, 256 was supposed to be done yesterday" shows 256 (was free text), changing
    nothing."""
    jo = await user_in_teams(service, engine, "jo@example.com", "Jo Agent", role="manager")
    jo_id = await user_id_of(engine, "jo@example.com")
    await insert_user(engine, email="priya@example.com", name="Priya Shah")
    priya_id = await user_id_of(engine, "priya@example.com")
    covered = await insert_ticket(engine, created_by=jo_id, assignee_id=jo_id,
                                  number=this_years(238))
    late = await insert_ticket(engine, created_by=jo_id, number=this_years(256),
                               title="Replace the kitchen kettle")

    await service.say("priya will look after 238 while im out", user=jo)
    assert (await stored_ticket(engine, covered))["assignee_id"] == priya_id

    before = await stored_ticket(engine, late)
    turn = await service.say("this is unacceptable, 256 was supposed to be done yesterday",
                             user=jo)
    assert "Replace the kitchen kettle" in "\n".join(texts_in(card) for card in turn.cards)
    assert await stored_ticket(engine, late) == before


async def test_two_handovers_after_ones_own_time_are_both_made(
    service: Service, engine: AsyncEngine
) -> None:
    """"before i go on holiday: 231 to alex, 232 to sam" hands both over (was free text)."""
    jo = await user_in_teams(service, engine, "jo@example.com", "Jo Agent", role="manager")
    jo_id = await user_id_of(engine, "jo@example.com")
    await insert_user(engine, email="alex@example.com", name="Alex Kim")
    await insert_user(engine, email="sam@example.com", name="Sam Rivera")
    first = await insert_ticket(engine, created_by=jo_id, assignee_id=jo_id,
                                number=this_years(231))
    second = await insert_ticket(engine, created_by=jo_id, assignee_id=jo_id,
                                 number=this_years(232))

    await service.say("before i go on holiday: 231 to alex, 232 to sam", user=jo)
    assert (await stored_ticket(engine, first))["assignee_id"] == await user_id_of(
        engine, "alex@example.com")
    assert (await stored_ticket(engine, second))["assignee_id"] == await user_id_of(
        engine, "sam@example.com")


async def test_a_reason_between_two_requests_keeps_both(
    service: Service, engine: AsyncEngine
) -> None:
    """"reopen 290, the user says it's broken again, and give it back to sam" reopens it and
    gives it to Sam (only the reopen was made)."""
    jo = await user_in_teams(service, engine, "jo@example.com", "Jo Agent", role="manager")
    await insert_user(engine, email="sam@example.com", name="Sam Rivera")
    ticket = await insert_ticket(engine, created_by=await user_id_of(engine, "jo@example.com"),
                                 number=this_years(290), status="resolved")

    await service.say("reopen 290, the user says it's broken again, and give it back to sam",
                      user=jo)
    stored = await stored_ticket(engine, ticket)
    assert stored["status"] == "open"
    assert stored["assignee_id"] == await user_id_of(engine, "sam@example.com")
