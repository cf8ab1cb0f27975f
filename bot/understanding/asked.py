"""Which fact of a ticket a question asks after: "who has 2?" the assignee, "when is 2 due?"
the due date, "is 2 closed yet?" whether its status is closed.

Read only of a message already understood as showing one ticket: whatever is asked, the card
is shown, and the fact is answered in one sentence above it. A question that asks what should
happen ("who should take 2?"), why, or after two facts at once gets the card alone.
"""

from __future__ import annotations

import re

from bot.understanding.requests import Asked, Fact
from bot.understanding.words import CATEGORY_WORDS, PRIORITY_WORDS, corrected
from domain.tickets import Severity, TicketStatus

_FILLERS = frozenset({
    "hey", "hi", "hello", "bot", "ticketflow", "so", "ok", "okay", "and", "quick", "question",
    "q", "please", "pls", "plz", "um", "umm", "btw", "just", "sorry", "also", "but", "team",
    "guys", "all", "folks", "yo", "morning", "afternoon", "good",
})
_AUXILIARIES = frozenset({
    "is", "isnt", "has", "hasnt", "have", "havent", "was", "wasnt", "did", "didnt", "does",
    "doesnt", "are", "arent", "any", "anyone", "anybody", "someone", "somebody",
})
"""A question that opens with one of these asks yes or no ("is 2 closed?", "anyone on 2?")."""

_NOT_A_FACT = re.compile(
    r"^(?:why|how come|how do|how can|how to|what if)\b"  # why it is so: its history, or help
    r"|\b(?:is|was) (?:it|this|that) (?:possible to|ok|okay|normal|safe|allowed|worth|better"
    r"|bad|a good idea)\b"  # "is it normal that 2 is still open?": an opinion asked
    r"|\b(?:who|whos) (?:should|could|can|would|will|shall|might|must|ought|wants?|needs?)\b"
    r"(?! (?:i|we) (?:talk|speak|go|turn|chat|write|reach|contact|call|ring|email|chase)\b)"
    r"|\b(?:should|shall|can|could) (?:i|we|you|u|someone|somebody|anyone|anybody) (?:take|have"
    r"|grab|assign|close|resolve|reopen|start|give|move|change|set|make|put|escalate)\b"
)
""""who should take 2?", "why is 2 on hold?", "should I take 2": not a fact to tell ("who
should I talk to about 2" is: who has it)."""

_ANYONE = r"(?:anyone|anybody|someone|somebody|any one|some one|any1|some1|a person|an agent)"
_HOLDING = (r"(?:on|working|looking|handling|dealing|assigned|picked|taken|took|grabbed|claimed"
            r"|got|have|has|started|owning|owns|in charge|responsible|taking)")
_ASSIGNEE_YES_NO = re.compile(
    rf"\b{_ANYONE} (?:(?:actually|really|even|currently|already|still|ever|now) )?{_HOLDING}\b|\b{_ANYONE} (?:been |already )?(?:picked|taken|assigned|looked)\b"
    r"|\bbeen (?:picked up|assigned|taken|claimed|grabbed)\b"
    r"|^(?:is|isnt|has|hasnt|was) (?:\S+ ){1,6}?(?:assigned|picked up|taken|claimed|unassigned)\b"
    r"|\b(?:have|has|got) (?:an? )?(?:owner|assignee)\b|\bassigned to " + _ANYONE + r"\b"
)
_WHO_PICKS_UP = (rf"(?:{_ANYONE}|the (?:service desk|help ?desk|team|it team)"
                 r"|you(?: guys| all)?|ya?ll|it)")
