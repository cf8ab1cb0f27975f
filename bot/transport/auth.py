"""Who may call /api/messages: Bot Framework channel tokens, checked fail-closed.

botbuilder 4.17.1 validates tokens in `JwtTokenExtractor`, which downloads signing keys
with a blocking `requests.get` on the event loop into a process-wide cache (see
`signing_keys.py`) and lets lookup and decoding failures escape as bare `Exception`,
`IndexError` or `requests` errors -- HTTP 500s. Its metadata URL can be overridden
(`TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL` on `ConfigurationBotFrameworkAuthentication`),
but that switches to the "parameterized" path, which then also needs the token issuer
set (left unset, it accepts signed tokens that carry no `iss`) and still downloads on the
loop.
So `ChannelTokenValidator` performs the checks of the SDK's channel validation itself,
with keys from `SigningKeys`, and turns every failure into `Unauthenticated`:

- `Authorization: Bearer <jwt>`; the header's `alg` must be RS256/RS384/RS512
  (`AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS`), so `none` and HS256 made
  with the public key are refused before any key is used;
- the `kid` must be a key published in the OpenID metadata's JWKS, and if that key
  lists endorsements the activity's `channelId` must be one of them;
- signature, `exp` (required), `nbf`, `iat`, with the SDK's five minutes of leeway;
- `iss` == https://api.botframework.com, `aud` == our app id (a string, not a list);
- the `serviceurl` claim equals the activity's `serviceUrl` (the SDK skips this when an
  activity has no serviceUrl; we refuse, since such an activity cannot be answered);
- skill tokens (bot-to-bot) are refused: this bot is not a skill.

Emulator tokens (Entra ID v1/v2 issuers) are not accepted when an app id is set: Teams
never sends them, and each accepted issuer is one more way in. Use local development
mode (no app id) with the Emulator.

`TeamsAuthentication` plugs this into `CloudAdapter` as its `BotFrameworkAuthentication`
and delegates the outbound side (connector credentials, user token client) to the
SDK's public-cloud implementation, reusing clients through `ConnectorClients`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jwt
from botbuilder.schema import Activity, CallerIdConstants
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConfiguration,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    BotFrameworkAuthenticationFactory,
    ClaimsIdentity,
    ConnectorFactory,
    ServiceClientCredentialsFactory,
    SkillValidation,
    UserTokenClient,
)
from botframework.connector.skills import BotFrameworkClient

from bot.transport.connector import ConnectorClients
from bot.transport.signing_keys import SigningKeys, SigningKeysUnavailable

logger = logging.getLogger(__name__)

CHANNEL_TOKEN_ISSUER = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER
ALLOWED_ALGORITHMS = tuple(AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS)
CLOCK_LEEWAY_SECONDS = 5 * 60
OUTBOUND_AUDIENCE: str = AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE


class Unauthenticated(PermissionError):
    """The request does not carry a valid Bot Framework token; nothing may be processed."""


@dataclass(frozen=True, slots=True)
class VerifiedToken:
    """A channel token whose signature and claims checked out, before the activity is read."""

    claims: Mapping[str, Any]
    endorsements: frozenset[str]


class ChannelTokenValidator:
    def __init__(
        self,
        *,
        app_id: str,
        signing_keys: SigningKeys,
        issuer: str = CHANNEL_TOKEN_ISSUER,
        leeway: float = CLOCK_LEEWAY_SECONDS,
    ) -> None:
        if not app_id:
            raise ValueError("token validation needs the bot's app id")
        self._app_id = app_id
        self._keys = signing_keys
        self._issuer = issuer
        self._leeway = leeway

    async def prefetch(self) -> None:
        await self._keys.prefetch()

    async def close(self) -> None:
        await self._keys.close()

    async def validate(
        self, *, auth_header: str | None, channel_id: str | None, service_url: str | None
    ) -> ClaimsIdentity:
        token = await self.verify(auth_header)
        return self.identity_for(token, channel_id=channel_id, service_url=service_url)

    async def verify(self, auth_header: str | None) -> VerifiedToken:
        """Everything that needs only the header: signature, expiry, issuer, audience.

        Runs before the request body is read, so a forged request costs a header parse
        and at most one signature check -- never the parsing of its activity.
        """
        token = _bearer_token(auth_header)
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as error:
            raise Unauthenticated("the token cannot be decoded") from error
        algorithm = header.get("alg")
        if not isinstance(algorithm, str) or algorithm not in ALLOWED_ALGORITHMS:
            raise Unauthenticated(f"signing algorithm {algorithm!r} is not allowed")
        key_id = header.get("kid")
        if not isinstance(key_id, str) or not key_id:
            raise Unauthenticated("the token names no signing key")
        try:
            key = await self._keys.get(key_id)
        except SigningKeysUnavailable as error:
            raise Unauthenticated("signing keys are unavailable; refusing") from error
        if key is None:
            raise Unauthenticated("the token is signed with an unknown key")
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key.public_key,
                algorithms=[algorithm],
                audience=self._app_id,
                issuer=self._issuer,
                leeway=self._leeway,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as error:
            raise Unauthenticated(f"invalid token: {error}") from error
        if claims.get(AuthenticationConstants.AUDIENCE_CLAIM) != self._app_id:
            raise Unauthenticated("the token is not addressed to this bot alone")
        if SkillValidation.is_skill_claim(claims):
            raise Unauthenticated("skill (bot-to-bot) calls are not accepted")
        return VerifiedToken(claims=claims, endorsements=key.endorsements)

    def identity_for(
        self, token: VerifiedToken, *, channel_id: str | None, service_url: str | None
    ) -> ClaimsIdentity:
        """The checks that need the activity: the key's channel endorsement, `serviceurl`."""
        if token.endorsements and channel_id and channel_id not in token.endorsements:
            raise Unauthenticated(f"the signing key is not endorsed for channel {channel_id!r}")
        claims = token.claims
        if not service_url or claims.get(AuthenticationConstants.SERVICE_URL_CLAIM) != service_url:
            raise Unauthenticated("the token's serviceurl claim does not match the activity")
        return ClaimsIdentity(dict(claims), True)


