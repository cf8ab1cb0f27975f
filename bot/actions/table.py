"""The one command table: what `help` shows each role, and the Teams manifest's command lists.

Help shows how people may phrase each action (the exact forms still work); the
manifest lists only messages that work exactly as typed, since Teams sends a
command's title as it is. The tests check that every menu title is understood.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.understanding.requests import (
    AssignTicket, ChangeStatus, CommentOnTicket, CreateTicket, EditTicket, ListTickets, ShowTicket,
    TicketRequest,
)
from domain.people import Role

EVERYONE = frozenset(Role)
STAFF = frozenset({Role.ADMIN, Role.MANAGER, Role.USER})
MANAGERS = frozenset({Role.ADMIN, Role.MANAGER})
ADMINS = frozenset({Role.ADMIN})
REQUESTERS = frozenset({Role.CUSTOMER})


@dataclass(frozen=True, slots=True)
class Command:
    says: str
    """How to say it, as help shows it."""
    does: str
    roles: frozenset[Role] = EVERYONE
    request: type[TicketRequest] | None = None
    """The ticket action it asks for: the model's tools are generated from these rows."""


@dataclass(frozen=True, slots=True)
class MenuCommand:
    """A Teams command-list entry: `title` is sent exactly as written."""

    title: str
    description: str
    personal: bool = True
    channel: bool = True


COMMANDS: tuple[Command, ...] = (
    Command("new ticket [title] · report a problem: …", "file a ticket step by step "
            "(or: new ticket form)",
            request=CreateTicket),
    Command("my tickets · what am I working on", "tickets assigned to you; also: my open "
            "tickets, tickets I created", STAFF,
            request=ListTickets),
    Command("my tickets", "the tickets you filed", REQUESTERS,
            request=ListTickets),
    Command("urgent tickets · Sam's tickets · overdue · tickets about vpn", "find tickets by "
            "person or team (or unassigned), status, priority, due date (overdue, due today, "
            "due this week) or words", STAFF,
            request=ListTickets),
    Command("TKT-2026-0001 · show 4 · what's the status of 4? · history of 4", "show a "
            "ticket (or its history); then \"it\" means that ticket",
            request=ShowTicket),
    Command("assign TKT-… to me · give 4 to Lee · unassign it", "assign to you, a person "
            "(name, email or @mention) or a team", STAFF,
            request=AssignTicket),
    Command("start 4 · put it on hold · resolve 4 · close it", "move a ticket along "
            "(or: change the status of 4)", STAFF,
            request=ChangeStatus),
    Command("reopen TKT-…", "reopen your resolved or closed ticket", REQUESTERS,
            request=ChangeStatus),
    Command("comment on 4: text", "add a comment (comment on 4 asks for the text)",
            request=CommentOnTicket),
    Command("update 4 · make 4 urgent · 4 is due Friday", "change the title, priority, "
            "category, due date…", STAFF,
            request=EditTicket),
    Command("edit TKT-…", "change the title or description while it's open", REQUESTERS,
            request=EditTicket),
    Command("close 4 and 5 · close the first two · reassign all of Sam's tickets to Lee",
            "several tickets at once (a whole list is shown, and asked about, first)", STAFF),
    Command("oldest open tickets · what did I miss · who's overloaded?", "lists in an order, "
            "what changed since, and who holds how much", STAFF),
    Command("cancel", "stop what we're doing"),
    Command("subscribe [created assigned …]", "in a channel: post its tickets here "
            "(unsubscribe, subscriptions)", MANAGERS),
    Command("webhook URL [types] / webhook off", "your Teams Workflows webhook for ticket "
            "posts", MANAGERS),
    Command("team add @person TEAM", "add someone to one of your teams", MANAGERS),
    Command("invite EMAIL as ROLE [department D]", "invite someone; they get the role on "
            "first contact", ADMINS),
    Command("role @person ROLE / deactivate @person", "change a role, or switch an account "
            "off", ADMINS),
    Command("team create NAME", "create a team", ADMINS),
    Command("settings [name|prefix|colour VALUE]", "company name, ticket prefix and colour",
            ADMINS),
)

MENU: tuple[MenuCommand, ...] = (
    MenuCommand("help", "What I can do, with examples"),
    MenuCommand("new ticket", "File a ticket step by step (add the title to skip a question)"),
    MenuCommand("new ticket form", "File a ticket with one form"),
    MenuCommand("my tickets", "Tickets assigned to you (for customers: the ones you filed)"),
    MenuCommand("my open tickets", "Your tickets not yet started", channel=False),
    MenuCommand("tickets I created", "Tickets you filed", channel=False),
    MenuCommand("open tickets", "Open tickets you can see"),
    MenuCommand("urgent tickets", "Urgent tickets you can see", channel=False),
    MenuCommand("tickets in progress", "Tickets being worked on", channel=False),
    MenuCommand("cancel", "Stop what we're doing"),
)


def commands_for(role: Role) -> list[tuple[str, str]]:
    return [(command.says, command.does) for command in COMMANDS if role in command.roles]
