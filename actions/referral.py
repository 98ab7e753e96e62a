"""Refer the patient once they agreed to contact: done by the contact form's
last validation (`actions/contact_form.py`).

The patient is told "passed on" only after the store (or the outbox, while the
database is down) confirmed the save.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.language import language_of
from actions.reading import WORDS
from actions.start_over import EARLIER_EXCLUSIONS
from bot.protocol.calendar import screening_date
from bot.protocol.canonical import answer_history
from bot.referrals.contact import Contact, ContactTime
from bot.referrals.model import Request
from bot.referrals.submit import Submitted, referral_draft, submit
from bot.services import services_from_env

logger = logging.getLogger(__name__)


def contact_of(tracker: Tracker) -> Contact:
    return Contact(
        name=tracker.get_slot("contact_name"),
        phone=tracker.get_slot("contact_phone") or None,
        email=tracker.get_slot("contact_email") or None,
        wechat=tracker.get_slot("contact_wechat") or None,  # skipped or not asked: None
        preferred_time=ContactTime(tracker.get_slot("contact_time")),
    )


def save_referral(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """Submit the referral of a patient who agreed to contact (once per
    conversation: a second submit changes nothing) and tell them whether it was
    kept; to one who did not agree, say goodbye. Sets `referral_saved`."""
    if tracker.get_slot("contact_consent") is not True:
        dispatcher.utter_message(response="utter_no_contact_goodbye")
        return []
    callback = tracker.get_slot("callback_requested") is True
    draft = referral_draft(
        tracker.sender_id,
        tracker.slots,
        answer_history(tracker.events),
        contact_of(tracker),
        Request.CALLBACK if callback else Request.SCREENING,
        screening_date(),
        language_of(tracker),
        tracker.get_slot(WORDS) or {},
        tracker.get_slot(EARLIER_EXCLUSIONS) or [],
    )
    try:
        submitted = submit(draft, services_from_env())
    except OSError as error:
        logger.error("referral not kept: %s", type(error).__name__)
        dispatcher.utter_message(response="utter_referral_not_saved")
        return [SlotSet("referral_saved", False)]
    if submitted is Submitted.QUEUED:
        dispatcher.utter_message(response="utter_referral_queued")
    else:
        dispatcher.utter_message(
            response="utter_referral_saved", rescreen_date=tracker.get_slot("rescreen_date")
        )
    return [SlotSet("referral_saved", True)]
