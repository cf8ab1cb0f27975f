"""The order a list is asked in: "oldest open tickets", "sam's tickets by due date", "most
urgent first", "tickets about vpn, newest first"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product
from typing import Generic, TypeVar

from bot.understanding.words import PRIORITY_WORDS, STATUS_WORDS
from domain.tickets import TicketOrder

V = TypeVar("V")

_OLDEST = ("oldest", "oldes", "oldets", "olderst", "eldest", "earliest")
_NEWEST = ("newest", "newst", "newset", "latest", "lastest", "latets", "recent")
_STALEST = ("stale", "stalest", "stalled")
_CHANGED = ("update", "change", "touched", "modified", "active", "updated", "changed")
"""As the message reads them: "updated" is read as "update", "changed" as "change"."""


def phrases(*parts: Sequence[str | tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Every phrase the parts make, one choice from each; "" leaves a part out."""
    options = [[(p,) if isinstance(p, str) else p for p in part] for part in parts]
    return tuple(tuple(w for chosen in combination for w in chosen if w)
                 for combination in product(*options))


_SORTED = ("sorted", "sort", "ordered", "order", "arranged", "listed", "ranked", "")
_DATES = ("date", ("creation", "date"), ("date", "created"), ("date", "filed"),
          ("date", "opened"), ("date", "raised"), ("when", "filed"), ("when", "opened"),
          ("filing", "date"), ("open", "date"), ("created", "date"))
_BY_KEYS: tuple[tuple[tuple[str | tuple[str, ...], ...], TicketOrder, TicketOrder, TicketOrder],
                ...] = (
    # what it is sorted by; its order said plainly, ascending, descending
    (("priority", "urgency", "importance", ("priority", "level")),
     TicketOrder.PRIORITY, TicketOrder.PRIORITY, TicketOrder.PRIORITY),
    (("severity", "sev", "impact", ("severity", "level"), "seriousness"),
     TicketOrder.SEVERITY, TicketOrder.SEVERITY, TicketOrder.SEVERITY),
    ((("due", "date"), ("due", "dates"), "due", "deadline", "deadlines", "due-date", "duedate"),
     TicketOrder.DUE, TicketOrder.DUE, TicketOrder.DUE),
    (_DATES, TicketOrder.OLDEST, TicketOrder.OLDEST, TicketOrder.NEWEST),
    (("age",), TicketOrder.OLDEST, TicketOrder.NEWEST, TicketOrder.OLDEST),
    ((("last", "update"), "update", ("update", "date"), ("last", "activity"), "activity",
      ("last", "change"), ("last", "modified"), ("latest", "update"), ("most", "recent", "update")),
     TicketOrder.UPDATED, TicketOrder.STALE, TicketOrder.UPDATED),
)
"""What a list is sorted by ("by priority", "sorted by due date", "ordered by age"), and which
way when said ("by date desc"): by when filed, the oldest first unless said, as a calendar or
a spreadsheet sorts dates; "by age" descending is the oldest first too."""

