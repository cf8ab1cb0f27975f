"""List queries in words: "my open tickets", "what am I working on", "urgent tickets about VPN"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from bot.understanding.context import Conversation
from bot.understanding.filed import FILING_CUES, FiledWhen, read_filed
from bot.understanding.filters import ListFilters, Whose, read_filters
from bot.understanding.message import DATE, NUMBER, REF, Message
from bot.understanding.orders import (
    OrderSaid, PhraseIndex, courtesy_tail, latest_count, one_ordered, phrases, read_count,
    read_order, text_lead,
)
from bot.understanding.quiet import read_quiet
from bot.understanding.requests import Clarify, ListScope, ListTickets, Target, UserTarget
from bot.understanding.targets import Ambiguous, NoSuchTarget, find_target
from bot.understanding.words import PRIORITY_WORDS, STATUS_VERBS, STATUS_WORDS
from bot.understanding.worklog import reports_work
from domain.tickets import DueWindow, Priority, TicketOrder, TicketStatus


_SEARCH_VERBS = (
    ("search", "for"), ("look", "for"), ("find", "me"), ("search",), ("find",), ("look", "up"),
    ("lookup",), ("list",), ("show", "me"), ("show",), ("give", "me"), ("get", "me"), ("get",),
    ("display",), ("see",), ("view",), ("pull", "up"),
)
_SEEKING = frozenset({"search", "find", "look", "lookup"})
"""Search verbs that look for words ("find overview"), not ask to be shown a list ("give me a
summary of my tickets")."""
_CREATED = (
    ("i", "created"), ("i", "filed"), ("i", "opened"), ("i", "raised"), ("i", "reported"),
    ("i", "submitted"), ("i", "logged"), ("i", "made"), ("i", "have", "filed"),
    ("i", "have", "created"), ("i", "have", "opened"), ("created", "by", "me"),
    ("filed", "by", "me"), ("opened", "by", "me"), ("raised", "by", "me"),
    ("reported", "by", "me"), ("submitted", "by", "me"), ("my", "requests"),
    ("did", "i", "file"), ("did", "i", "create"), ("did", "i", "open"), ("did", "i", "raise"),
    ("did", "i", "submit"), ("did", "i", "log"), ("did", "i", "report"), ("did", "i", "make"),
    ("i", "have", "submitted"), ("i", "have", "raised"), ("i", "have", "logged"),
    ("i", "have", "reported"), ("i", "have", "made"), ("ive", "filed"), ("ive", "created"),
    ("ive", "opened"), ("ive", "raised"), ("ive", "submitted"), ("ive", "logged"),
    ("ive", "reported"), ("ive", "made"), ("i", "submited"), ("i", "sent"),
    ("i", "am", "waiting", "on"), ("my", "own"), ("created",), ("filed",),
    ("tickets", "from", "me"), ("requests", "from", "me"), ("ones", "from", "me"),
)
_MINE = (
    ("am", "i", "working", "on"), ("i", "am", "working", "on"), ("am", "i", "on"),
    ("on", "my", "plate"), ("on", "my", "list"), ("on", "my", "desk"), ("assigned", "to", "me"),
    ("i", "am", "assigned", "to"),
    ("i", "am", "assigned"), ("i", "have", "been", "assigned"), ("i", "have"), ("i", "hold"), ("my", "queue"), ("do", "i", "have"),
    ("have", "i", "got"), ("for", "me"), ("my", "work"), ("i", "own"), ("my",), ("mine",),
)
_STRONG_MINE = frozenset(phrase for phrase in _MINE if len(phrase) > 2)
_EVERYONES = frozenset({"everything", "all", "every", "any", "anything", "everyones"})
_OWNERS = frozenset({"my", "mine", "i", "me"})
"""Said with "created" or "filed" and a time ("everything created today"), they ask for
every ticket filed then, not the viewer's own (as "tickets created today" is read)."""
_LOOKAHEAD = max(2, *(len(phrase) for phrase in _CREATED + _MINE))
"""Words the loop over a list query looks at from each word: the longest phrase it knows
(a copy of all the remaining words made it quadratic in the message's length)."""
_SETTING = frozenset({"set", "put", "move", "mark", "make", "change", "send", "bring", "switch",
                      "flip", "turn", "push", "take"})
"""Verbs that change the ticket they are followed by, never start a list of tickets."""
_STATUS_CHANGES = frozenset(
    said for verb in STATUS_VERBS for said in (verb, verb.removesuffix("e") + "ing")
) - {"start", "starting"}  # "start 4 issues": maybe a count
"""Verbs that change the ticket they are followed by ("close 4", "closing 4")."""
_STRONG = frozenset({"tickets", "queue", "backlog", "plate", "issues", "requests", "ones", "todo",
                     "todos"})
_NOT = frozenset({"not", "arent", "isnt", "non"})
_UNRESOLVED = frozenset({
    "unresolved", "unfinished", "outstanding", "incomplete", "uncompleted", "unsolved",
    "unclosed", "non-closed", "nonclosed", "not-closed", "non-resolved", "unfixed", "undone",
})
"""Not resolved yet, the list everyone gets unless they ask for a status: no filter, and
not words to search for ("all unresolved tickets" searched for "unresolved")."""


_FILLER = frozenset({
    "tickets", "ticket", "the", "a", "all", "of", "that", "are", "is", "do", "have", "me", "to",
    "there", "any", "which", "what", "ones", "issues", "requests", "please", "currently",
    "right", "now", "still", "stuff", "things", "i", "list", "show", "in", "priority", "status",
    "with", "and", "only", "just", "every", "everything", "queue", "backlog", "whats", "whos",
    "how", "many", "got", "we", "our", "some", "being", "them", "those", "these", "statuses",
    "am", "at", "moment", "today", "anything", "open?", "where", "wheres", "todo", "todos",
    "problem", "problems", "wat", "wot", "wht", "tix", "tkts", "pls", "plz", "or",
    "other", "else",  # "any other vpn tickets?"
    "was", "were",  # "which tickets were closed this week"
}) | _UNRESOLVED
_SUMMED_UP = frozenset({"summary", "summarise", "summarize", "overview", "rundown", "recap"})
"""The list asked for as a summary ("give me a summary of my tickets" searched for
"summary" and found none); after "about" they are searched for ("tickets about summary")."""
_HOW_LONG = frozenset({"days", "weeks", "months", "hours", "ages", "forever", "while"})
"""How long, told ("open for days", "waiting ages"): no topic, and what a wait lasted."""
_NO_TOPIC = frozenset({
    "yesterday", "tomorrow", "last", "week", "month", "ago", "recently", "earlier", "lately",
    "can", "could", "would", "you", "u", "tell", "let", "know", "news", "update", "updates",
    "news?", "pls", "again", "yet", "so", "far", "far?", "from", "on", "for", "about",
    "happened", "happening", "going", "hows", "doing", "up", "anyone", "anybody", "someone",
    "somebody", "looking", "looked", "picked", "seen", "came", "come", "coming", "has", "been",
    "then", "following", "checking", "chasing", "circling", "back", "in",
    "sitting", "an",
}) | _HOW_LONG | _SUMMED_UP
"""Words left over from a list query that are no topic to search for: when, how long, and
the request around it ("I raised a ticket yesterday. Can you tell me the status?", "just
checking in on my laptop request", "my printer ticket has been open for days")."""
_NAMING = frozenset({"tickets", "ticket", "issues", "numbers"})
_ANY = frozenset({"anything", "any"})  # "anything about outlook": a search
_ABOUT = frozenset({"about", "regarding", "re", "mentioning", "concerning"})
_SKIPPED = "the"  # a word a filter stands for: passed over like filler
_TEXT_LEAD = frozenset({"about", "regarding", "re", "mentioning", "matching", "containing",
                        "concerning", "on", "for", "like", "called", "titled", "with"})
_LIST_STATUSES = frozenset({
    "open", "in progress", "in_progress", "progress", "on hold", "on_hold", "onhold", "hold",
    "resolved", "closed", "done", "fixed", "finished", "waiting", "blocked", "paused",
    "started", "active", "new", "solved", "completed", "wip", "ongoing", "parked", "pending",
    "stuck",
})


def read_list(
    message: Message, start: int, end: int, *, strong_only: bool, conversation: Conversation
) -> ListTickets | Clarify | None:
    """The list asked for by words `start:end` of the message, or None when they are not
    a list query; a person or team it names that is unclear is asked about."""
    if (worked := _worked_on(message, start, end, conversation)) is not None:
        return worked
    if reports_work(message.original(start, end)):
        return None  # "spoke to the vendor, parts due thursday": a note of work done, no list
    first = start
    words = [w.text for w in message.words[start:end]]
    searching = seeking = False
    for verb in _SEARCH_VERBS:
        if tuple(words[:len(verb)]) == verb and len(words) > len(verb) - 1:
            words, searching, seeking = words[len(verb):], True, verb[0] in _SEEKING
            break
    start = first + (len(message.words[first:end]) - len(words))
    filters = read_filters(message, start, end, conversation)
    quiet = read_quiet(message, start, end, conversation.today)  # "not updated in a week"
    if quiet is not None and filters.taken & quiet.taken:
        filters = replace(filters, due=None, taken=frozenset())  # "in a week" is no due date
    whose = filters.whose
    if whose is not None and (whose.topic and isinstance(whose.found, NoSuchTarget) and (
            conversation.directory) or quiet is not None and whose.taken & quiet.taken):
        whose = None  # "tickets for the printer": what they are about; "for 5 days": when
    taken = filters.taken | filters.our_teams | (whose.taken if whose is not None else frozenset())
    if quiet is not None:
        taken |= quiet.taken
    quiet_said = frozenset(i - start for i in quiet.taken) if quiet is not None else frozenset()
    placed = bool(taken)  # a person, team or due date: a list, whatever else is said
    said_taken = frozenset(i - start for i in taken)
    every, every_said = _every_status(words, said_taken)
    typed = [message.original(start + i, start + i + 1) if w == NUMBER else w
             for i, w in enumerate(words)]  # "5 oldest tickets": a count, no ticket 5
    ordered = read_order(typed, skip=said_taken | every_said)
    latest = latest_count(typed, skip=said_taken | every_said) if ordered is None else None
    if latest is not None:
        ordered = OrderSaid(TicketOrder.NEWEST, latest[1])  # "the last 5 tickets"
    if ordered is not None and _titled(message, start, end):
        return None  # "newest ticket: printer is on fire": a title follows, never a guess
    order_said = ordered.taken if ordered else frozenset()
    counted = latest or read_count(typed, skip=said_taken | every_said | order_said,
                                   ordered=order_said) or one_ordered(typed, ordered)
    how = _said_at(start, order_said, every_said, counted[1] if counted else frozenset())
    taken |= how  # how to list them: not on its own a list ("close the first five")
    filed, filing, updated, finished = _filed(message, start, end, conversation.today,
                                    taken | _said_at(start, _topic_words(words, order_said)))
    taken |= filed.taken if filed is not None else frozenset()
    taken |= _this_week(words, start)
    taken |= _waited_on(words, start)
    if filed is not None:
        taken |= _said_at(start, _counted(words))  # "number of tickets this month"
    words = [_SKIPPED if start + i in taken or _today(message, start + i, conversation) else w
             for i, w in enumerate(words)]
    own_at, own_noun, own_topic = _own_topic(words)
    if any(w in (REF, DATE) for w in words):
        return None
    named = any(w in _STRONG for w in words)
    which_most = _asked_which_most(words, ordered)  # "what has been open the longest"
    if not (named or searching or whose is not None or filters.our_teams or which_most) and (
            _state_told(words)):
        return None  # "the service has been terrible this week": a problem told, no list
    strong = searching or named or placed or bool(taken - how) and filed is None or which_most
    if NUMBER in words and not named:  # "give me 4": a ticket, not a search for "4"
        return None
    if words[:1] and words[0] in _SETTING and NUMBER in words[1:3]:
        return None  # "set 7 to todo", "put 7 back in the queue": a change to ticket 7
    if words[1:2] == [NUMBER] and words[0] in _STATUS_CHANGES and not (
            set(words[2:3]) & (_STRONG | _NAMING)):
        return None  # "resolve 4, no further issues": 4 resolved, and why; not "closed 4 tickets"
    if any(w in _NAMING and after == NUMBER for w, after in zip(words, words[1:])):
        return None  # "close tickets 8 and 9": those tickets, not a list
    scope = ListScope.TEAMS if filters.our_teams else ListScope.ALL
    statuses: list[TicketStatus] = []  # "open or on hold": any of them
    priorities: list[Priority] = []  # "high or urgent"
    more_values: set[int] = set()  # "or on hold" after "open": no more words than "open"
    leftover: list[int] = []
    text: str | None = None
    index = 0
    while index < len(words):
        rest = tuple(words[index:index + _LOOKAHEAD])
        if index == own_at:
            scope, strong, index = ListScope.OWN, True, index + 1
            continue
        if (size := _starts(rest, _CREATED)) is not None:
            if size == 1 and filed is not None and _EVERYONES & set(words) and not (
                    _OWNERS & set(words)):
                index += 1  # "everything created today": when they came in, whoever filed them
                continue
            scope, strong, index = ListScope.CREATED, True, index + size
            continue
        if index in own_topic or index == own_noun or filed is not None and (
                rest[0] in FILING_CUES or rest[0] in _UPDATED):
            index += 1  # "new tickets today", "what came in": the time says it
            continue
        if (size := _starts(rest, _MINE)) is not None:
            if scope is ListScope.ALL:
                scope = ListScope.MINE
            strong = strong or rest[:size] in _STRONG_MINE
            index += size
            continue
        if (size := _starts(rest, _WAITING_FOR_ME)) is not None and _whats_waiting(words, index):
            if scope is ListScope.ALL:  # "what's waiting for us": our teams'
                scope = ListScope.MINE if rest[size - 1] == "me" else ListScope.TEAMS
            strong, index = True, index + size
            continue
        if rest[0] in _NOT and (size := _negated(rest[1:])):
            index += 1 + size  # "not resolved yet", "aren't urgent": no filter is the opposite
            continue
        if rest[0] in _WAITING_WORDS and _how_long(rest[1:]):
            index += 1  # "been waiting ages": the person waited, the ticket is no on hold
            continue
        if (said := _status_said(rest)) is not None and all(
                (other in _FINISHED) == (said[0] in _FINISHED) for other in statuses):
            if statuses:
                more_values.update(_another_value(words, index, said[1]))
            statuses += [said[0]] if said[0] not in statuses else []  # "resolved or closed"
            index += said[1]
            continue
        if (level := PRIORITY_WORDS.get(rest[0])) is not None:
            if priorities:
                more_values.update(_another_value(words, index, 1))
            priorities += [level] if level not in priorities else []
            index += 1
            continue
        if rest[0] in _TEXT_LEAD and len(rest) > 1 and _topical(rest[1:]) and (
                strong or searching or words[0] in _ANY and (
                    rest[0] in _ABOUT or statuses or priorities)):
            strong = True
            filed_said = frozenset(i - start for i in filed.taken) if filed is not None else (
                frozenset())  # "tickets about outlook from last week": not 'outlook from …'
            ends = min((i for i in order_said | every_said | quiet_said | filed_said if i > index),
                       default=len(words))
            text = message.original(start + index + 1, start + ends) or None
            break
        if rest[0] not in _FILLER:
            leftover.append(index)
        index += 1
    status = statuses[0] if statuses else None
    priority = priorities[0] if priorities else None
    if leftover:
        no_topic = _NO_TOPIC - _SUMMED_UP if seeking else _NO_TOPIC  # "find overview"
        if not (strong or searching) or any(words[i] not in no_topic for i in leftover) and (
                _only_whose(named, searching, filters, whose, scope, status, priority)):
            return None  # "what's the number for the network team?": about them, not tickets
        if text is None:
            text = " ".join(message.original(start + i, start + i + 1) for i in leftover
                            if words[i] not in no_topic)
    if own_topic:
        topic = " ".join(message.original(start + i, start + i + 1) for i in sorted(own_topic))
        text = topic if text is None else f"{topic} {text}"
    if text is not None:
        text = _trim(text)
    if text is not None and text.casefold() in ("one", "ones", "rest", "others", "remaining"):
        text = None  # "show me the newest one", "list the rest": the tickets, no topic
    asked = [w.text for w in message.words[start:end]]
    if filed is not None and filing and (
            any(w in FILING_CUES and w != "from" for w in asked) or _counted(asked)):
        strong = True  # "what came in since Monday", "how many did we get today"; "my printer
        # … since this morning" is no list
    filtered = scope is not ListScope.ALL or status is not None or priority is not None \
        or ordered is not None or every
    if not strong and (strong_only or not filtered or sum(
            w not in _FILLER for i, w in enumerate(words) if i not in more_values) > 3):
        return None
    if not (strong or searching or filtered):
        return None
    due = filters.due
    listed = ListTickets(scope=scope, status=status, priority=priority, text=text or None,
                         due_window=due if isinstance(due, DueWindow) else None,
                         due_on=due if isinstance(due, date) else None,
                         order=ordered.order if ordered else None,
                         every_status=(every or _the_newest_one(ordered, counted)) and (
                             status is None),
                         most=counted[0] if counted else None,
                         also_statuses=tuple(statuses[1:]), also_priorities=tuple(priorities[1:]),
                         not_updated_since=quiet.day if quiet is not None else None)
    if quiet is not None and quiet.day is None and ordered is None:
        listed = replace(listed, order=TicketOrder.STALE)  # "for ages": the stalest first
    if filed is not None:
        listed = _when_filed(listed, filed, filing=filing, updated=updated, finished=finished)
    return _owned(listed, whose) if whose is not None else listed


_FINISHED_WORDS = ("closed", "resolved", "done", "finished", "fixed", "completed", "solved",
                   "complete", "archived")
_EVERY_STATUS = (
    *phrases(("in", "of", "with", "at", ""), ("any", "every", "all", "whatever"),
             ("status", "statuses", "state", "states")),
    ("regardless", "of", "status"), ("whatever", "their", "status"),
    ("whatever", "the", "status"), ("no", "matter", "the", "status"),
    ("no", "matter", "their", "status"), ("open", "or", "not"),
    *phrases(_FINISHED_WORDS, ("or",), ("not", "unresolved", "open", "active")),
    *phrases(("including", "incl", "inc", "plus", "even", "also"), ("", "the", "any"),
             _FINISHED_WORDS, ("", "ones", "tickets", "ones too", "too")),
    *phrases(("and", "with"), ("", "the"), _FINISHED_WORDS, ("ones", "tickets")),
    *phrases(_FINISHED_WORDS, ("", "ones", "tickets"), ("too", "included", ("as", "well"))),
)
"""Resolved and closed ones too: "in any status", "including closed ones", "closed too"."""
_NOT_FINISHED = tuple(phrase for phrase in phrases(
    ("excluding", "except", "without", "exclude", "minus", ("not", "including"), ("but", "not"),
     ("leave", "out"), ("leaving", "out")),
    ("", "the", "any"), _FINISHED_WORDS, ("", "ones", "tickets")))
"""Said of the list everyone gets anyway ("tickets excluding closed ones"): no filter, and no
words to search for."""
_EVERY_STATUS_PHRASES = sorted(((p, True) for p in _EVERY_STATUS), key=lambda s: -len(s[0])) \
    + sorted(((p, False) for p in _NOT_FINISHED), key=lambda s: -len(s[0]))
_EVERY_STATUS_STARTING = PhraseIndex(_EVERY_STATUS_PHRASES)
def _the_newest_one(ordered: OrderSaid | None, counted: tuple[int, frozenset[int]] | None) -> bool:
    """"my last ticket", "my most recent request": the one filed last, whatever its status
    (the oldest one is the oldest still to do)."""
    return ordered is not None and ordered.order is TicketOrder.NEWEST and counted is not None \
        and counted[0] == 1


_ALL = frozenset({"all", "every", "each"})
_BEFORE_THE_NOUN = frozenset({"the", "of", "my", "our", "your", "single", "his", "her", "their"})
_TICKET_NOUNS = frozenset({"tickets", "ticket", "issues", "requests", "tix", "cases",
                           "incidents"})
_FINISHED = frozenset({TicketStatus.RESOLVED, TicketStatus.CLOSED})
_JOINERS = frozenset({"or", "and", "&", "and/or", "+", "nor", "vs", "versus"})


def _every_status(words: list[str], skip: frozenset[int]) -> tuple[bool, frozenset[int]]:
    """Whether words ask for every status, and the words that say so (none for "all").
    "all tickets", "all my tickets", "every ticket": all
    of them, as a list says "all" of the tickets it names; "all urgent tickets", "all open
    ones" are all of those (the adjective says which). "open or closed", "in any status",
    "including closed ones" say it outright; "excluding closed" is taken as said and asks for
    nothing beyond the usual list."""
    bare = [w.rstrip(",.!?;:") for w in words]
    lead = text_lead(bare)
    thanks_from = courtesy_tail(bare)
    taken: set[int] = set()
    every = False
    at = 0
    while at < len(bare):
        hit = next(((len(p), asked) for p, asked in _EVERY_STATUS_STARTING.starting(bare, at)
                    if tuple(bare[at:at + len(p)]) == p
                    and not skip & set(range(at, at + len(p)))), None)
        if hit is None and (pair := _two_statuses(bare, at, skip)):
            hit = pair, True
        if hit is not None and at + hit[0] > lead and at + hit[0] < thanks_from:
            hit = None  # "tickets about closed or open ports": words of the topic
        if hit is not None:
            taken.update(range(at, at + hit[0]))
            every = every or hit[1]
            at += hit[0]
            continue
        if bare[at] in _ALL and at not in skip:
            noun = next((j for j in range(at + 1, len(bare))
                         if not (bare[j] in _BEFORE_THE_NOUN or j in skip)), None)
            if noun is not None and bare[noun] in _TICKET_NOUNS:
                every = True
        at += 1
    return every, frozenset(taken)


def _two_statuses(words: list[str], at: int, skip: frozenset[int]) -> int:
    """How many words say a status not yet resolved and a finished one together ("open or
    closed", "closed and open", "open/closed"): every status. 0 when they do not."""
    first = _status_said(tuple(words[at:at + 2]))
    if first is None or at in skip:
        return 0
    after = at + first[1]
    joined = after + (1 if after < len(words) and words[after] in _JOINERS else 0)
    second = _status_said(tuple(words[joined:joined + 2]))
    if second is None or skip & set(range(at, joined + second[1])):
        return 0
    finished = {first[0] in _FINISHED, second[0] in _FINISHED}
    return joined + second[1] - at if finished == {True, False} else 0


def _another_value(words: list[str], index: int, size: int) -> range:
    """The words of a second status or priority at `index`, with the "or" before it."""
    return range(index - (index > 0 and words[index - 1] in _JOINERS), index + size)


def _said_at(start: int, *relative: frozenset[int]) -> frozenset[int]:
    return frozenset(start + i for indices in relative for i in indices)


def _topic_words(words: list[str], order_said: frozenset[int]) -> frozenset[int]:
    """"tickets mentioning latest firmware", "latest firmware tickets": a "latest" that orders
    nothing is a word of the topic, not a time the tickets were filed."""
    return frozenset(i for i, word in enumerate(words)
                     if word in ("latest", "newest", "recent") and i not in order_said)


_WHICH = frozenset({"what", "which", "whats"})


def _asked_which_most(words: list[str], ordered: OrderSaid | None) -> bool:
    """"which ticket has been open the longest", "what's been sitting the longest": a
    question that ends in how the tickets are ordered asks for that list."""
    said = [i for i, word in enumerate(words) if word != "?"]
    return ordered is not None and bool(said) and words[said[0]] in _WHICH and (
        max(ordered.taken) == said[-1])


def _titled(message: Message, start: int, end: int) -> bool:
    """Whether a ticket noun ends in a colon, a title after it ("newest ticket: …")."""
    return any(word.text in _NAMING and message.text[slice(*message.spans[word.last])]
               .rstrip().endswith(":") for word in message.words[start:end])


_NOT_YET_RESOLVED = frozenset({TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.ON_HOLD})
"""Statuses the list without a status filter holds: two of them said together ("open and in
progress tickets") are that list. A list has one status, so "open or closed" keeps the first."""


_DEGREES = frozenset({"really", "so", "very", "super", "pretty", "quite", "absolutely", "just",
                      "totally", "extremely", "awfully", "incredibly", "a", "bit", "little"})


def _state_told(words: list[str]) -> bool:
    """"the wifi has been slow this week": something said to have been in a state (not a
    ticket's status, nor a change done to it: "what has been updated this week")."""
    if "been" not in words:
        return False
    after = [w for w in words[words.index("been") + 1:] if w not in _DEGREES][:1]
    return bool(after) and after[0].isalpha() and after[0] not in _DONE_TO and (
        _status_said(tuple(after)) is None) and after[0] not in _WAITED


_DONE_TO = frozenset({
    "updated", "changed", "closed", "resolved", "reopened", "assigned", "reassigned", "filed",
    "raised", "created", "opened", "logged", "reported", "submitted", "touched", "modified",
    "edited", "fixed", "moved", "escalated", "worked", "handled", "completed", "finished",
    "solved", "sorted", "looked", "picked", "seen", "commented", "answered", "ignored",
})
"""What is done to tickets, listed by ("what has been updated this week")."""


_WAITED = frozenset({"open", "waiting", "pending", "sitting", "stuck", "idle", "untouched",
                     "around", "there", "left", "outstanding", "unassigned", "assigned", "going",
                     "happening", "done"})


_WAITING_WORDS = frozenset({"waiting", "pending", "stuck", "sitting", "blocked"})
_DURATIONS = _HOW_LONG | {"long", "week", "month", "day"}


def _how_long(words: tuple[str, ...]) -> bool:
    """Words that say for how long ("ages", "for days", "for a week", "so long")."""
    said = [w for w in words[:4] if w not in ("for", "a", "so", "too", "over", "about", "almost")]
    return bool(said) and said[0] in _DURATIONS


def _status_said(words: tuple[str, ...]) -> tuple[TicketStatus, int] | None:
    """The status words start with, and how many words say it ("on hold": 2)."""
    two = " ".join(words[:2])
    if two in _LIST_STATUSES:
        return STATUS_WORDS[two], 2
    if words[:1] and words[0] in _LIST_STATUSES:
        return STATUS_WORDS[words[0]], 1
    return None


def _negated(words: tuple[str, ...]) -> int:
    """How many words after "not" name a status or a priority ("not yet resolved": 2, "not on
    hold": 2): 0 when none does. A list has no "every status but one", so the negated value is
    no filter at all: the tickets not yet resolved are listed, under a header saying so,
    rather than the very ones excluded ("tickets that are not urgent" listed the urgent ones)."""
    skipped = 1 if words[:1] == ("yet",) else 0
    said = words[skipped:]
    if (status := _status_said(said)) is not None:
        return skipped + status[1]
    return skipped + 1 if said[:1] and said[0] in PRIORITY_WORDS else 0


def _filed(message: Message, start: int, end: int, today: date,
           taken: frozenset[int]) -> tuple[FiledWhen | None, bool, bool, bool]:
    """The time said in a list; whether a word says it is when they were filed ("opened",
    "new", "since"), whether one says it is when they were updated, and whether one says it
    is when they were finished ("closed", "done"). A time that is now
    ("today", "this week") or a day ("Monday") counts only with a word that says of what:
    "what's on my plate today" is when they ask; "closed this week" is when they were finished."""
    filed = read_filed(message, start, end, today, skip=taken)
    if filed is None:
        return None, False, False, False
    said = [w.text for w in message.words[start:end]]
    filing = any(w in FILING_CUES for w in said) or any(
        _starts(tuple(said[i:i + _LOOKAHEAD]), _CREATED) for i in range(len(said))) or bool(
        _counted(said))
    updated = not filing and any(w in _UPDATED for w in said)
    cue = filing or not updated and any(w in ("since", "before", "b4", "between") for w in said)
    of_what = cue or updated or any(w in _OTHER_TIMES for w in said)
    finished = not (filing or updated) and any(w in _FINISHED_TIMES for w in said)
    said_alone = filed.now or DATE in (message.words[i].text for i in filed.taken)
    return (filed if of_what or not said_alone else None), cue, updated, finished


_COUNTS = (("how", "many"), ("number", "of"), ("count", "of"), ("total", "number", "of"),
           ("total",))
_CAME = frozenset({"had", "received", "receive", "get", "gotten"})
"""Words that say counted tickets came in: "how many did we get today", "have we had"."""
_COME_BY = _CAME | {"did", "we", "you", "been", "have", "has", "the", "team", "so", "far"}
_HELD = frozenset({"do", "does", "are", "is", "have", "has", "got", "left", "outstanding",
                   "still", "currently", "now", "right", "plate"}) | _LIST_STATUSES
"""Words that say counted tickets are held or stand so now: "how many do I have today",
"how many are open today" count what is, today being when they ask."""


def _counted(words: list[str]) -> frozenset[int]:
    """Where a count of the tickets that came in over a time is asked ("how many tickets
    this week", "number of tickets this month", "how many did we get today"): the words of
    the count and of their coming, passed over as filler; none when no count is asked or it
    is of tickets held now ("how many tickets do I have today")."""
    found = next(((i, len(count)) for i in range(len(words)) for count in _COUNTS
                  if tuple(words[i:i + len(count)]) == count), None)
    if found is None:
        return frozenset()
    came = any(word in _CAME for word in words) or "got" in words and not any(
        word in ("have", "has", "do", "does") for word in words)  # "tickets we got", not
    # "have I got"
    if not came and any(word in _HELD for word in words):
        return frozenset()
    at, size = found
    return frozenset(range(at, at + size)) | frozenset(
        i for i, word in enumerate(words) if came and word in _COME_BY)


_UPDATED = frozenset({"updated", "update", "updates", "changed", "change", "modified", "edited"})
_FINISHED_TIMES = frozenset({"closed", "resolved", "fixed", "done", "completed", "solved",
                             "finished", "sorted", "shut", "closing", "resolving"})
"""Words that say a time is when the tickets were finished ("closed this week")."""
_OTHER_TIMES = _FINISHED_TIMES | {"assigned", "started"}
"""Words that say a time is of something other than the filing ("assigned this week": a
list cannot filter by that)."""


def _when_filed(listed: ListTickets, filed: FiledWhen, *, filing: bool,
                updated: bool, finished: bool) -> ListTickets:
    """The time as when the tickets were filed, updated ("updated since Monday": its start)
    or finished ("tickets closed last week": resolved or closed that week), or said back when
    it is another time ("assigned last week": the list cannot tell when)."""
    if updated and filed.since is not None:
        return replace(listed, updated_since=filed.since)
    done = listed.status in (TicketStatus.RESOLVED, TicketStatus.CLOSED)
    if finished or done and not filing:
        return replace(listed, finished_from=filed.since, finished_before=filed.before,
                       every_status=False)
    if not filing or done and listed.scope is not ListScope.CREATED:
        return replace(listed, unplaced=filed.said)
    new = listed.status is TicketStatus.OPEN and not listed.also_statuses and filed.new
    return replace(listed, created_from=filed.since, created_before=filed.before,
                   status=None if new else listed.status)


_OWN_NOUNS = frozenset({"ticket", "tickets", "issue", "issues", "request", "requests", "case",
                        "cases", "incident", "incidents", "problem", "problems", "report"})
_NOT_TOPIC = _FILLER | _NO_TOPIC | _LIST_STATUSES | frozenset(PRIORITY_WORDS) | {
    _SKIPPED, "own", "team", "old", "latest", "last", "recent", "current", "other", "first",
    "new", "an", "one", "two", "few", "ticket", "my", "mine"}


def _own_topic(words: list[str]) -> tuple[int, int, frozenset[int]]:
    """"my outlook ticket", "my open vpn tickets": the viewer's own tickets about that (the
    index of "my", of the noun, and of the words between them that are no filter)."""
    for at, word in enumerate(words):
        if word != "my":
            continue
        noun = next((j for j in range(at + 1, min(at + 5, len(words)))
                     if words[j] in _OWN_NOUNS), None)
        if noun is None:
            continue
        between = words[at + 1:noun]
        if any(w in (REF, DATE, NUMBER) for w in between):
            continue
        topic = frozenset(at + 1 + k for k, w in enumerate(between) if w not in _NOT_TOPIC)
        if topic:
            return at, noun, topic
    return -1, -1, frozenset()


def own_tickets(message: Message) -> ListTickets:
    """"any news on my vpn ticket?": the viewer's own tickets about what they name, or all
    they hold when they name nothing ("any update on my ticket?")."""
    at, _, topic = _own_topic([w.text for w in message.words])
    if not topic:
        return ListTickets(ListScope.MINE)
    said = " ".join(message.original(i, i + 1) for i in sorted(topic))
    return ListTickets(ListScope.OWN, text=_trim(said) or None)


def _only_whose(
    named: bool, searching: bool, filters: ListFilters, whose: Whose | None, scope: ListScope,
    status: TicketStatus | None, priority: Priority | None,
) -> bool:
    """Whether a person or team is all that makes words a list: no "tickets", no search
    verb, no state, priority, due date or scope. Other words with it ask about them."""
    return (whose is not None and not named and not searching and not filters.taken
            and filters.due is None and scope is ListScope.ALL and status is None
            and priority is None)


_NO_TOPIC_AFTER_LEAD = (_FILLER | _NO_TOPIC | {"my", "mine"}) - _SUMMED_UP


def _topical(words: tuple[str, ...]) -> bool:
    """Whether words after "about", "on", "for" … name a topic ("on my tickets?" does not)."""
    return any(w.rstrip("?!.,") not in _NO_TOPIC_AFTER_LEAD for w in words)


def _owned(listed: ListTickets, whose: Whose) -> ListTickets | Clarify:
    found = whose.found
    listed = replace(listed, also=whose.also)
    if isinstance(found, Ambiguous):
        return Clarify(listed, f"Which {found.said.title()} do you mean?", found.choices)
    if isinstance(found, NoSuchTarget):
        return Clarify(listed, f"I couldn't find “{found.said}”: say a person's name or "
                               "email, or a team's name.")
    if whose.filed:  # "tickets filed by Sam": a person files them, never a team
        if not isinstance(found, UserTarget) or whose.also:
            return Clarify(listed, "Who filed them? Say one person's name or email.")
        return replace(listed, filed_by=found)
    target: Target = found
    return replace(listed, assignee=target, also=whose.also)


_FINISHING = (
    ("did", "i", "resolve"), ("have", "i", "resolved"), ("did", "i", "fix"),
    ("have", "i", "fixed"), ("did", "i", "close"), ("have", "i", "closed"),
)
"""Asked as questions only: "I fixed it" says a ticket is fixed, it asks for no list."""
_FINISHED_AS = {"resolve": TicketStatus.RESOLVED, "resolved": TicketStatus.RESOLVED,
                "fix": TicketStatus.RESOLVED, "fixed": TicketStatus.RESOLVED,
                "solve": TicketStatus.RESOLVED, "solved": TicketStatus.RESOLVED,
                "close": TicketStatus.CLOSED, "closed": TicketStatus.CLOSED}
_JUST_DONE = tuple(
    (*lead, "just", verb) for lead, verbs in (
        (("did", "i"), ("do", "change", "update", "touch")),
        (("have", "i"), ("done", "changed", "updated", "touched")))
    for verb in verbs)
""""what did I just do", "what have I just changed": today's."""
_TOUCHED = (
    ("did", "i", "work", "on"), ("have", "i", "worked", "on"), ("i", "have", "worked", "on"),
    ("i", "worked", "on"), ("was", "i", "working", "on"), ("i", "was", "working", "on"),
    ("have", "i", "been", "working", "on"), ("i", "have", "been", "working", "on"),
    ("did", "i", "touch"), ("have", "i", "touched"), ("i", "have", "touched"), ("i", "touched"),
    ("did", "i", "update"), ("have", "i", "updated"), ("i", "have", "updated"), ("i", "updated"),
    ("did", "i", "handle"), ("have", "i", "handled"), ("i", "handled"), ("i", "have", "handled"),
    ("did", "i", "comment", "on"), ("i", "commented", "on"), ("i", "have", "commented", "on"),
    ("my", "activity"), ("my", "work", "log"), ("my", "worklog"),
    ("did", "i", "do"), ("have", "i", "done"), ("i", "have", "done"), ("i", "did"),
    ("did", "i", "get", "done"), ("have", "i", "got", "done"), ("did", "i", "deal", "with"),
    *_JUST_DONE,
    *_FINISHING,
)
_TOUCHED_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(p for p in _TOUCHED if p[0] == first) for first in {p[0] for p in _TOUCHED}}
"""The phrases by their first word: most words start none, and are passed at once."""
_AROUND_TOUCHED = frozenset({
    "what", "which", "tickets", "ticket", "issues", "the", "all", "show", "me", "list", "of",
    "have", "so", "far", "that", "ones", "stuff", "things", "everything", "give", "get", "did",
    "i", "any", "recently", "lately", "in", "during", "over", "from", "for", "please", "was",
    "were", "been", "on", "this", "?", "how", "many", "number", "count", "total",
})
"""Words around "did I work on" that leave it a list of what the viewer worked on."""


