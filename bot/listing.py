"""Ticket lists the bot shows: what the user asked for, as a filter the card can page through."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, TypeGuard, TypeVar, assert_never

from bot.understanding.orders import MOST_LISTED
from bot.understanding.requests import ListScope, Nobody, TeamTarget, Target, UserTarget
from domain.access import Viewer
from domain.tickets import (
    SOON_DAYS, Assignee, DueWindow, Priority, TicketFilter, TicketOrder, TicketStatus,
)

FINISHED = (TicketStatus.RESOLVED, TicketStatus.CLOSED)

# Card data names the scope by these words (cards already posted in Teams carry them).
_CARD_KIND = {ListScope.ALL: "search", ListScope.MINE: "mine", ListScope.CREATED: "created",
              ListScope.TOUCHED: "touched", ListScope.OWN: "own", ListScope.TEAMS: "teams"}
_SCOPE_OF_KIND = {kind: scope for scope, kind in _CARD_KIND.items()}
_TITLES = {ListScope.MINE: "Assigned to you", ListScope.CREATED: "Tickets you filed",
           ListScope.TOUCHED: "Tickets you worked on", ListScope.OWN: "Your tickets",
           ListScope.TEAMS: "Your team's tickets"}
_DUE_TITLES = {DueWindow.OVERDUE: "overdue", DueWindow.TODAY: "due today",
               DueWindow.TOMORROW: "due tomorrow", DueWindow.SOON: f"due within {SOON_DAYS} days",
               DueWindow.THIS_WEEK: "due this week",
               DueWindow.NEXT_WEEK: "due next week", DueWindow.THIS_MONTH: "due this month",
               DueWindow.NONE: "no due date"}
_ORDER_TITLES = {TicketOrder.UPDATED: "recently updated first",
                 TicketOrder.STALE: "least recently updated first",
                 TicketOrder.NEWEST: "newest first", TicketOrder.OLDEST: "oldest first",
                 TicketOrder.PRIORITY: "most urgent first", TicketOrder.DUE: "due soonest first",
                 TicketOrder.SEVERITY: "most severe first"}
_NAME_CHARS = 100
MOST_HOLDERS = 10
"""People or teams one list names at once (card data is capped to it when it comes back)."""
_A_DAY = timedelta(days=1)


def utc_midnight(day: date) -> datetime:
    """When `day` begins in UTC."""
    return datetime.combine(day, time())


def _window_words(done: str, start: date | None, end: date | None) -> str:
    """When something was done, in days: "filed since Mon 23 Nov", "closed in the week of
    Mon 23 Nov", "resolved on Tue 1 Dec"; "" when no day is said."""
    if start and end and end > date.min:  # no day before the calendar's first
        if end - start == timedelta(days=1):
            return f"{done} on {start:%a %d %b}"
        if end - start == timedelta(weeks=1) and start.weekday() == 0:
            return f"{done} in the week of {start:%a %d %b}"
        return f"{done} {start:%a %d %b} to {end - timedelta(days=1):%a %d %b}"
    if start and not end:
        return f"{done} since {start:%a %d %b}"
    return f"{done} before {end:%a %d %b}" if end else ""


