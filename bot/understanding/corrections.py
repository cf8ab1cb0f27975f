"""A request corrected inside its own message: "close 1, no wait, 2" is "close 2".

People type the way they talk, and take a slip back in the same breath: "close 1 — sorry,
I meant 2", "assign 4 to sam, no, to ann", "set 5 to high, actually urgent", "put 6 on hold,
scratch that, close it". The last request wins and the earlier one is dropped, never both
made. What follows the correction is read against the request it corrects: a ticket alone
replaces its ticket, a value ("urgent", "to ann") its value, a request of its own ("close
it") replaces it, with "it" the ticket the earlier request named.

A correction that says nothing readable ("close 1? no wait, let me check first") changes
nothing, when its words plainly take the request back ("no wait", "scratch that", "I
meant"); softer words ("actually", "sorry", "no" alone) count only before a ticket, a value
or a request, so "close 4, no rush" and "close 4, actually don't" are read as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.understanding.context import Conversation
from bot.understanding.message import ends_asking
from bot.understanding.requests import (
    AssignTicket, ChangeStatus, Clarify, CommentOnTicket, Declined, EditTicket, MeantAnother,
    ShowTicket, Understanding,
)
from bot.understanding.suggestions import COMMAND_VERBS
from bot.understanding.words import STATUS_VERBS, corrected
from domain.numbering import TicketNumber
from domain.tickets import TicketStatus

Reader = Callable[[str, Conversation], Understanding]

_STRONG = (  # the earlier request is taken back, whatever follows
    r"no+[\s,.!-]*wait|wait[\s,.!-]+no+|no+[\s,.!]+no+|nope|nah+|naw|scratch that|strike that"
    r"|forget that|ignore that|ignore the last bit|cancel that|never ?mind|nvm"
    r"|(?:(?:sorry|sry|soz|oops|whoops|my bad|correction|wait)[\s,.!-]*)?(?:i[\s,]+)?meant(?: to say)?"
    r"|(?:oops|whoops|my bad)(?:[\s,.!-]*sorry)?|correction|make that"
    r"|(?:on )?(?:second|2nd) thoughts?|on reflection"  # "give 12 to alex... on second thought i'll keep it"
    r"|(?:oh+|ah+)[\s,.!-]+(?:no+|wait|dear)"  # "close 1597 oh no sorry wrong one, 1598"
    r"|(?<!\bon )(?:hold|hang) on(?! to\b)|hold up|hold that thought|belay that|forget it"
    r"|(?:wait|just)? ?(?<!\bin )(?:a|one) (?:sec|second|moment|min|minute)s?"
    r"|(?:let me|(?:i )?(?:need|have|got) to) (?:double[ -]?)?check(?: first)?"  # "close 12 - hold on": not yet
)
_WEAK = (  # a correction only before a ticket, a value or a request
    r"no+|wait|actually|sorry|sry|soz|i mean|or rather|erm?|um+|uh+|hmm+"
)
_MARKER = re.compile(
    rf"(?:(?<=[\s,;.!?…])|(?<=[-–—]))(?P<marker>{_STRONG}|{_WEAK})(?![\w'’])[\s,;:.!?…\-–—]*",
    re.IGNORECASE)
_STRONG_WHOLE = re.compile(rf"(?:{_STRONG})", re.IGNORECASE)

_EDGES = re.compile(r"^[^\w#]+|[^\w]+$")  # punctuation and emoji around what is said instead
_MOST = 8  # corrections in one message read in turn; more is no slip, and left alone

_FILLER_FRONT = re.compile(
    r"^(?:(?:i meant|meant|i mean|to say|it'?s|it is|it was|it should be|should be|make it"
    r"|make that|the other one|the right one|the one i meant|wrong ticket|wrong one|sorry"
    r"|oops|i mean)[\s,:;.!-]+)+", re.IGNORECASE)
_FILLER_BACK = re.compile(
    r"(?:[\s,.!-]+(?:instead|then|pls|please|plz|sorry|thanks|thx|ty|is the one|is the right one"
    r"|was the one|i meant|i mean|my bad|oops))+[\s.!]*$", re.IGNORECASE)
_TICKET_ALONE = re.compile(
    r"^(?:(?:the|ticket|tkt|number|no\.?|nr|#)\s*)*#?(?:[a-z]{1,10}-\d{4}-)?\d{1,12}$",
    re.IGNORECASE)
_VERBS = frozenset(COMMAND_VERBS) | frozenset(STATUS_VERBS) | {
    "put", "make", "give", "send", "pass", "bump", "lower", "raise", "escalate", "park",
    "leave", "unassign", "reassign", "rename", "mark", "move", "set", "change", "update"}
_KEPT = re.compile(  # "…, on second thought i'll keep it": the ticket kept as it is
    r"^(?:i'?ll|i will|i'?m going to|i'?m gonna|gonna|let me|let'?s|we'?ll|just)?\s*"
    r"(?:keep|leave|hold on to|hang on to) (?:it|this|that|this one|that one)\b", re.IGNORECASE)
_EDITED = ("priority", "category", "due")
_SAID_AS = {"priority": "priority", "category": "category", "due": "due date"}


@dataclass(frozen=True, slots=True)
class _Part:
    marker: str
    said: str

    @property
    def strong(self) -> bool:
        return _STRONG_WHOLE.search(self.marker) is not None


def self_corrected(text: str, conversation: Conversation, read: Reader) -> Understanding | None:
    """The request a message settles on after correcting itself, or None when it does not
    correct itself (or corrects something other than a ticket change: a comment's or a new
    ticket's own words are theirs, never read for a slip)."""
    parts = _parts(text)
    if parts is None:
        return None
    first, corrections = parts
    settled = read(first, conversation)
    if _ticket_of(settled) is None:
        return None
    if not corrections:  # "close 4, scratch that", "close 4 nvm": taken back, nothing instead
        return Declined(_ticket_of(settled), text.strip())
    for part in corrections:
        again = _corrected(settled, part.said, conversation, read, strong=part.strong)
        if again is None:
            return Declined(_ticket_of(settled), text.strip()) if part.strong else None
        settled = again
    return settled


def _parts(text: str) -> tuple[str, list[_Part]] | None:
    found = list(_MARKER.finditer(text))
    if not found or len(found) > _MOST:
        return None
    first = text[:found[0].start()].strip(" ,;:-–—…")
    if not first or not any(ch.isdigit() for ch in first) and " it" not in f" {first.lower()}":
        return None  # "no wait, assign it to me instead": a correction of the turn before
    parts: list[_Part] = []
    taken_back = ""  # "actually no, to ann": markers with nothing between are one
    for marker, following in zip(found, [m.start() for m in found[1:]] + [len(text)]):
        said = _EDGES.sub("", text[marker.end():following])
        part = _Part(f"{taken_back} {marker['marker']}" if taken_back else marker["marker"], said)
        taken_back = "" if said else part.marker
        if said:
            parts.append(part)
    if taken_back and not parts and not _STRONG_WHOLE.search(taken_back):
        return None  # "close 4, sorry": no correction at all
    return first, parts


def _ticket_of(found: Understanding) -> TicketNumber | None:
    """The one ticket a request a slip may correct is about: a show, a status, an
    assignment, or a priority, category or due date (titles and descriptions are the
    person's own words)."""
    match found:
        case ShowTicket(history=False) | ChangeStatus() | AssignTicket():
            return found.ticket
        case EditTicket() if _edited(found):
            return found.ticket
        case Clarify(request=AssignTicket() | ChangeStatus() as request):
            return request.ticket
        case Clarify(request=EditTicket() as edit) if edit.title is None and (
                edit.description is None):
            return edit.ticket
    return None


def _edited(edit: EditTicket) -> frozenset[str]:
    if edit.title is not None or edit.description is not None:
        return frozenset()
    return frozenset(name for name in _EDITED if getattr(edit, name) is not None)


def _corrected(
    settled: Understanding, said: str, conversation: Conversation, read: Reader, *, strong: bool
) -> Understanding | None:
    """What `settled` becomes when `said` corrects it; None when `said` is no correction.
    After softer words only a request complete as said is one ("assign 4 to sam, no rush"
    asks nobody who "rush" is)."""
    if _KEPT.match(_FILLER_FRONT.sub("", said.strip())):  # "close 12 - sorry, keep it open"
        return Declined(_ticket_of(settled), said)
    found = _correcting(settled, said, conversation, read)
    if isinstance(found, Clarify) and (isinstance(found.request, ChangeStatus) or isinstance(
            found.request, EditTicket) and found.field is not None):
        return None  # "close 4, never mind the noise": "the noise" is no status to ask about
    if strong or not isinstance(found, (Clarify, Declined)):
        return found
    unread = not conversation.directory and isinstance(found, Clarify) and isinstance(
        found.request, AssignTicket)  # who "ann" is: read again with the people
    return found if unread else None


def _correcting(
    settled: Understanding, said: str, conversation: Conversation, read: Reader
) -> Understanding | None:
    ticket = _ticket_of(settled)
    assert ticket is not None
    said = _EDGES.sub("", _FILLER_BACK.sub("", _FILLER_FRONT.sub("", said.strip())))
    if not said:
        return None
    if _TICKET_ALONE.fullmatch(said):
        return _on_another(settled, said, conversation, read)
    if corrected(said.split()[0].lower()) in _VERBS:  # "scratch that, close it"
        found = read(said, replace(conversation, last_ticket=ticket))
        if _ticket_of(found) is None and len(said.split()) == 1:  # "close 12, I mean resolve"
            found = read(f"{said} it", replace(conversation, last_ticket=ticket))
        if isinstance(found, Declined) and found.ticket is None:  # "close 12, no wait, leave it"
            return replace(found, ticket=ticket)
        return found if _ticket_of(found) is not None or isinstance(found, Declined) else None
    return _value_of(settled, ticket, said, conversation, read)


def _on_another(
    settled: Understanding, said: str, conversation: Conversation, read: Reader
) -> Understanding | None:
    """"close 1, no wait, 2": the same request of the ticket said instead."""
    ticket = _ticket_said(said, conversation, read)
    if ticket is None:
        return None
    match settled:
        case ShowTicket() | ChangeStatus() | AssignTicket() | EditTicket():
            return replace(settled, ticket=ticket)
    return None  # a question about the first ("which Lee?") is not asked of the second


def _value_of(
    settled: Understanding, ticket: TicketNumber, said: str, conversation: Conversation,
    read: Reader,
) -> Understanding | None:
    """"set 5 to high, actually urgent", "assign 4 to sam, no, to ann": the value said
    instead, of the same field, on the same ticket."""
    request = settled.request if isinstance(settled, Clarify) else settled
    match request:
        case AssignTicket():
            found = read(f"assign {ticket} {said}" if said.lower().startswith("to ")
                         else f"assign {ticket} to {said}", conversation)
            asked = found.request if isinstance(found, Clarify) else found
            return found if isinstance(asked, AssignTicket) and asked.ticket == ticket else None
        case ChangeStatus():
            found = read(f"set {ticket} to {said}", conversation)
            return found if isinstance(found, ChangeStatus) and found.ticket == ticket and (
                found.status is not None) else None
        case EditTicket() if len(fields := _edited(request)) == 1:
            (field,) = fields
            found = read(f"set the {_SAID_AS[field]} of {ticket} to {said}", conversation)
            edit = found.request if isinstance(found, Clarify) else found  # a day past: asked
            return found if isinstance(edit, EditTicket) and edit.ticket == ticket and (
                _edited(edit) == fields) else None
    return None


_NOT_THAT_TICKET = re.compile(
    r"[\s,;-]+(?:and\s+|but\s+)?not\s+(?:ticket\s+|tkt\s+|#)?(?:[a-z]{1,10}-\d{4}-)?\d{1,12}"
    r"[\s.!]*$", re.IGNORECASE)
_TAIL_READ = 64
"""Characters at a message's end searched for "not 2": the denial is its last words, and a
search over the whole message would cost its length times its number of "not"s."""


def without_the_other_ticket(text: str) -> str:
    """"close 3, not 2", "assign 5 to sam not 4": the request of the ticket said, and the
    other ticket, named only to be left alone, left out (it was read as "don't")."""
    begin = max(0, len(text) - _TAIL_READ)
    said = _NOT_THAT_TICKET.search(text, begin)
    if said is None or said.start() == begin and begin > 0:
        return text  # the denial runs on before what is read: no "not 2" alone at the end
    before = _without_the_one_denied(text[:said.start()], said[0])
    return before if before is not None and any(ch.isdigit() for ch in before) else text


def _without_the_one_denied(before: str, denial: str) -> str | None:
    """"close 12 and 13, not 13": "close 12"; the ticket denied taken out of the tickets said
    (all were closed), with the word that joined it. None when it is the only one said
    ("close 12, not 12": which is meant is not guessed)."""
    number = re.findall(r"\d+", denial)[-1].lstrip("0") or "0"
    typed = rf"(?<![\w-])(?:ticket\s+|tkt\s+|#)?0*{number}(?![\w-])"
    joined = re.compile(rf"(?:\s*,\s*|\s+(?:and|&)\s+|\s*,\s*and\s+){typed}", re.IGNORECASE)
    if (after := joined.sub("", before, count=1)) != before:
        return after
    after = re.sub(rf"{typed}(?:\s*,\s*|\s+(?:and|&)\s+)", "", before, count=1, flags=re.IGNORECASE)
    return None if after == before and re.search(typed, before, re.IGNORECASE) else after


_LEAD = (r"^\W*(?:(?:sorry|sry|soz|oops|whoops|my bad|no|nope|nah|ah|argh|ugh|doh|wait|oh|uh"
         r"|um|hmm)\b[\W_]*)*")
_REF = r"(?:ticket\s+|tkt\s+|number\s+|no\.?\s*|#)?(?:[a-z]{1,10}-\d{4}-)?\d{1,12}"
_MEANT_SAID = (r"(?:(?:i\s+)?meant(?:\s+to\s+say)?|i\s+mean|it'?s|it\s+is|it\s+was|it\s+should\s+be"
               r"|should\s+be|(?:it\s+)?should\s+have\s+been|(?:it\s+)?should'?ve\s+been"
               r"|(?:do|make\s+it)\s+(?:it\s+)?(?:to|on|for)|do\s+it\s+(?:to|on|for))\s+")
_TAIL = r"(?:[\s,.!-]*(?:sorry|sry|pls|please|plz|thx|thanks|instead|my bad|oops|then))*[\W_]*$"
_MEANT = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
    # "sorry not 116, i meant 117", "not 2, 3", "no not 2 - it should be 3"
    rf"{_LEAD}not\s+(?P<wrong>{_REF})[\s,;:.!-]+(?:but\s+)?(?:{_MEANT_SAID})?(?P<meant>{_REF}){_TAIL}",
    # "oops, wrong ticket, I meant 3", "wrong one - 3 not 2"
    rf"{_LEAD}(?:that\s+was\s+the\s+|that'?s\s+the\s+)?wrong\s+(?:ticket\s+(?:number|no\.?|#)|ticket|one"
    rf"|number|tkt)(?:[\s,;:.!-]*(?:sorry|sry|soz|oops|my\s+bad)\b)?[\s,;:.!-]*"
    rf"(?:{_MEANT_SAID})?(?P<meant>{_REF})(?:[\s,]+not\s+(?P<wrong>{_REF}))?{_TAIL}",
    # "no, the other one: 3"
    rf"{_LEAD}(?:i\s+meant\s+)?the\s+other\s+one[\s,;:.!-]*(?:{_MEANT_SAID})?(?P<meant>{_REF}){_TAIL}",
    # "i meant 3", "meant 3 not 2", "should have been 3", "i meant to say 3"
    rf"{_LEAD}(?:i\s+meant|meant|(?:it\s+)?should\s+have\s+been|(?:it\s+)?should'?ve\s+been)"
    rf"(?:\s+to\s+say)?\s+(?P<meant>{_REF})(?:[\s,]+not\s+(?P<wrong>{_REF}))?{_TAIL}",
    # "no wait, 3", "sorry typo, 3", "correction: it's 3 not 2": a ticket alone after words
    # that take a slip back ("no, 3" and "sorry, 3" alone are as any ticket said); asked
    # ("no wait, 3?"), whether 3 is meant, not told
    rf"^(?![\s\S]*\?[\W_]{{0,8}}$){_LEAD}(?:no+[\s,.!-]*wait|wait[\s,.!-]+no+|typo|correction)\b[\W_]*"
    rf"(?:{_MEANT_SAID})?"
    rf"(?P<meant>{_REF})(?:[\s,]+not\s+(?P<wrong>{_REF}))?{_TAIL}",
    # "sorry, 3 not 2": said after a word of sorry, never a bare "3 not 2"
    rf"\W*(?:sorry|sry|soz|oops|whoops|my bad|no|nope)\b[\W_]*(?:{_MEANT_SAID})?(?P<meant>{_REF})"
    rf"[\s,]+not\s+(?P<wrong>{_REF}){_TAIL}",
    # "actually make that 3 not 2", "make it 3 instead": another ticket, never "make that 3"
    rf"{_LEAD}(?:(?:actually|actualy|acutally|actully)\b[\W_]*)?make\s+(?:that|it)\s+"
    rf"(?P<meant>{_REF})(?:[\s,]+(?:not|instead\s+of|rather\s+than)\s+(?P<wrong>{_REF})"
    rf"|[\s,]+instead){_TAIL}",
))


