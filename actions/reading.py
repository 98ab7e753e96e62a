"""What the form validators share: which words to read, and what a reading
(or a failure to read) sets."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

UNREAD = "unread_replies"
"""How many replies in a row could not be read; on the third, a person is offered."""
WORDS = "answer_words"
"""The patient's own words of each answer, by slot, kept for staff."""
OFFER_PERSON_AFTER = 3


def heard(tracker: Tracker, slot: str, value: Any) -> tuple[str, str | None]:
    """The words to read for `slot`, and the classifier's intent for them.

    When the value comes from the patient's answer to the question just asked,
    that is their message; otherwise (a correction, a form re-reading what it
    stored, a reply an earlier turn left unread) the slot's value, with no
    intent."""
    message = tracker.latest_message
    text = str(message.get("text") or "")
    from_this_message = str(value) == text or isinstance(value, bool)  # bool: a consent
    if not (just_answered(tracker, slot) and from_this_message):
        return str(value), None
    return text, (message.get("intent") or {}).get("name")


def just_answered(tracker: Tracker, slot: str) -> bool:
    """The latest message answers the question the form asked for `slot`:
    nothing but the form itself (and Rasa's slot extraction) ran since it,
    not a correction. Rasa calls a form's validation with the form as the
    latest action; a unit test's tracker may still show action_listen."""
    if str(tracker.get_slot("requested_slot")) != slot:
        return False
    in_the_form_turn = {"action_listen", "action_extract_slots", tracker.active_loop_name}
    if tracker.latest_action_name not in in_the_form_turn:
        return False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        if event.get("event") == "action" and event.get("name") not in in_the_form_turn:
            return False
    return False


def ask_again(
    slot: str, hint: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """Nothing is stored; the patient gets the hint, the question again (the
    form asks it), and from the third failure in a row the offer of a person."""
    failures = int(tracker.get_slot(UNREAD) or 0) + 1
    dispatcher.utter_message(response=hint)
    if failures >= OFFER_PERSON_AFTER:
        dispatcher.utter_message(response="utter_offer_person")
    return {slot: None, UNREAD: float(failures)}


def read_successfully(slot: str, value: Any, tracker: Tracker) -> dict[str, Any]:
    """The value to store and, when it was read from the patient's message
    (an answer, or a correction of one), their words for staff."""
    stored: dict[str, Any] = {slot: value}
    if tracker.get_slot(UNREAD):
        stored[UNREAD] = 0.0  # the count is of failures in a row
    said_by_the_patient = ("action_correct_answer", "action_answer_question")
    if just_answered(tracker, slot) or tracker.latest_action_name in said_by_the_patient:
        own_words = dict(tracker.get_slot(WORDS) or {})
        own_words[slot] = str(tracker.latest_message.get("text") or "")
        stored[WORDS] = own_words
    return stored
