"""`ticketflow chat`: the same bot, turn by turn, in a terminal.

Activities go through an in-process adapter instead of the Bot Connector; cards
come back as text with numbered choices, and picking a number presses that
button (asking for the inputs it sends), exactly as Teams would send it; a button
that opens a form with one button of its own asks for the form's inputs at once.
"""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from botbuilder.core import BotAdapter, TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ConversationAccount,
    ConversationReference,
    ResourceResponse,
)

from bot.cards.text import CardChoice, ChoiceKind, InputOption, RenderedCard, render_text
from bot.handler import TicketFlowBot
from bot.identity import MemberProfile

CHANNEL = "terminal"
ADAPTIVE = "application/vnd.microsoft.card.adaptive"
HERO = "application/vnd.microsoft.card.hero"
Ask = Callable[[str], Awaitable[str]]


class TerminalAdapter(BotAdapter):  # type: ignore[misc]  # untyped SDK class
    """Collects what the bot sends during a turn."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[Activity] = []
        self._ids = itertools.count(1)

    async def send_activities(
        self, context: TurnContext, activities: list[Activity]
    ) -> list[ResourceResponse]:
        responses = []
        for activity in activities:
            activity.id = activity.id or f"t{next(self._ids)}"
            self.sent.append(activity)
            responses.append(ResourceResponse(id=activity.id))
        return responses

    async def update_activity(self, context: TurnContext, activity: Activity) -> ResourceResponse:
        """A card redrawn in this turn takes its old place; any other is shown anew."""
        earlier = [i for i, sent in enumerate(self.sent) if sent.id == activity.id]
        if earlier:
            self.sent[earlier[-1]] = activity
        else:
            self.sent.append(activity)
        return ResourceResponse(id=activity.id)

    async def delete_activity(self, context: TurnContext, reference: ConversationReference) -> None:
        return None


@dataclass(frozen=True, slots=True)
class TerminalDirectory:
    """The person at the terminal, as `--as EMAIL` names them."""

    email: str
    name: str | None = None

    async def profile(self, turn_context: TurnContext, member_id: str) -> MemberProfile | None:
        return MemberProfile(email=self.email, name=self.name)


@dataclass
class TerminalChat:
    bot: TicketFlowBot
    email: str
    zone: str | None = None
    """The IANA zone whose days "today" and "tomorrow" are (`--tz`); None: the machine's
    own offset, sent as Teams sends `localTimestamp`."""
    adapter: TerminalAdapter = field(default_factory=TerminalAdapter)
    choices: list[CardChoice] = field(default_factory=list)

    def _activity(self, kind: str, **fields: Any) -> Activity:
        user = f"terminal:{self.email}"
        return Activity(
            type=kind,
            id=f"in-{next(self.adapter._ids)}",
            channel_id=CHANNEL,
            service_url="http://127.0.0.1/terminal",
            from_property=ChannelAccount(id=user, name=self.email),
            recipient=ChannelAccount(id="ticketflow", name="TicketFlow"),
            conversation=ConversationAccount(
                id=f"terminal-{self.email}", conversation_type="personal", tenant_id=CHANNEL
            ),
            channel_data={"tenant": {"id": CHANNEL}},
            local_timezone=self.zone,
            local_timestamp=datetime.now().astimezone(),
            **fields,
        )

    async def _turn(self, activity: Activity) -> list[str]:
        self.adapter.sent.clear()
        context = TurnContext(self.adapter, activity)
        await self.adapter.run_pipeline(context, self.bot.on_turn)
        return self._show(list(self.adapter.sent))

    async def say(self, text: str) -> list[str]:
        return await self._turn(self._activity(ActivityTypes.message, text=text))

    async def press(self, choice: CardChoice, answers: dict[str, str]) -> list[str]:
        """What pressing a numbered choice does; `answers` fill the inputs it sends."""
        if choice.kind is ChoiceKind.IMBACK:
            return await self.say(choice.message or choice.label)
        if choice.kind is ChoiceKind.OPEN_URL:
            return [f"Open in your browser: {choice.url}"]
        if choice.kind is ChoiceKind.SHOW_CARD and choice.card is not None:
            if not choice.card.choices:  # something to read (history): the buttons stay
                return [choice.card.text]
            return self._card_lines(choice.card)
        submission = choice.submission(answers)
        if choice.kind is ChoiceKind.SUBMIT:
            return await self._turn(self._activity(ActivityTypes.message, text="", value=submission))
        value = {"action": {"type": "Action.Execute", "verb": choice.verb, "data": submission}}
        return await self._turn(
            self._activity(ActivityTypes.invoke, name="adaptiveCard/action", value=value)
        )

    def _show(self, activities: list[Activity]) -> list[str]:
        lines: list[str] = []
        for activity in activities:
            if activity.type == ActivityTypes.invoke_response:
                body = getattr(activity.value, "body", None) or {}
                if isinstance(body, dict) and body.get("type") == ADAPTIVE:
                    lines += self._card_lines(render_text(body["value"]))
                continue
            if activity.text:
                lines.append(activity.text)
            for attachment in activity.attachments or []:
                content = attachment.content
                if attachment.content_type == ADAPTIVE and isinstance(content, dict):
                    lines += self._card_lines(render_text(content))
                elif attachment.content_type == HERO:
                    lines += self._hero_lines(content)
        return lines

    def _card_lines(self, card: RenderedCard) -> list[str]:
        """The card's text, which numbers its buttons; those numbers now press them."""
        self.choices = list(card.choices)
        return [card.text] if card.text else []

    def _hero_lines(self, content: Any) -> list[str]:
        data = content if isinstance(content, dict) else content.serialize()
        lines = [data["text"]] if data.get("text") else []
        self.choices = []
        for number, button in enumerate(data.get("buttons", []), start=1):
            value = str(button.get("value") or button.get("title"))
            self.choices.append(
                CardChoice(number=number, label=value, kind=ChoiceKind.IMBACK, message=value)
            )
            lines.append(f"{number}. {button.get('title', value)}")
        return lines

    def choice(self, number: int) -> CardChoice | None:
        """The button numbered `number` on the last card shown."""
        return next((c for c in self.choices if c.number == number), None)

    @staticmethod
    def form_behind(choice: CardChoice) -> CardChoice | None:
        """The one button of the form `choice` unfolds ("Comment" → "Add comment").

        In Teams the form opens under the card and is filled in place; here pressing
        `choice` asks for the form's inputs at once and presses that button, so the text
        is not typed as a new message instead. A form with several buttons ("Assign…"
        with Assign and Unassign) is shown for a pick, as before.
        """
        if choice.kind is not ChoiceKind.SHOW_CARD or choice.card is None:
            return None
        sending = [
            c for c in choice.card.choices if c.kind in (ChoiceKind.EXECUTE, ChoiceKind.SUBMIT)
        ]
        if len(sending) != 1 or len(choice.card.choices) != 1 or not sending[0].inputs:
            return None
        return sending[0]


def picked(options: tuple[InputOption, ...], answer: str) -> InputOption | None:
    """The option a person means by its number, its title, or the start of one title only.

    The terminal never asks for the value behind an option (a user id, `team:3`).
    """
    text = " ".join(answer.split()).lower()
    if not text:
        return None
    if text.isdecimal():
        index = int(text) - 1
        return options[index] if 0 <= index < len(options) else None
    for option in options:
        if option.title.lower() == text:
            return option
    starting = [o for o in options if o.title.lower().startswith(text)]
    if len(starting) == 1:
        return starting[0]
    inside = [o for o in options if text in o.title.lower()]
    return inside[0] if len(inside) == 1 else None


def numbered(options: tuple[InputOption, ...]) -> list[str]:
    return [f"    {number}. {option.title}" for number, option in enumerate(options, start=1)]