_WRONG_CHANGE = (r"(?:close|resolve|reopen|start|assign|give|hold|put|set|make)\w*"
                 r"(?:\s+(?:it|that|this))?")
""""… not close": the change made by mistake, said after the one meant."""
_WRONG_ONE = (r"(?:(?:that\s+was\s+the\s+|that'?s\s+the\s+)?wrong\s+(?:one|person|button|choice"
              r"|thing|ticket|number)[\s,;:.!-]+)?")
""""oops wrong one, I meant give it to Mia": what was wrong, then what was meant."""
_MEANT_TO = re.compile(
    rf"{_LEAD}{_WRONG_ONE}(?:i\s+)?(?:meant|ment|mean't)\s+(?:(?P<to>to)\s+(?P<say>say\s+)?)?"  # "i meant give it to alex",
    r"(?!say\b|ask\b|tell\b|mention\b)(?P<said>.+?)"  # "meant to say resolve 3"
    rf"(?:[\s,]+not\s+(?:(?P<wrong>{_REF})|(?:to\s+)?{_WRONG_CHANGE}))?{_TAIL}", re.IGNORECASE)
_EARLIER = re.compile(
    r"[\s,;.-]+(?:yesterday|earlier|before|last\s+\w+|this\s+morning|the\s+other\s+day"
    r"|(?:on|by)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|\w+\s+(?:days?|weeks?|hours?)\s+ago"
    r"|ages\s+ago|but|and\s+forgot|then\s+forgot)\b.*$", re.IGNORECASE | re.DOTALL)
