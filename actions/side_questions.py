"""action_answer_question: answer a side question with the matching response.

"Why do you ask?" is answered for the question being asked (`utter_why_<slot>`);
`ask_<topic>` is answered by `utter_answer_<topic>`.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict


def response_for(intent: str | None, requested_slot: str | None, responses: Any) -> str:
    if intent == "ask_why":
        specific = f"utter_why_{requested_slot}"
        return specific if requested_slot and specific in responses else "utter_why_general"
    topic = (intent or "").removeprefix("ask_")
    answer = f"utter_answer_{topic}"
    return answer if answer in responses else "utter_default"


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        intent = tracker.latest_message.get("intent", {}).get("name")
        requested = tracker.get_slot("requested_slot") if tracker.active_loop_name else None
        dispatcher.utter_message(
            response=response_for(intent, requested, domain.get("responses", {}))
        )
        return []
