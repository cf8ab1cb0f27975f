"""What understanding may know about a conversation, as plain data (no I/O, no SDK)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from domain.company import CompanySettings
from domain.numbering import DEFAULT_PREFIX, TicketNumber


@dataclass(frozen=True, slots=True)
class Person:
    user_id: str
    name: str
    email: str | None = None

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else self.name


@dataclass(frozen=True, slots=True)
class TeamEntry:
    team_id: int
    name: str


@dataclass(frozen=True, slots=True)
class Conversation:
    """The viewer, the day, "it", and the people and teams the viewer may name."""

    viewer_id: str
    today: date
    last_ticket: TicketNumber | None = None
    ticket_prefix: str = DEFAULT_PREFIX
    people: tuple[Person, ...] = ()
    teams: tuple[TeamEntry, ...] = ()
    requesters: tuple[Person, ...] = ()
    """Customers, whom staff may name as who filed tickets ("tickets filed by Cy"), never
    as who takes one: not in `people`."""
    own_teams: frozenset[int] = frozenset()
    """The teams the viewer belongs to: "my team", "our team"."""
    mentions: tuple[Person, ...] = field(default=())  # `<at>…</at>` in the text, in order
    company: CompanySettings | None = None
    """The settings this turn read for `ticket_prefix`, passed on to the card (not read twice)."""
    directory: bool = True
    """`people` and `teams` are all the viewer may name; False: not read yet, so a name that
    fits nobody is asked about (the caller reads them and understands again)."""
    numbering_year: int | None = None
    """The year a ticket filed now is numbered in (its `created_at`, UTC); None: `today`'s.
    Just after midnight on 31 December UTC it is still the old year, though Berlin's today
    is 1 January: a bare `40` is then TKT-<old year>-0040, as the tickets in view are."""

    def number(self, sequence: int) -> TicketNumber:
        """A bare `4`: this year's ticket 4 in the company's numbering."""
        year = self.today.year if self.numbering_year is None else self.numbering_year
        return TicketNumber(self.ticket_prefix, year, sequence)

    def name_of(self, user_id: str) -> str:
        for person in self.people:
            if person.user_id == user_id:
                return person.name
        return "you"
