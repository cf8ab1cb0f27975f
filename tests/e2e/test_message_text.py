"""Message text as Teams sends it: mentions, HTML entities and markup, messages with no words."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db.tables import task_comments, tasks
from tests.e2e.service import Service, file_ticket, texts_in, user_in_teams
from tests.integration.builders import insert_user


async def test_a_comment_that_mentions_someone_is_stored_as_people_read_it(
    service: Service, engine: AsyncEngine
) -> None:
    admin = await insert_user(engine, role="admin", email="root@example.com")
    await insert_user(engine, role="manager", email="max@example.com")
    root = service.person("root@example.com", "Rita Root")
    max_ = service.person("max@example.com", "Max Manager")
    ticket = await file_ticket(engine, admin, "VPN down")
    activity = service.teams.channel_message(
        f"<p>comment {ticket.ticket_number} ping <at>Max Manager</at>&nbsp;please check "
        "&amp; <at id=\"1\">Max</at> too</p>", user=root)
    activity["entities"].append(
        {"type": "mention", "text": "<at>Max Manager</at>", "mentioned": max_.account()})

    turn = await service.send(activity)

    assert turn.answer.status == 200
    async with engine.connect() as connection:
        stored = (await connection.execute(select(task_comments.c.content))).scalar_one()
    assert stored == "ping @Max Manager please check & @Max too"
    assert "<at>" not in texts_in(turn.card)


async def test_a_title_keeps_its_mention_as_written_without_markup(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    activity = service.teams.personal_message(
        "<div>new ticket Laptop for <at>Tom Teammate</at> &lt;urgent&gt;</div>", user=ada)

    await service.send(activity)
    for answer in ("skip", "request", "low"):
        await service.say(answer, user=ada)

    async with engine.connect() as connection:
        title = (await connection.execute(select(tasks.c.title))).scalar_one()
    assert title == "Laptop for @Tom Teammate <urgent>"


async def test_a_message_of_only_a_mention_or_only_an_image_gets_the_short_help(
    service: Service, engine: AsyncEngine
) -> None:
    ada = await user_in_teams(service, engine, "ada@example.com", "Ada Lovelace")
    only_mention = service.teams.channel_message("", user=ada)
    only_image = service.teams.personal_message("", user=ada)
    only_image.pop("text")
    only_image["attachments"] = [{"contentType": "image/*",
                                  "contentUrl": "https://example.com/screenshot.png"}]
    only_markup = service.teams.personal_message("<p>&nbsp;</p>", user=ada)

    for activity in (only_mention, only_image, only_markup):
        turn = await service.send(activity)
        assert turn.answer.status == 200
        assert not any("didn't get" in text for text in turn.texts), turn.texts
        assert turn.cards and "What I do" in texts_in(turn.cards[-1])
