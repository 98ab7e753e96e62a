"""The in-process runner's stand-in for the action server (harness/in_process.py),
without the trained model."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

from bot.protocol.calendar import screening_date
from bot.settings import DOMAIN_FILE
from harness.in_process import InProcessActions, screening_day


def contact_time_answered() -> dict[str, Any]:
    """The call Rasa makes to validate_contact_form when the last contact
    detail has just been typed (FormAction's temporary tracker)."""
    before = [
        SlotSet("contact_consent", True), SlotSet("contact_name", "Anna Kowalska"),
        SlotSet("contact_phone", "+8613800138000"), SlotSet("contact_email", ""),
        ActiveLoop("contact_form"), SlotSet("requested_slot", "contact_time"),
        ActionExecuted("action_listen"), UserUttered("mornings", {"name": "inform"}),
    ]  # fmt: skip
    form = [ActionExecuted("contact_form"), SlotSet("contact_time", "mornings")]
    slots = Domain.load(str(DOMAIN_FILE)).slots
    tracker = DialogueStateTracker.from_events("t", [*before, *form], slots)
    state = tracker.current_state(EventVerbosity.ALL)
    return {"next_action": "validate_contact_form", "sender_id": "t", "tracker": state}


@pytest.fixture(scope="module")
def actions() -> InProcessActions:
    return InProcessActions()


async def test_a_case_that_ends_the_contact_form_saves_no_referral(
    actions: InProcessActions,
) -> None:
    actions.closing = False
    answer = await actions.request(json=contact_time_answered())

    slots = {e["name"]: e["value"] for e in answer["events"] if e["event"] == "slot"}
    assert slots == {"contact_time": "morning", "requested_slot": None}
    assert answer["responses"] == []


def test_a_battery_labelled_on_a_day_is_typed_on_that_day_of_the_site() -> None:
    today = screening_date()
    with screening_day(date(2026, 12, 7)):
        assert screening_date() == date(2026, 12, 7)
    assert screening_date() == today
    with screening_day(None):
        assert screening_date() == today
