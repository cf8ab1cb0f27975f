"""A ticket card's channel thread and the ticket's comments, both ways, over HTTP."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.actions.notices import NO_INTERNAL_NOTES
from bot.replies import explain
from bot.thread_replies import ACKNOWLEDGED, EMPTY
from domain.errors import NotAllowed
from db.tables import bot_ticket_cards, task_comments, tasks
from tests.e2e.channel import file_in_chat, subscribed_channel
from tests.e2e.service import Service, Turn, card_of, fallback, first_row, texts_in, user_in_teams
from tests.e2e.teams_doubles.activities import TeamsUser


async def _a_posted_card(service: Service, engine: AsyncEngine) -> tuple[str, str, TeamsUser]:
    """Rita subscribes the channel, Ada files a ticket: its number, the card's thread, Ada."""
    _, ada, channel = await subscribed_channel(service, engine)
    await file_in_chat(service, "Toner low on floor 2", user=ada)
    card = await first_row(engine, select(bot_ticket_cards))
    post = next(c for c in service.connector.calls
                if c.operation == "send" and c.conversation_id == channel and card_of(c.body))
    number = "TKT-" + texts_in(card_of(post.body) or {}).split("TKT-")[1].split()[0]
    return number, f"{channel};messageid={card['activity_id']}", ada


async def _reply_in_thread(
    service: Service, thread: str, text: str, *, user: TeamsUser, mention_bot: bool = True
) -> Turn:
    activity: dict[str, Any] = service.teams.channel_message(
        text, user=user, mention_bot=mention_bot
    )
    activity["conversation"]["id"] = thread
    turn = await service.send(activity)
    assert turn.answer.status == 200, turn.answer.text
    return turn


async def _comments(engine: AsyncEngine) -> list[str]:
    async with engine.connect() as connection:
        rows = await connection.execute(select(task_comments.c.content).order_by(task_comments.c.id))
        return list(rows.scalars())


def _thread_texts(service: Service, thread: str) -> list[str]:
    return [str(c.body.get("text")) for c in service.connector.calls
            if c.conversation_id == thread and c.operation == "send" and c.status < 300]


async def test_a_reply_mentioning_the_bot_becomes_a_comment_and_is_not_echoed(
    service: Service, engine: AsyncEngine
) -> None:
    _, thread, ada = await _a_posted_card(service, engine)

    turn = await _reply_in_thread(service, thread, "Replaced the toner, works now", user=ada)

    assert turn.texts == [ACKNOWLEDGED]
    assert await _comments(engine) == ["Replaced the toner, works now"]
    await service.connector.wait_until(
        lambda _: any(c.operation == "update" for c in service.connector.calls)
    )
    assert not any("Replaced the toner" in text for text in _thread_texts(service, thread))


async def test_a_comment_made_elsewhere_is_posted_into_the_thread_with_its_author(
    service: Service, engine: AsyncEngine
) -> None:
    number, thread, ada = await _a_posted_card(service, engine)

    await service.say(f"comment {number} Ordered a new drum unit", user=ada)

    await service.connector.wait_until(
        lambda _: any("Ordered a new drum unit" in t for t in _thread_texts(service, thread))
    )
    [line] = [t for t in _thread_texts(service, thread) if "drum unit" in t]
    assert line == "Ada Lovelace commented: Ordered a new drum unit"


async def test_a_comment_quoted_in_the_thread_is_plain_text_not_a_link_or_mention(
    service: Service, engine: AsyncEngine
) -> None:
    number, thread, ada = await _a_posted_card(service, engine)
    said = "[Reset your password here](https://evil.example/login) <at>Everyone</at>"

    await service.say(f"comment {number} {said}", user=ada)

    await service.connector.wait_until(
        lambda _: any("evil.example" in t for t in _thread_texts(service, thread))
    )
    [line] = [c.body for c in service.connector.calls if c.conversation_id == thread
              and c.operation == "send" and "evil.example" in str(c.body.get("text"))]
    assert line["textFormat"] == "plain"
    assert not line.get("entities") or all(e.get("type") != "mention" for e in line["entities"])


async def test_a_reply_from_someone_who_may_not_comment_is_refused_in_the_thread(
    service: Service, engine: AsyncEngine
) -> None:
    _, thread, _ = await _a_posted_card(service, engine)
    cara = await user_in_teams(
        service, engine, "cara@example.com", "Cara Customer", role="customer"
    )

    turn = await _reply_in_thread(service, thread, "Me too!", user=cara)

    assert len(turn.texts) == 1 and turn.texts[0] != ACKNOWLEDGED
    assert "can't" in turn.texts[0]
    assert await _comments(engine) == []


