"""The whole service on loopback, driven like Teams drives it, with a Bot Connector stand-in."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cards.elements import card_actions
from bot.transport.adapter import CredentialsFactory
from db.tables import notification_outbox, task_comments, tasks, users
from db.uow import SqlUnitOfWork
from domain.services.tickets import change_ticket, create_ticket
from domain.tickets import Assignee, Ticket
from tests.actors import as_actor
from tests.e2e.teams_doubles.activities import TeamsActivities, TeamsUser
from tests.e2e.teams_doubles.bot_server import BotAnswer
from tests.e2e.teams_doubles.connector import ConnectorCall, ConnectorStandIn, TeamsMember
from tests.integration.builders import insert_person, insert_user
from tests.loopback import serving
from tests.unit.bot.cards.reading import walk
from tests.waiting import SAFETY_NET, eventually
from ticketflow.app import create_app
from ticketflow.settings import Settings

WEB_URL = "https://ticketflow.example.com"
CARD = "application/vnd.microsoft.card.adaptive"
HERO = "application/vnd.microsoft.card.hero"


def card_of(activity: dict[str, Any]) -> dict[str, Any] | None:
    for attachment in activity.get("attachments") or []:
        if attachment.get("contentType") == CARD:
            content: dict[str, Any] = attachment["content"]
            return content
    return None


def texts_in(card: dict[str, Any]) -> str:
    """All visible text of a card, for asserting on what a person reads."""
    return "\n".join(
        node[key]
        for node in walk(card, skipping=None)
        if node.get("type") != "Input.ChoiceSet"
        for key in ("text", "title", "value")
        if isinstance(node.get(key), str)
    )


def buttons_of(card: dict[str, Any]) -> list[str]:
    return [action.get("title", "") for action in card_actions(card)]


def data(card: dict[str, Any], verb: str) -> dict[str, Any]:
    """The data a card's button for `verb` sends (searching ShowCards too)."""
    actions = {"actions": card_actions(card), "refresh": card.get("refresh")}
    found = [
        dict(node.get("data", {}))
        for node in walk(actions)
        if node.get("type") == "Action.Execute" and node.get("verb") == verb
    ]
    assert found, f"no {verb} button on the card"
    return found[0]


def fallback(card: dict[str, Any], title: str) -> dict[str, Any]:
    """The `Action.Submit` an older client shows in place of the button titled `title`."""
    found: list[dict[str, Any]] = [
        node["fallback"]
        for node in walk(card)
        if node.get("type") == "Action.Execute" and node.get("title") == title
    ]
    assert found, f"no {title} button on the card"
    return found[0]


@dataclass
class Turn:
    answer: BotAnswer
    sent: list[dict[str, Any]]

    @property
    def texts(self) -> list[str]:
        """Message texts, and the question of a choice prompt drawn as a hero card."""
        found = []
        for activity in self.sent:
            if activity.get("text"):
                found.append(activity["text"])
            for attachment in activity.get("attachments") or []:
                if attachment.get("contentType") == HERO and attachment["content"].get("text"):
                    found.append(attachment["content"]["text"])
        return found

    @property
    def buttons(self) -> list[str]:
        """Choice buttons offered in hero cards."""
        return [
            button["title"]
            for activity in self.sent
            for attachment in activity.get("attachments") or []
            if attachment.get("contentType") == HERO
            for button in attachment["content"].get("buttons", [])
        ]

    @property
    def cards(self) -> list[dict[str, Any]]:
        return [card for a in self.sent if (card := card_of(a)) is not None]

    @property
    def card(self) -> dict[str, Any]:
        """The card an invoke answered with, or the last card sent in this turn."""
        body = self.answer.json
        if isinstance(body, dict) and body.get("type") == CARD:
            value: dict[str, Any] = body["value"]
            return value
        assert self.cards, f"no card in this turn: {self.texts}"
        return self.cards[-1]


