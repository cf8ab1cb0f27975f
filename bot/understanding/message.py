"""A message as words the patterns read, each word tied back to the text the person typed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import overload

from bot.understanding.context import Conversation, Person
from bot.understanding.dates import read_date
from bot.understanding.referent import ThingsTold
from bot.understanding.words import STATUS_WORDS, corrected
from domain.numbering import MAX_SEQUENCE_DIGITS, TicketNumber, parse_ticket_number
from domain.tickets import TicketStatus

REF = "tref"  # a ticket: a number in any form, or "it" / "this one"
NUMBER = "tnum"  # a bare number: a ticket only where nothing else fits
DATE = "tdate"
MENTION = "tment"

_TOKEN = re.compile(  # "hold,waiting for parts": a comma before a letter ends a word
    r"<at>.*?</at>|(?:[^\s,;]|[,;](?![^\W\d_]))+[,;]?|[,;]", re.IGNORECASE | re.DOTALL)
_EDGES = ".,!?;:\"'()[]{}“”‘’*…`_~"
_SIGNS = frozenset({"-", "–", "—", "->", "=>", "→", "=", "&", "+", "@", "#", "?"})
_POINTERS = frozenset({"👉", "➡", "⇒", "⟶", "⮕", "👉🏻", "👉🏼", "👉🏽", "👉🏾", "👉🏿"})
_HASHED = re.compile(r"^#0*(\d+)$")
_BARE = re.compile(r"^0*(\d+)$")
_NUMBER_SHAPED = re.compile(r"^[a-z][a-z0-9]{0,9}-\d{4}-\d+$")
_SHOWN = 24  # characters of an impossible reference echoed back
_NOT_TICKET_AFTER = frozenset({
    "floor", "room", "page", "step", "level", "building", "line", "version", "v", "at", "by",
    "about", "around", "top", "last", "first", "every", "than", "in",
})
_UNITS = frozenset({
    "tickets", "days", "weeks", "hours", "minutes", "mins", "times", "people", "users", "pages",
    "printers", "computers", "laptops", "machines", "seconds", "secs", "months", "years", "items",
    "issues", "problems", "errors", "devices", "screens", "monitors", "floors", "rooms", "am",
    "pm", "percent", "gb", "mb", "kb", "tb", "ms", "x",
})

TICKET_FIELDS = frozenset({  # what a ticket has: "its status", "4's priority"
    "status", "state", "priority", "title", "subject", "name", "description", "details",
    "category", "type", "due", "deadline", "assignee", "owner", "summary",
})
_SHORT = {"prio": "priority", "pri": "priority", "desc": "description", "tix": "tickets",
          "tkts": "tickets", "tkt": "ticket", "req": "request", "pls": "please", "plz": "please",
          "lemme": "let me", "gimme": "give me", "wanna": "want to", "gonna": "going to",
          "wat": "what", "wht": "what", "chk": "check", "rn": "right now", "fwd": "forward", "atm": "at the moment"}
_POINTING = frozenset({  # "assign this to me", "close that as done": "this" is the ticket
    "assign", "reassign", "unassign", "give", "close", "resolve", "reopen", "start", "hold",
    "pause", "mark", "set", "move", "put", "send", "pass", "hand", "take", "grab", "comment",
    "update", "edit", "rename", "show", "escalate", "bump", "park", "shelve", "kick", "fix", "finish", "on",
    "make",  # "make this urgent"; "make this work" asks nothing of the ticket all the same
})

_RUN_ON_WORDS = _POINTING | {"ticket", "show", "view", "open", "status", "details", "unassign",
                               "reopen", "take", "grab", "claim"}
"""Words a number is typed onto without a space ("close12"); not "win10" or "office365"."""

Value = TicketNumber | date | Person | str | None


@dataclass(frozen=True, slots=True)
class ImpossibleNumber(TicketNumber):
    """A reference no ticket can have (more digits than any number): read as "no such ticket".

    It stays a reference so the person hears "I can't find ticket …", and is kept as typed
    (shortened) so thousands of digits never meet `int()` or a reply in full.
    """

    typed: str = ""

    def __str__(self) -> str:
        return self.typed


@dataclass(slots=True)
class Word:
    text: str
    first: int  # index of the first typed token it stands for
    last: int
    value: Value = None
    typed: str = ""  # the token(s) as the person typed them, for echoing back


@dataclass(slots=True)
class Message:
    text: str
    words: list[Word]
    spans: list[tuple[int, int]]
    asks: bool  # ends with "?"

    @property
    def plain(self) -> str:
        return " ".join(word.text for word in self.words)

    def original(self, start: int, end: int | None = None) -> str:
        """What the person typed for words[start:end], line breaks and case kept."""
        stop = len(self.words) if end is None else end
        if start >= stop:
            return ""
        begin = self.spans[self.words[start].first][0]
        finish = self.spans[self.words[stop - 1].last][1] if end is not None else len(self.text)
        return self.text[begin:finish].strip().strip(":-–—,").strip()

    def typed_to(self, word: Word) -> str:
        """The last few characters typed up to the end of `word` (enough for `endswith` of
        punctuation, "..." or "?!!"): not the whole text before it, which costs as much as
        the message is long, once per word asked about."""
        finish = self.spans[word.last][1]
        return self.text[max(0, finish - 12):finish]

    def ticket(self, index: int) -> TicketNumber | None:
        value = self.words[index].value
        return value if isinstance(value, TicketNumber) else None


_ASKING_END = re.compile(r"(?:\?[?!]*|‽[?!‽]*|\(\?+\)|\[\?+\])\s*$")


def ends_asking(text: str) -> bool:
    """A question mark last, or before the "!" of surprise ("close 12?!", "resolve 12?!!"),
    or in brackets ("close 12 (?)"): asked all the same, and so changes nothing."""
    return bool(_ASKING_END.search(text))


def read_message(text: str, conversation: Conversation) -> Message:
    spans: list[tuple[int, int]] = []
    words: list[Word] = []
    mentions = list(conversation.mentions)
    for index, found in enumerate(_TOKEN.finditer(text)):
        spans.append(found.span())
        token = found.group()
        if token[:4].lower() == "<at>":
            name = re.sub(r"</?at>", "", token, flags=re.IGNORECASE).strip()
            words.append(Word(MENTION, index, index, mentions.pop(0) if mentions else name, token))
            continue
        words.extend(Word(word, index, index, typed=token) for word in _words(token))
    _possessive(words)
    _one_is(words)
    _t_numbers(words)
    message = Message(text, words, spans, ends_asking(text))
    _mark_dates(message, conversation.today)
    _mark_tickets(message, conversation)
    return message


_MOST_LISTED = 50  # numbers in one "4,5,6" (a message changes at most 20 tickets)
_LISTED = re.compile(r"^#?\d{1,6}(?:,#?\d{1,6})+$")
_GLUED = re.compile(r"^([a-z]+#|(?:no|nr|num|ticket|tkt)\.|(?:ticket|tkt)-)(\d+)$")  # "ticket#4", "no.4", "tkt-4"
_RUN_ON = re.compile(r"^([a-z]{4,})(\d{1,6})$")  # "close12", "ticket12": a space left out
_OWNS = re.compile(r"^(#?\d+|[a-z][a-z0-9]{0,9}-\d{4}-\d+)'s$")  # "4's priority", "4's mine"


def _words(token: str) -> list[str]:
    word = token.strip(_EDGES).lower().replace("’", "'")
    if not any(ch.isalnum() for ch in word):
        if word.rstrip("\ufe0f") in _POINTERS:
            return ["→"]  # "948 👉 alex", as "948 → alex"
        return [word] if word in _SIGNS else []  # emoji and other pictures say nothing here
    if word.count(",") < _MOST_LISTED and _LISTED.match(word):  # "close 4,5,6": tickets
        return [part for number in word.split(",") for part in ("and", number)][1:]
    if glued := _GLUED.match(word):
        return [corrected(glued[1][:-1]), f"#{glued[2]}"]
    if (run_on := _RUN_ON.match(word)) and corrected(run_on[1]) in _RUN_ON_WORDS:
        return [corrected(run_on[1]), run_on[2]]
    if owns := _OWNS.match(word):
        return [owns[1], "is"]  # "is" dropped again before a field ("4's priority")
    if word.startswith("@") and "@" not in word[1:]:
        word = word[1:]  # "@TicketFlow", "@sam" typed without picking the mention
    if word in ("it's", "its", "that's", "thats"):
        return ["it" if word.startswith("it") else "that", "is"]
    if word in ("who's", "what's", "where's", "how's", "when's", "whos", "whats"):
        return [word.replace("'", "")[:-1], "is"]
    if word in ("i'm", "im"):
        return ["i", "am"]
    if word == "we're":  # typed "were" stays a word of its own
        return ["we", "are"]
    if word in _SHORT:
        return _SHORT[word].split()
    if "/" in word and not any(ch.isdigit() for ch in word):  # "close/resolve" → two words
        return [part for part in word.split("/") if part]
    word = word.replace("'", "")
    if "@" in word or any(ch.isdigit() for ch in word):
        return [word]
    return [corrected(word)]


def _possessive(words: list[Word]) -> None:
    """"its status", "it's priority", "4's priority": the ticket's field, not "it is"."""
    index = 0
    while index + 2 < len(words):
        first, second = words[index], words[index + 1]
        if ((first.text == "it" or any(ch.isdigit() for ch in first.text)) and second.text == "is"
                and first.first == second.first and words[index + 2].text in TICKET_FIELDS):
            del words[index + 1]
        index += 1


