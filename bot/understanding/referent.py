"""Whether "it" in a told problem is the person's own thing, not the ticket in view.

"i have problem with outlook, it not open", "my laptop is slow and it keeps freezing",
"outlook crashed, it says error 0x800": the sentence names a thing before "it", and "it"
opens a clause of its own, so "it" is that thing. Said of a ticket ("4 is broken, it …",
"the issue is back, it …") or asking a change of it ("the printer works, it can be closed")
"it" stays the ticket.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

_OPENS_CLAUSE = frozenset({"and", "but", "so", "because", "cause", "coz", "cuz", "now", "still",
                           "then", "also", "as", "since", "though", "although", "yet", "plus",
                           "-", "–", "—"})
_DETERMINERS = frozenset({"my", "our", "the", "a", "an", "his", "her", "their", "your", "this",
                          "that", "these", "those", "some", "its"})
_ABOUT = frozenset({"with", "on", "in", "about", "of", "for", "from"})
_TICKET_WORDS = frozenset({"ticket", "tickets", "tkt", "request", "case", "issue", "incident",
                           "one", "tref", "tnum"})
_PEOPLE = frozenset({"user", "users", "customer", "client", "caller", "colleague", "manager",
                     "boss", "person", "guy", "lady", "team", "vendor", "supplier", "tech",
                     "technician", "engineer", "he", "she", "they", "i", "we", "you", "someone"})
_NOT_THINGS = _DETERMINERS | _ABOUT | _OPENS_CLAUSE | _PEOPLE | frozenset({
    "problem", "problems", "trouble", "help", "it", "me", "is", "was", "are", "were", "be",
    "been", "not", "have", "has", "had", "please", "thanks", "thank", "ok", "okay", "yes", "no",
})
_CHANGES = frozenset({
    "close", "closed", "closing", "resolve", "resolved", "reopen", "reopened", "assign",
    "assigned", "reassign", "unassign", "escalate", "escalated", "cancel", "cancelled",
    "delete", "deleted", "rename", "renamed", "ticket", "tref", "tnum",
})
_BY_ITSELF = 1  # a sentence's first word names a thing only with a word after it


class ThingsTold:
    """Whether each "it" of a message is the thing its sentence named, read left to right.

    Asked of every "it" in turn, looking back to the sentence's start and ahead to the
    clause's end each time would be quadratic in the number of "it"s ("it not open" × 5,000
    took minutes); instead what the sentence named so far is carried along as the words are
    read, and where each clause ends is found once, so a whole message costs one pass.

    `following` are the message's words as first read: the words after the "it" being asked
    about are always these (words are only ever joined up to the one being read), shifted by
    how many were joined.
    """

    def __init__(self, following: Sequence[str], *, sentence_ends: Sequence[bool],
                 clause_ends: Sequence[bool]) -> None:
        self._following = len(following)
        self._stops = [len(following) - 1] * len(following)
        for i in range(len(following) - 2, -1, -1):
            self._stops[i] = i if sentence_ends[i] or clause_ends[i] else self._stops[i + 1]
        self._changes = [0]
        for word in following:
            self._changes.append(self._changes[-1] + (word in _CHANGES))
        self._begin = 0  # the first word of the sentence being read
        self._thing: int | None = None  # its last word so far that names a thing
        self._read = 0

    def names_its_own_thing(self, words: Sequence[str], index: int, *,
                            sentence_end: Callable[[int], bool],
                            clause_end: Callable[[int], bool]) -> bool:
        """`words[index]` is "it" told of the thing its sentence named before it.

        `words` as they are now (words before `index` may have been joined since the message
        was first read, never words after it); `sentence_end(i)`: word i ends a sentence
        ("."/"!"/"?"); `clause_end(i)`: it ends a clause (a comma, a colon, a dash).
        """
        self._read_up_to(words, index, sentence_end)
        begin = self._begin
        if begin == index:
            return False
        thing = self._thing
        if thing is None and _names_by_itself(words, begin, index):
            thing = begin
        run_on = thing == index - 1  # "problem with outlook it not open"
        if not (clause_end(index - 1) or words[index - 1] in _OPENS_CLAUSE or run_on):
            return False  # "can you log it", "4 is broken, reopen it": "it" is what is acted on
        first = index + self._following - len(words)  # where words[index] was first read
        if self._changes[self._stops[first] + 1] - self._changes[first + 1]:
            return False  # "the printer works now, it can be closed": a change of the ticket
        return thing is not None and words[thing] not in _TICKET_WORDS

    def _read_up_to(self, words: Sequence[str], index: int,
                    sentence_end: Callable[[int], bool]) -> None:
        for i in range(self._read, index):
            if _names_a_thing(words, self._begin, i):
                self._thing = i
            if sentence_end(i):
                self._begin, self._thing = i + 1, None
        self._read = max(self._read, index)


def _names_a_thing(words: Sequence[str], begin: int, i: int) -> bool:
    """Word i names a thing: after "my"/"the"/"with" (or is the ticket itself)."""
    word = words[i]
    if word in _TICKET_WORDS:
        return True
    if word in _NOT_THINGS or not word.isalpha():
        return False
    return i > begin and (words[i - 1] in _DETERMINERS or words[i - 1] in _ABOUT)


def _names_by_itself(words: Sequence[str], begin: int, end: int) -> bool:
    """The sentence's first word told about ("outlook crashed"), with a word after it."""
    word = words[begin]
    return (end - begin > _BY_ITSELF and words[begin + 1] != "it" and word.isalpha()
            and word not in _NOT_THINGS)
