"""validate_prescreen_form: which questions apply, and reading each answer.

The question list, its order, what is skipped and where screening stops on an
exclusion all come from `bot.eligibility.applicable_questions`; this action only
feeds it the slots and turns unreadable replies into a hint and a re-ask.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.answers import Unreadable, answers_from_slots, read_reply
from bot.criteria import QUESTIONS, Question
from bot.dates import screening_date
from bot.eligibility import applicable_questions


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


def _validator(question: Question) -> Any:
    def validate(
        self: ValidatePrescreenForm,
        value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        try:
            return {question.slot: read_reply(question, str(value), screening_date())}
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
