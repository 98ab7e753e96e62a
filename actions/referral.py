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

from actions.answers import answer_history, answers_from_slots, question_slots
from actions.outcome import screening_of
from actions.store import outbox, referral_store
from bot.contact import Contact, ContactTime
from bot.contradictions import contradictions
from bot.dates import screening_date
from bot.referrals import ReferralDraft, Request, draft_from_screening

logger = logging.getLogger(__name__)


def _keep_for_later(draft: ReferralDraft, dispatcher: CollectingDispatcher) -> list[dict[str, Any]]:
    """The database is down: keep the referral in the outbox, which stores it
    as soon as the database is back; say so only if it was kept."""
    try:
        outbox().put(draft)
    except OSError as error:
        logger.error("referral not kept: %s", type(error).__name__)
        dispatcher.utter_message(response="utter_referral_not_saved")
        return [SlotSet("referral_saved", False)]
    dispatcher.utter_message(response="utter_referral_queued")
    return [SlotSet("referral_saved", True)]


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
        callback = tracker.get_slot("callback_requested") is True
        flags = contradictions(
            answers_from_slots(tracker.slots), answer_history(tracker.events), screening_date()
        )
        draft = draft_from_screening(
            tracker.sender_id,
            screening_of(tracker),
            question_slots(tracker.slots),
            contact_of(tracker),
            Request.CALLBACK if callback else Request.SCREENING,
            flags,
        )
        try:
            referral_store().save(draft)
        except SQLAlchemyError as error:
            # Only the error class: the message may quote the patient's data.
            logger.error("referral store unavailable: %s", type(error).__name__)
            return _keep_for_later(draft, dispatcher)
        dispatcher.utter_message(
            response="utter_referral_saved", rescreen_date=tracker.get_slot("rescreen_date")
        )
        return [SlotSet("referral_saved", True)]
