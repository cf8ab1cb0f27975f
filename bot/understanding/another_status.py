"""A status asked for in what follows a change or a state told ("918 is fixed, pls put on
hold", "…, kindly do the closure"): a request of its own, never the reason for the first."""

from __future__ import annotations

from dataclasses import dataclass

from domain.tickets import TicketStatus

_ASKED_AS = {
    "close": TicketStatus.CLOSED, "closing": TicketStatus.CLOSED, "closure": TicketStatus.CLOSED,
    "resolve": TicketStatus.RESOLVED, "resolving": TicketStatus.RESOLVED,
    "reopen": TicketStatus.OPEN, "reopening": TicketStatus.OPEN,
}
_AFTER_BE = {"closed": TicketStatus.CLOSED, "resolved": TicketStatus.RESOLVED,
             "reopened": TicketStatus.OPEN}
"""Only as what should be ("can be closed"); "it was reopened by mistake" tells what was."""
_AFTER = {("on", "hold"): TicketStatus.ON_HOLD, ("in", "progress"): TicketStatus.IN_PROGRESS}

_ASKING = frozenset({
    "you", "u", "we", "can", "could", "may", "please", "pls", "plz", "kindly", "do", "the",
    "proceed", "to", "with", "go", "ahead", "and", "now", "it", "tref", "so", "be", "put", "on",
    "in", "set", "mark", "as", "just", "then", "for", "me", "request", "-", "–", "—", "this",
})
"""What asks a change and says nothing more: "you can do", "please proceed to", "pls put"."""

_ASKS = frozenset({"please", "pls", "plz", "kindly", "proceed", "do", "can", "could", "you",
                   "u"})

_LATER = frozenset({"when", "once", "after", "until", "till", "if", "later", "tomorrow", "will",
                    "ill", "going", "next", "soon", "before", "unless"})
"""A plan for later ("will reopen when the parts arrive"): why, not what to do now."""


@dataclass(frozen=True, slots=True)
class AskedAfter:
    statuses: frozenset[TicketStatus]
    only: bool
    """Nothing said but the ask ("pls put on hold"): the change to make, not to ask about."""
    asked_first: bool
    """Said as a request ("please put on hold for the vendor"), not as what someone else may
    do ("the user says we can close", kept as why)."""


def status_asked_after(said: list[str]) -> AskedAfter | None:
    """The statuses asked for in `said` (the words after the change or state), if any."""
    if _LATER.intersection(said):
        return None
    named: set[TicketStatus] = set()
    more = False
    for index, word in enumerate(said):
        before = said[index - 1] if index else ""
        if status := _ASKED_AS.get(word) or (_AFTER_BE.get(word) if before == "be" else None) \
                or _AFTER.get((before, word)):
            named.add(status)
        elif word not in _ASKING:
            more = True
    asked_first = bool(said) and said[0] in _ASKS
    return AskedAfter(frozenset(named), not more, asked_first) if named else None