def _one_is(words: list[Word]) -> None:
    """"this one's done", "this ones done": "this one is done", not a list of done ones."""
    for index in range(len(words) - 2, 0, -1):
        ones = words[index]
        if ones.text == "ones" and words[index - 1].text in ("this", "that"):
            words[index:index + 1] = [Word("one", ones.first, ones.last, typed=ones.typed),
                                      Word("is", ones.first, ones.last, typed=ones.typed)]


_T_NUMBER = re.compile(r"^t-?(\d{2,6})$")  # "t1302", "t-1358": a ticket, as "tkt-1358" is
_A_THING_BEFORE = frozenset({
    "the", "a", "an", "my", "our", "your", "his", "her", "their", "its", "new", "old", "this",
    "that", "these", "those", "another", "each", "every", "some", "any", "one", "lenovo",
    "thinkpad", "spare", "loan", "replacement",
})
"""Words before "t480" that make it a thing ("my t480"), not a ticket."""
_A_THING_AFTER = frozenset({
    "laptop", "laptops", "thinkpad", "thinkpads", "model", "models", "series", "line", "lines",
    "machine", "machines", "charger", "screen", "battery", "keyboard", "dock", "docking",
})
"""Words after it that do ("t14 laptops")."""


def _t_numbers(words: list[Word]) -> None:
    """"t1302", "t-1358" typed for a ticket: "#1302", unless said as a thing."""
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if not (number := _T_NUMBER.match(word.text)) or (
                index > 0 and words[index - 1].text in _A_THING_BEFORE) or (
                index + 1 < len(words) and words[index + 1].text in _A_THING_AFTER):
            continue
        words[index] = Word(f"#{number[1]}", word.first, word.last, typed=word.typed)


