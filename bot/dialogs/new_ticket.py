"""`new ticket`: asks only for what is missing, then hands the answers back.

The dialog ends with a plain dict of answers (title, description, category,
priority, and the assignee and due date the first message named); the caller files the ticket, so a restart between steps loses nothing
but never files half a ticket.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any, TypeVar

from botbuilder.core import MessageFactory
from botbuilder.dialogs import (
    ComponentDialog,
    DialogContext,
    DialogTurnResult,
    WaterfallDialog,
    WaterfallStepContext,
)
from botbuilder.dialogs.choices import Choice, FoundChoice, ListStyle
from botbuilder.dialogs.prompts import (
    ChoicePrompt,
    PromptOptions,
    PromptValidatorContext,
    TextPrompt,
)

from bot.actions import notices
from bot.actions.option import yes_alone
from bot.dialogs.answers import cannot_choose, plain_words, skips
from bot.understanding.courtesy import courtesy
from bot.understanding.requests import Question, Understanding
from bot.understanding.words import as_title
from domain.errors import InvalidValue
from domain.tickets import Category, Priority
from domain.validation import DESCRIPTION_MAX, parse_text, parse_title

DIALOG_ID = "new_ticket"
CHOICE_STEPS = frozenset({"category", "priority"})
_Choice = TypeVar("_Choice", bound=StrEnum)
CATEGORY_LABELS = {
    Category.SUPPORT: "Support",
    Category.INCIDENT: "Incident",
    Category.BUG: "Bug",
    Category.REQUEST: "Request",
    Category.FEATURE: "Feature",
    Category.ENHANCEMENT: "Enhancement",
}
PRIORITY_LABELS = {
    Priority.LOW: "Low",
    Priority.MEDIUM: "Medium",
    Priority.HIGH: "High",
    Priority.URGENT: "Urgent",
}


class NewTicketDialog(ComponentDialog):  # type: ignore[misc]  # untyped SDK class
    def __init__(self) -> None:
        super().__init__(DIALOG_ID)
        self.add_dialog(TextPrompt("title", self.title_is_valid))
        self.add_dialog(TextPrompt("description", self.description_is_valid))
        for prompt_id, default in (("category", CATEGORY_LABELS[Category.SUPPORT]),
                                   ("priority", PRIORITY_LABELS[Priority.MEDIUM])):
            choices = ChoicePrompt(prompt_id, _meant_as_choice_or(
                default, _KIND_HINTS if prompt_id == "category" else _URGENCY_HINTS))
            choices.style = ListStyle.hero_card  # buttons work in personal chats and channels
            self.add_dialog(choices)
        self.add_dialog(
            WaterfallDialog(
                "steps",
                [self.title_step, self.description_step, self.category_step,
                 self.priority_step, self.summary_step],
            )
        )
        self.initial_dialog_id = "steps"

    async def title_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        step.values.update(_known(step.options))
        given = step.values.pop("title", None)
        if given and not skips(given):  # "new ticket skip": no title given, as when asked
            try:
                return await step.next(parse_title(given))
            except InvalidValue as error:
                await step.context.send_activity(MessageFactory.text(_sentence(error)))
        return await step.prompt(
            "title", PromptOptions(prompt=MessageFactory.text("What's the problem, in one line?"))
        )

    async def description_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        step.values["title"] = as_title(parse_title(step.result))
        if "description" in step.values:
            return await step.next(step.values["description"])
        question = "Describe it in a few sentences: what happened, and what did you expect? (or say skip)"
        return await step.prompt("description", PromptOptions(prompt=MessageFactory.text(question)))

    async def category_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        text = str(step.result or "").strip()
        step.values["description"] = None if skips(text) else text or None
        return await _choose(step, "category", "Which kind of ticket is it?",
                             _PICK_A_KIND, CATEGORY_LABELS)

    async def priority_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if step.result is not None:
            step.values["category"] = _choice(step.result, CATEGORY_LABELS)
        return await _choose(step, "priority", "How urgent is it?",
                             "Please pick Low, Medium, High or Urgent, or say cancel.", PRIORITY_LABELS)

    async def summary_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if step.result is not None:
            step.values["priority"] = _choice(step.result, PRIORITY_LABELS)
        answers = {key: step.values.get(key) for key in ("title", "description", "category",
                                                          "priority", "assignee", "due_date")}
        answers["then"] = step.values.get("then")  # more asked at once: offered once filed
        if behalf := step.values.get("on_behalf_of"):  # TicketFlow's requester is the filer
            added_to_description(answers, f"Filed on behalf of {behalf}.")
        return await step.end_dialog(answers)

    @staticmethod
    async def title_is_valid(prompt: PromptValidatorContext) -> bool:
        if prompt.recognized.succeeded and skips(str(prompt.recognized.value)):
            await prompt.context.send_activity(
                MessageFactory.text("A ticket needs a title: what's the problem, in one line? Or say cancel."))
            return False
        if prompt.recognized.succeeded and wordless(said := str(prompt.recognized.value)):
            await prompt.context.send_activity(MessageFactory.text(
                f"“{_shortened(said.strip(), 20)}” doesn't say what's wrong: what's the "
                "problem, in one line? Or say cancel."))
            return False
        return await _validate(prompt, lambda text: parse_title(text))

    @staticmethod
    async def description_is_valid(prompt: PromptValidatorContext) -> bool:
        if prompt.recognized.succeeded and yes_alone(str(prompt.recognized.value)):
            return False  # "yes" after "Let's file … as a ticket.": asked again, never filed
        return await _validate(
            prompt, lambda text: parse_text("description", text, limit=DESCRIPTION_MAX)
        )


def wordless(title: str) -> bool:
    """Whether a title has no word in it ("12", "🙁", "!!!"): it tells the service desk
    nothing, and a bare number may well be a ticket meant."""
    return not any(character.isalpha() for character in title)


def waiting_for(dialog_context: DialogContext) -> str | None:
    """The step the new-ticket dialog waits on ("title", "description", "category",
    "priority"); None when no new ticket is being filed."""
    stack = _inner_stack(dialog_context)
    return str(stack[0].id) if stack else None


def _inner_stack(dialog_context: DialogContext) -> list[Any]:
    """The new-ticket dialog's own stack, top first (the prompt waiting, then its steps);
    empty when no new ticket is being filed."""
    active = dialog_context.active_dialog
    if active is None or active.id != DIALOG_ID:
        return []
    inner = active.state.get(ComponentDialog.persisted_dialog_state)
    return list(getattr(inner, "dialog_stack", None) or [])


def answered_aside(dialog_context: DialogContext, understood: Understanding) -> bool:
    """Whether a message asked under a choice ("Which kind of ticket is it?") is a question
    for the help assistant ("how do I set up an out of office reply?"): it is answered, and
    the choice asked again; the ticket being filed is neither dropped nor told to "pick one
    of the buttons"."""
    return waiting_for(dialog_context) in CHOICE_STEPS and isinstance(understood, Question)


