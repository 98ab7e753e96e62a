"""action_request_callback: a patient asked for a person; offer a call back.

The contact form then asks consent and details as for a referral; the
referral is stored as a callback request, with the answers given so far.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict


class ActionRequestCallback(Action):
    def name(self) -> str:
        return "action_request_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        return [SlotSet("callback_requested", True), SlotSet("contact_consent", None)]
