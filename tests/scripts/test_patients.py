"""The shared simulated patient is the same patient in words and as stored."""

from __future__ import annotations

import pytest

from bot.protocol.calendar import screening_date
from bot.protocol.criteria import QUESTIONS_BY_SLOT, QuestionKind
from bot.protocol.eligibility import Outcome, evaluate
from bot.reading.en.reader import read_reply
from bot.reading.languages import reader_for
from scripts.patients import ELIGIBLE, ELIGIBLE_ANSWERS, ELIGIBLE_SLOTS, ELIGIBLE_ZH

CHOICES = [slot for slot in ELIGIBLE_SLOTS if QUESTIONS_BY_SLOT[slot].kind is QuestionKind.CHOICE]


@pytest.mark.parametrize("slot", CHOICES)
def test_the_words_of_each_choice_are_read_as_the_stored_answer(slot: str) -> None:
    question = QUESTIONS_BY_SLOT[slot]
    assert read_reply(question, ELIGIBLE[slot], screening_date()) == (ELIGIBLE_SLOTS[slot],)


def test_the_eligible_patient_is_pre_qualified_with_something_to_verify() -> None:
    screening = evaluate(ELIGIBLE_ANSWERS, screening_date())
    assert screening.outcome is Outcome.PRE_QUALIFIED
    assert any(result.finding.note == "patient_unsure" for result in screening.results)


HEALTH = [slot for slot in ELIGIBLE_SLOTS if slot != "birth"]  # birth depends on the day


@pytest.mark.parametrize("slot", HEALTH)
def test_the_chinese_words_are_read_as_the_same_stored_answer(slot: str) -> None:
    answer = reader_for("zh").answer(QUESTIONS_BY_SLOT[slot], ELIGIBLE_ZH[slot], screening_date())
    assert answer == (ELIGIBLE_SLOTS[slot],)
