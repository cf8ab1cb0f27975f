"""What a message asks for, as typed values: a ticket request, a question back, or no change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from bot.understanding.suggestions import Suggestion
from domain.numbering import TicketNumber
from domain.tickets import Category, DueWindow, Priority, Severity, TicketOrder, TicketStatus


class ListScope(StrEnum):
    """Whose tickets a list is about."""

    ALL = "all"
    MINE = "mine"  # assigned to the viewer
    CREATED = "created"  # filed by the viewer
    TOUCHED = "touched"  # filed by, assigned to, commented on or changed by the viewer
    OWN = "own"  # filed by or assigned to the viewer ("my outlook ticket")
    TEAMS = "teams"  # held by the viewer's teams, their teammates or them ("our queue")


@dataclass(frozen=True, slots=True)
class UserTarget:
    user_id: str
    name: str


@dataclass(frozen=True, slots=True)
class TeamTarget:
    team_id: int
    name: str


@dataclass(frozen=True, slots=True)
class Nobody:
    """Take the ticket off whoever has it."""


Target = UserTarget | TeamTarget | Nobody


class Fact(StrEnum):
    """One thing about a ticket a question may ask after ("who has 2?", "when is 2 due?")."""

    ASSIGNEE = "assignee"
    DUE = "due"
    STATUS = "status"
    PRIORITY = "priority"
    SEVERITY = "severity"
    CATEGORY = "category"
    REQUESTER = "requester"
    UPDATED = "updated"


@dataclass(frozen=True, slots=True)
class Asked:
    """A question about one fact of a ticket: answered in one sentence on its card."""

    fact: Fact
    yes_no: bool = False
    """"is 2 closed yet?", "is anyone on 2?": answered yes or no first."""
    values: frozenset[str] = frozenset()
    """The values a yes/no question asks whether the fact has ("done": resolved or closed);
    none: whether it has any (someone holds it, it is overdue)."""


@dataclass(frozen=True, slots=True)
class ShowTicket:
    ticket: TicketNumber | None
    history: bool = False
    """Asked for what happened to it ("history of 4", "who changed 4"): the card opens
    with its history shown."""
    asked: Asked | None = None
    """A question about one of its facts ("who has 2?"): the card comes with the answer."""


@dataclass(frozen=True, slots=True)
class ListTickets:
    scope: ListScope = ListScope.ALL
    status: TicketStatus | None = None
    priority: Priority | None = None
    text: str | None = None
    assignee: Target | None = None
    """Whose they are: a person, a team, or `Nobody()` for unassigned tickets."""
    due_window: DueWindow | None = None
    due_on: date | None = None
    """Only tickets due on this day ("due friday", "due 24 dec")."""
    also: tuple[UserTarget | TeamTarget, ...] = ()
    """More people or teams whose tickets are listed with `assignee`'s ("Sam and Lee")."""
    updated_since: date | None = None
    """Only tickets updated on or after this day ("what did I work on this week")."""
    not_updated_since: date | None = None
    """Only tickets last updated before this day, left alone since ("not updated in a week",
    "no update since monday")."""
    created_from: date | None = None
    """Only tickets filed on or after this day ("tickets I opened since Monday")."""
    created_before: date | None = None
    """Only tickets filed before this day ("last week" ends on this Monday)."""
    finished_from: date | None = None
    """Only tickets resolved or closed on or after this day ("what did we close this week")."""
    finished_before: date | None = None
    """Only tickets resolved or closed before this day ("closed last week" ends on this Monday)."""
    unplaced: str | None = None
    """Words that ask for a filter the list cannot apply, said back ("assigned last week")."""
    filed_by: UserTarget | None = None
    """Only tickets this person filed ("tickets filed by Sam", "what did Sam raise")."""
    asked: Asked | None = None
    """A question about one fact of the viewer's own ticket ("who has my vpn ticket?"):
    answered on its card when the list finds that one ticket."""
    order: TicketOrder | None = None
    """The order asked for ("oldest first", "by due date"); None: not said, the usual one."""
    every_status: bool = False
    """Resolved and closed ones too ("all tickets", "open or closed", "including closed")."""
    most: int | None = None
    """Only the first this many, in the list's order ("top 5 most urgent tickets")."""
    also_statuses: tuple[TicketStatus, ...] = ()
    """More statuses listed with `status` ("open or on hold"): any of them."""
    also_priorities: tuple[Priority, ...] = ()
    """More priorities listed with `priority` ("high or urgent"): any of them."""


