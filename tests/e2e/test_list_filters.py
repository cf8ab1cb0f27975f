"""Lists by who has the tickets and when they are due, over HTTP, under the access rule:
a name is placed among TicketFlow's people and teams, asked about when it fits two,
said to fit nobody otherwise; a customer only ever lists their own tickets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_comments, tasks, team_members
from domain.clock import utcnow
from tests.e2e.service import Service, person_in_teams, presses, texts_in
from tests.e2e.teams_doubles.activities import TeamsUser, senders_today
from tests.integration.builders import insert_person, insert_team, insert_ticket

TITLES = ("Printer jams on floor 3", "VPN drops at noon", "Badge reader blinks",
          "Switch port 12 is dead", "Old printer toner", "Projector flickers")


@dataclass(frozen=True, slots=True)
class Desk:
    sam: str
    lee_park: str
    customer: str
    network: int


@pytest.fixture
async def desk(engine: AsyncEngine) -> Desk:
    """Sam holds a customer's overdue printer ticket, an admin's ticket due today and a
    resolved one; the Network team queues one; Lee Park has the projector; one has nobody."""
    admin = await insert_person(engine, "Max", "Admin", role="admin")
    sam = await insert_person(engine, "Sam", "Rivera")
    lee_park = await insert_person(engine, "Lee", "Park")
    await insert_person(engine, "Lee", "Chen")
    customer = await insert_person(engine, "Cleo", "Customer", role="customer")
    network = await insert_team(engine, "Network", sam)
    now = utcnow()
    yesterday = now - timedelta(days=1)
    today = datetime.combine(senders_today(), time())  # the whole day, theirs: not late
    printer, vpn, badge, switch, toner, projector = TITLES
    await insert_ticket(engine, created_by=customer, assignee_id=sam, title=printer,
                        due_date=yesterday)
    await insert_ticket(engine, created_by=admin, assignee_id=sam, title=vpn, due_date=today)
    await insert_ticket(engine, created_by=customer, title=badge)
    await insert_ticket(engine, created_by=admin, assignee_type="team",
                        assignee_team_id=network, title=switch)
    await insert_ticket(engine, created_by=customer, assignee_id=sam, title=toner,
                        due_date=yesterday, status="resolved")
    await insert_ticket(engine, created_by=admin, assignee_id=lee_park, title=projector,
                        priority="urgent")
    return Desk(sam=sam, lee_park=lee_park, customer=customer, network=network)


@pytest.fixture
def max_(service: Service, desk: Desk) -> TeamsUser:
    return service.person("max.admin@example.com", "Max Admin")


def listed(card: dict[str, object]) -> set[str]:
    shown = texts_in(card)
    return {title for title in TITLES if title in shown}


async def test_lists_by_person_team_nobody_and_due_date_show_just_those_tickets(
    service: Service, max_: TeamsUser
) -> None:
    printer, vpn, badge, switch, _toner, projector = TITLES
    for said, expected, title in [
        ("Sam's tickets", {printer, vpn}, "Assigned to Sam Rivera"),
        ("what's on sam rivera's plate?", {printer, vpn}, "Assigned to Sam Rivera"),
        ("tickets assigned to sam.rivera@example.com", {printer, vpn}, "Assigned to Sam Rivera"),
        ("overdue tickets about the printer", {printer}, "overdue matching “printer”"),
        ("what's overdue?", {printer}, "Tickets · overdue"),
        ("whats due today", {vpn}, "due today"),
        ("unassigned tickets", {badge}, "Unassigned"),
        ("the network team's tickets", {switch}, "Assigned to Network"),
        ("tickets for Network", {switch}, "Assigned to Network"),
        ("show me everything the network team has open", {switch}, "Assigned to Network"),
        ("show me everything sam has open", {printer, vpn}, "Assigned to Sam Rivera"),
        ("Lee Park's urgent tickets", {projector}, "Assigned to Lee Park · urgent"),
        ("any tickets without a due date?", {badge, switch, projector}, "Tickets · no due date"),
        ("sam's tickets with no deadline", set(), "Assigned to Sam Rivera · no due date"),
    ]:
        turn = await service.say(said, user=max_)
        assert listed(turn.card) == expected, said
        assert title in texts_in(turn.card), said


async def test_a_teams_name_after_in_lists_its_queue_and_other_words_are_searched(
    service: Service, engine: AsyncEngine, max_: TeamsUser
) -> None:
    """"what is open in network" went to the help assistant (and "open tickets in network"
    searched for the word): a team's whole name after "in" is its queue, as "for Network"
    is; words that name no team are what the tickets are about, as before."""
    *_, switch, _toner, _projector = TITLES
    await insert_team(engine, "Facilities")
    for said in ("what is open in network", "open in Network?", "open tickets in network",
                 "what's still open in network pls"):
        turn = await service.say(said, user=max_)
        assert listed(turn.card) == {switch}, said
        assert "Assigned to Network" in texts_in(turn.card), said
    empty = await service.say("what do facilities have open", user=max_)
    assert "Assigned to Facilities" in texts_in(empty.card)
    assert listed(empty.card) == set()
    searched = await service.say("open tickets in the badge office", user=max_)
    assert "matching “badge office”" in texts_in(searched.card)


async def test_a_first_name_two_people_share_is_asked_about_with_a_button_each(
    service: Service, max_: TeamsUser
) -> None:
    asked = await service.say("what is Lee working on?", user=max_)
    assert asked.texts == ["Which Lee do you mean?"]
    choices = presses(asked)
    assert sorted(choices) == ["Lee Chen", "Lee Park"]
    chosen = await service.say(choices["Lee Park"], user=max_)
    assert listed(chosen.card) == {TITLES[5]}


async def test_two_people_named_together_list_the_tickets_either_has(
    service: Service, max_: TeamsUser
) -> None:
    printer, vpn, _badge, switch, _toner, projector = TITLES
    both = await service.say("what are Sam and Lee Park working on?", user=max_)
    assert listed(both.card) == {printer, vpn, projector}
    assert "Assigned to Sam Rivera or Lee Park" in texts_in(both.card)
    asked = await service.say("tickets for Sam and Lee", user=max_)
    assert asked.texts == ["Which Lee do you mean?"]
    chosen = await service.say(presses(asked)["Lee Park"], user=max_)
    assert listed(chosen.card) == {printer, vpn, projector}
    with_team = await service.say("tickets assigned to Lee Park or the network team", user=max_)
    assert listed(with_team.card) == {switch, projector}


async def test_a_person_nobody_knows_is_said_so_and_nothing_is_searched(
    service: Service, max_: TeamsUser
) -> None:
    turn = await service.say("tickets assigned to Zed", user=max_)
    assert turn.texts == ["I couldn't find “Zed”: say a person's name or email, or a team's name."]
    assert not turn.cards


async def test_a_customer_asking_for_sams_tickets_sees_only_their_own_that_sam_has(
    service: Service, desk: Desk
) -> None:
    cleo = service.person("cleo.customer@example.com", "Cleo Customer")
    printer = TITLES[0]
    assert listed((await service.say("Sam's tickets", user=cleo)).card) == {printer}
    assert listed((await service.say("what's overdue?", user=cleo)).card) == {printer}
    assert listed((await service.say("unassigned tickets", user=cleo)).card) == {TITLES[2]}
    # Lee holds none of Cleo's tickets: a customer never learns who else exists.
    unknown = await service.say("what is Lee Park working on?", user=cleo)
    assert unknown.texts == [
        "I couldn't find “Lee Park”: say a person's name or email, or a team's name."]


def offered(card: dict[str, Any]) -> dict[str, str]:
    """The card's say-this buttons: title → what pressing it says."""
    return {action["title"]: action["data"]["msteams"]["value"]
            for action in card.get("actions", []) if "msteams" in action.get("data", {})}


