"""Over HTTP, "weekly summary" and its kin: counts of the tickets the asker may see, filed
and finished in the period and open now, with the lists behind the counts as buttons; an
agent's counts leave out what they may not see."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.actions.stats import period_bounds
from bot.understanding.requests import StatsPeriod
from domain.clock import start_of_day, utcnow
from tests.e2e.service import Service, presses, texts_in, user_id_of, user_in_teams
from tests.e2e.teams_doubles.activities import SENDER_ZONE, senders_today
from tests.integration.builders import insert_team, insert_ticket, insert_user


async def test_a_summary_counts_what_the_asker_may_see_and_its_buttons_list_them(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Admin", role="admin")
    al = await user_in_teams(service, engine, "al@example.com", "Al Agent")
    al_id = await user_id_of(engine, "al@example.com")
    other = await insert_user(engine, email="cat@example.com", name="Cat Customer",
                              role="customer")
    desk = await insert_team(engine, "Service Desk", al_id)
    start, _, named = period_bounds(StatsPeriod.THIS_WEEK, senders_today(),
                                    lambda day: start_of_day(day, SENDER_ZONE))
    yesterday = utcnow() - timedelta(days=1)
    await insert_ticket(engine, created_by=other, created_at=start, priority="urgent",
                        title="Urgent and nobody's", assignee_type="team")
    await insert_ticket(engine, created_by=other, created_at=start, due_date=yesterday,
                        assignee_type="team", assignee_team_id=desk, title="Late, the desk's")
    await insert_ticket(engine, created_by=other, created_at=start - timedelta(days=40),
                        status="resolved", title="Old, resolved")  # resolved_at unset: not now

    turn = await service.say("how are we doing this week?", user=ada)

    assert turn.texts == [f"{named}, of the tickets you can see:\n- Filed: 2\n"
                          "- Resolved or closed: 0\n"
                          "- Open now: 2 (1 urgent, 1 overdue, 1 with nobody)"]
    buttons = presses(turn)
    assert set(buttons) == {"Urgent tickets", "Overdue tickets", "Unassigned tickets"}
    overdue = await service.say(buttons["Overdue tickets"], user=ada)
    assert "Late, the desk's" in texts_in(overdue.card)
    assert "Urgent and nobody's" not in texts_in(overdue.card)

    agents = await service.say("weekly stats pls", user=al)  # only the desk's ticket
    assert agents.texts == [f"{named}, of the tickets you can see:\n- Filed: 1\n"
                            "- Resolved or closed: 0\n"
                            "- Open now: 1 (0 urgent, 1 overdue, 0 with nobody)"]
    assert set(presses(agents)) == {"Overdue tickets"}
    # the team asked after as a whole: the same counts (was the help assistant's Teams guide)
    team = await service.say("how's the team doing?", user=al)
    assert team.texts == agents.texts
    busy = await service.say("how busy is the team right now", user=al)
    assert busy.texts == ["Open tickets you can see, by who holds them:\n"
                          "- Team Service Desk: 1"]


async def test_figures_not_kept_are_said_plainly_with_what_can_be_counted(
    service: Service, engine: AsyncEngine
) -> None:
    """"who closed the most tickets this week" searched for the words "who most" and found
    nothing; "average resolution time" went to the help assistant."""
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Admin", role="admin")
    for said in ("who closed the most tickets this week", "average resolution time?"):
        turn = await service.say(said, user=ada)
        assert turn.texts == ["I don't rank people or time how long tickets take. What I can "
                              "count: how many tickets were filed and finished this week, and "
                              "who holds how many open ones."], said
        assert presses(turn) == {"This week's summary": "weekly summary",
                                 "Workload": "workload"}
    summary = await service.say(presses(turn)["This week's summary"], user=ada)
    assert summary.texts[0].endswith(", of the tickets you can see:\n- Filed: 0\n"
                                     "- Resolved or closed: 0\n- Open now: 0")


async def test_who_is_free_counts_the_people_who_hold_fewest_the_idle_among_them(
    service: Service, engine: AsyncEngine
) -> None:
    """"who's free?" and "who is least busy" went to the help assistant, and the workload
    named only people who hold something: the one who holds nothing, the answer, was never
    shown. Now people only, fewest first, a manager's team members at 0 among them; no one
    outside the manager's teams, nobody inactive, no customer."""
    mo = await user_in_teams(service, engine, "mo@example.com", "Mo Manager", role="manager")
    mo_id = await user_id_of(engine, "mo@example.com")
    busy = await insert_user(engine, email="bo@example.com", name="Bo Busy")
    idle = await insert_user(engine, email="ida@example.com", name="Ida Idle")
    gone = await insert_user(engine, email="gus@example.com", name="Gus Gone", active=False)
    outsider = await insert_user(engine, email="oz@example.com", name="Oz Outside")
    customer = await insert_user(engine, email="cy@example.com", name="Cy Customer",
                                 role="customer")
    desk = await insert_team(engine, "Service Desk", mo_id, busy, idle, gone, customer)
    await insert_team(engine, "Elsewhere", outsider)
    for title in ("First", "Second"):
        await insert_ticket(engine, created_by=customer, assignee_type="user",
                            assignee_id=busy, title=title)
    await insert_ticket(engine, created_by=customer, assignee_type="team",
                        assignee_team_id=desk, title="The desk's")

    for said in ("who's free?", "who is least busy", "who has capacity for one more"):
        turn = await service.say(said, user=mo)
        heading, *lines = turn.texts[0].split("\n")
        assert heading == "Open tickets held, fewest first:", said
        assert [line.rsplit(": ", 1)[1] for line in lines] == ["0", "0", "2"], said
        assert "- Ida Idle: 0" in lines and lines[-1] == "- Bo Busy: 2", said
        assert not {"Gus", "Oz", "Cy", "Team"} & {word for line in lines for word in line.split()}
        assert len(presses(turn)) == 3 and list(presses(turn))[-1] == "Bo Busy"
    most = await service.say("who's overloaded?", user=mo)
    assert most.texts == ["Open tickets you can see, by who holds them:\n"
                          "- Bo Busy: 2\n- Team Service Desk: 1"]
