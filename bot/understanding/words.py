"""The everyday words for statuses, priorities and categories, and forgiving misspellings."""

from __future__ import annotations

import re
from functools import cache

from domain.tickets import Category, Priority, Severity, TicketStatus

STATUS_WORDS: dict[str, TicketStatus] = {
    "open": TicketStatus.OPEN,
    "opened": TicketStatus.OPEN,
    "reopen": TicketStatus.OPEN,
    "reopened": TicketStatus.OPEN,
    "back": TicketStatus.OPEN,
    "open again": TicketStatus.OPEN,
    "new": TicketStatus.OPEN,
    "todo": TicketStatus.OPEN,
    "to do": TicketStatus.OPEN,
    "in progress": TicketStatus.IN_PROGRESS,
    "in_progress": TicketStatus.IN_PROGRESS,
    "in-progress": TicketStatus.IN_PROGRESS,
    "inprogress": TicketStatus.IN_PROGRESS,
    "progress": TicketStatus.IN_PROGRESS,
    "start": TicketStatus.IN_PROGRESS,
    "started": TicketStatus.IN_PROGRESS,
    "working": TicketStatus.IN_PROGRESS,
    "working now": TicketStatus.RESOLVED,  # "it's working now": the problem is gone
    "working again": TicketStatus.RESOLVED,
    "working fine": TicketStatus.RESOLVED,
    "works now": TicketStatus.RESOLVED,
    "works again": TicketStatus.RESOLVED,
    "working on": TicketStatus.IN_PROGRESS,
    "being worked on": TicketStatus.IN_PROGRESS,
    "wip": TicketStatus.IN_PROGRESS,
    "active": TicketStatus.IN_PROGRESS,
    "ongoing": TicketStatus.IN_PROGRESS,
    "on hold": TicketStatus.ON_HOLD,
    "on_hold": TicketStatus.ON_HOLD,
    "on-hold": TicketStatus.ON_HOLD,
    "onhold": TicketStatus.ON_HOLD,
    "hold": TicketStatus.ON_HOLD,
    "paused": TicketStatus.ON_HOLD,
    "pause": TicketStatus.ON_HOLD,
    "waiting": TicketStatus.ON_HOLD,
    "blocked": TicketStatus.ON_HOLD,
    "parked": TicketStatus.ON_HOLD,
    "on ice": TicketStatus.ON_HOLD,
    "on pause": TicketStatus.ON_HOLD,
    "stuck": TicketStatus.ON_HOLD,
    "pending": TicketStatus.ON_HOLD,
    "resolved": TicketStatus.RESOLVED,
    "resolve": TicketStatus.RESOLVED,
    "fixed": TicketStatus.RESOLVED,
    "done": TicketStatus.RESOLVED,
    "solved": TicketStatus.RESOLVED,
    "finished": TicketStatus.RESOLVED,
    "complete": TicketStatus.RESOLVED,
    "completed": TicketStatus.RESOLVED,
    "sorted": TicketStatus.RESOLVED,
    "sorted out": TicketStatus.RESOLVED,
    "closed": TicketStatus.CLOSED,
    "cancelled": TicketStatus.CLOSED,
    "canceled": TicketStatus.CLOSED,
    "close": TicketStatus.CLOSED,
    "shut": TicketStatus.CLOSED,
}

STATUS_VERBS: dict[str, TicketStatus] = {
    "close": TicketStatus.CLOSED,
    "shut": TicketStatus.CLOSED,
    "resolve": TicketStatus.RESOLVED,
    "finish": TicketStatus.RESOLVED,
    "complete": TicketStatus.RESOLVED,
    "reopen": TicketStatus.OPEN,
    "start": TicketStatus.IN_PROGRESS,
    "begin": TicketStatus.IN_PROGRESS,
    "hold": TicketStatus.ON_HOLD,
    "pause": TicketStatus.ON_HOLD,
    "park": TicketStatus.ON_HOLD,
    "shelve": TicketStatus.ON_HOLD,
}

PRIORITY_WORDS: dict[str, Priority] = {
    "low": Priority.LOW,
    "minor": Priority.LOW,
    "medium": Priority.MEDIUM,
    "normal": Priority.MEDIUM,
    "high": Priority.HIGH,
    "important": Priority.HIGH,
    "urgent": Priority.URGENT,
    "critical": Priority.URGENT,
    "asap": Priority.URGENT,
    "p1": Priority.URGENT,  # incident desks' P1–P4
    "p2": Priority.HIGH,
    "p3": Priority.MEDIUM,
    "p4": Priority.LOW,
}