_PICKED_UP_WHEN = re.compile(
    rf"\bwhen (?:(?:will|is|does|can|would) {_WHO_PICKS_UP}|{_WHO_PICKS_UP} (?:will|would|can"
    r"|is|s))"  # "when will someone …", "any idea when someone will …"
    r" (?:going to |gonna |be )?(?:look(?:ed)? at|get(?:ting)? to"
    r"|pick(?:ed)? (?:it |this |that )?up|start(?:ed)? on|work(?:ed)? on|see to|deal(?:t)? with"
    r"|take a look at|have a look at|be looked at|be picked up)\b"
)
""""when will someone look at it?": no one can say when, but how it stands ("still open —
nobody has picked it up yet", "in progress with Sam") is the answer there is."""
_ASSIGNEE = re.compile(
    r"\b(?:who|whos|whom)(?: is| was| has| s| else| exactly| currently| now)* (?:got |gotten )?"
    r"(?:has|have|had|got|owns|own|holds|holding|handling|handles|working|works|work|on|assigned"
    r"|dealing|deals|looking|taking|took|picked|took|the assignee|the owner|responsible|in charge"
    r"|fixing|doing|sorting|onto|with)\b"
    r"|\b(?:who|whos|whom)\b(?: \S+){1,6} (?:assigned|assigned to|with|on|working on|handling"
    r"|looking at|sitting with)$"
    r"|\bwhose\b|\bassigned to (?:who|whom)\b|\bassignee\b|\bowner\b|\bwho to\b"
    r"|\b(?:what|which) (?:team|person|agent|group|queue)\b(?: \S+){1,4} (?:with|on|in|under)$"
    r"|^(?:is|isnt|was) \S+(?: \S+)? (?:still|now|currently) with\b"
    r"|^(?:is|isnt|was) \S+(?: \S+)? with (?:the )?\S+ (?:team|queue|desk)$"
    # "what team is 975 with", "is 1030 still with the network team?": who has it
    r"|\bwho (?:do|should|can|could|shall|would) (?:i|we) (?:talk|speak|go|turn|chat|write"
    r"|reach|contact|call|ring|email|chase)\b(?!(?: to| with)? about (?:it|that|this)\b)"
    # "who do i talk to about 326?"; "who do I call about that" right after a help answer
    # follows up the answer (the assistant's), not a ticket's holder
)
_REQUESTER = re.compile(
    r"\b(?:who|whos)(?: \S+)? (?:raised|opened|filed|reported|created|logged|submitted|made"
    r"|requested|wrote|sent|put in|asked for|started)\b(?!(?: \S+)* (?:priority|prio|severity"
    r"|status|due|deadline|category)\b)"
    r"|\b(?:requester|requestor|reporter|raised by|filed by|opened by|reported by|created by"
    r"|logged by|submitted by|requested by)\b"
    r"|\bwho (?:is|s|was) (?:\S+ ){1,3}(?:from|for)$"
)
_UPDATED = re.compile(
    r"\blast (?:updated|update|changed|change|touched|activity|modified|edited|worked on"
    r"|looked at)\b|\bwhen (?:was|did|has|is)\b(?: \S+){1,6} (?:updated|changed|touched|modified"
    r"|edited|update|change|worked on)\b|\bupdated when\b"
)
_OVERDUE = re.compile(r"\b(?:overdue|over due|past due|past its due date|late|behind)\b")
_DUE = re.compile(
    r"\b(?:due|deadline|eta|due date|duedate|target date)\b|\bby when\b"
    r"|\bhow long\b(?! (?:has|have|had|is|was|s)\b(?: \S+){1,3} (?:been )?(?:open|opened|on hold"
    r"|waiting|pending|in progress|sitting|there|stuck|outstanding|unassigned)\b)"
    # "how long will 12 take" asks when it is done; "how long has 12 been open" asks since when
    r"|\bwhen (?:will|would|should|can|could|is|are|do|does|s)\b(?: \S+){1,8}"
    r" (?:fixed|done|ready|resolved|sorted|finished|completed|complete|solved|back|working"
    r"|closed|sorted out|looked at)\b"
    r"|\b(?:know|tell me|say|wondering|wonder|ask) when (?:\S+ ){1,3}(?:will|would|can|could"
    r"|might|is going to|s going to) be (?:fixed|done|ready|resolved|sorted|finished|completed"
    r"|solved|back|working|closed)\b"  # "let me know when it will be fixed"
)
_SEVERITY = re.compile(r"\b(?:severity|sev|how bad|how severe|how serious)\b")
_SEVERITY_WORDS = {severity.value: severity.value for severity in Severity}
_PRIORITY_VALUES = {word: priority.value for word, priority in PRIORITY_WORDS.items()}
_CATEGORY_VALUES = {f"(?:a|an) {word}": category.value for word, category in CATEGORY_WORDS.items()}
""""a bug", "an incident": a category said as what the ticket is."""
_PRIORITY = re.compile(r"\b(?:priority|priorities|prio|pri|how urgent|how important)\b")
_CATEGORY = re.compile(
    r"\b(?:category|categories|type|classification|classified)\b"
    r"|\bwhat (?:sort|kind|type) of\b"
)
_STATUS = re.compile(
    r"\b(?:status|state|stage|progress)\b|\bwhere (?:is|s|are)\b(?: \S+){1,5} (?:at|now)$"
    r"|\bwheres\b(?: \S+){1,5} (?:at|now)$"
)
_UNFINISHED = frozenset({TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.ON_HOLD})
_FINISHED = frozenset({TicketStatus.RESOLVED, TicketStatus.CLOSED})
_STATUS_ASKED: tuple[tuple[str, frozenset[TicketStatus]], ...] = (
    (r"reopened|open again|back open", frozenset({TicketStatus.OPEN})),
    (r"not (?:yet )?(?:done|fixed|resolved|solved|finished|complete|completed|sorted|closed)"
     r"|still (?:open|broken|pending|outstanding|ongoing|active|there)|broken|unresolved"
     r"|outstanding|open|opened|ongoing|active", _UNFINISHED),
    (r"done|fixed|resolved|solved|finished|complete|completed|sorted|sorted out|finalised"
     r"|finalized", _FINISHED),
    (r"closed|cancelled|canceled|shut|closed out", frozenset({TicketStatus.CLOSED})),
    (r"in progress|started|being worked on|worked on|wip|underway|under way",
     frozenset({TicketStatus.IN_PROGRESS})),
    (r"on hold|paused|waiting|blocked|pending|parked|stuck|on ice",
     frozenset({TicketStatus.ON_HOLD})),
)
_NOUN_FACTS = {
    "status": Fact.STATUS, "state": Fact.STATUS, "priority": Fact.PRIORITY,
    "prio": Fact.PRIORITY, "due": Fact.DUE, "deadline": Fact.DUE, "category": Fact.CATEGORY,
    "type": Fact.CATEGORY, "severity": Fact.SEVERITY, "assignee": Fact.ASSIGNEE,
    "owner": Fact.ASSIGNEE, "requester": Fact.REQUESTER, "requestor": Fact.REQUESTER,
}
_FIELD_NOUNS = re.compile(rf"\b(?:{'|'.join(_NOUN_FACTS)})\b")
"""Facts named: "the status and priority of 4" asks after two, and gets the card alone."""
_CLAUSE = re.compile(r"[,.;:!?\n]+|\s[-–—]+\s|\b(?:and|also|plus|&)\b", re.IGNORECASE)
"""Where a message's questions part: "who has 4 and when is it due?" asks after two."""


