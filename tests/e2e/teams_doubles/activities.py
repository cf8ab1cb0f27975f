"""Activities shaped the way Teams sends them (JSON dicts, camelCase, as on the wire)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from domain.clock import day_in, utcnow

TENANT_ID = "72f988bf-0000-4000-8000-000000000001"
SENDER_ZONE = ZoneInfo("Europe/Berlin")
"""Where the people the doubles send for are: their Teams client's `localTimezone`, the
zone whose days "today" and "this week" are for the bot."""


def senders_today() -> date:
    """The day it is now where the doubles' people are: what they mean by "today"."""
    return day_in(SENDER_ZONE, utcnow())


@dataclass(frozen=True)
class TeamsUser:
    id: str = "29:1ada-lovelace"
    name: str = "Ada Lovelace"
    aad_object_id: str = "6f8a1a3e-0000-4000-8000-00000000ada1"

    def account(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "aadObjectId": self.aad_object_id}


@dataclass(frozen=True)
class TeamsBot:
    app_id: str = "00000000-0000-4000-8000-0000000000b0"
    name: str = "TicketFlow"

    @property
    def id(self) -> str:
        return f"28:{self.app_id}"

    def account(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name}


@dataclass(frozen=True)
class Team:
    id: str = "19:support-general@thread.tacv2"
    name: str = "Support"
    aad_group_id: str = "0d0f1a2b-0000-4000-8000-0000000000a1"

    def data(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "aadGroupId": self.aad_group_id}


@dataclass(frozen=True)
class Channel:
    id: str = "19:support-printers@thread.tacv2"
    name: str = "Printers"

    def data(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name}