def _worked_on(
    message: Message, start: int, end: int, conversation: Conversation
) -> ListTickets | Clarify | None:
    """"what did I work on this week", "tickets I touched today": the tickets the viewer filed,
    holds, commented on or changed since the start of the time said (any time when none is
    said). "what did Sam work on today", "what has Sam done this week": those Sam did."""
    today = conversation.today
    words = [w.text for w in message.words[start:end]]
    found = next(((i, len(p)) for i, word in enumerate(words) for p in _TOUCHED_BY_FIRST.get(word, ())
                  if tuple(words[i:i + len(p)]) == p), None)
    named_at: int | None = None
    if found is None:
        found, named_at = _worked_on_by(words)
    ours = _finished_by_us(words) if found is None else None
    if ours is not None:
        found = ours[0]
    if found is None:
        return None
    at, size = found
    phrase = range(at, at + size)
    when = read_filed(message, start, end, today, skip=frozenset(start + i for i in phrase))
    since, before = (when.since, when.before) if when is not None else (None, None)
    timed = {i - start for i in when.taken} if when is not None else set()
    if any(i not in phrase and i not in timed and word not in _AROUND_TOUCHED and word != "since"
           for i, word in enumerate(words)):
        return None  # "what did I work on for the printer": not only when
    if "just" in words[at:at + size] and since is None:
        since = today  # "what did I just do"
    said = [w if i != named_at else "i" for i, w in enumerate(words[at:at + size], start=at)]
    if ours is not None:  # "what did we close today": whoever did it
        if ours[1] is None and since is None and before is None:  # "what did we get done"
            return ListTickets(status=TicketStatus.RESOLVED, also_statuses=(TicketStatus.CLOSED,))
        return ListTickets(status=ours[1], finished_from=since, finished_before=before)
    finished = _FINISHED_AS.get(words[at + size - 1]) if said in map(
        list, _FINISHING) or named_at is not None and said[:1] == ["has"] and (
        ["have", *said[1:]] in map(list, _FINISHING)) else None  # "what did I resolve today"
    listed = ListTickets(scope=ListScope.TOUCHED, updated_since=since, status=finished)
    if named_at is None:
        return listed
    person = find_target([message.words[start + named_at]], conversation)
    if isinstance(person, UserTarget):
        return replace(listed, assignee=person)
    if isinstance(person, Ambiguous):
        return Clarify(listed, f"Which {person.said.title()} do you mean?", person.choices)
    if not conversation.directory:  # read again once the people are known
        return Clarify(listed, f"I couldn't find “{message.words[start + named_at].typed}”.")
    return None  # "what did facilities do": no person's work


