"""action_fallback: the answer to a message the assistant could not place.

Says so, asks the current question again (inside a form, or the pending
"do you really want to stop?"), and forgets the message, so it never counts as
an answer; the language it was written in is kept.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.confirmation import confirmation_question
from actions.language import language_of
from bot.reading.language import NOT_READ, script_of


class ActionFallback(Action):
    def name(self) -> str:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        text = str(tracker.latest_message.get("text") or "")
        dispatcher.utter_message(response=NOT_READ.get(script_of(text), "utter_default"))
        pending = tracker.get_slot("pending_request")
        requested = tracker.get_slot("requested_slot") if tracker.active_loop_name else None
        if tracker.active_loop_name is None and pending:
            dispatcher.utter_message(response=confirmation_question(pending))
        elif requested and f"utter_ask_{requested}" in domain.get("responses", {}):
            dispatcher.utter_message(response=f"utter_ask_{requested}")
        # Forgetting the message forgets the language it set too: written in
        # Chinese (or English), the conversation goes on in it all the same.
        return [UserUtteranceReverted(), SlotSet("language", language_of(tracker))]
