"""Who a ticket should go to: me, nobody, an @mention, an email, a person's name or a team."""

from __future__ import annotations

from dataclasses import dataclass

from bot.understanding.context import Conversation, Person
from bot.understanding.message import MENTION, Word, typed_text
from bot.understanding.requests import Choice, Nobody, TeamTarget, Target, UserTarget

ME = frozenset({"me", "myself", "i", "mine", "self"})
NOBODY = frozenset({"nobody", "noone", "no one", "none", "no-one", "unassigned", "anyone", "nobody else"})
_FILLER = frozenset({"the", "to", "over", "please", "@", "user", "person", "agent"})
_AFTER_A_NAME = frozenset({"only", "alone", "instead", "directly", "personally", "now", "then",
                           "too", "also", "asap", "thanks", "thx", "ty"})
TEAM_WORDS = frozenset({"team", "queue", "group", "guys", "folks", "people", "crew", "squad",
                         "department", "dept", "lot", "backlog", "board", "lads", "peeps", "gang"})  # "the network guys"


@dataclass(frozen=True, slots=True)
class Ambiguous:
    said: str
    choices: tuple[Choice, ...]


@dataclass(frozen=True, slots=True)
class NoSuchTarget:
    said: str


Found = Target | Ambiguous | NoSuchTarget


def fits_nobody(found: Found, conversation: Conversation) -> bool:
    """A name that is no one the viewer may name. Before the people and teams were read
    (`conversation.directory` False) a name may still be someone: it is asked about, which
    has the caller read them and understand the message again."""
    return isinstance(found, NoSuchTarget) and conversation.directory


def find_target(words: list[Word], conversation: Conversation) -> Found:
    kept = [w for w in words if w.text not in _FILLER and w.text.lstrip("@")]
    while len(kept) > 1 and (kept[-1].text in _AFTER_A_NAME or kept[-1].typed.lower() == "today"):
        kept.pop()  # "assign 37 to me only", "give it to Sam instead", "… to Sam today"
    if not kept:
        return NoSuchTarget("")
    phrase = " ".join(w.text.lstrip("@") for w in kept)
    if len(kept) == 1 and kept[0].text == MENTION:
        return _mentioned(kept[0].value, conversation)
    if phrase in ME:
        return UserTarget(conversation.viewer_id, conversation.name_of(conversation.viewer_id))
    if phrase in NOBODY:
        return Nobody()
    if "@" in phrase and " " not in phrase:
        return _by_email(phrase, conversation)
    if phrase in _OUR_TEAM:
        return _own_team(conversation) or NoSuchTarget(typed_text(kept))
    if kept[0].text in TEAM_WORDS or kept[-1].text in TEAM_WORDS:
        texts = [w.text for w in kept]
        inner = [word for at, word in enumerate(texts) if word not in TEAM_WORDS and not (
            word == "teams" and texts[at + 1:at + 2] and texts[at + 1] in TEAM_WORDS
        )]  # "the network team's queue"
        found = _team(" ".join(inner), conversation)
    else:
        found = _named(phrase, conversation)
    return NoSuchTarget(typed_text(kept)) if isinstance(found, NoSuchTarget) else found


_OUR_TEAM = frozenset(f"{whose} {team}" for whose in ("my", "our")
                      for team in ("team", "teams", "group", "queue", "team queue"))


def _own_team(conversation: Conversation) -> TeamTarget | Ambiguous | None:
    """"my team": the viewer's one team, or which of theirs; None when they are in none."""
    own = [t for t in conversation.teams if t.team_id in conversation.own_teams]
    if len(own) == 1:
        return TeamTarget(own[0].team_id, own[0].name)
    if own:
        return Ambiguous("team", tuple(Choice(t.name, TeamTarget(t.team_id, t.name)) for t in own))
    return None


def _mentioned(value: object, conversation: Conversation) -> Found:
    if isinstance(value, Person):
        return UserTarget(value.user_id, value.name)
    return _named(str(value).lower(), conversation)


def _by_email(email: str, conversation: Conversation) -> Found:
    for person in conversation.people:
        if person.email and person.email.lower() == email:
            return UserTarget(person.user_id, person.name)
    return NoSuchTarget(email)


def _team(name: str, conversation: Conversation) -> Found:
    exact = [t for t in conversation.teams if t.name.lower() == name]
    starting = exact or [t for t in conversation.teams if t.name.lower().startswith(name)]
    if len(starting) == 1:
        return TeamTarget(starting[0].team_id, starting[0].name)
    if len(starting) > 1:  # "the crew queue" names no team: all of them, "Which team"
        return Ambiguous(name or "team", tuple(Choice(t.name, TeamTarget(t.team_id, t.name)) for t in starting))
    return _loosely(name, conversation) or NoSuchTarget(f"team {name}")


def _loosely(name: str, conversation: Conversation) -> TeamTarget | None:
    """"networking", "the facility folks": the one team named with another ending (a slip,
    "Netwrk", is asked about: no guessing who takes a ticket)."""
    loose = [t for t in conversation.teams if _stems(t.name) == _stems(name)]
    return TeamTarget(loose[0].team_id, loose[0].name) if len(loose) == 1 and name else None


_ENDINGS = ("ing", "ies", "es", "s", "y")


def _stems(name: str) -> tuple[str, ...]:
    """A team's name without the endings people vary: "Networking" is "Network",
    "Facility" "Facilities"."""
    stems = []
    for word in name.lower().split():
        ending = next((e for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= 4), "")
        stems.append(word.removesuffix(ending) if ending else word)
    return tuple(stems)


def _named(phrase: str, conversation: Conversation) -> Found:
    people = conversation.people
    matches = (
        [p for p in people if p.name.lower() == phrase]
        or [p for p in people if p.first_name.lower() == phrase]
        or [p for p in people if p.name.lower().split()[-1:] == [phrase]]
        or ([p for p in people if p.name.lower().startswith(phrase)] if len(phrase) >= 3 else [])
    )
    teams = [t for t in conversation.teams if t.name.lower() == phrase]
    if len(matches) == 1 and not teams:
        return UserTarget(matches[0].user_id, matches[0].name)
    if len(teams) == 1 and not matches:
        return TeamTarget(teams[0].team_id, teams[0].name)
    if matches or teams:
        return Ambiguous(phrase, tuple(
            [Choice(_label(p, matches), UserTarget(p.user_id, p.name)) for p in matches]
            + [Choice(f"{t.name} team", TeamTarget(t.team_id, t.name)) for t in teams]
        ))
    return _loosely(phrase, conversation) or NoSuchTarget(phrase)


def _label(person: Person, among: list[Person]) -> str:
    """A name, with the email when two people share it."""
    twins = sum(1 for p in among if p.name.lower() == person.name.lower())
    return f"{person.name} ({person.email})" if twins > 1 and person.email else person.name