def _merge(message: Message, start: int, count: int, text: str, value: Value) -> None:
    words = message.words
    merged = Word(text, words[start].first, words[start + count - 1].last, value,
                  typed_text(words[start:start + count]))
    words[start:start + count] = [merged]


def typed_text(words: list[Word]) -> str:
    """The words as the person typed them (never the placeholders `tref`, `tdate`…)."""
    shown: list[str] = []
    previous = -1
    for word in words:
        if word.first > previous:
            if word.text == MENTION:
                shown.append(word.value.name if isinstance(word.value, Person) else str(word.value))
            else:
                shown.append(word.typed.strip(_EDGES) if word.typed else word.text)
        previous = max(previous, word.last)
    return " ".join(part for part in shown if part)


def _mark_dates(message: Message, today: date) -> None:
    plain = [word.text for word in message.words]
    index = 0
    while index < len(message.words):
        found = read_date(plain, index, today)
        if found is not None and _across_punctuation(message, index, found[1]):
            found = None  # "due date for 4: Dec 10" is not 4 December
        if found is not None:
            when, taken = found
            _merge(message, index, taken, DATE, when)
            plain[index:index + taken] = [DATE]
        index += 1


def _across_punctuation(message: Message, index: int, taken: int) -> bool:
    words = message.words
    return any(message.text[message.spans[w.last][1] - 1] in ",:;"
               for w in words[index:index + taken - 1])