_US = (("we",), ("the", "team"), ("our", "team"), ("my", "team"), ("you", "guys"),
       ("you", "all"), ("yall",), ("the", "desk"), ("the", "service", "desk"), ("you",))
"""Who "did we close" asks of: everyone whose tickets the asker may see."""


def _finished_by_us(words: list[str]) -> tuple[tuple[int, int], TicketStatus | None] | None:
    """"did we close", "has the team resolved", "did you guys fix": where the phrase is and
    the state it asks for (None: resolved or closed, "what did we get done")."""
    for index, word in enumerate(words[:-2]):
        if word not in ("did", "have", "has"):
            continue
        for us in _US:
            after = index + 1 + len(us)
            if tuple(words[index + 1:after]) != us:
                continue
            verb = tuple(words[after:after + 3])
            if len(verb) == 3 and verb[1] in ("or", "and", "/") and {verb[0], verb[2]} <= set(
                    _FINISHED_AS) and _FINISHED_AS[verb[0]] != _FINISHED_AS[verb[2]]:
                return (index, after + 3 - index), None  # "did we close or resolve": either
            verb = verb[:2]
            if verb[:1] and verb[0] in _FINISHED_AS:
                return (index, after + 1 - index), _FINISHED_AS[verb[0]]
            if verb in (("get", "done"), ("got", "done")) or verb[:1] in (
                    ("finish",), ("finished",), ("complete",), ("completed",)):
                return (index, after + len(verb) - index), None
    return None


