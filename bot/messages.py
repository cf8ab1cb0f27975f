"""Chat messages: understood (bot.understanding), then acted on once (bot.actions).

Admin and channel commands keep their exact syntax (bot.commands); everything about
tickets is understood as people phrase it. While a dialog waits for an answer, a
clear command is handled instead of being taken as the answer.
"""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from botbuilder.core import CardFactory, MessageFactory, StatePropertyAccessor, TurnContext
from botbuilder.dialogs import DialogContext, DialogTurnStatus
from botbuilder.schema import ActionTypes, CardAction, HeroCard

from bot import card_actions, commands, presenter
from bot.actions import notices, questions
from bot.actions.confirmation import (
    comment_instead, comment_proposed, confirm, how_much_later, is_complete_change, may_edit_part,
    propose, propose_due_moved,
)
from bot.actions.conversation import conversation_for
from bot.actions.each import offer_each_listed, perform_each, show_each
from bot.actions.invited import not_joined_yet
from bot.actions.meant import (
    CORRECTION_WINDOW, MadeChange, asked_too, certain, left_behind, made_change, meant_to,
    push_said_again,
)
from bot.actions.pending import FREE_TEXT_SLOTS, Pending, Slot
from bot.actions.phrasing import phrase
from bot.actions.reply import ListPage, Option, Reply
from bot.actions.their_ticket import their_ticket, ticketless_change
from bot.actions.lacking import lacking_reply
from bot.actions.stats import stats_reply
from bot.actions.workload import workload_reply
from bot.actions.tickets import (
    ask_field, cannot_assign, dialog_answers, ensure_visible, file_ticket, for_the_draft, perform,
)
from bot.actions.option import KeptChoices, chosen, said_yes, yes_alone
from bot.admin import OFFERED
from bot.admin import answers as admin_answers
from bot.admin import run_admin
from bot.delivery import current_delivery, part_of, running_for
from bot.cards.answer import AnswerView, answer_card
from bot.help_chat import answer_question, answer_reader, help_session
from bot.help_offer import (
    AskedAssistant, OfferReply, asks_for_a_ticket, asks_for_a_ticket_for_it, goes_on, not_helped_then_asks, offer_reply,
    still_after_unhelpful, unhelpful,
)
from bot.context import BotDependencies
from bot.dialogs.answers import (
    Answer, AskAgain, AskNext, another_change, completes, read_answer, unsure,
)
from bot.dialogs.new_ticket import (
    CHOICE_STEPS,
    answered_aside,
    choice_explained,
    hints_a_choice,
    is_bare_choice,
    keep_for_ticket,
    kept_as_details,
    note_for_filing,
    noted_ahead,
    noted_priority,
    waiting_for,
)
from bot.dialogs.new_ticket import DIALOG_ID as NEW_TICKET
from bot.dialogs.ticket_question import ask, pending_question
from bot.identity import MemberDirectory
from bot.mentions import as_written, mentioned_users, readable, strip_bot_mention
from bot.outgoing import one_card_per_ticket, reply_card
from bot.person_lookup import resolve_person
from bot.replies import explain
from bot.subscriptions import run_subscription
from bot.understanding import (
    Conversation, Person, calls_off_what_came_before, changed_ticket, needs_directory, understand,
)
from bot.understanding.requests import (
    Asked, AssignTicket, Both, Cancel, ChangeStatus, Choice, Clarify, CommentOnTicket, CreateTicket, Declined,
    Courtesy, EachListed, EachTicket, EditTicket, Fact, FreeText, Help, HowMuchLater, Lacking, ListScope,
    ListTickets, MeantAnother,
    NotInTicketFlow,
    Question,
    ReminderAsked, ShowTicket,
    SmallTalk, Target, TicketRequest, TicketStats, Understanding, Unknown, Workload,
)
from bot.understanding.asked import fact_asked
from bot.understanding.chased import chased
from bot.understanding.documents_asked import documents_asked
from bot.understanding.contact import contact_told
from bot.understanding.listed import (
    Described,
    Listed,
    NotListed,
    PageTurn,
    Picked,
    Unsure,
    fitting_description,
    named,
    page_turn,
    pick,
)
from bot.understanding.suggestions import COMMAND_VERBS, FIRST_STEPS, offered, suggest
from bot.understanding.worklog import reports_work
from bot.unfurl import numbered_links
from domain.access import Viewer, editable_fields
from domain.people import Role
from domain.clock import utcnow
from domain.errors import DomainError, InvalidTransition, InvalidValue
from domain.services.queries import get_ticket
from domain.services.tickets import REPEATED_PRESS
from domain.numbering import (
    TicketNumber, mentions_ticket_number, parse_ticket_id, parse_ticket_number, ticket_number_in,
)
from knowledge.conversation import (
    FOLLOW_UP_WINDOW, Exchange, has_topic_of_its_own, points_back, recent,
)
from domain.tickets import Priority, TicketStatus

ADMIN_COMMANDS = (
    commands.Invite, commands.SetRole, commands.Deactivate, commands.Reactivate,
    commands.KeepAsIs,
    commands.CreateTeam, commands.AddToTeam, commands.RemoveFromTeam, commands.TeamMembers,
    commands.ListTeams, commands.ListPeople, commands.ConfigureCompany,
)
CHANNEL_COMMANDS = (
    commands.Subscribe, commands.Unsubscribe, commands.Subscriptions, commands.Webhook,
    commands.WebhookShown, commands.SubscribeDigest, commands.UnsubscribeDigest,
)
MAX_MESSAGE_CHARS = 64_000
"""Over twice what Teams lets a person send (about 28 KB). Reading a message takes up to
about 2 s of CPU at this length (off the event loop: `read_message`), where the 256 KB an
activity may carry took 4 s (and 10-20 s before two quadratic steps were removed)."""
DIALOG_IDLE = timedelta(minutes=30)
"""A question the bot asked stops waiting for its answer after this long without a word."""
_MADE_BEFORE = "ticketflow.made_before"
"""Turn state: the change the message before this one made (`_recall_change`)."""
_PROPOSED_BEFORE = "ticketflow.proposed_before"
"""Turn state: the change the card of the message before this one proposed (`_confirmed`)."""
_SEVERAL = "ticketflow.several_changes"
"""Turn state: this message makes two changes, so neither is kept for "I meant 3"."""
_AFTER_ASSISTANT = "ticketflow.after_assistant"
"""Turn state: the message before this one was taken to the help assistant."""
_ASKED_BEFORE = "ticketflow.asked_before"
"""Turn state: that message (`AskedAssistant`), for one that goes on about its problem."""
_TICKET_WORDS = re.compile(
    r"\b(?:show|open|view|display|pull|bring|status|assigned|assignee|who has|progress|"
    r"news|updates?|resolved|closed|tickets?)\b", re.IGNORECASE)
"""Words of a message about "it" that ask for a ticket ("show it", "who has it", "what's the
status of it"), not about what a help answer said ("does it work on a mac too?")."""
_CHOICES_OPEN = "ticketflow.choices_open"
"""Turn state: buttons of a question were waiting for this message, which picked none."""
_MOST_ASKED = 5  # open tickets about "the laptop one" offered as buttons; more: a list
_OWN = re.compile(r"\b(?:my|mine)\b", re.IGNORECASE)
"""A work note about the writer's own things ("i replaced my toner but it still jams") is a
problem told, not a note on someone's ticket."""
_TICKETS = re.compile(r"\btickets?\b", re.IGNORECASE)
_ASKED_AS_A_QUESTION = re.compile(
    r".*\?\s*$|\s*(?:what|whats|what's|who|whos|who's|which|how many"
    r"|(?:show|list|find)\s+(?:me|my|us|all|the|\d))\b",
    re.IGNORECASE | re.DOTALL)
"""A look-up asked ("what is alex working on", "show me 41", "anything urgent?"), not a
description that happens to read as one ("list of contacts in outlook disappeared")."""
_TICKET_BY_ID = re.compile(r"#\d+|\bticket\s+\d+", re.IGNORECASE)
_TOLD_OF_BY_ID = re.compile(
    r"(?:^\W*|\b(?:says|said|thinks|reports|reported|confirmed|confirms|re|about|fyi|btw)\s+)"
    r"(?P<id>\d{1,6})(?=\s*[:\-–—]\s*\S|\s+(?:is|was|will|has|had|still|got|keeps|needs|should"
    r"|isn'?t|wasn'?t|won'?t|can'?t|cannot|doesn'?t|didn'?t|hasn'?t)\b)", re.IGNORECASE)
"""A bare number told of as a ticket: "12 still broken after reboot", "vendor says 12 will be
fixed next week", "12: user is wfh"; not "error 404 is back", "3 monitors are down"."""


LONG_MESSAGE_CHARS = 2_000
"""Longer messages are read in a worker thread: reading 64,000 characters takes 1.6-2 s of
CPU, which on the event loop would stall every conversation and health check meanwhile."""
THREAD_COMMAND_WORDS = 6
"""A reply in a ticket card's thread longer than this is a comment, never a command."""


async def read_message(text: str, conversation: Conversation) -> Understanding:
    """What a message asks; a long one is read off the event loop, so other turns go on
    (reading is pure: no state is shared with the loop)."""
    if len(text) <= LONG_MESSAGE_CHARS:
        return understand(text, conversation)
    return await asyncio.to_thread(understand, text, conversation)


