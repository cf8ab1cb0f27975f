"""Who has the tickets and when they are due, in a list query.

"tickets assigned to Sam", "Sam's tickets", "what is Lee working on", "the Network team's
tickets", "tickets for IT Support", "unassigned", "tickets nobody has", "overdue",
"due today", "due this week". The words found are handed back so the list reader
skips them; what is left is read as before (status, priority, words to search for).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from bot.understanding.context import Conversation
from bot.understanding.due import DUE_CUES, read_due
from bot.understanding.message import DATE, MENTION, NUMBER, REF, Message, Word, typed_text
from bot.understanding.phrases import by_first_word, phrase_at
from bot.understanding.requests import Nobody, TeamTarget, UserTarget
from bot.understanding.targets import ME, Found, NoSuchTarget, find_target
from bot.understanding.words import PRIORITY_WORDS, STATUS_WORDS
from domain.tickets import DueWindow

LIST_NOUNS = frozenset({
    "tickets", "ticket", "queue", "plate", "issues", "requests", "stuff", "work", "backlog",
    "ones", "things", "list", "desk", "jobs", "tasks",
})
TOPIC_LEADS = frozenset({"about", "regarding", "re", "mentioning", "matching", "containing",
                         "concerning", "like", "called", "titled"})
_NOBODY_PHRASES = by_first_word(
    ("not", "assigned", "to", "anyone"), ("not", "assigned", "to", "anybody"),
    ("assigned", "to", "nobody"), ("assigned", "to", "no", "one"), ("not", "assigned"),
    ("without", "an", "assignee"), ("without", "assignee"), ("without", "an", "owner"),
    ("without", "owner"), ("with", "no", "assignee"), ("with", "no", "owner"),
    ("no", "assignee"), ("no", "owner"), ("up", "for", "grabs"), ("free", "to", "take"),
    ("unassigned",), ("unowned",), ("unclaimed",), ("nobodys",),
    ("nobody", "picked", "up"), ("no", "one", "picked", "up"), ("nobody", "has", "picked", "up"),
    ("not", "picked", "up"), ("nobody", "took"), ("nobody", "has", "taken"),
    ("nobody", "is", "on"), ("no", "one", "is", "on"),
    ("nobody", "on", "them"), ("no", "one", "on", "them"), ("noone", "on", "them"),
    ("nobody", "assigned"), ("no", "one", "assigned"), ("noone", "assigned"),
    ("arent", "assigned", "to", "anyone"), ("arent", "assigned", "to", "anybody"),
    ("isnt", "assigned", "to", "anyone"), ("arent", "assigned"), ("isnt", "assigned"),
    ("without", "anyone", "assigned"), ("without", "anyone", "on", "them"),
    ("nobody", "working", "on", "them"), ("no", "one", "working", "on", "them"),
    ("nobody", "is", "working", "on"), ("no", "one", "is", "working", "on"),
    ("nobody", "owns"), ("no", "one", "owns"), ("nobody", "has", "claimed"),
    ("not", "claimed"), ("not", "taken"), ("not", "yet", "assigned"), ("not", "yet", "picked", "up"),
)
_ASSIGNED = by_first_word(
    ("assigned", "to"), ("owned", "by"), ("handled", "by"), ("queued", "to"), ("queued", "for"),
    ("being", "handled", "by"), ("taken", "by"), ("held", "by"),
)
_STOP = frozenset({
    "that", "which", "who", "and", "please", "is", "are", "has", "have", "with", "in", "on",
    "i", "created", "filed", "due", "overdue", "or", "not", "for", "now", "right", "today",
    "still", "currently", "at", "the", "all", "any", "what", "whats", "show", "list", "me",
    "of", "to", "by", "from", "this", "week", "only", "just", "was", "were", "does", "do",
    "everything", "anything", "whatever",
}) | LIST_NOUNS | TOPIC_LEADS
_NAME_FILLER = frozenset({"the", "a", "an"})
_TEAM_WORDS = frozenset({"team", "queue", "group", "backlog", "board"})
_BEFORE_NOUN = frozenset({"current", "latest", "overdue", "late", "unresolved", "remaining",
                          "oldest", "newest", "recent", "stale", "stalest", "earliest", "most",
                          "least", "recently", "update"})
"""Words between an owner and the noun ("Sam's latest tickets", "our oldest tickets"): said
of the tickets, an order or a filter, never part of the name."""
_LEADS_IN = frozenset({"for", "of", "from", "to"})
_VERB_BEFORE = frozenset({"is", "are", "was", "has", "been"})
_MAX_NAME = 4  # words: "the IT Support team"
_EDGES = ".,!?;:\"()[]{}“”*…"
_FILED_BY_VERBS = frozenset({
    "filed", "raised", "opened", "reported", "created", "submitted", "logged", "lodged",
    "file", "raise", "open", "report", "create", "submit", "log", "lodge"})
"""Verbs of filing a ticket: "filed by Sam", "tickets Sam raised", "what did Sam report"."""
_CUES = frozenset(
    {word for phrases in (_NOBODY_PHRASES, _ASSIGNED) for word in phrases} | DUE_CUES
    | {"working", "does", "has", "have", "owns", "took", "holds", "for", "our", "teams", "from"}
    | _FILED_BY_VERBS
    | _TEAM_WORDS
)
"""A word without which none of the filters below can be said."""


@dataclass(frozen=True, slots=True)
class Whose:
    """A person or team named in a list, as far as it could be placed."""

    found: Found
    taken: frozenset[int]
    """Indexes into the message's words that name them."""
    topic: bool = False
    """Said after "for": when it names nobody, it is what the tickets are about."""
    also: tuple[UserTarget | TeamTarget, ...] = ()
    """More people or teams named with it ("Sam and Lee")."""
    filed: bool = False
    """Who filed the tickets ("filed by Sam", "tickets Sam raised"), not who holds them."""