"""What makes "i meant to close 3" something once meant and not done: a time gone by
("yesterday", "last week"), or a "but" ("… but forgot", "… but the user asked me to wait")."""


_SAID_MOST = 200
"""Characters of a change said after a bare "i meant" or "meant to say" that are read as a
change: a whole message of "i meant 3 " over and over is not read again for one."""


_TOO = (
    re.compile(rf"^\W*(?:(?:oh|ah|ok|okay)\W+)?(?:and|also|plus|\+|&)?\s*(?P<meant>{_REF})\s*"
               r"(?:too|as\s+well|aswell|also)(?:\s+(?:pls|please|plz|thx|thanks))*[\W_]*$",
               re.IGNORECASE),
    re.compile(rf"^\W*(?:(?:oh|ah|ok|okay)\W+)?(?:and\s+)?(?:(?:do\s+)?(?:the\s+)?same(?:\s+thing)?"
               rf"\s+(?:for|with|to|on)|ditto(?:\s+for)?|also|likewise(?:\s+for)?)\s+(?P<meant>{_REF})"
               r"(?:\s+(?:too|as\s+well|pls|please|plz|thx|thanks))*[\W_]*$", re.IGNORECASE),
)
"""Another ticket meant as well: "and 4 too", "4 as well", "same for 4", "ditto 4", "also 4"."""


