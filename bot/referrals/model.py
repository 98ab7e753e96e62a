"""What a referral is: the record study staff receive, and its status workflow.

A `ReferralDraft` is what the chat hands over; a `Referral` is what the store
keeps (the draft plus id, time, status and history). Neither knows how it is
stored (bot/referrals/store.py) or decides eligibility (bot/protocol/).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from bot.protocol.contradictions import Flag
from bot.protocol.criteria import PROTOCOL_VERSION
from bot.protocol.eligibility import Outcome, Screening
from bot.referrals.contact import Contact


class Status(str, Enum):
    NEW = "new"
    CONTACTED = "contacted"
    VISIT_SCHEDULED = "visit_scheduled"
    ENROLLED = "enrolled"
    NOT_ENROLLED = "not_enrolled"


NEXT_STATUSES: Mapping[Status, frozenset[Status]] = {
    Status.NEW: frozenset({Status.CONTACTED, Status.NOT_ENROLLED}),
    Status.CONTACTED: frozenset({Status.VISIT_SCHEDULED, Status.NOT_ENROLLED}),
    Status.VISIT_SCHEDULED: frozenset({Status.ENROLLED, Status.NOT_ENROLLED}),
    Status.ENROLLED: frozenset(),
    Status.NOT_ENROLLED: frozenset(),
}


class Request(str, Enum):
    """Why staff get this referral: a finished screening, or a patient who asked
    to speak to a person (their answers so far attached)."""

    SCREENING = "screening"
    CALLBACK = "callback"


REFERRABLE = {
    Request.SCREENING: (Outcome.PRE_QUALIFIED, Outcome.DEFERRED),
    Request.CALLBACK: (Outcome.PRE_QUALIFIED, Outcome.DEFERRED, Outcome.INCOMPLETE),
}


@dataclass(frozen=True)
class CriterionRecord:
    criterion_id: str
    answers: dict[str, str]  # canonical values by question slot
    decision: str
    note: str
    until: date | None
    words: dict[str, str] = field(default_factory=dict)
    """The patient's own words of each answer, by slot (stored encrypted)."""


@dataclass(frozen=True)
class StatusEvent:
    at: datetime
    actor: str
    from_status: Status | None
    to_status: Status
    note: str


@dataclass(frozen=True)
class Note:
    """A note staff wrote on a referral."""

    at: datetime
    author: str
    text: str


@dataclass(frozen=True)
class ReferralDraft:
    conversation_id: str
    outcome: Outcome
    rescreen_date: date | None
    contact: Contact
    criteria: tuple[CriterionRecord, ...]
    request: Request = Request.SCREENING
    flags: tuple[Flag, ...] = ()  # changed or contradicting answers, for staff
    protocol_version: str = PROTOCOL_VERSION
    language: str = "en"


@dataclass(frozen=True)
class Referral:
    id: int
    conversation_id: str
    created_at: datetime
    protocol_version: str
    language: str
    request: Request
    outcome: Outcome
    rescreen_date: date | None
    status: Status
    contact: Contact
    criteria: tuple[CriterionRecord, ...]
    history: tuple[StatusEvent, ...]
    flags: tuple[Flag, ...] = ()
    notes: tuple[Note, ...] = ()

    @property
    def to_verify(self) -> tuple[CriterionRecord, ...]:
        """What staff must still check before the patient can be enrolled."""
        return tuple(c for c in self.criteria if c.decision == "verify")


def draft_from_screening(
    conversation_id: str,
    screening: Screening,
    answers: Mapping[str, Any],
    contact: Contact,
    request: Request = Request.SCREENING,
    flags: tuple[Flag, ...] = (),
    language: str = "en",
    words: Mapping[str, str] | None = None,
) -> ReferralDraft:
    """A referral for a screening the engine found pre-qualified or deferred, or
    a callback request from a patient not (yet) excluded; raises ValueError for
    any other outcome.

    `answers` are the patient's answers by question slot, as given in the chat;
    `words` what the patient typed for each of them.
    """
    words = words or {}
    if screening.outcome not in REFERRABLE[request]:
        raise ValueError(f"no {request.value} referral for outcome {screening.outcome.value}")
    criteria = tuple(
        CriterionRecord(
            criterion_id=result.criterion.id,
            answers={
                slot: str(answers[slot])
                for slot in result.criterion.slots
                if answers.get(slot) is not None
            },
            decision=result.decision.value,
            note=result.finding.note,
            until=result.finding.until,
            words={slot: words[slot] for slot in result.criterion.slots if slot in words},
        )
        for result in screening.results
    )
    return ReferralDraft(
        conversation_id=conversation_id,
        outcome=screening.outcome,
        rescreen_date=screening.rescreen_date,
        contact=contact,
        criteria=criteria,
        request=request,
        flags=flags,
        language=language,
    )
