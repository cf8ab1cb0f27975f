"""Asked for what TicketFlow does not have: "link 4 to 5", "merge 4 into 5", "duplicate of
7", "cc sam on 4", "watch 12", "snooze 2 until monday", "approve 12", "split 12 in two".

TicketFlow's tickets have no links, no merging, no watchers, no snooze and no approval
(SCHEMA.md), so such an ask is read as what it is, to be answered with what can be done
instead (a comment naming the other ticket or the verdict, closing one with it, on hold, a
due date): never a problem for the
help assistant, which would offer to file it as a new ticket, and never a change guessed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.understanding.context import Conversation
from bot.understanding.message import DATE, MENTION, NUMBER, REF, Message, Word
from bot.understanding.requests import Lacking, NotInTicketFlow
from bot.understanding.words import BY_MISTAKE, CHANGE_VERBS, CHANGED_VERBS
from domain.numbering import TicketNumber

_T = r"(?:(?:my|the|our|this) )?(?:ticket |tkt |no |number )?T"  # a ticket as the patterns see it
_AND = r"(?:to|with|and|&|\+|n|onto|into|under)"
_WHO = r"(?:me|us|him|her|them|M|[a-z]+(?: [a-z]+)?)"
_LINK = (
    rf"(?:link|lnk|linke|relate|connect|associate|tie)(?: up)?(?: together)? {_T}"
    rf"(?: (?:up|together))? {_AND} {_T}(?: .*)?",
    rf"{_T}(?: is| are|s)? (?:related|linked|connected|tied) (?:to|with) {_T}(?: .*)?",
    rf"{_T}(?: is| s)? (?:blocked by|blocking|blocks|depends on|dependent on|waiting on ticket)"
    rf" {_T}(?: .*)?",
    rf"(?:make|add|set|mark|put) {_T} (?:as )?(?:an? )?(?:child|parent|sub ?task|subticket)"
    rf" (?:of|to|under|for) {_T}(?: .*)?",
    rf"{_T}(?: is| s)? (?:an? )?(?:child|parent|sub ?task|subticket) (?:of|to) {_T}(?: .*)?",
)
_MERGE_VERB = r"(?:merge|mrege|merg|merget|combine|consolidate)"
_DUPLICATE = r"(?:duplicate|dupe|dup|duplicat|dupl)"
_MERGE = (
    rf"{_MERGE_VERB} {_T} {_AND} {_T}(?: .*)?",
    rf"(?:mark|set|flag) {_T} (?:as )?(?:an? )?{_DUPLICATE} (?:of|to) {_T}(?: .*)?",
    rf"(?:.* )?{_T} (?:is |s )?(?:an? )?(?:{_DUPLICATE}) (?:of|to) {_T}(?: .*)?",
    rf"{_T} duplicates {_T}(?: .*)?",
    rf"{_T} (?:and|&) {_T} (?:are|r) (?:duplicates|dupes|dups|the same(?: \w+)?)(?: .*)?",
)
_MERGE_THEM = rf".*\b{_MERGE_VERB} (?:them|these|those|both|the two|these two|those two)\b.*"
_SHOWN_DUPLICATE = (  # "duplicate of 60", "this is a dup of 65": the ticket in view
    rf"(?:(?:this|it|that)(?: one| ticket)? (?:is |s )?)?(?:an? |just an? )?{_DUPLICATE}"
    rf" (?:of|to) {_T}(?: .*)?",
)
_WATCH = (
    rf"(?:watch|follow|subscribe(?: me)?(?: to)?|keep an eye on|track) {_T}(?! up\b)(?: .*)?",
    rf"(?:cc|loop|keep) {_WHO} (?:in )?(?:the loop )?(?:on|in on|in|about|for) {_T}(?: .*)?",
    rf"(?:cc|loop in|bcc) {_WHO} (?:on|in|to) {_T}(?: .*)?",
    rf"(?:add|put|make) {_WHO} (?:as )?(?:an? |to the |on the )?(?:watchers?|followers?|cc|cc list"
    rf"|watch list|watchlist|subscribers?)(?: list)? (?:on|to|of|for) {_T}(?: .*)?",
    rf"(?:add|put) {_WHO} (?:to|on) the (?:watchers?|followers?|cc|watch|subscribers?)"
    rf"(?: list)?(?: (?:on|of|for) {_T})?(?: .*)?",
)
_SPLIT = (  # "split 12 into two tickets", "break 12 up into 3", "12 should be split"
    rf"(?:split|splitt|spilt|splt)(?: up)? {_T}(?: up)?(?: (?:in|into|to|across) .+)?",
    rf"(?:break|divide|separate|seperate|chop|cut)(?: up)? {_T}(?: up)? (?:in|into|to) .+",
    rf"{_T}(?: (?:should|needs to|must|could|can))? (?:be |get )?split(?: (?:up|in|into|to) .+)?",
)
_SNOOZE = (
    rf"(?:snooze|snoze|snoooze|snoozing) {_T}(?: .*)?",
    rf"(?:hide|mute|park|shelve) {_T} (?:until|till|til) .*",
)
_OOPS = (r"(?:(?:oops|whoops|sorry|oh no|oh dear|uh oh|ah|argh|ugh|damn|dang|shoot|crap|my bad|my mistake"
         r"|wait|no),? )*")
_SORRY = r"(?: sorry| my bad| oops| lol| 🙈| 🤦| 🤦‍♂️| 🤦‍♀️)*"
_SORRY_SAID = _SORRY[:-1] + "+"
FACEPALMS = ("🤦", "🙈")
"""Emoji that say what is told was a mistake ("12 got closed 🤦")."""
_CHANGE = rf"(?:{'|'.join(CHANGE_VERBS)})"
_CHANGED = rf"(?:{'|'.join(CHANGED_VERBS)}|{_CHANGE})"
_IT = r"(?:that|it|this|that one|this one)"
_BY_MISTAKE = BY_MISTAKE
_ASKED = r"(?:(?:can|could|would) (?:you|u) |please |pls |plz |(?:oops|sorry|oh no|wait|no),? )*"
_THANKED = r"(?: (?:please|pls|plz|thanks|thx|asap|now))*"
_AS_IT_WAS = (r"(?:(?:to )?(?:how|what|the way) (?:it|tref|T) was|as (?:it|tref|T) was|to before"
              r"|to normal)")
_UNDO = (
    rf"{_ASKED}"
    r"(?:undo|undoe|revert(?! (?:back )?(?:on|about|regarding) )|reverse|roll ?back|take back)"
    r"(?: (?:that|this|it|everything|all (?:that|of that|of it)|the (?:last|previous) (?:change|edit|one|thing|update)s?"
    r"|my (?:last|previous) (?:change|edit|update)s?|what i (?:just )?did|the changes?|(?:the )?last (?:change|edit|update)"
    rf"|what (?:you|u) (?:just )?did))?(?: (?:on|to|for|of|in) {_T}| {_T})?{_THANKED}",
    # "change 12 back", "put it back the way it was": back to what it was, which is not said
    # ("put 4 back" alone reopens it, as the first tables read it)
    rf"{_ASKED}(?:change|set|switch|turn|flip|move|make|send) (?:{_T}|tref|{_IT}) back"
    rf"(?: (?:again|{_AS_IT_WAS}))?{_THANKED}",
    rf"{_ASKED}put (?:{_T}|tref|{_IT}) back {_AS_IT_WAS}{_THANKED}",
    rf"{_ASKED}(?:change|set|switch|turn|flip) back (?:{_T}|tref|{_IT}){_THANKED}",
    # "oops wrong ticket", "sorry, that was the wrong one": the change just made, taken back
    rf"{_OOPS}(?:that was |that s |thats |i (?:did|changed|picked|updated) )?(?:the |a )?wrong"
    rf" (?:ticket|one){_SORRY}",
    # "oops wrong person", "sorry, wrong team": the hand-over just made, taken back
    rf"{_OOPS}(?:that was |that s |thats |i (?:picked|chose|gave it to|assigned) )?(?:the |a )?"
    rf"wrong (?:person|guy|assignee|team|agent|queue){_SORRY}",
    rf"{_OOPS}(?:i |we )?(?:just )?(?:assigned|gave|sent|moved|passed) (?:{_T}|tref|{_IT}) to"
    rf" (?:the )?wrong (?:person|guy|team|agent|queue){_SORRY}",
    # "i closed the wrong ticket", "wrong ticket closed": a change said to be a mistake
    rf"{_OOPS}(?:i |we )?(?:just )?{_CHANGED} (?:the |a )?wrong (?:ticket|one)"
    rf"(?: on hold| to {_WHO}| as \w+)?{_SORRY}",
    rf"{_OOPS}(?:the )?wrong (?:ticket|one) (?:got |was )?{_CHANGED}{_SORRY}",
    rf"{_OOPS}(?:i |we )?(?:just )?(?:{_BY_MISTAKE} )?{_CHANGED} (?:{_T}|tref|{_IT})"
    rf"(?: on hold| to {_WHO}| as \w+)?(?: {_BY_MISTAKE}){_SORRY}",
    rf"{_OOPS}(?:i |we )?(?:just )?{_BY_MISTAKE} {_CHANGED} (?:{_T}|tref|{_IT})"
    rf"(?: on hold| to {_WHO}| as \w+)?{_SORRY}",
    # "12 was closed by mistake", "12 got closed, sorry": a mistake said; "12 was closed"
    # alone is news (an apology before it, or a facepalm: `reading._undone_if_a_mistake`)
    rf"{_OOPS}(?:{_T}|tref|{_IT}) (?:was |got |has been |s ){_BY_MISTAKE} {_CHANGED}"
    rf"(?: on hold| to {_WHO}| as \w+)?{_SORRY}",
    rf"{_OOPS}(?:{_T}|tref|{_IT}) (?:was |got |has been |s ){_CHANGED}"
    rf"(?: on hold| to {_WHO}| as \w+)? {_BY_MISTAKE}{_SORRY}",
    rf"{_OOPS}(?:{_T}|tref|{_IT}) (?:was |got |has been |s ){_CHANGED}"
    rf"(?: on hold| to {_WHO}| as \w+)?{_SORRY_SAID}",
    rf"{_OOPS}i (?:did not|didnt|didn t|never) (?:mean|want|intend) to (?:{_CHANGE}|do) (?:{_T}|tref|{_IT})"
    rf"(?: on hold| to {_WHO}| as \w+)?{_SORRY}",
)
_APPROVE = (
    rf"(?:(?:i |we )?(?:hereby )?(?:approve|approved|aprove|approving|sign off|signed off|signing off"
    rf"|okd|okayed|ok d|greenlight|green light|greenlit)(?: on)? {_T}"
    rf"|{_T}(?: is| s| has been)? (?:approved|signed off|greenlit|okd|okayed))"
    r"(?: (?:from my side|by me|on my side|please|pls|thanks|go ahead))*",
    rf"(?:(?:i |we )?(?:reject|rejected|decline|declined|deny|denied|not approved|refuse|refused)"
    rf" {_T}|{_T}(?: is| s| has been)? (?:rejected|declined|denied|not approved|refused))"
    r"(?: (?:from my side|by me|sorry|please|pls))*",
)
"""A ticket approved or turned down ("approve 12", "12 is approved", "reject 12"): TicketFlow
keeps no approval on a ticket, so the verdict is offered as a comment (never a status guessed)."""
_METRICS = (
    r"(?:(?:so |and |hey |hi )?(?:who|which (?:agent|person|one of us|tech|engineer))"
    r" (?:has |have |s |is )?(?:closed|resolved|fixed|solved|handled|done|finished|cleared)"
    r" (?:the )?most(?: tickets| cases| issues)?|(?:whos|who s|who is) (?:the )?(?:fastest|quickest"
    r"|slowest|best|top)"
    r"(?: (?:agent|person|tech|engineer|at closing|at resolving|at fixing))?|(?:top|best)"
    r" (?:agents?|performers?|closers?)|leaderboard)(?: (?:this|last) (?:week|month)| today)?",
    r"(?:(?:what|whats|what is) (?:the |our )?)?(?:average|avg|mean|median|typical)"
    r" (?:resolution|response|handling|close|closing|fix|turnaround) (?:time|times)"
    r"(?: (?:this|last) (?:week|month)| for .*)?",
    r"how long do (?:tickets|cases|issues|requests) (?:usually |normally |typically )?"
    r"(?:take|stay open)(?: to (?:close|resolve|fix|get fixed|get resolved))?(?: on average)?",
    r"(?:(?:what|whats|what is|show me|show) (?:the |our )?)?(?:sla|slas|mttr|mtta|kpi|kpis)"
    r"(?: (?:breaches|compliance|report|stats|numbers|figures|this week|this month))*",
)
"""Asked for figures TicketFlow does not keep: who closed the most, average resolution time,
SLA compliance. Never a word search ("who most") nor a help answer; what it can count is
offered instead (the week's summary, the workload)."""


_FILE_VERBS = frozenset({"attach", "attached", "attaching", "upload", "uploaded", "uploading"})
_GIVING_VERBS = frozenset({"add", "added", "send", "sent", "share", "shared", "include",
                           "included", "paste", "pasted", "post", "posted", "give", "put"})
_FILES = frozenset({
    "screenshot", "screenshots", "screengrab", "screencap", "screenshoot", "photo", "photos",
    "picture", "pictures", "pic", "pics", "image", "images", "file", "files", "attachment",
    "attachments", "log", "logs", "logfile", "video", "recording", "pdf", "snip", "printscreen",
})
_ADDER = frozenset({"i", "we", "me", "u", "you"})
_FILE_WITHIN = 5


def files_asked(words: list[str]) -> bool:
    """A file to go with a ticket, asked how or told done: "can I add a screenshot", "can i
    send you a photo of the error", "how do i attach the log", "I've attached a screenshot".
    The person adds it ("can you send me the vpn guide pdf" is something sent to them; "how
    do I take a screenshot" is how to make one), or attaching is named outright."""
    for at, word in enumerate(words):
        if word not in _FILE_VERBS and word not in _GIVING_VERBS:
            continue
        after = words[at + 1:at + 1 + _FILE_WITHIN]
        if not _FILES & set(after) and not (word in _FILE_VERBS and (
                not after or after[0] in ("it", "this", "that", "them", "tref", "to"))):
            continue
        if word in _FILE_VERBS:
            return True
        if after[:1] in (["me"], ["us"]) or not _ADDER & set(words[max(0, at - 3):at]):
            continue  # "send me the pdf": to them; "paste the log below": no one adding
        return True
    return False


def metrics_asked(core: str) -> bool:
    """The words (read, lower case, politeness left out) ask for figures TicketFlow does not
    keep (`_METRICS`)."""
    return _fits(_METRICS, re.sub(r"\btdate\b", "today", core.replace("?", "").strip()))


_CLOSING = re.compile(r"\b(?:close|closing|closed|resolve|resolving|resolved|cancel)\b")
"""Closing asked in the same words: done as asked, the duplicate its reason (a comment)."""
_SPAN = re.compile(r"\bfor (?:a|an|one|(?P<count>\d+)) (?P<unit>day|week|month)s?\b")
_UNTIL_FOR = {"day": 1, "week": 7, "month": 30}


def not_in_ticketflow(
    message: Message, conversation: Conversation, start: int, end: int
) -> NotInTicketFlow | None:
    """What words `start:end` ask for that TicketFlow lacks, with the tickets named; None
    when they ask nothing of the kind (a link to a guide, a merge conflict, "watch out")."""
    words = message.words[start:end]
    found = {i: value for i, word in enumerate(words) if (value := _ticket(
        word, words[i - 1].text if i else "", words[i + 1].text if i + 1 < len(words) else "",
        conversation))}
    said = " ".join("T" if i in found else "M" if word.text == MENTION else word.text
                    for i, word in enumerate(words))
    tickets = list(found.values())
    first = tickets[0] if tickets else None
    second = tickets[1] if len(tickets) > 1 else None
    if _fits(_UNDO, said) and len(tickets) <= 1:  # "i closed the wrong ticket" before below
        return NotInTicketFlow(Lacking.UNDO, first or conversation.last_ticket)
    if _CLOSING.search(said):
        return None  # "close 70 as a duplicate of 71", "126 and 127 are dupes, close both"
    if _fits(_LINK, said) and second is not None:
        return NotInTicketFlow(Lacking.LINK, first, second)
    if (_fits(_MERGE, said) and second is not None) or (
            re.fullmatch(_MERGE_THEM, said) and len(tickets) == 2):
        return NotInTicketFlow(Lacking.MERGE, first, second)
    if _fits(_SHOWN_DUPLICATE, said) and len(tickets) == 1:
        return NotInTicketFlow(Lacking.MERGE, conversation.last_ticket, first)
    if _fits(_WATCH, said) and len(tickets) <= 1:
        return NotInTicketFlow(Lacking.WATCH, first or conversation.last_ticket)
    if _fits(_APPROVE, said) and len(tickets) == 1:
        return NotInTicketFlow(Lacking.APPROVE, first, approved=not _fits(_APPROVE[1:], said))
    if _fits(_SPLIT, said) and len(tickets) == 1:
        return NotInTicketFlow(Lacking.SPLIT, first)
    if _fits(_SNOOZE, said) and len(tickets) == 1:
        return NotInTicketFlow(Lacking.SNOOZE, first, until=_until(message, conversation.today,
                                                                   start, end))
    return None


def _ticket(
    word: Word, before: str, after: str, conversation: Conversation
) -> TicketNumber | None:
    """A ticket typed, or a bare number right after the word relating it to another
    ("blocked by 43": after "by" a number is read as a quantity first), counting nothing
    ("blocked by 2 issues")."""
    if word.text == REF and before in ("how", "as", "way", "what") and after == "was":
        return None  # "change 12 back to how it was": the ticket as it was, no other one
    if word.text in (REF, NUMBER) and isinstance(word.value, TicketNumber):
        return word.value
    if word.text.isdecimal() and len(word.text) <= _DIGITS and before in _RELATING and (
            not after.endswith("s")) and after not in _COUNTED:
        return conversation.number(int(word.text))
    return None


_DIGITS = 6
_COUNTED = frozenset({"people", "more", "other", "of", "hours", "days", "weeks", "mins", "pm",
                      "am", "percent", "%", "x"})
_RELATING = frozenset({"by", "to", "of", "into", "with", "and", "on", "&", "+", "onto", "under"})


def _fits(patterns: tuple[str, ...], said: str) -> bool:
    return any(re.fullmatch(pattern, said) for pattern in patterns)


def _until(message: Message, today: date, start: int, end: int) -> date | None:
    """The day said ("until monday"), or a span from today ("for a week")."""
    said = next((word.value for word in message.words[start:end]
                 if word.text == DATE and isinstance(word.value, date)), None)
    if said is not None:
        return said
    span = _SPAN.search(" ".join(word.text for word in message.words[start:end]))
    if span is None or len(span["count"] or "") > _DIGITS:
        return None
    try:
        return today + timedelta(days=int(span["count"] or 1) * _UNTIL_FOR[span["unit"]])
    except OverflowError:
        return None  # "for 999999 months": past the calendar, no day to offer