_TOO_MOST = 80


def the_same_too(text: str, conversation: Conversation, read: Reader) -> MeantAnother | None:
    """"and 4 too", "same for 4": the change just made, of 4 as well (see `MeantAnother.too`)."""
    if len(text) > _TOO_MOST:
        return None  # "and 4 too" is short; a long run of blanks is tried in many splits
    said = next((found for pattern in _TOO if (found := pattern.fullmatch(text.strip()))), None)
    meant = _ticket_said(said["meant"], conversation, read) if said else None
    return MeantAnother(meant, too=True, asked=ends_asking(text)) if meant is not None else None


_ASKED_AT_THE_END = re.compile(r"\?[\W_]{0,8}$")
_ASKED_TAIL = 16


def meant_another(
    text: str, conversation: Conversation, read: Reader
) -> Understanding | None:
    """"sorry not 2, i meant 3", "oops, wrong ticket, I meant 3", "no, the other one: 3":
    another ticket than the one just acted on, said alone (what to do with it is what was
    just done, which the conversation knows, not the message). "I meant to close 3" says the
    change too; "i meant to close 3 yesterday" is something not done then (`earlier`).
    Asked ("i meant 13?", "i meant give it to sam?") it is whether 13 or sam was meant, as
    "no wait, 13?" is: never the change made again."""
    if _ASKED_AT_THE_END.search(text[-_ASKED_TAIL:]):
        return None
    if (to := _MEANT_TO.fullmatch(text.strip())) and (
            (plain := to["to"] and not to["say"]) or len(to["said"]) <= _SAID_MOST) and (
            (meant_to := _meant_to(to, conversation, read)) is not None or plain):
        return meant_to  # "i meant to ask, is 3 closed?": read as any message; "i meant
        # 3", "i meant to say 3" are the ticket meant (below)
    said = next((found for pattern in _MEANT if (found := pattern.fullmatch(text.strip()))),
                None)
    if said is None:
        return None
    meant = _ticket_said(said["meant"], conversation, read)
    wrong_said = said.groupdict().get("wrong")
    wrong = _ticket_said(wrong_said, conversation, read) if wrong_said else None
    if meant is None or meant == wrong:
        return None
    return MeantAnother(meant, wrong)