@dataclass(slots=True)
class ListFilters:
    whose: Whose | None = None
    due: DueWindow | date | None = None
    """A due window, or the one day they are due ("due friday")."""
    taken: frozenset[int] = frozenset()
    """Indexes into the message's words that the due window stands for."""
    our_teams: frozenset[int] = frozenset()
    """Indexes of words that ask for the viewer's teams' tickets ("our queue")."""


def read_filters(
    message: Message, start: int, end: int, conversation: Conversation
) -> ListFilters:
    """The assignee and due window said in words `start:end`, before any topic ("about …")."""
    words = message.words
    stop = next((i for i in range(start, end) if words[i].text in TOPIC_LEADS and not (
        words[i].text == "about" and words[i + 1:i + 2] and words[i + 1].text == "to")), end)
    found = ListFilters()  # "about to breach" is no topic
    if not any(w.text in _CUES or "'" in w.typed or "’" in w.typed for w in words[start:stop]) \
            and not any(_bare_owner(words, i, stop) for i in range(start, stop)) \
            and _in_a_name(words, start, stop) is None \
            and _name_before_noun(words, start, stop) is None:
        return found  # most lists, and most messages that are no list, name nobody
    if due := read_due(words, start, stop, conversation.today, late_before=LIST_NOUNS):
        found.due, found.taken = due
    if ours := _our_teams(words, start, stop):
        found.our_teams = ours
        return found  # "what's our team working on": no person besides
    for reader in (_filed_by, _nobody, _assigned, _possessive, _working_on, _has, _team, _for,
                   _in_team, _named_before_noun):
        if found.whose is not None:
            break
        reader(words, start, stop, conversation, found)
    return found


def _name(words: list[Word], first: int, stop: int, found: ListFilters) -> int:
    """Where the name starting at `first` ends: at a word that cannot be part of one."""
    last = part = first
    while last < stop and last - part < _MAX_NAME and last not in found.taken:
        text = words[last].text
        if text in _JOINS and last > part and last + 1 < stop and _may_name(words[last + 1].text):
            last = part = last + 1  # "Sam and Lee Park": each name read, then told apart
            continue
        if text in _STOP and not (last == part and text == "the" or last > part and (
                text in _IN_TEAM_NAMES)) or text in (DATE, REF):
            break  # "tickets for Service Desk": "desk" after a word is part of the name
        if text in STATUS_WORDS and text not in ("back",) or text in PRIORITY_WORDS:
            break
        last += 1
    return last


