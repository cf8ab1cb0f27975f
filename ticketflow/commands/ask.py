"""`ticketflow ask "question" [--as EMAIL]`: the help assistant from a terminal.

The same path as in Teams: search, the model or quotes, the exchange stored in
`ai_chat_messages`. Questions asked as the same person within half an hour are
one conversation, so a follow-up ("and on a Mac?") is understood.
"""

from __future__ import annotations

import argparse
from typing import Any

from bot.assistant import source_url
from domain.errors import NotAllowed
from domain.services.invitations import enroll
from knowledge.answering import HelpAnswer
from knowledge.conversation import session_id_for
from ticketflow.knowledge import build_knowledge
from ticketflow.assistant import build_assistant
from ticketflow.cli import with_runtime
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings

PLACE = "terminal"
CONVERSATION = "ask"


def register(subcommands: Any) -> None:
    parser = subcommands.add_parser("ask", help="ask the help assistant a question")
    parser.add_argument("question", nargs="+", help="the question, in your own words")
    parser.add_argument(
        "--as", dest="email", default="you@example.com",
        help="who is asking (an email; new emails are enrolled like in Teams)",
    )
    parser.set_defaults(command=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    question = " ".join(args.question)

    async def work(runtime: Runtime) -> int:
        user = await enroll(
            uow=runtime.uow(), email=args.email, first_name=None, last_name=None,
            default_role=settings.default_role,
        )
        if user is None:
            raise NotAllowed(f"{args.email} has no TicketFlow account; ask an admin to invite you")
        knowledge = build_knowledge(runtime)
        assistant = build_assistant(runtime, retriever=knowledge.retriever)
        try:
            answer = await assistant.ask(
                user_id=user.id,
                session_id=session_id_for(place=PLACE, conversation_id=CONVERSATION,
                                          user_id=user.id),
                question=question,
            )
        finally:
            await assistant.aclose()
            await knowledge.close()
        print(render(answer, web_url=settings.web_url))
        return 0

    return await with_runtime(settings, work)


def render(answer: HelpAnswer, *, web_url: str) -> str:
    lines = [answer.text]
    if answer.citations:
        lines += ["", "Sources:"]
        lines += [
            f"[{c.number}] {c.label} — {source_url(web_url, c)}" for c in answer.citations
        ]
    return "\n".join(lines)
