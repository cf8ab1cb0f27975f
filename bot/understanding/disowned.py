"""A ticket said not to be one's own ("12 isn't mine", "this was assigned to me by mistake")
or said to be someone else's ("12 is more of a network thing", "it belongs to facilities").

Neither is a request in so many words, and neither says for sure who should have the
ticket: the reader asks who should take it (the one named is offered), and nothing changes
until that is answered; only a request that follows in so many words ("12 isn't mine,
please reassign to sam") is made, as "reassign 12 to sam" is. Read on the whole message,
so that a condition, a question or
another clause after it ("12 isn't mine to close", "12 is a network thing, not hardware")
is never taken for one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.understanding.words import BY_MISTAKE, TYPED_TICKET
from domain.numbering import TicketNumber, parse_ticket_id, parse_ticket_number

_LEAD = r"(?:(?:hi|hey|hello|fyi|just fyi|heads up|so|um|umm|sorry|btw|ok|okay|hmm)[,:!.]? )*"
_TICKET = rf"(?P<ticket>{TYPED_TICKET}|it|this|that)(?: one| ticket)?"
_IS = r"(?: is|'s| s)"
_IS_NOT = r"(?:'s not| s not| is not| isn'?t| aint| ain'?t)(?: really| actually| even)?"
_OWN = (r"(?:mine|my ticket|my one|one of mine|for me|my area|my department|my dept|my team'?s"
        r"|my job|my thing|my problem|my responsibility|on me|with me|assigned to me|meant for me)")
_SENT_TO_ME = r"(?:assigned|given|routed|sent|allocated|passed)"
_WHOSE = r"(?:a |an |the )?(?P<whose>[a-z][\w.@-]*(?: [a-z][\w.@-]*)??)(?:'s)?"
_KIND = r" (?:thing|issue|problem|job|ticket|matter|question|one|area)"
_TEAM = r" (?:team|queue|people|guys|folks|dept|department)"

_PASS_IT_ON = (r"(?:please |pls |plz |can you |could you |can someone |could someone |kindly )?"
               r"(?:reassign|re-assign|reroute|re-route|move|pass|hand|give|send|route)"
               rf"(?: it| this| that| (?P<handed>{TYPED_TICKET}))?(?: on| over| back| along)?(?: elsewhere| to someone else"
               r"| to (?:the )?right (?:person|team|people|one))?(?: please| pls| plz)?")
_PASS_IT_TO = (r"(?:please |pls |plz |can you |could you |kindly )?"
               r"(?:reassign|re-assign|move|pass|hand|give|send|route)"
               rf"(?: it| this| that| (?P<passed>{TYPED_TICKET}))?(?: over| on)? to (?:the )?(?P<to>[a-z][\w.@-]*(?: [a-z][\w.@-]*)??)"
               rf"(?:{_TEAM})?(?: please| pls| plz)?")
"""Passed on to someone named: "…, please reassign to sam", "… - move it to facilities"."""
_ITS = (r"(?:it'?s|it is|its|it belongs to|belongs to|it should go to|should go to"
        rf"|it should be with|should be with|it'?s for|it is for|more like) {_WHOSE}"
        rf"(?:{_KIND}|{_TEAM})?")
_THEN = r"(?: ?[,.;:!–—-]* | (?:and|so|but) )"
_THANKS = r"(?:[,.!]* (?:thanks|thx|ty|cheers|thank you))?"

_NOT_MINE = tuple(re.compile(
    rf"{_LEAD}{said}(?:{_THEN}(?:{_ITS}|{_PASS_IT_ON}|{_PASS_IT_TO}))?{_THANKS}")
                  for said in (
    rf"{_TICKET}{_IS_NOT} {_OWN}",
    rf"{_TICKET} (?:was|got|has been|is) {BY_MISTAKE} {_SENT_TO_ME} to me",
    rf"{_TICKET} (?:was|got|has been|is) {_SENT_TO_ME} to me {BY_MISTAKE}",
    rf"{_TICKET} (?:shouldn'?t|should not) be (?:mine|with me|assigned to me|on my plate"
    r"|in my queue|on my list)",
    rf"i'?m not the right (?:person|one) for {_TICKET}",
    rf"wrong person for {_TICKET}",
    r"(?:not mine|not my ticket|not my one|not for me|wrong person)",
))
"""Said of a ticket given to the one writing. A mistake must be said: "12 was assigned to
me" alone is news, not a complaint."""
_ANOTHERS = tuple(re.compile(rf"{_LEAD}{said}(?:{_THEN}{_PASS_IT_ON})?{_THANKS}") for said in (
    rf"{_TICKET}{_IS} (?:more of |really |actually |probably |likely |rather |clearly "
    rf"|definitely |more )?(?:a |an ){_WHOSE}{_KIND}",
    rf"{_TICKET} (?:looks|sounds|seems) like (?:a |an ){_WHOSE}{_KIND}",
    rf"{_TICKET} (?:belongs|should be) (?:to|with|in) {_WHOSE}(?:{_KIND}|{_TEAM})?",
    rf"{_TICKET}{_IS} for {_WHOSE}{_TEAM}",
    rf"{_TICKET}{_IS} (?:(?:all |now )?(?:the )?(?P<whose>[a-z][\w.@-]*(?: [a-z][\w.@-]*)??)"
    r"(?: team| queue)?'s)"
    r"(?: (?:now|from now on|going forward|from today|then))?",
))
"""Said of a ticket another team or person should have. The kind word is needed after a
name ("12 is a network thing", never "12 is a network"), and "is for" needs a team's word
("12 is for the network team", never "12 is for tomorrow"); "12 is priya's now" says whose
it is to be."""


