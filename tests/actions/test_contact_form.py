from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.contact_form import ValidateContactForm
from tests.support.trackers import make_tracker

CONSENTED = {"contact_consent": True}


async def validate(
    domain: dict[str, Any], slots: dict[str, Any], new: dict[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    said = next(iter(new.values()))  # what the patient typed for the slot asked
    text = {True: "yes", False: "no"}.get(said, str(said)) if isinstance(said, bool) else str(said)
    tracker = make_tracker(
        slots, new_slots=new, text=text, active_loop="contact_form", requested_slot=next(iter(new))
    )
    events = await ValidateContactForm().run(dispatcher, tracker, domain)
    return {e["name"]: e["value"] for e in events}, [m["response"] for m in dispatcher.messages]


async def test_no_consent_asks_for_no_details(domain: dict[str, Any]) -> None:
    slots, _ = await validate(domain, {}, {"contact_consent": False})

    assert slots == {"contact_consent": False, "requested_slot": None}


async def test_consent_keeps_the_form_going(domain: dict[str, Any]) -> None:
    # With consent every detail is required: the SDK then leaves the choice of the
    # next one to Rasa (domain order, name first), so it sets no requested_slot.
    slots, _ = await validate(domain, {}, {"contact_consent": True})

    assert slots == {"contact_consent": True}


@pytest.mark.parametrize(
    ("slot", "reply", "stored"),
    [
        ("contact_name", "  Li   Wei ", "Li Wei"),
        ("contact_phone", "+86 138-0013-8000", "+8613800138000"),
        ("contact_phone", "skip", ""),
        ("contact_email", "li.wei@example.org", "li.wei@example.org"),
        ("contact_time", "evenings after work", "evening"),
        ("contact_time", "any", "any"),
    ],
)
async def test_valid_details_are_stored_cleaned(
    domain: dict[str, Any], slot: str, reply: str, stored: str
) -> None:
    earlier = {**CONSENTED, "contact_name": "Li Wei", "contact_phone": "+8613800138000"}
    earlier.pop(slot, None)
    slots, responses = await validate(domain, earlier, {slot: reply})

    assert responses == []
    assert slots[slot] == stored


@pytest.mark.parametrize(
    ("slot", "reply", "hint"),
    [
        ("contact_phone", "0138 CALL ME", "utter_invalid_phone_characters"),
        ("contact_phone", "12345", "utter_invalid_phone_length"),
        ("contact_email", "li.wei@", "utter_invalid_email_format"),
        ("contact_name", "12345", "utter_invalid_no_name"),
        ("contact_time", "tuesday-ish", "utter_invalid_contact_time"),
    ],
)
async def test_invalid_details_are_asked_again_with_a_hint(
    domain: dict[str, Any], slot: str, reply: str, hint: str
) -> None:
    slots, responses = await validate(domain, {**CONSENTED, "contact_name": "Li"}, {slot: reply})

    assert responses == [hint]
    assert slots == {slot: None}


async def test_email_cannot_be_skipped_without_a_phone(domain: dict[str, Any]) -> None:
    earlier = {**CONSENTED, "contact_name": "Li", "contact_phone": ""}
    slots, responses = await validate(domain, earlier, {"contact_email": "skip"})

    assert responses == ["utter_invalid_no_phone_or_email"]
    assert slots["contact_email"] is None
