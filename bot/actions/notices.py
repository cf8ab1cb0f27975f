"""Every sentence an action says, in one place."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import assert_never

from bot.actions.pending import Slot
from bot.cards.views import Notice, Tone
from bot.understanding.requests import (
    AssignTicket, Change, ChangeStatus, CommentOnTicket, Courtesy, EditTicket, Lacking, Nobody,
    TeamTarget, UserTarget,
)
from domain.numbering import TicketNumber
from domain.people import Role
from domain.tickets import Category, Priority, TicketStatus


def filed(number: str) -> Notice:
    return Notice(f"Filed {number}.", Tone.GOOD)


def filed_without(name: str, why: str) -> str:
    """A new ticket's assignee the rule refuses: filed all the same, unassigned."""
    return (f"I'll file it without giving it to {name}: {why}. The service desk will route it.")


def filed_for(name: str) -> str:
    """A ticket asked for someone else: TicketFlow keeps no requester apart from its filer."""
    return (f"TicketFlow records whoever files a ticket as its requester, so this one will be "
            f"yours; I'll note in its description that it is for {name}.")


FILE_THE_NEXT = "File it"


def several_to_file(first: str | None, then: tuple[str, ...]) -> str:
    """Several tickets asked at once: filed one after the other, each as one alone is."""
    count = len(then) + 1
    first_one = f"“{first}”" if first else "the first"
    return (f"You asked for {count} tickets: let's file {first_one} first, and I'll offer "
            f"{_and([f'“{title}”' for title in then])} once it is filed.")


def next_to_file(title: str) -> str:
    return f"Next, “{title}”?"


def status_now(number: str, status: TicketStatus, *, commented: bool = False) -> Notice:
    said = f"{number} is now {status.words}."
    return Notice(f"{said} Your comment was added." if commented else said, Tone.GOOD)


def back_in_queue(number: str, *, team: bool, commented: bool = False) -> Notice:
    """"put 4 back in the queue": open, and no one person has it (its team still does)."""
    said = (f"{number} is back in its team's queue: open, and no one person has it."
            if team else f"{number} is back in the queue: open, and nobody has it.")
    return Notice(f"{said} Your comment was added." if commented else said, Tone.GOOD)


def already_in_queue(number: str, *, team: bool) -> Notice:
    """Asked back to the queue while open and held by no one person: nothing changed."""
    where = "its team's queue" if team else "the queue"
    return Notice(f"{number} is already in {where}: open, and no one person has it.",
                  Tone.DEFAULT)


def proposed_back_to_queue(number: str) -> str:
    return f"Put {number} back in the queue (open, and no one person holding it)?"


def which_listed(said: str, *, described: bool = False) -> str:
    if described:  # "the medium one"
        return f"More than one ticket in the list fits “{said}”: which one?"
    return f"More than one ticket in the list is about “{said}”: which one?"


def which_of_theirs(said: str, found: int) -> str:
    """"the laptop one" with no list shown: the open tickets about it, asked about."""
    if found == 1:
        return f"Do you mean this ticket about “{said}”?"
    return f"Which ticket about “{said}” do you mean?"


def too_many_about(said: str, *, finished_too: bool = False) -> str:
    """`finished_too`: resolved and closed ones were looked among ("is the printer ticket
    done?"), so they are not called open."""
    which = "tickets" if finished_too else "open tickets"
    return (f"Several {which} are about “{said}”: say the ticket's number, or `tickets "
            f"about {said}` to see them.")


def started(number: str, *, started: bool, taken: bool) -> Notice:
    """"on it": what it did, of starting the ticket and taking it."""
    if started and taken:
        return Notice(f"{number} is now in progress and assigned to you.", Tone.GOOD)
    if taken:
        return Notice(f"{number} is now assigned to you (it was already in progress).", Tone.GOOD)
    return status_now(number, TicketStatus.IN_PROGRESS)


def assigned(name: str | None) -> Notice:
    return Notice(f"Assigned to {name}." if name else "Unassigned.", Tone.GOOD)