@dataclass
class Service:
    base_url: str
    session: aiohttp.ClientSession
    connector: ConnectorStandIn
    teams: TeamsActivities
    users: dict[str, TeamsUser] = field(default_factory=dict)

    def person(self, email: str, name: str) -> TeamsUser:
        """A Teams user whose member lookup answers `email`."""
        key = email.split("@")[0]
        user = TeamsUser(id=f"29:{key}", name=name, aad_object_id=f"aad-{key}")
        first, _, last = name.partition(" ")
        self.connector.members[user.id] = TeamsMember(
            id=user.id, name=name, aad_object_id=user.aad_object_id, email=email,
            user_principal_name=email, given_name=first, surname=last or None,
        )
        self.users[email] = user
        return user

    async def post(self, activity: dict[str, Any]) -> BotAnswer:
        async with self.session.post(
            f"{self.base_url}/api/messages", json=activity
        ) as response:
            return BotAnswer(response.status, await response.text(), response.content_type)

    async def send(self, activity: dict[str, Any]) -> Turn:
        """The answer to `activity` and the messages the bot posted as replies to it; what
        it posted meanwhile for anything else (a notification, a help answer of an earlier
        turn: posted proactively, replying to no message of this turn) is not this turn's."""
        before = len(self.connector.calls)
        answer = await self.post(activity)
        sent = [
            call.body for call in self.connector.calls[before:]
            if call.operation in ("send", "reply") and call.status < 300
            and _replies_to(call, activity)
        ]
        return Turn(answer, sent)

    async def say(self, text: str, *, user: TeamsUser | None = None,
                  value: Any = None) -> Turn:
        turn = await self.send(self.teams.personal_message(text, user=user, value=value))
        assert turn.answer.status == 200, turn.answer.text
        return turn

    async def say_in_channel(self, text: str, *, user: TeamsUser | None = None) -> Turn:
        turn = await self.send(self.teams.channel_message(text, user=user))
        assert turn.answer.status == 200, turn.answer.text
        return turn

    async def press(self, verb: str, data: dict[str, Any], *, user: TeamsUser | None = None,
                    in_channel: bool = False) -> dict[str, Any]:
        turn = await self.send(self.teams.card_action(verb, data, user=user, in_channel=in_channel))
        assert turn.answer.status == 200, turn.answer.text
        return turn.card


@asynccontextmanager
async def running_service(
    database_url: str, connector: ConnectorStandIn, teams: TeamsActivities, *,
    credentials_factory: CredentialsFactory | None = None,
    headers: dict[str, str] | None = None, **overrides: Any
) -> AsyncIterator[Service]:
    """`credentials_factory` and `headers` (an Authorization, say) serve it as in production."""
    settings = Settings(database_url=database_url, web_url=WEB_URL, **overrides)
    app = await create_app(settings, credentials_factory=credentials_factory)
    async with serving(app) as base_url, aiohttp.ClientSession(headers=headers) as session:
        yield Service(base_url, session, connector, teams)


async def settled(engine: AsyncEngine, *, seconds: float = SAFETY_NET) -> None:
    """Returns once the service's delivery worker has nothing pending, leased or waiting."""
    unfinished = select(func.count()).select_from(notification_outbox).where(
        notification_outbox.c.status.in_(("pending", "leased", "waiting")))

    async def nothing_unfinished() -> bool:
        async with engine.connect() as connection:
            return (await connection.execute(unfinished)).scalar_one() == 0

    await eventually(nothing_unfinished, what="deliveries all finished", seconds=seconds)


async def first_row(engine: AsyncEngine, query: Any) -> Any:
    """The first row of `query` once the service (its delivery worker, say) has written it."""

    async def row() -> Any:
        async with engine.connect() as connection:
            return (await connection.execute(query)).mappings().first()

    return await eventually(row, what=f"a row for {query}")


