from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.callback import ActionRequestCallback
from actions.corrections import ActionCorrectAnswer
from actions.fallback import ActionFallback
from actions.prescreen_form import ValidatePrescreenForm
from tests.support.trackers import NO_DOMAIN, make_tracker

ANSWERED = {"birth": "1980-03-15", "car_t": "no", "transplant": "none", "diagnosis": "sle"}


async def correct(domain: dict[str, Any], text: str) -> tuple[dict[str, Any], list[str]]:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(ANSWERED, text=text, intent="correct",
                           requested_slot="hiv_or_syphilis")  # fmt: skip
    events = await ActionCorrectAnswer().run(dispatcher, tracker, domain)
    return {e["name"]: e["value"] for e in events}, [m["response"] for m in dispatcher.messages]


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("sorry, I meant lupus", {"diagnosis": "sorry, I meant lupus"}),  # the form reads it
        ("actually I was born in 1990", {"birth": "actually I was born in 1990"}),
        ("wait, I did have CAR-T", {"car_t": "yes"}),
        ("I pressed the wrong one", {"diagnosis": "I pressed the wrong one"}),
    ],
)
async def test_a_correction_sets_the_earlier_answer_for_the_form_to_read(
    domain: dict[str, Any], text: str, slots: dict[str, Any]
) -> None:
    events, responses = await correct(domain, text)

    assert events == slots
    assert responses == ["utter_correction_noted"]


@pytest.mark.parametrize(
    "text", ["no HIV, but I did have syphilis in 2015", "they tested me and nobody said anything"]
)
async def test_an_answer_taken_for_a_correction_answers_the_question_asked(
    domain: dict[str, Any], text: str
) -> None:
    events, responses = await correct(domain, text)

    assert events == {"hiv_or_syphilis": text}  # no correction cue: the form reads it
    assert responses == []


async def test_an_unreadable_yes_no_correction_clears_the_answer(domain: dict[str, Any]) -> None:
    events, _ = await correct(domain, "oops, wrong button on the car-t one")

    assert events == {"car_t": None}


async def test_the_form_then_reads_the_corrected_answer_and_re_evaluates(
    domain: dict[str, Any],
) -> None:
    # CAR-T corrected to yes: the form validates it; E1 excludes, so it is
    # read back for confirmation before the screening ends.
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(ANSWERED, new_slots={"car_t": "yes"}, intent="correct",
                           requested_slot="hiv_or_syphilis")  # fmt: skip
    events = await ValidatePrescreenForm().run(dispatcher, tracker, NO_DOMAIN)

    slots = {e["name"]: e["value"] for e in events}
    assert slots == {"car_t": "yes", "requested_slot": "confirmed_exclusion"}


async def test_a_cleared_answer_is_asked_again_without_a_hint(domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(ANSWERED, new_slots={"car_t": None}, intent="correct",
                           requested_slot="hiv_or_syphilis")  # fmt: skip
    events = await ValidatePrescreenForm().run(dispatcher, tracker, NO_DOMAIN)

    assert dispatcher.messages == []
    assert {e["name"]: e["value"] for e in events} == {"car_t": None, "requested_slot": "car_t"}


async def test_the_fallback_asks_the_current_question_again(domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(ANSWERED, requested_slot="hiv_or_syphilis")
    events = await ActionFallback().run(dispatcher, tracker, domain)

    assert [m["response"] for m in dispatcher.messages] == [
        "utter_default",
        "utter_ask_hiv_or_syphilis",
    ]
    assert [e["event"] for e in events] == ["rewind", "slot"]  # the language is kept


async def test_the_fallback_outside_a_form_only_says_so(domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    await ActionFallback().run(dispatcher, make_tracker(active_loop=None), domain)

    assert [m["response"] for m in dispatcher.messages] == ["utter_default"]


async def test_a_callback_request_asks_consent_afresh(domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker({**ANSWERED, "contact_consent": False}, active_loop=None)
    events = await ActionRequestCallback().run(dispatcher, tracker, domain)

    assert {e["name"]: e["value"] for e in events} == {
        "callback_requested": True,
        "contact_consent": None,
    }