def already_assigned(number: str, name: str | None, *, team: bool) -> Notice:
    """An assignment to whoever already has the ticket: nothing changed, no one was told."""
    if not name:
        return Notice(f"{number} isn't assigned to anyone.", Tone.DEFAULT)
    return Notice(f"{number} is already {'with' if team else 'assigned to'} {name}.",
                  Tone.DEFAULT)


def assigned_out_of_sight(number: str, *, unassigned: bool) -> str:
    """An assignment the access rule no longer lets its maker see the ticket after."""
    done = "Unassigned" if unassigned else "Reassigned"
    return (f"{done} {number}. It is no longer yours or your team's, so you can't see it "
            "any more.")


NO_INTERNAL_NOTES = (
    "comments are read by whoever filed the ticket, and I can't add an internal note here, "
    "so nothing was changed. Add the note in TicketFlow, or say it without marking it "
    "internal to post it as a comment")
"""Why a comment meant for staff only is refused (after "Sorry, you can't do that: ")."""


def not_held_by(ticket: str, name: str) -> str:
    """"take 12 off alex" when Alex does not hold it: who does is on the card below."""
    return f"{ticket} is not with {name}, so nothing was changed."


def comment_added() -> Notice:
    return Notice("Comment added.", Tone.GOOD)


def saved(fields: list[str]) -> Notice:
    return Notice(f"Saved: {', '.join(fields)}." if fields else "Saved.", Tone.GOOD)


def already_has(number: str, fields: list[str]) -> Notice:
    """An edit asked in words that the ticket already has ("make 4 high" when it is):
    nothing changed, no one was told."""
    return Notice(f"{number} already has that {' and '.join(fields)}; nothing changed.",
                  Tone.DEFAULT)


def offer_each(
    change: AssignTicket | ChangeStatus, count: int, total: int, *, viewer_id: str,
    then: AssignTicket | ChangeStatus | None = None,
) -> tuple[str, str]:
    """The question under a list that one change was said of ("reassign all of Sam's
    tickets to Lee"), and its "yes" button; `total` is how many the list has in all. A second
    change said of them (`then`: "…, then close them") is asked in the same question."""
    these = f"these {count} tickets" if count > 1 else "this ticket"
    if total > count:
        these += f" (the first {count} of {total}; the rest stay as they are)"
    asked, yes = _each_asked(change, these, count, viewer_id=viewer_id)
    if then is not None:
        more, _ = _each_asked(then, "it" if count == 1 else "them", count, viewer_id=viewer_id)
        asked, yes = f"{asked}, then {more}", f"{yes}, then {more}"
    return f"{asked[0].upper()}{asked[1:]}?", f"Yes, {yes}"


def _each_asked(
    change: AssignTicket | ChangeStatus, these: str, count: int, *, viewer_id: str
) -> tuple[str, str]:
    """"assign these 2 tickets to Lee", and "assign both" for its button."""
    match change:
        case AssignTicket(to=UserTarget(name=name) | TeamTarget(name=name) as to):
            whom = f"the {name} team" if isinstance(to, TeamTarget) else (
                "you" if to.user_id == viewer_id else name)
            return f"assign {these} to {whom}", f"assign {_them(count)}"
        case ChangeStatus(status=TicketStatus() as status):
            verb = _STATUS_VERB.get(status, f"set to {status.words}")
            return f"{verb} {these}", f"{verb} {_them(count)}"
    raise ValueError("a change of several tickets names what to do")


def _them(count: int) -> str:
    return "it" if count == 1 else "both" if count == 2 else f"all {count}"


_STATUS_VERB = {TicketStatus.CLOSED: "close", TicketStatus.RESOLVED: "resolve",
                TicketStatus.OPEN: "reopen", TicketStatus.IN_PROGRESS: "start"}


def too_many_at_once(count: int, most: int) -> str:
    return (f"That names {count} tickets; I change at most {most} in one message, so nothing "
            "was changed. Split them over a few messages.")


