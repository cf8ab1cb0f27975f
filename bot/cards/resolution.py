"""The requester's card when their ticket is resolved: "It's fixed" closes it, "Still broken"
reopens it with what is still wrong (a text box on the card, required)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.cards.elements import (
    JsonObject,
    adaptive_card,
    execute,
    open_url,
    show_card,
    text_block,
    text_input,
)
from bot.cards.ticket import ticket_card
from bot.cards.verbs import COMMENT, Verb, ticket_data
from bot.cards.views import CompanyView, Notice, TicketView, Tone
from domain.validation import COMMENT_MAX

QUESTION = "Is it fixed for you?"


def resolution_card(
    *,
    ticket: TicketView,
    said: str,
    company: CompanyView | None = None,
    error: str | None = None,
    comment: str | None = None,
    tone: Tone = Tone.GOOD,
) -> JsonObject:
    """The ticket as the requester sees it, headed by `said`, with the two answers.

    `error` and `comment` redraw the card after an answer the bot could not take (an
    empty comment), keeping what was typed; `tone` is the heading's (a press on a card
    drawn before the ticket changed is told so, above the answers to press again).
    """
    plain = ticket_card(
        ticket=replace(ticket, actions=frozenset(), web_url=None),
        notice=Notice(said, tone),
        error=error,
        company=company,
    )
    body: list[JsonObject] = [*plain["body"], text_block(QUESTION, weight="bolder")]
    return adaptive_card(body, _answers(ticket, comment))


def _answers(ticket: TicketView, comment: str | None) -> Sequence[JsonObject]:
    data = ticket_data(ticket.id, ticket.version)
    box = text_input(
        COMMENT,
        label="What is still wrong?",
        placeholder="It still happens when…",
        value=comment,
        multiline=True,
        max_length=COMMENT_MAX,
        required=True,
        error_message="Say what is still wrong, so the team can pick it up",
    )
    answers = [
        execute("It's fixed", Verb.TICKET_FIXED, data, style="positive", without_inputs=True),
        show_card(
            "Still broken",
            [box],
            [execute("Reopen with this comment", Verb.TICKET_STILL_BROKEN, data,
                     style="destructive")],
        ),
    ]
    if ticket.web_url:
        answers.append(open_url("Open in TicketFlow", ticket.web_url))
    return answers