@dataclass(frozen=True, slots=True)
class Disowned:
    """Whose a ticket is not, or is: `ticket` as typed ("12", "it"); `whose` as named
    ("network", "sam"), or None when only "not mine" was said; `not_mine` when the writer
    said it is not theirs (then a name that is nobody known still leaves who to ask)."""

    ticket: str
    whose: str | None
    not_mine: bool
    asked: bool = False
    """Passed on in so many words ("…, please reassign to sam"): made, not asked about."""


def disowned(simple: str) -> Disowned | None:
    """The ticket a message says is not the writer's, or is someone else's. `simple` is the
    message in lower case with one space between words and its end punctuation stripped;
    a question ("12 isn't mine?") is the caller's to keep out."""
    for said in (*_NOT_MINE, *_ANOTHERS):
        if found := said.fullmatch(simple):
            named = found.groupdict()
            whose = named.get("whose")
            if whose is not None and _THEIR_TEAM.match(simple, found.end("whose")):
                whose = None  # "sam's team": a team not named, never Sam
            ticket = named.get("ticket") or "it"
            if handed := named.get("passed") or named.get("handed"):
                if not _may_be_the_same(ticket, handed):
                    return None  # "12 isn't mine, give 13 to sam": which is meant is not guessed
                ticket = handed  # "not mine - give 12 to sam": the ticket passed on
            return Disowned(ticket, whose or named.get("to"),
                            not_mine=said in _NOT_MINE, asked=named.get("to") is not None)
    return None


def _may_be_the_same(disowned: str, passed: str) -> bool:
    """Whether the ticket passed on may be the one disowned: "it" may be any; "12", "#12",
    "ticket 12" and "tkt-2026-0012" are the same (the year of a bare number is the caller's
    to decide), "tkt-2025-0012" and "tkt-2026-0012" are not."""
    first, second = _named(disowned), _named(passed)
    if first is None or second is None:
        return True
    if isinstance(first, TicketNumber) and isinstance(second, TicketNumber):
        return first == second
    return _sequence(first) == _sequence(second)


def _named(typed: str) -> TicketNumber | int | None:
    bare = typed.removeprefix("ticket ").lstrip("#")
    return parse_ticket_number(bare) or parse_ticket_id(bare)


def _sequence(named: TicketNumber | int) -> int:
    return named.sequence if isinstance(named, TicketNumber) else named


_THEIR_TEAM = re.compile(rf"'s{_TEAM}")
"""A person's team ("sam's team", "priya's people"), which is no one to offer: who is asked."""