async def test_a_reply_marked_internal_is_refused_and_one_that_names_something_internal_is_not(
    service: Service, engine: AsyncEngine
) -> None:
    """The requester reads every comment: a reply marked for staff only is refused in the
    thread, as it is in chat (it was posted as a comment)."""
    _, thread, ada = await _a_posted_card(service, engine)

    marked = await _reply_in_thread(service, thread, "internal: the customer keeps loading "
                                    "the wrong paper", user=ada)
    named = await _reply_in_thread(service, thread, "Replaced the internal fuser", user=ada)

    assert marked.texts == [explain(NotAllowed(NO_INTERNAL_NOTES))]
    assert named.texts == [ACKNOWLEDGED]
    assert await _comments(engine) == ["Replaced the internal fuser"]


async def test_with_consent_a_plain_reply_counts_and_other_chatter_is_ignored(
    service: Service, engine: AsyncEngine
) -> None:
    _, thread, ada = await _a_posted_card(service, engine)

    chatter = await service.send(
        service.teams.channel_message("lunch anyone?", user=ada, mention_bot=False)
    )
    reply = await _reply_in_thread(service, thread, "Checked the cable", user=ada,
                                   mention_bot=False)

    assert (chatter.answer.status, chatter.texts) == (200, [])
    assert reply.texts == [ACKNOWLEDGED]
    assert await _comments(engine) == ["Checked the cable"]


async def test_a_button_pressed_on_the_channel_card_by_an_older_client_is_a_card_action(
    service: Service, engine: AsyncEngine
) -> None:
    _, thread, ada = await _a_posted_card(service, engine)
    channel, _, root = thread.partition(";messageid=")
    post = next(c for c in service.connector.calls
                if c.operation == "send" and c.conversation_id == channel and card_of(c.body))
    comment = fallback(card_of(post.body) or {}, "Add comment")

    turn = await service.send(service.teams.card_submit(
        comment["data"], inputs={"comment": "Reseated the RAM"}, in_channel=True,
        card_activity_id=root, user=ada))

    assert turn.answer.status == 200
    assert ACKNOWLEDGED not in turn.texts and EMPTY not in turn.texts
    assert await _comments(engine) == ["Reseated the RAM"]


async def test_editing_or_deleting_a_reply_in_teams_leaves_its_comment_as_it_was_added(
    service: Service, engine: AsyncEngine
) -> None:
    _, thread, ada = await _a_posted_card(service, engine)
    reply = service.teams.channel_message("Replaced the toner, works now", user=ada)
    reply["conversation"]["id"] = thread
    assert (await service.send(reply)).answer.status == 200
    before = len(_thread_texts(service, thread))

    for kind, event in (("messageUpdate", "editMessage"), ("messageDelete", "softDeleteMessage")):
        changed = {
            **reply,
            "id": f"{reply['id']}-{event}",  # not taken for a resend of the reply itself
            "type": kind,
            "text": f"<at>{service.teams.bot.name}</at> Actually it is still broken",
            "channelData": {**reply["channelData"], "eventType": event},
        }
        turn = await service.send(changed)
        assert turn.answer.status == 200, turn.answer.text
        assert turn.texts == []

    assert await _comments(engine) == ["Replaced the toner, works now"]
    assert len(_thread_texts(service, thread)) == before


@pytest.mark.parametrize(("said", "status", "assigned"), [
    ("resolve this", "resolved", False),
    ("close it pls", "closed", False),
    ("assign to me", "open", True),
    ("I'll take it", "open", True),
])
async def test_a_short_command_to_the_bot_in_the_thread_acts_on_its_ticket(
    service: Service, engine: AsyncEngine, said: str, status: str, assigned: bool
) -> None:
    """"@TicketFlow resolve this" in a card's thread was saved as the comment "resolve
    this" (and the requester told of it); the ticket stayed open."""
    number, thread, ada = await _a_posted_card(service, engine)

    await _reply_in_thread(service, thread, said, user=ada)

    async with engine.connect() as connection:
        row = (await connection.execute(
            select(tasks.c.status, tasks.c.assignee_id).where(tasks.c.ticket_number == number)
        )).one()
    assert row.status == status and (row.assignee_id is not None) == assigned
    assert await _comments(engine) == []


async def test_help_in_a_thread_is_answered_and_a_long_or_unmentioned_reply_is_a_comment(
    service: Service, engine: AsyncEngine
) -> None:
    number, thread, ada = await _a_posted_card(service, engine)

    helped = await _reply_in_thread(service, thread, "help", user=ada)
    await _reply_in_thread(service, thread, "Replaced the toner and it works, resolve this",
                           user=ada)

    assert helped.card is not None and ACKNOWLEDGED not in helped.texts
    assert await _comments(engine) == ["Replaced the toner and it works, resolve this"]
    async with engine.connect() as connection:
        status = (await connection.execute(
            select(tasks.c.status).where(tasks.c.ticket_number == number))).scalar_one()
    assert status == "open"
