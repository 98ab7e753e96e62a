"""validate_contact_form: consent to be contacted first, then how to reach them;
the run that ends the form saves the referral (`actions/referral.py`).

In a Chinese conversation the WeChat ID is asked too, right after the phone
(`contact_wechat`); other conversations are asked as before, the slot left out
of their list. It is extra: a phone number or an e-mail address is still
needed. "Same as my phone" ("微信同号") is stored as that phone number, so the
coordinator has what to type into WeChat's search without looking elsewhere
(and the duplicate check matches it to the phone).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.consent_form import read_consent
from actions.form_validation import ClosingFormValidation
from actions.language import language_of
from actions.referral import save_referral
from bot.reading.contact import WECHAT_SAME_AS_PHONE
from bot.reading.languages import reader_for
from bot.referrals.contact import InvalidContact

WECHAT = "contact_wechat"
DETAILS = ["contact_name", "contact_phone", WECHAT, "contact_email", "contact_time"]
"""In the domain's order (contact_form's required_slots)."""
SKIPPED = ""
"""Slot value of a phone, email or WeChat ID the patient chose not to give."""


def details(language: str) -> list[str]:
    """The details asked: the WeChat ID only in Chinese. Leaving it out makes
    the SDK name the next slot itself (the list is not the domain's), so Rasa
    never asks it from the domain's list in English."""
    return DETAILS if language == "zh" else [slot for slot in DETAILS if slot != WECHAT]


class ValidateContactForm(ClosingFormValidation):
    def name(self) -> str:
        return "validate_contact_form"

    async def close(
        self, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> list[dict[str, Any]]:
        return save_referral(dispatcher, tracker)

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        consent = tracker.get_slot("contact_consent")
        if consent is not True:
            return ["contact_consent"]
        return ["contact_consent", *details(language_of(tracker))]

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

    def validate_contact_wechat(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        """Asked in Chinese only, so read by the Chinese reader."""
        text = str(value)
        chinese = reader_for("zh")
        if chinese.skips(text):
            return {WECHAT: SKIPPED}
        try:
            wechat = chinese.contact_detail(WECHAT, text)
        except InvalidContact as invalid:
            dispatcher.utter_message(response=f"utter_invalid_{invalid.reason}")
            return {WECHAT: None}
        if wechat == WECHAT_SAME_AS_PHONE:
            phone = tracker.get_slot("contact_phone")
            if not phone:  # skipped: there is no number to find the account by
                dispatcher.utter_message(response="utter_invalid_wechat_no_phone")
                return {WECHAT: None}
            wechat = phone
        return {WECHAT: wechat}

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
