"""The English reader: a patient's reply to a question -> a canonical slot value.

A reply that cannot be read raises `Unreadable` with the name of the hint
response to send; nothing is guessed.
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum

from bot.protocol.answers import ONGOING, Reply
from bot.protocol.canonical import typed_value
from bot.protocol.criteria import Question, QuestionKind
from bot.reading.en.dates import InvalidDate, parse_birth, parse_past_date
from bot.reading.en.replies import hedges, is_ongoing, read_choice, says_unsure
from bot.reading.reader import Unreadable


def read_reply(question: Question, reply: str, today: date, said: str = "") -> str:
    """The canonical slot value for a patient's reply to `question`.

    `said` is the patient's message when the slot was filled from its intent: a
    yes or no said with a hedge ("probably not sure") is stored as unsure."""
    kind = question.kind
    if kind is not QuestionKind.REPLY and typed_value(question, reply) is not None:
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
