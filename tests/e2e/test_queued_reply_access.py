"""A reply Teams throttled is checked again when it leaves: someone who lost sight of a
ticket since the turn (reassigned away, out of the team, deactivated) is not shown it."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import bot_ticket_changes, tasks, team_members, users
from notify.reply_contents import NO_LONGER_AVAILABLE, NONE_AVAILABLE
from tests.e2e.queued_replies import make_due, queued_replies, wait_for_statuses
from tests.e2e.service import Service, card_of, settled, texts_in
from tests.e2e.teams_doubles.activities import TeamsUser
from tests.integration.builders import insert_team, insert_ticket, insert_user
from tests.waiting import eventually

REPLIES = ("send", "reply")
CONFIDENTIAL = "Payroll export leaks salaries"
OTHER = "Badge reader at door 2 is dead"


class People:
    def __init__(self, *, admin: str, xavier: str, yvonne: str, team: int) -> None:
        self.admin, self.xavier, self.yvonne, self.team = admin, xavier, yvonne, team


async def _people(service: Service, engine: AsyncEngine) -> tuple[People, TeamsUser]:
    """Xavier, a plain agent in the Payroll team, talking to the bot; Yvonne, another agent."""
    admin = await insert_user(engine, role="admin", email="root@example.com")
    xavier = await insert_user(engine, role="user", email="xavier@example.com", name="Xavier X")
    yvonne = await insert_user(engine, role="user", email="yvonne@example.com", name="Yvonne Y")
    team = await insert_team(engine, "Payroll", xavier)
    in_teams = service.person("xavier@example.com", "Xavier X")
    await service.say("help", user=in_teams)  # enrolled: the turn below is about tickets only
    return People(admin=admin, xavier=xavier, yvonne=yvonne, team=team), in_teams


async def _notified(engine: AsyncEngine) -> None:
    """The tickets' own notifications (Xavier is told of his new tickets) are out of the way:
    every captured change is turned into deliveries, and every delivery has ended."""

    async def captured_none() -> bool:
        async with engine.connect() as connection:
            count = select(func.count()).select_from(bot_ticket_changes)
            return (await connection.execute(count)).scalar_one() == 0

    await eventually(captured_none, what="captured changes all turned into deliveries")
    await settled(engine)


async def _throttled(service: Service, engine: AsyncEngine, text: str, user: TeamsUser) -> int:
    """`user` says `text` while Teams throttles the chat for a minute: the reply is queued.
    Returns where the connector's calls stood before it."""
    await _notified(engine)
    connector = service.connector
    before = len(connector.calls)
    connector.fail_next(429, retry_after="60", operations=REPLIES)
    turn = await service.send(service.teams.personal_message(text, user=user))
    assert turn.answer.status == 200, turn.answer.text
    [queued] = [row for row in await queued_replies(engine) if row["status"] == "pending"]
    return before


async def _leaves(service: Service, engine: AsyncEngine, user: TeamsUser, before: int) -> list[
    dict[str, Any]
]:
    """The minute passes; what reached `user`'s chat since `before`."""
    await make_due(engine)
    await wait_for_statuses(engine, ["delivered"])
    await _notified(engine)  # what the change of access itself sent, if anything
    conversation = service.teams.personal_conversation_id(user)
    return [
        call.body for call in service.connector.calls[before:]
        if call.operation in REPLIES and call.status < 300 and call.conversation_id == conversation
    ]


def _shown(activity: dict[str, Any]) -> str:
    card = card_of(activity)
    return " ".join(filter(None, [activity.get("text"), texts_in(card) if card else None]))


async def _reassign_to(engine: AsyncEngine, ticket: int, user_id: str) -> None:
    """As the web app does it: another writer of the same table."""
    async with engine.begin() as connection:
        await connection.execute(
            update(tasks).where(tasks.c.id == ticket)
            .values(assignee_type="user", assignee_id=user_id, assignee_team_id=None)
        )


async def _deactivate(engine: AsyncEngine, user_id: str) -> None:
    async with engine.begin() as connection:
        await connection.execute(update(users).where(users.c.id == user_id).values(is_active=False))


async def _leave_team(engine: AsyncEngine, team: int, user_id: str) -> None:
    async with engine.begin() as connection:
        await connection.execute(
            delete(team_members)
            .where(team_members.c.team_id == team, team_members.c.user_id == user_id)
        )