def _placed(
    words: list[Word], conversation: Conversation, found: ListFilters, first: int, last: int,
    *, taken_from: int, taken_to: int, topic: bool = False,
) -> bool:
    """Reads words[first:last] as a person or team; False when they are empty or "me"."""
    named = [w for w in words[first:last] if w.text not in _NAME_FILLER]
    if not named or " ".join(w.text for w in named) in ME:
        return False
    taken = frozenset(range(taken_from, taken_to))
    whole = find_target(named, conversation)
    parts = _parts(named)
    if not isinstance(whole, NoSuchTarget) or len(parts) < 2 or len(parts) > MOST_NAMED:
        found.whose = Whose(whole, taken, topic=topic)  # "Research and Development" is a team
        return True
    each = [find_target(part, conversation) for part in parts]
    unclear = next((f for f in each if not isinstance(f, (UserTarget, TeamTarget))), None)
    placed = tuple(f for f in each if isinstance(f, (UserTarget, TeamTarget)))
    if unclear is not None:  # which Lee, or who Zed is, is asked; the others are kept
        found.whose = Whose(unclear, taken, topic=topic, also=placed)
    else:
        found.whose = Whose(placed[0], taken, topic=topic, also=tuple(dict.fromkeys(placed[1:])))
    return True


_JOINS = frozenset({"and", "or", "&", "+"})
MOST_NAMED = 10  # people or teams one list names (more is a paste, not a question)


def _may_name(text: str) -> bool:
    return text == "the" or text not in _STOP and text not in STATUS_WORDS and text not in PRIORITY_WORDS and (
        text not in (DATE, REF))


def _parts(named: list[Word]) -> list[list[Word]]:
    """"Sam and Lee Park", "Sam, Priya & the network team": each name on its own."""
    parts: list[list[Word]] = [[]]
    for word in named:
        if word.text in _JOINS:
            parts.append([])
        else:
            parts[-1].append(word)
    return [part for part in parts if part]


_SENT_IN = LIST_NOUNS | {"anything", "everything", "something", "stuff", "new", "open"}
"""What comes in from someone: "tickets from Sam", "anything new from Priya?"."""
_AUXILIARIES = frozenset({"did", "has", "have", "had"})
"""Before who filed them: "what did Sam raise", "what has Cy reported"."""
_BEFORE_FILER = LIST_NOUNS | _AUXILIARIES | {"that", "which", "what", "anything", "everything"}
_NO_FILER = frozenset({"i", "we", "ive", "weve", "id", "you", "u", "youve", "they", "theyve",
                       "been", "being", "be", "was", "were", "is", "are", "got", "get", "gets"})
"""Who is no one named ("what I've submitted": the viewer's own, read elsewhere), nor is the
helper of a passive ("tickets that have been raised today", "which ones got logged")."""


