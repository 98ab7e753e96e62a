"""Submitting a referral: the one way a screening reaches the study team.

The engine's outcome, the flags for staff and the draft are all made here from
the canonical answers, so every caller (the chat, a callback request) refers
the same way: into the store, else into the outbox (stored once the database
is back). Storing a referral also stores its pending e-mail to the
coordinators, in the same transaction (bot/referrals/store.py); bot/notify/
sends it, at least once, from another process.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError

from bot.protocol.canonical import answers_from_slots, question_slots
from bot.protocol.contradictions import contradictions, restarted_after
from bot.protocol.eligibility import evaluate
from bot.referrals.contact import Contact
from bot.referrals.model import ReferralDraft, Request, draft_from_screening

if TYPE_CHECKING:
    from bot.services import Services

logger = logging.getLogger(__name__)


class Submitted(str, Enum):
    STORED = "stored"  # in the referral store: staff see it now
    QUEUED = "queued"  # in the outbox: staff see it once the database is back


def referral_draft(
    conversation_id: str,
    slots: Mapping[str, Any],
    history: Mapping[str, Sequence[str]],
    contact: Contact,
    request: Request,
    today: date,
    language: str,
    words: Mapping[str, str] | None = None,
    earlier_exclusions: Sequence[str] = (),
) -> ReferralDraft:
    """The referral for a conversation: `slots` hold the canonical answers by
    question slot, `history` each slot's answers in the order given, `today`
    is the screening date, `words` the patient's own words by slot, and
    `earlier_exclusions` the criteria that excluded a screening this
    conversation started over from. Raises ValueError when the outcome is not
    one that `request` may refer."""
    answers = answers_from_slots(slots)
    flags = restarted_after(earlier_exclusions) + contradictions(answers, history, today)
    return draft_from_screening(
        conversation_id,
        evaluate(answers, today),
        question_slots(slots),
        contact,
        request,
        flags,
        language,
        words,
    )


def submit(draft: ReferralDraft, services: Services) -> Submitted:
    """Store the referral, or keep it in the outbox while the database is
    unreachable (also when it was unreachable since the process started).
    Idempotent per conversation. Raises OSError only when it could be neither
    stored nor kept."""
    try:
        services.referrals.add(draft)  # no read-back: the patient waits for this
        return Submitted.STORED
    except SQLAlchemyError as error:
        # Only the error class: the message may quote the patient's data.
        logger.error("referral store unavailable: %s", type(error).__name__)
    services.outbox.put(draft)
    return Submitted.QUEUED