def changed_each(change: Change, tickets: list[TicketNumber]) -> str:
    """What one change said of several tickets did, for those it was made to."""
    numbers = _and([str(t) for t in tickets])
    match change:
        case ChangeStatus(queue=True, reason=reason):
            said = f"{numbers} {'is' if len(tickets) == 1 else 'are'} back in the queue: open."
            if not reason:
                return said
            return f"{said} Your comment was added{' to each' if len(tickets) > 1 else ''}."
        case ChangeStatus(status=status, reason=reason) if status is not None:
            said = f"{numbers} {'is' if len(tickets) == 1 else 'are'} now {status.words}."
            if not reason:
                return said
            return f"{said} Your comment was added{' to each' if len(tickets) > 1 else ''}."
        case AssignTicket(to=Nobody()):
            return f"Unassigned {numbers}."
        case AssignTicket(to=UserTarget(name=name) | TeamTarget(name=name)):
            return f"Assigned {numbers} to {name}."
        case CommentOnTicket():
            return f"Comment added to {numbers}."
        case EditTicket() as edit:
            return f"Saved {_and(_edited(edit))} on {numbers}."
    return f"Changed {numbers}."


def not_changed_each(reasons: list[str]) -> str:
    return "Not changed:\n" + "\n".join(f"- {reason}" for reason in reasons)


def not_shown_each(reasons: list[str]) -> str:
    return "Not shown:\n" + "\n".join(f"- {reason}" for reason in reasons)


def shown_the_first(count: int, most: int) -> str:
    return (f"That names {count} tickets; I show at most {most} at once, so these are the first "
            f"{most}. Ask for the others in another message.")


def _edited(edit: EditTicket) -> list[str]:
    return [name for name, value in (
        ("the title", edit.title), ("the description", edit.description),
        ("the priority", edit.priority), ("the category", edit.category),
        ("the due date", edit.due or edit.no_due or None)) if value is not None]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def which_of_yours(count: int) -> str:
    return f"You have {count} open tickets: which one do you mean?"


MOVE_IT = "Move it"


def due_moved(number: str, was: date, to: date) -> str:
    return f"Move the due date of {number} from {was:%a} {was.day} {was:%b} to {to:%a} {to.day} {to:%b}?"


def how_much_later(tickets: str) -> str:
    """"delay 12 a few days": how much is not guessed."""
    return (f"How much later should {tickets} be due? Pick one, or say it, like "
            f"`push {tickets} out 4 days`.")


def no_due_to_move(number: str) -> str:
    """"push 12 out a week" of a ticket with no due date: from when is not guessed."""
    return f"{number} has no due date to push out. Say the day it is due, like `{number} due friday`."


def due_at_calendar_end(number: str, due: date) -> str:
    """"push 12 out a week" of a ticket due too near 31 Dec 9999 for the days to fit."""
    return (f"{number} is due {due:%a} {due.day} {due:%b} {due.year}, too close to the end of "
            f"the calendar to push out. Say the day it is due, like `{number} due friday`.")


def which_ticket(example: str) -> str:
    return f"Which ticket? Say its number, for example `{example}`."


def nothing_changed(ticket: TicketNumber | str | None) -> str:
    if ticket is None:
        return "OK, I won't change anything."
    return f"OK, I'll leave {ticket} as it is."


def push_or_ticket(pushed: str, said: int, ticket: str) -> str:
    """"make it 2 instead" after a due date's push was proposed: which is meant, asked."""
    return (f"Do you mean pushing the due date of {pushed} out by {said} days or {said} weeks, "
            f"or ticket {ticket}?")


def meant_too(change: Change) -> str:
    """"I meant 3" when the change it corrects is not known for certain: asked, not made."""
    return f"Do you want me to {_done(change)} too?"


def meant_to(change: Change) -> str:
    """"I meant to close 3" with nothing just done to correct: asked, not made."""
    return f"Do you want me to {_done(change)} now?"


