"""`ticketflow ask "question" [--as EMAIL] [--follow-up]`: the help assistant from a terminal.

The same path as in Teams: search, the model or quotes, the exchange stored in
`ai_chat_messages`. Each run is a new help conversation, so one question's topic
never carries over into the next; `--follow-up` continues the person's previous
`ask` conversation ("and on a Mac?") while it is less than 30 minutes idle.

Only what answering needs is imported, and only once the command runs: no bot,
no notification modules.
"""

from __future__ import annotations

import argparse
import uuid
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.answering import HelpAnswer, HelpAssistant
    from ticketflow.runtime import Runtime
    from ticketflow.settings import Settings

PLACE = "ask"
"""Sessions of `ticketflow ask` are `ask-…`: `--follow-up` finds the latest of them."""


def register(subcommands: Any) -> None:
    parser = subcommands.add_parser("ask", help="ask the help assistant a question")
    parser.add_argument("question", nargs="+", help="the question, in your own words")
    parser.add_argument(
        "--as", dest="email", default="you@example.com",
        help="who is asking (an email; new emails are enrolled like in Teams)",
    )
    parser.add_argument(
        "--follow-up", dest="follow_up", action="store_true",
        help="continue your previous question (within 30 minutes) instead of a new one",
    )
    parser.set_defaults(command=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    from domain.errors import NotAllowed
    from domain.services.invitations import enroll
    from ticketflow.assistant import build_assistant
    from ticketflow.cli import with_runtime
    from ticketflow.knowledge import build_search

    question = " ".join(args.question)

    async def work(runtime: Runtime) -> int:
        user = await enroll(
            uow=runtime.uow(), email=args.email, first_name=None, last_name=None,
            default_role=settings.default_role,
        )
        if user is None:
            raise NotAllowed(f"{args.email} has no TicketFlow account; ask an admin to invite you")
        search = build_search(runtime)
        assistant = build_assistant(runtime, retriever=search.retriever)
        try:
            answer = await assistant.ask(
                user_id=user.id,
                session_id=await session(assistant, user_id=user.id, follow_up=args.follow_up),
                question=question,
                reader=user.role,
            )
        finally:
            await assistant.aclose()
            await search.close()
        print(render(answer, web_url=settings.web_url))
        return 0

    return await with_runtime(settings, work)


async def session(assistant: HelpAssistant, *, user_id: str, follow_up: bool) -> str:
    """A new conversation, or with `follow_up` the person's latest `ask` conversation."""
    from knowledge.conversation import session_id_for

    if follow_up:
        latest = await assistant.latest_session(user_id=user_id, prefix=f"{PLACE}-")
        if latest is not None:
            return latest
    return session_id_for(place=PLACE, conversation_id=uuid.uuid4().hex, user_id=user_id)


def render(answer: HelpAnswer, *, web_url: str) -> str:
    from knowledge.citations import source_url

    lines = [answer.text]
    if answer.citations:
        lines += ["", "Sources:"]
        lines += [
            f"[{c.number}] {c.label} — {source_url(web_url, c)}" for c in answer.citations
        ]
    return "\n".join(lines)
