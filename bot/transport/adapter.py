"""The botbuilder adapter for Teams, and the one function that builds it from settings.

Why `CloudAdapter` (botbuilder-integration-aiohttp) rather than `BotFrameworkAdapter`:
- `CloudAdapterBase.process_activity(auth, activity, logic)` accepts either an auth
  header or an already computed `AuthenticateRequestResult`. Our endpoint authenticates
  first (so an auth failure is a clean 401 and never reaches the pipeline) and hands the
  result over; the adapter then only builds the turn and runs the bot.
- Authentication and outbound clients are injected as one `BotFrameworkAuthentication`,
  so token validation, signing keys and connector reuse replace the SDK's without
  patching it. `BotFrameworkAdapter` (deprecated) reads the OpenID URL from a class
  attribute (`ChannelValidation.open_id_metadata_endpoint`), builds a connector client
  per turn internally and takes its arguments in a different order.
- Proactive sends (`continue_conversation`, `create_conversation`) go through the same
  authentication object, so they share the connector clients and the pacing.
We never call `CloudAdapter.process()`: it answers 500 for invoke responses with a body.

`TeamsAdapter` overrides the three connector writes (send, update, delete) to run each
call through `PacedSender`, and sends them with `ConversationWrites` (aiohttp on the
event loop) rather than msrest's threaded `requests`; everything else is the stock
`CloudAdapter`. Given a `ReplyQueue`, a turn's sends wait inline only briefly and what
Teams does not take in time goes to the outbox (`deferral.py`), with what it shows (a
`ReplyReader`'s record of its viewer and tickets) to be checked again when it leaves.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from functools import partial
from typing import Any, Protocol

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationServiceClientCredentialFactory,
)
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ConversationAccount,
    ConversationReference,
    ResourceResponse,
)
from botframework.connector import Channels
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import ServiceClientCredentialsFactory

from bot.delivery import made_so_far
from bot.transport.auth import ChannelTokenValidator, TeamsAuthentication
from bot.transport.clock import Clock, SystemClock
from bot.transport.connector import ConnectorClients
from bot.transport.conversation_writes import ConnectorTarget, ConversationWrites
from bot.transport.deferral import TURN_SENDS, TurnDeferral, refused_for_good
from bot.transport.local_development import LOCAL_DEVELOPMENT_NOTICE
from bot.transport.sending import ConnectorCallFailed, ConnectorRetryPolicy, PacedSender
from bot.transport.settings import TransportSettings
from bot.transport.signing_keys import PUBLIC_CLOUD_METADATA_URL, SigningKeys
from bot.transport.turn_context import TeamsTurnContext
from notify.replies import Instead, QueuedReply, ReplyQueue
from notify.reply_contents import ReplyContents, Shown

logger = logging.getLogger(__name__)


CredentialsFactory = ServiceClientCredentialsFactory
"""Makes the credentials for outgoing calls; tests replace Entra ID with a stand-in."""


_DEFERRAL = "ticketflow.turn_deferral"
SENT_AFTER_THE_ANSWER = "sent after the invoke was answered"


class MissingConnectorClient(RuntimeError):
    """A turn without a connector client tried to write to the conversation."""


class ReplyReader(Protocol):
    """What a queued reply shows, so the delivery worker can check it again when it leaves."""

    def viewer_id(self, context: TurnContext) -> str | None:
        """The TicketFlow user the turn answered, once it has run; None if it never knew."""
        ...

    def shown(self, activity: Mapping[str, Any]) -> Shown:
        """The tickets one activity (Bot Framework JSON) shows."""
        ...


class TeamsAdapter(CloudAdapter):  # type: ignore[misc]  # untyped SDK class
    def __init__(
        self,
        authentication: TeamsAuthentication,
        *,
        sender: PacedSender,
        writes: ConversationWrites | None = None,
        replies: ReplyQueue | None = None,
        reader: ReplyReader | None = None,
        turn_sends: ConnectorRetryPolicy = TURN_SENDS,
    ) -> None:
        """`reader`: what queued replies show; without one they are recorded as showing no
        ticket and leave as drawn."""
        super().__init__(authentication)
        self.authentication = authentication
        self.sender = sender
        self.writes = writes or ConversationWrites(clock=sender.clock)
        self.replies = replies
        self.reader = reader
        self.turn_sends = turn_sends

    async def process_activity(
        self,
        auth_header_or_authenticate_request_result: Any,
        activity: Activity,
        logic: Callable[[TurnContext], Awaitable[Any]],
    ) -> Any:
        """The stock turn; with a reply queue, what the turn could not send is queued after it."""
        replies = self.replies
        if replies is None:
            return await super().process_activity(
                auth_header_or_authenticate_request_result, activity, logic
            )
        deferral = TurnDeferral()

        async def turn(context: TurnContext) -> Any:
            context.turn_state[_DEFERRAL] = deferral
            try:
                return await logic(context)
            finally:
                if self.reader is not None:
                    deferral.viewer_id = self.reader.viewer_id(context)

        response = await super().process_activity(
            auth_header_or_authenticate_request_result, activity, turn
        )
        await _queue(replies, deferral, activity, self.reader)
        return response

    async def continue_or_queue(
        self, reference: ConversationReference, callback: Callable[[TurnContext], Awaitable[Any]],
        bot_id: str | None, *, reader: ReplyReader | None = None,
    ) -> None:
        """`continue_conversation` for a post no resend would bring back (a help answer
        worked out after its turn): what Teams does not take in time is queued, as a turn's
        reply is, rather than dropped, with what `reader` says it shows. Without a reply
        queue, the stock proactive send."""
        replies = self.replies
        if replies is None:
            await self.continue_conversation(reference, callback, bot_id)
            return
        deferral = TurnDeferral()
        continued: list[Activity] = []

        async def logic(context: TurnContext) -> None:
            context.turn_state[_DEFERRAL] = deferral
            continued.append(context.activity)
            await callback(context)
            if reader is not None:
                deferral.viewer_id = reader.viewer_id(context)

        await self.continue_conversation(reference, logic, bot_id)
        if continued:
            await _queue(replies, deferral, continued[0], reader)

    def send_after_answer(
        self, context: TurnContext, activity: Activity, *, instead: str | None = None
    ) -> bool:
        """Queue `activity` for the delivery worker instead of sending it in the turn, so
        the invoke is answered first; False when there is no queue (then send it yourself).
        With `instead`, a conversation the bot turns out not to be in gets nothing and the
        person the turn answered gets the activity in their chat with the bot, after that
        line."""
        deferral = context.turn_state.get(_DEFERRAL)
        if deferral is None:
            return False
        reference = TurnContext.get_conversation_reference(context.activity)
        TurnContext.apply_conversation_reference(activity, reference)
        if deferral.holds(activity.conversation.id):
            deferral.add(activity)
        else:
            deferral.defer(
                activity, reason=SENT_AFTER_THE_ANSWER, retry_after=0.0, instead=instead
            )
        return True

    @property
    def local_development(self) -> bool:
        return self.authentication.local_development

    async def warm_up(self) -> None:
        """Fetch signing keys before the first request needs them."""
        await self.authentication.prefetch_signing_keys()

    async def close(self) -> None:
        await self.writes.close()
        await self.authentication.close()

    def _create_turn_context(self, activity: Activity, *args: Any, **kwargs: Any) -> TurnContext:
        """The stock context's turn state, on a context that copies replies shallowly."""
        stock = super()._create_turn_context(activity, *args, **kwargs)
        context = TeamsTurnContext(self, activity)
        context.turn_state.update(stock.turn_state)
        return context

    async def send_activities(
        self, context: TurnContext, activities: list[Activity]
    ) -> list[ResourceResponse]:
        if not activities:
            raise TypeError("Expecting one or more activities, but the list was empty.")
        responses: list[ResourceResponse] = []
        for activity in activities:
            activity.id = None
            response: ResourceResponse | None = None
            if activity.type == "delay":
                await self.sender.clock.sleep(int((activity.value or 1000) / 1000))
            elif activity.type == ActivityTypes.invoke_response:
                context.turn_state[self._INVOKE_RESPONSE_KEY] = activity
            elif activity.type == ActivityTypes.trace and activity.channel_id != Channels.emulator:
                pass
            else:
                deferral = context.turn_state.get(_DEFERRAL)
                if deferral is None:
                    response = await self._post(context, activity)
                else:
                    response = await self._post_in_turn(context, deferral, activity)
            responses.append(response or ResourceResponse(id=activity.id or ""))
        return responses

    async def _post_in_turn(
        self, context: TurnContext, deferral: TurnDeferral, activity: Activity
    ) -> ResourceResponse | None:
        """Send now if Teams takes it in time; otherwise gather it for the outbox."""
        conversation_id = activity.conversation.id
        if deferral.holds(conversation_id):
            deferral.add(activity)
            return None
        try:
            return await self._post(context, activity, within=self.turn_sends)
        except ConnectorCallFailed as failed:
            if refused_for_good(failed):
                logger.warning(
                    "Teams refused a reply in %s (%s %s); kept as dead in the outbox",
                    conversation_id, failed.status, failed.code,
                )
                deferral.refuse(activity, failed)
            else:
                logger.info(
                    "reply to %s queued in the outbox: %s (retry after %s s)",
                    conversation_id, failed, failed.retry_after,
                )
                deferral.defer(activity, reason=str(failed), retry_after=failed.retry_after)
            return None

    async def update_activity(
        self, context: TurnContext, activity: Activity
    ) -> ResourceResponse | None:
        client = _connector(context)
        conversation_id = activity.conversation.id
        target = ConnectorTarget.of(client)
        operation: Callable[[], Awaitable[ResourceResponse | None]]
        if target is not None:
            operation = partial(self.writes.update, target, conversation_id, activity)
        else:
            operation = partial(
                client.conversations.update_activity, conversation_id, activity.id, activity
            )
        response = await self.sender.send(
            conversation_id=conversation_id, tenant_id=_sending_tenant(context, activity),
            operation=operation,
        )
        return ResourceResponse(id=response.id) if response and response.id else None

    async def delete_activity(self, context: TurnContext, reference: ConversationReference) -> None:
        client = _connector(context)
        conversation_id = reference.conversation.id
        activity_id = reference.activity_id
        target = ConnectorTarget.of(client)
        operation: Callable[[], Awaitable[None]]
        if target is not None:
            operation = partial(self.writes.delete, target, conversation_id, activity_id)
        else:
            operation = partial(
                client.conversations.delete_activity, conversation_id, activity_id
            )
        await self.sender.send(
            conversation_id=conversation_id,
            tenant_id=conversation_tenant(reference.conversation) or tenant_of(context.activity),
            operation=operation,
        )

    async def _post(
        self, context: TurnContext, activity: Activity, *, within: ConnectorRetryPolicy | None = None
    ) -> ResourceResponse | None:
        client = _connector(context)
        conversation_id = activity.conversation.id
        reply_to_id = activity.reply_to_id
        target = ConnectorTarget.of(client)
        operation: Callable[[], Awaitable[ResourceResponse | None]]
        if target is not None and reply_to_id:
            operation = partial(self.writes.reply, target, conversation_id, reply_to_id, activity)
        elif target is not None:
            operation = partial(self.writes.send, target, conversation_id, activity)
        elif reply_to_id:
            operation = partial(
                client.conversations.reply_to_activity, conversation_id, reply_to_id, activity
            )
        else:
            operation = partial(
                client.conversations.send_to_conversation, conversation_id, activity
            )
        return await self.sender.send(
            conversation_id=conversation_id, tenant_id=_sending_tenant(context, activity),
            operation=operation, within=within,
        )


