from __future__ import annotations

from typing import Any

from dateutil.relativedelta import relativedelta
from rasa_sdk.executor import CollectingDispatcher

from actions.outcome import ActionScreeningOutcome
from actions.referral import ActionSaveReferral
from actions.store import referral_store
from bot.dates import screening_date
from bot.eligibility import Outcome
from tests.actions.conftest import make_tracker

ELIGIBLE = {
    "birth": "1980-03-15", "car_t": "no", "transplant": "none", "diagnosis": "sle",
    "hiv_or_syphilis": "no", "can_become_pregnant": "no", "ecog": "1", "cancer": "none",
    "infection": "no", "live_vaccine": "no", "other_trial": "no", "disease_active": "yes",
    "hepatitis_or_cmv": "no", "serious_illness": "no",
}  # fmt: skip
CONTACT = {
    "contact_consent": True, "contact_name": "Li Wei", "contact_phone": "+8613800138000",
    "contact_email": "", "contact_time": "morning",
}  # fmt: skip


async def run(action: Any, slots: dict[str, Any], domain: dict[str, Any], sender: str = "p-1"):  # type: ignore[no-untyped-def]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots, active_loop=None, sender_id=sender)
    events = await action.run(dispatcher, tracker, domain)
    return {e["name"]: e["value"] for e in events}, dispatcher.messages


async def test_an_exclusion_is_explained_kindly(domain: dict[str, Any]) -> None:
    slots, messages = await run(ActionScreeningOutcome(), {**ELIGIBLE, "car_t": "yes"}, domain)

    assert [m["response"] for m in messages] == [
        "utter_excluded_e1",
        "utter_excluded_closing",
    ]
    assert slots == {"screening_outcome": Outcome.NOT_ELIGIBLE.value}


async def test_a_deferral_gives_the_date_to_come_back(domain: dict[str, Any]) -> None:
    vaccinated = (screening_date() - relativedelta(days=3)).isoformat()
    answers = {**ELIGIBLE, "live_vaccine": "yes", "live_vaccine_date": vaccinated}
    slots, messages = await run(ActionScreeningOutcome(), answers, domain)

    back = (screening_date() - relativedelta(days=3) + relativedelta(weeks=4)).isoformat()
    assert [m["response"] for m in messages] == [
        "utter_deferred_e6",
        "utter_deferred_rescreen",
    ]
    assert messages[1]["rescreen_date"] == back
    assert slots == {"screening_outcome": "deferred", "rescreen_date": back}


async def test_a_pre_qualified_patient_is_told_so(domain: dict[str, Any]) -> None:
    slots, messages = await run(ActionScreeningOutcome(), ELIGIBLE, domain)

    assert [m["response"] for m in messages] == ["utter_pre_qualified"]
    assert slots == {"screening_outcome": "pre_qualified"}


async def test_the_referral_is_saved_once_with_the_answers(
    domain: dict[str, Any], referral_db: str
) -> None:
    slots = {**ELIGIBLE, **CONTACT, "screening_outcome": "pre_qualified"}
    events, messages = await run(ActionSaveReferral(), slots, domain, sender="p-9")
    await run(ActionSaveReferral(), slots, domain, sender="p-9")

    assert [m["response"] for m in messages] == ["utter_referral_saved"]
    assert events == {"referral_saved": True}
    stored = referral_store().list()
    assert len(stored) == 1
    assert stored[0].conversation_id == "p-9"
    assert stored[0].contact.phone == "+8613800138000"
    assert stored[0].contact.email is None
    e1 = next(c for c in stored[0].criteria if c.criterion_id == "E1")
    assert (e1.answers, e1.decision) == ({"car_t": "no"}, "met")


async def test_without_consent_nothing_is_saved(domain: dict[str, Any], referral_db: str) -> None:
    slots = {**ELIGIBLE, "contact_consent": False}
    _, messages = await run(ActionSaveReferral(), slots, domain)

    assert [m["response"] for m in messages] == ["utter_no_contact_goodbye"]
    assert referral_store().list() == []


async def test_a_failed_save_is_never_reported_as_done(
    domain: dict[str, Any], monkeypatch: Any, tmp_path: Any
) -> None:
    # A database that cannot be opened: a directory that does not exist.
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/missing/dir/referrals.db")
    referral_store.cache_clear()
    try:
        events, messages = await run(ActionSaveReferral(), {**ELIGIBLE, **CONTACT}, domain)
    finally:
        referral_store.cache_clear()

    assert [m["response"] for m in messages] == ["utter_referral_not_saved"]
    assert events == {"referral_saved": False}
