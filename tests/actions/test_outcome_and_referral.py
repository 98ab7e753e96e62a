from __future__ import annotations

from typing import Any

from dateutil.relativedelta import relativedelta
from rasa_sdk.executor import CollectingDispatcher

from actions.deletion import ActionDeleteMyData
from actions.outcome import announce_outcome
from actions.referral import save_referral
from bot.protocol.calendar import screening_date
from bot.protocol.canonical import answer_history
from bot.protocol.contradictions import Flag, FlagKind
from bot.protocol.eligibility import Outcome
from bot.reading.en.dates import WRITTEN as _EN_DATES
from bot.services import services_from_env
from harness.patients import CONTACT_SLOTS as CONTACT
from harness.patients import ELIGIBLE_SLOTS as ELIGIBLE
from tests.support.trackers import make_tracker

written_date = _EN_DATES.written


async def run(action: Any, slots: dict[str, Any], domain: dict[str, Any], sender: str = "p-1"):  # type: ignore[no-untyped-def]
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots, active_loop=None, sender_id=sender)
    events = await action.run(dispatcher, tracker, domain)
    return {e["name"]: e["value"] for e in events}, dispatcher.messages


class SaveReferral:
    """`save_referral` as `run` calls an action (the contact form's last
    validation calls it: tests/actions/test_contact_form.py)."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Any, domain: Any) -> Any:
        return save_referral(dispatcher, tracker)


def announce(slots: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = announce_outcome(dispatcher, make_tracker(slots, active_loop=None))
    return {e["name"]: e["value"] for e in events}, dispatcher.messages


async def test_an_exclusion_is_explained_kindly(domain: dict[str, Any]) -> None:
    slots, messages = announce({**ELIGIBLE, "car_t": "yes"})

    assert [m["response"] for m in messages] == [
        "utter_excluded_e1",
        "utter_excluded_closing",
    ]
    assert slots == {"screening_outcome": Outcome.NOT_ELIGIBLE.value, "rescreen_date": None}


async def test_a_deferral_gives_the_date_to_come_back(domain: dict[str, Any]) -> None:
    vaccinated = (screening_date() - relativedelta(days=3)).isoformat()
    answers = {**ELIGIBLE, "live_vaccine": "yes", "live_vaccine_date": vaccinated}
    slots, messages = announce(answers)

    back = written_date(screening_date() - relativedelta(days=3) + relativedelta(weeks=4))
    assert [m["response"] for m in messages] == [
        "utter_deferred_e6",
        "utter_deferred_rescreen",
        "utter_summary",  # what was understood, to check before contact
    ]
    assert messages[1]["rescreen_date"] == back
    assert slots == {"screening_outcome": "deferred", "rescreen_date": back}


async def test_a_pre_qualified_patient_is_told_so(domain: dict[str, Any]) -> None:
    slots, messages = announce(ELIGIBLE)

    assert [m["response"] for m in messages] == ["utter_pre_qualified", "utter_summary"]
    assert slots == {"screening_outcome": "pre_qualified", "rescreen_date": None}
    understood = messages[1]["summary"]
    assert "- CAR-T cell therapy before: no" in understood
    assert "- Diagnosed with: lupus (SLE)" in understood
    assert "- Usual day: no heavy work, but light work" in understood
    assert "- Date of birth: 15 March 1980" in understood


async def test_the_referral_is_saved_once_with_the_answers(
    domain: dict[str, Any], referral_db: str
) -> None:
    slots = {**ELIGIBLE, **CONTACT, "screening_outcome": "pre_qualified"}
    events, messages = await run(SaveReferral(), slots, domain, sender="p-9")
    await run(SaveReferral(), slots, domain, sender="p-9")

    assert [m["response"] for m in messages] == ["utter_referral_saved"]
    assert events == {"referral_saved": True}
    stored = services_from_env().referrals.list()
    assert len(stored) == 1
    assert stored[0].conversation_id == "p-9"
    assert stored[0].contact.phone == "+8613800138000"
    assert stored[0].contact.email is None
    assert stored[0].contact.wechat is None  # not asked in English
    e1 = next(c for c in stored[0].criteria if c.criterion_id == "E1")
    assert (e1.answers, e1.decision) == ({"car_t": "no"}, "met")
    assert stored[0].flags == ()


async def test_a_chinese_referral_carries_the_wechat_id(
    domain: dict[str, Any], referral_db: str
) -> None:
    slots = {**ELIGIBLE, **CONTACT, "screening_outcome": "pre_qualified", "language": "zh",
             "contact_wechat": "ZhangWei_1985"}  # fmt: skip
    await run(SaveReferral(), slots, domain, sender="p-zh")
    await run(SaveReferral(), {**slots, "contact_wechat": ""}, domain, sender="p-skip")

    stored = {r.conversation_id: r for r in services_from_env().referrals.list()}
    assert stored["p-zh"].language == "zh"
    assert stored["p-zh"].contact.wechat == "ZhangWei_1985"
    assert stored["p-zh"].contact.phone == "+8613800138000"
    assert stored["p-skip"].contact.wechat is None  # skipped


def slot(name: str, value: Any) -> dict[str, Any]:
    return {"event": "slot", "name": name, "value": value}


def user(text: str) -> dict[str, Any]:
    return {"event": "user", "text": text}


def test_the_answer_history_keeps_the_last_reading_of_each_turn() -> None:
    events = [
        user("yes"), slot("car_t", "yes"),
        user("probably yes"), slot("transplant", "probably yes"), slot("car_t", "yes"),
        slot("car_t", "unsure"),  # the validator's reading of a hedged yes, same turn
        user("born 1980"), slot("birth", "born 1980"), slot("birth", "1980-01-01/1980-12-31"),
        user("sorry, I meant no"), slot("car_t", "no"), slot("car_t", "no"),
    ]  # fmt: skip

    assert answer_history(events) == {
        "car_t": ["yes", "unsure", "no"],
        "birth": ["1980-01-01/1980-12-31"],
    }


async def test_a_changed_answer_is_flagged_on_the_referral(
    domain: dict[str, Any], referral_db: str
) -> None:
    slots = {**ELIGIBLE, **CONTACT, "screening_outcome": "pre_qualified"}
    events = [
        user("hi"), *(slot(name, value) for name, value in slots.items()),
        slot("other_trial", "yes"), user("sorry, I meant no"), slot("other_trial", "no"),
    ]  # fmt: skip
    tracker = make_tracker(slots, active_loop=None, sender_id="p-7")
    tracker.events = events

    await SaveReferral().run(CollectingDispatcher(), tracker, domain)

    stored = services_from_env().referrals.get("p-7")
    assert stored is not None
    assert stored.flags == (Flag(FlagKind.CHANGED, "other_trial", "yes -> no"),)


async def test_without_consent_nothing_is_saved(domain: dict[str, Any], referral_db: str) -> None:
    slots = {**ELIGIBLE, "contact_consent": False}
    _, messages = await run(SaveReferral(), slots, domain)

    assert [m["response"] for m in messages] == ["utter_no_contact_goodbye"]
    assert services_from_env().referrals.list() == []


def _database_down(monkeypatch: Any, tmp_path: Any, outbox_dir: str) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/missing/dir/referrals.db")
    monkeypatch.setenv("OUTBOX_DIR", outbox_dir)
    services_from_env.cache_clear()


async def test_with_the_database_down_the_referral_waits_in_the_outbox(
    domain: dict[str, Any], monkeypatch: Any, tmp_path: Any
) -> None:
    _database_down(monkeypatch, tmp_path, str(tmp_path / "outbox"))
    try:
        events, messages = await run(SaveReferral(), {**ELIGIBLE, **CONTACT}, domain)
        kept = [draft.conversation_id for _, draft in services_from_env().outbox.pending()]
    finally:
        services_from_env.cache_clear()

    assert [m["response"] for m in messages] == ["utter_referral_queued"]
    assert events == {"referral_saved": True}
    assert kept == ["p-1"]


async def test_a_referral_neither_stored_nor_kept_is_never_reported_as_done(
    domain: dict[str, Any], monkeypatch: Any, tmp_path: Any
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    _database_down(monkeypatch, tmp_path, str(blocker / "outbox"))  # cannot be created
    try:
        events, messages = await run(SaveReferral(), {**ELIGIBLE, **CONTACT}, domain)
    finally:
        services_from_env.cache_clear()

    assert [m["response"] for m in messages] == ["utter_referral_not_saved"]
    assert events == {"referral_saved": False}


async def test_delete_my_data_removes_the_referral_then_the_conversation(
    domain: dict[str, Any], referral_db: str, monkeypatch: Any, tmp_path: Any
) -> None:
    monkeypatch.setenv("OUTBOX_DIR", str(tmp_path / "outbox"))
    services_from_env.cache_clear()
    slots = {**ELIGIBLE, **CONTACT, "screening_outcome": "pre_qualified"}
    await run(SaveReferral(), slots, domain, sender="p-7")
    try:
        events, messages = await run(ActionDeleteMyData(), slots, domain, sender="p-7")
    finally:
        services_from_env.cache_clear()

    assert [m["response"] for m in messages] == ["utter_data_deleted"]
    assert events == {"data_deleted": True}  # the tracker store then forgets the chat
    assert services_from_env().referrals.get("p-7") is None


async def test_a_failed_delete_keeps_the_conversation_and_says_so(
    domain: dict[str, Any], monkeypatch: Any, tmp_path: Any
) -> None:
    _database_down(monkeypatch, tmp_path, str(tmp_path / "outbox"))
    try:
        events, messages = await run(ActionDeleteMyData(), ELIGIBLE, domain)
    finally:
        services_from_env.cache_clear()

    assert [m["response"] for m in messages] == ["utter_delete_failed"]
    assert events == {"pending_request": None, "paused_form": None}  # no yes pending