@dataclass(frozen=True, slots=True)
class CreateTicket:
    title: str | None = None
    priority: Priority | None = None
    category: Category | None = None
    form: bool = False
    to: Target | None = None
    """Who was named to take it ("for the network team", "assign it to me"); `Nobody()`
    or None: no one yet."""
    due: date | None = None
    on_behalf_of: str | None = None
    """Who it is asked for, as typed ("on behalf of dora", "a ticket for dora about the
    vpn"): TicketFlow records whoever files a ticket as its requester, so the name is said
    back and noted in the description, never taken for the title."""
    then: tuple[str, ...] = ()
    """The titles of more tickets asked in the same message ("log two tickets: printer
    jammed, and vpn keeps dropping"): each offered once the one before it is filed."""


@dataclass(frozen=True, slots=True)
class EditTicket:
    """Field changes; none at all means "ask which field"."""

    ticket: TicketNumber | None
    title: str | None = None
    description: str | None = None
    priority: Priority | None = None
    category: Category | None = None
    due: date | None = None
    severity: Severity | None = None
    no_due: bool = False
    """The due date taken off ("remove the due date on 12")."""
    later_by: int | None = None
    """Days the due date moves later ("push 12 out a week"): the day it comes to is worked
    out from the ticket's due date when it is read, and proposed."""

    @property
    def has_changes(self) -> bool:
        return self.no_due or self.later_by is not None or any(value is not None for value in (
            self.title, self.description, self.priority, self.category, self.due, self.severity))


@dataclass(frozen=True, slots=True)
class AssignTicket:
    """`to` None: not said yet (ask); `Nobody()`: unassign."""

    ticket: TicketNumber | None
    to: Target | None = None
    taken_off: UserTarget | TeamTarget | None = None
    """Who it is taken off ("take 12 off alex"): changed only while they hold it."""


@dataclass(frozen=True, slots=True)
class ChangeStatus:
    ticket: TicketNumber | None
    status: TicketStatus | None = None
    reason: str | None = None
    """Why, said with the change ("4 is fixed, it was a loose cable"): a comment with it."""
    take: bool = False
    """"on it", "looking into it now": started, and taken too when no one person has it
    (nobody, or a team's queue) and the viewer may take it."""
    queue: bool = False
    """"put 7 back in the queue", "hand 7 back to the queue": open again and held by no one
    person, as a service desk's queue holds it (`status` is open); a team that holds it keeps
    it, as that is its queue."""


@dataclass(frozen=True, slots=True)
class CommentOnTicket:
    ticket: TicketNumber | None
    text: str | None = None
    staff_only: bool = False
    """"add an internal note to 4": asked for the service desk's eyes only, which a comment
    (read by the requester) is not; refused, nothing posted."""


TicketRequest = (
    ShowTicket | ListTickets | CreateTicket | EditTicket | AssignTicket | ChangeStatus
    | CommentOnTicket
)


Change = EditTicket | AssignTicket | ChangeStatus | CommentOnTicket


@dataclass(frozen=True, slots=True)
class EachTicket:
    """One change said of several tickets ("close 4 and 5"): made to each in turn, as if
    it had been asked alone, so each is checked on its own; or several tickets to show
    ("show 4 and 5"), each shown as if asked for alone."""

    tickets: tuple[TicketNumber, ...]
    change: Change | ShowTicket


