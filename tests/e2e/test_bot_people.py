"""Who is talking: first contact enrolment, invitations, refusals, and conversation references."""

from __future__ import annotations


from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from db.repositories.conversation_refs import SqlConversationRefs
from db.tables import bot_user_links, user_invitations, users
from db.uow import SqlUnitOfWork
from domain.chat import ConversationKind
from domain.services.invitations import invite
from tests.e2e.service import Service, running_service, texts_in
from tests.integration.builders import insert_user
from tests.actors import as_actor


async def test_first_contact_creates_a_user_with_the_default_role_and_links_them(
    service: Service, engine: AsyncEngine
) -> None:
    newcomer = service.person("grace@example.com", "Grace Hopper")
    turn = await service.say("help", user=newcomer)
    assert "What you can say" in texts_in(turn.card)
    async with engine.connect() as connection:
        row = (await connection.execute(select(users))).mappings().one()
        link = (await connection.execute(select(bot_user_links))).mappings().one()
    assert (row["email"], row["first_name"], row["last_name"], row["role"]) == (
        "grace@example.com", "Grace", "Hopper", "user")
    assert (link["teams_user_id"], link["aad_object_id"], link["user_id"]) == (
        newcomer.id, newcomer.aad_object_id, row["id"])
    lookups = [c for c in service.connector.calls if c.operation == "get_member"]
    await service.say("help", user=newcomer)
    assert len([c for c in service.connector.calls if c.operation == "get_member"]) == len(lookups)


async def test_a_pending_invitation_is_accepted_on_first_contact(
    service: Service, engine: AsyncEngine
) -> None:
    admin = await insert_user(engine, role="admin")
    await invite(uow=SqlUnitOfWork(engine), email="Linus@Example.com", role="manager",
                 actor=as_actor(admin))
    linus = service.person("linus@example.com", "Linus Torvalds")
    await service.say("help", user=linus)
    async with engine.connect() as connection:
        row = (await connection.execute(select(users).where(users.c.email == "linus@example.com")))
        invitation = (await connection.execute(select(user_invitations))).mappings().one()
    assert row.mappings().one()["role"] == "manager"
    assert invitation["status"] == "accepted"


async def test_without_self_service_a_stranger_is_refused_politely(
    engine: AsyncEngine, database_url: str, service: Service
) -> None:
    async with running_service(database_url, service.connector, service.teams,
                               default_role=None) as closed:
        stranger = closed.person("mallory@example.com", "Mallory")
        turn = await closed.say("new ticket Let me in", user=stranger)
    assert turn.texts == [
        "You don't have a TicketFlow account yet (mallory@example.com). "
        "Ask a TicketFlow admin to invite you, then say hi again."
    ]
    async with engine.connect() as connection:
        assert (await connection.execute(select(users))).first() is None


async def test_a_deactivated_user_is_refused(service: Service, engine: AsyncEngine) -> None:
    user_id = await insert_user(engine, role="user", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    await service.say("help", user=ada)
    async with engine.begin() as connection:
        await connection.execute(update(users).where(users.c.id == user_id).values(is_active=False))
    turn = await service.say("my tickets", user=ada)
    assert turn.texts == ["Sorry, you can't do that: your TicketFlow account is deactivated."]


async def test_every_conversation_is_remembered_and_forgotten_on_uninstall(
    service: Service, engine: AsyncEngine
) -> None:
    user_id = await insert_user(engine, role="manager", email="ada@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    refs = SqlConversationRefs(engine)
    welcome = await service.send(service.teams.bot_added_to_personal_chat(user=ada))
    assert "Try" in texts_in(welcome.card)
    await service.say("help", user=ada)
    personal = await refs.personal_for(user_id)
    assert personal is not None and personal.kind is ConversationKind.PERSONAL
    assert personal.reference["serviceUrl"] == service.connector.service_url

    await service.say_in_channel("my tickets", user=ada)
    channel = await refs.channel(service.teams.team.id, service.teams.channel.id)
    assert channel is not None and channel.conversation_id == service.teams.channel.id
    assert ";messageid=" not in channel.reference["conversation"]["id"]

    await service.send(service.teams.installation_update("remove", in_team=True))
    await service.send(service.teams.bot_removed_from_team())
    assert await refs.channel(service.teams.team.id, service.teams.channel.id) is None


async def test_malformed_requests_get_a_json_error_and_change_nothing(service: Service) -> None:
    for body, status in ((b"not json", 400), (b"[]", 400), (b'{"text": "no type"}', 400),
                         (b"{" + b" " * 400_000 + b"}", 413)):
        async with service.session.post(f"{service.base_url}/api/messages", data=body,
                                        headers={"Content-Type": "application/json"}) as answer:
            assert answer.status == status
            assert set(await answer.json()) == {"error", "message"}
    async with service.session.get(f"{service.base_url}/readyz") as ready:
        assert ready.status == 200


async def test_people_from_another_organisation_are_refused(
    engine: AsyncEngine, database_url: str, service: Service
) -> None:
    await insert_user(engine, role="admin", email="root@example.com")
    async with running_service(database_url, service.connector, service.teams,
                               allowed_tenants=("our-tenant-id",)) as guarded:
        outsider = guarded.person("root@example.com", "Spoofed Admin")  # same email, other tenant
        turn = await guarded.say("settings prefix PWN", user=outsider)
    assert turn.texts == ["This TicketFlow bot serves another organisation."]
    async with engine.connect() as connection:
        assert (await connection.execute(select(bot_user_links))).first() is None
