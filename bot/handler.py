"""The Teams activity handler: who is talking, then messages, card actions and installs.

Domain errors raised anywhere in a turn are turned into words here, once; state is
saved once per turn, and only when the turn changed it (`bot.turn_state`); the
conversation reference is refreshed on every turn in a conversation the bot takes part in.
"""

from __future__ import annotations

import logging
from typing import Any

from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.dialogs import DialogContext, DialogSet, DialogState
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount

from bot import card_actions, extension, presenter, thread_replies, unfurl
from bot.actions.reply import ListPage, Reply
from bot.assignee_search import SEARCH_INVOKE, assignee_query, search_response
from bot.unfurl import UNFURL_INVOKE
from bot.cards.verbs import TICKET_ID, TICKET_VERBS, Verb
from bot.context import BotDependencies
from bot.presenter import drawn_for_everyone
from bot.sender_day import sent_from, zone_of
from bot.conversations import (
    bot_installed,
    bot_uninstalled,
    conversation_ref,
    takes_part_in,
    team_back,
    team_gone,
    teams_event,
)
from bot.dialogs.new_ticket import NewTicketDialog
from bot.dialogs.ticket_question import TicketQuestionDialog
from bot.identity import (
    VIEWER_KEY,
    MemberDirectory,
    NotEnrolled,
    from_another_organisation,
    identify,
    teams_identity,
)
from bot.mentions import mentions_bot
from bot.messages import MessageRouter, kept_list
from bot.outgoing import card_message, reply_card
from bot.replies import explain, explain_pressed
from bot.state_storage import StateConflict
from bot.turn_state import TurnState
from domain.clock import utcnow
from domain.access import Viewer
from domain.errors import DomainError, NotAllowed, TicketNotFound
from domain.services.queries import get_ticket

log = logging.getLogger(__name__)
KNOWN_VERBS = frozenset(verb.value for verb in Verb)
SERVED_INVOKES = frozenset({SEARCH_INVOKE, UNFURL_INVOKE, "adaptiveCard/action",
                            "composeExtension/fetchTask", "composeExtension/submitAction"})
CARD_RESPONSE = "application/vnd.microsoft.card.adaptive"
ERROR_RESPONSE = "application/vnd.microsoft.error"
REMOVED_KEY = "ticketflow.conversation_removed"
LAST_TICKET = "last_ticket"
TICKET_AT = "ticket_at"
"""When `LAST_TICKET` was last set: a help answer before it is no longer what "it" means."""
ASKED_ASSISTANT = "asked_assistant"
"""The message last taken to the help assistant: a typed "yes" may file it (`help_offer`)."""
LAST_LIST = "last_list"
"""The numbers and titles of the list last shown: "the switch one" (`bot.understanding.listed`)."""
LAST_CHANGE = "last_change"
"""The change the last message made, until the next message: "sorry, I meant 3" (`bot.actions.meant`)."""
OFFERED = "offered"
"""The buttons of the admin question last asked, which a typed answer may pick."""
PROPOSED = "proposed"
"""What the confirmation card last shown would do: a typed "yes" does it (`MessageRouter`)."""
DIALOG_AT = "dialog_at"
DIALOG_SAID = "dialog_said"
"""When the dialog under way last heard from the person (`MessageRouter._went_stale`)."""
DIALOG_STATE = "dialog_state"
UNSTORED_DIALOGS_KEY = "ticketflow.unstored_dialogs"


def card_invoke_response(card: dict[str, Any]) -> InvokeResponse:
    return InvokeResponse(status=200, body={"statusCode": 200, "type": CARD_RESPONSE, "value": card})


def error_invoke_response(status: int, code: str, message: str) -> InvokeResponse:
    """Universal Actions' error answer: the client keeps the card it shows and says why.

    Used whenever a card in its place would be wrong — for someone who may not see the
    ticket (an error card would replace a card shared with a whole channel), and for a
    request no card of ours sends (an unknown verb, malformed data).
    """
    return InvokeResponse(
        status=200,
        body={"statusCode": status, "type": ERROR_RESPONSE,
              "value": {"code": code, "message": message}},
    )


