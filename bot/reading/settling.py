"""What a reading stores at its question: one canonical value, or nothing
(the patient is asked again). The same rule for every caller, the form's
validation and the tests alike."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.protocol.answers import Answers, Reply
from bot.protocol.canonical import typed_value
from bot.protocol.criteria import Question, QuestionKind
from bot.protocol.eligibility import applicable_questions, decisive_answer, evaluate
from bot.reading.result import NotSure, Value


def stored_value(
    question: Question, reading: Value | NotSure, answers: Answers, today: date
) -> str | None:
    """The value to store for `question` given the patient's other `answers`:
    the one value read; of several facts, the one that excludes (if exactly
    one does); beside words not understood (`Value.unread`), only a value that
    excludes, or the one on which most is still asked. None otherwise: the
    patient is asked again."""
    if isinstance(reading, NotSure):
        return reading.value
    if reading.either:
        alike = _decide_alike(question, reading.values, answers, today)
        return reading.values[0] if alike else None
    if len(reading.values) == 1 and not reading.unread:
        return reading.values[0]
    typed = {typed_value(question, value): value for value in reading.values}
    decisive = decisive_answer(question.slot, list(typed), answers, today)
    if decisive is not None:
        return typed[decisive]
    if reading.unread and len(reading.values) == 1:  # one fact beside words not understood
        value = reading.values[0]  # a yes that opens the question of when it ended, say
        return value if _asks_most(question, value, answers, today) else None
    return None


def _decide_alike(
    question: Question, values: tuple[str, ...], answers: Answers, today: date
) -> bool:
    """Each reading of the one fact gives every criterion the same decision,
    the same date to come back and the same questions still to ask: which one
    is stored then changes nothing the screening decides."""

    def decided(value: str) -> tuple[object, ...]:
        answered = replace(answers, **{question.slot: typed_value(question, value)})
        screening = evaluate(answered, today)
        decisions = tuple(result.decision for result in screening.results)
        return decisions, screening.rescreen_date, tuple(applicable_questions(answered, today))

    return len({decided(value) for value in values}) == 1


def _asks_most(question: Question, value: str, answers: Answers, today: date) -> bool:
    """Storing `value` keeps the patient on the path on which most is still
    asked: the questions it makes applicable include those of every other
    answer to a yes / no question, and more ("yes" to a recent infection
    opens the question of when its treatment ended, which decides)."""
    if question.kind is not QuestionKind.REPLY:
        return False
    asked = {
        reply.value: set(applicable_questions(replace(answers, **{question.slot: reply}), today))
        for reply in Reply
    }
    mine = asked[value]
    return all(mine > others for other, others in asked.items() if other != value)


def reason_to_ask(reading: Value) -> str:
    """The response when `stored_value` stores nothing."""
    if reading.either:
        return "utter_invalid_date_two_ways"
    return "utter_invalid_not_understood" if reading.unread else "utter_invalid_two_facts"
