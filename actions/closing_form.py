"""Forms whose last validation also does what follows them.

Rasa calls a form's validation action on every run of the form and ends the
form when the validation names no slot to ask next. What comes after the form
(telling the outcome, saving the referral) is done in that same run: as a
separate custom action it cost the slowest turn of a conversation one more call
to this server and one more policy prediction (docs/performance.md).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction
from rasa_sdk.types import DomainDict


class ClosingFormValidation(FormValidationAction, ABC):
    """A form validation that calls `close` in the run that ends the form, with
    the tracker holding that run's answers; its events follow the form's."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = await super().run(dispatcher, tracker, domain)
        if events and events[-1] == SlotSet(REQUESTED_SLOT, None):  # the SDK names it last
            events += await self.close(dispatcher, tracker)
        return events

    async def next_requested_slot(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Always names the next slot, None when none is left. (The SDK leaves
        that to Rasa when the list equals the domain's, and then the run that
        ends the form could not know it.)"""
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        missing = (slot for slot in required if tracker.slots.get(slot) is None)
        event: dict[str, Any] = SlotSet(REQUESTED_SLOT, next(missing, None))
        return event

    @abstractmethod
    async def close(
        self, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> list[dict[str, Any]]:
        """What follows the finished form: messages sent, events returned."""