def _done(change: Change) -> str:
    number = str(change.ticket)
    match change:
        case ChangeStatus(queue=True):
            done = f"put {number} back in the queue"
        case ChangeStatus(status=TicketStatus() as status):
            done = {TicketStatus.OPEN: f"reopen {number}",
                    TicketStatus.IN_PROGRESS: f"start {number}",
                    TicketStatus.ON_HOLD: f"put {number} on hold",
                    TicketStatus.RESOLVED: f"resolve {number}",
                    TicketStatus.CLOSED: f"close {number}"}[status]
        case AssignTicket(to=Nobody()):
            done = f"unassign {number}"
        case AssignTicket(to=UserTarget(name=name) | TeamTarget(name=name)):
            done = f"assign {number} to {name}"
        case EditTicket() as edit:
            done = f"change {_and(_edited(edit))} of {number}"
        case CommentOnTicket():
            done = f"add the comment to {number}"
        case _:
            done = f"change {number}"
    return done


def comment_stays(number: str) -> str:
    """A comment added to the wrong ticket: added to the one meant, and not taken back."""
    return f"The comment stays on {number} as well: I can't take a comment back."


def left_as_changed(number: str, as_it_is: str, put_back: str | None) -> str:
    """After the same change made of the ticket meant: the first one is not put back
    unasked (TicketFlow has no undo), and is said to be as the change left it."""
    said = f"{number} is still {as_it_is}"
    return f"{said}: say “{put_back}” to put it back." if put_back else f"{said}."


def put_back(number: str) -> str:
    return f"Put {number} back"


def changed_again(number: str) -> str:
    return f"{number} was changed again since, so I left it as it is."


def still_looking() -> str:
    return ("I'm still looking that up: answer on the card when it comes "
            "(File it, or Edit first to add details).")


def noted_for_offer() -> str:
    return "Noted: I'll add that to the ticket if you file it."


def offer_with_details(description: str) -> str:
    return f"I've added that. The ticket would say:\n\n{description}"


def not_helped(title: str) -> str:
    return f"Sorry that didn't help. The service desk can look into “{title}”."


def sorry_not_helped() -> str:
    return ("Sorry about that. Tell me what you need in a few words, or say `new ticket` and "
            "the service desk will look into it.")


def offer_declined() -> str:
    return "OK, I won't file it. Say `new ticket` whenever you want to."


def yes_to_nothing(*, choices_shown: bool) -> str:
    """A typed "yes" with no question of the bot's waiting for it: said plainly, never a
    menu, and never as if something was done. `choices_shown`: a question with several
    buttons was open, which a "yes" cannot pick from."""
    if choices_shown:
        return "A yes can't pick one of those: press the button you mean, or say which."
    return "I wasn't waiting for an answer from you, so nothing was changed."


def not_understood(text: str, examples: Sequence[str] = ()) -> str:
    """The message not understood, examples of what would be, and a lead-in to the buttons."""
    shown = text if len(text) <= 60 else text[:57] + "…"
    sorry = f"Sorry, I didn't get “{shown}”." if shown else "Sorry, I didn't get that."
    if examples:
        quoted = [f"`{example}`" for example in examples]
        listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
        sorry += f" For example: {listed}."
    return f"{sorry} {try_these()}"


def courtesy(kind: Courtesy, first_name: str | None) -> str:
    """The answer in kind to a greeting, thanks or an "ok"."""
    match kind:
        case Courtesy.HELLO:
            return f"Hi {first_name}! I file, find and update tickets." if first_name else (
                "Hi! I file, find and update tickets.")
        case Courtesy.THANKS:
            return "You're welcome!"
        case Courtesy.OK:
            return "👍"
        case Courtesy.ABOUT:
            return ("I'm the TicketFlow bot, not a person: I file, find and update tickets, and "
                    "answer from the help documents. For a person, file a ticket and the service "
                    "desk will pick it up.")
        case _:
            assert_never(kind)


def no_reminders(ticket: TicketNumber | None) -> str:
    """What reminds people, since the bot keeps no reminders of its own."""
    which = f"{ticket}" if ticket else "a ticket"
    return (f"I can't set reminders. What reminds people: whoever holds {which} is reminded here "
            "once it is due within a day and when it is overdue, and whoever filed a ticket is "
            "told here when someone else changes its status or comments.")


