"""The criteria engine: pure functions from answers to results and an outcome.

Outcome of a screening (criteria-map.md): any `excluded` -> not eligible; else any
`deferred` -> deferred, re-screen on the latest window end; else pre-qualified,
with every `verify` listed. Screening goes on after a deferral (a later answer
may still exclude), so until every applicable question is answered the outcome
is INCOMPLETE unless an exclusion has already decided it.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import Any

from bot.protocol.answers import Answers
from bot.protocol.criteria import CRITERIA, QUESTIONS, Criterion
from bot.protocol.decisions import Decision, Finding


class Outcome(str, Enum):
    NOT_ELIGIBLE = "not_eligible"
    DEFERRED = "deferred"
    PRE_QUALIFIED = "pre_qualified"
    INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    finding: Finding

    @property
    def decision(self) -> Decision:
        return self.finding.decision


@dataclass(frozen=True)
class Screening:
    results: tuple[CriterionResult, ...]
    outcome: Outcome
    rescreen_date: date | None

    def with_decision(self, decision: Decision) -> tuple[CriterionResult, ...]:
        return tuple(r for r in self.results if r.decision is decision)


def judge(criterion: Criterion, answers: Answers, today: date) -> Finding:
    """The criterion's finding; NOT_ASKED while a question it needs is unanswered."""
    return criterion.rule(answers, today) or Finding(Decision.NOT_ASKED)


def applicable_questions(answers: Answers, today: date) -> list[str]:
    """Slots of the questions that apply to this patient, in the order asked.

    The list ends at the first answer that excludes the patient: nothing after a
    hard exclusion is ever asked. Answered questions stay in the list, so a
    caller can tell what is still open by checking which of them are unanswered.
    A new list on every call.
    """
    return list(_applicable_questions(answers, today))


@functools.lru_cache(maxsize=64)
def _applicable_questions(answers: Answers, today: date) -> tuple[str, ...]:
    """`applicable_questions`, remembered for the last answers it was asked
    about: it judges the criteria once per question, and one run of the form's
    validation asks it about the same answers seven times (rasa_sdk calls
    `required_slots` three times): 70% of a validation's 1.9 ms."""
    slots: list[str] = []
    asked_so_far = Answers()  # an exclusion is judged on the answers up to here
    for question in QUESTIONS:
        if not question.applies(asked_so_far):
            continue
        slots.append(question.slot)
        answer = getattr(answers, question.slot)
        asked_so_far = replace(asked_so_far, **{question.slot: answer})
        if answer is not None and _excludes(question.slot, asked_so_far, today):
            break
    return tuple(slots)


def ending_answer(answers: Answers, today: date) -> str | None:
    """The question whose answer ends the screening with an exclusion (the
    last applicable one, answered and excluding), or None."""
    slots = applicable_questions(answers, today)
    last = slots[-1] if slots else None
    if last is None or getattr(answers, last) is None:
        return None
    return last if _excludes(last, answers, today) else None


def open_questions(answers: Answers, today: date) -> list[str]:
    """Applicable questions not yet answered, in the order they will be asked."""
    return [slot for slot in applicable_questions(answers, today) if getattr(answers, slot) is None]


def _excludes(slot: str, answers: Answers, today: date) -> bool:
    return any(
        slot in criterion.slots and judge(criterion, answers, today).decision is Decision.EXCLUDED
        for criterion in CRITERIA
    )


def decisive_answer(
    slot: str, candidates: Collection[Any], answers: Answers, today: date
) -> Any | None:
    """Of several facts one reply states for `slot` (typed answers), the one
    that decides: the only one that would exclude the patient, given the other
    answers (any fact that excludes wins). None when none of them, or more than
    one, excludes: the patient is asked again."""
    excluding = [
        candidate
        for candidate in candidates
        if _excludes(slot, replace(answers, **{slot: candidate}), today)
    ]
    return excluding[0] if len(excluding) == 1 else None


def evaluate(answers: Answers, today: date) -> Screening:
    """Judge every criterion and derive the outcome of the whole screening."""
    results = tuple(CriterionResult(c, judge(c, answers, today)) for c in CRITERIA)
    decisions = {r.decision for r in results}
    if Decision.EXCLUDED in decisions:
        return Screening(results, Outcome.NOT_ELIGIBLE, None)
    if open_questions(answers, today):
        return Screening(results, Outcome.INCOMPLETE, None)
    deferrals = [r.finding.until for r in results if r.finding.until is not None]
    if deferrals:
        return Screening(results, Outcome.DEFERRED, max(deferrals))
    return Screening(results, Outcome.PRE_QUALIFIED, None)