_NOT_A_WORKER = frozenset({
    "i", "you", "u", "we", "they", "he", "she", "it", "anyone", "anybody", "someone", "somebody",
    "everyone", "everybody", "nobody", "the", "this", "that", "my", "your", "our", "their",
    "people", "folks", "team", "teams", "u", "ya", "y'all",
})


def _worked_on_by(words: list[str]) -> tuple[tuple[int, int] | None, int | None]:
    """"did Sam work on", "has Sam done", "did Sam resolve": where the phrase is (as
    `_TOUCHED` finds "did I work on") and where the one name in it is; (None, None) else."""
    for index, word in enumerate(words[:-2]):
        if word not in ("did", "has", "have"):
            continue
        name = words[index + 1]
        if name in _NOT_A_WORKER or not name.isalpha():
            continue
        for phrase in _TOUCHED_BY_FIRST.get("did" if word == "did" else "have", ()):
            rest = phrase[2:]
            if phrase[1] == "i" and rest and tuple(words[index + 2:index + 2 + len(rest)]) == rest:
                return (index, 2 + len(rest)), index + 1
    return None, None


def _today(message: Message, index: int, conversation: Conversation) -> bool:
    """"what's on my plate today": today is when they ask, not a due date."""
    word = message.words[index]
    return word.text == DATE and word.value == conversation.today


