"""Encryption at rest (Fernet, with key rotation) of contact details, the
outbox and the conversations.

Keys come from `REFERRAL_KEYS`: Fernet keys separated by commas, the first
encrypts, all decrypt (MultiFernet), so a new key is put first and the old one
kept until `rotate` has re-encrypted every row. The embedded default, when the
variable is unset, uses a key file it creates on first use
(`.local/referral.key`, mode 600) and says where it is.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.settings import Settings

logger = logging.getLogger(__name__)


class Secrecy:
    """Encrypts and decrypts short texts; `None` stays `None`."""

    def __init__(self, keys: list[bytes]) -> None:
        if not keys:
            raise ValueError("at least one key is needed")
        self._fernet = MultiFernet([Fernet(key) for key in keys])

    def seal(self, text: str | None) -> str | None:
        return None if text is None else self._fernet.encrypt(text.encode()).decode()

    def open(self, token: str | None) -> str | None:
        """The plain text; raises InvalidToken if no configured key fits."""
        return None if token is None else self._fernet.decrypt(token.encode()).decode()

    def reseal(self, token: str | None) -> str | None:
        """The same text, encrypted with the first (current) key."""
        return None if token is None else self._fernet.rotate(token.encode()).decode()


def secrecy_for(settings: Settings) -> Secrecy:
    """The configured keys, else the (newly made) local key file."""
    if settings.keys:
        return Secrecy([key.encode() for key in settings.keys])
    key_file = settings.key_file
    if not key_file.exists():
        _make_key_file(key_file)
    return Secrecy([key_file.read_bytes().strip()])


def _make_key_file(key_file: Path) -> None:
    """Write a new key, mode 600, unless another process just did: the action
    server and Rasa start together and must end up with the same key."""
    key_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    draft = key_file.with_name(f"{key_file.name}.{os.getpid()}")
    with os.fdopen(os.open(draft, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600), "wb") as file:
        file.write(Fernet.generate_key())
    try:
        os.link(draft, key_file)  # atomic, and fails if the file exists
    except FileExistsError:
        return
    finally:
        draft.unlink()
    logger.warning(
        "REFERRAL_KEYS not set: made a local key for the embedded run at %s "
        "(keep it with the databases; production sets REFERRAL_KEYS)",
        key_file.resolve(),
    )


__all__ = ["InvalidToken", "Secrecy", "secrecy_for"]