_ABOUT_THE_CHOICE = re.compile(
    r"\b(?:differences?|mean|means|meant|meaning|counts? as|count|definition|define|explain"
    r"|pick|choose|select|which one|which should|options|kinds|types|categories"
    r"|levels|should (?:it|i|this|we) (?:be|put|say|use|give|pick|choose|select|go for)"
    r"|what should (?:i|we) (?:do|answer|reply)(?: here| now)?$)\b")
"""Words of a question about the choice itself: "what's the difference between incident and
bug?", "what does urgent mean?", "which one should I pick?", "what counts as high?", "what
should I put?"; not "what should I work on next?", which asks for the person's tickets."""
_QUESTION_OPENS = frozenset(
    "what whats which how hows whch wat is are does do should can could difference".split())
KINDS_EXPLAINED = (
    "Incident: something is broken or down. Bug: software that does the wrong thing. "
    "Request: something you need (access, equipment, a set-up). Support: a question, or help "
    "with how to do something. Feature: something new you'd like. Enhancement: something that "
    "exists, made better. Not sure? Say not sure and I'll put Support.")
URGENCIES_EXPLAINED = (
    "Low: it can wait. Medium: it slows you down, but you can work. High: you can't work, or "
    "a deadline is at risk. Urgent: many people are affected, or it's an emergency. Not sure? "
    "Say not sure and I'll put Medium.")


