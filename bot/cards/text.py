"""Adaptive Cards as terminal text, for `ticketflow chat`.

`render_text` turns any card these builders make into readable lines and a
numbered list of choices. Each choice knows what pressing it sends (verb, data
and the inputs to ask for), following the Adaptive Cards rules: an action
gathers the inputs of its own card and of the cards it is nested in, but never
those inside a `ShowCard` it does not belong to; `associatedInputs: none` gathers
nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

_INLINE_OPTIONS = 10


class ChoiceKind(StrEnum):
    EXECUTE = "execute"
    SUBMIT = "submit"
    IMBACK = "imback"
    OPEN_URL = "open_url"
    SHOW_CARD = "show_card"


class InputKind(StrEnum):
    TEXT = "text"
    CHOICE = "choice"
    DATE = "date"
    TIME = "time"
    NUMBER = "number"
    TOGGLE = "toggle"


_INPUT_KINDS = {
    "Input.Text": InputKind.TEXT,
    "Input.ChoiceSet": InputKind.CHOICE,
    "Input.Date": InputKind.DATE,
    "Input.Time": InputKind.TIME,
    "Input.Number": InputKind.NUMBER,
    "Input.Toggle": InputKind.TOGGLE,
}


@dataclass(frozen=True, slots=True)
class InputOption:
    value: str
    title: str


@dataclass(frozen=True, slots=True)
class CardInput:
    """An input a choice needs; `value` is what the card holds now (prefill)."""

    id: str
    kind: InputKind
    label: str
    value: str = ""
    required: bool = False
    options: tuple[InputOption, ...] = ()
    multi_select: bool = False
    multiline: bool = False
    max_length: int | None = None
    placeholder: str | None = None
    error_message: str | None = None


@dataclass(frozen=True, slots=True)
class CardChoice:
    """One numbered thing to press; `card` is the unfolded card of a `show_card` choice."""

    number: int
    label: str
    kind: ChoiceKind
    verb: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)
    inputs: tuple[CardInput, ...] = ()
    url: str | None = None
    message: str | None = None
    card: RenderedCard | None = None
    secondary: bool = False

    def submission(self, answers: Mapping[str, str] | None = None) -> dict[str, Any]:
        """What Teams sends for this choice: its data with every input's value merged in."""
        if self.kind not in (ChoiceKind.EXECUTE, ChoiceKind.SUBMIT):
            raise ValueError(f"a {self.kind.value} choice sends no data")
        answers = answers or {}
        merged = dict(self.data)
        for card_input in self.inputs:
            merged[card_input.id] = answers.get(card_input.id, card_input.value)
        return merged


@dataclass(frozen=True, slots=True)
class RenderedCard:
    text: str
    choices: list[CardChoice]

    def choice(self, number: int) -> CardChoice:
        for choice in self.choices:
            if choice.number == number:
                return choice
        raise LookupError(f"there is no choice {number}")


def render_text(card: Mapping[str, Any]) -> RenderedCard:
    return _Renderer(inherited=()).render(card)


class _Renderer:
    def __init__(self, *, inherited: tuple[CardInput, ...]) -> None:
        self.inherited = inherited
        self.lines: list[str] = []
        self.choices: list[CardChoice] = []
        self.hidden: dict[str, Mapping[str, Any]] = {}

    def render(self, card: Mapping[str, Any]) -> RenderedCard:
        body = card.get("body", [])
        self.hidden = {
            str(element["id"]): element for element in _elements(body)
            if element.get("isVisible") is False and element.get("id")
        }
        scope = self.inherited + tuple(_inputs_in(body))
        for element in body:
            self.lines += self._element(element, scope)
        actions = card.get("actions", [])
        if actions and self.lines:
            self.lines.append("")
        for action in actions:
            self.lines += self._action_line(action, scope)
        return RenderedCard(text="\n".join(self.lines).strip("\n"), choices=self.choices)

    def _element(self, element: Mapping[str, Any], scope: tuple[CardInput, ...]) -> list[str]:
        if element.get("isVisible") is False:
            return []
        kind = element.get("type")
        select = element.get("selectAction")
        if select is not None:
            summary = " · ".join(line for line in _plain_lines(element) if line)
            choice = self._add(select, scope, fallback_label=summary)
            return [f"{choice.number}. {summary}"] if choice else [summary]
        if kind == "TextBlock":
            return [_text_line(element)]
        if kind == "FactSet":
            return [f"{fact['title']}: {fact['value']}" for fact in element.get("facts", [])]
        if kind in ("Container", "Column"):
            return [
                line for item in element.get("items", []) for line in self._element(item, scope)
            ]
        if kind == "ColumnSet":
            return self._columns(element, scope)
        if kind == "ActionSet":
            return [
                line
                for action in element.get("actions", [])
                for line in self._action_line(action, scope)
            ]
        if kind in _INPUT_KINDS:
            return [_input_line(_card_input(element))]
        if kind == "Image" and element.get("altText"):
            return [f"[{element['altText']}]"]
        return []

    def _columns(self, element: Mapping[str, Any], scope: tuple[CardInput, ...]) -> list[str]:
        columns = [self._element(column, scope) for column in element.get("columns", [])]
        if all(len(lines) <= 1 for lines in columns):
            return [" · ".join(lines[0] for lines in columns if lines)]
        return [line for lines in columns for line in lines]

    def _action_line(self, action: Mapping[str, Any], scope: tuple[CardInput, ...]) -> list[str]:
        choice = self._add(action, scope, fallback_label="")
        return [f"{choice.number}. {choice.label}"] if choice else []

    def _add(
        self, action: Mapping[str, Any], scope: tuple[CardInput, ...], *, fallback_label: str
    ) -> CardChoice | None:
        if action.get("type") == "Action.ToggleVisibility":
            choice = self._toggle(action, len(self.choices) + 1)
        else:
            choice = _choice(action, len(self.choices) + 1, scope, fallback_label)
        if choice is not None:
            self.choices.append(choice)
        return choice


    def _toggle(self, action: Mapping[str, Any], number: int) -> CardChoice | None:
        """A toggle unfolds what it shows, like a ShowCard with nothing to press."""
        lines: list[str] = []
        for target in action.get("targetElements", []):
            wanted = target.get("elementId") if isinstance(target, Mapping) else target
            element = self.hidden.get(str(wanted))
            if element is not None:
                lines += self._element({**element, "isVisible": True}, ())
        if not lines:
            return None
        shown = RenderedCard(text="\n".join(lines), choices=[])
        return CardChoice(number=number, label=str(action.get("title") or "More"),
                          kind=ChoiceKind.SHOW_CARD, card=shown)


