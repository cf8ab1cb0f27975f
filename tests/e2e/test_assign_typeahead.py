"""The assign picker's typeahead end to end: the card asks Teams to search, the bot answers
`application/search` with the people and teams this viewer may assign to, and the chosen
value assigns like any other."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.elements import card_actions
from tests.e2e.service import Service, data, file_ticket, texts_in
from tests.integration.builders import insert_team, insert_user
from tests.unit.bot.cards.schema import assert_valid_card

SEARCH_RESPONSE = "application/vnd.microsoft.search.searchResponse"


async def _person(engine: AsyncEngine, email: str, first: str, last: str, *,
                  role: str = "user", active: bool = True) -> str:
    return await insert_user(engine, role=role, active=active, email=email, name=f"{first} {last}")


def _picker(card: dict[str, Any]) -> dict[str, Any]:
    show = next(a for a in card_actions(card) if a.get("title") == "Assign…")
    picker: dict[str, Any] = show["card"]["body"][0]
    return picker


async def _search(service: Service, user: Any, text: str, **options: Any) -> Any:
    answer = await service.post(service.teams.search(text, user=user, **options))
    assert answer.status == 200, answer.text
    return answer.json


def _results(body: Any) -> list[tuple[str, str]]:
    assert body["type"] == SEARCH_RESPONSE
    return [(r["title"], r["value"]) for r in body["value"]["results"]]


async def test_a_manager_finds_anyone_by_typing_and_assigns_the_one_found(
    service: Service, engine: AsyncEngine
) -> None:
    mona_id = await _person(engine, "mona@example.com", "Mona", "Manager", role="manager")
    desk = await insert_team(engine, "Service Desk", mona_id)
    lee_id = await _person(engine, "lee@example.com", "Lee", "Okafor")
    for n in range(40):
        await _person(engine, f"staff{n}@example.com", "Staff", f"Member {n}")
    mona = service.person("mona@example.com", "Mona Manager")
    ticket = await file_ticket(engine, mona_id)

    card = (await service.say(f"ticket {ticket.ticket_number}", user=mona)).card
    assert_valid_card(card)
    picker = _picker(card)
    assert picker["choices.data"] == {"type": "Data.Query", "dataset": "ticketflow.assignees"}
    assert picker["style"] == "filtered"
    assert [c["title"] for c in picker["choices"]] == ["Me (Mona Manager)", "Team Service Desk"]
    assert [c["value"] for c in picker["choices"]] == [mona_id, f"team:{desk}"]

    assert _results(await _search(service, mona, "okaf")) == [("Lee Okafor", lee_id)]
    assert _results(await _search(service, mona, "LEE@")) == [("Lee Okafor", lee_id)]
    assert len(_results(await _search(service, mona, "staff"))) == 15
    page_two = _results(await _search(service, mona, "staff", skip=15, top=15))
    assert len(page_two) == 15 and ("Lee Okafor", lee_id) not in page_two

    card = await service.press(
        "ticket.assign", {**data(card, "ticket.assign"), "assignee": lee_id}, user=mona)
    assert "Lee Okafor" in texts_in(card)


async def test_an_agent_finds_only_themselves_and_their_teams(
    service: Service, engine: AsyncEngine
) -> None:
    ada_id = await _person(engine, "ada@example.com", "Ada", "Agent")
    desk = await insert_team(engine, "Desk", ada_id)
    await insert_team(engine, "Deskside Elsewhere")
    await _person(engine, "dave@example.com", "Dave", "Desker")
    ada = service.person("ada@example.com", "Ada Agent")
    await service.say("hello", user=ada)

    assert _results(await _search(service, ada, "desk")) == [("Team Desk", f"team:{desk}")]
    assert _results(await _search(service, ada, "")) == [("Me (Ada Agent)", ada_id),
                                                         ("Team Desk", f"team:{desk}")]


async def test_a_customer_finds_no_one(service: Service, engine: AsyncEngine) -> None:
    await _person(engine, "cleo@example.com", "Cleo", "Customer", role="customer")
    await _person(engine, "lee@example.com", "Lee", "Okafor")
    cleo = service.person("cleo@example.com", "Cleo Customer")
    assert _results(await _search(service, cleo, "lee")) == []


@pytest.mark.parametrize(("value", "reason"), [
    ({"queryText": "lee", "dataset": "graph.microsoft.com/users"}, "not one I know"),
    ({"queryText": "lee"}, "not one I know"),
    ({"queryText": ["lee"], "dataset": "ticketflow.assignees"}, "not text"),
    ({"queryText": "lee", "dataset": "ticketflow.assignees", "queryOptions": {"top": "15"}},
     "whole numbers"),
    ({"queryText": "lee", "dataset": "ticketflow.assignees", "queryOptions": {"skip": -1}},
     "whole numbers"),
    ({"queryText": "lee", "dataset": "ticketflow.assignees", "queryOptions": [0, 15]},
     "not an object"),
    ("lee", "no query"),
])
async def test_a_malformed_search_gets_universal_actions_error_answer(
    service: Service, engine: AsyncEngine, value: object, reason: str
) -> None:
    await _person(engine, "mona@example.com", "Mona", "Manager", role="manager")
    mona = service.person("mona@example.com", "Mona Manager")
    activity = service.teams.search("lee", user=mona)
    activity["value"] = value
    answer = await service.post(activity)
    assert answer.status == 200
    body = answer.json
    assert body["statusCode"] == 400 and body["type"] == "application/vnd.microsoft.error"
    assert reason in body["value"]["message"]


async def test_a_deactivated_manager_is_refused_and_nothing_is_listed(
    service: Service, engine: AsyncEngine
) -> None:
    await _person(engine, "lee@example.com", "Lee", "Okafor")
    await _person(engine, "mona@example.com", "Mona", "Manager", role="manager", active=False)
    mona = service.person("mona@example.com", "Mona Manager")
    body = await _search(service, mona, "lee")
    assert body["statusCode"] == 403 and "Lee" not in str(body)


async def test_a_long_query_is_cut_and_wildcards_are_text(
    service: Service, engine: AsyncEngine
) -> None:
    await _person(engine, "mona@example.com", "Mona", "Manager", role="manager")
    await _person(engine, "lee@example.com", "Lee", "Okafor")
    mona = service.person("mona@example.com", "Mona Manager")
    assert _results(await _search(service, mona, "%")) == []
    assert _results(await _search(service, mona, "_")) == []
    assert _results(await _search(service, mona, "lee" + "x" * 5000)) == []
