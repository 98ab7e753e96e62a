"""Requests that lose something (stop, start over, delete my data) are confirmed first.

A misread message ("'; DROP TABLE events; --" read as *stop*) must never end a
screening or delete a referral. `action_ask_to_confirm` remembers the request
and the form it interrupts (`pending_request`, `paused_form`) and asks; rules
then carry the request out on a yes, or resume the paused form on a no
(`action_cancel_request`). Any other reply gets the question again
(actions/fallback.py).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

# intent -> the value of `pending_request`
REQUESTS = {"stop": "stop", "start_over": "start_over", "delete_my_data": "delete"}
# `pending_request` -> the question that asks to confirm it
QUESTIONS = {
    "stop": "utter_confirm_stop",
    "start_over": "utter_confirm_start_over",
    "delete": "utter_confirm_delete",
}


def confirmation_question(request: str) -> str:
    return QUESTIONS[request]


class ActionAskToConfirm(Action):
    def name(self) -> str:
        return "action_ask_to_confirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        intent = tracker.latest_message.get("intent", {}).get("name")
        request = REQUESTS.get(intent or "")
        if request is None:  # only the rules for REQUESTS' intents call this action
            dispatcher.utter_message(response="utter_default")
            return []
        dispatcher.utter_message(response=confirmation_question(request))
        return [
            SlotSet("pending_request", request),
            SlotSet("paused_form", tracker.active_loop_name),
        ]


class ActionCancelRequest(Action):
    def name(self) -> str:
        return "action_cancel_request"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(response="utter_request_cancelled")
        return [SlotSet("pending_request", None), SlotSet("paused_form", None)]
