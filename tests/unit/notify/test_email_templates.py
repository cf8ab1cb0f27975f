"""Notification emails: template variables filled and escaped, built-in defaults when missing."""

from __future__ import annotations

from datetime import datetime

import pytest

from domain.events import EventType
from domain.notifications import TicketNotice
from domain.tickets import Category, Ticket, TicketStatus
from notify.email_templates import DEFAULT_TEMPLATES, TEMPLATE_NAMES, render, render_notice

NOW = datetime(2026, 3, 2, 9, 0)


def a_notice(event: EventType = EventType.COMMENTED, **changes: object) -> TicketNotice:
    ticket = Ticket(
        id=41,
        ticket_number="TKT-2026-0041",
        title='<script>alert("x")</script> & VPN',
        category=Category.INCIDENT,
        created_by="u-carla",
        created_at=NOW,
        updated_at=NOW,
        status=TicketStatus.IN_PROGRESS,
    )
    values: dict[str, object] = dict(
        event_type=event,
        ticket=ticket,
        headline="Lee commented on your ticket",
        actor_label="Lee <b>Adama</b>",
        requester_label="Carla",
        assignee_label="Dana",
        company_name="Acme",
        web_url="https://tickets.example.com/tickets/41",
        comment_excerpt="Try <img src=x onerror=alert(1)>",
    )
    values.update(changes)
    return TicketNotice(**values)  # type: ignore[arg-type]


def test_values_are_html_escaped_in_the_body_and_kept_plain_in_the_subject() -> None:
    email = render_notice(
        a_notice(),
        subject="{{ticket_number}}: {{ticket_title}}",
        body="<p>{{actor_name}} wrote {{comment}} on {{ ticketTitle }}</p>",
    )

    assert email.subject == 'TKT-2026-0041: <script>alert("x")</script> & VPN'
    assert email.html == (
        "<p>Lee &lt;b&gt;Adama&lt;/b&gt; wrote Try &lt;img src=x onerror=alert(1)&gt; on "
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; VPN</p>"
    )
    assert "<img" not in email.html and "<script" not in email.html


def test_unknown_placeholders_stay_visible_so_a_typo_shows() -> None:
    email = render("{{nope}}", "<p>{{ticket_numbr}}</p>", {"ticket_number": "TKT-1"})

    assert (email.subject, email.html) == ("{{nope}}", "<p>{{ticket_numbr}}</p>")


def test_a_subject_never_spans_lines() -> None:
    email = render("{{title}}", "", {"title": "one\r\nBcc: everyone@example.com"})

    assert email.subject == "one Bcc: everyone@example.com"


@pytest.mark.parametrize("event", list(EventType))
def test_every_event_has_a_built_in_template_that_fills_completely(event: EventType) -> None:
    assert TEMPLATE_NAMES[event] in DEFAULT_TEMPLATES

    email = render_notice(a_notice(event), subject=None, body=None)

    assert "{{" not in email.subject + email.html
    assert "TKT-2026-0041" in email.subject
    assert 'href="https://tickets.example.com/tickets/41"' in email.html
    assert "Lee commented on your ticket" in email.text


def test_the_comment_template_quotes_the_comment_escaped() -> None:
    email = render_notice(a_notice(), subject=None, body=None)

    assert "<blockquote>Try &lt;img src=x onerror=alert(1)&gt;</blockquote>" in email.html
    assert "Try <img src=x onerror=alert(1)>" in email.text
