"""Teams can announce one install twice: two conversation updates adding the bot, each with
its own id (so redelivery does not join them), one after the other or at once. The bot
greets a conversation once per time it is added there."""

from __future__ import annotations

import asyncio

from tests.e2e.service import Service, card_of, texts_in


def welcomes(turns: list) -> int:  # type: ignore[type-arg]
    return sum("Try" in texts_in(card) for turn in turns for card in turn.cards)


async def test_a_personal_chat_announced_twice_is_greeted_once(service: Service) -> None:
    first = await service.send(service.teams.bot_added_to_personal_chat())
    again = await service.send(service.teams.bot_added_to_personal_chat())
    assert (first.answer.status, again.answer.status) == (200, 200)
    assert welcomes([first]) == 1 and again.sent == []


async def test_two_announcements_at_once_greet_once(service: Service) -> None:
    before = len(service.connector.sent_activities())
    turns = await asyncio.gather(
        *(service.send(service.teams.bot_added_to_personal_chat()) for _ in range(3)))
    assert [turn.answer.status for turn in turns] == [200, 200, 200]
    posted = service.connector.sent_activities()[before:]
    assert sum("Try" in texts_in(card) for post in posted if (card := card_of(post))) == 1


async def test_added_again_after_an_uninstall_greets_again(service: Service) -> None:
    await service.send(service.teams.bot_added_to_personal_chat())
    await service.send(service.teams.installation_update("remove"))
    back = await service.send(service.teams.bot_added_to_personal_chat())
    assert welcomes([back]) == 1


async def test_a_team_is_greeted_once_per_time_the_bot_is_added(service: Service) -> None:
    turns = [await service.send(service.teams.bot_added_to_team()) for _ in range(2)]
    assert welcomes(turns) == 1
    await service.send(service.teams.bot_removed_from_team())
    back = await service.send(service.teams.bot_added_to_team())
    assert welcomes([back]) == 1


async def test_each_person_is_greeted_in_their_own_chat(service: Service) -> None:
    ada = service.person("ada@example.com", "Ada Lovelace")
    grace = service.person("grace@example.com", "Grace Hopper")
    turns = [await service.send(service.teams.bot_added_to_personal_chat(user=person))
             for person in (ada, grace, ada)]
    assert [welcomes([turn]) for turn in turns] == [1, 1, 0]