def choice_explained(dialog_context: DialogContext, text: str) -> str | None:
    """What the kinds or the urgencies mean, when the message asks about the choice waited
    on ("what's the difference between incident and bug?", "what does urgent mean?", "which
    one should I pick?"): the help documents know nothing of it, and a label asked about is no
    answer ("what does urgent mean?" under the kind is no Urgent priority). None for any other
    message, and when no choice of a new ticket is waited on."""
    step = waiting_for(dialog_context)
    if step not in CHOICE_STEPS:
        return None
    said = plain_words(text).split()
    asked = text.rstrip().endswith("?") or bool(said) and said[0] in _QUESTION_OPENS
    if not asked or _ABOUT_THE_CHOICE.search(" ".join(said)) is None:
        return None
    kinds = _names_any(said, CATEGORY_LABELS.values())
    urgencies = _names_any(said, PRIORITY_LABELS.values()) or "urgent" in said
    if kinds != urgencies:  # "what does urgent mean?" asked under the kind: the urgencies
        return KINDS_EXPLAINED if kinds else URGENCIES_EXPLAINED
    return KINDS_EXPLAINED if step == "category" else URGENCIES_EXPLAINED


def _names_any(said: list[str], labels: Iterable[str]) -> bool:
    return any(label.casefold() in said for label in labels)


_URGENCY = re.compile(
    r"\b(?:(?P<before>low|medium|high|urgent)(?:[ -]?pri(?:o(?:rity)?)?)\b|"
    r"\bprio(?:rity)?(?: is| of| to| should be)?:? (?P<after>low|medium|high|urgent)\b|"
    r"\b(?P<urgent>urgent|asap)\b)", re.IGNORECASE)


def noted_priority(dialog_context: DialogContext, text: str) -> str | None:
    """Under "Which kind of ticket is it?", the urgency said instead ("can you make it
    urgent please, I have a deadline", "high priority"): kept, so "How urgent is it?" is
    not asked, and its label returned (None when the message says no urgency, says a kind
    too, or denies it: "not urgent")."""
    if waiting_for(dialog_context) != "category" or any(
            says_label(text, label) for label in CATEGORY_LABELS.values()):
        return None
    words = {next(word for word in found.groups() if word).casefold()
             for found in _URGENCY.finditer(text)}
    if len(words) != 1:
        return None
    word = words.pop()
    values = _steps_values(dialog_context)
    if values is None or not says_label(text, word):  # "not urgent", "no high priority"
        return None
    priority = Priority.URGENT if word == "asap" else Priority(word)
    values["priority"] = priority.value
    return PRIORITY_LABELS[priority]


def noted_ahead(dialog_context: DialogContext, text: str) -> tuple[dict[str, str], str] | None:
    """Under "Describe it …", a kind or an urgency said and nothing else ("incident", "Bug",
    "incident, high", "urgent"): the answers to the questions ahead and the sentence that says
    they are kept, so they are not asked; never the description (nor, for "urgent", a list of
    urgent tickets). None for anything else ("bug in the calendar view, …", "3"), for two
    kinds, and under any other question."""
    if waiting_for(dialog_context) != "description" or not is_bare_choice(text):
        return None
    if any(word.isdecimal() or word in _ORDINALS for word in re.findall(r"[^\W_]+", text.casefold())):
        return None
    kinds = [kind for kind, label in CATEGORY_LABELS.items() if says_label(text, label)]
    urgencies = [urgency for urgency, label in PRIORITY_LABELS.items() if says_label(text, label)]
    if len(kinds) > 1 or len(urgencies) > 1 or not kinds + urgencies:
        return None
    values = {"category": kind.value for kind in kinds} | {"priority": p.value for p in urgencies}
    noted = [f"kind {CATEGORY_LABELS[kind]}" for kind in kinds] + [
        f"{PRIORITY_LABELS[urgency]} priority" for urgency in urgencies]
    return values, notices.noted_for_filing(noted)


def keep_for_ticket(dialog_context: DialogContext, values: Mapping[str, str]) -> bool:
    """Keeps answers said out of turn ("give it to Sam" under "Which kind of ticket is
    it?") with the ticket being filed, so what they answer is not asked; False when no new
    ticket is being filed."""
    kept = _steps_values(dialog_context)
    if kept is None:
        return False
    kept.update(values)
    return True


DETAILS_WORDS = 7
"""Words from which a message under the kind or urgency question tells more of the problem
("it drops every 10 minutes since Monday", a pasted error) rather than answering the
choice ("I'll take the switch one", "the blue one")."""
ANSWER_WORDS = 12
"""Words up to which a message that says a kind or an urgency in any words ("I need access
for a new starter", "it's broken and I need a new one") is an answer to the choice, not
details; a longer one is both."""
_SAID_TO_THE_BOT = frozenset(
    "you your youre yours u ur question questions option options button buttons choice"
    " choices".split())
