"""Over HTTP: after a list, "I'll take the switch one", "close the wifi ticket", "the second
one", "both" mean tickets of that list; two that fit are asked about, none is no guess."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import bot_state, tasks
from domain.tickets import Assignee
from tests.e2e.service import Service, TeamsUser, data, file_ticket, person_in_teams, texts_in
from tests.e2e.test_on_it import status_and_assignee
from tests.integration.builders import insert_person, insert_team, insert_ticket, this_years


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


async def test_two_tickets_of_the_list_named_by_their_titles_are_both_changed(
    service: Service, engine: AsyncEngine
) -> None:
    """"assign the vpn one and the printer one to sam" read the first and stopped at the
    second: "Sorry, I didn't get 'assign TKT-… and the printer one to sam'"."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    network = await insert_team(engine, "Network", manager)
    vpn, printer, outlook = [
        (await file_ticket(engine, manager, title, assignee=Assignee.team(network))).ticket_number
        for title in ("VPN drops every hour", "Printer on floor 2 jammed", "Outlook search broken")]
    await service.say("what's in the network queue?", user=mia)

    turn = await service.say("assign the vpn one and the printer one to me", user=mia)

    assert "Sorry" not in " ".join(turn.texts)
    assert await status_and_assignee(engine, vpn) == ("open", manager)
    assert await status_and_assignee(engine, printer) == ("open", manager)
    assert (await status_and_assignee(engine, outlook))[1] is None


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
        head, _, lines = document["last_list"].partition("\n")
        stamp, space, page = head.partition(" ")  # when, and where the list is
        then = datetime.fromisoformat(stamp) - timedelta(minutes=minutes)
        document["last_list"] = f"{then.isoformat()}{space}{page}\n{lines}"
        await connection.execute(
            update(bot_state).where(bot_state.c.key == row["key"]).values(document=document))


def buttons_of(turn: object) -> dict[str, str]:
    """The hero card's buttons: title → what pressing it says."""
    return {b["title"]: b["value"] for activity in turn.sent  # type: ignore[attr-defined]
            for attachment in activity.get("attachments", [])
            for b in attachment["content"].get("buttons", [])}


async def test_the_laptop_one_with_no_list_shown_asks_among_the_open_tickets_about_it(
    service: Service, engine: AsyncEngine
) -> None:
    """No list was shown: "the vpn one" is looked for among the open tickets the person may
    see; even one is asked about (no change at once), several each get a button, none is
    read as said, and a ticket they may not see is never offered."""
    agent, alex = await person_in_teams(service, engine, "Alex", "Agent")
    outsider, _ola = await person_in_teams(service, engine, "Ola", "Other")
    admin, _max = await person_in_teams(service, engine, "Max", "Admin", role="admin")
    desk = await insert_team(engine, "Service Desk", agent)
    vpn, laptop, screen = [
        (await file_ticket(engine, admin, title, category="incident",
                           assignee=Assignee.team(desk))).ticket_number
        for title in ("VPN drops at noon", "Laptop wont boot", "Laptop screen flickers")]
    hidden = (await file_ticket(engine, outsider, "VPN token expired")).ticket_number
    closed = (await file_ticket(engine, admin, "Laptop bag torn", category="request",
                                assignee=Assignee.team(desk))).ticket_number
    await service.say(f"close {closed}", user=alex)

    asked = await service.say("I'll take the vpn one", user=alex)
    assert asked.texts[0] == "Do you mean this ticket about “vpn”?"
    assert buttons_of(asked) == {f"{vpn} · VPN drops at noon": f"I'll take {vpn}"}
    assert (await status_and_assignee(engine, vpn))[1] is None  # nothing changed yet
    taken = await service.say(buttons_of(asked)[f"{vpn} · VPN drops at noon"], user=alex)
    assert "Assigned to Alex Agent." in texts_in(taken.card)
    assert (await status_and_assignee(engine, vpn))[1] == agent
    assert hidden not in str(asked.sent)

    both = await service.say("close the laptop ticket", user=alex)
    assert both.texts[0] == "Which ticket about “laptop” do you mean?"
    assert set(buttons_of(both).values()) == {f"close {laptop}", f"close {screen}"}

    none = await service.say("show me the printer one", user=alex)  # no printer ticket
    assert not any("about “printer”" in text for text in none.texts), none.texts
    assert not any(number in str(none.sent) for number in (vpn, laptop, screen, closed))