@dataclass(frozen=True, slots=True)
class ListQuery:
    """Whose tickets, in which status and priority, due when, matching which text; JSON-safe
    for card data. `holder`: the person or team they are assigned to, or `Nobody()`."""

    scope: ListScope = ListScope.ALL
    status: TicketStatus | None = None
    text: str | None = None
    priority: Priority | None = None
    holder: Target | None = None
    due_window: DueWindow | None = None
    due_on: date | None = None
    """Only tickets due on this day (UTC): "due friday" stays that Friday when refreshed."""
    also: tuple[UserTarget | TeamTarget, ...] = ()
    """More people or teams whose tickets are listed with `holder`'s."""
    updated_since: date | None = None
    """Only tickets updated on or after this day (UTC); in the TOUCHED scope, those the
    viewer worked on since."""
    not_updated_since: date | None = None
    """Only tickets last updated before this day (UTC): left alone since."""
    created_from: date | None = None
    """Only tickets filed on or after this day (UTC)."""
    created_before: date | None = None
    """Only tickets filed before this day (UTC): "last week" ends on this week's Monday."""
    finished_from: date | None = None
    """Only tickets resolved or closed on or after this day (UTC)."""
    finished_before: date | None = None
    """Only tickets resolved or closed before this day (UTC)."""
    unplaced: str | None = None
    """What was asked for that no filter here can apply, said back on the card."""
    filed_by: UserTarget | None = None
    """Only tickets this person filed."""
    order: TicketOrder | None = None
    """The order asked for; None: the usual one, most recently updated first."""
    every_status: bool = False
    """Resolved and closed tickets too, where a list would leave them out."""
    most: int | None = None
    """Only the first this many of the list ("top 5"), however many match."""
    also_statuses: tuple[TicketStatus, ...] = ()
    """More statuses listed with `status` ("open or on hold")."""
    also_priorities: tuple[Priority, ...] = ()
    """More priorities listed with `priority` ("high or urgent")."""

    @property
    def statuses(self) -> tuple[TicketStatus, ...]:
        return (self.status, *self.also_statuses) if self.status else ()

    @property
    def priorities(self) -> tuple[Priority, ...]:
        return (self.priority, *self.also_priorities) if self.priority else ()

    @property
    def sorted_by(self) -> TicketOrder:
        return self.order or TicketOrder.UPDATED

    def to_data(self) -> dict[str, Any]:
        status = self.status.value if self.status else None
        data: dict[str, Any] = {"kind": _CARD_KIND[self.scope], "status": status, "text": self.text}
        if self.priority:
            data["priority"] = self.priority.value
        if self.holder is not None:
            data["holder"] = _holder_data(self.holder)
        if self.due_window:
            data["due"] = self.due_window.value
        if self.due_on:
            data["due_on"] = self.due_on.isoformat()
        if self.also:
            data["also"] = [_holder_data(other) for other in self.also]
        if self.updated_since:
            data["since"] = self.updated_since.isoformat()
        if self.not_updated_since:
            data["quiet_since"] = self.not_updated_since.isoformat()
        if self.created_from:
            data["filed_from"] = self.created_from.isoformat()
        if self.created_before:
            data["filed_before"] = self.created_before.isoformat()
        if self.finished_from:
            data["done_from"] = self.finished_from.isoformat()
        if self.finished_before:
            data["done_before"] = self.finished_before.isoformat()
        if self.unplaced:
            data["unplaced"] = self.unplaced
        if self.filed_by:
            data["filed_by"] = _holder_data(self.filed_by)
        if self.order:
            data["order"] = self.order.value
        if self.every_status:
            data["every_status"] = True
        if self.most:
            data["top"] = self.most
        if self.also_statuses:
            data["or_status"] = [status.value for status in self.also_statuses]
        if self.also_priorities:
            data["or_priority"] = [priority.value for priority in self.also_priorities]
        return data

    @classmethod
    def from_data(cls, data: object) -> ListQuery:
        raw = data if isinstance(data, dict) else {}
        kind = raw.get("kind")
        scope = _SCOPE_OF_KIND[kind] if _one_of(kind, _SCOPE_OF_KIND) else ListScope.ALL
        wanted = raw.get("status")
        status = TicketStatus(wanted) if _one_of(wanted, TicketStatus) else None
        text = str(raw["text"])[:200] if raw.get("text") else None
        rank = raw.get("priority")
        priority = Priority(rank) if _one_of(rank, Priority) else None
        order = raw.get("order")
        due = raw.get("due")
        due_window = DueWindow(due) if _one_of(due, DueWindow) else None
        listed = raw.get("also")
        also: list[object] = listed[:MOST_HOLDERS] if isinstance(listed, list) else []
        others = tuple(other for other in map(_holder_from, also)
                       if isinstance(other, (UserTarget, TeamTarget)))
        return cls(scope=scope, status=status, text=text, priority=priority,
                   holder=_holder_from(raw.get("holder")), due_window=due_window,
                   due_on=_day_from(raw.get("due_on")), also=others,
                   updated_since=_day_from(raw.get("since")),
                   not_updated_since=_day_from(raw.get("quiet_since")),
                   created_from=_day_from(raw.get("filed_from")),
                   created_before=_day_from(raw.get("filed_before")),
                   finished_from=_day_from(raw.get("done_from")),
                   finished_before=_day_from(raw.get("done_before")),
                   unplaced=str(raw["unplaced"])[:_NAME_CHARS] if raw.get("unplaced") else None,
                   filed_by=filer if isinstance(filer := _holder_from(raw.get("filed_by")),
                                                UserTarget) else None,
                   order=TicketOrder(order) if _one_of(order, TicketOrder) else None,
                   every_status=raw.get("every_status") is True,
                   most=_count_from(raw.get("top")),
                   also_statuses=_values_from(raw.get("or_status"), TicketStatus)
                   if status else (),
                   also_priorities=_values_from(raw.get("or_priority"), Priority)
                   if priority else ())

    def filter_for(
        self, actor_id: str, *, today: date, teams: tuple[Assignee, ...] = (),
        now: datetime | None = None, midnight: Callable[[date], datetime] = utc_midnight,
    ) -> TicketFilter:
        """`today`: the asker's day, which due days are counted from (a due day is a
        calendar day, stored at its midnight); `teams`: what the viewer's teams hold
        (`team_holders`), for the TEAMS scope; `now` (within a day of `today`): overdue is
        what is overdue at that moment, as a card and a reminder say; `midnight`: when a day
        begins for the asker (naive UTC), for when tickets were filed or worked on."""
        statuses = self.statuses
        overdue = self.due_window is DueWindow.OVERDUE
        worked = self.scope is ListScope.TOUCHED  # what they resolved is what they worked on
        filed = self.created_from is not None or self.created_before is not None
        finished = self.finished_from is not None or self.finished_before is not None
        asked_after = self._asked_after  # "my outlook ticket": fixed is an answer too
        finished_hidden = () if statuses and not overdue or worked or filed or finished \
            or asked_after or self.every_status else FINISHED
        priorities = self.priorities
        undated = self.due_window is DueWindow.NONE
        due_from, due_before = self.due_window.bounds(today) if self.due_window and not (
            undated) else (None, None)
        late_at = now if overdue and now is not None and abs(now.date() - today) <= _A_DAY \
            else None
        if late_at is not None:
            due_before = None
        if self.due_on:
            due_from = _midnight(self.due_on)
            due_before = _midnight(self.due_on + timedelta(days=1)) \
                if self.due_on < date.max else None
        worker = self.holder if worked and isinstance(self.holder, UserTarget) else None
        holder = None if self.also or worker else self.holder  # several: in `held_by`
        held_by = tuple(_assignee(h) for h in (self.holder, *self.also)
                        if isinstance(h, (UserTarget, TeamTarget))) if self.also else ()
        if self.scope is ListScope.TEAMS:
            held_by = (*teams, Assignee.user(actor_id))
        since = midnight(self.updated_since) if self.updated_since else None
        return TicketFilter(
            assignee_id=actor_id if self.scope is ListScope.MINE else (
                holder.user_id if isinstance(holder, UserTarget) else None),
            team_id=holder.team_id if isinstance(holder, TeamTarget) else None,
            held_by=held_by,
            unassigned=isinstance(holder, Nobody), undated=undated,
            created_by=actor_id if self.scope is ListScope.CREATED else (
                self.filed_by.user_id if self.filed_by else None),
            statuses=statuses, priorities=priorities, exclude_statuses=finished_hidden,
            text=self.text, due_from=due_from, due_before=due_before, overdue_at=late_at,
            touched_by=(worker.user_id if worker else actor_id) if worked else None,
            touched_from=since if worked else None,
            updated_from=None if worked else since,
            updated_before=midnight(self.not_updated_since) if self.not_updated_since else None,
            created_from=midnight(self.created_from) if self.created_from else None,
            created_before=midnight(self.created_before) if self.created_before else None,
            finished_from=midnight(self.finished_from) if self.finished_from else None,
            finished_before=midnight(self.finished_before) if self.finished_before else None,
            filed_or_held_by=actor_id if self.scope is ListScope.OWN else None,
        )

    @property
    def _asked_after(self) -> bool:
        """"what's the status of my outlook ticket": a ticket of theirs, whatever its state."""
        return self.scope is ListScope.OWN and bool(self.text)

    def _filed_words(self) -> str:
        """"filed since Mon 23 Nov", "filed in the week of Mon 23 Nov", "filed on Tue 1 Dec":
        days, not "last week", as a card may be read or refreshed days later."""
        return _window_words("filed", self.created_from, self.created_before)

    def _finished_words(self) -> str:
        """"closed since Mon 30 Nov", "resolved in the week of Mon 23 Nov", "resolved or
        closed on Wed 2 Dec"."""
        done = " or ".join(status.words for status in self.statuses) or "resolved or closed"
        return _window_words(done, self.finished_from, self.finished_before)

    def _names(self, first: UserTarget | TeamTarget) -> str:
        names = [first.name, *(other.name for other in self.also)]
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"

    def elsewhere(
        self, *, customer: bool, in_a_team: bool = False
    ) -> tuple[tuple[str, str], ...]:
        """Where else to look when this list is empty, as (button, what it says): only for a
        bare "my tickets", "tickets I filed" or "our queue", the lists people open without a
        filter; their team's tickets only to someone in a team."""
        if self._asked_after and customer:  # all they may see is what they filed
            return (("Tickets you filed", "tickets I created"),)
        if self._asked_after and self.text:
            return ((f"All tickets matching “{self.text[:40]}”", f"find {self.text}"),
                    ("Tickets you filed", "tickets I created"), ("Assigned to you", "my tickets"))
        if any(part is not None for part in (
                self.status, self.text, self.priority, self.holder, self.due_window,
                self.due_on, self.created_from, self.created_before, self.filed_by,
                self.not_updated_since, self.finished_from, self.finished_before)):
            return ()
        if self.scope is ListScope.MINE:
            teams = (("Your team's tickets", "our team's tickets"),) if in_a_team else ()
            return (("Tickets you filed", "tickets I created"), *teams,
                    ("Unassigned tickets", "unassigned tickets"))
        if self.scope is ListScope.TEAMS:
            return (("Assigned to you", "my tickets"), ("Tickets you filed", "tickets I created"))
        if self.scope is ListScope.CREATED and not customer:
            return (("Assigned to you", "my tickets"),)
        return ()

    @property
    def unplaced_notice(self) -> str | None:
        """"tickets closed last week": what the list could not filter by, said first."""
        if not self.unplaced:
            return None
        return f"I can't filter by “{self.unplaced}” here, so that is left out; these are all " \
               "that match the rest."

    @property
    def title(self) -> str:
        what = _TITLES.get(self.scope, "Tickets")
        match self.holder:
            case UserTarget() as one if self.scope is ListScope.TOUCHED:  # "what did Sam do"
                what = f"Tickets {one.name} worked on"
            case UserTarget() | TeamTarget() as one if self.scope is ListScope.ALL:
                what = f"Assigned to {self._names(one)}"
            case UserTarget() | TeamTarget() as one:
                what += f" · assigned to {self._names(one)}"
            case Nobody():
                what = "Unassigned" if self.scope is ListScope.ALL else f"{what} · unassigned"
        if self.filed_by:
            what += f" · filed by {self.filed_by.name}"
        if self.due_window:
            what += f" · {_DUE_TITLES[self.due_window]}"
        if self.due_on:
            what += f" · due {self.due_on:%a %d %b}"
        if self.priority:
            what += f" · {' or '.join(priority.value for priority in self.priorities)}"
        if self.updated_since and not (self.scope is ListScope.TOUCHED and (
                self.updated_since == self.finished_from)):  # "closed since Mon 30 Nov" says it
            updated = "" if self.scope is ListScope.TOUCHED else "updated "
            what += f" · {updated}since {self.updated_since:%a %d %b}"
        if self.not_updated_since:
            what += f" · not updated since {self.not_updated_since:%a %d %b}"
        if filed := self._filed_words():
            what += f" · {filed.removeprefix('filed ') if self.scope is ListScope.CREATED else filed}"
        if finished := self._finished_words():
            what += f" · {finished}"
        elif self.status:
            what += f" · {' or '.join(status.words for status in self.statuses)}"
        elif self.every_status:
            what += " · every status"
        elif self.due_window is not DueWindow.OVERDUE and self.scope is not ListScope.TOUCHED \
                and not filed and not self._asked_after:
            what += " · not yet resolved"
        if self.text:
            what += f" matching “{self.text}”"
        if self.most:
            what += f" · top {self.most}"
        if self.order:
            what += f"{',' if self.most else ' ·'} {_ORDER_TITLES[self.order]}"
        return what

    def rows_from(self, offset: int, *, page: int) -> int:
        """How many rows the page at `offset` shows: a page, or what is left of the top N."""
        return page if self.most is None else max(0, min(page, self.most - offset))

    def counted(self, total: int) -> int:
        """How many the list holds: all that match, or the top N of them."""
        return total if self.most is None else min(total, self.most)


