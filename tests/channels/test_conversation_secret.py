"""The website chat's secrets: issued by the server, recognised by their tag,
mapped to a conversation id that depends on the key and opens nothing."""

from __future__ import annotations

from typing import Any

import pytest

from channels.conversation_secret import SHAPE, ConversationSecrets

KEY = ConversationSecrets(b"one key")
OTHER_KEY = ConversationSecrets(b"another key")


def test_an_issued_secret_is_recognised_and_has_at_least_128_random_bits() -> None:
    issued = {KEY.issue() for _ in range(200)}
    assert len(issued) == 200
    for secret in issued:
        assert SHAPE.match(secret) and KEY.issued(secret)
    assert len(next(iter(issued))[:24]) * 6 >= 128  # the random part, base64url


def test_a_secret_of_another_key_or_altered_or_made_up_is_not_ours() -> None:
    secret = KEY.issue()
    altered = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    made_up = "A" * 40
    assert KEY.issued(secret)
    assert not OTHER_KEY.issued(secret)
    assert not KEY.issued(altered)
    assert not KEY.issued(made_up)


@pytest.mark.parametrize(
    "candidate",
    [None, "", 42, ["x"], "0123456789abcdef0123456789abcdef", "web-" + "0" * 32, "é" * 40],
)
def test_anything_else_is_not_ours(candidate: Any) -> None:
    assert not KEY.issued(candidate)


def test_the_conversation_id_is_stable_per_secret_and_key_and_is_not_the_secret() -> None:
    secret, other = KEY.issue(), KEY.issue()
    conversation = KEY.conversation_id(secret)
    assert conversation == KEY.conversation_id(secret)
    assert conversation.startswith("web-") and len(conversation) == 36
    assert secret not in conversation and secret[:24] not in conversation
    assert conversation != KEY.conversation_id(other)
    assert conversation != OTHER_KEY.conversation_id(secret)
    assert not KEY.issued(conversation)  # a known conversation id is no secret


def test_an_empty_key_is_refused() -> None:
    with pytest.raises(ValueError):
        ConversationSecrets(b"")
