"""action_save_referral: store the referral once the patient agreed to contact.

The patient is told "passed on" only after the store confirmed the save.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.answers import question_slots
from actions.outcome import screening_of
from actions.store import referral_store
from bot.contact import Contact, ContactTime
from bot.referrals import draft_from_screening

logger = logging.getLogger(__name__)


def contact_of(tracker: Tracker) -> Contact:
    return Contact(
        name=tracker.get_slot("contact_name"),
        phone=tracker.get_slot("contact_phone") or None,
        email=tracker.get_slot("contact_email") or None,
        preferred_time=ContactTime(tracker.get_slot("contact_time")),
    )


class ActionSaveReferral(Action):
    def name(self) -> str:
        return "action_save_referral"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if tracker.get_slot("contact_consent") is not True:
            dispatcher.utter_message(response="utter_no_contact_goodbye")
            return []
        draft = draft_from_screening(
            tracker.sender_id,
            screening_of(tracker),
            question_slots(tracker.slots),
            contact_of(tracker),
        )
        try:
            referral_store().save(draft)
        except SQLAlchemyError as error:
            # Only the error class: the message may quote the patient's data.
            logger.error("referral not saved: %s", type(error).__name__)
            dispatcher.utter_message(response="utter_referral_not_saved")
            return [SlotSet("referral_saved", False)]
        dispatcher.utter_message(
            response="utter_referral_saved", rescreen_date=tracker.get_slot("rescreen_date")
        )
        return [SlotSet("referral_saved", True)]
