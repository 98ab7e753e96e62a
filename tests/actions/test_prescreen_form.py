from __future__ import annotations

from typing import Any

import pytest
from dateutil.relativedelta import relativedelta
from rasa_sdk.executor import CollectingDispatcher

from actions.prescreen_form import ValidatePrescreenForm
from bot.protocol.calendar import screening_date
from bot.protocol.criteria import QUESTIONS_BY_SLOT
from harness.patients import ELIGIBLE_SLOTS
from tests.support.trackers import NO_DOMAIN, make_tracker

ADULT = {"birth": "1980-03-15"}
FIRST_FIVE = {**ADULT, "car_t": "no", "transplant": "none", "diagnosis": "sle"}
BOOKKEEPING = {"unread_replies", "answer_words"}  # checked in tests/actions/test_reading.py


async def validate(
    domain: dict[str, Any], slots: dict[str, Any], new: dict[str, Any], requested: str
) -> tuple[dict[str, Any], list[str]]:
    """Run the form's validation; return the slots it set and the responses sent."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        slots, new_slots=new, text=str(next(iter(new.values()))), requested_slot=requested
    )
    events = await ValidatePrescreenForm().run(dispatcher, tracker, NO_DOMAIN)
    slots = {e["name"]: e["value"] for e in events if e["name"] not in BOOKKEEPING}
    return slots, [m["response"] for m in dispatcher.messages]


@pytest.mark.parametrize(
    ("reply", "stored"),
    [
        ("I'm 45", None),  # an age: a span of birth dates, checked below
        ("born 3 March 1985", "1985-03-03"),
        ("15/03/1980", "1980-03-15"),
        ("1985", "1985-01-01/1985-12-31"),
    ],
)
async def test_birth_is_stored_as_a_date_span_and_car_t_is_asked_next(
    domain: dict[str, Any], reply: str, stored: str | None
) -> None:
    slots, responses = await validate(domain, {}, {"birth": reply}, "birth")

    assert responses == []
    assert slots["requested_slot"] == "car_t"
    if stored:
        assert slots["birth"] == stored
    else:
        latest = (screening_date() - relativedelta(years=45)).isoformat()
        assert slots["birth"].endswith("/" + latest)


@pytest.mark.parametrize(
    ("reply", "hint"),
    [
        ("30 February 1990", "utter_invalid_date_impossible"),
        ("3 March 2999", "utter_invalid_date_future"),
        ("I'm 150", "utter_invalid_date_too_old"),
        ("March 15", "utter_invalid_date_no_year"),
        ("the sky is blue", "utter_invalid_date_unreadable"),
        ("unsure", "utter_invalid_birth_unsure"),
    ],
)
async def test_an_impossible_birth_date_is_asked_again_with_a_hint(
    domain: dict[str, Any], reply: str, hint: str
) -> None:
    slots, responses = await validate(domain, {}, {"birth": reply}, "birth")

    assert responses == [hint]
    assert slots == {"birth": None, "requested_slot": "birth"}


async def test_a_hard_exclusion_is_confirmed_before_it_counts(domain: dict[str, Any]) -> None:
    slots, _ = await validate(domain, ADULT, {"car_t": "yes"}, "car_t")

    assert slots == {"car_t": "yes", "requested_slot": "confirmed_exclusion"}


async def test_a_confirmed_exclusion_ends_the_form(domain: dict[str, Any]) -> None:
    answered = {**ADULT, "car_t": "yes"}
    slots, responses = await validate(domain, answered, {"confirmed_exclusion": "yes"},
                                      "confirmed_exclusion")  # fmt: skip

    assert slots == {
        "confirmed_exclusion": "car_t=yes",
        "requested_slot": None,
        "screening_outcome": "not_eligible",  # told in the same run: no second action
        "rescreen_date": None,
    }
    assert responses == ["utter_excluded_e1", "utter_excluded_closing"]


async def test_the_last_answer_ends_the_form_with_the_outcome(domain: dict[str, Any]) -> None:
    answered = {slot: value for slot, value in ELIGIBLE_SLOTS.items() if slot in QUESTIONS_BY_SLOT}
    last = answered.pop("serious_illness")
    slots, responses = await validate(domain, answered, {"serious_illness": last},
                                      "serious_illness")  # fmt: skip

    assert slots == {
        "serious_illness": last,
        "requested_slot": None,
        "screening_outcome": "pre_qualified",
        "rescreen_date": None,
    }
    assert responses == ["utter_pre_qualified", "utter_summary"]


async def test_an_exclusion_not_confirmed_asks_the_question_again(
    domain: dict[str, Any],
) -> None:
    answered = {**ADULT, "car_t": "yes"}
    slots, responses = await validate(domain, answered, {"confirmed_exclusion": "no"},
                                      "confirmed_exclusion")  # fmt: skip

    assert responses == ["utter_exclusion_not_confirmed"]
    assert slots == {"confirmed_exclusion": None, "car_t": None, "requested_slot": "car_t"}


async def test_an_unreadable_confirmation_is_asked_again(domain: dict[str, Any]) -> None:
    answered = {**ADULT, "car_t": "yes"}
    slots, responses = await validate(domain, answered, {"confirmed_exclusion": "🙂"},
                                      "confirmed_exclusion")  # fmt: skip

    assert responses == ["utter_invalid_yes_no"]
    assert slots == {"confirmed_exclusion": None, "requested_slot": "confirmed_exclusion"}


async def test_under_18_is_confirmed_then_ends_the_form(domain: dict[str, Any]) -> None:
    seventeen = (screening_date() - relativedelta(years=17)).isoformat()
    slots, _ = await validate(domain, {}, {"birth": seventeen}, "birth")

    assert slots == {"birth": seventeen, "requested_slot": "confirmed_exclusion"}


@pytest.mark.parametrize(
    ("reply", "diagnosis", "next_question"),
    [
        ("I have lupus", "sle", "hiv_or_syphilis"),
        ("dermatomyositis", "dermatomyositis", "dm_antibody"),
        ("scleroderma", "systemic_sclerosis", "ssc_lung"),
        ("unsure", "unsure", "hiv_or_syphilis"),
    ],
)
async def test_diagnosis_from_free_text_decides_the_follow_up_questions(
    domain: dict[str, Any], reply: str, diagnosis: str, next_question: str
) -> None:
    answered = {**ADULT, "car_t": "no", "transplant": "none"}
    slots, _ = await validate(domain, answered, {"diagnosis": reply}, "diagnosis")

    assert slots == {"diagnosis": diagnosis, "requested_slot": next_question}


async def test_an_unknown_diagnosis_is_asked_again(domain: dict[str, Any]) -> None:
    answered = {**ADULT, "car_t": "no", "transplant": "none"}
    slots, responses = await validate(domain, answered, {"diagnosis": "my knee"}, "diagnosis")

    assert responses == ["utter_invalid_choice"]
    assert slots == {"diagnosis": None, "requested_slot": "diagnosis"}


async def test_no_pregnancy_questions_for_someone_who_cannot_become_pregnant(
    domain: dict[str, Any],
) -> None:
    answered = {**FIRST_FIVE, "hiv_or_syphilis": "no"}
    slots, _ = await validate(
        domain, answered, {"can_become_pregnant": "no"}, "can_become_pregnant"
    )

    assert slots["requested_slot"] == "ecog"


@pytest.mark.parametrize(
    ("reply", "stored"),
    [("still taking them", "ongoing"), ("unsure", "unsure"), ("yesterday", None)],
)
async def test_infection_treatment_end_reads_ongoing_unsure_and_dates(
    domain: dict[str, Any], reply: str, stored: str | None
) -> None:
    answered = {
        **FIRST_FIVE,
        "hiv_or_syphilis": "no",
        "can_become_pregnant": "no",
        "ecog": "0",
        "cancer": "none",
        "infection": "yes",
    }
    slots, _ = await validate(
        domain, answered, {"infection_treatment_end": reply}, "infection_treatment_end"
    )

    expected = stored or (screening_date() - relativedelta(days=1)).isoformat()
    assert slots == {"infection_treatment_end": expected, "requested_slot": "live_vaccine"}


async def test_an_answer_to_a_question_that_does_not_apply_is_not_validated(
    domain: dict[str, Any],
) -> None:
    # 'pregnant' never applies after "cannot become pregnant": nothing is set for it.
    answered = {**FIRST_FIVE, "hiv_or_syphilis": "no", "can_become_pregnant": "no"}
    slots, _ = await validate(domain, answered, {"pregnant": "yes"}, "ecog")

    assert "pregnant" not in slots
    assert slots["requested_slot"] == "ecog"


@pytest.mark.parametrize("said", ["i'm not positive", "probably", "I think so"])
async def test_a_hedged_yes_or_no_is_stored_as_unsure(domain: dict[str, Any], said: str) -> None:
    dispatcher = CollectingDispatcher()
    # The slot holds the words (from_text); the classifier heard a no.
    tracker = make_tracker(ADULT, new_slots={"car_t": said}, text=said, intent="deny",
                           requested_slot="car_t")  # fmt: skip
    events = await ValidatePrescreenForm().run(dispatcher, tracker, NO_DOMAIN)

    assert {e["name"]: e["value"] for e in events}["car_t"] == "unsure"


async def test_a_restarted_form_accepts_the_answers_it_stored(domain: dict[str, Any]) -> None:
    # Reopening the form (after a correction) makes Rasa validate every stored answer again.
    stored = {
        "birth": "1980-11-26/1981-11-25", "car_t": "no", "transplant": "none",
        "diagnosis": "sle", "infection": "yes", "infection_treatment_end": "ongoing",
    }  # fmt: skip
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        {}, new_slots=stored, text="maybe", intent="correct",
        requested_slot="car_t", latest_action="action_correct_answer",
    )  # fmt: skip
    events = await ValidatePrescreenForm().run(dispatcher, tracker, NO_DOMAIN)

    assert dispatcher.messages == []
    slots = {e["name"]: e["value"] for e in events}
    assert {k: slots[k] for k in stored} == stored


async def test_an_answer_left_unread_by_a_failed_turn_is_read_later(
    domain: dict[str, Any],
) -> None:
    # "45" reached the slot, but the action server was down: nobody read it.
    dispatcher = CollectingDispatcher()
    tracker = make_tracker({"birth": "45"}, new_slots={}, text="why do you ask?",
                           intent="ask_why", requested_slot="birth")  # fmt: skip
    events = await ValidatePrescreenForm().run(dispatcher, tracker, NO_DOMAIN)

    slots = {e["name"]: e["value"] for e in events}
    latest = (screening_date() - relativedelta(years=45)).isoformat()
    assert slots["birth"].endswith("/" + latest)
    assert slots["requested_slot"] == "car_t"