def _elements(elements: Iterable[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    """Every element of a body, however deeply nested in containers and columns."""
    for element in elements:
        yield element
        yield from _elements(element.get("items", []))
        yield from _elements(element.get("columns", []))


def _choice(
    action: Mapping[str, Any], number: int, scope: tuple[CardInput, ...], fallback_label: str
) -> CardChoice | None:
    kind = action.get("type")
    label = str(action.get("title") or fallback_label or kind)
    secondary = str(action.get("mode", "")).lower() == "secondary"
    common: dict[str, Any] = {"number": number, "label": label, "secondary": secondary}
    data = action.get("data")
    data = dict(data) if isinstance(data, Mapping) else {}
    gathered = () if str(action.get("associatedInputs", "")).lower() == "none" else scope
    if kind == "Action.Execute":
        return CardChoice(
            kind=ChoiceKind.EXECUTE, verb=action.get("verb"), data=data, inputs=gathered, **common
        )
    if kind == "Action.Submit":
        teams = data.get("msteams")
        if isinstance(teams, Mapping) and teams.get("type") == "imBack":
            return CardChoice(kind=ChoiceKind.IMBACK, message=str(teams.get("value", "")), **common)
        verb = data.get("verb") if isinstance(data.get("verb"), str) else None
        return CardChoice(kind=ChoiceKind.SUBMIT, verb=verb, data=data, inputs=gathered, **common)
    if kind == "Action.OpenUrl":
        return CardChoice(kind=ChoiceKind.OPEN_URL, url=action.get("url"), **common)
    if kind == "Action.ShowCard":
        inner = _Renderer(inherited=scope).render(action.get("card", {}))
        return CardChoice(kind=ChoiceKind.SHOW_CARD, card=inner, **common)
    return None


def _inputs_in(elements: Iterable[Mapping[str, Any]]) -> Iterator[CardInput]:
    """Inputs on this card, however deeply nested; a ShowCard's inputs belong to it alone."""
    for element in elements:
        if element.get("type") in _INPUT_KINDS:
            yield _card_input(element)
        yield from _inputs_in(element.get("items", []))
        yield from _inputs_in(element.get("columns", []))


def _card_input(element: Mapping[str, Any]) -> CardInput:
    kind = _INPUT_KINDS[element["type"]]
    options = tuple(
        InputOption(value=str(choice["value"]), title=str(choice["title"]))
        for choice in element.get("choices", [])
    )
    max_length = element.get("maxLength")
    return CardInput(
        id=str(element["id"]),
        kind=kind,
        label=str(element.get("label") or element.get("placeholder") or element["id"]),
        value=str(element.get("value", "")),
        required=bool(element.get("isRequired", False)),
        options=options,
        multi_select=bool(element.get("isMultiSelect", False)),
        multiline=bool(element.get("isMultiline", False)),
        max_length=int(max_length) if max_length is not None else None,
        placeholder=element.get("placeholder"),
        error_message=element.get("errorMessage"),
    )


def _text_line(block: Mapping[str, Any]) -> str:
    text = str(block.get("text", ""))
    return f"! {text}" if block.get("color") == "attention" else text


def _input_line(card_input: CardInput) -> str:
    name = f"{card_input.label} (required)" if card_input.required else card_input.label
    shown = card_input.value
    if card_input.kind is InputKind.CHOICE:
        titles = {option.value: option.title for option in card_input.options}
        shown = titles.get(shown, shown)
        return f"{name}: {shown or '—'}  [{_options_hint(card_input.options)}]"
    if card_input.kind is InputKind.DATE:
        return f"{name}: {shown or '—'}  [YYYY-MM-DD]"
    return f"{name}: {shown or '—'}"


def _options_hint(options: Sequence[InputOption]) -> str:
    if len(options) > _INLINE_OPTIONS:
        return f"{len(options)} options"
    return "choose: " + ", ".join(option.title for option in options)


def _plain_lines(element: Mapping[str, Any]) -> list[str]:
    """The text inside an element, flattened, for one-line rows."""
    kind = element.get("type")
    if kind == "TextBlock":
        return [str(element.get("text", ""))]
    if kind == "FactSet":
        return [f"{fact['title']}: {fact['value']}" for fact in element.get("facts", [])]
    lines: list[str] = []
    for child in [*element.get("items", []), *element.get("columns", [])]:
        lines += _plain_lines(child)
    return lines
