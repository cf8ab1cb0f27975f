"""Over HTTP, what the twelfth held-out table found: a reply to a quoted message that names
one ticket changes that ticket, not the one shown before ("> Sam Rivera: I've restarted the
spooler on 424 / great, resolve it pls" resolved the ticket in view), typed by hand or sent
by Teams as a quote; a request relayed for someone ("my manager asked me to put 430 on hold",
"the user on 547 asked me to close it") is made (it went to the help assistant)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import Service, person_in_teams, stored_ticket, user_id_of
from tests.integration.builders import insert_ticket, insert_user, this_years


async def test_a_reply_to_a_quote_changes_the_ticket_the_quote_names(
    service: Service, engine: AsyncEngine
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    in_view = await insert_ticket(engine, created_by=mia_id, number=this_years(700),
                                  title="Badge reader dead")
    quoted = await insert_ticket(engine, created_by=mia_id, number=this_years(424),
                                 title="Print spooler stuck")
    teams_quoted = await insert_ticket(engine, created_by=mia_id, number=this_years(427),
                                       title="CEO's laptop will not boot")
    await service.say("show 700", user=mia)
    before = await stored_ticket(engine, in_view)

    await service.say("> Sam Rivera: I've restarted the spooler on 424\ngreat, resolve it pls",
                      user=mia)
    await service.say(
        '<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="1">'
        '<strong itemprop="mri" itemid="8:orgid:1">Priya Shah</strong>'
        '<span itemprop="time" itemid="1">10:02</span>'
        '<p itemprop="preview">427 is urgent, the CEO is affected</p></blockquote>'
        '<p>ok make it urgent</p>', user=mia)

    assert (await stored_ticket(engine, quoted, "status"))["status"] == "resolved"
    assert (await stored_ticket(engine, teams_quoted, "priority"))["priority"] == "urgent"
    assert await stored_ticket(engine, in_view) == before


async def test_a_request_relayed_for_someone_is_made(
    service: Service, engine: AsyncEngine
) -> None:
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    in_view = await insert_ticket(engine, created_by=mia_id, number=this_years(700),
                                  title="Badge reader dead")
    held = await insert_ticket(engine, created_by=mia_id, number=this_years(430),
                               title="Monitor flickers")
    named = await insert_ticket(engine, created_by=mia_id, number=this_years(547),
                                title="Old phone to recycle")
    await service.say("show 700", user=mia)
    before = await stored_ticket(engine, in_view)

    await service.say("my manager asked me to put 430 on hold pls", user=mia)
    await service.say("the user on 547 asked me to close it, they bought a new one", user=mia)

    assert (await stored_ticket(engine, held, "status"))["status"] == "on_hold"
    assert (await stored_ticket(engine, named, "status"))["status"] == "closed"
    assert await stored_ticket(engine, in_view) == before


async def test_a_change_drawn_from_what_was_told_or_after_a_short_thanks_is_made(
    service: Service, engine: AsyncEngine
) -> None:
    """"Morning all! … the projector is fine now after facilities swapped the bulb, so 413 can
    be closed. Cheers" and "ty! 491 can be closed" close them; "agreed, make it urgent" makes
    the ticket in view urgent (all three went to the help assistant)."""
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    projector = await insert_ticket(engine, created_by=mia_id, number=this_years(413),
                                    title="Projector in room 3 dark")
    thanked = await insert_ticket(engine, created_by=mia_id, number=this_years(491),
                                  title="Headset crackles")
    in_view = await insert_ticket(engine, created_by=mia_id, number=this_years(700),
                                  title="Badge reader dead")

    await service.say("Morning all! Quick one from me - the projector in room 3 is fine now "
                      "after facilities swapped the bulb, so 413 can be closed. Cheers", user=mia)
    await service.say("ty! 491 can be closed", user=mia)
    await service.say("show 700", user=mia)
    await service.say("agreed, make it urgent", user=mia)

    assert (await stored_ticket(engine, projector, "status"))["status"] == "closed"
    assert (await stored_ticket(engine, thanked, "status"))["status"] == "closed"
    assert (await stored_ticket(engine, in_view, "priority"))["priority"] == "urgent"


async def test_three_requests_of_their_own_tickets_are_all_made(
    service: Service, engine: AsyncEngine
) -> None:
    """"take 468, resolve 469, and put 470 on hold" makes all three (only 468 was taken)."""
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    taken, resolved, held = [
        await insert_ticket(engine, created_by=mia_id, number=this_years(number), title=title)
        for number, title in ((468, "Dock flickers"), (469, "Mouse dead"), (470, "Phone line"))]

    await service.say("take 468, resolve 469, and put 470 on hold", user=mia)

    assert (await stored_ticket(engine, taken, "assignee_id"))["assignee_id"] == mia_id
    assert (await stored_ticket(engine, resolved, "status"))["status"] == "resolved"
    assert (await stored_ticket(engine, held, "status"))["status"] == "on_hold"


async def test_chat_shorthand_and_dictated_digits_make_the_change(
    service: Service, engine: AsyncEngine
) -> None:
    """"pls fwd 559 to sam asap" hands it over (it went to the help assistant), "close ticket
    five one two" closes 512 (not understood), "np, closing 490 now" closes 490 (asked
    first, "np" taken for whom it was asked of)."""
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    await insert_user(engine, email="sam@example.com", name="Sam Rivera")
    forwarded, dictated, closing = [
        await insert_ticket(engine, created_by=mia_id, number=this_years(number), title=title)
        for number, title in ((559, "Switch port dead"), (512, "Scanner jams"),
                              (490, "Toner low"))]

    await service.say("pls fwd 559 to sam asap", user=mia)
    await service.say("close ticket five one two", user=mia)
    await service.say("np, closing 490 now", user=mia)

    assert (await stored_ticket(engine, forwarded, "assignee_id"))["assignee_id"] == (
        await user_id_of(engine, "sam@example.com"))
    assert (await stored_ticket(engine, dictated, "status"))["status"] == "closed"
    assert (await stored_ticket(engine, closing, "status"))["status"] == "closed"


async def test_what_does_not_work_told_after_a_change_it_calls_for_takes_nothing_back(
    service: Service, engine: AsyncEngine
) -> None:
    """"make 412 urgent, the printer doesn't work" makes it urgent ("OK, I won't change
    anything" before); "close 413, the fix doesn't work" still closes nothing."""
    mia_id, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    urgent = await insert_ticket(engine, created_by=mia_id, number=this_years(412),
                                 title="Invoices will not print")
    kept = await insert_ticket(engine, created_by=mia_id, number=this_years(413),
                               title="Scanner jams")
    before = await stored_ticket(engine, kept)

    await service.say("make 412 urgent, the printer doesn't work", user=mia)
    await service.say("close 413, the fix doesn't work", user=mia)

    assert (await stored_ticket(engine, urgent, "priority"))["priority"] == "urgent"
    assert await stored_ticket(engine, kept) == before
