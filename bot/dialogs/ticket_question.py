"""A question about a ticket action waiting for its answer (assign, status, comment, edit).

The dialog only keeps the question in the conversation's dialog state, which the SQL
storage saves each turn; the message router reads the answer (bot.dialogs.answers)
and hands the completed request to the action handlers, like any other message.
"""

from __future__ import annotations

from botbuilder.dialogs import Dialog, DialogContext, DialogTurnResult

from bot.actions.pending import Pending

DIALOG_ID = "ticket_question"
STATE_KEY = "pending"


class TicketQuestionDialog(Dialog):  # type: ignore[misc]  # untyped SDK class
    def __init__(self) -> None:
        super().__init__(DIALOG_ID)

    async def begin_dialog(self, dialog_context: DialogContext, options: object = None) -> DialogTurnResult:
        dialog_context.active_dialog.state[STATE_KEY] = options
        return Dialog.end_of_turn

    async def continue_dialog(self, dialog_context: DialogContext) -> DialogTurnResult:
        return Dialog.end_of_turn


def pending_question(dialog_context: DialogContext) -> Pending | None:
    """The question the conversation waits on, if that is what its active dialog is."""
    active = dialog_context.active_dialog
    if active is None or active.id != DIALOG_ID:
        return None
    return Pending.from_data(active.state.get(STATE_KEY))


async def ask(dialog_context: DialogContext, pending: Pending) -> None:
    """Waits for the answer to `pending`, in place of whatever was asked before."""
    await dialog_context.cancel_all_dialogs()
    await dialog_context.begin_dialog(DIALOG_ID, pending.to_data())