def _mark_tickets(message: Message, conversation: Conversation) -> None:
    words = message.words
    names = [tuple(team.name.lower().split()) for team in conversation.teams]
    told: ThingsTold | None = None
    index = 0
    while index < len(words):
        word = words[index].text
        if word == "it" and (_department(words, index, message.text) or any(
            tuple(w.text for w in words[index:index + len(name)]) == name for name in names
        )):
            index += 1  # "IT Support" is a team, not "it"
            continue
        following = words[index + 1].text if index + 1 < len(words) else ""
        number = parse_ticket_number(word)
        hashed = _HASHED.match(word)
        bare = _BARE.match(word)
        if number is not None:
            _merge(message, index, 1, REF, number)
        elif _NUMBER_SHAPED.match(word):
            _merge(message, index, 1, REF, _impossible(word, conversation))
        elif hashed:
            _merge(message, index, 1, REF, _sequence(hashed, conversation))
        elif word in ("this", "that") and following in ("one", "ticket"):
            _merge(message, index, 2, REF, conversation.last_ticket)
        elif _own_ticket(words, index):  # "please close my ticket", "make my request urgent"
            _merge(message, index, 2, REF, conversation.last_ticket)
        elif word in ("this", "that") and following == "is" and _states(words, index + 2):
            _merge(message, index, 1, REF, conversation.last_ticket)  # "that's sorted now"
        elif word in ("this", "that") and following in _MAY and index + 2 < len(words) \
                and words[index + 2].text == "be" and _states(words, index + 3):
            _merge(message, index, 1, REF, conversation.last_ticket)  # "this can be closed"
        elif word == "it" and _told_of_a_thing(
                message, told := told or _told_things(message), index):
            pass  # "my laptop is slow and it keeps freezing": the laptop, not the ticket
        elif word == "it" or (word in ("this", "that") and following not in _SPANS and (
                index == len(words) - 1 or (index > 0 and words[index - 1].text in _POINTING))):
            _merge(message, index, 1, REF, conversation.last_ticket)
        elif bare and (_can_be_ticket(words, index) or _about_first(message, index)):
            _merge(message, index, 1, NUMBER, _sequence(bare, conversation))
        index += 1


def _told_things(message: Message) -> ThingsTold:
    return ThingsTold([w.text for w in message.words],
                      sentence_ends=[_ends_sentence(message, i) for i in range(len(message.words))],
                      clause_ends=[_ends_clause(message, i) for i in range(len(message.words))])


def _told_of_a_thing(message: Message, told: ThingsTold, index: int) -> bool:
    return told.names_its_own_thing(
        _Texts(message.words), index, sentence_end=lambda i: _ends_sentence(message, i),
        clause_end=lambda i: _ends_clause(message, i))


class _Texts(Sequence[str]):
    """The words' texts as they are now, without copying them for every "it"."""

    def __init__(self, words: list[Word]) -> None:
        self._words = words

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [word.text for word in self._words[index]]
        return self._words[index].text

    def __len__(self) -> int:
        return len(self._words)


def _typed_end(message: Message, index: int) -> str:
    """The last character typed for word `index` when it is the last word of its token
    ("it's" is two words: only "is" ends where the token does), else ""."""
    words = message.words
    if index + 1 < len(words) and words[index].last == words[index + 1].last:
        return ""
    return message.text[message.spans[words[index].last][1] - 1]  # a token never ends in a space


def _ends_sentence(message: Message, index: int) -> bool:
    return _typed_end(message, index) in (".", "!", "?")


def _ends_clause(message: Message, index: int) -> bool:
    words = message.words
    return _typed_end(message, index) in (",", ";", ":") or (
        index + 1 < len(words) and words[index + 1].text in ("-", "–", "—"))


_OWN_NOUNS = frozenset({"ticket", "request", "case", "issue", "incident"})
_CHANGING = (_POINTING - {"show", "on"}) | {"make", "cancel", "delete", "remove", "scrap",
                                              "withdraw", "kill", "trash", "ditch", "retract"}
_HOW = frozenset({"how", "hows", "where", "why", "when", "what", "who", "whats"})


def _own_ticket(words: list[Word], index: int) -> bool:
    """"my ticket" after a change's verb ("close my ticket", "make my ticket urgent"): the
    ticket the conversation last showed, as "it" is; with none shown, the action takes the
    person's only open ticket or asks which. Not "my ticket 36" (that one), nor "show my
    ticket" or "any news on my ticket?" (their list answers those)."""
    if index == 0 or words[index].text not in ("my", "our") or index + 1 >= len(words):
        return False
    if words[index + 1].text not in _OWN_NOUNS or not (
            words[index - 1].text in _CHANGING or _commenting_on(words, index)):
        return False
    if words[0].text in _HOW:
        return False  # "how do I close my ticket?" asks how
    after = words[index + 2].text if index + 2 < len(words) else ""
    return not _BARE.match(after) and not _HASHED.match(after) and parse_ticket_number(after) is None


