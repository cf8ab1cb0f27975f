"""Bot Framework channel tokens as Teams signs them -- and every way they go wrong."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"


def new_rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class TokenSigner:
    """Signs tokens for `app_id` as the Bot Framework channel service does."""

    app_id: str
    private_key: rsa.RSAPrivateKey = field(default_factory=new_rsa_key)
    key_id: str = "teams-test-key-1"
    endorsements: tuple[str, ...] = ("msteams", "emulator", "webchat")
    issuer: str = BOT_FRAMEWORK_ISSUER

    def jwk(self) -> dict[str, Any]:
        """The public key as the JWKS publishes it."""
        key: dict[str, Any] = json.loads(RSAAlgorithm.to_jwk(self.private_key.public_key()))
        key.update(kid=self.key_id, use="sig", endorsements=list(self.endorsements))
        return key

    def public_key_pem(self) -> bytes:
        return self.private_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def claims(
        self,
        *,
        service_url: str,
        audience: str | None = None,
        issuer: str | None = None,
        lifetime: float = 3600.0,
        issued_at: float | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        now = time.time() if issued_at is None else issued_at
        claims: dict[str, Any] = {
            "serviceurl": service_url,
            "nbf": int(now) - 5,
            "exp": int(now + lifetime),
            "iss": issuer or self.issuer,
            "aud": audience or self.app_id,
            "jti": uuid.uuid4().hex,
        }
        claims.update(extra)
        return claims

    def token(
        self,
        *,
        service_url: str,
        key_id: str | None = None,
        algorithm: str = "RS256",
        private_key: rsa.RSAPrivateKey | None = None,
        **claim_overrides: Any,
    ) -> str:
        return jwt.encode(
            self.claims(service_url=service_url, **claim_overrides),
            private_key or self.private_key,
            algorithm=algorithm,
            headers={"kid": key_id or self.key_id},
        )

    # The bad tokens, by name, so tests read like the threat list.

    def valid(self, *, service_url: str) -> str:
        return self.token(service_url=service_url)

    def wrong_audience(self, *, service_url: str) -> str:
        return self.token(service_url=service_url, audience="some-other-bot")

    def wrong_issuer(self, *, service_url: str) -> str:
        return self.token(service_url=service_url, issuer="https://evil.example.com")

    def expired(self, *, service_url: str) -> str:
        """Expired ten minutes ago: beyond the five minutes of clock leeway."""
        return self.token(service_url=service_url, issued_at=time.time() - 4200, lifetime=3600)

    def unknown_key(self, *, service_url: str) -> str:
        return self.token(service_url=service_url, key_id="key-nobody-published")

    def foreign_signature(self, *, service_url: str) -> str:
        """Our key id, someone else's private key."""
        return self.token(service_url=service_url, private_key=new_rsa_key())

    def other_service_url(self, *, service_url: str) -> str:
        return self.token(service_url="https://smba.trafficmanager.net/evil/")

    def hs256_with_public_key(self, *, service_url: str) -> str:
        """The classic algorithm swap: HMAC keyed with the published RSA public key."""
        header = {"alg": "HS256", "typ": "JWT", "kid": self.key_id}
        signing_input = ".".join(
            _b64(json.dumps(part).encode())
            for part in (header, self.claims(service_url=service_url))
        )
        mac = hmac.new(self.public_key_pem(), signing_input.encode(), hashlib.sha256).digest()
        return f"{signing_input}.{_b64(mac)}"

    def unsigned(self, *, service_url: str) -> str:
        """`alg: none` with an empty signature."""
        header = {"alg": "none", "typ": "JWT", "kid": self.key_id}
        parts = (header, self.claims(service_url=service_url))
        return ".".join(_b64(json.dumps(part).encode()) for part in parts) + "."

    def without_key_id(self, *, service_url: str) -> str:
        return jwt.encode(self.claims(service_url=service_url), self.private_key, algorithm="RS256")