async def file_ticket(
    engine: AsyncEngine, actor: str, title: str = "Laptop will not boot", *,
    category: str = "support", assignee: Assignee | None = None, status: str | None = None,
) -> Ticket:
    """A ticket `actor` filed through TicketFlow's own use case (not through chat); with a
    `status`, `actor` then moved it there, and it is returned as that change stored it."""
    ticket = await create_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(actor), title=title,
                                 category=category, assignee=assignee)
    if status is None:
        return ticket
    changed = await change_ticket(uow=SqlUnitOfWork(engine), actor=as_actor(actor),
                                  ticket=ticket.ticket_number, status=status)
    return changed.ticket


async def a_ticket(engine: AsyncEngine, owner: str, title: str = "Printer jams") -> str:
    """The number of a support ticket `owner` filed through TicketFlow's own use case."""
    return (await file_ticket(engine, owner, title)).ticket_number


async def person_in_teams(
    service: Service, engine: AsyncEngine, first: str, last: str, *, role: str = "user"
) -> tuple[str, TeamsUser]:
    """A TicketFlow user known by name (`insert_person`'s `first.last@example.com`) who talks
    to the bot in Teams: their user id and their Teams account."""
    user_id = await insert_person(engine, first, last, role=role)
    return user_id, service.person(f"{first}.{last}@example.com".lower(), f"{first} {last}")


async def mia_and_her_ticket(service: Service, engine: AsyncEngine) -> tuple[TeamsUser, str]:
    """Mia, a manager, in Teams, and the number of a ticket she filed."""
    manager, mia = await person_in_teams(service, engine, "Mia", "Manager", role="manager")
    return mia, await a_ticket(engine, manager)


async def ticket_row(engine: AsyncEngine) -> dict[str, object]:
    async with engine.connect() as connection:
        return dict((await connection.execute(select(tasks))).mappings().one())


async def user_id_of(engine: AsyncEngine, email: str) -> str:
    async with engine.connect() as connection:
        return str((await connection.execute(
            select(users.c.id).where(users.c.email == email))).scalar_one())


async def stored_ticket(engine: AsyncEngine, ticket_id: int, *fields: str) -> dict[str, object]:
    """The ticket's row and its comments' text in the order they were added ("comments"):
    every column, or only `fields`."""
    async with engine.connect() as connection:
        row = (await connection.execute(
            select(tasks).where(tasks.c.id == ticket_id))).mappings().one()
        comments = list((await connection.execute(
            select(task_comments.c.content).where(task_comments.c.task_id == ticket_id)
            .order_by(task_comments.c.id))).scalars())
    found = {**row, "comments": comments}
    return {field: found[field] for field in fields} if fields else found


def presses(turn: Turn) -> dict[str, str]:
    """Each choice button's label → the message pressing it sends."""
    return {
        button["title"]: button["value"]
        for activity in turn.sent
        for attachment in activity.get("attachments") or []
        if attachment.get("contentType") == HERO
        for button in attachment["content"].get("buttons", [])
    }


async def user_in_teams(
    service: Service, engine: AsyncEngine, email: str, name: str, *, role: str = "user"
) -> TeamsUser:
    """A TicketFlow user (a row as the web app writes it) who talks to the bot in Teams."""
    await insert_user(engine, role=role, email=email)
    return service.person(email, name)


def _replies_to(call: ConnectorCall, activity: dict[str, Any]) -> bool:
    """Whether a post answers `activity`: a message's or an invoke's replies name it. (The
    hello for a conversation the bot was added to names no activity: every post counts.)"""
    if activity.get("type") not in ("message", "invoke") or activity.get("id") is None:
        return True
    return activity["id"] in (call.activity_id, call.body.get("replyToId"))



async def version_of(engine: AsyncEngine, ticket_id: int) -> str:
    """The ticket's version as a card drawn from it now carries (every change button's data)."""
    async with SqlUnitOfWork(engine) as uow:
        ticket = await uow.tickets.get(ticket_id)
    assert ticket is not None
    return ticket.version
