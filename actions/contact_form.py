"""validate_contact_form: consent to be contacted first, then how to reach them."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.consent_form import read_consent
from actions.language import language_of
from bot.reading.languages import reader_for
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
        return _read("contact_name", value, dispatcher, tracker)

    def validate_contact_phone(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        if reader_for(language_of(tracker)).skips(str(value)):
            return {"contact_phone": SKIPPED}
        return _read("contact_phone", value, dispatcher, tracker)

    def validate_contact_email(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        if reader_for(language_of(tracker)).skips(str(value)):
            if tracker.get_slot("contact_phone"):
                return {"contact_email": SKIPPED}
            dispatcher.utter_message(response="utter_invalid_no_phone_or_email")
            return {"contact_email": None}
        return _read("contact_email", value, dispatcher, tracker)

    def validate_contact_time(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        return _read("contact_time", value, dispatcher, tracker)


def _read(
    slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """The detail read by the reader of the conversation's language, or None
    with the reason sent, so that the form asks again."""
    try:
        return {slot: reader_for(language_of(tracker)).contact_detail(slot, str(value))}
    except InvalidContact as invalid:
        dispatcher.utter_message(response=f"utter_invalid_{invalid.reason}")
        return {slot: None}
