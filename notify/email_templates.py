"""Notification emails from `email_templates`, with built-in defaults for missing templates.

Templates are the web app's: HTML with `{{variable}}` placeholders (spaces
inside the braces allowed; each variable also answers to its camelCase name,
the web app's spelling). Every value is HTML-escaped in the body, so a ticket
title cannot inject markup; the subject is plain text, kept to one line.
Placeholders with no value are left as written, so a typo shows in the mail
rather than vanishing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

from domain.events import EventType
from domain.notifications import TicketNotice

_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_TAG = re.compile(r"<[^>]*>")
_LINES = re.compile(r"\n\s*\n+")

TEMPLATE_NAMES: Mapping[EventType, str] = {
    EventType.CREATED: "ticket_created",
    EventType.UPDATED: "ticket_updated",
    EventType.ASSIGNED: "ticket_assigned",
    EventType.STATUS_CHANGED: "ticket_status_changed",
    EventType.COMMENTED: "ticket_commented",
    EventType.DUE_SOON: "ticket_due_soon",
    EventType.OVERDUE: "ticket_overdue",
}

_LAYOUT = (
    "<p>{{headline}}</p>"
    "<p><strong>{{ticket_number}}</strong>: {{ticket_title}}<br>"
    "Status: {{ticket_status}} · Priority: {{ticket_priority}} · Assignee: {{assignee_name}}</p>"
    "{extra}"
    '<p><a href="{{ticket_url}}">Open {{ticket_number}} in TicketFlow</a></p>'
    "<p>— {{company_name}}</p>"
)
_COMMENT = "<blockquote>{{comment}}</blockquote>"

def _default(subject: str, *, extra: str = "") -> tuple[str, str]:
    """`[TKT-…] <subject>: <title>`, and the shared layout with `extra` in the middle."""
    headline = f"[{{{{ticket_number}}}}] {subject}: {{{{ticket_title}}}}"
    return headline, _LAYOUT.replace("{extra}", extra)


DEFAULT_TEMPLATES: Mapping[str, tuple[str, str]] = {
    "ticket_created": _default("New ticket"),
    "ticket_updated": _default("Updated"),
    "ticket_assigned": _default("Assigned to you"),
    "ticket_status_changed": _default("Now {{ticket_status}}"),
    "ticket_commented": _default("New comment", extra=_COMMENT),
    "ticket_due_soon": _default("Due within 24 hours"),
    "ticket_overdue": _default("Overdue"),
}


@dataclass(frozen=True, slots=True)
class RenderedEmail:
    subject: str
    html: str
    text: str


def template_name(event_type: EventType) -> str:
    return TEMPLATE_NAMES[event_type]


def variables(notice: TicketNotice) -> dict[str, str]:
    ticket = notice.ticket
    return {
        "headline": notice.headline,
        "ticket_number": ticket.ticket_number,
        "ticket_title": ticket.title,
        "ticket_description": ticket.description or "",
        "ticket_status": ticket.status.value.replace("_", " ").capitalize(),
        "ticket_priority": ticket.priority.value.capitalize(),
        "ticket_url": notice.web_url,
        "assignee_name": notice.assignee_label or "Unassigned",
        "requester_name": notice.requester_label,
        "actor_name": notice.actor_label,
        "comment": notice.comment_excerpt or "",
        "company_name": notice.company_name,
    }


def render(subject: str, body: str, values: Mapping[str, str]) -> RenderedEmail:
    named = {**{_camel(name): value for name, value in values.items()}, **values}

    def fill(text: str, escape: bool) -> str:
        def value(match: re.Match[str]) -> str:
            found = named.get(match.group(1))
            if found is None:
                return match.group(0)
            return html.escape(found, quote=True) if escape else found

        return _PLACEHOLDER.sub(value, text)

    filled_subject = " ".join(fill(subject, escape=False).split())
    filled_html = fill(body, escape=True)
    return RenderedEmail(subject=filled_subject, html=filled_html, text=plain_text(filled_html))


def render_notice(notice: TicketNotice, *, subject: str | None, body: str | None) -> RenderedEmail:
    """The stored template if given, else the built-in one for the notice's event."""
    default_subject, default_body = DEFAULT_TEMPLATES[template_name(notice.event_type)]
    return render(subject or default_subject, body or default_body, variables(notice))


def plain_text(markup: str) -> str:
    """A readable text part for mail clients that show no HTML."""
    text = re.sub(r"(?i)<br\s*/?>|</p>|</blockquote>", "\n\n", markup)
    text = html.unescape(_TAG.sub("", text))
    return _LINES.sub("\n\n", text).strip() + "\n"


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)
