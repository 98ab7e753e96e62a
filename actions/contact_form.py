"""validate_contact_form: consent to be contacted first, then how to reach them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.consent_form import read_consent
from bot.reading.en.contact import (
    is_skip,
    read_contact_time,
    read_email,
    read_name,
    read_phone,
)
from bot.referrals.contact import InvalidContact

DETAILS = ["contact_name", "contact_phone", "contact_email", "contact_time"]
SKIPPED = ""
"""Slot value of a phone or email the patient chose not to give."""


class ValidateContactForm(FormValidationAction):
    def name(self) -> str:
        return "validate_contact_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        consent = tracker.get_slot("contact_consent")
        return ["contact_consent", *DETAILS] if consent is True else ["contact_consent"]

    def validate_contact_consent(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        return read_consent("contact_consent", value, dispatcher, tracker)

    def validate_contact_name(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        return _read("contact_name", read_name, value, dispatcher)

    def validate_contact_phone(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        if is_skip(str(value)):
            return {"contact_phone": SKIPPED}
        return _read("contact_phone", read_phone, value, dispatcher)

    def validate_contact_email(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        if is_skip(str(value)):
            if tracker.get_slot("contact_phone"):
                return {"contact_email": SKIPPED}
            dispatcher.utter_message(response="utter_invalid_no_phone_or_email")
            return {"contact_email": None}
        return _read("contact_email", read_email, value, dispatcher)

    def validate_contact_time(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        return _read("contact_time", lambda text: read_contact_time(text).value, value, dispatcher)


def _read(
    slot: str, reader: Callable[[str], str], value: Any, dispatcher: CollectingDispatcher
) -> dict[str, Any]:
    try:
        return {slot: reader(str(value))}
    except InvalidContact as invalid:
        dispatcher.utter_message(response=f"utter_invalid_{invalid.reason}")
        return {slot: None}