CATEGORY_WORDS: dict[str, Category] = {
    "bug": Category.BUG,
    "feature": Category.FEATURE,
    "feature request": Category.FEATURE,
    "support": Category.SUPPORT,
    "support request": Category.SUPPORT,
    "enhancement": Category.ENHANCEMENT,
    "improvement": Category.ENHANCEMENT,
    "incident": Category.INCIDENT,
    "outage": Category.INCIDENT,
    "request": Category.REQUEST,
}

SEVERITY_WORDS: dict[str, Severity] = {
    "minor": Severity.MINOR, "low": Severity.MINOR, "trivial": Severity.MINOR,
    "normal": Severity.NORMAL, "medium": Severity.NORMAL, "moderate": Severity.NORMAL,
    "major": Severity.MAJOR, "high": Severity.MAJOR, "severe": Severity.MAJOR,
    "critical": Severity.CRITICAL, "blocker": Severity.CRITICAL, "showstopper": Severity.CRITICAL,
}
"""A ticket's severity (its impact), as said after "severity": "set the severity of 4 to major"."""

# Words the patterns depend on; only these are corrected when misspelt (names and titles never).
CHANGE_VERBS = (
    "close", "resolve", "reopen", "assign", "reassign", "unassign", "move", "give", "hand", "send",
    "put", "escalate", "change", "edit", "update", "downgrade", "upgrade", "lower", "cancel",
    "delete", "rename", "transfer", "take", "mark", "start", "set",
)
"""What is done to a ticket, as said of doing it: "who did escalate 457", "I didn't mean to
close that"."""
CHANGED_VERBS = (
    "closed", "resolved", "reopened", "assigned", "reassigned", "unassigned", "moved", "gave",
    "given", "handed", "sent", "put", "escalated", "changed", "edited", "updated", "downgraded",
    "upgraded", "lowered", "cancelled", "canceled", "deleted", "renamed", "transferred", "took",
    "taken", "marked", "started", "set", "picked",
)
"""The same, said of it done: "who gave 553 to facilities?", "I closed the wrong ticket"."""
KEYWORDS = frozenset({
    "ticket", "tickets", "assign", "assigned", "reassign", "unassign", "close", "closed",
    "resolve", "resolved", "reopen", "comment", "status", "priority", "category", "create",
    "update", "change", "progress", "urgent", "please", "search", "description", "title",
    "rename", "started", "start", "working", "finished", "complete", "completed", "medium",
    "incident", "feature", "enhancement", "request", "support", "report", "problem", "issue",
    "tomorrow", "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "deadline", "cancel", "created", "opened", "filed", "assigned", "anyone",
    "nobody", "myself", "waiting", "blocked", "important", "critical", "priorities", "statuses",
    "mark", "show", "list", "edit", "note", "prioritize", "prioritise", "deprioritize",
    "deprioritise", "escalate", "reply", "comments",
    "assignee", "unassigned", "progress", "requests", "issues", "problems", "bugs",
    "incidents", "notes", "reports", "overdue",
}) | STATUS_WORDS.keys() | PRIORITY_WORDS.keys() | CATEGORY_WORDS.keys()


# English words one letter from a keyword that mean something else: never "corrected"
# ("my account is locked" is not "blocked", "files" not "filed", "email not sending").
REAL_WORDS = frozenset({
    "files", "filled", "fined", "tiled", "piled", "fixes", "stars", "states", "statue",
    "tickers", "ticker", "clone", "closet", "chose", "cloned", "ported", "sorter", "snorted",
    "crate", "chance", "charge", "writing", "baiting", "clocked", "locked", "flocked", "blocker",
    "votes", "nodes", "tissue", "tissues", "deport", "resort", "bequest", "marked", "titled",
    "tedium", "manor", "compete", "starter", "starred", "stared", "smart", "headline",
    "revolved", "replay", "repay", "treated", "cause", "ending", "bending", "sending",
    "lending", "tending", "cancer", "shown", "showy", "lodged", "fixer", "hole", "holy",
    "wasting", "waving", "wanting", "wailing", "opener", "lost", "last", "mist", "note",
    "failed", "mailed", "foiled", "soiled", "boiled",  # "the backup failed" was "filed"
    "field", "fields", "fielded",  # "the Field Work team", "a required field"
    "solve",  # "can you solve 12" asks for the work, as "fix" does; never "solved"
})


@cache
def _deletions() -> dict[str, str]:
    """Each keyword and its one-letter deletions → the keyword (a SymSpell-style index)."""
    index: dict[str, str] = {}
    for word in sorted(KEYWORDS):
        for variant in _variants(word):
            index.setdefault(variant, word)
    for word in KEYWORDS:
        index[word] = word
    return index