"""Words of a message about the question itself ("I don't get what you mean by kind"),
which is no detail of the problem."""


def kept_as_details(dialog_context: DialogContext, text: str) -> bool:
    """Details told under "Which kind of ticket is it?" or "How urgent is it?" ("It crashed
    when I opened the shared calendar. Error code 0x80040154."), after the description was
    skipped or to add to it, are added to the description instead of being read for a choice
    and dropped. False (nothing kept) for a few words, for words about the question ("can you
    make it urgent please, I have a deadline"), or when no choice of a new ticket is waited
    on."""
    values = _steps_values(dialog_context)
    said = plain_words(text).split()
    if values is None or waiting_for(dialog_context) not in CHOICE_STEPS or len(
            said) < DETAILS_WORDS or _SAID_TO_THE_BOT.intersection(said) or (
            len(said) < ANSWER_WORDS and _says_a_choice(text)):
        return False
    return added_to_description(values, text)


def note_for_filing(dialog_context: DialogContext, note: str, *, said: str) -> bool:
    """A note asked for under "Which kind of ticket is it?" or "How urgent is it?" ("can u add
    a note that i tried restarting", "add a comment: happens on both monitors"): there is no
    ticket to comment on yet, so it is added to the description of the one being filed.
    False when no choice of a new ticket is waited on, or the note is for another ticket or
    no ticket (`said`: "comment on the printer ticket: …", "note to self: …")."""
    values = _steps_values(dialog_context)
    if values is None or waiting_for(dialog_context) not in CHOICE_STEPS or _for_another(
            said, note):
        return False
    return added_to_description(values, note)


_ANOTHER_TICKET = re.compile(r"\b(?:tickets?|tkt|ones?|issues?|cases?|requests?|incidents?"
                             r"|problems?|self|myself)\b", re.IGNORECASE)
_ADDRESSED = re.compile(r"(?:to|for|on|in|about)\b", re.IGNORECASE)


def _for_another(said: str, note: str) -> bool:
    """Whether a note is said to be for a ticket named in words ("comment on the printer
    ticket: user is out", "add a note to the vpn one that …") or for someone or no ticket
    ("note to self: …", "add a note for sam: …"), the bot having read only the words after."""
    at = said.find(note)
    return _ANOTHER_TICKET.search(said[:at] if at >= 0 else said) is not None or (
        _ADDRESSED.match(note.strip()) is not None)


def added_to_description(values: dict[str, Any], told: str) -> bool:
    """Adds `told` to the description being filed, after what it says; False (nothing
    added) past the description's limit, as the filing must still go through."""
    told = told.strip()
    described = values.get("description")
    description = f"{described}\n\n{told}" if described else told
    try:
        parse_text("description", description, limit=DESCRIPTION_MAX)
    except InvalidValue:
        return False
    values["description"] = description
    return True


def _says_a_choice(text: str) -> bool:
    """Whether `text` names a kind or an urgency, by its label or in everyday words, even
    several or denied ("not broken"): an answer to the choice, however it reads."""
    said = f" {plain_words(text)} "
    return any(f" {word.casefold()} " in said for word in _LABEL_WORDS) or any(
        f" {phrase} " in said for hints in (_KIND_HINTS, _URGENCY_HINTS)
        for phrases in hints.values() for phrase in phrases)


def _steps_values(dialog_context: DialogContext) -> dict[str, Any] | None:
    """The answers the new-ticket dialog has collected so far (its waterfall's values)."""
    for instance in _inner_stack(dialog_context):
        if instance.id == "steps":
            values = instance.state.setdefault(WaterfallDialog.PersistedValues, {})
            return values if isinstance(values, dict) else None
    return None


_FILLER = frozenset(
    "please pls plz the a an it its is s ll d m ve re i im one option make pick choose think"
    " guess go with for priority ticket kind type category just say lets let ok okay um hmm"
    " like would be should that this".split()
)
_ORDINALS = frozenset("first second third fourth fifth sixth 1st 2nd 3rd 4th 5th 6th".split())
_LABEL_WORDS = frozenset(
    label.casefold() for label in (*CATEGORY_LABELS.values(), *PRIORITY_LABELS.values())
)


