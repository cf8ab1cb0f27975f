"""Channels hear about tickets: subscribe in chat, the card posted and updated in place."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import bot_ticket_cards, bot_ticket_changes, tasks, teams_integration_settings
from tests.e2e.channel import file_in_chat, subscribed_channel
from tests.e2e.service import Service, card_of, data, first_row, settled, texts_in, user_in_teams
from tests.e2e.teams_doubles.activities import Channel
from tests.integration.builders import insert_team, insert_user
from tests.integration.notify.capture.webapp import WebApp
from tests.waiting import eventually


async def _captured_and_delivered(engine: AsyncEngine) -> None:
    """Every web-app change turned into deliveries, and every delivery finished."""

    async def nothing_waiting() -> bool:
        async with engine.connect() as connection:
            return (await connection.execute(select(bot_ticket_changes))).first() is None

    await eventually(nothing_waiting, what="web-app changes all captured")
    await settled(engine)


async def test_only_managers_and_admins_subscribe_a_channel(
    service: Service, engine: AsyncEngine
) -> None:
    await insert_user(engine, role="user", email="ada@example.com")
    await insert_user(engine, role="manager", email="mona@example.com")
    ada = service.person("ada@example.com", "Ada Lovelace")
    mona = service.person("mona@example.com", "Mona Manager")
    refused = await service.say_in_channel("subscribe", user=ada)
    assert refused.texts == ["Sorry, you can't do that: only admins or managers can do that."]
    done = await service.say_in_channel("subscribe created assigned", user=mona)
    assert "Subscribed #Printers" in done.texts[0]
    async with engine.connect() as connection:
        row = (await connection.execute(select(teams_integration_settings))).mappings().one()
    assert (row["team_id"], row["channel_id"], row["enabled"]) == (
        service.teams.team.id, service.teams.channel.id, True)
    assert sorted(row["notification_types"]) == ["ticket_assigned", "ticket_created"]
    listed = await service.say_in_channel("subscriptions", user=mona)
    assert "assigned, created" in listed.texts[0]
    gone = await service.say_in_channel("unsubscribe", user=mona)
    assert gone.texts == ["#Printers gets no more ticket posts."]


async def test_a_new_ticket_is_posted_to_the_channel_and_its_card_updated_in_place(
    service: Service, engine: AsyncEngine
) -> None:
    _, ada, channel = await subscribed_channel(service, engine)
    connector = service.connector

    await file_in_chat(service, "Toner low on floor 2", user=ada)

    def posted(stand_in: object) -> bool:
        return any(c.operation == "send" and c.conversation_id == channel and
                   card_of(c.body) for c in connector.calls)

    await connector.wait_until(posted)
    post = next(c for c in connector.calls if c.operation == "send" and c.conversation_id == channel
                and card_of(c.body))
    assert "Toner low on floor 2" in texts_in(card_of(post.body) or {})
    remembered = await first_row(engine, select(bot_ticket_cards))
    assert remembered["conversation_id"] == channel
    activity_id = remembered["activity_id"]  # the id the connector gave the posted card

    ticket_number = texts_in(card_of(post.body) or {}).split("TKT-")[1].split()[0]
    await service.say(f"assign TKT-{ticket_number} to me", user=ada)

    thread = f"{channel};messageid={activity_id}"

    def updated(stand_in: object) -> bool:
        return any(c.operation == "update" for c in connector.calls) and any(
            c.conversation_id == thread for c in connector.calls)

    await connector.wait_until(updated)
    update = next(c for c in connector.calls if c.operation == "update")
    assert (update.conversation_id, update.activity_id) == (channel, activity_id)
    assert "Unassigned" not in texts_in(card_of(update.body) or {})
    thread_reply = next(c for c in connector.calls if c.conversation_id == thread)
    assert thread_reply.operation == "send"
    assert "Assigned to" in thread_reply.body["text"]


async def test_the_subscribers_own_change_updates_the_channel_card_without_a_thread_reply(
    service: Service, engine: AsyncEngine
) -> None:
    root, ada, channel = await subscribed_channel(service, engine)
    connector = service.connector
    await file_in_chat(service, "Badge reader broken", user=ada)
    remembered = await first_row(engine, select(bot_ticket_cards))
    activity_id = remembered["activity_id"]
    number = (await service.say("tickets badge", user=ada)).card
    ticket_number = "TKT-" + texts_in(number).split("TKT-")[1].split()[0]
    before = len(connector.calls)

    await service.say(f"resolve {ticket_number}", user=root)

    def updated(stand_in: object) -> bool:
        return any(c.operation == "update" for c in connector.calls[before:])

    await connector.wait_until(updated)
    update = next(c for c in connector.calls[before:] if c.operation == "update")
    assert (update.conversation_id, update.activity_id) == (channel, activity_id)
    assert "Resolved" in texts_in(card_of(update.body) or {})
    await settled(engine)  # the delivery that updated the card has finished: no reply came
    thread = f"{channel};messageid={activity_id}"
    assert not [c for c in connector.calls[before:] if c.conversation_id == thread]


async def test_a_webhook_is_checked_when_saved_and_a_refused_one_saves_nothing(
    service: Service, engine: AsyncEngine
) -> None:
    mona = await user_in_teams(service, engine, "mona@example.com", "Mona Manager", role="manager")
    refused = await service.say("webhook https://169.254.169.254/latest/meta-data", user=mona)
    assert refused.texts[0].startswith("That webhook URL won't work:")
    evil = await service.say("webhook https://prod-1.westus.logic.azure.com.evil.com/x", user=mona)
    assert evil.texts[0].startswith("That webhook URL won't work:")
    async with engine.connect() as connection:
        assert (await connection.execute(select(teams_integration_settings))).first() is None
    saved = await service.say(
        "webhook https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/"
        "paths/invoke?api-version=2016-06-01&sig=secret created", user=mona)
    assert saved.texts[0].startswith("Saved your webhook")
    async with engine.connect() as connection:
        row = (await connection.execute(select(teams_integration_settings))).mappings().one()
    assert row["webhook_url"].startswith("https://prod-12.westeurope.logic.azure.com")
    assert row["notification_types"] == ["ticket_created"]
    shown = await service.say("webhook", user=mona)
    assert shown.texts[0].startswith(
        "Your webhook posts to prod-12.westeurope.logic.azure.com: tickets you can see (created).")
    assert "sig=" not in shown.texts[0]  # the URL's query is its secret
    own = await service.say("subscriptions", user=mona)  # in a personal chat: their own
    assert own.texts[0].startswith("Your subscriptions:\n\n- your webhook posts to "
                                   "prod-12.westeurope.logic.azure.com (created)")
    assert (await service.say("webhook off", user=mona)).texts == ["Your webhook is removed."]
    again = await service.say("webhook off", user=mona)
    assert again.texts[0].startswith("You have no webhook, so nothing changed.")
    assert (await service.say("my webhook", user=mona)).texts[0].startswith("You have no webhook.")
    none = await service.say("subscriptions", user=mona)
    assert none.texts[0].startswith("You have no subscription. Say `subscribe` in a Teams channel")


async def test_a_manager_subscribes_and_unsubscribes_a_channel_in_everyday_words(
    service: Service, engine: AsyncEngine
) -> None:
    await insert_user(engine, role="manager", email="mona@example.com", name="Mona Manager")
    mona = service.person("mona@example.com", "Mona Manager")

    done = await service.say_in_channel("subscribe this channel to new tickets and comments",
                                        user=mona)
    assert "Subscribed #Printers to tickets you can see: commented, created." in done.texts[0]
    listed = await service.say_in_channel("what is this channel subscribed to?", user=mona)
    assert listed.texts == ["Subscriptions of #Printers:\n\n"
                            "- on: commented, created (tickets Mona Manager may see)"]
    bogus = await service.say_in_channel("subscribe to gossip", user=mona)
    assert bogus.texts == ["That event type won't work: 'gossip' is not one of: created, updated, "
                           "assigned, status_changed, commented, all."]
    partial = await service.say_in_channel("unsubscribe from comments", user=mona)
    assert partial.texts == ["Nothing changed. `unsubscribe` stops every ticket post in #Printers; "
                             "to hear about fewer kinds of changes, say `subscribe` with the ones "
                             "to keep, e.g. `subscribe created assigned`."]
    async with engine.connect() as connection:
        row = (await connection.execute(select(teams_integration_settings))).mappings().one()
    assert (row["channel_id"], sorted(row["notification_types"])) == (
        service.teams.channel.id, ["ticket_commented", "ticket_created"])

    gone = await service.say_in_channel("unsubscribe this channel please", user=mona)
    assert gone.texts == ["#Printers gets no more ticket posts."]
    assert (await service.say_in_channel("subscriptions", user=mona)).texts == [
        "Nobody has subscribed #Printers. A manager can say `subscribe` here."]


async def test_a_ticket_the_web_app_moves_to_another_team_leaves_the_old_channel_alone(
    service: Service, engine: AsyncEngine
) -> None:
    mona_id = await insert_user(engine, role="manager", email="mona@example.com",
                                name="Mona Manager")
    ada_id = await insert_user(engine, role="user", email="ada@example.com", name="Ada Lovelace")
    bob_id = await insert_user(engine, role="user", email="bob@example.com", name="Bob Network")
    cleo_id = await insert_user(engine, role="customer", email="cleo@example.com")
    desk = await insert_team(engine, "Desk", mona_id, ada_id)
    network = await insert_team(engine, "Network", bob_id)
    mona = service.person("mona@example.com", "Mona Manager")
    ada = service.person("ada@example.com", "Ada Lovelace")
    await service.say_in_channel("subscribe", user=mona)
    channel, connector, web = service.teams.channel.id, service.connector, WebApp(engine)
    ticket = await web.create_ticket(by=cleo_id, title="VPN drops every hour")
    await web.update(ticket, by=bob_id, assignee_type="team", assignee_id=None,
                     assignee_team_id=desk)
    await _captured_and_delivered(engine)
    [post] = [c for c in connector.successful("send")
              if c.conversation_id == channel and card_of(c.body)]
    card = card_of(post.body) or {}
    assert "team Desk" in texts_in(card)
    await web.update(ticket, by=ada_id, status="in_progress")
    await _captured_and_delivered(engine)
    assert "Status changed to In progress by Ada Lovelace" in connector.texts()
    await web.update(ticket, by=ada_id, priority="urgent", description="Since the 2.4 update")
    await _captured_and_delivered(engine)
    assert ("Description and priority changed by Ada Lovelace: priority Medium → Urgent"
            in connector.texts())

    before = len(connector.calls)
    await web.update(ticket, by=bob_id, assignee_team_id=network)
    await web.comment(ticket, by=bob_id, content="Replaced the VPN concentrator")
    await web.update(ticket, by=bob_id, status="resolved")
    await _captured_and_delivered(engine)
    assert [c for c in connector.calls[before:] if (c.conversation_id or "").startswith(channel)
            ] == []  # no card update and no thread reply: the channel cannot see it any more

    posted = await first_row(engine, select(bot_ticket_cards))
    pressed = await service.send(service.teams.card_action(
        "ticket.status", data(card, "ticket.status"), user=ada, in_channel=True,
        card_activity_id=posted["activity_id"]))
    refusal = pressed.answer.json
    assert (refusal["statusCode"], refusal["value"]["message"]) == (
        403, "This ticket is not one you can see now (it may have moved to another team, or been "
        "deleted): nothing was changed.")
    async with engine.connect() as connection:
        assert (await connection.execute(select(tasks.c.status))).scalar_one() == "resolved"


async def test_subscribing_a_second_channel_says_which_channel_no_longer_gets_posts(
    service: Service, engine: AsyncEngine
) -> None:
    mona = await user_in_teams(service, engine, "mona@example.com", "Mona Manager", role="manager")
    first = await service.say_in_channel("subscribe", user=mona)
    assert "no more ticket posts" not in first.texts[0]
    again = await service.say_in_channel("subscribe created", user=mona)
    assert "no more ticket posts" not in again.texts[0]  # the same channel, narrowed

    service.teams.channel = Channel(id="19:support-network@thread.tacv2", name="Network")
    moved = await service.say_in_channel("subscribe", user=mona)
    assert moved.texts[0].startswith("Subscribed #Network to tickets you can see: ")
    assert moved.texts[0].endswith(
        " #Printers gets no more ticket posts from you: each person subscribes one channel "
        "(another manager or an admin can subscribe it too).")
    async with engine.connect() as connection:
        row = (await connection.execute(select(teams_integration_settings))).mappings().one()
    assert (row["channel_id"], row["channel_name"]) == ("19:support-network@thread.tacv2", "Network")