class MessageRouter:
    def __init__(
        self, deps: BotDependencies, directory: MemberDirectory, last_ticket: StatePropertyAccessor,
        asked_assistant: StatePropertyAccessor, dialog_at: StatePropertyAccessor,
        last_list: StatePropertyAccessor, offered: StatePropertyAccessor,
        ticket_at: StatePropertyAccessor, last_change: StatePropertyAccessor,
        proposed: StatePropertyAccessor, dialog_said: StatePropertyAccessor,
    ) -> None:
        self._deps = deps
        self._directory = directory
        self._last_ticket = last_ticket
        self._asked_assistant = asked_assistant
        self._dialog_at = dialog_at
        self._last_list = last_list
        self._offered = offered
        self._ticket_at = ticket_at
        self._last_change = last_change
        self._proposed = proposed
        self._dialog_said = dialog_said

    async def handle(self, turn_context: TurnContext, viewer: Viewer, dc: DialogContext) -> None:
        if dc.active_dialog is not None and await self._went_stale(turn_context):
            await self._interrupt(turn_context, dc)  # says what was dropped, then reads anew
        try:
            await self._handle(turn_context, viewer, dc)
        finally:
            if dc.active_dialog is not None:
                await self._dialog_at.set(turn_context, utcnow().isoformat())

    async def _went_stale(self, turn_context: TurnContext) -> bool:
        """Whether the dialog under way last heard from the person over `DIALOG_IDLE` ago:
        a message after a long break is a new one, not the answer to a forgotten question."""
        last = _moment(await self._dialog_at.get(turn_context, None))
        return last is not None and utcnow() - last > DIALOG_IDLE

    async def _handle(self, turn_context: TurnContext, viewer: Viewer, dc: DialogContext) -> None:
        await self._recall_change(turn_context)
        text = strip_bot_mention(turn_context.activity)
        if len(text) > MAX_MESSAGE_CHARS:
            await turn_context.send_activity(
                f"That message is too long for me to read: keep it to {MAX_MESSAGE_CHARS:,} "
                "characters."
            )
            return
        text = await numbered_links(self._deps, viewer, text)  # "close https://…/tickets/44"
        text = await self._picked(turn_context, text)
        if dc.active_dialog is None and await self._confirmed(turn_context, viewer, text):
            return
        if dc.active_dialog is None and await self._took_up_offer(turn_context, viewer, dc, text):
            return
        if dc.active_dialog is None and await self._ticket_for_it(turn_context, viewer, dc, text):
            return
        if dc.active_dialog is None and self._deps.assistant is not None and (
                documents_asked(text)):
            await turn_context.send_activity(notices.help_documents(
                await self._deps.assistant.help_assistant.documents(
                    reader=answer_reader(turn_context.activity, viewer))))
            return
        if dc.active_dialog is None and await self._turned_the_page(turn_context, viewer, text):
            return
        command = commands.parse(text)
        if command is not None and (not isinstance(command, ADMIN_COMMANDS)
                                    or await admin_answers(self._deps, viewer, command)):
            await self._interrupt(turn_context, dc)
            await self._run_command(turn_context, viewer, command)
            await self._keep_offered(turn_context)
            return
        listed = await self._listed(turn_context) if dc.active_dialog is None else ()
        picked_from_list = pick(text, listed)
        if picked_from_list is not None and await self._files_a_ticket(turn_context, viewer, text):
            picked_from_list = None  # "new ticket: the printer problem is back": its own title
        if isinstance(picked_from_list, Described):  # "close the urgent one", "the oldest one"
            picked_from_list = await self._which_described(viewer, picked_from_list, listed)
        match picked_from_list:
            case Picked(text=picked):
                text = picked  # "I'll take the switch one": that ticket's number, read as said
            case NotListed(said=said, listed=shown):  # "the second one" of a list of one
                await self._send(turn_context, Reply(
                    text=notices.not_in_the_list(said, len(shown)),
                    options=tuple(Option(f"{t.number} · {t.title}", f"show {t.number}")
                                  for t in shown)))
                return
            case Unsure(said=said, choices=choices, described=described):
                await self._interrupt(turn_context, dc)
                await self._send(turn_context, Reply(
                    text=notices.which_listed(said, described=described),
                    options=tuple(Option(f"{t.number} · {t.title}", says) for t, says in choices)))
                return
            case None if dc.active_dialog is None and (
                    self._deps.interpreter is None):  # a model looks tickets up itself
                # with a list shown that has no "printer" ticket, "move the printer ticket to
                # sam" is looked for among all the person may see, as with no list shown
                read_on = await self._asked_which_of_theirs(turn_context, viewer, dc, text)
                if read_on is None:
                    return
                text = read_on
        pending = pending_question(dc)
        filing = waiting_for(dc)  # "give it to Sam": the ticket being filed, no earlier one
        understood, conversation = await self._understand(
            turn_context, viewer, text, about=pending.ticket if pending else None,
            directory=pending is not None and pending.slot is Slot.ASSIGNEE,
            nothing_in_view=filing is not None,
        )
        if dc.active_dialog is not None and isinstance(understood, Cancel):
            await dc.cancel_all_dialogs()
            await turn_context.send_activity("Cancelled. Nothing was saved.")
            return
        if pending is not None:
            if await self._answer_question(turn_context, viewer, dc, pending, text, understood,
                                           conversation):
                return
        elif dc.active_dialog is not None:
            if (kept := for_the_draft(viewer, understood, asked=filing)) is not None:
                values, said = kept  # "make it urgent and give it to Sam" while it is filed
                keep_for_ticket(dc, values)
                await turn_context.send_activity(said)
                await dc.reprompt_dialog()
                return
            if isinstance(understood, CommentOnTicket) and understood.ticket is None and (
                    understood.text and note_for_filing(dc, understood.text, said=text)):
                await turn_context.send_activity(notices.added_to_description())  # "add a note
                await dc.reprompt_dialog()  # that i tried restarting": no ticket yet to comment on
                return
            if (ahead := noted_ahead(dc, text)) is not None:  # "incident" under "Describe it"
                keep_for_ticket(dc, ahead[0])
                await turn_context.send_activity(ahead[1])
                await dc.reprompt_dialog()
                return
            if explained := choice_explained(dc, text):  # "what does urgent mean?"
                await turn_context.send_activity(explained)
                await dc.reprompt_dialog()
                return
            added = isinstance(understood, FreeText) and kept_as_details(dc, text)
            if added:  # a pasted error when asked the kind: the description's, not dropped
                await turn_context.send_activity(notices.added_to_description())
            if noted := noted_priority(dc, text):  # "it's urgent" when asked the kind
                await turn_context.send_activity(notices.noted_urgency(noted))
                await dc.reprompt_dialog()
                return
            if added and not hints_a_choice(dc, text):  # the kind it says is still taken;
                await dc.reprompt_dialog()  # else asked again (a prompt that has replied
                return  # this turn sends no retry of its own)
            choosing = waiting_for(dc) in CHOICE_STEPS and not is_bare_choice(text) and (
                isinstance(understood, Question) or not hints_a_choice(dc, text))
            # "asap please!!" when asked how urgent is the answer; a help question is not
            if choosing and (_looks_up(understood) or self._deps.assistant is not None and (
                    answered_aside(dc, understood))) or filing == "description" and (
                    _looks_up(understood) and not calls_off_what_came_before(text) and (
                        _interrupts(understood, text) or _ASKED_AS_A_QUESTION.match(text))):
                # "what's open for the network team" (or a help question) under "Which kind
                # of ticket is it?", "what is alex working on" under "Describe it": answered,
                # and the ticket being filed is asked about again, not dropped
                try:
                    await self._dispatch(turn_context, viewer, dc, understood, conversation)
                except DomainError as refused:  # "show me 41", not theirs: said, filing kept
                    await turn_context.send_activity(explain(refused))
                await turn_context.send_activity(notices.back_to_filing())
                await dc.reprompt_dialog()
                return
            if not _interrupts(understood, text, choosing=choosing):
                if await self._said_again(turn_context, text):
                    await dc.reprompt_dialog()  # not the answer to the question after it
                    return
                await self._answer_dialog(turn_context, viewer, dc, understood)
                return
        await self._interrupt(turn_context, dc)
        if isinstance(understood, (Unknown, FreeText)) and self._deps.interpreter is not None:
            if await self._by_model(turn_context, viewer, dc, text, conversation):
                return
        await self._dispatch(turn_context, viewer, dc, understood, conversation)

    async def command_in_thread(
        self, turn_context: TurnContext, viewer: Viewer, dc: DialogContext, ticket: str
    ) -> bool:
        """A reply in `ticket`'s card thread, read with that ticket as "it": a short request
        to act on is done, and True; anything else is a comment (False). Requests are a
        change or a look at that ticket, named or not ("resolve this", "assign to me",
        "make it urgent", "show history"), or one of their own ("help", "my tickets"); that
        ticket is then "it" in the thread. A longer reply ("replaced the toner, works
        now") is a comment, whatever it could be read as."""
        text = strip_bot_mention(turn_context.activity)
        if not text or len(text.split()) > THREAD_COMMAND_WORDS:
            return False
        understood, conversation = await self._understand(turn_context, viewer, text,
                                                          about=ticket)
        match understood:
            case ChangeStatus() | AssignTicket() | EditTicket() | ShowTicket() if (
                    understood.ticket is None or str(understood.ticket) == ticket):
                understood = replace(understood, ticket=parse_ticket_number(ticket))
            case Help() | ListTickets() | Workload() | TicketStats():
                pass
            case _:
                return False
        await self._point_at(turn_context, ticket)
        await self._dispatch(turn_context, viewer, dc, understood, conversation)
        return True

    async def _files_a_ticket(self, turn_context: TurnContext, viewer: Viewer, text: str
                              ) -> bool:
        """Whether the message, as typed, files a new ticket: its title is the person's
        words, never a listed ticket's number put in their place."""
        understood, _ = await self._understand(turn_context, viewer, text)
        return isinstance(understood, CreateTicket) or (
            isinstance(understood, Clarify) and isinstance(understood.request, CreateTicket))

    async def _understand(
        self, turn_context: TurnContext, viewer: Viewer, text: str, *,
        about: str | None = None, directory: bool = False, nothing_in_view: bool = False,
    ) -> tuple[Understanding, Conversation]:
        """Understood cheaply first; again with the people and teams when a name matters.

        `about`: the ticket a pending question is about, which "it" then means.
        `nothing_in_view`: no earlier ticket is "it" (a new one is being filed).
        """
        last = about or (
            None if nothing_in_view else await self._last_ticket.get(turn_context, None))
        mentions = await self._mentions(turn_context, viewer)
        conversation = await conversation_for(
            self._deps, viewer, last_ticket=last if isinstance(last, str) else None,
            mentions=mentions, numbers=directory or any(ch.isdigit() for ch in text),
            directory=directory,
        )
        understood = await read_message(text, conversation)
        if not directory and needs_directory(understood):
            conversation = await conversation_for(
                self._deps, viewer, last_ticket=last if isinstance(last, str) else None,
                mentions=mentions, numbers=True, directory=True,
                company=conversation.company,
            )
            understood = await read_message(text, conversation)
        return readable(understood), conversation

    async def _by_model(
        self, turn_context: TurnContext, viewer: Viewer, dc: DialogContext, text: str,
        conversation: Conversation,
    ) -> bool:
        """What the model reads in a message we could not place: read-only requests and
        questions back run at once, a change is proposed on a card. False: it read nothing."""
        assert self._deps.interpreter is not None
        conversation = await conversation_for(
            self._deps, viewer, mentions=conversation.mentions, numbers=True, directory=True,
            last_ticket=str(conversation.last_ticket) if conversation.last_ticket else None,
            company=conversation.company,
        )
        found = await self._deps.interpreter.interpret(self._deps, viewer, text, conversation)
        if found is None:
            return False
        if is_complete_change(found):
            await self._send(turn_context, await propose(self._deps, viewer, found))
        else:  # a question back: what answers it is proposed on a card too
            await self._dispatch(turn_context, viewer, dc, found, conversation, proposed=True)
        return True

    async def _mentions(self, turn_context: TurnContext, viewer: Viewer) -> tuple[Person, ...]:
        found: list[Person] = []
        for mention in mentioned_users(turn_context.activity):
            try:
                user_id = await resolve_person(
                    turn_context, self._deps, self._directory, viewer, "mention", [mention]
                )
            except DomainError:
                continue  # not a TicketFlow user: understanding asks who was meant
            found.append(Person(user_id, mention.mentioned.name or user_id))
        return tuple(found)

    async def _interrupt(self, turn_context: TurnContext, dc: DialogContext) -> None:
        if dc.active_dialog is None:
            return
        pending = pending_question(dc)
        await dc.cancel_all_dialogs()
        about = (f"my question about {pending.ticket}" if pending is not None
                 else "the ticket we were filing")
        await turn_context.send_activity(notices.dropped(about))

    async def _answer_dialog(
        self, turn_context: TurnContext, viewer: Viewer, dc: DialogContext,
        understood: Understanding,
    ) -> None:
        if isinstance(understood, Help):
            await reply_card(turn_context, presenter.help_card(viewer))
            await turn_context.send_activity("You're filing a ticket: answer the question above, "
                                             "or say cancel.")
            await dc.reprompt_dialog()
            return
        result = await dc.continue_dialog()
        if result.status is DialogTurnStatus.Complete and isinstance(result.result, dict):
            await self._dialog_said.set(turn_context, None)
            await self._file(turn_context, viewer, result.result)

    async def _said_again(self, turn_context: TurnContext, text: str) -> bool:
        """The filing's last answer sent again moments later (a client resending it under a
        new id, a double Enter): before, "Screen is black" resent became the description too.
        The question now under way is asked again instead; the same words sent once more are
        its answer (someone whose description is their title)."""
        said = " ".join(text.split())
        now = utcnow()
        last = await self._dialog_said.get(turn_context, None)
        when, _, words = last.partition("\n") if isinstance(last, str) else ("", "", "")
        moment = _moment(when)
        again = bool(said) and words == said and moment is not None and (
            timedelta(0) <= now - moment <= REPEATED_PRESS)
        await self._dialog_said.set(turn_context, None if again else f"{now.isoformat()}\n{said}")
        return again

    async def _answer_question(
        self, turn_context: TurnContext, viewer: Viewer, dc: DialogContext, pending: Pending,
        text: str, understood: Understanding, conversation: Conversation,
    ) -> bool:
        """True when the message was the answer (or help); False for a new command."""
        if isinstance(understood, Help):
            await reply_card(turn_context, presenter.help_card(viewer))
            await turn_context.send_activity(notices.still_waiting(pending.question))
            return True
        if isinstance(understood, Declined) and pending.slot is not Slot.COMMENT:
            await dc.cancel_all_dialogs()  # "don't assign it after all"
            await turn_context.send_activity(notices.nothing_changed(understood.ticket or pending.ticket))
            return True
        choosing = (pending.slot not in FREE_TEXT_SLOTS and pending.chosen(text) is None
                    and not is_bare_choice(text))  # "2" is a button's number, not ticket 2
        if isinstance(understood, SmallTalk) and pending.slot not in FREE_TEXT_SLOTS and (
                pending.chosen(text) is None):  # "thanks!" to "Who should take 4?"
            if understood.kind is Courtesy.THANKS:
                await dc.cancel_all_dialogs()
                await turn_context.send_activity(notices.nothing_changed(pending.ticket))
            else:  # "ok", "hi": the question still stands, said once more
                await turn_context.send_activity(notices.still_waiting(pending.question))
            return True
        if pending.slot not in FREE_TEXT_SLOTS and pending.chosen(text) is None and unsure(text):
            await dc.cancel_all_dialogs()  # "not sure, whatever you think": never picked for them
            await turn_context.send_activity(notices.nothing_changed(pending.ticket))
            return True
        if isinstance(understood, Clarify) and another_change(pending, understood.request):
            return False  # "change the priority of 2" under "Who should take 2?"
        if pending.slot is Slot.COMMENT and _commands_another(understood, text, pending.ticket):
            return False  # "put 2 on hold" under "What's your comment on 1?": never posted on 1
        if _interrupts(understood, text, about_a_ticket=True, choosing=choosing,
                       listing=choosing and pending.slot in _NAMED_VALUES) and not completes(
                pending, understood):
            return False  # a new command: the caller drops the question, with a word
        match _as_written(read_answer(pending, text, conversation)):
            case AskAgain(pending=again, why=why):
                if pending.slot is Slot.ASSIGNEE and (
                        invited := await not_joined_yet(self._deps, viewer, text)):
                    why = invited  # "Sam" is invited, not joined: not "I couldn't find" them
                await self._ask(turn_context, dc, questions.asking(again, why=why))
            case AskNext(slot=slot):
                await self._ask(turn_context, dc, questions.field_value(pending.ticket, slot),
                                proposed=pending.proposed)
            case Clarify(request=request, question=question, choices=choices):
                ticket = getattr(request, "ticket", None)
                if isinstance(ticket, TicketNumber):
                    await ensure_visible(self._deps, viewer, ticket)
                options = tuple(Option(choice.label, phrase(_filled(request, choice), conversation))
                                for choice in choices)
                narrowed = replace(pending, question=question, options=options)
                await self._ask(turn_context, dc, questions.asking(narrowed))
            case answer if pending.proposed and is_complete_change(answer):
                await dc.cancel_all_dialogs()
                await self._send(turn_context, await propose(self._deps, viewer, answer))
            case answer:
                await dc.cancel_all_dialogs()
                try:
                    await self._act(turn_context, viewer, dc, answer, conversation)
                except (InvalidValue, InvalidTransition) as refused:
                    await self._ask(turn_context, dc,
                                    questions.asking(pending, why=notices.try_again(explain(refused))))
        return True

    async def _ask(
        self, turn_context: TurnContext, dc: DialogContext, reply: Reply, *, proposed: bool = False,
    ) -> None:
        """`proposed`: the question follows a model's reading, so its answer is proposed."""
        if reply.asks is not None:
            await ask(dc, replace(reply.asks, proposed=True) if proposed else reply.asks)
        await self._send(turn_context, reply)

    async def _file(self, turn_context: TurnContext, viewer: Viewer, answers: dict[str, Any]) -> None:
        reply = await file_ticket(self._deps, viewer, answers)
        await self._send(turn_context, reply)

    async def _picked(self, turn_context: TurnContext, text: str) -> str:
        """An admin question's buttons answered in words ("yes", "no", "agent", "2"): what
        the button says. The next message ends the question, whatever it says."""
        stored = await self._offered.get(turn_context, None)
        if stored is None:
            return text
        await self._offered.delete(turn_context)
        kept = KeptChoices.decode(stored)
        if kept is None:
            return text  # written by another release: the message is read as it is
        fresh = utcnow() - kept.at <= DIALOG_IDLE
        option = chosen(kept.options, text) if fresh and (
            said_yes(text) or not kept.yes_only) else None
        if option is None and fresh and yes_alone(text):
            turn_context.turn_state[_CHOICES_OPEN] = True  # a "yes" picked none of them
        if option is None:
            return text
        turn_context.activity.text = option.says  # as pressing it sends: what a comment
        return option.says  # offered instead quotes ("close 8, it works now", not "yes")

    async def _confirmed(self, turn_context: TurnContext, viewer: Viewer, text: str) -> bool:
        """A typed "yes" under a confirmation card ("Add this as a comment?", "Close 4?"): what
        its confirm button does, checked the same way (the ticket as it was proposed, and
        only for whom it was proposed). The next message ends the question, whatever it says;
        after `DIALOG_IDLE` a "yes" is no longer its answer."""
        stored = await self._proposed.get(turn_context, None)
        if stored is None:
            return False
        await self._proposed.delete(turn_context)
        try:
            kept = json.loads(stored)
            fresh = utcnow() - datetime.fromisoformat(kept["at"]) <= DIALOG_IDLE
            data = kept["data"]
        except (TypeError, ValueError, KeyError):
            return False  # written by another release: the message is read as it is
        if not fresh or not isinstance(data, dict):
            return False
        turn_context.turn_state[_PROPOSED_BEFORE] = data  # "make it 2 instead" of a push
        if not said_yes(text):
            return False
        try:
            await self._send(turn_context, await confirm(self._deps, viewer, data))
        except DomainError as refused:
            await turn_context.send_activity(explain(refused))
        return True

    async def _keep_for_a_yes(self, turn_context: TurnContext, options: tuple[Option, ...]
                              ) -> None:
        """Buttons sent with a question, kept for a typed "yes" only: it presses a "Yes"
        button ("Do you want me to close 4 now?" [Yes]), and is told it picks none of
        several ("Which Lee do you mean?"). Typed numbers and labels are read as before."""
        kept = KeptChoices(options, utcnow(), yes_only=True)
        await self._offered.set(turn_context, kept.encode())

    async def _keep_offered(self, turn_context: TurnContext) -> None:
        options = turn_context.turn_state.get(OFFERED)
        if options:
            await self._offered.set(turn_context, KeptChoices(tuple(options), utcnow()).encode())

    async def _run_command(
        self, turn_context: TurnContext, viewer: Viewer, command: commands.Command
    ) -> None:
        if isinstance(command, ADMIN_COMMANDS):
            await run_admin(turn_context, self._deps, self._directory, viewer, command)
        elif isinstance(command, CHANNEL_COMMANDS):
            await run_subscription(turn_context, self._deps, viewer, command)

    async def _dispatch(
        self, turn_context: TurnContext, viewer: Viewer, dc: DialogContext,
        understood: Understanding, conversation: Conversation, *, proposed: bool = False,
    ) -> None:
        match understood:
            case Help():
                await reply_card(turn_context, presenter.help_card(viewer))
            case Cancel():
                await turn_context.send_activity("There's nothing to cancel.")
            case EachListed() as each:  # "reassign all of Sam's tickets to Lee": seen first
                shown, offer = await offer_each_listed(self._deps, viewer, each, conversation)
                await self._send(turn_context, shown)
                if offer is not None:
                    await self._send(turn_context, offer)
                    turn_context.turn_state[OFFERED] = offer.options  # "yes" typed presses it
                    await self._keep_offered(turn_context)
            case Clarify(request=EditTicket() as edit, question=why, field=str(field)):
                await self._ask(turn_context, dc,
                                await ask_field(self._deps, viewer, edit, field, why=why or None),
                                proposed=proposed)
            case Clarify(request=ListTickets() as listed, question=question, choices=choices):
                options = tuple(Option(choice.label, phrase(_filled(listed, choice), conversation))
                                for choice in choices)  # "Which Lee?": never the whole list
                await self._send(turn_context, Reply(text=question, options=options))
            case Clarify(request=CreateTicket() as new, question=question, choices=choices) if (
                    any(isinstance(choice.value, date) for choice in choices)):  # a past day
                options = tuple(Option(choice.label, phrase(_filled(new, choice), conversation))
                                for choice in choices)
                await self._send(turn_context, Reply(text=question, options=options))
            case Clarify(request=CreateTicket() as new, question=question, choices=choices):
                if refused := cannot_assign(viewer):
                    await turn_context.send_activity(refused)
                    await self._act(turn_context, viewer, dc, new, conversation)
                    return
                options = tuple(Option(choice.label, phrase(_filled(new, choice), conversation))
                                for choice in choices)  # "Who should take the new ticket?"
                await self._send(turn_context, Reply(text=question, options=options))
            case Clarify(request=ChangeStatus(ticket=None) as change) if isinstance(
                    theirs := await their_ticket(self._deps, viewer, change, conversation),
                    ChangeStatus):  # "cancel my ticket": their only open one, asked about
                await self._dispatch(turn_context, viewer, dc, replace(understood, request=theirs),
                                     conversation, proposed=proposed)
            case Clarify(request=EditTicket(due=date()) as edit, choices=(_, *_)) if (
                    "due_date" not in editable_fields(viewer)):  # a past day from a customer:
                await self._act(turn_context, viewer, dc, edit, conversation)  # who sets it
            case Clarify(request=request) if getattr(request, "ticket", None) is None:
                await self._act(turn_context, viewer, dc, request, conversation)  # which ticket?
            case Clarify(request=request, question=question, choices=choices):
                ticket = getattr(request, "ticket", None)
                if isinstance(ticket, TicketNumber):
                    found = await ensure_visible(self._deps, viewer, ticket)
                    if isinstance(request, ChangeStatus) and (
                            finished := _finished_already(found.status, choices)):
                        await turn_context.send_activity(  # "fixed" of a closed ticket: not
                            notices.finished_already(str(ticket), finished))  # "Should it be
                        return  # resolved?", whose Yes it cannot take
                if (isinstance(request, ChangeStatus) or isinstance(request, AssignTicket) and (
                        not proposed)) and (instead := await comment_instead(  # (a model's: refused)
                        self._deps, viewer, request, strip_bot_mention(turn_context.activity))):
                    await self._send(turn_context, instead)  # a customer's "cancel ticket 4"
                    return
                not_joined: str | None = None
                if isinstance(understood, Clarify) and understood.unknown and (
                        invited := await not_joined_yet(self._deps, viewer,
                                                        understood.unknown.said)):
                    not_joined = invited  # "Sam" is invited, not joined: not "I couldn't find" them
                    question = understood.unknown.question
                options = tuple(
                    Option(choice.label, phrase(_filled(request, choice), conversation))
                    for choice in choices
                )
                slot = _CLARIFIED.get(type(request))
                if slot is not None and ticket is not None:
                    await self._ask(turn_context, dc, questions.asking(
                        Pending(slot, str(ticket), question, options), why=not_joined),
                        proposed=proposed)
                else:
                    await self._send(turn_context, Reply(
                        text=f"{not_joined} {question}" if not_joined else question,
                        options=options))
                    if isinstance(request, EditTicket):  # "Should 4 be due then?": "yes" typed
                        turn_context.turn_state[OFFERED] = options  # answers it as the button
                        await self._keep_offered(turn_context)
            case Declined(ticket=TicketNumber() as ticket, not_done=True):  # "my ticket 36 is
                await self._act(turn_context, viewer, dc, ShowTicket(  # still not fixed": how
                    ticket, asked=Asked(Fact.STATUS)), conversation)  # it stands, not "OK"
            case Declined(ticket=ticket):  # "no", "hmm, don't" just after a change: it stands
                if (left := await self._left_by_the_last_change(turn_context, viewer, ticket)):
                    await self._send(turn_context, left)
                else:
                    await turn_context.send_activity(notices.nothing_changed(ticket))
            case Both(first=first) if getattr(first, "ticket", 1) is None:  # "give it to sam
                await turn_context.send_activity(  # and make it urgent", none in view: which?
                    notices.which_ticket("give 4 to Sam and make it urgent"))  # no guess
            case Both(first=first, second=second):  # "rename 4 … and close it": in turn
                turn_context.turn_state[_SEVERAL] = True  # "I meant 6" next: which change?
                delivery = current_delivery()
                with one_card_per_ticket(turn_context):  # the second change redraws the card
                    for number, part in enumerate((first, second), start=1):
                        try:
                            with running_for(part_of(delivery, number)):  # each written once
                                await self._dispatch(turn_context, viewer, dc, part, conversation)
                        except DomainError as refused:  # the other part is still made, or asked
                            await turn_context.send_activity(explain(refused))
            case EachTicket(change=ShowTicket()):
                for reply in await show_each(self._deps, viewer, understood,
                                             company=conversation.company):
                    await self._send(turn_context, reply)
            case EachTicket(tickets=tickets, change=EditTicket(later_by=int()) as later):
                for pushed in tickets:  # "push 4 and 5 out a week": each proposed, as one is
                    await self._send(turn_context, await propose_due_moved(
                        self._deps, viewer, replace(later, ticket=pushed)))
            case EachTicket():
                await self._send(turn_context, await perform_each(self._deps, viewer, understood))
            case MeantAnother() as meant:  # "sorry not 2, i meant 3"
                await self._meant_another(turn_context, viewer, dc, meant, conversation)
            case FreeText(text=text) | Question(text=text) if (
                    conversation.last_ticket is not None
                    and await self._still_broken_in_view(turn_context, viewer, text)):
                await self._act(turn_context, viewer, dc, ShowTicket(  # "it's still broken",
                    conversation.last_ticket, asked=Asked(Fact.STATUS)), conversation)  # "still no reply"
            case FreeText(text=text) | Question(text=text) if chased(text):
                await self._act(turn_context, viewer, dc, ListTickets(  # "this is taking
                    ListScope.OWN, asked=Asked(Fact.STATUS)), conversation)  # forever" later on
            case Question(text=text):
                await self._ask_assistant(turn_context, viewer, text)
            case FreeText(text=text):  # "can someone call me about it": maybe the ticket's
                await self._ask_assistant(turn_context, viewer, text, said_of_view=True,
                                          named=_named_ticket(text, conversation))
            case ShowTicket(history=False, asked=None) if turn_context.turn_state.get(
                    _AFTER_ASSISTANT) and not _about_a_ticket(turn_context.activity):
                # "does it work on a mac too?" right after an answer: "it" is what the
                # answer was about, not a ticket to ask the number of, nor the ticket shown
                # before the question ("show it", "show 4" and a question about a ticket's
                # fact, "when is it due?", are)
                await self._ask_assistant(turn_context, viewer,
                                          strip_bot_mention(turn_context.activity))
            case Unknown():
                await self._not_understood(turn_context, understood, conversation.last_ticket)
            case Workload(least_first=least_first):
                await self._send(turn_context, await workload_reply(
                    self._deps, viewer, conversation, least_first=least_first))
            case TicketStats(period=period):
                await self._send(turn_context, await stats_reply(self._deps, viewer, period,
                                                                 conversation))
            case NotInTicketFlow(lacking=Lacking.UNDO) as lacking if (
                    undone := await self._undone(turn_context, viewer, lacking)) is not None:
                await self._send(turn_context, undone)  # "undo that" right after a change
            case NotInTicketFlow() as lacking:  # "link 4 to 5": said so, with what can be done
                await self._send(turn_context, await lacking_reply(self._deps, viewer, lacking,
                                                                   conversation))
            case ReminderAsked(ticket=ticket, when=when):
                options = (Option(f"Make it due {when:%a} {when.day} {when:%b}",
                                  phrase(EditTicket(ticket, due=when), conversation)),
                           ) if ticket and when and when >= conversation.today and (
                    "due_date" in editable_fields(viewer)) else ()
                # the day said, as a due date: one press, for those who may set one (a day
                # already past is no reminder's day: "anyway" in the press would set it unasked)
                await self._send(turn_context, Reply(text=notices.no_reminders(ticket),
                                                     options=options))
            case EditTicket(later_by=int()) as later:  # "push 12 out a week": from its due date
                await self._send(turn_context, await propose_due_moved(self._deps, viewer, later))
            case HowMuchLater() as vague:  # "delay 12 a few days": asked, never guessed
                await self._send(turn_context, how_much_later(viewer, vague))
            case SmallTalk(kind=Courtesy.HELLO | Courtesy.ABOUT as kind):
                await self._send(turn_context, Reply(
                    text=f"{notices.courtesy(kind, viewer.user.first_name)} {notices.try_these()}",
                    options=tuple(Option(s, s) for s in FIRST_STEPS),
                ))
            case SmallTalk(kind=kind):
                await turn_context.send_activity(notices.courtesy(kind, viewer.user.first_name))
            case _:
                await self._act(turn_context, viewer, dc, understood, conversation,
                                proposed=proposed)

    async def _act(
        self, turn_context: TurnContext, viewer: Viewer, dc: DialogContext,
        request: TicketRequest, conversation: Conversation, *, proposed: bool = False,
    ) -> None:
        found_theirs = False
        if change := ticketless_change(request):  # "close my ticket" with none shown
            match await their_ticket(self._deps, viewer, change, conversation):
                case Reply() as which:
                    await self._send(turn_context, which)
                    return
                case None:
                    pass
                case theirs:
                    request, found_theirs = theirs, True
        said = strip_bot_mention(turn_context.activity)
        partly = False
        if isinstance(request, EditTicket) and (parts := may_edit_part(viewer, request)):
            made, request = parts  # "rename 4 … and make it urgent" from a customer
            await self._send(turn_context, await propose(self._deps, viewer, made) if found_theirs
                             else await perform(self._deps, viewer, made, conversation))
            partly = True
        if (isinstance(request, (EditTicket, ChangeStatus)) or isinstance(request, AssignTicket) and (
                not proposed)) and (instead := await comment_instead(  # (a model's: refused)
                self._deps, viewer, request, said, partly=partly)):
            await self._send(turn_context, instead)  # "actually it's urgent" from a customer
            return
        if found_theirs and is_complete_change(request):
            await self._send(turn_context, await propose(self._deps, viewer, request))
            return
        reply = await perform(self._deps, viewer, request, conversation)
        match reply.dialog:
            case None:
                await self._ask(turn_context, dc, reply, proposed=proposed)
                await self._keep_change(turn_context, request, reply, conversation)
            case CreateTicket() as new:
                if reply.text:  # why it will be filed without the assignee named
                    await turn_context.send_activity(reply.text)
                await dc.begin_dialog(NEW_TICKET, dialog_answers(new))
            case _:
                await self._send(turn_context, reply)

    async def _recall_change(self, turn_context: TurnContext) -> None:
        """The change the message before made, for this message only: kept in the turn, and
        dropped from the conversation whatever this message says."""
        stored = await self._last_change.get(turn_context, None)
        if stored:
            turn_context.turn_state[_MADE_BEFORE] = MadeChange.decode(stored)
            await self._last_change.delete(turn_context)

    async def _keep_change(
        self, turn_context: TurnContext, request: TicketRequest, reply: Reply,
        conversation: Conversation,
    ) -> None:
        """A change this message made, for "sorry, I meant 3" next; one of two said in one
        message is not kept (which of them the next message corrects is not known)."""
        made = made_change(request, reply, conversation, now=utcnow())
        if made is not None and not turn_context.turn_state.get(_SEVERAL):
            await self._last_change.set(turn_context, made.encode())

    async def _meant_another(
        self, turn_context: TurnContext, viewer: Viewer, dc: DialogContext, meant: MeantAnother,
        conversation: Conversation,
    ) -> None:
        """"sorry not 2, i meant 3" just after 2 was changed: the same change made of 3, and
        2 said to be as that change left it, with the press that puts it back ("and 3 too":
        the same change made of 3 as well, 2 left as it is). Not certain
        which change is meant (a button pressed since, another ticket said to be wrong, too
        long ago): asked. No change just made: 3 is shown."""
        made = turn_context.turn_state.get(_MADE_BEFORE)
        first: Understanding | None = None
        if isinstance(made, MadeChange):
            first, conversation = await self._understand(turn_context, viewer, made.says)
        if not isinstance(made, MadeChange) or not isinstance(
                first, (ChangeStatus, AssignTicket, EditTicket, CommentOnTicket)) or str(
                first.ticket) != (
                made.ticket) or made.ticket == str(meant.ticket) or meant.earlier:
            if asked := push_said_again(meant, turn_context.turn_state.get(_PROPOSED_BEFORE)):
                await self._send(turn_context, asked)  # "make it 2 instead" of a push: 2 what
                return
            if meant.change is not None:  # "i meant to close 3" with no change to correct, or
                await ensure_visible(self._deps, viewer, meant.ticket)  # "… yesterday": asked
                await self._send(turn_context, meant_to(meant.change, conversation))
                return
            await self._act(turn_context, viewer, dc, ShowTicket(meant.ticket), conversation)
            return
        instead = meant.change or replace(first, ticket=meant.ticket)  # the change said, if any
        if meant.asked or not certain(made, meant, pointed_at=await self._shown_at(turn_context),
                                      now=utcnow()):  # "and 3 too?": asked, never made
            await ensure_visible(self._deps, viewer, meant.ticket)
            await self._send(turn_context, asked_too(instead, conversation))
            return
        await self._act(turn_context, viewer, dc, instead, conversation)
        if not meant.too:  # "and 3 too": the first change stands, nothing to put back
            await self._send(turn_context, await left_behind(self._deps, viewer, first,
                                                             conversation))

    async def _undone(
        self, turn_context: TurnContext, viewer: Viewer, lacking: NotInTicketFlow,
    ) -> Reply | None:
        """"undo that", "oops, revert that" right after this conversation's last change: what
        the ticket is now, and the one press that puts it back as it was (TicketFlow keeps no
        undo: the press is a change of its own, as "I meant 3" offers). None when no change
        was just made, or another ticket is named: the usual answer."""
        return await self._left_by_the_last_change(turn_context, viewer, lacking.ticket)

    async def _left_by_the_last_change(
        self, turn_context: TurnContext, viewer: Viewer, ticket: TicketNumber | None,
    ) -> Reply | None:
        """What the ticket the last message changed is now, with the press that puts it back
        ("undo that", or "no" said just after the change, which stands); None when no change
        was just made, or `ticket` is another."""
        made = turn_context.turn_state.get(_MADE_BEFORE)
        if not isinstance(made, MadeChange) or utcnow() - made.at > CORRECTION_WINDOW or (
                ticket is not None and str(ticket) != made.ticket) or (
                await self._shown_at(turn_context) or made.at) > made.at:
            return None
        first, conversation = await self._understand(turn_context, viewer, made.says)
        if not isinstance(first, (ChangeStatus, AssignTicket, EditTicket, CommentOnTicket)) or (
                str(first.ticket) != made.ticket):
            return None
        return await left_behind(self._deps, viewer, first, conversation)

    async def _took_up_offer(
        self, turn_context: TurnContext, viewer: Viewer, dc: DialogContext, text: str
    ) -> bool:
        """A "yes" / "no thanks" / "edit first" typed under "File this as a ticket?", or
        more about the problem ("it's urgent"), which is added to the ticket on offer.

        The message last taken to the assistant is forgotten at the next message,
        whatever it is, so a later "yes" never files a message asked about long before.
        """
        stored = await self._asked_assistant.get(turn_context, None)
        if not stored:
            return False
        await self._asked_assistant.delete(turn_context)
        asked = AskedAssistant.decode(stored)
        if asked is not None:
            turn_context.turn_state[_AFTER_ASSISTANT] = True
            turn_context.turn_state[_ASKED_BEFORE] = asked
        reply = offer_reply(text)
        explicit = asks_for_a_ticket(text)
        not_helped = unhelpful(text)
        if asked is None or (reply is None and not explicit and not not_helped
                             and not goes_on(text)):
            return False
        exchange = await self._deps.help().help_assistant.last_exchange(
            user_id=viewer.id, session_id=help_session(turn_context.activity, viewer.id))
        now = utcnow()
        waiting = asked.answering(exchange, now=now)
        if not_helped and exchange is not None and asked.answered(exchange, now=now) and (
                reply is None or not asked.stands(exchange, now=now)):
            return await self._not_helped(turn_context, viewer, asked, exchange, text)
        if not waiting and not asked.stands(exchange, now=now):
            if reply is OfferReply.TAKE and not explicit and asked.answered(exchange, now=now):
                # "yes", "yep 👍" after an answer that helped: agreed with, nothing to file
                await turn_context.send_activity(
                    notices.courtesy(Courtesy.OK, viewer.user.first_name))
                return True
            if not explicit or not asked.answered(exchange, now=now) or (
                    offer := asked.offer(exchange)) is None:
                return False
            # "yes please log a ticket" after an answer that did not help: as the answer
            # card's "Create a ticket" does, the question is the new ticket's title
            if not_helped_then_asks(text) and exchange is not None:  # "that didn't work, …"
                await self._deps.help().help_assistant.rate(
                    message_id=exchange.answer_id, user_id=viewer.id, helpful=False,
                    reader=viewer.role)
            await turn_context.send_activity(notices.filing_the_question(offer.title))
            told = {"description": offer.description} if asked.follows else {}  # what was tried
            await dc.begin_dialog(NEW_TICKET, {"title": offer.title, "priority": None,
                                               "category": None, **told})
            return True
        if reply is None and explicit:
            reply = OfferReply.TAKE  # "can you raise a ticket for this?" under the offer
        if reply is None:
            return await self._add_to_offer(turn_context, asked, text, exchange, waiting=waiting)
        if waiting:
            await self._asked_assistant.set(turn_context, stored)  # the card is on its way
            await turn_context.send_activity(notices.still_looking())
            return True
        offer = asked.offer(exchange)
        if offer is None:
            return False
        match reply:
            case OfferReply.TAKE:
                await self._file(turn_context, viewer, {
                    "title": offer.title, "description": offer.description,
                    "category": offer.category,
                })
            case OfferReply.DECLINE:
                await turn_context.send_activity(notices.offer_declined())
            case OfferReply.EDIT:
                await dc.begin_dialog(NEW_TICKET, {"title": offer.title, "priority": None,
                                                   "category": None})
        return True

    async def _ticket_for_it(
        self, turn_context: TurnContext, viewer: Viewer, dc: DialogContext, text: str
    ) -> bool:
        """"make a ticket for it", "ok file it" with another message since the help answer
        ("no thanks", "my tickets"): "it" is the question last asked, as it is right after
        the answer, so that question is the title and the bot asks for the rest; never "it",
        nor a title asked for again. Not once a ticket was shown since: "it" is that ticket."""
        if self._deps.assistant is None or not asks_for_a_ticket_for_it(text):
            return False
        now = utcnow()
        exchange = recent(await self._deps.help().help_assistant.last_exchange(
            user_id=viewer.id, session_id=help_session(turn_context.activity, viewer.id)),
            now=now, after=await self._shown_at(turn_context))
        offer = AskedAssistant(exchange.question, now).offer(exchange) if exchange else None
        if offer is None:
            return False
        await turn_context.send_activity(notices.filing_the_question(offer.title))
        await dc.begin_dialog(NEW_TICKET, {"title": offer.title, "priority": None,
                                           "category": None})
        return True

    async def _not_helped(
        self, turn_context: TurnContext, viewer: Viewer, asked: AskedAssistant,
        exchange: Exchange, said: str,
    ) -> bool:
        """"that didn't help" after an answer: rated as its "Not helpful" button does, and the
        question (not "that didn't help") offered as a ticket, as when nothing was found;
        the problem told again with it ("…, I still can't print") is in the ticket too."""
        flagged = replace(asked, unhelpful=True)
        if (still := still_after_unhelpful(said)) is not None:
            flagged = flagged.adding(still) or flagged
        offer = flagged.offer(exchange)
        if offer is None:
            return False
        await self._deps.help().help_assistant.rate(
            message_id=exchange.answer_id, user_id=viewer.id, helpful=False,
            reader=viewer.role)
        await self._asked_assistant.set(turn_context, flagged.encode())
        view = AnswerView(message_id=exchange.answer_id, question=asked.message,
                          text=notices.not_helped(offer.title), answered=False, offer=offer)
        await reply_card(turn_context, answer_card(view))
        return True

    async def _not_helped_since(
        self, turn_context: TurnContext, viewer: Viewer, said: str
    ) -> None:
        """"that didn't help" with another message since the answer (a question of the bot's,
        say): about the person's latest answer in this chat, when it is recent; never a
        question of its own, which would be declined and offered as a ticket titled "that
        didn't help"."""
        helper = self._deps.help().help_assistant
        exchange = recent(await helper.last_exchange(
            user_id=viewer.id, session_id=help_session(turn_context.activity, viewer.id)),
            now=utcnow())
        if exchange is None or not await self._not_helped(
                turn_context, viewer, AskedAssistant(exchange.question, utcnow()), exchange, said):
            await turn_context.send_activity(notices.sorry_not_helped())

    async def _add_to_offer(
        self, turn_context: TurnContext, asked: AskedAssistant, text: str,
        exchange: Exchange | None, *, waiting: bool,
    ) -> bool:
        """"it's urgent, I have a client meeting at 2": into the ticket on offer, shown again."""
        more = asked.adding(text)
        offer = more.offer(exchange) if more is not None else None
        if more is None or offer is None:
            return False
        await self._asked_assistant.set(turn_context, more.encode())
        if waiting or exchange is None:
            await turn_context.send_activity(notices.noted_for_offer())
            return True
        view = AnswerView(message_id=exchange.answer_id, question=asked.message,
                          text=notices.offer_with_details(offer.description or offer.title),
                          answered=False, offer=offer)
        await reply_card(turn_context, answer_card(view))
        return True

    async def _ask_assistant(
        self, turn_context: TurnContext, viewer: Viewer, text: str, *,
        said_of_view: bool = False, named: TicketNumber | None = None,
    ) -> None:
        """`said_of_view`: a statement or request, not a question ("what if it says error
        691?" is for the assistant even just after a ticket was shown); `named`: the ticket
        such a message names ("log 2h on #2", "TKT-2026-0002 vendor says next week"), which
        it is about rather than the help documents: offered as a comment on it when the
        viewer may see it and comment."""
        if self._deps.assistant is not None and unhelpful(text):
            await self._not_helped_since(turn_context, viewer, text)
            return
        shown_at = await self._shown_at(turn_context)
        about = (await comment_proposed(self._deps, viewer, str(named), text)
                 if said_of_view and named is not None else None)
        if said_of_view and about is None and named is None:  # "vendor says 41 …" is not
            about = await self._about_ticket_in_view(turn_context, viewer, text, shown_at)
        if said_of_view and about is None and named is None:  # news of the one in view
            about = await self._note_for_which_ticket(turn_context, viewer, text)
        if about is not None:
            await self._send(turn_context, about)
            return
        if self._deps.assistant is not None:
            await answer_question(turn_context, self._deps, viewer, text, context_after=shown_at)
            before = turn_context.turn_state.get(_ASKED_BEFORE)
            follows = before.gone_on(text, now=utcnow()) if isinstance(
                before, AskedAssistant) else None  # "i tried restarting, still not working"
            await self._asked_assistant.set(
                turn_context, AskedAssistant(text, utcnow(), follows=follows).encode())
            return
        await self._send(turn_context, Reply(
            text=f"{notices.no_assistant()} {notices.try_these()}",
            options=tuple(Option(s, s) for s in ("my tickets", "new ticket", "help")),
        ))

    async def _still_broken_in_view(
        self, turn_context: TurnContext, viewer: Viewer, text: str
    ) -> bool:
        """"it's still broken", "didn't work" just after a ticket was shown, with no help
        answer since: said of that ticket, so answered with how it stands (a resolved one's
        card has its Reopen button), as "still broken - 36" is; not a verdict on a help answer
        given before the ticket was shown, whose question would be offered as a new ticket.
        So is a chase naming no ticket ("this is the third time I'm asking", "still no reply",
        "why is nobody answering me"), which the help documents cannot answer."""
        if not (unhelpful(text) or chased(text)):
            return False
        shown_at = await self._shown_at(turn_context)
        now = utcnow()
        if shown_at is None or now - shown_at > FOLLOW_UP_WINDOW:
            return False
        if self._deps.assistant is None:
            return True
        answered = recent(await self._deps.help().help_assistant.last_exchange(
            user_id=viewer.id, session_id=help_session(turn_context.activity, viewer.id)),
            now=now, after=shown_at)
        return answered is None

    async def _about_ticket_in_view(
        self, turn_context: TurnContext, viewer: Viewer, text: str, shown_at: datetime | None,
    ) -> Reply | None:
        """"can someone call me about it" just after a ticket was shown: about that ticket,
        not a help question (the help documents would find nothing, and offer to file it as
        a new ticket); one press adds it as a comment. Only while the ticket is the last thing
        the chat turned to (a help answer since, and "it" is what the answer was about), and
        for a message naming no topic of its own ("it" in "outlook crashed, it says error
        0x800" is Outlook: a problem for the assistant), or reporting work done as a work log
        reads ("called the user, no answer", `reports_work`), or how to reach the person
        ("please call me on 0161 555 0101", `contact_told`). A ticket that waits on the
        viewer's answer (their own, on hold) takes what they tell of whatever it names ("its a
        Dell Latitude 5420, serial ABC123X"): that is the answer it waits for."""
        ticket = await self._last_ticket.get(turn_context, None)
        now = utcnow()
        if not ticket or shown_at is None or now - shown_at > FOLLOW_UP_WINDOW:
            return None
        told_of_it = reports_work(text) or contact_told(text) or (
            points_back(text) and not has_topic_of_its_own(text))
        # "i have problem with outlook, it not open": a problem of its own, unless awaited
        if self._deps.assistant is not None:
            answered = recent(await self._deps.help().help_assistant.last_exchange(
                user_id=viewer.id, session_id=help_session(turn_context.activity, viewer.id)),
                now=now, after=shown_at)
            if answered is not None:
                return None
        return await comment_proposed(self._deps, viewer, ticket, text,
                                      awaited_only=not told_of_it, or_telling_of_it=True,
                                      of_its_subject=not reports_work(text))

    async def _note_for_which_ticket(
        self, turn_context: TurnContext, viewer: Viewer, text: str
    ) -> Reply | None:
        """A work note an agent types with no ticket in view ("called the user, they are out
        till monday", "replaced the toner"): the help documents know nothing of it, so the
        person's recently worked open tickets are offered, one press adding it to one as a
        comment (one alone is asked about, and a typed "yes" presses it). None: not a work
        note, a customer's (whose "replaced the toner" is about their own problem), one about
        the person's own things ("i replaced my toner but it still jams"), or said right after
        a help answer (a report on what the answer said to try)."""
        if viewer.role is Role.CUSTOMER or not reports_work(text) or _OWN.search(text):
            return None
        if self._deps.assistant is not None and recent(
                await self._deps.help().help_assistant.last_exchange(
                    user_id=viewer.id, session_id=help_session(turn_context.activity, viewer.id)),
                now=utcnow()) is not None:
            return None
        theirs = await presenter.recent_open_tickets(self._deps, viewer, limit=_MOST_ASKED)
        if not theirs:
            return Reply(text=notices.no_ticket_for_the_note())
        note = " ".join(text.split())
        options = tuple(Option(f"{number} · {title}", f"comment on {number}: {note}",
                               sole_answer=len(theirs) == 1) for number, title in theirs)
        turn_context.turn_state[OFFERED] = options  # "2" picks the second; one alone, "yes"
        await self._keep_offered(turn_context)
        return Reply(text=notices.which_ticket_for_the_note(len(options)), options=options)

    async def _not_understood(
        self, turn_context: TurnContext, unknown: Unknown, in_view: TicketNumber | None
    ) -> None:
        """Suggestions about the ticket the message named, else the one in view; with
        neither, what would act on a ticket is only an example to read."""
        if yes_alone(unknown.text):  # "yes" when nothing was asked: no menu, nothing done
            await turn_context.send_activity(notices.yes_to_nothing(
                choices_shown=bool(turn_context.turn_state.get(_CHOICES_OPEN))))
            return
        ticket = unknown.ticket or (str(in_view) if in_view is not None else None)
        shown = offered(unknown.suggestions or suggest([]), ticket)
        await self._send(turn_context, Reply(
            text=notices.not_understood(unknown.text, shown.examples),
            options=tuple(Option(s, s) for s in shown.buttons[:3]),
        ))

    async def _asked_which_of_theirs(
        self, turn_context: TurnContext, viewer: Viewer, dc: DialogContext, text: str
    ) -> str | None:
        """"I'll take the laptop one" with no list shown: the open tickets about "laptop" the
        person may see, each a button that says the message with its number; one is asked
        about too (never changed at once), more than five are left to a list. A question
        about a fact of it ("who has the printer ticket?", "is the vpn ticket done?") looks
        among the finished ones too, and one that fits is answered at once: a question
        changes nothing. None: asked which; else the message to read on."""
        said = named(text)
        if said is None or await self._files_a_ticket(turn_context, viewer, text):
            return text
        asks_a_fact = fact_asked(text) is not None
        theirs = await presenter.open_tickets_about(self._deps, viewer, said,
                                                    limit=_MOST_ASKED + 1, finished=asks_a_fact)
        if len(theirs) > _MOST_ASKED:
            await self._interrupt(turn_context, dc)
            await self._send(turn_context, Reply(
                text=notices.too_many_about(said, finished_too=asks_a_fact)))
            return None
        found = pick(text, tuple(Listed(number, title) for number, title in theirs), ask=True)
        if not isinstance(found, Unsure):
            return text  # none open about it (or only in the description): read as said
        if asks_a_fact and len(found.choices) == 1 and isinstance(
                (reading := (await self._understand(turn_context, viewer,
                                                    found.choices[0][1]))[0]), ShowTicket) and (
                reading.asked is not None):
            return found.choices[0][1]  # "who has the printer ticket?": that one's answer
        await self._interrupt(turn_context, dc)
        options = tuple(Option(f"{t.number} · {t.title}", says, sole_answer=len(found.choices) == 1)
                        for t, says in found.choices)
        await self._send(turn_context, Reply(
            text=notices.which_of_theirs(said, len(found.choices)), options=options))
        if len(options) == 1:  # "Do you mean this ticket …?": a typed "yes" presses it
            turn_context.turn_state[OFFERED] = options
            await self._keep_offered(turn_context)
        return None

    async def _which_described(
        self, viewer: Viewer, described: Described, listed: tuple[Listed, ...],
    ) -> Picked | Unsure | NotListed:
        """The listed ticket "the urgent one" or "the oldest one" is, from the tickets as they
        are now (one the person may no longer see is left out); several that fit are asked
        about, none is said so with the list's tickets to choose from: nothing is guessed."""
        tickets = []
        for shown in listed:
            try:
                tickets.append(await get_ticket(uow=self._deps.uow().reading(), actor=viewer,
                                                ticket=shown.number))
            except DomainError:
                continue
        fitting = fitting_description(described, tickets)
        if len(fitting) == 1:
            return Picked(described.said_of(fitting[0].ticket_number))
        if not fitting:  # the list's tickets as buttons, those the person may still see
            seen = {ticket.ticket_number for ticket in tickets}
            return NotListed(described.said, tuple(t for t in listed if t.number in seen))
        return Unsure(described.said, described=True, choices=tuple(
            (Listed(ticket.ticket_number, ticket.title), described.said_of(ticket.ticket_number))
            for ticket in fitting))

    async def _listed(self, turn_context: TurnContext) -> tuple[Listed, ...]:
        """The last list shown, while it is fresh: after `DIALOG_IDLE`, "the second one"
        is no longer about a list the person has long stopped looking at."""
        return (await self._last_shown(turn_context))[0]

    async def _last_shown(
        self, turn_context: TurnContext
    ) -> tuple[tuple[Listed, ...], ListPage | None]:
        """The last list shown, and where it is, while fresh (see `kept_list`)."""
        stored = await self._last_list.get(turn_context, None)
        if not isinstance(stored, str):
            return (), None
        head, _, lines = stored.partition("\n")
        stamp, _, paging = head.partition(" ")
        try:
            shown = datetime.fromisoformat(stamp)
            page = ListPage.from_data(json.loads(paging)) if paging else None
        except ValueError:
            return (), None
        if utcnow() - shown > DIALOG_IDLE:
            return (), None
        return tuple(Listed(number, title) for number, _, title in
                     (line.partition(" ") for line in lines.splitlines())), page

    async def _turned_the_page(
        self, turn_context: TurnContext, viewer: Viewer, text: str
    ) -> bool:
        """"next", "more", "previous page" typed after a list: the page its Next or Previous
        button would show, as a new card; at either end, said so."""
        turn = page_turn(text)
        if turn is None:
            return False
        _, page = await self._last_shown(turn_context)
        if page is None:
            return False
        offset = page.next_offset() if turn is PageTurn.NEXT else page.previous_offset()
        if offset is None:
            await turn_context.send_activity(notices.list_ends(
                page.total, at_start=turn is PageTurn.PREVIOUS))
            return True
        await self._send(turn_context, await card_actions.page(
            self._deps, viewer, {"query": page.query, "offset": offset}))
        return True

    async def _point_at(self, turn_context: TurnContext, ticket: str) -> None:
        """`ticket` is now "it", from now on (`_shown_at`): stamped when it becomes "it" (another
        ticket before, or a help question), not each time it is shown again, so a card turn
        writes no state it did not change."""
        if (ticket != await self._last_ticket.get(turn_context, None)
                or turn_context.turn_state.get(_AFTER_ASSISTANT)
                or await self._shown_at(turn_context) is None):
            await self._ticket_at.set(turn_context, utcnow().isoformat())
        await self._last_ticket.set(turn_context, ticket)

    async def _shown_at(self, turn_context: TurnContext) -> datetime | None:
        """When the ticket in view was last shown or changed; None when not known."""
        return _moment(await self._ticket_at.get(turn_context, None))

    async def _send(self, turn_context: TurnContext, reply: Reply) -> None:
        if reply.confirm is not None:  # a typed "yes" next presses its confirm button
            await self._proposed.set(turn_context, json.dumps(
                {"at": utcnow().isoformat(), "data": dict(reply.confirm)}))
        if reply.ticket is not None:
            await self._point_at(turn_context, reply.ticket)
        if reply.listed is not None:
            await self._last_list.set(turn_context, kept_list(reply.listed, reply.page))
        if reply.card is not None:
            await reply_card(turn_context, reply.card)
        if reply.options and reply.confirm is None and not turn_context.turn_state.get(OFFERED):
            await self._keep_for_a_yes(turn_context, reply.options)
        if reply.options:
            buttons = [CardAction(type=ActionTypes.im_back, title=o.label, value=o.says)
                       for o in reply.options]
            hero = HeroCard(text=reply.text or "", buttons=buttons)
            await turn_context.send_activity(MessageFactory.attachment(CardFactory.hero_card(hero)))
        elif reply.text:
            await turn_context.send_activity(reply.text)