def _filed_by(
    words: list[Word], start: int, stop: int, conversation: Conversation, found: ListFilters
) -> None:
    """"tickets filed by Sam", "requests raised by Lee Park", "tickets Sam opened", "what did
    Sam report this week": who filed them. "filed by me" and "tickets I raised" are the
    viewer's own (read elsewhere); a verb in the present ("open", "raise") only after "did"."""
    conversation = replace(conversation, people=conversation.people + conversation.requesters)
    for index in range(start, stop):
        text = words[index].text
        if text == "from" and start < index < stop - 1 and words[index - 1].text in _SENT_IN:
            last = _name(words, index + 1, stop, found)  # "tickets from Sam": theirs
            if _placed(words, conversation, found, index + 1, last, taken_from=index,
                       taken_to=last, topic=True) and found.whose is not None:
                if isinstance(found.whose.found, TeamTarget) or found.whose.also:
                    found.whose = None  # "tickets from the network team": its queue, as before
                    continue
                found.whose = replace(found.whose, filed=True)
                return
            continue
        if text not in _FILED_BY_VERBS:
            continue
        past = text.endswith("ed")
        if past and index + 2 <= stop and words[index + 1].text == "by":
            last = _name(words, index + 2, stop, found)
            if _placed(words, conversation, found, index + 2, last, taken_from=index,
                       taken_to=last) and found.whose is not None:
                found.whose = replace(found.whose, filed=True)
                return
            continue
        first = _name_back(words, start, index, found)
        if words[first].text in _AUXILIARIES and first + 1 < index:
            first += 1  # "which tickets did Sam open"
        if first == index or first == start or words[first - 1].text not in _BEFORE_FILER or (
                not past and words[first - 1].text != "did") or words[first].text in _NO_FILER:
            continue
        helper = words[first - 1].text in _AUXILIARIES  # "what has Cy raised": taken too
        if _placed(words, conversation, found, first, index, taken_from=first - helper,
                   taken_to=index + 1) and found.whose is not None:
            found.whose = replace(found.whose, filed=True)
            return


def _nobody(
    words: list[Word], start: int, stop: int, conversation: Conversation, found: ListFilters
) -> None:
    for index in range(start, stop):
        if size := phrase_at(words, index, stop, _NOBODY_PHRASES):
            found.whose = Whose(Nobody(), frozenset(range(index, index + size)))
            return


def _assigned(
    words: list[Word], start: int, stop: int, conversation: Conversation, found: ListFilters
) -> None:
    for index in range(start, stop):
        if size := phrase_at(words, index, stop, _ASSIGNED):
            first = index + size
            last = _name(words, first, stop, found)
            if _placed(words, conversation, found, first, last, taken_from=index, taken_to=last):
                return


def _possessive(
    words: list[Word], start: int, stop: int, conversation: Conversation, found: ListFilters
) -> None:
    """"Sam's tickets", "Sam Rivera's open tickets", "on Lee's plate", "the Network team's"."""
    for index in range(start, stop):
        bare = _owner(words[index]) is None
        stem = _bare_owner(words, index, stop) if bare else _owner(words[index])
        if stem is None:
            continue
        noun = _past_filters(words, index + 1, stop)
        if noun >= stop or words[noun].text not in LIST_NOUNS:
            continue
        owner = replace(words[index], text=stem, value=None,
                        typed=words[index].typed.strip(_EDGES)[:-1 if bare else -2])
        before = index
        while (before > start and index - before < _MAX_NAME - 1
               and words[before - 1].text not in _STOP and before - 1 not in found.taken
               and words[before - 1].text not in (REF, DATE)):
            before -= 1
        first = before - 1 if before > start and words[before - 1].text == "the" else before
        lead = first - 1 if first > start and words[first - 1].text == "on" else first
        for begin in range(before, index + 1):  # the longest name that is someone
            candidate = [w for w in words[begin:index] if w.text != "the"] + [owner]
            if " ".join(w.text for w in candidate) in ME or candidate[0].text == "my":
                return
            placed = find_target(candidate, conversation)
            if bare and isinstance(placed, NoSuchTarget) and conversation.directory:
                continue  # "access tickets": a word, searched for, unless it is someone's name
            if not isinstance(placed, NoSuchTarget) or begin == index:
                owned = set(range(lead if lead < begin else begin, index + 1))
                if words[noun].text in ("plate", "desk", "queue", "list"):
                    owned.add(noun)
                found.whose = Whose(placed, frozenset(owned))
                return


_GROUPS = frozenset({"team", "teams", "group", "groups", "squad", "crew", "dept"})
_QUEUES = frozenset({"queue", "queues", "backlog", "board"})


