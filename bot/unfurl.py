"""A TicketFlow ticket link pasted into Teams unfurls into a card (`composeExtension/queryLink`).

Teams asks the bot about links to the domains the app package lists (the web app's
host, `teams-package --web-url`) while the person is still writing. The preview is
drawn for that person: a link to a ticket they may not see (or to no ticket, or to
another site) unfurls into nothing, and the link stays a plain link. What the card
shows is what the sender shares by pasting it (number, title, status, priority,
assignee; no description or comments). The card asks Teams to refresh it for the
people who may see the ticket, so they get their own card with their buttons, and
every button checks the person who presses it.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

from bot import presenter
from bot.context import BotDependencies
from domain.access import Viewer
from domain.errors import NotAllowed, TicketNotFound
from domain.numbering import parse_ticket_id, parse_ticket_number
from domain.services.lookup import TicketRef
from domain.services.queries import get_ticket

UNFURL_INVOKE = "composeExtension/queryLink"
ADAPTIVE = "application/vnd.microsoft.card.adaptive"
THUMBNAIL = "application/vnd.microsoft.card.thumbnail"
MAX_LINK_CHARS = 2048
_TICKET_PATH = re.compile(r"^/tickets/([^/]+)/?$", re.IGNORECASE)


def linked_ticket(url: object, web_url: str) -> TicketRef | None:
    """The ticket a web-app link points at (`…/tickets/42`, `…/tickets/TKT-2026-0042`);
    None for anything else, including the same path on another host or port."""
    if not isinstance(url, str) or not url or len(url) > MAX_LINK_CHARS:
        return None
    try:
        link, home = urlsplit(url.strip()), urlsplit(web_url)
        same_site = (link.scheme in ("http", "https") and link.hostname is not None
                     and link.hostname == home.hostname
                     and _port(link.scheme, link.port) == _port(home.scheme, home.port))
    except ValueError:  # a malformed port or IPv6 literal
        return None
    base = home.path.rstrip("/")
    if not same_site or not link.path.lower().startswith(base.lower()):
        return None
    match = _TICKET_PATH.match(unquote(link.path[len(base):]))
    if match is None:
        return None
    ticket = parse_ticket_number(match.group(1))
    return str(ticket) if ticket is not None else parse_ticket_id(match.group(1))


_LINK = re.compile(r"https?://[^\s<>\"'()\[\]]+", re.IGNORECASE)
MOST_LINKS_READ = 5
"""Links looked up in one message: a message of a thousand pasted links costs five lookups."""


async def numbered_links(deps: BotDependencies, viewer: Viewer, text: str) -> str:
    """`text` with each web-app link by the stored id (`…/tickets/44`, as the web app links
    its tickets) read as the ticket's number, where `viewer` may see that ticket: "close
    https://…/tickets/44" closes the ticket the link opens, as the link's preview shows it.
    A link to a ticket they may not see, to none, or elsewhere is left as typed (it names no
    ticket then, and reads exactly alike)."""
    if "://" not in text:
        return text
    numbers: dict[str, str] = {}
    for found in _LINK.finditer(text):
        if len(numbers) >= MOST_LINKS_READ:
            break
        link = found.group(0).rstrip(".,;:!?")
        ticket = linked_ticket(link, deps.options.web_url)
        if not isinstance(ticket, int) or link in numbers:
            continue
        try:
            seen = await get_ticket(uow=deps.uow().reading(), actor=viewer, ticket=ticket)
        except (TicketNotFound, NotAllowed):
            continue
        numbers[link] = seen.ticket_number
    def numbered(found: re.Match[str]) -> str:
        link = found.group(0).rstrip(".,;:!?")
        return numbers.get(link, link) + found.group(0)[len(link):]

    return _LINK.sub(numbered, text)  # each link whole: never "…/tickets/4" inside "…/tickets/45"


def _port(scheme: str, port: int | None) -> int | None:
    """`https://host:443/…` is `https://host/…`."""
    return port if port is not None else {"https": 443, "http": 80}.get(scheme)


async def unfurl(deps: BotDependencies, viewer: Viewer, value: object) -> dict[str, Any]:
    """The `composeExtension` result for a pasted link: the ticket's preview, or nothing."""
    url = value.get("url") if isinstance(value, dict) else None
    ticket = linked_ticket(url, deps.options.web_url)
    if ticket is None:
        return nothing_to_unfurl()
    try:
        card, preview = await presenter.link_preview(deps, viewer, ticket)
    except (TicketNotFound, NotAllowed):
        return nothing_to_unfurl()  # reads exactly like a link to no ticket
    return {"composeExtension": {
        "type": "result",
        "attachmentLayout": "list",
        "attachments": [{
            "contentType": ADAPTIVE,
            "content": card,
            "preview": {"contentType": THUMBNAIL, "content": preview},
        }],
    }}


def nothing_to_unfurl() -> dict[str, Any]:
    return {"composeExtension": {"type": "result", "attachmentLayout": "list", "attachments": []}}