async def _queue(
    replies: ReplyQueue, deferral: TurnDeferral, activity: Activity, reader: ReplyReader | None
) -> None:
    """Store what the turn gathered; the turn is answered only after this."""
    if not deferral.gathered:
        return
    reference = with_tenant(TurnContext.get_conversation_reference(activity).serialize(),
                            tenant_of(activity))
    for gathered in deferral.gathered:
        try:
            activities = [queued.serialize() for queued in gathered.activities]
            await replies.queue(
                QueuedReply(
                    conversation_id=gathered.conversation_id,
                    reference=reference,
                    activities=activities,
                    reason=gathered.reason,
                    retry_after=gathered.retry_after,
                    refused=gathered.refused,
                    contents=_contents(reader, deferral.viewer_id, activities),
                    instead=Instead(gathered.instead) if gathered.instead else None,
                )
            )
        except Exception:
            # The turn's change is made and its answer is due; failing it now would make
            # Teams resend it. The lost reply is logged in full.
            logger.exception("could not queue a reply to %s", gathered.conversation_id)


def _contents(
    reader: ReplyReader | None, viewer_id: str | None, activities: list[dict[str, Any]]
) -> ReplyContents | None:
    """Who the reply answers and what each of its activities shows; None if no ticket."""
    if reader is None:
        return None
    messages = tuple(reader.shown(activity) for activity in activities)
    if not any(shown.anything for shown in messages):
        return None
    return ReplyContents(viewer_id=viewer_id, messages=messages)


