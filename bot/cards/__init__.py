"""Adaptive Card 1.5 builders: plain view values in, plain dicts out; the verbs contract.

Nothing here imports botbuilder: the bot wraps these dicts in attachments.
"""

from bot.cards.forms import SubmitMode, create_ticket_form, edit_ticket_form, ticket_form_values
from bot.cards.help import help_card
from bot.cards.notice import notice_card
from bot.cards.text import CardChoice, CardInput, ChoiceKind, RenderedCard, render_text
from bot.cards.ticket import ticket_card
from bot.cards.ticket_list import ticket_list_card
from bot.cards.verbs import TicketField, Verb
from bot.cards.views import (
    AssigneeOption,
    CompanyView,
    Notice,
    SourceLink,
    TicketRow,
    TicketView,
    Tone,
)
from bot.cards.welcome import welcome_card

__all__ = [
    "AssigneeOption",
    "CardChoice",
    "CardInput",
    "ChoiceKind",
    "CompanyView",
    "Notice",
    "RenderedCard",
    "SourceLink",
    "SubmitMode",
    "TicketField",
    "TicketRow",
    "TicketView",
    "Tone",
    "Verb",
    "create_ticket_form",
    "edit_ticket_form",
    "help_card",
    "notice_card",
    "render_text",
    "ticket_card",
    "ticket_form_values",
    "ticket_list_card",
    "welcome_card",
]
