"""What the form validators do with a reading: store it with the patient's
words, or ask again (a person offered on the third failure in a row); and
only a plain yes is consent."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.consent_form import ValidateConsentForm
from actions.fallback import ActionFallback
from actions.prescreen_form import ValidatePrescreenForm
from actions.side_questions import ActionAnswerQuestion
from tests.support.trackers import NO_DOMAIN, make_tracker

ADULT = {"birth": "1980-03-15"}


async def answer(
    domain: dict[str, Any], text: str, intent: str = "inform", unread: float = 0.0
) -> tuple[dict[str, Any], list[str]]:
    """The patient types `text` at the CAR-T question."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        {**ADULT, "unread_replies": unread}, new_slots={"car_t": text}, text=text,
        intent=intent, requested_slot="car_t",
    )  # fmt: skip
    events = await ValidatePrescreenForm().run(dispatcher, tracker, NO_DOMAIN)
    return {e["name"]: e["value"] for e in events}, [m["response"] for m in dispatcher.messages]


async def test_a_read_answer_is_stored_with_the_patients_words(domain: dict[str, Any]) -> None:
    slots, responses = await answer(domain, "never had it", intent="deny")

    assert responses == []
    assert slots["car_t"] == "no"
    assert slots["answer_words"] == {"car_t": "never had it"}


@pytest.mark.parametrize(
    ("text", "intent", "hint"),
    [
        ("", "affirm", "utter_invalid_yes_no"),
        ("🙂", "affirm", "utter_invalid_yes_no"),
        ("?", "affirm", "utter_invalid_yes_no"),
        ("没有", "affirm", "utter_language_not_understood"),  # never read as English
        ("нет", "affirm", "utter_language_not_understood"),
        ("I have lupus", "affirm", "utter_invalid_yes_no"),
        ("no", "affirm", "utter_invalid_yes_no"),  # the classifier heard a yes: ask
    ],
)
async def test_what_is_not_read_is_asked_again(
    domain: dict[str, Any], text: str, intent: str, hint: str
) -> None:
    slots, responses = await answer(domain, text, intent=intent)

    assert responses == [hint]
    assert slots["car_t"] is None
    assert slots["unread_replies"] == 1.0
    assert "answer_words" not in slots


async def test_the_third_failure_in_a_row_offers_a_person(domain: dict[str, Any]) -> None:
    _, responses = await answer(domain, "🙂", unread=2.0)

    assert responses == ["utter_invalid_yes_no", "utter_offer_person"]


async def test_a_read_answer_resets_the_count(domain: dict[str, Any]) -> None:
    slots, _ = await answer(domain, "no", intent="deny", unread=2.0)

    assert slots["unread_replies"] == 0.0


async def test_two_facts_let_the_excluding_one_win(domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    text = "no HIV, but I did have syphilis in 2015"
    answered = {**ADULT, "car_t": "no", "transplant": "none", "diagnosis": "sle"}
    tracker = make_tracker(answered, new_slots={"hiv_or_syphilis": text}, text=text,
                           requested_slot="hiv_or_syphilis")  # fmt: skip
    events = await ValidatePrescreenForm().run(dispatcher, tracker, NO_DOMAIN)

    assert {e["name"]: e["value"] for e in events}["hiv_or_syphilis"] == "yes"


@pytest.mark.parametrize(
    ("text", "consent"),
    [("yes", True), ("ok go ahead", True), ("no thanks", False), ("", None), ("?", None),
     ("👍", True), ("maybe", None), ("可以", None)],
)  # fmt: skip
async def test_only_a_plain_yes_is_consent(
    domain: dict[str, Any], text: str, consent: bool | None
) -> None:
    dispatcher = CollectingDispatcher()
    heard_as = "deny" if consent is False else "affirm"  # the classifier's opinion
    tracker = make_tracker(
        {}, new_slots={"screening_consent": consent is not False}, text=text, intent=heard_as,
        active_loop="consent_form", requested_slot="screening_consent",
    )  # fmt: skip
    events = await ValidateConsentForm().run(dispatcher, tracker, NO_DOMAIN)

    assert {e["name"]: e["value"] for e in events}["screening_consent"] is consent


async def test_an_answer_mistaken_for_a_greeting_is_taken_as_the_answer(
    domain: dict[str, Any],
) -> None:
    text = "I'm in a belimumab study right now"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(ADULT, text=text, intent="greet", requested_slot="other_trial")
    events = await ActionAnswerQuestion().run(dispatcher, tracker, domain)

    assert dispatcher.messages == []
    assert events == [{"event": "slot", "timestamp": None, "name": "other_trial", "value": text}]


async def test_a_real_greeting_is_welcomed(domain: dict[str, Any]) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(ADULT, text="hi again", intent="greet", requested_slot="car_t")
    events = await ActionAnswerQuestion().run(dispatcher, tracker, domain)

    assert events == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_welcome_back"]


async def test_a_chinese_message_not_understood_keeps_the_chinese_language(
    domain: dict[str, Any],
) -> None:
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        {"language": "zh"}, text="嗯嗯嗯", intent="nlu_fallback", active_loop=None
    )
    events = await ActionFallback().run(dispatcher, tracker, domain)

    assert dispatcher.messages[0]["response"] == "utter_default"  # its zh variation
    assert events == [UserUtteranceReverted(), SlotSet("language", "zh")]
