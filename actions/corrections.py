"""action_correct_answer: change an earlier answer, then let the form go on.

The corrected slot is set after the patient's message, so the form's validator
reads it like any answer and recomputes which questions apply: a correction can
add questions, remove them, or end the screening with an exclusion. A new
value that cannot be read clears the answer, and the form asks that question
again. Inside the pre-screen, words with none of a correction's cues ("actually",
"I meant", "wrong") that read as an answer to the question asked are that
answer ("no CAR-T, but I did have a bone marrow transplant").
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.language import language_of
from actions.side_questions import mistaken_answer
from bot.protocol.calendar import screening_date
from bot.protocol.canonical import answers_from_slots
from bot.protocol.criteria import QUESTIONS_BY_SLOT, QuestionKind
from bot.protocol.eligibility import applicable_questions
from bot.reading.languages import reader_for


class ActionCorrectAnswer(Action):
    def name(self) -> str:
        return "action_correct_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        text = tracker.latest_message.get("text") or ""
        if asked := mistaken_answer(tracker, "correct", text):
            return [SlotSet(asked, text)]  # the form reads it next
        answers = answers_from_slots(tracker.slots)
        answered = [
            slot
            for slot in applicable_questions(answers, screening_date())
            if getattr(answers, slot) is not None
        ]
        reader = reader_for(language_of(tracker))
        correction = reader.correction(text, answered)
        if correction is None:
            # Nothing answered yet, or the words name a question not answered.
            hint = "utter_correction_not_asked" if answered else "utter_correction_nothing_yet"
            dispatcher.utter_message(response=hint)
            return []
        if QUESTIONS_BY_SLOT[correction.slot].kind is QuestionKind.REPLY:
            value = correction.reply.value if correction.reply else None
        else:
            value = text  # the form's validator reads it, or asks again
        dispatcher.utter_message(response="utter_correction_noted")
        return [SlotSet(correction.slot, value)]
