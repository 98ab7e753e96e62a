"""How the reading tests look at a result (bot/reading/result.py): the
values a reading stores, or the reason it asks again."""

from __future__ import annotations

from datetime import date

from bot.protocol.criteria import Question
from bot.reading.reader import Reader
from bot.reading.result import AskAgain, NotSure


def answered(
    reader: Reader, question: Question, reply: str, today: date, intent: str | None = None
) -> tuple[str, ...]:
    """The canonical values the reading stores ("unsure" for NotSure); an
    AssertionError naming the reason when it asks again."""
    reading = reader.read(question, reply, today, intent)
    assert not isinstance(reading, AskAgain), f"{reply!r} asked again: {reading.reason}"
    return (reading.value,) if isinstance(reading, NotSure) else reading.values


def values_or_reason(
    reader: Reader, question: Question, reply: str, today: date, intent: str | None = None
) -> tuple[str, ...] | str:
    """The values stored, or the response of asking again."""
    reading = reader.read(question, reply, today, intent)
    if isinstance(reading, AskAgain):
        return reading.reason
    return (reading.value,) if isinstance(reading, NotSure) else reading.values


def reason_of(
    reader: Reader, question: Question, reply: str, today: date, intent: str | None = None
) -> str:
    """The response of asking again; an AssertionError when it stores a value."""
    reading = reader.read(question, reply, today, intent)
    assert isinstance(reading, AskAgain), f"{reply!r} was read: {reading}"
    return reading.reason
