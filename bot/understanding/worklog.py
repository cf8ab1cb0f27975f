"""Whether a message reports work done on the ticket in view, as a work log reads.

"left a voicemail for the requester, waiting to hear back", "called the user, no answer",
"replaced the toner, testing now", "still waiting on the vendor": said just after a ticket
was shown, it is a note about that ticket (offered as a comment on it, one press), not a
question for the help documents nor a new ticket. It takes an opening that reports what was
done to reach someone or to fix something (a past tense: "called", "emailed", "rebooted"), or
that tells of waiting for someone; or what is being done or will be done ("ordering a
replacement battery", "will swap it tomorrow", "looking into it", "part ordered"), what was
found ("turned out to be a loose cable"), or a guess at the cause followed by the work on it
("looks like a dead battery, ordering a new one"). A question ("called the user, what
next?") is none, and neither is a problem told ("forgot my password", "locked out again",
"looks like outlook is down for everyone", "installing teams keeps failing").
"""

from __future__ import annotations

import re

_DONE = (
    "called", "rang", "phoned", "emailed", "e-mailed", "mailed", "messaged", "texted", "pinged",
    "chased", "contacted", "spoke", "spoken", "talked", "left", "sent", "asked", "told",
    "replaced", "swapped", "rebooted", "restarted", "reinstalled", "reimaged", "re-imaged",
    "updated", "patched", "ordered", "escalated", "tested", "checked", "tried", "cleared",
    "reseated", "rolled", "reverted", "cleaned", "unjammed", "fixed", "installed",
    "uninstalled", "removed", "applied", "booked", "arranged", "scheduled", "visited",
    "followed", "raised", "logged", "diagnosed", "ran", "configured", "reconfigured",
)
_WHO = r"(?:i|we|i've|ive|we've|weve|i have|we have|just|already|have)"
_OPENING = re.compile(
    rf"^(?:(?:{_WHO}) )*(?:{'|'.join(re.escape(word) for word in _DONE)})\b"
    r"|^(?:(?:i am|im|i'm|we are|were|we're|still|currently|now) )*waiting (?:on|for)\b"
    r"|^(?:still )?no (?:reply|response|answer|word|news) (?:from|yet)\b"
    r"|^(?:the )?(?:user|requester|customer|caller|vendor|supplier) (?:says|said|confirmed|reports|reported|replied|called|emailed)\b",
)
_DOING = (
    "ordering", "replacing", "swapping", "calling", "ringing", "phoning", "emailing", "chasing",
    "contacting", "escalating", "rebooting", "restarting", "reinstalling", "reimaging",
    "re-imaging", "installing", "uninstalling", "patching", "reseating", "reverting", "rolling",
    "cleaning", "unjamming", "investigating", "troubleshooting", "diagnosing", "remoting",
    "arranging", "booking", "scheduling", "visiting", "looking into", "heading (?:over|down|up|to)",
    "popping (?:over|down|up|by)", "going over",
)
_WILL_DO = (
    "call", "ring", "phone", "email", "chase", "contact", "swap", "replace", "reboot", "restart",
    "reinstall", "reimage", "re-image", "order", "escalate", "test", "check", "try", "clear",
    "reseat", "revert", "roll", "clean", "fix", "install", "patch", "book", "arrange", "schedule",
    "visit", "follow", "look", "head", "pop", "go over", "investigate", "remote",
)
_PASSIVE = (
    "ordered", "replaced", "swapped", "escalated", "rebooted", "restarted", "reinstalled",
    "reimaged", "re-imaged", "patched", "reseated", "reverted", "booked", "scheduled", "arranged",
)
_UNDER_WAY = re.compile(
    rf"^(?:(?:i|we) will|i'll|ill|we'll|will|(?:i'm|im|i am|we're|we are)? ?(?:going to|gonna"
    rf"|about to)) (?:{'|'.join(re.escape(word) for word in _WILL_DO)})\b"
    r"|^(?:(?:i'm|im|i am) )?(?:on my way|omw)\b|^remoted\b"
    r"|^(?:it )?(?:turned|turns) out\b|^(?:the )?root cause\b|^(?:the )?(?:cause|culprit) (?:is|was)\b"
    r"|^found (?:the|a) (?:problem|issue|cause|culprit|fault)\b",
)
_BEING_DONE = re.compile(
    rf"^(?:(?:i am|im|i'm|we are|we're|now|currently|just) )*(?:{'|'.join(_DOING)}) \w"
    rf"|^(?!(?:my|our|it|this|that|i|we)\b)(?:[\w-]+ ){{1,3}}(?:{'|'.join(_PASSIVE)})"
    r"(?! (?:the|a|an|my|our|his|her|their|it|them)\b)(?: |$)",
)
"""Work being done ("ordering a new one") or a thing done ("part ordered"): unless what is
said of it is a problem (`_GOES_WRONG`)."""
_GOES_WRONG = re.compile(
    r"\b(?:keeps?|kept|fails|failed|crashes|crashed|does|doesn'?t|did|didn'?t|don'?t|won'?t"
    r"|wont|can'?t|cant|cannot|is|isn'?t|isnt|was|wasn'?t|are|never|drops|dropped|stops"
    r"|stopped|broke|hangs|freezes|froze|fixes|helps|helped|works|worked|still not)\b")
"""What a thing being done does, said of it: "installing teams keeps failing", "booking a
room does not work", "the toner i ordered never came" tell a problem, no work on it."""
_OF_ANOTHER = re.compile(r"\b(?:why|what|how|whether|if|that|which|where|when|who)\b")
"""Words after which a verb is of another thing: "looking into why outlook keeps crashing"."""
_GUESS = re.compile(r"^(?:it )?(?:looks|seems|sounds) (?:like|to be)\b|^(?:probably|likely)\b")
_CLAUSES = re.compile(r"\s*(?:[,;:.!]+|\s-+\s|\bso\b|\band\b)\s*")
_CLAUSES_READ = 300  # a guess at the cause and the work on it are said in a line or two
_CLAUSES_MOST = 8
_QUESTION = re.compile(r"\?|^(?:how|what|why|where|when|who|which|can|could|should|do|does|is|are)\b")

_ASKED = re.compile(r"(?:how|what|why|where|who)\b|(?:can|could|should|do|does|is|are|will|would)"
                    r" (?:i|you|we|they|he|she|it|that|this|someone|anyone)\b")


def reports_work(text: str) -> bool:
    """Whether `text` reads as a work-log note rather than a question or a problem."""
    said = " ".join(re.sub(r"[^\w'?-]+", " ", text.lower()).split())
    first, *rest = _CLAUSES.split(text.lower()[:_CLAUSES_READ], maxsplit=_CLAUSES_MOST)
    if _QUESTION.search(said) or any(_ASKED.match(clause) for clause in rest):
        return False  # "ordering a new laptop, how do I do that"
    if _OPENING.search(said) or _UNDER_WAY.search(said) or _being_done(said, first):
        return True
    return bool(_GUESS.search(first)) and any(
        _OPENING.search(clause) or _UNDER_WAY.search(clause) or _being_done(clause, clause)
        for clause in rest)


def _being_done(said: str, clause: str) -> bool:
    """Whether `said` opens with work being done or a thing done (`_BEING_DONE`) and its
    first clause tells no problem of it (`_GOES_WRONG` before any `_OF_ANOTHER`)."""
    if not _BEING_DONE.search(said):
        return False
    wrong = _GOES_WRONG.search(clause.replace("’", "'"))
    another = _OF_ANOTHER.search(clause)
    return wrong is None or another is not None and another.start() < wrong.start()
