"""The forms' validation actions: each names its slots and the next slot to ask
itself, reading no domain, and two of them also do what follows their form.

Rasa calls a form's validation action on every run of the form. When the SDK
names no next slot (it leaves that to Rasa if the slot list is the domain's),
Rasa calls the validation a second time as the form starts, and the run that
ends the form cannot know it does. Naming it always spares that call; and doing
what follows a form (telling the outcome, saving the referral) in the run that
ends it spares a separate custom action: one more call to this server and one
more policy prediction in the slowest turn of a conversation
(docs/performance.md). Rasa sends them no domain (`send_domain: false` in
domain.yml): 100 KB of JSON each way on every turn of a form.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction
from rasa_sdk.types import DomainDict


class FormValidation(FormValidationAction, ABC):
    """A form validation whose events always end with `requested_slot`: the
    next slot to ask, None when the form is done. Subclasses name their slots
    in `required_slots` (the domain's list is not sent) and read each with a
    `validate_<slot>` method."""

    @abstractmethod  # abstract, so that the SDK does not register this class as an action
    def name(self) -> str:
        """validate_<form>."""

    @abstractmethod
    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """The slots the form still asks or has asked, in order."""

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """None: no slot has an `extract_<slot>` method. (The SDK's search
        for them would look the slots up in the domain, and warn without it.)"""
        return []

    async def next_requested_slot(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        missing = (slot for slot in required if tracker.slots.get(slot) is None)
        event: dict[str, Any] = SlotSet(REQUESTED_SLOT, next(missing, None))
        return event


class ClosingFormValidation(FormValidation, ABC):
    """A form validation that calls `close` in the run that ends the form, with
    the tracker holding that run's answers; its events follow the form's."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = await super().run(dispatcher, tracker, domain)
        if events and events[-1] == SlotSet(REQUESTED_SLOT, None):
            events += await self.close(dispatcher, tracker)
        return events

    @abstractmethod
    async def close(
        self, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> list[dict[str, Any]]:
        """What follows the finished form: messages sent, events returned."""
