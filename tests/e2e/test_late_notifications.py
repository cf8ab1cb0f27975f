"""A notification delivered late is drawn and checked at delivery: no leak to who lost access."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import notification_outbox, tasks
from domain.clock import utcnow
from tests.e2e.channel import file_in_chat, subscribed_channel
from tests.e2e.service import Service, Turn, card_of, settled, texts_in, version_of
from tests.e2e.teams_doubles.activities import Channel, TeamsUser
from tests.integration.builders import insert_ticket, insert_user
from tests.waiting import eventually

CONFIDENTIAL = "Payroll export leaks salaries"


async def test_a_former_assignee_gets_nothing_once_the_connector_recovers(
    service: Service, engine: AsyncEngine
) -> None:
    admin_id = await insert_user(engine, role="admin", email="root@example.com")
    await insert_user(engine, role="user", email="xavier@example.com")
    await insert_user(engine, role="user", email="yvonne@example.com")
    root = service.person("root@example.com", "Rita Root")
    xavier = service.person("xavier@example.com", "Xavier X")
    yvonne = service.person("yvonne@example.com", "Yvonne Y")
    for person in (xavier, yvonne):
        await service.say("help", user=person)  # each now has a chat the bot can write to
    ticket = await insert_ticket(engine, created_by=admin_id, number="TKT-2026-0042")
    connector = service.connector
    connector.fail_next(500, times=10_000, retry_after="0.2", operations=("send",))

    await service.say("assign TKT-2026-0042 to xavier@example.com", user=root)
    await service.say("assign TKT-2026-0042 to yvonne@example.com", user=root)
    edited = await service.press("ticket.edit", {
        "ticket_id": ticket, "version": await version_of(engine, ticket),
        "title": CONFIDENTIAL, "description": "names and amounts attached",
    }, user=root)
    assert CONFIDENTIAL in texts_in(edited)
    connector.recover()
    await settled(engine)

    def sent_to(person: object) -> list[str]:
        conversation = service.teams.personal_conversation_id(person)  # type: ignore[arg-type]
        return [texts_in(card_of(call.body) or {}) for call in connector.successful("send")
                if call.conversation_id == conversation]

    assert sent_to(xavier) == []
    assert any("Assigned to you" in card and CONFIDENTIAL in card for card in sent_to(yvonne))


async def _all_due(engine: AsyncEngine) -> None:
    """Time passes: every delivery waiting for its retry is due now."""
    async with engine.begin() as connection:
        await connection.execute(update(notification_outbox).where(
            notification_outbox.c.status == "pending").values(next_attempt_at=utcnow()))


async def _in_another_channel(service: Service, text: str, *, user: TeamsUser) -> Turn:
    teams = service.teams
    ours, teams.channel = teams.channel, Channel(id="19:it-staff@thread.tacv2", name="IT staff")
    try:
        return await service.say_in_channel(text, user=user)
    finally:
        teams.channel = ours


CHANNEL_CHANGES = {
    "unsubscribed": (lambda service, root: service.say_in_channel("unsubscribe", user=root),
                     False),
    "subscribed-elsewhere": (lambda service, root: _in_another_channel(
        service, "subscribe", user=root), False),
    "asked-what-it-gets": (lambda service, root: service.say_in_channel(
        "subscriptions", user=root), True),
    "narrowed-to-what-it-still-wants": (lambda service, root: service.say_in_channel(
        "subscribe created assigned", user=root), True),
    "narrowed-to-other-types": (lambda service, root: service.say_in_channel(
        "subscribe assigned commented", user=root), False),
    "narrowed-to-one-other-type": (lambda service, root: service.say_in_channel(
        "subscribe status_changed", user=root), False),
}


@pytest.mark.parametrize("change", list(CHANNEL_CHANGES))
async def test_a_channel_post_waiting_out_a_failure_is_not_made_once_the_channel_is_unsubscribed(
    service: Service, engine: AsyncEngine, change: str
) -> None:
    """The manager is told "#Printers gets no more ticket posts.": a post still waiting for
    its retry then is not made either (it was, once the connector recovered)."""
    root, ada, channel = await subscribed_channel(service, engine)
    connector = service.connector
    connector.fail_next(500, times=10_000, operations=("send",))
    await file_in_chat(service, CONFIDENTIAL, user=ada)

    async def tried() -> bool:
        return any(c.operation == "send" and c.conversation_id == channel for c in connector.calls)

    await eventually(tried, what="a failed post to the channel")
    act, posted = CHANNEL_CHANGES[change]
    await act(service, root)
    connector.recover()
    await _all_due(engine)
    await settled(engine)

    cards = [texts_in(card_of(call.body) or {}) for call in connector.successful("send")
             if call.conversation_id == channel]
    assert [CONFIDENTIAL in card for card in cards] == ([True] if posted else [])


async def test_a_channel_narrowed_away_from_an_event_still_has_the_card_it_holds_updated(
    service: Service, engine: AsyncEngine
) -> None:
    """A card already posted shows the ticket, whatever the types (`domain.card_updates`):
    an assignment waiting out a failure still brings it up to date once the channel's
    subscription no longer asks for assignments; only a post the types asked for is held back."""
    root, ada, channel = await subscribed_channel(service, engine)
    connector = service.connector
    await file_in_chat(service, CONFIDENTIAL, user=ada)
    await settled(engine)
    assert any(c.conversation_id == channel for c in connector.successful("send"))
    await service.say_in_channel("subscribe created", user=root)
    connector.fail_next(500, times=10_000, operations=("update",))
    async with engine.connect() as connection:
        number = (await connection.execute(select(tasks.c.ticket_number))).scalar_one()
    assert "Assigned to Ada Lovelace" in texts_in(
        (await service.say(f"assign {number} to me", user=ada)).card)

    async def tried() -> bool:
        return any(c.operation == "update" and c.conversation_id == channel
                   for c in connector.calls)

    await eventually(tried, what="a failed update of the channel's card")
    connector.recover()
    await _all_due(engine)
    await settled(engine)

    updates = [texts_in(card_of(call.body) or {}) for call in connector.successful("update")
               if call.conversation_id == channel]
    assert updates and "Assignee\nAda Lovelace" in updates[-1], (number, updates)