async def test_an_empty_my_tickets_offers_where_else_to_look_and_the_buttons_work(
    service: Service, max_: TeamsUser
) -> None:
    _printer, vpn, badge, switch, _toner, projector = TITLES
    empty = await service.say("my tickets", user=max_)  # Max filed three, holds none
    assert listed(empty.card) == set()
    buttons = offered(empty.card)
    assert buttons == {"Tickets you filed": "tickets I created",
                       "Unassigned tickets": "unassigned tickets"}

    assert listed((await service.say(buttons["Tickets you filed"], user=max_)).card) == {
        vpn, switch, projector}
    assert listed((await service.say(buttons["Unassigned tickets"], user=max_)).card) == {badge}
    narrowed = await service.say("my urgent tickets", user=max_)
    assert listed(narrowed.card) == set() and offered(narrowed.card) == {}


async def test_a_customer_with_nothing_filed_is_offered_no_other_list(
    service: Service, engine: AsyncEngine, desk: Desk
) -> None:
    await insert_person(engine, "Nia", "Newcomer", role="customer")
    nia = service.person("nia.newcomer@example.com", "Nia Newcomer")

    empty = await service.say("my tickets", user=nia)

    assert listed(empty.card) == set()
    assert "Tickets you filed" in texts_in(empty.card)  # a customer's "my tickets" is what they filed
    assert offered(empty.card) == {}


