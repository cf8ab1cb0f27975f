"""Text commands in a chat: one handler per command, the dialog when one is running."""

from __future__ import annotations

from typing import Any

from botbuilder.core import TurnContext
from botbuilder.dialogs import DialogContext, DialogTurnStatus
from botbuilder.schema import Mention

from bot import commands, presenter
from bot.assistant import answer_question
from bot.admin import run_admin
from bot.context import BotDependencies
from bot.dialogs.new_ticket import DIALOG_ID as NEW_TICKET
from bot.identity import MemberDirectory
from bot.listing import ListQuery
from bot.mentions import mentioned_users, readable, strip_bot_mention
from bot.outgoing import reply_card
from bot.people import resolve_assignee
from bot.subscriptions import run_subscription
from domain.access import Viewer
from domain.clock import utcnow
from domain.errors import NotAllowed
from domain.people import Role
from domain.services import tickets as ticket_services
from domain.services.company import company_settings


class MessageRouter:
    def __init__(self, deps: BotDependencies, directory: MemberDirectory) -> None:
        self._deps = deps
        self._directory = directory

    async def handle(self, turn_context: TurnContext, viewer: Viewer, dc: DialogContext) -> None:
        text = strip_bot_mention(turn_context.activity)
        command = readable(commands.parse(text))
        if dc.active_dialog is not None:
            await self._in_dialog(turn_context, viewer, dc, command)
            return
        await self._dispatch(turn_context, viewer, dc, command)

    async def _in_dialog(
        self, turn_context: TurnContext, viewer: Viewer, dc: DialogContext,
        command: commands.Command,
    ) -> None:
        if isinstance(command, commands.Cancel):
            await dc.cancel_all_dialogs()
            await turn_context.send_activity("Cancelled. Nothing was saved.")
            return
        if isinstance(command, commands.Help):
            await reply_card(turn_context, presenter.help_card(viewer))
            await turn_context.send_activity("You're filing a ticket: answer the question above, "
                                             "or say cancel.")
            await dc.reprompt_dialog()
            return
        result = await dc.continue_dialog()
        if result.status is DialogTurnStatus.Complete and isinstance(result.result, dict):
            await self._file(turn_context, viewer, result.result)

    async def _file(self, turn_context: TurnContext, viewer: Viewer, answers: dict[str, Any]) -> None:
        ticket = await ticket_services.create_ticket(
            uow=self._deps.uow(), actor=viewer, title=answers.get("title"),
            category=answers.get("category"), description=answers.get("description"),
            priority=answers.get("priority"),
        )
        card = await presenter.ticket_card(self._deps, viewer, ticket.id,
                                           notice=f"Filed {ticket.ticket_number}.")
        await reply_card(turn_context, card)

    async def _dispatch(
        self, turn_context: TurnContext, viewer: Viewer, dc: DialogContext,
        command: commands.Command,
    ) -> None:
        deps = self._deps
        match command:
            case commands.Help():
                await reply_card(turn_context, presenter.help_card(viewer))
            case commands.Cancel():
                await turn_context.send_activity("There's nothing to cancel.")
            case commands.NewTicket(form=True):
                await reply_card(turn_context, presenter.create_form())
            case commands.NewTicket(title=title):
                await dc.begin_dialog(NEW_TICKET, {"title": title})
            case commands.MyTickets(created=created):
                filed = created or viewer.role is Role.CUSTOMER  # customers are never assignees
                query = ListQuery(kind="created" if filed else "mine")
                await reply_card(turn_context, await presenter.list_card(deps, viewer, query, 0))
            case commands.ListTickets(status=status, text=text):
                query = ListQuery(kind="search", status=status.value if status else None, text=text)
                await reply_card(turn_context, await presenter.list_card(deps, viewer, query, 0))
            case commands.ShowTicket(ref=ref):
                card = await presenter.ticket_card(deps, viewer, await self._full_ref(viewer, ref))
                await reply_card(turn_context, card)
            case commands.Assign(ref=ref, target=target):
                await self._assign(turn_context, viewer, await self._full_ref(viewer, ref), target)
            case commands.ChangeStatus(ref=ref, status=status):
                ticket = await ticket_services.change_status(
                    uow=deps.uow(), actor=viewer, ticket=await self._full_ref(viewer, ref),
                    to=status,
                )
                label = ticket.status.value.replace("_", " ")
                await reply_card(turn_context, await presenter.ticket_card(
                    deps, viewer, ticket.id, notice=f"{ticket.ticket_number} is now {label}."))
            case commands.Comment(ref=ref, text=text):
                full = await self._full_ref(viewer, ref)
                await ticket_services.comment_on_ticket(
                    uow=deps.uow(), actor=viewer, ticket=full, content=text
                )
                await reply_card(turn_context, await presenter.ticket_card(
                    deps, viewer, full, notice="Comment added."))
            case commands.Edit(ref=ref):
                await reply_card(turn_context, await presenter.edit_form(
                    deps, viewer, await self._full_ref(viewer, ref)))
            case commands.Question(text=text) if deps.assistant is not None:
                await answer_question(turn_context, deps, viewer, text)
            case commands.Question(text=text):
                await turn_context.send_activity(
                    "I can't answer questions from the help documents yet. "
                    "Here is what I can do:"
                )
                await reply_card(turn_context, presenter.help_card(viewer))
            case (commands.Invite() | commands.SetRole() | commands.Deactivate()
                  | commands.CreateTeam() | commands.AddToTeam() | commands.CompanySettings()):
                await run_admin(turn_context, deps, self._directory, viewer, command)
            case (commands.Subscribe() | commands.Unsubscribe() | commands.Subscriptions()
                  | commands.Webhook()):
                await run_subscription(turn_context, deps, viewer, command)
            case commands.Unknown(text=text, hint=hint):
                reply = f"Sorry, I didn't get “{text[:80]}”."
                await turn_context.send_activity(f"{reply} {hint}" if hint else reply)
                await reply_card(turn_context, presenter.help_card(viewer))

    async def _full_ref(self, viewer: Viewer, ref: str) -> str:
        """A bare `42` means this year's ticket 42 in the company's numbering."""
        if not ref.isdecimal():
            return ref
        settings = await company_settings(uow=self._deps.uow(), actor=viewer)
        return f"{settings.ticket_prefix}-{utcnow().year}-{int(ref):04d}"

    async def _assign(
        self, turn_context: TurnContext, viewer: Viewer, ref: str, target: str
    ) -> None:
        if viewer.role is Role.CUSTOMER:  # before any lookup that could reveal who exists
            raise NotAllowed("customers cannot assign tickets")
        mentions: list[Mention] = mentioned_users(turn_context.activity)
        to = await resolve_assignee(
            turn_context, self._deps, self._directory, viewer, target, mentions
        )
        ticket = await ticket_services.assign_ticket(
            uow=self._deps.uow(), actor=viewer, ticket=ref, to=to
        )
        card = await presenter.ticket_card(
            self._deps, viewer, ticket.id,
            notice=lambda seen: f"Assigned to {seen.assignee}." if seen.assignee else "Unassigned.",
        )
        await reply_card(turn_context, card)
