"""The shared simulated patient is the same patient in words and as stored."""

from __future__ import annotations

import pytest

from bot.protocol.calendar import screening_date
from bot.protocol.criteria import QUESTIONS_BY_SLOT, QuestionKind
from bot.protocol.eligibility import Outcome, evaluate
from bot.reading.en.lexicon import LEXICON as _ENGLISH
from bot.reading.languages import LanguageReader
from bot.reading.zh.lexicon import LEXICON as _CHINESE
from harness.patients import ELIGIBLE, ELIGIBLE_ANSWERS, ELIGIBLE_SLOTS, ELIGIBLE_ZH

read_reply = LanguageReader(_ENGLISH).read_reply
read_chinese = LanguageReader(_CHINESE).read_reply

CHOICES = [slot for slot in ELIGIBLE_SLOTS if QUESTIONS_BY_SLOT[slot].kind is QuestionKind.CHOICE]


@pytest.mark.parametrize("slot", CHOICES)
def test_the_words_of_each_choice_are_read_as_the_stored_answer(slot: str) -> None:
    question = QUESTIONS_BY_SLOT[slot]
    assert read_reply(question, ELIGIBLE[slot], screening_date()) == (ELIGIBLE_SLOTS[slot],)


def test_the_eligible_patient_is_pre_qualified_with_something_to_verify() -> None:
    screening = evaluate(ELIGIBLE_ANSWERS, screening_date())
    assert screening.outcome is Outcome.PRE_QUALIFIED
    assert any(result.finding.note == "patient_unsure" for result in screening.results)


@pytest.mark.parametrize("slot", sorted(set(ELIGIBLE_SLOTS) - {"birth"}))
def test_the_chinese_words_are_read_as_the_same_answers(slot: str) -> None:
    question = QUESTIONS_BY_SLOT[slot]
    assert read_chinese(question, ELIGIBLE_ZH[slot], screening_date()) == (ELIGIBLE_SLOTS[slot],)


def test_the_chinese_patient_is_as_old() -> None:
    english = read_reply(QUESTIONS_BY_SLOT["birth"], ELIGIBLE["birth"], screening_date())
    assert (
        read_chinese(QUESTIONS_BY_SLOT["birth"], ELIGIBLE_ZH["birth"], screening_date()) == english
    )
