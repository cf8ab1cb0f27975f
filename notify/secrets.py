"""Secrets stored in the shared database (the SMTP password), sealed with TICKETFLOW_SECRET_KEY.

Fernet tokens under a `MultiFernet`: the first key seals, every key opens, so a
new key can be put first and old tokens re-sealed (`reseal`) before the old key
is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


class SecretKeyMissing(RuntimeError):
    """No TICKETFLOW_SECRET_KEY is configured, so secrets can be neither stored nor read."""

    def __init__(self) -> None:
        super().__init__(
            "TICKETFLOW_SECRET_KEY is not set; make one with: python -c 'from cryptography.fernet "
            "import Fernet; print(Fernet.generate_key().decode())'"
        )


class SecretUnreadable(ValueError):
    """A stored secret was sealed with a key that is not configured (or is not a token)."""


class SecretBox:
    def __init__(self, keys: Sequence[str]) -> None:
        if not keys:
            raise SecretKeyMissing()
        self._fernet = MultiFernet([Fernet(key) for key in keys])

    def seal(self, secret: str) -> str:
        return self._fernet.encrypt(secret.encode("utf-8")).decode("ascii")

    def open(self, token: str) -> str:
        return self._unsealed(token, lambda sealed: self._fernet.decrypt(sealed).decode("utf-8"))

    def reseal(self, token: str) -> str:
        """The same secret sealed with the first key (for key rotation)."""
        return self._unsealed(token, lambda sealed: self._fernet.rotate(sealed).decode("ascii"))

    @staticmethod
    def _unsealed(token: str, step: Callable[[bytes], str]) -> str:
        try:
            return step(token.encode("ascii"))
        except (InvalidToken, UnicodeError):
            raise SecretUnreadable(
                "the stored secret cannot be read with TICKETFLOW_SECRET_KEY; store it again"
            ) from None