def _bearer_token(auth_header: str | None) -> str:
    scheme, _, token = (auth_header or "").strip().partition(" ")
    if scheme != "Bearer" or not token.strip():
        raise Unauthenticated("a Bearer token is required")
    return token.strip()


def app_id_of(claims_identity: ClaimsIdentity) -> str | None:
    """The bot's own app id from inbound claims: `aud` from channels, `appid` otherwise."""
    claims = claims_identity.claims or {}
    app_id = claims.get(AuthenticationConstants.AUDIENCE_CLAIM) or claims.get(
        AuthenticationConstants.APP_ID_CLAIM
    )
    return app_id if isinstance(app_id, str) and app_id else None


class TeamsAuthentication(BotFrameworkAuthentication):  # type: ignore[misc]  # untyped SDK class
    """`BotFrameworkAuthentication` with our inbound validation and shared outbound clients."""

    def __init__(
        self,
        *,
        validator: ChannelTokenValidator | None,
        connectors: ConnectorClients,
        credentials_factory: ServiceClientCredentialsFactory,
    ) -> None:
        self._validator = validator
        self._connectors = connectors
        self._outbound = BotFrameworkAuthenticationFactory.create(
            credential_factory=credentials_factory,
            auth_configuration=AuthenticationConfiguration(),
        )
        self._user_token_clients: dict[str, UserTokenClient] = {}

    @property
    def local_development(self) -> bool:
        return self._validator is None

    @property
    def connectors(self) -> ConnectorClients:
        return self._connectors

    async def verify_header(self, auth_header: str | None) -> VerifiedToken | None:
        """The token checked before the body is read; None in local development mode."""
        if self._validator is None:
            return None
        return await self._validator.verify(auth_header)

    async def authenticate_request(
        self, activity: Activity, auth_header: str | None
    ) -> AuthenticateRequestResult:
        return self.authenticate_verified(activity, await self.verify_header(auth_header))

    def authenticate_verified(
        self, activity: Activity, token: VerifiedToken | None
    ) -> AuthenticateRequestResult:
        """Completes `verify_header` once the activity is read."""
        if self._validator is None:
            identity = ClaimsIdentity({}, True, AuthenticationConstants.ANONYMOUS_AUTH_TYPE)
            caller_id = None
        else:
            if token is None:
                raise Unauthenticated("a Bearer token is required")
            identity = self._validator.identity_for(
                token, channel_id=activity.channel_id, service_url=activity.service_url
            )
            caller_id = CallerIdConstants.public_azure_channel.value
        result = AuthenticateRequestResult()
        result.claims_identity = identity
        result.audience = OUTBOUND_AUDIENCE
        result.caller_id = caller_id
        result.connector_factory = self.create_connector_factory(identity)
        return result

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        raise Unauthenticated("streaming (Direct Line ASE) connections are not supported")

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        raise Unauthenticated("skill callbacks are not supported")

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return self._connectors.factory(app_id_of(claims_identity))

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        key = app_id_of(claims_identity) or ""
        client = self._user_token_clients.get(key)
        if client is None:
            client = await self._outbound.create_user_token_client(claims_identity)
            self._user_token_clients[key] = client
        return client

    def create_bot_framework_client(self) -> BotFrameworkClient:
        return self._outbound.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return OUTBOUND_AUDIENCE

    async def prefetch_signing_keys(self) -> None:
        if self._validator is not None:
            await self._validator.prefetch()

    async def close(self) -> None:
        if self._validator is not None:
            await self._validator.close()
        await self._connectors.close()