_ORDER_PHRASES: dict[TicketOrder, tuple[tuple[str, ...], ...]] = {
    TicketOrder.OLDEST: (
        *phrases(_OLDEST, ("", "first", ("to", "newest"), ("to", "latest"))),
        *phrases(("from", ""), ("old", "oldest", "older"), ("to",), ("new", "newest", "newer")),
        *phrases(("older", "old"), ("", "ones"), ("first",)),
        ("in", "chronological", "order"), ("chronological", "order"), ("chronologically",),
        ("longest", "open"), ("longest", "waiting"),
        *phrases(("open", "waiting", "outstanding", "pending", "waited", "sat", "sitting"),
                  (("the", "longest"), ("longest",), ("for", "the", "longest"),
                   ("for", "longest"), ("the", "most"))),
    ),
    TicketOrder.NEWEST: (
        *phrases(_NEWEST, ("", "first", ("to", "oldest"))),
        *phrases(("from", ""), ("new", "newest", "newer"), ("to",), ("old", "oldest", "older")),
        *phrases(("newer", "new"), ("", "ones"), ("first",)),
        ("most", "recent"), ("most", "recent", "first"), ("recent", "first"),
        ("recent", "ones", "first"), ("reverse", "chronological"),
        ("reverse", "chronological", "order"),
        *phrases(("most",), ("recently",),
                  ("filed", "opened", "created", "raised", "logged", "submitted", "reported")),
    ),
    TicketOrder.UPDATED: (
        *phrases(("most",), ("recently",), _CHANGED),
        *phrases(("recently", "last"), _CHANGED, ("first",)),
        ("latest", "activity"), ("most", "recent", "activity"), ("recent", "activity", "first"),
    ),
    TicketOrder.STALE: (
        *phrases(("least",), ("recently",), _CHANGED),
        *phrases(_STALEST, ("", "first", "ones")),
        ("least", "recent", "activity"), ("oldest", "update"),
        *phrases(("untouched", "quiet", "idle", "neglected", "forgotten", "ignored"),
                  (("the", "longest"), ("longest",), ("for", "the", "longest"),
                   ("for", "longest"))),
        *phrases(("longest",), ("untouched", ("without", "an", "update"),
                                 ("without", "update"), ("without", "updates"))),
        *phrases(("not",), _CHANGED,
                  (("for", "the", "longest"), ("for", "longest"), ("the", "longest"),
                   ("in", "the", "longest"), ("longest",))),
    ),
    TicketOrder.PRIORITY: (
        *phrases(("most",), ("urgent", "important", "critical", "pressing"), ("", "first")),
        *phrases(("highest", "top"), ("priority", "prio"), ("", "first")),
        *phrases(("urgent", "critical", ("high", "priority"), ("urgent", "priority")),
                  ("", "ones"), ("first",)),
        *phrases(("", "in"), ("priority",), ("order",)),
        *phrases(("", "in"), ("order",), ("of",), ("priority", "urgency", "importance")),
        ("prioritise",), ("prioritize",), ("prioritised",), ("prioritized",),
    ),
    TicketOrder.SEVERITY: (
        *phrases(("most", "more"), ("severe", "serious"), ("", "first", "ones")),
        *phrases(("severest", "worst"), ("", "ones"), ("first",)),
        ("severest",),
        *phrases(("highest", "top", "biggest"), ("severity", "sev", "impact"), ("", "first")),
        *phrases(("", "in"), ("severity",), ("order",)),
        *phrases(("", "in"), ("order",), ("of",), ("severity", "impact", "seriousness")),
    ),
    TicketOrder.DUE: (
        *phrases(("due",), ("soonest", "first", "earliest"), ("", "first")),
        *phrases(("soonest", "earliest", "next"), ("due",), ("", "first", "date")),
        *phrases(("closest", "nearest", "soonest", "earliest", "next"),
                  ("deadline", "deadlines", ("due", "date"), ("due", "dates")), ("", "first")),
        *phrases(("deadline", "deadlines", "overdue"), ("", "ones"), ("first",)),
        *phrases(("most", "longest"), ("overdue", "late"), ("", "first")),
        *phrases(("", "in"), ("order",), ("of",), (("due", "date"), "deadline", "deadlines")),
        *phrases(("", "in"), (("due", "date"), "deadline"), ("order",)),
    ),
}

_ASCENDING = ("asc", "ascending", ("in", "ascending", "order"))
_DESCENDING = ("desc", "description", "descending", ("in", "descending", "order"))
""""desc" is read as "description", as in "4's desc"."""
_BY_PHRASES: tuple[tuple[tuple[str, ...], TicketOrder], ...] = tuple(
    (phrase, order) for keys, plain, ascending, descending in _BY_KEYS
    for tail, order in ((("", "first", "order"), plain), (_ASCENDING, ascending),
                        (_DESCENDING, descending))
    for phrase in phrases(_SORTED, ("by",), keys, tail))
_ALL_PHRASES = sorted(
    [*((p, o) for o, phrases in _ORDER_PHRASES.items() for p in phrases), *_BY_PHRASES],
    key=lambda said: -len(said[0]))
"""Longest first: "most recently updated" before "most recent"."""
_LONGEST = max(len(phrase) for phrase, _ in _ALL_PHRASES)


