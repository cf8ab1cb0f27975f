"""A notification delivered late is drawn and checked at delivery: no leak to who lost access."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from tests.e2e.service import Service, card_of, settled, texts_in
from tests.integration.builders import insert_ticket, insert_user

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
        "ticket_id": ticket, "title": CONFIDENTIAL, "description": "names and amounts attached",
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