async def test_due_tomorrow_and_due_next_week_list_just_the_tickets_due_then(
    service: Service, engine: AsyncEngine
) -> None:
    admin, max_ = await person_in_teams(service, engine, "Max", "Admin", role="admin")
    noon = datetime.combine(senders_today(), time(12))  # the asker's day
    next_monday = noon + timedelta(days=7 - noon.weekday())
    due = {"Tomorrow's": noon + timedelta(days=1), "Next Wednesday's": next_monday + timedelta(2),
           "In a fortnight's": next_monday + timedelta(days=8), "Today's": noon}
    for title, when in due.items():
        await insert_ticket(engine, created_by=admin, title=title, due_date=when)
    for said, start, end, title in [
        ("tickets due tomorrow", noon + timedelta(days=1), noon + timedelta(days=2),
         "due tomorrow"),
        ("what's due next week?", next_monday, next_monday + timedelta(days=7), "due next week"),
    ]:
        turn = await service.say(said, user=max_)
        shown = texts_in(turn.card)
        assert {t for t in due if t in shown} == {
            t for t, when in due.items() if start.date() <= when.date() < end.date()}, said
        assert title in shown, said


async def test_what_i_worked_on_this_week_lists_what_i_hold_filed_or_commented_on_lately(
    service: Service, engine: AsyncEngine, desk: Desk
) -> None:
    printer, vpn, _badge, _switch, toner, _projector = TITLES  # the switch: his team's, untouched
    helped = await insert_ticket(engine, created_by=desk.customer, assignee_type="team",
                                 assignee_team_id=desk.network, title="Monitor cable loose")
    weeks_ago = utcnow() - timedelta(days=21)
    # a comment leaves the ticket's updated_at as it was
    ordered = await insert_ticket(engine, created_by=desk.customer, assignee_type="team",
                                  assignee_team_id=desk.network, title="Dock ordered",
                                  created_at=weeks_ago, updated_at=weeks_ago)
    async with engine.begin() as connection:
        await connection.execute(task_comments.insert().values(
            task_id=helped, user_id=desk.sam, content="swapped the cable", created_at=utcnow()))
        await connection.execute(task_comments.insert().values(
            task_id=ordered, user_id=desk.sam, content="the dock is on its way",
            created_at=utcnow()))
    await insert_ticket(engine, created_by=desk.sam, title="Keyboard sticky",
                        created_at=weeks_ago, updated_at=weeks_ago)
    await insert_ticket(engine, created_by=desk.sam, title="Mouse lost",  # moved by others
                        created_at=weeks_ago)
    sam = service.person("sam.rivera@example.com", "Sam Rivera")
    week = await service.say("what did I work on this week?", user=sam)
    shown = texts_in(week.card)
    assert listed(week.card) == {printer, vpn, toner}  # the resolved one too
    assert "Monitor cable loose" in shown and "Dock ordered" in shown
    assert "Keyboard sticky" not in shown and "Mouse lost" not in shown
    assert "Tickets you worked on · since" in shown
    ever = await service.say("what have I worked on", user=sam)
    assert "Keyboard sticky" in texts_in(ever.card)
    for asked in ("what did I resolve this week?", "which tickets have I fixed lately"):
        resolved = await service.say(asked, user=sam)  # was the help assistant
        assert listed(resolved.card) == {toner}, asked


async def test_what_a_colleague_worked_on_lists_what_they_did_not_what_they_hold(
    service: Service, engine: AsyncEngine, desk: Desk, max_: TeamsUser
) -> None:
    """"what did sam work on this week" went to the help assistant and "what did sam do this
    week" searched for “did sam”: the tickets Sam filed, holds, commented on or changed."""
    printer, vpn, _badge, _switch, toner, projector = TITLES
    helped = await insert_ticket(engine, created_by=desk.customer, assignee_type="team",
                                 assignee_team_id=desk.network, title="Monitor cable loose")
    async with engine.begin() as connection:
        await connection.execute(task_comments.insert().values(
            task_id=helped, user_id=desk.sam, content="swapped the cable", created_at=utcnow()))
    for said in ("what did sam work on this week?", "what did Sam do this week",
                 "what has sam done this week?"):
        week = await service.say(said, user=max_)
        shown = texts_in(week.card)
        assert listed(week.card) == {printer, vpn, toner}, said  # not Lee Park's projector
        assert "Monitor cable loose" in shown, said
        assert "Tickets Sam Rivera worked on · since" in shown, said
    resolved = await service.say("what did sam resolve this week?", user=max_)
    assert listed(resolved.card) == {toner}
    lee = await service.say("what did lee work on this week", user=max_)
    assert lee.texts == ["Which Lee do you mean?"]
    assert projector not in str(lee.sent)


