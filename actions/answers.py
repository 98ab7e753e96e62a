"""Reading tracker slots as typed answers, and patient replies as slot values.

Slot values are canonical strings (see bot/answers.py). A reply that cannot be
read raises `Unreadable` with the name of the hint response to send.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from enum import Enum
from typing import Any

from bot.answers import ONGOING, Answers, DateSpan, Reply
from bot.criteria import QUESTIONS, QUESTIONS_BY_SLOT, Question, QuestionKind
from bot.dates import InvalidDate, parse_birth, parse_past_date
from bot.replies import hedges, is_ongoing, read_choice, says_unsure


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
            value = event.get("value")
            if _typed(QUESTIONS_BY_SLOT[event["name"]], value) is not None:
                turn[event["name"]] = value
    return history


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


def read_reply(question: Question, reply: str, today: date, said: str = "") -> str:
    """The canonical slot value for a patient's reply to `question`.

    `said` is the patient's message when the slot was filled from its intent: a
    yes or no said with a hedge ("probably not sure") is stored as unsure."""
    kind = question.kind
    if kind is not QuestionKind.REPLY and _typed(question, reply) is not None:
        return reply  # already canonical: a form re-validating what it stored
    if kind is QuestionKind.REPLY:
        if hedges(said):
            return Reply.UNSURE.value
        return Reply(reply).value  # only filled from intents: always canonical
    if kind is QuestionKind.CHOICE:
        assert question.choices is not None
        member: Enum | None = read_choice(question.choices, reply)
        if member is None:
            raise Unreadable("utter_invalid_choice")
        return str(member.value)
    if reply == Reply.UNSURE.value or (says_unsure(reply) and not re.search(r"\d", reply)):
        if kind is QuestionKind.BIRTH:
            raise Unreadable("utter_invalid_birth_unsure")
        return Reply.UNSURE.value
    if kind is QuestionKind.END_DATE and is_ongoing(reply):
        return ONGOING
    try:
        read = parse_birth if kind is QuestionKind.BIRTH else parse_past_date
        return read(reply, today).to_slot()
    except InvalidDate as error:
        raise Unreadable(f"utter_invalid_date_{error.reason}") from error