class PhraseIndex(Generic[V]):
    """Phrases by their first two words (one-word phrases by their word), longest first: a
    word that starts none is passed at once. A message of thousands of words tried thousands
    of phrases at each word (28,000 characters: 10 s)."""

    def __init__(self, said: Sequence[tuple[tuple[str, ...], V]]) -> None:
        self._pairs: dict[tuple[str, str], list[tuple[tuple[str, ...], V]]] = {}
        self._single: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        self._gapped: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        for phrase, value in sorted(said, key=lambda entry: -len(entry[0])):
            if len(phrase) > 1:
                self._pairs.setdefault((phrase[0], phrase[1]), []).append((phrase, value))
            else:
                self._single.setdefault(phrase[0], []).append((phrase, value))
            if len(phrase) == 2 and phrase[1] == "first":  # "oldest tickets first"
                self._gapped.setdefault(phrase[0], []).append((phrase, value))

    def starting(self, words: Sequence[str], at: int
                 ) -> list[tuple[tuple[str, ...], V]]:
        """The phrases that may start at word `at`, longest first."""
        pair = (words[at], words[at + 1]) if at + 1 < len(words) else None
        longer = self._pairs.get(pair, []) if pair is not None else []
        return [*longer, *self._gapped.get(words[at], []), *self._single.get(words[at], [])]


_STARTING = PhraseIndex(_ALL_PHRASES)

_DIRECTIONS = frozenset({TicketOrder.OLDEST, TicketOrder.NEWEST})
_TEXT_LEADS = frozenset({"about", "regarding", "re", "mentioning", "concerning", "matching",
                         "containing", "called", "titled", "like", "saying"})
"""Words after which the rest is what to search for ("tickets about the latest firmware")."""
_SAYS_ORDER = frozenset({"first", "by", "order", "sorted", "sort", "ordered"})
"""Words that make a phrase an order even after what to search for ("about vpn, oldest
first", "mentioning wifi by priority"): a topic's words never end so."""
_TAIL_COURTESY = frozenset({"please", "thanks", "thx", "ty", "ta", "pls", "plz", "thank", "you",
                            "then", "only", "too"})


@dataclass(frozen=True, slots=True)
class OrderSaid:
    """The order asked for, the words that say it (indices of the words read), and where
    the phrase after what to search for starts, which ends the search words."""

    order: TicketOrder
    taken: frozenset[int]
    text_ends: int | None = None


def read_order(words: Sequence[str], *, skip: frozenset[int] = frozenset()) -> OrderSaid | None:
    """The order words ask a list in, or None. Before words that say what to search for
    ("about", "mentioning") any order phrase counts; after them only one that ends the
    message and says it is an order ("…, oldest first", "… sorted by due date"), so "tickets
    about the latest firmware" searches for those words. A topic word right after an order
    adjective makes it a search too ("latest firmware tickets"). Two orders said: a direction
    ("newest first") says which way "by creation date" goes; otherwise the first counts."""
    lead = text_lead(words)
    thanks_from = courtesy_tail(words)
    bare = [w.rstrip(",.!?;:") for w in words]
    named_at = next((i for i, w in enumerate(words) if w in _MANY_NAMED), len(words))
    found: list[tuple[frozenset[int], TicketOrder]] = []
    at = 0
    while at < len(words):
        hit = _phrase_at(bare, at, skip)
        if hit is None:
            at += 1
            continue
        said, order = hit
        end = max(said) + 1
        tail = at >= lead and end >= thanks_from and any(words[i] in _SAYS_ORDER for i in said)
        if (end <= lead or tail) and _not_a_topic(words, at, len(said), named_at) \
                and not _negated(bare, at):
            found.append((said, order))
            at = end
        else:
            at += 1
    if not found:
        return None
    orders = [order for _, order in found]
    order = orders[0]
    if len(set(orders)) > 1 and _DIRECTIONS & set(orders):
        order = next(o for o in reversed(orders) if o in _DIRECTIONS)
    taken = frozenset(i for said, _ in found for i in said)
    if any(words[min(said)] == "by" for said, _ in found):  # "sort my tickets by deadline"
        taken |= {i for i, w in enumerate(words) if w in _SORT_VERBS and i not in skip}
    taken |= {min(said) - 1 for said, _ in found  # "sorted newest first"
              if min(said) and words[min(said) - 1] in _SORT_VERBS and min(said) - 1 not in skip}
    after = [min(said) for said, _ in found if min(said) >= lead]
    return OrderSaid(order, taken, min(after) if after else None)


