"""An answer that would end the screening is read back and confirmed before
the patient is turned away.

validate_prescreen_form asks one more slot, `confirmed_exclusion`, right after
such an answer: `action_ask_confirmed_exclusion` reads the answer back in plain
words (`utter_confirm_exclusion_<slot>`); a yes records which answer was
confirmed, a no clears that answer and the question is asked again.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.language import language_of
from actions.reading import ask_again, heard, just_answered
from bot.protocol.answers import Reply
from bot.protocol.calendar import screening_date
from bot.protocol.canonical import answers_from_slots
from bot.protocol.eligibility import ending_answer
from bot.reading.languages import reader_for
from bot.reading.result import AskAgain

CONFIRMED = "confirmed_exclusion"


def unconfirmed_exclusion(tracker: Tracker) -> str | None:
    """The question whose answer ends the screening and is not confirmed yet."""
    slot = ending_answer(answers_from_slots(tracker.slots), screening_date())
    if slot is None or tracker.get_slot(CONFIRMED) == _key(slot, tracker):
        return None
    return slot


def read_confirmation(
    value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """A yes confirms the answer that ends the screening; a no clears it, so
    that its question is asked again; anything else asks again."""
    slot = ending_answer(answers_from_slots(tracker.slots), screening_date())
    if value is None or slot is None or not just_answered(tracker, CONFIRMED):
        return {CONFIRMED: None}
    words, intent = heard(tracker, CONFIRMED, value)
    reading = reader_for(language_of(tracker)).consent(words, intent)
    if isinstance(reading, AskAgain):
        return ask_again(CONFIRMED, reading.reason, dispatcher, tracker)
    if reading.values == (Reply.YES.value,):
        return {CONFIRMED: _key(slot, tracker)}
    dispatcher.utter_message(response="utter_exclusion_not_confirmed")
    return {CONFIRMED: None, slot: None}


def _key(slot: str, tracker: Tracker) -> str:
    return f"{slot}={tracker.get_slot(slot)}"


class ActionAskConfirmedExclusion(Action):
    def name(self) -> str:
        return "action_ask_confirmed_exclusion"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        slot = ending_answer(answers_from_slots(tracker.slots), screening_date())
        response = f"utter_confirm_exclusion_{slot}"
        if slot is None or response not in domain.get("responses", {}):
            response = "utter_confirm_exclusion"  # generic: the answer just given
        dispatcher.utter_message(response=response)
        return []
