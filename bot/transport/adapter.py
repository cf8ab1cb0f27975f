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
`CloudAdapter`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationServiceClientCredentialFactory,
)
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ConversationReference,
    ResourceResponse,
)
from botframework.connector import Channels
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import ServiceClientCredentialsFactory

from bot.transport.auth import ChannelTokenValidator, TeamsAuthentication
from bot.transport.clock import Clock, SystemClock
from bot.transport.connector import ConnectorClients
from bot.transport.conversation_writes import ConnectorTarget, ConversationWrites
from bot.transport.local_development import LOCAL_DEVELOPMENT_NOTICE
from bot.transport.sending import PacedSender
from bot.transport.settings import TransportSettings
from bot.transport.signing_keys import PUBLIC_CLOUD_METADATA_URL, SigningKeys
from bot.transport.turn_context import TeamsTurnContext

logger = logging.getLogger(__name__)


CredentialsFactory = ServiceClientCredentialsFactory
"""Makes the credentials for outgoing calls; tests replace Entra ID with a stand-in."""


class MissingConnectorClient(RuntimeError):
    """A turn without a connector client tried to write to the conversation."""


class TeamsAdapter(CloudAdapter):  # type: ignore[misc]  # untyped SDK class
    def __init__(
        self,
        authentication: TeamsAuthentication,
        *,
        sender: PacedSender,
        writes: ConversationWrites | None = None,
    ) -> None:
        super().__init__(authentication)
        self.authentication = authentication
        self.sender = sender
        self.writes = writes or ConversationWrites(clock=sender.clock)

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
                response = await self._post(_connector(context), activity)
            responses.append(response or ResourceResponse(id=activity.id or ""))
        return responses

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
        response = await self.sender.send(conversation_id=conversation_id, operation=operation)
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
        await self.sender.send(conversation_id=conversation_id, operation=operation)

    async def _post(self, client: ConnectorClient, activity: Activity) -> ResourceResponse | None:
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
        return await self.sender.send(conversation_id=conversation_id, operation=operation)


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
) -> TeamsAdapter:
    """The adapter for these settings; `credentials_factory` replaces Entra ID in tests."""
    clock = clock or SystemClock()
    credentials_factory = credentials_factory or ConfigurationServiceClientCredentialFactory(
        _SdkConfiguration(settings)
    )
    connectors = ConnectorClients(
        credentials_factory=credentials_factory,
        local_development=settings.local_development,
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
    return TeamsAdapter(authentication, sender=sender or PacedSender(clock=clock))


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
        await turn_context.send_activity(
            "Sorry, something went wrong on my side and nothing was changed. Please try again."
        )
    raise error