def _our_teams(words: list[Word], start: int, stop: int) -> frozenset[int]:
    """"our queue", "my team's tickets", "tickets for our team", "the team queue": what the
    viewer's teams hold. "my queue" and "my backlog" are the viewer's own (not read here);
    "the network team queue" names a team (the word before "team" is a name)."""
    for index in range(start, stop):
        text = words[index].text
        if text not in ("our", "my") and text not in _GROUPS and not _the_team(words, index, stop):
            continue  # what follows is looked past only after a word that opens a queue
        after = _past_filters(words, index + 1, stop)
        following = words[after].text if after < stop else None
        if (text in ("our", "my") and index + 1 < stop and words[index + 1].text in _GROUPS
                or _the_team(words, index, stop)):
            end = index + 2
            lead = _assigned_to(words, start, index)
            noun = _past_filters(words, end, stop)
            rest = tuple(w.text for w in words[end:end + 2])
            if noun < stop and words[noun].text == "ticket" and words[index + 1].text == "teams" \
                    and "'" not in words[index + 1].typed.replace("’", "'"):
                return frozenset()  # "my teams ticket": a ticket about Microsoft Teams
            if noun < stop and words[noun].text in _QUEUES | LIST_NOUNS:
                return frozenset({*range(lead, end), noun})  # "our team's open tickets"
            if rest == ("working", "on") or rest[:1] == ("working",) and end + 1 == stop:
                end += len(rest)
            elif end < stop or lead == index and index > start:
                return frozenset()  # "my team lead is Sam", "show me our team" (who is in it)
            return frozenset(range(lead, end))
        if text == "our" and following in _QUEUES | LIST_NOUNS:
            return frozenset({index, after})
        if text in _GROUPS and following in _QUEUES | LIST_NOUNS and (
                index == start or words[index - 1].text in _STOP):
            first = index - 1 if index > start and words[index - 1].text == "the" else index
            return frozenset({*range(first, index + 1), after})
    return frozenset()


def _the_team(words: list[Word], index: int, stop: int) -> bool:
    """"what is the team working on", "the team's open tickets": "the team" with no name
    before it is the viewer's, as "our team" is (it was taken for someone named "Team")."""
    return (words[index].text == "the" and index + 1 < stop
            and words[index + 1].text in ("team", "group", "squad", "crew"))


def _assigned_to(words: list[Word], start: int, index: int) -> int:
    """"tickets assigned to my team", "for our team": the words leading to it go with it."""
    lead = index
    if lead > start and words[lead - 1].text in ("to", "for", "of"):
        lead -= 1
        if lead > start and words[lead - 1].text in ("assigned", "queued", "given"):
            lead -= 1
    return lead


_NOT_OWNERS = frozenset({
    "its", "whats", "thats", "lets", "heres", "theres", "wheres", "hows", "whos", "his", "hers",
    "ours", "yours", "theirs", "this", "us", "was", "has", "is", "does", "yes", "always", "plus",
    "status", "news", "bugs", "less", "various", "previous", "nobodys",
})


def _bare_owner(words: list[Word], index: int, stop: int) -> str | None:
    """"sams tickets": a possessive typed without its apostrophe ("sams" → "sam"), when a
    list noun follows; the caller keeps it only if it names someone (else a word searched)."""
    word = words[index]
    text = word.text
    if (word.value is not None or not text.isalpha() or len(text) < 4 or not text.endswith("s")
            or text.endswith("ss") or text in _NOT_OWNERS or text in _STOP
            or text in STATUS_WORDS or text in PRIORITY_WORDS or "'" in word.typed
            or "’" in word.typed):
        return None
    noun = _past_filters(words, index + 1, stop)
    return text[:-1] if noun < stop and words[noun].text in LIST_NOUNS else None


_FILTER_PARTS = frozenset({"priority", "in", "on", "progress", "hold", "and", "or"})
"""Words of a filter said in two ("high priority", "on hold", "open and urgent", "high or
urgent")."""


def _past_filters(words: list[Word], index: int, stop: int) -> int:
    """The first word from `index` that is no status, priority or such ("Sam's high priority
    open tickets": the noun)."""
    while index < stop and (text := words[index].text) and (
            text in STATUS_WORDS or text in PRIORITY_WORDS or text in _BEFORE_NOUN
            or text in _FILTER_PARTS):
        index += 1
    return index


