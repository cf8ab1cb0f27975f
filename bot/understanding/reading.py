"""Deterministic understanding: a message and its conversation in, one `Understanding` out.

Pure and fast (no I/O, no model): patterns over normalised words, where ticket references,
dates and @mentions are already single words (`tref`, `tnum`, `tdate`, `tment`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from difflib import get_close_matches
from datetime import date
from functools import cache
from itertools import pairwise

from bot.understanding.context import Conversation, Person
from bot.understanding.chased import chased
from bot.understanding.corrections import (
    meant_another, self_corrected, the_same_too, without_the_other_ticket,
)
from bot.understanding.courtesy import courtesy
from bot.understanding.letter import only_quoted, quoted, what_is_asked
from bot.understanding.deadline import due_said
from bot.understanding.disowned import Disowned, disowned
from bot.understanding.someone import someone_asked
from bot.understanding.sought import ticket_sought
from bot.understanding.lacking import FACEPALMS, files_asked, metrics_asked, not_in_ticketflow
from bot.understanding.lists import own_tickets, read_list
from bot.understanding.offered_days import two_days_offered
from bot.understanding.then_them import then_it, then_them
from bot.understanding.transcript import quoted_as_pasted
from bot.understanding.told_before import request_of_it, the_one_meant, tickets_told
from bot.understanding.message import (
    DATE, NUMBER, REF, TICKET_FIELDS, Message, Word, ends_asking, read_message, typed_text,
)
from bot.understanding.another_status import status_asked_after
from bot.understanding.asked import fact_asked, put_as_a_question
from bot.understanding.placing import Placed, addressee, place, place_after_ask
from bot.understanding.several import for_each, gather_tickets
from bot.understanding.requests import (
    Asked, AssignTicket, Both, Cancel, ChangeStatus, Choice, Clarify, CommentOnTicket, Courtesy, CreateTicket, Declined,
    EachListed, EachTicket, EditTicket, Fact, FreeText, Help, HowMuchLater, Lacking, ListScope,
    ListTickets, Nobody, NoOneNamed, NotInTicketFlow,
    Question, ShowTicket,
    SmallTalk,
    TeamTarget,
    Understanding, Unknown, UserTarget, Workload,
)
from bot.understanding.quiet import read_quiet
from bot.understanding.reminders import reminder_asked
from bot.understanding.suggestions import COMMAND_VERBS, suggest
from bot.understanding.stats import stats_asked
from bot.understanding.workload import workload_asked
from bot.understanding.targets import (
    TEAM_WORDS, Ambiguous, Found, NoSuchTarget, find_target, fits_nobody,
)
from bot.understanding.words import (
    CATEGORY_WORDS, CHANGE_VERBS, CHANGED_VERBS, PRIORITY_WORDS, REAL_WORDS, SEVERITY_WORDS,
    SPELLED_NUMBER, STATUS_VERBS, STATUS_WORDS, TYPED_TICKET, as_title, corrected, spelled_numbers,
)
from domain.numbering import TicketNumber
from domain.tickets import Category, Priority, TicketStatus

HELP = frozenset({
    "help", "commands", "what can you do", "what can i say", "what can i do", "menu", "options",
    "how does this work", "help me", "show help", "usage", "what do you do",
})
CANCEL = frozenset({
    "cancel", "stop", "quit", "never mind", "nevermind", "nvm", "forget it", "abort", "exit",
    "cancel that", "forget about it", "cancel it", "scratch that", "forget that", "ignore that",
    "start over", "start again", "lets start over", "let's start over", "begin again",
})
_HELP_ASKED = re.compile(  # "what can I do here", "what commands are there", "how do I use this"
    r"(?:so )?(?:what|which) (?:else )?(?:can|could|do|should) (?:you|i|we|(?:this|the) (?:bot|app)"
    r"|ticketflow|u) (?:do|say|ask|type|use)"
    r"(?: (?:here|with you|with this|with this bot|for me|now))?"
    r"|(?:what|which) (?:commands|options|things) (?:are there|do you (?:have|know|understand)"
    r"|can i (?:use|say|type)|are available|do you take)"
    r"|how (?:do|can|should) (?:i|we) (?:use|work) (?:this|you|this bot|the bot|ticketflow)(?: bot)?"
    r"|(?:show|give|tell) me (?:the |your |a list of )?(?:commands|options|what you can do)"
    r"|(?:i )?(?:need|want) (?:some )?help(?: with (?:this|you|this bot|the bot|ticketflow))?"
    r"|(?:what|how) (?:else )?(?:can|could|do) (?:you|u|(?:this|the) (?:bot|app)|ticketflow)"
    r" help(?: me| us)?(?: with)?(?: (?:here|today|exactly))?"  # "what can u help me with?"
    # lost: "huh?", "im confused", "I don't get it" (the help assistant offered to file them)
    r"|huh+|what|wut|wat|eh|come again|(?:i am |im )?(?:so |very |a bit |totally |completely )?"
    r"(?:confused|lost)|i (?:dont|do not|don t) (?:understand|get (?:tref|this|what to do)"
    r"|know what to do|know how (?:this|tref) works)(?: at all)?"
)
NO = frozenset({"no", "nope", "nah", "no thanks", "no thank you", "not now", "not yet", "n",
                "no way", "leave it", "leave it as it is", "keep it"})
_LEAD_TO_CALL_OFF = (r"(?:(?:actually|hmm+|hm|wait|ok|okay|erm|um|ah|oh|well|on (?:second|2nd)"
                     r" thoughts?|second thoughts?|thinking about it)[ ,.!-]+)*")
_THOUGHT_BETTER_OF = re.compile(
    rf"{_LEAD_TO_CALL_OFF}(?:(?P<kept>(?:just )?(?:leave|keep)) (?:it|that|this)(?: (?:as|at|on))?"
    r"(?: (?:is|it is|alone|like that|like this|for now|the same|then"
    r"|(?:low|medium|high|urgent)(?: priority)?|open|on hold|in progress))?"
    r"|(?:don'?t|don t|do not)(?: do (?:it|that))?|forget (?:it|that))")
"""A change called off after second thoughts ("on second thought leave it medium", "actually
keep it as is", "hmm, don't", "leave it as medium"): nothing changes. "leave it with me" is
no calling off."""
_ON_SECOND_THOUGHT = re.compile(
    r"(?:(?:on (?:second|2nd) thoughts?|second thoughts|thinking about it)[ ,.!-]+)+"
    r"(?P<rest>(?!(?:on (?:second|2nd) thoughts?|second thoughts|thinking about it)\b).+)")
"""A request after second thoughts ("on second thought make it urgent"): read alone."""
_WHEN_FREE = (  # "if you get a chance, close 12": no condition on the request, only politeness
    "possible", "you can", "you could", "you dont mind", "you are free", "convenient",
    "its convenient", "tref is convenient", "you get time", "you have time", "you find time",
    *(f"you {get} {a} {moment}" for get in ("get", "have", "find") for a in ("a", "some")
      for moment in ("chance", "sec", "second", "minute", "min", "moment", "mo", "tick")),
)
_GLAD_IF = tuple(  # "I'd appreciate it if you could reassign 27", "it would be great if you could"
    f"{glad} if you {can}" for glad in (
        "i would appreciate tref", "id appreciate tref", "i would be grateful", "id be grateful",
        "tref would be great", "would be great", "tref would be nice", "i would love tref",
        "id love tref", "i want that", "i would like that", "id like that")
    for can in ("could", "can", "would", "could please", "can please")
) + ("i want that you", "i would like that you", "id like that you")
_POLITE_START = (
    "please", "pls", "plz", "kindly", "hey", "hi", "hello", "ok", "okay", "so", "bot",
    "ticketflow", "yo", "um", "hmm", "alright", "also", "and", "then", "oh", "just", "quickly",
    "now", "right", "go ahead and", "sir", "madam", "maam", "mam", "i want to", "i need to", "i would like to", "id like to",
    "i wanna", "lets", "let us", "i want you to", "i need you to", "i would like you to",
    "can you", "could you", "would you", "will you", "can u", "could u", "would you mind",
    "would you please", "you can", "ok so", "help me", "help me to", "i have to", "i must",
    "thanks", "thank you", "thx", "cheers", "great", "cool", "perfect", "nice", "sure", "good",
    "ty", "tysm", "thnx", "thanx", "agreed", "noted", "understood", "fair enough", "makes sense",
    "np", "brb", "tbh", "btw", "imo", "afaik", "lol", "haha", "ticket flow",
    "please you", "pls you", "kindly you", "please can you", "please you can", "please you could",
    "morning", "good morning", "hey there", "hi there", "hiya", "hello there", "possibly",
    "please to", "kindly to", "pls to", "do the needful and", "do needful and",
    "do the needfull and", "do needfull and", "i want that", "then", "yes", "yeah", "yep",
    "would tref be possible to", "is tref possible to", "any chance you could", "any chance you can",
    "would you be able to", "could you possibly", "quick one", "quick question", "-", "–", "—",
    "do you mind", *_GLAD_IF, "yall can", "you all can", "you guys can", "u guys can", "u can",
    # leave given, as "you can close 12" is: "feel free to close 12", "ok to close 12"
    "you may", "u may", "feel free to", "do feel free to", "happy for you to", "you are free to",
    "ok to", "okay to", "fine to", "good to", "safe to",
    "i am request you to", "i request you to", "i am requesting you to", "request you to",
    "dear", "actually", "anyway", "anyways", "well", "sorry", "oops", "ptal", "fyi", "btw",
    # courtesy in the words other languages lend: "danke, close 12", "bonjour, can you …"
    "merci", "danke", "gracias", "grazie", "obrigado", "obrigada", "bonjour", "salut", "ciao",
    "hola", "namaste", "por favor", "bitte", "svp",
    # a correction announced: "correction: 1001 should be high, not urgent"
    "correction", "small correction", "quick correction", "one correction", "slight correction",
    *(f"{lead} {ask}" for lead in ("if", "when") for ask in _WHEN_FREE),
    # the order of one's day: "first thing: take 367", "first off, close 4"
    "first thing", "first things first", "first off", "firstly", "first of all", "to start with",
    "to begin with", "first up", "before anything else",
    # "i have doubt, what is meaning of resolved": a question announced (Indian English "doubt")
    *(f"{have} {one}{what}" for have in ("i have", "i got", "ive got", "i have got")
      for one in ("", "a ", "one ", "small ", "a small ", "a quick ", "one small ")
      for what in ("doubt", "question", "query")),
)  # "it" is read as a ticket reference (`tref`) before these are skipped
_REQUEST_START = ("can you", "could you", "would you", "will you", "can u", "could u", "do you mind",
                  *_GLAD_IF,
                  "please", "pls", "plz", "kindly", "would you mind", "would you please",
                  "would tref be possible to", "is tref possible to", "any chance you could",
                  "any chance you can", "would you be able to", "could you possibly")
_POLITE_END = (
    "please", "pls", "plz", "thanks", "thank you", "thx", "ty", "for me", "now", "right now",
    "when you can", "if you can", "if possible", "asap", "again", "thanks a lot", "cheers",
    "thank you very much", "please and thank you", "for now", "for the moment", "for a bit",
    "for a while", "ta", "tia", "thank u", "thanks in advance",
    # thanks as typed in a hurry: "pls close 12 thnx" ("thx" and "ty" above)
    "thnx", "thanx", "thnks", "thks", "tnx", "tx", "tq", "tysm", "thankyou",
    "ty so much", "thanks heaps", "thanks a bunch", "many thanks", "much appreciated",
    "appreciated", "mate", "thanks mate", "cheers mate", "thanks so much", "thank you so much",
    "then", "thanks bye", "bye", "as well", "aswell", "too", "also", "as well please", "instead",
    "fyi", "btw", "no rush", "no hurry", "no pressure", "no worries", "no rush thanks",
    "no rush thx", "no hurry thanks", "no stress", "no big rush",
    "bitte", "por favor", "svp", "merci", "danke", "gracias", "grazie", "pronto",
    "pronto por favor", "danke schoen", "merci beaucoup",
    *(f"{lead} {ask}" for lead in ("if", "when") for ask in _WHEN_FREE),
    # chat sign-offs: "close 12, brb" kept "brb" as the reason posted on the ticket
    "brb", "ttyl", "gtg", "g2g", "bbl", "afk", "gotta go", "got to go", "talk later",
    "talk soon", "speak later", "speak soon",
    # laughter and relief: "close 852 lol" ("nice", "finally" may end a title, so not these)
    "lol", "lmao", "haha", "hahaha", "hehe", "yay", "woohoo", "phew",
    *(f"{please} and {thanks}" for please in ("please", "pls", "plz")
      for thanks in ("thanks", "thx", "ty", "thank u", "thank you")),
)
_QUESTION_START = frozenset({
    "how", "why", "what", "who", "whom", "whose", "when", "where", "which", "should", "shall",
    "is", "are", "was", "were", "does", "do", "did", "has", "have", "am", "hows", "wheres",
    "whens", "whys", "any", "can i", "could i", "may i", "can we", "do i", "should i",
})
_ASKED = frozenset({"you", "i", "we", "they", "he", "she", "it", "there", "anyone", "someone",
                    "anybody", "somebody", "tref", "tnum"})
_NEGATIONS = frozenset({"dont", "not", "never", "shouldnt", "mustnt", "wont", "cant", "cannot",
                        "no", "doesnt", "neednt", "stop"})
_NOT_DOING = _NEGATIONS | {"wouldnt", "didnt", "isnt", "arent", "wasnt", "werent", "havent",
                           "hasnt", "couldnt", "shant", "aint"}
"""Negations of what someone does or did ("I wouldn't close 26", "I haven't closed it"),
read only at the start of a request: after a comma they mostly tell a problem."""
_UNABLE = frozenset({"cant", "cannot", "wont", "doesnt", "isnt", "arent", "wasnt", "werent",
                     "couldnt", "didnt", "hasnt", "havent"})
"""Negations that, after their subject, tell what does not work ("my laptop won't boot")."""
_ACTION_WORDS = frozenset({
    "close", "resolve", "reopen", "assign", "reassign", "unassign", "comment", "start", "hold",
    "pause", "fix", "change", "update", "edit", "set", "mark", "move", "delete", "remove", "give",
    "create", "file", "rename", "finish", "complete", "touch", "shut", "solve",
})
_REF = r"(?:(?:the|my|our|ticket|tickets|tkt|issue|issues|case|number|numbers|no|nr|nos) )*(?P<{name}>tref|tnum)"


def ref(name: str = "ref") -> str:
    return _REF.format(name=name)


@dataclass(frozen=True, slots=True)
class Reading:
    """The words between the politeness, as one string whose matches map back to words."""

    message: Message
    conversation: Conversation
    start: int
    end: int
    plain: str
    offsets: tuple[int, ...]

    def word_at(self, position: int) -> int:
        return self.start + bisect_right(self.offsets, position) - 1

    def group_words(self, match: re.Match[str], group: str) -> tuple[int, int]:
        begin, finish = match.start(group), match.end(group)
        while begin < finish and self.plain[begin] == " ":
            begin += 1
        if begin >= finish:
            return (0, 0)
        return self.word_at(begin), self.word_at(finish - 1) + 1

    def words(self, match: re.Match[str], group: str) -> list[Word]:
        first, last = self.group_words(match, group)
        return self.message.words[first:last]

    def ticket(self, match: re.Match[str], group: str = "ref") -> TicketNumber | None:
        if match.groupdict().get(group) is None:
            return None
        return self.message.ticket(self.group_words(match, group)[0])

    def original(self, match: re.Match[str], group: str, *, to_end: bool = False) -> str:
        first, last = self.group_words(match, group)
        if first == last:
            return ""
        return self.message.original(first, None if to_end else last)


def _reading(message: Message, conversation: Conversation, start: int, end: int) -> Reading:
    texts = [word.text for word in message.words[start:end]]
    offsets: list[int] = []
    position = 0
    for text in texts:
        offsets.append(position)
        position += len(text) + 1
    return Reading(message, conversation, start, end, " ".join(texts), tuple(offsets))


_LONG_SPACE = re.compile(r"\s{17,}")


def _space_kept(run: re.Match[str]) -> str:
    """A paragraph break, a line break, or the first 16 spaces of a run: what a run of
    whitespace says. Thousands of blank lines took each pattern that starts at a space a scan
    of the rest of the run, from every position in it: 64,000 characters, minutes."""
    breaks = run.group().count("\n")
    return "\n\n" if breaks >= 2 else "\n" if breaks else run.group()[:16]


_FORWARDED = re.compile(r"^\s*(?:fwd|fw)\s*:\s*(?=\S)", re.IGNORECASE)
"""A mail's forward marker before what is asked ("fwd: please close 12"): no hand-over."""


def understand(text: str, conversation: Conversation) -> Understanding:
    """What the message asks for; questions and negations never come back as a change."""
    text = _FORWARDED.sub("", _LONG_SPACE.sub(_space_kept, text))
    text = quoted_as_pasted(_TICKET_LINK.sub(r"\g<number>", text))
    text = ticket_sought(text) or text  # "i remember a ticket about a recording, cant find it"
    if only_quoted(text):
        return FreeText(text.strip())  # "[10:02] Sam: close 12⏎[10:03] Priya: agreed": pasted
    if (answered := _the_quoted_request_answered(text, conversation)) is not None:
        return answered  # "> please set 1207 to high⏎agreed, do it"
    in_view = _nothing_in_view_after_another_item(text, _in_view_of_the_quote(
        text, _in_view_when_pointed_to(text, conversation)))
    if (then := _the_same_asked_of_another(text, in_view)) is not None:
        return _asked_first_if_doubted(then, text)  # "sorry, 12 got closed, close 13 too"
    found = two_days_offered(_waits_then_why(_held_until(_no_reason_of_another_request(_reason_that_asks(_with_fact_asked(
        _understand(text, in_view, several_then=True), text), in_view, text), in_view, text), text),
        text), text, in_view)
    found = then_them(then_it(found, text, in_view, lambda said, ours: _understand(
        said, ours, several_then=False)), text, in_view, lambda said, ours: _understand(
        said, ours, several_then=False))
    return _asked_first_if_asked_last(_it_as_told_before(_asked_first_if_told_again(_undone_if_a_mistake(
        _asked_first_if_put_as_a_question(_asked_first_if_doubted(_asked_first_if_eyes_rolled(_asked_first_if_hedged_after(_asked_first_if_puzzled(_asked_first_if_only_for_now(_taken_back_as_a_joke(
            _titled_by_a_problem(_no_comment_of_other_words(found, in_view, text)), text), text), text),
            text), text), text), text), text), text), text, in_view), text)


def _it_as_told_before(found: Understanding, text: str, conversation: Conversation) -> Understanding:
    """"the printer in 12 works. close it" closed the ticket in view, "swapped 2 toner
    cartridges, close it" closed 2: "it" in a request ending a message is the ticket told
    of before it, the one in view after only counts, and asked (no ticket) when a number
    told may be a place or a name (see `told_before`)."""
    if not isinstance(found, (AssignTicket, ChangeStatus, EditTicket, CommentOnTicket)) or (
            found.ticket is None or quoted(text)) or (asked := request_of_it(text)) is None:
        return found
    told = tickets_told(asked.told, conversation)
    meant = the_one_meant(told, conversation.last_ticket)
    request = _understand(asked.request, conversation, several_then=False)
    asks = request.request if isinstance(request, Clarify) else request
    if isinstance(found, ChangeStatus) and isinstance(asks, (AssignTicket, EditTicket)) and (
            meant == found.ticket):  # "fixed 12. can you give it to sam": the request, never
        # 12 resolved with the hand-over dropped; who "sam" is asked as any hand-over is
        return _understand(asked.request, replace(conversation, last_ticket=meant),
                           several_then=False)
    if type(request) is not type(found) or changed_ticket(request) != conversation.last_ticket or (
            found.ticket not in told and found.ticket != conversation.last_ticket):
        return found
    return found if meant == found.ticket else replace(found, ticket=meant)


_REASON_ASKS = re.compile(
    r"(?:so |and )?(?:you can |u can |please |pls |plz |feel free to |go ahead and |can you "
    r"|could you |just )*(?:close|resolve|reopen|re-open|shut)\b", re.IGNORECASE)
_REASON_ASKS_MOST = 80


def _reason_that_asks(found: Understanding, conversation: Conversation, text: str) -> Understanding:
    """"it's resolved, you can close it": the state told, then the change asked, which is
    made; "you can close it" was posted on the ticket as why it was resolved. Told working
    again ("it works now, you can close my ticket") it stays resolved, as the tables read it,
    with no comment of the request. A reason that tells ("close 12, it's fixed") stays."""
    if not isinstance(found, ChangeStatus) or found.ticket is None or not found.reason or len(
            found.reason) > _REASON_ASKS_MOST or not _REASON_ASKS.match(found.reason.strip()):
        return found
    said = found.reason.strip().rstrip(".!")
    said += " it" if _REASON_ASKS.fullmatch(said) else ""  # "it's sorted, pls close"
    asked = _understand(said, replace(conversation, last_ticket=found.ticket), several_then=False)
    if isinstance(asked, ChangeStatus) and asked.ticket == found.ticket and (
            asked.status not in (None, found.status)) and not asked.take and not asked.queue:
        told = text[:text.lower().rfind(found.reason.strip().lower()[:20])]
        return replace(found, reason=None) if _WORKS_AGAIN.search(told) else replace(
            asked, reason=None)
    return found


_WORKS_AGAIN = re.compile(r"\b(?:works?|working)\b", re.IGNORECASE)
_OTHER_REQUEST = re.compile(
    r"(?:(?:so|and|then|now|please|pls|plz|can you|could you|can u|just)\s+)*"
    r"(?:give|assign|reassign|hand|send|pass|transfer|make|set|bump|move|escalate|lower|raise)\b",
    re.IGNORECASE)


def _no_reason_of_another_request(
    found: Understanding, conversation: Conversation, text: str
) -> Understanding:
    """"fixed 12. give it to sam" resolved 12 and posted "give it to sam" to its requester as
    why; Sam was never given it. A reason that is a request of another kind is that request,
    made of the ticket as "12 is fixed. give it to sam" is; the state told is not made, a
    change asked ("close 12, assign to sam") is, before it."""
    if not isinstance(found, ChangeStatus) or found.ticket is None or not found.reason or len(
            found.reason) > _REASON_ASKS_MOST or not _OTHER_REQUEST.match(found.reason.strip()):
        return found
    asked = _understand(found.reason.strip().rstrip(".!"), replace(
        conversation, last_ticket=found.ticket), several_then=False)
    request = asked.request if isinstance(asked, Clarify) else asked
    if not isinstance(request, (AssignTicket, EditTicket)) or request.ticket != found.ticket:
        return found
    words = text.lower().split()
    opens, _ = _skip_start(words)
    if opens < len(words) and words[opens] in _REQUEST_VERBS | _SETTING_VERBS and isinstance(
            asked, (AssignTicket, EditTicket, Clarify)):
        return Both(replace(found, reason=None), asked)
    return asked


_UNTIL = re.compile(
    r"\b(?:until|till|til|untill|pending)\s+(?P<how_long>[^,.;!?\n]*\w[^,.;!?\n]*)", re.IGNORECASE)
_UNTIL_MOST = 200


_WAITS_THEN_WHY = re.compile(
    r"\S+\s+(?:is\s+|now\s+|still\s+)*(?:waiting|awaiting|pending)\s+(?:(?:on|for)\s+)?"
    r"(?:the\s+)?(?P<party>\w+)\s*(?:[,;:]|\s[-–—])\s*(?P<why>.*\w.*)", re.IGNORECASE | re.DOTALL)


def _waits_then_why(found: Understanding, text: str) -> Understanding:
    """"101 waiting on the customer, asked her to try the new profile": why it waits, after
    the one waited on, is the comment with the hold (the words were read as the party)."""
    if not isinstance(found, ChangeStatus) or found.status is not TicketStatus.ON_HOLD or (
            found.reason is not None):
        return found
    told = _WAITS_THEN_WHY.fullmatch(text.strip())
    if told is None or told["party"].lower() not in _WAITED_ON:
        return found
    return replace(found, reason=told["why"].strip())


def _held_until(found: Understanding, text: str) -> Understanding:
    """"put 12 on hold until the part arrives", "hold 12 till monday": how long it waits is
    told to whoever reads the ticket, as the reason said with the change (a comment)."""
    if not isinstance(found, ChangeStatus) or found.status is not TicketStatus.ON_HOLD or (
            found.reason is not None):
        return found
    told = [m for m in _UNTIL.finditer(text[:_UNTIL_MOST * 2]) if len(m["how_long"]) <= _UNTIL_MOST]
    if len(told) != 1:
        return found
    return replace(found, reason=told[0][0].strip())


_WHEN_ONLY = re.compile(
    r"(?:later|later on|later today|tomorrow|tmrw|tmr|today|tonight|soon|in a bit|in a sec"
    r"|in a minute|in a while|after lunch|this afternoon|this evening|next week|asap|now"
    r"|right now)(?: (?:pls|please|plz))?", re.IGNORECASE)
"""A comment's "words" that only say when ("comment on 12 later"); "thanks" is a comment."""
_ANOTHER_ASK = re.compile(
    r"(?:and|then|and then|&)\s+(?:please |pls )?(?:close|resolve|reopen|assign|reassign|give"
    r"|hand|send|move|put|make|mark|set|start|escalate|bump|change|update|unassign)\b",
    re.IGNORECASE)
"""A comment's "words" that are another request ("… and close it"): no comment at all."""
_CHANGE_AFTER = re.compile(
    r"^(?P<said>.+?)[\s,;.]+(?:and then|and|then|&)\s+(?P<then>(?:please |pls )?(?:close|resolve"
    r"|reopen|assign|reassign|give|hand|send|move|put|make|mark|set|start|escalate|bump|unassign)"
    r"\s+(?:it|this)\b(?! back\b).*)$", re.IGNORECASE | re.DOTALL)
"""A change asked after a comment's words: "… that the part is ordered and put it on hold"; not "… and
set it back on the shelf", the thing put back (alone, "put it back on the shelf" reopens)."""
_SAID_AS_TO_BE_DONE = re.compile(
    r"\b(?:will|ll|would|can|could|should|shall|may|might|must|to|gonna|going|need|needs|want"
    r"|wants)\b", re.IGNORECASE)
"""Words before "and close it" that make it what someone is to do ("the user will test and
reopen it if needed"): told, not asked of the bot."""
_QUOTE_THEN = re.compile(
    r"^\s*[\"“'‘](?P<said>[^\"“”'‘’]+)[\"”'’]\s*[,.;]?\s*(?P<then>(?:and|then|and then|&)\s.+)$",
    re.IGNORECASE | re.DOTALL)


def _no_comment_of_other_words(found: Understanding, conversation: Conversation,
                               text: str) -> Understanding:
    """A comment whose words say only when ("comment on 12 later") or are another request
    ("add a comment to 12 and close it") asks what to say, never posting "later" or "and
    close it" where the requester reads it; a quoted comment with a change after it ('comment
    on 12 "fixed the cable" and resolve it') posts the quote and makes the change."""
    if not isinstance(found, CommentOnTicket) or not found.text or found.staff_only:
        return found
    said = found.text.strip().strip(".!?,").strip()
    if _WHEN_ONLY.fullmatch(said) or _ANOTHER_ASK.match(said):
        return CommentOnTicket(found.ticket, None)
    if (quoted := _QUOTE_THEN.match(found.text)) and found.ticket is not None:
        then = re.sub(r"^(?:and then|and|then|&)\s+", "", quoted["then"].strip(), flags=re.I)
        again = _understand(then, replace(conversation, last_ticket=found.ticket),
                            several_then=False)
        if isinstance(again, (AssignTicket, ChangeStatus, EditTicket)) and (
                again.ticket == found.ticket):
            return Both(CommentOnTicket(found.ticket, quoted["said"].strip()), again)
    return _change_after_the_comment(found, conversation, text)


def _change_after_the_comment(found: CommentOnTicket, conversation: Conversation,
                              text: str) -> Understanding:
    """"comment on 12 that the part is ordered and put it on hold": the comment and the change,
    not "and put it on hold" posted where the requester reads it and the ticket left as it was.
    Only words told with "that" or "saying": after a colon they are the comment as typed,
    whatever they say ("comment on 4: cable replaced and close it")."""
    after = _CHANGE_AFTER.match(found.text or "")
    if after is None or found.ticket is None or _SAID_AS_TO_BE_DONE.search(after["said"]):
        return found
    told = text.lower().rfind(after["said"].lower())
    if told < 0 or not re.search(r"\b(?:that|saying)\s+$", text[:told], re.IGNORECASE):
        return found
    again = _understand(after["then"], replace(conversation, last_ticket=found.ticket),
                        several_then=False)
    if isinstance(again, (AssignTicket, ChangeStatus, EditTicket)) and again.ticket == found.ticket:
        return Both(CommentOnTicket(found.ticket, after["said"].strip(" ,;.-–—")), again)
    return found


_JOKED = re.compile(
    r"(?:(?:[,.;:!?(\[]|\s[-–—]+|\s(?=(?:lol|haha+|lmao|hehe+)\W))\s*(?:(?:lol|haha+|lmao|hehe+)\W+)?"
    r"(?:(?:i'?m |im |i am )?(?:just |only |totally )?(?:kidding|joking|jking|kiddin'?|jokin'?)"
    r"|jk|j/k|jks|jokes|not really|nah jk)"
    r"|\s(?:jk|j/k|jks))[\s!.)\]]*(?:(?:😂|🤣|😜|😉|😅|😆)\s*)*$", re.IGNORECASE)
"""A change taken back as a joke after it ("close 12, kidding", "give 12 to sam. jk", "close
12... just joking 😂"); not "…, the user said he was just kidding", a reason told."""


def _taken_back_as_a_joke(found: Understanding, text: str) -> Understanding:
    """A change said and then laughed off is not asked: nothing changes (before, "close 12,
    kidding" closed 12 and posted "kidding" as why, where the requester reads it)."""
    change = found.request if isinstance(found, Clarify) else found  # "… (jk)" asked about
    if not (_makes_a_change(change) and _JOKED.search(text.strip())):
        return found
    return Declined(changed_ticket(change), text.strip())


def _titled_by_a_problem(found: Understanding) -> Understanding:
    """A new ticket "titled" with what a help answer did not do ("that didn't help, make a
    ticket", however the ask was read) has no title yet: it is asked for."""
    if isinstance(found, CreateTicket) and found.title and _NOT_HELPED.fullmatch(
            found.title.strip(" .!?,")):
        return replace(found, title=None)
    return found


_DONE_TOLD_FIRST = re.compile(
    r"^\W*(?:(?:sorry|oops|whoops|ok|okay|fyi|btw|hi|hey|so)\W+)*"
    rf"(?P<told>(?:ticket )?{TYPED_TICKET}(?:'s| is| was| got| has been| has)(?: already| just)?"
    r" (?:put on hold|on hold|in progress|\w+)"
    rf"|(?:i|we) (?:have |ve )?(?:already |just )?\w+ (?:ticket )?{TYPED_TICKET})"
    r"(?: (?:already|now|yesterday|earlier|today|this morning))?"
    r"(?:\s*[,;.!:\-–—]+\s*|\s+)(?:(?:so|and|then|now|but)\s+)?(?P<rest>\S.*)$", re.IGNORECASE)
"""A ticket told as in a state, then more: "12 got closed, …", "i closed 12 - …"."""


def _the_same_asked_of_another(text: str, conversation: Conversation) -> Understanding | None:
    """"12 got closed, close 13 too", "i resolved 12, resolve 13 as well": the state of 12 is
    told, the same change asked of other tickets typed after it; that request alone is made
    (12 was closed again, or "pls close 13" posted on it as why)."""
    said = _DONE_TOLD_FIRST.match(text.replace("’", "'"))
    if said is None:
        return None
    told = _understand(said["told"], conversation, several_then=False)
    if not isinstance(told, ChangeStatus) or told.status is None or told.ticket is None:
        return None
    asked = _understand(said["rest"], conversation, several_then=False)
    change, tickets = (asked.change, asked.tickets) if isinstance(asked, EachTicket) else (
        asked, (getattr(asked, "ticket", None),))
    rest = read_message(said["rest"], conversation)
    typed = {rest.ticket(i) for i in _typed_tickets(rest, 0, len(rest.words))}
    if not isinstance(change, ChangeStatus) or change.status is not told.status or (
            told.ticket in tickets or not set(tickets) <= typed):
        return None
    return asked


_MISTAKE_TOLD = re.compile(
    r"^\W*(?P<sorry>(?:(?:sorry|oops|whoops|argh|ugh|damn|dang|shoot|crap|uh oh|oh no|my bad)"
    rf"\W+)*)(?:{TYPED_TICKET}|it|this|that) (?:was|got|has been) (?P<made>closed|resolved"
    r"|reopened|started|put on hold)\b", re.IGNORECASE)
"""A change told as done, an apology before it ("sorry, 12 got closed, …")."""
_MADE = {"closed": TicketStatus.CLOSED, "resolved": TicketStatus.RESOLVED,
         "reopened": TicketStatus.OPEN, "started": TicketStatus.IN_PROGRESS,
         "put on hold": TicketStatus.ON_HOLD}


def _undone_if_a_mistake(found: Understanding, text: str) -> Understanding:
    """A change told as done with a mistake said ("12 was closed 🤦 the user is furious",
    "sorry, 12 got closed, …"): the undo is offered, as for "sorry, 12 was closed"; the
    state was made again, the rest posted as its reason where the requester reads it."""
    told = _MISTAKE_TOLD.match(text)
    if not (isinstance(found, ChangeStatus) and told and (
            found.status is _MADE[told["made"].lower()]) and (
            told["sorry"] or any(face in text for face in FACEPALMS))):
        return found  # "sorry, 12 was closed, reopen it": the request
    return NotInTicketFlow(Lacking.UNDO, found.ticket)


_DOUBT_FIRST = re.compile(
    r"^\W*(?:(?:i'?m|im|i am|tbh|honestly|hmm+) )*(?:not (?:sure|certain|convinced)|unsure"
    r"|no idea)(?: tbh)?\s*(?:[,;:!]|\.+|\s[-–—]+)\s*\S", re.IGNORECASE)
"""A doubt said first, then what is asked: "not sure, close 12", "i'm not sure - resolve it";
not "not sure why 12 was closed, …", a puzzle told before a request."""


_PUT_AS_A_QUESTION = re.compile(
    r"\W*(?:(?:ok|okay|so|then|and|hmm+|um+)\W+)*(?P<verb>[a-z][a-z-]*)\b[^?\n]{0,120}\?+\W*\w",
    re.IGNORECASE)


_LAST_CLAUSE = re.compile(r"[,;.!]\s+|\s+[-–—]+\s+|\s+then\s+", re.IGNORECASE)
_ASKED_OF_THE_BOT = re.compile(
    r"\W*(?:(?:ok|okay|so|and|then|now|also)\W+)*(?:can|could|would|will|wud|cud|cn|can't|cant"
    r"|cannot|mind|pls|please|plz|kindly|any chance|is it possible|are you able|r u able)\b",
    re.IGNORECASE)


def _asked_first_if_asked_last(found: Understanding, text: str) -> Understanding:
    """"make 12 urgent, close it?": a request after another, put as a question, closed 12
    (the priority dropped). A question mark ending a change the writer asks themselves is
    asked back, as "close it?" alone is not made; "…, can you close it?" asks the bot to."""
    if not _makes_a_change(found) or not ends_asking(text.rstrip()):
        return found
    last = _LAST_CLAUSE.split(text.strip())[-1]
    verb = _VERB_FIRST.match(last)
    if _ASKED_OF_THE_BOT.match(last) or not (
            verb and corrected(verb["verb"].lower()) in _REQUEST_VERBS | _SETTING_VERBS):
        return found  # "…, can you close it?"; "close 4 then what's still open?"
    if isinstance(found, EditTicket):  # "assign 12 to sam, set it to high?": set, unasked
        return _priority_asked(found) or Declined(found.ticket, text.strip())
    return _confirm(found) or found  # several changes: other readings ask of them


def _asked_first_if_put_as_a_question(found: Understanding, text: str) -> Understanding:
    """A change put as a question with more said after it ("close 12? carl said its fine",
    "close 12? idk", "close 12? probably") was made, with what followed as its reason; the
    question is the writer's own, so whether to is asked (the reason kept for a Yes), as
    "close 12?" alone is not made. "can you close 12? it's fixed" asks the bot: as before."""
    asked = _PUT_AS_A_QUESTION.match(text)
    if not (asked and corrected(asked["verb"].lower()) in _REQUEST_VERBS | _SETTING_VERBS and _makes_a_change(
            found)):
        return found
    # "make 12 urgent? the ceo is waiting": the priority asked
    return _priority_asked(found) or _confirm(found) or Declined(changed_ticket(found), text.strip())


_FOR_NOW = re.compile(
    r"\b(?:for now|for the (?:moment|time being)|for today|temporar(?:il)?y|monitor(?:ing)?"
    r"|(?:keep|keeping|will keep) (?:an )?eye on|watching|let'?s see|we'?ll see|we will see"
    r"|fingers crossed|hopefully|touch wood|knock on wood|workaround"
    r"|(?:need|needs|have|has|got) to (?:double[ -]?check|check|test|confirm|verify)"
    r"|double[ -]?check\w*|pending (?:test\w*|verification|a test)|testing(?: now)?"
    r"|(?:till|until|til) (?:the )?next|sort of|kind of|kinda|should (?:be|have been)"
    r" (?:fixed|sorted|solved|working|done|good|fine|ok|okay))\b"
    r"|\?[?!\s]*(?:i think|i guess|i believe|probably|maybe|finally)\b", re.IGNORECASE)
"""What makes a fix told only for now or with a doubt: "7 fixed for now, monitoring", "12
sorted, fingers crossed", "7 done for today" (work stopped, not finished), "12 fixed, need to
double check", "12 should be fixed", "12 fixed? i think so"."""
_VERB_FIRST = re.compile(
    r"^\W*(?:(?:ok|okay|so|pls|please|plz|just|now)\W+)*(?P<verb>[a-z]+)\b", re.IGNORECASE)
_FINISHING = frozenset({TicketStatus.RESOLVED, TicketStatus.CLOSED})
_CROSSED = "🤞"
"""Fingers crossed, as an emoji: "12 fixed 🤞"."""
_FINISH_ASKED = re.compile(r"\b(?:close|resolve|closing|resolving)\b", re.IGNORECASE)
"""A finish asked in so many words somewhere in the message: the change was asked for."""


def _asked_first_if_only_for_now(found: Understanding, text: str) -> Understanding:
    """A fix told as holding only for now ("7 fixed for now, monitoring", "12 sorted,
    fingers crossed") was resolved: whether it is finished is asked, the reason kept for a
    Yes unless it only says how tentative it is. A change asked for now ("resolve 7 for
    now", "close 7 for now") is the person's decision, made as before."""
    change = found.change if isinstance(found, EachTicket) else found
    if not isinstance(change, ChangeStatus) or change.status not in _FINISHING or (
            change.ticket is None or not (_FOR_NOW.search(text) or _CROSSED in text)):
        return found
    first = _VERB_FIRST.match(text)
    if first is not None and corrected(first["verb"].lower()) in _REQUEST_VERBS | {
            "closing", "resolving"} or _FINISH_ASKED.search(text):
        return found  # "… please close 828. 829 is another problem, leave it open for now"
    if isinstance(found, EachTicket):  # "7 and 8 fixed for now": no one question asks it
        return Declined(change.ticket, text.strip())
    tentative = change.reason is not None and _FOR_NOW.search(change.reason)
    return _confirm(replace(change, reason=None) if tentative else change) or found


def _asked_first_if_doubted(found: Understanding, text: str) -> Understanding:
    """A change asked after a doubt is not decided yet: asked about first, never made (a
    change that cannot be one question is not made)."""
    if not (_DOUBT_FIRST.match(text) and _makes_a_change(found)):
        return found
    return _confirm(found) or Declined(changed_ticket(found), text.strip())


_HEDGED_AFTER = re.compile(
    r"[,;.\s-]+(?:i think|i guess|i believe|i reckon|i suppose|maybe|probably|perhaps|possibly"
    r"|afaik|i hope|hopefully|i dunno|dunno|idk)\W*$", re.IGNORECASE)
"""A hedge said last, after the change ("close 12, i think", "12 to sam, i reckon")."""


def _asked_first_if_hedged_after(found: Understanding, text: str) -> Understanding:
    """"close 12, i think", "assign 12 to sam, i think", "12 can be resolved, probably" made
    the change: a hedge after it is as unsure as "I think" before it, so it is asked about
    (nothing posted as why); a priority is asked as one, several are not made."""
    if not (_HEDGED_AFTER.search(text[-_HEDGE_TAIL:]) and _makes_a_change(found)):
        return found
    if (priority := _priority_asked(found)) is not None:  # "set 12 to high, i guess"
        return priority
    unsaid = replace(found, reason=None) if isinstance(found, ChangeStatus) else found
    return _confirm(unsaid) or Declined(changed_ticket(found), text.strip())


_HEDGE_TAIL = 40
_PUZZLED = ("🤔", "🤷", "😕", "🫤")
"""A thinking face or a shrug with a change ("close 12 🤔"): not decided, so asked about."""


def _asked_first_if_puzzled(found: Understanding, text: str) -> Understanding:
    """"close 12 🤔", "give 12 to sam 🤷" made the change: the face says the writer is not
    sure of it. Asked about first (nothing posted as why); several, not made."""
    if not (any(face in text for face in _PUZZLED) and _makes_a_change(found)):
        return found
    unsaid = replace(found, reason=None) if isinstance(found, ChangeStatus) else found
    return _confirm(unsaid) or Declined(changed_ticket(found), text.strip())


_EYE_ROLLS = ("🙄", "🙃", "😒")
"""Emoji that say the words around them may not be meant as said."""
_IRONIC_AGREEMENT = re.compile(
    r"^\W*(?:(?:lol|lmao|haha+|heh|oh|ok|okay|yeah|yea|well)\W+)*(?:sure|yeah|yea|yes|yep|yup"
    r"|right|great|perfect|fine|of course|wonderful|brilliant|lovely|fantastic|awesome|cool)\b"
    r"(?: thing| right)?\W",
    re.IGNORECASE)
"""An agreement a message opens with ("sure, …", "oh great, …", "yeah right …", "lol yes, …"),
laughed or sighed before it or not."""


_SCARE_QUOTED = re.compile(
    r"[\"“”'‘’](?:fixed|resolved|solved|done|sorted|working|works|closed|complete|completed"
    r"|finished|sorted out|fine)[\"“”'’‘]", re.IGNORECASE)
"""A state in scare quotes ('12 is "fixed" again'): doubted, not told."""
_YEAH_RIGHT = re.compile(r"^\W*(?:yeah|yea|ya|yeh|oh|sure)\W+right\b", re.IGNORECASE)
"""'Yeah right' a message opens with: sarcasm, whatever follows."""


def _asked_first_if_eyes_rolled(found: Understanding, text: str) -> Understanding:
    """A change agreed to with an eye-roll ("sure, close 637, because that totally fixed it
    🙄") is sarcasm or a shrug, which the words cannot tell apart: asked about first, never
    made, as a change not wanted is the worst fault. A change that cannot be offered as one
    question (several tickets) is not made. An eye-roll after a plain request ("close 12,
    dupe of #9 🙄") or in a comment's words is exasperation: made as asked. The words
    rolled at are no reason to post where the requester reads them: a Yes changes only."""
    if not ((any(rolled in text for rolled in _EYE_ROLLS) and _IRONIC_AGREEMENT.match(text)
             or _SCARE_QUOTED.search(text) or _YEAH_RIGHT.match(text))
            and _makes_a_change(found)):
        return found
    unsaid = replace(found, reason=None) if isinstance(found, ChangeStatus) else found
    return _confirm(unsaid) or Declined(changed_ticket(found), text.strip())


_TOLD_AGAIN = re.compile(
    r"^\W*(?:(?:so|oh|ugh|well|wow|hmm+|lol)\W+)*"
    rf"(?:ticket )?{TYPED_TICKET}(?:'s| is| was| got| has been)?(?: marked(?: as)?)?"
    r" (?P<state>closed|resolved|reopened|open|on hold|in progress|done)"
    r"(?: (?:once )?again\b(?![^\n]*\b(?:please|pls|plz|kindly)\b)|\W+thanks for nothing\b)",
    re.IGNORECASE)
"""A ticket's state told as come about again, or thanked for nothing: "12 is closed again",
"12 got closed again, brilliant", "12 resolved, thanks for nothing"; not "12 closed again pls"."""


def _asked_first_if_told_again(found: Understanding, text: str) -> Understanding:
    """A state told as come about again is a report, often a complaint ("12 is closed
    AGAIN?!"), not a request: whether it should be is asked, never made, and the words are no
    reason to post where the requester reads them (before, "12 resolved, thanks for nothing"
    resolved 12 and posted "thanks for nothing" as why). A change asked after it ("12 is open
    again, please close it") is another state, made as asked."""
    told = _TOLD_AGAIN.match(text.replace("’", "'"))
    if not (told and isinstance(found, ChangeStatus)
            and found.status is not None
            and found.status is _status_value(told["state"].lower().split())):
        return found
    return _should_be(found.ticket, found.status)


def _makes_a_change(found: Understanding) -> bool:
    """A change to tickets there are; a comment's words and a ticket filed are as written."""
    return isinstance(found, (AssignTicket, ChangeStatus, EditTicket, EachTicket, Both,
                              EachListed))


def changed_ticket(found: object) -> TicketNumber | None:
    """The ticket a change is made to first ("close 44 and 45": 44)."""
    match found:
        case EachTicket(tickets=tickets):
            return tickets[0] if tickets else None
        case Both(first=first):
            return changed_ticket(first)
        case AssignTicket() | ChangeStatus() | CommentOnTicket() | EditTicket():
            return found.ticket
    return None


_AGREED = re.compile(
    r"(?:(?:yes|yep|yeah|yup|ok|okay|sure|agreed|agree|approved|fine|sounds good|lgtm|👍)"
    r"[\s,.!]*)*(?:please |pls )?(?:do it|do that|go ahead|go for it|please do|pls do|yes please"
    r"|proceed|make it so|agreed|approved)(?: please| pls| thanks| thx| ty)?[\s.!👍]*",
    re.IGNORECASE)
_REFUSED = re.compile(
    r"(?:(?:no|nope|nah|wait|hold on|hold off|not yet|not now|don['’]?t|do not|please don['’]?t)"
    r"[\s,.!]*)+(?:please|pls|for now|thanks|thx)?[\s.!]*", re.IGNORECASE)


def _the_quoted_request_answered(text: str, conversation: Conversation) -> Understanding | None:
    """A reply that only agrees to or refuses the request it quotes: agreed ("agreed, do it",
    "yes please", "go ahead") it is that request; refused ("not yet please", "no, don't") it
    changes nothing. It was read alone: "agreed, do it" showed the ticket, "not yet please"
    was not understood. None when the quote asks no change or the reply says more."""
    if not (asked := quoted(text)):
        return None
    reply = what_is_asked(text).strip()
    agreed, refused = _AGREED.fullmatch(reply), _REFUSED.fullmatch(reply)
    if not (agreed or refused):
        return None
    change = understand(asked, conversation)
    asks = change.request if isinstance(change, Clarify) else change  # "> give 12 to lee": which
    if not _makes_a_change(asks):
        return None
    return change if agreed else Declined(changed_ticket(asks), reply)


_POINTED_TO = re.compile(
    r"\b(?:this|that)(?: one| ticket)?\s*[?:!.\-–—]*\s+(?:here(?: it is)?[:\s]*|👉\s*)?"
    r"(?P<ticket>(?:ticket |#)?(?:\d{1,6}|[A-Za-z]{1,10}-\d{4}-\d{1,12}))[\s.!?]*$", re.IGNORECASE)


def _in_view_when_pointed_to(text: str, conversation: Conversation) -> Conversation:
    """"can you have a look at this one?⏎TKT-2026-1277" (a link under the ask, as Teams
    pastes it): "this one" is the ticket typed after it, not the one last shown (which was
    shown instead)."""
    if not (pointed := _POINTED_TO.search(text)):
        return conversation
    message = read_message(pointed["ticket"], conversation)
    named = [w.value for w in message.words if _typed_number(w)]
    return replace(conversation, last_ticket=named[0]) if len(named) == 1 and isinstance(
        named[0], TicketNumber) else conversation


def _in_view_of_the_quote(text: str, conversation: Conversation) -> Conversation:
    """A reply to a quoted message that names one ticket is about that ticket: "> Sam: I
    restarted the spooler on 424 / great, resolve it" resolves 424, not the one last shown."""
    if not (answered := quoted(text)):
        return conversation
    message = read_message(answered, conversation)
    named = {w.value for index, w in enumerate(message.words)
             if _typed_number(w) and not _counted(message, index)}
    ticket = named.pop() if len(named) == 1 else None
    return replace(conversation, last_ticket=ticket) if isinstance(ticket, TicketNumber) \
        else conversation


_MENTIONED = re.compile(r"<at>[^<]*</at>", re.IGNORECASE)
"""Someone @mentioned, as the text has them (`<at>Sam Rivera</at>`)."""
_TICKET_LINK = re.compile(
    r"\bhttps?://[^\s<>\"']{0,300}?/tickets/(?P<number>[A-Za-z]{1,10}-\d{4}-\d{1,12})/?"
    r"(?=[\s).,;:!?]|$)", re.IGNORECASE)
"""A pasted link to a ticket by its number (`…/tickets/TKT-2026-0042`), read as the number.
A link by the stored id (`…/tickets/42`, as the web app links) is no number of ours: left.
An address is looked along for 300 characters at most, so links pasted over and over are
read in one pass (each "http" looked to the end of the message)."""
_OUR_NUMBER = re.compile(r"\b[A-Za-z]{1,10}-\d{4}-\d{1,12}\b")
_OTHER_ITEM = re.compile(r"\b[A-Z]{2,10}-?\d{3,}\b")
"""An item of another system, as its own letters and digits: "OPS-612", "INC0012345"."""
_THE_ONE_MEANT = re.compile(r"\b(?:it|this|that)\b", re.IGNORECASE)


def _nothing_in_view_after_another_item(text: str, conversation: Conversation) -> Conversation:
    """"OPS-612 is done, close it": "it" may be the other system's item named before it, so
    not the ticket in view; which ticket is asked (it closed the one in view). A ticket of
    ours typed in the message is still read as typed."""
    ours = _OUR_NUMBER.sub(" ", text)
    other, meant = _OTHER_ITEM.search(ours), _THE_ONE_MEANT.search(ours)
    if other is None or meant is None or meant.start() < other.start():
        return conversation
    return replace(conversation, last_ticket=None)


_TICKET_BEFORE = frozenset({
    "ticket", "tickets", "number", "no", "nr", "incident", "case", "request", "on", "for",
    "about", "with", "to", "of", "re", "from", "in", "and", "or", "tnum", "tref",
    "is", "was", "has", "did", "does", "can", "could", "will", "should",
})
"""Words a ticket's bare number follows ("the spooler on 424", "ticket 2", "is 12 fixed?"),
unlike a count."""
_AFTER_A_TICKET = frozenset({
    "is", "was", "are", "were", "has", "had", "have", "and", "or", "but", "now", "again",
    "today", "yesterday", "this", "last", "earlier", "already", "too", "as", "because", "so",
    "for", "with", "to", "in", "on", "at", "by", "since", "after", "before", "then", "also",
    "just", "still", "the", "a", "it", "not", "will", "should", "can", "could", "be", "being",
    "been", "looks", "seems", "works", "tnum", "tref", "s",
})
"""Words a ticket's number is followed by when told of ("4 is fine", "closed 424 yesterday")."""


def _counted(message: Message, index: int) -> bool:
    """A bare number in a quoted message that counts things ("swapped 2 toner cartridges"),
    not a ticket: after a word that is not a ticket's ("swapped") and before one that is
    not told of a ticket ("toner"). "#2", "ticket 2", "on 424", "4 is fine", "fixed 424,
    …" stay tickets."""
    words = message.words
    if words[index].text != NUMBER or not words[index].typed.isdigit() or index == 0 or (
            _clause_ends(message, index)):
        return False
    after = words[index + 1].text if index + 1 < len(words) else None
    return words[index - 1].text not in _TICKET_BEFORE and after is not None and (
        after.isalpha() and after not in _AFTER_A_TICKET)


_WORK = (r"(?:tickets|ones|stuff|work|things|jobs|workload|queue|cases|issues|requests"
         r"|incidents)")
"""What someone holds, as a handover says it: "his tickets", "sam's stuff", "her queue"."""
_BEFORE_HANDOVER = r"(?P<before>(?:[^,;.]{{1,80}}?(?:[,;.]| -| –) ){{0,2}})"
"""What is told first: "i'm going on leave, give …", "Sam's out sick today - give …"."""
_ALL_OF = (_BEFORE_HANDOVER  # "i'm going on leave, give all my tickets to sam"
           + r"(?:(?:please|pls|plz|can you|could you|can u|ok|okay|so|now|then|and) )*"
           r"{verb} (?:all(?: of)?(?: the)? |(?=(?:my|our|his|her|their|(?:[\w'’]+ )?[\w'’]+"
           r"(?:'s|s'|’s))(?: \w+)? " + _WORK + r"\b|everything |whatever ))")
# "all" or whose tickets: "give my tickets to sam", "reassign everything sam has to alex"
_WHY_TOLD = (
    r" (?!.*\b(?:and|then|but|or|not|dont|don't|actually|wait|no|unless|if|except|instead"
    r"|close|resolve|reopen|give|move|assign)\b)(?:he|she|they|hes|he's|shes|she's|theyre|they're"
    r"|because|since|cause|cuz|as|while)\b.*")
"""Why, after a hand-over: only a reason opening with who or because, and nothing asked in it."""
_WHY_AFTER_ALL = rf"(?:[,;]{_WHY_TOLD})?"
"""Why, after a list handed over ("move everything alex has to priya, he's off next week")."""
_ALL_GIVEN = re.compile(
    _ALL_OF.format(verb=r"(?:reassign|re-assign|assign|move|give|hand over|hand|transfer|pass"
                        r"|send|route)")
    + r"(?P<list>.+) (?:over )?to (?P<to>.+?)(?: please| pls| plz| thanks| now| for me)?"
    + _WHY_AFTER_ALL)
_COVERED = re.compile(
    _BEFORE_HANDOVER.format() + r"(?:(?:please|pls|can|could|will|would|should|so|then|and|ok"
    r"|okay) )*(?P<to>i|i'll|ill|(?!(?:who|whom|anyone|someone|somebody|anybody|we|you|he|she"
    r"|they|it|that|this|nobody|noone)\b)[a-z]+(?: (?!(?:can|could|will|should|is|to)\b)[a-z]+)?)"
    r" (?:(?:can|could|will|should|is going to|is gonna|to) )?"
    r"(?:cover|take over|pick up|look after|take care of|handle|mind) "
    r"(?P<list>(?:all (?:of )?)?(?:his|her|their|(?:[\w']+ )?[\w']+'s)(?: \w+)? " + _WORK + ")"
    r"(?: (?:while|until|till|til|for|from|this|next|today|tomorrow)\b(?!.*\b(?:if|unless|once"
    r"|provided)\b).*)?"
    r"(?: please| pls| plz| thanks)?")
"""Someone to cover another's work: "alex can cover sam's tickets", "Alex will take over
Sam's tickets while he's away", "sam is on leave, alex can pick up his tickets"."""
_ALL_MOVED = re.compile(
    _ALL_OF.format(verb=r"(?P<verb>close|resolve|reopen|start|begin)")
    + r"(?P<list>.+?)(?: please| pls| plz| thanks| now| for me)?")

_CAN_THEY_TAKE = re.compile(
    r"(?:(?:hi|hey|so|ok|okay|quick question)[,!]? )*(?:can|could|would|will) "
    r"(?P<who><at>[^<]{1,80}</at>|(?!(?:you|u|i|we|he|she|they|it|this|that|someone|somebody"
    r"|anyone|anybody|one)\b)(?:the )?[a-z][\w.@-]*(?: [a-z][\w.@-]*)?(?: team)?)"
    r" (?:please |pls )?(?:pick up"
    r"|take|grab|take on|take over|handle|own|have|look at|look into|have a look at"
    r"|take a look at|check) (?P<ticket>(?:ticket |tkt-?\d{4}-)?#?\d+)"
    r"(?: (?:today|now|please|pls|instead|for me|for us|going forward|from now on"
    r"|off (?:my|our) hands))*"
    rf"(?:\??(?:[,;?]| -+){_WHY_TOLD})?")
"""A named person asked whether they can take a ticket ("can sam pick up 743?", "could lee
park take 12 today") or look at it ("can sam take a look at 743", as "priya pls check 12"):
a hand-over asked about, never made on the question alone; why after it ("can priya take 5?
she's on floor 3") as after a list handed over."""
_CAN_YOU_TAKE_IT_NAMED = re.compile(
    r"(?:(?:hi|hey|so|ok|okay)[,!]? )*(?:can|could|would|will) (?:you|u) (?:please |pls )?"
    r"(?:pick up|take|grab|take on|take over|handle|own) (?P<ticket>(?:ticket |tkt-?\d{4}-)?#?\d+)"
    r",? (?:please |pls )?(?P<who><at>[^<]{1,80}</at>|(?!(?:for|today|tonight|now|please|pls|plz"
    r"|asap|instead|tomorrow|off|and|to|too|as|then|too|again|later|first|soon|thanks|thx|ty"
    r"|quickly|urgently|or|if|when|since|because|pls|maybe|right|this|next)\b)"
    r"[a-z][\w.@-]*(?: [a-z][\w.@-]*)?)")
"""Who "can you take 743" is asked of, named after it ("can you take 743 sam", "could u grab
12, <at>Priya Shah</at>?"): asked as "can sam pick up 743?"."""


_NOT_QUITE = (r"(?:hasnt|hadnt|didnt|isnt|wasnt|havent|not|never|almost|nearly|maybe|probably"
               r"|possibly|supposedly|apparently|allegedly|reportedly|partially|partly|half"
               r"|barely|hardly|accidentally|wrongly|mistakenly|incorrectly|prematurely"
               r"|nothing|nobody)")
"""What denies, hedges or regrets a fix told ("sam hasnt fixed 778", "sam almost fixed 778",
"sam accidentally closed 778"): no resolve is offered on it."""
_SOMEONE_ELSE = (r"(?:the )?(?!(?:i|we|you|u|nobody|nothing|no one|noone|who|what|if|when|once|after"
                 r"|before|until|unless|it|this|that|not|never|has|have|had|did|does|do|is|was"
                 r"|are|were|should|shall|can|could|would|will|may|might|must|maybe|whether)\b)"
                 r"[a-z][\w.@-]*(?: (?!" + _NOT_QUITE + r"\b)[a-z][\w.@-]*)?")
_FIXED = (r"(?P<verb>fixed|fixed up|sorted|sorted out|solved|resolved|closed|repaired|mended"
          r"|closed out)")
_FIXING = r"(?P<verb>fixing|sorting|sorting out|solving|resolving|closing|repairing)"
_WHEN_DONE = (r"(?: (?:themselves|himself|herself|themself|yesterday|today|this morning|earlier"
              r"|already|last night|last week|on (?:monday|tuesday|wednesday|thursday|friday)"
              r"|just now|btw|fyi|now))*")
_DONE_BY_SOMEONE = re.compile(
    rf"(?:(?:fyi|btw|just so you know|heads up|update)[,:!]? )?(?P<who>{_SOMEONE_ELSE}|<at>[^<]{{1,80}}</at>)"
    rf" (?:has |had |just |already )*{_FIXED} (?P<ticket>{TYPED_TICKET}){_WHEN_DONE}")
_THANKED_FOR = re.compile(
    rf"(?:thanks|thank you|thx|ty|cheers|kudos to) (?P<who>{_SOMEONE_ELSE}|<at>[^<]{{1,80}}</at>)"
    rf" for {_FIXING} (?P<ticket>{TYPED_TICKET}){_WHEN_DONE}")
"""Someone else's fix told ("sam fixed 778 yesterday", "the vendor resolved 12", "thanks sam
for sorting 771"): whether the ticket should be resolved (closed, for "closed") is asked,
never made on news alone. The writer's own ("i fixed 12") is read as before."""


_ONE_MOVED = re.compile(
    _BEFORE_HANDOVER.format() + r"(?:(?:hi|hey|hello|please|pls|plz|can you|could you|can u"
    r"|ok|okay|so|now|then|and)[,!]? )*(?P<verb>close|resolve|reopen|re-open) (?P<list>my"
    r" (?:last|latest|newest|most recent|oldest) (?:(?:closed|resolved|open|urgent) )?"
    r"(?:ticket|issue|case|one))"
    r"(?:,? (?:please|pls|plz|thanks|thank you|thx|ty|now|for me))*")
"""A change said of one's newest or oldest ticket ("can you reopen my last ticket"): which
ticket that is, is shown with the change offered for it, never made unseen. Only "my": "the
last ticket" may be the one just talked about."""


_WHEN_CHANGED = (r"today|this morning|overnight|since yesterday|yesterday|this week"
                 r"|since (?:monday|tuesday|wednesday|thursday|friday|last week)")
_WHAT_CHANGED = re.compile(
    r"(?:(?:hi|hey|morning|ok|so|quick one|pls|please)[,!]? )*(?:"
    r"(?:what(?: has|s|'s| have)?(?: been)? (?:changed|happened|updated|moved)"
    r"|anything (?:changed|happen|happened)(?: with the tickets)?"
    r"|any (?:ticket )?(?:changes|updates|activity)(?: on (?:the )?tickets)?)"
    rf" (?P<when>{_WHEN_CHANGED})"  # a time said: "what happened?" alone is no list
    r"|(?:what did i miss|catch me up(?: on (?:the )?tickets)?)"
    rf"(?: (?P<since>{_WHEN_CHANGED}))?)(?: so far)?")
"""What changed on the tickets one may see, asked of a time: the tickets updated since then,
in every status ("what changed today", "what did I miss since yesterday", "catch me up")."""
_CHANGED_SINCE = {"this morning": "today", "overnight": "since yesterday",
                  "yesterday": "since yesterday"}


_WHOSE_UNSAID = frozenset({"his", "her", "their", "them", "its", "those", "these"})
"""A list's words that point at someone said before ("move his tickets to me"): whose
tickets they are is not known, so no list is offered."""


_EXCEPT = re.compile(
    r",?\s+(?:except(?: for)?|but not|other than|apart from|excluding|besides|leaving out"
    r"|but leave(?: out)?)\s+(?P<tickets>(?:ticket\s+|tkt\s+|#)?\d{1,6}(?:\s*(?:,|and|&|or)\s*"
    r"(?:ticket\s+|tkt\s+|#)?\d{1,6}){0,19})\s*$")


_EXCEPT_SAID = re.compile(
    r",?\s+(?:except(?: for)?|but not|other than|apart from|excluding|besides|leaving out"
    r"|but leave(?: out)?)\s+(?P<what>.+)$")
"""Tickets left out of a list's change by what they are ("except the urgent ones")."""


def _each_listed(simple: str, conversation: Conversation) -> Understanding | None:
    """A change said of a list, with the tickets it is not to be made of ("give all of
    alex's tickets to priya, except 12"): the exception was dropped, or searched for."""
    kept = _EXCEPT.search(simple) or _EXCEPT_SAID.search(simple)
    if kept is None:
        return _each_listed_of(simple, conversation)
    found = _each_listed_of(simple[:kept.start()], conversation)
    if not isinstance(found, EachListed):
        return found
    if kept.re is _EXCEPT_SAID:
        return _each_listed_but(found, kept["what"], conversation)
    return replace(found, leaving=tuple(
        conversation.number(int(n)) for n in re.findall(r"\d+", kept["tickets"])))


def _each_listed_but(found: EachListed, what: str, conversation: Conversation) -> Understanding:
    """"…, except the urgent ones": the list without those priorities; an exception no list
    can apply ("except the printer one") shows the list alone, with no change offered of the
    tickets it was not to be made of."""
    left_out = _understand(f"list {what}", conversation, several_then=False)
    listed = found.listed
    if not isinstance(left_out, ListTickets) or left_out.priority is None or (
            listed.priority is not None) or replace(
                left_out, priority=None, also_priorities=()) != ListTickets():
        return listed
    others = [p for p in Priority if p not in (left_out.priority, *left_out.also_priorities)]
    if not others:
        return listed
    return replace(found, listed=replace(listed, priority=others[0],
                                         also_priorities=tuple(others[1:])))


def _each_listed_of(simple: str, conversation: Conversation) -> Understanding | None:
    """"reassign all of Sam's tickets to Lee", "close all my resolved tickets": one change
    said of a list the words name; None when they name no list or no one to take them.

    Read without the people and teams first (`conversation.directory` False), a name is
    not placed yet: what asks for them is returned, so the message is read again with them."""
    if found := _ALL_GIVEN.fullmatch(simple) or _COVERED.fullmatch(simple):
        to = "me" if found["to"] in ("i", "i'll", "ill") else found["to"]
        given = _understand(f"assign it to {to}",
                            replace(conversation, last_ticket=conversation.number(1)),
                            several_then=False)
        if not isinstance(given, AssignTicket) or given.to is None:
            return given if not conversation.directory and needs_directory(given) else None
        change: AssignTicket | ChangeStatus = replace(given, ticket=None)
    elif found := _ALL_MOVED.fullmatch(simple) or _ONE_MOVED.fullmatch(simple):
        change = ChangeStatus(None, STATUS_VERBS.get(found["verb"], TicketStatus.OPEN))
    else:
        return None
    said = _WORK_SAID.sub(" tickets", _OVER_AT_END.sub("", found["list"]))  # "… over to priya"
    if (whose := _WHOSE_BEFORE.fullmatch(said)) and (named := _NAMED_FIRST.match(found["before"])):
        said = f"{named['name']}'s {whose['rest']}"  # "alex is off sick, move his tickets to sam"
    listed = _understand(said, conversation, several_then=False)
    if isinstance(listed, ListTickets) and _ONLY_NUMBERS.fullmatch(listed.text or ""):
        return None  # "close all tickets from 50 until 52": those tickets, not a search for them
    if isinstance(change, AssignTicket) and isinstance(listed, ListTickets) and (
            listed.filed_by is not None and listed.assignee is None) and (
            _HANDED_FROM.search(said) and not _FILED_SAID.search(said)):
        listed = replace(listed, assignee=listed.filed_by, filed_by=None)  # Sam's, moved on
    if isinstance(listed, ListTickets) and not set((listed.text or "").split()) & _WHOSE_UNSAID:
        return EachListed(listed, change)
    return listed if not conversation.directory and needs_directory(listed) else None


_HANDED_FROM = re.compile(r"\bfrom\b")
_FILED_SAID = re.compile(r"\b(?:filed|raised|reported|opened|created|logged|submitted|sent)\b")
"""Handed on "from" someone ("reassign everything from Sam to Lee"): what they hold, not
what they filed, as "tickets from Sam" alone are; "… raised by Sam" is what they filed."""
_ONLY_NUMBERS = re.compile(r"#?\d+(?:(?:\s*[-–,&+]\s*|\s+(?:to|till|until|through|thru|and)\s+|\s+)#?\d+)*")
"""A list's search words that are only ticket numbers: "50 until 52", "50-52", "50 52"."""
_OVER_AT_END = re.compile(r" over$")
_WORK_SAID = re.compile(r" (?:stuff|work|things|jobs|workload|queue)$")
_WHOSE_BEFORE = re.compile(r"(?:all (?:of )?)?(?:his|her|their) (?P<rest>(?:\w+ )?(?:tickets|ones))")
_NAMED_FIRST = re.compile(r"(?P<name>(?!(?:i|im|i'm|we|he|she|they|it|its|it's|the|my|our|this"
                          r"|that|there|so|ok|okay|hi|hey|off|out|before|after|on|in|as)\b)"
                          r"[a-z]+(?: [a-z]+)?)(?:'s| (?:is|has|was|will be|got|called|went|left))\b")
"""Who a list said as "his", "her" or "their" tickets belongs to: the one a sentence before it
names first ("alex is off sick, move his tickets to sam"), when it opens with a name."""


_PRAISED = re.compile(
    r"(?:(?:(?:so|very|really|such) )?(?:great|nice|good|awesome|amazing|excellent|brilliant"
    r"|fantastic|superb|solid|stellar|impressive|top|lovely|fab|outstanding|quick|fast|speedy"
    r"|cracking|terrific|wonderful|stunning) (?:work|job|stuff|effort|fix|turnaround|going)"
    r"|well done|kudos|props|hats off|nicely done|good going"
    r")(?: (?:everyone|all|team|guys|folks))? (?:on|with|for) (?:ticket |tkt-?\d{4}-|#)?"
    r"(?:\d+|it|this|that|this one|that one)"
    r"(?:,? (?:everyone|all|team|guys|folks|someone|[a-z]+(?: [a-z]+)?))?"
    r"(?:,? (?:thanks|thank you|thx|ty|cheers))?(?: [^\w\s]+)?")
"""Praise for the work on a ticket ("great work on 12 sam", "nice fix on it"): said to the
chat; "work on 12" in it is no request to start it."""
_LABELLED = re.compile(
    r"\s*(?:(?:(?:a|one|small|quick|short|another|latest|final|status|progress|good|news)[ -])*"
    r"(?:update|updates|upd8|upd|updt|note|fyi|f\.y\.i\.?|heads up|heads-up|headsup|news|psa"
    r"|info|status|btw)|just so you know|just so u know|for your info(?:rmation)?|jsyk)"
    r"(?: (?:for|to) (?:you|u|all|everyone|the team|team|you all|y'?all))?"
    r"(?:\s*[:!.,]+\s*|\s+[-–—]+\s*|(?<!update)(?<!updates)(?<!upd8)(?<!upd)(?<!updt)(?<!note)"
    r"(?<!status)\s+(?=(?:ticket |tkt[- ]?|#)?\d))", re.IGNORECASE)
"""A label a pasted status line opens with ("update: 12 is fixed", "quick update - 12 is
sorted", "heads up 12 is done"): what follows is read as if said alone when it asks a
change, so "update" is not read as "update 12 with 'is fixed'". With no mark after it,
"update", "note" and "status" are the commands ("update 12: fixed", "note 12 …")."""
_LABELLED_READ = 500
"""Characters of a message read again after its label: a status line is short, and a long
paste of labelled lines, each read again, cost 8 times as much (64,000 characters: 2.8 s)."""
_BARE_STATUS = re.compile(
    r"(?:(?:hi|hey|hello|ok|okay|so|and|well|sorry|btw|quick question|just checking)[,!.:]* )*"
    r"(?:(?P<asked>(?:what'?s|what is|wats|wat'?s|whats is|what s|how'?s|how is) (?:the |its |it'?s )?"
    r"(?:current |latest |present )?(?:(?P<status>status|progress|eta|situation)|update|news)"
    r"|(?:(?:is|are) there |(?:has|have) there been )?(?:any|anything|an) (?:news|new|updates?"
    r"|(?P<eta>progress|movement|eta)|luck|word|feedback)"
    r"(?: yet| so far| at all| here)?(?:(?P<on> on (?:this|that)(?: one)?)"
    r"|(?P<mine> (?:on|about|with|for|re|regarding) my (?:ticket|request|issue|case)))?"
    r"|where are we(?: at)?(?P<pointed> with (?:this|that|it|this one|that one))?"
    r"(?: now| at| so far)?|where (?:are|r) we at|what'?s new|anything to report)"
    r"|(?P<named>(?:the )?status(?: update| check)?)|updates?|news|progress|eta)"
    r"(?: now| then| so far| yet)?(?:[,!.]* (?:please|pls|plz|thanks|thx|ty|mate))*[?!. ]*")
"""A question after how the ticket in view goes that names none ("what's the status?",
"any news?", "where are we with this", "status?"): it is asked of that ticket, as "what's
the status of it?" is. "status" alone asks so with a ticket in view or a "?" (without either
it is a command with its ticket left out, and suggestions are given); "update", "news",
"progress" alone only with a "?" ("update" is a command, "progress" lists those in progress)."""


_STAFF = (r"(?:the )?(?:service desk|servicedesk|help ?desk|it|it team|it support|support"
          r"|support team|agent|technician|tech|engineer|team)")
_ANSWERED = (r"(?:reply|replied|respond|responded|answer|answered|comment|commented"
             r"|(?:write|written|wrote|get|got|gotten|come|came) back(?: to (?:me|us))?)")
_REPLY_ASKED = re.compile(
    r"(?:(?:hi|hey|hello|ok|okay|so|and|well|sorry|btw|just wondering)[,!.:]* )*(?:"
    rf"(?:did|has|have) (?:anyone|anybody|someone|somebody|they|he|she|u guys|you guys|{_STAFF}"
    r"|(?!you\b|u\b|i\b|we\b|it\b)[a-z]+)"
    rf" (?:(?:already|yet|even|ever) )?{_ANSWERED}"
    r"|any (?:reply|replies|response|responses|answer|answers|comments?|word back)"
    r"|what did (?:they|he|she|u guys|you guys|" + _STAFF + r") (?:say|write|reply|answer|comment)"
    r"(?: back)?"
    rf")(?: (?:yet|so far|already|at all|to me|to us|back|from (?:them|him|her|{_STAFF}|[a-z]+)))*")
"""Whether anyone answered, naming no ticket ("did anyone reply?", "what did they say?",
"has sam replied yet?", "any response from IT?"): asked of the ticket in view, whose card shows
its latest comments, as "any news?" is ("did you reply …" is the bot's doing: another thing)."""


def _status_of_the_one_in_view(message: Message, conversation: Conversation, *,
                               status: bool, pointed: bool) -> Understanding:
    """The ticket in view's card, answering after its status; with none in view, the
    person's own tickets, as "any update on my ticket?" lists them (one alone is shown with
    its status): how it goes is asked of one ticket, most likely theirs. "where are we with
    this" points at one: which is asked, as for "where are we with it"."""
    asked = Asked(Fact.STATUS) if status else None
    if conversation.last_ticket is not None or pointed:
        return ShowTicket(conversation.last_ticket, asked=asked)
    return replace(own_tickets(message), asked=Asked(Fact.STATUS))


def _with_fact_asked(found: Understanding, text: str) -> Understanding:
    """A ticket's card asked for by a question about one of its facts ("who has 2?",
    "is it done?"), with that fact: the card comes with the answer."""
    match found:
        case ShowTicket(history=False, asked=None) if (asked := fact_asked(text)) is not None:
            return replace(found, asked=asked)
        case EachTicket(change=ShowTicket(history=False, asked=None) as shown) if (
                asked := fact_asked(text)) is not None:
            return replace(found, change=replace(shown, asked=asked))
    return found


def _understand(text: str, conversation: Conversation, *, several_then: bool) -> Understanding:
    """`several_then`: whether "close 4 and 5, then assign 6 to me" may be read again with
    the run of tickets as its first ticket (`_and_then`). The reading again never does so
    itself: what that could find (a later run's change made to each first) is never what
    `_and_then` takes, and "close 4 and 5 close 4 and 5 …" was read once per run, nested
    (2,000 characters: 8 s of CPU on the event loop; 8,000 overflowed the stack)."""
    simple = " ".join(text.lower().replace("’", "'").strip(" .!?").split())
    if simple in CANCEL or _all_cancel(simple):
        return Cancel()
    if simple in HELP or (not simple and "?" in text):
        return Help()
    if simple in NO:
        return Declined(None, text.strip())  # "no" to a question: nothing changes
    if called_off := _THOUGHT_BETTER_OF.fullmatch(simple):  # "on second thought leave it"
        return Declined(conversation.last_ticket if called_off["kept"] else None, text.strip())
    if second := _ON_SECOND_THOUGHT.fullmatch(simple):  # "on second thought make it urgent"
        return _understand(second["rest"], conversation, several_then=several_then)
    if kind := courtesy(_MENTIONED.sub(" ", text)):  # "thanks @Sam!": to whom, as "thanks all"
        return SmallTalk(kind)
    if len(text) <= _LABELLED_READ and (label := _LABELLED.match(text)) and (
            _asks_a_change(labelled := _understand(
                text[label.end():], conversation, several_then=several_then)) or isinstance(
                    labelled, Declined) and labelled.ticket is not None):  # "… 12 is not fixed"
        return labelled  # "update: 12 is fixed", "heads up 12 is sorted": what is told, as if
        # said alone; never "is fixed" posted on 12 as a comment
    if _PRAISED.fullmatch(_MENTIONED.sub("someone", simple)):
        return FreeText(text.strip())  # "great work on 12": said to the chat, not "work on 12"
    if (bare := _BARE_STATUS.fullmatch(simple)) and bare["mine"]:  # "any update on my ticket?"
        return replace(own_tickets(read_message(text, conversation)), asked=Asked(Fact.STATUS))
    if bare and (bare["asked"] or "?" in text or (
            bare["named"] and conversation.last_ticket is not None)):
        return _status_of_the_one_in_view(read_message(text, conversation), conversation,
                                          status=bool(bare["status"] or bare["named"]
                                                      or bare["eta"]),
                                          pointed=bool(bare["pointed"] or bare["on"]))
    if conversation.last_ticket is None and chased(text):  # "why is nobody answering??"
        return ListTickets(ListScope.OWN, asked=Asked(Fact.STATUS))  # how theirs stand
    if _REPLY_ASKED.fullmatch(simple):  # "did anyone reply?": the card shows the comments
        return _status_of_the_one_in_view(read_message(text, conversation), conversation,
                                          status=False, pointed=False)
    if load := _ONES_LOAD.fullmatch(simple):  # "my workload", "how busy am I": their list
        busy = load["busy"] or load["asked"]  # "how busy is sam", "is alex swamped?"
        whose = load["whose"] or (f"{busy}'s" if busy else None)
        return _understand(f"{whose} tickets" if whose else "my tickets", conversation,
                           several_then=several_then)
    if next_work := _WHAT_NEXT.fullmatch(simple):  # "what should I work on next?"
        return _understand(f"{'my ' if next_work['mine'] else ''}tickets most urgent first",
                           conversation, several_then=several_then)
    if (lead := _WHEN_LEAD.match(text)) and (isinstance(after_lead := _understand(
            text[lead.end():], conversation, several_then=several_then), Both)
            or _asks_a_change(after_lead)):
        return after_lead  # "before i go on holiday: 231 to alex, 232 to sam": the time is no request
    if relayed := _relayed(text, conversation, several_then=several_then):
        return relayed  # "my manager asked me to close 430": the request, not who asked it
    if "?" not in text and (not_theirs := disowned(simple)) and (passed := _passed_on(
            not_theirs, conversation, several_then=several_then)):
        return passed  # "12 isn't mine, please reassign", "it's more of a network thing"
    if (can_take := _CAN_THEY_TAKE.fullmatch(simple) or _CAN_YOU_TAKE_IT_NAMED.fullmatch(
            simple)) and (given := _understand(
            f"assign {can_take['ticket']} to {can_take['who']}", conversation, several_then=False)):
        if isinstance(given, AssignTicket) and given.to is not None and (
                confirmed := _confirm(given)):
            return confirmed  # "can sam pick up 743?": whether Sam should take it is asked
        if not conversation.directory and needs_directory(given):
            return given  # read again with the people and teams
        # "can lee take 213?" with two Lees, "can bob take 12?": the ticket is shown below
    if "?" not in text and (done := _DONE_BY_SOMEONE.fullmatch(simple) or _THANKED_FOR.fullmatch(
            simple)) and (confirmed := _confirm(_understand(
                f"{'close' if done['verb'].startswith('clos') else 'resolve'} {done['ticket']}",
                conversation, several_then=False))):
        return confirmed  # "sam fixed 778 yesterday": whether it is resolved now is asked
    if (wanted := someone_asked(simple)) and not (
            wanted.owner and "?" in text and not wanted.of_you) and not (
            wanted.tail and _asks_a_change(
                _understand(wanted.tail, conversation, several_then=several_then))):
        return _understand(f"{'reassign' if wanted.owner else 'show'} {wanted.ticket}",
                           conversation, several_then=several_then)  # "can someone look at 12"
    if len(simple) <= _BACK_TOLD_MOST and len(re.findall(r"\d+", simple)) == 1 and (
            back := _BACK_THEN_REOPEN.fullmatch(simple)):
        return _understand(f"reopen {back['ticket']}", conversation,  # "same issue again in
                           several_then=several_then)  # 12 kindly reopen": 12, not asked which
    if (longer := _PUSHED_INSTEAD.fullmatch(simple)) and 0 < (days := (_DAYS_SAID.get(
            longer["count"]) or int(longer["count"])) * (
            7 if longer["unit"].startswith("week") else 1)) <= _LATER_MOST:
        return EditTicket(conversation.last_ticket, later_by=days)  # "make it 2 weeks instead"
        # after a push proposed: that push, from its due date (no ticket 2, nor a status)
    if _A_MOMENT_COUNTED.fullmatch(simple) or _A_BREAK.fullmatch(simple):  # "give me 5 mins",
        return SmallTalk(Courtesy.OK)  # "let's take 5": a moment or a break, no search, no ticket
    if (five := _TAKE_FIVE.fullmatch(simple)) and (confirmed := _confirm(_understand(
            f"give {_FIVE_SAID.get(five['number'], five['number'])} to me", conversation,
            several_then=False))):
        return confirmed  # "take 5": the idiom for a break, or ticket 5; asked, never taken
    if (handed := _GIVEN_A_NUMBER.fullmatch(simple)) and (confirmed := _confirm(_understand(
            f"give {handed['number']} to me", conversation, several_then=False))):
        return confirmed  # "give me 5": a moment, a high five or ticket 5; "give me 1524":
        # to take or to see (as "send me 1524" is); asked, never taken
    if sent := _SENT_ME.fullmatch(simple):  # "send me 12": to see it, not to take it
        return _understand(f"show {sent['tickets']}", conversation, several_then=several_then)
    if mailed := _MAILED_ME.fullmatch(simple):  # "send 12 to my email": shown here
        tickets = mailed["tickets"] or mailed["mailed"] or mailed["sent"]
        return _understand(f"show {tickets}", conversation, several_then=several_then)
    if named := _TICKET_NAMED.fullmatch(simple):  # "my ticket number is 12", "re: 12"
        return _understand(f"show {named['ticket']}", conversation, several_then=several_then)
    if "?" not in text and (mistaken := _FILED_BY_MISTAKE.fullmatch(simple)):  # "984 was
        filed = mistaken["ticket"] or mistaken["ticket_"] or mistaken["ticket__"]  # raised by
        return _confirm(_understand(f"close {filed}", conversation,  # mistake": asked
                                    several_then=False)) or FreeText(text.strip())
    if "?" not in text and (duplicate := _DUPLICATE_TOLD.fullmatch(simple)):  # "12 is a dupe"
        return _confirm(_understand(f"close {duplicate['ticket']}", conversation,
                                    several_then=several_then)) or FreeText(text.strip())
    if _HAS_TO_BE.search(text) and _asks_a_change(demanded := _understand(
            _HAS_TO_BE.sub(r"\g<ticket> needs to be", text), conversation,
            several_then=several_then)):
        return _confirm(demanded) or FreeText(text.strip())  # "12 must be closed already"
    if _LEFT_TO_DO.fullmatch(simple):  # "what's left for me today": their list
        return _understand("my tickets", conversation, several_then=several_then)
    if seeing := _SEEING_OWN.fullmatch(simple):  # "how I can see my tickets?": shown, not told how
        return _understand(f"show {seeing['own']}", conversation, several_then=several_then)
    if (listing := _MAY_I_SEE.fullmatch(simple)) and not _done_to(listing["what"]):
        return _understand(f"show {listing['what']}", conversation,  # "can I get a list of …"
                           several_then=several_then)
    if each := _each_listed(simple, conversation):  # "reassign all of Sam's tickets to Lee"
        return each
    if changed := _WHAT_CHANGED.fullmatch(simple):  # "what changed today", "catch me up"
        said = changed["when"] or changed["since"] or "today"
        when = _CHANGED_SINCE.get(said, said)
        return _understand(f"all tickets updated {when}", conversation, several_then=False)
    if (ordinal := _ORDINAL_ONE.fullmatch(text)) and not isinstance(
            again := _understand(_past_ordinals(ordinal["rest"]),
                                 replace(conversation, last_ticket=None), several_then=several_then),
            (Unknown, FreeText, Question, SmallTalk, Help, Cancel)):
        return again  # "the last one, make it low" with no list shown: which one is asked
    def read_again(said: str, where: Conversation) -> Understanding:
        return _understand(said, where, several_then=several_then)

    if meant := meant_another(text, conversation, read_again):
        return meant  # "sorry not 2, i meant 3": what to do with 3 is what was just done
    if too := the_same_too(text, conversation, read_again):
        return too  # "and 4 too": what was just done, of 4 as well
    if (settled := self_corrected(text, conversation, read_again)) is not None:
        return settled  # "close 1, no wait, 2": the request the message settles on
    text = spelled_numbers(text)  # "close ticket twelve": 12
    if len(text) <= _RANGES_READ:  # "resolve 1123-1126": 1123, 1124, 1125 and 1126
        text = _RANGE.sub(_every_ticket_in, text)
    text = _BULK.sub("", text)  # "bulk close 1140, 1141": each closed, as "close 1140, 1141"
    text = _CLOSURE.sub("close ", text)  # "please do the closure of 1170", in Indian English
    text = _DO_FIELD.sub(r"\g<asked>set ", text)  # "please do priority high for 1524"
    text = _STAYS.sub(r"keep \g<ticket> ", text)  # "1618 should stay open": kept
    if (gone := _PROBLEM_GONE.match(text)) and not _fix_doubted(text[gone.end():]):
        text = f"{gone['ticket']} is {text[gone.end():]}"  # "ticket 1648 problem solved"
    if (how := _FIXED_BY_DOING.match(text)) and not _fix_doubted(text[how.end():]):
        text = f"{how['told']}, {text[how.end():]}"  # "1583 fixed by replacing the toner"
    text = _MUST_TO_BE.sub("should be ", text)  # "the ticket 1178 must to be urgent"
    text = _FULL_STOP.sub(".", text)  # "assign 303 to priya shah full stop thanks", dictated
    text = _COMMA.sub(",", text)  # "put 393 on hold comma waiting for the user"
    text = _COLON.sub(":", text)  # "new ticket colon the coffee machine is leaking"
    text = _PERIOD.sub(".", text)  # "assign ticket 510 to sam period"
    text = _STRAIGHT.sub(r"\1", text)  # "give my ticket 338 straight to sam"
    text = _HYPHENATED_STATUS.sub(r"\1 \2", text)  # "my on-hold tickets oldest first"
    text = _PROGRESS_SHORT.sub("in progress", text)  # "1944 in prog", "12 in-prog"
    text = _SPACE_BEFORE_COMMA.sub(r"\1", text)  # "pls to close my ticket 396 , issue resolved"
    if _ASKS_FIRST.match(text):  # "reopen 290, the user says …, and give it …": two requests
        text = _TOLD_BETWEEN.sub(r" and \g<verb>", text)
    heard = _HESITATION.sub(" ", text).strip()
    if any(ch.isalnum() for ch in heard):
        text = heard  # "show me ticket 306 and um who is working on it"
    text = _not_the_other(text)  # "86 is a bug not a request": "86 is a bug"
    text = without_the_other_ticket(text)  # "close 3, not 2": "close 3"
    text = _HOW_MUCH.sub(r"how many \1", text)  # "how much tickets I have open"
    text = _MINE_LOOKS.sub("my tickets", text)  # "how's my queue looking?"
    text = _UTMOST.sub(lambda said: "low priority" if said["lowest"] else "urgent priority", text)
    text = _DO_VERB.sub(r"\g<verb> ", text)  # "can you do close for ticket 57"
    text = _DO_EMPHATIC.sub(r"\g<asked> \g<verb>", text)  # "please do close the ticket 297"
    text = _UPDATE_ME.sub("tell me the status of ", text)  # "please update me the status of 301"
    for waited_on in (_MINE_CHASED, _MINE_WAITED_LONG):  # "still waiting on my ticket"
        text = waited_on.sub(r"any update on \g<mine>", text)
    text = _WANT_THAT.sub(_wanted, text)  # "i want that 57 is assign to priya"
    text = _DONE_WANTED.sub(
        lambda said: f"{said['lead']}{_DONE_TO[said['done'].lower()]} {said['ticket']}", text)
    text = _CLOSED_AS_DUPLICATE.sub(r"\g<close> - ", text)  # "close 70 as a duplicate of 71"
    text = _object_first(what_is_asked(text))
    message = read_message(text, conversation)
    if lacking := _lacking(message, conversation):  # before "4 and 5" is read as one ticket
        return lacking
    tickets = gather_tickets(message)  # "close 4 and 5": read as "close 4", made to each
    found = _read(message, text, conversation)
    if isinstance(found, (Unknown, FreeText)) and (told := _ticket_told_first(text)):
        again = _understand(told, conversation,  # "66 lgtm, closing": "closing 66"
                            several_then=several_then)
        if not isinstance(again, (Unknown, FreeText, Question)):
            return again
    if isinstance(found, (Unknown, FreeText)) and (level := _LEVEL_FIRST.fullmatch(text)) and (
            len(typed := _typed_tickets(message, 0, len(message.words))) == 1):
        return _should_have(message.ticket(typed[0]), PRIORITY_WORDS[level["level"].lower()])
    if isinstance(found, (Unknown, FreeText)) and (fronted := _FRONTED_QUESTION.fullmatch(text)) \
            and len(typed := _typed_tickets(message, 0, len(message.words))) == 1:
        return ShowTicket(message.ticket(typed[0]))  # "ticket 70 what is status": asked of it
    if isinstance(found, (Unknown, FreeText)) and (asked := fact_asked(text)) is not None and (
            put_as_a_question(text)) and len(
            typed := _typed_tickets(message, 0, len(message.words))) == 1:
        return ShowTicket(message.ticket(typed[0]), asked=asked)  # "can you tell me the
        # status of 2", "can u check if 2 is closed": a question about it, without a "?"
    if isinstance(found, Question) and (asks_after_own_tickets(text) or _ONE_OWN_TICKET.search(
            text) and (who := fact_asked(text)) is not None and who.fact is Fact.ASSIGNEE):
        # "who has my ticket?", "who's handling my request": theirs too
        found = own_tickets(message)  # "any update on my ticket?": theirs, not a manual
    elif isinstance(found, ListTickets) and found.scope is ListScope.OWN and (
            asks_after_own_tickets(text)) and (own := own_tickets(message)).text != found.text:
        found = own  # "my printer ticket still not done?": how it goes is asked, no filter
    if isinstance(found, ListTickets) and found.scope in (ListScope.OWN, ListScope.MINE) and (
            one := _ONE_OWN_TICKET.search(text)) and (asked := fact_asked(text)) is not None and (
            (own := own_tickets(message)).scope is ListScope.OWN or not one["topic"]):
        found = replace(own, asked=asked)  # "who has my vpn ticket?", "is my ticket done?": that
        # one's answer; what is asked after filters nothing
    found = for_each(found, tickets, final=conversation.directory or not needs_directory(found))
    if several_then and len(tickets) > 1 and isinstance(
            found, (EachTicket, Unknown, FreeText)) and (
            then := _and_then(message, tickets, conversation)):
        found = then  # "close 4 and 5, then assign 6 to me": both parts, never the first alone
    return found if _ANYWAY.search(text) else _past_due_asked(
        found, conversation.today, yearless=_YEARLESS.search(text) is not None)


def _relayed(text: str, conversation: Conversation, *, several_then: bool) -> Understanding | None:
    """The change a request relayed for someone asks ("sam asked me to close 12"), read once
    however many relays lead to it ("sam asked me to ask you to …" was read once a relay, and
    a long run of them overflowed the stack). Doubted or questioned after it ("my manager
    wants 12 closed, I disagree", "sam asked me to close 12 - is that allowed") it is only
    asked about, or told."""
    rest, named = text, None
    while relayed := _RELAYED.match(rest):
        rest, named = relayed["rest"], named or relayed["ticket"]
    if rest is text or " but " in rest:
        return None
    again = _understand(_HAS_TO_BE.sub(r"\g<ticket> needs to be", rest),
                        _with_ticket_named(named, conversation), several_then=several_then)
    if not _asks_a_change(again):
        return None
    if "?" in rest or _doubted(_AFTER_THE_REQUEST.split(rest, maxsplit=1)[1:]) or (
            _HAS_TO_BE.search(rest) and _BY_NOW.search(rest)):  # "sam said 12 must be closed
        # already": what sam supposes, not asks
        doubt = replace(again, reason=None) if isinstance(again, ChangeStatus) else again
        return _confirm(doubt) or FreeText(text.strip())  # the doubt is no reason to post
    return again


def _passed_on(
    said: Disowned, conversation: Conversation, *, several_then: bool
) -> Understanding | None:
    """Who should take a ticket said not to be one's own: asked, with the one named offered
    ("12 isn't mine, it's sam's": "Should Sam Rivera take 12?"). A name that is nobody
    known is left out of the question when the ticket was disowned ("12 isn't mine, it's
    bob's" asks who), and makes no question at all when it was only a kind of problem
    ("12 is a printer thing": no team is called that)."""
    anyone = _understand(f"reassign {said.ticket}", conversation, several_then=several_then)
    if said.whose is None:
        return anyone
    named = _understand(f"give {said.ticket} to {said.whose}", conversation,
                        several_then=several_then)
    if said.asked and needs_directory(named):
        return named  # "…, reassign to sam": as "reassign 12 to sam" is read (which Lee asked)
    if isinstance(named, AssignTicket) and isinstance(named.to, (UserTarget, TeamTarget)):
        return _confirm(named)
    if not conversation.directory and needs_directory(named):
        return named  # read again once the people and teams are known
    return anyone if said.not_mine else None


_BY_NOW = re.compile(r"\b(?:already|by now|surely|probably)\b", re.IGNORECASE)
"""What makes "must be" a guess rather than an order: "12 must be closed already"."""
_AFTER_THE_REQUEST = re.compile(r"[,;.!]\s+|\s+[-–—]+\s+")
_DOUBTS = re.compile(r"\b(?:disagree|unsure|doubt\w*|not (?:sure|convinced|certain)|no idea"
                     r"|(?:dont|do not|not) (?:think|agree)|is (?:that|this|it) (?:ok|okay|right"
                     r"|allowed|wise|fine))\b")
"""What doubts or weighs a request after it: "I disagree", "not sure", "I don't think so";
not "the printer is ok now", a reason."""


def _doubted(after: list[str]) -> bool:
    """What follows a relayed request questions or doubts it ("should I", "what do you
    think", "I disagree"), rather than telling why it is wanted."""
    words = " ".join(after).lower().replace("'", "").split()
    return bool(words) and (words[0] in _QUESTION_START or " ".join(words[:2]) in _QUESTION_START
                            or _DOUBTS.search(" ".join(words)) is not None)


def _with_ticket_named(typed: str | None, conversation: Conversation) -> Conversation:
    """The conversation with a ticket typed in passing as the one "it" is."""
    named = [w.value for w in read_message(typed, conversation).words
             if isinstance(w.value, TicketNumber)] if typed else []
    return replace(conversation, last_ticket=named[0]) if len(named) == 1 else conversation


def _and_then(
    message: Message, tickets: tuple[TicketNumber, ...], conversation: Conversation
) -> Both | None:
    """Several tickets and then another change ("close 4 and 5, then assign 6 to me"): read
    with the first ticket alone, and when that is two changes, the first made to each."""
    run = next((word for word in message.words
                if word.last > word.first and word.value == tickets[0]), None)
    if run is None:
        return None
    begin, end = message.spans[run.first][0], message.spans[run.last][1]
    text = message.text
    head = text[begin:message.spans[run.first][1]].rstrip(",")
    alone = _understand(f"{text[:begin]}{head}{text[end - (text[end - 1] == ','):]}", conversation,
                        several_then=False)
    if not isinstance(alone, Both) or isinstance(alone.first, EachTicket) or (
            alone.first.ticket != tickets[0]):
        return None
    each = for_each(alone.first, tickets, final=True)
    return Both(each, alone.second) if isinstance(each, EachTicket) else None


_ANYWAY = re.compile(r"\b(?:anyway|anyways|regardless|even though it'?s (?:past|gone))\b",
                     re.IGNORECASE)
"""Said with a due date already past: it is meant (the "Yes" to the question below says it)."""


_YEARLESS = re.compile(
    r"^(?!.*\b\d{4}\b).*(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
    r"|\bmay \d|\d(?:st|nd|rd|th)? (?:of )?may\b|\b\d{1,2}/\d{1,2}\b)", re.IGNORECASE | re.DOTALL)
"""A day and month said without a year ("1 Nov", "30/11"): next year's may have been meant."""


def _past_due_asked(found: Understanding, today: date, *, yearless: bool) -> Understanding:
    """A due date already past is asked about before it is set: "due yesterday" is more
    often a slip than a deadline missed on purpose, and a due date in the past makes the
    ticket overdue at once (its holder is reminded of it). A day and month said without a
    year is read as the nearest ("1 Nov" in December: last month), so next year's is offered
    beside it."""
    match found:
        case EditTicket(due=date() as due) if due < today:
            return Clarify(found, f"{due:%a} {due.day} {due:%b %Y} is in the past. "
                                  f"Should {_label(found.ticket)} be due then?",
                           _past_day_choices(due, yearless=yearless))
        case CreateTicket(due=date() as due) if due < today:  # as for an edit: asked first
            return Clarify(found, f"{due:%a} {due.day} {due:%b %Y} is in the past. "
                                  "Should the new ticket be due then?",
                           _past_day_choices(due, yearless=yearless))
        case EachTicket(change=EditTicket(due=date() as due) as change) if due < today:
            asked = _past_due_asked(change, today, yearless=yearless)
            return replace(asked, question=f"One ticket at a time: {asked.question}") if isinstance(
                asked, Clarify) else asked
        case Both(first=first, second=second) if isinstance(
                asked := _past_due_asked(second, today, yearless=yearless), Clarify):
            return Both(first, asked)  # the first is made, the day asked about
        case Both(first=EditTicket() as first, second=second) if isinstance(
                asked := _past_due_asked(first, today, yearless=yearless), Clarify) and not (
                    isinstance(second, (Clarify, Both, ListTickets, Workload, HowMuchLater))):
            return Both(second, asked)
    return found


def _past_day_choices(due: date, *, yearless: bool) -> tuple[Choice, ...]:
    """"Yes" (the day said), and the same day a year on when no year was said."""
    later = _a_year_on(due) if yearless else None
    return (Choice("Yes", due),) + (
        (Choice(f"{later:%a} {later.day} {later:%b %Y}", later),) if later is not None else ())


def _a_year_on(day: date) -> date | None:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return None


_CLOSED_AS_DUPLICATE = re.compile(
    r"(?P<close>\b(?:close|resolve|closing|resolving)\s+(?:ticket\s+)?#?\w+(?:-\d{4}-\d+)?)"
    r"\s+as\s+(?:an?\s+)?(?=(?:duplicate|dupe|dup)\b)", re.IGNORECASE)


def _lacking(message: Message, conversation: Conversation) -> NotInTicketFlow | Declined | None:
    """"link 4 to 5", "merge 4 into 5", "watch 12": asked for, not denied, made conditional
    or asked about ("should I link 90 to 91?" shows 90, as any change asked about does)."""
    words = [word.text for word in message.words]
    start, polite = _skip_start(words)
    end = _skip_end(words, start)
    if start >= end or _conditional(words[start:end]):
        return None
    denied = next((len(lead) for lead in _DENIED if tuple(words[start:start + len(lead)]) == lead),
                  0)
    if denied:  # "don't merge 87 and 88"
        asked = not_in_ticketflow(message, conversation, start + denied, end)
        return Declined(asked.ticket, message.text.strip()) if asked else None
    if _is_negation(words[start:end]):  # "i didn't mean to close 12": a mistake told
        meant = not_in_ticketflow(message, conversation, start, end)
        return meant if meant is not None and meant.lacking is Lacking.UNDO else None
    if _is_question(words[start:end], message.asks and not polite) and (
            words[start] not in _LEADS_A_TOLD):
        return None
    return not_in_ticketflow(message, conversation, start, end)


_DENIED = (("dont",), ("do", "not"), ("never",), ("please", "dont"), ("pls", "dont"))


_LEADS_A_TOLD = frozenset({"i", "this", "it", "that", "hey", "so"})
"""A message ending in "?" whose words tell something ("I think 137 is a duplicate of 136,
not sure what the process is here?") rather than ask it."""


_TOLD_FIRST = re.compile(
    r"\s*(?P<front>(?:ticket |the |#)?(?:[a-z]+-\d{4}-)?\d+(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)"
    r"(?:ticket |#)?(?:[a-z]+-\d{4}-)?\d+)*)(?P<middle>[\s,:;.!-]+[^\d?]*?)"
    r"(?:[,;.!-]\s*(?P<verb>[a-z]+)(?: (?:it|both|them|all|now|then|pls|please|thx|thanks))*"
    r"|\b(?P<it>it)\b(?P<after>[^\d?]*))[.!]*\s*", re.IGNORECASE)


_ASKED_AFTER = re.compile(
    r"[,;.!]\s*(?:(?:so|and|then|pls|please|plz|kindly|can you|could you|can u|could u)\s+)*"
    r"(?P<ask>(?P<verb>[a-z]+)\b[^,;.!?]*?\s)$", re.IGNORECASE)
"""What is asked of "it" after a ticket was told of: "15 is not that urgent, drop it to low"."""
_PRIORITY_VERBS = frozenset({"drop", "lower", "raise", "downgrade", "upgrade", "increase",
                             "decrease"})


_LEVEL_FIRST = re.compile(
    r"\s*(?P<level>urgent|critical|high|medium|low)(?: priority| prio)?\s*[,:;-]?\s*"
    r"(?:ticket |#)?(?:[a-z]+-\d{4}-)?\d+(?:\s*,?\s*(?:please|pls|plz|thanks|thx))?[\s.!]*",
    re.IGNORECASE)
"""A priority typed before a ticket alone ("urgent 12", "high priority 12"): asked, since it
may also say why the ticket is mentioned ("urgent: 12", look at it now)."""
_FRONTED_QUESTION = re.compile(
    r"\s*(?:the |ticket |the ticket |#)?(?:[a-z]+-\d{4}-)?\d+\s*[,:;-]?\s+"
    r"(?:what|whats|what's|who|whos|who's|when|whens|when's|where|wheres|where's|how|hows|how's|any)"
    r"\b(?:\s+(?:is|s|are|the|its|it's|about|update|news|status|state|progress|eta|priority"
    r"|assignee|owner|happening|going on|has it|holding|working on it|due))+"
    r"(?:\s+(?:pls|please|plz|thanks|thx|now|today))*\s*[?.!]*", re.IGNORECASE)
""""ticket 70 what is status", "70 who has it?", "#70 any update": a question about the
ticket said before it (as some languages put it), which its card answers."""


def _ticket_told_first(text: str) -> str | None:
    """"66 lgtm, closing", "126 and 127 are duplicates, close both", "ticket 63 I'm
    looking at it now": the ticket said first and what is done to it after, read in the
    usual order ("closing 66", "I'm looking at 63 now"). Only where the words between deny
    nothing, ask nothing and name no other ticket."""
    told = _TOLD_FIRST.fullmatch(text)
    if told is not None and told["it"] is not None and (asked := _ASKED_AFTER.search(told["middle"])):
        said = f"{asked['ask']} {told['after']}".lower().replace("'", "").split()
        if asked["verb"].lower() in _MINDED_VERBS | _PRIORITY_VERBS and not set(said) & (
                _NOT_DOING | _IF):
            return f"{asked['ask']}{told['front'].removeprefix('ticket ')}{told['after']}"
    if told is None or set(told["middle"].lower().replace("'", "").split()) & (
            _NOT_DOING | _IF | {"still", "again", "before", "after", "until", "once"}):
        return None
    front = told["front"]
    said = told["middle"].lower().replace("'", "").strip(" ,:;.!-").split()
    if said and said[0].endswith("s") and said[0] not in _TELLS | {"its", "thats", "does", "goes"}:
        return None  # "5 users affected, resolving": a count of things, not a ticket
    if told["verb"] is not None:
        verb = told["verb"].lower()
        if (STATUS_VERBS.get(verb) or STATUS_VERBS.get(_verb_of(verb) or "")) is None:
            return None
        return f"{verb} {front}"
    if said and said[0] in _SOMEONE | {"im", "ill", "pls", "please", "can", "could", "will",
                                       "just", "you", "u", "ive"} and "," not in front and (
            " and " not in front):
        return f"{told['middle'].strip(' ,:;.!-')} {front.removeprefix('ticket ')}{told['after']}"
    return None


_NOT_THE_OTHER = re.compile(
    r"(?P<head>.*?\b(?:is|s|be|should be|as|to|its|it's|it|#?\d+))"
    r"(?:\s+(?:actually|really|definitely|clearly|more|more like|more of|just))?"
    r"(?P<said>\s+(?:an?\s+)?(?P<value>[\w-]+)"
    r"(?:\s+(?:request|report|one|ticket|priority|prio))?)"  # "a feature request not a bug"
    r"\s*[,;-]?\s+(?:and\s+|but\s+)?(?:not|isnt|isn't|no|rather\s+than|instead\s+of)"
    r"\s+(?:an?\s+)?(?P<other>[\w-]+)"
    r"(?:\s+(?:request|one|ticket|priority|prio))?"
    r"(?:\s*[,;.!-]*\s*(?:so\s+|pls\s+|please\s+|plz\s+|can\s+you\s+|could\s+you\s+)*"
    r"(?:change|fix|update|correct|set|switch|adjust)\s+(?:the\s+|its\s+|it'?s\s+)?"
    r"(?P<field>category|type|kind|priority|prio)(?:\s+(?:pls|please|plz|thx|thanks|accordingly))*)?"
    r"\s*[.!]*",
    re.IGNORECASE)
_KINDS_SAID = frozenset({"question", "query", "task", "problem", "issue", "change", "fault",
                         "error", "chore", "story", "ask", "enquiry", "inquiry"})
"""What people call a ticket's kind that TicketFlow has no category for: "a bug, not a
question" corrects the category all the same."""
_FIELD_FIRST = re.compile(
    r"(?:the\s+)?(?P<field>category|type|kind|priority|prio)\s+(?=(?:should|must|needs to|has to) be\b)"
    r"|(?=(?:should|must|needs to|has to) be\b)", re.IGNORECASE)
""""category should be incident …", "should be urgent …": the ticket in view's, as "its"."""


def _not_the_other(text: str) -> str:
    """"86 is a bug not a request", "set 4 to high, not urgent", "category should be
    incident rather than request": a value said and another of its kind (or a kind of
    ticket TicketFlow has no category for) denied beside it corrects, and denies nothing
    else; the denial is left out, and so is a "… change the category" that asks for it."""
    said = _NOT_THE_OTHER.fullmatch(text)
    if said is None:
        return text
    value, other = said["value"].lower(), said["other"].lower()
    field = (said["field"] or "").lower()
    kinds = [kind for kind in (CATEGORY_WORDS, PRIORITY_WORDS) if value in kind]
    if not kinds or value == other or not (other in kinds[0] or (
            kinds[0] is CATEGORY_WORDS and other in _KINDS_SAID)):
        return text
    if field and (field in ("priority", "prio")) != (kinds[0] is PRIORITY_WORDS):
        return text  # "a bug not a question, change the priority": which is meant is unclear
    head = said["head"]
    if (fronted := _FIELD_FIRST.match(head)) is not None:
        whose = f"its {fronted['field']}" if fronted["field"] else "it"
        head = f"{whose} {head[fronted.end():]}"
    return f"{head}{said['said']}"


_ORDINAL_ONE = re.compile(
    r"\W*(?:and |so |ok |okay |now )?(?:the |that )?(?:very )?(?:last|first|second|third|top"
    r"|bottom|1st|2nd|3rd|other) (?:one|ticket|issue)\b[\s,:;.!-]*(?P<rest>\S.*)", re.IGNORECASE)
"""A ticket of a list, by its place ("the last one, make it low"), reaching understanding:
no list was shown (a list shown has it written as its number first), so the ticket in view
is not guessed for it: the change is asked about with its ticket still to say."""


def _past_ordinals(rest: str) -> str:
    """What is said after the ticket's place, said again or not ("the last one, the last
    one, make it low"): read once, where peeling one place per reading nested thousands of
    readings (2,000 characters: 7 s of CPU on the event loop)."""
    while (again := _ORDINAL_ONE.fullmatch(rest)) is not None:
        rest = again["rest"]
    return rest


_FRONTED = re.compile(
    r"\s*(?P<ticket>(?:the |ticket |#|the ticket )?(?:[a-z]+-\d{4}-)?\d+)\s+(?P<who>you|u|we)\s+"
    r"(?P<modal>can|could|may|should|might)\s+(?P<verb>[a-z]+)(?:\s+it\b)?", re.IGNORECASE)


def _object_first(text: str) -> str:
    """"the 37 you can close, is working now", "12 you may give to Sam": the ticket said
    before who may change it, read in the usual order ("you can close the 37, …")."""
    fronted = _FRONTED.match(text)
    if fronted is None or fronted["verb"].lower() not in _MINDED_VERBS:
        return text
    who = "you" if fronted["who"].lower() == "u" else fronted["who"]
    return (f"{who} {fronted['modal']} {fronted['verb']} {fronted['ticket']}"
            f"{text[fronted.end():]}")


_BETWEEN = re.compile(r"\s*[,;.!-]+\s*|\s+(?:and|just|please|pls)\s+")


def _all_cancel(simple: str) -> bool:
    """"nvm, forget it", "never mind - cancel": each part a way to call it off."""
    parts = [part for part in _BETWEEN.split(simple) if part]
    return len(parts) > 1 and all(part in CANCEL for part in parts)


_WHEN_ASKED = r"(?: right now| now| today| at the moment| this week| atm)?(?: please| pls)?"
_ONES_LOAD = re.compile(
    r"(?:so |and |hi |hey |please |pls )*(?:"
    r"(?:(?:what'?s|what is|how'?s|how is|show(?: me)?|give me|check|see) )?(?:the )?"
    r"(?:(?P<mine>my) (?:current )?(?:work ?load|load)|(?P<whose>(?!(?:everyone|everybody|team"
    r"|people|staff|agent|server|system)'?s\b)(?!(?:this|his|its|hers|yours|ours|theirs|whats"
    r"|thats)\b)[a-z]+'?s) (?:current )?work ?load)(?: like| looking like| look like| looking)?"
    r"|how busy am i|am i (?:overloaded|overworked|swamped|busy|slammed|drowning|maxed out)"
    r"|how (?:busy|loaded|swamped) is (?P<busy>(?!(?:it|this|that|the|everyone|everybody|he|she"
    r"|they|there|my|our|your|his|her|their|its|a|an)\b)[a-z]+)"
    r"|is (?P<asked>(?!(?:it|this|that|the|everyone|everybody|he|she|they|there|my|our|your|his"
    r"|her|their|its|a|an|anyone|anybody|someone|somebody|network|server|system|email|wifi|vpn"
    r"|printer)\b)[a-z]+) (?:really |too |very |so )?(?:overloaded|overworked|swamped|slammed"
    r"|drowning|maxed out|snowed under|stretched|busy)"
    r"|how much (?:work|stuff) (?:do i have|have i got|is on my plate|am i carrying)"
    rf"(?: on)?){_WHEN_ASKED}")
"""One person's workload asked after ("my workload", "what's Sam's workload", "am I
overloaded?", "how busy is sam", "is alex swamped at the moment?"): their tickets (a team's,
"how busy is network"); everyone's ("who's overloaded") is the count per person."""

_WHAT_NEXT = re.compile(
    r"(?:(?:so|and|ok|okay|hi|hey|morning|good morning|right|alright)[,!]* )*(?:"
    r"(?P<mine>(?:what|which) (?:should|shall|do|can|could) i (?:need to |be )?(?:work(?:ing)? on"
    r"|pick(?:ing)? up|tackl(?:e|ing)|look(?:ing)? at|focus(?:ing)? on|start(?:ing)? (?:with|on))"
    r"|what (?:needs|requires|deserves) my (?:attention|time|focus)"
    r"|(?:is there )?any ?thing (?:that )?i (?:need|should|must|have) (?:to )?(?:be )?"
    r"(?:look(?:ing)? at|work(?:ing)? on|pick(?:ing)? up|deal(?:ing)? with)"
    r"|where (?:should|shall|do) i start|what'?s next (?:for me|on my (?:list|plate))"
    r"|what'?s my next (?:ticket|job|task))"
    r"|(?:what|which tickets?|anything|is there anything|are there any(?: tickets)?)"
    r" (?:that )?(?:needs?|requires?) (?:attention|looking at|doing|to be done|to be looked at)"
    r"|(?:what'?s|what is|anything|is anything|is there anything) on fire)"
    r"(?: next| first| now| right now| today| this morning| at the moment| atm)?(?: please| pls)?")
"""The work asked after ("what should I work on next?", "what needs attention today",
"anything on fire?"): the person's own tickets most urgent first, or with no one named every
ticket they may see; not "what should I do next" (after a help answer, its next step) nor
"what needs to be done to enable mfa" (a how-to)."""

_WHEN_LEAD = re.compile(
    r"\s*(?:before|while|since|as|because|until|till|ahead of)\s+(?:i|im|i'm|i’m|we|we're|were)"
    r"\b[^:\d]{0,60}:\s*(?=\S)", re.IGNORECASE)
"""A time or reason of one's own before a colon ("before i go on holiday: …"): the request
after it is read alone."""
_TYPED_TICKET = TYPED_TICKET
_DONE_TO = {"moved": "move", "closed": "close", "resolved": "resolve", "reopened": "reopen",
            "reassigned": "reassign", "assigned": "assign", "escalated": "escalate",
            "given": "give", "sent": "send", "transferred": "transfer", "put": "put"}
_DONE_WANTED = re.compile(
    r"^(?P<lead>\W*(?:(?:please|pls|so|and|ok|okay|hi|hey)[,!]? )*)"
    r"(?:(?:(?:i|we) )?(?:really )?(?:want|wants|need|needs|would like)"
    r"|(?:i'd|we'd) (?:really )?like)"
    rf" (?P<ticket>{_TYPED_TICKET}|it)"
    rf" (?P<done>{'|'.join(_DONE_TO)})\b(?! (?:by|before|no later than)\b)", re.IGNORECASE)
"""A change wanted done to a ticket, said first: "i want 50 moved to facilities", "sam wants 45
closed" as relayed (not "nobody wants 4 closed", "sam doesn't want 4 closed"); not a wish
past ("i wanted 12 closed") nor a day it is wanted by ("i need 12 closed by friday": due)."""
_TICKET_NAMED = re.compile(
    r"(?:(?:hi|hello|hey|hiya|ok|okay|so)[,!]? )?(?:(?:it'?s|this is|that'?s) )?(?:"
    r"(?:(?:my|the|our|your) )?(?:ticket|case|request|incident|reference|ref)"
    r"(?: number| no\.?| nr\.?| id| #)?(?: is|:| =| -)?"
    r"|(?:about|regarding|re|concerning|following up on)(?::)?(?: my| the)?(?: ticket)?) "
    rf"(?P<ticket>{_TYPED_TICKET})(?: (?:thanks|thx|ty|please|pls))?")
"""A message that only names a ticket ("my ticket number is 12", "re: 12", "it's ticket
12"): it is shown, as "12" alone is."""
_BY_MISTAKE = (r"(?:by mistake|by accident|accidentally|in error|by error|mistakenly|wrongly"
               r"|twice|by mistake sorry|on accident)")
_FILED = r"(?:raised|opened|logged|created|filed|submitted|made|sent|put in|lodged)"
_FILED_BY_MISTAKE = re.compile(
    # possessive: no request starts with "sorry", and giving one back meant looking ahead
    # to the end again from each (a message of "sorry" over and over: seconds)
    r"(?:(?:sorry|oops|whoops|my bad|ugh)[,!.]* )*+(?:"
    r"(?=.*(?:accident|mistake|error|twice|wrongly))"
    rf"(?:i |we )?(?:accidentally |mistakenly )?{_FILED} (?P<ticket>{_TYPED_TICKET})"
    rf"(?: {_BY_MISTAKE})?"
    rf"|(?P<ticket_>{_TYPED_TICKET}) (?:was|got|has been) (?:accidentally |mistakenly )?{_FILED}"
    rf"(?: (?:by me|twice))? {_BY_MISTAKE}"
    rf"|(?P<ticket__>{_TYPED_TICKET}) (?:is|was) (?:a mistake|an accident|a test|a test ticket"
    r"|opened by mistake|raised by mistake|not needed|not a real ticket)"
    r")(?:[,!.]* (?:sorry|oops|my bad|ignore it|pls ignore|please ignore))*")
"""A ticket told as filed by mistake ("984 was raised by mistake", "opened 984 by accident"):
closing it is offered, never made on the telling alone."""
_BACK_THEN_REOPEN = re.compile(
    rf"(?=.*\b(?:again|back|came back|come back|returned|recurr\w*|reappeared)\b)"
    rf"(?!.*\b(?:not|dont|don't|never|no|if|in case|when|whenever|once|unless|until|till"
    rf"|should|might|may)\b)"
    rf".*?\b(?P<ticket>{_TYPED_TICKET})\b.*?[,.;!]*"
    r" (?:(?:so|kindly|pls|please|plz|can you|could you|pls can you) )*(?:re-?open|re open)"
    r"(?: it| this| the ticket| that)?(?: (?:pls|please|plz|thanks|thx|asap))*")
"""A problem told as back on a ticket, then "reopen" alone ("same issue again in 12 kindly
reopen", "12 again, pls reopen"): that ticket reopened, as "12 broke again, reopen it" is;
never on a condition ("in case 991 comes back, reopen it")."""
_BACK_TOLD_MOST = 300
"""Characters of a problem told as back, then "reopen": its two lazy scans over a message of
many numbers cost the square of its length (16,000 characters: 2.4 s), so only short ones."""
_PUSHED_INSTEAD = re.compile(
    r"(?:(?:actually|no|nope|sorry|ok|okay|oh|hmm|wait)[,]? )*(?:(?:can you|could you|please|pls)"
    r" )*make (?:it|that)(?: out)? (?P<count>a|an|one|two|three|four|five|six|seven|eight|nine"
    r"|ten|\d{1,3})(?: more| extra)? (?P<unit>days?|weeks?)(?: out)?(?: instead| then| rather)?"
    r"(?: (?:please|pls|plz|thanks|thx))*")
"""How long a push of the due date is said again ("make it 2 weeks instead")."""
_GIVE_ME = (r"(?:(?:hi|hey|ok|okay|so|just|sorry|hang on|hold on|wait)[,!]? )*"
            r"(?:(?:can|could|would|will) (?:you|u) |pls |please |plz |kindly )*"
            r"(?:(?:give|giv|gimme|gimmie|gimmi) (?:me |us )?|(?:hand|pass) (?:me|us) )")
_COURTEOUS_END = r"(?: (?:please|pls|plz|thanks|thx|ty|mate|m8|ok|okay|lol|haha))*"
_A_MOMENT_COUNTED = re.compile(
    _GIVE_ME + r"(?:\d{1,3}|a few|a couple(?: of)?|another|one|two|three|five|ten|fifteen"
    r"|twenty|thirty)(?: more)? ?(?:s|sec|secs|second|seconds|m|min|mins|minute|minutes"
    r"|moment|moments|mo|tick|ticks|h|hr|hrs|hour|hours)" + _COURTEOUS_END)
"""A moment asked with how long ("give me 5 mins", "gimme 2 secs"): as "give me a sec"."""
_A_BREAK = re.compile(
    r"(?:(?:ok|okay|so|right|guys|team)[,!]? )*(?:lets|let's|let us|we can|we could|we'll"
    r"|time to) take (?:a |an )?"
    r"(?:5|five|10|ten|15|fifteen|\d{1,2} ?(?:min|mins|minute|minutes|m))"
    r"(?: (?:min|mins|minute|minutes))?"
    r"(?: (?:break|breather))?" + _COURTEOUS_END
    + r"|take (?:a |an )?\d{1,2} ?(?:min|mins|minute|minutes|m)(?: (?:break|breather))?"
    + _COURTEOUS_END)
"""A break ("let's take 5", "take 10 mins"): no ticket 5 to take ("I'll take 5" takes it)."""
_TAKE_FIVE = re.compile(r"(?:(?:ok|okay)[,!]? )?take (?P<number>5|five|10|ten)" + _COURTEOUS_END)
""""take 5", "take ten": the idiom for a short break, or ticket 5; asked ("take 12" takes it)."""
_FIVE_SAID = {"five": "5", "ten": "10"}
_GIVEN_A_NUMBER = re.compile(_GIVE_ME + r"(?P<number>\d{1,6})" + _COURTEOUS_END)
""""give me 5": five minutes, a high five, or ticket 5; "gimme 954": ticket 954 to take, or to
see as "send me 954" is. Whether to take it is asked. A ticket said as one ("give me ticket
5", "give me #5", "give 5 to me") is taken."""
_SENT_ME = re.compile(
    r"(?:(?:hi|hey|ok|okay|so)[,!]? )*(?:(?:can|could|would|will) (?:you|u) |pls |please |plz |kindly )*"
    r"(?:send|forward|fwd|email|e-mail|mail|dm|message|ping|share|shoot|drop)(?: over)? (?:me|us)"
    r"(?: over)?(?: (?:a|the) (?:link|url) (?:to|for|of))?"
    rf" (?P<tickets>{_TYPED_TICKET}(?:(?:,| and| &| \+)? {_TYPED_TICKET})*)"
    r"(?: (?:please|pls|plz|thanks|thx|ty|asap|quickly|when you can))*")
"""A ticket asked to be sent to the writer ("send me 12", "can you forward me ticket 12",
"send me a link to 12"): shown (the card offers taking it); "send 12 to me" and "give me 12"
hand it over, as before."""
_MAILED_ME = re.compile(
    r"(?:(?:hi|hey|ok|okay|so)[,!]? )*(?:(?:can|could|would|will) (?:you|u) |pls |please |plz |kindly )*"
    r"(?:(?:send|forward|fwd|email|e-mail|mail|share|text)(?: over)?"
    rf" (?P<tickets>it|this|that|this one|that one|{_TYPED_TICKET}(?:(?:,| and| &| \+)? {_TYPED_TICKET})*)"
    r"(?: over)? to my (?:own )?(?:email|e-mail|mail|inbox|mailbox|outlook|gmail|phone|mobile"
    r"|email address|work email|personal email)"
    r"|(?:email|e-mail|mail)(?: over)?"
    rf" (?P<mailed>{_TYPED_TICKET}(?:(?:,| and| &| \+)? {_TYPED_TICKET})*) to me"
    r"|(?:send|forward|fwd|share)(?: over)? me"
    rf" (?P<sent>{_TYPED_TICKET}(?:(?:,| and| &| \+)? {_TYPED_TICKET})*)"
    r" (?:by|via|in an?|per|over) (?:email|e-mail|mail|teams|chat))"
    r"(?: (?:please|pls|plz|thanks|thx|ty|asap|quickly|when you can))*")
"""A ticket asked to be sent to one's own mail or phone ("send 12 to my email", "email 12 to
me", "send me 12 by email"): what the bot can do is show it here; "my email" is no one to hand
it to, which was asked."""
_DUPLICATE_TOLD = re.compile(
    rf"(?:(?:fyi|btw|so|hmm|oh|ah)[,:]? )?(?P<ticket>{_TYPED_TICKET}|it|this|this one|that)"
    r"(?: is|'s| s) (?:just |only |actually |probably )?(?:a |another |an )?"
    r"(?:dupe|dup|duplicate|double|repeat)(?: ticket| one| request)?(?: i think| i guess)?")
"""A ticket said to be a duplicate of one not named ("12 is a dupe"): closing it is asked,
never made (which one it repeats may matter); "12 is a duplicate of 10" is read below."""
_HAS_TO_BE = re.compile(rf"\b(?P<ticket>{_TYPED_TICKET}|it) (?:has to|must) be\b", re.IGNORECASE)
"""A demand relayed ("my boss says 433 has to be urgent") is read as "needs to be" is; said
by the person it may be a guess ("it must be closed already", "12 must be low priority,
nobody cares"), so a status or a handover is asked about and nothing else is changed."""
_RELAYED = re.compile(
    r"\W*(?:(?:so|and|also|fyi|ok|okay|btw|hi|hey)[,:!]? )*"
    r"(?P<who>(?:my|our|the|your) (?:line manager|team lead|manager|boss|lead|supervisor"
    r"|director|colleague|customer|user|client|requester|requestor|caller|end user|ceo|cto|cfo)"
    rf"(?: (?:on|of|for|from|behind) (?P<ticket>{_TYPED_TICKET}))?"
    r"|(?!(?:it|this|that|which|what|who|i|there|did|does|do|if|when|once|nobody|noone|none"
    r"|neither|never)\b)[a-z]+)"
    r" (?:has |just |also |again )*"
    r"(?:(?:asked|asks|would like|wants|wanted|needs|told) (?:me|us|you|someone|somebody) to "
    r"|(?:asked|asks|is asking|was asking) (?:if|whether) (?:you|we|someone|somebody|i)"
    r" (?:could|can|would|might) (?:please )?"
    rf"|(?=(?:wants|wanted|needs|would like|'d like) (?:{_TYPED_TICKET}|it)"
    rf" (?:{'|'.join(_DONE_TO)})\b)"
    rf"|(?:says|said) (?=(?:{_TYPED_TICKET}|it) (?:has to|needs to|must) be\b))"
    r"(?P<rest>.+)", re.IGNORECASE | re.DOTALL)
"""A request relayed for someone ("my manager asked me to close 430", "sam asked if you
could put 432 on hold", "priya wants 431 moved to facilities", "my boss says 433 has to be
urgent"): the request is read as if asked; a ticket named with who asked ("the user on 47
asked me to close it") is what "it" is."""
_MY_PLACE = r"(?:for me|on my (?:plate|list|desk|todo list|to-do list|to do list))"
_BEFORE_I_GO = (r"(?: (?:today|tonight|this afternoon|this morning|now|right now|before (?:i|we)"
                r" (?:log off|log out|sign off|clock off|leave|go|go home|head off|head home"
                r"|finish|finish up|wrap up)|before the weekend|before eod|before end of day))?")
_LEFT_TO_DO = re.compile(
    r"(?:(?:so|and|ok|okay|hi|hey|please|pls|right|um|umm|morning|good morning|hello|hiya"
    r"|afternoon|good afternoon)[,!.]? )*(?:"
    rf"(?:what'?s|what is|what are) (?:still |else )?(?:left|remaining|outstanding|pending|to do)"
    rf" {_MY_PLACE}"
    r"|(?:what'?s|what is|what are|what else (?:is|are)) (?:still |else )?(?:left|remaining"
    r"|outstanding)"
    r"|anything (?:still |else )?(?:left|remaining|outstanding)"
    rf"|(?:what'?s|what is) (?:still |else )?on my (?:plate|list|desk)"
    rf"|(?:what'?s|what is) (?:still |else )?on for me"
    r"|(?:what|anything) (?:else )?(?:do|have|should) i (?:still )?(?:got |have |need |left )?"
    r"(?:left )?to (?:do|finish|get done|work on|look at|sort out)"
    rf"|(?:is there |have i got |do i have )?anything (?:still |else |left )?(?:{_MY_PLACE}"
    r"|left for me|for me to do|left to do)"
    rf"){_BEFORE_I_GO}(?: please| pls| then)?")
"""What one still has to do ("what's left for me today", "what do I still need to do today",
"anything still on my plate before I log off?", "whats left" alone): their own tickets. Only
the whole message: "what do I need to do to reset my password" asks how."""

_SEEING_OWN = re.compile(
    r"(?:so |and |but |hi |hello |hey |please )*(?:how|where) (?:can i|i can|could i|i could|do i|"
    r"should i|may i|i may|to|would i) (?:see|view|find|check|get|look at|list|look up|access"
    r"|browse)(?: all)? (?P<own>(?:my|our) (?:[\w-]+ ){0,2}?(?:tickets?|requests?|cases?))"
    r"(?: (?:here|in teams|in here|in this chat|in the chat|with you|with the bot))?")
"""Asking how or where to see one's own tickets, in any order of words: the list answers it."""

_MAY_I_SEE = re.compile(
    r"(?:so |and |hi |hello |hey |please )*(?:can|could|may) (?:i|we) (?:please )?(?:get|see|have"
    r"|view|look at) (?:a list of |the list of |a list with |a list |a look at )?"
    r"(?P<what>(?:[\w'-]+ ){0,4}?(?:tickets|requests|cases)(?: [\w'-]+){0,6})(?: please| pls)?")
"""Asking to be shown tickets ("can I get a list of all high priority tickets for
facilities"): a list, not a question for the help assistant."""

_DO_VERB = re.compile(
    r"\bdo (?:the |a )?(?P<verb>close|resolve|reopen|assign|start|solve) (?:for|of|on) ",
    re.IGNORECASE)
_DO_EMPHATIC = re.compile(
    r"\b(?P<asked>please|pls|plz|kindly) do (?P<verb>close|resolve|reopen|assign|reassign|unassign"
    r"|start|give|put|make|set|mark|take|send|move|show|update|change|escalate|comment)\b",
    re.IGNORECASE)
"""A request said with an emphatic "do" ("please do close the ticket 297, issue is solved")."""
_DO_FIELD = re.compile(
    r"^(?P<asked>(?:please |pls |plz |kindly )?)do (?=(?:the )?(?:(?:priority|prio) (?:to |as )?(?:"
    + "|".join(sorted(PRIORITY_WORDS, key=len, reverse=True)) + r")|(?:category|type) (?:to |as )?(?:"
    + "|".join(sorted(CATEGORY_WORDS, key=len, reverse=True)) + r")) (?:for|of|on|to) )", re.IGNORECASE)
"""A field set with "do", in Indian English ("please do priority high for 1524"): as "set"."""
_MY_TICKET = (r"(?P<mine>my (?:[\w-]+ ){0,2}?(?:ticket|tickets|issue|issues|request|requests"
              r"|case|cases|incident|problem)\b)")
_MINE_CHASED = re.compile(
    r"^(?:(?:i am|im|i'm|i’m|we are|we're|were) )?(?:still )?(?:(?:please |pls |can you |could"
    r" you |can someone |could someone )?chase(?: up)?|chasing(?: up)?|waiting (?:on|for)"
    r"|following up (?:on|about)|(?:just )?checking (?:in )?on"
    r"|(?:nobody|no one|noone|no-one) (?:has |have )?(?:replied to|answered|responded to"
    r"|looked at|touched|updated|picked up|got back to (?:me|us) (?:about|on|re)"
    r"|gotten back to (?:me|us) (?:about|on|re))"
    r"|i (?:still )?(?:havent|haven't|haven’t|have not|didnt|didn't|did not) (?:heard|had)"
    r"(?: (?:anything|a reply|an update|any update|any news|news|back))?(?: back)?"
    r" (?:about|on|regarding|re|from you about))"
    rf" {_MY_TICKET}(?:(?: (?:please|pls|thanks|yet|at all|still))*[\s?!.]*$"
    r"| (?:from|since) (?:yesterday|last \w+|monday|tuesday|wednesday|thursday|friday"
    r"|\w+day)[\s?!.]*$)",
    re.IGNORECASE)
_MINE_WAITED_LONG = re.compile(  # "my printer ticket has been open for days" is read already
    r"^(?P<mine>my (?:ticket|issue|request|case|incident|problem)) (?:has been|is still|has been sitting|is|has been waiting)"
    r" (?:open |sitting |waiting |there )?(?:for )?(?:ages|days|weeks|a week|so long|forever"
    r"|too long|a while)[\s?!.]*$",
    re.IGNORECASE)
"""Chasing one's own ticket with no number ("still waiting on my ticket", "nobody has replied
to my ticket", "my ticket has been open for ages"): how one's tickets stand, as "any update
on my ticket" asks, not a new ticket filed about the wait."""
_UPDATE_ME = re.compile(r"\bupdate (?:me|us)(?: (?:on|about|regarding|with|of|for))?"
                        r"(?: (?:the )?(?:status|progress)(?: (?:of|on|for))?)? (?=\S)",
                        re.IGNORECASE)
"""Asking to be told how a ticket stands ("please update me the status of 301", "kindly
update me on 301"): no edit of the ticket."""
_WANT_THAT = re.compile(
    r"^(?P<lead>\W*(?:please |pls |hi |hello )*)(?:i )?(?:want|would like|need|wish|like) that "
    r"(?P<ticket>(?:the |ticket |#)?(?:[a-z]+-\d{4}-)?\d+|it) (?:is|be|will be|gets?|to be) "
    r"(?P<verb>assign|assigned|given|give|close|closed|resolve|resolved|reopen|reopened)\b",
    re.IGNORECASE)


def _wanted(found: re.Match[str]) -> str:
    """"I want that 57 is assign to Priya" (a wish told as other languages tell it): the
    change asked, in the usual order ("assign 57 to Priya")."""
    verb = found["verb"].lower()
    return f"{found['lead']}{_DONE_TO.get(verb, verb)} {found['ticket']}"


_HESITATION = re.compile(r"(?<![\w'’-])(?:u+m+|u+h+|e+r+m+|u+h+m+)(?![\w'’-])[,.]?", re.IGNORECASE)
"""The sounds a dictating phone writes down ("um", "uhh", "erm"): no word of the request."""
_ASKS_FIRST = re.compile(
    r"\s*(?:(?:please|pls|plz|kindly|can you|could you|ok|okay|so) )*(?:close|resolve|reopen|re-open"
    r"|assign|reassign|unassign|give|hand|pass|send|move|put|set|make|mark|start|take|escalate"
    r"|rename|change|update)\b", re.IGNORECASE)
_TOLD_BETWEEN = re.compile(
    r"\s*[,;]\s+(?!(?:i|we) (?:think|guess|believe|suppose|reckon|hope|mean)\b)"
    r"(?:the |a |my |our |this |that )?(?:user|customer|requester|client|caller|vendor"
    r"|supplier|he|she|they|we|it|its|it's|it’s|i|i'm|i’m|im|someone|somebody)\b[^,;\d]{1,80}[,;]"
    r"\s+(?:and|then|and then)\s+(?P<verb>close|resolve|reopen|re-open|assign|reassign|unassign|give"
    r"|hand|pass|send|move|put|set|make|mark|comment|add|start|take|escalate|rename|change|update)\b",
    re.IGNORECASE)
"""What someone says between two requests ("reopen 290, the user says it's broken again, and
give it back to lee park"): why, no part of either; the two are read as one joined by "and"."""
_RANGE = re.compile(
    r"\b(?P<verb>close|resolve|reopen|assign|give|put|hold|show|move|send|mark|set|start"
    r"|cancel|unassign|escalate)\s+(?:(?:everything|all(?: of)?(?: the)?|the)\s+)?"
    r"(?P<noun>(?:tickets?|tkts?)\s+)?(?P<start>(?P<from>from\s+)?#?(?P<first>\d{1,6})"
    r"(?:(?<=\d)[-–](?=\d)|\s*\b(?:through|thru)\b\s*|(?(from)\s+(?:to|till|until|[-–])\s+|(?!)))"
    r"#?(?P<last>\d{1,6}))\b(?![-–/.:]\d|\s*(?:%|days?|weeks?|hours?|hrs?|mins?|minutes?|am|pm"
    r"|people|users|years?)\b)",
    re.IGNORECASE)
"""Tickets said as a range, right after what is done with them: "resolve 1123-1126", "assign
1127 through 1129 to sam", "close everything from 1130 to 1132". Not "close 4 - 5" (two
tickets or a range is not told apart), nor a date or a count ("due 12-15", "1-2 days")."""
_BULK = re.compile(r"\b(?:bulk|mass|batch)[- ]?(?=(?:close|resolve|reopen|assign|reassign|update)"
                   r"\s+(?:tickets?\s+|tkts?\s+)?#?\d)", re.IGNORECASE)
"""Several tickets said to be changed at once, before the change ("bulk close 4, 5")."""
_CLOSURE = re.compile(r"\b(?:do|make|proceed with|go ahead with|process)(?: the)? closure (?:of|for|on)"
                      r"(?= (?:the )?(?:ticket |tkt-?\d{4}-)?#?\d)", re.IGNORECASE)
"""A close asked as a noun before a ticket: "please do the closure of 1170"."""
_PROBLEM_GONE = re.compile(
    r"^(?P<ticket>(?:(?:hi|hello|hey|ok|so|sir|dear \w+)[,!]? )?(?:my )?(?:ticket |tkt |no\.? )?#?\d{1,12}"
    r"|[a-z]{1,10}-\d{4}-\d{1,12})[,:]? (?:the |my |this |that |our )?"
    r"(?:problem|issue|error|fault) (?:is |has been |got |was |now )*"
    r"(?=(?:fixed|solved|resolved|sorted)\b)", re.IGNORECASE)
"""A ticket's problem told as gone, the problem named between ("ticket 1648 problem solved
thank you", "12 issue is fixed now"): as "1648 is solved" is."""
_FIXED_BY_DOING = re.compile(
    r"^(?P<told>(?:(?:update|quick update|fyi|btw|ok|so|good news)[:,!-]* )?(?:ticket )?"
    r"(?:#?\d{1,12}|[a-z]{1,10}-\d{4}-\d{1,12})(?: is| was| got| has been)?"
    r" (?:fixed|resolved|sorted|solved|repaired)) (?=by \w+ing\b)", re.IGNORECASE)
"""A fix told with how it was done ("1583 fixed by replacing the toner"): the state told, and
how as its reason, as with a comma; "12 fixed by sam" (someone's fix) is read as before."""
_STAYS = re.compile(
    r"^(?![^?]*\?)(?P<ticket>(?:ticket |tkt )?#?\d{1,12}|[a-z]{1,10}-\d{4}-\d{1,12}) (?:should|needs to"
    r"|must|has to|can|will) (?:stay|remain) (?=open\b|as it is\b|as is\b)", re.IGNORECASE)
"""A ticket said to stay as it is ("1618 should stay open"): kept, as "keep 1618 open" is."""
_NEGATED = re.compile(r"\b(?:(?:do|does|did|is|was|are|were|has|have|had|ca|wo|could|would"
                      r"|should)n['’]?t|cant|wont|cannot)\b", re.IGNORECASE)


def _fix_doubted(told: str) -> bool:
    """Whether the words after a fix told doubt it ("fixed by rebooting, didnt work for me",
    "problem fixed? still see it", "fixed for now, monitoring"): then not read as a fix."""
    return bool(_NOT_A_NOTE.search(told) or _NEGATED.search(told))


_MUST_TO_BE = re.compile(r"\bmust to be (?=urgent|high|medium|low|closed|resolved|on hold|open"
                         r"|reopened|in progress)", re.IGNORECASE)
""""must to be", as "should be", before a priority or a status: "1178 must to be urgent"."""
_MOST_IN_A_RANGE = 20
"""As many tickets as one message changes."""
_RANGES_READ = 2_000
"""Characters of a message whose ranges are read as tickets: each range becomes up to 20
numbers, and a long paste of them (64,000 characters) took 2.7 s to read instead of 0.5 s."""


def _every_ticket_in(said: re.Match[str]) -> str:
    first, last = int(said["first"]), int(said["last"])
    if not first < last < first + _MOST_IN_A_RANGE:
        return said[0]
    every = [str(number) for number in range(first, last + 1)]
    return f"{said['verb']} {said['noun'] or ''}{', '.join(every[:-1])} and {every[-1]}"


_FULL_STOP = re.compile(r"\s+full stop\b(?=\s|$)", re.IGNORECASE)
"""The full stop a dictating phone writes out as words ("… to priya shah full stop thanks")."""
_STRAIGHT = re.compile(
    r"\b((?:\d+|it|this|this one|that|them|both)\s+)(?:straight|directly|right|immediately)\s+"
    r"(?=(?:over |back )?to\s)", re.IGNORECASE)
"""How directly a ticket goes ("give 338 straight to sam", "send it directly to facilities"):
no part of who takes it."""
_PROGRESS_SHORT = re.compile(r"\bin[\s-]prog\b", re.IGNORECASE)
_HYPHENATED_STATUS = re.compile(r"\b(on|in)-(hold|progress)\b", re.IGNORECASE)
"""A status typed with a hyphen ("on-hold", "in-progress"), as it is spelled without one."""
_SPACE_BEFORE_COMMA = re.compile(r"(?<=\w)\s+([,;])(?=\s)")
"""A comma typed after a space ("close 396 , issue resolved"), as it ends the clause before."""
_COMMA = re.compile(r"(?<!\bthe)(?<!\ba)(?<!\bno)(?<!\bof)\s+comma\b(?=\s+\w)", re.IGNORECASE)
"""A comma dictated between words ("put 393 on hold comma waiting for the user"); not one
named ("the comma key is broken", "a comma in the title")."""
_COLON = re.compile(r"(?<!\bthe)(?<!\ba)(?<!\bno)(?<!\bof)\s+colon\b(?=\s+\w)", re.IGNORECASE)
"""A colon dictated ("new ticket colon the coffee machine is leaking"), not one named."""
_PERIOD = re.compile(r"(?<!\bthe)(?<!\ba)(?<!\bshort)(?<!\blong)(?<!\btrial)(?<!\bgrace)"
                     r"(?<!\bnotice)(?<!\bthis)(?<!\bthat)\s+period"
                     r"(?=\s*$|\s+(?:thanks|thank you|thx|ty|cheers|please|pls)\b)", re.IGNORECASE)
"""The period a dictating phone writes out at the end ("assign 510 to sam period"), or
before a thank-you ("reopen ticket 1186 period thanks"), not a span of time ("for a short
period", "the trial period")."""
_MINE_LOOKS = re.compile(
    r"^(?:how(?:['’]?s| is| does| did)|what(?:['’]?s| is| does| did)) my (?:queue|backlog|day|week"
    r"|plate|list|workload)(?: (?:look|looks|looking|looked))?(?: like)?"
    r"(?=[\s?!.]*$|\s+(?:today|this week)\b)",
    re.IGNORECASE)
"""How the viewer's own queue looks ("how's my queue looking?", "what does my day look like"):
the tickets they hold, not a question for the help documents."""
_HOW_MUCH = re.compile(r"\bhow much (tickets|requests|cases|issues)\b", re.IGNORECASE)


_UTMOST = re.compile(r"\b(?:the )?(?:(?:top|highest|max|maximum|utmost|first)|(?P<lowest>lowest|bottom))"
                    r"(?:[\s-]+(?:priority|prio))\b", re.IGNORECASE)
""""top priority", "the highest priority": urgent, the highest TicketFlow has; "lowest": low."""


def _done_to(what: str) -> bool:
    """"can I get tickets deleted?": asking whether it can be done, not to see them."""
    after = what.split()[-2:]
    return len(after) == 2 and after[0] in ("tickets", "requests", "cases") and _acts(after[1])


_OWN_TICKET = re.compile(
    r"\b(?:my|our)\s+(?:[\w-]+\s+){0,3}?(?:tickets?|requests?|cases?|issues?|incidents?|reports?"
    r"|problems?)\b", re.IGNORECASE)
_ONE_OWN_TICKET = re.compile(
    r"\b(?:my|our)\s+(?P<topic>(?:[\w-]+\s+){0,3}?)(?:ticket|request|case|issue|incident|report"
    r"|problem)\b",
    re.IGNORECASE)
"""One ticket of one's own ("my vpn ticket"), which a question about a fact may be about."""
_AFTER_PROGRESS = re.compile(
    r"\b(?:updates?|news|status|progress|eta|done|fixed|resolved|solved|sorted|closed|happening"
    r"|going on|going|hows|wheres|happened|where|when|anyone|anybody|someone|somebody|looked at|looking at|picked up"
    r"|seen|forgotten|yet|still open)\b", re.IGNORECASE)
_HOW_TO = re.compile(
    r"\bhow (?:do|can|should|would) (?:i|we|you)\b|\bhow to\b"
    r"|\b(?:is there|is it possible|are there) (?:an? |any |some )?"
    r"(?:way|ways|option|setting)?\s*(?:to|for)\b",
    re.IGNORECASE)


_SERVICE_ASKED = re.compile(
    r"(?:(?:i|we) (?:need|want|would like|d like)|id like|(?:can|could|may) (?:i|we) (?:get|have)"
    r"|give|grant|get|set up|setup|install|order|buy|book|provide|configure|unlock|enable)"
    r"(?: (?:me|us|him|her|them|[a-z]+))? (?:access|permission|permissions|rights|admin rights"
    r"|a licen[cs]e|an account|a new|a replacement|a spare|a loan|a loaner)\b"
    r"(?!.*\b(?:tickets?|cases?|issues?|requests?|list|lists)\b).*")
"""Something asked of the service desk ("give me access to the finance share", "set up a
new laptop for Sam", "order a replacement charger"): a request for the help assistant, which
answers it or offers to file it; not a list of tickets searched for its words."""


def asks_after_own_tickets(text: str) -> bool:
    """"Any update on my ticket?", "is anyone looking at my laptop request?", "when will
    our printer issue be fixed?": how the person's own tickets are going, which their list
    answers, not the help documents. "How do I close my ticket?" asks how, and is left to them."""
    return bool(_OWN_TICKET.search(text) and _AFTER_PROGRESS.search(text)
                and not _HOW_TO.search(text))


def _read(message: Message, text: str, conversation: Conversation) -> Understanding:
    words = [word.text for word in message.words]
    start, polite = _skip_start(words)
    if polite and start < len(words) and words[start - 1] == "mind" and (
            verb := _verb_of(words[start])) is not None:  # "would you mind putting 27 on hold"
        message.words[start].text = words[start] = verb
    end = _skip_end(words, start)
    if start >= end:
        return Unknown(text.strip(), suggest([]))
    core = " ".join(words[start:end])
    if core in CANCEL:
        return Cancel()
    if core in HELP or _HELP_ASKED.fullmatch(core):
        return Help()
    if core in _ESCALATE_ALONE and conversation.last_ticket is not None:
        return _ask_field(conversation.last_ticket, "priority")  # "escalate": as "change priority"
    if core in _JUST_DONE and conversation.last_ticket is not None:
        return _should_be(conversation.last_ticket, TicketStatus.RESOLVED)
    if conversation.last_ticket is not None and (note := _done_with_a_note(text)):
        return _should_be(conversation.last_ticket, TicketStatus.RESOLVED, reason=note)
    if (pointed := _POINTED_BACK.fullmatch(core)) and (ticket := message.ticket(
            start + core[:pointed.start("ticket")].count(" ")) or (conversation.number(
                int(pointed["ticket"])) if pointed["ticket"].isdigit() else None)) is not None:
        return ShowTicket(ticket)  # "what about 80?", "same for 84": that ticket, changed by none
    asked = "?" in text  # "68 urgent?", "priority high?": a question, which changes nothing
    if asked and conversation.last_ticket is not None and _PRIORITY_ASKED.fullmatch(core):
        return ShowTicket(conversation.last_ticket)  # "high priority?": is the one shown?
    if not asked and (terse := _TERSE_PRIORITY.fullmatch(core)) and (
            ticket := message.ticket(start)):
        return EditTicket(ticket, priority=PRIORITY_WORDS[terse["value"]] if terse["value"] else (
            _SHORT_PRIORITY[terse["short"]]))  # "68 urgent", "902 hi prio"
    if not asked and (urgency := _PRIORITY_TOLD.fullmatch(core)) and (ticket := message.ticket(
            start + core[:urgency.start("ref" if urgency["ref"] else "ref_")].count(" "))):
        if urgency["value"] and urgency["modal"] == "could":  # "12 could go to low": offered
            value = PRIORITY_WORDS[urgency["value"]]
            return _should_have(ticket, value)
        if urgency["value"]:  # "12 can go to low"
            return EditTicket(ticket, priority=PRIORITY_WORDS[urgency["value"]])
        if urgency["escalated"]:  # "12 needs escalating", as "escalate 12"
            return EditTicket(ticket, priority=Priority.URGENT)
        return _ask_field(ticket, "priority")  # "12 is less urgent now", "no rush on 12"
    if not asked and conversation.last_ticket is not None and (
            alone := _FIELD_ALONE.fullmatch(core)) and (
            edit := _field_of_shown(conversation.last_ticket, alone)) is not None:
        return edit
    if core in _ON_IT and "?" not in text:  # no ticket shown yet: the action asks which
        return ChangeStatus(_one_named(message, start, end) or conversation.last_ticket,
                            TicketStatus.IN_PROGRESS, take=True)
    if (workload := workload_asked(core.replace("?", "").strip())) is not None:
        return workload  # "who's overloaded?", "who's free?": counts, not a list
    if metrics_asked(core):  # "who closed the most this week": no such figures, nor a search
        return NotInTicketFlow(Lacking.METRICS, None)
    if _SERVICE_ASKED.fullmatch(core) and not {REF, NUMBER} & set(words[start:end]):
        return FreeText(text.strip())  # "give me access to the finance share": not a list
    if files_asked(words[:end]):  # "can I add a screenshot": not here, in TicketFlow
        typed = _typed_tickets(message, start, end)
        return NotInTicketFlow(Lacking.ATTACH, message.ticket(typed[0]) if len(typed) == 1 else (
            conversation.last_ticket))
    if stats := stats_asked(_as_typed(message, start, end)):  # "weekly summary": counts too
        return stats
    if reminder := reminder_asked(message, conversation, start, end):  # before "when 145 is fixed" is a condition
        return reminder
    reading = _reading(message, conversation, start, end)
    whole = _reading(message, conversation, start, len(words))
    if commented := _with_comment(message, conversation, start):
        return commented
    if (several := _several_to_file(text)) is not None:
        return several
    if (filing := _filing_asked(text, conversation)) is not None:
        return filing
    if (dictated := _after_a_lead(reading, whole)) is not None:
        return dictated
    if unresolved := _no_such_resolution(message, start, end):
        return unresolved
    if (still := _STILL_BROKEN.fullmatch(core) or _STILL_BROKEN_FIRST.fullmatch(core)) and (
            _typed_as_number(message, at := start + core[:still.start("ref")].count(" "))):
        return Declined(message.ticket(at), text.strip(), not_done=True)  # "51 still broken"
    if _NOT_OPEN.fullmatch(core):  # "it not open": no "don't", and no guess either
        ticket = message.ticket(start)
        return _should_be(ticket, TicketStatus.OPEN) if ticket else FreeText(text.strip())
    if _LEFT_AS_IT_IS.fullmatch(core) or _left_after_a_clause(message, start, end):
        return Declined(_first_ticket(message), text.strip())
    if _is_negation(words[start:end]) and not _lists_with_not(words[start:end]) \
            and not _left_alone(message, conversation, start, end):
        if words[start] == "why" and len(named := _typed_tickets(message, start, end)) == 1:
            return ShowTicket(message.ticket(named[0]))  # "why is 170 STILL not fixed??"
        one = len(_typed_tickets(message, start, end)) == 1
        told = next((i + 1 for i in range(start, end) if _clause_ends(message, i)), end)
        if one and told < end and _still_waiting(words[start:told]) and _asks_a_change(
                then := _later_sentence(message, conversation, start, end)) and then:
            return then  # "ticket 299 is not solved still, please reopen": told, then asked
        if one and told < end and _told_not_done(words[start:told]) and (
                "?" not in message.original(start, told)) and (  # "is 914 not fixed? …": asked
                back := _back_to_work(_later_sentence(message, conversation, start, end))) and (
                back not in {_status_value([w]) for w in words[start:told]}):
            back_to_work = ChangeStatus(message.ticket(_typed_tickets(message, start, end)[0]), back)
            # "914 is not fixed, please reopen": the "not" tells its state, and refuses nothing
            return back_to_work if "?" not in message.text else (
                _confirm(back_to_work) or back_to_work.ticket and ShowTicket(back_to_work.ticket)
                or Unknown(text.strip()))  # "914 is not fixed, reopen?": asked, not made
        if (refused_too := _refused_then_another(message, conversation, start, told, end)):
            return refused_too  # "don't close 12 but do close 13": the request made of 13
        if (said_of := _said_not_done(words[start:end])) is not None:
            return Declined(_first_ticket(message) if said_of else conversation.last_ticket,
                            text.strip(), not_done=True)  # "it is not fixed", "not fixed!!"
        return Declined(_first_ticket(message), text.strip(),
                        not_done=one and _still_waiting(words[start:end]))
    if (lasted := _LASTED.match(core)) and _status_value(lasted["state"].split()) is not None:
        return _later_sentence(message, conversation, start, end) or FreeText(text.strip())
    if words[start:start + 2] in (["what", "if"], ["how", "about"]) and words[
            start + 2:start + 3] in (["we"], ["i"], ["you"]) and len(
            named := _typed_tickets(message, start, end)) == 1:
        return ShowTicket(message.ticket(named[0]))  # "what if we put 261 on hold?": a proposal
    if _what_if(message, start, end):  # "what if it says error 691?": for the help assistant
        return Question(text.strip())
    if _impersonal_it(message, start, end):  # "would it help if i restarted my laptop?"
        return Question(text.strip())
    if (when := _WHEN_DONE_ASKED.fullmatch(core)) is not None and (ticket := message.ticket(
            start + core[:when.start("ref")].count(" ")) if when["ref"]
            else conversation.last_ticket) is not None:
        return ShowTicket(ticket, asked=Asked(Fact.DUE))  # "when it will be done": asked, in
        # another word order, never a change waiting on it
    if _conditional(words[start:end]) or _condition_after(message, start, end):
        # "if 26 is still broken tomorrow, reopen it", "only close 29 once the user confirms";
        # a condition on no request is something told ("it drops as soon as I join a call")
        if _asks_something_done(message, start, end):
            return Declined(_first_ticket(message), text.strip())
        return Question(text.strip()) if message.asks else FreeText(text.strip())
    if hedged := _hedged(message, conversation, start, end):
        return hedged
    if filed := _filed_for_anyone(message, conversation, start, end):
        return filed
    if history := _history(reading):  # "what happened on 4?" is a question with an answer
        return history
    if _is_question(words[start:end], message.asks and not polite):
        if isinstance(joined := _joined_edits(message, conversation, start, end), Both) and (
                isinstance(joined.second, (ListTickets, Workload))):
            return joined  # "close 4 then what's still open?": the change, then the list
        return (_asked_to_start(message, conversation, start, end)
                or _asked_to_take(reading, asked=True)
                or _wanted_by(reading)  # "can I get it by friday?": asked about first
                or _later_sentence(message, conversation, start, end)
                or _question(reading, text.strip()))
    if joined := _joined_edits(message, conversation, start, end):
        return joined
    for rule in _RULES:
        found = rule(reading, whole)
        if isinstance(found, Clarify) and isinstance(found.request, ListTickets) and isinstance(
                _first_clause(message, conversation, start, end), ListTickets):
            return found  # "show me everything | the network team has open": one list, whose
        if isinstance(found, Clarify) and not isinstance(found.request, CreateTicket):
            return _first_clause(message, conversation, start, end) or found  # "assign 4 to
            # Sam, he knows the printer"; a new ticket's question is who should take it
        if found is not None:
            return found
    if listed := _listed(reading, strong_only=False):
        return listed
    if clause := _first_clause(message, conversation, start, end):
        return clause
    if polite and _asks(message, end):  # "could you tell me who is handling 21? thanks"
        return _question(reading, text.strip())
    if "?" in text and _typed_tickets(message, start, end):  # "… (TKT-…-0015). Any news? Thanks"
        return _question(reading, text.strip())
    if (typed := _typed_tickets(message, start, end)) and len(typed) == 1 and " ".join(
            REF if i in typed else words[i] for i in range(start, end)) in _ON_IT:
        return ChangeStatus(message.ticket(typed[0]), TicketStatus.IN_PROGRESS, take=True)
    if (typed := _typed_tickets(message, start, end)) and len(typed) == 1 and (
            _chased(words[start:typed[0]]) or _nothing_heard(words[start:end])):
        return ShowTicket(message.ticket(typed[0]))  # "still waiting on TKT-…-0102, it's been 3 days"
    if also := _also_told(message, conversation, start, end):
        return also
    named = _typed_tickets(message, start, end)
    return _fallback(words[start:end], text.strip(),
                     message.original(named[0], named[0] + 1).rstrip(".?!;") if named else None)


_LASTED = re.compile(
    rf"(?:the |ticket )?(?:{REF}|{NUMBER}) (?:(?:is|s|are|has|have|been|was|still|already) )*"
    r"(?P<state>(?:\w+ ){0,2}?\w+) (?:since|for) (?:the )?(?:last |past )?"
    r"(?:(?:\d+|a|an|one|two|three|four|five|six|few|couple|of|several|many|over|more than) )*"
    rf"(?:days?|weeks?|months?|hours?|ages|ever|so long|too long|long|a while|yesterday|{DATE}"
    r"|this morning|morning|last)\b")
""""184 is pending since 3 days", "4 has been on hold for a week": how long it has been so,
told; no change ("put 4 on hold since the parts are on order" gives a reason)."""


_NOT_OPEN = re.compile(
    rf"(?:{REF}|{NUMBER}) (?:(?:is|s|still|does|do|will|just) )*(?:not|isnt|doesnt|dont|wont|cant"
    r"|didnt|aint|never) (?:(?:still|even|be) )?(?:open|opens|opening|opened)"
    r"(?: (?:anymore|again|at all|still|now|yet))?")
""""It not open", "4 isn't open", "it doesn't open": the thing the ticket is about does not
open, or the ticket is not open (when it should be); either way "don't" fits neither, so
the reopen is offered for the ticket shown, and with none it is a problem told."""


_WHEN_DONE_ASKED = re.compile(
    rf"when (?:(?:my |the )?ticket )?(?:(?P<ref>{REF}|{NUMBER})|it|this|that|this one|that one) "
    r"(?:will|would|is going to|s going to|going to|gonna) (?:be |get )?"
    r"(?:fixed|done|ready|resolved|solved|sorted|sorted out|finished|completed|working|closed)"
    r"(?: (?:please|pls|plz|exactly|roughly))?")
""""when it will be done", "when 7 will be fixed": when it is due, asked in the word order of
many a second language, no request waiting on it."""


_BROKEN = (r"(?:broken|broke|not working|failing|down|happening|an issue|a problem|there"
           r"|occurring|the same|crashing"
           r"|(?:not|isnt|hasnt|havent|aint|no)(?: (?:been|yet|even|really|being))*"
           r" (?:done|fixed|resolved|solved|sorted|sorted out|closed|finished|working))")
_STILL_BROKEN = re.compile(
    rf"{ref()} (?:(?:is|s|are|still|seems|looks|keeps) )*still (?:(?:is|being) )?{_BROKEN}"
    r"(?: (?:again|for me|for us|for them|for the user|for the customer|though|tho"
    r"|unfortunately|sadly|now|today|yet))*")
_STILL_BROKEN_FIRST = re.compile(
    rf"(?:(?:its|it is|is) )?still {_BROKEN}(?: (?:-|–|—|:|on|for|with|in|re))? {ref()}"
    r"(?: (?:again|though|tho|unfortunately|sadly|now|today|yet))*")
""""51 still broken", "TKT-…-0051 is still not working", "36 still isn't resolved", "still
broken - 36": a ticket told not to be done, answered with how it stands (`Declined.not_done`):
its card says whether it is open and with whom, or when it was resolved, with its Reopen
button. No reopen is guessed: an open ticket "still broken" is only not done yet. Only a
ticket typed by its number: "it's still broken" after a card tells of the thing."""


_WHO_FILED = (r"(?:user|users|requester|requestor|customer|reporter|caller|client|person|guy"
              r"|lady|them|him|her)")
"""Who a ticket is for: "tell the user on 40 that …" is said to them on the ticket, a comment."""


def _typed_as_number(message: Message, index: int) -> bool:
    return any(ch.isdigit() for ch in message.original(index, index + 1))


_POINTED_BACK = re.compile(
    rf"(?:and |so |ok |okay |then )?(?:(?:what|how) about|and|same (?:for|with|goes for|thing for|"
    rf"again for|here for)|(?:the )?same for|ditto(?: for)?|also|now|next) (?:ticket |the )?"
    rf"(?P<ticket>{REF}|{NUMBER}|\d{{1,9}})")  # "about 80" is read as a quantity first
""""What about 80?", "and 81?", "same for 84": a follow-up that points at another ticket.
Understanding does not keep the change asked a turn before, so "same" cannot repeat it;
the ticket is shown (its card's buttons are one tap from any change), never changed."""


_SHORT_PRIORITY = {"hi": Priority.HIGH, "med": Priority.MEDIUM, "mid": Priority.MEDIUM,
                   "lo": Priority.LOW}
_TERSE_PRIORITY = re.compile(
    rf"(?:{REF}|{NUMBER}) (?:(?:is|now|to|->|→|=|-|priority|prio) )*"
    rf"(?:(?P<value>{'|'.join(PRIORITY_WORDS)})|(?P<short>{'|'.join(_SHORT_PRIORITY)})(?= prio))"
    r"(?: (?:priority|prio|now|pls|please))*")
""""68 urgent", "68 -> high prio", "902 hi prio": a ticket and a priority, as agents write
them ("hi", "med", "lo" only before "prio": "902 hi" is no priority)."""
_URGENT_WORDS = r"(?:urgent|important|pressing|critical|high priority|a priority)"
_PRIORITY_TOLD = re.compile(
    rf"(?:(?:there is|theres|there s) )?no (?:rush|hurry) (?:on|for|with) (?P<ref>{REF}|{NUMBER})"
    rf"|(?P<ref_>{REF}|{NUMBER}) (?:"
    r"(?:can|could) wait(?: (?:a bit|a while|a little|for now|now|a few days))?"
    rf"|(?:is|s|has become|became) (?:now )?(?:(?:not|no longer) (?:that |so |as |too )?"
    rf"{_URGENT_WORDS}|(?:less|more) (?:urgent|important|pressing|critical|of a priority))"
    rf"|(?:isnt|is not) (?:that |so |as |too )?{_URGENT_WORDS}"
    r"|(?:shouldnt|should not|doesnt need to|does not need to|neednt|need not) be"
    rf" (?:that |so |as |too )?(?:{_URGENT_WORDS}|high)(?: priority| prio)?"
    r"|(?P<modal>can|could|should) (?:go|drop|come|move)(?: down| up| back)? to"
    rf" (?P<value>{'|'.join(PRIORITY_WORDS)})(?: priority| prio)?"
    r"|needs? (?P<escalated>escalating|escalation|to be escalated|to be escalate)"
    r")(?: (?:anymore|any more|now|then|please|pls))*")
"""How urgent a ticket is, told: "12 can go to low" sets it; "12 is less urgent now", "no
rush on 12", "12 can wait", "12 shouldn't be urgent" ask which priority, never guessing how
much lower."""


_PRIORITY_ASKED = re.compile(
    rf"(?:(?:is it|is that|is this|its|it s|still|really|priority|prio) )*"
    rf"(?:{'|'.join(PRIORITY_WORDS)})(?: (?:priority|prio|now|then|too|already|still))*")
""""High priority?", "priority urgent?", "still urgent?" with a ticket shown: asked of that
ticket, which its card answers; never a change, and no list of every ticket at that priority."""


_FIELD_ALONE = re.compile(
    r"(?:(?:priority|prio|pri)|(?P<kind>category|type)) (?:to |is |= |-> |→ |- |of it |now )*"
    rf"(?P<value>{'|'.join(PRIORITY_WORDS | CATEGORY_WORDS)})")
"""A field and its value said alone: "priority urgent", "prio -> high", "type bug"."""


def _field_of_shown(ticket: TicketNumber, said: re.Match[str]) -> EditTicket | None:
    """The ticket just shown gets that value: a bare field is said of the card in view
    (the way "priority: urgent" is written on it); with none shown it is a list's filter."""
    if said["kind"] is None and said["value"] in PRIORITY_WORDS:
        return EditTicket(ticket, priority=PRIORITY_WORDS[said["value"]])
    if said["kind"] is not None and said["value"] in CATEGORY_WORDS:
        return EditTicket(ticket, category=CATEGORY_WORDS[said["value"]])
    return None


_ON_IT = frozenset(
    f"{who}{doing} {REF}"
    for who in ("", "i am ", "we are ", "were ", "am ", "i will be ", "ill be ")
    for doing in ("on", "looking into", "looking at", "checking", "having a look at", "picking up",
                  "grabbing")
) | frozenset(f"{who}{verb} {REF}" for who in ("i will ", "ill ", "will ", "we will ", "well ")
              for verb in ("look into", "look at", "check", "take a look at", "have a look at"))
"""Said to the ticket just shown: "on it", "I'm on it", "looking into it now", "I'll look
into it"."""


_MINDED_VERBS = frozenset(STATUS_VERBS) | frozenset(COMMAND_VERBS) | _ACTION_WORDS | {
    "put", "take", "bump", "pass", "send", "make", "add", "leave", "look"}


def _one_named(message: Message, start: int, end: int) -> TicketNumber | None:
    """The ticket a reference in the words names ("on TKT-2026-0610", "checking #42"); None
    for "it" and "this one", which are the ticket in view."""
    return next((ticket for index in range(start, end)
                 if (ticket := message.ticket(index)) is not None), None)


def _verb_of(word: str) -> str | None:
    """The verb a gerund is of ("putting" → "put", "closing" → "close"), if a command's."""
    if not word.endswith("ing") or len(word) < 6:
        return None
    stem = word[:-3]
    for verb in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
        if verb in _MINDED_VERBS:
            return verb
    return None


def needs_directory(understood: Understanding) -> bool:
    """An assignment, or a list or new ticket whose person or team was not placed:
    understood again once the people and teams are read (read only then)."""
    if isinstance(understood, Both):
        return needs_directory(understood.first) or needs_directory(understood.second)
    if isinstance(understood, Clarify):
        return isinstance(understood.request, (AssignTicket, ListTickets, CreateTicket))
    if isinstance(understood, EachTicket):  # "take 4 and 5 off alex": who from, placed
        return isinstance(understood.change, AssignTicket) and isinstance(
            understood.change.to, Nobody)
    return isinstance(understood, AssignTicket)


_TAKEN_BACK = _NEGATIONS | {"actually", "wait", "but", "instead", "unless", "if", "maybe",
                           "later", "tomorrow", "tdate", "or", "hold on", "hmm"}


_SUBJECTS_OF_THEIR_OWN = frozenset({"i", "we", "he", "she", "they", "hes", "shes", "theyre"})
"""Who a reason is told of, as typed ("she's" is read as "shes"): not the one asked."""
_WHEN_SAID = frozenset({"later", "tomorrow", "tdate"})
"""A time in a reason with a subject of its own ("unassign me from 30, I'm off next week") is
when that happens, not when the request should."""


_SAID_AGAIN = re.compile(r"(?:i mean|i meant|actually|maybe|ok|okay|so)\s+")


def _only_when(said: list[str]) -> bool:
    """"close 12, I mean later", "…, tonight", "…, after lunch": the words after the change
    say only when it should be made (`_WHEN_ONLY`, or a day), no reason: not made now.
    "…, now", "…, I mean asap" are now."""
    told = _SAID_AGAIN.sub("", " ".join("today" if word == DATE else word for word in said
                                        if word not in ("-", "–", "—")), count=1)
    return _WHEN_ONLY.fullmatch(told) is not None and _NOW.match(told) is None


_NOW = re.compile(r"(?:right )?now\b|asap\b")


_WHY_AFTER_NO = frozenset({
    "response", "responses", "reply", "replies", "answer", "feedback", "contact", "word",
    "update", "updates", "longer", "activity", "news", "action", "need",
    "further", "more", "issue", "issues", "problem", "problems", "errors", "complaints",
    "recurrence", "sign", "callback", "show", "one",  # "no further issues", "no one replied"
})
_WHY_AFTER_NOT = frozenset({
    "reproducible", "reproduceable", "needed", "required", "necessary", "relevant",
    "an", "a", "our", "in", "supported",
})
_PROBLEMS = frozenset({"issue", "issues", "problem", "problems", "error", "errors", "fault",
                       "message", "popup", "crash", "crashes", "noise", "symptom", "symptoms"})
_RECURRING = frozenset({"coming", "happening", "appearing", "occurring", "showing", "recurring",
                        "reoccurring", "repeating", "returning", "popping", "seen", "there"})
"""A problem told to have gone ("1525 can be closed, issue not coming now", "… the error is
not showing anymore"): the "not" is why it is done, never the change taken back."""
_GONE_SINCE = frozenset({"since", "anymore", "reported", "seen", "overnight"})
"""After "no" and a symptom of a word or two, what says it has not come back: "no drops since
the reinstall", "no paper jams since friday", "no lockouts anymore"."""
_SHOULD_COME = frozenset({"emails", "mails", "messages", "calls", "replies", "responses", "updates",
                          "backups", "notifications", "prints", "jobs", "connections", "logins"})
"""Things that should come, so that none since is the fault: "no emails since yesterday"."""
_NOT_AGAIN = frozenset({"seen", "happened", "happening", "recurred", "reoccurred", "returned", "reappeared"})
"""After "not", a symptom not come back when "again" or "since" follows: "not seen again"."""
_JUDGED = frozenset({"acceptable", "ok", "okay", "impressed", "funny", "fair", "professional",
                     "good", "happy", "great"})
"""After "not", a judgement of how it went ("I am writing about 343. Not acceptable"), no
take-back of a request before it."""


def _tells_why(words: list[Word], index: int) -> bool:
    """A "no" or "not" that starts the reason a change is made, not a take-back: "closing 7
    - no response from the user", "resolve 4, no longer needed", "close 5, not reproducible",
    "close 6, not an IT issue"."""
    said = words[index].text
    following = words[index + 1].text if index + 1 < len(words) else ""
    if said == "no" and following in ("further", "more", "one"):  # "no further issues", "no one
        return index + 2 < len(words)  # replied", not "no more" nor "no one"
    before = [w.text for w in words[max(index - 3, 0):index] if w.text not in ("is", "are", "was")]
    return said == "no" and following in _WHY_AFTER_NO or (
        said == "not" and following in _WHY_AFTER_NOT) or (
        said == "not" and following in _RECURRING and before[-1:] != [] and before[-1] in _PROBLEMS)


def _told_gone(words: list[Word], index: int) -> range:
    """The words that tell a symptom gone, as why a status changes: "no drops since the
    reinstall", "no paper jams since friday", "not seen again". Empty when there are none:
    "no wait", "no, not yet", "no lee since …" (a name is no symptom: only for a status)."""
    said = words[index].text
    for end in (index + 2, index + 3) if said == "no" else ():
        symptom = [w.text for w in words[index + 1:end]]
        if end < len(words) and words[end].text in _GONE_SINCE and all(
                word.isalpha() and word not in _TAKEN_BACK | {REF, NUMBER, DATE}
                for word in symptom) and _happenings(symptom[-1]):
            return range(index, end + 1 + (end + 1 < len(words) and words[end + 1].text == DATE))
    if said == "not" and index + 2 < len(words) and words[index + 1].text in _NOT_AGAIN and (
            words[index + 2].text in ("again", "since")):
        return range(index, index + 3 + (index + 3 < len(words) and words[index + 3].text == DATE))
    return range(0)


def _happenings(word: str) -> bool:
    """A symptom that comes and goes ("drops", "paper jams", "errors"), whose absence is the fix:
    not what the fault took away ("no internet since the reinstall", "no access since
    monday", "no emails since yesterday"), whose absence is the fault."""
    return word in _PROBLEMS or (word.endswith("s") and not word.endswith("ss")
                                 and word not in _SHOULD_COME)


_DASHES = frozenset({"-", "–", "—"})


def _bare_order(message: Message, start: int, end: int) -> bool:
    """"reopen, user says still broken", "resolve - replaced the toner": a status order alone,
    then why, is about the ticket in view as "reopen it, …" is. Not when the rest types a
    ticket or asks something more ("close, 41 is fixed", "resolve, then give it to sam"):
    which ticket, or which change, is not guessed."""
    words = message.words
    alone = message.typed_to(words[start]).endswith(
        (",", ";", ":", ".", "!")) or start + 1 < end and words[start + 1].text in _DASHES
    return alone and words[start].text in STATUS_VERBS and not any(
        _typed_number(word) or word.text in _MINDED_VERBS for word in words[start + 1:end])


def _judged(words: list[Word], start: int, end: int) -> bool:
    """"…, not acceptable", "… not happy at all": how it went, judged."""
    return any(words[i].text == "not" and words[i + 1].text in _JUDGED
               for i in range(start, end - 1))


def _first_clause(
    message: Message, conversation: Conversation, start: int, end: int
) -> Understanding | None:
    """"reopen 4 please, it's broken again", "give 4 to Sam because he knows the printer":
    the request before the comma (or "because", "since", " - " …), the rest a reason.

    Only when the whole message is no request, or one that would have to be asked about
    (the reason read as part of a name or a status); a negation anywhere was read before."""
    words = message.words
    later: list[Understanding | None] = []  # the request in a later sentence, read once
    bare = _bare_order(message, start, end)  # "reopen, user says still broken"
    for index in range(start if bare or _addressed(message, start, start + 1) else start + 1,
                       end - 1):
        typed = message.typed_to(words[index])
        if typed.endswith((",", ";", ".", "!", "?")) or typed.endswith(":") and (
                words[index].text in (REF, NUMBER) or bare and index == start):
            # "close 9: confirmed fixed by user", "reopen: still broken"
            reason = index + 1
        elif _starts_reason([w.text for w in words[index + 1:index + 5]]) or _asked_after(
                message, index + 1):  # "12 is fixed please close it", as with the comma
            reason = index + 1
        elif _clause_ends(message, index):  # "sam is off sick so give 165 to alex": only
            if not later:  # what is told, then the request after it
                later.append(_later_sentence(message, conversation, start, end))
            if not later[0]:  # no request after it: what is told needs no reading
                continue
            told = _reading(message, conversation, start, index + 1)
            if not any(rule(told, told) is not None for rule in _RULES):
                return later[0]
            continue
        else:
            continue
        clause_end = _skip_end([w.text for w in words[:reason]], start)
        clause = _reading(message, conversation, start, clause_end)
        found = next((f for rule in _RULES if (f := rule(clause, clause)) is not None), None)
        changed = isinstance(found, (ChangeStatus, AssignTicket, EditTicket, CommentOnTicket))
        others_did = _explains(found, _not_done_by_others([w.text for w in words[reason:]])
                               or _no_need_of_it([w.text for w in words[reason:end]])) or (
            _lowered(found) and _not_pressing([w.text for w in words[reason:end]]))
        gone = {i for start_at in range(reason, end) if isinstance(found, ChangeStatus)
                for i in _told_gone(words, start_at)}  # "…, no drops since friday"
        after = {w.text for i, w in enumerate(words[reason:], start=reason)
                 if words[i - 1].text != "it"  # "…, it won't print": the thing, not a take-back
                 and not _tells_why(words, i)  # "closing 7 - no response from the user"
                 and i not in gone
                 and not (others_did and w.text in _NOT_DOING)}  # "…, he never replied"
        if _called_for(found):
            after -= {w.text for i, w in enumerate(words[reason:end], start=reason)
                      if _tells_what_fails(words, i, reason)}
        if after & _NEGATIONS and (_first_ticket(message) is not None or changed) and (
                changed or not _judged(words, reason, end)):
            return Declined(_first_ticket(message), message.text.strip())  # "close 4, actually don't"
        subject = reason + (words[reason].text in ("-", "–", "—"))  # "… - she's in today"
        own = subject + 1 < len(words) and words[subject].text in _SUBJECTS_OF_THEIR_OWN and (
            words[subject + 1].text not in _NEGATIONS)  # "…, I'm off next week": their own
        waits = isinstance(found, ChangeStatus) and found.status is TicketStatus.ON_HOLD
        if after & (_TAKEN_BACK - _WHEN_SAID if own or others_did or waits else _TAKEN_BACK) or (
                _only_when([w.text for w in words[reason:end]])):
            return None  # "resolve 4, or maybe …", "close 4, tomorrow": not the request it
            # starts with; a hold's day tells what it waits for ("12 pending vendor, part
            # ordered friday")
        if changed and found is not None and (_asks_about_it([w.text for w in words[reason:end]])
                                              or _gainsaid(found, [w.text for w in words[reason:]])):
            return _confirm(found) or Declined(_first_ticket(message), message.text.strip())
            # "close 12, what do you think", "… is that allowed": asked first, never made
        if _addressed(message, start, reason):  # "Network team, please close 12": no list
            return _later_sentence(message, conversation, start, end)
        if isinstance(found, ChangeStatus) and found.status is not None:
            if (words[start].text in _PEOPLE | {"ive", "weve", "ill", "id"} or _state_told(
                    words[start:reason])) and _asks_a_change(
                    asked := _later_sentence(message, conversation, start, end)) and (
                    changed_ticket(asked.request if isinstance(asked, Clarify) else asked)
                    == found.ticket) and not _types_another(words[reason:end], found.ticket):
                return asked  # "I've sorted 58, can you close it off", "4 is blocked, give it
                # to sam": what is asked of it, not the status its state would be; never after
                # another ticket ("40 is blocked, 41 is fixed, close it": "it" may be 41)
            if _types_another(words[reason:end], found.ticket) and any(
                    w.text == REF and not _typed_number(w) for w in words[reason:end]) and (
                    _asks_a_change(later_asked := _later_sentence(
                        message, conversation, start, end)) or isinstance(later_asked, Unknown)):
                return Unknown(message.text.strip())  # which one "it" is: not
                # guessed, and no request is posted on 40 as why it changed
            if _told_of_another(words[reason:], found.ticket):
                return found  # "779 is fixed, 780 is still in progress": no reason for 779
            if (doing := _only_doing([w.text for w in words[reason:]])) is not None:
                return replace(found, status=doing)  # "737 works now, closing": closed, and
                # "closing" is no reason
            if (asked_after := status_asked_after([w.text for w in words[reason:end]])) and (
                    asked_after.statuses != {found.status}) and not _the_thing(words[start]):
                # not "it's working now, you can close it", where "it" is the thing that works
                if (asked_after.only or asked_after.asked_first) and _types_another(
                        words[reason:end], found.ticket):
                    return Unknown(message.text.strip())  # "close 918, please reopen 919":
                    # never 919's status on 918, nor the ask posted on 918 as why
                if asked_after.only and len(asked_after.statuses) == 1 and _state_told(
                        words[start:reason]):
                    return replace(found, status=next(iter(asked_after.statuses)))  # "918 is
                    # fixed, pls put on hold": on hold, and the ask is no reason
                if asked_after.asked_first or asked_after.only:  # "…, please put on hold for
                    # the vendor", "close 918, pls reopen it" (a change, then another): which
                    return _confirm(replace(found, reason=None, status=next(iter(
                        asked_after.statuses)) if len(asked_after.statuses) == 1 else found.status))
                    # of the two is not guessed
            if _state_told(words[start:reason]) and (asked_of := _asked_of_the_one_told(
                    message, conversation, found, reason, end)) is not None:
                return asked_of  # "12 is fixed, assign to sam": never "assign to sam" posted
                # on 12 as why it was resolved
            if _only_tickets([w.text for w in words[reason:end]]):
                return Unknown(message.text.strip())  # "close 4 - 5": a range or a second
                # ticket, not guessed, and never "5" posted as why 4 was closed
            return replace(found, reason=_reason(message, reason))
        if found is not None:
            return found if not isinstance(found, CreateTicket) else None
        return _later_sentence(message, conversation, start, end)
    return None


def _the_thing(word: Word) -> bool:
    """"it", "this" ("it's working now"): the thing told of, which may not be the ticket."""
    return word.text in ("this", "that", "thats") or word.text == REF and not _typed_number(word)


_TOLD_BY = frozenset({"is", "was", "s", "has", "got", "looks", "seems", "are", "were"})
"""What tells a ticket's state after it ("4 is fixed", "4's blocked", "4 got fixed")."""


_FILING_VERBS = frozenset({"new", "create", "raise", "log", "file"})
"""Words that open a reason as often as a request: "12 fixed, new cable"."""
_ONES_TOLD = re.compile(r"\b(?:them|both|those|these|the two)\b", re.IGNORECASE)


def _asked_of_the_one_told(
    message: Message, conversation: Conversation, found: ChangeStatus, reason: int, end: int
) -> Understanding | None:
    """A request after a ticket's state ("12 is fixed, assign to sam", "12 and 13 fixed, close
    them"), read as of that ticket; what it cannot make of it is asked, never made. None when
    the words after the state ask nothing, or name another ticket."""
    said = [w.text for w in message.words[reason:end]]
    said = said[1:] if said[:1] in (["-"], ["–"], ["—"]) else said
    first, _ = _skip_start(said)
    if not said[first:first + 1] or said[first] not in _REQUEST_VERBS | _SETTING_VERBS or (
            said[first] in _FILING_VERBS or _types_another(message.words[reason:end], found.ticket)):
        return None
    asked = _understand(_ONES_TOLD.sub("it", message.original(reason, end)).lstrip(" -–—"),
                        replace(conversation, last_ticket=found.ticket), several_then=False)
    change = asked.request if isinstance(asked, Clarify) else asked
    if _asks_a_change(asked) and changed_ticket(change) == found.ticket or (
            not conversation.directory and needs_directory(asked)):
        return asked  # read again with the people and teams: "… assign to sam"
    return None if isinstance(change, CreateTicket) else _confirm(replace(found, reason=None))


def _state_told(clause: list[Word]) -> bool:
    """"4 is fixed", "ticket 4's blocked": a state told of a ticket typed, which a request
    after it ("…, give it to sam") outranks; not "close 4", a request itself, nor "it's
    working now, you can close it", where "it" is the thing that works again."""
    while clause and clause[0].text in ("the", "ticket", "my", "our", "tkt"):
        clause = clause[1:]
    return len(clause) > 1 and clause[0].text in (REF, NUMBER) and (
        len(clause) > 2 and clause[1].text in _TOLD_BY or clause[1].text in _TERSE_STATES) \
        and any(ch.isdigit() for ch in clause[0].typed)


_TERSE_STATES = frozenset({"fixed", "done", "sorted", "solved", "resolved", "complete",
                           "completed", "finished", "blocked", "working", "works", "ok", "fine"})
"""A state told right after the ticket, with no "is": "12 sorted, give to sam"."""


_JOINS = frozenset({"and", "&", "+"})
_JOINED_WITHIN = 30
"""Words a request of two field changes is said in; each "and" reads both sides again, so a
long story ("… jams again, and the scanner too" 1,200 times) is not read this way."""
_EDIT_FIELDS = ("title", "description", "priority", "category", "due", "severity")


def _joined_edits(
    message: Message, conversation: Conversation, start: int, end: int
) -> EditTicket | Both | None:
    """"rename 4 to 'Printer jams' and make it urgent", "make 41 high priority and due
    friday": two field changes of one ticket, made together; read apart, the second was
    taken into the title or the status and dropped. "it" after the "and" is the ticket
    before it; a field said twice, or a second part that is no field change, joins nothing
    (a join inside quotes is part of a title)."""
    words = message.words
    if end - start > _JOINED_WITHIN:
        return None
    quoted = [found.span(1) for found in _QUOTED.finditer(message.text + " ")]
    for index in range(start + 2, end - 1):
        if words[index].text in _JOINS | {"then"}:  # "resolve 131 then assign 132 to sam"
            after = index + 1 + (words[index + 1].text == "then")  # "… and then …"
        elif _clause_ends(message, index - 1) and _typed_tickets(message, index, index + 2):
            after = index  # "close 69, resolve 70": a second request of its own ticket
        else:
            continue
        if not any(w.text in (REF, NUMBER) for w in words[start:index]):
            continue  # a change before the "and" names its ticket ("it" too): cheap to tell
        begin = message.spans[words[index].first][0]
        if any(first <= begin < last for first, last in quoted):
            continue
        before = read_message(message.original(start, index), conversation)  # a title ends here
        left = _rules_on(_reading(before, conversation, 0, len(before.words)))
        if _ASKED_OF_YOU.match(" ".join(w.text for w in words[:end])) and not (
                {"me", "myself", "i", "im", "ill"} & {w.text for w in words[:end]}) and any(
                _taken_by_the_writer(part, conversation) for part in (left, _rules_on(
                    _reading(message, conversation, after, end)))):
            return None  # "can you take 743 and close 12": who takes 743 is no guess
        # "give it to sam and make it urgent" with no ticket in view (one being filed): "it"
        # is asked for, or is the new ticket, and both changes are still read
        unnamed = conversation.last_ticket is None and not _typed_tickets(message, start, index)
        if _complete(left, unnamed=unnamed) and not isinstance(left, EditTicket) or isinstance(
                left, EditTicket) and left.has_changes and (left.ticket is not None or unnamed):
            right = _rules_on(_reading(message, conversation, after, end))
            if right is None and words[after].text in _LIST_AFTER and not any(
                    w.text in _JOINS | {"then"} for w in words[after:end]):  # "… and what's
                asked = _understand(message.original(after, None), conversation,  # open?", once
                                    several_then=False)
                right = asked if isinstance(asked, (ListTickets, Workload)) else None
            if (pair := _both(left, right, message, after, end, unnamed=unnamed)) is not None:
                return _second_of_each(pair, message, conversation, after)
            if (other := _of_another(left, message, conversation, after, end)) is not None:
                return other
        if not isinstance(left, EditTicket) or not left.has_changes or left.ticket is None:
            continue
        if after == index:
            continue  # a comma joins only requests of two tickets
        right = _rules_on(_reading(message, conversation, index + 1, end))
        if not isinstance(right, EditTicket):  # "… and due friday": said without a verb
            said = message.original(index + 1, end if end < len(words) else None)
            again = read_message(f"set {left.ticket} {said}", conversation)
            right = _rules_on(_reading(again, conversation, 0, len(again.words)))
        if _typed_tickets(message, index + 1, end) and getattr(right, "ticket", None) != left.ticket:
            return None  # "… and make 5 urgent": another ticket
        if not isinstance(right, EditTicket) or not right.has_changes:
            return None
        both = {name: getattr(left, name) for name in _EDIT_FIELDS if getattr(left, name) is not None}
        more = {name: getattr(right, name) for name in _EDIT_FIELDS if getattr(right, name) is not None}
        if set(both) & set(more):
            return None
        return replace(left, **more)
    return None


def _taken_by_the_writer(found: Understanding | None, conversation: Conversation) -> bool:
    return isinstance(found, AssignTicket) and isinstance(found.to, UserTarget) and (
        found.to.user_id == conversation.viewer_id)


_ASKED_OF_YOU = re.compile(r"(?:(?:hi|hey|so|ok|okay|and|also|pls|please) )*(?:can|could|would"
                           r"|will) (?:you|u|ya)\b")
"""A hand-over asked of "you" ("can you take 743 …"): of the bot or a colleague, never the
writer's to take by guess."""
_LIST_AFTER = frozenset({"show", "list", "give", "get", "what", "whats", "which", "pull",
                         "display", "find", "search", "any", "who", "whos"})
"""How a list asked after a change starts: "… and show me my tickets", "… then what's open"."""


def _complete(found: Understanding | None, *, unnamed: bool = False) -> bool:
    """A change with all it needs; `unnamed`: but for its ticket, an "it" with none in view."""
    match found:
        case ChangeStatus(ticket=ticket, status=status):
            return (ticket is not None or unnamed) and status is not None
        case AssignTicket(ticket=ticket, to=to):
            return (ticket is not None or unnamed) and to is not None
        case EditTicket(ticket=ticket) as edit:
            return (ticket is not None or unnamed) and edit.has_changes
    return False  # a comment's text is the person's words, "and" and all


def _both(
    left: Understanding | None, right: Understanding | None, message: Message, first: int,
    end: int, *, unnamed: bool = False,
) -> Both | None:
    """"rename 4 to printer jams and close it", "close 4 and assign it to Sam": two changes
    of one ticket, of different kinds (two field changes are one edit). The second's "it"
    is the first's ticket; an assignment to a name not placed yet is asked about. `unnamed`:
    that ticket is an "it" with none in view (both are then without one)."""
    if not isinstance(left, (ChangeStatus, AssignTicket, EditTicket)) or not _complete(
            left, unnamed=unnamed):
        return None
    if isinstance(right, EditTicket) and isinstance(left, EditTicket):
        return None  # one edit: the caller merges them
    if isinstance(right, (ListTickets, Workload)) and not unnamed and message.words[
            first].text in _LIST_AFTER:
        return Both(left, right)  # "close 4 and show me my tickets": the change, then the list
    request = right.request if isinstance(right, Clarify) else right
    if not isinstance(request, (ChangeStatus, AssignTicket, EditTicket)) or type(request) is type(left):
        return None
    if isinstance(right, Clarify) and not isinstance(request, AssignTicket):
        return None
    if _typed_tickets(message, first, end) and request.ticket != left.ticket:
        return None  # another ticket's change: `_of_another`
    moved = replace(request, ticket=left.ticket)
    if isinstance(right, Clarify):
        question = right.question.replace(_label(request.ticket), _label(left.ticket))
        return Both(left, replace(right, request=moved, question=question))
    return Both(left, moved) if _complete(moved, unnamed=unnamed) else None


def _second_of_each(pair: Both, message: Message, conversation: Conversation, after: int) -> Both:
    """"assign 4 to priya, then close 4 and 3": the second change made to each ticket it
    names, not to the first alone (the rules read a run of tickets as its first)."""
    run = gather_tickets(read_message(message.original(after, None), conversation))
    if len(run) < 2 or not isinstance(pair.second, _CHANGES) or pair.second.ticket != run[0]:
        return pair
    each = for_each(pair.second, run, final=True)
    return replace(pair, second=each) if isinstance(each, (EachTicket, Clarify)) else pair


def _of_another(
    left: Understanding | None, message: Message, conversation: Conversation, first: int, end: int,
) -> Both | None:
    """"close 4 and assign 5 to Sam", "close 69, resolve 70", "make 73 high and 74 low": a
    second change that types its own ticket, read as if said alone (of any kind, the same
    kind too); said without a verb ("… and 74 low"), the first's verb is no guess for a field
    alone, so only a field change is read ("set 74 low"). Anything else joins nothing."""
    if not isinstance(left, (ChangeStatus, AssignTicket, EditTicket)) or not _complete(left):
        return None
    typed = _typed_tickets(message, first, end)
    if not typed or message.ticket(typed[0]) in (None, left.ticket):
        return None
    right = _joined_edits(message, conversation, first, end) or _rules_on(
        _reading(message, conversation, first, end))  # "…, resolve 469 and put 470 on hold"
    if isinstance(right, Both):
        ticket = right.first.ticket if not isinstance(right.first, EachTicket) else None
        return Both(left, right) if ticket == message.ticket(typed[0]) else None
    if right is None and typed[0] == first:  # "… and 74 low"
        said = message.original(first, end if end < len(message.words) else None)
        again = read_message(f"set {said}", conversation)
        right = _rules_on(_reading(again, conversation, 0, len(again.words)))
        if not isinstance(right, EditTicket):
            return None
    request = right.request if isinstance(right, Clarify) else right
    if not isinstance(request, (ChangeStatus, AssignTicket, EditTicket)):
        return None
    if request.ticket != message.ticket(typed[0]):
        return None
    if isinstance(right, Clarify):
        return Both(left, right) if isinstance(request, AssignTicket) else None
    return Both(left, request) if _complete(request) else None


def _rules_on(reading: Reading) -> Understanding | None:
    return next((f for rule in _RULES if (f := rule(reading, reading)) is not None), None)


@cache
def _with_comment_leads() -> tuple[tuple[str, ...], ...]:
    """Words that ask for a comment with a status change: "resolve 4 with the comment: loose
    cable", "close 12 and add a note saying …", "… and tell the user it was the cable"."""
    things = ((), ("the",), ("a",))
    return tuple((joint, *thing, noun) for joint in ("with", "and") for thing in things
                 for noun in ("comment", "note")) + tuple(
        ("and", "add", *thing, noun) for thing in things for noun in ("comment", "note")) + (
        ("and", "say"), ("and", "tell", "them"), ("and", "let", "them", "know")) + tuple(
        lead for party in sorted(_REQUESTERS) for lead in (
            ("and", "tell", "the", party), ("and", "let", "the", party, "know")))


_CHANGED_MIND = frozenset({"actually", "wait", "hmm", "scratch"})
_SAID_OPENS = (("saying", "that"), ("saying",), ("that", "says"), ("which", "says"),
               ("to", "say"), ("that",))


def _with_comment(message: Message, conversation: Conversation, start: int) -> ChangeStatus | None:
    """"resolve 4 with the comment: loose cable" (how a confirmed "I think 4 is fixed, loose
    cable" is sent back): the status change, and the words after as its comment, whatever
    they say ("… with the comment: the user doesn't need it")."""
    words = [word.text for word in message.words]
    for index in range(start + 1, len(words) - 2):
        lead = next((len(p) for p in _with_comment_leads()
                     if tuple(words[index:index + len(p)]) == p), 0)
        if not lead or index + lead >= len(words):
            continue
        clause = _reading(message, conversation, start, index)
        found = next((f for rule in _RULES if (f := rule(clause, clause)) is not None), None)
        if not isinstance(found, ChangeStatus) or found.status is None or found.take:
            return None
        said = [w if w != REF or message.original(at, at + 1).lower() != "that" else "that"
                for at, w in enumerate(words[:index + lead + 2])]  # "that", not "it"
        if words[index] == "and" and said[index + lead:index + lead + 1] in (
                ["to"], ["on"], ["for"], [REF], [NUMBER]) and _typed_tickets(
                message, index + lead, min(index + lead + 3, len(words))):
            return None  # "close 12 and add a note to 13": a note on another ticket
        lead += next((len(p) for p in _SAID_OPENS
                      if tuple(said[index + lead:index + lead + len(p)]) == p), 0)
        if index + lead >= len(words) or words[index] == "and" and (
                _CHANGED_MIND & set(words[index + lead:])):
            return None  # "close 12 and say it's fixed, actually don't": taken back
        if set(words[index + lead:]) <= _POINTS_BACK:
            return replace(found, reason=None)  # "close 12 and note it", "… and say nothing";
            # "… and comment fixed" is the comment asked for
        return replace(found, reason=_unquoted(message.original(index + lead)))
    return None


_BETWEEN_TICKETS = frozenset({"-", "–", "—", "--", "and", "&", "+", "to", "thru", "through",
                              "please", "pls", "plz", "thanks", "thx", "ty", "too", "also"})


def _only_tickets(said: list[str]) -> bool:
    """Only tickets after a change ("close 4 - 5", "resolve 12 – #13 pls"): no reason."""
    return any(word in (REF, NUMBER) for word in said) and all(
        word in (REF, NUMBER) or word in _BETWEEN_TICKETS for word in said)


def _reason(message: Message, begin: int) -> str | None:
    """What was said after the change, as typed, without the word that joined it ("because",
    " - "): "it was a loose cable", "duplicate of 9"."""
    words = [word.text for word in message.words]
    if words[begin:begin + 2] in (["due", "to"], ["owing", "to"]):
        begin += 2
    elif begin < len(words) and words[begin] in _BECAUSE:
        begin += 1
    begin = _after_a_label(message, begin)  # "close 12, comment: replaced cable"
    end = len(words)
    while (thanks := next((p for p in _thanks() if end - len(p) >= begin
                           and words[end - len(p):end] == list(p)), None)) and not (
            end - len(thanks) > begin and _unfinished(message.words[end - len(thanks) - 1])):
        end -= len(thanks)
    if end <= begin < len(words):
        return None  # "close 12 - thanks", "close 12 - brb": courtesy, no reason
    if _said_aside(words[begin:end], message.original(begin, end if end < len(words) else None)):
        return None  # "close 12, also whats the status of 13", "…, have a good weekend"
    if words[begin:end] and set(words[begin:end]) <= _ONLY_DONE:
        return None  # "close 12 as fixed": nothing the change does not say itself
    if end - begin <= _LONGEST_CHEER and _CHEER.fullmatch(" ".join(words[begin:end])):
        return None  # "737 is fixed, nice", "close 12, great job sam": said to the chat
    if " ".join(words[begin:end]) in _APOLOGY_ALONE:
        return None  # "close 12, sorry": said to the chat, never posted where the requester reads
    return _unquoted(message.original(begin, end if end < len(words) else None))  # "… 🙄" kept


def _after_a_label(message: Message, begin: int) -> int:
    """Where a comment labelled as one begins ("close 12, note: replaced cable", "comment -
    …", "remark : …"): the label is not posted; a label word with no colon or dash is part of
    what was said ("reason unknown")."""
    words = message.words
    if begin + 1 >= len(words) or words[begin].text not in _COMMENT_LABELS:
        return begin
    if words[begin + 1].text in _DASHES:
        return begin + 2 if begin + 2 < len(words) else begin
    finish = message.spans[words[begin].last][1]
    colon = message.typed_to(words[begin]).endswith(":") or (
        message.text[finish:finish + 4].lstrip().startswith(":"))  # "comment : …"
    return begin + 1 if colon else begin


_CHEER = re.compile(
    r"(?:(?:(?:so |very |really )?(?:nice|cool|great|awesome|sweet|perfect|excellent|brilliant"
    r"|lovely|super|amazing|fantastic|good|yay|yey|finally|phew|whew|wow|woo+|woo+hoo+|hooray"
    r"|lol|lmao|haha+|hehe+|at last|about time|thank god|thank goodness)"
    r"|(?:well done|(?:nice|great|good|excellent|awesome) (?:job|work|one|stuff|news)"
    r"|(?:many |big )?(?:thanks|thank you|thank u|thx|ty|cheers)(?: (?:so much|a lot|again))?)"
    r"(?: (?:everyone|all|team|guys|folks|[a-z]+(?= |$)))?)(?: |$))+")
"""A reason that is only a cheer ("nice", "yay finally", "great job sam", "well done alex"):
one name or "everyone" may follow praise ("great job sam"), never a bare cheer ("finally
replaced", "wow printer" are reasons). Tried on short reasons only (_LONGEST_CHEER words),
where its ways of splitting a run of words are few."""
_LONGEST_CHEER = 6


_PROGRESS_TOLD = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple|few|no)\s+"
    r"(?:more\s+)?(?:(?:tickets?|ones?)\s+)?(?:to go|left|remaining|down)\b"
    r"|^\W*(?:(?:on to|onto|on with)\s+)?(?:the\s+)?next(?:\s+(?:one|ticket|please))?\W*$",
    re.IGNORECASE)
"""How the writer's own work goes ("2 more tickets to go", "one down", "on to the next one")."""
_NEXT_STEP = frozenset({"then", "next", "afterwards"})
_NEXT_STEP_VERBS = frozenset({"tell", "let", "email", "mail", "ping", "call", "notify", "inform",
                              "message", "text", "ask", "remind", "follow", "check", "update",
                              "do"})
"""What opens a next step to do ("then tell the user"), not a reason ("then it worked")."""
_ASIDE_LEADS = frozenset({"also", "and", "btw", "plus", "oh", "ps", "anyway", "anyways", "fyi"})
_CONTRACTED_ASKS = frozenset({"whats", "wheres", "whos", "whens", "hows", "whys"})
_QUESTION_WORDS = frozenset({"what", "where", "who", "when", "why", "how", "which"})
_ASKED_HOW = frozenset({"is", "are", "was", "were", "does", "do", "did", "has", "have", "can",
                        "could", "will", "would", "should", "about"})
_ASKED_WHO = frozenset({"you", "u", "we", "i", "anyone", "someone", "anybody", "somebody",
                        "there", "tref", "tnum"})
_FAREWELLS = ("have a nice", "have a good", "have a great", "have a lovely", "enjoy your",
              "enjoy the", "good weekend", "nice weekend", "great weekend", "happy friday",
              "happy weekend", "happy holidays", "see you", "see ya", "cya", "take care",
              "good night", "goodnight", "speak tomorrow", "talk tomorrow",
              *(f"{thanks} {who}" for thanks in ("thanks", "thank you", "thx", "ty", "cheers")
                for who in ("all", "everyone", "everybody", "guys", "team", "folks", "again")))


def _said_aside(said: list[str], typed: str) -> bool:
    """A question or a goodbye after a change ("close 12, also whats the status of 13",
    "resolve 12, have a good weekend", "close 12. thanks everyone for the help!"): said to
    whoever reads the chat, no reason for the change, so never posted as one where the
    requester reads it. "thanks to the vendor's patch", "when I rebooted it, it worked" are
    reasons still."""
    while said and said[0] in _ASIDE_LEADS:
        said = said[1:]
    if not said:
        return False
    if ends_asking(typed) or " ".join(said).startswith(_FAREWELLS):
        return True
    if _PROGRESS_TOLD.search(typed) or said[0] in _NEXT_STEP and said[1:2] and (
            said[1] in _REQUEST_VERBS | _SETTING_VERBS | _NEXT_STEP_VERBS):
        return True  # "…, 2 more tickets to go", "…, then tell the user": the writer's own
        # work, what is done next, not why this ticket changed
    return said[0] in _CONTRACTED_ASKS or len(said) > 1 and (
        said[0] in _QUESTION_WORDS and said[1] in _ASKED_HOW
        or said[0] in _ASKED_HOW - {"about"} and said[1] in _ASKED_WHO)


_UNFINISHED = frozenset({"is", "was", "are", "were", "am", "be", "been", "said", "says", "say",
                         "saying", "wrote", "will", "would", "must", "can", "could", "should",
                         "to"})
"""A word a courtesy finishes the sentence of ("user is afk", "user said thanks", "we'll speak
soon"): then it is the reason's own, told, not said to the bot (it posted "user is")."""


def _unfinished(word: Word) -> bool:
    """Whether `word` leaves its sentence for the words after it to finish (see _UNFINISHED)."""
    return word.text in _UNFINISHED or word.typed.lower().endswith(("'ll", "’ll"))
_ONLY_DONE = frozenset({"fixed", "done", "complete", "completed", "resolved", "solved", "sorted",
                        "discussed", "agreed", "requested", "asked", "promised", "planned",
                        "mentioned", "it", "that", "this", "nothing", "so"})
"""A reason that says no more than the change ("as fixed", "as discussed", "… and note it")."""
_POINTS_BACK = frozenset({"it", "that", "this", "nothing", "so", REF})
"""A comment asked for that says nothing of its own ("… and note it", "… and say nothing")."""
_COMMENT_LABELS = frozenset({"comment", "comments", "note", "notes", "reason", "reasons",
                             "remark", "remarks", "resolution"})
"""What labels the comment after a change ("close 12, note: replaced cable")."""


def _unquoted(said: str) -> str | None:
    """A comment as typed, without the quotes it was given in: "with note \"user confirmed\""."""
    for opening, closing in (('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’")):
        if len(said) > 2 and said.startswith(opening) and said.endswith(closing) and (
                closing not in said[1:-1]):
            return said[1:-1].strip() or None
    return said or None


_APOLOGY_ALONE = frozenset({
    "sorry", "sry", "soz", "apologies", "my bad", "oops", "whoops", "sorry all", "sorry guys",
    "sorry everyone", "sorry again", "sorry sorry", "oops sorry", "sorry my bad",
    *(f"sorry for the {what}" for what in ("noise", "spam", "bother", "trouble", "hassle")),
    "sorry to bother you", "sorry to bother", "sorry for bothering you"})
"""An apology alone after a change: said to the chat ("close 12, sorry for the noise"); one
to the requester ("…, sorry it took so long") is kept as the comment."""


@cache
def _thanks() -> tuple[tuple[str, ...], ...]:
    """Courtesy after a reason ("…, thanks!"), which the comment leaves out; "again" stays."""
    kept = {"again", "now", "then", "for", "if", "when", "asap", "right"}
    return tuple(p for p in _polite_end() if not kept & set(p))


def _line_break_after(message: Message, index: int) -> bool:
    """Whether a new line starts after word `index` (not its last)."""
    return "\n" in message.text[message.spans[message.words[index].last][1]:
                                message.spans[message.words[index + 1].first][0]]


def _line_names_a_ticket(message: Message, index: int) -> bool:
    """Whether the line word `index` ends typed a ticket's number: "close 623⏎close 624" is
    two requests, "should I⏎close 40" one question over two lines (it closed 40)."""
    first = index
    while first > 0 and not _line_break_after(message, first - 1):
        first -= 1
    return any(_typed_number(w) for w in message.words[first:index + 1])


def _clause_ends(message: Message, index: int) -> bool:
    """Word `index` ends a sentence or a clause: "… this morning. Could you …",
    "Hey, quick one - can you close 14?"."""
    typed = message.typed_to(message.words[index])
    if typed.endswith((".", "!", "?", ",", ";", ":")) and not typed.endswith("..."):
        return True
    if index + 1 < len(message.words) and _line_break_after(message, index) and (
            _line_names_a_ticket(message, index)):
        return True  # "close 623⏎close 624": a line of its own, as a phone or a list sends it
    following = message.words[index + 1].text if index + 1 < len(message.words) else ""
    after = message.words[index + 2].text if index + 2 < len(message.words) else ""
    return following in ("-", "–", "—") or following in ("so", "therefore", "hence") and (
        after in _REQUEST_VERBS | _SETTING_VERBS | {"please", "pls", "plz", "kindly"}) or (
        index > 0 and _asked_after(message, index + 1))
    # "sam is off sick so give 165 to alex": a request after what is told


_ASKED_RUN_ON = ({"please", "pls", "plz", "kindly"}, {"you", "u"}, {"can", "could", "may"})
"""How a request run on after what is told starts: "please …", "you can …", "can you …"."""


def _asked_after(message: Message, index: int) -> bool:
    """Word `index` starts a request run on after what was told, without a comma: "12 is
    fixed please close it", "… u can close it now", "… can you close it"."""
    said = [w.text for w in message.words[index:index + 3]]
    polite, who, can = _ASKED_RUN_ON
    asked = said[1:2] if said[:1] and said[0] in polite else (
        said[2:3] if said[:1] and said[0] in who and said[1:2] and said[1] in can or (
            said[:1] and said[0] in can and said[1:2] and said[1] in who) else [])
    return bool(asked) and asked[0] in _REQUEST_VERBS | _SETTING_VERBS


def _it_as_told(
    found: Understanding, message: Message, begin: int, told: int, first: int, last: int
) -> Understanding:
    """"4 is broken, can you reopen it?": "it" is the ticket the sentence before names; so it
    is of a change with a piece asked ("4 is broken, pls assign it to lee": which Lee takes 4)."""
    named = _typed_tickets(message, begin, told)
    if not named or _typed_tickets(message, first, last):
        return found
    ticket = message.ticket(named[0])
    if any(message.ticket(i) != ticket for i in named) and (
            isinstance(found, _CHANGES) or isinstance(found, Clarify) and isinstance(
                found.request, _CHANGES)):
        return Unknown(message.text.strip())  # "not 789, i meant 790, close it": which one
        # "it" is cannot be told; the first named was changed, or the one in view
    if isinstance(found, Clarify) and isinstance(found.request, _CHANGES) and (
            was := found.request.ticket) is not None and (any(
                w.text == REF for w in message.words[first:last])  # "it" said, or implied
                or _asks_a_change_first(message, begin, told)):  # after "close 12, …"
        return replace(found, request=replace(found.request, ticket=ticket),
                       question=found.question.replace(_label(was), _label(ticket)))
    if not isinstance(found, (AssignTicket, ChangeStatus, CommentOnTicket, EditTicket, ShowTicket)):
        return found
    return replace(found, ticket=ticket)


def _asks_a_change_first(message: Message, begin: int, told: int) -> bool:
    """"close 12, assign to sam?": the sentence before asks a change of the ticket it names,
    so a change after it with no ticket is of that one too; "printer on 3 is jammed. assign to
    sam?" tells of a place, and the one in view is meant."""
    texts = [w.text for w in message.words[begin:told]]
    first, _ = _skip_start(texts)
    return first < len(texts) and texts[first] in _REQUEST_VERBS | _SETTING_VERBS


def _typed_tickets(message: Message, begin: int, end: int) -> list[int]:
    return [i for i in range(begin, end) if message.words[i].text in (REF, NUMBER)
            and any(ch.isdigit() for ch in message.original(i, i + 1))]


def _taken_by_another(found: Understanding, said: list[str], conversation: Conversation) -> bool:
    """"Dear Priya, … could you take 12?": asked of the person greeted, not of the bot."""
    return (isinstance(found, AssignTicket) and isinstance(found.to, UserTarget)
            and found.to.user_id == conversation.viewer_id and not {"i", "me", "myself"} & set(said))


_REQUEST_VERBS = frozenset(COMMAND_VERBS) | _ACTION_WORDS
_SETTING_VERBS = frozenset({"make", "put", "bump", "lower", "raise", "send", "escalate", "push"})
"""Verbs that change a ticket and also open other sentences: a command after "never mind"."""
"""A later sentence is read only when it asks politely or starts like a command."""
_TOLD = 3  # words: what a ticket is asked for after ("my screen flickers. Can you log it?")


def _later_sentence(
    message: Message, conversation: Conversation, begin: int, end: int
) -> Understanding | None:
    """"My screen is flickering since Monday. Can you open a ticket?", "Sorry to bother you.
    Could you close 12?": the request in a later sentence, the sentences before it what it
    is about (a new ticket's title) or only politeness.

    Only a sentence the rules read whole, and only when no sentence after it takes it back."""
    words = message.words
    texts = [w.text for w in words]
    sentence = begin
    for index in range(begin, end):
        if index < end - 1 and not _clause_ends(message, index):
            continue
        first, polite = _skip_start(texts[sentence:index + 1])
        first += sentence
        last = _skip_end(texts, first, index + 1)  # not a copy of all before it, each clause
        if sentence > begin and first < last and (
                polite or texts[first] in _REQUEST_VERBS | _SETTING_VERBS
                or _drawn(texts[sentence:first], texts[first:last]) and not _asks(message, index + 1)
                or texts[first] not in _SOMEONE and _addressed(message, begin, sentence)) \
                and not _is_question(texts[first:last], asks=False):
            read = _reading(message, conversation, first, last)
            found = next((f for rule in _RULES if (f := rule(read, read)) is not None), None)
            if not polite and texts[first] not in _REQUEST_VERBS and not isinstance(
                    found, _CHANGES):
                found = None  # "the printer is slow, make it faster": no change asked
            if found is not None:
                if set(texts[index + 1:]) & _TAKEN_BACK or _taken_by_another(
                        found, texts[first:last], conversation):
                    return None
                if _addressed(message, begin, sentence) and isinstance(found, _CHANGES):
                    return _confirm(found) or FreeText(message.text.strip())
                found = _it_as_told(found, message, begin, sentence, first, last)
                if _asked_about_after(message, found, index + 1, end):
                    asked = found.request if isinstance(found, Clarify) else found
                    if _types_another(message.words[begin:sentence], changed_ticket(asked)):
                        return Unknown(message.text.strip())  # "close 12⏎close 13⏎does that
                        # work?": both asked about, not 13 alone
                    return _confirm(found) or Declined(_first_ticket(message), message.text.strip())
                    # "sorry to bother you. close 12. is that ok?": asked first, never made
                new = found.request if isinstance(found, Clarify) else found
                if isinstance(new, CreateTicket) and new.title is None and not new.form:
                    told_from, _ = _skip_start(texts[begin:sentence])
                    told = message.original(begin + told_from, sentence).rstrip(" ,.;:!-–")
                    if len(told.split()) < _TOLD:
                        return found
                    titled = replace(new, title=as_title(_quoted_or(told)) or None)
                    return replace(found, request=titled) if isinstance(found, Clarify) else titled
                return found
        sentence = index + 1 if texts[index + 1:index + 2] not in (["-"], ["–"], ["—"]) else index + 2
    return None


def _asked_about_after(message: Message, found: Understanding, begin: int, end: int) -> bool:
    """Whether the sentence after a later request asks about it ("… close 12. is that ok?",
    "…⏎assign 13 to sam⏎is that the right syntax?"), not about another ticket ("… why is 13
    still open?")."""
    asked = found.request if isinstance(found, Clarify) else found
    if not isinstance(asked, _CHANGES) or begin >= end:
        return False
    finish = begin
    while finish < end - 1 and not _clause_ends(message, finish):
        finish += 1
    said = message.words[begin:finish + 1]
    return _asks_about_it([w.text for w in said]) and not _types_another(said, asked.ticket)


_CHANGES = (AssignTicket, ChangeStatus, CommentOnTicket, EditTicket)
_MAY_BE = frozenset({"can", "could", "may"})


def _drawn(opening: list[str], said: list[str]) -> bool:
    """A change drawn from what was told before it: "the bulb was swapped, so 413 can be
    closed" (read as "413 can be closed" is); not "…, so 46 is still open", a state told,
    nor "…, so 413 can be closed?", asked (the caller sees the "?")."""
    return "so" in opening and said[:1] in ([REF], [NUMBER]) and len(said) > 2 and (
        said[1] in _MAY_BE and said[2] == "be")


_NOT_A_NAME = frozenset({
    "fyi", "btw", "update", "urgent", "again", "also", "today", "now", "done", "fixed", "sorted",
    "ok", "okay", "yes", "no", "so", "first", "next", "then", "finally", "otherwise", "anyway",
    "asap", "important", "reminder", "note", "thanks", "hi", "hello", "hey", "dear", "please",
})


_ADDRESS_WINDOW = 8  # words: a name of up to three after a greeting ("hi there", "dear")


def _addressed(message: Message, begin: int, sentence: int) -> bool:
    """"Sam, please close 12", "Hi Lee Park, resolve 4": the words before the first comma
    only name who the request is for (one to three words that say nothing else), so the
    request is that person's, not the bot's: a change is asked about, never made."""
    if sentence - begin > _ADDRESS_WINDOW:
        return False  # checked once a sentence: looking further back made long messages slow
    words = message.words
    dashes = ("-", "–", "—")
    if sentence < len(words) and words[sentence].text in dashes:
        name_end = sentence  # "Network team - please close 12", seen from the clause before
    elif sentence > begin and words[sentence - 1].text in dashes:
        name_end = sentence - 1  # … and from the sentence after the dash
    else:
        name_end = 0
    first, _ = _skip_start([w.text for w in words[begin:name_end or sentence]])
    first += begin
    if not name_end and sentence > first and message.text[
            message.spans[words[sentence - 1].last][1] - 1] == ",":
        name_end = sentence
    if not 0 < name_end - first <= 3:
        return False
    said = [w.text for w in words[first:name_end]]
    return all(w.isalpha() and w not in _REQUEST_VERBS and w not in _NOT_A_NAME
               and w not in (REF, NUMBER)  # "closing 12 - duplicate of 9": no one's name
               and w not in _TAKEN_BACK and not any(w in p for p in _DROPPED_BEFORE)
               and w not in _QUESTION_START and _status_value([w]) is None for w in said)


_SINCE_WHEN = frozenset({DATE, "yesterday", "last", "this", "morning", "lunch", "then", "ages",
                         "forever", "days", "weeks", "hours", "early"})
"""What follows "since" when it says when ("since monday", "since last week"), not why."""
_BECAUSE = frozenset({"because", "since", "cause", "cuz", "coz", "bc", "-", "–", "—", "as"})
_SOMEONE = frozenset({"he", "she", "they", "we", "i", "it", "tref", "hes", "shes", "theyre", "its",
                      "the", "this", "that", "there", "theres"})


_TELLING = frozenset({"he", "she", "they", "we", "tref", "the", "hes", "shes", "theyre"})
"""Words a sentence told after a request starts with ("close 24 it's sorted"); not "that",
which more often starts a relative clause ("the tickets that Alex has")."""
_TELLS = frozenset({"is", "was", "has", "are", "were", "keeps", "came", "seems", "looks",
                    "works", "needs", "am", "have"})


_SAYS = frozenset({"said", "says", "confirmed", "confirms", "reported", "reports", "replied",
                   "wrote", "knows", "knew", "fixed", "handled", "worked"})
"""Telling what someone said or did, as a reason starts ("close 814 the user said its
working", "815 to alex please he knows the system")."""


_REQUESTERS = frozenset({"user", "users", "customer", "requester", "requestor", "client",
                         "caller", "vendor", "enduser"})
_TOLD_SO = frozenset({"confirmed", "confirms", "says", "said", "reports", "reported", "agreed",
                      "agrees", "replied", "happy", "satisfied", "ok", "okay", "is", "was", "has"})
"""Who tells, and telling, as a reason starts: "user confirmed fixed", "customer happy"."""


def _starts_reason(said: list[str]) -> bool:
    """"because …", " - …", "as he …" (but "mark 4 as urgent" is no reason), or a sentence
    told without a comma ("close 24 its sorted", "reopen 24 the issue is back")."""
    if not said:
        return False
    subject = next((i for i, w in enumerate(said[1:4], start=1) if w in _PEOPLE), 4)
    if said[0] in _TELLING and any(w in _TELLS | _SAYS for w in said[1:subject]):
        return True  # not "… back to | the queue, I am swamped": "I" is another's subject
    if said[0] in _WAITING and said[1:2] in (["on"], ["for"]):
        return True  # "82 on hold waiting on user": why, not part of the status
    if said[0] in ("while", "whilst") and said[1:2] != [] and said[1] in _SOMEONE | {"im", "you"}:
        return True  # "hand 234 to lee chen while i'm away": why, no part of the name
    if said[0] in _REQUESTERS and said[1:2] and said[1] in _TOLD_SO:
        return True  # "closing 9 user confirmed fixed": dictated, with no comma
    if said[0] == "no" and said[1:2] and said[1] in _WHY_AFTER_NO and (
            said[1] not in ("further", "more") or len(said) > 2):
        return True  # "resolve 4 no further issues", but not "close 4 no wait"
    if said[:2] in (["due", "to"], ["owing", "to"]) and len(said) > 2:
        return True  # "closing 12 due to no response"
    if said[0] in ("i", "we") and said[1:2] and said[1] in _TOLD_BY_ONESELF and len(said) > 2:
        return True  # "close 12 i dont need it anymore", "… i fixed it myself"
    if said[0] == "not" and said[1:2] and said[1] in ("needed", "required", "necessary"):
        return True  # "close 12 not needed anymore"
    if said[0] not in _BECAUSE or said[0] == "since" and said[1:2] and said[1] in _SINCE_WHEN:
        return False  # "nobody has touched 628 since monday, …": when, not why
    return said[0] != "as" or said[1:2] != [] and (
        said[1] in _SOMEONE | _REQUESTERS | _AS_SAID or _ended_as(said[1:])
        or said[2:3] != [] and said[2] in _TELLS)  # "close 12 as issue is resolved"


_TOLD_BY_ONESELF = frozenset({
    "dont", "do", "no", "already", "fixed", "sorted", "solved", "resolved", "managed",
    "figured", "found", "got"})
"""What follows "i" or "we" that tells why, run on after a request: "… i dont need it
anymore", "… we found the cause"; not "show tickets i have", a list's own words."""


_AS_SAID = frozenset({"you", "u", "nobody", "noone", "per", "discussed", "agreed", "requested",
                      "asked", "promised", "planned", "mentioned"})
"""After "close 12 as": who said so, or that it was agreed ("as you said", "as nobody replied",
"as per the user", "as discussed")."""
_ENDED_AS = frozenset({
    "duplicate", "duplicated", "dupe", "dup", "spam", "junk", "invalid", "obsolete", "stale",
    "abandoned", "withdrawn", "cancelled", "canceled", "expired", "answered", "superseded",
    "redundant", "irrelevant", "unreproducible", "irreproducible", "noise", "mistake", "error",
    "test", "resolved", "fixed", "done", "complete", "completed", "solved", "sorted",
})
"""How a ticket ended, said after "close 12 as": "a duplicate of 10", "spam", "not a bug",
"no longer needed", "user error", "working as designed", "raised in error"."""


def _ended_as(said: list[str]) -> bool:
    said = said[1:] if said[:1] in (["a"], ["an"]) else said
    if not said:
        return False
    return said[0] in _ENDED_AS or said[:2] in (
        ["not", "a"], ["not", "an"], ["not", "reproducible"], ["not", "needed"],
        ["not", "required"], ["no", "longer"], ["no", "response"], ["no", "one"],
        ["user", "error"], ["working", "as"], ["works", "as"], ["by", "design"],
        ["out", "of"], ["raised", "in"], ["opened", "in"], ["logged", "in"], ["created", "in"],
        ["false", "alarm"], ["false", "positive"], ["known", "issue"], ["third", "party"])


_OTHERS = frozenset({"he", "she", "they", "hes", "shes", "theyre"})


def _called_for(found: Understanding | None) -> bool:
    """A change that what does not work calls for: more urgent, someone else, back to work
    (not a close or a resolve, which "the fix doesn't work" gainsays)."""
    if isinstance(found, Clarify):  # whom "sam" names is read next
        return isinstance(found.request, AssignTicket)
    return isinstance(found, (EditTicket, AssignTicket)) or isinstance(found, ChangeStatus) and (
        found.status in (TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.ON_HOLD))


_SPEAKERS = frozenset({"i", "we", "you", "u", "ill", "well", "id", "wed"})


def _tells_what_fails(words: list[Word], index: int, reason: int) -> bool:
    """"…, the printer doesn't work", "… they can't print invoices": a thing's or another's
    "not" after its subject, no speaker's take-back ("we can't give it to him yet"), and
    nobody's wish about the ticket ("sam doesn't want it urgent")."""
    subject = next((w.text for w in reversed(words[reason:index]) if w.text not in _BEFORE_NOT),
                   "")
    failing = [w.text for w in words[index + 1:] if w.text not in ("still", "even", "ever")][:1]
    return words[index].text in _UNABLE and index > reason and (
        words[index - 1].text not in _SPEAKERS) and not any(
        _acts(w.text) or w.text in _DONE or w.text in ("want", "need", "wanna", "like")
        for w in words[index + 1:]) and (
        subject not in _OTHERS | _REQUESTERS | {"them"} or bool(
            failing and failing[0] in _FAILING))  # "they can't print", not "he doesn't care"


def _lowered(found: Understanding | None) -> bool:
    """A change that makes a ticket wait: a low or medium priority, or on hold."""
    return isinstance(found, EditTicket) and found.priority in (Priority.LOW, Priority.MEDIUM) or (
        isinstance(found, ChangeStatus) and found.status is TicketStatus.ON_HOLD)


def _not_pressing(said: list[str]) -> bool:
    """"…, it's not urgent", "… as it isn't blocking anyone", "- not affecting anyone": why
    a ticket can wait, told with a "not" that takes nothing back."""
    said = said[1:] if said[:1] and said[0] in _BECAUSE | {"-"} else said
    said = said[1:] if said[:1] in ([REF], ["it"], ["this"], ["that"]) else said
    said = said[1:] if said[:1] in (["is"], ["s"], ["was"]) else said
    if said[:2] == ["no", "longer"]:
        said = said[2:]
    elif said[:1] in (["not"], ["isnt"], ["wasnt"]):
        said = said[1:]
    else:
        return False
    said = said[1:] if said[:1] in (["really"], ["that"], ["so"], ["very"], ["too"]) else said
    return bool(said) and said[0] in _PRESSING


_PRESSING = frozenset({"urgent", "critical", "blocking", "important", "pressing", "affecting",
                       "impacting", "stopping", "a", "an", "time", "high", "business", "serious"})
"""What a ticket that can wait is not: "not urgent", "not blocking anyone", "not a priority",
"not time critical", "not business critical"."""


def _no_need_of_it(said: list[str]) -> str | None:
    """The writer's own "not" that is why a ticket can be closed: "…, I don't need it
    anymore", "we don't need this any more", "don't need it now", "i no longer need it":
    "need", as `_not_done_by_others` gives for "she doesn't need it"; else None. Said of the
    ticket as a whole only: "…, I don't need the old laptop back" is no such reason."""
    said = said[1:] if said[:1] in (["because"], ["since"], ["as"], ["-"]) else said
    said = said[1:] if said[:1] in (["i"], ["we"]) else said
    if said[:1] not in (["dont"], ["no"], ["do"]):
        return None
    said = said[2:] if said[:2] in (["do", "not"], ["no", "longer"]) else said[1:]
    if said[:1] not in (["need"], ["require"]):
        return None  # "…, I don't want that": the change itself may be what is not wanted
    what, rest = (said[1:3], said[3:]) if said[1:2] == ["the"] else (said[1:2], said[2:])
    if what not in (["it"], ["tref"], ["this"], ["help"], ["the", "ticket"], ["the", "fix"]):
        return None
    return "need" if set(rest) <= _NO_NEED_AFTER else None


_NO_NEED_AFTER = frozenset({"anymore", "any", "more", "now", "after", "all", "thanks", "thx",
                            "ty", "cheers", "longer", "either"})


_FAILING = frozenset({
    "print", "work", "log", "login", "access", "connect", "open", "send", "receive", "use",
    "see", "load", "start", "boot", "sign", "save", "scan", "hear", "call", "email", "get",
})
"""What people cannot do when something is broken: "… they can't print invoices"."""


def _not_done_by_others(said: list[str]) -> str | None:
    """What a reason tells someone else did not do ("…, he never replied": "replied", "since
    the user never got back to us": "got", "because she doesn't need it": "need"), or None
    when it tells no such thing, or says what they want done ("… want it closed")."""
    if said[:2] in (["due", "to"], ["owing", "to"]):
        said = said[2:]
    elif said[:1] and said[0] in _BECAUSE:
        said = said[1:]
    subject = 2 if said[:1] == ["the"] and said[1:2] and said[1] in _REQUESTERS else (
        1 if said[:1] and said[0] in _OTHERS | _REQUESTERS else 0)
    while subject and subject < len(said) and said[subject] in _BEFORE_NOT:
        subject += 1  # "the customer has not answered", "user still can't print"
    if not subject or said[subject:subject + 1] == [] or said[subject] not in _NOT_DOING or any(
            _acts(w) or w in _DONE for w in said[subject + 1:]):
        return None
    done = [w for w in said[subject + 1:] if w not in _BEFORE_NOT]
    return done[0] if done else None


def _explains(found: Understanding | None, not_done: str | None) -> bool:
    """Whether what someone else did not do is a reason for the change: anything that still
    fails for a reopen ("reopen 12, user still can't print"); for a close or a resolve only
    silence or no need ("…, he never replied", "she doesn't need it anymore"); for a hold
    also what has not come yet ("the vendor hasn't shipped the part"). Never for anything
    else: "give 12 to sam, he doesn't have access", "close 12, the user doesn't agree"."""
    if isinstance(found, Clarify) and isinstance(found.request, ChangeStatus) and (
            found.request.status is None) and not_done in _NO_LONGER:
        return True  # "cancel 12, I don't need it anymore": which end it gets is asked
    if not_done is None or not isinstance(found, ChangeStatus):
        return False
    if found.status is TicketStatus.OPEN:
        return True
    if found.status in (TicketStatus.CLOSED, TicketStatus.RESOLVED):
        return not_done in _NO_LONGER
    return found.status is TicketStatus.ON_HOLD and not_done in _NO_LONGER | _NOT_YET


def _asks_about_it(said: list[str]) -> bool:
    """Words after a change that ask about it ("what do you think", "is that allowed", "does
    that work for you", "should I"), not a reason told ("is working now")."""
    said = said[1:] if said[:1] and said[0] in ("-", "–", "—") else said
    if said[:1] == ["any"] and said[1:2] and said[1] in _OBJECTIONS:
        return True  # "closing 12 - any objections"
    return bool(said) and (said[0] in ("what", "how", "why", "thoughts", "whats") or (
        said[0] in _AUXILIARIES and said[1:2] != [] and said[1] in _ASKED_OF and not (
            said[0] in ("can", "could", "would", "will") and said[1] in ("you", "u"))))
    # "…, can you close it off" asks for a change: read as the request it is


_OBJECTIONS = frozenset({"objections", "objection", "concerns", "thoughts", "comments",
                         "issues", "problems", "reason", "reasons", "opinions"})


_STILL_WRONG = frozenset({"broken", "failing", "happening", "down", "crashing", "there",
                          "occurring", "freezing", "dropping", "erroring", "not", "doesnt",
                          "isnt", "wont", "cant", "an", "a", "the"})
"""What follows "still" in a sentence that tells a ticket is not done: "still broken", "still
an issue", "still the same", "still doesn't print"."""


_LONGEST_REQUEST_AFTER = 40
"""Words after a refusal read again as a request of another ticket ("…, but do close 13"):
a request is short, and reading the rest of a long message again would double its cost."""
_BUT_THEN = re.compile(r"^(?:(?:please|pls|do|you can|can you|then|go ahead and|feel free to)\s+)*",
                       re.IGNORECASE)


def _refused_then_another(
    message: Message, conversation: Conversation, start: int, told: int, end: int
) -> Understanding | None:
    """A change refused of one ticket, then asked of another ("don't close 12 but do close
    13", "not 12, close 13", "don't close 12 yet, but you can close 13"): the request made of
    the other ticket; nothing of the one refused. None when the later sentence names no other
    ticket or asks no change ("don't close 12, it's not fixed")."""
    but = next((i for i in range(start + 1, end) if message.words[i].text in ("but", "however")),
               None)
    if told >= end and but is None:
        return None
    told = min(told, but if but is not None else end)
    if end - told > _LONGEST_REQUEST_AFTER:
        return None  # a long message goes on to tell more than one request: not read again
    refused = {message.ticket(i) for i in _typed_tickets(message, start, told)}
    later = [message.ticket(i) for i in _typed_tickets(message, told, end)]
    if not refused or not later or refused & set(later):
        return None
    then: Understanding | None
    if told == but:  # "don't close 12 but do close 13": what follows "but", read alone
        then = _understand(_BUT_THEN.sub("", message.original(but + 1)), conversation,
                           several_then=False)
    else:
        then = _later_sentence(message, conversation, start, len(message.words))  # "… instead"
    asked = then.request if isinstance(then, Clarify) else then
    if then is None or not _asks_a_change(then) or changed_ticket(asked) not in later:
        return None
    return then


def _gainsaid(found: Understanding | None, said: list[str]) -> bool:
    """A close or a resolve whose reason tells the ticket is not done ("close 814, the user
    says it's still broken", "resolve 4 - still happening", "close 4, it's broken again"):
    which is meant is asked, never done."""
    if not isinstance(found, ChangeStatus) or found.status not in (
            TicketStatus.RESOLVED, TicketStatus.CLOSED):
        return False
    return any(w == "still" and _STILL_WRONG & set(said[i + 1:i + 4]) for i, w in enumerate(said)) \
        or any(said[i:i + 2] in (["broken", "again"], ["back", "again"], ["came", "back"],
                                 ["is", "back"], ["failing", "again"], ["down", "again"])
               for i in range(len(said) - 1)) \
        or any(w in _NOT_YET_DONE and _DONE_WORK & set(said[i + 1:i + 4])
               for i, w in enumerate(said))


_NOT_YET_DONE = frozenset({"didnt", "hasnt", "havent", "hadnt", "isnt", "arent", "wasnt",
                           "werent", "not"})
"""A negation of what is done or has been ("i didn't fix it", "the fix isn't deployed"); never
"won't" or "can't", which decide ("close 12, won't fix")."""
_DONE_WORK = frozenset({"fix", "fixed", "done", "solve", "solved", "resolve", "resolved",
                        "sort", "sorted", "finish", "finished", "deployed", "tested",
                        "complete", "completed"})


_AUXILIARIES = frozenset({"is", "are", "does", "do", "should", "can", "could", "would", "will",
                          "may", "shall", "am"})
_ASKED_OF = frozenset({"that", "this", "it", "tref", "you", "u", "i", "we", "there", "everyone",
                       "anyone"})


_NO_LONGER = frozenset({
    "reply", "replied", "respond", "responded", "answer", "answered", "get", "got", "call",
    "called", "ring", "rang", "come", "came", "return", "returned", "show", "showed", "turn",
    "turned", "need", "needs", "use", "uses", "used", "work", "works", "exist", "exists",
    "reproduce", "replicate", "repro",
    "replying", "responding", "answering", "getting", "calling", "ringing", "coming",
    "returning", "showing", "turning", "needing", "using", "picking",
})
"""What someone else did not do that lets a ticket be closed: "he never replied", "user not
responding"."""
_NOT_YET = frozenset({
    "ship", "shipped", "arrive", "arrived", "deliver", "delivered", "send", "sent", "receive",
    "received", "approve", "approved", "confirm", "confirmed", "sign", "signed",
})
"""What has not come yet, that a ticket waits on: "the vendor hasn't shipped the part"."""


_BEFORE_NOT = frozenset({"has", "have", "had", "did", "does", "is", "was", "will", "would",
                         "can", "still", "really", "just", "even", "also"})


_WAITING = frozenset({"waiting", "awaiting", "pending", "blocked", "stuck"})
_CHASING = frozenset({"asking", "chasing", "enquiring", "inquiring", "reminder", "nudge",
                      "writing", "emailing", "messaging", "calling", "contacting", "complaining",
                      "ringing", "phoning"})
""""the third time i'm asking about 171", "following up on 171", "gentle reminder about 252",
"the third time i am writing about 343": how it goes, asked again."""
_CALL_ME = frozenset({"call", "ring", "phone", "contact", "email", "message", "text", "ping"})
_CHASE = frozenset({"chase", "chasing", "follow", "following"})
_COMING_BACK = frozenset({"circling", "circle", "coming", "come", "getting", "get", "hear",
                          "heard", "hearing", "checking", "check"})


def _chased(before: list[str]) -> bool:
    """The words before the one ticket a message names ask how it goes: "still waiting on",
    "asking about", "following up on", "circling back on", "call me back about", "call me
    about", "chase up", "chase"."""
    if before[-1:] in (["chase"], ["chasing"]):
        return True  # "can someone chase 325": asked to chase it, which shows how it stands
    if len(before) < 2:
        return False
    lead, last = before[-2], before[-1]
    return (last in ("on", "for") and lead in _WAITING
            or last == "up" and lead in _CHASE  # "can someone chase up 325 please"
            or last == "about" and lead in ("me", "us") and before[-3:-2] != [] and (
                before[-3] in _CALL_ME)  # "could someone call me about 352"
            or last in ("about", "on", "re", "regarding") and lead in _CHASING
            or last in ("about", "on") and lead == "up" and before[-3:-2] in (
                ["following"], ["chasing"], ["checking"])
            or last == "about" and lead == "back"
            or last == "on" and lead == "in" and before[-3:-2] == ["checking"]  # "checking in on 4"
            or last == "on" and lead == "back" and before[-3:-2] != [] and before[-3] in _COMING_BACK)


_HEARD = re.compile(r"\b(?:(?:havent|hasnt|not|never|didnt) (?:yet )?heard|no word|heard nothing"
                    r"|been (?:\w+ ){1,4}since (?:i|we) (?:raised|logged|opened|submitted|reported"
                    r"|filed|sent|created)|and (?:still )?nothing(?: (?:yet|since|back|so far"
                    r"|happened))?$"
                    r"|(?:disappointed|unhappy|frustrated|fed up|not happy) (?:with|about|by|at|over)"
                    r"|unacceptable|not acceptable"
                    r"|(?:was|were|is) (?:supposed|meant) to be (?:done|fixed|resolved|closed|sorted"
                    r"|finished|ready)|should (?:have|of) been (?:done|fixed|resolved|closed|sorted"
                    r"|finished|ready))\b")
"""Words chasing the one ticket named: nothing heard of it ("it's been a week since i raised
321 and nothing"), it is late ("256 was supposed to be done yesterday", "4 should have been
fixed by now"), or how it went is complained of ("very disappointed with how 345 was
handled", "… 343. not acceptable")."""


def _nothing_heard(words: list[str]) -> bool:
    """"I submitted 313 last week and still haven't heard anything", "256 was supposed to be
    done yesterday": chasing the one ticket named (nothing in it is a request)."""
    return bool(_HEARD.search(" ".join(words))) and not _ACTION_WORDS & set(words)


_DROPPED_BEFORE: tuple[tuple[str, ...], ...] = (
    ("never", "mind"), ("nevermind",), ("nvm",), ("ignore", "that"), ("no", "worries"),
    ("scratch", "that"), ("forget", "that"), ("no", "wait"), ("oh", "wait"), ("wait",))
"""Openings that take back what came before: skipped only before a command ("never mind,
show my tickets"), not before what someone tells ("never mind, I fixed it")."""
_DONE_BEFORE: tuple[tuple[str, ...], ...] = (
    ("done",), ("all", "done"), ("fixed",), ("sorted",), ("solved",), ("finished",),
    ("all", "sorted"), ("all", "fixed"))
"""Work said done before a command about it ("done, close it", "fixed - assign it back to
Sam"): skipped before the command, as `_DROPPED_BEFORE` are, but calling nothing off."""
_CALLED_OFF = tuple(lead for lead in _DROPPED_BEFORE if "wait" not in lead and (
    lead != ("no", "worries"))) + (("forget", "it"),)
"""Of those, the ones that call off what came before, not only pause it ("wait")."""


def calls_off_what_came_before(text: str) -> bool:
    """Whether a message opens by calling off what came before ("Never mind. Show the
    tickets I filed"): a ticket being filed is dropped, not kept aside."""
    words = re.findall(r"[a-z]+", text.lower())
    return any(tuple(words[:len(lead)]) == lead for lead in _CALLED_OFF)


def _skip_start(words: list[str]) -> tuple[int, bool]:
    start, polite = 0, False
    moved = True
    while moved and start < len(words):
        moved = False
        for phrase in (*_DROPPED_BEFORE, *_DONE_BEFORE):
            after = start + len(phrase)
            command = after + (words[after:after + 1] in (["-"], ["–"], ["—"]))
            if tuple(words[start:after]) == phrase and words[command:command + 1] and (
                    words[command] in _REQUEST_VERBS | _SETTING_VERBS):
                start, moved = after, True
        for phrase in _polite_start().get(words[start], ()):
            size = len(phrase)
            if words[start:start + size] == list(phrase) and start + size < len(words):
                polite = polite or " ".join(phrase) in _REQUEST_START
                start += size
                moved = True
                break
    return start, polite


def _skip_end(words: list[str], start: int, stop: int | None = None) -> int:
    """Where words[start:stop] ends without its polite close ("…, thanks")."""
    end = len(words) if stop is None else stop
    moved = True
    while moved:
        moved = False
        for phrase in _polite_end():
            size = len(phrase)
            if end - size > start and words[end - size:end] == list(phrase) and not (
                    " ".join(words[end - size - 1:end]) in STATUS_WORDS) and not (  # "working now"
                    phrase == ("for", "me") and words[end - size - 2:end - size - 1] in (
                        ["assign"], ["reassign"], ["allocate"])):  # "assign 183 for me": to me
                end -= size
                moved = True
                break
    return end


@cache
def _polite_start() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The polite openings by their first word, longest first."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted((tuple(p.split()) for p in _POLITE_START), key=len, reverse=True):
        found.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(phrases) for first, phrases in found.items()}


@cache
def _polite_end() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(p.split()) for p in _POLITE_END), key=len, reverse=True))


_PEOPLE = frozenset({"i", "we", "you", "he", "she", "they", "u"})


_PLURAL_LIST_NOUNS = frozenset({"tickets", "issues", "requests", "incidents", "ones", "jobs"})
_ACTS = _ACTION_WORDS - {"hold"}  # "on hold" is a status to list by


def _lists_with_not(words: list[str]) -> bool:
    """"tickets not on hold", "which issues aren't closed": a list, with "not" inside it,
    not a change refused (it names no ticket)."""
    said = set(words)
    return bool(_PLURAL_LIST_NOUNS & set(words[:4])) and not ({REF, NUMBER} | _ACTS) & said


def _left_alone(message: Message, conversation: Conversation, start: int, end: int) -> bool:
    """"tickets not updated in 2 weeks", "which of mine have had no update since monday": a
    list of tickets left alone, with "not" or "no" inside it, naming no ticket."""
    said = {w.text for w in message.words[start:end]}
    return not {REF, NUMBER} & said and read_quiet(
        message, start, end, conversation.today) is not None


def _still_waiting(words: list[str]) -> bool:
    """"7 is still not fixed", "my ticket 7 isn't solved yet": a ticket said not to be done
    yet, with no change refused ("don't close 7 yet")."""
    return bool({"still", "yet"} & set(words)) and not _ACTION_WORDS & set(words) and any(
        _status_value([word]) in (TicketStatus.RESOLVED, TicketStatus.CLOSED) for word in words)


_DONE_STATES = frozenset({"fixed", "resolved", "solved", "done", "closed", "sorted",
                          "finished", "completed"})
_BEFORE_DONE = frozenset({"been", "yet", "even", "really", "being", "properly"})
_THE_TICKET_IS = frozenset({REF, NUMBER, "is", "s", "has", "have", "was", "still", "ticket",
                            "my", "the", "hmm", "nope", "no", "but", "sorry", "um", "well"})
_TICKET_SAID = frozenset({REF, NUMBER})


_NOT_WORKING = frozenset({"working", "work", "works"})


def _told_not_done(words: list[str]) -> bool:
    """"914 is not fixed", "the problem is NOT fixed", "914 still not working": a state told
    with a "not", which refuses no change."""
    return any(w in _NOT_DOING and (after := [x for x in words[i + 1:i + 4] if x not in _BEFORE_DONE])
               and after[0] in _DONE_STATES | _NOT_WORKING for i, w in enumerate(words))


def _back_to_work(found: Understanding | None) -> TicketStatus | None:
    """The status of a ticket put back to work ("reopen it", "put it back in progress")."""
    if isinstance(found, ChangeStatus) and found.status in (
            TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.ON_HOLD) and not found.take:
        return found.status
    return None


def _said_not_done(words: list[str]) -> bool | None:
    """Whether the words say the ticket is not done ("it is not fixed", "4 isn't resolved",
    "not fixed!!"), with no change refused nor anyone's doing told ("i'm not closing 26",
    "don't close it, not fixed"): True with the ticket said, False with none said (the one
    in view is meant), None when they say something else."""
    at = next((i for i, w in enumerate(words) if w in _NOT_DOING), None)
    if at is None or not set(words[:at]) <= _THE_TICKET_IS:
        return None  # "the printer is not fixed", "you haven't fixed 4": another thing, or who
    after = [w for w in words[at + 1:] if w not in _BEFORE_DONE]
    if not after or after[0] not in _DONE_STATES or any(
            _acts(w) for w in words[at + 1:] if w not in _DONE_STATES):
        return None  # "not fixed, don't close it": a change refused too
    if any(w in _NOT_DOING for w in words[at + 1:]):
        return None
    return bool(_TICKET_SAID & set(words[:at]))


def _asks_a_change(found: Understanding | None) -> bool:
    """A change, or a change with a piece asked for (whose name needs the directory)."""
    return isinstance(found, _CHANGES) or (
        isinstance(found, Clarify) and isinstance(found.request, _CHANGES))


def _is_negation(words: list[str]) -> bool:
    if words[:1] in (["not"], ["never"]) and len(words) > 1 and _acts(words[1]):
        return True  # "not closing 94 until the user confirms": said of what one won't do
    if words[:2] == ["hold", "off"] and any(_acts(w) for w in words[2:4]):
        return True  # "hold off on closing 120 for now": not yet
    for index, word in enumerate(words):
        if word in _ACTION_WORDS:
            return False
        negates = word in _NOT_DOING or (word == "do" and words[index + 1:index + 2] == ["not"])
        if not negates or words[index + 1:index + 2] == ["sure"]:  # "not sure if": a hedge
            continue
        if word == "no" and words[index + 1:index + 2] and words[index + 1] in _NO_NEWS and any(
                w in _ACTION_WORDS for w in words[index + 2:]):
            continue  # "no response from the user, close 12": what is told, nothing refused;
            # "no update since monday??" alone is a chase, as before
        if index and words[index - 1] == "it":  # "outlook, it not open": "it" is not the
            continue  # ticket (that is `REF`), so what is wrong with the person's thing
        after = words[index + 1 + (word == "do"):]  # after "do not" too
        if [w for w in after[:3] if w not in _DEGREE][:1] in ([p] for p in PRIORITY_WORDS) and (
                word in ("not", "isnt", "arent", "wasnt")):
            continue  # "15 is not that urgent, drop it to low": how urgent, no refusal
        if index and words[index - 1] in (REF, NUMBER) and _status_value(
                [w for w in after[:3] if w not in ("yet", "been")][:1]) is not None:
            return True  # "26 isn't fixed, the user still sees it"
        if word in _UNABLE and index > 0 and (words[index - 1] not in _PEOPLE or not (
                {REF, NUMBER} & set(after))):
            continue  # "Outlook won't sync", "I can't change my password": what is wrong
        if after[:1] in (["want"], ["need"], ["wanna"]) and after[1:2] in ([REF], [NUMBER]) and (
                any(_acts(w) for w in after[2:4])):
            return True  # "i don't want 348 closed", "we don't need it reassigned"
        if word not in _UNABLE and after[:1] and after[0] in _HANDING and (
                {REF, NUMBER} & set(after[1:3])):
            return True  # "don't hand 258 to sam, he's swamped": a handover refused
        if word not in _UNABLE and after[:1] and after[0] in _SETTING_VERBS and (
                NUMBER in after[1:3] or REF in after[1:2] and _a_value(after[2:4])):
            return True  # "don't make 115 urgent", "never make it urgent": a change refused
        said_by = {REF, NUMBER} | _PEOPLE  # "I'm not closing 26", not "tickets not assigned"
        return any(w in _ACTION_WORDS for w in after[:_NEGATED_WITHIN]) or bool(
            said_by & set(words[:index])) and any(_acts(w) for w in after[:2])
    return False


_NEGATED_WITHIN = 4
_NO_NEWS = frozenset({"response", "responses", "reply", "replies", "answer", "answers", "word",
                      "news", "update", "updates", "contact", "feedback", "luck", "joy",
                      "progress", "callback", "call", "email", "reaction", "movement", "sign"})
"""After "no", what was not heard: "no reply in 5 days, closing 12" tells why, and refuses
nothing (as "no, don't close 12" does)."""
_HANDING = frozenset({"hand", "pass", "send", "transfer", "route", "delegate", "forward",
                      "allocate", "escalate"})
"""Verbs that give a ticket to someone, refused as "assign" is ("don't hand 258 to sam")."""
_LEFT_AS_IT_IS = re.compile(
    rf"(?:(?:lets|let us|please|pls|just|ok|okay|so|i think|i'd|id|we can|we should|better) )*"
    rf"(?:leave|keep) (?:(?:the|ticket|tkt) )*(?:{REF}|{NUMBER}) (?:as (?:it|tref) is|as is|alone|be|like that"
    rf"|like (?:it|tref) is|where (?:it|tref) is|open|unassigned"
    rf"|with (?!a |an |the |me\b|comment|note)\w+(?: \w+)?)(?: for now| for the moment| for today| then)?"
    rf"(?: please| pls| thanks)?")
"""A ticket left as it stands ("let's leave 267 as it is", "leave 270 with sam for now"):
no change, said back (not "leave a comment on 4", which comments)."""
_LEFT_WHEN_NAMED = frozenset({"never", "nvm", "nevermind", "ok", "okay", "actually", "re",
                              "about", "tref", "mind", "hmm", "on", "for"})
"""Words of a clause that names the ticket before it is left as it is ("never mind 376, leave
it open", "about 4 - leave it with sam")."""


def _left_after_a_clause(message: Message, start: int, end: int) -> bool:
    """"never mind 376, leave it open": the ticket named, then left as it stands."""
    words = [w.text for w in message.words]
    for index in range(start, min(end - 1, start + 4)):
        if _clause_ends(message, index):
            return set(words[start:index + 1]) <= _LEFT_WHEN_NAMED | {NUMBER} and bool(
                _LEFT_AS_IT_IS.fullmatch(" ".join(words[index + 1:end])))
    return False


_DEGREE = frozenset({"that", "so", "very", "too", "really", "super", "all", "particularly",
                     "terribly", "exactly", "an", "a"})
"""Words after a negation its action may be in ("don't close", "no need to close", "do not
ever reassign"): further on, it is another clause ("… is not detected after the update")."""


def _acts(word: str) -> bool:
    """An action word as said of doing it ("closing", "closed", "assigned") or to do."""
    if word in _ACTION_WORDS:
        return True
    for ending, stems in (("ing", ("", "e")), ("ed", ("", "e")), ("d", ("",))):
        if word.endswith(ending) and any(
                word[:-len(ending)] + stem in _ACTION_WORDS for stem in stems):
            return True
    return False


_IF = frozenset({"if", "unless", "once", "provided", "providing", "assuming", "supposing"})
_WHEN = frozenset({"when", "whenever", "after", "as soon as", "as long as", "in case"})
_ASKING_AFTER_WHEN = frozenset({
    "is", "are", "was", "were", "will", "would", "does", "do", "did", "can", "could", "should",
    "has", "have", "shall", "may", "might", "must", "its",
})


_WHAT_IF = (("what", "if"), ("what", "happens", "if"), ("and", "if"), ("but", "what", "if"),
            ("and", "what", "if"), ("what", "about", "if"), ("what", "do", "i", "do", "if"),
            ("what", "should", "i", "do", "if"), ("how", "about", "if"), ("so", "what", "if"))
_ASKED_AFTER_IF = frozenset({"what", "how", "who", "where", "why", "which", "should", "do",
                             "can", "is", "will"})


def _what_if(message: Message, start: int, end: int) -> bool:
    """A question about a case, naming no ticket by number: "what if it says error 691",
    "and if it asks for a code?", "if it still fails, what do I do?" — not a request put
    off until something is true ("if 26 is still broken tomorrow, reopen it")."""
    if any(message.words[i].text == REF and any(ch.isdigit() for ch in message.original(i, i + 1))
           for i in range(start, end)):
        return False  # "what if TKT-2026-0004 is still broken?" ("error 691" is no ticket)
    words = [w.text for w in message.words[start:end]]
    if any(tuple(words[:len(lead)]) == lead and len(words) > len(lead) for lead in _WHAT_IF):
        return True
    if words[:1] != ["if"]:
        return False
    later = next((i for i in range(2, len(words)) if words[i] in _ASKED_AFTER_IF and (
        _clause_ends(message, start + i - 1) or words[i] in ("what", "how"))), None)
    if later is None:  # "(and) if it asks for a code?", not "if 4 is fixed can you close it?"
        return message.asks and not any(w in _REQUEST_VERBS for w in words)
    return _is_question(words[later:], asks=False)


_IMPERSONAL_IT = re.compile(
    r"\btref (?:(?:usually|normally|always|really|even|still|ever|actually) )?(?:take|takes|took"
    r"|taking) (?:\w+ ){0,4}?to (?!tref\b)\w+ (?!tref\b|please\b|pls\b)\w+"
    r"|\b(?:would|will|does|do|could|can|might|did) tref (?:(?:really|actually|even) )?(?:help"
    r"|matter|hurt|make a difference) (?:if|to|when)\b")
""""it" that stands for no ticket: "why does it take so long to fix a printer", "would it help
if I restarted my laptop?", "does it matter if I use chrome": asked of the thing, for the help
assistant. Not when the ticket is what is done to ("why did it take 3 weeks to fix it", "would
it help to reassign it?"), or with a ticket typed."""
_ASKED_FIRST = frozenset({"how", "why", "can", "could", "should", "would", "may", "does", "hows",
                          "whys", "will", "is", "did", "do"})


def _impersonal_it(message: Message, start: int, end: int) -> bool:
    words = [w.text for w in message.words[start:end]]
    found = _IMPERSONAL_IT.search(" ".join(words))
    return found is not None and (words[0] in _ASKED_FIRST or _asks(message, end)) and not (
        _typed_tickets(message, start, end)) and not any(
            w in _ACTION_WORDS for w in " ".join(words)[found.end():].split())


_SUBJECTS = frozenset({"i", "we", "you", "u", "they", "he", "she", "tref", "it", "someone",
                       "people", "users", "nobody"})
_NUMBERED = frozenset({"error", "err", "code", "port", "version", "v", "build", "status", "ext"})


def _asks_something_done(message: Message, start: int, end: int) -> bool:
    """Whether a message with a condition names a ticket ("… 29 once the user confirms", not
    "error 403") or asks for something done (a request's verb not said of someone: "once
    it's fixed close it", not "as soon as i open the shared mailbox")."""
    words = [w.text for w in message.words[start:end]]
    verbs = _REQUEST_VERBS | _SETTING_VERBS
    return any(i == 0 or words[i - 1] not in _NUMBERED for i in (
        t - start for t in _typed_tickets(message, start, end))) or any(
            word in verbs and (i == 0 or words[i - 1] not in _SUBJECTS)
            and words[i + 1:i + 2] not in (["in"], ["on"], ["into"], ["out"])  # "log in"
            for i, word in enumerate(words))


def _conditional(words: list[str]) -> bool:
    """A request only once something is true ("if 26 is fixed we can close it", "once 12 is
    done, close it", "when Sam is back, give him 4"): nothing to do now, so nothing changes.
    "when is 6 due?" asks; politeness ("if you can", "when you get a chance") was skipped."""
    if not words:
        return False
    if words[0] in _IF:
        return len(words) > 1
    lead = 3 if " ".join(words[:3]) in _WHEN else 2 if " ".join(words[:2]) in _WHEN else (
        1 if words[0] in _WHEN else 0)
    return 0 < lead < len(words) and words[lead] not in _ASKING_AFTER_WHEN


_WITHIN = frozenset({"once", "unless", "if", "provided", "providing", "assuming"})
_NO_CONDITION = frozenset({"you", "u", "possible", "so", "any", "anything", "not", "ever",
                           "only", "that", "this"})
"""After "if": politeness ("if you can", "if possible"), or no condition ("if not already")."""


_ASKING_WHETHER = frozenset({"sure", "wonder", "wondering", "know", "see", "check", "ask",
                             "tell", "whether"})


def _condition_after(message: Message, start: int, end: int) -> bool:
    """A condition after the request, in the same clause: "close 29 once the user confirms",
    "resolve 4 if it works now" ("give 4 to Sam, if he is back" is read as the clause
    before the comma and asked about; "not sure if 12 is …" is a hedge)."""
    words = [w.text for w in message.words[start:end]]
    for index in range(1, len(words) - 1):
        if " ".join(words[index:index + 3]) == "as soon as" and index + 3 < len(words):
            return True
        if words[index] in _WITHIN and words[index + 1] not in _NO_CONDITION and (
                words[index - 1] not in _ASKING_WHETHER) and not _clause_ends(message, start + index - 1):
            return True
    return False


_RESOLUTIONS = {  # resolutions other trackers have; TicketFlow has statuses only (SCHEMA.md)
    ("wont", "fix"): "won't fix", ("wontfix",): "won't fix", ("will", "not", "fix"): "won't fix",
    ("wont", "do"): "won't do", ("cant", "reproduce"): "can't reproduce",
    ("cannot", "reproduce"): "can't reproduce", ("works", "as", "designed"): "works as designed",
    ("works", "as", "intended"): "works as intended", ("as", "designed"): "as designed",
}
_BEFORE_RESOLUTION = frozenset({"as", "to", "->", "=>", "→", "-", "–", "—", "=", "is", "with",
                                REF, NUMBER})


def _no_such_resolution(message: Message, start: int, end: int) -> Clarify | None:
    """"won't fix 4", "close 4 as won't fix": a resolution TicketFlow does not record, so the
    status is asked for (closing is offered when it was said), never guessed."""
    words = [w.text for w in message.words[start:end]]
    for index in range(len(words)):
        if index and words[index - 1] not in _BEFORE_RESOLUTION:
            continue  # "I won't fix 4 today": about the speaker
        said = next((name for phrase, name in _RESOLUTIONS.items()
                     if tuple(words[index:index + len(phrase)]) == phrase), None)
        if said is None:
            continue
        tickets = [start + i for i, w in enumerate(words) if w in (REF, NUMBER)]
        if not tickets or _NOT_DOING & set(words[:index]):  # "don't close 4, won't fix is …"
            return None
        ticket = message.ticket(tickets[0])
        verb = next((STATUS_VERBS[w] for w in words[:index] if w in STATUS_VERBS), None)
        unknown = f"There is no “{said}” status."
        if verb is not None:
            return Clarify(ChangeStatus(ticket, None),
                           f"{unknown} Should {_label(ticket)} be {verb.words}?",
                           (Choice("Yes", verb),))
        return replace(_ask_status(ticket, said), question=(
            f"{unknown} Which status should {_label(ticket)} get?"))
    return None


_ANYONE = frozenset({"someone", "somebody", "anyone", "anybody"})


def _filed_for_anyone(
    message: Message, conversation: Conversation, start: int, end: int
) -> Understanding | None:
    """"Could someone log a ticket? The badge reader is broken": filing is the bot's to do,
    whoever the question was put to; any other change asked of "someone" ("can someone take
    12?") stays a question, since who does it matters."""
    words = message.words
    if end - start < 3 or words[start].text not in ("can", "could", "would", "will") or (
            words[start + 1].text not in _ANYONE):
        return None
    rest = _reading(message, conversation, start + 2, end)
    whole = _reading(message, conversation, start + 2, len(words))
    for rule in (_form, _create, _create_after):
        if isinstance(found := rule(rest, whole), CreateTicket):
            return found
    return None


def _is_question(words: list[str], asks: bool) -> bool:
    if asks:
        return True
    if words[:1] == ["have"] and words[1:2] and words[1] not in _ASKED:
        return False  # "have Sam look at 4"
    if words[:1] == ["do"] and words[1:2] and words[1] in ("the", "a", "an") and (
            words[2:3] != ["needful"]):  # "kindly do the needful for 112": see to it (shown)
        return False  # "do the priority high for 23": a thing to do, said as some say it
    return bool(words) and (words[0] in _QUESTION_START or " ".join(words[:2]) in _QUESTION_START)


_HEDGES = (*((*lead, who, "can") for lead in (("i", "think"), ("i", "guess"), ("i", "reckon"),
                                               ("i", "believe"), ("i", "suppose"))
             for who in ("we", "you")),  # "I think we can close 12": the lead, then the leave
           ("prob",), ("probs",), ("prolly",), ("i", "think"), ("i", "guess"), ("i", "believe"), ("i", "suppose"), ("maybe",),
           ("perhaps",), ("probably",), ("looks", "like"), ("seems", "like"), ("i", "reckon"),
           ("not", "sure", "if"), ("not", "sure", "whether"), ("i", "am", "not", "sure", "if"),
           ("i", "am", "not", "sure", "whether"), ("i", "wonder", "if"), ("possibly",),
           ("i", "would", "say"), ("pretty", "sure"), ("i", "am", "pretty", "sure"),
           # a suggestion, not yet a decision: "we could maybe give 263 to alex"
           ("we", "could", "maybe"), ("we", "could", "perhaps"), ("we", "could", "probably"),
           ("we", "might", "want", "to"), ("we", "could", "always"), ("we", "could"),
           ("we", "might"), ("i", "could", "maybe"))


def _hedged(
    message: Message, conversation: Conversation, start: int, end: int
) -> Understanding | None:
    """"I think 4 is fixed", "maybe Sam should take it": a change offered as a question;
    "I think 4 is fixed, loose cable": the reason kept, for the comment once confirmed."""
    found = _after_lead(message, conversation, start, end, _HEDGES) or _modal(
        message, conversation, start, end)
    words = [word.text for word in message.words[start:end]]
    lead = next((len(p) for p in _HEDGES if tuple(words[:len(p)]) == p), 0)
    if found is None and lead and start + lead < end:
        found = _first_clause(message, conversation, start + lead, end)
    if isinstance(found, (ShowTicket, ListTickets)) or found is None:
        return found
    return _confirm(found) or FreeText(message.text.strip())


_ESCALATE_ALONE = frozenset({"escalate", "escalate please", "please escalate", "escalate this"})
"""Said alone after a ticket was shown: which priority it should get is asked."""
_JUST_DONE = frozenset({"done", "fixed", "sorted", "solved", "all done", "all sorted", "all fixed",
                        "finished", "all good now", "sorted now", "fixed now", "done now"})
"""Said alone after a ticket was shown: most likely that ticket, so it is asked about."""


_DONE_THEN = re.compile(
    r"\s*(?:all\s+)?(?:done|fixed|sorted|solved|finished|resolved|completed?)(?:\s+now)?"
    r"\s*(?:[,;:.!—–]+|\s-+\s)\s*(?P<note>\S.{0,300})", re.IGNORECASE | re.DOTALL)
_NOT_A_NOTE = re.compile(
    r"\?|\b(?:but|still|not|no|never|again|keeps?|however|though|although|except"
    r"|only|until|unless|if|mostly|partly|almost|nearly|kind of|sort of|will|ll|going to|gonna"
    r"|waiting|pending|tomorrow|later|monitor|monitoring|testing|for now|confirm|i think"
    r"|i guess|i believe|i hope|hopefully|maybe|probably|apparently|should)\b|\d"
    r"|^(?:how|what|why|where|when|who|which|can|could|should|shall|do|does|is|are|will|would"
    r"|please|pls|plz)\b", re.IGNORECASE)
"""What makes the words after "done, …" no note of how it was done: a question, a doubt, a
fault or more to come ("done, but it keeps crashing", "fixed, not sure for how long", "done,
Sam will test it tomorrow"), a request, or a number (another ticket: "sorted, 12 can be
closed")."""


def _done_with_a_note(text: str) -> str | None:
    """"done, cleaned the fan", "fixed - it was a loose cable", "sorted: reinstalled the
    driver" said after a ticket was shown: how it was done, for "Should … be resolved?" to
    keep as the note; None for anything else (a command after it is read as the command)."""
    if (said := _DONE_THEN.fullmatch(text)) is None:
        return None
    note = said["note"].strip()
    first = note.split(maxsplit=1)[0].lower().strip(",.!:;")
    if _fix_doubted(note) or first in _REQUEST_VERBS | _SETTING_VERBS | STATUS_VERBS.keys():
        return None
    return note


def _confirm(found: Understanding) -> Understanding | None:
    """A change offered as a question ("Should TKT-… be resolved?"), answered yes or no."""
    match found:
        case ChangeStatus(ticket=ticket, status=status, reason=reason) if status is not None:
            return _should_be(ticket, status, reason=reason)
        case AssignTicket(ticket=ticket, to=UserTarget() | TeamTarget() as to):
            return Clarify(AssignTicket(ticket, None), f"Should {to.name} take {_label(ticket)}?",
                           (Choice("Yes", to),))
        case Clarify() as unclear:
            return unclear
    return None


def _priority_asked(found: Understanding) -> Clarify | None:
    """A change of the priority alone, offered as a question; None for anything else."""
    if isinstance(found, EditTicket) and found.priority is not None and not replace(
            found, priority=None).has_changes:
        return _should_have(found.ticket, found.priority)
    return None


def _should_have(ticket: TicketNumber | None, priority: Priority) -> Clarify:
    return Clarify(EditTicket(ticket), f"Should {_label(ticket)} be {priority.value} priority?",
                   (Choice("Yes", priority),))


def _should_be(
    ticket: TicketNumber | None, status: TicketStatus, *, reason: str | None = None
) -> Clarify:
    label = status.value.replace("_", " ")
    return Clarify(ChangeStatus(ticket, None, reason=reason),
                   f"Should {_label(ticket)} be {label}?", (Choice("Yes", status),))


_MODALS = frozenset({"might", "may", "could", "probably", "possibly", "perhaps", "maybe"})


def _modal(
    message: Message, conversation: Conversation, start: int, end: int
) -> Understanding | None:
    """"12 might be fixed", "it could be closed now", "12 looks fixed", "12 is probably
    fixed", "12 is fixed i guess", "12 should be sorted now": what the words say without the
    hedge, for the hedge to ask about ("12 should be closed" is no hedge: it asks)."""
    texts = [w.text for w in message.words[start:end]]
    if len(texts) < 3 or texts[0] not in (REF, NUMBER):
        return None
    said = texts[2:] if texts[1] in ("is", "s") else texts[1:]
    tail = next((len(p) for p in _HEDGES_AFTER if tuple(said[-len(p):]) == p), 0)
    if said[0] in _MODALS or said[0] in _SEEMING:
        said = said[1:]
    elif said[0] == "should" and "now" in (said[-1], message.words[-1].text) and (
            _BELIEVED_DONE & set(said)):
        said = said[1:]  # "12 should be sorted now": believed done, where "12 should be
        # resolved now" asks for the status it names ("now" may have been skipped)
    elif tail and len(said) > tail:
        said = said[:-tail]
    else:
        return None
    stated = _status_value([w for w in said if w not in ("have", "has", "been", "to", "be")])
    return ChangeStatus(message.ticket(start), stated) if stated is not None else None


_SEEMING = frozenset({"looks", "seems", "appears", "look", "seem", "appear"})
_BELIEVED_DONE = frozenset({"fixed", "sorted", "working", "good", "ok", "okay", "fine", "done"})
_HEDGES_AFTER = (("i", "guess"), ("i", "think"), ("i", "believe"), ("i", "reckon"),
                 ("apparently",), ("it", "seems"), ("afaik",), ("i", "hope"),
                 *((lead, whose, part) for lead in ("on", "from") for whose in ("my", "our")
                   for part in ("end", "side")))
"""A hedge said after what it hedges: "12 is fixed i guess"; "12 is done on my end" says
one part is done, which may not be all the ticket needs."""


_HOW_WHY = frozenset({"how", "why", "can", "could", "should", "would", "may", "does", "hows", "whys"})
_MAY_I = (("can", "i"), ("could", "i"), ("may", "i"), ("can", "we"), ("could", "we"),
          ("may", "we"), ("is", "it", "ok", "to"), ("is", "it", "okay", "to"))


def _asked_to_start(
    message: Message, conversation: Conversation, start: int, end: int
) -> Understanding | None:
    """"can I add a comment to 4?": the question that starts it ("What's your comment?").

    Only a request that still lacks a piece, so answering it is the person's next step;
    "can I close 4?" stays a question (the ticket card answers it)."""
    found = _after_lead(message, conversation, start, end, _MAY_I)
    return found if found is not None and _lacks_a_piece(found) else None


def _after_lead(
    message: Message, conversation: Conversation, start: int, end: int,
    leads: tuple[tuple[str, ...], ...],
) -> Understanding | None:
    """What the rules read in the words after one of `leads` ("I think", "can I"), if any."""
    words = [word.text for word in message.words[start:end]]
    lead = next((len(p) for p in leads if tuple(words[:len(p)]) == p), 0)
    if not lead or start + lead >= end:
        return None
    rest = _reading(message, conversation, start + lead, end)
    whole = _reading(message, conversation, start + lead, len(message.words))
    return next((f for rule in _RULES if (f := rule(rest, whole)) is not None), None)


def _lacks_a_piece(understood: Understanding) -> bool:
    match understood:
        case AssignTicket(to=None) | ChangeStatus(status=None) | CommentOnTicket(text=None):
            return True
        case EditTicket() as edit:
            return not edit.has_changes
        case Clarify(field=field):
            return field is not None
        case _:
            return False


def _asks(message: Message, end: int) -> bool:
    """A "?" at the end, or before the thanks that close the message."""
    typed = message.typed_to(message.words[end - 1])
    return message.asks or ends_asking(typed)


def _first_ticket(message: Message) -> TicketNumber | None:
    for index, word in enumerate(message.words):
        if word.text in (REF, NUMBER):
            return message.ticket(index)
    return None


def _question(reading: Reading, text: str) -> Understanding:
    message = reading.message
    refs = [i for i in range(reading.start, reading.end) if message.words[i].text in (REF, NUMBER)]
    typed = [i for i in refs if any(ch.isdigit() for ch in message.original(i, i + 1))]
    if not typed and (_telling(message, reading) or _asks_of_the_thing(message, reading)):
        refs = []  # "It freezes whenever I open Excel. Could someone look?": not the ticket
    if refs:
        return ShowTicket(message.ticket((typed or refs)[0]))
    first = message.words[reading.start].text
    if first in _HOW_WHY and message.words[reading.start + 1:reading.start + 2] != [] \
            and message.words[reading.start + 1].text != "many":
        return Question(text)  # "can tickets be deleted?", "how do I list my tickets?"
    if listed := _listed(reading, strong_only=False):
        return listed
    return Question(text)


_SENTENCE_END = re.compile(r"[.!?]\s+\S")
_SHORT_QUESTION = 12  # words: "has anyone had a chance to look at it yet?"


_TICKET_FACTS = TICKET_FIELDS | {
    "severity", "eta", "number", "history", "progress", "update", "updates", "news", "link",
    "url", "requester", "comments", "comment", "ticket", "timeline", "estimate",
    "latest", "situation", "story", "scoop", "holdup", "delay", "outcome",  # its news
}


def _asks_of_the_thing(message: Message, reading: Reading) -> bool:
    """"how do I reset it?", "what's the password for it?": a how-to, or something of "it"
    that no ticket has, asks about the thing, for the help assistant, not the ticket in
    view ("what's the status of it?", "what's its priority?" are the ticket's)."""
    words = [w.text for w in message.words[reading.start:reading.end]]
    if words[:1] == ["how"] and _HOW_TO.match(" ".join(words)):
        return True
    if words[:1] not in (["what"], ["whats"]):
        return False
    asked = [w for w in words[1:] if w not in ("is", "the", "a", "an", "s")]
    noun = asked[0] if asked else ""
    return bool(noun) and noun not in (REF, NUMBER, "does", "did", "about", "happened", "up",
                                       "going", "new", "next", "left", "missing") \
        and noun not in _TICKET_FACTS and any(w in ("for", "of", "on", "in") for w in asked)


def _telling(message: Message, reading: Reading) -> bool:
    """A story of several sentences, a long one, or one that tells before it asks ("it keeps
    crashing, can someone look at it?"): its "it" is what it tells about, a new problem."""
    return (reading.end - reading.start > _SHORT_QUESTION
            or bool(_SENTENCE_END.search(message.text.strip()))
            or _told_first(message, reading))


_ASKING = (["can"], ["could"], ["would"], ["will"])


def _told_first(message: Message, reading: Reading) -> bool:
    """A clause of two words or more, not itself a question, before a comma and a question."""
    words = message.words
    for index in range(reading.start + 1, reading.end - 1):
        if message.typed_to(words[index]).endswith((",", ";")):
            told = [w.text for w in words[reading.start:index + 1]]
            asked = [w.text for w in words[index + 1:reading.end]]
            return len(told) >= 2 and not _is_question(told, asks=False) and (
                _is_question(asked, asks=False) or asked[:1] in _ASKING)
    return False


def _fallback(words: list[str], text: str, ticket: str | None) -> Understanding:
    """What no rule placed: a command gone wrong gets suggestions, a statement goes to the
    help assistant ("printer jams", "vpn down", "outlook keeps crashing").

    Two words are a statement unless one of them is (or is a slip of) a command's word
    ("Neues Ticket", "shwo tickets"), one is a number ("zork 1": a ticket, with a verb not
    known) or none has a vowel ("sdfkjh sdf"); one word is too little
    to tell; a longer message is a statement unless it opens with a command's word.
    """
    if len(words) <= 1:
        return Unknown(text, suggest(words), ticket)
    if len(words) == 2:
        if words[0] == REF and ticket is None and not _commanding(words[1]):
            return FreeText(text)  # "it broke (again)", "it died": told of the thing
        if any(_commanding(word) or word in (REF, NUMBER) for word in words) or not any(
                _VOWEL.search(word) for word in words):
            return Unknown(text, suggest(words), ticket)
        return FreeText(text)
    if words[0] in COMMAND_VERBS and not (ticket is None and REF not in words and (
            _A_LOOK.match(" ".join(words)) or _a_thing_done(words))):
        return Unknown(text, suggest(words), ticket)
    return FreeText(text)  # "take a look at the broken chair in room 4": a problem told


_THING_SAID = frozenset({"my", "our", "a", "an", "me", "us", "his", "her", "their", "some",
                         "new"})
_TICKET_NOUNS = frozenset({"ticket", "tickets", "case", "cases", "issue", "issues", "request",
                           "requests", "incident", "incidents", "one", "ones", "it", "them",
                           "this", "that", "these", "those", "all", "everything", "status",
                           "priority"})


def _a_thing_done(words: list[str]) -> bool:
    """A command's verb done to a thing of one's own, no ticket ("move my desk to floor 3",
    "start my laptop", "move me to the network team", "assign a parking space to me"): a
    request for the service desk or a how-to, for the help assistant (which offers to file
    it), not a command gone wrong."""
    return words[1] in _THING_SAID and not _TICKET_NOUNS & set(words) and NUMBER not in words


_A_LOOK = re.compile(r"(?:take|have|get) (?:a |another )?(?:quick |closer )?(?:look|peek|glance|gander)"
                     r" (?:at|into|over) ")


def _commanding(word: str) -> bool:
    """A command's word, or a slip of one ("shwo"); a real word near one ("failed") is not."""
    return word in COMMAND_VERBS or word not in REAL_WORDS and bool(
        get_close_matches(word, _COMMAND_WORDS, n=1, cutoff=0.8))


_VOWEL = re.compile(r"[aeiouy]")
_COMMAND_WORDS = list(COMMAND_VERBS)


# --- the rules, in order -------------------------------------------------------------------

Rule = Callable[[Reading, Reading], Understanding | None]


@cache
def _pattern(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


def _match(reading: Reading, regex: str) -> re.Match[str] | None:
    return _pattern(regex).fullmatch(reading.plain)


def _label(ticket: TicketNumber | None) -> str:
    return str(ticket) if ticket is not None else "the ticket"


_QUOTED = re.compile(r"[\"“”'‘’](.+?)[\"“”'‘’](?:\s|$|[.!?])", re.DOTALL)


def _quoted_or(text: str) -> str:
    found = _QUOTED.search(text + " ")
    return found.group(1).strip() if found else text


_TITLE_LEAD = re.compile(
    r"^(?:(?:for (?:me|us)[?.!,:;]?|(?:please|pls|plz|kindly)[?.!,:;]?|for|about|regarding|re[:.]?|that|saying|called|titled|named|with title|with the title"
    r"|(?:title|subject|summary)\s*[:\-–]|title(?! (?:bar|page|field|of|in|on|and|or|is|are|was|were|has|have|missing|wrong|not|too)\b)"
    r"|on|:|-|–|to(?= (?:replace|get|fix|install|set up|setup|order|buy|add|remove|move|update"
    r"|upgrade|reset|renew|change|check|repair|clean|book|enable|disable|grant|configure"
    r"|investigate|swap|arrange|look into|sort out|unblock|unlock|extend)\b))\s+)+", re.IGNORECASE,
)
"""Words before a new ticket's title: "for", "about", "titled", a label ("re:", "title -"),
and "to" before what is to be done ("create a low priority ticket to replace the mouse mats":
"Replace the mouse mats"). "title" alone is a label unless the title is about one ("title
bar missing", "title and description missing", "title is wrong on invoices")."""


def _create(reading: Reading, whole: Reading) -> Understanding | None:
    prio = "|".join(PRIORITY_WORDS)
    kinds = "ticket|issue|problem|bug report|bug|incident|feature request|support request|request|case"
    found = _match(reading, (
        r"(?:(?:i )?(?:need|want|would like|id like)|new|create|open|file|raise|log|submit|make"
        r"|add|report|lodge|register|put in|start|write up|write)"
        r"(?: up| me| us)?(?: (?:a|an|one|new|another))*"  # "raise one ticket for …": "a"
        rf"(?: (?P<prio>{prio})(?: priority)?)?(?: new)? (?P<kind>{kinds})(?P<rest>(?: .*)?)"
    )) or _match(reading, r"report(?: (?:a|an))?(?: (?P<kind>problem|issue|bug|incident|outage))?(?P<rest> .+)")
    if found is None:
        return None
    rest_words = reading.words(found, "rest") if found.group("rest") else []
    if len(rest_words) <= 3 and _names_a_ticket(rest_words):
        return None  # "open ticket 4" shows it
    rest = " ".join(w.text for w in rest_words)
    if rest in ("form", "using the form", "with the form", "with a form"):
        return CreateTicket(form=True)
    kind = found.groupdict().get("kind") or ""
    priority = PRIORITY_WORDS.get(found.groupdict().get("prio") or "")
    category = CATEGORY_WORDS.get(kind.removesuffix(" report"))
    if category is Category.REQUEST and kind != "request":
        category = None
    first, last = reading.group_words(found, "rest") if rest_words else (reading.end, reading.end)
    lead = kind if kind in ("problem", "issue") else ""  # "an issue with my laptop"
    request = CreateTicket(priority=priority, category=category)
    someone = _filed_for(reading.message, first, last, reading.conversation)
    if someone is None:
        return _new_ticket(reading, first, last, request, lead=lead)
    team = someone.team if isinstance(someone.team, TeamTarget) else None
    filed = _new_ticket(reading, someone.first, someone.last,
                        replace(request, on_behalf_of=someone.name, to=team), lead=lead)
    if isinstance(someone.team, NoSuchTarget) and isinstance(filed, CreateTicket):
        return _no_such_taker(filed, someone.team.said, reading.conversation)
    return filed


@dataclass(frozen=True, slots=True)
class _FiledFor:
    """Words `first:last` left for the title once who the ticket is for was taken out."""

    first: int
    last: int
    name: str | None = None
    team: TeamTarget | NoSuchTarget | None = None
    """"for the network team about the switch": the team named takes it (asked about when
    no team has that name)."""


_BEHALF = ("on", "behalf", "of")
_ABOUT = frozenset({"about", "abt", "re", "regarding", "concerning"})
_NOT_ONES_NAME = frozenset({"me", "us", "you", REF, NUMBER, DATE, "the", "all",
                            "everyone", "everybody", "this", "that", "it", "now", "today"})
_SOMEONES_WORDS = 3  # "sam rivera", "my line manager"


def _filed_for(message: Message, first: int, last: int,
               conversation: Conversation) -> _FiledFor | None:
    """"… on behalf of dora about the vpn", "… for dora for this", "… for dora re the vpn":
    someone the ticket is for, then the problem (or "this", nothing told yet); "… about the
    vpn on behalf of dora" said last. None when no one is set apart so ("… for the network
    team: switch down" and "… for Priya" are who takes it; "a laptop for dora" the problem)."""
    texts = [w.text for w in message.words]
    if texts[last - 4:last - 1] == list(_BEHALF) or texts[last - 5:last - 2] == list(_BEHALF):
        begin = last - 4 if texts[last - 4:last - 1] == list(_BEHALF) else last - 5
        if (name := _someone(message, begin + 3, last)) is not None and begin > first:
            return _FiledFor(first, begin, name)
    if texts[first:first + 1] == ["on"] and "behalf" in texts[first + 2:first + 5]:
        end = texts.index("behalf", first + 2)  # "on dora's behalf about the vpn"
        after = texts[end + 1] if end + 1 < last else None
        name = _someone(message, first + 1, end)
        if name is not None and (after in _ABOUT or after is None or _set_apart(message, end)):
            return _FiledFor(end + 1 + (after in _ABOUT), last, re.sub(r"\s*['’]?s$", "", name))
    behalf = texts[first:first + 3] == list(_BEHALF)
    if not behalf and texts[first:first + 1] != ["for"]:
        return None
    start = first + (3 if behalf else 1)
    for end in range(start + 1, min(start + _SOMEONES_WORDS, last) + 1):
        after = texts[end] if end < last else None
        this = after == "for" and texts[end + 1:end + 2] == [REF] and end + 2 == last
        told = behalf and (after is None or _set_apart(message, end - 1))
        if not (after in _ABOUT or this or told):
            continue
        if any(texts[at] in TEAM_WORDS for at in range(start, end)):
            found = find_target(message.words[start:end], conversation)
            return _FiledFor(end + 1, last, team=found) if isinstance(
                found, (TeamTarget, NoSuchTarget)) and after in _ABOUT else None
        if (name := _someone(message, start, end)) is not None:  # "for this": nothing told
            return _FiledFor(last if this else end + (after in _ABOUT), last, name)
    if behalf and start < last:  # "on behalf of dora vpn keeps dropping": the name as typed,
        end = start + 1  # one word, or the capitalised ones ("… of Dora Smith vpn drops")
        if end < last - 1 and message.words[start].typed[:1].isupper() and (
                message.words[end].typed[:1].isupper()):
            end += 1  # a first name and a surname at most, as the problem follows unmarked
        if (name := _someone(message, start, end)) is not None:
            return _FiledFor(end, last, name)
    return None


def _someone(message: Message, start: int, end: int) -> str | None:
    """Words `start:end` as a name typed ("dora", "Sam Rivera", "my manager"), or None."""
    words = message.words[start:end]
    if not 0 < end - start <= _SOMEONES_WORDS or any(
            w.text in _NOT_ONES_NAME or at and w.text in ("a", "an") for at, w in enumerate(words)):
        return None  # "a user", "a new starter": someone all the same
    if len(words) == 1 and isinstance(words[0].value, Person):  # "<at>Sam Rivera</at>"
        return words[0].value.name
    return message.original(start, end).strip(" ,;:") or None


def _set_apart(message: Message, index: int) -> bool:
    """The word at `index` ends with a comma, colon or dash as typed ("dora:", "dora,")."""
    typed = message.words[index].typed.rstrip()
    return typed.endswith((",", ":", ";", "-", "–", "—")) or (
        index + 1 < len(message.words) and message.words[index + 1].text in ("-", "–", "—", ":"))


def _new_ticket(
    reading: Reading, first: int, last: int, request: CreateTicket, *, lead: str = "",
    told: Placed | None = None,
) -> Understanding:
    """`request` titled with words `first:last`, less those saying who takes it and when it
    is due ("for the network team:", "…, due Friday"), or with `told`, what the words after
    the ask said ("…, log it and put it on the network team"); a name that fits no one is
    asked about."""
    message, conversation = reading.message, reading.conversation
    if last == reading.end and [w.text for w in message.words[last:last + 1]] == ["again"]:
        last += 1  # "the lift is stuck again": part of the problem, not "close 12 again"
    if request.priority is None and (cut := _without_trailing_priority(message, first, last)):
        last, priority = cut  # "…, give it to facilities, high": not a name "facilities high"
        request = replace(request, priority=priority)
    placed = place(message, first, last, today=conversation.today)
    if told is not None:
        placed = replace(placed, due=told.due or placed.due)
        if told.said:
            placed = replace(placed, said=told.said, asked=told.asked)
    found = addressee(placed, conversation)
    if found is None and placed.said and not (told and told.said):
        placed = replace(place(message, first, last, today=conversation.today, names=False),
                         due=placed.due)
    title = _TITLE_LEAD.sub("", message.original(placed.first, placed.last))
    if lead and message.words[placed.first:placed.first + 1] and (
            message.words[placed.first].text == "with"):
        title = f"{lead} {message.original(placed.first, placed.last)}"
    title = _quoted_or(title).rstrip(" .,;:!-–")
    if (trailing := _TRAILING_PRIORITY.search(title)) and request.priority is None and (
            trailing.start() > 0):  # "…, urgent pls": how urgent, not part of the title
        title = title[:trailing.start()]
        request = replace(request, priority=PRIORITY_WORDS[trailing["level"].lower()])
    if request.priority is None and (leading := _LEADING_PRIORITY.match(title)):
        title = title[leading.end():]  # "new ticket urgent: server down"
        request = replace(request, priority=PRIORITY_WORDS[leading["level"].lower()])
    if (asked := _TRAILING_ASK.search(title)) and asked.start() > 0:
        title = title[:asked.start()]  # "I'd like to report that …, can you raise a ticket"
    title = "" if title.lower() in _NOTHING_SAID else as_title(title)
    request = replace(request, title=request.title or title or None, due=placed.due)
    match found:
        case UserTarget() | TeamTarget():
            return replace(request, to=found)
        case Ambiguous(said=said, choices=choices):
            return Clarify(request, f"Which {said.title()} should take it?",
                           choices + (_UNASSIGNED,))
        case NoSuchTarget(said=said):
            return _no_such_taker(request, said, conversation)
    return request


def _no_such_taker(request: CreateTicket, said: str, conversation: Conversation) -> Clarify:
    teams = tuple(Choice(f"{t.name} team", TeamTarget(t.team_id, t.name))
                  for t in conversation.teams[:_TEAMS_OFFERED])
    return Clarify(request, f"I couldn't find “{said}”. Who should take the new ticket?",
                   teams + (_UNASSIGNED,))


_ASK_TO_FILE = (
    r"(?:(?:can|could|would|will|cud|cn) (?:you|u|someone|somebody|anyone|anybody|one of you"
    r"|you guys|u guys|yall)(?: please| pls| plz| kindly| possibly| just)? "
    r"|(?:please|pls|plz|kindly|just) )*"
    r"(?:open|log|raise|create|file|submit|make|put in|lodge|start|write up|record|report)"
    r"(?: up)?(?: me| us)? (?:a |an |one )?(?:new )?(?P<kind>ticket|tkt|issue|case|incident|bug"
    r"|outage|one|it|this|that)(?: up)?(?: for (?:it|this|that|me|us))?(?: as well| too)?"
)
_FILING_AFTER = re.compile(
    rf"(?P<told>.+?)\s*[.!?;]+\s+(?:(?:thanks|thx|ty|cheers)[,!.]*\s+)?{_ASK_TO_FILE}"
    r"(?:[,!.]*\s*(?:please|pls|plz|thanks|thank you|thx|ty|cheers|asap))*[?.!\s]*",
    re.IGNORECASE | re.DOTALL)
_FILING_FIRST = re.compile(
    rf"(?:(?:hi|hello|hey|morning|good morning)(?: there| team| all)?[,!.]*\s+)?{_ASK_TO_FILE}"
    r"(?: for (?:me|us))?(?: (?:for|with|to) (?P<for>(?!(?:me|us|it|this|that)\b)[^:;,.–—-]{1,40}?))?"
    r"(?: please| pls| plz)?\s*[:–—-]+\s+(?P<told>.+)",
    re.IGNORECASE | re.DOTALL)
"""An ask to file a ticket in its own sentence, the problem told in another: "wifi down in
room 4. Could someone open a ticket for it?", "Could you log this for me: the projector in
B2 is dead". The ask is no part of the title."""


def _filing_asked(text: str, conversation: Conversation) -> Understanding | None:
    """A new ticket titled with the problem told before or after an ask to file it (read as
    it would be alone: "report a problem: wifi down in room 4" is titled "Wifi down in room
    4"); None when there is no such ask, or the problem names a ticket (a change, not a new
    one) or is too short to title."""
    said = " ".join(text.replace("’", "'").split())
    found = _FILING_AFTER.fullmatch(said) or _FILING_FIRST.fullmatch(said)
    if found is None:
        return None
    told = found["told"].strip(" ,.;:!?-–—")
    if len(told.split()) < 2 or _A_TICKET_TYPED.search(told):
        return None
    if said_for := found.groupdict().get("for"):  # "log this for facilities: the lift is
        placed = f"new ticket for {said_for}: {told}"  # broken": who takes it, then its title
        filed = _read(read_message(placed, conversation), placed,
                      replace(conversation, last_ticket=None))
        if isinstance(filed, CreateTicket) or isinstance(filed, Clarify) and isinstance(
                filed.request, CreateTicket):
            return filed
    alone = read_message(told, conversation)
    if any(w.text in (REF, NUMBER) for w in alone.words) and _typed_tickets(
            alone, 0, len(alone.words)):
        return None
    read = _read(alone, told, replace(conversation, last_ticket=None))
    kind = CATEGORY_WORDS.get(found["kind"].lower())  # "log an incident: website down"
    if isinstance(read, CreateTicket) and read.title:
        return replace(read, category=read.category or kind)  # "report a problem: wifi down
        # in room 4": what was reported
    if not isinstance(read, (FreeText, Unknown, Question)):
        return None  # "close it. can you log that?": a request of its own, read as before
    title = as_title(_quoted_or(_REPORTED.sub("", told)))
    return CreateTicket(title=title, category=kind) if title else None


_SEVERAL_TO_FILE = re.compile(
    r"(?:(?:hi|hello|hey)(?: there| team| all)?[,!.]*\s+)?"
    r"(?:(?:(?:can|could|would|will|cud|cn) (?:you|u|someone|somebody)|please|pls|plz|kindly)"
    r"[,]?\s+)*(?:(?P<verb>open|log|raise|create|file|submit|make|put in|lodge|add|new|write up)"
    r"(?: up)?(?: me| us)? |(?:i|we) (?:need|want|would like|d like|'d like) )?"
    r"(?:(?P<count>two|2|three|3|four|4|five|5|both|a couple of|these"
    r"|the following|several|multiple|separate|some) )?(?:new |separate )?"
    r"(?:tickets|tkts|tix|issues|cases|incidents|requests)(?: for (?:me|us))?"
    r"(?: please| pls| plz)?\s*[:–—.-]+\s*(?P<told>.+)", re.IGNORECASE | re.DOTALL)
"""Several tickets asked at once, the problems listed after a colon or dash: "can you log two
tickets: printer jammed, and vpn keeps dropping", "raise these tickets:" and a line each."""
_COUNTED_TICKETS = {"two": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4, "five": 5, "5": 5,
                    "both": 2, "a couple of": 2}
_LISTED_APART = (
    re.compile(r"\s*\n\s*"),  # a line each
    re.compile(r"\s*;\s*|\.\s+|\s+/\s+"),
    re.compile(r"\s*,\s*(?:and|also|plus)\s+|\s*,\s*(?=one (?:for|about)\b)"),
    re.compile(r"\s*,\s*|\s+and\s+(?:also\s+)?"),
)
"""How the problems are set apart, the clearest first: "and" or a comma alone only when the
number of tickets said is what they make ("log two tickets: a and b")."""
_LISTED_LEAD = re.compile(r"^(?:[-*•·]|\d{1,2}[.)]|one (?:for|about)|another (?:for|about)"
                          r"|(?:the )?(?:first|second|third|other|last) (?:one )?(?:for|about)|"
                          r"and|also)\s+", re.IGNORECASE)
_MOST_FILED_AT_ONCE = 5
_THANKS_AFTER = re.compile(r"[\s,.;!-]*\b(?:please|pls|plz|thanks|thank you|thx|ty|cheers)"
                           r"[\s.!]*$", re.IGNORECASE)


def _several_to_file(text: str) -> CreateTicket | None:
    """The first of several tickets asked at once, with the titles of the rest to file after
    it; None when one ticket is asked, or the problems cannot be told apart for certain."""
    found = _SEVERAL_TO_FILE.fullmatch(text.strip().rstrip("?!. "))
    if found is None:
        return None
    count = _COUNTED_TICKETS.get((found["count"] or "").lower())
    verb = (found["verb"] or "").lower()
    if count is None and verb in ("open", "new", "add", ""):
        return None  # "open tickets: sam, and lee", "new tickets - …": a list asked, maybe
    told = _THANKS_AFTER.sub("", found["told"].strip())
    for at, apart in enumerate(_LISTED_APART):
        if count is None and at == len(_LISTED_APART) - 1:
            return None  # "tickets: printer jammed and smoking": one problem, maybe
        titles = [_LISTED_LEAD.sub("", part.strip(" .,;:")).strip(" .,;:")
                  for part in apart.split(told)]
        titles = [as_title(title) for title in titles if any(ch.isalpha() for ch in title)]
        if len(titles) >= 2 and (count is None or len(titles) == count):
            if len(titles) > _MOST_FILED_AT_ONCE:
                return None
            return CreateTicket(title=titles[0], then=tuple(titles[1:]))
    words = set(re.findall(r"[^\W\d_]+", told.lower())) - {"and", "or", "also", "plus", "then"}
    return CreateTicket(title=as_title(told)) if verb and words else None
    # "log two tickets: printer jammed": what was told, in one title, never lost


_FILING_LEADS = frozenset({"new", "create", "open", "file", "raise", "log", "submit", "lodge"})
_COMMENT_LEADS = frozenset({"comment", "note", "reply", "respond", "answer", "add", "leave",
                            "post", "write", "tell"})


def _after_a_lead(reading: Reading, whole: Reading) -> Understanding | None:
    """A new ticket or a comment spelled out by its lead ("new ticket laptop does not start",
    "comment on 4: can you send the serial number?"): what follows the lead is the title or
    the words to post, so its own "not" or "?" refuses or asks nothing of the bot (read as
    a sentence of its own, the ticket was left as it was, or shown, and nothing filed or
    posted). None when the message opens with no such lead, or the lead has nothing after it."""
    first = reading.message.words[reading.start].text
    if first in _FILING_LEADS:
        found = _create(reading, whole)
        return found if isinstance(found, CreateTicket) and found.title else None
    if first in _COMMENT_LEADS:
        said = _comment(reading, whole)
        return said if isinstance(said, CommentOnTicket) and said.text else None
    return None


_REPORTED = re.compile(
    r"^(?:(?:i|we)(?:'d| would| want| wanna| need| have| must)?(?: like)?(?: to)? )?"
    r"(?:report|reporting)?(?: (?:a|an|the|one|new))?(?: ?(?:problem|issue|fault|bug|incident"
    r"|outage))?(?: that)?\s*[:–—-]\s*", re.IGNORECASE)
"""What leads the problem reported ("i want report problem: …", "problem - …"), said in
words the reader does not take for filing: no part of the title."""
_A_TICKET_TYPED = re.compile(r"(?:#|\btkt-?|\bticket\s+#?)\d", re.IGNORECASE)


_LEADING_PRIORITY = re.compile(
    rf"(?P<level>{'|'.join(PRIORITY_WORDS)})(?:\s*[:;–—-]\s*|\s+(?:priority|prio)\b\s*[:,;–—-]?\s*)"
    r"(?=\S)", re.IGNORECASE)
"""How urgent, said first before a new ticket's title with a colon, a dash or "priority"
("urgent: server down", "high priority outlook not syncing"); not "high cpu on the build
server", "critical error in excel", where the word is the problem's own."""
_TRAILING_PRIORITY = re.compile(
    rf"\s*[,;–—-]\s*(?:(?:its|it's|it is|this is|very|super|quite|pretty|kinda) )*"
    rf"(?P<level>{'|'.join(PRIORITY_WORDS)})(?: priority| prio)?[.!]*$", re.IGNORECASE)


def _without_trailing_priority(message: Message, first: int, last: int) -> tuple[int, Priority] | None:
    """How urgent, said last after a comma or dash ("…, give it to facilities, high"): where
    the words before it end, and the priority. Read before who takes it, whose name would
    otherwise run on into it."""
    found = _TRAILING_PRIORITY.search(message.original(first, last))
    if found is None or found.start() == 0:
        return None
    for k in range(last - 1, first, -1):
        if len(message.original(first, k)) <= found.start():
            while k > first + 1 and message.words[k - 1].text in ("-", "–", "—"):
                k -= 1  # "… team - urgent": the dash on its own is no part of a name
            return k, PRIORITY_WORDS[found["level"].lower()]
    return None


_TRAILING_ASK = re.compile(
    r"(?:\s*[,;.!–—-]\s*(?:(?:and|so|pls|please|plz) )*"
    r"(?:(?:can|could|would|will) (?:you|u|someone|somebody|one of you) (?:please |pls )?)?"
    r"|\s+(?:(?:can|could|would|will) (?:you|u|someone|somebody|one of you)|please|pls|plz)"
    r"(?: please| pls)? )"
    r"(?:create|open|file|raise|log|submit|make|start|lodge|put in|write up)(?: me| us)?"
    r" (?:a |an |one )?(?:new )?(?:ticket|issue|case|one|it|this|that)(?: up)?"
    r"(?: for (?:it|this|that|me|us))?(?: (?:please|pls|plz|thanks|thx|thank you))*[\s?.!]*$",
    re.IGNORECASE)
"""An ask to file it at the end of the problem told ("…, can you raise a ticket", "… please
log it"): no part of the title; "Portal won't let me log a ticket" keeps its words."""
_NOTHING_SAID = frozenset({
    "something", "something else", "sth", "smth", "stuff", "a thing", "a few things", "things",
    "an issue", "a problem", "an incident", "a bug", "one", "a new one", "it", "this", "that",
})
"""What "I need to report something" names: no title yet, so the bot asks for it."""
_NOT_HELPED = re.compile(
    r"(?:(?:ok|okay|well|nope|no|sorry|hmm+|sadly|unfortunately)\W+)*(?:(?:that|it|this|the answer)"
    r"\W+)?(?:(?:didn'?t|didn’t|did not|doesn'?t|doesn’t|does not|wasn'?t|wasn’t|was not)(?: really)?"
    r" (?:help|work|helpful|fix it)|not helpful|unhelpful|useless|no luck|no joy"
    r"|still (?:not working|broken|the same|doesn'?t work))", re.IGNORECASE)
"""What a help answer did not do ("that didn't help, make a ticket"): the ask's lead, no
title of a problem (the vpn's "the vpn didn't work after the update" is one)."""


_UNASSIGNED = Choice("Leave it unassigned", Nobody())
_TEAMS_OFFERED = 6


_FILE_IT = (  # "log it", "raise one", "create a ticket", "open one": asked to file
    r"(?:(?:create|open|file|raise|log|submit|make|start|lodge|report|put in|write up)"
    r"(?: me| us)? (?:a |an |one )?(?:new )?(?:ticket|issue|case|one)"
    r"|(?:create|file|raise|log|submit|lodge|report|write up) (?:tref|this|that))"
    r"(?: up)?(?: for (?:tref|this|that|me|us))?"
)


_TELLS_WHO = frozenset({
    "i", "ill", "im", "ive", "we", "well", "weve", "were", "they", "theyll", "theyve", "he",
    "she", "will", "would", "shall", "should", "might", "may", "must", "did", "didnt", "already",
    "have", "has", "had", "not", "never", "dont", "cant", "wont", "going", "gonna", "also", "who",
})
"""Words before "log it" that make it a statement or a question ("I'll report it", "who
should log it"), not an ask to file."""


_ONLY_POINTS = frozenset({"the", "a", "an", "this", "that", "which", "whichever", "any", "my"})
_BEFORE_OPEN_SAID_OF = _ONLY_POINTS | frozenset({
    "our", "your", "his", "her", "their", "last", "latest", "newest", "oldest", "recent", "only",
    "other", "first", "next", "every", "each", "all", "urgent", "high", "low", "medium",
    "critical", "remaining", "current", "one", "same", "earliest", "most", "longest", "stalest",
    "stale", "eldest", "quietest",
})
"""The word before "open ticket" that makes "open" say which ticket ("my last open ticket",
"the oldest open one"), not ask for a new one ("printer broken open ticket")."""


def _create_after(reading: Reading, whole: Reading) -> Understanding | None:
    """"Sam's printer is broken, please create a ticket", "printer jammed again, can you log
    it for me", "… can someone look at this and log it": the problem first, then the ask."""
    found = _match(reading, (
        r"(?P<title>.+?) (?:so )?(?:(?:please|pls|can you|could you|would you|will you|can u"
        r"|could u|would u|kindly|and|then|(?:i )?(?:need|want|would like|id like) you to"
        r"|(?:can|could|would|will) (?:someone|somebody|anyone|anybody|you guys|you)"
        r"|(?:someone|somebody) please"
        r"|(?:look at|check|have a look at|take a look at|see to|look into) (?:tref|this|that) and"
        rf") )*{_FILE_IT}(?P<tail>(?: .+)?)"
    ))
    if found is None or _names_a_ticket(told_words := reading.words(found, "title")):
        return None
    if told_words[-1].text in _TELLS_WHO:
        return None  # "…, I'll report it to facilities": what they do, not an ask
    if all(w.text in _ONLY_POINTS for w in told_words):
        return None  # "the open one": which one, not "open one" titled "The"
    if told_words[-1].text in _BEFORE_OPEN_SAID_OF and re.match(
            r" open (?:ticket|case|issue|one)\b", reading.plain[found.end("title"):]):
        return None  # "my last open ticket", "show my oldest open ticket": which, no new one
    tail = reading.group_words(found, "tail") if found.group("tail") else (reading.end, reading.end)
    if _to_a_value(reading.message, *tail):
        return None  # "…, raise it to urgent": how urgent it is, not who should take it
    told = place_after_ask(reading.message, *tail, today=reading.conversation.today)
    if told.first < told.last:
        return None  # more after the ask than who takes it and when
    first, last = reading.group_words(found, "title")
    return _new_ticket(reading, first, last, CreateTicket(), told=told)


_QUEUE = (r"(?:the )?(?:general |main |shared |common |open |unassigned |support )?"
          r"(?:queue|queu|que|pool|backlog)")
_BACK_TO_QUEUE = (
    rf"(?:put|send|return|hand|give|move|drop|throw|push|kick|bounce|stick|place|pop|chuck"
    rf"|toss|release|bring|take|shift)(?: back)?(?: {ref()}| it| (?:the |this |that )?ticket"
    rf"| (?:this|that) one)(?: back)? (?:in|into|to|on|onto)"
    rf" {_QUEUE}(?: again| for now| for someone else)?",
    rf"{ref()} (?:back |bak )?(?:in|into|to) {_QUEUE}(?: again| for now| please| pls)?",
    rf"(?:requeue|re-queue|re queue|re - queue)(?: the ticket)?(?: {ref()}| it)",
    rf"(?:back|bak) (?:in|into|to) {_QUEUE}(?: (?:-|–|—|with|for|:))? {ref()}",
)
""""Put 7 back in the queue", "return 7 to the queue", "7 back to queue", "requeue 7": open
again and held by no one person, whichever verb is said. A queue named by its team ("the
network queue") is that team's, an assignment, read by `_assign`."""


def _back_to_queue(reading: Reading, whole: Reading) -> Understanding | None:
    """With words after it ("…, I'm swamped this week"), those are read as a reason is after
    any request (`_first_clause`): kept as its comment, or taking it back ("…, actually
    don't"); never the words of a name, a status or a search, as other rules would take them."""
    for pattern in _BACK_TO_QUEUE:
        if found := _match(reading, pattern):
            return ChangeStatus(reading.ticket(found), TicketStatus.OPEN, queue=True)
    if not any(_match(reading, f"{pattern} .+") for pattern in _BACK_TO_QUEUE):
        return None
    message = reading.message
    clause = _first_clause(message, reading.conversation, reading.start, reading.end)
    return clause if isinstance(clause, (ChangeStatus, Declined)) else FreeText(
        message.text.strip())


_PARTY = (r"(?:the |a |our |their |my )?(?:end user|enduser|users|user|customers|customer"
          r"|requester|requestor|client|clients|caller|vendor|supplier|third party|3rd party"
          r"|manufacturer)")
_AWAITED = (r"(?: (?:reply|replies|response|responses|feedback|answer|answers|confirmation"
            r"|input|callback|call back|info|information|details|update|approval|sign off)"
            r"| to (?:reply|respond|answer|confirm|call back|come back|get back|revert)"
            r"(?: to (?:me|us))?)?")
_WAIT = r"(?:waiting|wating|waitin|awaiting|pending|blocked|stuck|held up)"
_WHO_WAITS = r"(?:(?:(?:we|i) (?:are|am)|still|now|currently|just) )*"
_TOLD_TICKET = r"(?: (?:-|–|—|:|for|on|with|re|about|regarding))"
_ON_HOLD_FOR = (
    rf"{_WHO_WAITS}{_WAIT}(?: (?:on|for|with))? {_PARTY}{_AWAITED}{_TOLD_TICKET}? {ref()}",
    rf"{ref()}(?: (?:-|–|—|:|is|s|has been|now|still|currently))* {_WAIT}(?: (?:on|for|with))?"
    rf" {_PARTY}{_AWAITED}(?: now)?",
    rf"(?:on|for|re|with) {ref()}(?: (?:-|:))? {_WHO_WAITS}{_WAIT}(?: (?:on|for|with))?"
    rf" {_PARTY}{_AWAITED}",
)
""""Waiting on the user for 12", "pending customer on 12", "12 awaiting customer feedback":
the ticket waits on the one who asked (or a vendor), which a service desk puts on hold. Only
such a party: "still waiting on 12" or "waiting for the engineer on 12" is someone chasing."""


_RESUMED = (
    r"(?:back to work(?:ing)?|back working|working|work|continuing(?: work)?|continue(?: work)?"
    r"|carrying on|carry on|resuming work|resume work) (?:on|with) {t}",
    r"(?:resume|resuming|restart|restarting|unpause|unpausing|continue|continuing) {t}",
    r"(?:pick|picking) {t} (?:back )?up",
    r"{t} (?:is )?back (?:in progress|to in progress|in work)",
    r"back on {t}",
    r"(?:take|taking|get|getting|bring|bringing) {t} off hold",
    r"{t} (?:can |should )?(?:come|comes) off hold",
)
_REPLIED = (r"(?:has |have |finally )?(?:replied|responded|answered|got back|came back"
            r"|called back|rang back|confirmed|reverted)(?: to (?:me|us))?")
_RESUMED_ALONE = (r"(?:resuming|resume|back to work|back to it|continuing|back in progress"
                  r"|working on it again)")
_AFTER_REPLY = (
    rf"{_PARTY} {_REPLIED}(?:{_TOLD_TICKET} {ref()})?(?: (?:-|–|—|:|so|and|now))*"
    r" (?:(?:i am|we are|i will|we will) )?{resumed}(?: again| now| today)*",
    rf"{ref()}(?: (?:-|–|—|:))? {_PARTY} {_REPLIED}(?: (?:-|–|—|:|so|and|now))*"
    r" {resumed}(?: again| now| today)*",
)
_WORK_GOES_ON = tuple(
    f"{resumed.format(t=ref('ticket'))}(?: again| now| today)*" for resumed in _RESUMED
) + tuple(pattern.format(resumed=resumed) for pattern in _AFTER_REPLY for resumed in (
    *(said.format(t=ref("ticket")) for said in _RESUMED), _RESUMED_ALONE))
""""user replied, back to work on 12", "customer got back to me on 12, picking it up again",
"resume 12": work on it goes on (in progress). "It" after the ticket the reply was on is that
ticket; two tickets typed are not guessed between."""


def _waiting_or_resumed(reading: Reading, whole: Reading) -> Understanding | None:
    for pattern in _ON_HOLD_FOR:
        if found := _match(reading, pattern):
            return ChangeStatus(reading.ticket(found), TicketStatus.ON_HOLD)
    for pattern in _WORK_GOES_ON:
        if not (found := _match(reading, pattern)):
            continue
        told, again = reading.ticket(found), reading.ticket(found, "ticket")
        if told is not None and again is not None and told != again and _typed_as_number(
                reading.message, reading.group_words(found, "ticket")[0]):
            return None  # "user replied on 12, resuming 13": which one is not guessed
        return ChangeStatus(told or again, TicketStatus.IN_PROGRESS)
    return None


def _file_it(reading: Reading, whole: Reading) -> Understanding | None:
    """"log it", "can you raise one and assign it to facilities?": a new ticket, its problem
    told before or asked next."""
    found = _match(reading, rf"{_FILE_IT}(?P<tail>(?: .+)?)")
    if found is None or _typed_tickets(reading.message, reading.start, reading.end):
        return None
    tail = reading.group_words(found, "tail") if found.group("tail") else (reading.end, reading.end)
    if _to_a_value(reading.message, *tail):
        return None  # "raise it to urgent": a priority, not who should take a new ticket
    told = place_after_ask(reading.message, *tail, today=reading.conversation.today)
    if told.first < told.last:
        return None
    return _new_ticket(reading, tail[0], tail[0], CreateTicket(), told=told)


def _to_a_value(message: Message, first: int, last: int) -> bool:
    """"to urgent", "to high priority pls": the words after "raise it" are a value."""
    said = [w.text for w in message.words[first:last]]
    return len(said) > 1 and said[0] in ("to", "as") and _a_value(said[1:])


_LABELS = frozenset({"ticket", "new", "create", "issue", "problem", "bug", "incident", "one",
                     "request", "new ticket", "new one", "new issue", "new bug", "new request",
                     "newticket", "feature request", "support request", "bug report",
                     "new incident", "new feature"})


def _labelled(reading: Reading, whole: Reading) -> Understanding | None:
    """"ticket: printer broken", "new one: keyboard dead": a title after a label and a colon."""
    message = reading.message
    for size in (1, 2, 3, 4):
        end = reading.start + size
        if end >= reading.end:
            return None
        said = [w.text for w in message.words[reading.start:end] if w.text != "please"]
        priority = PRIORITY_WORDS.get(said[0]) if len(said) > 1 else None
        if priority is not None:  # "urgent ticket:", "high priority bug:"
            said = [w for w in said[1:] if w != "priority"] or said
        label = " ".join(said)
        typed = message.typed_to(message.words[end - 1])
        dash = message.words[end].text in ("-", "–", "—") and end + 1 < reading.end
        if label in _LABELS and (typed.endswith(":") or dash):  # "ticket pls - keyboard dead"
            kind = CATEGORY_WORDS.get(label.removeprefix("new ").removesuffix(" report"))
            return _new_ticket(reading, end + dash, reading.end, CreateTicket(
                priority=priority,
                category=kind if kind is not Category.REQUEST or "request" in label else None))
    return None


def _names_a_ticket(words: list[Word]) -> bool:
    """`#4`, `TKT-…` anywhere, or a bare number first: "call 0770090 back" is a title."""
    first = next((w.text for w in words if w.text not in ("number", "no", "nr", "the")), "")
    return first == NUMBER or any(w.text == REF for w in words)


def _form(reading: Reading, whole: Reading) -> Understanding | None:
    if _match(reading, r"(?:(?:new|create|open|file) )?(?:a )?(?:new )?ticket form|form"):
        return CreateTicket(form=True)
    return None


def _show(reading: Reading, whole: Reading) -> Understanding | None:
    found = _match(reading, (
        r"(?:(?:show|view|open|display|get|see|find|look at|pull up|bring up|check|lookup"
        r"|look up|details|detail|info|information|tell me about|what about|go to|status of"
        r"|details of|details for|info on|info about|status for|refresh"
        r"|give me (?:the )?(?:details|info|status|rundown|lowdown)|let me see|lets see"
        r"|revert(?: back)? (?:on|about|regarding|for))"  # "please revert on 69": reply about it
        rf"(?: me)?(?: the)?(?: details| status| info)?(?: of| for| on| about)? )?{ref()}"
        r"(?: details| info| again| card| status)?"
    )) or _match(reading, (
        rf"{_ASKED_FOR}(?:(?:give|send|get|show) (?:me|us) )?(?:an? |the )?"
        r"(?:quick |brief |short |1 line |one line )?(?:summary|recap|synopsis|gist|tldr|overview)"
        rf"(?: (?:of|for|on|about))?(?: ticket)? {ref()}{_THANKED}"
    )) or _match(reading, rf"{_ASKED_FOR}(?:summari[sz]e|sum up|recap)(?: ticket)? {ref()}{_THANKED}"
    ) or _match(reading, (  # "last comment on 12", "show the comments on 12": its card has them
        rf"{_ASKED_FOR}(?:(?:show|see|view|read|list|get|give|pull up|check)(?: me| us)? "
        r"|(?:can|could|may) i (?:see|read|have) |(?:what|whats|what s) (?:are|is|was|were) "
        r"|(?:what|whats|what s) )?(?:the |all |any )?"
        r"(?:(?:(?:last|latest|recent|newest|most recent|new) )?(?:comments|notes|replies|messages)"
        r"|(?:last|latest|recent|newest|most recent) (?:comment|note|reply|message|update))"
        rf" (?:on|of|for|in|under|from|about) {ref()}{_THANKED}"
    ))
    return ShowTicket(reading.ticket(found)) if found else None


_ASKED_FOR = r"(?:(?:can|could|would) (?:you|u) |pls |please |plz |quick )*"
_THANKED = r"(?: for me)?(?: please| pls| plz)?"
"""The ask around "summary of 3", "summarise it", "recap 12", "sum up 4 for me": its card is
the summary (these went to the help assistant, which offered to file them as a ticket)."""


_LOG = (r"(?:full |whole |change |edit |ticket )?(?:history|histroy|hisotry|changes|changelog"
        r"|timeline|activity|edits)|(?:change|audit|activity|ticket) (?:log|trail)")

_HAPPENED = (r"(?:happened|been happening|been going on|gone on|went on|changed|change"
             r"|been changed|been done)")


def _history(reading: Reading) -> ShowTicket | None:
    """"history of 4", "4's history", "what happened on 4?", "who changed 4": the card with
    its history open."""
    found = _match(reading, (
        r"(?:(?:show|view|see|get|check|open|display|give|pull up|bring up|let me see|lets see"
        r"|can i see|what is|whats|what s)(?: me| us)? )?(?:the )?"
        rf"(?:{_LOG})(?: of| for| on| to| in)? {ref()}(?: please| pls| plz)?"
    )) or _match(reading, rf"{ref()}(?: s| is)? (?:{_LOG})") or _match(reading, (
        rf"(?:what|whats|what s)(?: has| have| s| is)? {_HAPPENED}(?: on| to| with| in| for)? {ref()}"
        rf"{_LATELY}"
    )) or _match(reading, (  # "did anything happen with 250 since friday?"
        r"(?:did|has|have) (?:anything|something|much|any ?thing new) (?:happen|happened"
        rf"|change|changed|been done|moved)(?: on| to| with| in| for)? {ref()}{_LATELY}"
    )) or _match(reading, (
        rf"who(?: has| have| s| else)? {_NOT_FILED}(?:changed|change|edited|edit|updated|touched"
        r"|modified|worked on"
        rf"|messed with|made changes to|did what (?:to|on)|{_CHANGED_BY_SOMEONE})(?: the)? "
        rf"(?:{_A_FIELD}(?: on| of| for| in) )?{ref()}(?: last)?{_LATELY}"
        r"(?: (?:without|and|but|even though)(?: [\w']+){1,6})?"
    )) or _match(reading, (
        rf"(?:i )?(?:(?:dont|do not|am not|cant|cannot|can not|do ?nt) )?(?:understand |know |see |get "
        rf"|wonder |wondering |ask |asking )?why(?: (?:is|was|has|did|does|got|s))?(?: (?:already|been))? "
        rf"{ref()}(?: (?:is|was|has|been|get|got|gets|be|already|now|suddenly|again))* (?:{_CHANGED_TO})"
        r"(?: (?:already|again|now|suddenly|so fast|so soon|without \w+(?: \w+)?))?"
    )) or _match(reading, (  # "why u close my ticket 1650??", as "why did you close …"
        rf"(?:but |so |hmm )?(?:why|how come) (?:u|you|ya|they|he|she|someone|somebody) (?:{_DID_TO}|{_DONE_BY}) {ref()}"
        r"(?: on hold| back| to (?:\w+ ){0,2}\w+)?(?: (?:already|again|so fast|so soon|without \w+(?: \w+)?))?"
    ))
    found = found or _match(reading, (  # "who gave 553 to facilities?", "when did 457 get
        rf"(?:who|when|why|how come)(?: exactly)? (?:(?:did|had) \w+ (?:{_DID_TO})"  # escalated"
        rf"|(?:{_DONE_BY}|escalate|change)) (?:the {_A_FIELD} (?:of|on|for|in) )?{ref()}(?: .+)?"
    )) or _match(reading, (
        rf"when (?:did|was|were|has|had) {ref()}(?: (?:get|got|gotten|been))?"
        rf" (?:{_DONE_BY}|escalate|change)(?: .+)?"
    ))
    if found is None and _match(reading, _HISTORY_UNNAMED):  # "show me the history"
        return ShowTicket(reading.conversation.last_ticket, history=True)  # none: which is asked
    if found is None and (reading.conversation.last_ticket is not None and _match(reading, (
            rf"who(?: has| have| s| else)? {_NOT_FILED}(?:{_CHANGED_BY_SOMEONE}) "
            r"(?:my|our|this|that|the) "
            r"(?:ticket|request|case|issue)(?: (?:without|and|but|even though)(?: [\w']+){1,6})?"
    )) or _match(reading, (  # "who changed the priority": of the one in view, or which is asked
            rf"who(?: has| have| s| else)? (?:changed|change|edited|edit|updated|modified|set"
            rf"|{_CHANGED_BY_SOMEONE}) (?:the|its) {_A_FIELD}{_LATELY}"))):
        return ShowTicket(reading.conversation.last_ticket, history=True)  # the one in view
    return ShowTicket(reading.ticket(found), history=True) if found else None


_HISTORY_UNNAMED = (
    r"(?:and |so |ok |okay |now )?(?:(?:show|view|see|get|check|open|display|give|pull up|bring up"
    r"|let me see|lets see|can i see|could i see|can i get|what is|where is)(?: me| us)? )?"
    r"(?:the |tref is |tref s |its |this |that )?(?:full |whole |complete |ticket )?"
    r"(?:history|histroy|hisotry|changelog|change log|audit log|audit trail)"
    r"(?: (?:of|on|for) tref)?(?: please| pls| plz| too| as well)?")
"""Its history asked for with no ticket named ("show me the history", "history?", "can I
see its history"): of the ticket in view, else which one is asked. Never a search for
"history" (the tickets about it are asked for as such: "tickets about history")."""

_LATELY = (r"(?: (?:so far|lately|recently|yet|tdate|this week|this morning|overnight"
           r"|since [\w]+(?: [\w]+)?))?")
"""When it changed, said after the ticket: "what changed on 4 today", "… since yesterday"."""

_DID_TO = "|".join(CHANGE_VERBS)
_DONE_BY = "|".join(CHANGED_VERBS)
"""What someone did to a ticket, asked who, when or why ("who gave 553 to facilities?",
"when did 457 get escalated", "why did they put 43 on hold"): its history says. Not
"raised", "opened" or "logged": when it was filed, its card says. Some of the words are read
as their verb ("escalated": "escalate")."""
_A_FIELD = r"(?:priority|status|title|description|due date|deadline|category|assignee|severity)"
"""A field whose change is asked about: "who changed the priority on 4" reads the history."""

_CHANGED_BY_SOMEONE = (r"closed|resolved|reopened|assigned|reassigned|unassigned|moved|cancelled"
                       r"|canceled|put on hold|deleted|renamed|downgraded|upgraded|lowered|raised")
"""Who did it to a ticket ("who closed 4?", "who reassigned my ticket?"): its history says."""

_NOT_FILED = (r"(?!raised (?:(?:the|my|our|this|that|ticket|tickets|tkt|issue|case|request"
              r"|number|no) )*(?:tref|tnum|ticket|issue|case|request|it)\b(?! s | is ))")
""""who raised 4" asks who filed it (its card answers); "who raised the priority on 4" asks
its history."""

_CHANGED_TO = (r"closed|resolved|reopened|open again|on hold|put on hold|assigned(?: to \w+)?|reassigned"
               r"|unassigned|moved|cancelled|canceled|low|low priority|urgent|high|medium"
               r"|(?:in|with) (?:another|the other|a different) team")
"""Why a ticket is as it is ("why is 144 closed?"): its history shows who made it so."""


_WAITED_ON = frozenset({
    "vendor", "vendors", "supplier", "suppliers", "user", "users", "customer", "client",
    "requester", "reporter", "caller", "legal", "procurement", "purchasing", "approval",
    "approvals", "signoff", "finance", "security", "hr", "management", "manager", "boss", "team",
    "them", "him", "her", "reply", "response", "answer", "feedback", "parts", "part", "delivery",
    "shipment", "order", "quote", "contractor", "engineer", "provider", "isp", "carrier",
    "licence", "license", "budget", "confirmation", "info", "information", "someone", "waiting",
    "third", "external", "change", "cab", REF, NUMBER,
})
"""Whom or what a ticket can wait on: "stuck on the vendor", "blocked by legal", "blocked on
approval"; "stuck on the login screen" and "blocked by the firewall" tell what is wrong."""


_THE_SPEAKER = frozenset({"me", "us", "myself", "ourselves", "my", "our"})


def _status_value(words: list[str], *, set_by_the_speaker: bool = False) -> TicketStatus | None:
    """The status `words` say; "waiting on me" is none when told ("12 is waiting on me": it waits
    for the one who says it), and a hold when they set it ("set 12 to waiting on us")."""
    while words and words[0] in ("as", "to", "be", "being", "now", "the", "status", "into",
                                 "in", "state", "back", "is", "again", "set"):
        if words[0] == "back" and len(words) == 1:
            break
        if words[0] == "in" and words[1:2] == ["progress"]:
            break
        words = words[1:]
    for index, word in enumerate(words):
        if word in ("until", "till", "til", "through", "pending") and index:
            words = words[:index]  # "on hold until Monday": the status is what changes
            break
    if (said := STATUS_WORDS.get(" ".join(words))) is not None:
        return said  # "working now" (fixed) is not "working" (in progress)
    while words and words[-1] in ("now", "status", "again", "state", "please", "for now", "already"):
        words = words[:-1]
    if len(words) > 2 and words[0] in ("waiting", "blocked", "stuck", "pending", "held") \
            and words[1] in ("on", "for", "by", "until", "till") and (
                words[0] not in ("blocked", "stuck") or _WAITED_ON & set(words[2:])):
        return None if words[2] in _THE_SPEAKER and not set_by_the_speaker else (
            TicketStatus.ON_HOLD)
    return STATUS_WORDS.get(" ".join(words))


_DONE = {  # "I fixed 4", "closed it": said after doing it
    "fixed": TicketStatus.RESOLVED, "resolved": TicketStatus.RESOLVED,
    "solved": TicketStatus.RESOLVED, "sorted": TicketStatus.RESOLVED,
    "completed": TicketStatus.RESOLVED, "closed": TicketStatus.CLOSED,
    "reopened": TicketStatus.OPEN, "parked": TicketStatus.ON_HOLD,
}
_DOING = {  # "I'm closing 4", "I'll close it", "closing it now"
    "close": TicketStatus.CLOSED, "closing": TicketStatus.CLOSED,
    "resolve": TicketStatus.RESOLVED, "resolving": TicketStatus.RESOLVED,
    "reopen": TicketStatus.OPEN, "reopening": TicketStatus.OPEN,
    "fixing": TicketStatus.IN_PROGRESS, "pausing": TicketStatus.ON_HOLD,
    "parking": TicketStatus.ON_HOLD, "park": TicketStatus.ON_HOLD,
}


def _status(reading: Reading, whole: Reading) -> Understanding | None:
    verbs = "|".join(list(STATUS_VERBS) + ["re-open", "re open", "finalise", "finalize"])
    if found := _match(reading, (
        rf"(?P<verb>{verbs})(?: up| off| out| down)?(?: {ref()}| (?:the )?ticket)?"
        r"(?: (?:as|now|out|off|down|up|for good|too|already))*"
    )):
        verb = found.group("verb")
        wanted = STATUS_VERBS.get(verb, TicketStatus.OPEN if "open" in verb else TicketStatus.RESOLVED)
        return ChangeStatus(reading.ticket(found), wanted)
    if found := _match(reading, (
        rf"(?:hold|park|pause)(?: the)? {ref()} (?:until|till|til|pending) (?!.*\bthen\b).+"
    )):  # "hold 738 till monday", as "put 738 on hold till monday"; not "…, then close it"
        return ChangeStatus(reading.ticket(found), TicketStatus.ON_HOLD)
    if found := _match(reading, (
        rf"(?:i |i have |ive |we |we have |weve |just )*(?P<verb>{'|'.join(_DONE)})(?: {ref()})?"
        r"(?: (?:now|already|today|just now))?"
    )):
        if found.group("ref") is not None or reading.end - reading.start > 1:
            return ChangeStatus(reading.ticket(found), _DONE[found.group("verb")])
    if found := _match(reading, (
        r"(?:i will |ill |i am |we are |were |i am going to |i am gonna |we will |well )"
        rf"(?P<verb>{'|'.join(_DOING)}) {ref()}(?: (?:now|today|right now|shortly|soon))?"
    )) or _match(reading, rf"(?P<verb>{'|'.join(_DOING)}) {ref()}(?: (?:now|today|right now))?"):
        return ChangeStatus(reading.ticket(found), _DOING[found.group("verb")])
    if found := _match(reading, (
        r"(?:(?:i|we|i have|we have|ive|weve|i am|we are|i will|we will|ill|well|just) )*"
        rf"(?:start|begin|starting|started|beginning)(?: working| work)?(?: on)? {ref()}"
        r"(?: (?:now|today|right now))?"
    )):
        return ChangeStatus(reading.ticket(found), TicketStatus.IN_PROGRESS)
    if found := _match(reading, rf"(?:i am |we are |were |i will be |ill be |we will be |well be )?(?:working|work) on {ref()}"):
        return ChangeStatus(reading.ticket(found), TicketStatus.IN_PROGRESS)
    if found := _match(reading, rf"(?:i am |we are |i have |ive |i |all )?(?:done|finished|sorted)(?: with)? {ref()}"):
        return ChangeStatus(reading.ticket(found), TicketStatus.RESOLVED)
    if found := _match(reading, (
        rf"(?:change|set|update|edit|move|switch|modify)(?: the)? status(?:(?: of| for| on)? {ref()})?"
        r"(?: (?:to|as|into) (?P<status>.+))?"
    )) or _match(reading, (
        rf"(?:change|set|update|edit|move|switch|modify) {ref()}(?:s)? status(?: (?:to|as|into) (?P<status>.+))?"
    )) or _match(reading, (
        rf"status(?: of| for| on)? {ref()}(?: (?:to|as|=|->|=>|→))?(?: (?P<status>.+))?"
    )):
        said = found.group("status")
        named = _status_value(said.split()) if said else None
        if said and named is None:
            return _ask_status(reading.ticket(found), typed_text(reading.words(found, "status")))
        return ChangeStatus(reading.ticket(found), named)
    if found := _match(reading, rf"(?:move|progress|advance|transition)(?: the)? {ref()}(?: along| on| forward)?"):
        return ChangeStatus(reading.ticket(found), None)
    if found := _match(reading, (
        r"(?P<verb>mark|set|move|put|change|switch|flip|update|make|turn|send|get|bring|take|kick)"
        rf"(?: the)?(?: status(?: of| for| on)?)? {ref()}(?: status)? (?P<rest>.+)"
    )):
        return _set_something(reading, found)
    if found := _match(reading, r"(?:mark|set|flag)(?: it)? (?:as )?(?P<rest>.+)"):
        if (stated := _status_value(found.group("rest").split())) is not None:
            return ChangeStatus(None, stated)
    if found := _match(reading, (
        rf"{ref()} (?:needs|need|wants|requires) (?P<verb>closing|resolving|reopening|parking|pausing)"
    )):  # "10 needs reopening"
        return ChangeStatus(reading.ticket(found), _DOING[found.group("verb")])
    if found := _match(reading, (
        rf"{ref()} (?:is |s |looks |seems )(?:now )?(?:good|ready|ok|okay|fine|safe|alright|clear)"
        rf" (?:to|for)(?: be)? (?P<verb>{'|'.join(_FIT_TO)})(?: now)?"
    )):  # "1002 is good to close", "… ready to be closed"
        return ChangeStatus(reading.ticket(found), _FIT_TO[found.group("verb")])
    if found := _match(reading, (
        rf"(?:put|place|keep|set|move)(?: it)? (?P<state>on hold|in progress) {ref()}"
    )):  # "please put on hold the ticket 1020", as "put 1020 on hold"
        return ChangeStatus(reading.ticket(found), _status_value(found.group("state").split()))
    if found := _match(reading, (
        rf"(?:\S+ ){{1,5}}?(?:on|for|in|with) {ref()} (?:worked|has worked|did the trick"
        r"|has done the trick)(?: (?:now|in the end|finally|after all))*"
    )):  # "the password reset on 987 worked": asked, as "the new cable fixed 987" is
        return _should_be(reading.ticket(found), TicketStatus.RESOLVED)
    if found := _match(reading, rf"(?:wrap up|knock out|close out|get done) {ref()}"):
        return ChangeStatus(reading.ticket(found), TicketStatus.RESOLVED)
    if found := _match(reading, (
        rf"{ref()}(?: tref| he| she)?(?P<link> is| are| was| were| has been| have been| can be| got| should be| needs to be| to| status| ->| =>| →| -| –| —| ="
        r"| (?:can|could|should|may) (?:all|both|now) be)?"  # "141 142 143 can all be closed"
        r"(?: (?:now|all|both|also|finally|officially|already))* (?P<rest>.+?)"
    )):  # "54 and 55 are both fixed", "4 is also sorted"
        rest = found.group("rest").split()
        stated = _status_value(rest)
        if stated is not None and not _no_longer(found.group("link"), rest):
            return ChangeStatus(reading.ticket(found), stated)
    return None


_FIT_TO = {
    "close": TicketStatus.CLOSED, "closed": TicketStatus.CLOSED, "closing": TicketStatus.CLOSED,
    "closure": TicketStatus.CLOSED, "resolve": TicketStatus.RESOLVED,
    "resolved": TicketStatus.RESOLVED, "resolving": TicketStatus.RESOLVED,
    "reopen": TicketStatus.OPEN, "reopened": TicketStatus.OPEN, "reopening": TicketStatus.OPEN,
}
"""What a ticket is said fit for ("1002 is good to close"): the status it is ready to get."""


_ENDED = frozenset({"until", "till", "til"})


def _no_longer(link: str | None, rest: list[str]) -> bool:
    """A state said to have ended: "it was working fine until yesterday", "4 was on hold
    till the vendor replied" tell what went wrong since, not a status to set ("4 is on hold
    until Monday" still sets it)."""
    return (link or "").strip() in ("was", "were", "has been", "have been") and bool(
        _ENDED & set(rest))


_WHEN_FROM = frozenset({"from", "by", "on", "starting", "until", "till", "next", "this", "as",
                        "of", "for"})
"""Words that tie a priority to a day: "urgent from tomorrow", "high until friday"."""
_OFF_ME = re.compile(r"off (?:of )?(?:me|myself|my (?:plate|list|queue|desk|name))"
                     r"(?: (?:please|pls|now|for now|thanks))?")


def _set_something(reading: Reading, found: re.Match[str]) -> Understanding | None:
    """`set/mark/move/put 4 …`: a status, a priority, a category, a due date or a person."""
    ticket = reading.ticket(found)
    said = found.group("rest").split()
    if (status := _status_value(said, set_by_the_speaker=True)) is not None:
        return ChangeStatus(ticket, status)
    if edit := _priority_or_category(ticket, _value_said(said)):
        return edit
    if joined := _values_joined(ticket, said):
        return joined
    said = said[1:] if said[0] in ("to", "as") and len(said) > 1 else said
    if _RELATIVE_PRIORITY.fullmatch(" ".join(w for w in said if w not in ("back", "again"))):  # "make 4 less urgent": which priority is asked
        return _ask_field(ticket, "priority")
    rest = reading.words(found, "rest")
    undated = [w.text for i, w in enumerate(rest) if w.text != DATE and not (
        w.text in _WHEN_FROM and i + 1 < len(rest) and rest[i + 1].text == DATE)]
    if (later := _status_value(undated)) is not None and any(w.text == DATE for w in rest):
        return _should_be(ticket, later)  # "put 6 on hold tomorrow", "… on hold on friday":
        # now, or not yet? asked (the day was set as its due date, the hold dropped)
    if any(w.text == DATE for w in rest) and isinstance(ranked := _priority_or_category(
            ticket, _value_said([w.text for w in rest if w.text != DATE and (
                w.text not in _WHEN_FROM)])), EditTicket) and ranked.priority is not None:
        return _should_have(ticket, ranked.priority)
        # "make 12 urgent from tomorrow": never the day set as its due date, the priority dropped
    if len(rest) <= 4 and (due := _due(ticket, rest, reading.conversation.today)) is not None:
        return due
    if found.group("verb") in ("take", "get") and _OFF_ME.fullmatch(" ".join(said)):
        return AssignTicket(ticket, Nobody())  # "take 287 and 288 off me": nobody has them now
    if found.group("verb") in ("move", "send", "put", "take", "get", "bring") and said[0] in ("to", "over"):
        target = _named_target(rest[1:], reading.conversation)
        if target is not None:
            return _assign_to(ticket, target)
    if said and said[0] == "back" and said[1:2] not in ([w] for w in _BACK_WHERE):
        return ChangeStatus(ticket, TicketStatus.OPEN)  # "put 4 back": not "back to <unknown>",
        # nor "put 4 back on the shelf" (put off, asked which status)
    if told := _status_then_reason(reading, reading.group_words(found, "rest")[0], rest):
        return replace(told, ticket=ticket)
    if ranked := _value_then_reason(ticket, said):
        return ranked
    if rest[0].text == "due":  # "make 4 due 31/02", "… due next month": a date, not a status
        when = rest[1 + (len(rest) > 2 and rest[1].text in ("by", "on")):]
        return _ask_field(ticket, "due_date",
                          f"I couldn't read “{typed_text(when)}” as a date." if when else "")
    shown = rest[1:] if rest[0].text in ("to", "as") and len(rest) > 1 else rest
    return _ask_status(ticket, typed_text(shown))


_BACK_WHERE = frozenset({"to", "as", "into", "on", "onto", "in", "at", "under", "behind"})
"""What "back" is followed by when it says where a ticket goes, not that it opens again."""


def _value_said(said: list[str]) -> str:
    """"to high priority", "as a bug": the value alone."""
    return " ".join(w for w in said if w not in (
        "as", "to", "a", "an", "priority", "at", "category", "type", "kind", "back", "again"))


def _values_joined(ticket: TicketNumber | None, said: list[str]) -> Understanding | None:
    """"set 4 to high and in progress", "make 4 urgent and a bug": two values of different
    fields joined by "and", each read as if it had been set alone. Two statuses, two values
    of one field, or anything not a value is no such pair (the status is asked for)."""
    if said.count("and") != 1 or said.index("and") in (0, len(said) - 1):
        return None
    cut = said.index("and")
    values: list[ChangeStatus | EditTicket] = []
    for part in (said[:cut], said[cut + 1:]):
        if (status := _status_value(part)) is not None:
            values.append(ChangeStatus(ticket, status))
        elif edit := _priority_or_category(ticket, _value_said(part)):
            values.append(edit)
        else:
            return None
    first, second = values
    if isinstance(first, EditTicket) and isinstance(second, EditTicket):
        if first.priority is not None and second.priority is not None or (
                first.category is not None and second.category is not None):
            return None
        return replace(first, **{name: getattr(second, name) for name in ("priority", "category")
                                 if getattr(second, name) is not None})
    if type(first) is type(second):
        return None  # "close and reopen 4"
    return Both(first, second)


_RELATIVE_PRIORITY = re.compile(
    r"(?:a (?:bit|little) |much |way )?(?:less|more) (?:urgent|important|critical|pressing)"
    r"|(?:a )?(?:lower|higher) (?:priority|prio)?|(?:lower|higher) up|(?:less|more) of a priority")
"""A priority said relative to the one the ticket has: which one is asked, never guessed."""


_REASON_OPENS = _SOMEONE | _BECAUSE | _WAITING | {
    "were", "user", "users", "customer", "vendor", "per", "so", "after", "requester", "he",
    "she", "they", "theyre", "while", "whilst"}  # "put 4 on hold while we wait for parts"


_STATUS_WORDS_MOST = 12
"""Words a status said before its run-on reason takes at most ("waiting for a reply from the
vendor"): the cut is looked for among them, not at every word of a long message (64,000
characters of 'make it ' took 16 s)."""


def _status_then_reason(reading: Reading, first: int, rest: list[Word]) -> ChangeStatus | None:
    """"put 118 on hold were waiting for the vendor", "mark 119 as resolved the user
    confirmed": a status and its reason run together, as dictated, with no comma between.
    Words that set a condition are no reason: "mark 119 resolved after the user confirms"
    is asked about, never done now."""
    said = [word.text for word in rest]
    for cut in range(min(len(said) - 1, _STATUS_WORDS_MOST), 0, -1):
        opens = said[cut] in _REASON_OPENS or said[cut] == "by" and (
            said[cut + 1:cut + 2] in ([w] for w in _REQUESTERS | _OTHERS | {"them", "him", "her"})
            or said[cut + 1:cut + 2] == ["the"] and said[cut + 2:cut + 3] != [] and (
                said[cut + 2] in _REQUESTERS))  # "mark 12 resolved by the user": who did
        if opens and not _conditional(said[cut:]) and not _only_tickets(said[cut:]) and (
                not _only_when(said[cut:])) and (
                status := _status_value(said[:cut])) is not None and not _gainsaid(
                    ChangeStatus(None, status), said[cut:]):
            why = reading.message.original(first + cut).strip(" .!")
            return ChangeStatus(None, status, reason=why or None)
    return None


_VALUE_WORDS_MOST = 6
"""Words a priority or category said before its run-on reason takes at most ("urgent pls")."""
_VALUE_TRAILERS = frozenset({"pls", "please", "plz", "thanks", "thx", "ty", "asap", "now"})
_VALUE_REASON_OPENS = _REASON_OPENS | {"my", "our", "his", "her", "their", "its", "only"}
_DOUBTED = frozenset({"actually", "but", "instead", "unless", "if", "maybe", "or", "wait"})


def _value_then_reason(ticket: TicketNumber | None, said: list[str]) -> EditTicket | None:
    """"make 1510 urgent pls my boss is shouting", "make 12 low its only cosmetic": a priority
    or a category and why, run together with no comma, as a status and its reason are
    (`_status_then_reason`); a condition after it ("… if my boss says so") is no reason, nor
    words that gainsay or take it back ("…, it's not urgent", "… but maybe not")."""
    for cut in range(min(len(said) - 1, _VALUE_WORDS_MOST), 0, -1):
        value = said[:cut]
        while value and value[-1] in _VALUE_TRAILERS:
            value = value[:-1]
        if said[cut] in _VALUE_REASON_OPENS and value and not _conditional(said[cut:]) and (
                not _only_when(said[cut:])) and not _only_tickets(said[cut:]) and not (
                _NOT_DOING | _DOUBTED) & set(said[cut:]) and (
                edit := _priority_or_category(ticket, _value_said(value))):
            return edit
    return None


_DUE_DAY = r"(?: last| past)? tdate(?: tnum| tref| (?:19|20)\d\d)?"
"""A day as a due date: "last Friday" is past, "24 Dec 2027" says its year."""


def _due(ticket: TicketNumber | None, rest: list[Word], today: date) -> Understanding | None:
    due = due_said(rest, today)
    return EditTicket(ticket, due=due) if due is not None else None


def _ask_status(ticket: TicketNumber | None, said: str) -> Clarify:
    choices = tuple(Choice(status.value.replace("_", " "), status) for status in TicketStatus)
    return Clarify(
        ChangeStatus(ticket, None),
        f"“{said}” is not a status I know. Which status should {_label(ticket)} get?",
        choices,
    )


_ASKED_NEXT = frozenset({
    "tell", "let", "ask", "inform", "notify", "ping", "email", "message", "make", "set", "mark",
    "put", "close", "resolve", "reopen", "move", "change", "raise", "bump", "add", "comment",
    "note", "update", "cc", "remind",
})


def _before_another_ask(said: list[Word]) -> list[Word]:
    """"to the network team and let them know …": the name ends where another ask begins."""
    cut = next((i for i in range(1, len(said) - 1)
                if said[i].text == "and" and said[i + 1].text in _ASKED_NEXT), None)
    return said[:cut] if cut is not None else said


def _assign_to(
    ticket: TicketNumber | None, found: UserTarget | TeamTarget | Nobody | Ambiguous | NoSuchTarget,
) -> Understanding:
    if isinstance(found, Ambiguous):
        return Clarify(AssignTicket(ticket, None), f"Which {found.said.title()} do you mean?",
                       found.choices)
    if isinstance(found, NoSuchTarget):
        question = f"Who should take {_label(ticket)}?"
        if not found.said.strip() or found.said.lower().split()[-1] in _REQUESTERS:
            return Clarify(AssignTicket(ticket, None), (  # "send 12 back to the user"
                f"Tickets are held by the service desk, not by whoever filed them. {question} "
                f"(To wait for their answer, say “put {_label(ticket)} on hold”.)"))
        return Clarify(AssignTicket(ticket, None), f"I couldn't find “{found.said}”. {question}",
                       unknown=NoOneNamed(found.said, question))
    return AssignTicket(ticket, found)


def _named_target(said: list[Word], conversation: Conversation) -> Found | None:
    """Who words that may be a name or a state ("move 4 to Sam" / "to closed") name, or
    None when they are a status, priority or category, or fit no one."""
    plain = " ".join(w.text for w in said)
    if _status_value(plain.split()) is not None or plain in PRIORITY_WORDS or plain in CATEGORY_WORDS:
        return None
    if any(w.text in (REF, NUMBER, DATE) for w in said):
        return None
    found = find_target(said, conversation)
    return None if fits_nobody(found, conversation) else found


_DISCARD = (r"(?:kill|scrap|delete|remove|trash|bin|ditch|get rid|cancel|nuke|dump|junk|archive|erase"
            r"|withdraw|retract)")
_SLANG_GIVE = ("chuck|toss|lob|bounce|fling|throw|punt|yeet|palm|shove|flick|sling|shunt|offload"
               "|bung|fob|kick|boot|dump|pop")
"""Slang for handing a ticket over, read only with who gets it: "chuck 1215 to alex", "palm
1218 off on facilities" ("kick 1004 back to open" is a status)."""
_GIVE = ("assign|reassign|give|hand|pass|send|route|delegate|transfer|forward|allocate|escalate"
         "|assigning|reassigning|giving|handing|passing|sending|routing|transferring|forwarding"
         "|return|returning")


_NO_HOLDER = frozenset({
    "deadline", "due", "date", "priority", "prio", "urgent", "urgency", "high", "low", "medium",
    "tag", "tags", "flag", "label", "labels", "hold", "status", "category", "severity",
    "attachment", "attachments", "file", "files", "screenshot", "image", "photo", "description",
    "title", "comment", "comments", "note", "notes", "link", "links", "estimate", "sla",
    "escalation", "watcher", "watchers", "cc", "reminder", "reminders", "duplicate", "text",
})
"""What is taken off a ticket that is no one holding it ("take the deadline off 12", "remove
the attachment from 12", "remove the urgent flag from 12")."""
_HOLDER_SAID = frozenset({"him", "her", "them", "whoever", "everyone", "everybody", "anyone",
                          "anybody", "person", "guy", "agent", "tech", "technician"})


def _no_holder(said: list[Word], found: Found | None, conversation: Conversation) -> bool:
    """Whether the words taken off a ticket name no one who could hold it: a part of the
    ticket, or (once the people and teams are known) a name that fits nobody."""
    words = {w.text for w in said}
    if words & _NO_HOLDER:
        return True
    return conversation.directory and found is None and not words & _HOLDER_SAID


def _assign(reading: Reading, whole: Reading) -> Understanding | None:
    conversation = reading.conversation
    if found := _match(reading, (
        rf"(?P<verb>{_GIVE}|hand off|move|put)(?: over| off| back)?(?: the)? {ref()}(?: over| off| back)?"
        r"(?: (?:from|off|away from) .+?)?(?: (?:to|for|with|on) (?P<target>.+))?"  # "from Sam to Alex"
    )):
        if found.group("target") is None:
            if found.group("verb") not in ("move", "put", "send", "escalate"):
                return AssignTicket(reading.ticket(found), None)
            return None
        said = _before_another_ask(reading.words(found, "target"))
        if _a_value([w.text for w in said]):
            return None  # "escalate 4 to urgent": a priority, nobody to take it
        if found.group("verb") in ("move", "put"):
            placed = _named_target(said, conversation)
            return _assign_to(reading.ticket(found), placed) if placed is not None else None
        return _assign_to(reading.ticket(found), find_target(said, conversation))
    if found := _match(reading, (
        rf"(?P<verb>{_SLANG_GIVE})(?: the)? {ref()}(?: (?:over|across|back|off))?"
        r" (?:to|at|on|onto|over to|across to|off on|off onto|off to|in the direction of)"
        r" (?P<target>.+)"
    )) or _match(reading, (
        rf"{ref()}(?: is)? (?:over|across) to (?:you )?(?P<target>.+)"
    )):  # "chuck 1215 to alex", "lob 1219 at sam", "1220 over to you @Sam": a hand-over
        said = _before_another_ask(reading.words(found, "target"))
        placed = _named_target(said, conversation)
        return _assign_to(reading.ticket(found), placed) if placed is not None else None
    if found := _match(whole, (  # "now" is no part of `reading`
        rf"{ref()} (?:is|s) (?:on|with) (?P<target>.+?) (?:now|from now on|from today)"
    )):  # "1217 is on priya now": asked, as "1040 is priya's now" is (told, or asked?)
        placed = _named_target(whole.words(found, "target"), conversation)
        return _confirm(_assign_to(whole.ticket(found), placed)) if placed is not None else None
    if found := _match(reading, (
        rf"(?:put|move|drop|stick|place|pop|throw|chuck|shift|dump|toss|bung|shove|lob|yeet)"
        rf"(?: the)? {ref()} (?:in|into)"
        rf" (?P<target>(?!{_QUEUE}$).+ (?:queue|queu|que|backlog|pool))"
    )):  # "put 3 in the network queue": the team's (a status it never was)
        return _assign_to(reading.ticket(found), find_target(reading.words(found, "target"), conversation))
    if found := _match(reading, (
        r"(?:(?:can|could|would) (?:you|u) |pls |please |plz )*(?:(?:give|send|get|tell) (?:me|us)"
        r"|(?:provide|share)(?: (?:me|us))?(?: with)?) "
        r"(?:an? |the |some |any )?(?:quick |brief |short |latest |current |full )?(?P<what>update"
        r"|status|news|progress|progress report|summary|rundown|details|info|information|heads up"
        rf"|lowdown)(?: (?:on|about|for|of|regarding|re|with))? {ref()}(?: please| pls| plz)?"
    )):  # "give me an update on 12" asked who "me an update" was, to give 12 to; "kindly
        # provide the status of ticket 395"
        asked = Asked(Fact.STATUS) if found["what"] in ("update", "status", "news",
                                                          "progress") else None
        return ShowTicket(reading.ticket(found), asked=asked)
    if found := _match(reading, (
        rf"(?:{_GIVE})(?: over)? (?P<target>.+?)(?: to| on| with)? {ref()}"
    )):
        return _assign_to(reading.ticket(found), find_target(reading.words(found, "target"), conversation))
    if found := _match(reading, (
        r"(?!got )(?:(?:i will|ill|let me|i can|i|i am going to|i am gonna|i shall) )?"  # "got it": OK
        r"(?:take|grab|claim|pick up|pick|own|handle|take over|look into|take care of|got|have got"
        r"|look after|see to|deal with)"
        rf"(?: on)? {ref()}(?: myself)?"
    )) or _match(reading, (  # "I'm taking 35", "taking 1105": the take said as it is done
        rf"(?:(?:i am|am|we are) (?:handling|owning)|(?:(?:i am|am|we are) )?"
        rf"(?:taking|claiming|taking over)) {ref()}(?: myself)?"
        r"(?: (?:now|then|today|over))?"
    )) or _match(reading, rf"(?:assign|give) (?:me|myself)(?: to)? {ref()}") or _match(
            reading, r"(?:ive|i have) got (?:ticket )?(?P<ref>tnum)(?: now| myself)?",
    ):  # "ive got 7" (a ticket said by number: "ive got it" is more often "I understand")
        return AssignTicket(reading.ticket(found), UserTarget(
            conversation.viewer_id, conversation.name_of(conversation.viewer_id)))
    if found := _match(reading, rf"(?:put|stick|get|add|throw) (?P<target>.+?) on {ref()}") or _match(
            reading, rf"(?:i d|id|i would|we d|we would) like (?P<target>.+?) on {ref()}"):
        if (target := _named_target(reading.words(found, "target"), conversation)) is not None:
            return _assign_to(reading.ticket(found), target)  # "put Alex on 4"
    if found := _match(reading, (
        rf"{ref()} (?:is|can be|should be|will be) (?:all )?mine(?: now)?"
    )) or _match(reading, rf"(?:mine|me|dibs|dibs on)(?: ->| =>| →| -| =)? {ref()}"):
        return AssignTicket(reading.ticket(found), UserTarget(
            conversation.viewer_id, conversation.name_of(conversation.viewer_id)))
    if _match(reading, r"(?:unassign|un-assign) (?:me|myself)") or _match(reading, (
            r"(?:remove|clear|drop|delete|empty|reset)(?: the)? (?:assignee|assignment|owner)"
            r"(?: field)?(?: (?:now|too|as well))?")):
        return AssignTicket(None, Nobody())  # which ticket is asked
    if found := _match(reading, (
        r"(?:(?:i ll|ill|i will|i can|let me|happy to|i d like to|id like to|i want to) )?"
        rf"(?:take|assume|accept|have) (?:the )?(?:ownership|charge|responsibility) (?:of|for) {ref()}"
        r"(?: now| from here| from now on)?"
    )):  # "take ownership of 12": theirs (it was read as "take … off 12", unassigned)
        return AssignTicket(reading.ticket(found), UserTarget(
            conversation.viewer_id, conversation.name_of(conversation.viewer_id)))
    if found := _match(reading, (
        rf"(?:(?:can|could|would) (?:you|u) |pls |please |plz )*{_A_LOOK.pattern}{ref()}"
        r"(?: for me)?(?: please| pls| plz)?"
    )):  # asked of the bot: the ticket shown ("I'll take a look at 12" is theirs to start)
        return ShowTicket(reading.ticket(found))
    if found := _match(reading, (
        rf"(?:take|pull|get) {ref()} (?:off|away from|from) .+?(?:,? and|,)?"
        rf" (?:{_GIVE})(?: it| tref)?(?: over)? to (?P<target>.+)"
    )):  # "take 972 off alex and give it to priya": given on, as "move 972 from alex to priya"
        if (target := _named_target(reading.words(found, "target"), conversation)) is not None:
            return _assign_to(reading.ticket(found), target)
    if (found := _match(reading, rf"(?:take|pull|get) {ref()} (?:off|away from) (?P<target>.+)")) \
            and (off := _named_target(reading.words(found, "target"), conversation)) is not None \
            and not (isinstance(off, Ambiguous) and off.said == "team"):  # "off the board",
        # "off the queue": words for a team, no one who holds it (nothing taken off anyone)
        return AssignTicket(reading.ticket(found), Nobody(), taken_off=off if isinstance(
            off, (UserTarget, TeamTarget)) else None)  # "take 972 off alex": while alex has it
    if found := _match(reading, (
        rf"(?:unassign|remove|take|drop|release) (?:me|myself)(?: from| off)? {ref()}"
    )) or _match(reading, (
        rf"(?:unassign|deassign|un-assign|drop|release|unclaim)(?: the)? {ref()}(?: from (?P<off>.+))?"
    )) or _match(reading, (  # "1542 unassign", as a queue is worked
        rf"{ref()}(?: [-–—])? (?:unassign|deassign|un-assign)(?: it)?(?: please| pls| plz)?"
    )) or _match(reading, (
        rf"(?:remove|clear)(?: the)? (?:assignee|assignment|owner|(?P<off>.+?)) (?:from|of|off) {ref()}"
    )) or _match(reading, (  # "take Sam off 12"; "take … of 12" is not taking anyone off
        rf"take(?: the)? (?:assignee|assignment|owner|(?P<off>.+?)) (?:from|off) {ref()}"
    )):
        said = reading.words(found, "off") if found.groupdict().get("off") else []
        off = _named_target(said, conversation) if said else None
        if not said or not _no_holder(said, off, conversation):
            return AssignTicket(reading.ticket(found), Nobody(), taken_off=off if isinstance(
                off, (UserTarget, TeamTarget)) else None)  # "unassign 12 from sam": while sam has it
    if found := _match(reading, r"(?:assign|reassign|give|hand)(?P<it> it)? to (?P<target>.+)"):
        if (target := _named_target(reading.words(found, "target"), conversation)) is not None:
            return _no_ticket_named(_assign_to(None, target), conversation, found.group("it"))
    if found := _match(reading, (
        rf"{ref()} (?:(?P<modal>should|can|could|will|needs to|has to|must|is to) )?"
        r"(?:go|goes|move|moves|be moved|be passed|pass|passes) (?:over |back )?to (?P<target>.+)"
    )) or _match(reading, rf"{ref()} (?:to|->|=>|→) (?P<target>.+)") or _match(
            reading, rf"{ref()} (?:{_GIVE})(?: it| tref)?(?: over)? to (?P<target>.+)") or _match(
            reading, rf"(?P<target>(?!.*\btref\b).+?) (?:->|=>|→) {ref()}"):
        # "921 give to network team please": the ticket said first; "priya → 921": the person
        said = reading.words(found, "target")
        if (target := _named_target(said, conversation)) is not None:
            if found.groupdict().get("modal") == "could":  # "12 could go to network": asked
                return _confirm(given := _assign_to(reading.ticket(found), target)) or given
            return _assign_to(reading.ticket(found), target)
        if conversation.directory and _typed_as_a_name(said):  # "31 to Bob": who is Bob?
            return _assign_to(reading.ticket(found), NoSuchTarget(typed_text(said)))
    return None


def _typed_as_a_name(said: list[Word]) -> bool:
    """One or two words typed with a capital and nothing else ("Bob", "Bob Smith"), that
    are no status, priority or category: a person the directory does not have."""
    plain = " ".join(w.text for w in said)
    return 0 < len(said) <= 2 and all(
        w.typed[:1].isupper() and w.text.isalpha() for w in said) and (
        _status_value(plain.split()) is None and plain not in PRIORITY_WORDS
        and plain not in CATEGORY_WORDS)


def _no_ticket_named(
    found: Understanding, conversation: Conversation, it: str | None
) -> Understanding:
    """"please assign to Sam" names no ticket: most likely the one the conversation is
    about, so that one is asked about ("Should Sam Rivera take TKT-…?"), never assigned
    unasked; with no ticket in the conversation, which one is asked."""
    if it or conversation.last_ticket is None or not isinstance(found, AssignTicket) or (
            isinstance(found.to, UserTarget) and found.to.user_id == conversation.viewer_id):
        return found  # "assign to me": which ticket is asked, as before
    return _confirm(replace(found, ticket=conversation.last_ticket)) or found


def _discard(reading: Reading, whole: Reading) -> Understanding | None:
    """"delete 4", "scrap it": tickets are not deleted; closing is offered, never guessed."""
    if found := _match(reading, rf"{_DISCARD}(?: of)?(?: the)? {ref()}(?: ticket)?(?: for good)?"):
        ticket = reading.ticket(found)
        return Clarify(ChangeStatus(ticket, None),
                       f"Tickets aren't deleted. Should {_label(ticket)} be closed?",
                       (Choice("Yes, close it", TicketStatus.CLOSED),
                        Choice("Resolve it instead", TicketStatus.RESOLVED)))
    return None


_TAKEN_AFTER = (r"(?: going forward| from now on| off (?:my|our) hands| for (?:me|us)| please| pls"
                r"| asap| now| this (?:morning|afternoon)| when you (?:can|get a (?:chance|minute|sec)))*"
                r"(?P<when> tdate)?(?: please| pls)?")
"""What may follow a ticket someone is asked to take: "… own 1156 going forward?"."""
_TAKE_ON = ("handle|take|take over|look at|look into|work on|deal with|own|pick up|check|fix"
            "|sort out|take care of|have|look after|cover|see to|keep an eye on")


def _handover(reading: Reading, whole: Reading) -> Understanding | None:
    """"let Sam handle 4", "get Sam to look at it", "Sam should take 4"."""
    found = _match(reading, (
        rf"(?:let|have|get|ask) (?P<target>.+?)(?: to)? (?:{_TAKE_ON})(?: the)? {ref()}"
    )) or _match(reading, (
        r"(?P<target>.+?) (?P<modal>should|can|could|will|is going to|is gonna|needs to|has to"
        rf"|must) (?:{_TAKE_ON})(?: the)? {ref()}"
    ))
    if found is None and (told := _match(reading, (
        rf"(?P<target>\S+(?: \S+)?) (?:take|grab|have|pick up)(?: the)? {ref()}"
        r"(?: (?:asap|now|today|please|thanks|thx|right now))*"
    ))) and told.group("target").split()[0] not in _NOT_TOLD and (
            target := _named_target(reading.words(told, "target"), reading.conversation)):
        return _taken_by(reading.ticket(told), target)  # "sam take 900 asap", as "Sam -
        # please take 12"
    if found is None and (yours := _match(reading, (
        rf"(?P<target>\S+(?: (?!fyi\b|btw\b)\S+)?)(?: (?:fyi|btw|heads up|just fyi))? {ref()}"
        r" (?:is|s|are) (?:all |both |now )?yours"
        r"(?: now| from now on| going forward|(?P<from> from tdate))?"
    ))) and yours.group("target").split()[0] not in _NOT_TOLD and (
            not yours["from"] or reading.original(yours, "from").lower().endswith("today")) and (
            target := _named_target(reading.words(yours, "target"), reading.conversation)):
        return _taken_by(reading.ticket(yours), target)  # "sam, 1016 is yours"
    if found is None:
        return _asked_to_take(reading, asked=False)
    if found.group(0).startswith("let me ") and _A_LOOK_ONLY.match(
            found.string, found.end("target") + 1):
        return ShowTicket(reading.ticket(found))  # "let me check 12": to see it, not to own it
    target = _named_target(reading.words(found, "target"), reading.conversation)
    if target is None:
        return None
    owned = _OWNED.search(found.group(0)[found.end("target"):]) is not None and (
        found.groupdict().get("modal") in (None, "should", "must"))  # not "nobody needs to own 12"
    given = _assign_to(reading.ticket(found), target) if owned else _taken_by(
        reading.ticket(found), target)  # "nobody should own 14": it is taken off whoever has it
    if found.groupdict().get("modal") == "could":  # "sam could take 12": a suggestion, asked
        return _confirm(given) or given  # as "maybe sam could take 12" is
    return given


def _taken_by(ticket: TicketNumber | None, target: Found) -> Understanding:
    """Someone told to take a ticket; "anyone take 900", "nobody should take 4", "someone
    grab 900" ask who should, never take it off whoever has it (as "give 4 to nobody" does)."""
    return AssignTicket(ticket, None) if isinstance(target, Nobody) else _assign_to(ticket, target)


_OWNED = re.compile(r" (?:own|have)\b")


_NOT_TOLD = frozenset({"i", "we", "you", "u", "please", "can", "could", "would", "will", "just",
                       "and", "then", "so", "ok", "okay", "also", "now", "go", "pls", "plz",
                       "to", "or", "mind", "tref", "tnum", "dont", "not", "lets", "let"})
"""Words before "take 900" that tell no one to take it ("pls take 900", "could you take 900")."""
_A_LOOK_ONLY = re.compile(r"(?:check|look at|keep an eye on)\b")
"""What someone asks to do with a ticket that only looks at it."""
_ONLY_A_LOOK = re.compile(
    r"check|look at|look into|take a look at|have a look at|keep an eye on|see to")
"""A look asked of someone named: whether they should take the ticket is asked."""


def _asked_to_take(reading: Reading, *, asked: bool) -> Understanding | None:
    """"Sam, please take 12" hands it over; "Alex, could you have a look at 12?" asks a
    favour, so whether Alex should take it is asked; so does "Sam, please have a look at 12",
    a look asked for, not the ticket handed over."""
    found = _match(reading, (
        r"(?P<target>.+?)(?: [-–—])? (?P<ask>please|pls|(?:can|could|would|will) (?:you|u|ya))"
        r"(?: please)?"
        rf" (?P<verb>{_TAKE_ON}|take a look at|have a look at|look at)(?: the)? {ref()}"
        rf"{_TAKEN_AFTER}"
    ))
    if found is None:
        return _a_look_at_the_one_in_view(reading)
    if found["when"] and reading.original(found, "when").strip().lower() != "today":
        return None  # "sam could you take 12 on friday": not now, so nobody is handed it
    target = _named_target(reading.words(found, "target"), reading.conversation)
    if target is None:
        return None
    if isinstance(target, Nobody):  # "anyone, could you take 12?": who is asked, never
        return AssignTicket(reading.ticket(found), None)  # taken off whoever has it
    if not isinstance(target, (UserTarget, TeamTarget)) or (
            found.group("ask") in ("please", "pls") and not asked
            and not _ONLY_A_LOOK.fullmatch(found.group("verb"))):
        return _assign_to(reading.ticket(found), target)
    return _confirm(AssignTicket(reading.ticket(found), target))


def _a_look_at_the_one_in_view(reading: Reading) -> Understanding | None:
    """"sam, can you take a look?", "priya could u have a quick look pls" under a ticket's
    card: a look at the ticket in view asked of someone named, so whether they should take it
    is asked; None with no ticket in view (nothing is guessed) or no one named."""
    ticket = reading.conversation.last_ticket
    found = None if ticket is None or "look" not in reading.plain[-24:] else _match(reading, (
        r"(?P<target>.+?)(?: [-–—])? (?:please |pls )?(?:please|pls|(?:can|could|would|will)"
        r" (?:you|u|ya))(?: please| pls)? (?:take|have) (?:a |another )?(?:quick |closer )?look"
        r"(?: at it| at this| into it)?(?: please| pls| plz)?"))
    if found is None:
        return None
    target = _named_target(reading.words(found, "target"), reading.conversation)
    if target is None:
        return None
    if isinstance(target, Nobody):  # "anyone can you take a look?": who should, asked
        return AssignTicket(ticket, None)
    if not isinstance(target, (UserTarget, TeamTarget)):
        return _assign_to(ticket, target)  # placed (or asked about) with the directory
    return _confirm(AssignTicket(ticket, target))


_MORE_TO_SAY = (r"(?:some |a bit |a little |a few )?(?:more |extra |additional |further |new )?"
                r"(?:info|information|details|detail|context|background|something|an update)")
"""What someone has to add to a ticket, not yet said: "more info", "some details"."""


def _comment(reading: Reading, whole: Reading) -> Understanding | None:
    found = _match(whole, (
        r"(?:(?:add|leave|put|post|write|make) )?(?:a |an |my |this )?"
        rf"(?:{_STAFF_ONLY} )?"
        r"(?:comment|note|reply|remark|update|message)s?(?: on| to| for| in| under| at)?"
        rf"(?: the)? {ref()}(?P<rest>(?: .*)?)"
    )) or _match(whole, (
        rf"(?:reply|respond|answer|write|post|comment)(?: to| on| in| under)? {ref()}(?P<rest>(?: .*)?)"
    )) or _match(whole, rf"(?:heads up|note) (?:on|for|re|about) {ref()}(?P<rest> .+)") or (
        _match(whole, rf"(?:on|for|re|about) {ref()}(?P<rest> .+)") if whole.start > 0 and (
            whole.message.words[whole.start - 1].text in ("fyi", "btw")) else None
    )  # "fyi on 217 - user is wfh tomorrow": a note on it
    if found is not None:
        rest = found.group("rest").split()
        if found.group(0).split()[0] in ("update", "message") and (
                not rest or rest[0] in ("status", "priority", "title", "description", "category",
                                        "due", "deadline", "state")
                or rest[0] in ("to", "as") and _a_value(rest[1:])):
            return None  # "update 4 to urgent", "update 4 as resolved": a change, not a comment
        text = reading_text(whole, found)
        return CommentOnTicket(whole.ticket(found), text or None,
                               staff_only=found.groupdict().get("staff") is not None)
    if found := _match(whole, (
        rf"(?:tell|let|inform|update)(?: (?:the )?{_WHO_FILED} (?:on|of|in|for|from|behind|at))?"
        rf" {ref()}(?P<that> that| know that| know)?(?P<rest> .+)"
    )) or _match(whole, rf"(?:add|append)(?: this)? (?:to|on) {ref()}(?P<rest> .+)") or _match(
        whole, rf"(?:(?:reply|respond|write|answer) to|message|email) (?:the )?{_WHO_FILED}"
        rf" (?:on|of|in|for|from|behind|at) {ref()}(?P<that>)(?P<rest> .+)"
    ):  # "reply to the customer on 210: …": said to them on that ticket
        if found.group(0).split()[0] in ("let", "update") and not found.groupdict().get("that"):
            return None  # "update 4 to urgent"
        return CommentOnTicket(whole.ticket(found), reading_text(whole, found) or None)
    if (found := _match(whole, (
        r"(?:(?:i )?(?:just )?(?:forgot|forget) to (?:mention|say|add|tell you)|adding|to add"
        r"|one more thing|(?:some )?(?:more|extra|additional) (?:info|information|details))"
        rf"(?: (?:to|on|for|in|re|about|regarding))?(?: (?:ticket|my ticket))? {ref()}(?P<rest> .+)"
    ))) and _COMMENT_OPENS.match(_after_ref(whole, found)):
        return CommentOnTicket(whole.ticket(found), reading_text(whole, found) or None)
        # "adding to 330: it also happens at home", "forgot to mention on 332 that …"
    if found := _match(whole, (
        rf"(?:(?:add|give|provide|share|send|put) (?:in |you )?|(?:i |we )?(?:have|ve got|got) )"
        rf"{_MORE_TO_SAY}(?: (?:to|on|for|in|about|re|regarding))?(?: the)? {ref()}(?P<rest>(?: .*)?)"
    )):  # "add more info to 12", "i have some details for 12: …": what is to say may follow
        return CommentOnTicket(whole.ticket(found), reading_text(whole, found) or None)
    if (found := _match(whole, (
        r"(?P<told>.+?) (?:(?:so|and|then|please|pls|plz|kindly|can you|could you|would you"
        r"|can u|could u) )*(?:add|put|note|append) (?:tref|this|that) (?:to|on|in|under)"
        rf"(?: ticket| my ticket)? {ref()}(?: (?:please|pls|plz|thanks|thx|thank you))*"
    ))) and not ({REF, NUMBER} | _ACTION_WORDS | _REQUEST_VERBS) & set(
            found.group("told").split()):  # "close 5 and add it to 4" is no detail told
        # "my phone number is 0471 234 567, please add it to 333": what was told, added
        detail = whole.original(found, "told").rstrip(" ,.;:-–—")
        return CommentOnTicket(whole.ticket(found), detail or None)
    if (found := _match(whole, (
        r"(?:log|record|document|note down|jot down|write down)(?: (?:on|against|in|under|to|for))?"
        rf" {ref()}(?P<rest> .+)"
    ))) and _COMMENT_OPENS.match(_after_ref(whole, found)):
        return CommentOnTicket(whole.ticket(found), reading_text(whole, found) or None)
    if added := _added(whole) or _forgotten(whole):
        return added
    if told := _told_the_requester(whole):
        return told
    if _match(whole, r"(?:add|leave|write|post|make|put) (?:a |an |my )?(?:comment|note)"):
        return CommentOnTicket(whole.conversation.last_ticket, None)  # which one, if none shown
    if found := _match(whole, (
        rf"(?:(?:add|leave|write|post|make|put) )?(?:a |an |my )?{_STAFF_ONLY} (?:comment|note)s?"
        r"(?P<rest>(?: .*)?)"
    )):  # "add an internal note: …" with no ticket named: the one in view, refused all the same
        return CommentOnTicket(whole.conversation.last_ticket, reading_text(whole, found) or None,
                               staff_only=True)
    found = _match(whole, r"(?:(?:add|leave|post)(?: a| an)? )?(?:comment|note)(?P<rest> .+)")
    noted = whole.words(found, "rest") if found is not None else []
    if found is not None and not any(w.text in (REF, NUMBER) for w in noted[:2]) \
            and not _names_another(noted, whole.conversation):
        if on := _ON_A_TICKET.match(whole.original(found, "rest", to_end=True)):
            # "comment on the printer ticket: …": on a ticket not read as one, which is asked
            said = _unquoted(on["said"].strip()) or None
            in_view = on["what"].lower().split() in _THE_ONE_IN_VIEW
            return CommentOnTicket(whole.conversation.last_ticket if in_view else None, said)
        text = reading_text(whole, found)
        return CommentOnTicket(whole.conversation.last_ticket, text or None,
                               staff_only=[w.text for w in noted[:2]] in _TO_SELF)
    return None


_TO_SELF = (["to", "self"], ["to", "myself"])
_ON_A_TICKET = re.compile(
    rf"^\s*(?:on|to|for|under)\s+(?P<what>(?:(?!\b(?:saying|that says)\b)[^:\-–—])*?"
    rf"\b(?:ticket|one|case|issue|incident|request|this|that|(?:(?:{SPELLED_NUMBER}|oh)[\s-]*)+))"
    r"\s*(?:\bsaying\b|\bthat says\b|:|\s[-–—]\s)\s*(?P<said>\S.*)$", re.IGNORECASE | re.DOTALL)
"""A comment said to be on a ticket, then what it says: "on the printer ticket: …", "on
eleven eighty four saying …" (a ticket named in words the bot did not read as one), "to this:
…" ("this" after "to" or "for" is not read as the ticket: "to this day")."""
_THE_ONE_IN_VIEW = (["the", "ticket"], ["this", "ticket"], ["that", "ticket"], ["this", "one"],
                    ["that", "one"], ["the", "one"], ["this"], ["that"])
"""What follows "note" in a note for one's own eyes: "note to self: chase the vendor"."""


_STAFF_ONLY = r"(?P<staff>internal|private|confidential|staff only|staff)"
"""A note asked for the service desk's eyes only ("an internal note", "a staff only note")."""


def _names_another(said: list[Word], conversation: Conversation) -> bool:
    """Whether words typed a ticket other than the one in view: "please note that the user on
    ticket 423 has left, … kindly close it" is about 423, no note on the ticket shown."""
    return _types_another(said, conversation.last_ticket)


def _only_doing(said: list[str]) -> TicketStatus | None:
    """The status of a change said as being done and nothing more ("closing", "so closing it",
    "- resolving now"), after a state told ("737 works now, closing")."""
    said = [w for w in said if w not in ("-", "–", "—", "so", "now", "tref", "then", "and")]
    return _DOING.get(said[0]) if len(said) == 1 and said[0].endswith("ing") else None


_STATE_TOLD = frozenset({"is", "isnt", "s", "stays", "remains", "still", "not", "was", "wasnt",
                         "has", "hasnt", "will", "wont", "can", "cant", "should", "shouldnt",
                         "needs", "looks", "seems", "too", "also"})


def _told_of_another(said: list[Word], ticket: TicketNumber | None) -> bool:
    """A sentence about another ticket typed by its number ("…, 780 isn't", "…, 780 is still
    in progress"): what is said of that one, not why `ticket` changed."""
    said = said[1:] if said and said[0].text in ("-", "–", "—") else said
    return len(said) > 1 and _types_another(said[:1], ticket) and said[1].text in _STATE_TOLD


def _types_another(said: list[Word], ticket: TicketNumber | None) -> bool:
    """Whether words typed a ticket other than `ticket` (by its number, not "it")."""
    return any(_typed_number(w) and w.value != ticket for w in said)


def _typed_number(word: Word) -> bool:
    """A ticket typed by its number ("12", "#12", "TKT-2026-0012"), not meant by "it"."""
    return word.text in (REF, NUMBER) and any(ch.isdigit() for ch in word.typed)


_REQUESTER = r"(?:user|requester|requestor|customer|reporter|caller|client|end user)"
_TELLING_VERBS = r"(?:reply|respond|write|answer|message|email|tell|inform|update|let)"


def _told_the_requester(whole: Reading) -> CommentOnTicket | None:
    """"reply to the customer: a technician is on the way", "tell the user we ordered the
    part", "let the requester know it's fixed": said to whoever filed the ticket in view, so a
    comment on it (none shown: which one is asked). A verb that can mean more than telling
    ("update the customer", "message the user") needs a colon or "that" before what is said."""
    found = _match(whole, (
        rf"(?P<verb>{_TELLING_VERBS})(?: back)?(?: to)?(?: the| our| my)? {_REQUESTER}(?: back)?"
        r"(?P<that> know that| know| that| saying| and say)?(?P<rest> .+)"))
    if found is None or _typed_tickets(whole.message, whole.start, whole.end) or (
            found.group("rest").split()[0] == "to"):
        return None  # "tell the user to restart": what they should do, not words to post
    verb, that = found.group("verb"), found.group("that")
    if verb == "let" and not (that and "know" in that):
        return None
    if verb not in ("tell", "let") and not that:
        if not _colon_after(whole.message, whole.group_words(found, "rest")[0] - 1):
            return None  # "update the customer record": not said to them
    text = reading_text(whole, found)
    return CommentOnTicket(whole.conversation.last_ticket, text) if text else None


def _a_value(said: list[str]) -> bool:
    """Whether `said` is a status, a priority or a category ("urgent", "in progress pls")."""
    while said and said[-1] in ("please", "pls", "plz", "now", "priority", "thanks", "thx"):
        said = said[:-1]
    value = " ".join(w for w in said if w not in ("a", "an", "the"))
    return bool(value) and (_status_value(said) is not None or value in PRIORITY_WORDS
                            or value in CATEGORY_WORDS)


def _added(whole: Reading) -> CommentOnTicket | None:
    """"can you add that the charger is a 65W one", "pls add: it also happens on wifi": what
    is added to the ticket in view (none shown: the action proposes the person's only one)."""
    found = _match(whole, r"(?:add|append)(?P<rest> (?!(?:to|on|this to|that to)\b).+)")
    if found is None:
        return None
    rest = whole.words(found, "rest")
    colon = _colon_after(whole.message, whole.start)
    if not (colon or rest[0].text in ("that", "-", "–", "—")) or _typed_tickets(
            whole.message, whole.start, whole.end):
        return None  # "add 4 to my list", "add that 12 is also affected": not of the one shown
    if not colon and rest[0].text == "that" and len(rest) > 1 and (
            rest[1].text not in _TOLD_OPENS and "to" in [w.text for w in rest[2:5]]):
        return None  # "add that user to the network team": someone put somewhere, not told
    text = reading_text(whole, found)
    return CommentOnTicket(whole.conversation.last_ticket, text) if text else None


def _forgotten(whole: Reading) -> CommentOnTicket | None:
    """"forgot to say its a dell latitude", "i forgot to add that it only happens on battery":
    a detail the requester forgot to give, added to the ticket in view (none shown: the action
    proposes the person's only one). Not what was forgotten to do ("forgot to add the
    attachment", "forgot to say thanks") nor a question ("forgot to mention how do i …")."""
    found = _match(whole, (
        r"(?:(?:oh|oops|sorry|ah|and) )*(?:i )?(?:just )?(?:forgot|forget) to"
        r" (?P<verb>mention|say|add|tell you)(?P<rest> .+)"))
    if found is None or ends_asking(whole.message.text.rstrip()):  # "?" and "?!" alike
        return None
    rest = whole.words(found, "rest")
    told = [w for w in rest if w.text not in ("that", "-", "–", "—")]
    said = rest[0].text in ("that", "-", "–", "—") or _colon_after(
        whole.message, whole.group_words(found, "rest")[0] - 1)
    if found.group("verb") == "add" and not said or len(told) < _ALSO_WORDS or (
            told[0].text not in _TOLD_OPENS | {"it"} or _typed_number(told[0])):
        return None
    if told[0].text in (REF, "it", "this") and told[1].text == "to":
        return None  # "forgot to mention it to my manager": to someone else, not told here
    if any(_typed_number(w) and before.text in _NAMING_A_TICKET for before, w in pairwise(told)):
        return None  # "forgot to say that the fix for 12 …": of a ticket named, not of this one
    text = reading_text(whole, found)
    return CommentOnTicket(whole.conversation.last_ticket, text) if text else None


_NAMING_A_TICKET = frozenset({"on", "to", "for", "about", "re", "in", "of", "ticket", "and"})


def _also_told(message: Message, conversation: Conversation, start: int, end: int
               ) -> CommentOnTicket | None:
    """"also, it happens on the 2nd floor too": more about the ticket in view, as a comment
    (none shown: the action proposes the person's only open ticket)."""
    said = [w.text for w in message.words[start:end]]
    if "also" not in [w.text for w in message.words[:start]] or len(said) < _ALSO_WORDS:
        return None
    if not ({REF, "too", "again", "aswell"} & set(said) or "as well" in " ".join(said)):
        return None  # "also my printer is broken": another problem, for the assistant
    if _typed_tickets(message, start, end):
        return None
    return CommentOnTicket(conversation.last_ticket, message.original(start))


_ALSO_WORDS = 3
_TOLD_OPENS = frozenset({
    REF, "the", "its", "i", "im", "ive", "id", "we", "were", "my", "our", "this", "these",
    "there", "theres", "he", "she", "they", "theyre", "a", "an", "mine", "his", "her", "their",
    "you", "both", "all", "no", "nothing", "one", "someone", "nobody", "everyone", "when", "if",
    "after", "since", "every", "sometimes", "only", "also", "even",
})
"""How what is told after "add that" may start ("the charger is …", "it is …", "I need to …"),
whatever follows; after another word ("user", "Sam"), "to" soon after puts someone
somewhere ("add that user to the network team")."""


_COMMENT_OPENS = re.compile(r"(?:that|saying)\b|[:\-–—]", re.IGNORECASE)
"""How the words logged on a ticket open ("log on 243 that i rang the supplier at 10",
"record against 4: …"); "log 4 tomorrow" logs nothing said."""
def _after_ref(reading: Reading, found: re.Match[str]) -> str:
    """The text as typed from the end of the ticket named (its colon or dash included)."""
    first, last = reading.group_words(found, "ref")
    typed = reading.message.original(first, None)
    return typed[len(reading.message.original(first, last).rstrip(" :-–—")):].lstrip()


_COMMENT_LEAD = re.compile(
    r"^(?:to (?:say|note|mention|add|let them know|tell them)\s+)?"  # "update 4 to say …"
    r"(?:(?:please|pls|plz|kindly)\s+(?:say|write|put|note|mention)\s+(?:that\s+)?)?"  # "pls say …"
    r"(?:(?:saying|that|with(?: (?:a|the) (?:note|comment|update|message)(?=\s*[:\-–—]))?"
    r"|the following\s*:|as follows\s*:|:|-|–|—)\s*[:\-–—]?\s+"  # "update 4 with: …", "… with
    # a note: …"; "with the update from the vendor" is what is posted
    r"|from (?:me|us|my side|our side|my end|our end)\b\s*)*",
    re.IGNORECASE)  # "update on 334 from me - the whole floor has it now"


def reading_text(reading: Reading, found: re.Match[str]) -> str:
    if not found.group("rest"):
        return ""
    said = _COMMENT_LEAD.sub("", reading.original(found, "rest", to_end=True)).strip()
    if set(said.lower().strip(" .!?,").replace(",", " ").split()) <= _ONLY_ASKING:
        return ""  # "comment on 812 pls": what to say is still to be asked
    return _unquoted(said) or ""  # 'comment on 754 "rebooted router"': the words, not the quotes


_ONLY_ASKING = frozenset({"please", "pls", "plz", "kindly", "asap", "now", "for", "me"})


_DUE_FIELD = r"(?:due date|due|deadline|due day|target date)"
_LATER = r"(?:push|move|bump|delay|postpone|extend|shift|slide|kick)"
_DAYS_SAID = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
              "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_VAGUE = (r"(?:a few|few|a couple(?: of)?|couple(?: of)?|some|several|a bit|a little(?: bit)?"
          r"|a while|a little while)(?: more| extra)?(?: (?:days?|weeks?))?")
""""a few days", "a bit": later, but how much is not said (asked, never guessed)."""


def _how_long(name: str = "") -> str:
    """"a week", "3 more days", or an amount not said ("a few days"), in groups named
    `count`, `unit` or `vague` with `name` after."""
    return (rf"(?:(?P<count{name}>{'|'.join(_DAYS_SAID)}|\d{{1,3}}|{NUMBER})(?: more| extra)?"
            rf" (?P<unit{name}>days?|weeks?)|(?P<vague{name}>{_VAGUE}))")


_HOW_LONG = _how_long()
_EDGES_OF_A_COUNT = ".,;:!?()#"
_LATER_MOST = 366
_OFF = r"(?:remove|clear|delete|drop|unset|erase|take off|take away|get rid of|scrap|cancel)"


_ANOTHER_LATER = (rf"(?: and)?(?: also)? {ref('other')}(?: out| back)?(?: by| for)? {_how_long('2')}"
                  r"(?: too| as well)?")
"""", and 13 two days": another ticket moved by its own amount."""


def _moved_later(reading: Reading, found: re.Match[str]) -> Understanding | None:
    """The due date of the ticket (and the other) moved by the amount said, or how much later
    asked; None for an amount past a year or none at all."""
    first = _later_by(reading, reading.ticket(found), found)
    if found.groupdict().get("other") is None or first is None:
        return first
    second = _later_by(reading, reading.ticket(found, "other"), found, "2")
    match first, second:
        case HowMuchLater() as one, HowMuchLater(ticket=other) if other is not None:
            return replace(one, also=(*one.also, other))
        case EditTicket() as one, EditTicket() | HowMuchLater() as other:
            return Both(one, other)
        case HowMuchLater() as one, EditTicket() as other:
            return Both(other, one)  # "push 12 a few days and 13 a week": 13 moved, 12 asked
    return None


def _later_by(reading: Reading, ticket: TicketNumber | None, found: re.Match[str],
              name: str = "") -> EditTicket | HowMuchLater | None:
    if found.groupdict().get(f"vague{name}"):
        return HowMuchLater(ticket)
    count = found[f"count{name}"]
    if count == NUMBER:  # "2 more days": a number read as maybe a ticket, as typed
        count = reading.message.words[reading.word_at(found.start(f"count{name}"))].typed
        count = count.strip(_EDGES_OF_A_COUNT)
        if not (count.isascii() and count.isdecimal() and len(count) <= 3):
            return None
    days = _DAYS_SAID.get(count) or int(count)
    days *= 7 if found[f"unit{name}"].startswith("week") else 1
    return EditTicket(ticket, later_by=days) if 0 < days <= _LATER_MOST else None


def _edit(reading: Reading, whole: Reading) -> Understanding | None:
    if found := next(filter(None, (_match(whole, pattern) for pattern in (
        rf"(?:please |pls )?{_OFF}(?: the)? {_DUE_FIELD}(?: (?:of|on|for|from|off))? {ref()}",
        rf"(?:please |pls )?(?:{_OFF}|take)(?: the)? {ref()}(?:s)? {_DUE_FIELD}(?: off)?",
        rf"no(?: more)? {_DUE_FIELD} (?:for|on) {ref()}(?: anymore| any more)?",
        rf"(?:please |pls )?(?:take|get)(?: the)? {_DUE_FIELD} off(?: of)? {ref()}",
        rf"{ref()} (?:doesnt|does not|dont|do not|no longer) needs? (?:a |the )?{_DUE_FIELD}"
        r"(?: anymore| any more)?",
        rf"(?:please |pls )?(?:set|make|leave|change|update|put) {ref()} (?:with |to |as |so it has )?"
        rf"(?:no|without(?: a| any)?) {_DUE_FIELD}(?: anymore| any more| please| pls)?",
        rf"(?:please |pls )?(?:set|make|put) no {_DUE_FIELD} (?:on|for) {ref()}(?: please| pls)?",
        rf"(?:please |pls )?(?:set|change|update|make) (?:the )?{_DUE_FIELD} (?:of|on|for) {ref()}"
        r" (?:to|as) (?:none|nothing|blank|empty)(?: please| pls)?",
        rf"(?:please |pls )?(?:set|change|update|make) {ref()}(?:s)? {_DUE_FIELD}"
        r" (?:to|as) (?:none|nothing|blank|empty)(?: please| pls)?",
    ))), None):  # "remove the due date on 12": it was free text, offered to file as a ticket
        return EditTicket(reading.ticket(found), no_due=True)
    if _match(whole, rf"(?:please |pls )?{_OFF}(?: the)? {_DUE_FIELD}(?: (?:please|pls|too))?"):
        return EditTicket(reading.conversation.last_ticket, no_due=True)  # of the one in view
    if found := next(filter(None, (_match(said, pattern + later) for pattern in (
        rf"(?:please |pls )?{_LATER}(?: out| back)? {ref()}(?: out| back)?(?: by| for)? {_HOW_LONG}",
        rf"(?:please |pls )?{_LATER}(?: out| back)? (?:the )?{_DUE_FIELD} (?:of|on|for) {ref()}"
        rf"(?: out| back)?(?: by| for)? {_HOW_LONG}",
        rf"(?:please |pls )?give {ref()} {_HOW_LONG}(?: to (?:finish|fix it|sort it))?",
        rf"(?:please |pls )?give {ref()} (?P<count>an?|one) (?:extra|more) (?P<unit>days?|weeks?)",
        rf"(?:please |pls )?give (?:me|us|them|him|her) {_HOW_LONG} (?:on|for|with) {ref()}",
    ) for later in (_ANOTHER_LATER, "") for said in (whole, reading))), None):  # "push 12 out
        # a week (pls)": from its due date,
        return _moved_later(reading, found)  # looked up when proposed
    if found := _match(reading, (
        rf"(?:edit|update|change|modify|amend)(?: the)?(?: details of| fields of| fields on)?"
        rf" {ref()}(?: details| fields)?"
    )):
        return EditTicket(reading.ticket(found))
    field = _FIELD
    if found := _match(whole, (
        rf"(?:(?:set|change|update|edit|make|raise|lower|bump|move|push|put|give|prepone|postpone"
        rf"|bring forward|pull in|advance) )?(?:(?:up|down) )?"
        rf"(?:the )?{field} (?:of|on|for|in) {ref()}(?: (?:to|as|at|on|by|into|is|=))?(?P<value> .+)"
    )) or _match(whole, (
        rf"(?:set|change|update|edit|give)(?: the)? {ref()}(?:s)? {field}(?: (?:to|as|at|on|by|=))?(?P<value> .+)"
    )) or _match(
        whole, rf"{ref()}(?:s)?(?: [-–—])? {field}(?: (?:to|is|=|->|=>|→))?(?P<value> .+)"
    ) or _match(whole, (  # "7 needs a due date of next tuesday", "give 7 a priority of high"
        rf"(?:give |set )?{ref()} (?:(?:needs|gets|should get|should have|needs to have)"
        rf"(?: a| an| the)?|a|an|the) {field} (?:of|to|as|on|by|=)(?P<value> .+)"
    )) or _match(
        whole, rf"{field} (?:of |for |on )?{ref()}(?: (?:to|is|=|->|=>|→|should be))?(?P<value> .+)"
    ) or _match(whole, (  # "set the priority high for 23", "do the priority high for 23"
        r"(?:(?:set|change|update|make|put|do|keep|mark) )?(?:the )?"
        r"(?P<field>priority|category|type|due date|due|deadline)"
        rf"(?: (?:to|as|at|=|->|=>|→))?(?P<value>(?: (?!tref\b|tnum\b|for\b|of\b|on\b|date\b)\S+){{1,3}})"
        rf" (?:for|of|on|in) {ref()}(?: (?:please|pls|plz|now|too))?"
    )) or _match(whole, _SHORT_FIELD.format(ref=ref(), field="sev", values=_SEVERITIES)) or _match(
        whole, _SHORT_FIELD.format(ref=ref(), field="cat", values=_CATEGORIES)
    ):
        return _field(whole, found)
    if found := _match(whole, (
        rf"(?:set|change|update|make|raise|lower|bump|move|push|put|revert|reset|return)(?: the)? {field}"
        r"(?: (?:to|as|at|=|->|=>|→|up to|down to|back to|back))?(?P<value> (?!(?:of|on|for|in|date)\b)(?!.*\b(?:tref|tnum)\b).+)"
    )):  # "set priority to urgent": of the ticket just shown, as "it" is; none: asked which
        return _of_the_last(reading.conversation.last_ticket, _field(whole, found))
    if found := _match(reading, (
        rf"(?:set|change|update|edit|modify|fix|amend|give|add)(?: the| a| an)? {field}"
        rf"(?: (?:of|on|for|in|to) {ref()})?"
    )) or _match(reading, (
        rf"(?:set|change|update|edit|modify|fix|amend|give)(?: the)? {ref()}(?:s)? {field}"
    )):  # "set a due date": of the ticket just shown, as "set priority to urgent" is
        return _ask_field(reading.ticket(found) if found["ref"] else reading.conversation.last_ticket,
                          _FIELDS[found.group("field")])
    if found := _match(reading, rf"(?:rename|retitle|re-title|call) {ref()}(?: (?:to|as))?(?P<value> .+)"):
        return EditTicket(reading.ticket(found), title=_title_from(reading, found))
    if found := _match(reading, rf"(?:rename|retitle|re-title) {ref()}"):
        return _ask_field(reading.ticket(found), "title")
    if (found := _match(reading, (
        r"(?P<verb>bump|raise|lower|increase|decrease|upgrade|downgrade|up|drop|escalate|expedite"
        r"|de-?prioriti[sz]e"  # "deprioritise 1234": to which priority is asked, as "lower 4"
        r"|fast-track|fast track|speed up|hurry(?: up)?(?: with| on)?)(?: up| down)?"
        rf"(?: the)?(?: priority(?: of| on| for))? {ref()}(?: priority)?(?: up| down)?(?: back)?"
        r"(?: (?:to|as|into) (?P<value>.+?)(?: priority)?)?"
    ))) and (found["verb"] != "escalate" or found["value"] in PRIORITY_WORDS):  # "… to Sam"
        value = found.group("value")
        if value in PRIORITY_WORDS:
            return EditTicket(reading.ticket(found), priority=PRIORITY_WORDS[value])
        if value is None and found.group("verb") == "drop":
            return None  # "drop 4": let go of it
        why = f"“{value}” is not a priority." if value else ""
        return _ask_field(reading.ticket(found), "priority", why)
    if found := _match(reading, (
        r"(?:bump|raise|lower|increase|decrease|reduce|drop|up|upgrade|downgrade)(?: up| down)?"
        r" (?:the |its )?priority(?: up| down)?(?: a bit| a notch| one level| slightly)?"
        r"(?: (?:to|as|into) (?P<value>.+?))?"
    )):  # "lower the priority": of the ticket just shown, as "set priority to urgent" is
        ticket = reading.conversation.last_ticket
        if found.group("value") in PRIORITY_WORDS:
            return EditTicket(ticket, priority=PRIORITY_WORDS[found.group("value")])
        why = f"“{found.group('value')}” is not a priority." if found.group("value") else ""
        return _ask_field(ticket, "priority", why)
    if found := _match(reading, rf"(?P<verb>prioritize|prioritise|escalate) {ref()}"):
        priority = Priority.URGENT if found.group("verb") == "escalate" else Priority.HIGH
        return EditTicket(reading.ticket(found), priority=priority)
    if found := _match(reading, (
        rf"(?:move|push|postpone|delay|set|make)? ?{ref()}(?: is)? (?:due|deadline)"
        rf"(?: date)?(?: (?:to|on|by|for|date|is))?(?P<value>{_DUE_DAY})"
    )) or _match(reading, rf"(?:move|push|postpone|delay) {ref()} (?:to|until|till|back to)(?P<value>{_DUE_DAY})"
                 ) or _match(reading, (  # "due date 30/11 for 126", "deadline friday on it"
        rf"(?:set |make )?(?:the |a )?(?:due(?: date)?|deadline)(?: of| to| is| on)?(?: the)?(?P<value>{_DUE_DAY})"
        rf" (?:for|on|of) {ref()}")
                 ) or _match(reading, (
        r"(?:(?:i |we |ill |well |i will |we will |i am |we are )?(?:need|want|going to need|"
        r"would like|would need) )?"  # "gonna need 189 sorted by tmrw"
        rf"{ref()} (?:is |should be |needs to be |has to be |must be |needs |has to |must )?"
        r"(?:done|finished|fixed|resolved|sorted|ready|complete|completed|closed|doing|fixing"
        rf"|finishing|sorting|sorted out)(?: by| on| before| for| until| no later than)?(?P<value>{_DUE_DAY})"
    )):
        return _due(reading.ticket(found), reading.words(found, "value"),
                    reading.conversation.today)
    if wanted := _wanted_by(reading):
        return wanted
    if (found := _match(whole, (  # "1233 is not that urgent, medium is fine"
        rf"(?:{ref()} (?:is not|isnt|is|s not)(?: that| so| really)? (?:urgent|important|critical)"
        rf"(?: tho| though| really| anymore)? (?:-|–|—|so|,)? ?)?(?P<value>low|medium|normal|high)"
        r"(?: priority| prio)? (?:is|would be|will be|should be) (?:fine|ok|okay|enough|good|plenty)"
        rf"(?: for (?P<for>tnum|tref))?(?: (?:thanks|thx|ty|please|pls))?"
    ))) and (found["ref"] is not None) != (found["for"] is not None) and (
            value := PRIORITY_WORDS.get(found["value"])) is not None:
        return EditTicket(whole.ticket(found, "ref" if found["ref"] else "for"), priority=value)
    if (found := _match(reading, rf"{ref()} (?:by|before|no later than)(?P<value>{_DUE_DAY})")) and (
            any(ch.isdigit() for ch in reading.words(found, "ref")[0].typed)):  # "1225 by tmrw pls"
        return _due(reading.ticket(found), reading.words(found, "value"), reading.conversation.today)
    if found := _match(reading, (
        r"(?:make|mark|flag|set|label|tag|categori[sz]e|re-?categori[sz]e|classify|reclassify|file)"
        rf" {ref()} (?:as |under |in )?(?:an? )?(?P<value>.+?)(?: priority| ticket)?"
    )):
        if edit := _priority_or_category(reading.ticket(found), found.group("value")):
            return edit
    if found := _match(reading, (
        rf"{ref()} (?:is|should be|needs to be)(?: an?)?(?: super| very| really| extremely| quite| pretty| now)?"
        r" (?P<value>.+?)(?: priority| prio| ticket)?"
    )):
        if edit := _priority_or_category(reading.ticket(found), found.group("value")):
            return edit
    return None


def _wanted_by(reading: Reading) -> Understanding | None:
    """A day the ticket is wanted by: "i need it by friday" sets it as its due date; asked
    ("can I get it by friday?", "could 4 be done by monday") it is asked about first."""
    if found := _match(reading, (
        r"(?:i |we |id |i would |we would )?(?:really |urgently |definitely )?(?:need|want"
        r"|would like|would need"
        rf"|must have|have to have) {ref()}{_WANTED_DONE}?(?: by| before| no later than)"
        rf"(?P<value>{_DUE_DAY})(?: please| pls| latest| at the latest)?"
    )):
        return _due(reading.ticket(found), reading.words(found, "value"),
                    reading.conversation.today)
    if found := _match(reading, (
        rf"(?:can|could|may) (?:i|we) (?:please )?(?:get|have) {ref()}{_WANTED_DONE}?"
        rf"(?: by| before)(?P<value>{_DUE_DAY})(?: please| pls)?"
    )) or _match(reading, (
        rf"(?:can|could) {ref()} be{_WANTED_DONE}(?: by| before)(?P<value>{_DUE_DAY})"
        r"(?: please| pls)?"
    )):
        due = _due(reading.ticket(found), reading.words(found, "value"),
                   reading.conversation.today)
        if isinstance(due, EditTicket) and isinstance(day := due.due, date):
            return Clarify(due, f"Should {_label(due.ticket)} be due {day:%a} {day.day} {day:%b}?",
                           (Choice("Yes", day),))
        return due
    return None


_WANTED_DONE = (r"(?: (?:back|done|fixed|sorted|sorted out|ready|finished|resolved|completed"
                r"|replaced|repaired|delivered|installed|set up))")
"""What is wanted of the ticket by the day: "i need it back by monday"."""


_SEVERITIES = "|".join(sorted(SEVERITY_WORDS, key=len, reverse=True))
_CATEGORIES = "|".join(sorted(CATEGORY_WORDS, key=len, reverse=True))
_SHORT_FIELD = (r"{ref}(?: [-–—])? (?P<field>{field})(?: (?:to|is|=|->|=>|→))?(?P<value> (?:{values}))"
                r"(?: (?:please|pls|plz))?")
"""A field shortened after the ticket, as a queue is worked ("1549 sev major", "1548 cat
incident"): only with a value it can have, so "12 cat stuck in the printer" is no category."""
_FIELD = r"(?P<field>title|subject|name|summary|description|details|body|priority|severity|impact|category|type|kind|due date|due|deadline)"


def _field_told(reading: Reading, whole: Reading) -> Understanding | None:
    """"title: Outlook crashes on any attachment" after a ticket's card sets that ticket's
    field; with none shown it may be a new ticket's, so it is left to the other rules.

    Several labels ("title: Printer jams, priority: high") are each read once, in turn:
    a message of thousands of labels costs its length, not its length squared, and never
    the stack depth a reading per label nested in the one before would take."""
    conversation = whole.conversation
    if (label := _field_label(whole)) is None:
        return None
    message, field_end = whole.message, label[1]
    labels = [index for index in range(field_end + 1, whole.end) if _label_at(message, index)]
    if not labels:
        return _one_field_told(whole)
    edit: EditTicket | None = None
    for begin, end in zip([whole.start, *labels], [*labels, whole.end]):
        if end < whole.end:
            part = read_message(message.original(begin, end).rstrip(";,. "), conversation)
            told = _one_field_told(_reading(part, conversation, 0, len(part.words)))
        else:
            told = _one_field_told(_reading(message, conversation, begin, end))
        if not isinstance(told, EditTicket):
            return None
        if edit is None:
            edit = told
            continue
        said = {name: getattr(told, name) for name in _EDIT_FIELDS
                if getattr(told, name) is not None}
        if any(getattr(edit, name) is not None for name in said):
            return None  # a field said twice: which is meant is not guessed
        edit = replace(edit, **said)
    return edit


def _field_label(whole: Reading) -> tuple[re.Match[str], int] | None:
    """A field told after a ticket's card, and where its label ("title:") ends."""
    if whole.conversation.last_ticket is None or not (
            found := _match(whole, rf"{_FIELD}(?P<value> .+)")):
        return None
    field_end = whole.group_words(found, "field")[1]
    return (found, field_end) if _colon_after(whole.message, field_end - 1) else None


def _one_field_told(whole: Reading) -> Understanding | None:
    if (label := _field_label(whole)) is None:
        return None
    return _of_the_last(whole.conversation.last_ticket, _field(whole, label[0]))


def _label_at(message: Message, index: int) -> bool:
    """Whether another field's label starts at word `index` ("priority:", "due date:")."""
    return message.words[index].text in _FIELDS and _colon_after(message, index) or (
        [w.text for w in message.words[index:index + 2]] == ["due", "date"]
        and _colon_after(message, index + 1))


def _colon_after(message: Message, index: int) -> bool:
    return message.typed_to(message.words[index]).endswith(":")


def _of_the_last(ticket: TicketNumber | None, found: Understanding | None) -> Understanding | None:
    match found:
        case EditTicket():
            return replace(found, ticket=ticket)
        case Clarify(request=EditTicket() as edit):
            return replace(found, request=replace(edit, ticket=ticket))
    return found


def _priority_or_category(ticket: TicketNumber | None, value: str | None) -> EditTicket | None:
    """"make 4 urgent" or "file 4 under hardware": the word is a priority or a category."""
    if value in PRIORITY_WORDS:
        return EditTicket(ticket, priority=PRIORITY_WORDS[value])
    if value in CATEGORY_WORDS:
        return EditTicket(ticket, category=CATEGORY_WORDS[value])
    return None


def _title_from(reading: Reading, found: re.Match[str]) -> str:
    return as_title(_quoted_or(reading.original(found, "value", to_end=True)))


_FIELDS = {
    "title": "title", "subject": "title", "name": "title", "summary": "title",
    "description": "description", "details": "description", "body": "description",
    "priority": "priority", "category": "category", "type": "category", "kind": "category",
    "severity": "severity", "impact": "severity",
    "due date": "due_date", "due": "due_date", "deadline": "due_date",
}


def _ask_field(ticket: TicketNumber | None, field: str, why: str = "") -> Clarify:
    """Ask for one field's new value (the dialog words the question)."""
    return Clarify(EditTicket(ticket), why, field=field)


_BE = re.compile(r"^(?:(?:should|must|will|needs to|has to|can) (?:be|say|read)|is now|now|be):? ",
                 re.IGNORECASE)  # "… should be high", "… should read: Printer jam"
_JUDGED_TEXT = re.compile(
    r"(?:(?:is|are|looks|seems|sounds) )?(?:(?:a bit|a little|kind of|kinda|totally|completely"
    r"|all|really|very|way|so) )?(?:wrong|incorrect|not right|not correct|inaccurate|misleading"
    r"|outdated|out of date|old|stale|confusing|unclear|vague|too (?:long|short|vague|generic)"
    r"|bad|off|empty|blank|missing|weird|strange|odd|broken|garbled|truncated"
    r"|cut off|misspelled|misspelt|rubbish|useless|meaningless|not helpful|unhelpful)"
    r"|(?:has|have|contains|got) (?:a |an |some |\d+ )?(?:typo|error|mistake|spelling mistake)s?"
    r"|(?:needs|need) (?:fixing|changing|updating|work|a fix|an update|to change|to be changed)")
"""What a title or a description is judged to be ("12's title is wrong", "the description
of 12 is outdated", "… has a typo"): no new text, so the new one is asked for."""
_JUDGED_THEN_GIVEN = re.compile(
    r"(?P<judged>[^,;.:–—-]{1,40}?)\s*(?:[,;.:–—-]+\s*|\s+)(?:it |the title |the description )?"
    r"(?:should|must|needs to|has to|ought to) (?:be|say|read)(?::|\s)\s*(?P<new>.+)",
    re.IGNORECASE | re.DOTALL)
"""A judgement, then the text it should be: "wrong, should be floor 3", "is outdated - it
should say: laptop swapped"."""
_APPROVED_TEXT = re.compile(r"(?:(?:is|are|looks|seems) )?(?:(?:all|totally|perfectly) )?"
                            r"(?:fine|ok|okay|good|correct|right|accurate|alright|all right)"
                            r"(?: now| as it is| as is)?")
"""A title or a description said to be right ("12's title is fine"): nothing to change."""


def _priority_named(said: str) -> Priority | None:
    """The priority said once the field is named: "12 prio med", "priority of 12 in high" (a
    second language's "in"); "med", "hi" and "lo" alone are no priority ("902 hi")."""
    said = re.sub(r"^in ", "", said)
    return PRIORITY_WORDS.get(said) or _SHORT_PRIORITY.get(said)


def _field(reading: Reading, found: re.Match[str]) -> Understanding | None:
    ticket = reading.ticket(found)
    field = found.group("field")
    value = _BE.sub("", found.group("value").strip())
    kept = value.split()[:_skip_end(value.split(), 0)]  # "… to low pls": the value is "low"
    plain = " ".join(w for w in kept if w not in ("a", "an", "priority", "the"))
    said = _BE.sub("", reading.original(found, "value", to_end=True), count=1)
    dropped = len(found.group("value").split()) - len(value.split())  # "should be"
    shown = typed_text(reading.words(found, "value")[dropped:dropped + len(kept)])  # as typed
    texts = {"title": "title", "subject": "title", "name": "title", "summary": "title",
             "description": "description", "details": "description", "body": "description"}
    judged = " ".join(value.split()).rstrip(".!?").lower()
    if field in texts and not _value_labelled(reading, found) and (
            instead := _JUDGED_THEN_GIVEN.match(said)) and _JUDGED_TEXT.fullmatch(
                " ".join(instead["judged"].split()).lower()):
        new = _quoted_or(instead["new"].strip())  # "12's title is wrong, should be floor 3"
        return EditTicket(ticket, title=as_title(new)) if texts[field] == "title" else (
            EditTicket(ticket, description=new))
    typed = " ".join(said.split()).lower()
    if field in texts and not _value_labelled(reading, found) and re.match(
            r"[^,;.!–—-]*[,;.!–—-]\s*\w", typed) and _APPROVED_TEXT.fullmatch(
                re.split(r"\s*[,;.!–—-]", typed, maxsplit=1)[0]):
        return Unknown(reading.message.text.strip())  # "12's title is fine now, close it"
    if field in texts and not _value_labelled(reading, found):
        if _APPROVED_TEXT.fullmatch(judged):
            return Declined(ticket, reading.message.text.strip())  # "12's title is fine"
        if _JUDGED_TEXT.fullmatch(judged):
            return _ask_field(ticket, texts[field])  # "12's title is wrong": the new one is asked
    if field in ("title", "subject", "name", "summary"):
        if _NO_TITLE.search(title := _quoted_or(said).strip()) or "\n" in title:
            return Unknown(reading.message.text.strip())  # a pasted mail's subject or body
        return EditTicket(ticket, title=as_title(title))
    if field in ("description", "details", "body"):
        return EditTicket(ticket, description=_quoted_or(said))
    if field == "priority":
        if priority := _priority_named(plain):
            return EditTicket(ticket, priority=priority)
        if _skip_end(["", *value.split()], 0) == 1:  # "the priority of 12 please": which is asked
            return _ask_field(ticket, "priority")
        return _ask_field(ticket, "priority", f"“{shown}” is not a priority.")
    if field in ("category", "type", "kind", "cat"):
        if plain in CATEGORY_WORDS:
            return EditTicket(ticket, category=CATEGORY_WORDS[plain])
        return _ask_field(ticket, "category", f"“{shown}” is not a category.")
    if field in ("severity", "impact", "sev"):
        if plain in SEVERITY_WORDS:
            return EditTicket(ticket, severity=SEVERITY_WORDS[plain])
        return _ask_field(ticket, "severity", f"“{shown}” is not a severity.")
    return _due(ticket, reading.words(found, "value"), reading.conversation.today) or _ask_field(
        ticket, "due_date", f"I couldn't read “{shown}” as a date.")


_NO_TITLE = re.compile(
    r"^(?:re|fw|fwd|aw|wg|tr|sv|vs|antw)\s*(?:\[\d+\])?\s*:|\b[A-Za-z]{1,10}-\d{4}-\d{1,12}\b",
    re.IGNORECASE)
"""What a title of the ticket in view is never set to: a mail's reply or forward subject
("Subject: RE: TKT-2026-0012 printer", pasted from a mail) or another ticket's number; the
ticket would be renamed after a mail nobody asked to rename it to."""


def _value_labelled(reading: Reading, found: re.Match[str]) -> bool:
    """Whether the value was typed after "to", "=", an arrow or a colon ("set the title of 12
    to: Outdated", "12 title: Broken"): then it is the new text, whatever it says."""
    first = reading.words(found, "value")[:1]
    if not first:
        return False
    begin = reading.message.spans[first[0].first][0]
    typed = reading.message.text[max(0, begin - 80):begin]  # what came just before it
    return re.search(r"(?:\bto|=|->|=>|→|:)\s*$", typed, re.IGNORECASE) is not None


_ASSIGN_VERBS = frozenset({"assign", "reassign"})


def _list(reading: Reading, whole: Reading) -> Understanding | None:
    return _listed(reading, strong_only=True)


def _listed(reading: Reading, *, strong_only: bool) -> Understanding | None:
    """A list query; "for me" at its end, taken for politeness elsewhere, says whose."""
    words = reading.message.words
    end = reading.end
    said = [w.text for w in words[reading.start:end]]
    last_to = max((i for i, w in enumerate(said) if w == "to"), default=-1)
    if any(w in _ASSIGN_VERBS for w in said[:max(last_to, 0)]):
        return None  # "please assign to the network team": an assignment, never a list
    if [w.text for w in words[end:end + 2]] == ["for", "me"]:
        end += 2
    return read_list(reading.message, reading.start, end, strong_only=strong_only,
                     conversation=reading.conversation)


_RULES: tuple[Rule, ...] = (
    _form, _show, _labelled, _field_told, _comment, _create, _create_after, _file_it,
    _back_to_queue, _waiting_or_resumed, _discard, _handover,
    _list, _edit,
    _assign, _status,
)


def _as_typed(message: Message, start: int, end: int) -> str:
    """Words `start:end` as typed, lower case, without apostrophes or punctuation: "stats"
    stays "stats" (read as "status") and "today's" "todays" (read as a date)."""
    said, seen = [], set()
    for word in message.words[start:end]:
        if word.first not in seen:  # "how's" is read as two words, typed as one
            seen.add(word.first)
            said.append(word.typed or word.text)
    typed = " ".join(said).lower()
    return " ".join(re.sub(r"['’]", "", typed).replace("?", " ").replace("!", " ").split())