_DONE_WITH = (TicketStatus.RESOLVED, TicketStatus.CLOSED)


def _finished_already(status: TicketStatus, choices: tuple[Choice, ...]) -> TicketStatus | None:
    """The status a finished ticket is in when the question would finish it again ("Should 4
    be resolved?" of a closed or resolved ticket): nothing to ask. Closing a resolved
    ticket is still asked."""
    asked = [choice.value for choice in choices if isinstance(choice.value, TicketStatus)]
    if len(asked) != 1 or len(choices) != 1 or asked[0] not in _DONE_WITH or (
            status not in _DONE_WITH):
        return None
    return status if status is asked[0] or status is TicketStatus.CLOSED else None


def kept_list(listed: tuple[tuple[str, str], ...], page: ListPage | None = None) -> str:
    """A list shown, as `last_list` keeps it: when (and where the list is, as JSON), then
    one line a ticket (a plain value, as the state keeps)."""
    head = utcnow().isoformat()
    if page is not None:
        head += " " + json.dumps(page.to_data(), separators=(",", ":"))
    return "\n".join([head, *(
        f"{number} {' '.join(title.split())}" for number, title in listed)])


_NAMED_VALUES = frozenset({Slot.STATUS, Slot.PRIORITY, Slot.CATEGORY, Slot.SEVERITY,
                           Slot.FIELD})