def _phrase_at(words: Sequence[str], at: int,
               skip: frozenset[int]) -> tuple[frozenset[int], TicketOrder] | None:
    """The words of the order phrase at `at` (words without their punctuation), and its
    order. A phrase ending in "first" may have the tickets named before that word ("oldest
    tickets first")."""
    candidates = _STARTING.starting(words, at)
    ahead = tuple(words[at:at + _LONGEST + 1]) if candidates else ()
    for phrase, order in candidates:
        size = len(phrase)
        if ahead[:size] == phrase:
            said = frozenset(range(at, at + size))
        elif phrase[-1] == "first" and ahead[:size - 1] == phrase[:-1] \
                and ahead[size - 1:size] in _NAMED and ahead[size:size + 1] == ("first",):
            said = frozenset((*range(at, at + size - 1), at + size))
        else:
            continue
        end = max(said) + 1
        if phrase[-1] != "first" and ahead[end - at:end - at + 1] == ("first",):
            said |= {end}  # "least recently updated first"
        shared = frozenset(i for i in said if words[i] in _SHARED_WITH_FILTERS)
        if not (skip & said) - shared:
            return said - (skip & shared), order
    return None


_SHARED_WITH_FILTERS = frozenset({"overdue"})
"""A word of an order phrase that a filter reads too: "most overdue first" lists the overdue
ones, due soonest first."""


_NEGATIONS = frozenset({"not", "dont", "don't", "never", "no", "without"})


def _negated(words: Sequence[str], at: int) -> bool:
    """"not the oldest ones", "not sorted by priority": an order said not to be wanted is
    no order (nor one to guess instead)."""
    before = at - 1
    while before >= 0 and words[before] in ("the", "in", "by", *_SORT_VERBS):
        before -= 1
    return before >= 0 and words[before] in _NEGATIONS


_NAMED = frozenset({("tickets",), ("ones",), ("issues",), ("requests",), ("items",)})
_SORT_VERBS = frozenset({"sort", "sorted", "order", "ordered", "arrange", "arranged", "rank",
                         "ranked"})


def text_lead(words: Sequence[str]) -> int:
    """Where words that say what to search for start ("about", "mentioning"); the length
    of `words` when none do."""
    return next((i for i, w in enumerate(words) if w in _TEXT_LEADS), len(words))


def courtesy_tail(words: Sequence[str]) -> int:
    """Where the thanks that end the message start ("…, oldest first pls"): a phrase that
    ends there ends the message."""
    at = len(words)
    while at and words[at - 1].rstrip(",.!?") in _TAIL_COURTESY:
        at -= 1
    return at


_SAID_OF_TICKETS = frozenset({
    "tickets", "ticket", "issues", "issue", "requests", "request", "ones", "one", "cases",
    "incidents", "items", "stuff", "things", "first", "my", "our", "your", "unassigned", "overdue",
    "assigned", "in", "on", "that", "which", "for", "from", "by", "to", "filed", "opened",
    "created", "raised", "logged", "submitted", "reported", "updated", "due", "unresolved",
    "outstanding", "with", "of", "i", "we", "you", "the", "and", "or", "please", "pls", "thanks",
    "still", "not", "still", "nobody", "no", "anyone", "team", "teams", "queue",
}) | STATUS_WORDS.keys() | PRIORITY_WORDS.keys()


_BEING = frozenset({"is", "are", "was", "were", "be", "been", "looks", "look", "seems", "seem",
                    "getting", "gone", "went", "smells", "tastes", "feels", "too", "so", "very",
                    "bit", "quite", "really", "pretty"})
_ASKING_WHETHER = frozenset({"is", "are", "was", "were", "has", "have", "does", "did", "do"})
_MANY_NAMED = frozenset({"tickets", "ones", "issues", "requests", "tix", "cases", "incidents"})


def _not_a_topic(words: Sequence[str], at: int, size: int, named_at: int) -> bool:
    """"latest firmware tickets": an adjective said of a topic word is part of the search;
    one said of the tickets, a state, a person's or the end of the message orders them.
    Said of something ("the toner is stale", "is the vpn ticket stale?") it describes it;
    "which tickets are stale" asks for them."""
    word = words[at]
    if size > 1 or word not in (*_OLDEST, *_NEWEST, *_STALEST):
        return True
    if at and words[at - 1] in _BEING:
        return named_at < at - 1
    after = words[at + 1] if at + 1 < len(words) else None
    if after is None:  # "is the vpn ticket stale?" asks about one; "oldest first" orders
        return words[0] not in _ASKING_WHETHER
    return after in _SAID_OF_TICKETS or after.endswith("'s") or bool(_count(after))