def _owner(word: Word) -> str | None:
    """The owner a possessive names ("Sam's" → "sam"), or None."""
    if word.text == MENTION:
        return None
    typed = word.typed.strip(_EDGES).lower().replace("’", "'")
    if not typed.endswith("'s") or len(typed) < 4 or typed in ("it's", "that's", "what's",
                                                                "who's", "let's", "here's"):
        return None
    stem = typed[:-2]
    return "nobody" if stem in ("nobody", "no one", "noone") else stem


_SOMEONE = frozenset({"someone", "somebody", "anyone", "anybody", "some one", "any one",
                      "no one", "nobody", "everyone", "everybody", "anyone else", "someone else"})
"""Who works on it, unsaid: "is someone working on my issue?" names no one."""


_NOT_WORKING = frozenset({"not", "no", "longer", "never", "still", "really", "even", "isnt",
                          "arent", "wasnt", "stopped", "hardly", "barely"})
"""Words between "is" and "working" that tell of a thing that does not work ("my mouse is not
working", "the scanner is no longer working"): no one's list."""
_ASKING_WHAT = frozenset({"what", "whats", "which", "tickets", "ones", "who", "whos"})
"""Words a list of what someone is "working" (with no "on" after) opens with ("what is sam
working"); "the printer is working" tells of a thing."""


def _working_on(
    words: list[Word], start: int, stop: int, conversation: Conversation, found: ListFilters
) -> None:
    """"what is Lee working on", "tickets Sam is working on", "what does Sam have"."""
    for index in range(start, stop):
        text = words[index].text
        if text == "working" and (index + 1 >= stop or words[index + 1].text == "on"):
            finish = min(index + 2, stop)
            first = index
            while first > start and words[first - 1].text not in _VERB_BEFORE | {"what", "whats"}:
                first -= 1
            if " ".join(w.text for w in words[first:index]) in _SOMEONE:
                return  # "is someone working on my issue?": who, asked; no one named
            if index + 1 >= stop and (_NOT_WORKING & {w.text for w in words[first:index]} or (
                    words[start].text not in _ASKING_WHAT)):
                return  # "my mouse is not working", "the printer is working": a thing told
            if first > start and words[first - 1].text in _VERB_BEFORE:
                lead = first - 1
                if lead == start or words[lead - 1].text in ("what", "which", "tickets", "ones"):
                    _placed(words, conversation, found, first, index,
                            taken_from=lead, taken_to=finish)
                    return
                name_first = _name_back(words, start, lead, found)
                _placed(words, conversation, found, name_first, lead,
                        taken_from=name_first, taken_to=finish)
                return
        end = stop - _held_state(words, start, stop)  # "what's Sam got open": a status too
        last = end - 2 if words[end - 1].text == "on" else end - 1  # "have on": British
        if index + 2 <= last and (text in ("does", "has", "is") or text == "do" and words[
                index + 1].text not in _NO_FILER) and words[last].text in (
                "have", "own", "got"):  # "what does Sam have (on)", "what do Facilities have"
            _placed(words, conversation, found, index + 1, last, taken_from=index, taken_to=end)
            return


_HELD_STATES = (("on", "hold"), ("in", "progress"), ("open",), ("closed",), ("resolved",),
                ("overdue",), ("urgent",))


def _held_state(words: list[Word], start: int, stop: int) -> int:
    """How many words at the end say which of someone's tickets ("got open", "has on hold")."""
    said = tuple(w.text for w in words[max(start, stop - 2):stop])
    return next((len(state) for state in _HELD_STATES
                 if said[-len(state):] == state and stop - len(state) > start), 0)


def _name_back(words: list[Word], start: int, end: int, found: ListFilters) -> int:
    first = part = end
    while first > start and part - first < _MAX_NAME:
        text = words[first - 1].text
        if text in _JOINS and first < part and first - 1 > start and _may_name(
                words[first - 2].text):
            first = part = first - 1  # "what are Sam and Alex working on"
            continue
        if text in _STOP or not any(ch.isalpha() for ch in text) or text in (REF, NUMBER, DATE):
            break  # "22 -> network team": the number is no part of the name
        first -= 1
    return first