@pytest.mark.parametrize("how", ["reassigned away", "deactivated", "removed from the team"])
async def test_a_queued_ticket_card_does_not_show_the_ticket_to_who_lost_sight_of_it(
    service: Service, engine: AsyncEngine, how: str
) -> None:
    people, xavier = await _people(service, engine)
    queued_to_team = how == "removed from the team"
    ticket = await insert_ticket(
        engine, created_by=people.admin, number="TKT-2026-0042", title=CONFIDENTIAL,
        assignee_type="team" if queued_to_team else "user",
        assignee_id=None if queued_to_team else people.xavier,
        assignee_team_id=people.team if queued_to_team else None,
    )
    before = await _throttled(service, engine, "ticket TKT-2026-0042", xavier)
    [queued] = await queued_replies(engine)
    assert queued["payload"]["shows"]["viewer"] == people.xavier
    assert [m["tickets"] for m in queued["payload"]["shows"]["messages"]] == [[ticket]]

    if how == "reassigned away":
        await _reassign_to(engine, ticket, people.yvonne)
    elif how == "deactivated":
        await _deactivate(engine, people.xavier)
    else:
        await _leave_team(engine, people.team, people.xavier)
    sent = await _leaves(service, engine, xavier, before)

    assert [_shown(activity) for activity in sent if activity.get("text") or card_of(activity)] \
        == [NO_LONGER_AVAILABLE]
    assert not any(CONFIDENTIAL in _shown(activity) for activity in sent)
    assert all(not activity.get("attachments") for activity in sent)


async def test_a_queued_ticket_card_leaves_as_drawn_for_who_may_still_see_it(
    service: Service, engine: AsyncEngine
) -> None:
    people, xavier = await _people(service, engine)
    await insert_ticket(
        engine, created_by=people.admin, number="TKT-2026-0042", title=CONFIDENTIAL,
        assignee_id=people.xavier,
    )
    before = await _throttled(service, engine, "ticket TKT-2026-0042", xavier)
    [queued] = await queued_replies(engine)
    drawn = queued["payload"]["activities"]
    await _leave_team(engine, people.team, people.xavier)  # the ticket is still his

    sent = await _leaves(service, engine, xavier, before)

    assert [card_of(activity) for activity in sent] == [card_of(a) for a in drawn]
    assert CONFIDENTIAL in _shown(sent[0])


async def test_a_queued_list_loses_the_rows_its_reader_may_no_longer_see(
    service: Service, engine: AsyncEngine
) -> None:
    people, xavier = await _people(service, engine)
    lost = await insert_ticket(
        engine, created_by=people.admin, number="TKT-2026-0042", title=CONFIDENTIAL,
        assignee_id=people.xavier,
    )
    kept = await insert_ticket(
        engine, created_by=people.admin, number="TKT-2026-0043", title=OTHER,
        assignee_id=people.xavier,
    )
    before = await _throttled(service, engine, "my tickets", xavier)
    [queued] = await queued_replies(engine)
    [list_message] = [m for m in queued["payload"]["shows"]["messages"] if m["rows"]]
    assert sorted(list_message["rows"].values()) == sorted([lost, kept])
    assert CONFIDENTIAL in _shown(queued["payload"]["activities"][0])

    await _reassign_to(engine, lost, people.yvonne)
    sent = await _leaves(service, engine, xavier, before)

    [listed] = [activity for activity in sent if card_of(activity)]
    assert "TKT-2026-0043" in _shown(listed) and OTHER in _shown(listed)
    assert "TKT-2026-0042" not in _shown(listed)
    assert not any(CONFIDENTIAL in _shown(activity) for activity in sent)


async def test_a_queued_list_of_tickets_all_out_of_sight_says_so(
    service: Service, engine: AsyncEngine
) -> None:
    people, xavier = await _people(service, engine)
    for number, title in (("TKT-2026-0042", CONFIDENTIAL), ("TKT-2026-0043", OTHER)):
        await insert_ticket(
            engine, created_by=people.admin, number=number, title=title,
            assignee_id=people.xavier,
        )
    before = await _throttled(service, engine, "my tickets", xavier)

    await _deactivate(engine, people.xavier)
    sent = await _leaves(service, engine, xavier, before)

    shown = [_shown(activity) for activity in sent]
    assert NONE_AVAILABLE in shown
    assert not any(CONFIDENTIAL in text or OTHER in text for text in shown)


async def test_a_create_ticket_card_throttled_in_the_chat_is_withheld_once_its_filer_is_deactivated(
    service: Service, engine: AsyncEngine
) -> None:
    filer = await insert_user(engine, role="user", email="ada@example.com")
    service.teams.user = service.person("ada@example.com", "Ada Lovelace")
    connector = service.connector
    connector.fail_next(429, retry_after="60", operations=REPLIES)  # the card's first post

    submitted = await service.send(service.teams.submit_action(
        "createTicket", {"verb": "ticket.create", "title": CONFIDENTIAL, "category": "support"}))
    assert submitted.answer.status == 200, submitted.answer.text

    async def throttled() -> list[dict[str, Any]]:
        rows = await queued_replies(engine)
        return rows if rows and rows[0]["attempts"] == 1 and rows[0]["status"] == "pending" else []

    [queued] = await eventually(throttled, what="the card's post answered 429")
    assert queued["payload"]["shows"]["viewer"] == filer
    await _deactivate(engine, filer)
    before = len(connector.calls)
    await make_due(engine)
    await wait_for_statuses(engine, ["delivered"])

    sent = [call.body for call in connector.calls[before:]
            if call.operation in REPLIES and call.status < 300]
    assert [_shown(activity) for activity in sent] == [NO_LONGER_AVAILABLE]