def is_bare_choice(text: str) -> bool:
    """Whether a message says nothing but a choice: "high", "2", "the 2nd one", "make it
    high please"; not "4 is fixed" or "I'll take the switch one", whose number or "one"
    is about something else."""
    said = re.findall(r"[^\W_]+", text.casefold())
    return bool(said) and all(
        word in _FILLER or word in _ORDINALS or word in _LABEL_WORDS
        or word.isdecimal() and len(word) <= 2
        for word in said
    )


_NEGATIONS = frozenset(
    "not no never nor neither hardly isnt arent wasnt werent dont doesnt didnt aint".split())
_NEGATED_WITHIN = 4
"""Words before a label, in its clause, where a negation denies it (as in the reading)."""


def says_label(text: str, label: str) -> bool:
    """Whether `text` says the button's `label` and does not deny it: "urgent, the whole
    floor is down", not "not urgent at all" or "no rush, not high priority"."""
    for clause in re.split(r"[,;:.!?()]|\s-\s", re.sub(r"['’]", "", text.casefold())):
        words = re.findall(r"[^\W_]+", clause)
        if any(word == label.casefold()
               and not _NEGATIONS.intersection(words[max(0, at - _NEGATED_WITHIN):at])
               for at, word in enumerate(words)):
            return True
    return False


def _meant_as_choice_or(default: str, hints: Mapping[str, frozenset[str]]) -> Any:
    """The prompt's validator: `default` taken, and said, when the person does not know
    ("not sure", "no idea", "you pick"): the service desk sorts a ticket's kind and urgency
    anyway, and a question nobody can answer would keep the ticket from being filed.
    `hints`: everyday words that say which label is meant ("it's broken": Incident), taken
    and said when they point at one label only."""

    async def validate(prompt: PromptValidatorContext) -> bool:
        text = str(prompt.context.activity.text or "")
        said_outright = prompt.recognized.succeeded and (is_bare_choice(text) or says_label(
            text, str(prompt.recognized.value.value)))
        if not said_outright and (hinted := _hinted(text, hints)) is not None and (
                await _taken(prompt, hinted, f"I've put {hinted}")):
            return True
        if cannot_choose(text) and await _taken(
                prompt, default, f"No problem: I've put {default}"):
            return True
        return await _meant_as_choice(prompt)

    return validate


async def _taken(prompt: PromptValidatorContext, label: str, said: str) -> bool:
    """`label` taken as the answer, and `said` so ("…; the service desk can change it"), when
    the prompt offers it."""
    choices = [choice.value for choice in prompt.options.choices or ()]
    if label not in choices:
        return False
    prompt.recognized.succeeded = True
    prompt.recognized.value = FoundChoice(label, choices.index(label), 1.0)
    await prompt.context.send_activity(MessageFactory.text(
        f"{said}; the service desk can change it."))
    return True


_PICK_A_KIND = ("Pick the closest: Incident if something is broken, Request if you need "
                "something, Support for a question (or say not sure, or cancel).")
"""Asked again under "Which kind of ticket is it?": what the kinds are, in everyday words."""
_KIND_HINTS: dict[str, frozenset[str]] = {
    CATEGORY_LABELS[Category.INCIDENT]: frozenset({
        "broken", "broke", "down", "outage", "not working", "stopped working", "doesnt work",
        "does not work", "wont work", "crash", "crashed", "crashes", "crashing", "dead",
        "offline", "failing", "failed", "fails", "no signal", "wont start", "wont turn on",
        "out of order", "cant access", "cannot access"}),
    CATEGORY_LABELS[Category.REQUEST]: frozenset({
        "i need", "need", "i want", "want", "install", "permission", "permissions", "set up",
        "setup", "new account", "new laptop", "new starter", "something i need"}),
    CATEGORY_LABELS[Category.SUPPORT]: frozenset({
        "question", "a question", "how do i", "how to", "advice", "just a question"}),
    CATEGORY_LABELS[Category.BUG]: frozenset({"glitch", "software bug", "a bug"}),
    CATEGORY_LABELS[Category.FEATURE]: frozenset({"idea", "suggestion", "would be nice", "wish"}),
    CATEGORY_LABELS[Category.ENHANCEMENT]: frozenset({"improvement", "improve", "make it better"}),
}
"""Everyday words for a ticket's kind, said under "Which kind of ticket is it?"."""
_URGENCY_HINTS: dict[str, frozenset[str]] = {
    PRIORITY_LABELS[Priority.LOW]: frozenset({
        "no rush", "no hurry", "not urgent", "whenever", "when you can", "when you get a chance",
        "can wait", "it can wait", "not important", "not a priority", "no big deal"}),
    PRIORITY_LABELS[Priority.HIGH]: frozenset({
        "important", "quite urgent", "fairly urgent", "soon", "blocking me", "i cant work",
        "cant work", "cannot work"}),
    PRIORITY_LABELS[Priority.URGENT]: frozenset({
        "asap", "emergency", "right now", "immediately", "critical", "whole floor",
        "whole team", "whole office", "everyone is affected", "nobody can work",
        "no one can work", "down for everyone"}),
}
"""Everyday words for how urgent it is, said under "How urgent is it?" ("not urgent at all"
is Low, never the Urgent its label would be)."""