def fact_asked(text: str) -> Asked | None:
    """The one fact of a ticket `text` asks after, as a question about the ticket it names
    (or the one in view); None when it asks after none, or after several ("who has 4 and when
    is it due?"). Each part of the message is read on its own ("when will 2 be fixed, the CEO
    is asking")."""
    said = _plain(text)
    if _NOT_A_FACT.search(said) or len({_NOUN_FACTS[noun] for noun in
                                         _FIELD_NOUNS.findall(said)}) > 1:
        return None
    found = [asked for part in _CLAUSE.split(text)
             if (plain := _plain(part)) and (asked := _fact_in(plain)) is not None]
    return found[0] if found and len({asked.fact for asked in found}) == 1 else None


_ASKING = re.compile(
    r"^(?:\S+ ){0,6}?(?:who|whos|whose|what|whats|when|whens|where|wheres|is|isnt|has|hasnt"
    r"|tell me|check|know|wondering|wonder)\b"
)
"""A question put without a question mark: "can you tell me the status of 2", "sorry quick q,
who has 2", "can u check if 2 is closed"."""


def put_as_a_question(text: str) -> bool:
    """Whether `text` asks rather than tells: "40 status: waiting on the vendor" is a note."""
    return "?" in text or bool(_ASKING.search(_plain(text)))


def _fact_in(said: str) -> Asked | None:
    yes_no = _yes_no(said)
    if _PICKED_UP_WHEN.search(said):
        return Asked(Fact.STATUS)
    if _ASSIGNEE_YES_NO.search(said):
        return Asked(Fact.ASSIGNEE, yes_no=True)
    if _REQUESTER.search(said):
        return Asked(Fact.REQUESTER)
    if _ASSIGNEE.search(said):
        return Asked(Fact.ASSIGNEE)
    if _UPDATED.search(said):
        return Asked(Fact.UPDATED)
    if _OVERDUE.search(said):
        return Asked(Fact.DUE, yes_no=True)
    if _DUE.search(said):
        return Asked(Fact.DUE)
    for fact, noun, values in ((Fact.SEVERITY, _SEVERITY, _SEVERITY_WORDS),
                               (Fact.PRIORITY, _PRIORITY, _PRIORITY_VALUES),
                               (Fact.CATEGORY, _CATEGORY, _CATEGORY_VALUES)):
        value = _value_said(said, values) if yes_no else None
        if value is not None and (fact is not Fact.SEVERITY or noun.search(said)
                                  or not _value_said(said, _PRIORITY_VALUES)):
            return Asked(fact, yes_no=True, values=frozenset({value}))
        if noun.search(said):
            return Asked(fact)
    if yes_no:
        for words, statuses in _STATUS_ASKED:
            if re.search(rf"\b(?:{words})\b", said):
                return Asked(Fact.STATUS, yes_no=True,
                             values=frozenset(status.value for status in statuses))
    if _STATUS.search(said):
        return Asked(Fact.STATUS)
    return None


def _plain(text: str) -> str:
    """Lower case words without apostrophes ("who's" is "whos"), keywords spelt right."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))
    return " ".join(corrected(word) for word in words)


_STATES_ASKED = "|".join(words for words, _ in _STATUS_ASKED)
_TERSE = re.compile(rf"(?:(?:ticket|tkt|case|no|number|nr) )*\d+ (?:still )?(?:{_STATES_ASKED})"
                    r"(?: yet| now| already)?")
""""903 done?", "ticket 903 still open?": a ticket and the state asked after, nothing more."""


def _yes_no(said: str) -> bool:
    words = said.split()
    while words and words[0] in _FILLERS:
        words.pop(0)
    if words and words[0] in _AUXILIARIES or re.search(r"\b(?:if|whether)\b", said):
        return True
    return bool(_TERSE.fullmatch(" ".join(words)))


def _value_said(said: str, values: dict[str, str]) -> str | None:
    for word in sorted(values, key=len, reverse=True):
        if re.search(rf"\b{word}\b", said):
            return values[word]
    return None
