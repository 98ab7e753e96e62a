"""validate_consent_form, and the consent questions' shared reading: only a
plain yes is consent, read from the patient's words, never from an intent
alone (an empty message, an emoji or another language is no consent)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.form_validation import FormValidation
from actions.language import language_of
from actions.reading import ask_again, heard, just_answered
from bot.protocol.answers import Reply
from bot.reading.languages import reader_for
from bot.reading.result import AskAgain


def read_consent(
    slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """{slot: True} for a plain yes, {slot: False} for a plain no, else the
    question again."""
    if value is None or not just_answered(tracker, slot):
        return {slot: value}  # cleared or set by an action, not said by the patient
    words, intent = heard(tracker, slot, value)
    reading = reader_for(language_of(tracker)).consent(words, intent)
    if isinstance(reading, AskAgain):
        return ask_again(slot, reading.reason, dispatcher, tracker)
    return {slot: reading.values == (Reply.YES.value,)}


class ValidateConsentForm(FormValidation):
    def name(self) -> str:
        return "validate_consent_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        return ["screening_consent"]

    def validate_screening_consent(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        return read_consent("screening_consent", value, dispatcher, tracker)