def _this_week(words: list[str], start: int) -> frozenset[int]:
    """"what's on my plate this week": when they ask, as "today" is (without "due")."""
    return frozenset(start + i + k for i in range(len(words) - 1)
                     if words[i:i + 2] == ["this", "week"] for k in (0, 1))


_WAITING_FOR_ME = (("waiting", "for", "me"), ("waiting", "on", "me"), ("waiting", "for", "us"),
                   ("waiting", "on", "us"))
_ASKING_WHAT = frozenset({"anything", "anyone", "anybody", "someone", "somebody", "who"})


def _whats_waiting(words: list[str], at: int) -> bool:
    """"what's waiting for me", "anything waiting on me?": the viewer's tickets (waiting on
    them, no ticket on hold), asked; "the user is waiting for me to call back" tells."""
    return all(word in _FILLER or word in _ASKING_WHAT for word in words[:at]) and (
        words[at + 3:at + 4] != ["to"])


_WAITED_ON = frozenset({
    "customer", "customers", "user", "users", "requester", "requesters", "client", "clients",
    "caller", "vendor", "vendors", "supplier", "suppliers", "reply", "replies", "response",
    "responses", "feedback", "approval", "parts", "part", "info", "information", "them",
    "someone", "somebody", "others", "3rd", "third", "party", "confirmation", "callback"})
