"""`manifest.json` for the TicketFlow Teams app (app manifest schema v1.22).

v1.22 is the newest version Microsoft's manifest reference names as current that we
could confirm (learn.microsoft.com …/resources/schema/manifest-schema); the schema is
published at `MANIFEST_SCHEMA` and a copy validates our output in the tests.

Choices, and why:
- `id` (the Teams app id) defaults to the bot's app id. Any GUID is valid; reusing the
  bot's keeps one id to track, and rebuilding the package always yields the same app,
  so an upload updates it instead of adding a second "TicketFlow". `--teams-app-id`
  keeps an id the organisation already uses.
- The command lists hold only commands that work exactly as typed: Teams inserts a
  command's title into the compose box, so "comment TKT-… text" would be sent
  as-is and misunderstood. Those live in the bot's `help` card instead.
- No `permissions` (legacy, ignored by Teams), no `devicePermissions` (no device
  features).
- Resource-specific consent `ChannelMessage.Read.Group` (under `authorization`, with the
  `webApplicationInfo` Teams requires beside it): a team owner who consents lets the
  bot receive every channel message, not only @mentions, so a plain reply in a ticket
  card's thread becomes a comment. The bot ignores other messages that do not
  @mention it. Without consent, replies that @mention the bot still work.
- `validDomains`: the bot's public host and the web app's host, the only places our
  cards and task modules link to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from bot.actions.table import MENU

MANIFEST_VERSION = "1.22"
CHANNEL_MESSAGES_RSC = "ChannelMessage.Read.Group"
RSC_RESOURCE = "https://RscBasedStoreApp"
"""Teams wants a `resource` beside the id; RSC does not use it (Microsoft's samples' value)."""
MANIFEST_SCHEMA = (
    f"https://developer.microsoft.com/json-schemas/teams/v{MANIFEST_VERSION}"
    "/MicrosoftTeams.schema.json"
)
CREATE_TICKET_COMMAND = "createTicket"
"""The message action's command id: `activity.value.commandId` in its invokes."""
COLOR_ICON = "color.png"
OUTLINE_ICON = "outline.png"
COMMAND_TITLE_MAX = 32
COMMAND_DESCRIPTION_MAX = 128
COMMANDS_PER_LIST_MAX = 10

_GUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_SEMVER = re.compile(r"^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)$")
_HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_HOST = re.compile(rf"^(?:\*\.)?{_LABEL}(?:\.{_LABEL})+$")


class InvalidPackageOption(ValueError):
    """An option the package cannot be built with; the message names the option."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(f"{option}: {message}")
        self.option = option


@dataclass(frozen=True, slots=True)
class BotCommand:
    title: str
    description: str


PERSONAL_COMMANDS = tuple(BotCommand(c.title, c.description) for c in MENU if c.personal)
CHANNEL_COMMANDS = tuple(BotCommand(c.title, c.description) for c in MENU if c.channel)


@dataclass(frozen=True, slots=True)
class PackageOptions:
    bot_id: str
    """The bot's Microsoft App ID (`MicrosoftAppId`)."""
    web_url: str
    """The TicketFlow web app; developer, privacy and terms links hang off it."""
    version: str = "1.0.0"
    """Teams only takes an upload over an installed app if this grew."""
    name: str = "TicketFlow"
    full_name: str = "TicketFlow for Teams"
    developer: str = "TicketFlow"
    domain: str | None = None
    """The bot's public host (where /api/messages is served)."""
    teams_app_id: str | None = None
    privacy_url: str | None = None
    terms_url: str | None = None
    accent_color: str = "#2F5BEA"

    def checked(self) -> PackageOptions:
        """The options, or `InvalidPackageOption` naming the first one Teams would refuse."""
        for option, value in (("--app-id", self.bot_id), ("--teams-app-id", self.teams_app_id)):
            if value is not None and not _GUID.match(value):
                raise InvalidPackageOption(
                    option, f"'{value}' is not a GUID (the Microsoft App ID looks like "
                    "00000000-0000-0000-0000-000000000000)")
        for option, url in (("--web-url", self.web_url), ("--privacy-url", self.privacy_url),
                            ("--terms-url", self.terms_url)):
            if url is not None and (urlsplit(url).scheme != "https" or not urlsplit(url).hostname):
                raise InvalidPackageOption(option, f"'{url}' must be an https:// URL for Teams")
        if not _SEMVER.match(self.version):
            raise InvalidPackageOption("--version", f"'{self.version}' is not MAJOR.MINOR.PATCH")
        if not _HEX_COLOR.match(self.accent_color):
            raise InvalidPackageOption("--accent-color", "use #RRGGBB")
        for option, text, limit in (("--name", self.name, 30), ("--full-name", self.full_name, 100),
                                    ("--developer", self.developer, 32)):
            if not text.strip() or len(text) > limit:
                raise InvalidPackageOption(option, f"give 1 to {limit} characters")
        if self.domain is not None and not _HOST.match(self.domain):
            raise InvalidPackageOption(
                "--domain", f"'{self.domain}' is not a host name (e.g. bot.example.com, "
                "without https:// or a path)")
        return self

    @property
    def web_host(self) -> str:
        return urlsplit(self.web_url).hostname or ""