def lacking(what: Lacking, ticket: TicketNumber | None, other: TicketNumber | None) -> str:
    """What TicketFlow's tickets do not have (SCHEMA.md), said before what can be done."""
    match what:
        case Lacking.LINK:
            return "TicketFlow can't link tickets."
        case Lacking.MERGE:
            return "TicketFlow can't merge tickets or mark one a duplicate of another."
        case Lacking.WATCH:
            which = f"{ticket}" if ticket else "a ticket"
            return ("TicketFlow has no watchers or cc on a ticket. Whoever filed "
                    f"{which} is told here when someone else changes its status or comments, and "
                    "whoever holds it is reminded once it is due.")
        case Lacking.UNDO:
            history = f" {ticket}'s history shows what changed." if ticket else ""
            return ("I can't undo a change: say what it should be instead (for example `reopen 4`, "
                    f"`set 4 to medium` or `unassign 4`).{history}")
        case Lacking.APPROVE:
            return "TicketFlow keeps no approval on a ticket."
        case Lacking.METRICS:
            return ("I don't rank people or time how long tickets take. What I can count: how "
                    "many tickets were filed and finished this week, and who holds how many "
                    "open ones.")
        case Lacking.ATTACH:
            where = (f"open {ticket} in TicketFlow and attach it there" if ticket else
                     "attach it to your ticket in TicketFlow (say `my tickets` to find it)")
            return (f"Files can't be added to a ticket from this chat: {where}. What it shows "
                    "can go in a comment too.")
        case Lacking.SPLIT:
            which = f"{ticket}" if ticket else "a ticket"
            return (f"TicketFlow can't split {which} in two. File the other part as a new "
                    f"ticket, then add a comment on {which} naming it (like `the printer part "
                    "is now TKT-…`), so whoever reads one finds the other.")
        case Lacking.SNOOZE:
            which = f"{ticket}" if ticket else "a ticket"
            return (f"TicketFlow can't snooze {which}. On hold says it is waiting, and a due date "
                    "brings it back: whoever holds it is reminded once it is due.")
        case _:
            assert_never(what)


def related_to(other: TicketNumber) -> str:
    return f"Related to {other}."


def duplicate_of(other: TicketNumber) -> str:
    return f"Duplicate of {other}."


def approval(approved: bool) -> str:
    """The comment that says a ticket was approved or turned down, offered instead."""
    return "Approved." if approved else "Not approved."


def offered_instead(change: ChangeStatus | CommentOnTicket) -> str:
    if isinstance(change, ChangeStatus):
        return f"Close {change.ticket} with the comment “{change.reason}”?"
    return f"Add this comment to {change.ticket}?"


def confirm_instead(change: ChangeStatus | CommentOnTicket) -> str:
    return "Close with the comment" if isinstance(change, ChangeStatus) else ADD_AS_COMMENT


def try_these() -> str:
    return "Try one of these, or say `help`:"


def no_assistant() -> str:
    return "I can't answer questions from the help documents yet."


MOST_TITLES = 40
"""Of the help documents listed in chat; the rest are counted."""


def help_documents(titles: Sequence[str]) -> str:
    """What "what help documents do you have?" is told: the titles the person may read."""
    if not titles:
        return ("There are no help documents I can answer from yet. Say `new ticket` to ask "
                "the service desk.")
    count = len(titles)
    listed = [f"- {title}" for title in titles[:MOST_TITLES]]
    if count > MOST_TITLES:
        listed.append(f"…and {count - MOST_TITLES:,} more")
    noun = "help document" if count == 1 else "help documents"
    return "\n".join((f"I can answer questions from {count:,} {noun}:", *listed,
                      "Ask me anything they cover."))