def hints_a_choice(dialog_context: DialogContext, text: str) -> bool:
    """Whether a message under the kind or urgency question says one in everyday words
    ("asap please!!", "it's broken"): the answer, never a list of urgent tickets."""
    step = waiting_for(dialog_context)
    hints = {"category": _KIND_HINTS, "priority": _URGENCY_HINTS}.get(step or "")
    return hints is not None and _hinted(text, hints) is not None


def _hinted(text: str, hints: Mapping[str, frozenset[str]]) -> str | None:
    """The one label whose everyday words `text` says and does not deny ("it's broken":
    Incident; not "not broken", nor "broken, and I need a new one", which says two)."""
    said = plain_words(text)
    found = {label for label, words in hints.items() for phrase in words
             if re.search(rf"(?<!\bnot )(?<!\bno )\b{re.escape(phrase)}\b", said)}
    return found.pop() if len(found) == 1 else None


async def _meant_as_choice(prompt: PromptValidatorContext) -> bool:
    """A choice is taken from a bare answer, or from a message that says its label
    ("urgent, the whole floor is down"); never guessed from a number in a sentence, nor
    from a label said to deny it ("not urgent at all" is asked again)."""
    if not prompt.recognized.succeeded:
        return False
    text = str(prompt.context.activity.text or "")
    return is_bare_choice(text) or says_label(text, str(prompt.recognized.value.value))


async def _validate(prompt: PromptValidatorContext, check: Any) -> bool:
    if not prompt.recognized.succeeded:
        return False
    if courtesy(str(prompt.recognized.value)) is not None:  # "thx", "ok 👍": not the problem
        return False  # asked again ("… or say skip" where it may be left out)
    try:
        check(prompt.recognized.value)
    except InvalidValue as error:
        await prompt.context.send_activity(MessageFactory.text(_sentence(error)))
        return False
    return True


def _sentence(error: InvalidValue) -> str:
    return f"{error.message[0].upper()}{error.message[1:]}. Try again, or say cancel."


def _known(options: object) -> dict[str, Any]:
    """Answers given up front (`new ticket Printer jam` gives the title)."""
    return {k: v for k, v in (options or {}).items() if v} if isinstance(options, dict) else {}


async def _choose(
    step: WaterfallStepContext, prompt_id: str, question: str, retry: str,
    labels: Mapping[_Choice, str],
) -> DialogTurnResult:
    """Asks for `prompt_id` with its labels as buttons, unless the message already said it."""
    if step.values.get(prompt_id):
        return await step.next(None)
    title = step.values.get("title")
    filing = f"You're filing “{_shortened(title)}”. " if title else ""  # the retry may come
    return await step.prompt(  # much later, after other messages: it says what it is about
        prompt_id,
        PromptOptions(
            prompt=MessageFactory.text(question),
            retry_prompt=MessageFactory.text(f"{filing}{retry}"),
            choices=[Choice(value=label) for label in labels.values()],
        ),
    )


def _shortened(title: str, most: int = 60) -> str:
    return title if len(title) <= most else f"{title[:most - 1].rstrip()}…"


def _choice(found: Any, labels: Mapping[_Choice, str]) -> str:
    """The value behind the label the person picked (`found` is a botbuilder FoundChoice)."""
    by_label = {label: value.value for value, label in labels.items()}
    return by_label[found.value]
