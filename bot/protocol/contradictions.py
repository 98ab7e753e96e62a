"""Answers staff should look at twice: changed, or contradicting the others.

A patient may change an answer ("sorry, I meant yes") or give one that their
other answers rule out ("I'm pregnant" after "I cannot become pregnant"). The
screening always uses the final answers; these flags tell staff what happened,
so nothing is resolved silently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from bot.protocol.answers import Answers, DateSpan
from bot.protocol.criteria import QUESTIONS
from bot.protocol.eligibility import applicable_questions


class FlagKind(str, Enum):
    CHANGED = "changed_answer"  # the patient answered this question differently before
    NOT_APPLICABLE = "answer_not_applicable"  # other answers say this question does not apply
    RESTARTED = "restarted_after_exclusion"  # started over after these criteria excluded


@dataclass(frozen=True)
class Flag:
    kind: FlagKind
    slot: str
    detail: str  # the answers in the order given ("no -> yes"), or the answer


def restarted_after(exclusions: Sequence[str]) -> tuple[Flag, ...]:
    """The flag for a screening started over after an exclusion (the criterion
    ids that excluded before, in order), or none."""
    if not exclusions:
        return ()
    return (Flag(FlagKind.RESTARTED, "", ", ".join(dict.fromkeys(exclusions))),)


def contradictions(
    answers: Answers, history: Mapping[str, Sequence[str]], today: date
) -> tuple[Flag, ...]:
    """Flags in question order. `history` holds, per question slot, every
    canonical answer the patient gave to it, oldest first."""
    applicable = set(applicable_questions(answers, today))
    flags: list[Flag] = []
    for question in QUESTIONS:
        given = _without_repeats(history.get(question.slot, ()))
        if len(given) > 1:
            flags.append(Flag(FlagKind.CHANGED, question.slot, " -> ".join(given)))
        value = getattr(answers, question.slot)
        if value is not None and question.slot not in applicable:
            flags.append(Flag(FlagKind.NOT_APPLICABLE, question.slot, _text(value)))
    return tuple(flags)


def _without_repeats(values: Sequence[str]) -> list[str]:
    """The values with consecutive repeats dropped (a form re-reading an answer)."""
    return [value for i, value in enumerate(values) if i == 0 or values[i - 1] != value]


def _text(value: object) -> str:
    if isinstance(value, DateSpan):
        return value.to_slot()
    return str(value.value) if isinstance(value, Enum) else str(value)
