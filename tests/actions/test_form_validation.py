"""The forms' validations always name the next slot, and the closing ones do
what follows the form only in the run that ends it."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

from actions.consent_form import ValidateConsentForm
from actions.contact_form import ValidateContactForm
from actions.form_validation import ClosingFormValidation
from actions.prescreen_form import ValidatePrescreenForm
from tests.support.trackers import NO_DOMAIN, make_tracker


class Closing(ClosingFormValidation):
    """Two required slots; closing says so and sets a slot."""

    def name(self) -> str:
        return "validate_prescreen_form"

    async def required_slots(self, domain_slots: list[str], *_: Any) -> list[str]:
        return ["car_t", "transplant"]

    async def close(
        self, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(response="utter_closed", transplant=tracker.get_slot("transplant"))
        return [{"event": "slot", "name": "closed", "value": True, "timestamp": None}]


async def run(action: Any, tracker: Tracker, domain: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, domain)
    return [(e["name"], e["value"]) for e in events], dispatcher.messages


async def test_the_consent_form_names_its_question_as_it_starts(domain: dict[str, Any]) -> None:
    """Otherwise Rasa calls the validation a second time in the first turn."""
    tracker = make_tracker({}, text="hi", intent="greet", active_loop=None)
    events, _ = await run(ValidateConsentForm(), tracker, NO_DOMAIN)

    assert events == [("requested_slot", "screening_consent")]


async def test_a_closing_form_does_not_close_while_a_slot_is_missing(
    domain: dict[str, Any],
) -> None:
    tracker = make_tracker({}, new_slots={"car_t": "no"}, requested_slot="car_t")
    events, messages = await run(Closing(), tracker, NO_DOMAIN)

    assert events == [("car_t", "no"), ("requested_slot", "transplant")]
    assert messages == []


async def test_a_closing_form_closes_in_the_run_that_ends_it(domain: dict[str, Any]) -> None:
    tracker = make_tracker({"car_t": "no"}, new_slots={"transplant": "none"})
    events, messages = await run(Closing(), tracker, NO_DOMAIN)

    assert events == [("transplant", "none"), ("requested_slot", None), ("closed", True)]
    assert [(m["response"], m["transplant"]) for m in messages] == [("utter_closed", "none")]


async def test_the_next_slot_is_named_when_the_list_is_the_domains(
    domain: dict[str, Any],
) -> None:
    """The SDK would leave it to Rasa: the run that ends the form could not know.
    (Rasa sends the domain where selective domain is off.)"""

    class DomainList(Closing):
        async def required_slots(self, domain_slots: list[str], *_: Any) -> list[str]:
            return list(domain_slots)

    tracker = make_tracker({}, new_slots={"birth": "1980-03-15"})
    events, _ = await run(DomainList(), tracker, domain)

    assert events[-1] == ("requested_slot", domain["forms"]["prescreen_form"]["required_slots"][1])


@pytest.mark.parametrize(
    ("action", "slots", "answer"),
    [
        (ValidateConsentForm(), {}, {"screening_consent": True}),
        (ValidatePrescreenForm(), {}, {"birth": "1980-03-15"}),
        (ValidateContactForm(), {"contact_consent": True}, {"contact_name": "Li Wei"}),
    ],
)
async def test_the_validations_need_no_domain(
    action: Any, slots: dict[str, Any], answer: dict[str, Any]
) -> None:
    tracker = make_tracker(slots, new_slots=answer, text=str(next(iter(answer.values()))),
                           requested_slot=next(iter(answer)))  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the SDK warns of slots it cannot find
        events, _ = await run(action, tracker, NO_DOMAIN)

    assert events[0] == (*answer.items(),)[0]
    assert events[-1][0] == "requested_slot"


def test_the_action_server_registers_every_validation_and_no_base_class() -> None:
    executor = ActionExecutor()
    executor.register_package("actions")

    validations = sorted(name for name in executor.actions if name.startswith("validate_"))
    assert validations == [
        "validate_consent_form",
        "validate_contact_form",
        "validate_prescreen_form",
    ]


@pytest.mark.parametrize(
    ("action", "slots"),
    [
        (ValidateConsentForm(), {}),
        (ValidateContactForm(), {"language": "zh", "contact_consent": True}),  # every detail
    ],
)
async def test_the_slots_named_are_the_domains(
    domain: dict[str, Any], action: Any, slots: dict[str, Any]
) -> None:
    """The domain's list is what Rasa checks the form's slots against."""
    form = action.name().removeprefix("validate_")
    named = await action.required_slots([], CollectingDispatcher(), make_tracker(slots), NO_DOMAIN)

    assert named == domain["forms"][form]["required_slots"]
