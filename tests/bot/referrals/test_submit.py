"""Submitting a referral: stored, else kept in the outbox, never lost silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.protocol.contradictions import Flag, FlagKind
from bot.referrals.model import Request
from bot.referrals.submit import Submitted, referral_draft, submit
from harness.patients import ELIGIBLE_SLOTS
from tests.bot.referrals.test_store import CONTACT, TODAY
from tests.bot.test_services import services_in


def draft(language: str = "en", **slots: str):  # type: ignore[no-untyped-def]
    history = {"car_t": ["yes", "no"]}
    return referral_draft(
        "c-1", {**ELIGIBLE_SLOTS, **slots}, history, CONTACT, Request.SCREENING, TODAY, language
    )


def test_the_draft_carries_the_outcome_flags_and_language() -> None:
    referral = draft("zh")
    assert referral.outcome.value == "pre_qualified"
    assert referral.flags == (Flag(FlagKind.CHANGED, "car_t", "yes -> no"),)
    assert referral.language == "zh"


def test_an_excluded_patient_is_never_referred() -> None:
    with pytest.raises(ValueError):
        draft(car_t="yes")


def test_a_referral_is_stored_with_its_language(tmp_path: Path) -> None:
    services = services_in(tmp_path)
    assert submit(draft("zh"), services) is Submitted.STORED
    stored = services.referrals.get("c-1")
    assert stored is not None and stored.language == "zh"


def test_with_the_database_unreachable_it_waits_in_the_outbox(tmp_path: Path) -> None:
    services = services_in(tmp_path / "missing")  # no folder for the database file;
    # the outbox makes its own folder

    assert submit(draft(), services) is Submitted.QUEUED
    assert [d.conversation_id for _, d in services.outbox.pending()] == ["c-1"]


def test_neither_stored_nor_kept_raises(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    services = services_in(blocker)  # neither database nor outbox can be created

    with pytest.raises(OSError):
        submit(draft(), services)


def test_a_screening_started_over_after_an_exclusion_is_flagged() -> None:
    referral = referral_draft(
        "c-2", ELIGIBLE_SLOTS, {}, CONTACT, Request.SCREENING, TODAY, "en",
        words={"car_t": "nope"}, earlier_exclusions=["E1", "E1", "E4"],
    )  # fmt: skip
    assert Flag(FlagKind.RESTARTED, "", "E1, E4") in referral.flags
    e1 = next(c for c in referral.criteria if c.criterion_id == "E1")
    assert e1.words == {"car_t": "nope"}
