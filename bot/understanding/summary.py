"""A one-line account of what was understood: for transcripts, logs and the bench."""

from __future__ import annotations

from typing import assert_never

from bot.understanding.requests import (
    Asked, AssignTicket, Both, Cancel, EachListed, ChangeStatus, Choice, Clarify, CommentOnTicket, CreateTicket, Declined,
    EachTicket, EditTicket, FreeText, Help, HowMuchLater, ListTickets, MeantAnother, Nobody, NotInTicketFlow, Question, ReminderAsked, ShowTicket, Target,
    TicketStats,
    Workload,
    TeamTarget, SmallTalk, TicketRequest, Understanding, Unknown, UserTarget,
)
from bot.understanding.suggestions import offered
from domain.numbering import TicketNumber


def summary(understood: Understanding) -> str:
    match understood:
        case Clarify(request=request, question=question, choices=choices, field=field):
            options = f" [{', '.join(_choice(c) for c in choices)}]" if choices else ""
            asked = f" {field}" if field else ""
            said = f": {question}" if question else ""
            return f"ask {_request(request)}{asked}{said}{options}"
        case Question():
            return "question"
        case Declined(ticket=ticket):
            return f"no change {_ticket(ticket)}"
        case FreeText():
            return "free text"
        case Unknown(suggestions=suggestions, ticket=ticket):
            shown = offered(suggestions, ticket)
            examples = f" e.g. [{', '.join(shown.examples)}]" if shown.examples else ""
            return f"unknown [{', '.join(shown.buttons)}]{examples}"
        case SmallTalk(kind=kind):
            return f"small talk {kind.value}"
        case Help():
            return "help"
        case Cancel():
            return "cancel"
        case Workload(least_first=least_first):
            return "workload least" if least_first else "workload"
        case TicketStats(period=period):
            return f"stats {period.value}"
        case ReminderAsked(ticket=ticket):
            return f"cannot remind {_ticket(ticket)}"
        case NotInTicketFlow(lacking=lacking, ticket=ticket, other=other, until=until,
                             approved=approved):
            told = [f"cannot {lacking.value} {_ticket(ticket)}"]
            told += [] if approved else ["rejected"]
            told += [str(other)] if other else []
            told += [f"until {until.isoformat()}"] if until else []
            return " ".join(told)
        case MeantAnother(ticket=ticket, too=True, asked=asked):
            return f"meant {ticket} too{'?' if asked else ''}"
        case MeantAnother(ticket=ticket, instead_of=instead_of, change=change, earlier=earlier):
            meant = f"meant {'earlier ' if earlier else ''}{ticket}"
            meant += f" not {instead_of}" if instead_of else ""
            return f"{meant}: {_request(change)}" if change else meant
        case HowMuchLater(ticket=ticket, also=also):
            return f"how much later {', '.join(map(_ticket, (ticket, *also)))}"
        case Both(first=first, second=second):
            return f"{summary(first)} + {summary(second)}"
        case EachListed(listed=listed, change=change, then=then, leaving=leaving):
            then_said = f" then {_request(then).replace(' ?', ' each of', 1)}" if then else ""
            left = f" leaving {', '.join(map(str, leaving))}" if leaving else ""
            return (f"{_request(change).replace(' ?', ' each of', 1)}{then_said}{left}"
                    f" ({_request(listed)})")
        case EachTicket(tickets=tickets, change=change):
            return _request(change).replace(_ticket(change.ticket), ", ".join(map(str, tickets)), 1)
        case _:
            return _request(understood)