"""Who or what an on-hold ticket waits for: no topic to search for ("any tickets waiting on
the customer?" searched for "customer" in the on-hold ones)."""


def _waited_on(words: list[str], start: int) -> frozenset[int]:
    """"waiting on the customer", "waiting for a reply", "pending vendor": the words after
    the wait, which say what on-hold means here."""
    taken: set[int] = set()
    for i, word in enumerate(words):
        if word not in ("waiting", "awaiting", "pending", "blocked"):
            continue
        at = i + 1
        at += words[at:at + 1] in (["on"], ["for"], ["by"])
        at += words[at:at + 1] in (["the"], ["a"], ["an"], ["their"], ["our"])
        begun = at
        while at < len(words) and words[at] in _WAITED_ON and at - begun < 3:
            at += 1
        if at > begun:
            taken.update(start + k for k in range(i + 1, at))
    return frozenset(taken)


def _starts(words: tuple[str, ...], phrases: tuple[tuple[str, ...], ...]) -> int | None:
    for phrase in phrases:
        if words[:len(phrase)] == phrase:
            return len(phrase)
    return None


def _trim(text: str) -> str:
    kept = text.strip(" ?!.,\"'“”‘’")
    for tail in (" tickets", " ticket", " issues", " please"):
        if kept.lower().endswith(tail):
            kept = kept[: -len(tail)]
    for head in ("the ", "a ", "my "):
        if kept.lower().startswith(head):
            kept = kept[len(head):]
    return kept.strip()