def manifest(options: PackageOptions) -> dict[str, Any]:
    options = options.checked()
    web = options.web_url.rstrip("/")
    scopes = ["personal", "team", "groupChat"]
    return {
        "$schema": MANIFEST_SCHEMA,
        "manifestVersion": MANIFEST_VERSION,
        "version": options.version,
        "id": options.teams_app_id or options.bot_id,
        "developer": {
            "name": options.developer,
            "websiteUrl": web,
            "privacyUrl": options.privacy_url or f"{web}/privacy",
            "termsOfUseUrl": options.terms_url or f"{web}/terms",
        },
        "name": {"short": options.name, "full": options.full_name},
        "description": {
            "short": "File, track and work TicketFlow tickets from Teams.",
            "full": (
                "TicketFlow brings your help desk into Teams. File a ticket by chatting with "
                "the bot or from any message with \"Create ticket\"; list, find, assign, "
                "comment on and resolve tickets; and get channel notifications with buttons "
                "that act on the ticket in place. Everyone sees only the tickets TicketFlow "
                "lets them see."
            ),
        },
        "icons": {"color": COLOR_ICON, "outline": OUTLINE_ICON},
        "accentColor": options.accent_color.upper(),
        "bots": [
            {
                "botId": options.bot_id,
                "scopes": scopes,
                "supportsFiles": False,
                "isNotificationOnly": False,
                "commandLists": [
                    {"scopes": ["personal"], "commands": _commands(PERSONAL_COMMANDS)},
                    {"scopes": ["team", "groupChat"], "commands": _commands(CHANNEL_COMMANDS)},
                ],
            }
        ],
        "composeExtensions": [
            {
                "botId": options.bot_id,
                "composeExtensionType": "botBased",
                "commands": [
                    {
                        "id": CREATE_TICKET_COMMAND,
                        "type": "action",
                        "title": "Create ticket",
                        "description": "File a TicketFlow ticket from this message",
                        "context": ["message"],
                        "fetchTask": True,
                    }
                ],
                # Ticket links to the web app unfurl into a card (bot/unfurl.py).
                "messageHandlers": [
                    {"type": "link", "value": {"domains": [options.web_host]}}
                ],
            }
        ],
        "webApplicationInfo": {"id": options.bot_id, "resource": RSC_RESOURCE},
        "authorization": {
            "permissions": {
                "resourceSpecific": [{"name": CHANNEL_MESSAGES_RSC, "type": "Application"}]
            }
        },
        "validDomains": list(dict.fromkeys(
            host for host in (options.domain, options.web_host) if host
        )),
    }


def _commands(commands: tuple[BotCommand, ...]) -> list[dict[str, str]]:
    if len(commands) > COMMANDS_PER_LIST_MAX:
        raise ValueError(f"Teams shows at most {COMMANDS_PER_LIST_MAX} commands per scope")
    for command in commands:
        if len(command.title) > COMMAND_TITLE_MAX or len(
                command.description) > COMMAND_DESCRIPTION_MAX:
            raise ValueError(f"command {command.title!r} is longer than Teams allows")
    return [{"title": c.title, "description": c.description} for c in commands]
