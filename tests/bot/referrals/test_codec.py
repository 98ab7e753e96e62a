"""One codec for referrals: what goes in comes back, through plain data and JSON."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timezone

import pytest

from bot.protocol.contradictions import Flag, FlagKind
from bot.protocol.eligibility import Outcome
from bot.referrals.codec import from_json, from_plain, to_json, to_plain
from bot.referrals.contact import Contact, ContactTime
from bot.referrals.model import (
    CriterionRecord,
    Referral,
    ReferralDraft,
    Request,
    Status,
    StatusEvent,
)

DRAFT = ReferralDraft(
    conversation_id="c-1",
    outcome=Outcome.DEFERRED,
    rescreen_date=date(2026, 12, 16),
    contact=Contact("Anna", None, "anna@example.org", ContactTime.EVENING),
    criteria=(
        CriterionRecord("E6", {"live_vaccine": "yes"}, "deferred", "", date(2026, 12, 16)),
        CriterionRecord("I1", {"birth": "1980-03-15"}, "met", "", None),
    ),
    request=Request.CALLBACK,
    flags=(Flag(FlagKind.CHANGED, "car_t", "yes -> no"),),
    language="zh",
)
REFERRAL = Referral(
    id=7, conversation_id="c-1", created_at=datetime(2026, 11, 27, 8, tzinfo=timezone.utc),
    protocol_version="NCT06056921/2025-06-26", language="en", request=Request.SCREENING,
    outcome=Outcome.PRE_QUALIFIED, rescreen_date=None, status=Status.CONTACTED,
    contact=DRAFT.contact, criteria=DRAFT.criteria,
    history=(StatusEvent(datetime(2026, 11, 27, tzinfo=timezone.utc), "coordinator",
                         Status.NEW, Status.CONTACTED, "called"),),
)  # fmt: skip


@pytest.mark.parametrize("value", [DRAFT, REFERRAL], ids=["draft", "referral"])
def test_plain_data_and_json_give_back_what_went_in(value: ReferralDraft | Referral) -> None:
    assert from_plain(type(value), to_plain(value)) == value
    assert from_json(type(value), to_json(value)) == value


def test_plain_data_is_enum_values_lists_and_dicts() -> None:
    plain = to_plain(DRAFT)
    assert plain["outcome"] == "deferred"
    assert plain["contact"] == {
        "name": "Anna", "phone": None, "email": "anna@example.org", "preferred_time": "evening",
        "wechat": None,
    }  # fmt: skip
    assert plain["flags"] == [{"kind": "changed_answer", "slot": "car_t", "detail": "yes -> no"}]
    assert json.loads(to_json(DRAFT))["rescreen_date"] == "2026-12-16"


def test_fields_missing_from_older_data_take_their_defaults() -> None:
    older = to_plain(DRAFT)
    del older["flags"], older["language"]
    assert from_plain(ReferralDraft, older) == replace(DRAFT, flags=(), language="en")


def test_a_wechat_id_goes_through_and_older_drafts_have_none() -> None:
    with_wechat = replace(DRAFT, contact=replace(DRAFT.contact, wechat="ZhangWei_1985"))
    assert from_json(ReferralDraft, to_json(with_wechat)) == with_wechat
    older = to_plain(with_wechat)  # as an outbox file from before the field
    del older["contact"]["wechat"]
    assert from_plain(ReferralDraft, older).contact.wechat is None