def team_holders(viewer: Viewer) -> tuple[Assignee, ...]:
    """What "our team's tickets" are held by: the viewer's teams and teammates (the viewer is
    added by `filter_for`); visibility still decides which of those they see."""
    return (*(Assignee.team(team) for team in sorted(viewer.team_ids)),
            *(Assignee.user(mate) for mate in sorted(viewer.teammate_ids)))


def _midnight(day: date | None) -> datetime | None:
    return datetime.combine(day, time()) if day else None


def _assignee(holder: UserTarget | TeamTarget) -> Assignee:
    if isinstance(holder, TeamTarget):
        return Assignee.team(holder.team_id)
    return Assignee.user(holder.user_id)


def _holder_data(holder: Target) -> dict[str, Any]:
    match holder:
        case UserTarget(user_id=user_id, name=name):
            return {"user": user_id, "name": name}
        case TeamTarget(team_id=team_id, name=name):
            return {"team": team_id, "name": name}
        case Nobody():
            return {"nobody": True}
        case _:
            assert_never(holder)


def _holder_from(raw: object) -> Target | None:
    """The card's holder back; a name is only shown, the id is what filters (under the access
    rule, so a forged id finds nothing the viewer may not see)."""
    if not isinstance(raw, dict):
        return None
    name = str(raw.get("name") or "")[:_NAME_CHARS]
    user, team = raw.get("user"), raw.get("team")
    if isinstance(user, str) and user:
        return UserTarget(user[:_NAME_CHARS], name or "them")
    if isinstance(team, int) and not isinstance(team, bool):
        return TeamTarget(team, name or "the team")
    return Nobody() if raw.get("nobody") is True else None


def _count_from(raw: object) -> int | None:
    """The card's "top" count back; anything but a whole number from 1 to 100 is none."""
    if isinstance(raw, int) and not isinstance(raw, bool) and 1 <= raw <= MOST_LISTED:
        return raw
    return None


def _day_from(raw: object) -> date | None:
    """The card's "since" day back; anything but a YYYY-MM-DD day is none."""
    if not isinstance(raw, str) or len(raw) != len("2026-12-01"):
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None


E = TypeVar("E", TicketStatus, Priority)


def _values_from(raw: object, kind: type[E]) -> tuple[E, ...]:
    """The card's other statuses or priorities back: known words only, each once."""
    if not isinstance(raw, list):
        return ()
    return tuple(dict.fromkeys(kind(value) for value in raw[:len(kind)] if _one_of(value, kind)))


def _one_of(value: object, known: Iterable[str]) -> TypeGuard[str]:
    """Card data comes back from the client as any JSON: only known words count."""
    return isinstance(value, str) and value in set(known)
