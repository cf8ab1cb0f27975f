"""`ticketflow docs stats`: how the help assistant is doing, and what it cannot answer.

A question counts as unanswered when its answer cited no help document, or
when the answer only carried over the previous question's documents to a
question that did not follow up on it (a leaked topic, possible in exchanges
stored before follow-ups were told apart, or written by another client). The
list ranks questions (grouped by their words) by how often they went unanswered
or were marked "Not helpful": the gaps worth a new help document.
"""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Any

from domain.clock import utcnow
from knowledge.conversation import HelpStatistics
from ticketflow.cli import with_runtime
from ticketflow.commands import table, whole_number
from ticketflow.runtime import Runtime
from ticketflow.settings import Settings

QUESTION_WIDTH = 70


def add_stats_parser(actions: Any) -> None:
    """`ticketflow docs stats`, added by the `docs` command group."""
    parser = actions.add_parser(
        "stats", help="help assistant answers, feedback and the questions most often unanswered"
    )
    parser.add_argument("--days", type=whole_number(0), default=30,
                        help="look back this many days (0: all time; default 30)")
    parser.add_argument("--top", type=whole_number(1), default=10,
                        help="how many unanswered questions to list (default 10)")
    parser.set_defaults(command=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    since = utcnow() - timedelta(days=args.days) if args.days > 0 else None

    async def work(runtime: Runtime) -> int:
        async with runtime.uow().reading() as reading:
            stats = await reading.chat.statistics(since=since, top=max(0, args.top))
        period = f"the last {args.days} days" if since else "all time"
        print(render(stats, period=period))
        return 0

    return await with_runtime(settings, work)


def render(stats: HelpStatistics, *, period: str) -> str:
    share = f" ({100 * stats.answered // stats.questions}%)" if stats.questions else ""
    lines = [
        f"Help assistant, {period}",
        (f"Questions: {stats.questions}   answered from the documents: {stats.answered}{share}"
         f"   unanswered: {stats.unanswered}"),
        (f"Follow-ups: {stats.follow_ups}   previous topic carried over "
         f"(counted unanswered): {stats.leaked}"),
        f"Feedback: {stats.helpful} helpful, {stats.not_helpful} not helpful",
    ]
    if not stats.most_unanswered:
        lines.append("No unanswered or unhelpful questions.")
        return "\n".join(lines)
    lines += ["", "Questions most often unanswered or not helpful:"]
    rows = [
        (t.asked, t.unanswered, t.not_helpful, _short(t.question)) for t in stats.most_unanswered
    ]
    lines.append(table(rows, ("ASKED", "UNANSWERED", "NOT HELPFUL", "QUESTION")))
    return "\n".join(lines)


def _short(question: str) -> str:
    flat = " ".join(question.split())
    return flat if len(flat) <= QUESTION_WIDTH else flat[: QUESTION_WIDTH - 1] + "…"
