"""Every card the builders make, in each variant worth checking, by name."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from bot.cards import (
    CompanyView,
    Notice,
    SourceLink,
    SubmitMode,
    Tone,
    create_ticket_form,
    edit_ticket_form,
    help_card,
    notice_card,
    ticket_card,
    ticket_list_card,
    welcome_card,
)
from bot.cards.answer import AnswerView, SourceView, answer_card
from bot.cards.digest import digest_card
from bot.cards.resolution import resolution_card
from bot.cards.confirmation import confirmation_card
from bot.cards.verbs import ALL_FIELDS, REQUESTER_FIELDS
from bot.cards.views import ActivityView, ChangeView
from domain.digests import DigestLine, DigestNotice, DigestSchedule
from domain.services.overview import CommentLine
from domain.tickets import TicketStatus
from tests.unit.bot.cards.builders import EVERYONE, a_ticket, assignee_choices, rows, view_for

ACME = CompanyView(name="Acme", primary_color="#0f766e")


def ticket_cards() -> dict[str, dict[str, Any]]:
    cards = {}
    for role, viewer in EVERYONE.items():
        for status in TicketStatus:
            view = view_for(viewer, a_ticket(status=status))
            cards[f"ticket card, {role}, {status.value}"] = ticket_card(
                ticket=view, assignees=assignee_choices()
            )
    admin_view = view_for(EVERYONE["admin"], a_ticket(assignee_team_id=None))
    cards["ticket card with notice, error, refresh users and company"] = ticket_card(
        ticket=admin_view,
        assignees=assignee_choices(),
        notice=Notice(
            "TKT-2026-0041 changed since you last saw it — this is the current version.",
            Tone.ATTENTION,
        ),
        error="Only managers and admins can edit tickets other people filed.",
        refresh_user_ids=["29:1a2b3c", "29:4d5e6f"],
        company=ACME,
    )
    cards["ticket card without web link or description"] = ticket_card(
        ticket=view_for(
            EVERYONE["agent"],
            a_ticket(description=None, due_date=None, severity=None),
            web_url=None,
        )
    )
    cards["ticket card with comments and history"] = ticket_card(
        ticket=admin_view, assignees=assignee_choices(), activity=an_activity(),
    )
    return cards


def an_activity(comments: int = 5, changes: int = 6, text: str = "Swapped the toner") -> ActivityView:
    """The latest three of `comments` comments, and `changes` history lines."""
    at = datetime(2026, 12, 2, 9, 30)
    return ActivityView(
        comments=tuple(CommentLine(f"Person {n}", at + timedelta(minutes=n), f"{text} ({n})")
                       for n in range(max(0, comments - 3), comments)),
        comment_count=comments,
        changes=tuple(ChangeView("Mia Manager", at - timedelta(hours=n), f"status: open → {n}")
                      for n in range(changes)),
    )


def list_cards() -> dict[str, dict[str, Any]]:
    query = {"kind": "assigned", "user": "u-arun", "statuses": ["open", "in_progress"]}
    return {
        "list, first page": ticket_list_card(
            title="Assigned to you", rows=rows(10), total=37, offset=0, limit=10, query=query
        ),
        "list, middle page": ticket_list_card(
            title="Open tickets matching 'vpn'",
            rows=rows(10, start=11),
            total=37,
            offset=10,
            limit=10,
            query=query,
        ),
        "list, last page": ticket_list_card(
            title="Tickets you filed",
            rows=rows(7, start=31),
            total=37,
            offset=30,
            limit=10,
            query=query,
            company=ACME,
        ),
        "list, empty": ticket_list_card(
            title="Assigned to you", rows=[], total=0, offset=0, limit=10, query=query
        ),
    }


def form_cards() -> dict[str, dict[str, Any]]:
    view = view_for(EVERYONE["admin"], a_ticket())
    typed = {
        "title": "",
        "description": "Printer on floor 3 eats paper",
        "category": "support",
        "due_date": "2026-02-30",
    }
    return {
        "create form": create_ticket_form(),
        "create form with errors": create_ticket_form(
            values=typed,
            errors={
                "title": "a title is required",
                "due_date": "'2026-02-30' is not a date like 2026-12-31",
            },
            error="Nothing was filed.",
        ),
        "create form for a task module with a source": create_ticket_form(
            submit=SubmitMode.SUBMIT,
            source=SourceLink(
                "Dana's message in #it-help",
                "https://teams.microsoft.com/l/message/19:abc/1700000000000",
            ),
            company=ACME,
        ),
        "edit form, staff": edit_ticket_form(ticket=view, fields=ALL_FIELDS),
        "edit form, requester": edit_ticket_form(ticket=view, fields=REQUESTER_FIELDS),
        "edit form with errors": edit_ticket_form(
            ticket=view,
            fields=ALL_FIELDS,
            values={"tags": "a, " * 30},
            errors={
                "tags": "use at most 20 tags",
                "version": "TKT-2026-0041 changed since you opened the form",
            },
            company=ACME,
        ),
    }


def other_cards() -> dict[str, dict[str, Any]]:
    return {
        "help": help_card(
            commands=[("new ticket", "File a ticket"), ("my tickets", "Tickets assigned to you")]
        ),
        "help without commands": help_card(commands=[], company=ACME),
        "welcome": welcome_card(user_name="Dana"),
        "welcome without a name": welcome_card(company=ACME),
        "notice": notice_card(text="Assigned to Dana.", tone=Tone.GOOD),
        "notice with title and facts": notice_card(
            text="TKT-2026-0041 was not changed.",
            tone=Tone.ATTENTION,
            title="You can't do that",
            facts=[("Ticket", "TKT-2026-0041"), ("Reason", "customers cannot assign tickets")],
        ),
    }


def resolution_cards() -> dict[str, dict[str, Any]]:
    resolved = view_for(EVERYONE["customer"], a_ticket(status=TicketStatus.RESOLVED))
    return {
        "resolved, asking the requester": resolution_card(
            ticket=resolved, said="Your ticket was moved to Resolved by Dana Scully", company=ACME
        ),
        "resolved, asking again after an empty comment": resolution_card(
            ticket=view_for(
                EVERYONE["customer"], a_ticket(status=TicketStatus.RESOLVED), web_url=None
            ),
            said="Tell us what is still wrong, then reopen.",
            error="this cannot be empty",
            comment="   ",
        ),
    }


def digest_cards() -> dict[str, dict[str, Any]]:
    now = datetime(2026, 12, 2, 8, 0)
    schedule = DigestSchedule(time(9, 0), "Europe/Paris")

    def line(n: int, hours: float, assignee: str | None = "Dana Scully") -> DigestLine:
        return DigestLine(
            ticket_number=f"TKT-2026-{n:04d}", title=f"Printer {n} jams *again* <b>",
            due_date=now + timedelta(hours=hours),
            url=f"https://tickets.example.com/tickets/{n}", assignee_label=assignee,
            priority="high",
        )

    return {
        "digest": digest_card(DigestNotice(
            company_name="Acme", day=now.date(), schedule=schedule, now=now,
            overdue=(line(1, -50), line(2, -1, None)), due_today=(line(3, 5),),
            channel_name="Service desk",
        )),
        "digest, only due today, long": digest_card(DigestNotice(
            company_name="Acme", day=now.date(), schedule=schedule, now=now, overdue=(),
            due_today=tuple(line(n, 1 + n / 100) for n in range(40)),
        )),
    }


def answer_cards() -> dict[str, dict[str, Any]]:
    sources = (SourceView(1, "VPN and Remote Access, page 4", "https://tickets.example.com/help/3"),)
    return {
        "help answer": answer_card(AnswerView(
            message_id=42, question="vpn drops on hotel wifi", answered=True, sources=sources,
            text="Switch the VPN to TCP mode [1].")),
        "help answer not found": answer_card(AnswerView(
            message_id=43, question="parking permit?", answered=False,
            text="I couldn't find this in the help documents.")),
    }


def confirmation_cards() -> dict[str, dict[str, Any]]:
    about = {"ticket_id": 41, "version": "2026-12-02T09:00:00+00:00", "for": "u-dana"}
    return {
        "confirmation of an assignment": confirmation_card(
            question="Assign TKT-2026-0041 to Lee Park?", about="TKT-2026-0041 · Printer jams",
            detail=None, confirm={**about, "request": {"action": "assign_ticket"},
                                  "nonce": "n0nce-n0nce"}, cancel=about),
        "confirmation of a long comment": confirmation_card(
            question="Add this comment to TKT-2026-0041?", about="TKT-2026-0041 · Printer jams",
            detail="Swapped the fuser. " * 200, confirm={**about, "nonce": "n0nce-n0nce"},
            cancel=about),
        "confirmation of a new ticket": confirmation_card(
            question="File this as a new ticket?", about="Support · high priority",
            detail="Projector in room 2 is dead",
            confirm={"for": "u-dana", "nonce": "n0nce-n0nce", "request": {
                "action": "create_ticket", "title": "Projector in room 2 is dead",
                "category": "support", "priority": "high"}},
            cancel={"for": "u-dana"}),
    }


def every_card() -> dict[str, dict[str, Any]]:
    return {
        **ticket_cards(), **list_cards(), **form_cards(), **other_cards(), **answer_cards(),
        **resolution_cards(), **digest_cards(), **confirmation_cards(),
    }