@dataclass(frozen=True, slots=True)
class Choice:
    label: str
    value: UserTarget | TeamTarget | Nobody | TicketStatus | date | Priority
    """Who, which status, the due date ("Should 4 be due then?": the day said), or the
    priority ("Should 12 be low priority?")."""


@dataclass(frozen=True, slots=True)
class NoOneNamed:
    """A name said that matched no one ("Sam" in "assign 4 to Sam"), for the caller to look
    further (an invitation not yet accepted), and the question to ask after saying what it
    found there instead of "I couldn't find “Sam”"."""

    said: str
    question: str
    """"Who should take TKT-2026-0004?": the question alone."""


@dataclass(frozen=True, slots=True)
class Clarify:
    """A change that is unclear: ask, offering choices, and fill `request` with the answer."""

    request: TicketRequest
    question: str
    choices: tuple[Choice, ...] = ()
    field: str | None = None
    """For an edit: the one field asked about (title, description, priority, category, due_date)."""
    unknown: NoOneNamed | None = None


@dataclass(frozen=True, slots=True)
class HowMuchLater:
    """"delay 12 a few days": the due date moved later by an amount not said; how much is
    asked, with amounts to press ("push 12 out 3 days"), never guessed."""

    ticket: TicketNumber | None
    also: tuple[TicketNumber, ...] = ()
    """Other tickets to move by the same amount ("push 12 and 13 out a few days")."""


@dataclass(frozen=True, slots=True)
class Both:
    """Two changes said in one message ("rename 4 to … and close it"): each made in turn,
    as if asked alone; the second may still ask for a piece (who "Sam" is)."""

    first: Change | EachTicket
    """Or one change made to several tickets ("close 4 and 5, then assign 6 to me")."""
    second: Change | Clarify | EachTicket | Both | ListTickets | Workload | HowMuchLater
    """Or one change made to several ("close 4, then assign 6 and 7 to me"), or two more
    changes ("take 468, resolve 469 and put 470 on hold"), made in turn; or a list asked
    after the change ("close 4 and show me my tickets"), shown after it is made."""


@dataclass(frozen=True, slots=True)
class MeantAnother:
    """"sorry not 2, i meant 3", "oops, wrong ticket, I meant 3": another ticket was meant
    than the one just acted on. What was just done is the conversation's to know, not the
    message's: the action layer makes that change of `ticket` when it knows it for certain,
    and asks otherwise."""

    ticket: TicketNumber
    instead_of: TicketNumber | None = None
    """The ticket said to be the wrong one ("not 2"), when it was said."""
    change: Change | None = None
    """The change said with it ("i meant to close 3"): made of `ticket` in place of the one
    just made, rather than that one again."""
    earlier: bool = False
    """"i meant to close 3 yesterday", "… but forgot": once meant and not done, which corrects
    no change just made: asked about, never made unasked."""
    too: bool = False
    """"and 3 too", "same for 3": meant as well, not instead; the change just made is made of
    `ticket` too, and stands."""
    asked: bool = False
    """"and 3 too?": whether 3 should have it as well is the question, so it is asked about
    with one press to make it, never made unasked."""


@dataclass(frozen=True, slots=True)
class Question:
    """A question with no ticket to show: the help assistant answers it."""

    text: str


@dataclass(frozen=True, slots=True)
class Declined:
    """A negation ("don't close 4 yet"): nothing changes."""

    ticket: TicketNumber | None
    text: str
    not_done: bool = False
    """Told the ticket is not done yet ("my ticket 36 is still not fixed"): its status is
    said, not "OK, I'll leave it as it is"."""


@dataclass(frozen=True, slots=True)
class FreeText:
    """Neither a command nor a question: the help assistant, then "File this as a ticket?"."""

    text: str


@dataclass(frozen=True, slots=True)
class Unknown:
    """A short message that reads like a command but is none: one line, a few suggestions."""

    text: str
    suggestions: tuple[Suggestion, ...] = ()
    ticket: str | None = None
    """The ticket the message named, as typed ("closeee 12"): the one its suggestions are about."""