_NOTES = frozenset({"comment", "comments", "note", "notes", "remark", "remarks", "reply", "add",
                    "append", "this", "info", "information", "details", "detail", "something",
                    "context"})


def _commenting_on(words: list[Word], index: int) -> bool:
    """"add a comment to my ticket: …", "reply to my request", "add this to my ticket": the
    ticket the words go on (the colon after it does not end up in the comment)."""
    return index >= 2 and words[index - 1].text in ("to", "on", "under") and (
        words[index - 2].text in _NOTES)


_SPANS = frozenset({"week", "month", "morning", "afternoon", "evening", "year", "weekend",
                    "time", "quarter", "sprint"})
"""What "this" names in "worked on this week", "on that morning": a time, not the ticket."""

_MAY = frozenset({"can", "could", "should", "may", "might", "must", "will", "shall"})
_STATE_WORDS = frozenset(word for word, status in STATUS_WORDS.items()
                         if status in (TicketStatus.RESOLVED, TicketStatus.CLOSED))


def _states(words: list[Word], index: int) -> bool:
    """Done or closed follows ("that is now sorted"): "that" is the ticket talked about
    ("this is urgent" may tell about a problem, so only these)."""
    while index < len(words) and words[index].text in ("now", "all", "finally", "also", "been"):
        index += 1
    return index < len(words) and words[index].text in _STATE_WORDS


def _department(words: list[Word], index: int, text: str) -> bool:
    """"IT" in capitals in a message that is not all capitals: the department, not "it"
    (also before the teams are read). In lower case too where a department's queue is
    named ("it support tickets", "the it helpdesk queue"): before the teams are read, so
    that the list is read again with them; "does it support pdf" keeps its "it"."""
    word = words[index]
    if word.typed.strip(_EDGES) == "IT" and not text.isupper():
        return True
    after = [w.text for w in words[index + 1:index + 3]]
    return word.typed == "it" and len(after) == 2 and after[0] in _DEPARTMENT_KINDS and (
        after[1] in _QUEUE_NOUNS)


_DEPARTMENT_KINDS = frozenset({"support", "helpdesk", "servicedesk", "ops", "operations",
                               "services", "infrastructure", "security", "dept", "department"})
_QUEUE_NOUNS = frozenset({"tickets", "queue", "backlog", "team", "teams", "requests", "issues",
                          "jobs", "tasks", "board"})


def _sequence(digits: re.Match[str], conversation: Conversation) -> TicketNumber:
    """`#4` / `4`: this year's ticket 4; more digits than any ticket number has: none."""
    if len(digits[1]) > MAX_SEQUENCE_DIGITS:
        return _impossible(digits[0], conversation)
    return conversation.number(int(digits[1]))


def _impossible(word: str, conversation: Conversation) -> ImpossibleNumber:
    shown = word if len(word) <= _SHOWN else word[: _SHOWN - 1] + "…"
    return ImpossibleNumber(conversation.ticket_prefix, conversation.number(0).year, 0, shown.upper())


_TALKED = frozenset({
    "called", "calling", "rang", "ringing", "phoned", "phoning", "emailed", "emailing", "messaged",
    "messaging", "pinged", "pinging", "texted", "wrote", "writing", "asked", "asking", "chased",
    "chasing", "complained", "complaining", "enquiring", "inquiring", "enquired", "inquired",
    "reminder", "nudge", "back",  # "a gentle reminder about 252", "call me back about 255"
    "contacting",
})
"""Who called or asked "about 164" asked about a ticket; "about 164 users" stays a count."""
_CALL_ME = frozenset({"call", "ring", "phone", "contact", "email", "message", "text", "ping"})
"""Asked to be called "about 352" ("could someone call me about 352"): that ticket."""
_TALK_TO = frozenset({"talk", "speak", "go", "turn", "chat", "write", "reach", "complain"})
"""Who to talk to "about 326": that ticket, and who has it."""


def _about_first(message: Message, index: int) -> bool:
    """"About 12, please close it": a ticket said first as what the message is about, its
    clause ended there ("about 12 people" and "at about 12" stay a count and a time)."""
    words = message.words
    return index > 0 and words[index - 1].text == "about" and all(
        word.text in _OPENERS for word in words[:index - 1]) and (
        index == len(words) - 1 or _ends_clause(message, index))


