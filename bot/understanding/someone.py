"""A ticket asked to be seen to by someone not named ("can someone look at 12", "12 needs an
owner", "nobody has picked up 12"): not a request of the one writing, so nothing is given to
them. Looking is answered with the ticket (its card offers the changes the reader may make);
an owner wanted asks who should take it, and nothing changes until that is answered."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.understanding.words import TYPED_TICKET

_TICKET = rf"(?P<ticket>{TYPED_TICKET}|it|this|this one|that one)"
_SOMEONE = (r"(?:someone|somebody|anyone|anybody|someone else|one of you|one of the team"
            r"|any of you|one of u)")
_ASK = r"(?:(?:can|could|would|will|pls|please|plz) )*"
_PLEASE = r"(?:(?:please|pls|plz|kindly|urgently|quickly) )?"
_LOOK = (r"(?:look at|look into|have a look at|take a look at|check|check on|see to|investigate"
         r"|have a look into|take a look into|look over)")
_TAKE = r"(?:pick up|pick|take|grab|own|handle|take on|take over|work on|jump on|get on)"
_BY_WHEN = r"(?:today|tonight|soon|now|right now|tomorrow|this (?:morning|afternoon|evening|week))"
_TAIL = rf"(?P<tail> ?[,.;:!?–—-].*| asap.*| urgently.*| please.*| pls.*| {_BY_WHEN}\b.*)?"
"""What may follow: a clause of its own, urgency, or by when; read by the caller for a
change."""
_YOU = r"(?:you|u|ya|you guys|you two|you all|y'?all)"
"""Whom "can you take 12" asks: the bot, or a colleague in the chat; neither says who."""
_URGED = re.compile(
    rf"^(?:\W*\b(?:asap|urgently|please|pls|plz|quickly|{_BY_WHEN}"
    r"|(?:it'?s|it s|it is|this is) (?:really |very |quite |super |extremely )?urgent)\b)+")
"""Urgency or by when the tail opens with ("… today, it's really urgent"), left out so that
a change after it is read: "… asap, make it urgent" and "… urgently and close 13" ask a
change (the request was dropped)."""
_LOOKED_AT = tuple(re.compile(said) for said in (
    rf"{_ASK}{_SOMEONE} {_PLEASE}{_LOOK} {_TICKET}{_TAIL}",
))
_OWNER_WANTED = tuple(re.compile(said) for said in (
    rf"{_ASK}{_SOMEONE} {_PLEASE}{_TAKE} {_TICKET}{_TAIL}",
    rf"{_TICKET} (?:needs|still needs|wants|requires) (?:an owner|someone|somebody|an assignee"
    r"|a home|assigning|to be assigned|assigning to someone|someone to take it)"
    rf"{_TAIL}",
    rf"(?:i |we )?need (?:someone|somebody|an owner|a volunteer) (?:on|for|to take) {_TICKET}"
    rf"{_TAIL}",
    r"(?:nobody|no one|noone|no-one)"
    r" (?:is on|has|has picked up|picked up|took|has taken|is working on)"
    rf" {_TICKET}(?: yet)?{_TAIL}",
    rf"{_TICKET} is (?:still )?unassigned{_TAIL}",
))
"""Said of a ticket that should have someone: who is asked, never the writer guessed."""
_HELLO = r"(?:(?:hi|hey|hiya|hello|yo|so|ok|okay|morning|good morning)[,!]? )*"
_ASKED_OF_YOU = tuple(re.compile(said) for said in (
    rf"{_HELLO}(?:(?:can|could|would|will|pls|please|plz) )+{_YOU} {_PLEASE}{_TAKE} {_TICKET}"
    rf"(?: for (?:me|us)| instead| off my hands| off me)?(?: thanks| thx| ty| cheers| thank you)?"
    rf"{_TAIL}",
    rf"{_HELLO}(?:would|do|could) {_YOU} mind (?:taking|grabbing|picking up|owning|handling|taking on"
    rf"|taking over|working on) {_TICKET}(?: for (?:me|us)| instead)?"
    rf"(?: thanks| thx| ty| cheers| thank you)?{_TAIL}",
))
"""Asked of "you" ("can you take 743", "could u grab it pls", "would you mind taking 12?"): the
bot or a colleague in the chat, and the message does not say which, so who takes it is
asked, with or without a question mark; "I'll take 743" and "take 743" are the writer's."""


@dataclass(frozen=True, slots=True)
class SomeoneAsked:
    """`ticket` as typed; `owner` when someone should take it (else: look at it); `tail` is
    what was said after, for the caller to make sure it asks for no change of its own;
    `of_you` when it was asked of "you", which a question mark leaves a request."""

    ticket: str
    owner: bool
    tail: str
    of_you: bool = False


def someone_asked(simple: str) -> SomeoneAsked | None:
    """`simple`: the message in lower case, one space between words, end punctuation stripped."""
    for owner, of_you, patterns in ((False, False, _LOOKED_AT), (True, False, _OWNER_WANTED),
                                    (True, True, _ASKED_OF_YOU)):
        for said in patterns:
            if found := said.fullmatch(simple):
                tail = _URGED.sub("", found["tail"] or "").strip(" ,.;:!?–—-")
                return SomeoneAsked(found["ticket"], owner, tail, of_you)
    return None
