"""action_answer_question: a side message inside a form, or an answer the
classifier mistook for one.

"Why do you ask?" is answered for the question being asked (`utter_why_<slot>`);
`ask_<topic>` by `utter_answer_<topic>`; a greeting, thanks, an off-topic or
unclear message by their responses. But inside the pre-screen, a message whose
words carry none of the side request's cues and that the reader can read as
an answer to the question asked is that answer: it is put in the question's
slot for the form to read ("I'm in a belimumab study right now" is no
greeting).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.language import language_of
from bot.protocol.calendar import screening_date
from bot.protocol.criteria import QUESTIONS_BY_SLOT
from bot.reading.languages import reader_for
from bot.reading.result import AskAgain

RESPONSES_BY_INTENT = {
    "greet": "utter_welcome_back",
    "thank": "utter_youre_welcome",
    "out_of_scope": "utter_out_of_scope",
    "goodbye": "utter_goodbye",
    "nlu_fallback": "utter_default",
}


def response_for(intent: str | None, requested_slot: str | None, responses: Any) -> str:
    if intent == "ask_why":
        specific = f"utter_why_{requested_slot}"
        return specific if requested_slot and specific in responses else "utter_why_general"
    if intent in RESPONSES_BY_INTENT:
        return RESPONSES_BY_INTENT[intent]
    topic = (intent or "").removeprefix("ask_")
    answer = f"utter_answer_{topic}"
    return answer if answer in responses else "utter_default"


def mistaken_answer(tracker: Tracker, intent: str, text: str) -> str | None:
    """The pre-screen question the message answers, when it is no side
    request at all; None otherwise."""
    requested = tracker.get_slot("requested_slot")
    if tracker.active_loop_name != "prescreen_form" or requested not in QUESTIONS_BY_SLOT:
        return None
    reader = reader_for(language_of(tracker))
    if reader.side_request(intent, text):
        return None
    reading = reader.read(QUESTIONS_BY_SLOT[requested], text, screening_date())
    return None if isinstance(reading, AskAgain) else str(requested)


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        intent = tracker.latest_message.get("intent", {}).get("name")
        text = str(tracker.latest_message.get("text") or "")
        if answered := mistaken_answer(tracker, str(intent), text):
            return [SlotSet(answered, text)]  # the form reads it next
        requested = tracker.get_slot("requested_slot") if tracker.active_loop_name else None
        dispatcher.utter_message(
            response=response_for(intent, requested, domain.get("responses", {}))
        )
        return []
