"""Canonical slot values <-> typed answers.

Every answer is kept as a canonical string (see bot/protocol/answers.py): enum
values, ISO dates or date spans, `unsure`, `ongoing`. These functions read such
values back as typed answers; a value that is not canonical (a reply not yet
read) counts as unanswered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.protocol.answers import ONGOING, Answers, DateSpan, Reply
from bot.protocol.criteria import QUESTIONS, QUESTIONS_BY_SLOT, Question, QuestionKind


def answers_from_slots(slots: Mapping[str, Any]) -> Answers:
    """The typed answers held in the slots; a value that is not canonical (a
    reply not yet validated) counts as unanswered."""
    return Answers(**{q.slot: typed_value(q, slots.get(q.slot)) for q in QUESTIONS})


def question_slots(slots: Mapping[str, Any]) -> dict[str, Any]:
    """Only the pre-screen answers, by slot, as given in the chat."""
    return {q.slot: slots.get(q.slot) for q in QUESTIONS}


def answer_history(events: Sequence[Mapping[str, Any]]) -> dict[str, list[str]]:
    """Per question slot, the canonical answers the patient gave, oldest first:
    the last one of each turn (within a turn the form may still re-read the
    answer, e.g. a hedged "yes" becomes "unsure")."""
    history: dict[str, list[str]] = {}
    turn: dict[str, str] = {}
    for event in [*events, {"event": "user"}]:  # the sentinel closes the last turn
        if event.get("event") == "user":
            for slot, value in turn.items():
                history.setdefault(slot, []).append(value)
            turn = {}
        elif event.get("event") == "slot" and event.get("name") in QUESTIONS_BY_SLOT:
            given = event.get("value")
            if typed_value(QUESTIONS_BY_SLOT[event["name"]], given) is not None:
                turn[event["name"]] = str(given)
    return history


def typed_value(question: Question, value: Any) -> Any:
    """The typed answer held in a canonical `value`, or None if it is not one."""
    if not isinstance(value, str):
        return None
    try:
        if question.kind is QuestionKind.REPLY:
            return Reply(value)
        if question.kind is QuestionKind.CHOICE:
            assert question.choices is not None
            return question.choices(value)
        if value == Reply.UNSURE.value and question.kind is not QuestionKind.BIRTH:
            return Reply.UNSURE
        if value == ONGOING and question.kind is QuestionKind.END_DATE:
            return ONGOING
        return DateSpan.from_slot(value)
    except ValueError:
        return None
