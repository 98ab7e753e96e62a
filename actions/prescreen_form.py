"""validate_prescreen_form: which questions apply, and reading each answer.

The question list, its order, what is skipped and where screening stops on an
exclusion all come from `bot.protocol.eligibility.applicable_questions`; the
reading of each reply comes from the reader of the conversation's language
(`bot.reading`). This action only feeds them the slots and the patient's
message, and turns what they say into slot values, hints and re-asks. The run
that ends the form also tells the patient the outcome (`actions/outcome.py`).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.exclusion import CONFIRMED, read_confirmation, unconfirmed_exclusion
from actions.form_validation import ClosingFormValidation
from actions.language import language_of
from actions.outcome import announce_outcome
from actions.reading import ask_again, heard, read_successfully
from bot.protocol.calendar import screening_date
from bot.protocol.canonical import answers_from_slots, typed_value
from bot.protocol.criteria import QUESTIONS, Question, QuestionKind
from bot.protocol.eligibility import applicable_questions
from bot.reading.languages import reader_for
from bot.reading.result import AskAgain, Value
from bot.reading.settling import reason_to_ask, stored_value


class ValidatePrescreenForm(ClosingFormValidation):
    def name(self) -> str:
        return "validate_prescreen_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        questions = applicable_questions(answers_from_slots(tracker.slots), screening_date())
        # An answer that ends the screening is confirmed before it counts.
        return [*questions, CONFIRMED] if unconfirmed_exclusion(tracker) else questions

    async def close(
        self, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> list[dict[str, Any]]:
        return announce_outcome(dispatcher, tracker)

    def validate_confirmed_exclusion(
        self,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        return read_confirmation(value, dispatcher, tracker)

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
        words, intent = heard(tracker, question.slot, value)
        if intent is None and question.kind is QuestionKind.CHOICE and typed_value(question, words):
            # A choice we stored, read again as the button that stands for it:
            # a typed "3" is ambiguous, a stored one is not.
            words = f'/inform{{"{question.slot}": "{words}"}}'
        today = screening_date()
        reading = reader_for(language_of(tracker)).read(question, words, today, intent)
        if isinstance(reading, AskAgain):
            return ask_again(question.slot, reading.reason, dispatcher, tracker)
        chosen = stored_value(question, reading, answers_from_slots(tracker.slots), today)
        if chosen is None:  # two facts, or words not understood, and nothing that excludes
            assert isinstance(reading, Value)
            return ask_again(question.slot, reason_to_ask(reading), dispatcher, tracker)
        return read_successfully(question.slot, chosen, tracker)

    validate.__name__ = f"validate_{question.slot}"
    validate.__doc__ = f"Read the reply to '{question.slot}' ({question.kind.value})."
    return validate


# One validate_<slot> per question, as the SDK expects, generated from the data
# so that a new question needs no new code here.
for _question in QUESTIONS:
    setattr(ValidatePrescreenForm, f"validate_{_question.slot}", _validator(_question))