"""Questions answered by one of a few words: a list asked for instead is a message of its own
("what came in today" to "Which status should 4 get?"); a person asked for may be a team."""


def _interrupts(
    understood: Understanding, text: str, *, about_a_ticket: bool = False, choosing: bool = False,
    listing: bool = False,
) -> bool:
    """A message that clearly is a new command rather than the answer to the question asked.

    `listing`: the question wants one of a few named values, so any list asked is meant.
    `about_a_ticket`: the question is about a ticket's field (not a new ticket's free text),
    so a hedge or question naming a ticket is a message of its own too. `choosing`: the
    question wants one of a few buttons and the message is more than a choice, so a request
    about a ticket ("4 is fixed") is a message of its own, never a button's number."""
    match understood:
        case Cancel():
            return True
        case Help():
            return False
        case ListTickets():
            return listing or bool(_TICKETS.search(text))
        case CreateTicket() | TicketStats():  # "weekly summary pls": read only when it is
            return True  # all the message says
        case Clarify(request=ListTickets()):
            return listing or bool(_TICKETS.search(text))  # "Zed's tickets": who Zed is, asked
        case Clarify() | Question() if about_a_ticket:
            # "I think 5 is fixed", "is 12 done?": a hedge or question about a ticket it
            # names is a message of its own, not the value asked for
            return mentions_ticket_number(text) or bool(_TICKET_BY_ID.search(text))
        case Declined() | FreeText() | Unknown() | SmallTalk():
            return False
        case _:
            return (mentions_ticket_number(text) or bool(_TICKET_BY_ID.search(text))
                    or choosing and _names_a_ticket(understood))