class TicketFlowBot(TeamsActivityHandler):  # type: ignore[misc]  # untyped SDK class
    def __init__(self, deps: BotDependencies, directory: MemberDirectory) -> None:
        self._deps = deps
        self._directory = directory
        self._state = TurnState(deps.storage)
        self._dialog_state = self._state.create_property(DIALOG_STATE)
        self._dialogs = DialogSet(self._dialog_state)
        self._dialogs.add(NewTicketDialog())
        self._dialogs.add(TicketQuestionDialog())
        self._router = MessageRouter(deps, directory, self._state.create_property(LAST_TICKET),
                                     self._state.create_property(ASKED_ASSISTANT),
                                     self._state.create_property(DIALOG_AT),
                                     self._state.create_property(LAST_LIST),
                                     self._state.create_property(OFFERED),
                                     self._state.create_property(TICKET_AT),
                                     self._state.create_property(LAST_CHANGE),
                                     self._state.create_property(PROPOSED),
                                     self._state.create_property(DIALOG_SAID))

    async def on_turn(self, turn_context: TurnContext) -> None:
        try:
            with drawn_for_everyone(_seen_by_everyone(turn_context.activity)), \
                    sent_from(zone_of(turn_context.activity)):
                await super().on_turn(turn_context)
        finally:
            await self._store_begun_dialog(turn_context)
            await self._save_state(turn_context)
            await self._remember_conversation(turn_context)

    async def _dialog_context(self, turn_context: TurnContext) -> DialogContext:
        """The stored dialogs; with none under way, an empty stack kept out of the state
        (nothing to restore, compare or write back) unless this turn begins a dialog."""
        if await self._state.holds_dialog(turn_context, DIALOG_STATE):
            return await self._dialogs.create_context(turn_context)
        unstored = turn_context.turn_state[UNSTORED_DIALOGS_KEY] = DialogState()
        return DialogContext(self._dialogs, turn_context, unstored)

    async def _store_begun_dialog(self, turn_context: TurnContext) -> None:
        unstored = turn_context.turn_state.get(UNSTORED_DIALOGS_KEY)
        if isinstance(unstored, DialogState) and unstored.dialog_stack:
            await self._dialog_state.set(turn_context, unstored)

    async def _save_state(self, turn_context: TurnContext) -> None:
        try:
            await self._state.save_changes(turn_context)
        except StateConflict:
            # Two messages of one conversation at once (a double tap): the other one won.
            log.info("dialog state changed under turn %s; keeping the other turn's answer",
                     turn_context.activity.id)
            if turn_context.activity.type == ActivityTypes.message:
                await turn_context.send_activity(
                    "I got two answers at once and kept the other one; "
                    "if I asked you something, please answer again."
                )

    async def _remember_conversation(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        if turn_context.turn_state.get(REMOVED_KEY):
            return
        if bot_uninstalled(activity):
            await self._forget_conversation(turn_context, with_its_team=True)
            return
        if teams_event(activity) == "channelDeleted":
            await self._forget_conversation(turn_context)
            return
        if (team := team_gone(activity)) is not None:
            # Posts would fail in every channel of the team; forget them now rather than one
            # failed notification at a time.
            forgotten = await self._deps.conversations.remove_team(team)
            log.info("team %s deleted or archived: forgot %d conversations", team, len(forgotten))
            turn_context.turn_state[REMOVED_KEY] = True
            return
        if not takes_part_in(activity) or from_another_organisation(
                activity, self._deps.options.allowed_tenants):
            return
        viewer = turn_context.turn_state.get(VIEWER_KEY)
        user_id = viewer.id if isinstance(viewer, Viewer) else None
        if user_id is None and bot_installed(activity) and activity.from_property is not None:
            # Reinstalled in a personal chat: the person is known from before, and their
            # notifications may go there again.
            user_id = await self._deps.links.user_for(teams_identity(activity))
        ref = conversation_ref(activity, user_id=user_id)
        if ref is None:
            return
        if bot_installed(activity) or team_back(activity):
            # Another replica may have deleted this reference on an earlier uninstall while
            # this process still remembers writing it: drop the memory, write it again.
            await self._deps.conversations.remove(ref.conversation_id)
        await self._deps.conversations.upsert(ref)

    async def _forget_conversation(
        self, turn_context: TurnContext, *, with_its_team: bool = False
    ) -> None:
        """The bot was uninstalled or removed (`with_its_team`), or the channel deleted: it
        can no longer post there. A bot taken out of a team is out of every channel of it,
        not only the one the event names: those are forgotten too, rather than one failed
        notification at a time."""
        ref = conversation_ref(turn_context.activity, user_id=None)
        conversation_id = ref.conversation_id if ref else turn_context.activity.conversation.id
        await self._deps.conversations.remove(conversation_id)
        left = [conversation_id]
        if with_its_team and ref is not None and ref.msteams_team_id:
            forgotten = await self._deps.conversations.remove_team(ref.msteams_team_id)
            log.info("removed from team %s: forgot %d more conversations",
                     ref.msteams_team_id, len(forgotten))
            left += forgotten
        if self._deps.welcomes is not None:
            await self._deps.welcomes.forget(left)
        turn_context.turn_state[REMOVED_KEY] = True

    async def _viewer(self, turn_context: TurnContext) -> Viewer | str:
        """The viewer, or the sentence that says why this person is refused."""
        try:
            return await identify(turn_context, self._deps, self._directory)
        except NotEnrolled as refused:
            return str(refused)
        except DomainError as refused:
            return explain(refused)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        thread = await thread_replies.ticket_thread(turn_context.activity, self._deps)
        if thread is None and thread_replies.overheard(turn_context.activity):
            return
        viewer = await self._viewer(turn_context)
        if isinstance(viewer, str):
            await turn_context.send_activity(viewer)
            return
        try:
            if thread is not None:
                if not await self._command_in_thread(turn_context, viewer, thread):
                    await thread_replies.comment_from_thread(
                        turn_context, self._deps, viewer, thread)
                return
            if _submitted_verb(turn_context.activity.value):
                await self._submitted_card(turn_context, viewer)
                return
            dc = await self._dialog_context(turn_context)
            await self._router.handle(turn_context, viewer, dc)
        except DomainError as error:
            await turn_context.send_activity(explain(error))

    async def _command_in_thread(
        self, turn_context: TurnContext, viewer: Viewer, thread: thread_replies.TicketThread
    ) -> bool:
        """Whether a reply in a ticket card's thread was a command to the bot, now done: it
        @mentions the bot and, with the thread's ticket as "it", is a short request the
        router acts on ("resolve this", "assign to me", "help"). A ticket the person may
        not see is no command: the comment path refuses it as before."""
        if not mentions_bot(turn_context.activity):
            return False
        try:
            ticket = await get_ticket(uow=self._deps.uow().reading(), actor=viewer,
                                      ticket=thread.ticket_id)
        except DomainError:
            return False
        return await self._router.command_in_thread(
            turn_context, viewer, await self._dialog_context(turn_context), ticket.ticket_number)

    async def _submitted_card(self, turn_context: TurnContext, viewer: Viewer) -> None:
        """Action.Submit from clients without Action.Execute: same verbs, card updated in place.

        A button no card of ours sends (another verb, no ticket) is answered in a reply, as
        the invoke path answers it with a 400: the card it was pressed on stays as it is.
        """
        value: dict[str, Any] = turn_context.activity.value
        request = verb_request(value.get("verb"), value)
        if isinstance(request, str):
            await turn_context.send_activity(request)
            return
        verb, data = request
        try:
            answer = await card_actions.run(self._deps, viewer, verb, data)
        except DomainError as refused:  # as the invoke says it: the button carries no number
            await turn_context.send_activity(explain_pressed(refused))
            return
        await self._point_at(turn_context, answer.ticket, verb, listed=answer.listed,
                             page=answer.page)
        reply = card_message(card_of(answer))
        personal = turn_context.activity.conversation.conversation_type in (None, "personal")
        if turn_context.activity.reply_to_id and personal:  # a channel card is shared: reply
            reply.id = turn_context.activity.reply_to_id
            await turn_context.update_activity(reply)
        else:
            await turn_context.send_activity(reply)

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        name = turn_context.activity.name
        if name == SEARCH_INVOKE:
            return await self._search(turn_context)
        if name == UNFURL_INVOKE:
            return await self._unfurl(turn_context)
        if name not in SERVED_INVOKES:
            # Not handed to botbuilder's Teams dispatch: it only answers 501 for these,
            # after reading the value into its models, which fails on values it does not
            # expect (a `fileConsent/invoke` without a value raised AttributeError: a 500).
            return InvokeResponse(status=501, body={
                "error": "not_implemented",
                "message": f"TicketFlow does not serve {name or 'invokes without a name'}"})
        raw = turn_context.activity.value
        value: dict[str, Any] = raw if isinstance(raw, dict) else {}
        viewer = await self._viewer(turn_context)
        if name == "adaptiveCard/action":
            return await self._card_action(turn_context, viewer, raw)
        if isinstance(viewer, str):
            return InvokeResponse(status=200, body=extension.message_response(viewer))
        if name == "composeExtension/fetchTask":
            return InvokeResponse(status=200, body=await extension.fetch_task(value))
        try:
            body = await extension.submit_action(turn_context, self._deps, viewer, value)
        except DomainError as refused:
            body = extension.message_response(explain(refused))
        return InvokeResponse(status=200, body=body)

    async def _unfurl(self, turn_context: TurnContext) -> InvokeResponse:
        """A pasted ticket link: its card for someone who may see it, else nothing."""
        viewer = await self._viewer(turn_context)
        if isinstance(viewer, str):  # not a TicketFlow user: the link stays a link
            return InvokeResponse(status=200, body=unfurl.nothing_to_unfurl())
        body = await unfurl.unfurl(self._deps, viewer, turn_context.activity.value)
        return InvokeResponse(status=200, body=body)

    async def _search(self, turn_context: TurnContext) -> InvokeResponse:
        """The assign picker's typeahead; a refusal keeps the static choices on show."""
        query = assignee_query(turn_context.activity.value)
        if isinstance(query, str):
            return error_invoke_response(400, "BadRequest", query)
        viewer = await self._viewer(turn_context)
        if isinstance(viewer, str):
            return error_invoke_response(403, "Forbidden", viewer)
        try:
            body = await search_response(self._deps, viewer, query)
        except DomainError as refused:
            return error_invoke_response(403, "Forbidden", explain(refused))
        return InvokeResponse(status=200, body=body)

    async def _card_action(
        self, turn_context: TurnContext, viewer: Viewer | str, value: object
    ) -> InvokeResponse:
        request = card_request(value)
        if isinstance(request, str):
            return error_invoke_response(400, "BadRequest", request)
        verb, data = request
        if isinstance(viewer, str):
            return error_invoke_response(403, "Forbidden", viewer)
        try:
            answer = await card_actions.run(self._deps, viewer, verb, data)
        except (TicketNotFound, NotAllowed) as refused:
            # Not this viewer's ticket (or no longer): keep whatever card they look at.
            return error_invoke_response(403, "Forbidden", explain_pressed(refused))
        except DomainError as refused:
            return card_invoke_response(presenter.notice_card(explain(refused)))
        await self._point_at(turn_context, answer.ticket, verb, listed=answer.listed,
                             page=answer.page)
        return card_invoke_response(card_of(answer))

    async def _point_at(
        self, turn_context: TurnContext, ticket: str | None, verb: str,
        *, listed: tuple[tuple[str, str], ...] | None = None, page: ListPage | None = None,
    ) -> None:
        """A button that acted on a ticket makes it "it" for this person's next message, as a
        change made in words does, and a page of a list is the list "the second one" picks
        from; written without loading the state (one statement).

        A ticket filed by a button also takes up the help assistant's offer, so a "yes"
        typed after "File it" does not file the message a second time.
        """
        values: dict[str, str] = {}
        if ticket is not None:
            values[LAST_TICKET] = ticket
            values[TICKET_AT] = utcnow().isoformat()
            if verb == Verb.TICKET_CREATE:
                values[ASKED_ASSISTANT] = ""
        if listed is not None:
            values[LAST_LIST] = kept_list(listed, page)
        if values:
            await self._deps.storage.set_values(self._state.get_storage_key(turn_context), values)

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        bot_id = turn_context.activity.recipient.id
        if not any(member.id == bot_id for member in members_added):
            return
        welcomes, conversation_id = self._deps.welcomes, _greeted(turn_context.activity)
        if welcomes is not None and not await welcomes.first(conversation_id):
            log.info("bot added to %s again without leaving: greeted already", conversation_id)
            return
        try:
            await reply_card(turn_context, presenter.welcome_card())
        except BaseException:
            if welcomes is not None:  # not greeted: a resend of this activity greets
                await welcomes.forget([conversation_id])
            raise

    async def on_teams_members_added_dispatch(
        self, members_added: list[ChannelAccount], team_info: Any, turn_context: TurnContext
    ) -> None:
        """Only whether the bot was among them matters: botbuilder's dispatch would first
        look up every other member added (a connector call each, and a failed turn when one
        lookup fails, as it does for a guest or someone who left again)."""
        await self.on_members_added_activity(members_added, turn_context)

    async def on_members_removed_activity(
        self, members_removed: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        bot_id = turn_context.activity.recipient.id
        if any(member.id == bot_id for member in members_removed):
            await self._forget_conversation(turn_context, with_its_team=True)

    async def on_teams_members_removed(
        self, teams_members_removed: list[Any], team_info: Any, turn_context: TurnContext
    ) -> None:
        await self.on_members_removed_activity(teams_members_removed, turn_context)


def _greeted(activity: Activity) -> str:
    """The conversation a welcome goes to: the activity's own (in a channel, without the
    `;messageid=` of a thread), as uninstalling names it too."""
    ref = conversation_ref(activity, user_id=None)
    return ref.conversation_id if ref is not None else activity.conversation.id


def card_of(answer: Reply) -> dict[str, Any]:
    assert answer.card is not None  # every verb answers with a card
    return answer.card


def card_request(value: object) -> tuple[str, dict[str, Any]] | str:
    """The verb and data of an `adaptiveCard/action`, or why the request is malformed."""
    action = value.get("action") if isinstance(value, dict) else None
    if not isinstance(action, dict):
        return "The request carries no card action."
    return verb_request(action.get("verb"), action.get("data", {}))


def verb_request(verb: object, data: object) -> tuple[str, dict[str, Any]] | str:
    """A button's verb and data (an `Action.Execute`'s, or an `Action.Submit`'s value), or
    why no card of ours sends it."""
    if not isinstance(verb, str) or verb not in KNOWN_VERBS:
        shown = verb[:40] if isinstance(verb, str) else "none"
        return f"This button ({shown}) is not one I know."
    if not isinstance(data, dict):
        return "The button's data is not an object."
    if verb in TICKET_VERBS and not _ticket_reference(data.get(TICKET_ID)):
        return "The button does not say which ticket it is about."
    return verb, data


def _ticket_reference(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return 0 < value < 2**31
    return isinstance(value, str) and value.isascii() and value.isdecimal() and len(value) <= 10


def _submitted_verb(value: object) -> bool:
    return isinstance(value, dict) and "verb" in value


def _seen_by_everyone(activity: Activity) -> bool:
    """Whether a card this turn draws is seen by everyone in the conversation: anywhere but
    a personal chat, unless it is the refresh Teams asks for one person (`trigger`
    automatic), which only they see."""
    conversation = activity.conversation
    if conversation is None or (conversation.conversation_type or "personal") == "personal":
        return False
    value = activity.value if isinstance(activity.value, dict) else {}
    return not (activity.type == ActivityTypes.invoke and value.get("trigger") == "automatic")