def proposed_status(number: str, status: TicketStatus) -> str:
    return {
        TicketStatus.OPEN: f"Reopen {number}?",
        TicketStatus.IN_PROGRESS: f"Start work on {number} (in progress)?",
        TicketStatus.ON_HOLD: f"Put {number} on hold?",
        TicketStatus.RESOLVED: f"Resolve {number}?",
        TicketStatus.CLOSED: f"Close {number}?",
    }[status]


def proposed_start_taking(number: str) -> str:
    return f"Start work on {number} (in progress), and take it if no one has it?"


def proposed_assignment(number: str, to: str | None) -> str:
    return f"Assign {number} to {to}?" if to else f"Unassign {number}?"


def proposed_comment(number: str) -> str:
    return f"Add this comment to {number}?"


ADD_AS_COMMENT = "Add this as a comment"


def which_ticket_for_the_note(found: int) -> str:
    """A work note with no ticket in view ("called the user, no answer"): which of the
    person's open tickets it goes on, as a comment."""
    if found == 1:
        return "Add this note to this ticket as a comment?"
    return "Which ticket is this note for? I'll add it as a comment."


def no_ticket_for_the_note() -> str:
    """A work note with no ticket in view, and no open ticket of the person's to offer."""
    return ("That reads like a note on a ticket, but you have no open tickets. Say which "
            "one, like `comment on 4: called the user`.")


def finished_already(number: str, status: TicketStatus) -> str:
    """"fixed" said of a ticket already resolved or closed: nothing to ask, nothing changed."""
    return f"{number} is already {status.value.replace('_', ' ')}: nothing to change."


REOPEN_WITH_COMMENT = "Reopen with this comment"


def reopen_with_it(number: str, status: TicketStatus) -> str:
    """Asked of a message telling that a resolved or closed ticket is not fixed after all."""
    return f"{number} is {status.words}. Reopen it, with this as a comment, so it is looked at again?"


def comment_on_the_ticket() -> str:
    """Asked of a message about the ticket in view that asks nothing the bot can do."""
    return "Add this to the ticket as a comment, so whoever works on it sees it?"


def comment_instead(fields: list[str], *, customer: bool, partly: bool = False) -> str:
    """A field the person may not set ("actually it's urgent" from a customer); `partly`:
    the rest of the request was made, this part was not."""
    named = " and ".join(f"the {name.replace('_', ' ')}" for name in fields)
    who = "the service desk sets" if customer else "managers and admins set"
    offer = "Add what you said as a comment, so they see it?"
    if fields == ["assignee"]:  # asked of customers only: agents may assign some
        return f"Only the service desk assigns tickets. {offer}"
    if partly:
        verb, them = ("were", "them") if len(fields) > 1 else ("was", "it")
        return f"{named[:1].upper()}{named[1:]} {verb} not changed: only {who} {them}. {offer}"
    return f"Only {who} {named}. {offer}"


def proposed_ticket() -> str:
    return "File this as a new ticket?"


def new_ticket_facts(category: Category, priority: Priority, *, to: str | None = None,
                     due: date | None = None) -> str:
    facts = [category.value.capitalize(), f"{priority.value} priority"]
    facts += [f"for {to}"] if to else []
    facts += [f"due {due.isoformat()}"] if due else []
    return " · ".join(facts)


def proposed_edit(number: str, changes: list[tuple[str, str]]) -> str:
    listed = ", ".join(f"{name} → {value}" for name, value in changes)
    return f"Change {number}: {listed}?"


def nothing_applied() -> Notice:
    return Notice("OK, nothing was changed.", Tone.DEFAULT)


def changed_since_proposed(number: str) -> Notice:
    return Notice(f"{number} changed since I asked, so nothing was applied. This is how it is "
                  "now; say it again if you still want the change.", Tone.ATTENTION)


def not_your_confirmation() -> str:
    return "Only the person who asked for this change can confirm it; nothing was changed."