_SETTING_VERBS = frozenset({"put", "make", "bump", "escalate", "lower", "raise", "pause", "park"})
"""Verbs that open a command as "close" does: "put 2 on hold", "make 2 urgent"."""


def _commands_another(understood: Understanding, text: str, ticket: str) -> bool:
    """A command that starts with what it does and names another ticket by its number ("put
    2 on hold", "close 2"): a message of its own, as "close #2" is; not "2 had the same fault",
    told in a comment."""
    first = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    named = changed_ticket(understood)
    return first in COMMAND_VERBS.keys() | _SETTING_VERBS and not isinstance(
        understood, CommentOnTicket) and (
        _names_a_ticket(understood)) and named is not None and str(named) != ticket


def _names_a_ticket(understood: Understanding) -> bool:
    """A request whose ticket (or one of whose tickets) was said: "reopen 40 and 41",
    "set 40 to high and in progress"."""
    match understood:
        case EachTicket():
            return True
        case Both(first=first):
            return _names_a_ticket(first)
    return isinstance(getattr(understood, "ticket", None), TicketNumber)


def _looks_up(understood: Understanding) -> bool:
    """A request that only shows something (a list, a ticket named, who has how much), so
    it can be answered in the middle of filing a ticket without dropping it."""
    match understood:
        case ListTickets() | Workload() | TicketStats():
            return True
        case ShowTicket(ticket=TicketNumber()):
            return True
        case _:
            return False