class Courtesy(StrEnum):
    HELLO = "hello"
    THANKS = "thanks"
    OK = "ok"
    ABOUT = "about"
    """Who or what the bot is: "who are you?", "are you a bot?"."""


@dataclass(frozen=True, slots=True)
class SmallTalk:
    """A greeting, thanks or an acknowledgement: answered in kind, never read as a command."""

    kind: Courtesy


@dataclass(frozen=True, slots=True)
class Help:
    pass


@dataclass(frozen=True, slots=True)
class Cancel:
    pass


@dataclass(frozen=True, slots=True)
class ReminderAsked:
    """"Remind me about 42 tomorrow", "ping me when 145 is fixed": the bot keeps no
    reminders of its own, so it says what does remind people (a due date, the requester's
    updates) and offers the due date when a ticket and a day were said."""

    ticket: TicketNumber | None
    when: date | None = None


class Lacking(StrEnum):
    """What TicketFlow's tickets do not have (SCHEMA.md), asked for by name."""

    LINK = "link"  # "link 4 to 5", "4 is blocked by 5", "make 4 a child of 5"
    MERGE = "merge"  # "merge 4 into 5", "4 is a duplicate of 5"
    WATCH = "watch"  # "watch 12", "cc sam on 4", "add me as a watcher"
    SNOOZE = "snooze"  # "snooze 2 until monday"
    UNDO = "undo"  # "undo that", "revert the last change on 4": no change is kept to take back
    APPROVE = "approve"  # "approve 12", "12 is approved", "reject 12": tickets have no approval
    METRICS = "measure"  # "who closed the most this week", "average resolution time": no such
    ATTACH = "attach"  # "can I add a screenshot": files go on a ticket in TicketFlow, not here
    SPLIT = "split"  # "split 12 into two tickets": the other part is filed as a new ticket


@dataclass(frozen=True, slots=True)
class NotInTicketFlow:
    """Asked for what TicketFlow lacks: told so plainly, with what can be done instead
    (a comment naming `other`, closing `ticket` with one, on hold, a due date `until`)."""

    lacking: Lacking
    ticket: TicketNumber | None
    other: TicketNumber | None = None
    until: date | None = None
    approved: bool = True
    """For `Lacking.APPROVE`: approved ("approve 12"), or turned down ("reject 12")."""


class StatsPeriod(StrEnum):
    TODAY = "today"
    THIS_WEEK = "this_week"
    LAST_WEEK = "last_week"
    THIS_MONTH = "this_month"


@dataclass(frozen=True, slots=True)
class TicketStats:
    """"Weekly summary", "how are we doing today?": counts of the tickets the asker may see,
    filed and finished in the period and open now."""

    period: StatsPeriod = StatsPeriod.THIS_WEEK


@dataclass(frozen=True, slots=True)
class Workload:
    """"Who's overloaded?": open tickets counted per person and team, of those the asker
    may see."""

    least_first: bool = False
    """"Who's free?": people only, those who hold fewest first, the idle among them."""


@dataclass(frozen=True, slots=True)
class EachListed:
    """One change said of a list ("reassign all of Sam's tickets to Lee", "close all the
    tickets in the network queue"): the list is shown and the change offered for the
    tickets on it, by their numbers; never made to tickets no one has seen."""

    listed: ListTickets
    change: AssignTicket | ChangeStatus
    then: AssignTicket | ChangeStatus | None = None
    """A second change said of the same tickets ("…, then close them"): offered with the
    first, in the same press, never dropped."""
    leaving: tuple[TicketNumber, ...] = ()
    """Tickets said to be left out ("…, except 12"): shown, never offered the change."""


Understanding = (
    TicketRequest | EachTicket | Both | Clarify | Question | Declined | FreeText | Unknown | SmallTalk | Help | Cancel
    | ReminderAsked | Workload | NotInTicketFlow | TicketStats | EachListed
    | MeantAnother | HowMuchLater
)
