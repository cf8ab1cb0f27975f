"""`new ticket`: asks only for what is missing, then hands the answers back.

The dialog ends with a plain dict of answers (title, description, category,
priority, and the assignee and due date the first message named); the caller files the ticket, so a restart between steps loses nothing
but never files half a ticket.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar

from botbuilder.core import MessageFactory
from botbuilder.dialogs import (
    ComponentDialog,
    DialogTurnResult,
    WaterfallDialog,
    WaterfallStepContext,
)
from botbuilder.dialogs.choices import Choice, ListStyle
from botbuilder.dialogs.prompts import (
    ChoicePrompt,
    PromptOptions,
    PromptValidatorContext,
    TextPrompt,
)

from domain.errors import InvalidValue
from domain.tickets import Category, Priority
from domain.validation import DESCRIPTION_MAX, parse_text, parse_title

DIALOG_ID = "new_ticket"
_Choice = TypeVar("_Choice", bound=StrEnum)
SKIP_WORDS = frozenset({"skip", "no", "none", "-", "n/a"})
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
        for prompt_id in ("category", "priority"):
            choices = ChoicePrompt(prompt_id)
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
        if given:
            try:
                return await step.next(parse_title(given))
            except InvalidValue as error:
                await step.context.send_activity(MessageFactory.text(_sentence(error)))
        return await step.prompt(
            "title", PromptOptions(prompt=MessageFactory.text("What's the problem, in one line?"))
        )

    async def description_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        step.values["title"] = parse_title(step.result)
        if "description" in step.values:
            return await step.next(step.values["description"])
        question = "Describe it in a few sentences: what happened, and what did you expect? (or say skip)"
        return await step.prompt("description", PromptOptions(prompt=MessageFactory.text(question)))

    async def category_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        text = str(step.result or "").strip()
        step.values["description"] = None if text.lower() in SKIP_WORDS else text or None
        return await _choose(step, "category", "Which kind of ticket is it?",
                             "Please pick one of the buttons, or say cancel.", CATEGORY_LABELS)

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
        return await step.end_dialog(answers)

    @staticmethod
    async def title_is_valid(prompt: PromptValidatorContext) -> bool:
        return await _validate(prompt, lambda text: parse_title(text))

    @staticmethod
    async def description_is_valid(prompt: PromptValidatorContext) -> bool:
        return await _validate(
            prompt, lambda text: parse_text("description", text, limit=DESCRIPTION_MAX)
        )


async def _validate(prompt: PromptValidatorContext, check: Any) -> bool:
    if not prompt.recognized.succeeded:
        return False
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
    return await step.prompt(
        prompt_id,
        PromptOptions(
            prompt=MessageFactory.text(question),
            retry_prompt=MessageFactory.text(retry),
            choices=[Choice(value=label) for label in labels.values()],
        ),
    )


def _choice(found: Any, labels: Mapping[_Choice, str]) -> str:
    """The value behind the label the person picked (`found` is a botbuilder FoundChoice)."""
    by_label = {label: value.value for value, label in labels.items()}
    return by_label[found.value]
