"""The SMTP password is stored sealed; rotated keys still open old tokens."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from notify.secrets import SecretBox, SecretKeyMissing, SecretUnreadable

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def test_a_sealed_secret_opens_to_itself_and_does_not_contain_it() -> None:
    box = SecretBox([OLD])
    token = box.seal("hunter2 ✓")

    assert "hunter2" not in token
    assert box.open(token) == "hunter2 ✓"


def test_after_rotation_old_tokens_open_and_reseal_moves_them_to_the_new_key() -> None:
    old_token = SecretBox([OLD]).seal("hunter2")
    rotated = SecretBox([NEW, OLD])

    resealed = rotated.reseal(old_token)

    assert rotated.open(old_token) == "hunter2"
    assert SecretBox([NEW]).open(resealed) == "hunter2"


def test_a_token_sealed_with_another_key_is_unreadable_not_garbage() -> None:
    with pytest.raises(SecretUnreadable):
        SecretBox([NEW]).open(SecretBox([OLD]).seal("hunter2"))
    with pytest.raises(SecretUnreadable):
        SecretBox([NEW]).open("plain-text-password")
    with pytest.raises(SecretUnreadable, match="store it again"):
        SecretBox([NEW]).reseal(SecretBox([OLD]).seal("hunter2"))


def test_without_a_key_nothing_can_be_sealed() -> None:
    with pytest.raises(SecretKeyMissing, match="TICKETFLOW_SECRET_KEY"):
        SecretBox([])
