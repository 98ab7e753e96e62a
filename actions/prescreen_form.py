"""validate_prescreen_form: which questions apply, and reading each answer.

The question list, its order, what is skipped and where screening stops on an
exclusion all come from `bot.protocol.eligibility.applicable_questions`; this action only
feeds it the slots and turns unreadable replies into a hint and a re-ask.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.language import language_of
from bot.protocol.calendar import screening_date
from bot.protocol.canonical import answers_from_slots
from bot.protocol.criteria import QUESTIONS, Question
from bot.protocol.eligibility import applicable_questions
from bot.reading.languages import reader_for
from bot.reading.reader import Unreadable


class ValidatePrescreenForm(FormValidationAction):
    def name(self) -> str:
        return "validate_prescreen_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        return applicable_questions(answers_from_slots(tracker.slots), screening_date())

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Also reads answers an earlier turn left unread: when the action server
        was down, Rasa had already put the raw reply in the slot, and the SDK
        validates only what the latest message set."""
        events: list[dict[str, Any]] = await super().get_validation_events(
            dispatcher, tracker, domain
        )
        answers = answers_from_slots(tracker.slots)
        for slot in applicable_questions(answers, screening_date()):
            raw = tracker.slots.get(slot)
            if raw is not None and getattr(answers, slot) is None:
                read = getattr(self, f"validate_{slot}")(raw, dispatcher, tracker, domain)
                tracker.slots.update(read)
                events += [SlotSet(name, value) for name, value in read.items()]
        return events


def _validator(question: Question) -> Any:
    def validate(
        self: ValidatePrescreenForm,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        if value is None:  # cleared by a correction: the form asks again
            return {question.slot: None}
        try:
            # Only the answer to the question just asked is read against the
            # patient's words; answers re-validated by a (re)started form are not.
            just_answered = (
                tracker.latest_action_name == "action_listen"
                and tracker.get_slot("requested_slot") == question.slot
            )
            said = (tracker.latest_message.get("text") or "") if just_answered else ""
            read = reader_for(language_of(tracker))
            reply = read(question, str(value), screening_date(), said)
            return {question.slot: reply}
        except Unreadable as unreadable:
            dispatcher.utter_message(response=unreadable.hint)
            return {question.slot: None}

    validate.__name__ = f"validate_{question.slot}"
    validate.__doc__ = f"Read the reply to '{question.slot}' ({question.kind.value})."
    return validate


# One validate_<slot> per question, as the SDK expects, generated from the data
# so that a new question needs no new code here.
for _question in QUESTIONS:
    setattr(ValidatePrescreenForm, f"validate_{_question.slot}", _validator(_question))