def _meant_to(
    said: re.Match[str], conversation: Conversation, read: Reader
) -> Understanding | None:
    """The change after "i meant to", whole and of one ticket, or None (read as any message:
    "i meant to ask, is 3 closed?" asks). A name read before the people are (`directory`)
    is the question that has them read, as for any assignment."""
    request = said["said"]
    earlier = _EARLIER.search(request)
    if earlier is not None:
        request = request[:earlier.start()]
    change = read(request, conversation)
    wrong = _ticket_said(said["wrong"], conversation, read) if said["wrong"] else None
    if _of_no_ticket_yet(change) and not said["wrong"]:
        return change  # "i meant give it to mia" while filing: what "give it to mia" is
    match change:
        case ChangeStatus(ticket=TicketNumber() as ticket, status=TicketStatus(), take=False):
            pass
        case AssignTicket(ticket=TicketNumber() as ticket, to=to) if to is not None:
            pass
        case Clarify(request=AssignTicket()) if not conversation.directory:
            return change
        case EditTicket(ticket=TicketNumber() as ticket) if change.has_changes:
            pass
        case CommentOnTicket(ticket=TicketNumber() as ticket, text=str()):
            pass
        case _:
            return None
    if ticket == wrong:
        return None
    return MeantAnother(ticket, wrong, change=change, earlier=earlier is not None)


def _of_no_ticket_yet(change: Understanding) -> bool:
    """A change of "it" with no ticket in view ("give it to mia" while a ticket is being
    filed): the change as if said alone, for the ticket being filed or asked which."""
    match change:
        case AssignTicket(ticket=None, to=to) if to is not None:
            return True
        case EditTicket(ticket=None) if change.has_changes:
            return True
    return False


def _ticket_said(ref: str, conversation: Conversation, read: Reader) -> TicketNumber | None:
    shown = read(f"show {ref}", conversation)
    return shown.ticket if isinstance(shown, ShowTicket) else None