@dataclass
class TeamsActivities:
    """Builds activities for one bot, user, team and channel; every activity gets a new id."""

    service_url: str
    bot: TeamsBot = field(default_factory=TeamsBot)
    user: TeamsUser = field(default_factory=TeamsUser)
    team: Team = field(default_factory=Team)
    channel: Channel = field(default_factory=Channel)
    tenant_id: str = TENANT_ID
    locale: str = "en-US"

    def __post_init__(self) -> None:
        self._ids = itertools.count(1_704_103_200_000)

    # Conversations

    def personal_conversation_id(self, user: TeamsUser | None = None) -> str:
        return f"a:1personal-{(user or self.user).aad_object_id}"

    def personal_conversation(self, user: TeamsUser | None = None) -> dict[str, Any]:
        return {
            "conversationType": "personal",
            "tenantId": self.tenant_id,
            "id": self.personal_conversation_id(user),
        }

    def channel_conversation(self, *, thread_id: str | None = None) -> dict[str, Any]:
        conversation_id = self.channel.id + (f";messageid={thread_id}" if thread_id else "")
        return {
            "isGroup": True,
            "conversationType": "channel",
            "tenantId": self.tenant_id,
            "id": conversation_id,
            "name": self.channel.name,
        }

    def channel_data(self, *, in_team: bool) -> dict[str, Any]:
        data: dict[str, Any] = {"tenant": {"id": self.tenant_id}}
        if in_team:
            data.update(
                team=self.team.data(),
                channel=self.channel.data(),
                teamsTeamId=self.team.id,
                teamsChannelId=self.channel.id,
            )
        return data

    # Messages

    def personal_message(
        self, text: str, *, user: TeamsUser | None = None, value: Any = None
    ) -> dict[str, Any]:
        activity = self._base("message", user=user, conversation=self.personal_conversation(user))
        activity.update(text=text, textFormat="plain", channelData=self.channel_data(in_team=False))
        if value is not None:
            activity["value"] = value
        return activity

    def channel_message(
        self, text: str, *, mention_bot: bool = True, user: TeamsUser | None = None
    ) -> dict[str, Any]:
        message_id = self._next_id()
        activity = self._base(
            "message",
            user=user,
            conversation=self.channel_conversation(thread_id=message_id),
            activity_id=message_id,
        )
        mention = f"<at>{self.bot.name}</at>"
        activity.update(
            text=f"{mention} {text}" if mention_bot else text,
            textFormat="plain",
            channelData=self.channel_data(in_team=True),
        )
        if mention_bot:
            activity["entities"].insert(
                0, {"type": "mention", "text": mention, "mentioned": self.bot.account()}
            )
        return activity

    def card_submit(
        self,
        data: dict[str, Any],
        *,
        inputs: dict[str, Any] | None = None,
        card_activity_id: str = "activity-1",
        in_channel: bool = False,
        user: TeamsUser | None = None,
    ) -> dict[str, Any]:
        """What a Teams client without Universal Actions sends for an `Action.Submit`: a
        message with no text whose `value` is the button's data merged with the card's
        inputs, replying to the card's message."""
        conversation = (
            self.channel_conversation(thread_id=card_activity_id)
            if in_channel
            else self.personal_conversation(user)
        )
        activity = self._base("message", user=user, conversation=conversation)
        activity.update(
            replyToId=card_activity_id,
            value={**data, **(inputs or {})},
            channelData={
                **self.channel_data(in_team=in_channel),
                "source": {"name": "message"},
                "legacy": {"replyToId": card_activity_id},
            },
        )
        return activity

    # Invokes

    def card_action(
        self,
        verb: str,
        data: dict[str, Any] | None = None,
        *,
        in_channel: bool = False,
        card_activity_id: str = "activity-1",
        user: TeamsUser | None = None,
    ) -> dict[str, Any]:
        """An Adaptive Card `Action.Execute` click (invoke `adaptiveCard/action`)."""
        conversation = (
            self.channel_conversation() if in_channel else self.personal_conversation(user)
        )
        activity = self._base("invoke", user=user, conversation=conversation)
        activity.update(
            name="adaptiveCard/action",
            replyToId=card_activity_id,
            channelData=self.channel_data(in_team=in_channel),
            value={
                "action": {
                    "type": "Action.Execute",
                    "id": f"{verb}-button",
                    "verb": verb,
                    "data": data or {},
                },
                "trigger": "manual",
            },
        )
        return activity

    def search(
        self,
        text: str,
        *,
        dataset: str = "ticketflow.assignees",
        skip: int = 0,
        top: int = 15,
        user: TeamsUser | None = None,
    ) -> dict[str, Any]:
        """A dynamic typeahead query from an `Input.ChoiceSet` (invoke `application/search`),
        as msteams-docs shows it: `queryText`, `queryOptions` {skip, top}, `dataset`."""
        activity = self._base("invoke", user=user, conversation=self.personal_conversation(user))
        activity.update(
            name="application/search",
            channelData=self.channel_data(in_team=False),
            value={"queryText": text, "queryOptions": {"skip": skip, "top": top},
                   "dataset": dataset},
            locale="en-US",
        )
        return activity

    def fetch_task(
        self, command_id: str, *, message_text: str | None = None, in_channel: bool = True
    ) -> dict[str, Any]:
        """A message action opened on a message (invoke `composeExtension/fetchTask`)."""
        return self._compose_extension(
            "composeExtension/fetchTask", command_id, None, message_text, in_channel
        )

    def submit_action(
        self,
        command_id: str,
        data: dict[str, Any],
        *,
        message_text: str | None = None,
        in_channel: bool = True,
        user: TeamsUser | None = None,
    ) -> dict[str, Any]:
        """The message action's task module submitted (invoke `composeExtension/submitAction`)."""
        return self._compose_extension(
            "composeExtension/submitAction", command_id, data, message_text, in_channel, user
        )

    def message_payload(self, text: str, *, author: TeamsUser | None = None) -> dict[str, Any]:
        author = author or self.user
        message_id = self._next_id()
        return {
            "id": message_id,
            "replyToId": None,
            "messageType": "message",
            "createdDateTime": _iso(datetime.now(UTC)),
            "importance": "normal",
            "locale": "en-us",
            "linkToMessage": (
                f"https://teams.microsoft.com/l/message/{self.channel.id}/{message_id}"
            ),
            "from": {
                "user": {
                    "id": author.aad_object_id,
                    "displayName": author.name,
                    "userIdentityType": "aadUser",
                }
            },
            "body": {"contentType": "html", "content": f"<p>{text}</p>"},
            "attachments": [],
            "mentions": [],
            "reactions": [],
        }

    # Installation and membership

    def bot_added_to_team(self) -> dict[str, Any]:
        return self._membership("membersAdded", "teamMemberAdded")

    def bot_removed_from_team(self) -> dict[str, Any]:
        return self._membership("membersRemoved", "teamMemberRemoved")

    def bot_added_to_personal_chat(self, *, user: TeamsUser | None = None) -> dict[str, Any]:
        activity = self._base(
            "conversationUpdate", user=user, conversation=self.personal_conversation(user)
        )
        activity.update(
            membersAdded=[{"id": self.bot.id}],
            channelData=self.channel_data(in_team=False),
        )
        return activity

    def installation_update(self, action: str = "add", *, in_team: bool = False) -> dict[str, Any]:
        conversation = (
            {**self.channel_conversation(), "id": self.team.id}
            if in_team
            else self.personal_conversation()
        )
        activity = self._base("installationUpdate", conversation=conversation)
        channel_data = self.channel_data(in_team=in_team)
        if in_team:
            channel_data["settings"] = {"selectedChannel": self.channel.data()}
        activity.update(action=action, channelData=channel_data)
        return activity

    def link_pasted(
        self, url: str, *, user: TeamsUser | None = None, in_channel: bool = False
    ) -> dict[str, Any]:
        """`composeExtension/queryLink`: a link to a domain the app lists, being written."""
        conversation = self.channel_conversation() if in_channel else self.personal_conversation(
            user)
        activity = self._base("invoke", conversation=conversation, user=user)
        activity.update(name="composeExtension/queryLink", value={"url": url},
                        channelData=self.channel_data(in_team=in_channel))
        return activity

    def envelope(self, kind: str, *, conversation: dict[str, Any]) -> dict[str, Any]:
        """An activity of `kind` from the user in `conversation`, to be filled in."""
        return self._base(kind, conversation=conversation)

    # Helpers

    def _membership(self, members_field: str, event_type: str) -> dict[str, Any]:
        conversation = {**self.channel_conversation(), "id": self.team.id}
        activity = self._base("conversationUpdate", conversation=conversation)
        channel_data = self.channel_data(in_team=True)
        channel_data["eventType"] = event_type
        channel_data["channel"] = {"id": self.team.id}
        activity.update({members_field: [{"id": self.bot.id}], "channelData": channel_data})
        return activity

    def _compose_extension(
        self,
        name: str,
        command_id: str,
        data: dict[str, Any] | None,
        message_text: str | None,
        in_channel: bool,
        user: TeamsUser | None = None,
    ) -> dict[str, Any]:
        conversation = (self.channel_conversation() if in_channel
                        else self.personal_conversation(user))
        activity = self._base("invoke", user=user, conversation=conversation)
        value: dict[str, Any] = {
            "commandId": command_id,
            "commandContext": "message" if message_text is not None else "compose",
            "context": {"theme": "default"},
        }
        if data is not None:
            value["data"] = data
        if message_text is not None:
            value["messagePayload"] = self.message_payload(message_text)
        activity.update(name=name, value=value, channelData=self.channel_data(in_team=in_channel))
        return activity

    def _base(
        self,
        kind: str,
        *,
        conversation: dict[str, Any],
        user: TeamsUser | None = None,
        activity_id: str | None = None,
    ) -> dict[str, Any]:
        now = datetime.now(UTC)
        return {
            "type": kind,
            "id": activity_id or self._next_id(),
            "timestamp": _iso(now),
            "localTimestamp": now.astimezone(SENDER_ZONE).isoformat(timespec="milliseconds"),
            "channelId": "msteams",
            "serviceUrl": self.service_url,
            "from": (user or self.user).account(),
            "conversation": conversation,
            "recipient": self.bot.account(),
            "entities": [
                {
                    "type": "clientInfo",
                    "locale": self.locale,
                    "country": "US",
                    "platform": "Web",
                    "timezone": str(SENDER_ZONE),
                }
            ],
            "locale": self.locale,
            "localTimezone": str(SENDER_ZONE),
        }

    def _next_id(self) -> str:
        return str(next(self._ids))


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