def _has(
    words: list[Word], start: int, stop: int, conversation: Conversation, found: ListFilters
) -> None:
    """"tickets Sam has", "the ones nobody has", "everything the network team has open"
    (the state after it is left to be read as the status)."""
    end = stop - _held_state(words, start, stop)
    last = end - 1
    if last - start < 2 or words[last].text not in ("has", "have", "owns", "took", "holds"):
        return
    first = _name_back(words, start, last, found)
    if first > start and words[first - 1].text in LIST_NOUNS | {
            "that", "which", "everything", "what", "whatever"}:
        _placed(words, conversation, found, first, last, taken_from=first, taken_to=end)


def _team(
    words: list[Word], start: int, stop: int, conversation: Conversation, found: ListFilters
) -> None:
    """"team Network tickets", "the IT Support team tickets", "the network queue"."""
    for index in range(start, stop):
        if words[index].text not in _TEAM_WORDS:
            continue
        if words[index].text == "team" and index + 1 < stop:
            last = _name(words, index + 1, stop, found)
            if last > index + 1 and _placed(words, conversation, found, index, last,
                                            taken_from=_lead_in(words, start, index),
                                            taken_to=last):
                return
        named = _it_as_a_word(words, start, index)  # "the IT Support queue": not "it"
        first = _name_back(named, start, index, found)
        while first > start + 1 and named[first - 1].text in _IN_TEAM_NAMES and (
                named[first - 2].text not in _STOP | {REF, NUMBER, DATE}):
            first = _name_back(named, start, first - 1, found)  # "the Service Desk queue"
        if first < index and named[first].text != "my":
            holds = index + 1 < stop and words[index + 1].text in _HOLDS  # "… team has open"
            _placed(named, conversation, found, first, index + 1,
                    taken_from=_lead_in(words, start, first), taken_to=index + 1 + holds)
            return


_IN_TEAM_NAMES = frozenset({"desk", "work", "requests", "issues", "jobs", "tasks", "things"})
"""List nouns that also end team names ("Service Desk", "Field Work"), after another word."""


def _it_as_a_word(words: list[Word], start: int, index: int) -> list[Word]:
    """The words, with an "it" right before a name read as the word ("IT Support"), not as
    the ticket in view."""
    named = list(words)
    for at in range(start, index):
        if words[at].text == REF and words[at].typed.lower() == "it" and at + 1 < index:
            named[at] = replace(words[at], text="it", value=None)
    return named


_HOLDS = frozenset({"has", "have", "holds", "owns", "got"})


def _lead_in(words: list[Word], start: int, first: int) -> int:
    """"for the Network team": the words that lead in to a team's name go with it."""
    if first > start and words[first - 1].text == "the":
        first -= 1
    if first > start and words[first - 1].text in _LEADS_IN:
        first -= 1
    return first


def _for(
    words: list[Word], start: int, stop: int, conversation: Conversation, found: ListFilters
) -> None:
    """"tickets for IT Support", "tickets for Sam": a team or person, else a topic."""
    for index in range(start, stop - 1):
        if words[index].text != "for":
            continue
        first = index + 1
        named = words
        if words[first].text == REF and words[first].typed.lower() == "it" and first + 1 < stop:
            named = list(words)  # "for IT Support" before the teams are known: not "it"
            named[first] = replace(words[first], text="it", value=None)
        last = _name(named, first, stop, found)
        if _placed(named, conversation, found, first, last, taken_from=index, taken_to=last,
                   topic=True):
            return


_LISTED_BEFORE_IN = frozenset(STATUS_WORDS) | frozenset(PRIORITY_WORDS) | LIST_NOUNS | {
    "overdue", "unassigned", "late"}
