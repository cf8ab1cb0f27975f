"""The help assistant's answer card: the answer, its sources, and what to do next.

Buttons:
- `help.feedback` — data `message_id` (the stored answer) and `helpful`
  (true / false); the answer comes back with a thank-you and without the two
  feedback buttons.
- `help.escalate` — data `message_id`; answers with the create-ticket form,
  prefilled from the question and this answer.
- `ticket.create` — on an answer that found nothing, for the message it was asked
  with ("File this as a ticket?"): data `title`, `description`, `category` and a
  `nonce`, so one press files the message as it was written, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.cards.elements import (
    MAX_CARD_BYTES,
    JsonObject,
    adaptive_card,
    container,
    execute,
    open_url,
    text_block,
    wire_size,
)
from bot.cards.forms import NONCE
from bot.cards.verbs import TicketField, Verb
from bot.cards.views import Notice

HELP_FEEDBACK = Verb.HELP_FEEDBACK
"""Not (yet) a member of `Verb`, which the lead keeps; the value is the contract."""
MESSAGE_ID = "message_id"
HELPFUL = "helpful"
TOO_LONG = "The rest of this answer was too long for a card; ask a narrower question to see more."


@dataclass(frozen=True, slots=True)
class SourceView:
    number: int
    label: str
    """e.g. "VPN and Remote Access, page 4"."""
    url: str | None


@dataclass(frozen=True, slots=True)
class TicketOffer:
    """"File this as a ticket?": the ticket the message would make, ready to file."""

    title: str
    description: str | None
    category: str
    nonce: str


@dataclass(frozen=True, slots=True)
class AnswerView:
    message_id: int
    question: str
    text: str
    answered: bool
    sources: tuple[SourceView, ...] = ()
    rated: bool = False
    """Feedback was given: the Helpful / Not helpful buttons are not drawn again."""
    offer: TicketOffer | None = None
    """Offered when nothing was found: the message filed as a ticket in one press."""


def answer_card(answer: AnswerView, *, notice: Notice | None = None) -> JsonObject:
    card = _card(answer, answer.text, notice)
    if wire_size(card) <= MAX_CARD_BYTES:
        return card
    shortened = answer.text[: max(0, len(answer.text) - (wire_size(card) - MAX_CARD_BYTES) - 200)]
    return _card(answer, f"{shortened.rstrip()}…\n\n{TOO_LONG}", notice)


def _card(answer: AnswerView, text: str, notice: Notice | None) -> JsonObject:
    body: list[JsonObject] = []
    if notice is not None:
        body.append(text_block(notice.text, weight="bolder", color=notice.tone.value))
    body += [
        text_block(answer.question, weight="bolder", subtle=True, max_lines=3),
        text_block(text, spacing="small"),
    ]
    if answer.sources:
        body.append(text_block("Sources", weight="bolder", size="small", separator=True))
        body += [_source(source) for source in answer.sources]
    if not answer.answered and _offers(answer):
        body.append(text_block("File this as a ticket?", weight="bolder", spacing="medium"))
        body.append(text_block(
            "The service desk gets your message as it is; Edit first lets you add details.",
            size="small", subtle=True, spacing="none",
        ))
    elif not answer.answered:
        body.append(
            text_block(
                "Create a ticket and the question goes to the service desk with this answer.",
                size="small", subtle=True, spacing="medium",
            )
        )
    return adaptive_card(body, _actions(answer))


def _offers(answer: AnswerView) -> bool:
    return answer.offer is not None and not answer.rated


def _source(source: SourceView) -> JsonObject:
    line = text_block(f"[{source.number}] {source.label}", size="small", spacing="none")
    if source.url is None:
        return line
    return container([line], select_action=open_url(f"Open {source.label}", source.url),
                     spacing="none")


def _actions(answer: AnswerView) -> list[JsonObject]:
    data = {MESSAGE_ID: answer.message_id}
    if answer.offer is not None and _offers(answer) and not answer.answered:
        offer = answer.offer
        filed = {TicketField.TITLE.value: offer.title, TicketField.CATEGORY.value: offer.category,
                 NONCE: offer.nonce}
        if offer.description:
            filed[TicketField.DESCRIPTION.value] = offer.description
        return [
            execute("File it", Verb.TICKET_CREATE, filed, style="positive", without_inputs=True),
            execute("Edit first", Verb.HELP_ESCALATE, data),
        ]
    escalate = execute(
        "Create a ticket", Verb.HELP_ESCALATE, data,
        style="positive" if not answer.answered else None,
    )
    if answer.rated or not answer.answered:
        return [escalate]
    return [
        execute("Helpful", HELP_FEEDBACK, {**data, HELPFUL: True}),
        execute("Not helpful", HELP_FEEDBACK, {**data, HELPFUL: False}),
        escalate,
    ]


def source_lines(sources: Sequence[SourceView]) -> list[str]:
    """Sources as plain lines, for a ticket description."""
    return [
        f"[{s.number}] {s.label}" + (f" — {s.url}" if s.url else "") for s in sources
    ]
