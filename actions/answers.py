"""Reading tracker slots as typed answers, and patient replies as slot values.

Slot values are canonical strings (see bot/answers.py). A reply that cannot be
read raises `Unreadable` with the name of the hint response to send.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum
from typing import Any

from bot.answers import ONGOING, Answers, DateSpan, Reply
from bot.criteria import QUESTIONS, Question, QuestionKind
from bot.dates import InvalidDate, parse_birth, parse_past_date
from bot.replies import is_ongoing, read_choice


class Unreadable(ValueError):
    def __init__(self, hint: str) -> None:
        super().__init__(hint)
        self.hint = hint


def answers_from_slots(slots: Mapping[str, Any]) -> Answers:
    """The typed answers held in the slots; a value that is not canonical (a
    reply not yet validated) counts as unanswered."""
    return Answers(**{q.slot: _typed(q, slots.get(q.slot)) for q in QUESTIONS})


def question_slots(slots: Mapping[str, Any]) -> dict[str, Any]:
    """Only the pre-screen answers, by slot, as given in the chat."""
    return {q.slot: slots.get(q.slot) for q in QUESTIONS}


def _typed(question: Question, value: Any) -> Any:
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


def read_reply(question: Question, reply: str, today: date) -> str:
    """The canonical slot value for a patient's reply to `question`."""
    kind = question.kind
    if kind is QuestionKind.REPLY:
        return Reply(reply).value  # only filled from intents: always canonical
    if kind is QuestionKind.CHOICE:
        assert question.choices is not None
        member: Enum | None = read_choice(question.choices, reply)
        if member is None:
            raise Unreadable("utter_invalid_choice")
        return str(member.value)
    if reply == Reply.UNSURE.value:
        if kind is QuestionKind.BIRTH:
            raise Unreadable("utter_invalid_birth_unsure")
        return reply
    if kind is QuestionKind.END_DATE and is_ongoing(reply):
        return ONGOING
    try:
        read = parse_birth if kind is QuestionKind.BIRTH else parse_past_date
        return read(reply, today).to_slot()
    except InvalidDate as error:
        raise Unreadable(f"utter_invalid_date_{error.reason}") from error