"""Words before "in" that make "in Network" where the tickets are ("open in Network",
"urgent tickets in Facilities"), not where a problem is ("printer in room 4 jams")."""


def _in_a_name(words: list[Word], start: int, stop: int) -> int | None:
    """Where "in" stands before a name, after a word of a list ("what's open in Network",
    "open tickets in facilities?"); None when there is no such "in"."""
    for index in range(start + 1, stop - 1):
        if words[index].text == "in" and _may_name(words[index + 1].text) and any(
                w.text in _LISTED_BEFORE_IN for w in words[start:index]) and (
                words[index + 1].text not in ("progress", "hold", "review")):
            return index
    return None


def _in_team(
    words: list[Word], start: int, stop: int, conversation: Conversation, found: ListFilters
) -> None:
    """"what's open in Network", "anything urgent in facilities?": a team's queue, when the
    words after "in" are a team's whole name. Before the teams are read they are held as
    maybe a team, so the message is read again with them; once read, words that name no
    team exactly ("open tickets in the Sales deck") are what the tickets are about."""
    index = _in_a_name(words, start, stop)
    if index is None:
        return
    last = _name(words, index + 1, stop, found)
    named = [w for w in words[index + 1:last] if w.text not in _NAME_FILLER]
    if not named:
        return
    taken = frozenset(range(index, last))
    if not conversation.directory:
        found.whose = Whose(NoSuchTarget(typed_text(named)), taken, topic=True)
        return
    said = " ".join(w.text for w in named)
    team = next((t for t in conversation.teams if t.name.lower() == said), None)
    if team is not None:
        found.whose = Whose(TeamTarget(team.team_id, team.name), taken)


_NO_NAME = frozenset({
    "my", "our", "your", "his", "her", "their", "its", "new", "old", "other", "those", "these",
    "some", "no", "few", "last", "next", "first", "more", "many", "same", "similar", "related",
    "recent", "such", "both", "every", "each", "own", "it", "you", "u", "we", "they",
})
"""Words before "tickets" that are never a name ("my tickets", "other tickets")."""


def _name_before_noun(words: list[Word], start: int, stop: int) -> tuple[int, int] | None:
    """Where words that may be a name stand before the list noun, past any status or
    priority ("sam tickets", "IT Support tickets", "open network tickets", "priya open
    tickets"): the name's first index and the index after its last word."""
    for noun in range(start + 1, stop):
        if words[noun].text not in LIST_NOUNS:
            continue
        end = noun
        while end > start and (text := words[end - 1].text) and (
                text in STATUS_WORDS or text in PRIORITY_WORDS or text in _FILTER_PARTS):
            end -= 1
        first = end
        while (first > start and end - first < _MAX_NAME and _may_name(words[first - 1].text)
               and words[first - 1].text not in _NAME_FILLER
               and (words[first - 1].text not in _NO_NAME or first < end)
               and words[first - 1].value is None):
            first -= 1
        if first < end:
            return first, end
    return None


def _named_before_noun(
    words: list[Word], start: int, stop: int, conversation: Conversation, found: ListFilters
) -> None:
    """"sam tickets", "show me IT Support tickets", "any open network tickets?": a person or
    team named right before "tickets", as chat types a possessive. Only a whole name counts
    (a person's full, first or last name; a team's name), the longest first; other words
    there are what the tickets are about ("printer tickets"). Before the people and teams
    are read the words are held as maybe someone, so the message is read again with them."""
    span = _name_before_noun(words, start, stop)
    if span is None:
        return
    first, end = span
    if not conversation.directory:
        found.whose = Whose(NoSuchTarget(typed_text(words[first:end])),
                            frozenset(range(first, end)), topic=True)
        return
    for begin in range(first, end):
        phrase = " ".join(w.text for w in words[begin:end])
        if any(phrase in (p.name.lower(), p.first_name.lower(), p.name.lower().split()[-1])
               for p in conversation.people) or any(
                t.name.lower() == phrase for t in conversation.teams):
            found.whose = Whose(find_target(words[begin:end], conversation),
                                frozenset(range(begin, end)))
            return