_OPENERS = frozenset({"and", "so", "ok", "okay", "also", "hi", "hey", "hello", "now",
                      "oh", "right", "then", "just", "quick", "question", "one", "more", "thing"})
"""Words before "about 12," that still leave it first: "ok so about 12, …"."""


def _can_be_ticket(words: list[Word], index: int) -> bool:
    before = words[index - 1].text if index > 0 else ""
    after = words[index + 1].text if index + 1 < len(words) else ""
    looked = before == "at" and index > 1 and words[index - 2].text in (
        "look", "looking", "looked", "looks", "glance", "glanced")  # "nobody has looked at 628"
    looked |= before == "about" and index > 1 and words[index - 2].text in _TALKED
    looked |= before == "about" and index > 2 and words[index - 2].text in ("me", "us") and (
        words[index - 3].text in _CALL_ME)
    looked |= before == "about" and index > 2 and words[index - 2].text == "to" and (
        words[index - 3].text in _TALK_TO)  # "who do i talk to about 326?"
    return (before not in _NOT_TICKET_AFTER or looked) and after not in _UNITS and not (
        _dialled(words, index)) and not _joined_to_no_ticket(words, index) and not (
        _more_of_a_unit(words, index))


_MORE = frozenset({"more", "extra", "additional", "further"})


def _more_of_a_unit(words: list[Word], index: int) -> bool:
    """"give 12 2 more days", "3 extra weeks": a count of a unit, "more" between them."""
    return index + 2 < len(words) and words[index + 1].text in _MORE and (
        words[index + 2].text in _UNITS or words[index + 2].text in ("day", "week", "hour"))


_JOINING = frozenset({"and", "&", "or", "n"})


def _joined_to_no_ticket(words: list[Word], index: int) -> bool:
    """A number joined to one read as no ticket ("problem in 12 and 13", "floor 2, 3"): none
    either, so that the two are never read one a ticket and the other not (13 was closed)."""
    if index > 1 and words[index - 1].text in _JOINING:
        return words[index - 2].text.isdigit()
    return index > 0 and words[index - 1].text.isdigit() and words[index - 1].typed.endswith(",")


_CALLING = frozenset({
    "call", "phone", "ring", "mobile", "cell", "tel", "telephone", "ext", "extension", "dial",
    "whatsapp", "reach", "fax",
})
_TO_CALLING = frozenset({"me", "us", "him", "her", "them", "on", "at", "back", "asap", "please",
                         "pls", "is", "number", "no", "nr"})
"""Words between a call and the number to call ("call me back on 555 0101")."""


_MOST_PHONE_GROUPS = 6
"""Of digits in a number to dial: "+1 555 010 12 34" is five."""


def _digits(word: Word) -> str | None:
    typed = word.typed.strip(_EDGES).lstrip("+")
    return typed if typed.isdigit() else None


def _dialled(words: list[Word], index: int) -> bool:
    """A phone number, not tickets: "call me? 555 0101", "ring me on 4521", "+44 20 7946
    0958". Digits said after a call, or two or more groups of digits in a row one of which
    starts with 0 or +, as numbers to dial are written ("close 12 13" stays two tickets).
    More groups in a row than a phone number has are tickets ("close 4 5 6 7 8 9 10 11"),
    and looking no further keeps a message of thousands of numbers linear."""
    first = index
    while first > 0 and _digits(words[first - 1]) is not None:
        first -= 1
        if index - first >= _MOST_PHONE_GROUPS:
            return False
    last = index
    while last + 1 < len(words) and _digits(words[last + 1]) is not None:
        last += 1
        if last - first >= _MOST_PHONE_GROUPS:
            return False
    groups = [w.typed.strip(_EDGES) for w in words[first:last + 1]]
    if len(groups) > 1 and any(g.startswith(("0", "+")) for g in groups) and not (
            _as_tickets_print_them(groups)):
        return True
    lead = first - 1
    while lead >= 0 and words[lead].text in _TO_CALLING and first - lead < 4:
        lead -= 1
    return lead >= 0 and words[lead].text in _CALLING


def _as_tickets_print_them(groups: list[str]) -> bool:
    """"close 0012 0013": numbers padded with zeros to one width, as the end of
    TKT-2026-0012 is printed, are tickets; a phone number's groups differ ("020 7946 0958",
    "555 0101")."""
    return all(g.startswith("0") and len(g) == len(groups[0]) for g in groups)
