"""Whether "it" in a told problem is the person's own thing, not the ticket in view.

"i have problem with outlook, it not open", "my laptop is slow and it keeps freezing",
"outlook crashed, it says error 0x800": the sentence names a thing before "it", and "it"
opens a clause of its own, so "it" is that thing. Said of a ticket ("4 is broken, it …",
"the issue is back, it …") or asking a change of it ("the printer works, it can be closed")
"it" stays the ticket.
"""

from __future__ import annotations

from collections.abc import Sequence

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


def names_its_own_thing(
    words: Sequence[str], index: int, *, sentence_ends: Sequence[bool], clause_ends: Sequence[bool],
) -> bool:
    """`words[index]` is "it" told of the thing its sentence named before it.

    `sentence_ends[i]`: word i ends a sentence ("."/"!"/"?"); `clause_ends[i]`: it ends a
    clause (a comma, a colon, a dash).
    """
    begin = index
    while begin > 0 and not sentence_ends[begin - 1]:
        begin -= 1
    if begin == index:
        return False
    run_on = _last_thing(words, begin, index) == index - 1  # "problem with outlook it not open"
    if not (clause_ends[index - 1] or words[index - 1] in _OPENS_CLAUSE or run_on):
        return False  # "can you log it", "4 is broken, reopen it": "it" is what is acted on
    clause_end = next((i for i in range(index, len(words)) if sentence_ends[i] or clause_ends[i]),
                      len(words) - 1)
    if _CHANGES & set(words[index + 1:clause_end + 1]):
        return False  # "the printer works now, it can be closed": a change of the ticket
    thing = _last_thing(words, begin, index)
    return thing is not None and words[thing] not in _TICKET_WORDS


def _last_thing(words: Sequence[str], begin: int, end: int) -> int | None:
    """The last word in words[begin:end] that names a thing: after "my"/"the"/"with", or
    the sentence's first word told about ("outlook crashed")."""
    for i in range(end - 1, begin - 1, -1):
        word = words[i]
        if word in _TICKET_WORDS:
            return i
        if word in _NOT_THINGS or not word.isalpha():
            continue
        before = words[i - 1] if i > begin else ""
        if before in _DETERMINERS or before in _ABOUT:
            return i
        if i == begin and end - begin > _BY_ITSELF and words[i + 1] not in ("it",):
            return i
    return None
