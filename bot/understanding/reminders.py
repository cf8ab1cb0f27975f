"""Asked to be reminded: "remind me about 42 tomorrow", "ping me when 145 is fixed".

The bot sets no reminders of its own. What reminds people in TicketFlow is a due date (its
holder is reminded once it is due within a day and when it is overdue) and the requester's updates (told
when someone else changes the status or comments), so a request for a reminder is read as
such, to be answered with those, never as a problem for the help assistant nor as the
condition ("when 145 is fixed") of a change.
"""

from __future__ import annotations

import re
from datetime import date

from bot.understanding.context import Conversation
from bot.understanding.message import DATE, NUMBER, REF, Message
from bot.understanding.requests import ReminderAsked

_WHO = r"(?:me|us|him|her|them|everyone|the team|[a-z]+(?: [a-z]+)?)"
_ASKED = (
    re.compile(  # "remind me about 42 tomorrow", "nudge sam on it friday", "remind alex tomorrow"
        rf"(?:remind|nudge|poke)(?! (?:\w+ )?(?:how|what|where|why|which|who|whether)\b)"
        rf"(?: {_WHO})?(?: again)?(?: .*)?"),
    re.compile(  # "set a reminder for 42", "can I get a reminder on it"
        r"(?:set|create|add|make|schedule|get|put|give me)(?: me| up)?(?: a| an)? reminders?"
        r"(?: (?:for|on|about|of|to|in) .*)?"),
    re.compile(r"reminders? (?:for|on|about|of) .*"),  # "reminder for 42 friday"
    re.compile(  # "ping sam about 42", "chase me on it tomorrow": not the requester's or a vendor's
        rf"(?:ping|chase|buzz)(?! (?:the )?(?:user|users|requester|customer|client|caller|vendor"
        rf"|supplier)\b) {_WHO} (?:about|on|re|regarding) (?:ticket |tkt )?(?:{REF}|{NUMBER}|\d{{1,12}})"
        r"(?: .*)?"),
    re.compile(  # "ping me when 145 is fixed", "let me know once it is done"
        rf"(?:ping|notify|alert|message|text|dm|buzz|let) (?:me|us)(?: know)?"
        rf" (?:when|once|as soon as|if)(?: {REF}| {NUMBER})"
        r" (?:\w+ ){0,3}?(?:is |gets |has been |was |got )?(?:\w+ )?"
        r"(?:fixed|done|resolved|closed|sorted|solved|ready|finished|updated|changed|assigned"
        r"|picked up|working|moves|moved|back)(?: .*)?"),
)


def reminder_asked(
    message: Message, conversation: Conversation, start: int, end: int
) -> ReminderAsked | None:
    """The reminder asked for in words `start:end`, with its ticket and day when said."""
    said = [word.text for word in message.words[start:end]]
    if not any(pattern.fullmatch(" ".join(said)) for pattern in _ASKED):
        return None
    ticket = next((found for index in range(start, end)
                   if message.words[index].text in (REF, NUMBER)
                   and (found := message.ticket(index)) is not None), None) or next(
        (conversation.number(int(word)) for index, word in enumerate(said)
         if word.isdecimal() and _names_a_ticket(said, index)), None)
    when = next((word.value for word in message.words[start:end]
                 if word.text == DATE and isinstance(word.value, date)), None)
    return ReminderAsked(ticket, when)


_ABOUT = frozenset({"about", "on", "for", "re", "regarding", "of", "with"})
_AFTER_IT = frozenset({DATE, "at", "on", "by", "in", "when", "once", "if", "please", "pls",
                       "again", "later", "tonight", "next", "this", "and"})


def _names_a_ticket(said: list[str], index: int) -> bool:
    """"remind me about 42 tomorrow": a bare number is read as a quantity first, and is the
    ticket only right after "about" (or "on", "for") with nothing it counts after it; "remind
    me at 5 tomorrow", "in 3 hours", "about the 2 laptops" name none."""
    return index > 0 and said[index - 1] in _ABOUT and (
        index + 1 == len(said) or said[index + 1] in _AFTER_IT)
