"""Everyone's workload: open tickets counted per person and team, of those the viewer may see."""

from __future__ import annotations

from bot.actions.phrasing import phrase
from bot.actions.reply import Option, Reply
from bot.context import BotDependencies
from bot.understanding.context import Conversation
from bot.understanding.requests import ListTickets, UserTarget
from domain.access import Viewer
from domain.services.overview import Load, workload
from domain.tickets import AssigneeType

SHOWN = 12
"""Holders listed; the rest are counted in one line (a chat answer, not a report)."""
PRESSABLE = 3
"""The busiest people offered as a button each, to see what they hold."""


async def workload_reply(
    deps: BotDependencies, viewer: Viewer, conversation: Conversation, *,
    least_first: bool = False,
) -> Reply:
    """Open tickets by who holds them, most first; `least_first` ("who's free?"): people
    only, fewest first, with those of the viewer's teams who hold none."""
    loads = await workload(uow=deps.uow().reading(), actor=viewer, idle_too=least_first)
    if least_first:
        loads = sorted((load for load in loads if _person(load)), key=lambda load: load.open)
    if not loads:
        return Reply(text="There are no open tickets that you can see.")
    lines = [f"- {load.name or 'Nobody yet'}: {load.open}" for load in loads[:SHOWN]]
    if rest := loads[SHOWN:]:
        lines.append(f"- {len(rest)} more, with {sum(load.open for load in rest)} between them")
    pressed = [(load.holder.user_id, load.name) for load in loads
               if load.holder is not None and _person(load) and load.holder.user_id
               and load.name][:PRESSABLE]
    options = tuple(Option(name, phrase(ListTickets(assignee=UserTarget(user_id, name)),
                                        conversation)) for user_id, name in pressed)
    heading = ("Open tickets held, fewest first:" if least_first
               else "Open tickets you can see, by who holds them:")
    return Reply(text=heading + "\n" + "\n".join(lines), options=options)


def _person(load: Load) -> bool:
    return load.holder is not None and load.holder.kind is AssigneeType.USER
