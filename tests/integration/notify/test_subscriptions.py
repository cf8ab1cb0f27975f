"""Managers and admins point their one subscription at a channel from chat; others may not."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import teams_integration_settings
from db.uow import SqlUnitOfWork
from domain.chat import TeamsChannel
from domain.errors import InvalidValue, NotAllowed
from domain.notifications import Subscription
from domain.services.subscriptions import (
    channel_notifications,
    set_webhook,
    subscribe_channel,
    unsubscribe_channel,
)
from notify.webhook_url import WebhookPolicy, check_webhook_url
from tests.actors import as_actor
from tests.integration.builders import insert_user
from tests.integration.notify.conftest import subscribe

HOOK = "https://acme.webhook.office.com/webhookb2/abc"


def check(url: str) -> str:
    return check_webhook_url(url, policy=WebhookPolicy()).url


async def rows(engine: AsyncEngine) -> list[dict[str, Any]]:
    async with engine.connect() as connection:
        result = await connection.execute(
            select(teams_integration_settings).order_by(teams_integration_settings.c.id)
        )
        return [dict(row) for row in result.mappings()]


async def subscribe_from_chat(
    engine: AsyncEngine,
    person: str,
    *,
    team: str = "T1",
    channel: str = "C1",
    uow: SqlUnitOfWork | None = None,
    msteams_team_name: str | None = None,
    channel_name: str | None = None,
    types: list[str] | None = None,
) -> Subscription:
    """`subscribe here` said by `person` in `channel` of Microsoft Teams team `team`."""
    return await subscribe_channel(
        uow=uow or SqlUnitOfWork(engine), actor=as_actor(person),
        channel=TeamsChannel(team, channel, msteams_team_name, channel_name), types=types or (),
    )


async def test_a_manager_subscribes_a_channel_to_the_types_they_name(engine: AsyncEngine) -> None:
    manager = await insert_user(engine, role="manager")

    saved = await subscribe_from_chat(
        engine, manager, msteams_team_name="Acme", channel_name="Support",
        types=["created", "ticket_assigned"],
    )

    assert (saved.enabled, saved.msteams_team_id, saved.channel_id, saved.channel_name) == (
        True,
        "T1",
        "C1",
        "Support",
    )
    assert saved.notification_types == {"ticket_created", "ticket_assigned"}
    [row] = await rows(engine)
    assert row["user_id"] == manager and sorted(row["notification_types"]) == [
        "ticket_assigned",
        "ticket_created",
    ]


async def test_subscribing_elsewhere_moves_the_one_row_and_keeps_the_webhook(
    engine: AsyncEngine,
) -> None:
    manager = await insert_user(engine, role="manager")
    await subscribe(engine, manager, url=HOOK, types=["ticket_created"])

    await subscribe_from_chat(engine, manager, team="T1", channel="C1")
    moved = await subscribe_from_chat(engine, manager, team="T2", channel="C2", types=["all"])

    [row] = await rows(engine)
    assert (row["team_id"], row["channel_id"], row["webhook_url"]) == ("T2", "C2", HOOK)
    assert len(moved.notification_types) == 5


@pytest.mark.parametrize("role", ["user", "customer"])
async def test_only_managers_and_admins_may_manage_subscriptions(
    engine: AsyncEngine, role: str
) -> None:
    person = await insert_user(engine, role=role)
    uow = SqlUnitOfWork(engine)

    with pytest.raises(NotAllowed, match="only admins or managers"):
        await subscribe_from_chat(engine, person, uow=uow)
    with pytest.raises(NotAllowed):
        await unsubscribe_channel(uow=uow, actor=as_actor(person), channel=TeamsChannel("T1", "C1"))
    with pytest.raises(NotAllowed):
        await channel_notifications(
            uow=uow, actor=as_actor(person), channel=TeamsChannel("T1", "C1")
        )
    assert await rows(engine) == []


async def test_an_unknown_type_is_refused_naming_the_choices(engine: AsyncEngine) -> None:
    manager = await insert_user(engine, role="manager")

    with pytest.raises(InvalidValue, match="'closed' is not one of: created, updated"):
        await subscribe_from_chat(engine, manager, types=["closed"])


async def test_unsubscribing_quiets_the_channel_for_every_subscriber_but_keeps_their_webhooks(
    engine: AsyncEngine,
) -> None:
    admin = await insert_user(engine, role="admin")
    manager = await insert_user(engine, role="manager")
    elsewhere = await insert_user(engine, role="manager")
    await subscribe(engine, admin, url=HOOK, msteams_team_id="T1", channel_id="C1")
    await subscribe(engine, manager, msteams_team_id="T1", channel_id="C1")
    await subscribe(engine, elsewhere, msteams_team_id="T1", channel_id="C2")

    listed = (await channel_notifications(
        uow=SqlUnitOfWork(engine), actor=as_actor(manager), channel=TeamsChannel("T1", "C1")
    )).subscriptions
    count = await unsubscribe_channel(
        uow=SqlUnitOfWork(engine), actor=as_actor(manager), channel=TeamsChannel("T1", "C1")
    )

    assert [s.user_id for s in listed] == [admin, manager] and count == 2
    after = {row["user_id"]: row for row in await rows(engine)}
    assert (after[admin]["channel_id"], after[admin]["enabled"], after[admin]["webhook_url"]) == (
        None,
        True,
        HOOK,
    )
    assert (after[manager]["channel_id"], after[manager]["enabled"]) == (None, False)
    assert after[elsewhere]["channel_id"] == "C2"


async def test_a_refused_webhook_url_saves_nothing_and_says_why(engine: AsyncEngine) -> None:
    admin = await insert_user(engine, role="admin")

    with pytest.raises(InvalidValue, match="webhook_url: .*not an allowed webhook host"):
        await set_webhook(
            uow=SqlUnitOfWork(engine),
            actor=as_actor(admin),
            url="https://example.com/hook",
            check=check,
        )

    assert await rows(engine) == []


async def test_an_allowed_webhook_url_is_stored_in_its_canonical_form(engine: AsyncEngine) -> None:
    admin = await insert_user(engine, role="admin")

    saved = await set_webhook(
        uow=SqlUnitOfWork(engine),
        actor=as_actor(admin),
        url=" https://ACME.webhook.office.com/webhookb2/abc ",
        check=check,
    )

    assert (saved.webhook_url, saved.enabled) == (HOOK, True)


async def test_removing_the_webhook_keeps_what_the_channel_was_subscribed_to(
    engine: AsyncEngine,
) -> None:
    manager = await insert_user(engine, role="manager")
    await subscribe_from_chat(engine, manager, types=["created", "commented"])
    await set_webhook(uow=SqlUnitOfWork(engine), actor=as_actor(manager), url=HOOK, check=check,
                      types=["created", "commented"])

    removed = await set_webhook(uow=SqlUnitOfWork(engine), actor=as_actor(manager), url=None,
                                check=check)

    assert (removed.webhook_url, removed.enabled) == (None, True)
    assert removed.notification_types == {"ticket_created", "ticket_commented"}
    [row] = await rows(engine)
    assert (row["channel_id"], row["webhook_url"], sorted(row["notification_types"])) == (
        "C1", None, ["ticket_commented", "ticket_created"])
