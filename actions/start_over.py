"""action_start_over: Rasa's restart, remembering what excluded the screening
it clears.

A patient turned away who starts over (or stops and comes back) in the same
conversation may answer differently the second time; the referral then
carries a flag naming the earlier exclusion, so staff see it.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import Restarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.protocol.calendar import screening_date
from bot.protocol.canonical import answers_from_slots
from bot.protocol.decisions import Decision
from bot.protocol.eligibility import evaluate

EARLIER_EXCLUSIONS = "earlier_exclusions"


class ActionStartOver(Action):
    def name(self) -> str:
        return "action_start_over"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        screening = evaluate(answers_from_slots(tracker.slots), screening_date())
        excluded = [r.criterion.id for r in screening.with_decision(Decision.EXCLUDED)]
        earlier = [*(tracker.get_slot(EARLIER_EXCLUSIONS) or []), *excluded]
        # Set after the restart, the slot is the one thing the new screening keeps.
        return [Restarted(), *([SlotSet(EARLIER_EXCLUSIONS, earlier)] if earlier else [])]
