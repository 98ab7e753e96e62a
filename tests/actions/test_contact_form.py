from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.contact_form import ValidateContactForm
from bot.services import services_from_env
from harness.patients import CONTACT_SLOTS, ELIGIBLE_SLOTS
from tests.support.trackers import NO_DOMAIN, make_tracker

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
    events = await ValidateContactForm().run(dispatcher, tracker, NO_DOMAIN)
    return {e["name"]: e["value"] for e in events}, [m["response"] for m in dispatcher.messages]


async def test_no_consent_asks_for_no_details_and_says_goodbye(
    domain: dict[str, Any], referral_db: str
) -> None:
    slots, responses = await validate(domain, {}, {"contact_consent": False})

    assert slots == {"contact_consent": False, "requested_slot": None}
    assert responses == ["utter_no_contact_goodbye"]
    assert services_from_env().referrals.list() == []


async def test_the_last_detail_ends_the_form_and_saves_the_referral(
    domain: dict[str, Any], referral_db: str
) -> None:
    given = {**ELIGIBLE_SLOTS, **CONTACT_SLOTS, "screening_outcome": "pre_qualified"}
    last = given.pop("contact_time")
    slots, responses = await validate(domain, given, {"contact_time": last})

    assert slots == {"contact_time": last, "requested_slot": None, "referral_saved": True}
    assert responses == ["utter_referral_saved"]  # told only once the store has it
    [stored] = services_from_env().referrals.list()
    assert stored.contact.phone == CONTACT_SLOTS["contact_phone"]


async def test_consent_keeps_the_form_going(domain: dict[str, Any]) -> None:
    # With consent every detail is required but the WeChat ID (asked in Chinese
    # only): the list is not the domain's, so the SDK names the next slot itself.
    slots, _ = await validate(domain, {}, {"contact_consent": True})

    assert slots == {"contact_consent": True, "requested_slot": "contact_name"}


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
    earlier = {**CONSENTED, "contact_name": "Li", "contact_phone": "+8613800138000",
               "contact_email": "li@example.org"}  # fmt: skip
    earlier.pop(slot, None)
    slots, responses = await validate(domain, earlier, {slot: reply})

    assert responses == [hint]
    assert slots == {slot: None, "requested_slot": slot}  # the same question again


async def test_email_cannot_be_skipped_without_a_phone(domain: dict[str, Any]) -> None:
    earlier = {**CONSENTED, "contact_name": "Li", "contact_phone": ""}
    slots, responses = await validate(domain, earlier, {"contact_email": "skip"})

    assert responses == ["utter_invalid_no_phone_or_email"]
    assert slots["contact_email"] is None


# --- the WeChat ID, asked in Chinese conversations only ---------------------

ZH = {"language": "zh"}
DETAILS_GIVEN = {"contact_name": "李伟", "contact_phone": "+8613800138000"}


async def required(slots: dict[str, Any], domain: dict[str, Any]) -> list[str]:
    tracker = make_tracker(slots, active_loop="contact_form")
    return await ValidateContactForm().required_slots([], CollectingDispatcher(), tracker, domain)


@pytest.mark.parametrize(
    ("language", "asked"),
    [
        ("zh", ["contact_name", "contact_phone", "contact_wechat", "contact_email",
                "contact_time"]),
        ("en", ["contact_name", "contact_phone", "contact_email", "contact_time"]),
        (None, ["contact_name", "contact_phone", "contact_email", "contact_time"]),
    ],
)  # fmt: skip
async def test_the_wechat_id_is_asked_after_the_phone_in_chinese_only(
    domain: dict[str, Any], language: str | None, asked: list[str]
) -> None:
    assert await required({**CONSENTED, "language": language}, domain) == [
        "contact_consent",
        *asked,
    ]
    assert await required({"language": language}, domain) == ["contact_consent"]


@pytest.mark.parametrize(
    ("language", "next_slot"), [("en", "contact_email"), (None, "contact_email")]
)
async def test_english_conversations_go_from_the_phone_to_the_email(
    domain: dict[str, Any], language: str | None, next_slot: str
) -> None:
    earlier = {"language": language, **CONSENTED, "contact_name": "Li"}
    slots, _ = await validate(domain, earlier, {"contact_phone": "skip"})
    assert slots == {"contact_phone": "", "requested_slot": next_slot}


async def test_in_chinese_the_wechat_id_follows_the_phone(domain: dict[str, Any]) -> None:
    # the domain's own list, which the SDK would leave to Rasa: named here
    # too, so that the run that ends the form knows it (actions/form_validation.py)
    assert domain["forms"]["contact_form"]["required_slots"][2:5] == [
        "contact_phone",
        "contact_wechat",
        "contact_email",
    ]
    earlier = {**ZH, **CONSENTED, "contact_name": "李伟"}
    slots, responses = await validate(domain, earlier, {"contact_phone": "13800138000"})

    assert responses == []
    assert slots == {"contact_phone": "13800138000", "requested_slot": "contact_wechat"}


@pytest.mark.parametrize(
    ("reply", "stored"),
    [
        ("微信号: ZhangWei_1985", "ZhangWei_1985"),
        ("zw-123456", "zw-123456"),
        ("139 1111 2222", "13911112222"),  # the mobile number the account is found by
        ("微信同号", "+8613800138000"),  # the phone number itself
        ("和手机号一样", "+8613800138000"),
        ("same", "+8613800138000"),
        ("跳过", ""),
        ("我没有微信", ""),
        ("skip", ""),
    ],
)
async def test_a_wechat_id_is_stored_cleaned_or_skipped(
    domain: dict[str, Any], reply: str, stored: str
) -> None:
    earlier = {**ZH, **CONSENTED, **DETAILS_GIVEN}
    slots, responses = await validate(domain, earlier, {"contact_wechat": reply})

    assert responses == []
    assert slots == {"contact_wechat": stored, "requested_slot": "contact_email"}


@pytest.mark.parametrize("reply", ["张伟", "ab1", "1abcdef", "微信号是138"])
async def test_what_cannot_be_a_wechat_id_is_asked_again(
    domain: dict[str, Any], reply: str
) -> None:
    earlier = {**ZH, **CONSENTED, **DETAILS_GIVEN}
    slots, responses = await validate(domain, earlier, {"contact_wechat": reply})

    assert responses == ["utter_invalid_wechat_id"]
    assert slots == {"contact_wechat": None, "requested_slot": "contact_wechat"}


async def test_same_as_the_phone_needs_a_phone(domain: dict[str, Any]) -> None:
    earlier = {**ZH, **CONSENTED, "contact_name": "李伟", "contact_phone": ""}
    slots, responses = await validate(domain, earlier, {"contact_wechat": "微信同号"})

    assert responses == ["utter_invalid_wechat_no_phone"]
    assert slots == {"contact_wechat": None, "requested_slot": "contact_wechat"}


async def test_a_wechat_id_does_not_replace_the_phone_or_email(domain: dict[str, Any]) -> None:
    earlier = {**ZH, **CONSENTED, "contact_name": "李伟", "contact_phone": "",
               "contact_wechat": "ZhangWei_1985"}  # fmt: skip
    slots, responses = await validate(domain, earlier, {"contact_email": "skip"})

    assert responses == ["utter_invalid_no_phone_or_email"]
    assert slots["contact_email"] is None