async def test_what_is_due_is_answered(service: Service, max_: TeamsUser) -> None:
    """A message ending in "due" made the reading fail: no reply at all."""
    turn = await service.say("what is due", user=max_)
    assert turn.texts or turn.cards


async def join(engine: AsyncEngine, team: int, *people: str) -> None:
    async with engine.begin() as connection:
        for person in people:
            await connection.execute(team_members.insert().values(team_id=team, user_id=person))


async def test_our_queue_lists_what_the_team_holds_as_each_member_may_see_it(
    service: Service, engine: AsyncEngine, desk: Desk
) -> None:
    """An agent's team queue is what is queued to the team and what they hold themselves
    (teammates' tickets are not theirs to see); a manager's also what teammates hold; a
    customer's "our tickets" are what they filed."""
    printer, vpn, badge, switch, _toner, projector = TITLES
    nat_id, nat = await person_in_teams(service, engine, "Nat", "Net")
    mona_id, mona = await person_in_teams(service, engine, "Mona", "Lead", role="manager")
    await join(engine, desk.network, nat_id, mona_id)
    cleo = service.person("cleo.customer@example.com", "Cleo Customer")
    for who, said, expected in [
        (nat, "anything in our queue?", {switch}),
        (nat, "tickets for my team", {switch}),
        (mona, "what is my team working on", {switch, printer, vpn}),
        (mona, "our team's urgent tickets", set()),
        (mona, "team queue", {switch, printer, vpn}),
        (cleo, "our tickets", {printer, badge}),
    ]:
        turn = await service.say(said, user=who)
        assert listed(turn.card) == expected, said
        shown = texts_in(turn.card)
        assert ("Tickets you filed" if who is cleo else "Your team's tickets") in shown, said
    assert projector not in texts_in((await service.say("team queue", user=mona)).card)


async def test_an_empty_my_tickets_points_a_team_member_to_the_teams_tickets(
    service: Service, engine: AsyncEngine, desk: Desk
) -> None:
    nat_id, nat = await person_in_teams(service, engine, "Nat", "Net")
    await join(engine, desk.network, nat_id)
    empty = await service.say("my tickets", user=nat)
    buttons = offered(empty.card)
    assert buttons["Your team's tickets"] == "our team's tickets"
    queue = await service.say(buttons["Your team's tickets"], user=nat)
    assert listed(queue.card) == {TITLES[3]}


async def test_my_team_is_the_team_the_person_is_in(
    service: Service, engine: AsyncEngine, desk: Desk
) -> None:
    nat_id, nat = await person_in_teams(service, engine, "Nat", "Net")
    await join(engine, desk.network, nat_id)
    asked = await service.say("new ticket for my team: projector in room 2 is broken", user=nat)
    assert asked.texts == [
        "Describe it in a few sentences: what happened, and what did you expect? (or say skip)"]
    await service.say("skip", user=nat)
    await service.say("support", user=nat)
    filed = await service.say("medium", user=nat)
    assert "Filed" in texts_in(filed.card)
    async with engine.connect() as connection:
        row = (await connection.execute(select(tasks).where(
            tasks.c.title == "Projector in room 2 is broken"))).mappings().one()
    assert (row["assignee_type"], row["assignee_team_id"]) == ("team", desk.network)
    outsider_id, outsider = await person_in_teams(service, engine, "Ola", "Out")
    asked = await service.say("new ticket for my team: printer is out of paper", user=outsider)
    assert asked.texts and "my team" in asked.texts[0]  # in no team: asked, nothing filed


async def test_overdue_lists_what_is_due_at_a_time_already_passed_as_its_card_says(
    service: Service, engine: AsyncEngine
) -> None:
    """A ticket due at 09:00 was "overdue by 6 h" on its card at 15:00 and reminded of as
    overdue, yet "what's overdue?" left it out until the next day."""
    admin, max_ = await person_in_teams(service, engine, "Max", "Admin", role="admin")
    now = utcnow()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    due = {"Passed two hours ago": now - timedelta(hours=2),
           "Due in two hours": now + timedelta(hours=2), "Due today, all day": midnight,
           "Due yesterday, all day": midnight - timedelta(days=1)}
    for title, when in due.items():
        await insert_ticket(engine, created_by=admin, title=title, due_date=when)
    turn = await service.say("what's overdue?", user=max_)
    shown = texts_in(turn.card)
    assert {title for title in due if title in shown} == {
        "Passed two hours ago", "Due yesterday, all day"}
