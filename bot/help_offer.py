"""A typed answer to "File this as a ticket?": yes files it, no lets it go, edit asks.

When the help assistant finds nothing, its card offers the message as a ticket with
two buttons. People also just type "yes", "sure, file it" or "no thanks". The router
remembers the last message it took to the assistant (in the conversation's state,
with when it was asked) and forgets it at the next message, so a "yes" answers the
bot's last question only. The offer stands when the assistant's stored answer to
that very message found nothing (its exchange in `ai_chat_messages`), within
`OFFER_WINDOW`; a "yes" after the answer was helpful, or to nothing, is not a ticket.

A message that goes on about the problem ("it's urgent, I have a client meeting at 2",
"I already tried another charger") is added to the ticket on offer, which is shown
again, rather than taken as a new question.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from bot.actions.pending import YES
from bot.cards.answer import TicketOffer
from bot.help_views import ticket_offer
from bot.understanding.courtesy import courtesy
from knowledge.answering import as_stored
from knowledge.citations import split_sources
from domain.numbering import mentions_ticket_number
from knowledge.conversation import Exchange, followed_topic

OFFER_WINDOW = timedelta(minutes=30)
"""As long as a help session: after that a bare "yes" is about something else."""
ANSWER_WAIT = timedelta(minutes=2)
"""How long an answer may still be on its way (a model's answer takes seconds)."""


class OfferReply(StrEnum):
    TAKE = "take"
    DECLINE = "decline"
    EDIT = "edit"


_TAKE = YES | {
    "file it", "file", "file a ticket", "file the ticket", "file that", "file this",
    "create it", "create a ticket", "create the ticket", "create one", "make a ticket",
    "raise it", "raise a ticket", "raise one", "log it", "log a ticket", "log one",
    "open a ticket", "open one", "submit it", "send it", "yes file it", "go for it",
    "sounds good", "please", "definitely", "yes do it", "ok do it", "ok file it",
    "yes create it", "ya", "yah", "yea", "yess", "k", "kk", "ok then", "alright",
    "all right", "👍", "✅", "yes that would be great", "that would be great",
}
_DECLINE = {
    "no", "nope", "nah", "no thanks", "no thank you", "not now", "not yet", "don't",
    "dont", "do not", "never mind", "nevermind", "no need", "leave it", "cancel",
    "forget it", "don't file it", "dont file it", "no don't", "no dont", "not needed",
    "i'm fine", "im fine", "all good", "it's fine", "its fine", "no it's ok",
    "no its ok", "no it's fine", "👎", "❌",
    # The problem went away: nothing to file.
    "it's sorted", "its sorted", "it's fixed", "its fixed", "it's resolved", "its resolved",
    "sorted", "fixed", "fixed it", "i fixed it", "i've fixed it", "ive fixed it", "sorted it",
    "all sorted", "not needed anymore", "no longer needed", "it's fine now", "its fine now",
    "it's fixed now", "its fixed now", "it's sorted now", "its sorted now", "fixed now",
    "sorted now",
}
_EDIT = {
    "edit", "edit first", "edit it", "let me edit", "let me edit it", "add details",
    "let me add details", "let me add more", "i want to add details", "change it first",
    "edit it first", "add more details",
}
_OPENERS = re.compile(
    r"^(?:(?:ok(?:ay)?|yes|yeah|yep|sure|oh|um+|hm+|well|please|pls|plz|can you|could you|"
    r"never mind|nevermind|actually) )+"
)
_CLOSERS = re.compile(r"(?: (?:please|pls|plz|thanks|thank you|thx|ty|mate))+$")
_GOES_ON = re.compile(
    r"^(?:also|and|plus|btw|by the way|oh and|ps|p\.s|forgot to (?:say|mention)|"
    r"it'?s|it is|it was|it has|it keeps|it still|it only|it won'?t|it doesn'?t|it just|"
    r"it says|it said|the error|the message|error|i(?: have|'ve|ve)? (?:already )?tried|"
    r"ive (?:already )?tried|i already|already|still|since|tried|"
    r"i (?:try|tryed|trying|did try|restart|restarted|reboot|rebooted|reinstall|reinstalled))\b"
)
_NAMES_A_TICKET = re.compile(r"#\s*\d|\btickets?\s+#?\d")
MAX_DETAILS = 10
"""Lines added to one offer; after that a message is a message of its own."""
MAX_DETAIL_CHARS = 2000
"""Of one addition, kept in the conversation's state until the offer is taken or dropped."""
_ACKNOWLEDGED = {"ok", "okay", "k", "kk", "alright", "all right"}
_UNHELPFUL = {
    "didn't help", "didnt help", "did not help", "that didn't help", "that didnt help",
    "it didn't help", "it didnt help", "doesn't help", "doesnt help", "not helpful",
    "wasn't helpful", "wasnt helpful", "that wasn't helpful", "unhelpful", "useless",
    "didn't work", "didnt work", "did not work", "that didn't work", "that didnt work",
    "it didn't work", "it didnt work", "doesn't work", "doesnt work", "that doesn't work",
    "still not working", "still doesn't work", "still doesnt work", "still broken",
    "still the same", "same problem", "same issue", "no luck", "no joy", "tried that",
    "i tried that", "i already tried that", "already tried that", "not it", "that's not it",
    "thats not it", "not what i asked", "that's not what i asked", "wrong answer",
    "not what i meant", "that's not what i meant", "no that's wrong", "doesn't answer my question",
    "that doesn't answer my question", "no that didn't help", "nope didn't help",
    "nope didnt help", "nope didn't work", "nope", "👎",
}
"""What people say when an answer did not help ("nope" and 👎 only right after an answer
that found something; under an offer they decline it)."""
_NOT_HELPED = frozenset({
    "didnt help", "doesnt help", "didnt work", "doesnt work", "not working", "wasnt helpful",
    "isnt helpful", "not helpful", "unhelpful", "useless", "no help", "no good", "no use",
    "didnt answer my question", "doesnt answer my question", "didnt solve it", "doesnt solve it",
    "didnt fix it", "doesnt fix it", "didnt solve my problem", "doesnt solve my problem",
    "didnt fix my problem", "didnt fix the problem", "doesnt fix the problem", "not it",
    "not what i asked", "not what i meant", "not what i was asking", "not what i was asking for",
    "not what i was looking for", "not what i need", "not what i needed", "wrong answer",
    "tried that", "i tried that", "already tried that", "i already tried that",
    "i tried that already", "tried that already", "still not working", "still doesnt work",
    "still broken", "still the same", "same problem", "same issue", "no luck", "no joy",
    "still no luck", "still no joy", "didnt do anything", "made no difference", "makes no difference", "no difference",
    "didnt change anything", "nothing changed", "not the answer", "not the right answer",
    "wrong", "not right", "incorrect", "not useful", "wasnt useful", "isnt useful",
    "didnt help me", "doesnt help me", "tried all that", "tried all of that", "tried all that already",
    "i tried all that", "i tried all of that", "ive tried all that", "ive tried all of that",
    "did all that", "i did all that", "ive done all that", "done all that", "already did that",
    "i already did that", "did that already", "i did that already", "done that already",
    "i have tried all that", "i have done all that", "tried everything", "ive tried everything",
    "i tried everything", "tried those", "tried those already", "tried them all",
})
"""The same, as `_plain` leaves it: "that did not help at all", "this was not helpful",
"sadly it doesn't work for me", "your answer didn't really answer my question"."""
_SUBJECT = re.compile(
    r"^(?:(?:no|nope|sorry|hmm+|um+|well|but|unfortunately|sadly|afraid|ok|okay|nah) )*"
    r"(?:(?:that|this|it|thats|its|thiss|which|the answer|your answer|the article|the doc|"
    r"the document|the guide|the steps|those steps|these steps|those|these|the link|the tip)"
    r"(?: (?:is|was|has been))? )?")
_FILLER = re.compile(
    r" (?:really|at all|even|unfortunately|sadly|either|though|honestly|much|for me|"
    r"im afraid|i am afraid|quite|exactly|at all sorry|sorry|tbh|lol|mate)\b")
_CONTRACTED = (("did not", "didnt"), ("does not", "doesnt"), ("do not", "dont"),
               ("has not", "hasnt"), ("that is", "thats"), ("it is", "its"))
"""("is not" stays: "that is not what I asked" is "that's" and "not what I asked".)"""


def _plain(said: str) -> tuple[str, str]:
    """`said` (lower case, punctuation gone) without apostrophes, contractions spelled one
    way and softening words, as it is and without its opening subject: "that did not
    really help" → "didnt help"."""
    plain = said.replace("'", "")
    for spelled, contracted in _CONTRACTED:
        plain = re.sub(rf"\b{spelled}\b", contracted, plain)
    plain = _FILLER.sub("", plain).strip()
    return plain, _SUBJECT.sub("", plain).strip()

_PUNCTUATION = re.compile(r"[\s.!?,;:…]+")


def offer_reply(text: str) -> OfferReply | None:
    """"yes please" → TAKE, "no thanks" → DECLINE, "edit first" → EDIT; None: not a reply.

    Only a short message that is one of these as a whole counts: "yes, but my printer
    is broken too" is a new message, not an answer.
    """
    said = _PUNCTUATION.sub(" ", text.lower().replace("’", "'")).strip()
    if not said or len(said) > 60:
        return None
    bare = _CLOSERS.sub("", said)
    if bare != said and bare in _ACKNOWLEDGED:
        return None  # "ok thanks": the answer was read, not a ticket asked for
    for candidate in dict.fromkeys((said, bare, _OPENERS.sub("", said), _OPENERS.sub("", bare))):
        if candidate in _DECLINE:
            return OfferReply.DECLINE
        if candidate in _EDIT:
            return OfferReply.EDIT
        if candidate in _TAKE:
            return OfferReply.TAKE
    return None


def unhelpful(text: str) -> bool:
    """"that didn't help", "still not working", "not what I asked", "none of that helped",
    "tried all that, still not working": the answer just given did not help (as its "Not
    helpful" button says), the problem perhaps told again after it."""
    return _unhelpful(text) or still_after_unhelpful(text) is not None


def still_after_unhelpful(text: str) -> str | None:
    """The problem told again after saying the answer did not help ("that didn't work, I
    still can't print": "I still can't print"), for the ticket on offer; None for any other
    message."""
    parts = _STILL_AFTER.fullmatch(" ".join(text.split()))
    if parts is None or not _unhelpful(parts["remark"]):
        return None
    return parts["still"].strip()


_STILL_AFTER = re.compile(
    r"(?P<remark>[^,.;:!?]{2,60}?)(?:\s*[,.;:!]+\s*|\s+(?:and|but|so)\s+|\s+-+\s+)"
    r"(?P<still>(?:(?:but|and|so)\s+)?(?:i|it|we|my\s+\w+|the\s+\w+)?\s*(?:still|cant|can't|can’t"
    r"|cannot|wont|won't|won’t|doesnt|doesn't|doesn’t|isnt|isn't|isn’t)\b.{1,160})",
    re.IGNORECASE | re.DOTALL)
"""A short remark, then the problem as it still is."""
_NONE_OF_IT = re.compile(
    r"(?:none of (?:that|this|these|those|it|them|the above|the steps|your suggestions)"
    r"|nothing(?: there| here| in there| in it)?|neither)"
    r" (?:helped|helps|worked|works|fixed it|did anything|made (?:a|any) difference|did it)")
""""none of that helped", "nothing there worked": the answer's every suggestion tried."""


def _unhelpful(text: str) -> bool:
    said = _PUNCTUATION.sub(" ", text.lower().replace("’", "'")).strip()
    if not said or len(said) > 60:
        return False
    if said != "👎":  # other emoji only colour the words ("no luck 😕")
        said = " ".join("".join(ch for ch in said if ch.isalnum() or ch in " '").split())
    bare = _CLOSERS.sub("", said)
    return any(candidate in _UNHELPFUL for candidate in (
        said, bare, _OPENERS.sub("", said), _OPENERS.sub("", bare),
        _OPENERS.sub("", said.removeprefix("no ").removeprefix("sorry ")),
    )) or any(plain in _NOT_HELPED for plain in _plain(bare)) or bool(
        _NONE_OF_IT.fullmatch(_plain(bare)[1]))


_ASKS_FOR_A_TICKET = re.compile(
    r"\b(?:log|file|raise|open|create|make|submit|start|put in|lodge)\b(?: \w+){0,3} "
    r"(?:ticket|request|case|incident)\b|\b(?:log|file|raise|report) (?:it|this|that)\b"
    r"|\b(?:turn|put) (?:it|this|that) in(?:to)? (?:a |an )?(?:ticket|request|case|incident)\b"
    r"|^ticket (?:it|this|that)\b|\bnew (?:ticket|request|case|incident) (?=for (?:it|this|that)\b)"
    r"|\b(?:log|file|raise|open|create|make|submit|start) one (?=for (?:it|this|that)\b)")
_POINTING_BACK = frozenset({"it", "this", "that"})


def asks_for_a_ticket(text: str) -> bool:
    """A short message that asks outright for the problem to be filed ("yes please log a
    ticket", "can you raise a ticket for this?", "that didn't work, can you log a ticket"),
    as pressing "Create a ticket" does; not "yes" or "ok", which answer no question after an
    answer that helped."""
    return _ticket_asked(text) is not None


def asks_for_a_ticket_for_it(text: str) -> bool:
    """An outright ask for a ticket that points back for its subject ("make a ticket for
    it", "can you raise that as a ticket", "ok file it"): "it" is what was last asked, not
    the title; "make a ticket" or "log a ticket please" name nothing to file."""
    return _ticket_asked(text) is not None and not _POINTING_BACK.isdisjoint(
        _PUNCTUATION.sub(" ", text.lower()).split())


def not_helped_then_asks(text: str) -> bool:
    """"that didn't work, can you log a ticket", "no luck. please raise a ticket": the answer
    did not help, said before the ask (rated as its "Not helpful" button does)."""
    return bool(_ticket_asked(text))


def _ticket_asked(text: str) -> str | None:
    """The words said before an outright ask for a ticket, when they are only the ask's
    own ("" for "yes please log a ticket") or say the answer did not help ("that didnt
    work"); None when the message asks no ticket, or asks one for something else ("… a
    ticket for my printer")."""
    said = " ".join(_PUNCTUATION.sub(" ", text.lower().replace("’", "'")).split())
    found = _ASKS_FOR_A_TICKET.search(said) if 0 < len(said) <= _LONGEST_ASK else None
    if found is None or mentions_ticket_number(said) or _NAMES_A_TICKET.search(said):
        return None
    if not all(word in _AROUND_THE_ASK for word in said[found.end():].split()):
        return None
    before = said[:found.start()].split()
    while before and before[-1] in _AROUND_THE_ASK | _JOINING:
        before.pop()  # "…, so can you please"
    if not before or all(word in _AROUND_THE_ASK for word in before):
        return ""
    remark = " ".join(before)
    return remark if len(remark) <= _LONGEST_REMARK and unhelpful(remark) else None


_AROUND_THE_ASK = frozenset(
    "yes yeah yep ok okay sure actually please pls plz can could would you u just then in that"
    " case for this that it me about the issue problem instead now thanks thank thx a one"
    " from of out".split())  # "create ticket from this", "make a ticket out of this"
_JOINING = frozenset({"so", "and", "but", "then", "pls", "please"})
_LONGEST_REMARK = 60
"""As `unhelpful` reads a remark: longer, it is a message of its own."""
_LONGEST_ASK = 100
"""A remark and the ask: "that didn't help at all, can you please raise a ticket for me"."""


def goes_on(text: str) -> bool:
    """Whether a message adds to the problem just told rather than asks something new:
    "it's urgent", "also the screen flickers", "I already tried restarting".

    Courtesy is not a detail: "it's working now, thanks" says the problem went away."""
    said = " ".join(text.lower().replace("’", "'").split())
    return (
        _GOES_ON.match(said) is not None
        and not said.endswith("?")
        and offer_reply(said) is None
        and courtesy(said) is None
        and not mentions_ticket_number(said)
        and _NAMES_A_TICKET.search(said) is None
        and _GONE.search(said) is None
    )


_GONE = re.compile(r"\b(?:works?|working|fixed|sorted|solved|fine|ok|okay) (?:now|again)\b")
""""i restarted it, works now": the problem went away, no detail of it."""


@dataclass(frozen=True, slots=True)
class AskedAssistant:
    """The message last taken to the help assistant in this conversation, and when."""

    message: str
    asked_at: datetime
    details: tuple[str, ...] = ()
    """What the person added after the answer, to go into the ticket's description."""
    unhelpful: bool = False
    """They said the answer did not help: the ticket is on offer though it found something."""
    follows: str | None = None
    """The problem asked about just before, which this message went on about ("i tried
    restarting, still not working"): a ticket filed from it is titled with that problem."""

    def gone_on(self, text: str, *, now: datetime) -> str | None:
        """The problem the message after this one goes on about ("I tried restarting, still
        not working"), when this one was lately asked: this message's own, or the one it
        went on about in turn."""
        if not goes_on(text) or now - self.asked_at > OFFER_WINDOW:
            return None
        return self.follows or self.message

    def adding(self, detail: str) -> AskedAssistant | None:
        """With `detail` added; None when the offer already holds `MAX_DETAILS`."""
        if len(self.details) >= MAX_DETAILS:
            return None
        kept = detail.strip()[:MAX_DETAIL_CHARS]  # the description is trimmed to less anyway
        return replace(self, details=(*self.details, kept))

    def offer(self, answered: Exchange | None = None) -> TicketOffer | None:
        """The ticket on offer: the message's first line the title, everything the
        description; when its `answered` exchange was a follow-up, under the question it
        followed."""
        follows = followed_topic(answered) if answered is not None and (
            answered.question == as_stored(self.message)) else None
        follows = follows or self.follows
        return ticket_offer("\n".join((self.message.strip(), *self.details)), follows=follows)

    def encode(self) -> str:
        # Kept as one string: a plain value the turn state stores without flattening.
        return json.dumps({"message": self.message, "asked_at": self.asked_at.isoformat(),
                           "details": list(self.details), "unhelpful": self.unhelpful,
                           "follows": self.follows})

    @classmethod
    def decode(cls, stored: object) -> AskedAssistant | None:
        """None for nothing stored, or state this version cannot read."""
        if not isinstance(stored, str):
            return None
        try:
            data = json.loads(stored)
            details = data.get("details", [])
            if not isinstance(details, list):
                return None
            follows = data.get("follows")
            return cls(str(data["message"]), datetime.fromisoformat(data["asked_at"]),
                       tuple(str(detail) for detail in details),
                       unhelpful=data.get("unhelpful") is True,
                       follows=follows if isinstance(follows, str) and follows else None)
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def answering(self, exchange: Exchange | None, *, now: datetime) -> bool:
        """Whether the answer to this message is still being worked out: no exchange
        stored for it yet, lately asked (a "yes" typed before the card came)."""
        asked_for = exchange is not None and exchange.question == as_stored(self.message)
        return not asked_for and now - self.asked_at <= ANSWER_WAIT

    def answered(self, exchange: Exchange | None, *, now: datetime) -> bool:
        """Whether the assistant's stored answer to this message came, lately (found or not)."""
        return (exchange is not None and exchange.question == as_stored(self.message)
                and now - self.asked_at <= OFFER_WINDOW)

    def stands(self, exchange: Exchange | None, *, now: datetime) -> bool:
        """Whether the assistant's stored answer to this message found nothing, or did not
        help, lately."""
        return (
            exchange is not None
            and exchange.question == as_stored(self.message)
            and now - self.asked_at <= OFFER_WINDOW
            and (self.unhelpful or not split_sources(exchange.answer).citations)
        )
