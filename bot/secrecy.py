"""Encryption of contact details at rest (Fernet, with key rotation).

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

logger = logging.getLogger(__name__)

KEY_FILE = Path(".local/referral.key")


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


def secrecy_from_env(key_file: Path = KEY_FILE) -> Secrecy:
    """Keys from `REFERRAL_KEYS`, else from (a newly made) local key file."""
    configured = os.environ.get("REFERRAL_KEYS", "").strip()
    if configured:
        return Secrecy([key.strip().encode() for key in configured.split(",") if key.strip()])
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        key_file.write_bytes(Fernet.generate_key())
        key_file.chmod(0o600)
        logger.warning(
            "REFERRAL_KEYS not set: made a local key for the embedded run at %s "
            "(keep it with the database; production sets REFERRAL_KEYS)",
            key_file.resolve(),
        )
    return Secrecy([key_file.read_bytes().strip()])


__all__ = ["InvalidToken", "Secrecy", "secrecy_from_env"]