def tenant_of(activity: Activity) -> str | None:
    """The tenant whose app budget a write counts against, as Teams names it."""
    tenant_id = conversation_tenant(activity.conversation)
    if tenant_id:
        return tenant_id
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = channel_data.get("tenant")
    return str(tenant["id"]) if isinstance(tenant, dict) and tenant.get("id") else None


def _sending_tenant(context: TurnContext, activity: Activity) -> str | None:
    """The tenant a write counts against: the activity's, else its turn's (a queued reply is
    sent as it was stored, and its turn, from the stored reference, still names it)."""
    return tenant_of(activity) or tenant_of(context.activity)


def with_tenant(reference: dict[str, Any], tenant_id: str | None) -> dict[str, Any]:
    """A stored conversation reference that still names its tenant, for pacing: botbuilder
    leaves `tenantId` out when it serializes one (and out of every activity it sends)."""
    if tenant_id:
        reference["conversation"] = {**reference.get("conversation", {}), "tenantId": tenant_id}
    return reference


def conversation_tenant(conversation: ConversationAccount) -> str | None:
    """`conversation.tenantId`: botbuilder's model reads `tenantID`, so Teams' spelling
    lands among the additional properties."""
    extra = conversation.additional_properties or {}
    tenant_id = conversation.tenant_id or extra.get("tenantId")
    return str(tenant_id) if tenant_id else None


