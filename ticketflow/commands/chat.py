"""`ticketflow chat`: try the bot in a terminal, on the same database, without Teams."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from bot.actions.interpreter import ModelInterpreter
from bot.assistant import Assistant
from bot.cards.text import CardChoice, CardInput, InputKind
from bot.handler import TicketFlowBot
from bot.sender_day import known_zone
from bot.terminal import TerminalChat, TerminalDirectory, numbered, picked
from domain.validation import parse_email
from ticketflow.assistant import build_assistant
from ticketflow.cli import with_runtime
from ticketflow.knowledge import build_knowledge
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings
from ticketflow.msteams import bot_dependencies, build_interpreter

NOT_SENT = "Nothing sent: that needs an answer."
BANNER = (
    "TicketFlow chat: type as you would in Teams (try: help, new ticket, my tickets).\n"
    "Cards show numbered buttons: type the number to press one. Ctrl-D or 'quit' leaves."
)


def register(subcommands: Any) -> None:
    parser = subcommands.add_parser("chat", help="talk to the bot in this terminal")
    parser.add_argument("--as", dest="email", default="you@example.com",
                        help="who you are (an email; new emails are enrolled like in Teams)")
    parser.add_argument("--tz", dest="zone", default=None, metavar="ZONE",
                        help="your time zone, e.g. America/Los_Angeles: whose day 'today' and "
                             "'tomorrow' are (default: this machine's)")
    parser.set_defaults(command=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    email = parse_email(args.email)
    if args.zone is not None and not known_zone(args.zone):
        print(f"ticketflow chat: no time zone is called {args.zone!r}; give one as "
              "Region/City, e.g. --tz America/Los_Angeles")
        return 2

    async def work(runtime: Runtime) -> int:
        knowledge = build_knowledge(runtime)
        assistant = Assistant(build_assistant(runtime, retriever=knowledge.retriever))
        interpreter = build_interpreter(runtime.settings)
        try:
            return await converse(runtime, assistant, interpreter)
        finally:
            if interpreter is not None:
                await interpreter.aclose()
            await assistant.close()
            await knowledge.close()

    async def converse(
        runtime: Runtime, assistant: Assistant, interpreter: ModelInterpreter | None
    ) -> int:
        deps = bot_dependencies(runtime, assistant=assistant, interpreter=interpreter)
        bot = TicketFlowBot(deps, TerminalDirectory(email))
        chat = TerminalChat(bot=bot, email=email, zone=args.zone)
        print(BANNER)
        while True:
            line = await _read("you> ")
            if line is None or line.strip().lower() in ("quit", "exit"):
                return 0
            choice = chat.choice(int(line)) if line.strip().isdecimal() else None
            if choice is not None:
                choice = chat.form_behind(choice) or choice
                answers = await _ask_inputs(choice)
                output = await chat.press(choice, answers) if answers is not None else [NOT_SENT]
            elif line.strip():
                output = await chat.say(line)
            else:
                continue
            for text in output:
                print(text)

    return await with_runtime(settings, work)


async def _read(prompt: str) -> str | None:
    try:
        return await asyncio.to_thread(input, prompt)
    except EOFError:
        return None


async def _ask_inputs(choice: CardChoice) -> dict[str, str] | None:
    """Prompts for each input the button sends; Enter keeps what the card holds.

    A choice is picked by its number, its title or the start of it; never by an id.
    None: a required input was left empty, so nothing is sent (as Teams would not).
    """
    answers: dict[str, str] = {}
    for card_input in choice.inputs:
        current = f" (now: {_title_of(card_input)})" if card_input.value else ""
        options = card_input.options if card_input.kind is InputKind.CHOICE else ()
        if options:
            print(f"  {card_input.label}:")
            print("\n".join(numbered(options)))
        while True:
            hint = " (number or name)" if options else ""
            answer = await _read(f"  {card_input.label}{hint}{current}: ")
            if answer is None:
                return answers
            if not answer.strip():
                if card_input.required and not card_input.value:
                    return None
                break
            if not options:
                answers[card_input.id] = answer.strip()
                break
            found = picked(options, answer)
            if found is not None:
                answers[card_input.id] = found.value
                break
            print(f"  Pick a number from 1 to {len(options)}, or type more of the name "
                  f"(Enter leaves it{_ANYONE_ELSE if card_input.id == 'assignee' else ''}).")
    return answers


_ANYONE_ELSE = "; to name anyone else, say `assign 4 to NAME`"
"""Only the assignee picker lists some of the people: a category or priority lists them all."""


def _title_of(card_input: CardInput) -> str:
    titles = {option.value: option.title for option in card_input.options}
    return titles.get(card_input.value, card_input.value)
