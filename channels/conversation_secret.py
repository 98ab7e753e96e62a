"""The website chat's conversation secrets: the id a browser keeps is itself
the credential to its conversation, and the conversation id every store and
log sees is derived from it, never sent back.

rasa-webchat 1.0.1 keeps and sends one value, its `session_id`, so that value
must be the secret. A secret is issued by this server: 144 random bits
followed by a tag, a MAC of them under the server's conversation key, so that
the server recognises its own secrets without keeping a table of them and a
made-up or altered one is never honoured. The conversation id is another
keyed hash of the whole secret (`web-` and 32 hex digits): knowing it (from
the inbox, a log, a database) gives no way back to the secret, so it opens
nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

RANDOM_BYTES = 18  # 144 bits, 24 base64url characters
TAG_BYTES = 12  # 96 bits, 16 base64url characters
SHAPE = re.compile(r"^[A-Za-z0-9_-]{40}$")
"""The shape of an issued secret: the random part, then its tag."""
CONVERSATION_PREFIX = "web-"


def _url64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


class ConversationSecrets:
    """Issues, recognises and maps secrets under one key (`CONVERSATION_KEY`,
    else the embedded run's `.local/conversation.key`). Every Rasa instance
    serving the website must have the same key, or a reload on another
    instance starts a new conversation."""

    def __init__(self, key: bytes) -> None:
        if not key:
            raise ValueError("the conversation key is empty")
        self._key = key

    def _mac(self, purpose: bytes, value: str) -> bytes:
        return hmac.new(self._key, purpose + b"\0" + value.encode("ascii"), hashlib.sha256).digest()

    def issue(self) -> str:
        """A new secret, at least 128 random bits, in a form safe in a URL."""
        random_part = secrets.token_urlsafe(RANDOM_BYTES)
        return random_part + _url64(self._mac(b"issued", random_part)[:TAG_BYTES])

    def issued(self, candidate: object) -> bool:
        """Whether `candidate` is a secret this key issued (its tag checked in
        constant time); anything else, of any type, is not."""
        if not isinstance(candidate, str) or not SHAPE.match(candidate):
            return False
        random_part, tag = candidate[:24], candidate[24:]
        expected = _url64(self._mac(b"issued", random_part)[:TAG_BYTES])
        return hmac.compare_digest(tag, expected)

    def conversation_id(self, secret: str) -> str:
        """The conversation id of `secret`: the sender id in the tracker store,
        the referral store, the inbox and the logs; the same for the same
        secret and key, and not to be turned back into the secret."""
        return CONVERSATION_PREFIX + self._mac(b"conversation", secret).hex()[:32]
