"""The turn context our adapter builds: botbuilder's, without a deep copy of every reply.

`TurnContext.send_activities` deep-copies each activity before stamping the conversation
reference on it, so that the caller's activity is left as it was. Everything it then
changes is a top-level attribute (channel, conversation, from, recipient, service URL,
reply-to id, type, input hint, id), so a shallow copy leaves the caller's activity just
as untouched -- without copying the whole card of every reply, and the whole card of
every invoke answer (`invokeResponse` activities go through here too).
"""

from __future__ import annotations

from copy import copy

from botbuilder.core import TurnContext
from botbuilder.schema import Activity, ActivityTypes, DeliveryModes, ResourceResponse


class TeamsTurnContext(TurnContext):  # type: ignore[misc]  # untyped SDK class
    async def send_activities(self, activities: list[Activity]) -> list[ResourceResponse]:
        sent_non_trace_activity = False
        reference = TurnContext.get_conversation_reference(self.activity)
        output = []
        for activity in activities:
            outgoing = TurnContext.apply_conversation_reference(copy(activity), reference)
            if not getattr(outgoing, "type", None):
                outgoing.type = ActivityTypes.message
            if outgoing.type != ActivityTypes.trace:
                sent_non_trace_activity = True
            if not outgoing.input_hint:
                outgoing.input_hint = "acceptingInput"
            outgoing.id = None
            output.append(outgoing)

        async def logic() -> list[ResourceResponse]:
            if self.activity.delivery_mode == DeliveryModes.expect_replies:
                responses = []
                for outgoing in output:
                    self.buffered_reply_activities.append(outgoing)
                    if outgoing.type == ActivityTypes.invoke_response:
                        self.turn_state[TurnContext._INVOKE_RESPONSE_KEY] = outgoing
                    responses.append(ResourceResponse())
            else:
                responses = await self.adapter.send_activities(self, output)
            if sent_non_trace_activity:
                self.responded = True
            return responses

        result: list[ResourceResponse] = await self._emit(
            self._on_send_activities, output, logic()
        )
        return result
