"""Rasa's check of each action server reply, with its schema compiled once.

Rasa 3.6 checks every reply of the action server against a JSON schema of
the events and responses it may hold (`RemoteAction._validate_action_result`)
by calling `jsonschema.validate`, which checks the schema itself and builds a
new validator on each call: about 30 ms of CPU per custom action on this
machine, the largest single cost of a turn (docs/performance.md). Here the
same schema is checked once and its validator kept; every reply is still
validated, and an invalid one still raises the same `ValidationError` with
Rasa's message. `install` replaces the method; Rasa imports this package for
the REST channel (credentials.yml), so every server gets it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jsonschema import ValidationError
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@cache
def reply_validator() -> Validator:
    """The validator of Rasa's action reply schema, the schema checked once."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    validator: Validator = validator_class(schema)
    return validator


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """What `RemoteAction._validate_action_result` does, with the kept validator."""
    try:
        reply_validator().validate(result)
        return True
    except ValidationError as error:
        error.message += (
            ". Failed to validate Action server response from API, make sure your "
            "response from the Action endpoint is valid. For more information about "
            f"the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise


def install() -> None:
    """Make Rasa validate action replies with the kept validator (idempotent)."""
    RemoteAction._validate_action_result = validate_action_result
