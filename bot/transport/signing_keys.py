"""Bot Framework signing keys, fetched without ever blocking the event loop.

botbuilder 4.17.1 (`JwtTokenExtractor`/`_OpenIdMetadata`) downloads the OpenID
metadata and JWKS with `requests.get` -- no timeout -- on the event loop, from a
process-wide cache, and retries on every request while the download fails. One
forged token during an Entra ID outage therefore froze every conversation for as
long as the socket hung. Here the download is async (aiohttp, with a timeout), one
download at a time however many requests wait for it, and after a failure requests
are refused at once for `failure_cooldown` seconds instead of each trying again.
Keys are refreshed daily, and at most once per `unknown_key_interval` when a token
names a key we do not have (so a flood of made-up key ids costs one download).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

import aiohttp
from botframework.connector.auth import AuthenticationConstants
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from jwt.algorithms import RSAAlgorithm
from jwt.exceptions import PyJWTError

from bot.transport.clock import Clock, SystemClock

logger = logging.getLogger(__name__)

PUBLIC_CLOUD_METADATA_URL = AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL
MAX_DOCUMENT_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class SigningKey:
    key_id: str
    public_key: RSAPublicKey
    endorsements: frozenset[str]
    """Channels this key may sign for (e.g. "msteams"); empty means unrestricted."""


class SigningKeysUnavailable(Exception):
    """The OpenID metadata or JWKS could not be fetched or made no sense."""


class SigningKeys:
    def __init__(
        self,
        *,
        metadata_url: str = PUBLIC_CLOUD_METADATA_URL,
        timeout: float = 10.0,
        max_age: float = 24 * 3600.0,
        unknown_key_interval: float = 3600.0,
        failure_cooldown: float = 10.0,
        clock: Clock | None = None,
    ) -> None:
        self._metadata_url = metadata_url
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._max_age = max_age
        self._unknown_key_interval = unknown_key_interval
        self._failure_cooldown = failure_cooldown
        self._clock = clock or SystemClock()
        self._keys: Mapping[str, SigningKey] = {}
        self._fetched_at: float | None = None
        self._failed_at: float | None = None
        self._download: asyncio.Task[Mapping[str, SigningKey]] | None = None
        self.downloads = 0
        """How many downloads were started (tests read it)."""

    @property
    def metadata_url(self) -> str:
        return self._metadata_url

    async def get(self, key_id: str) -> SigningKey | None:
        """The key with this id, or None if the issuer does not publish it."""
        now = self._clock.monotonic()
        if self._fetched_at is None or now - self._fetched_at > self._max_age:
            await self._refresh(keep_stale=self._fetched_at is not None)
        key = self._keys.get(key_id)
        fetched_at = self._fetched_at
        if key is None and fetched_at is not None and now - fetched_at > self._unknown_key_interval:
            await self._refresh(keep_stale=True)
            key = self._keys.get(key_id)
        return key

    async def prefetch(self) -> None:
        """Download the keys now (at startup) so the first real request does not wait.

        A failure here does not start the cooldown: the first request downloads again
        rather than being refused for a download no request was waiting on (a slow
        start, the issuer a moment late)."""
        try:
            await self._refresh(keep_stale=True)
        except SigningKeysUnavailable as error:
            self._failed_at = None
            logger.warning("Bot Framework signing keys not available yet: %s", error)

    async def close(self) -> None:
        download, self._download = self._download, None
        if download is not None and not download.done():
            download.cancel()
            with suppress(asyncio.CancelledError, SigningKeysUnavailable):
                await download

    async def _refresh(self, *, keep_stale: bool) -> None:
        now = self._clock.monotonic()
        if self._failed_at is not None and now - self._failed_at < self._failure_cooldown:
            if keep_stale and self._keys:
                return
            raise SigningKeysUnavailable("signing keys are unavailable (recent download failed)")
        if self._download is None or self._download.done():
            self._download = asyncio.create_task(self._fetch())
            self._download.add_done_callback(_retrieve_outcome)
            self.downloads += 1
        try:
            keys = await asyncio.shield(self._download)
        except SigningKeysUnavailable:
            self._failed_at = self._clock.monotonic()
            if keep_stale and self._keys:
                logger.warning("keeping the previous signing keys: refresh failed")
                return
            raise
        self._keys = keys
        self._fetched_at = self._clock.monotonic()
        self._failed_at = None

    async def _fetch(self) -> Mapping[str, SigningKey]:
        try:
            async with aiohttp.ClientSession(timeout=self._timeout) as session:
                metadata = await _get_json(session, self._metadata_url)
                jwks_uri = metadata.get("jwks_uri")
                if not isinstance(jwks_uri, str) or not jwks_uri.startswith(
                    ("https://", "http://")
                ):
                    raise SigningKeysUnavailable("OpenID metadata has no usable jwks_uri")
                document = await _get_json(session, jwks_uri)
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            raise SigningKeysUnavailable(f"{type(error).__name__}: {error}") from error
        keys = _parse_jwks(document)
        if not keys:
            raise SigningKeysUnavailable("the JWKS holds no usable RSA keys")
        return keys


def _retrieve_outcome(task: asyncio.Task[Any]) -> None:
    """Mark a download's failure as seen even if every waiter was cancelled meanwhile."""
    if not task.cancelled():
        task.exception()


async def _get_json(session: aiohttp.ClientSession, url: str) -> dict[str, Any]:
    async with session.get(url, allow_redirects=False) as response:
        if response.status != 200:
            raise SigningKeysUnavailable(f"{url} answered HTTP {response.status}")
        body = await response.content.read(MAX_DOCUMENT_BYTES + 1)
        if len(body) > MAX_DOCUMENT_BYTES:
            raise SigningKeysUnavailable(f"{url} answered more than {MAX_DOCUMENT_BYTES} bytes")
    document = json.loads(body)
    if not isinstance(document, dict):
        raise SigningKeysUnavailable(f"{url} did not answer a JSON object")
    return document


def _parse_jwks(document: Mapping[str, Any]) -> dict[str, SigningKey]:
    keys: dict[str, SigningKey] = {}
    entries = document.get("keys")
    if not isinstance(entries, list):
        return keys
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("kty") != "RSA":
            continue
        key_id = entry.get("kid")
        if not isinstance(key_id, str) or not key_id:
            continue
        try:
            public_key = RSAAlgorithm.from_jwk(json.dumps(entry))
        except (PyJWTError, ValueError, KeyError, TypeError):
            logger.warning("skipping malformed signing key %r", key_id)
            continue
        if not isinstance(public_key, RSAPublicKey):
            continue
        endorsements = entry.get("endorsements") or []
        keys[key_id] = SigningKey(
            key_id=key_id,
            public_key=public_key,
            endorsements=frozenset(e for e in endorsements if isinstance(e, str)),
        )
    return keys