def question(slot: Slot, number: str) -> str:
    """What the bot asks when `slot` is the piece missing from an action on `number`."""
    return {
        Slot.ASSIGNEE: f"Who should take {number}? Pick one, or type a name or an email.",
        Slot.STATUS: f"Which status should {number} get?",
        Slot.COMMENT: f"What's your comment on {number}?",
        Slot.FIELD: f"What should change on {number}? Pick a field.",
        Slot.TITLE: f"What should the new title of {number} be?",
        Slot.DESCRIPTION: f"What should the description of {number} say?",
        Slot.PRIORITY: f"Which priority should {number} get?",
        Slot.CATEGORY: f"Which category should {number} be in?",
        Slot.SEVERITY: f"Which severity should {number} have?",
        Slot.DUE_DATE: f"When is {number} due? For example `24 Dec`, `next Friday` or `2026-12-24`.",
    }[slot]


def still_waiting(question: str) -> str:
    return f"I'm still waiting for your answer: {question} (or say cancel)"


def not_in_the_list(said: str, count: int) -> str:
    """"the second one" when the list shown has one ticket: no ticket is guessed."""
    tickets = "1 ticket" if count == 1 else f"{count} tickets"
    return f"The list I showed has {tickets}, so there's no “{said}”. Which did you mean?"


def added_to_description() -> str:
    """Details told while a new ticket's kind or urgency was asked, kept for it."""
    return "Added that to the ticket's description."


def noted_urgency(label: str) -> str:
    return noted_for_filing([f"{label} priority"])


def noted_for_filing(parts: list[str]) -> str:
    """What a message said about the ticket being filed, kept for it ("give it to Sam")."""
    return f"Noted for the new ticket: {', '.join(parts)}."


def not_filed_yet(status: TicketStatus) -> str:
    """"close it" while a new ticket is being filed: no earlier ticket is meant."""
    return (f"The ticket you're filing isn't filed yet, so it can't be {status.words}: answer "
            "the question below to file it, or say cancel to drop it.")


def list_ends(total: int, *, at_start: bool) -> str:
    if at_start:
        return "That's the first page of the list."
    return f"That's the whole list: {total} ticket{'s' if total != 1 else ''}." if total else \
        "That list is empty."


def back_to_filing() -> str:
    return "Back to the ticket you're filing:"


def dropped(about: str) -> str:
    return f"(I've dropped {about}.)"


def not_a_choice(count: int) -> str:
    return f"Pick a number from 1 to {count}, or type the answer."


def _a(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


def role_name(role: Role) -> str:
    """A role as people say it: TicketFlow's `user` is an agent."""
    return "agent" if role is Role.USER else role.value


def not_joined(name: str, email: str, role: Role) -> str:
    """Someone invited who has no account yet: tickets follow accounts (the access rule)."""
    who = email if name.lower() == email.lower() else f"{name} ({email})"
    return (f"{who} is invited as {_a(role_name(role))} but hasn't joined TicketFlow yet, so nothing can be "
            "assigned to them until they do (they join when they first message me).")


def unknown_person(said: str) -> str:
    return f"I couldn't find “{said}”."


def unknown_status(said: str) -> str:
    return f"“{said}” is not a status I know."


def unknown_value(said: str, field: str) -> str:
    if field == "due_date":
        return f"I couldn't read “{said}” as a date."
    return f"“{said}” is not a {field.replace('_', ' ')}."


def past_due_on_form(day: date) -> str:
    """A form's due date already past: the box under it keeps it."""
    return f"{day:%a} {day.day} {day:%b %Y} is in the past: tick the box to keep it, or pick another day."


def past_due(day: date, said: str) -> str:
    """A due date already past, given as the answer to "When is it due?"."""
    return f"{day:%a} {day.day} {day:%b %Y} is in the past: say “{said} anyway” to set it, or another day."


def unknown_field(said: str) -> str:
    return f"“{said}” is not a field I can change here."


def no_value_in_courtesy(said: str, field: str) -> str:
    """"thx" for a new title: nothing to save, and the question stands."""
    return f"I won't make “{said}” the {field}; nothing changed."


def filing_the_question(title: str) -> str:
    return f"Let's file “{title}” as a ticket."


def try_again(sentence: str) -> str:
    return f"{sentence} Try again, or say cancel."