@pytest.mark.parametrize("said", [
    "move the printer ticket to sam", "pls give the printer one to Sam",
    "could you hand the printer ticket to sam",
])
async def test_the_printer_ticket_not_in_the_list_shown_is_looked_for_among_all(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    """After "what's Alex working on" (no printer ticket in it), "move the printer ticket to
    sam" was "Sorry, I didn't get …" with suggestions about another ticket: the list shown has
    none, so it is looked for among the open tickets the person may see, and asked about."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    agent, _alex = await person_in_teams(service, engine, "Alex", "Agent")
    sam, _sam = await person_in_teams(service, engine, "Sam", "Agent")
    await file_ticket(engine, manager, "Laptop wont boot", assignee=Assignee.user(agent))
    printer = (await file_ticket(engine, manager, "Printer on floor 3 jams")).ticket_number
    listed = await service.say("what's alex working on", user=mia)
    assert "Laptop wont boot" in texts_in(listed.card)

    asked = await service.say(said, user=mia)

    assert asked.texts[0] == "Do you mean this ticket about “printer”?", asked.texts
    assert list(buttons_of(asked)) == [f"{printer} · Printer on floor 3 jams"]
    assert (await status_and_assignee(engine, printer))[1] is None  # nothing changed yet
    await service.say("yes", user=mia)
    assert (await status_and_assignee(engine, printer))[1] == sam


@pytest.mark.parametrize(("said", "then"), [
    ("close my monitor ticket, it works now", "closed"),
    ("pls resolve my monitor issue", "resolved"),
    ("mark my Monitor ticket as resolved", "resolved"),
])
async def test_a_change_of_my_monitor_ticket_asks_about_it_and_a_yes_makes_it(
    service: Service, engine: AsyncEngine, said: str, then: str
) -> None:
    """"close my monitor ticket, it works now" listed the tickets matching “monitor close”
    ("You have no ticket matching …"): it names the person's ticket about the monitor."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    monitor = (await file_ticket(engine, manager, "Monitor flickers")).ticket_number
    await file_ticket(engine, manager, "Laptop wont boot")

    asked = await service.say(said, user=mia)

    assert asked.texts[0] == "Do you mean this ticket about “monitor”?", asked.texts
    assert (await status_and_assignee(engine, monitor))[0] == "open"  # nothing changed yet
    await service.say("yes", user=mia)
    assert (await status_and_assignee(engine, monitor))[0] == then


async def test_a_customers_close_of_my_ticket_offers_their_words_as_a_comment(
    service: Service, engine: AsyncEngine
) -> None:
    """Pressed by a typed yes, the comment offered instead quotes the request the button
    says, not "yes"."""
    cy, cleo = await person_in_teams(service, engine, "Cleo", "Customer", role="customer")
    monitor = (await file_ticket(engine, cy, "Monitor flickers")).ticket_number
    asked = await service.say("close my monitor ticket, it works now", user=cleo)
    assert asked.texts[0] == "Do you mean this ticket about “monitor”?"
    offered = await service.say("yes", user=cleo)
    assert f"“close {monitor}, it works now”" in texts_in(offered.card)


@pytest.mark.parametrize("said", ["show my monitor ticket", "close my open tickets",
                                  "any news on my monitor ticket?"])
async def test_my_monitor_ticket_without_a_change_asked_is_read_as_before(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    await file_ticket(engine, manager, "Monitor flickers")
    turn = await service.say(said, user=mia)
    assert not any("Do you mean this ticket" in text for text in turn.texts), turn.texts


@pytest.mark.parametrize("yes", ["yes", "Yep!", "yeah", "ok", "yes please"])
async def test_a_typed_yes_to_do_you_mean_this_ticket_presses_it(
    service: Service, engine: AsyncEngine, yes: str
) -> None:
    """"Do you mean this ticket about “vpn”?" answered "yes" was "Sorry, I didn't get “yes”";
    it is the ticket's button. With two tickets asked about, "yes" picks neither."""
    agent, alex = await person_in_teams(service, engine, "Alex", "Agent")
    desk = await insert_team(engine, "Service Desk", agent)
    vpn, laptop, screen = [
        (await file_ticket(engine, agent, title, category="incident",
                           assignee=Assignee.team(desk))).ticket_number
        for title in ("VPN drops at noon", "Laptop wont boot", "Laptop screen flickers")]

    asked = await service.say("I'll take the vpn one", user=alex)
    assert asked.texts[0] == "Do you mean this ticket about “vpn”?"
    taken = await service.say(yes, user=alex)
    assert "Assigned to Alex Agent." in texts_in(taken.card)
    assert (await status_and_assignee(engine, vpn))[1] == agent

    both = await service.say("I'll take the laptop one", user=alex)
    assert both.texts[0] == "Which ticket about “laptop” do you mean?"
    await service.say(yes, user=alex)
    assert (await status_and_assignee(engine, laptop))[1] is None
    assert (await status_and_assignee(engine, screen))[1] is None


async def test_the_printer_one_among_many_open_printer_tickets_asks_for_the_number(
    service: Service, engine: AsyncEngine
) -> None:
    admin, max_ = await person_in_teams(service, engine, "Max", "Admin", role="admin")
    for floor in range(1, 7):
        await file_ticket(engine, admin, f"Printer on floor {floor} jams")
    turn = await service.say("close the printer one", user=max_)
    assert turn.texts == ["Several open tickets are about “printer”: say the ticket's number, "
                          "or `tickets about printer` to see them."]
    async with engine.connect() as connection:
        statuses = (await connection.execute(select(tasks.c.status))).scalars().all()
    assert set(statuses) == {"open"}


async def test_the_page_on_show_is_the_list_the_last_one_and_the_second_one_pick_from(
    service: Service, engine: AsyncEngine
) -> None:
    """After "Next", "close the last one" closed the last ticket of the first page, which
    was no longer on show: paging did not replace the list kept for "the second one"."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    numbers = [(await file_ticket(engine, manager, f"Printer {index} jams")).ticket_number
               for index in range(1, 11)]  # listed newest first: 10 … 3 on page one
    first = await service.say("tickets about printer", user=mia)
    assert "1–8 of 10" in texts_in(first.card)

    second = await service.press("tickets.page", data(first.card, "tickets.page"), user=mia)
    assert "9–10 of 10" in texts_in(second)
    shown = await service.say("show me the second one", user=mia)
    assert f"TicketFlow · {numbers[0]}" in texts_in(shown.card)  # Printer 1, page two's 2nd
    closed = await service.say("close the last one", user=mia)
    assert f"{numbers[0]} is now closed." in texts_in(closed.card)
    assert [await status_and_assignee(engine, number) for number in numbers[2:]] == [
        ("open", None)] * 8  # page one's tickets untouched

    submitted = service.teams.card_submit(  # a client without Universal Actions
        {"verb": "tickets.page", **data(second, "tickets.page")}, user=mia)
    assert (await service.send(submitted)).answer.status == 200
    shown = await service.say("show me the first one", user=mia)
    assert f"TicketFlow · {numbers[9]}" in texts_in(shown.card)


async def test_next_or_more_typed_after_a_list_turns_its_page_as_its_buttons_do(
    service: Service, engine: AsyncEngine
) -> None:
    """"next", "more" or "previous page" typed under a list were "Sorry, I didn't get
    “next”" (and "next page" went to the help assistant)."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    numbers = [(await file_ticket(engine, manager, f"Printer {index} jams")).ticket_number
               for index in range(1, 11)]  # listed newest first: 10 … 3 on page one
    await file_ticket(engine, manager, "Scanner is slow")
    first = await service.say("tickets about printer", user=mia)
    assert "1–8 of 10" in texts_in(first.card)

    second = await service.say("next", user=mia)
    end = await service.say("show me more pls", user=mia)
    back = await service.say("previous page", user=mia)
    start = await service.say("go back", user=mia)

    assert "9–10 of 10" in texts_in(second.card) and "Scanner" not in texts_in(second.card)
    assert end.texts == ["That's the whole list: 10 tickets."]
    assert "1–8 of 10" in texts_in(back.card)
    assert start.texts == ["That's the first page of the list."]
    await service.press("tickets.page", data(back.card, "tickets.page"), user=mia)  # Next
    shown = await service.say("the second one", user=mia)  # of the page the button showed
    assert f"TicketFlow · {numbers[0]}" in texts_in(shown.card)
    again = await service.say("previous", user=mia)
    assert "1–8 of 10" in texts_in(again.card)


async def test_next_with_no_list_shown_is_not_a_page(service: Service, engine: AsyncEngine) -> None:
    _, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")

    turn = await service.say("next", user=mia)

    assert not any("whole list" in text or "first page" in text for text in turn.texts)
    assert not any("TicketFlow · " in str(activity) for activity in turn.sent)


async def test_several_tickets_of_the_list_are_named_by_their_places(
    service: Service, engine: AsyncEngine
) -> None:
    """'close the first two' after a list was "Sorry, I didn't get …": places named one
    ticket at a time only. A place the list does not have is no guess."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    network = await insert_team(engine, "Network", manager)
    filed = [(await file_ticket(engine, manager, title, category="incident",
                                assignee=Assignee.team(network))).ticket_number
             for title in ("Switch in room 4 is down", "Wifi dead in room B",
                           "Printer on floor 2 jams")]
    listed = await service.say("what's in the network queue?", user=mia)
    shown = [number for number in filed[::-1] if number in texts_in(listed.card)]
    assert len(shown) == 3  # newest first

    held = await service.say("put the first two on hold pls", user=mia)
    assert f"{shown[0]} and {shown[1]} are now on hold." in held.texts
    none = await service.say("close the first five", user=mia)  # the list has three
    assert [await status_and_assignee(engine, number) for number in shown] == [
        ("on_hold", None), ("on_hold", None), ("open", None)]
    assert not any("now closed" in text for text in none.texts)

    fixed = await service.say("the first and the last are fixed", user=mia)
    assert f"{shown[0]} and {shown[2]} are now resolved." in fixed.texts
    assert [(await status_and_assignee(engine, number))[0] for number in shown] == [
        "resolved", "on_hold", "resolved"]


async def test_a_place_said_alone_after_a_list_shows_that_ticket(
    service: Service, engine: AsyncEngine
) -> None:
    """"what about the third?" under a list went to the help assistant ("seems to follow on
    from an earlier question that I don't have"): it is the list's third ticket."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    for index in range(1, 4):
        await file_ticket(engine, manager, f"Printer {index} jams")
    await service.say("tickets about printer", user=mia)  # newest first: 3, 2, 1

    shown = await service.say("what about the third?", user=mia)

    assert "Printer 1 jams" in texts_in(shown.card)


@pytest.mark.parametrize("said", ["the second one", "close the third", "what about the second?"])
async def test_a_place_the_list_does_not_have_is_said_so_and_nothing_changes(
    service: Service, engine: AsyncEngine, said: str
) -> None:
    """Found by working through 'my tickets' as an agent: with one ticket listed, "the second
    one" was offered as a comment on another ticket, the one last worked on."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    network = await insert_team(engine, "Network", manager)
    older = (await file_ticket(engine, manager, "Laptop battery swells",
                               assignee=Assignee.user(manager))).ticket_number
    await service.say(f"show {older}", user=mia)  # the one last shown, not in the list
    await service.say(f"close {older}", user=mia)
    switch = (await file_ticket(engine, manager, "Switch in room 4 is down", category="incident",
                                assignee=Assignee.team(network))).ticket_number
    listed = await service.say("what's in the network queue?", user=mia)
    assert "Switch in room 4 is down" in texts_in(listed.card)

    turn = await service.say(said, user=mia)

    assert turn.texts[0].startswith("The list I showed has 1 ticket, so there's no “"), turn.texts
    buttons = [button for activity in turn.sent for attachment in activity["attachments"]
               for button in attachment["content"]["buttons"]]
    assert [(b["title"], b["value"]) for b in buttons] == [
        (f"{switch} · Switch in room 4 is down", f"show {switch}")]
    assert await status_and_assignee(engine, switch) == ("open", None)
    assert (await status_and_assignee(engine, older))[0] == "closed"


async def test_a_place_the_list_has_is_still_that_ticket(
    service: Service, engine: AsyncEngine
) -> None:
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    network = await insert_team(engine, "Network", manager)
    switch = (await file_ticket(engine, manager, "Switch in room 4 is down", category="incident",
                                assignee=Assignee.team(network))).ticket_number
    await service.say("what's in the network queue?", user=mia)

    turn = await service.say("the first one", user=mia)

    assert "Switch in room 4 is down" in texts_in(turn.card)
    assert switch in texts_in(turn.card)


async def _network_queue(
    service: Service, engine: AsyncEngine
) -> tuple[str, TeamsUser, tuple[str, str, str]]:
    """Mia, a manager, and the Network team's queue she may see: the switch, the wifi (urgent)
    and the DNS tickets, filed in that order."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    network = await insert_team(engine, "Network", manager)
    switch, wifi, dns = [
        (await file_ticket(engine, manager, title, category="incident",
                           assignee=Assignee.team(network))).ticket_number
        for title in ("Switch in room 4 is down", "Wifi dead in meeting room B", "DNS is slow")]
    async with engine.begin() as connection:
        await connection.execute(update(tasks).where(tasks.c.ticket_number == wifi).values(
            priority="urgent"))
    return manager, mia, (switch, wifi, dns)


async def test_a_listed_ticket_named_by_how_it_stands_is_found_from_the_tickets_themselves(
    service: Service, engine: AsyncEngine
) -> None:
    """Found trying the bot as an agent: after a list, "the oldest one", "the high one" and
    "the one sam has" were offered as a comment on the ticket shown last, and "show me the
    newest one" searched for tickets with "one" in them."""
    manager, mia, (switch, wifi, dns) = await _network_queue(service, engine)
    async with engine.begin() as connection:
        await connection.execute(update(tasks).where(tasks.c.ticket_number == dns).values(
            status="on_hold"))

    for said, meant in [("show me the oldest one", switch), ("the newest one pls", dns),
                        ("what about the urgent one?", wifi), ("show the one on hold", dns),
                        ("the most urgent one", wifi)]:
        await service.say("what's in the network queue?", user=mia)
        turn = await service.say(said, user=mia)
        assert meant in texts_in(turn.card).splitlines()[0], (said, texts_in(turn.card))

    await service.say("what's in the network queue?", user=mia)
    turn = await service.say("I'll take the medium one", user=mia)  # the switch and the DNS
    assert turn.texts[0] == "More than one ticket in the list fits “the medium one”: which one?"
    assert (await status_and_assignee(engine, switch))[1] is None

    await service.say("what's in the network queue?", user=mia)
    turn = await service.say("close the low one", user=mia)  # none: nothing is guessed
    assert turn.texts[0].startswith("The list I showed has 3 tickets, so there's no “the low one”")
    assert [(await status_and_assignee(engine, n))[0] for n in (switch, wifi, dns)] == [
        "open", "open", "on_hold"]

    await service.say("what's in the network queue?", user=mia)
    turn = await service.say("i'll take the urgent one", user=mia)
    assert "Assigned to Mia Manager." in texts_in(turn.card)
    assert await status_and_assignee(engine, wifi) == ("open", manager)


async def test_a_status_said_after_a_listed_ticket_named_by_how_it_stands_is_the_change(
    service: Service, engine: AsyncEngine
) -> None:
    """'put the urgent one on hold' after a list answered "there's no 'the urgent one on
    hold'" (an urgent ticket already on hold was looked for) and nothing changed."""
    manager, mia, (switch, wifi, dns) = await _network_queue(service, engine)

    await service.say("what's in the network queue?", user=mia)
    await service.say("pls put the urgent one on hold", user=mia)
    await service.say("what's in the network queue?", user=mia)
    await service.say("move the oldest one in progress", user=mia)

    assert [(await status_and_assignee(engine, n))[0] for n in (switch, wifi, dns)] == [
        "in_progress", "on_hold", "open"]


async def test_a_listed_ticket_the_person_no_longer_sees_is_neither_picked_nor_offered(
    service: Service, engine: AsyncEngine
) -> None:
    """Access is decided when the answer leaves: a ticket listed before and moved out of the
    person's sight since is not "the urgent one", nor a button under "there's no …"."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    network = await insert_team(engine, "Network", manager)
    other = await insert_team(engine, "Facilities")
    cy = await insert_person(engine, "Cy", "Customer", role="customer")
    switch, wifi = this_years(41), this_years(42)
    for number, title in ((switch, "Switch in room 4 is down"),
                          (wifi, "Wifi dead in meeting room B")):
        await insert_ticket(engine, created_by=cy, assignee_type="team",
                            assignee_team_id=network, number=number, title=title)
    await service.say("what's in the network queue?", user=mia)
    async with engine.begin() as connection:
        await connection.execute(update(tasks).where(tasks.c.ticket_number == wifi).values(
            priority="urgent", assignee_team_id=other))

    urgent = await service.say("show me the urgent one", user=mia)
    low = await service.say("the low one", user=mia)

    assert urgent.texts[0].startswith("The list I showed has 1 ticket, so there's no"), urgent.texts
    assert "Wifi dead" not in str(urgent.sent) and "Wifi dead" not in str(low.sent)
