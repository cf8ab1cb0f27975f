"""403 BotNotInConversationRoster: the bot stops posting there until it is installed again."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import bot_conversation_refs, notification_outbox
from tests.e2e.service import Service, file_ticket, settled, user_in_teams
from tests.integration.builders import insert_user


async def statuses(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as connection:
        query = select(notification_outbox.c.status).order_by(notification_outbox.c.id)
        return list((await connection.execute(query)).scalars())


async def test_a_chat_the_bot_was_removed_from_gets_no_posts_until_it_is_installed_again(
    service: Service, engine: AsyncEngine
) -> None:
    admin = await insert_user(engine, role="admin", email="root@example.com")
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    root = service.person("root@example.com", "Rita Root")
    await service.say("help", user=ada)
    chat = service.teams.personal_conversation_id(ada)
    connector = service.connector
    connector.fail_next(403, code="BotNotInConversationRoster", times=1000, operations=("send",))

    async def assign_a_ticket(title: str) -> None:
        ticket = await file_ticket(engine, admin, title)
        await service.say(f"assign {ticket.ticket_number} to ada@example.com", user=root)
        await settled(engine)

    def attempts() -> int:
        return len([c for c in connector.calls
                    if c.conversation_id == chat and c.operation == "send"])

    await assign_a_ticket("Printer jams")
    assert (attempts(), await statuses(engine)) == (1, ["disabled"])
    await assign_a_ticket("Scanner jams")
    assert (attempts(), await statuses(engine)) == (1, ["disabled"])  # nothing more to send

    connector.recover()
    install = service.teams.installation_update("add")
    install.update({"from": ada.account(), "conversation": service.teams.personal_conversation(ada)})
    reinstalled = await service.post(install)
    assert reinstalled.status == 200
    async with engine.connect() as connection:
        remembered = (await connection.execute(
            select(bot_conversation_refs.c.conversation_id))).scalars().all()
    assert chat in remembered
    await assign_a_ticket("Toner low")
    delivered = [c for c in connector.successful("send") if c.conversation_id == chat]
    assert len(delivered) == 1 and "Toner low" in str(delivered[0].body)