def _connector(context: TurnContext) -> ConnectorClient:
    client = context.turn_state.get(CloudAdapter.BOT_CONNECTOR_CLIENT_KEY)
    if client is None:
        raise MissingConnectorClient("this turn has no connector client to send with")
    return client


def create_adapter(
    settings: TransportSettings,
    *,
    credentials_factory: ServiceClientCredentialsFactory | None = None,
    sender: PacedSender | None = None,
    clock: Clock | None = None,
    replies: ReplyQueue | None = None,
    reader: ReplyReader | None = None,
    before_waiting: Callable[[], Awaitable[None]] | None = None,
) -> TeamsAdapter:
    """The adapter for these settings; `credentials_factory` replaces Entra ID in tests;
    `before_waiting` runs before each connector call (see `PacedSender`); `reader` says
    what queued replies show."""
    clock = clock or SystemClock()
    credentials_factory = credentials_factory or ConfigurationServiceClientCredentialFactory(
        _SdkConfiguration(settings)
    )
    connectors = ConnectorClients(
        credentials_factory=credentials_factory,
        service_urls=settings.service_urls,
        clock=clock,
    )
    validator = None
    if settings.app_id:
        validator = ChannelTokenValidator(
            app_id=settings.app_id,
            signing_keys=SigningKeys(
                metadata_url=settings.openid_metadata_url or PUBLIC_CLOUD_METADATA_URL,
                clock=clock,
            ),
        )
    else:
        logger.warning(LOCAL_DEVELOPMENT_NOTICE)
    authentication = TeamsAuthentication(
        validator=validator, connectors=connectors, credentials_factory=credentials_factory
    )
    return TeamsAdapter(
        authentication,
        sender=sender or PacedSender(clock=clock, before_waiting=before_waiting),
        replies=replies,
        reader=reader,
    )


class _SdkConfiguration:
    """The attribute names `ConfigurationServiceClientCredentialFactory` reads."""

    def __init__(self, settings: TransportSettings) -> None:
        self.APP_ID = settings.app_id
        self.APP_PASSWORD = settings.app_password
        self.APP_TYPE = settings.kind.value
        self.APP_TENANTID = settings.tenant_id


async def apologise_for_failed_turn(turn_context: TurnContext, error: Exception) -> None:
    """A bug, not a refusal (those are answered inside the turn): log it and say sorry."""
    activity = turn_context.activity
    logger.error("turn failed for %s activity %s", activity.type, activity.id, exc_info=error)
    if activity.type == "message":
        await turn_context.send_activity(_apology(made_so_far()))
    raise error


def _apology(made: Mapping[str, bool]) -> str:
    """Says what the failed turn had made already: it stands, and a resend will not redo it."""
    if not made:
        return "Sorry, something went wrong on my side and nothing was changed. Please try again."
    filed = [number for number, is_new in made.items() if is_new]
    changed = [number for number, is_new in made.items() if not is_new]
    done = "; ".join(part for part in (
        f"{_listed(filed)} {'was' if len(filed) == 1 else 'were'} filed" if filed else "",
        f"{_listed(changed)} {'was' if len(changed) == 1 else 'were'} changed" if changed else "",
    ) if part)
    return (f"Sorry, something went wrong on my side before I finished: {done}; anything "
            "else was not done. Please try again.")


def _listed(numbers: list[str]) -> str:
    return numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} and {numbers[-1]}"
