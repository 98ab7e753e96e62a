"""Rasa still checks every action server reply, with the validator kept."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import EndpointConfig

import channels  # noqa: F401 -- installs the fix, as Rasa's import of the channel does
from channels.action_replies import validate_action_result

VALID: dict[str, Any] = {
    "events": [{"event": "slot", "timestamp": None, "name": "car_t", "value": "no"}],
    "responses": [{"response": "utter_ask_transplant"}],
}


def remote_action() -> RemoteAction:
    return RemoteAction("validate_prescreen_form", EndpointConfig("http://localhost:1"))


def test_rasa_uses_the_kept_validator() -> None:
    assert RemoteAction._validate_action_result is validate_action_result


def test_a_valid_reply_passes() -> None:
    assert remote_action()._validate_action_result(VALID) is True


@pytest.mark.parametrize(
    "reply",
    [
        {"events": [{"event": "slot", "name": 3}]},  # a slot event's name is a string
        {"events": "not a list"},
        {"responses": [{"text": 5}]} | {"events": [{"event": "no_such_event"}]},
    ],
)
def test_an_invalid_reply_is_refused_with_rasas_message(reply: dict[str, Any]) -> None:
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        remote_action()._validate_action_result(reply)