MOST_LISTED = 100
"""The most tickets "top N" lists: as many as one API page holds."""
_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20}
_COUNT_LEADS = frozenset({"top", "first"})


def read_count(words: Sequence[str], *, skip: frozenset[int] = frozenset(),
               ordered: frozenset[int] = frozenset()) -> tuple[int, frozenset[int]] | None:
    """"top 5 most urgent tickets", "the first 3 oldest ones", "the 5 oldest", "oldest 5
    tickets": how many to list (at most `MOST_LISTED`), and the words that say it; a number
    counts after "top" or "first", or next to the words of an order (`ordered`), and only
    before what to search for ("tickets about the first 3 floors" searches for those)."""
    lead = text_lead(words)
    for at in range(min(lead, len(words))):
        count = _count(words[at])
        if not count or at in skip:
            continue
        before = at - 1 if at and words[at - 1] in _COUNT_LEADS and at - 1 not in skip else None
        if before is not None:
            return min(count, MOST_LISTED), frozenset({before, at})
        if (at + 1 in ordered or at - 1 in ordered) and words[at] != "one":  # not "the newest one"
            return min(count, MOST_LISTED), frozenset({at})
        if words[at + 1:at + 2] and words[at + 1] in _MANY_NAMED and words[at] != "one" and not (
                at and words[at - 1] in _MEASURED_BY):
            return min(count, MOST_LISTED), frozenset({at})  # "show 3 tickets": three of them
    return None


_MEASURED_BY = frozenset({"than", "over", "under", "least", "most", "with", "has", "have",
                          "had", "about", "around", "exactly", "only", "just", "all"})
"""Before a count of tickets that is what is asked of, not how many to list: "more than 3
tickets", "who has 5 tickets"."""


def _count(word: str) -> int | None:
    return int(word) if word.isdecimal() and len(word) <= 3 else _COUNT_WORDS.get(word)


def latest_count(words: Sequence[str], *, skip: frozenset[int] = frozenset()
                 ) -> tuple[int, frozenset[int]] | None:
    """"the last 5 tickets", "latest 3 tickets": that many of the newest filed; "my last
    ticket", "status of my last request": the newest one."""
    for at in range(len(words) - 1):
        if words[at] not in ("last", "latest") or at in skip:
            continue
        if _one_named_after(words, at) and "one" not in words[at + 1:at + 3]:
            return 1, frozenset({at})  # not "the last one": the last of a list shown
        count = _count(words[at + 1])
        if count and words[at + 2:at + 3] and words[at + 2] in _MANY_NAMED and at + 1 not in skip:
            return min(count, MOST_LISTED), frozenset({at, at + 1})
    return None


ONE_NAMED = frozenset({"ticket", "request", "issue", "case", "incident", "one", "tkt"})
"""A single ticket named after an order ("my newest ticket", "the oldest one"): one is listed."""


def one_ordered(words: Sequence[str], ordered: OrderSaid | None) -> tuple[int, frozenset[int]] | None:
    """"my newest ticket", "the oldest one": the one filed first or last; a plural ("my newest
    tickets") lists them all, and so does any other order ("my most urgent ticket": the
    list, most urgent first, since a tie is likely)."""
    if ordered is None or ordered.order not in (TicketOrder.NEWEST, TicketOrder.OLDEST):
        return None
    return (1, frozenset()) if _one_named_after(words, max(ordered.taken)) else None


def _one_named_after(words: Sequence[str], at: int) -> bool:
    """Whether one ticket is named right after word `at`, or after one word saying what it is
    ("my last open ticket", "the oldest urgent one")."""
    after = words[at + 1:at + 3]
    return bool(after) and (after[0] in ONE_NAMED or len(after) == 2 and (
        after[0] in _SAID_OF_ONE and after[1] in ONE_NAMED))


_SAID_OF_ONE = frozenset({"open", "closed", "resolved", "urgent", "high", "low", "medium",
                          "critical", "unassigned", "assigned", "overdue", "pending"})