_SWAPPED_VERBS = frozenset({"make", "give", "take", "move", "send", "pass", "hand"})
_SWAPPED = {
    keyword[:i] + keyword[i + 1] + keyword[i] + keyword[i + 2:]: keyword
    for keyword in sorted(KEYWORDS | _SWAPPED_VERBS | {"what", "when"}) if len(keyword) == 4
    for i in range(3) if keyword[i] != keyword[i + 1]
}
"""Four-letter words with two neighbours swapped ("shwo", "waht", "mkae", "gvie"): the keyword,
the verb of a change, or the question word ("what", "when", "make", "give" are no keyword:
"whats" is not one letter from a typo, nor "mike" from "make"; only the swap is taken)."""


def _variants(word: str) -> list[str]:
    return [word] + [word[:i] + word[i + 1:] for i in range(len(word))]


_LONGEST_KEYWORD = max(map(len, KEYWORDS))


_UNVOWELLED = {
    word.replace(vowel, ""): word
    for word in ("show", "list", "mark", "high", "hold", "hand", "send")
    for vowel in "aeiou" if word.count(vowel) == 1
}
"""Four-letter words of one vowel typed without it ("shw 7", "set 7 to hgh", "put 7 on hld"):
fast typing drops a vowel, and none of these is an English word. Other three-letter words
stay as typed: "lot", "fix" and "bug" are words of their own."""


def corrected(word: str) -> str:
    """The keyword a misspelt word most likely meant (one letter off), or the word itself."""
    # Past one letter longer than any keyword nothing is one edit away, and the variants of
    # a word cost its length squared: one 200,000-letter word once took 23 GB.
    if len(word) == 3:
        return _UNVOWELLED.get(word, word)
    if len(word) < 4 or len(word) > _LONGEST_KEYWORD + 1 or word in KEYWORDS or word in REAL_WORDS or not word.isalpha():
        return word
    if len(word) == 4:  # "shwo": only two neighbours swapped, so short names stay as typed
        return _SWAPPED.get(word, word)
    index = _deletions()
    for variant in _variants(word):
        found = index.get(variant)
        if found is not None and _one_edit_apart(word, found):
            return found
    return word


def _one_edit_apart(one: str, other: str) -> bool:
    """One letter inserted, deleted, replaced, or two neighbours swapped."""
    if abs(len(one) - len(other)) > 1:
        return False
    if len(one) == len(other):
        differ = [i for i, (a, b) in enumerate(zip(one, other, strict=True)) if a != b]
        if len(differ) <= 1:
            return True
        first, second = differ[0], differ[-1]
        return (len(differ) == 2 and second == first + 1
                and one[first] == other[second] and one[second] == other[first])
    shorter, longer = sorted((one, other), key=len)
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1:] == shorter:
            return True
    return False