def _request(request: TicketRequest) -> str:
    match request:
        case ShowTicket(ticket=ticket, history=True):
            return f"history {_ticket(ticket)}"
        case ShowTicket(ticket=ticket, asked=Asked() as asked):
            return f"show {_ticket(ticket)} asked={_asked(asked)}"
        case ShowTicket(ticket=ticket):
            return f"show {_ticket(ticket)}"
        case ListTickets(scope=scope, status=status, priority=priority, text=text) as listed:
            parts = ["list", scope.value]
            parts += [f"status={','.join(s.value for s in (status, *listed.also_statuses))}"] \
                if status else []
            parts += ["status=any"] if listed.every_status else []
            parts += [f"order={listed.order.value}"] if listed.order else []
            parts += [f"top={listed.most}"] if listed.most else []
            parts += [f"priority={','.join(p.value for p in (priority, *listed.also_priorities))}"] \
                if priority else []
            holders = [_target(listed.assignee)] + [_target(t) for t in listed.also]
            parts += [f"assignee={','.join(holders)}"] if listed.assignee else []
            parts += [f"filed_by={_target(listed.filed_by)}"] if listed.filed_by else []
            parts += [f"due={listed.due_window.value}"] if listed.due_window else []
            parts += [f"due_on={listed.due_on.isoformat()}"] if listed.due_on else []
            parts += [f"updated_since={listed.updated_since.isoformat()}"] if listed.updated_since else []
            parts += [f"not_updated_since={listed.not_updated_since.isoformat()}"] \
                if listed.not_updated_since else []
            parts += [f"created_from={listed.created_from.isoformat()}"] if listed.created_from else []
            parts += [f"created_before={listed.created_before.isoformat()}"] if listed.created_before else []
            parts += [f"finished_from={listed.finished_from.isoformat()}"] if listed.finished_from else []
            parts += [f"finished_before={listed.finished_before.isoformat()}"] if listed.finished_before else []
            parts += [f"text={text!r}"] if text else []
            parts += [f"unplaced={listed.unplaced!r}"] if listed.unplaced else []
            parts += [f"asked={_asked(listed.asked)}"] if listed.asked else []
            return " ".join(parts)
        case CreateTicket(form=True):
            return "create form"
        case CreateTicket(title=title, priority=priority, category=category) as new:
            parts = ["create", f"title={title!r}" if title else "title=?"]
            parts += [f"priority={priority.value}"] if priority else []
            parts += [f"category={category.value}"] if category else []
            parts += [f"to={_target(new.to)}"] if new.to else []
            parts += [f"due={new.due.isoformat()}"] if new.due else []
            parts += [f"for={new.on_behalf_of!r}"] if new.on_behalf_of else []
            parts += [f"then={list(new.then)!r}"] if new.then else []
            return " ".join(parts)
        case EditTicket(ticket=ticket) as edit:
            changes = [f"{name}={value!r}" if isinstance(value, str) and name in ("title", "description")
                       else f"{name}={value}" for name, value in (
                ("title", edit.title), ("description", edit.description),
                ("priority", edit.priority and edit.priority.value),
                ("category", edit.category and edit.category.value),
                ("due", "none" if edit.no_due else edit.due and edit.due.isoformat()),
                ("severity", edit.severity and edit.severity.value),
                ("due+", edit.later_by and f"{edit.later_by}d")) if value is not None]
            return " ".join(["edit", _ticket(ticket), *changes]) if changes else f"edit {_ticket(ticket)} ?"
        case AssignTicket(ticket=ticket, to=to):
            return f"assign {_ticket(ticket)} to {_target(to)}"
        case ChangeStatus(ticket=ticket, status=status, take=True):
            return f"start and take {_ticket(ticket)}"
        case ChangeStatus(ticket=ticket, queue=True):
            return f"back to the queue {_ticket(ticket)}"
        case ChangeStatus(ticket=ticket, status=status):
            return f"status {_ticket(ticket)} {status.value if status else '?'}"
        case CommentOnTicket(ticket=ticket, text=text):
            return f"comment {_ticket(ticket)} {text!r}" if text else f"comment {_ticket(ticket)} ?"
        case _:
            assert_never(request)


def _asked(asked: Asked) -> str:
    """`assignee`, `due?` (overdue?), `status?resolved,closed` (is it done?)."""
    said = asked.fact.value + ("?" if asked.yes_no else "")
    return said + ",".join(sorted(asked.values))


def _ticket(ticket: TicketNumber | None) -> str:
    return str(ticket) if ticket is not None else "?"


def _target(target: Target | None) -> str:
    match target:
        case None:
            return "?"
        case UserTarget(user_id=user_id):
            return f"user:{user_id}"
        case TeamTarget(team_id=team_id):
            return f"team:{team_id}"
        case Nobody():
            return "nobody"
        case _:
            assert_never(target)


def _choice(choice: Choice) -> str:
    return choice.label