_CLARIFIED: dict[type, Slot] = {AssignTicket: Slot.ASSIGNEE, ChangeStatus: Slot.STATUS}


def _as_written(answer: Answer) -> Answer:
    """Free text in an answer as people wrote it (mentions, markup), as in any message."""
    match answer:
        case CommentOnTicket():
            written = readable(answer)
            assert isinstance(written, CommentOnTicket)
            return written
        case EditTicket(title=title, description=description):
            return replace(
                answer, title=as_written(title) if title is not None else None,
                description=as_written(description) if description is not None else None,
            )
    return answer


def _filled(request: TicketRequest, value: Choice) -> TicketRequest:
    """The request with the slot a clarifying question asked about filled by the choice."""
    chosen = value.value
    if isinstance(request, AssignTicket) and isinstance(chosen, Target):
        return replace(request, to=chosen)
    if isinstance(request, ListTickets) and isinstance(chosen, Target):
        return replace(request, assignee=chosen)
    if isinstance(request, ChangeStatus) and isinstance(chosen, TicketStatus):
        return replace(request, status=chosen)
    if isinstance(request, CreateTicket) and isinstance(chosen, Target):
        return replace(request, to=chosen)
    if isinstance(request, CreateTicket) and isinstance(chosen, date):
        return replace(request, due=chosen)  # "Should the new ticket be due then?"
    if isinstance(request, EditTicket) and isinstance(chosen, date):
        return replace(request, due=chosen)  # "Should 4 be due then?": the day said
    if isinstance(request, EditTicket) and isinstance(chosen, Priority):
        return replace(request, priority=chosen)  # "Should 12 be low priority?"
    return request


def _about_a_ticket(activity: Any) -> bool:
    """Whether a message about "it" asks for a ticket's card ("show it", "who has it?"), or
    names one ("does 4 work now?")."""
    said = strip_bot_mention(activity)
    return bool(_TICKET_WORDS.search(said) or re.search(r"\d", said))


def _moment(stamped: object) -> datetime | None:
    """A time kept in the conversation's state (ISO text); None for none, or one unreadable."""
    try:
        return datetime.fromisoformat(stamped) if isinstance(stamped, str) else None
    except ValueError:
        return None


def _named_ticket(text: str, conversation: Conversation) -> TicketNumber | None:
    """The ticket a message names by its number ("TKT-2026-0002", "#2", "ticket 2"), or None."""
    if (number := ticket_number_in(text)) is not None:
        return number
    if (found := _TICKET_BY_ID.search(text)) and (
            sequence := parse_ticket_id(found.group(0).lstrip("#").split()[-1])) is not None:
        return conversation.number(sequence)
    if (told := _TOLD_OF_BY_ID.search(text)) and (
            sequence := parse_ticket_id(told.group("id"))) is not None:
        return conversation.number(sequence)
    return None
