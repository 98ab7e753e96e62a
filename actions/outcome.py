"""The screening's outcome, told in words when the pre-screen's last answer is read.

`validate_prescreen_form` calls `announce_outcome` in the run that ends the
form, so Rasa needs no separate action (and no second call to this server)
to decide what comes next: the rules read the `screening_outcome` slot it sets.
Responses are chosen by naming convention from the criterion id, so the texts stay
in the domain: `utter_excluded_<id>`, `utter_deferred_<id>` (id lower-cased,
'-' as '_').
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.language import language_of
from bot.protocol.calendar import screening_date
from bot.protocol.canonical import answers_from_slots
from bot.protocol.decisions import Decision
from bot.protocol.eligibility import Outcome, Screening, evaluate
from bot.reading.languages import reader_for

logger = logging.getLogger(__name__)


def response_key(criterion_id: str) -> str:
    return criterion_id.lower().replace("-", "_")


def screening_of(tracker: Tracker) -> Screening:
    return evaluate(answers_from_slots(tracker.slots), screening_date())


def _show_summary(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """What the assistant understood, for the patient to check (and correct)
    before anything is passed on."""
    summary = reader_for(language_of(tracker)).summary(tracker.slots)
    dispatcher.utter_message(response="utter_summary", summary=summary)


def announce_outcome(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """Evaluate every criterion over the tracker's slots, tell the patient the
    outcome and return the events that record it: `screening_outcome` (None
    if the screening is incomplete, which is a bug) and `rescreen_date` (None
    unless deferred: a deferral corrected away leaves no stale date)."""
    screening = screening_of(tracker)
    if screening.outcome is Outcome.NOT_ELIGIBLE:
        first = screening.with_decision(Decision.EXCLUDED)[0]
        dispatcher.utter_message(response=f"utter_excluded_{response_key(first.criterion.id)}")
        dispatcher.utter_message(response="utter_excluded_closing")
    elif screening.outcome is Outcome.DEFERRED:
        assert screening.rescreen_date is not None
        for result in screening.with_decision(Decision.DEFERRED):
            key = response_key(result.criterion.id)
            dispatcher.utter_message(response=f"utter_deferred_{key}")
        rescreen = reader_for(language_of(tracker)).written_date(screening.rescreen_date)
        dispatcher.utter_message(response="utter_deferred_rescreen", rescreen_date=rescreen)
        _show_summary(dispatcher, tracker)
        return [
            SlotSet("screening_outcome", Outcome.DEFERRED.value),
            SlotSet("rescreen_date", rescreen),  # shown to the patient again on saving
        ]
    elif screening.outcome is Outcome.PRE_QUALIFIED:
        dispatcher.utter_message(response="utter_pre_qualified")
        _show_summary(dispatcher, tracker)
    else:  # the form ended with a question open: a bug, never the patient's fault
        logger.error("screening ended incomplete in conversation %s", tracker.sender_id)
        dispatcher.utter_message(response="utter_default")
        return [SlotSet("screening_outcome", None), SlotSet("rescreen_date", None)]
    return [SlotSet("screening_outcome", screening.outcome.value), SlotSet("rescreen_date", None)]