_UNITS_SPELLED = {word: value for value, word in enumerate((
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen").split())}
_TENS_SPELLED = {word: 10 * value for value, word in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if word != "_"}
_SPELLED = "|".join([*_UNITS_SPELLED, *_TENS_SPELLED, "hundred", "thousand", "and"])
SPELLED_NUMBER = _SPELLED
"""The words a number is said in, as a regular expression's alternatives."""
_SPELLED_AFTER = re.compile(  # "ticket twelve", "number one hundred sixteen", "#forty-two"
    rf"\b(?P<lead>tickets?|tkt|number|no\.|nr\.)(?P<gap>\s+|\s*#\s*)"
    rf"(?P<said>(?:{_SPELLED})(?:[\s-]+(?:{_SPELLED}|oh))*)\b", re.IGNORECASE)


TYPED_TICKET = r"(?:ticket |tkt-?\d{4}-)?#?\d+"
"""A ticket typed in a lower-cased message, for the readers that match whole messages:
"12", "#12", "ticket 12", "tkt-2026-0012"."""
BY_MISTAKE = r"(?:by mistake|by accident|in error|wrongly|incorrectly|accidentally|mistakenly)"
"""How a change is said to have been a mistake: "12 was closed by mistake"."""

def spelled_numbers(text: str) -> str:
    """A ticket's number said in words after "ticket", "number" or "no." (dictated, or typed
    as said: "close ticket twelve", "ticket one hundred sixteen") written as digits. Only
    there: "close the two tickets", "one of them" and "no one" stay words. Digits said one
    by one make one number after "ticket" ("ticket five one two": 512), and as many after
    "tickets" ("tickets one two three": 1 2 3); numbers with "and" between that are not one
    number are each one ("tickets one and two": 1 and 2; "one hundred and six" is 106)."""
    return _SPELLED_AFTER_VERB.sub(_as_digits_after_verb, _SPELLED_AFTER.sub(_as_digits, text))


_SPELLED_AFTER_VERB = re.compile(  # "resolve nine forty", "comment on eleven eighty four saying …"
    r"\b(?P<lead>(?:close|resolve|reopen|show(?: me)?|pull up|assign|give|send|move|put"
    r"|escalate|(?:comment|note|update|reply) (?:on|to|for))|about)(?P<gap>\s+)"
    rf"(?P<said>(?:{_SPELLED})(?:[\s-]+(?:{_SPELLED}|oh))+)\b", re.IGNORECASE)


def _as_digits_after_verb(found: re.Match[str]) -> str:
    """A number said in words right after what is done with a ticket, without "ticket", when
    it can only be a ticket's: in pairs of digits ("close eleven eighty one", "resolve nine
    forty", "… twelve oh one and twelve oh two"); "give one to sam", "close the two", "put one
    hundred chairs in room 2" stay words."""
    words = found["said"].lower().replace("-", " ").split()
    while words and words[-1] in ("and", "oh"):
        words.pop()
    said = re.sub(r"(?:[\s-]+(?:and|oh))+$", "", found["said"], flags=re.IGNORECASE)
    parts = " ".join(words).split(" and ")
    numbers = [_said_in_pairs(part.split()) for part in parts]
    if not all(numbers):
        return found[0]
    head = f"{found['lead']}{found['gap']}"
    return f"{head}{' and '.join(map(str, numbers))}{found[0][len(head) + len(said):]}"


def _as_digits(found: re.Match[str]) -> str:
    words = found["said"].lower().replace("-", " ").split()
    while words and words[-1] in ("and", "oh"):
        words.pop()  # "ticket twelve oh": 12, the "oh" left as said
    said = re.sub(r"(?:[\s-]+(?:and|oh))+$", "", found["said"], flags=re.IGNORECASE)
    head = f"{found['lead']}{found['gap']}"
    after = found[0][len(head) + len(said):]
    if "and" in words[1:-1] and _spelled_number(words) is None and (
            each := _each_spelled(words)):  # "tickets one and two"; "one hundred and six" is one
        return f"{head}{' and '.join(map(str, each))}{after}"
    digits = [_UNITS_SPELLED.get(word, 0 if word == "oh" else 10) for word in words]
    if len(digits) > 1 and max(digits) < 10:  # "ticket five one two", dictated digit by digit
        several = found["lead"].lower() == "tickets"  # "tickets one two three": 1, 2 and 3
        return f"{head}{' '.join(map(str, digits)) if several else int(''.join(map(str, digits)))}{after}"
    number = _spelled_number(words) or _said_in_pairs(words)  # "eleven eighty one": 1181
    return f"{head}{number}{after}" if number else found[0]


def _each_spelled(words: list[str]) -> list[int] | None:
    """The numbers of "tickets one and two", "tickets twelve and twenty one": each part
    between the "and"s one number, or None if any part is not one."""
    parts: list[list[str]] = [[]]
    for word in words:
        if word == "and":
            parts.append([])
        else:
            parts[-1].append(word)
    numbers = [_spelled_number(part) or _said_in_pairs(part) for part in parts]
    return [number for number in numbers if number] if all(numbers) else None


def _said_in_pairs(words: list[str]) -> int | None:
    """A number said in pairs of digits, as years are: "eleven eighty one" is 1181, "twelve
    oh five" 1205, "nine forty" 940; None when the words are not such pairs."""
    for cut in range(1, len(words)):
        high, low = _spelled_number(words[:cut]), words[cut:]
        if high is None or not 0 < high <= 99:
            continue
        if low[0] == "oh" and len(low) == 2 and _UNITS_SPELLED.get(low[1], 10) < 10:
            return high * 100 + _UNITS_SPELLED[low[1]]
        if "oh" not in low and (pair := _spelled_number(low)) is not None and 10 <= pair <= 99:
            return high * 100 + pair
    return None


def _spelled_number(words: list[str]) -> int | None:
    """One number said in words ("one hundred and sixteen"), or None when the words are
    not one number ("two three")."""
    total = current = 0
    for index, word in enumerate(words):
        if word == "and":
            if index == 0:
                return None
            continue
        if word in _UNITS_SPELLED:
            if current % 10 or (current % 100 and current % 100 < 20):
                return None  # "two three": not one number
            current += _UNITS_SPELLED[word]
        elif word in _TENS_SPELLED:
            if current % 100:
                return None
            current += _TENS_SPELLED[word]
        elif word == "hundred":
            if not current or current >= 100:
                return None
            current *= 100
        elif word == "thousand":
            if not current:
                return None
            total, current = total + current * 1000, 0
        else:  # "oh", said in pairs only
            return None
    return (total + current) or None


def as_title(text: str) -> str:
    """A ticket title as typed in chat, its first letter a capital ("printer jams" →
    "Printer jams"); a first word already written in mixed case ("iPhone", "macOS",
    "eBay") is left as its owner writes it."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if any(letter.isupper() for letter in first[1:]):
        return text
    return text[:1].upper() + text[1:]

